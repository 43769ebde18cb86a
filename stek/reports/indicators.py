"""Indicators of one STEK over one year, computed from what the apps recorded, never typed in
(ADR 0015). Read-only: this module only reads the apps' models.

Every figure is published through the one export boundary (``boundary.publish_linked``, ADR
0006), jointly: the families that count the same thing share one total (referrals per month,
per outcome and per pair of partners add up to the same year's referrals), so that no figure
that is hidden in one family can be got back from another, nor by subtracting the visible
cells from the total. The page, the PDF and the spreadsheet show the same published figures.

Counts of visitors are only the tally's taps per month: never crossed with a function, a
category or anything else (a tap is a visit, not a person: "tikken/bezoeken").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stek.advocacy.enums import DossierOutcome, DossierStep, Signing
from stek.advocacy.models import Dossier, Signal, SignalBarrier
from stek.agenda.enums import Function, Pictogram
from stek.agenda.models import Session, TallyCount
from stek.agenda.occurrences import occurrences
from stek.core.enums import MembershipRole
from stek.core.models import Organisation
from stek.core.privacy import boundary
from stek.core.privacy.suppression import default_threshold
from stek.core.vocabulary import Barrier, LifeDomain
from stek.participation import stats as participation_stats
from stek.participation.enums import IdeaSource, IdeaState, VoteSource
from stek.referrals.enums import ReferralOutcome, Status
from stek.referrals.models import Referral, ReferralTally
from stek.referrals.stats import outcome_key
from stek.rights.catalogue import BY_ID as RIGHTS
from stek.rights.models import Door, RightShown, ShownStatus
from stek.rota.enums import TakeStatus
from stek.rota.models import ShiftNeed, ShiftTake

FORMAT = 2  # the version of the figures' JSON a snapshot stores
# 2: the section "inspraak" (the participation app); a snapshot of format 1 has not got it
SINCE = {"inspraak": 2}


@dataclass(frozen=True)
class Family:
    """One table of the report: ``group`` names the total it shares with other families
    (None: its rows do not add up to a figure, e.g. an activity counts in each of its
    functions); ``labels`` says how its codes read (``month``, an enum, or ``text``: the label
    stored with the figure, a partner's or a role's name)."""

    key: str
    section: str
    title: str
    unit: str
    group: str | None
    labels: str = "text"
    empty: str = ""
    note: str = ""


SECTIONS = {
    "ontmoeten": _("Ontmoeten"),
    "leren": _("Leren"),
    "verwijzen": _("Verwijzen"),
    "politiseren": _("Politiseren"),
    "rechten": _("Rechtencheck"),
    "voorwaarden": _("Voorwaarden: samenwerken en vrijwilligers"),
    "inspraak": _("Inspraak van bezoekers"),
}

TAPS = _("tikken/bezoeken")
SESSIONS = _("sessies")

FAMILIES = [
    Family(
        "sessions_month",
        "ontmoeten",
        _("Sessies die plaatsvonden, per maand"),
        SESSIONS,
        "sessions",
        "month",
        _("Nog geen sessies in dit jaar."),
    ),
    Family(
        "sessions_function",
        "ontmoeten",
        _("Sessies per functie"),
        SESSIONS,
        None,
        "function",
        _("Nog geen sessies in dit jaar."),
        _("Een activiteit met meer functies telt bij elke functie mee."),
    ),
    Family(
        "taps_month",
        "ontmoeten",
        _("Tikken/bezoeken per maand"),
        TAPS,
        "taps",
        "month",
        _("Er is dit jaar nog niet geturfd."),
        _(
            "Een tik is een bezoek, geen persoon: wie elke week komt, telt elke week. We tellen "
            "bezoeken niet per functie of per groep, zodat niemand herkenbaar wordt."
        ),
    ),
    Family(
        "activities_price",
        "ontmoeten",
        _("Gratis en betalende activiteiten"),
        _("activiteiten"),
        "activities",
        "price",
        _("Nog geen activiteiten met een sessie in dit jaar."),
    ),
    Family(
        "activities_pictogram",
        "ontmoeten",
        _("Het aanbod: activiteiten per soort"),
        _("activiteiten"),
        "activities",
        "pictogram",
        _("Nog geen activiteiten met een sessie in dit jaar."),
    ),
    Family(
        "activities_function",
        "ontmoeten",
        _("Het aanbod: activiteiten per functie"),
        _("activiteiten"),
        None,
        "function",
        _("Nog geen activiteiten met een sessie in dit jaar."),
        _("Een activiteit met meer functies telt bij elke functie mee."),
    ),
    Family(
        "learn_month",
        "leren",
        _("Sessies van leeractiviteiten, per maand"),
        SESSIONS,
        "learn",
        "month",
        _("Nog geen sessies van leeractiviteiten in dit jaar."),
    ),
    Family(
        "referrals_month",
        "verwijzen",
        _("Verwijzingen per maand"),
        _("verwijzingen"),
        "referrals",
        "month",
        _("Nog geen verwijzingen in dit jaar."),
    ),
    Family(
        "referrals_outcome",
        "verwijzen",
        _("Verwijzingen: hoe het afliep"),
        _("verwijzingen"),
        "referrals",
        "referral_outcome",
        _("Nog geen verwijzingen in dit jaar."),
    ),
    Family(
        "referrals_pair",
        "verwijzen",
        _("Wederkerigheid: van partner naar partner"),
        _("verwijzingen"),
        "referrals",
        "text",
        _("Nog geen verwijzingen in dit jaar."),
        _("Elke richting staat apart: van A naar B en daaronder van B naar A."),
    ),
    Family(
        "signals_domain",
        "politiseren",
        _("Signalen per levensdomein"),
        _("signalen"),
        "signals",
        "domain",
        _("Nog geen signalen in dit jaar."),
    ),
    Family(
        "signals_barrier",
        "politiseren",
        _("Signalen per drempel"),
        _("signalen"),
        None,
        "barrier",
        _("Nog geen signalen met een drempel in dit jaar."),
        _("Een signaal kan meer drempels noemen."),
    ),
    Family(
        "dossiers_step",
        "politiseren",
        _("Dossiers per stap"),
        _("dossiers"),
        "dossiers",
        "step",
        _("De STEK brengt nog geen dossier."),
        _("Dossiers die de STEK leidt of mee ondertekent, zoals ze nu staan."),
    ),
    Family(
        "dossiers_outcome",
        "politiseren",
        _("Dossiers per uitkomst"),
        _("dossiers"),
        "dossiers",
        "dossier_outcome",
        _("De STEK brengt nog geen dossier."),
    ),
    Family(
        "checks_door",
        "rechten",
        _("Rechtenchecks die afgerond zijn"),
        _("checks"),
        "checks",
        "door",
        _("Nog geen getelde rechtenchecks in dit jaar."),
    ),
    Family(
        "rights_shown",
        "rechten",
        _("Rechten die de check toonde (waarschijnlijk of misschien)"),
        _("keer getoond"),
        "rights",
        "text",
        _("Nog geen getelde rechtenchecks in dit jaar."),
    ),
    Family(
        "takes_organisation",
        "voorwaarden",
        _("Beurten per organisatie: wie er was"),
        _("beurten"),
        "takes",
        "text",
        _("Nog geen beurten in het rooster in dit jaar."),
    ),
    Family(
        "takes_role",
        "voorwaarden",
        _("Ingevulde plaatsen per rol"),
        _("beurten"),
        "takes",
        "text",
        _("Nog geen beurten in het rooster in dit jaar."),
    ),
    Family(
        "needed_role",
        "voorwaarden",
        _("Nodige plaatsen per rol"),
        _("plaatsen"),
        "needed",
        "text",
        _("Het rooster vraagt nog geen plaatsen in dit jaar."),
        _("Vanaf de eerste sessie waarvoor iemand een plaats nam in het rooster."),
    ),
    Family(
        "volunteer_hours",
        "voorwaarden",
        _("Uren van vrijwilligers per rol"),
        _("uren"),
        "hours",
        "text",
        _("Nog geen uren van vrijwilligers in het rooster in dit jaar."),
        _("Uren van de sessies waarvoor vrijwilligers zich inschreven, afgerond."),
    ),
]
NO_IDEAS = _("Nog geen ideeën van bezoekers in dit jaar.")
NO_COUNCIL = _("De bezoekersraad vergaderde nog niet in dit jaar.")
IDEAS = _("ideeën")
VOTES = _("stemmen")
FAMILIES += [
    Family(
        "ideas_month",
        "inspraak",
        _("Ideeën van bezoekers, per maand"),
        IDEAS,
        "ideas",
        "month",
        NO_IDEAS,
        _("Ook samengevoegde ideeën tellen mee: elk is een bezoeker die iets vroeg."),
    ),
    Family(
        "ideas_source",
        "inspraak",
        _("Ideeën per manier van binnenkomen"),
        IDEAS,
        "ideas",
        "idea_source",
        NO_IDEAS,
    ),
    Family(
        "ideas_outcome",
        "inspraak",
        _("Ideeën van dit jaar: hoe het afliep"),
        IDEAS,
        "ideas",
        "idea_outcome",
        NO_IDEAS,
    ),
    Family(
        "decisions",
        "inspraak",
        _("Beslissingen over ideeën"),
        _("beslissingen"),
        "decisions",
        "idea_outcome",
        _("Nog geen beslissingen over ideeën in dit jaar."),
        _("Per dag van de beslissing, ook over ideeën van een vorig jaar."),
    ),
    Family(
        "council_meetings",
        "inspraak",
        _("Vergaderingen van de bezoekersraad"),
        _("vergaderingen"),
        "meetings",
        "text",
        NO_COUNCIL,
    ),
    Family(
        "votes_source",
        "inspraak",
        _("Stemmen in de bezoekersraad, per manier van stemmen"),
        VOTES,
        "votes",
        "vote_source",
        NO_COUNCIL,
        _(
            "Een stem is geen persoon: één toestel geeft één stem, en papieren stembrieven "
            "worden geteld."
        ),
    ),
]
BY_KEY = {family.key: family for family in FAMILIES}

# The headline figures, two years side by side: a group's total.
HEADLINES = [
    ("sessions", _("Sessies die plaatsvonden")),
    ("taps", TAPS),
    ("learn", _("Sessies van leeractiviteiten")),
    ("activities", _("Activiteiten")),
    ("referrals", _("Verwijzingen")),
    ("signals", _("Signalen")),
    ("checks", _("Rechtenchecks")),
    ("takes", _("Beurten in het rooster")),
    ("hours", _("Uren van vrijwilligers")),
    ("ideas", _("Ideeën die binnenkwamen")),
    ("votes", VOTES),
]


def year_end(year, today):
    """The last day counted: 31 December, or today in the running year."""
    return min(date(year, 12, 31), today)


def _month(day):
    return f"{day.year}-{day.month:02d}"


def _months(year, last):
    return [f"{year}-{m:02d}" for m in range(1, last.month + 1)] if last.year == year else []


# --- the raw counts (inside the STEK, never shown as they are) -----------------------------


def _sessions(stek, start, end):
    """The sessions held: (activity, date) of every session that took place up to ``end``,
    and of every counted session (also of an activity switched off since)."""
    held = {
        (occ.activity.pk, occ.date): occ.activity
        for occ in occurrences(stek, start, end)
        if occ.takes_place
    }
    counted = (
        Session.objects.filter(stek=stek, date__gte=start, date__lte=end, activity__isnull=False)
        .filter(counts__count__gt=0)
        .select_related("activity")
        .distinct()
    )
    for session in counted:
        held.setdefault((session.activity_id, session.date), session.activity)
    return held


def _functions(activity):
    return [
        code
        for code, flag in (
            (Function.MEET, activity.is_meet),
            (Function.LEARN, activity.is_learn),
            (Function.REFER, activity.is_refer),
            (Function.ADVOCATE, activity.is_advocate),
        )
        if flag
    ]


def _agenda(stek, year, start, end, raw):
    held = _sessions(stek, start, end)
    months = _months(year, end)
    by_month, learn, by_function = Counter(), Counter(), Counter()
    activities = {}
    for (_pk, day), activity in held.items():
        by_month[_month(day)] += 1
        activities[activity.pk] = activity
        for code in _functions(activity):
            by_function[code] += 1
        if activity.is_learn:
            learn[_month(day)] += 1
    raw["sessions_month"] = {m: (m, by_month[m]) for m in months} if held else {}
    raw["learn_month"] = {m: (m, learn[m]) for m in months} if learn else {}
    raw["sessions_function"] = {f: (f, by_function[f]) for f in Function.values} if held else {}
    price, pictogram, function = Counter(), Counter(), Counter()
    for activity in activities.values():
        price["free" if activity.is_free else "paid"] += 1
        pictogram[activity.pictogram or Pictogram.OTHER] += 1
        for code in _functions(activity):
            function[code] += 1
    raw["activities_price"] = {k: (k, price[k]) for k in ("free", "paid")} if activities else {}
    raw["activities_pictogram"] = {k: (k, n) for k, n in sorted(pictogram.items())}
    raw["activities_function"] = (
        {f: (f, function[f]) for f in Function.values} if activities else {}
    )
    taps = (
        TallyCount.objects.filter(
            session__stek=stek, session__date__gte=start, session__date__lte=end
        )
        .values_list("session__date", "count")
        .order_by()
    )
    tapped = Counter()
    for day, n in taps:
        tapped[_month(day)] += n
    raw["taps_month"] = {m: (m, tapped[m]) for m in months} if sum(tapped.values()) else {}
    return held


def _org_names(ids):
    return dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "name"))


def _referrals(stek, year, start, end, raw):
    now = timezone.now()
    live = Referral.objects.filter(stek=stek, created_on__gte=start, created_on__lte=end)
    # an open referral past its expiry reads as expired, as on the referrals' own overview
    expired = set(live.overdue(now).values_list("pk", flat=True))  # "expired" defined once
    by_month, by_outcome, by_pair = Counter(), Counter(), Counter()
    for r in live.values(
        "pk", "created_on", "from_organisation_id", "to_organisation_id", "status", "outcome"
    ).order_by():
        status = Status.EXPIRED if r["pk"] in expired else r["status"]
        key = outcome_key(status, r["outcome"])
        by_month[_month(r["created_on"])] += 1
        by_outcome[key] += 1
        by_pair[(r["from_organisation_id"], r["to_organisation_id"])] += 1
    kept = ReferralTally.objects.filter(stek=stek, month__gte=start.replace(day=1), month__lte=end)
    for month, from_id, to_id, key, n in kept.values_list(
        "month", "from_organisation_id", "to_organisation_id", "outcome", "count"
    ).order_by():
        by_month[_month(month)] += n
        by_outcome[key] += n
        by_pair[(from_id, to_id)] += n
    if not sum(by_month.values()):
        return
    raw["referrals_month"] = {m: (m, by_month[m]) for m in _months(year, end)}
    order = [Status.OPEN, Status.ARRIVED, *ReferralOutcome.values, Status.EXPIRED]
    raw["referrals_outcome"] = {str(k): (str(k), by_outcome[k]) for k in order if by_outcome[k]} | {
        k: (k, n) for k, n in by_outcome.items() if k not in order
    }
    names = _org_names({i for pair in by_pair for i in pair if i is not None})
    unknown = str(_("onbekende partner"))

    def name(pk):
        return names.get(pk, unknown)

    pairs = {}
    for a, b in sorted(by_pair, key=lambda p: (name(p[0]), name(p[1]))):
        for x, y in ((a, b), (b, a)):  # each direction, and the way back under it
            code = f"{x or 0}>{y or 0}"
            if code not in pairs and ((x, y) in by_pair or (y, x) in by_pair):
                pairs[code] = (f"{name(x)} → {name(y)}", by_pair[(x, y)])
    raw["referrals_pair"] = pairs


def _advocacy(stek, year, start, end, raw):
    signals = Signal.objects.filter(stek=stek, month__gte=start.replace(day=1), month__lte=end)
    domains = Counter(signals.values_list("life_domain", flat=True).order_by())
    raw["signals_domain"] = {d: (d, domains[d]) for d in LifeDomain.values if domains[d]}
    barriers = Counter(
        SignalBarrier.objects.filter(signal__in=signals).values_list("barrier", flat=True)
    )
    raw["signals_barrier"] = {b: (b, barriers[b]) for b in Barrier.values if barriers[b]}
    # each dossier once (a join over its co-signers would repeat it, and DISTINCT over the
    # listed steps would count each step once: the steps and outcomes would not add up)
    mine = Dossier.objects.filter(
        Q(lead_stek=stek) | Q(steks__stek=stek, steks__status=Signing.SIGNED),
        created_on__lte=end,
    ).values("pk")
    dossiers = Dossier.objects.filter(pk__in=mine)
    steps = Counter(dossiers.values_list("step", flat=True).order_by())
    outcomes = Counter(dossiers.values_list("outcome", flat=True).order_by())
    if steps:
        raw["dossiers_step"] = {s: (s, steps[s]) for s in DossierStep.values}
        raw["dossiers_outcome"] = {o: (o, outcomes[o]) for o in DossierOutcome.values}


def _rights(stek, year, start, end, raw):
    rows = (
        RightShown.objects.filter(stek=stek, week__gte=start, week__lte=end)
        .values_list("door", "right", "status")
        .annotate(n=Sum("count"))
        .order_by()
    )
    doors, rights = Counter(), Counter()
    for door, right, status, n in rows:
        if status == ShownStatus.CHECK:
            doors[door] += n
        else:
            rights[right] += n
    if sum(doors.values()):
        raw["checks_door"] = {d: (d, doors[d]) for d in Door.values}
    if rights:
        raw["rights_shown"] = {
            r: (str(RIGHTS[r].title) if r in RIGHTS else r, n)
            for r, n in sorted(rights.items(), key=lambda p: (-p[1], p[0]))
        }


def _hours(activity):
    begin = datetime.combine(date.min, activity.start_time)
    finish = datetime.combine(date.min, activity.end_time)
    return max((finish - begin).total_seconds() / 3600, 0)


def _rota(stek, year, start, end, held, raw):
    takes = (
        ShiftTake.objects.filter(stek=stek, status=TakeStatus.TAKEN, date__gte=start, date__lte=end)
        .select_related("membership__organisation", "role", "activity")
        .order_by()
    )
    by_org, by_role, hours, role_names = Counter(), Counter(), Counter(), {}
    org_names = {}
    for take in takes:
        org = take.membership.organisation
        org_names[org.pk] = org.name
        by_org[org.pk] += 1
        by_role[take.role_id] += 1
        role_names[take.role_id] = take.role.name
        if take.membership.role == MembershipRole.VOLUNTEER:
            hours[take.role_id] += _hours(take.activity)
    # A need has no date: it counts from the first session anyone took a place in the rota
    # on (before it, the STEK had no rota to fill).
    first = (
        ShiftTake.objects.filter(stek=stek).order_by("date").values_list("date", flat=True).first()
    )
    needed = Counter()
    sessions_of = Counter(pk for pk, day in held if first is not None and day >= first)
    for need in ShiftNeed.objects.filter(stek=stek).select_related("role"):
        role_names[need.role_id] = need.role.name
        needed[need.role_id] += need.count * sessions_of[need.activity_id]
    if by_org:
        raw["takes_organisation"] = {
            str(pk): (org_names[pk], n)
            for pk, n in sorted(by_org.items(), key=lambda p: org_names[p[0]])
        }
        raw["takes_role"] = {
            str(pk): (role_names[pk], by_role[pk])
            for pk in sorted(set(by_role) | set(needed), key=lambda p: role_names[p])
        }
    if sum(needed.values()):
        raw["needed_role"] = {
            str(pk): (role_names[pk], needed[pk])
            for pk in sorted(set(by_role) | set(needed), key=lambda p: role_names[p])
        }
    if hours:
        raw["volunteer_hours"] = {
            str(pk): (role_names[pk], round(h)) for pk, h in sorted(hours.items())
        }


PENDING = "pending"  # an idea not answered yet (new, published or in the council)


def _participation(stek, year, start, end, raw):
    """The precondition "visitors co-steer", from the participation app's own counts
    (``stek.participation.stats.counts``) over the year, and its ideas month by month
    (``stats.ideas_per_month``): a constant number of queries, whatever the months."""
    months = _months(year, end)
    got = participation_stats.counts(stek, start, end, shifts=False)
    per_month = participation_stats.ideas_per_month(stek, start, end)
    by_month = Counter({m: per_month.get(m, 0) for m in months})
    source = Counter(got["ideas_by_source"])
    state = Counter(got["ideas_by_state"])
    decided = Counter(got["decisions"])
    meetings = got["meetings"]
    votes = Counter(got["votes_by_source"])
    if sum(by_month.values()):
        raw["ideas_month"] = {m: (m, by_month[m]) for m in months}
        raw["ideas_source"] = {s: (s, source[s]) for s in IdeaSource.values}
        outcome = {
            str(IdeaState.ACCEPTED): state[IdeaState.ACCEPTED],
            str(IdeaState.DECLINED): state[IdeaState.DECLINED],
            PENDING: sum(
                state[s] for s in (IdeaState.NEW, IdeaState.PUBLISHED, IdeaState.IN_COUNCIL)
            ),
            str(IdeaState.MERGED): state[IdeaState.MERGED],
        }
        raw["ideas_outcome"] = {k: (k, n) for k, n in outcome.items()}
    if sum(decided.values()):
        raw["decisions"] = {
            str(s): (str(s), decided[s]) for s in (IdeaState.ACCEPTED, IdeaState.DECLINED)
        }
    if meetings:
        raw["council_meetings"] = {"closed": (str(_("Vergaderingen met een uitslag")), meetings)}
        raw["votes_source"] = {s: (s, votes[s]) for s in VoteSource.values}


def raw_counts(stek, year, today=None):
    """``{family key: {code: (label, n)}}``: the true counts, before suppression. Only for
    ``publish``; never shown."""
    today = today or timezone.localdate()
    start, end = date(year, 1, 1), year_end(year, today)
    raw = {}
    if end < start:
        return raw, end
    held = _agenda(stek, year, start, end, raw)
    _referrals(stek, year, start, end, raw)
    _advocacy(stek, year, start, end, raw)
    _rights(stek, year, start, end, raw)
    _rota(stek, year, start, end, held, raw)
    _participation(stek, year, start, end, raw)
    return {k: v for k, v in raw.items() if v}, end


def identities(raw):
    """Figures of two families that are one and the same: the learning sessions are the
    sessions of the function "leren" (a relation with one part: the two are equal)."""
    if "learn_month" in raw and Function.LEARN in raw.get("sessions_function", {}):
        return [(("learn", "total"), [("sessions_function", str(Function.LEARN))])]
    return []


def relations_of(raw):
    """Every additive relation the report's figures obey (the attacker knows them all)."""
    relations = []
    for key, rows in raw.items():
        family = BY_KEY[key]
        if family.group:
            relations.append(((family.group, "total"), [(key, code) for code in rows]))
    return relations + identities(raw)


