import re
import uuid
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from stek.core.access import get_stek_for_user
from stek.core.dates import monday_of, parse_day
from stek.core.forms import show_refusal
from stek.core.memo import Lru
from stek.core.services import ServiceError

from . import permissions, services
from .access import get_activity_for_user, get_category_for_user, get_pause_for_user
from .forms import ActivityForm, PauseForm, SessionChangeForm, TallyCategoryForm
from .models import Activity, Pause, TallyCategory
from .occurrences import (
    agenda_version,
    holiday_sessions,
    occurrences,
    planned_dates,
    school_holiday_sessions,
)

# --- Vandaag: one-tap counting ------------------------------------------------------------
# A tap is never lost (issue 12): each tap carries a key, so a retry counts once; a tap from a
# tablet whose session expired is kept (the page's script keeps it in localStorage and sends it
# again after signing in; without JavaScript it is kept in the session and counted with one
# click after signing in), and the volunteer is always told whether it counted.
PENDING = "pending_taps"
MAX_PENDING = 50


def _card(session, occurrence, categories, day, per_category=None, tap_key=None):
    """One card of Vandaag. ``session`` is None until the first tap in it made the row;
    ``per_category``: the session's counts when the caller read them already; ``tap_key``: a
    mark in place of each form's key (a remembered page: each request draws its own keys)."""
    if per_category is None:
        per_category, total = services.totals(session)
    else:
        total = sum(per_category.values())
    key = "open" if occurrence is None else str(occurrence.activity.pk)
    return {
        "occurrence": occurrence,
        "session": session,
        "key": key,
        "day": day,
        "total": total,
        # a fresh key per rendered form: a form sent twice (a retry without JavaScript) counts once
        "counts": [(c, per_category.get(c.pk, 0), tap_key or uuid.uuid4()) for c in categories],
    }


def _today_sessions(stek, today, tap_key=None):
    """The STEK open (always) and today's sessions that take place. A read: a session's row
    is made by its first tap (GET never writes, ADR 0011)."""
    categories = services.categories_for(stek)
    counted = services.sessions_of(stek, today)
    rows = [(None, counted.get(None))]
    for occ in occurrences(stek, today, today):
        if occ.takes_place:
            rows.append((occ, counted.get(occ.activity.pk)))
    # the day's counts are read at once: a fixed number of queries however many activities
    counts = services.counts_of([session for _occ, session in rows if session is not None])
    return [
        _card(
            session, occ, categories, today, counts.get(session.pk, {}) if session else {}, tap_key
        )
        for occ, session in rows
    ]


def _pending_for(request, stek, day):
    """The taps this browser made while signed out, as lines to show (no JavaScript)."""
    taps = [
        tap
        for tap in request.session.get(PENDING, [])
        if tap.get("slug") == stek.slug and tap.get("day") == day.isoformat()
    ]
    if not taps:
        return []
    labels = dict(TallyCategory.objects.filter(stek=stek).values_list("pk", "label"))
    lines = []
    for tap in taps:
        sign = "+1" if tap["delta"] == 1 else "−1"
        lines.append(f"{sign} {labels.get(tap['category'], '?')}")
    return lines


# Marks in a remembered Vandaag: the cards are drawn without the request, and each request puts
# its own CSRF token and a fresh key for each form in their place (a key is never shared).
_CSRF_MARK = "stekcsrfmark0"
_TAP_KEY_MARK = "stektapkeymark0"

# Vandaag's cards and the day's total per process, keyed by the STEK, the day, the language and
# the versions of its agenda and its counts (``occurrences.agenda_version``,
# ``services.tally_version``): a tap, a category or a change to the agenda gives a new key.
_TODAY = Lru(128)


def _today_cards(stek, day):
    """(the cards' HTML with the marks, the day's total), the same for every user who counts."""
    cards = _today_sessions(stek, day, tap_key=_TAP_KEY_MARK)
    html = render_to_string(
        "agenda/partials/tally_cards.html",
        {"stek": stek, "cards": cards, "csrf_token": _CSRF_MARK},
    )
    return html, services.stek_total(stek, day)


def _fresh_keys(html):
    """A new tap key for each form, so a form sent twice counts once."""
    return re.sub(_TAP_KEY_MARK, lambda _match: str(uuid.uuid4()), html)


