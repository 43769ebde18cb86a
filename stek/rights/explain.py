# ruff: noqa: E501  (sentences kept whole so they match the .po files)
"""What the results say, in the visitor's words, and how sure they are.

- ``TEXTS``: per condition a sentence for "met" and one for "not met", with the household's
  value and the threshold filled in ("Je huur (€ 750) is hoger dan de maximale huur (€ 640)").
  A failed condition is never shown with the sentence that says it holds.
- ``parameter_info``: a parameter's value on a date with its source, the date it was last
  confirmed and whether it may be out of date (older than its indexation cycle, or unconfirmed).
- ``NEXT_STEPS``: for a "no" that one step of the visitor can turn (register on the waiting
  list, ask for a check of today's income), what to do and where.
- ``EVERYONE``: rights everyone has (the maximumfactuur): the page shows the visitor's own
  ceiling, not a "probably".

Texts are keyed by (right id, condition id), or by the condition's variable for a condition
shared by several rights. ``tests/rights/test_explain.py`` fails when a condition has none."""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from . import engine
from .templatetags.rights_tags import shown_value


@dataclass(frozen=True)
class Text:
    """How one condition reads. ``met`` and ``failed`` are sentences with ``%(value)s`` (the
    household's value) and ``%(threshold)s``, or functions of the context returning one. The
    ``*_plain`` variants are used when the threshold cannot be computed."""

    met: object
    failed: object
    value: str = ""  # a variable of the rules: the household's value
    threshold: str = ""  # a variable, or "param:<path>": the threshold for this household
    kind: str = "money"  # how value and threshold read: money, years, int
    met_plain: str = ""
    failed_plain: str = ""


def _housing(ctx):
    return ctx["answers"].household.housing


def _region(ctx):
    return ctx["answers"].region


def _children(ctx):
    return sum(1 for p in ctx["answers"].persons if p.role == "child")


def _waiting(ctx):
    return ctx["answers"].household.social_housing_waiting_years


INCOME_MET = _(
    "Het inkomen van vorig jaar (%(value)s) is niet hoger dan de grens voor jouw gezin (%(threshold)s per jaar)."
)
INCOME_FAILED = _(
    "Het inkomen van vorig jaar (%(value)s) is hoger dan de grens voor jouw gezin (%(threshold)s per jaar)."
)
INCOME_MET_PLAIN = _("Het inkomen van vorig jaar (%(value)s) is niet hoger dan de grens.")
INCOME_FAILED_PLAIN = _("Het inkomen van vorig jaar (%(value)s) is hoger dan de grens.")


def income(threshold):
    return Text(
        INCOME_MET,
        INCOME_FAILED,
        value="yearly_taxable_income",
        threshold=threshold,
        met_plain=INCOME_MET_PLAIN,
        failed_plain=INCOME_FAILED_PLAIN,
    )


def _private_rent_failed(ctx):
    household = ctx["answers"].household
    if household.housing != "private_rent":
        return _("Je huurt niet bij een private verhuurder.")
    if household.owns_property:
        return _("Jij of iemand van je gezin heeft een huis of appartement.")
    return _("Je huurt van familie.")


def _brussels_failed(ctx):
    household = ctx["answers"].household
    if _region(ctx) != "brussel":
        return _("Je woont niet in Brussel.")
    if household.housing != "private_rent":
        return _("Je huurt niet bij een private verhuurder.")
    if household.rents_from_relative:
        return _("Je huurt van familie.")
    return _("Je staat niet op de wachtlijst voor een sociale woning.")


def _waiting_failed(ctx):
    if not _waiting(ctx):
        return _(
            "Je staat niet op de wachtlijst voor een sociale woning. Je moet er minstens %(threshold)s op staan."
        )
    return _(
        "Je staat %(value)s op de wachtlijst voor een sociale woning. Dat is minder dan %(threshold)s."
    )