def publish(raw, threshold=None):
    """Every figure of the report suppressed jointly at the one boundary: the cells of every
    family and one total per group, with a relation ``total = its cells`` for every family of
    the group. Returns ``{family key: {"rows": [[code, label, n|None]], "total": n|None}}``."""
    values, relations = {}, []
    for key, rows in raw.items():
        family = BY_KEY[key]
        for code, (_label, n) in rows.items():
            values[(key, code)] = n
        if family.group:
            total = (family.group, "total")
            values[total] = sum(n for _label, n in rows.values())
            relations.append((total, [(key, code) for code in rows]))
    relations += identities(raw)
    linked = boundary.publish_linked(values, relations, threshold)
    published = {}
    for key, rows in raw.items():
        family = BY_KEY[key]
        published[key] = {
            "rows": [[code, str(label), linked[(key, code)]] for code, (label, _n) in rows.items()],
            "total": linked[(family.group, "total")] if family.group else None,
        }
    return published, linked.threshold


def compute(stek, year, today=None, threshold=None):
    """The report's figures as they leave the STEK (a dict that a snapshot stores as JSON)."""
    threshold = default_threshold(threshold)
    raw, end = raw_counts(stek, year, today)
    families, threshold = publish(raw, threshold)
    return {
        "format": FORMAT,
        "year": year,
        "counted_until": end.isoformat(),
        "threshold": threshold,
        "count_rights_shown": bool(stek.count_rights_shown),
        "families": families,
    }


def headline(figures, group):
    """A group's total from published figures: the count, None when hidden, "" when empty."""
    for key, data in figures.get("families", {}).items():
        family = BY_KEY.get(key)
        if family and family.group == group:
            return data["total"]
    return ""
