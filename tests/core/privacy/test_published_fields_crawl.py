"""The crawl of issue 13, in the suite: through the real views, as a persona who may use each
form, type a name, a phone number, an INSZ, an IBAN, an e-mail address and a street address
into every scanned form field that reaches a public page, an export or another STEK, and prove
each is refused with the form's error and nothing is saved. The published contact details of
the STEK, its partners and the service itself are accepted where they belong (service texts,
an activity's texts), and only there.

The cases are derived from the model inventory: every field of ``MUST_SCAN`` (and every other
field with the validator) must be crawled here, or the first test fails.
"""

from collections import Counter
from datetime import timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from stek.advocacy.models import Addressee, Dossier, DossierAction, Signal, StepEntry
from stek.advocacy.models import Testimony as TestimonyModel
from stek.agenda.models import Activity, Pause, SessionChange, TallyCategory
from stek.agenda.services import categories_for
from stek.core.models import Partnership, Stek
from stek.core.vocabulary import Topic
from stek.participation import services as participation
from stek.participation.models import Idea, Meeting, Option
from stek.reports import services as reports
from stek.reports.models import TeamScore, YearReport
from stek.socialmap.models import Location, Service, ServiceNotice
from tests.core.privacy.test_published_fields import (
    CONTACTS_ALLOWED,
    INTERNAL_MODELS,
    label,
    scanner_of,
    text_fields,
)
from tests.core.privacy.test_scanner import INSZ_1985
from tests.factories.advocacy import DossierFactory
from tests.factories.socialmap import ServiceFactory, TopicFactory

PAYLOADS = {
    "person_name": "Vraag naar Jan Peeters",
    "phone": "Bel 0470 12 34 56",
    "national_number": f"INSZ {INSZ_1985}",
    "iban": "Op BE71 0961 2345 6769",
    "email": "Mail jan.peeters@telenet.be",
    "address": "Kerkstraat 12 in Gent",
}

STEK_PHONE = "+32 9 210 10 10"
STEK_EMAIL = "info@alfa.example"
STEK_STREET = "Sint-Pietersplein 5"
SERVICE_PHONE = "+32 9 000 10 01"  # make_service's phone
PUBLISHED = f"Vragen? Bel 09 210 10 10, mail {STEK_EMAIL} of kom naar {STEK_STREET}, 9000 Gent."


# Scanned fields no form edits (so there is nothing to crawl), and why.
NOT_IN_A_FORM = {
    "core.Topic.name_fr": "only built-in topics have translations (from a migration)",
    "core.Topic.name_en": "only built-in topics have translations (from a migration)",
    "core.Organisation.description": (
        "no form edits it; the HSDS import scans it (test_hsds_import_refuses_personal_data)"
    ),
}


class Case:
    """One form: its URL, the persona, valid data without the field, the model it saves."""

    def __init__(self, name, persona, url, data, model, fields, rows=None):
        self.name, self.persona, self.url, self.data = name, persona, url, data
        self.model, self.fields, self.rows = model, fields, rows


def _today():
    return timezone.localdate()


