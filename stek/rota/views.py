from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from stek.agenda.models import Activity
from stek.core.access import get_stek_for_user
from stek.core.forms import show_refusal
from stek.core.models import Membership
from stek.core.params import parse_day, parse_id
from stek.core.pdf import pdf_response, public_url
from stek.core.permissions import active_memberships
from stek.core.services import ServiceError

from . import allowance, ical, permissions, services, signin
from .access import (
    get_activity_for_planning,
    get_need_for_user,
    get_own_reserve,
    get_own_take,
    get_person_for_links,
    get_role_for_user,
    get_standin_take,
    get_take_for_planning,
    membership_in,
)
from .enums import TakeStatus
from .forms import AllowanceForm, KilometreForm, NeedForm, RoleForm, SigninRequestForm
from .models import CalendarFeed, Role, ShiftNeed, ShiftTake, VolunteerRecord


@login_required
def open_places(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_take_shifts)
    membership = membership_in(request.user, stek)
    found = services.places(stek, membership)
    return render(
        request,
        "rota/open.html",
        {
            "stek": stek,
            "slots": found["open"],
            "full": found["full"],
            "standins": found["standins"],
            "mine_count": len(services.my_takes(membership)),
            "horizon": services.HORIZON_DAYS,
        },
    )


@login_required
@require_POST
def take(request, slug, pk, day):
    stek, need = get_need_for_user(request, slug, pk)
    day = parse_day(day)
    membership = membership_in(request.user, stek)
    try:
        if day is None:
            raise ServiceError(_("Deze datum kennen we niet."))
        taken = services.take(membership=membership, need=need, day=day)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("rota:open", slug=stek.slug)
    messages.success(
        request,
        _("Dank je! Je staat op het rooster: %(role)s, %(activity)s op %(day)s.")
        % {
            "role": taken.role.name,
            "activity": taken.activity.title,
            "day": date_format(day, "l j F"),
        },
    )
    return redirect("rota:open", slug=stek.slug)


@login_required
def my_shifts(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_take_shifts)
    membership = membership_in(request.user, stek)
    return render(
        request,
        "rota/mine.html",
        {
            "stek": stek,
            "takes": services.my_takes(membership),
            "offers": services.my_offers(membership),
            "reserves": services.my_reserves(membership),
        },
    )


@login_required
@require_POST
def give_back(request, slug, pk):
    stek, _membership, shift = get_own_take(request, slug, pk)
    try:
        services.give_back(take=shift)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Je beurt is teruggegeven. De plaats is weer open."))
    return redirect("rota:mine", slug=stek.slug)


@login_required
def plan(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_plan_rota)
    days = services.planning(stek)
    people = list(
        Membership.objects.filter(stek=stek, is_active=True)
        .select_related("user", "organisation")
        .order_by("user__full_name")
    )
    now = timezone.now()
    for _day, sessions in days:
        for session in sessions:
            for slot in session.slots:
                taking = {t.membership_id for t in slot.takes}
                slot.candidates = (
                    [
                        m
                        for m in people
                        if m.pk not in taking
                        and (not slot.role.needs_partner or services.fits_partner(m, slot.role))
                    ]
                    if slot.open and slot.starts_at > now
                    else []
                )
    activities = Activity.objects.filter(stek=stek, is_active=True).order_by("title")
    return render(
        request,
        "rota/plan.html",
        {
            "stek": stek,
            "days": days,
            "activities": activities,
            "horizon": services.HORIZON_DAYS,
            "recent": services.recent_takes(stek),
        },
    )


@login_required
@require_POST
def assign_place(request, slug, pk, day):
    """The coordinator puts someone on an open place from the planning (one tap per place)."""
    stek, need = get_need_for_user(request, slug, pk, check=permissions.can_plan_rota)
    day = parse_day(day)
    person = parse_id(request.POST.get("membership", ""))
    membership = (
        Membership.objects.filter(stek=stek, is_active=True, pk=person)
        .select_related("user", "organisation")
        .first()
        if person is not None
        else None
    )

    def put():
        if day is None:
            raise ServiceError(_("Deze datum kennen we niet."))
        services.assign_place(actor=request.user, membership=membership, need=need, day=day)

    name = membership.user.full_name if membership else ""
    when = date_format(day, "l j F") if day else ""
    return _done(
        request, put,
        _("%(name)s staat op het rooster: %(role)s, %(day)s.")
        % {"name": name, "role": need.role.name, "day": when},
        "rota:plan", stek.slug,
    )  # fmt: skip


