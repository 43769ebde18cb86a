from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stek.core.access import get_stek_for_user
from stek.core.dates import monday_of, parse_day
from stek.core.forms import show_refusal

from . import permissions, services
from .access import get_activity_for_user, get_category_for_user, get_pause_for_user
from .forms import ActivityForm, PauseForm, SessionChangeForm, TallyCategoryForm
from .models import Activity, Pause, TallyCategory
from .occurrences import occurrences, planned_dates


# --- Vandaag: one-tap counting ------------------------------------------------------------
def _card(session, occurrence, categories):
    per_category, total = services.totals(session)
    return {
        "occurrence": occurrence,
        "session": session,
        "key": "open" if occurrence is None else str(occurrence.activity.pk),
        "total": total,
        "counts": [(c, per_category.get(c.pk, 0)) for c in categories],
    }


def _today_sessions(stek, today):
    """The STEK open (always) and today's sessions that take place."""
    categories = services.categories_for(stek)
    rows = [(None, services.session_for(stek, None, today))]
    for occ in occurrences(stek, today, today):
        if occ.takes_place:
            rows.append((occ, services.session_for(stek, occ.activity, today)))
    return [_card(session, occ, categories) for occ, session in rows]


@login_required
def today(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_count)
    day = timezone.localdate()
    cards = _today_sessions(stek, day)
    return render(
        request,
        "agenda/today.html",
        {
            "stek": stek,
            "day": day,
            "cards": cards,
            "day_total": services.stek_total(stek, day),
            "can_undo": bool(request.session.get("last_tap")),
        },
    )


def _session_from_key(stek, key, day):
    """(session, occurrence) for a tap: the STEK open, or an activity taking place today."""
    if key == "open":
        return services.session_for(stek, None, day), None
    activity = Activity.objects.filter(stek=stek, pk=key if key.isdigit() else 0).first()
    today = occurrences(stek, day, day, activities=[activity]) if activity else []
    occurrence = next((o for o in today if o.takes_place), None)
    if occurrence is None:
        raise Http404(_("Deze activiteit heeft vandaag geen sessie."))
    return services.session_for(stek, activity, day), occurrence


@login_required
@require_POST
def tap(request, slug):
    stek, category = get_category_for_user(request, slug, request.POST.get("category", "0"))
    day = timezone.localdate()
    session, occurrence = _session_from_key(stek, request.POST.get("session", ""), day)
    delta = 1 if request.POST.get("delta") == "1" else -1
    _count, changed = services.tap(session=session, category=category, delta=delta)
    if changed:
        last = {"session": session.pk, "category": category.pk, "delta": delta}
        request.session["last_tap"] = last
    if request.htmx:  # only the tapped card, and the day's total out of band
        card = _card(session, occurrence, services.categories_for(stek))
        return render(
            request,
            "agenda/partials/tally_card.html",
            {"stek": stek, "card": card, "day_total": services.stek_total(stek, day), "oob": True},
        )
    return redirect(reverse("agenda:today", kwargs={"slug": stek.slug}) + f"#sessie-{session.pk}")


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


# --- the week: planning -------------------------------------------------------------------
@login_required
def week(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_view_agenda)
    monday = monday_of(parse_day(request.GET.get("week")) or timezone.localdate())
    days = [monday + timedelta(days=i) for i in range(7)]
    occ = occurrences(stek, days[0], days[-1])
    return render(
        request,
        "agenda/week.html",
        {
            "stek": stek,
            "days": [(d, [o for o in occ if o.date == d]) for d in days],
            "monday": monday,
            "previous": monday - timedelta(days=7),
            "next": monday + timedelta(days=7),
            "can_plan": permissions.can_plan(request.user, stek),
            "can_manage_categories": permissions.can_manage_categories(request.user, stek),
        },
    )


def _activity_form_page(request, stek, activity=None):
    form = ActivityForm(request.POST or None, instance=activity, stek=stek)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_activity(actor=request.user, stek=stek, form=form)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("%(title)s is bewaard.") % {"title": saved.title})
            return redirect(
                reverse("agenda:week", kwargs={"slug": stek.slug}) + f"?week={saved.start_date}"
            )
    return render(
        request, "agenda/activity_form.html", {"stek": stek, "form": form, "activity": activity}
    )


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
        d = form.cleaned_data
        services.change_session(
            actor=request.user, activity=activity, day=day, kind=d["kind"], notice=d["notice"],
            new_date=d["new_date"], new_start=d["new_start"], new_end=d["new_end"],
        )  # fmt: skip
        messages.success(request, _("De wijziging is bewaard en staat overal in het programma."))
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
        services.add_pause(actor=request.user, stek=stek, form=form)
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
    services.categories_for(stek)
    form = TallyCategoryForm(request.POST or None, stek=stek)
    if request.method == "POST" and form.is_valid():
        services.add_category(actor=request.user, stek=stek, form=form)
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