def build_cases(world):
    stek = world.stek_a
    slug = stek.slug
    today = _today()
    org = world.partner_a.organisation
    activity = Activity.objects.create(
        stek=stek, title="Soep", start_date=today, start_time="10:00", end_time="12:00"
    )
    service = ServiceFactory(organisation=org)
    dossier = DossierFactory(lead_stek=stek)
    home = TopicFactory(code="leefloon")
    d = {"slug": slug, "pk": dossier.pk}
    idea = participation.submit_idea(stek=stek, text="Meer soep.", source="box")
    meeting = participation.create_meeting(actor=None, stek=stek, title="Wat?", held_on=today)
    reports.start_self_evaluation(actor=None, stek=stek, year=today.year)
    return [
        Case(
            "activity", "coordinator_a", reverse("agenda:activity_create", kwargs={"slug": slug}),
            {"title": "Koffie", "pictogram": "coffee", "is_meet": "on", "start_date": today,
             "start_time": "10:00", "end_time": "12:00", "recurrence": "weekly",
             "access": "walk_in", "is_free": "on"},
            Activity,
            ["title", "description", "place", "price_note", "audience", "languages",
             "accessibility"],
        ),
        Case(
            "session notice", "coordinator_a",
            reverse("agenda:session_change", kwargs={"slug": slug, "pk": activity.pk,
                                                     "day": today}),
            {"kind": "cancelled"}, SessionChange, ["notice"],
        ),
        Case(
            "pause", "coordinator_a", reverse("agenda:pauses", kwargs={"slug": slug}),
            {"label": "Kerstvakantie", "start": today, "end": today}, Pause, ["label"],
        ),
        Case(
            "tally category", "coordinator_a", reverse("agenda:categories", kwargs={"slug": slug}),
            {"label": "Tiener", "order": 3}, TallyCategory, ["label"],
        ),
        Case(
            "service", "coordinator_a", reverse("socialmap:service_create", kwargs={"slug": slug}),
            {"organisation": org.pk, "name": "Schuldhulp", "description": "Hulp bij schulden.",
             "topics": [home.pk], "cost": "free", "visibility": "public", "status": "active"},
            Service,
            [f"{f}{lang}" for f in ("name", "description", "eligibility")
             for lang in ("", "_fr", "_en")]
            + ["fees_description", "required_documents", "application_process", "accessibility"],
        ),
        Case(
            "location", "coordinator_a",
            reverse("socialmap:location_create", kwargs={"slug": slug}),
            {"organisation": org.pk, "name": "Kantoor", "street": "Stationsstraat 9",
             "postal_code": "9000", "municipality": "Gent"},
            Location, ["name", "transport"],
        ),
        Case(
            "service notice", "coordinator_a",
            reverse("socialmap:notice_create", kwargs={"slug": slug, "pk": service.pk}),
            {"kind": "info", "starts_on": today, "ends_on": today + timedelta(days=3)},
            ServiceNotice, ["message"],
        ),
        Case(
            "custom topic", "coordinator_a", reverse("advocacy:topics", kwargs={"slug": slug}),
            {"life_domain": "wonen", "name": "Wachtlijst sociale woning"}, Topic,
            ["name", "synonyms"],
        ),
        Case(
            "signal quote", "volunteer_a", reverse("advocacy:signal_new", kwargs={"slug": slug}),
            {"kind": "problem", "life_domain": "wonen", "source": "direct",
             "quote_consent": "on"},
            Signal, ["quote"],
        ),
        Case(
            "dossier", "worker_a", reverse("advocacy:dossier_create", kwargs={"slug": slug}),
            {"title": "Wachtlijsten", "problem": "Te lange wachtlijsten.",
             "life_domains": ["wonen"], "evidence_from": "2020-01-01"},
            Dossier, ["title", "problem", "situation", "positions", "ask"],
        ),
        Case(
            "step note", "worker_a", reverse("advocacy:dossier_step", kwargs=d),
            {"step": "verzameld", "reached_on": today}, StepEntry, ["note"],
        ),
        Case(
            "outcome note", "worker_a", reverse("advocacy:dossier_outcome", kwargs=d),
            {"outcome": "partly"}, Dossier, ["outcome_note"],
            rows=lambda: Dossier.objects.filter(pk=dossier.pk, outcome="partly"),
        ),
        Case(
            "testimony", "worker_a", reverse("advocacy:testimony_add", kwargs=d),
            {"consent": "on", "text": "Het formulier is te moeilijk."}, TestimonyModel, ["text"],
        ),
        Case(
            "addressee", "worker_a", reverse("advocacy:addressee_add", kwargs=d),
            {"level": "local", "body": "Gemeenteraad Gent"}, Addressee, ["body", "response"],
        ),
        Case(
            "action", "worker_a", reverse("advocacy:action_add", kwargs=d),
            {"kind": "letter", "date": today, "visitors": 0, "description": "Een brief."},
            DossierAction, ["description"],
        ),
        Case(
            "service area", "coordinator_a", reverse("core:stek_edit", kwargs={"slug": slug}),
            {"name": "STEK Alfa", "slug": slug, "kind": "andere"}, Stek, ["service_area"],
            rows=lambda: Stek.objects.filter(pk=stek.pk).exclude(service_area=""),
        ),
        Case(
            "partner contribution", "coordinator_a",
            reverse("core:partner_create", kwargs={"slug": slug}),
            {"name": "Nieuwe Partner vzw", "kind": "andere", "role": "partner"},
            Partnership, ["contribution"],
        ),
        Case(
            "idea box", "anonymous", reverse("participation:box", kwargs={"slug": slug}),
            {"category": ""}, Idea, ["text"],
        ),
        Case(
            "idea answer", "worker_a",
            reverse("participation:idea_detail", kwargs={"slug": slug, "pk": idea.pk}),
            {"action": "decline"}, Idea, ["answer"],
            rows=lambda: Idea.objects.filter(pk=idea.pk, state="declined"),
        ),
        Case(
            "council meeting", "worker_a", reverse("participation:meetings", kwargs={"slug": slug}),
            {"held_on": today}, Meeting, ["title"],
        ),
        Case(
            "council option", "worker_a",
            reverse("participation:meeting", kwargs={"slug": slug, "pk": meeting.pk}),
            {"action": "option", "pictogram": "other"}, Option, ["label"],
        ),
        Case(
            "yearly report", "coordinator_a",
            reverse("reports:freeze", kwargs={"slug": slug, "year": _today().year - 1}),
            {}, YearReport, ["bbc_code", "highlights", "plans"],
        ),
        Case(
            "self-evaluation evidence", "coordinator_a",
            reverse("reports:selfeval_meeting", kwargs={"slug": slug, "year": today.year,
                                                        "axis": "ontmoeten"}),
            {"statement": "ontmoeten.kost", "score": "3"}, TeamScore, ["note"],
        ),
    ]  # fmt: skip


