"""The yearly self-evaluation against the STEK model (issue 18, ADR 0016): the list of years,
the summary with the radar, the meeting on a projector (one function or precondition at a
time), the raters' links, and the page where an anonymous rater scores on a phone.

GET only reads (ADR 0011); every write is a POST through ``services``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from stek.core import net, ratelimit
from stek.core.access import get_stek_for_user
from stek.core.forms import show_refusal
from stek.core.languages import activate_public_language
from stek.core.params import parse_id
from stek.core.pdf import public_url, qr_data_uri
from stek.core.services import ServiceError
from stek.participation import devices

from . import live, permissions, selfeval, services
from .access import get_rater_link, get_self_evaluation
from .models import RaterSubmission, SelfEvaluation
from .radar import radar_chart
from .selfeval_forms import RaterForm, RaterLinkForm, TeamScoreForm

# (max, window seconds) per client address, in the shared cache under a keyed hash
RATER_POSTS_PER_ADDRESS = (60, 3600)
RATER_MISSES_PER_ADDRESS = (20, 900)


def _address_key(request, what):
    address = salted_hmac("stek.reports.selfeval.address", net.client_ip(request) or "unknown")
    return f"selfeval:{what}:{address.hexdigest()}"


def _blocked(request, what, limit):
    return ratelimit.count_of(_address_key(request, what)) >= limit[0]


def _count(request, what, limit):
    ratelimit.hit(_address_key(request, what), limit[1])


def device_key(link, token):
    """What a submission keeps: a keyed hash of the device cookie, per link."""
    return salted_hmac(
        f"stek.reports.selfeval.rater.{link.pk}", token, algorithm="sha256"
    ).hexdigest()


def _radar(evaluation, chart_id="radar"):
    this = selfeval.axis_means(evaluation)
    before = selfeval.last_closed(evaluation.stek, evaluation.year)
    series = [(str(evaluation.year), this, False)]
    if before is not None:
        series.append((str(before.year), selfeval.axis_means(before), True))
    axes = selfeval.radar_axes()
    title = _("Zelfevaluatie %(year)s: gemiddelde score van het team per functie en voorwaarde") % {
        "year": evaluation.year
    }
    rows = [
        (label, this[key], series[1][1][key] if before else None, selfeval.AXIS_BY_KEY[key].kind)
        for key, label in axes
    ]
    return radar_chart(chart_id, title, axes, series), rows, before


def _axis_radar(evaluation, axis, last):
    """One function's or precondition's radar over its statements (three or more), numbered
    as on the page; None for fewer (two points make no radar)."""
    if len(axis.statements) < 3:
        return None

    def scores(of):
        rows = selfeval.team_scores(of)
        return {
            k: (t.score or None) for k, t in rows.items() if k in {s.key for s in axis.statements}
        }

    axes = [(s.key, str(s.text)) for s in axis.statements]
    this = scores(evaluation)
    series = [(str(evaluation.year), this, False)]
    before = scores(last) if last is not None else {}
    if last is not None:
        series.append((str(last.year), before, True))
    title = _("%(axis)s %(year)s: score van het team per uitspraak") % {
        "axis": axis.title,
        "year": evaluation.year,
    }
    marks = [str(i) for i in range(1, len(axes) + 1)]
    chart = radar_chart(f"radar-{axis.key}", title, axes, series, marks=marks)
    rows = [
        (i, s.text, this.get(s.key), before.get(s.key)) for i, s in enumerate(axis.statements, 1)
    ]
    return {"chart": chart, "rows": rows}


@login_required
def selfeval_list(request, slug):
    """The STEK's self-evaluations, one per year, and the button that starts this year's."""
    stek = get_stek_for_user(request, slug, permissions.can_view_self_evaluation)
    year = timezone.localdate().year
    evaluations = SelfEvaluation.objects.filter(stek=stek).order_by("-year")
    context = {
        "stek": stek,
        "evaluations": evaluations,
        "year": year,
        "can_start": permissions.can_run_self_evaluation(request.user, stek)
        and not evaluations.filter(year=year).exists(),
        "statements": len(selfeval.STATEMENTS),
    }
    return render(request, "reports/selfeval/list.html", context)


@login_required
@require_POST
def selfeval_start(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_run_self_evaluation)
    year = parse_id(request.POST.get("year")) or timezone.localdate().year
    try:
        services.start_self_evaluation(actor=request.user, stek=stek, year=year)
    except ServiceError as refusal:
        messages.error(request, refusal.message)
        if not SelfEvaluation.objects.filter(stek=stek, year=year).exists():
            return redirect("reports:selfeval_list", slug=stek.slug)
    return redirect(
        "reports:selfeval_meeting", slug=stek.slug, year=year, axis=selfeval.AXES[0].key
    )


def _statement_rows(evaluation, axis, figures, forms=None, results=None):
    scores = selfeval.team_scores(evaluation)
    tables = selfeval.indicator_tables(figures)
    rows = []
    for statement in axis.statements:
        team = scores.get(statement.key)
        form = (forms or {}).get(statement.key)
        if form is None and not evaluation.is_closed:
            initial = {"statement": statement.key}
            if team is not None:
                initial.update(score=team.score, note=team.note)
            form = TeamScoreForm(initial=initial, prefix=None, auto_id=f"{statement.key}-%s")
        rows.append(
            {
                "statement": statement,
                "team": team,
                "form": form,
                "indicators": [tables[k] for k in statement.families if k in tables],
                "raters": (results or {}).get(statement.key, []),
            }
        )
    return rows


def _meeting(request, stek, evaluation, axis, forms=None, status=200):
    before, after = selfeval.neighbours(axis.key)
    results, raters, threshold = selfeval.rater_results(evaluation)
    chart, radar_rows, last = _radar(evaluation)
    context = {
        "stek": stek,
        "evaluation": evaluation,
        "axis": axis,
        "axes": selfeval.AXES,
        "before": before,
        "after": after,
        "rows": _statement_rows(
            evaluation, axis, live.year_figures(stek, evaluation.year), forms, results
        ),
        "raters": raters,
        "threshold": threshold,
        "can_run": permissions.can_run_self_evaluation(request.user, stek)
        and not evaluation.is_closed,
        "position": [a.key for a in selfeval.AXES].index(axis.key) + 1,
        "count": len(selfeval.AXES),
        "radar": chart if after is None else "",
        "radar_rows": radar_rows,
        "last": last,
        "axis_radar": _axis_radar(evaluation, axis, last),
        # the form that was posted, when it has errors (the page shows it in its statement)
        "form": next(iter(forms.values())) if forms else None,
    }
    return render(request, "reports/selfeval/meeting.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def selfeval_meeting(request, slug, year, axis):
    """The meeting on a projector: one function or precondition, its statements with the
    figures that speak to them, the raters' results and (for a coordinator) the team's score."""
    check = (
        permissions.can_run_self_evaluation
        if request.method == "POST"
        else permissions.can_view_self_evaluation
    )
    stek, evaluation = get_self_evaluation(request, slug, year, check)
    current = selfeval.AXIS_BY_KEY.get(axis)
    if current is None:
        raise Http404(_("Deze functie of voorwaarde kennen we niet."))
    if request.method == "GET":
        return _meeting(request, stek, evaluation, current)
    key = request.POST.get("statement", "")
    form = TeamScoreForm(request.POST, auto_id=f"{key}-%s")
    if form.is_valid() and selfeval.AXIS_OF.get(form.cleaned_data["statement"]) is current:
        try:
            services.save_team_score(
                actor=request.user,
                evaluation=evaluation,
                statement=form.cleaned_data["statement"],
                score=form.cleaned_data["score"],
                note=form.cleaned_data["note"],
            )
        except ServiceError as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, _("De score is bewaard."))
            url = reverse("reports:selfeval_meeting", args=[stek.slug, year, current.key])
            return redirect(f"{url}#s-{form.cleaned_data['statement']}")
    elif form.is_valid():
        form.add_error(None, _("Deze uitspraak hoort niet bij deze functie of voorwaarde."))
    if key not in selfeval.STATEMENTS or selfeval.AXIS_OF[key] is not current:
        messages.error(
            request, " ".join(str(e) for e in form.non_field_errors()) or _("Probeer opnieuw.")
        )
        return _meeting(request, stek, evaluation, current, status=400)
    return _meeting(request, stek, evaluation, current, forms={key: form}, status=400)


def _links(request, evaluation):
    now = timezone.now()
    links = []
    for link in evaluation.rater_links.order_by("-opened_at"):
        url = public_url(request, reverse("reports:selfeval_rate", args=[link.code]))
        usable = link.is_usable(now)
        links.append(
            {
                "link": link,
                "url": url,
                "usable": usable,
                "qr": qr_data_uri(url, scale=4) if usable else "",
                "answers": link.submissions.count(),
            }
        )
    return links


def _summary(request, stek, evaluation, link_form=None, status=200):
    results, raters, threshold = selfeval.rater_results(evaluation)
    chart, radar_rows, last = _radar(evaluation)
    scores = selfeval.team_scores(evaluation)
    last_scores = selfeval.team_scores(last)
    axes = [
        {
            "axis": axis,
            "statements": [
                {
                    "statement": s,
                    "team": scores.get(s.key),
                    "last": last_scores.get(s.key),
                    "raters": results[s.key],
                }
                for s in axis.statements
            ],
        }
        for axis in selfeval.AXES
    ]
    can_run = permissions.can_run_self_evaluation(request.user, stek)
    scored, total = selfeval.progress(evaluation)
    context = {
        "stek": stek,
        "evaluation": evaluation,
        "radar": chart,
        "radar_rows": radar_rows,
        "last": last,
        "axes": axes,
        "raters": raters,
        "threshold": threshold,
        "can_run": can_run and not evaluation.is_closed,
        "links": _links(request, evaluation) if can_run else [],
        "link_form": link_form or RaterLinkForm(),
        "scored": scored,
        "total": total,
        "first_axis": selfeval.AXES[0].key,
    }
    return render(request, "reports/selfeval/summary.html", context, status=status)


@login_required
def selfeval_year(request, slug, year):
    """The summary: the radar with last year dashed, the table beside it, every statement's
    scores; for a coordinator the raters' links and the button that closes it."""
    stek, evaluation = get_self_evaluation(request, slug, year)
    return _summary(request, stek, evaluation)