def _situation_failed(ctx):
    if _region(ctx) != "vlaanderen":
        return _("Je woont niet in Vlaanderen.")
    return _("Je huurt niet bij een private verhuurder en je bent niet dak- of thuisloos.")


def _meter_failed(ctx):
    if ctx["answers"].household.budget_meter == "none":
        return _("Je hebt geen budgetmeter.")
    return _("Je woont niet in Vlaanderen. Deze hulp is er alleen in Vlaanderen.")


def _winter_failed(ctx):
    if ctx["answers"].household.budget_meter not in ("gas", "both"):
        return _("Je hebt geen budgetmeter voor gas. De hulp in de winter is voor gas.")
    return _("Het is nu geen winter. Hulp voor gas is er van 1 november tot 31 maart.")


def _children_failed(ctx):
    if not _children(ctx):
        return _("Er zijn geen kinderen in het gezin.")
    return _(
        "Jullie wonen niet in Vlaanderen. Dit deel van het Groeipakket is voor gezinnen in Vlaanderen."
    )


def _heating_income_met(ctx):
    if ctx["data"].get("verhoogde_tegemoetkoming"):
        return _("Iemand in het gezin heeft de verhoogde tegemoetkoming.")
    if ctx["threshold"] is None:
        return INCOME_MET_PLAIN
    return INCOME_MET


NOT_IN_FLANDERS = _("Je woont niet in Vlaanderen.")
IN_FLANDERS = _("Je woont in Vlaanderen.")
FLANDERS_OR_BRUSSELS = Text(
    _("Je woont in Vlaanderen of in Brussel."), _("Je woont niet in Vlaanderen en niet in Brussel.")
)
NO_PROPERTY = Text(
    _("Niemand in het gezin heeft een woning of bouwgrond."),
    _("Jij of iemand van je gezin heeft een woning of bouwgrond."),
)
VT_STATUS = Text(
    _(
        "Iemand in het gezin krijgt een leefloon, een IGO, een zorgbudget voor ouderen of een tegemoetkoming voor een handicap, of is een kind met een handicap of een NBMV."
    ),
    _(
        "Niemand in het gezin krijgt een leefloon, een IGO, een zorgbudget voor ouderen of een tegemoetkoming voor een handicap. Er is ook geen kind met een handicap van 66 % of een NBMV."
    ),
)
ENERGY_STATUS = Text(
    _(
        "Iemand in het gezin krijgt een leefloon, een IGO, een zorgbudget voor ouderen of een tegemoetkoming voor een handicap."
    ),
    _(
        "Niemand in het gezin krijgt een leefloon, een IGO, een zorgbudget voor ouderen of een tegemoetkoming voor een handicap."
    ),
)


def _current_income_failed(ctx):
    value, threshold = ctx["value"], ctx["threshold"]
    if value is not None and threshold is not None and value <= threshold + 0.01:
        return _(
            "Je inkomen van nu, maal 12 (%(value)s), is niet hoger dan de grens. Maar het inkomen van nu telt alleen voor wie met pensioen of invalide is, alleen kinderen opvoedt, of al 3 maanden ziek of werkloos is."
        )
    return _(
        "Je inkomen van nu, maal 12 (%(value)s), is hoger dan de grens (%(threshold)s per jaar)."
    )


def _not_listed_failed(ctx):
    if _housing(ctx) == "social_rent":
        return _("Je huurt al een sociale woning.")
    return _("Je staat al op de wachtlijst voor een sociale woning.")


def _school_failed(ctx):
    if _region(ctx) == "brussel":
        return _("Jullie wonen in Brussel en geen kind gaat naar een Nederlandstalige school.")
    return _("Je woont niet in Vlaanderen en niet in Brussel.")


def _brussels_children_failed(ctx):
    if not _children(ctx):
        return _("Er zijn geen kinderen in het gezin.")
    return _("Je woont niet in Brussel.")


