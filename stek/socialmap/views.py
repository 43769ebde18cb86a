import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stek.core.access import get_stek_for_user
from stek.core.forms import show_refusal
from stek.core.memo import Lru
from stek.core.vocabulary import localized

from . import hours, permissions, search, services
from .access import get_notice_for_user, get_service_for_user
from .enums import LANGUAGES, ServiceAccess
from .forms import LocationForm, NoticeForm, SearchForm, ServiceForm
from .links import back_from, search_url, with_back
from .models import Service
from .search import Query, Result, origin_of, ranked_page, results_of

PAGE_SIZE = 100


def _query(form):
    if not form.is_valid():
        return Query()
    data = form.cleaned_data
    return Query(
        text=data["q"],
        topic=data["topic"].pk if data["topic"] else None,
        domain=data["domain"],
        open_now=data["open_now"],
        max_km=float(data["max_km"]) if data["max_km"] else None,
    )


def _detail_urls(stek, results, back=None):
    """Each result's page, reversed once for the whole list (not once per result), carrying
    the way back to this search."""
    marker = 999999999
    pattern = with_back(reverse("socialmap:service_detail", args=[stek.slug, marker]), back)
    before, after = pattern.split(str(marker), 1)
    for r in results:
        r.url = f"{before}{r.service.pk}{after}"
    return results


def _map_points(stek, results):
    return [
        {
            "lat": float(r.location.latitude),
            "lon": float(r.location.longitude),
            "name": str(r.service),
            "org": r.service.organisation.name,
            "url": r.url or reverse("socialmap:service_detail", args=[stek.slug, r.service.pk]),
        }
        for r in results
        if r.location is not None and r.location.has_coordinates
    ]


def _located(service, location):
    return Result(service=service, open_now=None, location=location)


def _map_data(stek, origin, points):
    return {
        "points": points,
        "origin": {"lat": origin[0], "lon": origin[1], "name": stek.name} if origin else None,
        "tiles": settings.STEK_MAP_TILE_URL,
        "attribution": settings.STEK_MAP_ATTRIBUTION,
    }


# The search page's form and its list of results, rendered once per process for the same
# search (``_form_html``, ``_results_html``): keyed by what they show (the search, the STEK,
# the results' rows with their open now and distance, the day, the language) and the social
# map's version, so a change to the map shows at once. Rendered without the request: nothing
# of the user (the list has no button that depends on who looks) and no CSRF token.
_FORMS = Lru(256)
_LISTS = Lru(256)


def _digest(value):
    return hashlib.blake2b(repr(value).encode(), digest_size=16).hexdigest()


def _form_html(request, stek, form):
    searched = sorted((k, tuple(v)) for k, v in request.GET.lists() if k in form.fields)
    key = (stek.network_id, form.is_bound, _digest(searched), get_language(), search.version())
    return _FORMS.get_or_compute(
        key, lambda: render_to_string("core/partials/form.html", {"form": form})
    )


def _results_html(stek, origin, chosen, total, back=None, suggestion=None):
    today = timezone.localdate()
    key = (stek.slug, stek.name, origin, _digest(chosen), total, today, get_language(),
           search.version(), back, suggestion)  # fmt: skip

    def render_list():
        results = _detail_urls(stek, results_of(chosen), back)
        context = {
            "stek": stek,
            "results": results,
            "total": total,
            "origin": origin,
            "today": today,
            "map_data": _map_data(stek, origin, _map_points(stek, results)),
            "suggestion": suggestion,
        }
        return render_to_string("socialmap/partials/results.html", context)

    return _LISTS.get_or_compute(key, render_list)


def _suggestion(request, stek, query, origin):
    """("the suggested words", the search with them) when a search found nothing and a
    nearby word finds something (``search.did_you_mean``), else None."""
    words = search.did_you_mean(stek.network_id, query, origin)
    if not words:
        return None
    params = request.GET.copy()
    params["q"] = words
    return words, search_url(stek, params.urlencode())


@login_required
def search_view(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_view_map)
    form = SearchForm(request.GET or None, stek=stek)
    origin = origin_of(stek)
    query = _query(form)
    chosen, total = ranked_page(stek.network_id, query, origin=origin, limit=PAGE_SIZE)
    back = search_url(stek, request.GET.urlencode()) if request.GET else None
    suggestion = _suggestion(request, stek, query, origin) if not total else None
    results = _results_html(stek, origin, chosen, total, back, suggestion)
    if request.htmx:
        return HttpResponse(results)
    context = {
        "stek": stek,
        "form": form,
        "form_html": _form_html(request, stek, form),
        "results_html": results,
        "can_add": permissions.can_add_services(request.user, stek),
        "stale_count": Service.objects.in_network(stek.network_id).not_verified_since().count(),
    }
    return render(request, "socialmap/search.html", context)


