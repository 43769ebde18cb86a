"""The rights check as JSON: ``POST /rights/check`` takes the questionnaire's answers and
answers per right a status, an amount, the conditions and their sources. Nothing is stored.

Texts follow ``?lang=`` or the request's Accept-Language (nl, fr or en; Dutch otherwise):
unlike the pages, an API client says which language it wants."""

import json
import math
from datetime import date
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import translation
from ninja import Field, Router, Schema

from stek.rights.answers import CheckAnswers
from stek.rights.catalogue import RIGHTS
from stek.rights.check import evaluate

router = Router(tags=["Rechtencheck"])


class ParameterOut(Schema):
    path: str = Field(
        description="The parameter in the rules, e.g. vlaamse_huurpremie.maximale_huur"
    )
    label: str
    value: float | int | bool | str | list | None
    unit: str = ""
    valid_from: date = Field(description="The date this value took effect")
    reference: str = Field(description="The source (URL) of this value")
    last_confirmed: date | None = Field(
        description="The date the value was last checked against its source"
    )
    unconfirmed: bool = Field(description="No official source confirms this value yet")
    stale: bool = Field(
        description="The value may be out of date: older than its indexation cycle allows, "
        "or unconfirmed"
    )
    indexation: str = Field("", description="pivot, january, september, yearly or none")


class ValueOut(Schema):
    variable: str
    label: str
    value: float | int | bool | None
    kind: str = Field(description="money, years, int or bool")


class ConditionOut(Schema):
    id: str
    met: bool | None
    text: str = Field(description="The condition, as the rules state it")
    explanation: str = Field(
        "", description="What holds for this household, in plain words (met or not met)"
    )
    informative: bool = False
    value: float | None = Field(None, description="The household's value for this condition")
    threshold: float | None = Field(
        None, description="The threshold the value is compared with, for this household"
    )
    unit: str = Field("", description="money, years or int: how value and threshold read")
    values: list[ValueOut] = []
    parameters: list[ParameterOut] = []


class NextStepOut(Schema):
    text: str
    where: str
    topic: str = Field(description="The social-map topic of a service that helps")


class RightOut(Schema):
    id: str
    title: str
    status: str
    amount_monthly: float | None
    amount_yearly: float | None = Field(None, description="An amount paid once a year")
    amounts: list[ValueOut] = Field(
        [], description="More amounts, e.g. the leefloon per beneficiary and for the household"
    )
    yearly_ceiling: float | None = None
    automatic: bool
    conditions: list[ConditionOut]
    references: list[str]
    unconfirmed_values: bool = Field(
        description="The result rests on a value no official source confirms yet"
    )
    stale_values: bool = Field(
        False, description="The result rests on a value that may be out of date (or unconfirmed)"
    )
    last_checked: date | None = Field(
        None, description="When a doubtful value it rests on was last checked"
    )
    in_region: bool = Field(
        True, description="False: a right of another region (not assessed for this household)"
    )
    applies_to_everyone: bool = Field(
        False, description="Everyone has it (maximumfactuur): see the household's own value"
    )
    next_steps: list[NextStepOut] = Field(
        [], description="For a no that one step can turn: what to do and where"
    )


class PointerOut(Schema):
    id: str
    title: str
    text: str


class CheckOut(Schema):
    date: date
    rights: list[RightOut]
    pointers: list[PointerOut]


class RightInfo(Schema):
    id: str
    title: str
    description: str
    automatic: bool | None
    regions: list[str]
    how_to_claim: str
    what_to_bring: str
    where: str


def _language(request):
    asked = request.GET.get("lang", "")
    if asked in {"nl", "fr", "en"}:
        return asked
    return translation.get_language_from_request(request)


def _plain(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, float | int | bool | str | list) or value is None:
        return value
    return str(value)