TEXTS = {
    ("leefloon", "meerderjarig"): Text(
        _("Iemand in het gezin is 18 jaar of ouder."),
        _("Niemand in het gezin is 18 jaar of ouder. Het leefloon is voor wie meerderjarig is."),
    ),
    ("leefloon", "inkomen"): Text(
        _("Het inkomen dat meetelt (%(value)s per maand) is lager dan het leefloon (%(threshold)s per maand)."),
        _("Het inkomen dat meetelt (%(value)s per maand) is niet lager dan het leefloon (%(threshold)s per maand)."),
        value="leefloon_aangerekend_inkomen", threshold="leefloon_grensbedrag",
    ),
    ("verhoogde_tegemoetkoming", "status"): VT_STATUS,
    ("verhoogde_tegemoetkoming", "inkomen"): income("vt_inkomensgrens"),
    ("verhoogde_tegemoetkoming", "inkomen_nu"): Text(
        _("Je inkomen van nu, maal 12 (%(value)s), is niet hoger dan de grens (%(threshold)s per jaar). Dat telt voor wie met pensioen of invalide is, alleen kinderen opvoedt, of al 3 maanden ziek of werkloos is."),
        _current_income_failed,
        value="vt_inkomen_huidige_maand_jaar", threshold="vt_inkomensgrens_huidige_maand",
    ),
    ("verhoogde_tegemoetkoming", "proactief"): Text(
        _("Je woont alleen en je bent al 3 maanden ziek of werkloos: het ziekenfonds kijkt zelf na of je recht hebt."),
        _("Het ziekenfonds kijkt dit niet vanzelf na voor jou. Vraag het zelf."),
    ),
    ("vlaamse_huurpremie", "vlaanderen"): Text(IN_FLANDERS, NOT_IN_FLANDERS),
    ("vlaamse_huurpremie", "private_huur"): Text(
        _("Je huurt bij een private verhuurder, je hebt geen eigen woning en je huurt niet van familie."),
        _private_rent_failed,
    ),
    ("vlaamse_huurpremie", "wachtlijst"): Text(
        _("Je staat %(value)s op de wachtlijst voor een sociale woning. Dat is minstens %(threshold)s."),
        _waiting_failed,
        value="social_housing_waiting_years", threshold="param:vlaamse_huurpremie.wachtjaren",
        kind="years",
    ),
    ("vlaamse_huurpremie", "inkomen"): income("huurpremie_inkomensgrens"),
    ("vlaamse_huurpremie", "huurprijs"): Text(
        _("Je huur (%(value)s) is niet hoger dan de maximale huur (%(threshold)s per maand)."),
        _("Je huur (%(value)s) is hoger dan de maximale huur (%(threshold)s per maand)."),
        value="monthly_rent", threshold="huurpremie_maximale_huur",
        met_plain=_("Je huur (%(value)s) is niet hoger dan de maximale huur."),
        failed_plain=_("Je huur (%(value)s) is hoger dan de maximale huur."),
    ),
    ("vlaamse_huurpremie", "berekening"): Text(
        _("De premie is 75 % van de maximale huur min je jaarinkomen gedeeld door 55. Voor jou is dat ongeveer %(value)s per maand (hoogstens %(threshold)s)."),
        _("De premie is 75 % van de maximale huur min je jaarinkomen gedeeld door 55. Voor jou komt daar 0 euro uit."),
        value="huurpremie_berekend", threshold="huurpremie_plafond",
    ),
    ("vlaamse_huursubsidie", "geen_eigendom"): NO_PROPERTY,
    ("brusselse_huurtoelage", "geen_eigendom"): NO_PROPERTY,
    ("brusselse_huurtoelage", "geen_ais"): Text(
        _("Je huurt niet via een sociaal verhuurkantoor (AIS of SVK)."),
        _("Je huurt via een sociaal verhuurkantoor (AIS of SVK). Dan is er geen huurtoelage."),
    ),
    ("sociaal_tarief_energie", "collectieve_verwarming"): Text(
        _("Je huurt een sociale woning met verwarming op aardgas van een gemeenschappelijke ketel."),
        _("Je huurt geen sociale woning met verwarming op aardgas van een gemeenschappelijke ketel."),
    ),
    ("groeipakket_schooltoeslag", "onderwijs"): Text(
        _("Jullie wonen in Vlaanderen, of in Brussel met een kind in een Nederlandstalige school."),
        _school_failed,
    ),
    ("groeipakket_kleutertoeslag", "onderwijs"): Text(
        _("Jullie wonen in Vlaanderen, of in Brussel met een kind in een Nederlandstalige school."),
        _school_failed,
    ),
    ("groeipakket_kleutertoeslag", "kleuter"): Text(
        _("Er is een kind van 3 of 4 jaar in het gezin."),
        _("Er is geen kind van 3 of 4 jaar in het gezin."),
    ),
    ("groeipakket_kinderopvangtoeslag", "opvang"): Text(
        _("Een kind jonger dan 3 gaat naar een Nederlandstalige kinderopvang met een vaste prijs."),
        _("Geen kind jonger dan 3 gaat naar een Nederlandstalige kinderopvang met een vaste prijs (een prijs die niet afhangt van je inkomen)."),
    ),
    ("groeipakket_kinderopvangtoeslag", "regio"): FLANDERS_OR_BRUSSELS,
    ("igo", "leeftijd"): Text(
        _("Iemand in het gezin is %(threshold)s of ouder (de pensioenleeftijd)."),
        _("Niemand in het gezin is %(threshold)s of ouder (de pensioenleeftijd)."),
        threshold="param:igo.leeftijd", kind="years",
    ),
    ("igo", "inkomen"): Text(
        _("Het inkomen dat meetelt is lager dan de IGO."),
        _("Het inkomen dat meetelt is niet lager dan de IGO."),
    ),
    ("sociale_huurwoning", "regio"): FLANDERS_OR_BRUSSELS,
    ("sociale_huurwoning", "niet_ingeschreven"): Text(
        _("Je staat nog niet op de wachtlijst en je huurt geen sociale woning."),
        _not_listed_failed,
    ),
    ("sociale_huurwoning", "geen_eigendom"): NO_PROPERTY,
    ("sociale_huurwoning", "inkomen"): income("sociale_woning_inkomensgrens"),
    ("brussel_sociale_toeslag", "kinderen"): Text(
        _("Er zijn kinderen in het gezin en jullie wonen in Brussel."), _brussels_children_failed
    ),
    ("brussel_sociale_toeslag", "inkomen"): income("brussel_sociale_toeslag_grens_hoog"),
    ("vlaamse_huursubsidie", "situatie"): Text(
        _("Je huurt bij een private verhuurder of je hebt geen vaste woning, in Vlaanderen."),
        _situation_failed,
    ),
    ("vlaamse_huursubsidie", "inkomen"): income("huurpremie_inkomensgrens"),
    ("brusselse_huurtoelage", "brussel"): Text(
        _("Je huurt bij een private verhuurder in Brussel, je staat op de wachtlijst en je huurt niet van familie."),
        _brussels_failed,
    ),
    ("brusselse_huurtoelage", "inkomen"): income("huurtoelage_inkomensgrens"),
    ("sociaal_tarief_energie", "status"): ENERGY_STATUS,
    ("sociaal_tarief_energie", "verhoogde_tegemoetkoming"): Text(
        _("Met de verhoogde tegemoetkoming krijg je nu ook het sociaal tarief."),
        _("De verhoogde tegemoetkoming alleen geeft nu geen sociaal tarief meer. Dat kon van februari 2021 tot juni 2023."),
    ),
    ("minimale_levering", "budgetmeter"): Text(
        _("Je hebt een budgetmeter en je woont in Vlaanderen."), _meter_failed
    ),
    ("minimale_levering", "winter_gas"): Text(
        _("Je hebt een budgetmeter voor gas en het is winter (1 november tot 31 maart): het OCMW kan ook helpen met gas."),
        _winter_failed,
    ),
    ("groeipakket_sociale_toeslag", "kinderen"): Text(
        _("Er zijn kinderen in het gezin en jullie wonen in Vlaanderen."), _children_failed
    ),
    ("groeipakket_sociale_toeslag", "inkomen"): income("groeipakket_sociale_toeslag_grens|groeipakket_sociale_toeslag_inkomensgrens|param:groeipakket.sociale_toeslag_inkomensgrens"),
    ("groeipakket_sociale_toeslag", "status"): Text(
        _("Iemand in het gezin krijgt een leefloon, een IGO of een inkomensvervangende tegemoetkoming."),
        _("Niemand in het gezin krijgt een leefloon, een IGO of een inkomensvervangende tegemoetkoming."),
    ),
    ("groeipakket_schooltoeslag", "schoolgaand"): Text(
        _("Er is een kind van 3 jaar of ouder in het gezin. Het gaat naar school."),
        _("Er is geen kind van 3 jaar of ouder in het gezin."),
    ),
    ("groeipakket_schooltoeslag", "inkomen"): income("groeipakket_schooltoeslag_grens|param:groeipakket.schooltoeslag_inkomensgrens"),
    ("groeipakket_schooltoeslag", "vlaanderen"): Text(IN_FLANDERS, NOT_IN_FLANDERS),
    ("groeipakket_kleutertoeslag", "regio"): FLANDERS_OR_BRUSSELS,
    ("maximumfactuur", "plafond"): Text(
        _("Jouw plafond is %(value)s per jaar. Het hangt af van het netto belastbaar inkomen van het gezin van 3 jaar geleden."),
        _("We konden je plafond niet berekenen. Vraag het aan je ziekenfonds."),
        value="maximumfactuur",
    ),
    ("maximumfactuur", "verhoogde_tegemoetkoming"): Text(
        _("Je hebt de verhoogde tegemoetkoming. Dan geldt het laagste plafond."),
        _("Zonder verhoogde tegemoetkoming hangt het plafond af van het inkomen van het gezin."),
    ),
    ("verwarmingsfonds", "brandstof"): Text(
        _("Je verwarmt met stookolie, petroleum of propaan in een tank."),
        _("Je verwarmt niet met stookolie, petroleum of propaan in een tank."),
    ),
    ("verwarmingsfonds", "inkomen"): Text(
        _heating_income_met,
        _("Niemand heeft de verhoogde tegemoetkoming en het inkomen van vorig jaar (%(value)s) is hoger dan de grens (%(threshold)s per jaar)."),
        value="yearly_taxable_income", threshold="verwarmingsfonds_inkomensgrens|verwarmingsfonds_inkomensgrens_gezin",
        failed_plain=_("Niemand heeft de verhoogde tegemoetkoming en het inkomen van vorig jaar (%(value)s) is hoger dan de grens."),
    ),
}  # fmt: skip


