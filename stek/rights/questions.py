"""The questionnaire: one question per page, with skip logic.

The answers travel with the pages (a hidden JSON field), never in a session or the database:
the check stores nothing. Each step reads its part of the state and writes it back; ``answers``
turns a finished state into ``CheckAnswers`` for the rules."""

import json
from typing import Annotated, Literal

from django import forms
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .answers import BudgetMeter, CheckAnswers, Heating, Housing, Region, Status
from .templatetags.rights_tags import euro

ADULT_STATUSES = [
    ("leefloon", _("Een leefloon van het OCMW")),
    ("igo", _("Een inkomensgarantie voor ouderen (IGO)")),
    ("ivt_it", _("Een tegemoetkoming voor personen met een handicap")),
    ("unemployed_3_months", _("Al 3 maanden of langer werkloos")),
    ("sick_3_months", _("Al 3 maanden of langer ziek (arbeidsongeschikt)")),
    ("student", _("Student")),
]
CHILD_STATUSES = [
    ("disability_66", _("Een handicap van minstens 66 %")),
    ("mena", _("Alleen in België, zonder ouders (NBMV)")),
]
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


def _plain(value):
    """650.0 as 650 in a form field; other values as they are."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


class Step(forms.Form):
    do_not_call_in_templates = True  # templates read the class's question, key and help
    key = ""
    question = ""
    help = ""

    def __init__(self, *args, state, **kwargs):
        self.state = state
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


class RegionStep(Step):
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


class PeopleStep(Step):
    key = "gezin"
    question = _("Met hoeveel personen woon je samen?")
    help = _("Tel jezelf mee. Kinderen zijn jonger dan 18 of krijgen nog kindergeld.")
    adults = forms.IntegerField(label=_("Volwassenen (jij ook)"), min_value=1, max_value=8)
    children = forms.IntegerField(label=_("Kinderen"), min_value=0, max_value=12, initial=0)

    def write(self, state):
        changed = any(state.get(name) != self.cleaned_data[name] for name in self.fields)
        if changed:  # other people: ask about them again
            for name in ("ages", "income", "statuses", "started"):
                state.pop(name, None)
            again = {"leeftijd", "inkomen", "situatie", "werk"}
            state["_done"] = [key for key in state.get("_done", []) if key not in again]
        super().write(state)


class AgesStep(Step):
    key = "leeftijd"
    question = _("Hoe oud zijn jullie?")
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


class IncomeStep(Step):
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

    def read(self, state):
        return {
            f"{kind}_{i}": value
            for i, income in enumerate(state.get("income", []))
            for kind, value in income.items()
        }

    def write(self, state):
        state["income"] = [
            {kind: float(self.cleaned_data[f"{kind}_{i}"] or 0) for kind, _label in self.KINDS}
            for i in range(state.get("adults", 1))
        ]


class StatusStep(Step):
    key = "situatie"
    question = _("Krijgt iemand een van deze?")
    help = _("Kruis aan wat past. Niets is ook goed.")

    def __init__(self, *args, state, **kwargs):
        super().__init__(*args, state=state, **kwargs)
        for number, (role, index) in enumerate(_people(state)):
            self.fields[f"status_{number}"] = forms.MultipleChoiceField(
                label=_label(role, index),
                choices=ADULT_STATUSES if role == "adult" else CHILD_STATUSES,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

    def read(self, state):
        return {f"status_{n}": s for n, s in enumerate(state.get("statuses", []))}

    def write(self, state):
        state["statuses"] = [self.cleaned_data[f"status_{n}"] for n in range(len(_people(state)))]


class StartedStep(Step):
    key = "werk"
    question = _("Ben je de voorbije 3 jaar beginnen werken of een opleiding gestart?")
    help = _("Dan telt een deel van je loon niet mee voor het leefloon.")

    @classmethod
    def applies(cls, state):
        return any(income.get("work") for income in state.get("income", []))

    def __init__(self, *args, state, **kwargs):
        super().__init__(*args, state=state, **kwargs)
        for index, income in enumerate(state.get("income", [])):
            if income.get("work"):
                self.fields[f"started_{index}"] = forms.BooleanField(
                    label=_label("adult", index), required=False
                )

    def read(self, state):
        return {f"started_{i}": v for i, v in enumerate(state.get("started", []))}

    def write(self, state):
        state["started"] = [
            bool(self.cleaned_data.get(f"started_{i}")) for i in range(state.get("adults", 1))
        ]


class YearlyIncomeStep(Step):
    key = "jaarinkomen"
    question = _("Hoeveel was het inkomen van het gezin vorig jaar?")
    help = _(
        "Het bruto belastbaar inkomen. Het staat op je aanslagbiljet van de belastingen. "
        "Weet je het niet? Laat het leeg: we rekenen dan met je inkomen van nu."
    )
    yearly_taxable_income = money_field(
        _("Inkomen vorig jaar (euro)"),
        blank=_("Weet ik niet: we rekenen met het inkomen van nu"),
    )

    def write(self, state):
        value = self.cleaned_data["yearly_taxable_income"]
        state["yearly_taxable_income"] = None if value is None else float(value)


class HousingStep(Step):
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


class RentStep(Step):
    key = "huur"
    question = _("Hoeveel huur betaal je per maand?")
    help = _("Zonder de kosten voor water, gas en elektriciteit.")
    monthly_rent = money_field(_("Huur per maand (euro)"))
    rents_from_relative = forms.BooleanField(
        label=_("Ik huur van familie (ouders, kinderen, grootouders, broers of zussen)"),
        required=False,
    )

    @classmethod
    def applies(cls, state):
        return _renting(state)

    def write(self, state):
        state["monthly_rent"] = float(self.cleaned_data["monthly_rent"] or 0)
        state["rents_from_relative"] = self.cleaned_data["rents_from_relative"]


class WaitingListStep(Step):
    key = "wachtlijst"
    question = _("Hoe lang sta je op de wachtlijst voor een sociale woning?")
    help = _("Vul 0 in als je niet op de wachtlijst staat.")
    social_housing_waiting_years = forms.DecimalField(
        label=_("Aantal jaren"), min_value=0, max_value=100, decimal_places=1
    )

    @classmethod
    def applies(cls, state):
        return state.get("housing") in ("private_rent", "homeless")

    def write(self, state):
        state["social_housing_waiting_years"] = float(
            self.cleaned_data["social_housing_waiting_years"]
        )


class PropertyStep(Step):
    key = "eigendom"
    question = _("Heb jij of iemand van je gezin een huis of appartement?")
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


class MeterStep(Step):
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


class HeatingStep(Step):
    key = "verwarming"
    question = _("Hoe verwarm je je woning?")
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


STEPS = [
    RegionStep, PeopleStep, AgesStep, IncomeStep, StatusStep, StartedStep, YearlyIncomeStep,
    HousingStep, RentStep, WaitingListStep, PropertyStep, MeterStep, HeatingStep,
]  # fmt: skip
BY_KEY = {step.key: step for step in STEPS}


def applicable(state):
    return [step for step in STEPS if step.applies(state)]


def first_unanswered(state):
    """The first step that applies and has no answer yet, or None when all are answered."""
    done = set(state.get("_done", []))
    return next((step for step in applicable(state) if step.key not in done), None)


class Damaged(ValueError):
    """The answers posted back by the page cannot be read."""


Money = Annotated[float, Field(ge=0, le=100_000_000)]
REQUIRES = {
    "gewest": "region", "gezin": "children", "leeftijd": "ages", "inkomen": "income",
    "situatie": "statuses", "werk": "started", "jaarinkomen": "yearly_taxable_income",
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
    statuses: list[list[Status]] | None = None
    started: list[bool] | None = None
    yearly_taxable_income: Money | None = None
    housing: Housing | None = None
    monthly_rent: Money | None = None
    rents_from_relative: bool = False
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
        for name, size in (("ages", people), ("statuses", people), ("income", self.adults)):
            value = getattr(self, name)
            if value is not None and len(value) != size:
                raise ValueError(f"{name}: one per person")
        answered = self.model_fields_set
        for key in self.done:
            if key != "gezin" and REQUIRES[key] not in answered:
                raise ValueError(f"{key}: answered without its answer")
        return self


def load(text):
    """The state posted back by the page: {} for a new check, ``Damaged`` if unreadable."""
    try:
        state = json.loads(text or "{}")
        State.model_validate(state)
    except (ValueError, TypeError) as error:  # pydantic's ValidationError is a ValueError
        raise Damaged(str(error)) from error
    return state


def dump(state):
    return json.dumps(state, separators=(",", ":"))


def answers(state, when=None):
    """The rules' input for a finished state."""
    people = _people(state)
    persons = []
    incomes = state.get("income", [])
    statuses = state.get("statuses", [])
    started = state.get("started", [])
    for number, (role, index) in enumerate(people):
        income = incomes[index] if role == "adult" and index < len(incomes) else {}
        persons.append(
            {
                "role": role,
                "age": state["ages"][number],
                "monthly_income": income,
                "statuses": statuses[number] if number < len(statuses) else [],
                "started_work_recently": role == "adult"
                and index < len(started)
                and started[index],
            }
        )
    yearly = state.get("yearly_taxable_income")
    if yearly is None:  # not known: twelve times this month's income
        yearly = 12 * sum(sum(income.values()) for income in incomes)
    housing = state.get("housing", "other")
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
    }
    return CheckAnswers(
        date=when or timezone.localdate(),
        region=state.get("region", "vlaanderen"),
        household=household,
        persons=persons,
    )