@login_required
def today(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_count)
    day = timezone.localdate()
    key = (
        (stek.pk, stek.slug),
        day,
        get_language(),
        agenda_version(stek.pk),
        services.tally_version(stek.pk),
    )
    html, day_total = _TODAY.get_or_compute(key, lambda: _today_cards(stek, day))
    cards = _fresh_keys(html).replace(_CSRF_MARK, get_token(request))
    return render(
        request,
        "agenda/today.html",
        {
            "stek": stek,
            "day": day,
            "cards_html": mark_safe(cards),  # noqa: S308 - drawn from our template
            "day_total": day_total,
            "can_undo": bool(request.session.get("last_tap")),
            "pending": _pending_for(request, stek, day),
            "login_url": reverse("login")
            + "?next="
            + reverse("agenda:today", kwargs={"slug": stek.slug}),
        },
    )


def _session_from_key(stek, key, day):
    """(session, occurrence) for a tap: the STEK open, or an activity taking place today."""
    if key == "open":
        return services.session_for(stek, None, day), None
    pk = int(key) if key.isascii() and key.isdigit() and len(key) < 12 else 0
    activity = Activity.objects.filter(stek=stek, pk=pk).first()
    today = occurrences(stek, day, day, activities=[activity]) if activity else []
    occurrence = next((o for o in today if o.takes_place), None)
    if occurrence is None:
        raise Http404(_("Deze activiteit heeft vandaag geen sessie."))
    return services.session_for(stek, activity, day), occurrence


def _tap_key(value):
    """The tap's key (a UUID), None when the form sent none; ValueError for anything else."""
    if not value:
        return None
    if len(value) > 40:
        raise ValueError(value)
    return uuid.UUID(value)


def _category_pk(value):
    return int(value) if value.isascii() and value.isdigit() and len(value) < 12 else 0


def _not_signed_in(request, slug):
    """A tap from a browser whose session expired: never the login page inside the card."""
    not_counted = _("Nog niet geteld — log opnieuw in, je tik wordt dan meegeteld.")
    today_url = reverse("agenda:today", kwargs={"slug": slug})
    if request.method != "POST":
        return redirect_to_login(today_url)
    if request.htmx:  # the page's script keeps the tap and sends it again after signing in
        response = HttpResponse(not_counted, status=401, content_type="text/plain; charset=utf-8")
        response["HX-Reswap"] = "none"
        response["X-Stek-Tap"] = "login"
        return response
    try:  # without JavaScript: keep the tap in this browser's session until someone signs in
        tap = {
            "slug": slug,
            "session": request.POST.get("session", "")[:12],
            "category": _category_pk(request.POST.get("category", "")),
            "delta": 1 if request.POST.get("delta") == "1" else -1,
            "key": str(_tap_key(request.POST.get("key")) or uuid.uuid4()),
            "day": timezone.localdate().isoformat(),
        }
    except ValueError:
        tap = None
    pending = request.session.get(PENDING, [])
    if tap and tap["category"] and len(pending) < MAX_PENDING:
        request.session[PENDING] = [*pending, tap]
    messages.warning(request, not_counted)
    return redirect_to_login(today_url)


def _answer(request, stek, session, occurrence, day, text, outcome):
    """The tapped card (htmx) or the page again (a plain form), and what happened, in words."""
    if request.htmx:  # only the tapped card, the day's total and the message out of band
        card = _card(session, occurrence, services.categories_for(stek), day)
        context = {"stek": stek, "card": card, "day_total": services.stek_total(stek, day),
                   "oob": True, "tap_message": text, "tap_outcome": outcome,
                   "can_undo": bool(request.session.get("last_tap"))}  # fmt: skip
        response = render(request, "agenda/partials/tally_card.html", context)
    else:
        (messages.success if outcome != "unchanged" else messages.info)(request, text)
        key = "open" if occurrence is None else str(occurrence.activity.pk)
        response = redirect(reverse("agenda:today", kwargs={"slug": stek.slug}) + f"#sessie-{key}")
    response["X-Stek-Tap"] = outcome
    return response


def _refuse(request, slug, text, status):
    if request.htmx:
        response = HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
        response["HX-Reswap"] = "none"
        response["X-Stek-Tap"] = "refused"
        return response
    messages.error(request, text)
    return redirect("agenda:today", slug=slug)