def text_for(right, condition):
    return TEXTS.get((right.id, condition.id)) or TEXTS.get(condition.variable)


def variables_for(right):
    """The variables the texts of ``right`` read (besides the conditions' own)."""
    names = []
    for condition in right.conditions:
        text = text_for(right, condition)
        if text:
            for source in (text.value, text.threshold):
                names += [n for n in source.split("|") if n and not n.startswith("param:")]
    if right.id == "verwarmingsfonds":
        names.append("verhoogde_tegemoetkoming")
    return names


def _fill(template, ctx):
    if callable(template):
        template = template(ctx)
    try:
        return str(template) % {"value": ctx["value_shown"], "threshold": ctx["threshold_shown"]}
    except (KeyError, TypeError, ValueError):
        return str(template)


def sentence(right, condition, met, data, answers, when):
    """The sentence for one condition of one household: met, not met, or a fallback that
    names the condition as not met. ``data`` maps variable names to this household's values."""
    text = text_for(right, condition)
    if text is None:
        if met:
            return str(condition.text)
        return str(_("Niet voldaan: %(condition)s") % {"condition": condition.text})
    value, threshold = measure(text, data, when)
    ctx = {
        "answers": answers,
        "data": data,
        "value": value,
        "threshold": threshold,
        "value_shown": "" if value is None else shown_value(value, text.kind),
        "threshold_shown": "" if threshold is None else shown_value(threshold, text.kind),
    }
    template = text.met if met else text.failed
    plain = text.met_plain if met else text.failed_plain
    if threshold is None and text.threshold and plain:
        template = plain
    return _fill(template, ctx)


