"""The rights check: one question per page, a summary, then the results.

Post/redirect/get: every answer is POSTed and answered with a redirect to a GET page
(``?stap=<question>``, ``?stap=overzicht``, ``?stap=resultaat``), so the browser's own back button
walks back through the check without "confirm form resubmission". The answers travel in a
signed, compressed cookie of the check's own path (``rechtencheck``): never in the session, the
database or the URL (no answers in server logs or in a Referer), gone when the browser closes
and unreadable after ``MAX_AGE``. A cookie that is too big, tampered with or too old starts the
check again. The one write, when a STEK switches it on, is its weekly count of the rights shown
(``services.count_shown``, ADR 0004), made by the POST that asks for the results.

Three doors lead in: the open check (``/rechtencheck/``), a STEK's public check that shows that
STEK's public services (``/<stek>/rechtencheck/``), and the check a worker runs with a visitor
inside the STEK (``/s/<stek>/rechtencheck/``), whose results lead to a referral. A STEK's doors
suggest only services that serve the STEK's municipality (``services.serving``)."""

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from stek.core.access import deny, get_public_stek, get_stek_for_user
from stek.core.pdf import PdfUnavailable, public_url, qr_data_uri, render_pdf
from stek.referrals import permissions as referral_permissions

from . import permissions, questions
from .catalogue import RIGHTS
from .check import LIKELY, MAYBE, UNLIKELY, evaluate
from .models import Door
from .places import services_for
from .services import count_shown

PUBLIC, STEK_PUBLIC, WORKER = "public", "stek_public", "worker"
COOKIE, TYPED = "rechtencheck", "rechtencheck_invoer"
SALT = "stek.rights.state"
MAX_AGE = 3 * 60 * 60  # seconds: a check is done in minutes; an old tab starts again
MAX_COOKIE = 3800  # bytes: far above any valid state, under the browsers' 4 kB per cookie
SUMMARY, RESULTS, SLIP = "overzicht", "resultaat", "briefje"


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


# --- The state in a cookie ------------------------------------------------------------------


def _read(request, name, salt):
    raw = request.COOKIES.get(name)
    if not raw:
        return None
    if len(raw) > MAX_COOKIE:
        raise questions.Damaged("too big")
    try:
        return signing.loads(raw, salt=salt, max_age=MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError) as error:  # also SignatureExpired
        raise questions.Damaged(str(error)) from error


def load_state(request):
    """The answers so far: {} for a new check, ``questions.Damaged`` if unreadable."""
    state = _read(request, COOKIE, SALT)
    if state is None:
        return {}
    return questions.validate(state)