def _parameter_out(label, p):
    return {
        "path": p.get("path", ""),
        "label": str(label),
        "value": _plain(p["value"]),
        "unit": p.get("unit", ""),
        "valid_from": p.get("valid_from") or p["since"],
        "reference": p.get("reference", ""),
        "last_confirmed": p.get("last_confirmed"),
        "unconfirmed": bool(p.get("unconfirmed")),
        "stale": bool(p.get("stale")),
        "indexation": p.get("indexation") or "",
    }


def _condition_out(c):
    value, threshold, kind = c.measured
    return {
        "id": c.condition.id,
        "met": c.met,
        "text": str(c.condition.text),
        "explanation": c.explanation,
        "informative": c.condition.informative,
        "value": _plain(value),
        "threshold": _plain(threshold),
        "unit": kind if value is not None or threshold is not None else "",
        "values": [
            {
                "variable": variable,
                "label": str(label),
                "value": _plain(c.data.get(variable)),
                "kind": kind,
            }
            for variable, label, kind in c.condition.values
        ],  # fmt: skip
        "parameters": [_parameter_out(label, p) for label, p in c.parameters],
    }


def _right_out(result):
    conditions = [_condition_out(c) for c in result.conditions] + [
        {
            "id": key,
            "met": None,
            "text": str(text),
            "explanation": str(text),
            "informative": False,
            "value": None,
            "threshold": None,
            "unit": "",
            "values": [],
            "parameters": [],
        }
        for key, text in result.unknown
    ]
    return {
        "id": result.id,
        "title": str(result.right.title),
        "status": result.status,
        "amount_monthly": _plain(result.amount_monthly),
        "yearly_ceiling": _plain(result.yearly_ceiling),
        "amount_yearly": _plain(result.amount_yearly),
        "amounts": [
            {"variable": variable, "label": str(label), "value": _plain(value), "kind": kind}
            for (variable, _l, _k), (label, value, kind) in zip(
                getattr(result.right, "amounts", ()), result.amounts, strict=False
            )
        ],
        "automatic": result.automatic,
        "conditions": conditions,
        "references": result.references,
        "unconfirmed_values": result.unconfirmed,
        "stale_values": result.stale,
        "last_checked": result.last_checked,
        "in_region": result.in_region,
        "applies_to_everyone": result.everyone,
        "next_steps": [
            {"text": str(s.text), "where": str(s.where), "topic": s.topic}
            for s in result.next_steps
        ],
    }


class ErrorOut(Schema):
    detail: Any = Field(description="What is wrong: a message, or the fields that do not fit")


@router.post(
    "/check",
    response={200: CheckOut, 400: ErrorOut, 413: ErrorOut, 422: ErrorOut},
    summary="Check which rights a household probably has",
)
def check(request, answers: CheckAnswers):
    """The answer is built as plain data and written as JSON at once: ``CheckOut`` documents
    it (OpenAPI) and a test validates real answers against it, but validating every answer
    again here would cost a third of the request (ADR 0008)."""
    result = evaluate(answers)
    with translation.override(_language(request)):
        payload = _check_out(result)
    return HttpResponse(
        json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, allow_nan=False),
        content_type="application/json",
    )


def _check_out(result):
    return {
        "date": result.date,
        "rights": [_right_out(r) for r in result.rights],
        "pointers": [
            {"id": p.id, "title": str(p.title), "text": str(p.text)} for p in result.pointers
        ],
    }


@router.get("", response=list[RightInfo], summary="The rights the check knows")
def rights(request):
    with translation.override(_language(request)):
        return _rights_out()


def _rights_out():
    return [
        {
            "id": right.id,
            "title": str(right.title),
            "description": str(right.what),
            # None: automatic for some households only (the check says which)
            "automatic": right.automatic if isinstance(right.automatic, bool) else None,
            "regions": list(right.regions),
            "how_to_claim": str(right.how),
            "what_to_bring": str(right.bring),
            "where": str(right.where),
        }
        for right in RIGHTS
    ]
