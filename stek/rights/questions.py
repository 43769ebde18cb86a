"""The questionnaire: one question per page, with skip logic.

The answers travel with the browser (a signed cookie of the check, see ``views``), never in a
session or the database: the check stores nothing. Each step reads its part of the state and
writes it back; ``Questionnaire`` walks through the steps (next, back, changing one answer
from the summary); ``answers`` turns a finished state into ``CheckAnswers`` for the rules.

The questions that decide which other questions apply (region, household, housing) come
first, so that from then on the number of questions is known and "Vraag 4 van 11" stays true:
each step names in ``depends`` the questions its ``applies`` reads."""

from typing import Annotated, Literal

from django import forms
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .answers import BudgetMeter, CheckAnswers, Heating, Housing, Region, Status
from .engine import parameter_at
from .templatetags.rights_tags import euro

ADULT_STATUSES = [
    ("leefloon", _("Krijgt een leefloon van het OCMW")),
    ("igo", _("Krijgt een inkomensgarantie voor ouderen (IGO)")),
    ("ivt_it", _("Krijgt een tegemoetkoming voor personen met een handicap")),
    ("disability", _("Heeft een erkende handicap")),
    ("zorgbudget_ouderen", _("Krijgt een zorgbudget voor ouderen (in Brussel: APA)")),
    ("unemployed_3_months", _("Is al 3 maanden of langer werkloos")),
    ("sick_3_months", _("Is al 3 maanden of langer ziek (arbeidsongeschikt)")),
    ("student", _("Is student")),
]
CHILD_STATUSES = [
    ("disability_66", _("Heeft een handicap van minstens 66 %")),
    ("mena", _("Is alleen in België, zonder ouders (NBMV)")),
]
DUTCH_SCHOOL = ("dutch_school", _("Gaat naar een Nederlandstalige school of kleuterschool"))
FIXED_CHILDCARE = (
    "childcare_fixed",
    _("Gaat naar een kinderopvang met een vaste prijs (de prijs hangt niet af van het inkomen)"),
)
QUESTION_ONLY = {"disability", "dutch_school", "childcare_fixed"}  # not statuses of the rules
MONEY = {"min_value": 0, "max_value": 1_000_000, "decimal_places": 2, "required": False}


def money_field(label, blank=None):
    """An amount in euro; empty is 0 unless ``blank`` says what empty means."""
    field = forms.DecimalField(label=label, **MONEY)
    field.money = True
    field.blank = blank or euro(0)
    field.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})
    return field


def _people(state):
    return [("adult", i) for i in range(state.get("adults", 1))] + [
        ("child", i) for i in range(state.get("children", 0))
    ]


def _label(role, index):
    if role == "adult":
        return _("Jij") if index == 0 else _("Volwassene %(n)s") % {"n": index + 1}
    return _("Kind %(n)s") % {"n": index + 1}


def _alone(state):
    return state.get("adults", 1) + state.get("children", 0) == 1