@login_required
@require_POST
def selfeval_link_open(request, slug, year):
    stek, evaluation = get_self_evaluation(request, slug, year, permissions.can_run_self_evaluation)
    form = RaterLinkForm(request.POST)
    if form.is_valid():
        try:
            services.open_rater_link(
                actor=request.user, evaluation=evaluation, kind=form.cleaned_data["kind"]
            )
        except ServiceError as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, _("De link is klaar. Geef hem door of toon de QR-code."))
            url = reverse("reports:selfeval_year", args=[stek.slug, year])
            return redirect(f"{url}#links")
    return _summary(request, stek, evaluation, link_form=form, status=400)


@login_required
@require_POST
def selfeval_link_revoke(request, slug, year, pk):
    stek, evaluation = get_self_evaluation(request, slug, year, permissions.can_run_self_evaluation)
    link = evaluation.rater_links.filter(pk=parse_id(pk)).first()
    if link is None:
        raise Http404(_("Deze link hoort niet bij deze zelfevaluatie."))
    services.revoke_rater_link(actor=request.user, link=link)
    messages.success(request, _("De link werkt niet meer."))
    url = reverse("reports:selfeval_year", args=[stek.slug, year])
    return redirect(f"{url}#links")


@login_required
@require_POST
def selfeval_close(request, slug, year):
    stek, evaluation = get_self_evaluation(request, slug, year, permissions.can_run_self_evaluation)
    try:
        services.close_self_evaluation(actor=request.user, evaluation=evaluation)
    except ServiceError as refusal:
        messages.info(request, refusal.message)
    else:
        messages.success(request, _("De zelfevaluatie is afgesloten. Ze verandert niet meer."))
    return redirect("reports:selfeval_year", slug=stek.slug, year=year)


