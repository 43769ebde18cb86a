"""The rights check: one question per page, a summary, then the results.

Everything moves by POST with the answers in a hidden field: nothing goes into the session, the
database or the URL (no answers in server logs). The one write, when a STEK switches it on, is
its weekly count of the rights shown (``services.count_shown``, ADR 0004).

Three doors lead in: the open check (``/rechtencheck/``), a STEK's public check that shows that
STEK's public services (``/<stek>/rechtencheck/``), and the check a worker runs with a visitor
inside the STEK (``/s/<stek>/rechtencheck/``), whose results lead to a referral."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from stek.core.access import deny, get_stek_for_user
from stek.core.pdf import PdfUnavailable, public_url, qr_data_uri, render_pdf
from stek.public.access import get_public_stek
from stek.referrals import permissions as referral_permissions
from stek.socialmap.models import Topic
from stek.socialmap.search import Query, origin_of, search_page

from . import permissions, questions
from .catalogue import RIGHTS
from .check import LIKELY, MAYBE, UNLIKELY, evaluate
from .models import Door
from .services import count_shown

SERVICES_PER_RESULT = 2
PUBLIC, STEK_PUBLIC, WORKER = "public", "stek_public", "worker"


@never_cache
@require_http_methods(["GET", "POST"])
def check(request):
    return _check(request, stek=None, mode=PUBLIC)


@never_cache
@require_http_methods(["GET", "POST"])
def public_check(request, slug):
    return _check(request, stek=get_public_stek(slug), mode=STEK_PUBLIC)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def stek_check(request, slug):
    stek = get_stek_for_user(request, slug)
    if not permissions.can_use_check(request.user, stek):
        deny()
    return _check(request, stek=stek, mode=WORKER)


def _page(request, template, stek, mode, **context):
    return render(
        request,
        f"rights/{template}",
        {"stek": stek, "mode": mode, "worker": mode == WORKER, "rights": RIGHTS, **context},
    )


def _check(request, stek, mode):
    if request.method == "GET":
        return _page(request, "intro.html", stek, mode, state="{}")
    try:
        state = questions.load(request.POST.get("state"))
    except questions.Damaged:
        # The answers come back from the page: if they were damaged (an old tab, a tampered
        # field), start again rather than fail.
        return _page(request, "intro.html", stek, mode, state="{}", damaged=True)
    return _step(request, stek, mode, state)


def _step(request, stek, mode, state):
    action = request.POST.get("action", "next")
    current = questions.BY_KEY.get(request.POST.get("step", ""))
    finished = bool(state) and questions.first_unanswered(state) is None
    if action == "back" and current:
        steps = questions.applicable(state)
        position = steps.index(current) if current in steps else 0
        if state.get("_review") and finished:
            return _summary(request, stek, mode, state)
        if position == 0:
            return _page(request, "intro.html", stek, mode, state="{}")
        return _question(request, stek, mode, state, steps[position - 1])
    if action.startswith("edit:") and action[5:] in questions.BY_KEY:
        state["_review"] = True
        return _question(request, stek, mode, state, questions.BY_KEY[action[5:]])
    if action in ("results", "pdf") and finished:
        return _results(request, stek, mode, state, pdf=action == "pdf")
    if action == "next" and current:
        form = current(request.POST, state=state)
        if not form.is_valid():
            return _question(request, stek, mode, state, current, form)
        form.write(state)
        state["_done"] = sorted(set(state.get("_done", [])) | {current.key})
    following = questions.first_unanswered(state)
    if following is None:  # all answered (also after an edit): the summary
        return _summary(request, stek, mode, state)
    return _question(request, stek, mode, state, following)


def _question(request, stek, mode, state, step, form=None):
    steps = questions.applicable(state)
    position = steps.index(step) + 1 if step in steps else 1
    return _page(
        request,
        "question.html",
        stek,
        mode,
        step=step,
        form=form or step(state=state),
        state=questions.dump(state),
        position=position,
        total=len(steps),
        review=bool(state.get("_review")),
    )


def _summary(request, stek, mode, state):
    rows = [(step, list(step(state=state).summary())) for step in questions.applicable(state)]
    return _page(request, "summary.html", stek, mode, rows=rows, state=questions.dump(state))


def _services(stek, topic_codes, public_only):
    """Per topic code: the nearest services on the STEK's social map for that topic."""
    topics = Topic.objects.for_network(stek.network_id).filter(code__in=topic_codes)
    found = {}
    for topic in topics:
        query = Query(topic=topic.pk, public_only=public_only)
        results, _total = search_page(
            stek.network, query, origin_of(stek), limit=SERVICES_PER_RESULT
        )
        found[topic.code] = results
    return found


def _results(request, stek, mode, state, pdf=False):
    result = evaluate(questions.answers(state))
    shown = [r.id for r in result.rights if r.status != UNLIKELY]
    topics = shown + [p.topic for p in result.pointers]
    services = _services(stek, topics, public_only=mode != WORKER) if stek else {}
    if stek and not pdf and not state.get("_counted"):
        # Once per check: the results page carries the answers on, marked as counted.
        door = Door.WORKER if mode == WORKER else Door.PUBLIC
        if count_shown(stek=stek, door=door, result=result):
            state["_counted"] = True
    context = {
        "result": result,
        "services": services,
        "groups": [
            (LIKELY, result.by_status(LIKELY)),
            (MAYBE, result.by_status(MAYBE)),
            (UNLIKELY, result.by_status(UNLIKELY)),
        ],
        "state": questions.dump(state),
        "estimated_income": state.get("yearly_taxable_income") is None,
        "can_refer": mode == WORKER and referral_permissions.can_refer(request.user, stek),
    }
    if pdf:
        return _slip_pdf(request, stek, mode, context)
    return _page(request, "results.html", stek, mode, **context)


def _slip_pdf(request, stek, mode, context):
    """The result slip: the rights worth claiming and where, nothing about the household."""
    again = reverse("rights:public_check", args=[stek.slug]) if stek else reverse("rights:check")
    context = {
        **context,
        "stek": stek,
        "printed": timezone.localdate(),
        "qr": qr_data_uri(public_url(request, again), scale=4),
    }
    try:
        pdf = render_pdf("rights/slip_pdf.html", context)
    except PdfUnavailable:
        return render(request, "rights/slip_unavailable.html", {"stek": stek}, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="rechtencheck.pdf"'
    response["Cache-Control"] = "no-store"
    return response