def _replay(request, slug):
    """Count (or drop) the taps kept in the session while signed out: one click, never a GET."""
    stek = get_stek_for_user(request, slug, check=permissions.can_count)
    day = timezone.localdate()
    kept = request.session.pop(PENDING, [])
    mine = [t for t in kept if t.get("slug") == stek.slug]
    others = [t for t in kept if t.get("slug") != stek.slug]
    if others:
        request.session[PENDING] = others
    if request.POST.get("replay") != "1":
        messages.info(request, _("De tikken van daarnet zijn niet meegeteld."))
        return redirect("agenda:today", slug=stek.slug)
    counted = lost = 0
    for tap in mine:
        category = TallyCategory.objects.filter(
            stek=stek, is_active=True, pk=tap.get("category", 0)
        ).first()
        if category is None or tap.get("day") != day.isoformat():
            lost += 1
            continue
        try:
            session, _occ = _session_from_key(stek, str(tap.get("session", "")), day)
            key = _tap_key(tap.get("key"))
        except (Http404, ValueError):
            lost += 1
            continue
        result = services.tap(session=session, category=category, delta=tap["delta"], key=key)
        counted += 1
        if result.changed:
            request.session["last_tap"] = {
                "session": session.pk, "category": category.pk, "delta": tap["delta"]
            }  # fmt: skip
    if counted:
        messages.success(
            request,
            ngettext(
                "Geteld: %(n)s tik van daarnet is meegeteld.",
                "Geteld: %(n)s tikken van daarnet zijn meegeteld.",
                counted,
            )
            % {"n": counted},
        )
    if lost:
        messages.warning(
            request,
            ngettext(
                "%(n)s tik kon niet meer meetellen (een andere dag of een categorie die niet meer "
                "bestaat).",
                "%(n)s tikken konden niet meer meetellen (een andere dag of een categorie die "
                "niet meer bestaat).",
                lost,
            )
            % {"n": lost},
        )
    return redirect("agenda:today", slug=stek.slug)


@require_http_methods(["GET", "POST"])
def tap(request, slug):
    """One tap: +1 or −1 for a category in a session of today.

    Answers the htmx/script request with the card and an ``X-Stek-Tap`` header (counted, repeat,
    unchanged, refused, login); a signed-out tap gets 401 (script) or is kept in the session
    (plain form). A GET (the login page sends the volunteer back here) shows Vandaag."""
    if not request.user.is_authenticated:
        return _not_signed_in(request, slug)
    if request.method != "POST":
        return redirect("agenda:today", slug=slug)
    if "replay" in request.POST:
        return _replay(request, slug)
    stek, category = get_category_for_user(
        request, slug, _category_pk(request.POST.get("category", ""))
    )
    day = timezone.localdate()
    sent_day = request.POST.get("day")
    if sent_day and sent_day != day.isoformat():
        return _refuse(
            request, stek.slug, _("Niet geteld: deze tik hoort bij een andere dag."), 409
        )
    try:
        key = _tap_key(request.POST.get("key", ""))
    except ValueError:
        return _refuse(request, stek.slug, _("Niet geteld: deze tik is niet leesbaar."), 400)
    session, occurrence = _session_from_key(stek, request.POST.get("session", ""), day)
    delta = 1 if request.POST.get("delta") == "1" else -1
    result = services.tap(session=session, category=category, delta=delta, key=key)
    if result.changed:
        last = {"session": session.pk, "category": category.pk, "delta": delta}
        request.session["last_tap"] = last
    names = {"category": category.label}
    if result.repeat:
        text, outcome = _("Geteld (deze tik was al aangekomen)."), "repeat"
    elif not result.changed:
        text, outcome = _("Niets veranderd: %(category)s stond al op 0.") % names, "unchanged"
    elif delta > 0:
        text, outcome = _("Geteld: +1 %(category)s.") % names, "counted"
    else:
        text, outcome = _("Geteld: −1 %(category)s.") % names, "counted"
    return _answer(request, stek, session, occurrence, day, text, outcome)


@login_required
@require_POST
def undo(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_count)
    last = request.session.pop("last_tap", None)
    day = timezone.localdate()
    if last:
        category = TallyCategory.objects.filter(stek=stek, pk=last["category"]).first()
        session = stek.sessions.filter(pk=last["session"], date=day).first()
        if category and session:
            services.tap(session=session, category=category, delta=-last["delta"])
            messages.success(request, _("De laatste tik is ongedaan gemaakt."))
    return redirect("agenda:today", slug=stek.slug)