@login_required
def service_detail(request, slug, pk):
    stek, service = get_service_for_user(request, slug, pk)
    notices = list(service.notices.all())
    origin = origin_of(stek)
    location = service.locations.first()
    back = back_from(request, stek)
    return render(
        request,
        "socialmap/service_detail.html",
        {
            "stek": stek,
            "service": service,
            "back_url": back or search_url(stek),
            "refer_url": with_back(reverse("referrals:create", args=[stek.slug, service.pk]), back),
            "description": localized(service, "description"),
            "eligibility": localized(service, "eligibility"),
            "locations": service.locations.all(),
            "notices": notices,
            "open_now": hours.is_open(service.opening_hours, notices),
            "next_opening": hours.next_opening(service.opening_hours, notices),
            "week": hours.week_table(service.opening_hours),
            "can_edit": permissions.can_edit_service(request.user, stek, service),
            "can_refer": permissions.can_refer(request.user, stek),
            "map_data": _map_data(stek, origin, _map_points(stek, [_located(service, location)])),
            "notice_form": NoticeForm(),
            "access_choices": ServiceAccess.choices,
            "languages": [LANGUAGES.get(code, code) for code in service.languages],
        },
    )


def _service_form_page(request, stek, form, service=None):
    return render(
        request, "socialmap/service_form.html", {"stek": stek, "form": form, "service": service}
    )


@login_required
def service_create(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_add_services)
    organisations = permissions.editable_organisations(request.user, stek)
    form = ServiceForm(request.POST or None, stek=stek, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            service = services.save_service(actor=request.user, stek=stek, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("De dienst staat op de sociale kaart."))
            return redirect("socialmap:service_detail", slug=stek.slug, pk=service.pk)
    return _service_form_page(request, stek, form)


@login_required
def service_edit(request, slug, pk):
    stek, service = get_service_for_user(request, slug, pk, edit=True)
    organisations = permissions.editable_organisations(request.user, stek) | type(
        service.organisation
    ).objects.filter(pk=service.organisation_id)
    form = ServiceForm(
        request.POST or None, instance=service, stek=stek, organisations=organisations.distinct()
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_service(
                actor=request.user, stek=stek, service=service, **form.cleaned_data
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("De dienst is bijgewerkt en gecontroleerd."))
            return redirect("socialmap:service_detail", slug=stek.slug, pk=service.pk)
    return _service_form_page(request, stek, form, service)


@login_required
@require_POST
def service_verify(request, slug, pk):
    stek, service = get_service_for_user(request, slug, pk, edit=True)
    services.verify_service(actor=request.user, stek=stek, service=service)
    messages.success(request, _("Genoteerd: de gegevens kloppen nog."))
    if request.POST.get("back") == "detail":
        return redirect("socialmap:service_detail", slug=stek.slug, pk=service.pk)
    return redirect("socialmap:stale", slug=stek.slug)


@login_required
@require_POST
def notice_create(request, slug, pk):
    stek, service = get_service_for_user(request, slug, pk, edit=True)
    form = NoticeForm(request.POST, stek=stek, service=service)
    if form.is_valid():
        services.add_notice(actor=request.user, stek=stek, service=service, **form.cleaned_data)
        messages.success(request, _("De mededeling is toegevoegd."))
        return redirect("socialmap:service_detail", slug=stek.slug, pk=service.pk)
    return render(
        request,
        "socialmap/notice_form.html",
        {"stek": stek, "service": service, "form": form},
        status=400,
    )


@login_required
@require_POST
def notice_delete(request, slug, pk):
    stek, notice = get_notice_for_user(request, slug, pk)
    service_pk = notice.service_id
    services.remove_notice(actor=request.user, stek=stek, notice=notice)
    messages.success(request, _("De mededeling is weg."))
    return redirect("socialmap:service_detail", slug=stek.slug, pk=service_pk)


@login_required
def location_create(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_add_services)
    organisations = permissions.editable_organisations(request.user, stek)
    form = LocationForm(request.POST or None, organisations=organisations, stek=stek)
    if request.method == "POST" and form.is_valid():
        location = services.save_location(actor=request.user, stek=stek, **form.cleaned_data)
        messages.success(
            request,
            _("Locatie %(name)s toegevoegd. Kies ze nu bij de dienst.") % {"name": location.name},
        )
        return redirect("socialmap:search", slug=stek.slug)
    return render(request, "socialmap/location_form.html", {"stek": stek, "form": form})


@login_required
def stale(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_add_services)
    rows = (
        Service.objects.in_network(stek.network_id)
        .not_verified_since()
        .select_related("organisation")
        .order_by("last_verified", "name")
    )
    return render(
        request,
        "socialmap/stale.html",
        {
            "stek": stek,
            "rows": [(s, permissions.can_edit_service(request.user, stek, s)) for s in rows],
        },
    )