@pytest.fixture
def crawl(world):
    stek = world.stek_a
    stek.contact_phone, stek.contact_email = STEK_PHONE, STEK_EMAIL
    stek.street, stek.postal_code, stek.municipality = STEK_STREET, "9000", "Gent"
    stek.save()
    assert categories_for(stek)  # the defaults, made with the STEK, exist before the crawl
    return build_cases(world)


def _form_errors(response, field):
    """The errors a form on the page shows for ``field`` (any form in the context)."""
    errors = []
    contexts = response.context if isinstance(response.context, list) else [response.context]
    values = [v for context in contexts for v in context.flatten().values()]
    for value in values:
        form_errors = getattr(value, "errors", None)
        if hasattr(value, "fields") and form_errors and field in form_errors:
            errors += list(form_errors[field])
    return errors


def _rows(case):
    return (case.rows or case.model.objects.all)().count()


def test_every_scanned_field_is_crawled(world, crawl):
    crawled = {f"{c.model._meta.label}.{f}" for c in crawl for f in c.fields}
    scanned = {
        label(m, f)
        for m, f in text_fields()
        if scanner_of(f) is not None and m._meta.label not in INTERNAL_MODELS
    }
    assert scanned - crawled - set(NOT_IN_A_FORM) == set(), (
        "scanned fields the crawl does not type into"
    )
    assert crawled - scanned == set(), "crawled fields that are not scanned"
    assert apps.get_model("core.Topic")._meta.get_field("name") in [
        f for m, f in text_fields() if scanner_of(f) is not None
    ]


def test_personal_data_is_refused_in_every_published_field(world, client_for, crawl):
    accepted = []
    for case in crawl:
        client = client_for(case.persona)
        for field in case.fields:
            for kind, text in PAYLOADS.items():
                before = _rows(case)
                response = client.post(case.url, {**case.data, field: text})
                errors = _form_errors(response, field) if response.context else []
                refused = response.status_code in (200, 400) and any(
                    "persoonsgegevens" in e for e in errors
                )
                if not refused or _rows(case) != before:
                    accepted.append((case.name, field, kind, response.status_code))
    assert accepted == [], f"personal data accepted (case, field, kind, status): {accepted}"


def test_the_crawl_can_save_each_form_with_clean_text(world, client_for, crawl):
    """The base data is valid: without personal data each form saves (so a refusal above is
    the scanner's, not a missing field)."""
    for case in crawl:
        client = client_for(case.persona)
        before = _rows(case)
        field = case.fields[-1]
        clean = {**case.data, field: case.data.get(field) or "Elke dinsdag, gratis."}
        response = client.post(case.url, clean)
        assert response.status_code == 302, (case.name, response.status_code)
        assert _rows(case) == before + 1 or case.rows, case.name


@pytest.mark.parametrize(
    "field", ["description", "place", "price_note", "accessibility", "audience"]
)
def test_an_activity_may_name_the_stek_s_published_contacts(world, client_for, crawl, field):
    case = crawl[0]
    response = client_for(case.persona).post(
        case.url, {**case.data, "title": f"Koffie {field}", field: PUBLISHED[:120]}
    )
    assert response.status_code == 302, _form_errors(response, field)
    assert Activity.objects.filter(title=f"Koffie {field}").exists()


