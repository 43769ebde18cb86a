"""The rights check as JSON: ``POST /rights/check`` takes the questionnaire's answers and
answers per right a status, an amount, the conditions and their sources. Nothing is stored.

Texts follow ``?lang=`` or the request's Accept-Language (nl, fr or en; Dutch otherwise):
unlike the pages, an API client says which language it wants."""

from datetime import date

from django.utils import translation
from ninja import Router, Schema

from stek.rights.answers import CheckAnswers
from stek.rights.catalogue import RIGHTS
from stek.rights.check import evaluate

router = Router(tags=["Rechtencheck"])


class ConditionOut(Schema):
    id: str
    met: bool | None
    text: str


class RightOut(Schema):
    id: str
    title: str
    status: str
    amount_monthly: float | None
    yearly_ceiling: float | None = None
    automatic: bool
    conditions: list[ConditionOut]
    references: list[str]
    unconfirmed_values: bool


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


def _right_out(result):
    conditions = [
        {"id": c.condition.id, "met": c.met, "text": str(c.condition.text)}
        for c in result.conditions
    ] + [{"id": key, "met": None, "text": str(text)} for key, text in result.unknown]
    return {
        "id": result.id,
        "title": str(result.right.title),
        "status": result.status,
        "amount_monthly": result.amount_monthly,
        "yearly_ceiling": result.yearly_ceiling,
        "automatic": result.automatic,
        "conditions": conditions,
        "references": result.references,
        "unconfirmed_values": result.unconfirmed,
    }


@router.post("/check", response=CheckOut, summary="Check which rights a household probably has")
def check(request, answers: CheckAnswers):
    result = evaluate(answers)
    with translation.override(_language(request)):
        return _check_out(result)


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
