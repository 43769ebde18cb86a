"""An outcome only takes the reasons that fit it (issue 16)."""

import re

import pytest
from django.urls import reverse

from stek.core.services import ServiceError
from stek.referrals import services
from stek.referrals.enums import ClosedVia, Status
from stek.referrals.forms import ReferralOutcomeForm
from stek.referrals.links import token_for
from tests.factories.referrals import ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "outcome, reason",
    [("got_help", "cost"), ("no_capacity", "shame_fear"), ("unknown", "distance")],
)
def test_a_reason_that_does_not_fit_the_outcome_is_refused(world, outcome, reason):
    form = ReferralOutcomeForm({"status": "closed", "outcome": outcome, "reason": reason})
    assert not form.is_valid() and "reason" in form.errors
    with pytest.raises(ServiceError):
        services.record_outcome(
            referral=ReferralFactory(world=world),
            status="closed",
            outcome=outcome,
            reason=reason,
            via=ClosedVia.WORKER,
        )


def test_nog_bezig_is_no_way_to_close(world):
    form = ReferralOutcomeForm({"status": "closed", "outcome": "pending"})
    assert not form.is_valid()
    with pytest.raises(ServiceError):
        services.record_outcome(
            referral=ReferralFactory(world=world),
            status="closed",
            outcome="pending",
            via=ClosedVia.WORKER,
        )


def test_fitting_reasons_are_accepted(world):
    form = ReferralOutcomeForm(
        {"status": "closed", "outcome": "did_not_go", "reason": "shame_fear"}
    )
    assert form.is_valid(), form.errors
    referral = services.record_outcome(
        referral=ReferralFactory(world=world), via=ClosedVia.WORKER, **form.cleaned_data
    )
    assert (referral.outcome, referral.reason) == ("did_not_go", "shame_fear")


def test_the_service_sees_reasons_grouped_by_outcome_and_a_clear_error(world, client):
    referral = ReferralFactory(world=world)
    url = reverse("referrals:confirm", args=[token_for(referral)])
    page = client.get(url).content.decode()
    groups = dict(re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', page, re.S))
    assert "Geholpen" not in groups  # no reason fits "helped"
    assert "Te duur" not in groups["Geen plaats of wachtlijst"]
    assert "Wachtlijst" in groups["Geen plaats of wachtlijst"]
    assert "Nog bezig" not in page.split('name="outcome"')[1].split("</select>")[0]
    response = client.post(url, {"status": "closed", "outcome": "got_help", "reason": "cost"})
    text = response.content.decode()
    assert "Bij “Geholpen” hoort geen reden" in text
    referral.refresh_from_db()
    assert referral.status == Status.OPEN


def test_the_demo_history_has_no_contradictions(db):
    import io

    from django.core.management import call_command

    from stek.referrals.enums import REASONS_FOR, ReferralOutcome
    from stek.referrals.models import Referral

    call_command("seed_demo", stdout=io.StringIO())
    closed = Referral.objects.filter(status=Status.CLOSED)
    assert closed.exists()
    assert not closed.filter(outcome=ReferralOutcome.PENDING).exists()
    for outcome, reason in closed.exclude(reason="").values_list("outcome", "reason"):
        assert reason in REASONS_FOR[outcome], (outcome, reason)
    assert Referral.objects.filter(status=Status.ARRIVED).exists()


def test_a_refused_outcome_comes_back_with_what_was_chosen(world, client_for):
    """Nothing lost: the worker sees the reason beside the form, with the outcome, the reason and
    who told it still chosen, and nothing is saved."""
    referral = ReferralFactory(world=world)
    response = client_for("worker_a").post(
        reverse("referrals:record", args=[world.stek_a.slug, referral.pk]),
        {
            "status": "closed",
            "outcome": "no_capacity",
            "reason": "documents_missing",
            "via": "worker",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r'<option value="no_capacity" selected>', html)
    assert re.search(r'<option value="documents_missing" selected>', html)
    assert re.search(r'value="worker" checked', html) and not re.search(
        r'value="visitor" checked', html
    )
    assert "error-summary" in html
    referral.refresh_from_db()
    assert referral.status == Status.OPEN and not referral.reason