@login_required
def roles(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_plan_rota)
    form = RoleForm(request.POST or None, stek=stek)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_role(actor=request.user, stek=stek, **form.cleaned_data)
        except ServiceError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("De rol is bewaard."))
            return redirect("rota:roles", slug=stek.slug)
    return render(
        request,
        "rota/roles.html",
        {"stek": stek, "form": form, "roles": Role.objects.filter(stek=stek)},
        status=400 if form.errors else 200,
    )


@login_required
def role_edit(request, slug, pk):
    stek, role = get_role_for_user(request, slug, pk)
    form = RoleForm(request.POST or None, instance=role, stek=stek)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_role(actor=request.user, role=role, **form.cleaned_data)
        except ServiceError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("De rol is bewaard."))
            return redirect("rota:roles", slug=stek.slug)
    return render(
        request, "rota/role_form.html", {"stek": stek, "form": form, "role": role},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
def needs(request, slug, pk):
    stek, activity = get_activity_for_planning(request, slug, pk)
    form = NeedForm(request.POST or None, stek=stek)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_need(actor=request.user, stek=stek, activity=activity,
                              **form.cleaned_data)  # fmt: skip
        except ServiceError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Bewaard: dit is nodig bij elke sessie."))
            return redirect("rota:needs", slug=stek.slug, pk=activity.pk)
    current = ShiftNeed.objects.filter(activity=activity).select_related("role")
    return render(
        request, "rota/needs.html",
        {"stek": stek, "activity": activity, "form": form, "needs": current},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
@require_POST
def need_delete(request, slug, pk):
    stek, need = get_need_for_user(request, slug, pk, permissions.can_plan_rota)
    services.remove_need(actor=request.user, need=need)
    messages.success(request, _("Deze rol is niet meer nodig bij deze activiteit."))
    return redirect("rota:needs", slug=stek.slug, pk=need.activity_id)


# Sign-in links without a password (signin.py, ADR 0012).


@never_cache
def signin_request(request):
    """Ask for a sign-in link by e-mail. The answer is the same whether or not the address is
    known, and asking is limited per address and per e-mail address."""
    form = SigninRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        if signin.over_limit(request, email):
            form.add_error(None, _("Je vroeg al enkele keren een link. Probeer het later opnieuw."))
            return render(request, "rota/signin_request.html", {"form": form}, status=429)
        membership = (
            Membership.objects.filter(
                user__email__iexact=email,
                user__is_active=True,
                is_active=True,
                stek__is_active=True,
            )  # fmt: skip
            .select_related("user", "stek__network")
            .first()
        )
        if membership is not None:
            link = signin.link_for(request, membership.user)
            services.send_signin_link(actor=None, membership=membership, link=link)
        return render(request, "rota/signin_sent.html", {"email": email})
    return render(
        request, "rota/signin_request.html", {"form": form}, status=400 if form.errors else 200
    )


@never_cache
def signin_confirm(request):
    """The page a sign-in link opens. GET only shows the button; the POST signs in."""
    if request.method == "POST":
        user = signin.user_from_request(request)
        if user is None:
            return render(request, "rota/signin_confirm.html", {"invalid": True}, status=400)
        auth_login(request, user)  # sets last_login: this link and every older one are used up
        request.session.set_expiry(settings.SESSION_IDLE_MINUTES * 60)
        services.record_signin_with_link(user=user)
        memberships = active_memberships(user)
        if len(memberships) == 1:
            return redirect("rota:mine", slug=memberships[0].stek.slug)
        return redirect("core:home")
    return render(request, "rota/signin_confirm.html", {"has_token": "sesame" in request.GET})


@login_required
def signin_links(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_send_signin_links)
    people = (
        Membership.objects.filter(stek=stek, is_active=True)
        .select_related("user")
        .order_by("user__full_name")
    )
    return render(
        request,
        "rota/signin_links.html",
        {"stek": stek, "people": people, "days": settings.STEK_SIGNIN_LINK_DAYS},
    )


@login_required
@require_POST
def signin_send(request, slug, pk):
    stek, membership = get_person_for_links(request, slug, pk)
    link = signin.link_for(request, membership.user)
    services.send_signin_link(actor=request.user, membership=membership, link=link)
    messages.success(
        request, _("De aanmeldlink is verstuurd naar %(email)s.") % {"email": membership.user.email}
    )
    return redirect("rota:signin_links", slug=stek.slug)


@login_required
@require_POST
def signin_print(request, slug, pk):
    """A page to print and hand over, for a volunteer without e-mail (a POST: it makes a
    credential and records it)."""
    stek, membership = get_person_for_links(request, slug, pk)
    link = signin.link_for(request, membership.user)
    services.record_printed_signin_link(actor=request.user, membership=membership)
    response = render(
        request,
        "rota/signin_print.html",
        {"stek": stek, "person": membership.user, "link": link,
         "days": settings.STEK_SIGNIN_LINK_DAYS},
    )  # fmt: skip
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def signin_revoke(request, slug, pk):
    stek, membership = get_person_for_links(request, slug, pk)
    services.revoke_signin_links(actor=request.user, membership=membership)
    messages.success(
        request,
        _("Alle aanmeldlinks van %(name)s werken niet meer.") % {"name": membership.user.full_name},
    )
    return redirect("rota:signin_links", slug=stek.slug)


# The reserve list and stand-ins.


def _done(request, action, success, target="rota:mine", slug=None):
    try:
        action()
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect(target, slug=slug)


@login_required
@require_POST
def reserve_join(request, slug, pk, day):
    stek, need = get_need_for_user(request, slug, pk)
    day = parse_day(day)
    membership = membership_in(request.user, stek)

    def join():
        if day is None:
            raise ServiceError(_("Deze datum kennen we niet."))
        services.join_reserve(membership=membership, need=need, day=day)

    return _done(
        request, join,
        _("Je staat op de reservelijst. Komt er een plaats vrij, dan krijg je een e-mail."),
        "rota:open", stek.slug,
    )  # fmt: skip


@login_required
@require_POST
def reserve_leave(request, slug, pk):
    stek, _membership, entry = get_own_reserve(request, slug, pk)
    return _done(
        request, lambda: services.leave_reserve(entry=entry),
        _("Je staat niet meer op de reservelijst."), slug=stek.slug,
    )  # fmt: skip


@login_required
@require_POST
def offer_accept(request, slug, pk):
    stek, _membership, entry = get_own_reserve(request, slug, pk)
    return _done(
        request, lambda: services.accept_offer(entry=entry),
        _("Dank je! Je staat op het rooster."), slug=stek.slug,
    )  # fmt: skip


@login_required
@require_POST
def standin_ask(request, slug, pk):
    stek, _membership, shift = get_own_take(request, slug, pk)
    return _done(
        request, lambda: services.ask_standin(take=shift),
        _("De anderen zien nu dat je een vervanger zoekt. Tot iemand overneemt, blijft de beurt "
          "van jou."), slug=stek.slug,
    )  # fmt: skip


@login_required
@require_POST
def standin_cancel(request, slug, pk):
    stek, _membership, shift = get_own_take(request, slug, pk)
    return _done(
        request, lambda: services.cancel_standin(take=shift),
        _("Je zoekt geen vervanger meer."), slug=stek.slug,
    )  # fmt: skip


@login_required
@require_POST
def standin_take(request, slug, pk):
    stek, shift = get_standin_take(request, slug, pk)
    membership = membership_in(request.user, stek)
    return _done(
        request, lambda: services.take_over(take=shift, membership=membership),
        _("Dank je! Je neemt de beurt over."), slug=stek.slug,
    )  # fmt: skip


@login_required
@require_POST
def no_show(request, slug, pk):
    stek, shift = get_take_for_planning(request, slug, pk)
    services.set_no_show(actor=request.user, take=shift, no_show=request.POST.get("no_show") == "1")
    messages.success(request, _("Bewaard."))
    return redirect("rota:plan", slug=stek.slug)


# The personal iCal feed of my shifts.


@login_required
def feed(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_take_shifts)
    membership = membership_in(request.user, stek)
    has_feed = CalendarFeed.objects.filter(membership=membership).exists()
    return render(request, "rota/feed.html", {"stek": stek, "has_feed": has_feed})


@login_required
@require_POST
def feed_renew(request, slug):
    """A new secret address, shown in this answer only (its hash is what is kept)."""
    stek = get_stek_for_user(request, slug, permissions.can_take_shifts)
    membership = membership_in(request.user, stek)
    token = services.renew_feed(membership=membership)
    url = public_url(request, reverse("rota:feed_ics", kwargs={"token": token}))
    response = render(request, "rota/feed.html", {"stek": stek, "has_feed": True, "feed_url": url})
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def feed_revoke(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_take_shifts)
    services.revoke_feed(membership=membership_in(request.user, stek))
    messages.success(request, _("Je agenda-link werkt niet meer."))
    return redirect("rota:feed", slug=stek.slug)


def feed_ics(request, token):
    """The feed a calendar app reads: no sign-in, the secret address is the key."""
    membership = services.feed_membership(token)
    if membership is None:
        raise Http404(_("Deze agenda-link werkt niet (meer)."))
    response = HttpResponse(ical.feed_of(membership), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response


# Hours and expense allowances (the Belgian volunteer law).


def _year(request):
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        year = None
    today = timezone.localdate()
    return year if year and 2000 <= year <= today.year else today.year


@login_required
def volunteers(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_plan_rota)
    year = _year(request)
    people = (
        Membership.objects.filter(stek=stek, is_active=True)
        .select_related("user", "rota_record")
        .order_by("user__full_name")
    )
    rows = [(m, allowance.summary(m, year)) for m in people]
    return render(
        request, "rota/volunteers.html",
        {"stek": stek, "rows": rows, "year": year, "caps": allowance.caps_for(year)},
    )  # fmt: skip


@login_required
def volunteer(request, slug, pk):
    stek, membership = get_person_for_links(request, slug, pk)
    year = _year(request)
    given = ShiftTake.objects.filter(
        membership=membership, status=TakeStatus.TAKEN, no_show=False,
        date__year=year, date__lte=timezone.localdate(),
    ).select_related("activity", "role")  # fmt: skip
    posted_km = request.method == "POST" and request.POST.get("what") == "km"
    form = AllowanceForm(
        request.POST if request.method == "POST" and not posted_km else None,
        takes=given.filter(allowance__isnull=True),
    )
    km_form = KilometreForm(
        request.POST if posted_km else None, takes=given.filter(kilometres__isnull=True),
        prefix="km",
    )  # fmt: skip
    bound = km_form if posted_km else form
    if request.method == "POST" and bound.is_valid():
        try:
            if posted_km:
                _claim, warning = services.record_kilometres(
                    actor=request.user, take=km_form.cleaned_data["take"],
                    km=km_form.cleaned_data["km"],
                )  # fmt: skip
                done = _("De kilometers zijn genoteerd.")
            else:
                _payment, warning = services.record_allowance(actor=request.user, **{
                    "take": form.cleaned_data["take"], "kind": form.cleaned_data["kind"],
                    "amount": form.cleaned_data["amount"]})  # fmt: skip
                done = _("De vergoeding is genoteerd.")
        except ServiceError as error:
            show_refusal(bound, error)
        else:
            messages.success(request, done)
            if warning:
                messages.warning(request, warning)
            return redirect(reverse("rota:volunteer", args=[stek.slug, membership.pk]))
    record = VolunteerRecord.objects.filter(membership=membership).first()
    return render(
        request, "rota/volunteer.html",
        {"stek": stek, "person": membership, "form": form, "km_form": km_form,
         "record": record, "summary": allowance.summary(membership, year), "year": year,
         "km_rate": allowance.km_rate_for(timezone.localdate())},
        status=400 if form.errors or km_form.errors else 200,
    )  # fmt: skip


@login_required
@require_POST
def note_given(request, slug, pk):
    stek, membership = get_person_for_links(request, slug, pk)
    services.set_note_given(
        actor=request.user, membership=membership, given=request.POST.get("given") == "1"
    )
    messages.success(request, _("Bewaard."))
    return redirect("rota:volunteer", slug=stek.slug, pk=membership.pk)


@login_required
def my_hours(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_take_shifts)
    membership = membership_in(request.user, stek)
    year = _year(request)
    return render(
        request, "rota/my_hours.html",
        {"stek": stek, "summary": allowance.summary(membership, year), "year": year},
    )  # fmt: skip


@login_required
def certificate(request, slug):
    """The volunteer's own hours certificate (PDF) for a year."""
    stek = get_stek_for_user(request, slug, permissions.can_take_shifts)
    membership = membership_in(request.user, stek)
    year = _year(request)
    context = {
        "stek": stek,
        "person": request.user,
        "summary": allowance.summary(membership, year),
        "printed": timezone.localdate(),
    }
    return pdf_response(
        request, "rota/certificate_pdf.html", context, f"uren-{stek.slug}-{year}.pdf",
        stek=stek, back=reverse("rota:my_hours", args=[stek.slug]), no_store=True,
    )  # fmt: skip