def measure(text, data, when):
    """(the household's value, the threshold) of a condition, None where unknown."""
    value = data.get(text.value) if text.value else None
    return _number(value), _number(lookup(text.threshold, data, when))


def lookup(source, data, when):
    """A value by its source: a variable name, "param:<path>", or alternatives joined by "|"
    (the first that is known)."""
    for name in filter(None, source.split("|")):
        if name.startswith("param:"):
            try:
                return parameter_info(name[6:], when)["value"]
            except (KeyError, engine.DateOutOfRange):
                continue
        if data.get(name) is not None:
            return data[name]
    return None


def _number(value):
    if value is None or isinstance(value, bool):
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


# --- How sure: parameter dates, sources, confirmation, staleness ----------------------------


def _last_cycle_start(cycle, when):
    if cycle == "january":
        return date(when.year, 1, 1)
    if cycle == "september":
        start = date(when.year, 9, 1)
        return start if when >= start else date(when.year - 1, 9, 1)
    if cycle == "yearly":
        return when - timedelta(days=366)
    return None


def _own_parameter_info(path, when):
    """What ``engine.parameter_info`` gives, read from the parameter metadata directly (for
    rules without that function)."""
    node = engine.system().parameters
    for part in path.split("."):
        node = node.children[part]
    found = engine.parameter_at(path, when)
    instant = when.isoformat()
    meta = {}
    for value in node.values_list:
        if value.instant_str <= instant:
            meta = value.metadata or {}
            break
    cycle = ((getattr(node, "metadata", None) or {}).get("indexation")) or "none"
    confirmed = meta.get("last_confirmed")
    if isinstance(confirmed, str):
        confirmed = date.fromisoformat(confirmed)
    start = _last_cycle_start(cycle, when)
    stale = bool(found["unconfirmed"]) or bool(start and found["since"] < start)
    return {
        **found,
        "valid_from": found["since"],
        "last_confirmed": confirmed,
        "indexation": cycle,
        "stale": stale,
    }


