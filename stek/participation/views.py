from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from stek.core.access import get_public_stek, get_stek_for_user
from stek.core.forms import show_refusal
from stek.core.languages import activate_public_language
from stek.core.params import parse_id
from stek.core.pdf import pdf_response
from stek.core.services import ServiceError

from . import devices, permissions, services
from .access import get_idea_for_user, get_meeting_for_user, get_public_meeting
from .enums import (
    ANSWERED_STATES,
    CATEGORY_PICTOGRAMS,
    VISIBLE_STATES,
    IdeaSource,
    IdeaState,
    MeetingState,
    VoteSource,
)
from .forms import (
    AnswerForm,
    IdeaForm,
    LinkForm,
    MeetingCodeForm,
    MeetingForm,
    MergeForm,
    OptionForm,
    PaperForm,
    StaffIdeaForm,
)
from .models import Idea, Meeting, Vote

REFUSED = (ServiceError, ValidationError)


def _category_choices(form):
    """(value, label, pictogram) for the radio buttons with their pictogram."""
    return [
        (v, label, CATEGORY_PICTOGRAMS.get(v, "")) for v, label in form.fields["category"].choices
    ]


def _visible_ideas(stek):
    return (
        Idea.objects.filter(stek=stek, state__in=VISIBLE_STATES)
        .exclude(state__in=ANSWERED_STATES)
        .order_by("-created_at")[:30]
    )


# --- the public pages --------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
def box(request, slug):
    """The idea box: no account; the text is scanned; a worker approves before it is shown."""
    stek = get_public_stek(slug)
    activate_public_language(request, stek)
    form = IdeaForm(request.POST or None)
    status, token = 200, devices.token_of(request)
    if request.method == "POST":
        if devices.blocked("idea", request, token):
            status = 429
            form.add_error(None, _("Je stuurde al veel ideeën. Probeer het later nog eens."))
        elif form.is_valid():
            try:
                services.submit_idea(stek=stek, source=IdeaSource.BOX, **form.cleaned_data)
            except REFUSED as error:
                show_refusal(form, error)
            else:
                token = token or devices.new_token()
                devices.count("idea", request, token)
                messages.success(
                    request,
                    _("Dank je! Je idee staat hieronder.")
                    if services.publishes_directly(stek)
                    else _("Dank je! We lezen je idee. Als het past, zet een medewerker het hier."),
                )
                return devices.remember(redirect("participation:box", slug=stek.slug), token)
        status = status if status != 200 else 400
    return render(
        request,
        "participation/box.html",
        {
            "stek": stek,
            "form": form,
            "categories": _category_choices(form),
            "ideas": _visible_ideas(stek),
            "direct": services.publishes_directly(stek),
        },
        status=status,
    )


def _answered(stek):
    return (
        Idea.objects.filter(stek=stek, state__in=ANSWERED_STATES)
        .select_related("dossier", "signal")
        .prefetch_related("options__meeting")
        .order_by("-decided_on", "-pk")
    )


def _board_context(stek):
    ideas = list(_answered(stek)[:60])
    return {
        "stek": stek,
        "accepted": [i for i in ideas if i.state == IdeaState.ACCEPTED],
        "declined": [i for i in ideas if i.state == IdeaState.DECLINED],
    }


def board(request, slug):
    """'Jullie vroegen, wij deden': every answer, for the website."""
    stek = get_public_stek(slug)
    activate_public_language(request, stek)
    return render(request, "participation/board.html", _board_context(stek))


def board_print(request, slug):
    """The same answers as a board to print on A3 and hang in the STEK."""
    stek = get_public_stek(slug)
    activate_public_language(request, stek, browser=False)
    return render(request, "participation/board_print.html", _board_context(stek))


