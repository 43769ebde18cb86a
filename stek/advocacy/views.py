"""Signals in three taps, the STEK's and the network's view of them, and policy dossiers."""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stek.core import audit
from stek.core.access import get_network_for_user, get_stek_for_user
from stek.core.enums import AuditAction
from stek.core.forms import show_refusal
from stek.core.memo import Lru
from stek.core.models import Stek
from stek.core.ods import write_ods
from stek.core.pdf import pdf_response
from stek.core.privacy import boundary
from stek.core.services import ServiceError
from stek.core.vocabulary import LifeDomain, Topic
from stek.rights.services import shown_version
from stek.socialmap.search import version as socialmap_version

from . import permissions, publication, services, stats
from .access import get_addressee_for_user, get_dossier_for_user, get_testimony_for_user
from .enums import STEP_ORDER, DossierStep, SignalKind, SignalSource, Signing
from .forms import (
    ActionForm,
    AddresseeForm,
    DossierForm,
    DossierOutcomeForm,
    GridPeriodForm,
    InviteForm,
    PeriodForm,
    SignalForm,
    StepForm,
    TestimonyForm,
    TopicForm,
)
from .models import Dossier, DossierStek

SOURCES = {"verwijzing": SignalSource.REFERRAL, "rechtencheck": SignalSource.RIGHTS_CHECK}


# Signals ---------------------------------------------------------------------------------


@login_required
def signal_new(request, slug):
    """Tap 1: the kind; tap 2: the life domain; tap 3: the topic (the form is posted)."""
    stek = get_stek_for_user(request, slug, check=permissions.can_register_signal)
    topics = Topic.objects.for_network(stek.network_id)
    preset = topics.filter(code=request.GET.get("onderwerp", "")).first()
    source = SOURCES.get(request.GET.get("bron", ""), SignalSource.DIRECT)
    kind = request.GET.get("soort", "")
    domain = request.GET.get("domein", "") or (preset.life_domain if preset else "")
    form = chosen = None
    if request.method == "POST":
        form = SignalForm(request.POST, network=stek.network)
        if form.is_valid():
            data = form.cleaned_data
            try:
                signal = services.register_signal(
                    stek=stek,
                    kind=data["kind"],
                    life_domain=data["life_domain"],
                    topic=data["topic"],
                    barriers=data["barriers"],
                    quote=data["quote"],
                    quote_consent=data["quote_consent"],
                    source=data["source"],
                )
            except (ServiceError, ValidationError) as error:
                show_refusal(form, error)
            else:
                request.session["signal_undo"] = services.undo_token(signal)
                messages.success(request, _("Genoteerd: %(signal)s. Dank je.") % {"signal": signal})
                return redirect("advocacy:signal_new", slug=stek.slug)
        kind, domain = request.POST.get("kind", ""), request.POST.get("life_domain", "")
        # the tapped topic stays where it was (issue 16: it moved to the front as the preset,
        # so the buttons changed order after an error); it is only marked
        chosen = form.cleaned_data.get("topic") if hasattr(form, "cleaned_data") else None
    if kind not in SignalKind.values:
        tap = 1
    elif domain not in LifeDomain.values:
        tap = 2
    else:
        tap = 3
        form = form or SignalForm(
            network=stek.network,
            initial={"kind": kind, "life_domain": domain, "source": source},
        )
    domain_topics = topics.filter(life_domain=domain) if tap == 3 else topics.none()
    domain_topics = domain_topics.order_by("name", "pk")  # the same order on GET and after a POST
    return render(
        request,
        "advocacy/signal_new.html",
        {
            "stek": stek,
            "tap": tap,
            "kind": kind,
            "kind_label": SignalKind(kind).label if kind in SignalKind.values else "",
            "domain": domain,
            "domain_label": LifeDomain(domain).label if domain in LifeDomain.values else "",
            "kinds": SignalKind.choices,
            "domains": LifeDomain.choices,
            "topics": domain_topics,
            "preset": preset,
            "chosen": chosen,
            "source_code": request.GET.get("bron", ""),
            "form": form,
            "undo": request.session.get("signal_undo"),
            "can_view": permissions.can_view_signals(request.user, stek),
        },
    )