@login_required
@require_GET
def standing(request, slug):
    """The day's counts as they are now (a read, never a write): the Vandaag page asks for them
    every few seconds while it is visible, so several tablets at one onthaal stay in step."""
    stek = get_stek_for_user(request, slug, check=permissions.can_count)
    day = timezone.localdate()
    sessions = services.sessions_of(stek, day)
    counts = services.counts_of(list(sessions.values()))
    cards = {}
    for activity_id, session in sessions.items():
        per_category = counts.get(session.pk, {})
        key = "open" if activity_id is None else str(activity_id)
        cards[key] = {
            "total": sum(per_category.values()),
            "counts": {str(pk): n for pk, n in per_category.items()},
        }
    response = JsonResponse(
        {"day": day.isoformat(), "day_total": services.stek_total(stek, day), "cards": cards}
    )
    response["Cache-Control"] = "no-store"
    return response


# --- the week: planning -------------------------------------------------------------------
# The week's days and their sessions as drawn, per process: keyed by the STEK, the week, the
# language, whether the reader may plan (the rows' links) and the agenda's version.
_WEEKS = Lru(128)


def _week_days(stek, days, can_plan):
    occ = occurrences(stek, days[0], days[-1])
    return render_to_string(
        "agenda/partials/week_days.html",
        {
            "stek": stek,
            "days": [(d, [o for o in occ if o.date == d]) for d in days],
            "can_plan": can_plan,
        },
    )


@login_required
def week(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_view_agenda)
    monday = monday_of(parse_day(request.GET.get("week")) or timezone.localdate())
    days = [monday + timedelta(days=i) for i in range(7)]
    can_plan = permissions.can_plan(request.user, stek)
    key = ((stek.pk, stek.slug), monday, get_language(), can_plan, agenda_version(stek.pk))
    body = _WEEKS.get_or_compute(key, lambda: _week_days(stek, days, can_plan))
    return render(
        request,
        "agenda/week.html",
        {
            "stek": stek,
            "days_html": mark_safe(body),  # noqa: S308 - drawn from our template
            "monday": monday,
            "previous": monday - timedelta(days=7),
            "next": monday + timedelta(days=7),
            "can_plan": can_plan,
            "can_manage_categories": permissions.can_manage_categories(request.user, stek),
        },
    )


def _activity_form_page(request, stek, activity=None):
    form = ActivityForm(request.POST or None, instance=activity, stek=stek)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_activity(
                actor=request.user, stek=stek, activity=activity, **form.cleaned_data
            )
        except (ServiceError, ValidationError) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("%(title)s is bewaard.") % {"title": saved.title})
            on_holidays = holiday_sessions(saved, timezone.localdate())
            if on_holidays:
                messages.warning(request, _holiday_warning(saved, on_holidays))
            in_school_holidays = school_holiday_sessions(saved, timezone.localdate())
            if in_school_holidays:
                messages.warning(request, _school_holiday_warning(saved, in_school_holidays))
            return redirect(
                reverse("agenda:week", kwargs={"slug": stek.slug}) + f"?week={saved.start_date}"
            )
    known = activity is not None and activity.pk
    on_holidays = holiday_sessions(activity, timezone.localdate()) if known else []
    in_school_holidays = school_holiday_sessions(activity, timezone.localdate()) if known else []
    return render(
        request,
        "agenda/activity_form.html",
        {
            "stek": stek,
            "form": form,
            "activity": activity,
            "on_holidays": on_holidays,
            "school_holiday_lines": [_school_holiday_line(found) for found in in_school_holidays],
        },
    )


def _holiday_warning(activity, on_holidays):
    """A warning, not a refusal: the sessions in the coming year on a public holiday."""
    days = ", ".join(f"{date_format(day, 'l j F Y')} ({name})" for day, name in on_holidays)
    return ngettext(
        "Let op: %(title)s valt op een feestdag: %(days)s. Gaat de sessie niet door? "
        "Zet ze dan op 'gaat niet door' in de week.",
        "Let op: %(title)s valt op feestdagen: %(days)s. Gaan die sessies niet door? "
        "Zet ze dan op 'gaat niet door' in de week.",
        len(on_holidays),
    ) % {"title": activity.title, "days": days}


def _school_holiday_line(found):
    """'Valt in de krokusvakantie (Vlaamse scholen): ...' for one school holiday."""
    if len(found.dates) == 1:
        days = date_format(found.dates[0], "l j F Y")
    else:
        days = _("%(count)s sessies, van %(first)s tot %(last)s") % {
            "count": len(found.dates),
            "first": date_format(found.dates[0], "l j F"),
            "last": date_format(found.dates[-1], "l j F Y"),
        }
    return _("Valt in de %(holiday)s (%(schools)s): %(days)s.") % {
        "holiday": found.name,
        "schools": ", ".join(str(label) for label in found.communities),
        "days": days,
    }