def board_pdf(request, slug):
    """The board as an A3 landscape PDF (for a print shop or a printer without A3 in the
    browser's dialog)."""
    stek = get_public_stek(slug)
    activate_public_language(request, stek, browser=False)
    context = _board_context(stek)
    context["sections"] = [
        (_("Dit hebben we gedaan"), context["accepted"], _("Nog niets. We zijn bezig!")),
        (_("Dit kan (nog) niet, en waarom"), context["declined"], _("Nog niets.")),
    ]
    context["box_url"] = request.build_absolute_uri(reverse("participation:box", args=[stek.slug]))
    return pdf_response(
        request, "participation/board_pdf.html", context, f"wij-deden-{stek.slug}.pdf",
        stek=stek, back=reverse("participation:board", args=[stek.slug]),
        base="public/base.html",
    )  # fmt: skip


@require_http_methods(["GET", "POST"])
def vote_code(request, slug):
    """A visitor types the meeting's code on their own phone. Only wrong codes count toward
    the limit; looking at the page is never limited."""
    stek = get_public_stek(slug)
    activate_public_language(request, stek)
    form = MeetingCodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if devices.blocked("code", request):
            form.add_error(None, _("Te veel foute codes. Wacht een kwartier en probeer opnieuw."))
            status = 429
        elif form.is_valid():
            code = services.normal_code(form.cleaned_data["code"])
            found = (
                Meeting.objects.filter(stek=stek, code=code)
                .exclude(state=MeetingState.DRAFT)
                .exists()
            )
            if found:
                return redirect("participation:vote_phone", slug=stek.slug, code=code)
            devices.count("code", request)
            form.add_error("code", _("We vinden geen stemming met deze code. Kijk de code na."))
            status = 400
        else:
            status = 400
    return render(
        request, "participation/vote_code.html", {"stek": stek, "form": form}, status=status
    )


@require_http_methods(["GET", "POST"])
def vote_phone(request, slug, code):
    """The ballot on a visitor's own phone: one vote per device cookie."""
    stek, meeting = get_public_meeting(slug, services.normal_code(code))
    activate_public_language(request, stek)
    token = devices.token_of(request)
    voted = (
        bool(token)
        and Vote.objects.filter(meeting=meeting, device=devices.vote_key(meeting, token)).exists()
    )
    error, status = "", 200
    if request.method == "POST":
        if devices.blocked("vote", request):
            error, status = _("Er wordt nu te veel gestemd van hier. Probeer het straks."), 429
        else:
            token = token or devices.new_token()
            option = meeting.options.filter(pk=_int(request.POST.get("option"))).first()
            try:
                services.cast_vote(
                    meeting=meeting, option=option, source=VoteSource.PHONE,
                    device=devices.vote_key(meeting, token),
                )  # fmt: skip
            except ServiceError as refusal:
                error, status = refusal.message, 400
            else:
                devices.count("vote", request)
                messages.success(request, _("Dank je! Je stem is geteld."))
                response = redirect("participation:vote_phone", slug=stek.slug, code=meeting.code)
                return devices.remember(response, token)
    return render(
        request,
        "participation/vote_phone.html",
        {
            "stek": stek,
            "meeting": meeting,
            "voted": voted,
            "error": error,
            "results": services.results(meeting),
        },
        status=status,
    )


def _int(value):
    return parse_id(str(value or ""))


# --- the onthaal tablet and the facilitator's ballot -------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def tablet_idea(request, slug):
    """At the onthaal: a visitor types an idea, or a volunteer types a paper slip over."""
    stek = get_stek_for_user(request, slug, permissions.can_take_ideas)
    form = StaffIdeaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_idea(stek=stek, **form.cleaned_data)
        except REFUSED as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("Dank je! Het idee staat op de ideeënbus.")
                if services.publishes_directly(stek)
                else _("Dank je! Het idee is binnen. Een medewerker leest het."),
            )
            return redirect("participation:tablet_idea", slug=stek.slug)
    return render(
        request,
        "participation/tablet_idea.html",
        {
            "stek": stek,
            "form": form,
            "categories": _category_choices(form),
            "direct": services.publishes_directly(stek),
        },
        status=400 if form.is_bound else 200,
    )


