"""Public HSDS 3.0 endpoints for public services, following the HSDS API conventions:
``/services`` and ``/organizations`` are paginated (``page``, ``per_page``) and answer
``total_items``, ``total_pages``, ``page_number``, ``size``, ``first_page``, ``last_page``,
``empty`` and ``contents``."""

import math
import uuid
from typing import Any

from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Schema

from stek.core.models import Organisation
from stek.socialmap.hsds import organisation_to_hsds, service_to_hsds, services_for_export
from stek.socialmap.models import Service
from stek.socialmap.search import text_filter

router = Router(tags=["HSDS 3.0"])
MAX_PER_PAGE = 100
MAX_PAGE = 100_000  # far beyond the last page of any social map; 2**62 is refused with 422
PAGE = Query(1, ge=1, le=MAX_PAGE, description="The page, from 1")
PER_PAGE = Query(50, ge=1, le=MAX_PER_PAGE, description=f"Items per page, 1 to {MAX_PER_PAGE}")
SEARCH = Query("", max_length=200, description="Words that each must occur in the service")


class Error(Schema):
    detail: Any


LIST_RESPONSES = {422: Error}
ONE_RESPONSES = {404: Error, 422: Error}


class Page(Schema):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool
    contents: list[dict[str, Any]]


def _page(queryset, page, per_page, render):
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    total = queryset.count()
    pages = max(1, math.ceil(total / per_page))
    page = max(1, page)
    items = list(queryset[(page - 1) * per_page : page * per_page])
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": not items,
        "contents": [render(item) for item in items],
    }


def _public_services():
    return services_for_export(Service.objects.public()).order_by("name", "uuid")


def _public_organisations():
    public = Service.objects.public().values("organisation")
    return Organisation.objects.filter(pk__in=public).order_by("name", "uuid")


def _uuid(value):
    try:
        return uuid.UUID(value)
    except ValueError as error:
        raise Http404("Not a valid id.") from error


@router.get(
    "/services", response={200: Page, **LIST_RESPONSES}, summary="Public services (paginated)"
)
def list_services(request, page: int = PAGE, per_page: int = PER_PAGE, search: str = SEARCH):
    services = _public_services()
    if search.strip():
        services = services.filter(text_filter(search)).distinct()  # every network's topics
    today = timezone.localdate()
    return _page(services, page, per_page, lambda s: service_to_hsds(s, today=today))


@router.get(
    "/services/{service_id}",
    response={200: dict[str, Any], **ONE_RESPONSES},
    summary="One public service",
)
def get_service(request, service_id: str):
    service = _public_services().filter(uuid=_uuid(service_id)).first()
    if service is None:
        raise Http404("No public service with this id.")
    return service_to_hsds(service, today=timezone.localdate())


@router.get(
    "/organizations",
    response={200: Page, **LIST_RESPONSES},
    summary="Organisations with public services",
)
def list_organisations(request, page: int = PAGE, per_page: int = PER_PAGE):
    return _page(_public_organisations(), page, per_page, organisation_to_hsds)


@router.get(
    "/organizations/{organization_id}",
    response={200: dict[str, Any], **ONE_RESPONSES},
    summary="One organisation",
)
def get_organisation(request, organization_id: str):
    org = _public_organisations().filter(uuid=_uuid(organization_id)).first()
    if org is None:
        raise Http404("No organisation with public services with this id.")
    return organisation_to_hsds(org)