@login_required
@require_POST
def signal_undo(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_register_signal)
    try:
        services.undo_signal(stek=stek, token=request.POST.get("token", ""))
    except ServiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Het signaal is weg."))
    request.session.pop("signal_undo", None)
    return redirect("advocacy:signal_new", slug=stek.slug)


# The Signalen page's content, rendered once per process for the STEK, the period, the day,
# the language and the versions of what it counts (signals, topics, rights shown) and of the
# network's active STEKs: nothing of the user but whether they may manage topics (in the
# key), no CSRF token (its only form is a GET filter).
_OVERVIEWS = Lru(128)
_NETWORK_PAGES = Lru(64)  # the network's signals page, the same way (network_signals)


@login_required
def signal_overview(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_view_signals)
    today = timezone.localdate()
    period = stats.Period.parse(request.GET.get("van"), request.GET.get("tot"), today)
    overview = stats.stek_overview(stek, period, today)  # remembered per signals version
    existing = Dossier.objects.open_by_topic(stek, [row[3] for row in overview.rising])
    # a rising topic that already has a running dossier offers that one, not a second; the
    # dossiers found are part of the key, so a dossier started or closed shows at once
    rising = [(*row, existing.get(row[3])) for row in overview.rising]
    steks = Stek.objects.filter(network=stek.network_id, is_active=True)
    can_manage_topics = permissions.can_manage_topics(request.user, stek)
    ids = publication.stek_ids(steks)
    key = (
        (stek.pk, stek.slug, stek.network_id, stek.count_rights_shown),
        (period.start, period.end),
        today,
        get_language(),
        publication.signals_version(ids),
        socialmap_version(),
        shown_version(),
        can_manage_topics,
        tuple(sorted((code, dossier.pk) for code, dossier in existing.items())),
    )

    def render_body():
        peak = max((count for _month, count in overview.months), default=0)
        year = boundary.GridPeriod(period.end.year)
        context = {
            "stek": stek,
            "form": _period_form(period),
            "overview": overview,
            "rising": rising,
            "recurring": stats.recurring_topics(steks, year, today),
            "recurring_year": period.end.year,
            "rights_found": stats.rights_found(stek, period),
            "peak": peak or 1,
            "can_manage_topics": can_manage_topics,
        }
        return render_to_string("advocacy/partials/overview_body.html", context)

    body = _OVERVIEWS.get_or_compute(key, render_body)
    return render(request, "advocacy/overview.html", {"stek": stek, "body": body})


def _period_form(period):
    """The period actually shown (a week starts on Monday), so the filter says what it shows."""
    return PeriodForm(initial={"van": period.start, "tot": period.last_day})


@login_required
def topics(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_manage_topics)
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            topic = services.create_topic(actor=request.user, stek=stek, **form.cleaned_data)
        except (ServiceError, ValidationError) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Onderwerp toegevoegd: %(t)s") % {"t": topic})
            return redirect("advocacy:topics", slug=stek.slug)
    own = Topic.objects.filter(network=stek.network_id).order_by("life_domain", "name")
    return render(request, "advocacy/topics.html", {"stek": stek, "form": form, "own": own})


def period_label(period):
    """How a grid period reads: "maart 2026", "2e kwartaal 2026", "2026"."""
    if period.level == "month":
        return date_format(period.months()[0], "F Y")
    if period.level == "quarter":
        return _("kwartaal %(q)s van %(y)s") % {"q": period.quarter, "y": period.year}
    return str(period.year)


