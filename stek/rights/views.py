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
suggest only services that serve the STEK's municipality (``services.serving``).

Which question comes next, which came before, and changing one answer from the summary are
the questionnaire's (``questions.Questionnaire``): this module turns requests into its moves
and renders where it stands."""

import hashlib

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from stek.core.access import deny, get_public_stek, get_stek_for_user
from stek.core.languages import activate_public_language, activate_visitor_language
from stek.core.memo import Lru
from stek.core.pdf import pdf_response, public_url, qr_data_uri
from stek.referrals import permissions as referral_permissions
from stek.socialmap.search import version as socialmap_version

from . import permissions, questions
from .catalogue import RIGHTS
from .check import LIKELY, MAYBE, UNLIKELY, evaluate
from .models import Door
from .places import services_for, where
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
    activate_visitor_language(request)  # a visitor's own phone: the browser may choose
    return _check(request, stek=None, mode=PUBLIC)


@never_cache
@require_http_methods(["GET", "POST"])
def public_check(request, slug):
    stek = get_public_stek(slug)
    activate_public_language(request, stek)  # among the STEK's languages, like its programme
    return _check(request, stek=stek, mode=STEK_PUBLIC)


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
    """The check so far: a new one without a cookie, ``questions.Damaged`` if unreadable."""
    state = _read(request, COOKIE, SALT)
    if state is None:
        return questions.Questionnaire()
    return questions.Questionnaire.restore(state)


def _keep(response, request, questionnaire):
    value = signing.dumps(questionnaire.state, salt=SALT, compress=True)
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
        questionnaire = load_state(request)
    except questions.Damaged:
        # An old tab or a tampered cookie: start again rather than fail.
        response = _intro(request, stek, mode, damaged=True)
        return _forget(response, request)
    if request.method == "POST":
        return _post(request, stek, mode, questionnaire)
    return _get(request, stek, mode, questionnaire)


def _go(request, place):
    """A redirect to a place in the check: a question, or the summary (None)."""
    return _to(request, place.key if place else SUMMARY)


def _get(request, stek, mode, questionnaire):
    stap = request.GET.get("stap", "")
    if not stap:
        return _intro(request, stek, mode, cleared="gewist" in request.GET)
    if stap in (SUMMARY, RESULTS, SLIP):
        if not questionnaire.finished:
            return _go(request, questionnaire.current())
        if stap == SUMMARY:
            return _page(request, "summary.html", stek, mode, rows=questionnaire.summary())
        return _results(request, stek, mode, questionnaire, pdf=stap == SLIP)
    step = questionnaire.question(stap)
    if step is None:
        return _go(request, questionnaire.current())
    typed = None
    try:
        pending = _read(request, TYPED, SALT + ".typed")
    except questions.Damaged:
        pending = None
    if isinstance(pending, dict) and pending.get("step") == step.key:
        typed = pending.get("data")
    response = _question(request, stek, mode, questionnaire, step, typed)
    if pending is not None:  # shown once: the typed answers are not kept
        response.delete_cookie(TYPED, path=request.path, samesite="Lax")
    return response


def _post(request, stek, mode, questionnaire):
    action = request.POST.get("action", "next")
    verb, _colon, key = action.partition(":")  # "edit:<question>" from the summary
    if action == "start":
        new = questions.Questionnaire()
        return _keep(_go(request, new.current()), request, new)
    if action == "clear":
        return _forget(_to(request, gewist=1), request)
    if verb == "edit" and (step := questionnaire.edit(key)):
        return _keep(_go(request, step), request, questionnaire)
    if action == "results" and questionnaire.finished:
        if stek and not questionnaire.counted:
            # Once per check, by this POST: the results page itself (a GET) never writes.
            door = Door.WORKER if mode == WORKER else Door.PUBLIC
            if count_shown(stek=stek, door=door, result=evaluate(questionnaire.answers())):
                questionnaire.mark_counted()
        return _keep(_to(request, RESULTS), request, questionnaire)
    step = questionnaire.question(request.POST.get("step", ""))
    if action != "next" or step is None:
        return _go(request, questionnaire.current())
    form = questionnaire.answer(step, request.POST)
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
    return _keep(_go(request, questionnaire.next(step)), request, questionnaire)


def _question(request, stek, mode, questionnaire, step, typed=None):
    if typed is not None:
        form = questionnaire.form(step, _Typed(typed))
        form.is_valid()  # shows the errors of what was typed
    else:
        form = questionnaire.form(step)
    position, total = questionnaire.progress(step)
    previous = questionnaire.back(step)
    return _page(
        request,
        "question.html",
        stek,
        mode,
        step=step,
        question=step.title(questionnaire.state),
        help=step.help_for(questionnaire.state),
        form=form,
        position=position,
        total=total,
        back=f"?stap={previous.key}" if previous else "",
        review=questionnaire.reviewing,
    )


class _Typed(dict):
    """What was typed, as a QueryDict-like for a form: lists of values per name."""

    def get(self, key, default=None):
        values = super().get(key)
        return values[-1] if values else default

    def getlist(self, key, default=None):
        return list(super().get(key) or (default or []))


# The results between the lead and the buttons, rendered once per process for the same
# answers, door, STEK, language and social map (``_body``): the same for every visitor and
# worker with those; rendered without the request (no CSRF token, nothing of the user).
_BODIES = Lru(128)


def _context(stek, mode, result, can_refer):
    shown = [r.id for r in result.rights if r.status != UNLIKELY and r.in_region]
    topics = shown + [p.topic for p in result.pointers]
    topics += [step.topic for _right, step in result.next_steps]
    services = services_for(stek, topics, public_only=mode != WORKER) if stek else {}
    return {
        "result": result,
        "services": services,
        "groups": [
            (LIKELY, result.by_status(LIKELY)),
            (MAYBE, result.by_status(MAYBE)),
            (UNLIKELY, result.by_status(UNLIKELY)),
        ],
        "can_refer": can_refer,
    }


def _body(stek, mode, answers, result, can_refer):
    digest = hashlib.blake2b(answers.model_dump_json().encode(), digest_size=16).hexdigest()
    place = (where(stek), stek.slug, socialmap_version()) if stek else None
    key = (digest, place, mode, can_refer, get_language())

    def render_body():
        context = {"stek": stek, "mode": mode, "worker": mode == WORKER, "rights": RIGHTS}
        context.update(_context(stek, mode, result, can_refer))
        return render_to_string("rights/partials/results_body.html", context)

    return _BODIES.get_or_compute(key, render_body)


def _results(request, stek, mode, questionnaire, pdf=False):
    answers = questionnaire.answers()
    result = evaluate(answers)
    can_refer = mode == WORKER and referral_permissions.can_refer(request.user, stek)
    if pdf:
        context = {**_context(stek, mode, result, can_refer),
                   "estimated_income": questionnaire.income_estimated}  # fmt: skip
        return _slip_pdf(request, stek, mode, context)
    return _page(
        request,
        "results.html",
        stek,
        mode,
        result=result,
        body=_body(stek, mode, answers, result, can_refer),
        estimated_income=questionnaire.income_estimated,
        can_refer=can_refer,
    )


def _slip_pdf(request, stek, mode, context):
    """The result slip: the rights worth claiming and where, nothing about the household."""
    again = reverse("rights:public_check", args=[stek.slug]) if stek else reverse("rights:check")
    context = {
        **context,
        "stek": stek,
        "printed": timezone.localdate(),
        "qr": qr_data_uri(public_url(request, again), scale=4),
    }
    return pdf_response(
        request,
        "rights/slip_pdf.html",
        context,
        "rechtencheck.pdf",
        stek=stek,
        back=f"{request.path}?{urlencode({'stap': RESULTS})}",
        base="rights/base.html",
        no_store=True,
        page={"worker": mode == WORKER},
    )