def _keep(response, request, state):
    value = signing.dumps(state, salt=SALT, compress=True)
    if len(value) > MAX_COOKIE:  # cannot happen for a valid state; never send a broken one
        raise questions.Damaged("state too big")
    response.set_cookie(
        COOKIE,
        value,
        path=request.path,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def _forget(response, request):
    response.delete_cookie(COOKIE, path=request.path, samesite="Lax")
    response.delete_cookie(TYPED, path=request.path, samesite="Lax")
    return response


def _to(request, stap=None, **params):
    query = {"stap": stap, **params} if stap else params
    url = request.path + (f"?{urlencode(query)}" if query else "")
    return HttpResponseRedirect(url, status=303)


# --- Pages ----------------------------------------------------------------------------------


def _page(request, template, stek, mode, **context):
    return render(
        request,
        f"rights/{template}",
        {"stek": stek, "mode": mode, "worker": mode == WORKER, "rights": RIGHTS, **context},
    )


def _intro(request, stek, mode, **context):
    low, high = questions.question_range()
    return _page(request, "intro.html", stek, mode, low=low, high=high, **context)


def _check(request, stek, mode):
    try:
        state = load_state(request)
    except questions.Damaged:
        # An old tab or a tampered cookie: start again rather than fail.
        response = _intro(request, stek, mode, damaged=True)
        return _forget(response, request)
    if request.method == "POST":
        return _post(request, stek, mode, state)
    return _get(request, stek, mode, state)


def _finished(state):
    return bool(state) and questions.first_unanswered(state) is None


def _where_now(request, state):
    """A redirect to where the check stands: the first open question, or the summary."""
    following = questions.first_unanswered(state)
    return _to(request, following.key if following else SUMMARY)


def _get(request, stek, mode, state):
    stap = request.GET.get("stap", "")
    if not stap:
        return _intro(request, stek, mode, cleared="gewist" in request.GET)
    if stap in (SUMMARY, RESULTS, SLIP):
        if not _finished(state):
            return _where_now(request, state)
        if stap == SUMMARY:
            return _summary(request, stek, mode, state)
        return _results(request, stek, mode, state, pdf=stap == SLIP)
    step = questions.BY_KEY.get(stap)
    if step is None or not questions.reachable(state, step):
        return _where_now(request, state)
    typed = None
    try:
        pending = _read(request, TYPED, SALT + ".typed")
    except questions.Damaged:
        pending = None
    if isinstance(pending, dict) and pending.get("step") == step.key:
        typed = pending.get("data")
    response = _question(request, stek, mode, state, step, typed)
    if pending is not None:  # shown once: the typed answers are not kept
        response.delete_cookie(TYPED, path=request.path, samesite="Lax")
    return response


def _post(request, stek, mode, state):
    action = request.POST.get("action", "next")
    if action == "start":
        return _keep(_to(request, questions.STEPS[0].key), request, {})
    if action == "clear":
        return _forget(_to(request, gewist=1), request)
    if action.startswith("edit:") and action[5:] in questions.BY_KEY and _finished(state):
        state["_review"] = True
        return _keep(_to(request, action[5:]), request, state)
    if action == "results" and _finished(state):
        if stek and not state.get("_counted"):
            # Once per check, by this POST: the results page itself (a GET) never writes.
            door = Door.WORKER if mode == WORKER else Door.PUBLIC
            if count_shown(stek=stek, door=door, result=evaluate(questions.answers(state))):
                state["_counted"] = True
        return _keep(_to(request, RESULTS), request, state)
    step = questions.BY_KEY.get(request.POST.get("step", ""))
    if action != "next" or step is None or not questions.reachable(state, step):
        return _where_now(request, state)
    form = step(request.POST, state=state)
    if not form.is_valid():
        # Redirect here too, with what was typed in a short-lived cookie, so that "back"
        # from the next page never lands on a POST.
        typed = {name: request.POST.getlist(name) for name in form.fields}
        response = _to(request, step.key)
        response.set_cookie(
            TYPED,
            signing.dumps({"step": step.key, "data": typed}, salt=SALT + ".typed", compress=True),
            max_age=600,
            path=request.path,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
        return response
    form.write(state)
    state["_done"] = sorted(set(state.get("_done", [])) | {step.key})
    if state.get("_review"):
        return _keep(_where_now(request, state), request, state)
    following = questions.after(state, step)
    return _keep(_to(request, following.key if following else SUMMARY), request, state)


def _question(request, stek, mode, state, step, typed=None):
    if typed is not None:
        form = step(_Typed(typed), state=state)
        form.is_valid()  # shows the errors of what was typed
    else:
        form = step(state=state)
    steps = questions.applicable(state)
    position = steps.index(step) + 1 if step in steps else 1
    previous = steps[position - 2] if position > 1 else None
    return _page(
        request,
        "question.html",
        stek,
        mode,
        step=step,
        question=step.title(state),
        help=step.help_for(state),
        form=form,
        position=position,
        total=len(steps) if questions.total_known(state) else None,
        back=f"?stap={previous.key}" if previous else "",
        review=bool(state.get("_review")),
    )


class _Typed(dict):
    """What was typed, as a QueryDict-like for a form: lists of values per name."""

    def get(self, key, default=None):
        values = super().get(key)
        return values[-1] if values else default

    def getlist(self, key, default=None):
        return list(super().get(key) or (default or []))


def _summary(request, stek, mode, state):
    rows = [
        (step, step.title(state), list(step(state=state).summary()))
        for step in questions.applicable(state)
    ]
    return _page(request, "summary.html", stek, mode, rows=rows)


def _results(request, stek, mode, state, pdf=False):
    result = evaluate(questions.answers(state))
    shown = [r.id for r in result.rights if r.status != UNLIKELY and r.in_region]
    topics = shown + [p.topic for p in result.pointers]
    topics += [step.topic for _right, step in result.next_steps]
    services = services_for(stek, topics, public_only=mode != WORKER) if stek else {}
    context = {
        "result": result,
        "services": services,
        "groups": [
            (LIKELY, result.by_status(LIKELY)),
            (MAYBE, result.by_status(MAYBE)),
            (UNLIKELY, result.by_status(UNLIKELY)),
        ],
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