def _school_holiday_warning(activity, in_school_holidays):
    """A warning, not a refusal: the sessions in the coming year in a school holiday."""
    return _(
        "Let op: %(title)s heeft sessies in schoolvakanties. Dan komen er misschien minder of "
        "andere mensen. %(holidays)s"
    ) % {
        "title": activity.title,
        "holidays": " ".join(_school_holiday_line(found) for found in in_school_holidays),
    }


@login_required
def activity_create(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_plan)
    return _activity_form_page(request, stek)


@login_required
def activity_edit(request, slug, pk):
    stek, activity = get_activity_for_user(request, slug, pk)
    return _activity_form_page(request, stek, activity)


def _planned_day(activity, value):
    day = parse_day(value)
    if day is None or day not in planned_dates(activity, day, day):
        raise Http404(_("Deze activiteit heeft geen sessie op die dag."))
    return day


@login_required
def session_change(request, slug, pk, day):
    stek, activity = get_activity_for_user(request, slug, pk)
    day = _planned_day(activity, day)
    form = SessionChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_session(
                actor=request.user, activity=activity, day=day, **form.cleaned_data
            )
        except (ServiceError, ValidationError) as error:
            show_refusal(form, error)
        else:
            messages.success(
                request, _("De wijziging is bewaard en staat overal in het programma.")
            )
            return redirect(reverse("agenda:week", kwargs={"slug": stek.slug}) + f"?week={day}")
    change = activity.changes.filter(date=day).first()
    return render(
        request,
        "agenda/session_change.html",
        {"stek": stek, "activity": activity, "day": day, "form": form, "change": change},
    )


@login_required
@require_POST
def session_restore(request, slug, pk, day):
    stek, activity = get_activity_for_user(request, slug, pk)
    day = _planned_day(activity, day)
    if services.undo_session_change(actor=request.user, activity=activity, day=day):
        messages.success(request, _("De sessie gaat weer door zoals gepland."))
    return redirect(reverse("agenda:week", kwargs={"slug": stek.slug}) + f"?week={day}")


@login_required
@require_POST
def activity_stop(request, slug, pk):
    """Take an activity off the programme (its counts stay for the reports)."""
    stek, activity = get_activity_for_user(request, slug, pk)
    services.deactivate_activity(actor=request.user, activity=activity)
    messages.success(
        request, _("%(title)s staat niet meer op het programma.") % {"title": activity.title}
    )
    return redirect("agenda:week", slug=stek.slug)


@login_required
def pauses(request, slug):
    """Periods without sessions, such as school holidays."""
    stek = get_stek_for_user(request, slug, check=permissions.can_plan)
    form = PauseForm(request.POST or None, stek=stek)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_pause(actor=request.user, stek=stek, **form.cleaned_data)
        except (ServiceError, ValidationError) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("De pauze is bewaard."))
            return redirect("agenda:pauses", slug=stek.slug)
    listed = Pause.objects.filter(stek=stek, end__gte=timezone.localdate()).select_related(
        "activity"
    )
    return render(request, "agenda/pauses.html", {"stek": stek, "form": form, "pauses": listed})


@login_required
@require_POST
def pause_delete(request, slug, pk):
    stek, pause = get_pause_for_user(request, slug, pk)
    services.remove_pause(actor=request.user, pause=pause)
    messages.success(request, _("De pauze is verwijderd."))
    return redirect("agenda:pauses", slug=stek.slug)


# --- visitor categories -------------------------------------------------------------------
@login_required
def categories(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_manage_categories)
    form = TallyCategoryForm(request.POST or None, stek=stek)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_category(actor=request.user, stek=stek, **form.cleaned_data)
        except (ServiceError, ValidationError) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("De categorie is toegevoegd."))
            return redirect("agenda:categories", slug=stek.slug)
    return render(
        request,
        "agenda/categories.html",
        {"stek": stek, "form": form, "categories": TallyCategory.objects.filter(stek=stek)},
    )


@login_required
@require_POST
def category_toggle(request, slug, pk):
    stek, category = get_category_for_user(
        request, slug, pk, check=permissions.can_manage_categories, active_only=False
    )
    services.toggle_category(actor=request.user, category=category)
    return redirect("agenda:categories", slug=stek.slug)
