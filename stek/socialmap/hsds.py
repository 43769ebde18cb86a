"""Open Referral HSDS 3.0: our services and organisations out, and back in.

Nested objects (schedules, addresses, languages…) get stable ids: uuid5 of the parent's id
and the nested object's role, so two exports of the same data are identical and an import of
our own export changes nothing. Topics, ways in and visibility travel as HSDS attributes with
taxonomy terms of our own taxonomies (``stek-topics``, ``stek-access``, ``stek-visibility``).
"""

import json
import uuid
from datetime import date
from functools import lru_cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from jsonschema import Draft202012Validator, FormatChecker

from stek.core.enums import OrganisationKind
from stek.core.models import Organisation
from stek.core.privacy.contacts import contact_strings
from stek.core.privacy.validators import NoPersonalDataValidator, allowing, no_personal_data
from stek.core.vocabulary import Topic

from . import hours
from .enums import LANGUAGES, Cost, ServiceAccess, ServiceStatus, Visibility
from .models import Location, Service

SCHEMA_DIR = Path(__file__).parent / "hsds_schema"
TOPIC_TAXONOMY = "stek-topics"
ACCESS_TAXONOMY = "stek-access"
VISIBILITY_TAXONOMY = "stek-visibility"


@lru_cache(maxsize=2)
def validator(kind):
    """``kind`` is "service" or "organization"."""
    schema = json.loads((SCHEMA_DIR / f"{kind}.json").read_text())
    return Draft202012Validator(schema, format_checker=FormatChecker())


