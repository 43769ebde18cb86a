from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from stek.agenda.enums import FUNCTION_FOR_VISITORS, FUNCTION_PICTOGRAMS
from stek.agenda.models import Activity
from stek.agenda.occurrences import agenda_version, occurrences_of_steks, organisations_version
from stek.core import views as core_views
from stek.core.access import get_public_stek
from stek.core.dates import monday_of, parse_day
from stek.core.languages import (
    SUPPORTED,
    activate_language,
    activate_public_language,
    activate_visitor_language,
)
from stek.core.memo import Lru
from stek.core.models import Stek
from stek.core.params import parse_int
from stek.core.pdf import pdf_response, qr_data_uri
from stek.core.vocabulary import Topic, localized
from stek.rota.presence import partners_present, presence_version
from stek.socialmap.hours import humanize_lines
from stek.socialmap.models import Service
from stek.socialmap.search import Query, did_you_mean, origin_of, search_page

from .ical import build_calendar
from .programme import (
    FUNCTIONS,
    now_and_next,
    opening,
    pictogram_data_uri,
    poster_days,
    programme_days,
)

# The programme's content as drawn, per process (``programme``): keyed by what it shows of the
# STEK, the language, the day, the filters and the versions of the STEK's agenda and of the
# organisations' names, and of the partners present (the rota's takes).
_PROGRAMMES = Lru(256)


def _programme_body(stek, today, monday, day, day_message, function, unknown_language):
    days = programme_days(stek, monday, 14, function=function or None, only_day=day)
    context = {
        "stek": stek,
        "present": partners_present(stek, day or monday, day or monday + timedelta(days=13)),
        "weeks": [days[:7], days[7:]] if not day else [days],
        "all_days": [monday + timedelta(days=i) for i in range(14)],
        "day_filter": day,
        "day_message": day_message,
        "function_filter": function,
        "functions": [
            (value, FUNCTION_FOR_VISITORS[value], FUNCTION_PICTOGRAMS[value]) for value in FUNCTIONS
        ],
        "today": today,
        "poster_languages": _language_names(stek),
        "unknown_language": unknown_language,
    }
    return render_to_string("public/partials/programme_body.html", context)


@require_GET
def programme(request, slug):
    """This week and next, for visitors: short sentences, pictograms, filters."""
    stek = get_public_stek(slug)
    language, unknown_language = _asked_language(request, stek)
    if language:
        activate_language(request, language)
    else:
        activate_public_language(request, stek)
    today = timezone.localdate()
    monday = monday_of(today)
    day, day_message = _chosen_day(request.GET.get("dag", ""), monday, monday + timedelta(13))
    function = request.GET.get("soort", "")
    function = function if function in FUNCTIONS else ""
    key = (
        (stek.pk, stek.slug, stek.address, stek.contact_phone, stek.contact_email),
        tuple(stek.public_language_codes),
        translation.get_language(),
        today,
        day,
        str(day_message),
        function,
        unknown_language,
        agenda_version(stek.pk),
        organisations_version(),
        presence_version(stek.pk),
    )
    body = _PROGRAMMES.get_or_compute(
        key,
        lambda: _programme_body(stek, today, monday, day, day_message, function, unknown_language),
    )
    return render(
        request,
        "public/programme.html",
        {"stek": stek, "body": mark_safe(body)},  # noqa: S308 - drawn from our template
    )


def _language_names(stek):
    """(code, name in its own language) of each of ``stek``'s public languages."""
    return [
        (code, translation.get_language_info(code)["name_local"])
        for code, _name in settings.LANGUAGES
        if code in stek.public_language_codes
    ]


def _asked_language(request, stek):
    """``?taal=``: (one of ``stek``'s public languages, None), or (None, what was asked) when
    it is not one of them, so the page can say so instead of falling back silently."""
    asked = str(request.GET.get("taal", "")).strip().lower()[:12]
    if not asked:
        return None, None
    if asked in stek.public_language_codes and asked in SUPPORTED:
        return asked, None
    return None, asked


def _chosen_day(value, first, last):
    """The day a visitor chose in the address (``?dag=``), if the programme shows it, and else
    a sentence that says why all days are shown instead (the page never fails on it)."""
    value = str(value or "").strip()
    if not value:
        return None, ""
    day = parse_day(value)
    if day is None:
        return None, _("Die dag kunnen we niet lezen. We tonen alle dagen.")
    if not first <= day <= last:
        message = _(
            "Die dag staat niet in het programma. Het programma loopt van %(first)s tot "
            "%(last)s. We tonen alle dagen."
        )
        return None, message % {
            "first": date_format(first, "l j F"),
            "last": date_format(last, "l j F"),
        }
    return day, ""


POSTER_SIZES = ("A4", "A3")