@login_required
def network_signals(request, slug):
    """Aggregates across the network's STEKs, only for a completed month, quarter or year of
    the grid: an arbitrary range would let two overlapping ranges be subtracted, and a running
    period would let two days' versions be subtracted (ADR 0006)."""
    network = get_network_for_user(request, slug, check=permissions.can_view_network_signals)
    today = timezone.localdate()
    periods = stats.network_periods(today)
    asked = boundary.GridPeriod.parse(request.GET.get("periode"))
    period = asked if asked in periods else stats.default_period(today)
    shown = period_label(period) if period else _("nog geen afgesloten maand")
    if request.GET.get("van") or request.GET.get("tot"):
        messages.info(
            request,
            _(
                "Een vrije periode kan hier niet meer: kies een maand, een kwartaal of een jaar. "
                "We tonen %(period)s."
            )
            % {"period": shown},
        )
    elif request.GET.get("periode") and asked not in periods:
        messages.info(
            request,
            _(
                "Die periode is nog niet afgesloten, bestaat niet of ligt buiten het overzicht. "
                "We tonen %(period)s."
            )
            % {"period": shown},
        )
    steks = Stek.objects.filter(network=network, is_active=True)
    audit.record(request.user, AuditAction.VIEWED, "signalen in het netwerk", network=network)
    ids = publication.stek_ids(steks)
    key = (
        (network.pk, network.slug, network.name),
        period.code if period else None,
        today,
        get_language(),
        publication.signals_version(ids),
        socialmap_version(),
        stats.threshold(),
    )

    def render_body():
        form = GridPeriodForm(
            initial={"periode": period.code if period else ""},
            periods=[(p, period_label(p)) for p in periods],
        )
        context = {
            "network": network,
            "view": stats.network_view(network, steks, period, today) if period else None,
            "form": form,
            "period_label": shown,
            "published_from": boundary.published_from(date(today.year, today.month, 1)),
            "threshold": stats.threshold(),
        }
        return render_to_string("advocacy/partials/network_body.html", context)

    # rendered once per process for the network, the period, the day, the language and the
    # versions of the signals and topics (and the active STEKs): nothing of the user in it
    body = _NETWORK_PAGES.get_or_compute(key, render_body)
    return render(request, "advocacy/network.html", {"network": network, "body": body})


# Dossiers --------------------------------------------------------------------------------


@login_required
def dossier_list(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_work_on_dossiers)
    declined = DossierStek.objects.filter(stek=stek, status=Signing.DECLINED).values("dossier")
    dossiers = (
        Dossier.objects.for_stek(stek)
        .exclude(pk__in=declined)
        .select_related("lead_stek")
        .prefetch_related("steks")
    )
    invited = {
        row.dossier_id: row.status
        for d in dossiers
        for row in d.steks.all()
        if row.stek_id == stek.pk
    }
    return render(
        request,
        "advocacy/dossier_list.html",
        {"stek": stek, "dossiers": dossiers, "invited": invited, "Signing": Signing},
    )