def problems(record, kind):
    """Readable schema errors of one record (empty when valid)."""
    found = []
    for error in sorted(validator(kind).iter_errors(record), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(record)"
        found.append(f"{where}: {error.message}")
    return found


def _sub(parent, role):
    return str(uuid.uuid5(parent, role))


def region_of(postal_code):
    try:
        code = int(postal_code)
    except (TypeError, ValueError):
        return "Vlaanderen"
    if 1000 <= code <= 1299:
        return "Brussels Hoofdstedelijk Gewest"
    if 1300 <= code <= 1499 or 4000 <= code <= 7999:
        return "Wallonie"
    return "Vlaanderen"


def _term(taxonomy, code, name, description=""):
    term_id = uuid.uuid5(uuid.NAMESPACE_URL, f"stek:{taxonomy}:{code}")
    return {
        "id": str(term_id),
        "code": code,
        "name": str(name),
        "description": str(description or name),
        "taxonomy": taxonomy,
    }


def _attribute(service, taxonomy, code, name, description=""):
    term = _term(taxonomy, code, name, description)
    return {
        "id": _sub(service.uuid, f"attribute:{taxonomy}:{code}"),
        "link_id": str(service.uuid),
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
        "value": code,
    }


def location_to_hsds(location):
    data = {
        "id": str(location.uuid),
        "location_type": "physical",
        "organization_id": str(location.organisation.uuid),
        "name": location.name,
        "transportation": location.transport,
        "addresses": [
            {
                "id": _sub(location.uuid, "address"),
                "location_id": str(location.uuid),
                "address_1": location.street,
                "city": location.municipality,
                "state_province": region_of(location.postal_code),
                "postal_code": location.postal_code,
                "country": "BE",
                "address_type": "physical",
            }
        ],
    }
    if location.has_coordinates:
        data["latitude"] = float(location.latitude)
        data["longitude"] = float(location.longitude)
    return data


def organisation_to_hsds(org):
    data = {
        "id": str(org.uuid),
        "name": org.name,
        "description": org.description or org.get_kind_display(),
    }
    if org.website:
        data["website"] = org.website
    if org.kbo_number:
        data["tax_id"] = org.kbo_number
        data["organization_identifiers"] = [
            {
                "id": _sub(org.uuid, "kbo"),
                "identifier_scheme": "BE-BCE_KBO",
                "identifier_type": "KBO",
                "identifier": org.kbo_number,
            }
        ]
    return data


def _schedules(service):
    rules = hours.weekly_rules(service.opening_hours)
    if not service.opening_hours:
        return []
    if not rules:
        return [
            {
                "id": _sub(service.uuid, "schedule:0"),
                "service_id": str(service.uuid),
                "description": service.opening_hours,
            }
        ]
    return [
        {
            "id": _sub(service.uuid, f"schedule:{i}"),
            "service_id": str(service.uuid),
            "freq": "WEEKLY",
            "byday": ",".join(days),
            "opens_at": opens,
            "closes_at": closes,
            "description": service.opening_hours,
        }
        for i, (days, opens, closes) in enumerate(rules)
    ]


def service_to_hsds(service, today=None):
    uid = str(service.uuid)
    notices = [n for n in service.notices.all() if today is None or n.ends_on >= today]
    alert = " ".join(
        f"{n.get_kind_display()} {n.starts_on:%d/%m/%Y}–{n.ends_on:%d/%m/%Y}. {n.message}".strip()
        for n in notices
    )
    data = {
        "id": uid,
        "organization_id": str(service.organisation.uuid),
        "name": service.name,
        "description": service.description,
        "status": service.status,
        "eligibility_description": service.eligibility,
        "application_process": service.application_process,
        "fees_description": service.fees_description,
        "alert": alert,
        "last_modified": service.updated_at.isoformat(),
        "organization": organisation_to_hsds(service.organisation),
        "schedules": _schedules(service),
        "service_at_locations": [
            {
                "id": _sub(service.uuid, f"at:{loc.uuid}"),
                "service_id": uid,
                "location_id": str(loc.uuid),
                "location": location_to_hsds(loc),
            }
            for loc in service.locations.all()
        ],
        "languages": [
            {
                "id": _sub(service.uuid, f"language:{code}"),
                "service_id": uid,
                "code": code,
                "name": str(LANGUAGES.get(code, code)),
            }
            for code in service.languages
        ],
        "cost_options": [
            {
                "id": _sub(service.uuid, "cost"),
                "service_id": uid,
                "option": service.get_cost_display(),
                "currency": "EUR",
                **({"amount": 0} if service.cost == Cost.FREE else {}),
                "amount_description": service.fees_description or service.get_cost_display(),
            }
        ],
        "required_documents": [
            {"id": _sub(service.uuid, f"document:{i}"), "service_id": uid, "document": doc}
            for i, doc in enumerate(service.document_list)
        ],
        "attributes": [
            *(
                _attribute(service, TOPIC_TAXONOMY, t.code, t.name)
                for t in sorted(service.topics.all(), key=lambda t: t.code)
            ),
            *(
                _attribute(service, ACCESS_TAXONOMY, value, label)
                for value, label in ServiceAccess.choices
                if value in service.access
            ),
            _attribute(
                service,
                VISIBILITY_TAXONOMY,
                service.visibility,
                service.get_visibility_display(),
            ),
        ],
    }
    if service.name_fr or service.name_en:
        data["alternate_name"] = " / ".join(n for n in (service.name_fr, service.name_en) if n)
    for field in ("url", "email"):
        if getattr(service, field):
            data[field] = getattr(service, field)
    if service.minimum_age is not None:
        data["minimum_age"] = service.minimum_age
    if service.maximum_age is not None:
        data["maximum_age"] = service.maximum_age
    if service.last_verified:
        data["assured_date"] = service.last_verified.isoformat()
    if service.phone:
        data["phones"] = [
            {"id": _sub(service.uuid, "phone"), "service_id": uid, "number": service.phone}
        ]
    return data


def services_for_export(queryset):
    return queryset.select_related("organisation").prefetch_related(
        "locations__organisation", "topics", "notices"
    )


# --- Import -----------------------------------------------------------------------------------
class Rejected(Exception):
    pass


def _check_texts(obj, allow=()):
    """Imported texts reach the social map of every STEK: scan and bound them as a form would
    (the record's own phone, e-mail and addresses allowed)."""
    scanned = [
        f.name
        for f in obj._meta.fields
        if any(isinstance(v, NoPersonalDataValidator) for v in f.validators)
    ]
    others = [f.name for f in obj._meta.fields if f.name not in scanned]
    with allowing(allow):
        try:
            obj.clean_fields(exclude=others)
        except ValidationError as error:
            details = "; ".join(
                f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
            )
            raise Rejected(f"{obj._meta.model_name} text refused: {details}") from error


def _organisation(network, record):
    uid = uuid.UUID(record["id"])
    org = Organisation.objects.filter(uuid=uid).first()
    if org is not None and org.network_id != network.pk:
        raise Rejected(f"organisation {uid} belongs to another network")
    if org is None:
        clash = Organisation.objects.filter(network=network, name=record["name"]).first()
        if clash is not None:
            raise Rejected(
                f"an organisation named {record['name']!r} already exists with another id"
            )
        org = Organisation(network=network, uuid=uid, kind=OrganisationKind.OTHER)
    org.name = record["name"]
    org.description = record.get("description") or ""
    org.website = record.get("website") or org.website
    org.kbo_number = record.get("tax_id") or org.kbo_number
    try:
        no_personal_data(org.description)
    except ValidationError as error:
        raise Rejected(f"organisation description refused: {' '.join(error.messages)}") from error
    try:
        org.full_clean(exclude=["kbo_number"] if not org.kbo_number else None)
    except ValidationError as error:
        raise Rejected(f"organisation: {error}") from error
    org.save()
    return org


def _location(org, record):
    uid = uuid.UUID(record["id"])
    location = Location.objects.filter(uuid=uid).first() or Location(uuid=uid, organisation=org)
    if location.organisation_id != org.pk:
        raise Rejected(f"location {uid} belongs to another organisation")
    address = (record.get("addresses") or [{}])[0]
    location.name = record.get("name") or address.get("address_1") or org.name
    location.street = address.get("address_1", "")
    location.postal_code = address.get("postal_code", "")
    location.municipality = address.get("city", "")
    location.latitude = record.get("latitude")
    location.longitude = record.get("longitude")
    location.transport = record.get("transportation") or ""
    if not (location.street and location.postal_code and location.municipality):
        raise Rejected(f"location {uid} has no full address (address_1, postal_code, city)")
    _check_texts(
        location,
        contact_strings(addresses=[(location.street, location.postal_code, location.municipality)]),
    )
    location.save()
    return location


def _opening_hours(schedules):
    described = {s.get("description") for s in schedules if s.get("description")}
    for text in described:
        if hours.parsed(text) is not None:
            return text
    rules = []
    for s in schedules:
        if s.get("byday") and s.get("opens_at") and s.get("closes_at"):
            days = ",".join(d.strip().title()[:2] for d in s["byday"].split(","))
            rules.append(f"{days} {s['opens_at'][:5]}-{s['closes_at'][:5]}")
    text = "; ".join(rules)
    return text if text and hours.parsed(text) is not None else ""


def _terms(record, taxonomy):
    return [
        a["taxonomy_term"].get("code") or a.get("value")
        for a in record.get("attributes") or []
        if (a.get("taxonomy_term") or {}).get("taxonomy") == taxonomy
    ]


def _import_service(network, record):
    nested = record.get("organization")
    if nested:
        org = _organisation(network, nested)
    else:
        org = Organisation.objects.filter(
            uuid=uuid.UUID(record["organization_id"]), network=network
        ).first()
        if org is None:
            raise Rejected(f"unknown organization_id {record['organization_id']}")
    uid = uuid.UUID(record["id"])
    service = Service.objects.filter(uuid=uid).first()
    if service is not None and service.organisation.network_id != network.pk:
        raise Rejected(f"service {uid} belongs to another network")
    service = service or Service(uuid=uid)
    service.organisation = org
    service.name = record["name"][:200]
    service.description = record.get("description") or ""
    service.status = (
        ServiceStatus.ACTIVE if record.get("status") == "active" else ServiceStatus.INACTIVE
    )
    service.eligibility = record.get("eligibility_description") or ""
    service.application_process = record.get("application_process") or ""
    service.fees_description = (record.get("fees_description") or "")[:300]
    service.url = record.get("url") or ""
    service.email = record.get("email") or ""
    service.minimum_age = record.get("minimum_age")
    service.maximum_age = record.get("maximum_age")
    phones = record.get("phones") or []
    service.phone = phones[0]["number"][:30] if phones else ""
    service.languages = [lang["code"] for lang in record.get("languages") or [] if lang.get("code")]
    service.required_documents = "\n".join(
        d["document"] for d in record.get("required_documents") or [] if d.get("document")
    )
    service.opening_hours = _opening_hours(record.get("schedules") or [])
    service.access = [
        code for code in _terms(record, ACCESS_TAXONOMY) if code in ServiceAccess.values
    ]
    visibility = _terms(record, VISIBILITY_TAXONOMY)
    service.visibility = (
        visibility[0] if visibility and visibility[0] in Visibility.values else (Visibility.PUBLIC)
    )
    costs = record.get("cost_options") or []
    if costs and costs[0].get("amount") == 0:
        service.cost = Cost.FREE
    elif costs:
        service.cost = Cost.PAID
    if record.get("assured_date"):
        try:
            service.last_verified = date.fromisoformat(record["assured_date"][:10])
        except ValueError as error:
            raise Rejected(f"assured_date: {error}") from error
    if not service.description:
        raise Rejected("description is empty: a service needs to say what it does")
    addresses = [
        (a.get("address_1", ""), a.get("postal_code", ""), a.get("city", ""))
        for at in record.get("service_at_locations") or []
        for a in ((at.get("location") or {}).get("addresses") or [])[:1]
    ]
    _check_texts(
        service,
        contact_strings(phones=[service.phone], emails=[service.email], addresses=addresses),
    )
    service.save()
    locations = [
        _location(org, at["location"])
        for at in record.get("service_at_locations") or []
        if at.get("location")
    ]
    service.locations.set(locations)
    codes = _terms(record, TOPIC_TAXONOMY)
    service.topics.set(Topic.objects.for_network(network.pk).filter(code__in=codes))
    return service


def import_records(network, records):
    """Import a list of HSDS records. Returns (imported, rejected) where rejected is a list
    of (position, id, reason). Each record is imported whole or not at all."""
    imported, rejected = [], []
    for position, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            rejected.append((position, "?", "not a JSON object"))
            continue
        kind = "service" if ("organization_id" in record or "status" in record) else "organization"
        errors = problems(record, kind)
        if errors:
            rejected.append((position, record.get("id", "?"), "; ".join(errors[:3])))
            continue
        try:
            with transaction.atomic():
                if kind == "service":
                    imported.append(_import_service(network, record))
                else:
                    imported.append(_organisation(network, record))
        except Rejected as reason:
            rejected.append((position, record.get("id", "?"), str(reason)))
    return imported, rejected