def parameter_info(path, when):
    """A parameter on ``when``: value, valid_from (also as ``since``), reference, unit, note,
    last_confirmed (a date or None), unconfirmed, indexation, stale, and ``path``.

    A fresh copy of ``_parameter_info`` (cached per path and date: the parameters do not
    change in a process, and every condition of every check reads them)."""
    return dict(_parameter_info(path, when))


@lru_cache(maxsize=4096)
def _parameter_info(path, when):
    own = getattr(engine, "parameter_info", None)
    if own is None:
        info = _own_parameter_info(path, when)
    else:
        info = dict(own(path, when))
        base = engine.parameter_at(path, when)
        for key, value in base.items():
            info.setdefault(key, value)
        info.setdefault("since", info.get("valid_from"))
        info.setdefault("valid_from", info.get("since"))
        confirmed = info.get("last_confirmed")
        if isinstance(confirmed, str):
            info["last_confirmed"] = date.fromisoformat(confirmed)
        info["stale"] = bool(info.get("stale")) or bool(info.get("unconfirmed"))
    info["path"] = path
    return info


# --- What to do next for a "no" that one step can turn ---------------------------------------


@dataclass(frozen=True)
class NextStep:
    right: str
    fixes: frozenset  # the condition ids this step can turn; every failed one must be here
    text: str
    where: str
    topic: str
    applies: object = None  # a function of the context (answers, data): only then