def _unlock_key(meeting):
    return f"participation:ballot:{meeting.pk}"


@login_required
@require_http_methods(["GET", "POST"])
def ballot(request, slug, pk):
    """The shared tablet in facilitator mode: the facilitator unlocks one ballot, one visitor
    votes, the tablet locks again and shows nothing of the vote before."""
    stek, meeting = get_meeting_for_user(request, slug, pk, permissions.can_facilitate)
    key = _unlock_key(meeting)
    unlocked = bool(request.session.get(key))
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "unlock" and meeting.is_open:
            request.session[key] = True
            return redirect("participation:ballot", slug=stek.slug, pk=meeting.pk)
        if action == "vote":
            if not unlocked:
                messages.error(request, _("Eerst geeft de begeleider de stem vrij."))
                return redirect("participation:ballot", slug=stek.slug, pk=meeting.pk)
            option = meeting.options.filter(pk=_int(request.POST.get("option"))).first()
            try:
                services.cast_vote(meeting=meeting, option=option, source=VoteSource.TABLET)
            except ServiceError as error:
                messages.error(request, error.message)
                if option is not None:  # the vote is over (closed): lock the tablet
                    request.session.pop(key, None)
            else:
                request.session.pop(key, None)  # one ballot per unlock
                messages.success(request, _("Dank je! Je stem is geteld."))
            return redirect("participation:ballot", slug=stek.slug, pk=meeting.pk)
        status = 400
    return render(
        request,
        "participation/ballot.html",
        {
            "stek": stek,
            "meeting": meeting,
            "unlocked": unlocked and meeting.is_open,
            "cast": services.votes_cast(meeting),
        },
        status=status,
    )


# --- the workers' pages --------------------------------------------------------------------
@login_required
def moderation(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_moderate)
    ideas = list(
        Idea.objects.filter(stek=stek).exclude(state=IdeaState.MERGED).select_related("dossier")
    )
    groups = [
        (state, [i for i in ideas if i.state == state])
        for state in (IdeaState.NEW, IdeaState.PUBLISHED, IdeaState.IN_COUNCIL)
    ]
    return render(
        request,
        "participation/moderation.html",
        {
            "stek": stek,
            "groups": groups,
            "answered": [i for i in ideas if i.state in ANSWERED_STATES],
            "direct": services.publishes_directly(stek),
            "can_set_policy": permissions.can_set_idea_policy(request.user, stek),
        },
    )


@login_required
@require_POST
def idea_policy(request, slug):
    """The coordinator chooses: ideas pre-moderated (the default) or published directly."""
    stek = get_stek_for_user(request, slug, permissions.can_set_idea_policy)
    direct = request.POST.get("publish_directly") == "1"
    services.set_publish_directly(actor=request.user, stek=stek, publish_directly=direct)
    messages.success(
        request,
        _("Nieuwe ideeën staan nu meteen op de ideeënbus.")
        if direct
        else _("Een medewerker leest nu elk nieuw idee voor het op de ideeënbus staat."),
    )
    return redirect("participation:moderation", slug=stek.slug)