@require_GET
def poster(request, slug):
    """The week's programme as a PDF poster for the door, from today on (days already past
    are not printed); A4 or A3, and a clear page for any other size. ``?taal=fr`` prints it in
    that language (the poster follows the STEK, not whoever prints it); a language the STEK
    does not list gets a clear 400 page naming the ones it does."""
    stek = get_public_stek(slug)
    language, unknown_language = _asked_language(request, stek)
    if language:
        activate_language(request, language)
    else:
        language = activate_public_language(request, stek, browser=False)
    if unknown_language:  # printed by staff: a clear page naming the languages it exists in
        context = {"stek": stek, "asked": unknown_language, "languages": _language_names(stek)}
        return render(request, "public/poster_language.html", context, status=400)
    size = str(request.GET.get("formaat", "")).strip().upper() or "A4"
    if size not in POSTER_SIZES:
        return render(request, "public/poster_size.html", {"stek": stek}, status=400)
    first, monday, sunday = poster_days(timezone.localdate(), request.GET.get("week", ""))
    days = programme_days(stek, first, (sunday - first).days + 1)
    url = request.build_absolute_uri(reverse("public:programme", kwargs={"slug": stek.slug}))
    pictograms = {o.activity.pictogram for _d, items in days for o in items}
    suffix = "" if language == stek.public_language_codes[0] else f"-{language}"
    context = {
        "stek": stek,
        "days": days,
        "present": partners_present(stek, first, sunday),
        "first": first,
        "sunday": sunday,
        "size": size,
        "qr": qr_data_uri(url),
        "url": url,
        "pictograms": {name: pictogram_data_uri(name) for name in pictograms},
    }
    return pdf_response(
        request,
        "public/poster.html",
        context,
        f"{stek.slug}-programma-{monday:%Y-%m-%d}-{size.lower()}{suffix}.pdf",
        stek=stek,
        back=reverse("public:programme", kwargs={"slug": stek.slug}),
        base="public/base.html",
    )


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@cache_control(max_age=900, public=True)
def ical_stek(request, slug):
    stek = get_public_stek(slug)
    return _ics_response(build_calendar(stek, request), f"{stek.slug}.ics")


@require_GET
@cache_control(max_age=900, public=True)
def ical_activity(request, slug, pk):
    stek = get_public_stek(slug)
    activity = Activity.objects.filter(stek=stek, pk=pk, is_active=True).first()
    if activity is None:
        raise Http404(_("Deze activiteit bestaat niet (meer)."))
    return _ics_response(build_calendar(stek, request, activity), f"{stek.slug}-{pk}.ics")


@require_GET
def screen(request, slug):
    """The entrance screen: very large type, now and next; refreshes itself (htmx). A shared
    screen: the STEK's first language, not the browser's."""
    stek = get_public_stek(slug)
    activate_public_language(request, stek, browser=False)
    now = timezone.localtime()
    current, upcoming, not_today, opening = now_and_next(stek, now)
    template = "public/partials/screen_body.html" if request.htmx else "public/screen.html"
    return render(
        request,
        template,
        {
            "stek": stek,
            "current": current,
            "upcoming": upcoming,
            "not_today": not_today,
            "opening": opening,
            "now": now,
            "present": partners_present(stek, now.date(), now.date()).get(now.date(), []),
        },
    )


FRONT_DOOR_QUERY_MAX = 100


@require_GET
def front_door(request):
    """``/``: people who work at a STEK get their start page as before; everyone else sees the
    network's STEKs, with today's opening and links to their programme and rights check, and a
    search by name, municipality or postcode that works without JavaScript."""
    if request.user.is_authenticated:
        return core_views.home(request)
    activate_visitor_language(request)  # a visitor's own phone: nl, fr or en by its browser
    text = str(request.GET.get("q", "")).strip()[:FRONT_DOOR_QUERY_MAX]
    steks = Stek.objects.filter(is_active=True)
    for word in text.split():
        steks = steks.filter(
            Q(name__icontains=word)
            | Q(municipality__icontains=word)
            | Q(postal_code__startswith=word)
            | Q(service_area__icontains=word)
        )
    steks = list(steks.order_by("municipality", "name"))
    now = timezone.localtime()
    today = now.date()
    sessions = occurrences_of_steks(steks, today, today + timedelta(days=7))
    rows = [(stek, opening([o for o in sessions[stek.pk] if o.takes_place], now)) for stek in steks]
    return render(
        request,
        "public/front_door.html",
        {"rows": rows, "q": text},
    )


SERVICES_PAGE = 30


def _with_q(request, text):
    """This page's address with the search ``text`` instead of the one asked (the topic and
    the language stay)."""
    params = request.GET.copy()
    params["q"] = text
    return f"?{params.urlencode()}"


@require_GET
def services(request, slug):
    """The STEK network's public services for visitors: search by text and topic. Only what a
    service publishes (name, organisation, address, opening hours, phone): no referral, no
    field meant for the people who work at a STEK."""
    stek = get_public_stek(slug)
    activate_public_language(request, stek)
    text = str(request.GET.get("q", "")).strip()[:FRONT_DOOR_QUERY_MAX]
    public = Service.objects.in_network(stek.network_id).public()
    topics = list(Topic.objects.for_network(stek.network_id).filter(services__in=public).distinct())
    topic = parse_int(request.GET.get("thema"), None, min_value=1)
    topic = topic if any(t.pk == topic for t in topics) else None
    searched = bool(text or topic)
    query = Query(text=text, topic=topic, public_only=True)
    results, total = search_page(
        stek.network_id, query, origin=origin_of(stek), limit=SERVICES_PAGE
    )
    suggestion = did_you_mean(stek.network_id, query, origin_of(stek)) if not total else ""
    rows = [
        {
            "name": str(r.service),
            "organisation": r.service.organisation.name,
            "description": localized(r.service, "description"),
            "address": r.location.address if r.location else "",
            "hours": humanize_lines(r.service.opening_hours),
            "open_now": r.open_now,
            "phone": r.service.phone,
            "url": r.service.url,
        }
        for r in results
    ]
    return render(
        request,
        "public/services.html",
        {
            "stek": stek,
            "rows": rows,
            "total": total,
            "more": total > len(rows),
            "q": text,
            "topic": topic,
            "topics": [(t.pk, str(t)) for t in topics],
            "searched": searched,
            "suggestion": suggestion,
            "suggestion_url": _with_q(request, suggestion),
        },
    )