def _plain(value):
    """650.0 as 650 in a form field; other values as they are."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


class QuestionStep(forms.Form):
    do_not_call_in_templates = True  # templates read the class's question, key and help
    key = ""
    question = ""
    help = ""
    depends = ()  # the questions whose answers ``applies`` reads
    question_alone = ""  # the question for a person who lives alone, if it differs

    @classmethod
    def title(cls, state):
        """The question, in the singular for a person who lives alone."""
        return cls.question_alone if cls.question_alone and _alone(state) else cls.question

    @classmethod
    def help_for(cls, state):
        return cls.help

    def __init__(self, *args, state, **kwargs):
        self.state = state
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.update({name: _plain(value) for name, value in self.read(state).items()})

    @classmethod
    def applies(cls, state):
        return True

    def read(self, state):
        return {name: state[name] for name in self.fields if name in state}

    def write(self, state):
        state.update(self.cleaned_data)

    def fieldsets(self):
        """The fields in groups: (legend or "", [bound fields]); one group per person."""
        sets = []
        for bound in self:
            group = getattr(bound.field, "group", "")
            if sets and sets[-1][0] == group:
                sets[-1][1].append(bound)
            else:
                sets.append((group, [bound]))
        return sets

    def summary(self):
        """(label, answer) pairs for the summary page, read from the state."""
        for name, field in self.fields.items():
            value = self.initial.get(name)
            if isinstance(field, forms.BooleanField):
                shown = _("Ja") if value else _("Nee")
            elif hasattr(field, "choices"):
                chosen = value if isinstance(value, list) else [value]
                labels = [str(label) for key, label in field.choices if key in chosen]
                shown = ", ".join(labels) or _("Niets")
            elif value in (None, ""):
                shown = getattr(field, "blank", "—")
            elif getattr(field, "money", False):
                shown = euro(value)
            elif isinstance(field, forms.DecimalField):
                shown = number_format(value, 2 if value % 1 else 0, force_grouping=True)
            else:
                shown = value
            group = getattr(field, "group", "")
            yield (f"{group} – {field.label}" if group else field.label), shown


class RegionStep(QuestionStep):
    key = "gewest"
    question = _("Waar woon je?")
    help = _("Sommige rechten hangen af van het gewest.")
    region = forms.ChoiceField(
        label=_("Gewest"),
        widget=forms.RadioSelect,
        choices=[
            ("vlaanderen", _("In Vlaanderen")),
            ("brussel", _("In Brussel")),
            ("wallonie", _("In Wallonië")),
        ],
    )


class PeopleStep(QuestionStep):
    key = "gezin"
    question = _("Met hoeveel personen woon je samen?")
    help = _("Tel jezelf mee. Kinderen zijn jonger dan 18 of krijgen nog kindergeld.")
    adults = forms.IntegerField(label=_("Volwassenen (jij ook)"), min_value=1, max_value=8)
    children = forms.IntegerField(label=_("Kinderen"), min_value=0, max_value=12, initial=0)

    def write(self, state):
        changed = any(state.get(name) != self.cleaned_data[name] for name in self.fields)
        if changed:  # other people: their answers go, so their questions are asked again
            for name in ("ages", "income", "statuses", "started", "relations"):
                state.pop(name, None)
        super().write(state)


class RelationsStep(QuestionStep):
    key = "samen"
    question = _("Wie woont er met je samen?")
    help = _(
        "Dat telt voor het leefloon: het inkomen van je partner kan meetellen, en dat van familie "
        "die voor je moet zorgen (ouders, grootouders, kinderen, kleinkinderen, schoonouders, "
        "schoonzoon of schoondochter). Dat van een broer, zus of vriend telt niet mee."
    )
    depends = ("gezin",)
    CHOICES = [
        ("partner", _("Mijn partner (getrouwd, wettelijk of feitelijk samenwonend)")),
        ("family", _("Mijn (groot)ouder, (klein)kind, schoonouder, schoonzoon of schoondochter")),
        ("other", _("Iemand anders (broer, zus, vriend …)")),
    ]

    @classmethod
    def applies(cls, state):
        return state.get("adults", 1) > 1

    def __init__(self, *args, state, **kwargs):
        super().__init__(*args, state=state, **kwargs)
        for index in range(1, state.get("adults", 1)):
            self.fields[f"relation_{index}"] = forms.ChoiceField(
                label=_label("adult", index), widget=forms.RadioSelect, choices=self.CHOICES
            )

    def read(self, state):
        return {f"relation_{i + 1}": r for i, r in enumerate(state.get("relations", []))}

    def clean(self):
        data = super().clean()
        partners = [n for n, v in data.items() if v == "partner"]
        if len(partners) > 1:
            self.add_error(partners[-1], _("Je kan maar één partner aanduiden."))
        return data

    def write(self, state):
        state["relations"] = [
            self.cleaned_data[f"relation_{i}"] for i in range(1, state.get("adults", 1))
        ]


class AgesStep(QuestionStep):
    key = "leeftijd"
    question = _("Hoe oud zijn jullie?")
    question_alone = _("Hoe oud ben je?")
    help = _("Geef de leeftijd in jaren.")

    def __init__(self, *args, state, **kwargs):
        super().__init__(*args, state=state, **kwargs)
        for number, (role, index) in enumerate(_people(state)):
            maximum = 120 if role == "adult" else 25
            self.fields[f"age_{number}"] = forms.IntegerField(
                label=_label(role, index), min_value=0, max_value=maximum
            )

    def read(self, state):
        return {f"age_{n}": age for n, age in enumerate(state.get("ages", []))}

    def write(self, state):
        state["ages"] = [self.cleaned_data[f"age_{n}"] for n in range(len(_people(state)))]


class IncomeStep(QuestionStep):
    key = "inkomen"
    question = _("Hoeveel geld komt er elke maand binnen?")
    help = _(
        "Het bedrag dat op je rekening komt. Leeg laten is 0 euro. Het leefloon tel je niet mee."
    )
    KINDS = (
        ("work", _("Loon")),
        ("benefits", _("Uitkering")),
        ("pension", _("Pensioen")),
        ("other", _("Ander inkomen")),
    )

    def __init__(self, *args, state, **kwargs):
        super().__init__(*args, state=state, **kwargs)
        for index in range(state.get("adults", 1)):
            for kind, label in self.KINDS:
                field = money_field(label)
                field.group = _label("adult", index)
                self.fields[f"{kind}_{index}"] = field
            # The socio-professional exemption, asked here rather than on a page of its own
            # that only some would see: the number of questions stays known in advance.
            started = forms.BooleanField(
                label=_("Begon de voorbije 3 jaar te werken of een opleiding"),
                help_text=_("Dan telt een deel van het loon niet mee voor het leefloon."),
                required=False,
            )
            started.group = _label("adult", index)
            self.fields[f"started_{index}"] = started

    def read(self, state):
        found = {
            f"{kind}_{i}": value
            for i, income in enumerate(state.get("income", []))
            for kind, value in income.items()
        }
        found.update({f"started_{i}": v for i, v in enumerate(state.get("started", []))})
        return found

    def write(self, state):
        adults = range(state.get("adults", 1))
        state["income"] = [
            {kind: float(self.cleaned_data[f"{kind}_{i}"] or 0) for kind, _label in self.KINDS}
            for i in adults
        ]
        state["started"] = [bool(self.cleaned_data.get(f"started_{i}")) for i in adults]


class StatusStep(QuestionStep):
    key = "situatie"
    question = _("Past iets hiervan bij iemand in je gezin?")
    question_alone = _("Past iets hiervan bij jou?")
    help = _("Kruis aan wat past. Niets is ook goed.")

    def __init__(self, *args, state, **kwargs):
        super().__init__(*args, state=state, **kwargs)
        ages = state.get("ages") or []
        for number, (role, index) in enumerate(_people(state)):
            choices = list(ADULT_STATUSES if role == "adult" else CHILD_STATUSES)
            age = ages[number] if number < len(ages) else None
            if role == "child" and age is not None:
                if age < 3:
                    choices.append(FIXED_CHILDCARE)
                elif state.get("region") == "brussel" and age <= 18:
                    choices.append(DUTCH_SCHOOL)
            self.fields[f"status_{number}"] = forms.MultipleChoiceField(
                label=_label(role, index),
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

    def read(self, state):
        return {f"status_{n}": s for n, s in enumerate(state.get("statuses", []))}

    def write(self, state):
        state["statuses"] = [self.cleaned_data[f"status_{n}"] for n in range(len(_people(state)))]


class YearlyIncomeStep(QuestionStep):
    key = "jaarinkomen"
    question = _("Hoeveel was het inkomen van het gezin vorig jaar?")
    question_alone = _("Hoeveel was je inkomen vorig jaar?")
    help = _(
        "Het bruto belastbaar inkomen. Het staat op je aanslagbiljet van de belastingen. "
        "Weet je het niet? Laat het leeg: we rekenen dan met je inkomen van nu."
    )
    yearly_taxable_income = money_field(
        _("Inkomen vorig jaar (euro)"),
        blank=_("Weet ik niet: we rekenen met het inkomen van nu"),
    )

    net_taxable_income_3_years_ago = money_field(
        _("Netto belastbaar inkomen van 3 jaar geleden (euro)"),
        blank=_("Weet ik niet: we rekenen met het inkomen van vorig jaar"),
    )
    net_taxable_income_3_years_ago.help_text = _(
        "Voor de maximumfactuur. Het staat op je aanslagbiljet van 3 jaar geleden. "
        "Weet je het niet? Laat het leeg."
    )

    def write(self, state):
        for name in ("yearly_taxable_income", "net_taxable_income_3_years_ago"):
            value = self.cleaned_data[name]
            state[name] = None if value is None else float(value)


class HousingStep(QuestionStep):
    key = "wonen"
    question = _("Hoe woon je?")
    housing = forms.ChoiceField(
        label=_("Woning"),
        widget=forms.RadioSelect,
        choices=[
            ("private_rent", _("Ik huur bij een private verhuurder")),
            ("social_rent", _("Ik huur een sociale woning")),
            ("owner", _("Ik ben eigenaar")),
            ("homeless", _("Ik heb geen vaste woning")),
            ("other", _("Anders (bij familie, in een instelling …)")),
        ],
    )


def _renting(state):
    return state.get("housing") in ("private_rent", "social_rent")


def _centrumsteden():
    try:
        found = parameter_at("vlaamse_huurpremie.aangeduide_gemeenten", timezone.localdate())[
            "value"
        ]
    except (KeyError, ValueError, AttributeError):
        return ""
    if isinstance(found, str):
        return found
    return ", ".join(str(name) for name in found) if isinstance(found, list | tuple) else ""


class RentStep(QuestionStep):
    key = "huur"
    question = _("Hoeveel huur betaal je per maand?")
    help = _("Zonder de kosten voor water, gas en elektriciteit.")
    depends = ("wonen",)
    monthly_rent = money_field(_("Huur per maand (euro)"))
    rents_from_relative = forms.BooleanField(
        label=_("Ik huur van familie (ouders, kinderen, grootouders, broers of zussen)"),
        required=False,
    )

    @classmethod
    def applies(cls, state):
        return _renting(state)

    def __init__(self, *args, state, **kwargs):
        super().__init__(*args, state=state, **kwargs)
        private = state.get("housing") == "private_rent"
        if private and state.get("region") == "brussel":
            self.fields["dwelling_ais"] = forms.BooleanField(
                label=_("Ik huur via een sociaal verhuurkantoor (AIS of SVK)"), required=False
            )
        if private and state.get("region") == "vlaanderen":
            field = forms.BooleanField(
                label=_("Ik woon in een centrumstad of in de rand rond Antwerpen of Gent"),
                required=False,
            )
            cities = _centrumsteden()
            if cities:
                field.help_text = _("De centrumsteden: %(cities)s.") % {"cities": cities}
            self.fields["designated_municipality"] = field

    def write(self, state):
        state["monthly_rent"] = float(self.cleaned_data["monthly_rent"] or 0)
        for name in ("rents_from_relative", "dwelling_ais", "designated_municipality"):
            state[name] = bool(self.cleaned_data.get(name))


class WaitingListStep(QuestionStep):
    key = "wachtlijst"
    question = _("Hoe lang sta je op de wachtlijst voor een sociale woning?")
    help = _("Vul 0 in als je niet op de wachtlijst staat.")
    social_housing_waiting_years = forms.DecimalField(
        label=_("Aantal jaren"), min_value=0, max_value=100, decimal_places=1
    )

    depends = ("wonen",)

    @classmethod
    def applies(cls, state):
        return state.get("housing") in ("private_rent", "homeless")

    def write(self, state):
        state["social_housing_waiting_years"] = float(
            self.cleaned_data["social_housing_waiting_years"]
        )


class PropertyStep(QuestionStep):
    key = "eigendom"
    question = _("Heb jij of iemand van je gezin een huis of appartement?")
    question_alone = _("Heb je een huis of appartement?")
    depends = ("wonen",)
    help = _("Ook als je er niet zelf woont.")
    owns_property = forms.TypedChoiceField(
        label=_("Eigendom"),
        widget=forms.RadioSelect,
        choices=[("1", _("Ja")), ("0", _("Nee"))],
        coerce=lambda value: value == "1",
    )

    @classmethod
    def applies(cls, state):
        return state.get("housing") != "owner"

    def read(self, state):
        return {"owns_property": "1" if state.get("owns_property") else "0"}


class MeterStep(QuestionStep):
    key = "budgetmeter"
    question = _("Heb je een budgetmeter?")
    help = _("Een budgetmeter laad je vooraf op, met een kaart.")
    budget_meter = forms.ChoiceField(
        label=_("Budgetmeter"),
        widget=forms.RadioSelect,
        choices=[
            ("none", _("Nee")),
            ("electricity", _("Ja, voor elektriciteit")),
            ("gas", _("Ja, voor gas")),
            ("both", _("Ja, voor gas en elektriciteit")),
        ],
    )


class HeatingStep(QuestionStep):
    key = "verwarming"
    question = _("Hoe verwarm je je woning?")
    SHARED = ("gas_shared", _("Met aardgas van een gemeenschappelijke ketel in het gebouw"))
    heating = forms.ChoiceField(
        label=_("Verwarming"),
        widget=forms.RadioSelect,
        choices=[
            ("gas", _("Met aardgas")),
            ("oil", _("Met stookolie, petroleum of propaan in een tank")),
            ("electric", _("Elektrisch")),
            ("other", _("Anders of ik weet het niet")),
        ],
    )

    def __init__(self, *args, state, **kwargs):
        super().__init__(*args, state=state, **kwargs)
        if state.get("housing") == "social_rent":
            choices = list(self.fields["heating"].choices)
            self.fields["heating"].choices = [choices[0], self.SHARED, *choices[1:]]

    def read(self, state):
        if state.get("collective_heating") and state.get("heating") == "gas":
            return {"heating": "gas_shared"}
        return super().read(state)

    def write(self, state):
        chosen = self.cleaned_data["heating"]
        state["collective_heating"] = chosen == "gas_shared"
        state["heating"] = "gas" if chosen == "gas_shared" else chosen


STEPS = [
    RegionStep, HousingStep, PeopleStep, RelationsStep, AgesStep, IncomeStep, StatusStep,
    YearlyIncomeStep, RentStep, WaitingListStep, PropertyStep, MeterStep, HeatingStep,
]  # fmt: skip
BY_KEY = {step.key: step for step in STEPS}


def applicable(state):
    return [step for step in STEPS if step.applies(state)]


def question_range():
    """The fewest and the most questions a check asks (for the introduction)."""
    counts = []
    for region in ("vlaanderen", "brussel"):
        for housing in ("private_rent", "social_rent", "owner", "homeless", "other"):
            for adults in (1, 2):
                state = {"region": region, "housing": housing, "adults": adults}
                counts.append(len(applicable(state)))
    return min(counts), max(counts)


class Damaged(ValueError):
    """The answers posted back by the page cannot be read."""


Money = Annotated[float, Field(ge=0, le=100_000_000)]
REQUIRES = {
    "gewest": "region", "gezin": "children", "samen": "relations", "leeftijd": "ages",
    "inkomen": "income", "situatie": "statuses", "jaarinkomen": "yearly_taxable_income",
    "wonen": "housing", "huur": "monthly_rent", "wachtlijst": "social_housing_waiting_years",
    "eigendom": "owns_property", "budgetmeter": "budget_meter", "verwarming": "heating",
}  # fmt: skip


class State(BaseModel):
    """What the pages carry between questions; anything else is refused."""

    model_config = ConfigDict(extra="forbid")

    region: Region | None = None
    adults: int = Field(1, ge=1, le=8)
    children: int = Field(0, ge=0, le=12)
    ages: list[Annotated[int, Field(ge=0, le=120)]] | None = None
    income: list[dict[Literal["work", "benefits", "pension", "other"], Money]] | None = None
    relations: list[Literal["partner", "family", "other"]] | None = None
    statuses: list[list[Status | Literal[tuple(QUESTION_ONLY)]]] | None = None
    started: list[bool] | None = None
    yearly_taxable_income: Money | None = None
    net_taxable_income_3_years_ago: Money | None = None
    housing: Housing | None = None
    monthly_rent: Money | None = None
    rents_from_relative: bool = False
    dwelling_ais: bool = False
    designated_municipality: bool = False
    collective_heating: bool = False
    social_housing_waiting_years: float | None = Field(None, ge=0, le=100)
    owns_property: bool | None = None
    budget_meter: BudgetMeter | None = None
    heating: Heating | None = None
    done: list[Literal[tuple(REQUIRES)]] = Field(default_factory=list, alias="_done")
    review: bool = Field(False, alias="_review")
    counted: bool = Field(False, alias="_counted")  # the STEK's weekly tally has this check

    @model_validator(mode="after")
    def _consistent(self):
        people = self.adults + self.children
        sizes = (
            ("ages", people), ("statuses", people), ("income", self.adults),
            ("started", self.adults), ("relations", self.adults - 1),
        )  # fmt: skip
        for name, size in sizes:
            value = getattr(self, name)
            if value is not None and len(value) != size:
                raise ValueError(f"{name}: one per person")
        answered = self.model_fields_set
        for key in self.done:
            if key != "gezin" and REQUIRES[key] not in answered:
                raise ValueError(f"{key}: answered without its answer")
        return self


def validate(state):
    """``state`` if it is a valid state of the check, else ``Damaged``."""
    try:
        State.model_validate(state)
    except (ValueError, TypeError) as error:  # pydantic's ValidationError is a ValueError
        raise Damaged(str(error)) from error
    return state


class Questionnaire:
    """A check under way: the answers so far, and where the visitor stands in the questions.

    It decides which question may be shown, which comes next and which came before, and lets
    the visitor change one answer from the summary and come straight back to it. ``state`` is
    the plain dict the check keeps (``views`` carries it in a cookie): the answers as the steps
    write them, plus ``_done`` (the questions answered), ``_review`` (an answer is being
    changed from the summary) and ``_counted`` (the STEK's weekly tally has this check).

    A place in the check is a step, or None for the summary (every question answered)."""

    def __init__(self, state=None):
        self.state = {} if state is None else state

    @classmethod
    def restore(cls, state):
        """The check of a kept ``state``; ``Damaged`` if it is not a state of the check."""
        return cls(validate(state))

    # Where the check stands ------------------------------------------------------------------

    @property
    def done(self):
        return set(self.state.get("_done", []))

    @property
    def reviewing(self):
        """Is an answer being changed from the summary (the question says "Bewaar")?"""
        return bool(self.state.get("_review"))

    @property
    def counted(self):
        return bool(self.state.get("_counted"))

    @property
    def finished(self):
        return bool(self.state) and self.current() is None

    def steps(self):
        """The questions that apply to these answers, in order."""
        return applicable(self.state)

    def current(self):
        """The first question that applies and has no answer yet; None when all have one."""
        done = self.done
        return next((step for step in self.steps() if step.key not in done), None)

    def total_known(self):
        """Is the number of questions known: are the answers that decide it all given?"""
        done = self.done
        return all(key in done for step in STEPS for key in step.depends)

    def question(self, key):
        """The question ``key`` if it may be shown now, else None: it applies, and every
        question before it is answered (or an answer is being changed from the summary)."""
        step = BY_KEY.get(key)
        steps = self.steps()
        if step not in steps:
            return None
        done = self.done
        if self.reviewing and all(s.key in done for s in steps if s.depends):
            return step
        if all(s.key in done for s in steps[: steps.index(step)]):
            return step
        return None

    def progress(self, step):
        """(the question's number, the number of questions or None while not yet known)."""
        steps = self.steps()
        position = steps.index(step) + 1 if step in steps else 1
        return position, len(steps) if self.total_known() else None

    def back(self, step):
        """The question before ``step``, or None for the first."""
        steps = self.steps()
        index = steps.index(step) if step in steps else 0
        return steps[index - 1] if index > 0 else None

    def form(self, step, data=None):
        """The question's form: with the answers given so far, or bound to ``data``."""
        return step(state=self.state) if data is None else step(data, state=self.state)

    def summary(self):
        """(step, question, [(label, answer)]) for every question that applies."""
        return [
            (step, step.title(self.state), list(self.form(step).summary())) for step in self.steps()
        ]

    def answers(self, when=None):
        """The rules' input, once the check is finished."""
        return answers(self.state, when)

    @property
    def income_estimated(self):
        """Last year's income not given: the rules use twelve times this month's."""
        return self.state.get("yearly_taxable_income") is None

    # Moves -------------------------------------------------------------------------------------

    def answer(self, step, data):
        """Answer ``step`` (a question that may be shown) with what was posted: the bound form;
        if it is valid, the answer is kept. An answer that changes which answers stand (other
        people in the household) leaves the questions about them to be asked again."""
        form = self.form(step, data)
        if form.is_valid():
            form.write(self.state)
            standing = {key for key in self.done if key == "gezin" or REQUIRES[key] in self.state}
            self.state["_done"] = sorted(standing | {step.key})
        return form

    def next(self, step):
        """Where the check goes once ``step`` is answered: back to the summary (or to a
        question the change opened) when an answer was changed from the summary, else the
        question after it, answered or not (after "back" the visitor walks forward through
        their answers), and at the end the first question still open or the summary."""
        if self.reviewing:
            return self.current()
        steps = self.steps()
        if step in steps and steps.index(step) + 1 < len(steps):
            return steps[steps.index(step) + 1]
        return self.current()

    def edit(self, key):
        """Change the answer to ``key`` from the summary: the question to show, or None if the
        check is not finished or there is no such question."""
        if not self.finished or key not in BY_KEY:
            return None
        self.state["_review"] = True
        return BY_KEY[key]

    def mark_counted(self):
        """The STEK's weekly tally has this check: it is not counted again."""
        self.state["_counted"] = True


def answers(state, when=None):
    """The rules' input for a finished state."""
    people = _people(state)
    persons = []
    incomes = state.get("income", [])
    statuses = state.get("statuses", [])
    started = state.get("started", [])
    relations = state.get("relations") or []
    for number, (role, index) in enumerate(people):
        income = incomes[index] if role == "adult" and index < len(incomes) else {}
        chosen = statuses[number] if number < len(statuses) else []
        relation = relations[index - 1] if role == "adult" and 0 < index <= len(relations) else ""
        persons.append(
            {
                "role": role,
                "age": state["ages"][number],
                "monthly_income": income,
                "statuses": [s for s in chosen if s not in QUESTION_ONLY],
                "started_work_recently": role == "adult"
                and index < len(started)
                and started[index],
                "is_partner": relation == "partner",
                "owes_maintenance": relation == "family",
                "disability_person": "disability" in chosen,
            }
        )
    children_said = {s for number, s in _child_statuses(people, statuses)}
    yearly = state.get("yearly_taxable_income")
    if yearly is None:  # not known: twelve times this month's income
        yearly = 12 * sum(sum(income.values()) for income in incomes)
    housing = state.get("housing", "other")
    private = housing == "private_rent"
    ais = bool(state.get("dwelling_ais"))
    household = {
        "housing": housing,
        "monthly_rent": state.get("monthly_rent", 0) if _renting(state) else 0,
        "rents_from_relative": state.get("rents_from_relative", False) and _renting(state),
        "social_housing_waiting_years": state.get("social_housing_waiting_years", 0)
        if WaitingListStep.applies(state)
        else 0,
        "owns_property": housing == "owner" or bool(state.get("owns_property")),
        "yearly_taxable_income": yearly,
        "budget_meter": state.get("budget_meter", "none"),
        "heating": state.get("heating", "other"),
        "dwelling_ais": private and state.get("region") == "brussel" and ais,
        "designated_municipality": private
        and state.get("region") == "vlaanderen"
        and bool(state.get("designated_municipality")),
        "dutch_language_school": "dutch_school" in children_said,
        "childcare_fixed_price": "childcare_fixed" in children_said,
        "collective_heating": housing == "social_rent" and bool(state.get("collective_heating")),
        "net_taxable_income_3_years_ago": state.get("net_taxable_income_3_years_ago"),
    }
    return CheckAnswers(
        date=when or timezone.localdate(),
        region=state.get("region", "vlaanderen"),
        household=household,
        persons=persons,
    )


def _child_statuses(people, statuses):
    for number, (role, _index) in enumerate(people):
        if role == "child" and number < len(statuses):
            for status in statuses[number]:
                yield number, status