@login_required
def dossier_create(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_work_on_dossiers)
    initial = {"evidence_from": timezone.localdate().replace(month=1, day=1)}
    preset = Topic.objects.for_network(stek.network_id).filter(
        code=request.GET.get("onderwerp", "")
    )
    if preset:
        initial["topics"] = list(preset)
        existing = Dossier.objects.open_by_topic(stek, [preset[0].code]).get(preset[0].code)
        if existing and request.method != "POST":
            messages.info(
                request,
                _("Over %(topic)s loopt al een dossier: %(title)s. Werk hierin verder.")
                % {"topic": preset[0], "title": existing.title},
            )
            return redirect("advocacy:dossier_detail", slug=stek.slug, pk=existing.pk)
    form = DossierForm(request.POST or None, network=stek.network, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            dossier = services.create_dossier(
                actor=request.user, stek=stek, topics=data.pop("topics"), **data
            )
        except (ServiceError, ValidationError) as error:
            show_refusal(form, error)
        else:
            return redirect("advocacy:dossier_detail", slug=stek.slug, pk=dossier.pk)
    return render(request, "advocacy/dossier_form.html", {"stek": stek, "form": form})


@login_required
def dossier_edit(request, slug, pk):
    stek, dossier, _lead = get_dossier_for_user(request, slug, pk, lead_only=True)
    form = DossierForm(request.POST or None, instance=dossier, network=stek.network)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.update_dossier(
                actor=request.user, dossier=dossier, topics=data.pop("topics"), **data
            )
        except (ServiceError, ValidationError) as error:
            show_refusal(form, error)
        else:
            return redirect("advocacy:dossier_detail", slug=stek.slug, pk=dossier.pk)
    return render(
        request, "advocacy/dossier_form.html", {"stek": stek, "form": form, "dossier": dossier}
    )


# The small forms on the dossier page: one table, one view that saves any of them, and the
# dossier page that shows them all. A form that does not validate (or that a service refuses)
# is shown on the page with its errors; a saved one redirects to the page (post/redirect/get).


def _move_to_step(request, stek, dossier, data):
    services.move_to_step(actor=request.user, dossier=dossier, **data)


def _set_outcome(request, stek, dossier, data):
    services.set_outcome(
        actor=request.user, dossier=dossier, outcome=data["outcome"], note=data["outcome_note"]
    )


def _invite_steks(request, stek, dossier, data):
    services.invite_steks(actor=request.user, dossier=dossier, steks=list(data["steks"]))


def _add_testimony(request, stek, dossier, data):
    services.add_testimony(actor=request.user, dossier=dossier, stek=stek, **data)


def _add_addressee(request, stek, dossier, data):
    services.save_addressee(actor=request.user, dossier=dossier, **data)


def _add_action(request, stek, dossier, data):
    services.add_action(actor=request.user, dossier=dossier, **data)


def _step_form(stek, dossier, data):
    initial = {"step": dossier.step, "reached_on": timezone.localdate()}
    return StepForm(data, stek=stek, initial=initial)


def _outcome_form(stek, dossier, data):
    """Blank it shows the dossier's outcome; posted it leaves the dossier alone until saved."""
    return DossierOutcomeForm(instance=dossier) if data is None else DossierOutcomeForm(data)


def _invite_form(stek, dossier, data):
    return InviteForm(data, candidates=services.steks_to_invite(dossier))


def _action_form(stek, dossier, data):
    return ActionForm(data, initial={"date": timezone.localdate()})


@dataclass(frozen=True)
class PageForm:
    """A small form on the dossier page.

    ``form``: its class; ``save(request, stek, dossier, data)``: the service call that saves
    it; ``lead_only``: only the lead STEK may post it (else also the STEKs that co-sign);
    ``build(stek, dossier, data)``: how to make it when it needs more than the posted data
    (``data`` is None for the blank form on the page); ``message``: said once it is saved."""

    form: type
    save: Callable
    lead_only: bool = True
    build: Callable | None = None
    message: str = gettext_lazy("Bewaard.")

    def make(self, stek, dossier, data=None):
        return self.build(stek, dossier, data) if self.build else self.form(data)


# The name is the form's name on the page (``<name>_form``) and in its URL (urls.py).
DOSSIER_FORMS = {
    "step": PageForm(StepForm, _move_to_step, build=_step_form),
    "outcome": PageForm(DossierOutcomeForm, _set_outcome, build=_outcome_form),
    "invite": PageForm(InviteForm, _invite_steks, build=_invite_form),
    "testimony": PageForm(TestimonyForm, _add_testimony, lead_only=False),
    "addressee": PageForm(AddresseeForm, _add_addressee),
    "action": PageForm(ActionForm, _add_action, build=_action_form),
}


# The dossier page's forms: (url name, summary, button, only for the lead STEK). Each is drawn
# per request into its slot of the remembered page (``_detail``).
DOSSIER_SLOTS = {
    "step": (
        "advocacy:dossier_step",
        gettext_lazy("Stap zetten"),
        gettext_lazy("Bewaar de stap"),
        True,
    ),
    "invite": (
        "advocacy:dossier_invite",
        gettext_lazy("Andere STEKs uitnodigen"),
        gettext_lazy("Uitnodigen"),
        True,
    ),
    "testimony": (
        "advocacy:testimony_add",
        gettext_lazy("Getuigenis toevoegen"),
        gettext_lazy("Toevoegen"),
        False,
    ),
    "addressee": (
        "advocacy:addressee_add",
        gettext_lazy("Bestemmeling toevoegen"),
        gettext_lazy("Toevoegen"),
        True,
    ),
    "action": (
        "advocacy:action_add",
        gettext_lazy("Actie toevoegen"),
        gettext_lazy("Toevoegen"),
        True,
    ),
    "outcome": (
        "advocacy:dossier_outcome",
        gettext_lazy("Uitkomst aanpassen"),
        gettext_lazy("Bewaar"),
        True,
    ),
}

# The CSRF token's place in a remembered page: the page is drawn without the request, and
# each request puts its own token there.
_CSRF_MARK = "stekcsrfmark0"

# The dossier page's content per process (``_detail``), keyed by the dossier and the versions of
# everything it shows, the viewing STEK and its role, the day and the language.
_DOSSIER_PAGES = Lru(128)


def _slot_mark(name):
    return f"<!--stek-slot:{name}-->"


def _dossier_body(stek, dossier, is_lead, today):
    """The dossier page's content without its forms (slots) and without the request: the same
    for every user of ``stek`` (its role ``is_lead``) on ``today``."""
    entries = {e.step: e for e in dossier.step_entries.select_related("owner")}
    prefetch_related_objects([dossier], "topics")  # the evidence and the page read them
    signings = list(dossier.steks.select_related("stek").order_by("stek__name"))
    context = {
        "stek": stek,
        "dossier": dossier,
        "is_lead": is_lead,
        "evidence": stats.evidence(dossier, today),
        "steps": [(step, label, entries.get(step)) for step, label in DossierStep.choices],
        "step_index": STEP_ORDER.index(dossier.step),
        "signings": signings,
        "my_signing": next((s for s in signings if s.stek_id == stek.pk), None),
        "testimonies": dossier.testimonies.select_related("stek"),
        "addressees": dossier.addressees.all(),
        "actions": dossier.actions.all(),
        "slots": {name: mark_safe(_slot_mark(name)) for name in DOSSIER_SLOTS},  # noqa: S308 - constants
        "csrf_token": _CSRF_MARK,
    }
    return render_to_string("advocacy/partials/dossier_body.html", context)


def _fill_slots(body, stek, dossier, is_lead, forms):
    """``body`` with each slot holding its form (``forms``), if ``stek`` may use it."""
    for name, (url_name, summary, button, lead_only) in DOSSIER_SLOTS.items():
        html = ""
        if is_lead or not lead_only:
            form = forms[name]
            if name != "invite" or form.fields["steks"].queryset.exists():
                html = render_to_string(
                    "advocacy/partials/inline_form.html",
                    {
                        "form": form,
                        "action": reverse(url_name, args=[stek.slug, dossier.pk]),
                        "summary": summary,
                        "button": button,
                        "csrf_token": _CSRF_MARK,
                    },
                )
        body = body.replace(_slot_mark(name), html)
    return body


def _detail(request, stek, dossier, is_lead, posted=None, status=200):
    """The dossier page with every form of ``DOSSIER_FORMS`` it offers, blank but for ``posted``
    ({name: form}): a posted form shown again with its errors. The rest of the page is
    remembered per process (``_DOSSIER_PAGES``) under the dossiers' version and everything
    else it is read from, with its blank forms; a posted form's page draws its forms per
    request. The CSRF token is each request's own."""
    posted = posted or {}
    today = timezone.localdate()
    steks = Stek.objects.filter(network=dossier.network_id, is_active=True)
    key = (
        (dossier.pk, dossier.network_id, dossier.lead_stek_id),
        publication.dossiers_version(),
        (stek.pk, stek.slug, is_lead),
        today,
        get_language(),
        stats.threshold(),
        publication.signals_version(publication.stek_ids(steks)),
        socialmap_version(),
    )
    body = _DOSSIER_PAGES.get_or_compute(
        ("body", key), lambda: _dossier_body(stek, dossier, is_lead, today)
    )
    if posted:
        forms = {
            name: posted[name] if name in posted else entry.make(stek, dossier)
            for name, entry in DOSSIER_FORMS.items()
        }
        body = _fill_slots(body, stek, dossier, is_lead, forms)
    else:
        # the blank forms read the STEK's workers and the network's STEKs: their changes
        # renew the dossiers version too (apps.py)
        forms = {}
        body = _DOSSIER_PAGES.get_or_compute(
            ("blank", key),
            lambda: _fill_slots(
                body,
                stek,
                dossier,
                is_lead,
                {name: entry.make(stek, dossier) for name, entry in DOSSIER_FORMS.items()},
            ),
        )
    body = body.replace(_CSRF_MARK, get_token(request))
    context = {
        "stek": stek,
        "dossier": dossier,
        "body": mark_safe(body),  # noqa: S308
        **{f"{name}_form": form for name, form in forms.items()},
    }
    return render(request, "advocacy/dossier_detail.html", context, status=status)


@login_required
def dossier_detail(request, slug, pk):
    stek, dossier, is_lead = get_dossier_for_user(request, slug, pk, invited=True)
    return _detail(request, stek, dossier, is_lead)


@login_required
@require_POST
def dossier_form(request, slug, pk, name):
    """Save the dossier page's form ``name`` (``DOSSIER_FORMS``), or show the page with its
    errors."""
    entry = DOSSIER_FORMS[name]
    stek, dossier, is_lead = get_dossier_for_user(request, slug, pk, lead_only=entry.lead_only)
    form = entry.make(stek, dossier, request.POST)
    if form.is_valid():
        try:
            entry.save(request, stek, dossier, form.cleaned_data)
        except (ServiceError, ValidationError) as error:
            show_refusal(form, error)
        else:
            messages.success(request, entry.message)
            return redirect("advocacy:dossier_detail", slug=stek.slug, pk=dossier.pk)
    return _detail(request, stek, dossier, is_lead, posted={name: form}, status=400)


@login_required
@require_POST
def dossier_answer(request, slug, pk):
    """An invited STEK co-signs the dossier ("1"), or not ("0"); anything else changes
    nothing (an answer without ``sign`` is no decline)."""
    stek, dossier, _lead = get_dossier_for_user(request, slug, pk, invited=True)
    answer = request.POST.get("sign")
    if answer not in ("0", "1"):
        messages.error(request, _("Kies: mee ondertekenen of niet mee."))
        return redirect("advocacy:dossier_detail", slug=stek.slug, pk=dossier.pk)
    try:
        services.answer_invitation(
            actor=request.user, dossier=dossier, stek=stek, sign=answer == "1"
        )
    except ServiceError as error:
        messages.error(request, str(error))
        return redirect("advocacy:dossier_detail", slug=stek.slug, pk=dossier.pk)
    if answer == "0":
        messages.success(request, _("Jullie STEK ondertekent dit dossier niet mee."))
        return redirect("advocacy:dossier_list", slug=stek.slug)
    return redirect("advocacy:dossier_detail", slug=stek.slug, pk=dossier.pk)


@login_required
@require_POST
def testimony_remove(request, slug, pk, testimony_pk):
    stek, dossier, testimony = get_testimony_for_user(request, slug, pk, testimony_pk)
    services.remove_testimony(actor=request.user, testimony=testimony)
    messages.success(request, _("De getuigenis is verwijderd."))
    return redirect("advocacy:dossier_detail", slug=stek.slug, pk=dossier.pk)


@login_required
def addressee_edit(request, slug, pk, addressee_pk):
    stek, dossier, addressee = get_addressee_for_user(request, slug, pk, addressee_pk)
    form = AddresseeForm(request.POST or None, instance=addressee)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_addressee(
                actor=request.user, dossier=dossier, addressee=addressee, **form.cleaned_data
            )
        except (ServiceError, ValidationError) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Bewaard."))
            return redirect("advocacy:dossier_detail", slug=stek.slug, pk=dossier.pk)
    return render(
        request,
        "advocacy/addressee_form.html",
        {"stek": stek, "dossier": dossier, "addressee": addressee, "form": form},
    )


@login_required
@require_POST
def addressee_done(request, slug, pk, addressee_pk):
    stek, dossier, addressee = get_addressee_for_user(request, slug, pk, addressee_pk)
    services.mark_followed_up(actor=request.user, addressee=addressee)
    messages.success(request, _("Opgevolgd: %(body)s") % {"body": addressee.body})
    return redirect("advocacy:dossier_detail", slug=stek.slug, pk=dossier.pk)


# Exports ---------------------------------------------------------------------------------


def _export_name(dossier, suffix):
    return f"signaalnota-{slugify(dossier.title)[:40] or dossier.pk}.{suffix}"


def _audit_export(request, stek, dossier, what):
    audit.record(
        request.user, AuditAction.EXPORTED, f"dossier {dossier.title}", stek=stek, detail=what
    )


@login_required
def dossier_note_pdf(request, slug, pk):
    """The signal note for a policymaker: the problem, the evidence (suppressed), testimonies
    and what is asked."""
    stek, dossier, _lead = get_dossier_for_user(request, slug, pk)
    context = {
        "dossier": dossier,
        "evidence": stats.evidence(dossier),
        "testimonies": dossier.testimonies.all(),
        "signing": dossier.signing_steks().order_by("name"),
        "addressees": dossier.addressees.all(),
        "actions": dossier.actions.all(),
        "printed": timezone.localdate(),
    }
    response = pdf_response(
        request,
        "advocacy/note_pdf.html",
        context,
        _export_name(dossier, "pdf"),
        stek=stek,
        back=reverse("advocacy:dossier_detail", args=[stek.slug, dossier.pk]),
    )
    if response.status_code == 200:  # only a note that was made leaves the STEK
        _audit_export(request, stek, dossier, "nota (PDF)")
    return response


def _evidence_table(dossier):
    evidence = stats.evidence(dossier)
    header = [_("Tabel"), _("Wat"), _("Aantal signalen")]
    hidden = _("verborgen")
    rows = [[table, label, hidden if n is None else n] for table, label, n in evidence.rows()]
    if any(n is None for _t, _l, n in evidence.rows()):  # the footnote, once
        why = _(
            "een aantal kleiner dan %(n)s, of een aantal dat we mee verbergen zodat niemand "
            "een klein aantal kan terugrekenen"
        )
        rows += [["", "", ""], [hidden, why % {"n": evidence.threshold}, ""]]
    return header, rows


@login_required
def dossier_evidence(request, slug, pk, fmt):
    stek, dossier, _lead = get_dossier_for_user(request, slug, pk)
    header, rows = _evidence_table(dossier)
    _audit_export(request, stek, dossier, f"bewijs ({fmt})")
    if fmt == "ods":
        content = write_ods(_("Bewijs"), header, rows)
        response = HttpResponse(
            content, content_type="application/vnd.oasis.opendocument.spreadsheet"
        )
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = _export_name(dossier, fmt).replace("signaalnota", "bewijs")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