@require_http_methods(["GET", "POST"])
def selfeval_rate(request, code):
    """An anonymous rater (a volunteer, a partner) scores the statements on a phone, without
    an account, once per device. No name and no free text is asked."""
    if _blocked(request, "miss", RATER_MISSES_PER_ADDRESS):
        return render(request, "reports/selfeval/rate_gone.html", {"busy": True}, status=429)
    link = get_rater_link(services.normal_rater_code(code))
    if link is None or not link.is_usable():
        _count(request, "miss", RATER_MISSES_PER_ADDRESS)
        return render(request, "reports/selfeval/rate_gone.html", {"link": link}, status=404)
    stek = link.evaluation.stek
    activate_public_language(request, stek)
    token = devices.token_of(request)
    done = (
        bool(token)
        and RaterSubmission.objects.filter(link=link, device=device_key(link, token)).exists()
    )
    form, error, status = RaterForm(), "", 200
    if request.method == "POST" and not done:
        form = RaterForm(request.POST)
        if _blocked(request, "post", RATER_POSTS_PER_ADDRESS):
            error, status = _("Er wordt nu te veel gescoord van hier. Probeer het straks."), 429
        elif form.is_valid():
            token = token or devices.new_token()
            try:
                services.submit_rater_scores(
                    link=link, device=device_key(link, token), scores=form.scores()
                )
            except ServiceError as refusal:
                error, status = refusal.message, 400
            else:
                _count(request, "post", RATER_POSTS_PER_ADDRESS)
                messages.success(request, _("Dank je! Je scores zijn bewaard."))
                response = redirect("reports:selfeval_rate", code=link.code)
                return devices.remember(response, token)
        else:
            error, status = _("Kijk je keuzes na."), 400
    context = {
        "stek": stek,
        "link": link,
        "evaluation": link.evaluation,
        "done": done,
        "form": form,
        "error": error,
        "axes": [(axis, [form[s.key] for s in axis.statements]) for axis in selfeval.AXES],
    }
    return render(request, "reports/selfeval/rate.html", context, status=status)