def _current_income_under(threshold):
    def applies(ctx):
        limit = lookup(threshold, ctx["data"], ctx["when"])
        monthly = ctx["data"].get("household_monthly_income")
        return limit is not None and monthly is not None and 12 * monthly <= limit

    return applies


NEXT_STEPS = (
    NextStep(
        "vlaamse_huurpremie", frozenset({"wachtlijst"}),
        _("Schrijf je in op de wachtlijst voor een sociale woning, bij de woonmaatschappij van je gemeente. Na 4 jaar op de wachtlijst kan je de huurpremie krijgen. Blijf ingeschreven: antwoord altijd als de woonmaatschappij je iets vraagt."),
        _("Woonmaatschappij (sociale huisvesting)"), "sociale_huurwoning",
        applies=lambda ctx: not _waiting(ctx),
    ),
    NextStep(
        "vlaamse_huurpremie", frozenset({"wachtlijst"}),
        _("Blijf ingeschreven op de wachtlijst voor een sociale woning. Na 4 jaar op de wachtlijst kan je de huurpremie krijgen. Antwoord altijd als de woonmaatschappij je iets vraagt."),
        _("Woonmaatschappij (sociale huisvesting)"), "sociale_huurwoning",
        applies=lambda ctx: bool(_waiting(ctx)),
    ),
    NextStep(
        "brusselse_huurtoelage", frozenset({"brussel"}),
        _("Schrijf je in op de wachtlijst voor een sociale woning (bij een openbare vastgoedmaatschappij of via Brussel Huisvesting). Daarna kan je de huurtoelage krijgen."),
        _("Openbare vastgoedmaatschappij of Brussel Huisvesting"), "sociale_huurwoning",
        applies=lambda ctx: _region(ctx) == "brussel" and _housing(ctx) == "private_rent"
        and not ctx["answers"].household.rents_from_relative and not _waiting(ctx),
    ),
    NextStep(
        "verhoogde_tegemoetkoming", frozenset({"status", "inkomen", "inkomen_nu"}),
        _("Je inkomen van nu is lager dan de grens. Vraag je ziekenfonds om naar je inkomen van nu te kijken. Dat kan onder meer voor wie gepensioneerd is, ziek of werkloos is, of alleen kinderen opvoedt."),
        _("Ziekenfonds"), "ziekteverzekering",
        applies=_current_income_under("vt_inkomensgrens"),
    ),
    NextStep(
        "groeipakket_sociale_toeslag", frozenset({"inkomen", "status"}),
        _("Je inkomen van nu is lager dan de grens. Vraag je uitbetaler van het Groeipakket om naar je inkomen van nu te kijken."),
        _("Uitbetaler van het Groeipakket"), "groeipakket_sociale_toeslag",
        applies=_current_income_under("groeipakket_sociale_toeslag_grens|param:groeipakket.sociale_toeslag_inkomensgrens"),
    ),
)  # fmt: skip

NEXT_VARIABLES = ("household_monthly_income", "vt_inkomensgrens")


def next_steps(result, answers, data):
    """The steps that can turn this "no": every failed deciding condition is one the step
    fixes, and its own test passes."""
    if result.status != "unlikely" or not result.in_region:
        return []
    failed = {
        c.condition.id for c in result.conditions if c.met is False and not c.condition.informative
    }
    if not failed:
        return []
    ctx = {"answers": answers, "data": data, "when": answers.date}
    return [
        step
        for step in NEXT_STEPS
        if step.right == result.id
        and failed <= step.fixes
        and (step.applies is None or step.applies(ctx))
    ]


# Rights everyone has: the page shows the visitor's own value, not "probably".
EVERYONE = frozenset({"maximumfactuur"})