@login_required
@require_http_methods(["GET", "POST"])
def idea_detail(request, slug, pk):
    stek, idea = get_idea_for_user(request, slug, pk)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    answer = AnswerForm(request.POST if action in ("accept", "decline") else None)
    merge = MergeForm(request.POST if action == "merge" else None, idea=idea)
    link = LinkForm(
        request.POST if action == "link" else None,
        idea=idea,
        initial={"signal": idea.signal, "dossier": idea.dossier},
    )
    status = 200
    if request.method == "POST":
        status = 400
        form = {"accept": answer, "decline": answer, "merge": merge, "link": link}.get(action)
        try:
            if action == "publish":
                services.publish_idea(actor=request.user, idea=idea)
            elif form is None:
                raise ServiceError(_("Kies wat je met dit idee doet."))
            elif not form.is_valid():
                raise ServiceError(_("Kijk de velden na."))
            elif action == "accept":
                services.accept_idea(
                    actor=request.user, idea=idea, what_was_done=form.cleaned_data["answer"]
                )
            elif action == "decline":
                services.decline_idea(
                    actor=request.user, idea=idea, reason=form.cleaned_data["answer"]
                )
            elif action == "merge":
                services.merge_idea(actor=request.user, idea=idea, into=form.cleaned_data["into"])
            else:
                services.link_idea(actor=request.user, idea=idea, **form.cleaned_data)
        except REFUSED as error:
            if form is not None and (isinstance(error, ValidationError) or error.field):
                show_refusal(form, error)
            elif form is None or form.is_valid():
                messages.error(request, error.message if hasattr(error, "message") else str(error))
            idea.refresh_from_db()
        else:
            messages.success(request, _("Opgeslagen."))
            if request.POST.get("terug") == "lijst":
                return redirect("participation:moderation", slug=stek.slug)
            return redirect("participation:idea_detail", slug=stek.slug, pk=idea.pk)
    return render(
        request,
        "participation/idea_detail.html",
        {
            "stek": stek,
            "idea": idea,
            "answer_form": answer,
            "merge_form": merge,
            "link_form": link,
            "action": action,
            "duplicates": idea.duplicates.all(),
            "options": idea.options.select_related("meeting"),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meetings(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_run_council)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.create_meeting(actor=request.user, stek=stek, **form.cleaned_data)
        except REFUSED as error:
            show_refusal(form, error)
        else:
            return redirect("participation:meeting", slug=stek.slug, pk=meeting.pk)
    return render(
        request,
        "participation/meetings.html",
        {"stek": stek, "form": form, "meetings": Meeting.objects.filter(stek=stek)},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_detail(request, slug, pk):
    stek, meeting = get_meeting_for_user(request, slug, pk)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    options = list(meeting.options.select_related("idea"))
    option_form = OptionForm(request.POST if action == "option" else None, stek=stek)
    paper_form = PaperForm(request.POST if action == "paper" else None, options=options)
    status = 200
    if request.method == "POST":
        status = 400
        try:
            if action == "option":
                if not option_form.is_valid():
                    raise ServiceError(_("Kijk de velden na."))
                services.add_option(actor=request.user, meeting=meeting, **option_form.cleaned_data)
                done = _("De keuze staat op de stembrief.")
            elif action == "open":
                services.open_meeting(actor=request.user, meeting=meeting)
                done = _("De stemming is open.")
            elif action == "close":
                services.close_meeting(actor=request.user, meeting=meeting)
                done = _("De stemming is gesloten. Nu zie je de uitslag.")
            elif action == "paper":
                if not paper_form.is_valid():
                    raise ServiceError(_("Kijk de aantallen na."))
                total = services.add_paper_ballots(
                    actor=request.user, meeting=meeting, counts=paper_form.counts()
                )
                done = _("%(n)s papieren stemmen bijgeteld.") % {"n": total}
            else:
                raise ServiceError(_("Kies wat je doet."))
        except REFUSED as error:
            form = {"option": option_form, "paper": paper_form}.get(action)
            if form is not None:
                if form.is_valid() or not form.errors:
                    show_refusal(form, error)
            else:
                messages.error(request, getattr(error, "message", str(error)))
            meeting.refresh_from_db()
        else:
            messages.success(request, done)
            return redirect("participation:meeting", slug=stek.slug, pk=meeting.pk)
    return render(
        request,
        "participation/meeting.html",
        {
            "stek": stek,
            "meeting": meeting,
            "options": options,
            "option_form": option_form,
            "paper_form": paper_form,
            "cast": services.votes_cast(meeting),
            "results": services.results(meeting),
        },
        status=status,
    )
