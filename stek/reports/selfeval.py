"""The self-evaluation against the STEK model (issue 18, ADR 0016): the statements, in the
product's own words, from the rules of thumb of the four functions and the recommendations of
the four preconditions (docs/stek-model.md), and what is computed from the scores.

Each statement has a stable key (scores keep it across years, so the text may be reworded) and
names the indicator families (``indicators.FAMILIES``) whose published figures speak to it.
Only read here; every write is in ``services``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from stek.core.privacy.suppression import default_threshold

from .models import RaterKind, RaterScore, RaterSubmission, Score, SelfEvaluation, TeamScore
from .report import sections as report_sections


@dataclass(frozen=True)
class Statement:
    key: str
    text: str
    families: tuple = ()


@dataclass(frozen=True)
class Axis:
    """A function or a precondition of the model: one axis of the radar."""

    key: str
    kind: str  # "function" or "precondition"
    title: str
    summary: str
    statements: tuple


def _s(key, text, *families):
    return Statement(key, text, tuple(families))


AXES = (
    Axis("ontmoeten", "function", _("Ontmoeten"),
         _("Sterke sociale netwerken. Soms hebben mensen een duwtje nodig."), (
        _s("ontmoeten.plaats", _("We werken op een plek die bezoekers kennen, vertrouwen en "
                                     "makkelijk bereiken."), "sessions_month", "taps_month"),
        _s("ontmoeten.organisaties", _("Medewerkers van sterke organisaties zorgen samen voor "
                                           "een goed aanbod om elkaar te ontmoeten."),
           "takes_organisation"),
        _s("ontmoeten.bekend", _("We maken ons aanbod bekend op manieren die bij de "
                                     "bezoekers passen: mondeling, op papier en digitaal.")),
        _s("ontmoeten.kost", _("Geld is geen drempel om te komen."), "activities_price"),
        _s("ontmoeten.divers", _("Ons aanbod is zo gevarieerd dat iedereen iets vindt."),
           "activities_pictogram", "activities_function"),
    )),
    Axis("leren", "function", _("Leren"),
         _("Leren zonder strenge schoolregels, met een lage drempel."), (
        _s("leren.drempel", _("Bezoekers kunnen zonder drempel mee leren."), "learn_month"),
        _s("leren.niveau", _("Bezoekers leren inzicht, kennis en vaardigheden op hun eigen "
                                 "niveau."), "learn_month"),
        _s("leren.zelf", _("Bezoekers leren ook over zichzelf.")),
        _s("leren.diensten", _("Diensten komen hun aanbod uitleggen in de STEK."),
           "sessions_function", "takes_organisation"),
        _s("leren.gratis", _("Leren kost bij ons niets."), "activities_price"),
    )),
    Axis("politiseren", "function", _("Politiseren"),
         _("Bezoekers kennen hun rechten en we voeren het publieke en politieke debat."), (
        _s("politiseren.ervaring", _("We sluiten aan bij wat bezoekers meemaken en praten "
                                         "over hun ervaring met sociale bescherming."),
           "signals_domain"),
        _s("politiseren.iedereen", _("Elke medewerker helpt mee om onderbescherming aan te "
                                         "kaarten."), "signals_barrier", "dossiers_step"),
        _s("politiseren.rechten", _("Bezoekers leren over sociale bescherming: het aanbod, "
                                        "de regels, meningen en onderzoek."),
           "checks_door", "rights_shown"),
        _s("politiseren.veilig", _("Bezoekers kunnen alles vertellen zonder dat het hen geld "
                                       "of iets anders kost.")),
        _s("politiseren.oplossingen", _("We dagen bezoekers uit om mee na te denken over "
                                            "oplossingen."), "ideas_month", "dossiers_outcome"),
    )),
    Axis("verwijzen", "function", _("Verwijzen"),
         _("Mensen vinden de juiste dienst; partners verwijzen naar elkaar, in twee "
               "richtingen."), (
        _s("verwijzen.contact", _("Diensten bouwen in de STEK een goed contact op met "
                                      "bezoekers."), "takes_organisation"),
        _s("verwijzen.vertrouwen", _("We werken op basis van vertrouwen, open en zonder "
                                         "vooroordelen, als gelijken."), "referrals_pair"),
        _s("verwijzen.landschap", _("Medewerkers en vrijwilligers kennen de diensten goed "
                                        "genoeg om goed te verwijzen."),
           "referrals_month", "referrals_outcome"),
        _s("verwijzen.privacy", _("De STEK is veilig: de bezoeker blijft anoniem en we geven "
                                      "geen informatie door.")),
        _s("verwijzen.geen_dossiers", _("In de STEK lopen geen zorgtrajecten en houden we "
                                            "geen dossiers over bezoekers bij.")),
    )),
    Axis("toegankelijk", "precondition", _("Toegankelijk"),
         _("Geen fysieke, financiële of culturele drempels."), (
        _s("toegankelijk.drempels", _("Er zijn geen fysieke, financiële of culturele "
                                          "drempels: alles is gratis of heel goedkoop."),
           "activities_price"),
        _s("toegankelijk.transparant", _("We zeggen duidelijk welke organisaties meedoen en "
                                             "wat ze aanbieden."), "activities_function"),
        _s("toegankelijk.ligging", _("De plek ligt waar bezoekers komen; door het aanbod van "
                                         "meer organisaties kan iedereen anoniem binnenlopen."),
           "taps_month", "takes_organisation"),
    )),
    Axis("samenwerken", "precondition", _("Samenwerken"),
         _("Altijd een samenwerking: elke organisatie draagt een deel."), (
        _s("samenwerken.dragen", _("Elke organisatie draagt een deel van de "
                                       "verantwoordelijkheid en brengt een deel van haar werk "
                                       "naar de STEK."), "takes_organisation"),
        _s("samenwerken.buiten", _("Medewerkers bouwen ook vertrouwen op met collega's "
                                       "buiten de STEK."), "referrals_pair"),
        _s("samenwerken.genoeg", _("Er zijn genoeg medewerkers en vrijwilligers, met genoeg "
                                       "kennis en middelen."),
           "takes_role", "needed_role", "volunteer_hours"),
    )),
    Axis("participatie", "precondition", _("Participatie"),
         _("Bezoekers sturen mee."), (
        _s("participatie.talenten", _("We spreken bezoekers aan op hun talenten."),
           "volunteer_hours"),
        _s("participatie.beslissen", _("Bezoekers beslissen mee over het aanbod, het beleid "
                                           "en de keuzes van de STEK."),
           "ideas_source", "decisions", "council_meetings", "votes_source"),
        _s("participatie.taken", _("De taken van vrijwilligers en bezoekers zijn duidelijk "
                                       "en we spreken samen af wat we van elkaar verwachten."),
           "takes_role"),
    )),
    Axis("autonomie", "precondition", _("Autonomie"),
         _("De samenwerking beslist zelf wat ze nodig heeft."), (
        _s("autonomie.zelf", _("De samenwerking beslist zelf wat ze nodig heeft om haar "
                                   "doelen te halen.")),
        _s("autonomie.signalen", _("Medewerkers kunnen problemen, signalen en drempels "
                                       "benoemen en diensten en beleid erop wijzen."),
           "signals_barrier", "dossiers_step"),
    )),
)  # fmt: skip

AXIS_BY_KEY = {axis.key: axis for axis in AXES}
STATEMENTS = {s.key: s for axis in AXES for s in axis.statements}
AXIS_OF = {s.key: axis for axis in AXES for s in axis.statements}
SCORED = [s for s in Score if s != Score.UNKNOWN]  # "weet niet" counts in no mean


def neighbours(axis_key):
    """The axes before and after one axis in the meeting (None at the ends)."""
    keys = [a.key for a in AXES]
    i = keys.index(axis_key)
    return (AXES[i - 1] if i else None), (AXES[i + 1] if i + 1 < len(AXES) else None)


def mean(scores):
    """The mean of the scores 1-4 (``weet niet`` left out), one decimal; None without any."""
    counted = [s for s in scores if s != Score.UNKNOWN]
    return round(sum(counted) / len(counted), 1) if counted else None


def team_scores(evaluation):
    """``{statement key: TeamScore}`` of the evaluation."""
    if evaluation is None:
        return {}
    return {t.statement: t for t in TeamScore.objects.filter(evaluation=evaluation)}


def axis_means(evaluation):
    """``{axis key: mean team score of its statements or None}``."""
    scores = team_scores(evaluation)
    return {
        axis.key: mean([scores[s.key].score for s in axis.statements if s.key in scores])
        for axis in AXES
    }


def raters_of(evaluation, kind):
    return RaterSubmission.objects.filter(link__evaluation=evaluation, link__kind=kind).count()


@dataclass
class RaterResult:
    """What the raters of one kind said about one statement: shown only when at least the
    suppression threshold of raters of that kind answered (a small group is not exposed)."""

    kind: str
    label: str
    shown: bool
    mean: float | None = None
    counts: list | None = None  # [(score label, n)]
    link_open: bool = False  # hidden because a link of this kind still takes scores


def rater_results(evaluation, threshold=None):
    """``{statement key: [RaterResult per kind]}`` and ``{kind: raters}``."""
    threshold = default_threshold(threshold)
    raters = {kind: raters_of(evaluation, kind) for kind in RaterKind.values}
    scores = {}
    for kind, statement, score, count in RaterScore.objects.filter(
        evaluation=evaluation, count__gt=0
    ).values_list("kind", "statement", "score", "count"):
        scores.setdefault((kind, statement), []).extend([score] * count)
    # while a link of a kind is open its results stay hidden: reading the page before and
    # after one submission would show that one rater's answers
    now = timezone.now()
    open_kinds = {
        link.kind
        for link in evaluation.rater_links.select_related("evaluation")
        if link.is_usable(now)
    }
    results = {}
    for key in STATEMENTS:
        per_kind = []
        for kind, label in RaterKind.choices:
            given = scores.get((kind, key), [])
            # the threshold counts the raters who answered this statement ("weet niet"
            # included), not all who submitted: a statement one rater answered stays hidden
            if kind in open_kinds:
                per_kind.append(RaterResult(kind, str(label), False, link_open=True))
                continue
            if raters[kind] < threshold or len(given) < threshold:
                per_kind.append(RaterResult(kind, str(label), False))
                continue
            counted = Counter(given)
            per_kind.append(
                RaterResult(
                    kind,
                    str(label),
                    True,
                    mean(given),
                    [(str(s.label), counted.get(s.value, 0)) for s in Score],
                )
            )
        results[key] = per_kind
    return results, raters, threshold


def indicator_tables(figures):
    """``{family key: report.Table}`` of the year's published figures (through the boundary
    already: hidden ones read "verborgen")."""
    if not figures:
        return {}
    return {t.key: t for s in report_sections(figures, prefix="se") for t in s.tables}


def last_closed(stek, year):
    """Last year's self-evaluation, when it was closed (the radar overlays it)."""
    return SelfEvaluation.objects.filter(stek=stek, year=year - 1, closed_at__isnull=False).first()


def radar_axes():
    return [(axis.key, str(axis.title)) for axis in AXES]


def progress(evaluation):
    """(statements scored by the team, all statements)."""
    return len(team_scores(evaluation)), len(STATEMENTS)


def scale_label(value):
    return str(Score(value).label) if value is not None else gettext("nog niet gescoord")