def test_a_service_may_name_its_own_and_the_stek_s_contacts_and_nothing_else(
    world, client_for, crawl
):
    case = next(c for c in crawl if c.name == "service")
    client = client_for(case.persona)
    own = "Bel ons op 09 000 10 01 of kom langs in de Stationsstraat 9, 9000 Gent."
    data = {**case.data, "phone": SERVICE_PHONE, "description": own,
            "eligibility": PUBLISHED, "application_process": "Mail eerst naar hulp@dienst.example",
            "email": "hulp@dienst.example"}  # fmt: skip
    response = client.post(case.url, data)
    assert response.status_code == 200  # the location is not the service's: refused
    assert "Stationsstraat 9" in " ".join(_form_errors(response, "description"))
    location = Location.objects.create(
        organisation=world.partner_a.organisation, name="Kantoor", street="Stationsstraat 9",
        postal_code="9000", municipality="Gent",
    )  # fmt: skip
    response = client.post(case.url, {**data, "locations": [location.pk]})
    assert response.status_code == 302, response.context and _form_errors(response, "description")
    saved = Service.objects.get(name="Schuldhulp")
    assert saved.description == own and saved.eligibility == PUBLISHED

    # Another number, or the service's number in a field that allows nothing, is refused.
    response = client.post(case.url, {**data, "name": "Andere", "description": "Bel 09 000 10 02."})
    assert response.status_code == 200
    assert "09 000 10 02" in " ".join(_form_errors(response, "description"))


def test_a_service_notice_may_name_the_service_s_phone(world, client_for, crawl):
    case = next(c for c in crawl if c.name == "service notice")
    client = client_for(case.persona)
    response = client.post(case.url, {**case.data, "message": "Dringend? Bel 09 000 10 01."})
    assert response.status_code == 302
    response = client.post(case.url, {**case.data, "message": "Dringend? Bel 0470 12 34 56."})
    assert response.status_code == 400
    assert ServiceNotice.objects.count() == 1


def test_contacts_are_allowed_only_where_they_belong(world, client_for, crawl):
    """A signal's quote, a testimony, a dossier: the STEK's own phone is refused there too."""
    for name, field in [("signal quote", "quote"), ("testimony", "text"), ("dossier", "ask")]:
        case = next(c for c in crawl if c.name == name)
        assert f"{case.model._meta.label}.{field}" not in CONTACTS_ALLOWED
        before = _rows(case)
        response = client_for(case.persona).post(
            case.url, {**case.data, field: "Bel 09 210 10 10."}
        )
        assert _rows(case) == before, name
        assert any("persoonsgegevens" in e for e in _form_errors(response, field)), name


def test_a_text_longer_than_its_bound_is_refused_before_it_is_scanned(
    world, client_for, crawl, monkeypatch
):
    from stek.core.privacy import validators

    calls = []
    real = validators._raw_scan
    monkeypatch.setattr(validators, "_raw_scan", lambda *a: calls.append(a) or real(*a))
    case = crawl[0]
    response = client_for(case.persona).post(case.url, {**case.data, "description": "Jan " * 600})
    assert response.status_code == 200
    assert _form_errors(response, "description")
    assert not [c for c in calls if c[0].startswith("Jan Jan")]
    assert not Activity.objects.filter(title="Koffie").exists()


def test_hsds_import_refuses_personal_data(world):
    """Imported texts reach every STEK's social map: scanned like a form's."""
    from stek.socialmap import hsds

    service = ServiceFactory(organisation=world.partner_a.organisation, name="Export")
    record = hsds.service_to_hsds(service)
    record["description"] = "Vraag naar Jan Peeters, 0470 12 34 56."
    imported, rejected = hsds.import_records(world.network, [record])
    assert imported == [] and "refused" in rejected[0][2], rejected
    assert Service.objects.get(pk=service.pk).description == "Hulp met een leefloon."

    record["description"] = "Bel ons: 09 000 10 01."  # its own phone: fine
    imported, rejected = hsds.import_records(world.network, [record])
    assert (
        rejected == [] and Service.objects.get(pk=service.pk).description == record["description"]
    )

    org = hsds.organisation_to_hsds(world.partner_a.organisation)
    org["description"] = "Contact: Jan Peeters."
    imported, rejected = hsds.import_records(world.network, [org])
    assert imported == [] and "refused" in rejected[0][2], rejected


@pytest.mark.parametrize("name", ["activity", "service", "dossier", "testimony", "addressee"])
def test_a_save_through_the_service_scans_each_text_once(
    world, client_for, crawl, monkeypatch, name
):
    """Form field, ModelForm full_clean and the service's full_clean: one scan per text."""
    from stek.core.privacy import validators

    case = next(c for c in crawl if c.name == name)
    validators.clear_memo()
    calls = Counter()
    real = validators._raw_scan

    def spy(text, lang, allow):
        calls[text] += 1
        return real(text, lang, allow)

    monkeypatch.setattr(validators, "_raw_scan", spy)
    texts = {f: f"Tekst voor {f} bij {name}, elke dinsdag." for f in case.fields}
    before = _rows(case)
    response = client_for(case.persona).post(case.url, {**case.data, **texts})
    assert response.status_code == 302
    assert _rows(case) == before + 1
    assert {t: calls[t] for t in texts.values()} == dict.fromkeys(texts.values(), 1)
