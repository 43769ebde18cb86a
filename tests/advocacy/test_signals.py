"""Registering a signal: three taps, the week and never a person, consented and scanned quotes,
undo, and registering straight from a referral or a rights-check result."""

import re

import pytest
from django.db import models
from django.urls import reverse

from stek.advocacy.models import Signal, SignalBarrier
from stek.core.dates import monday_of
from tests.factories.socialmap import TopicFactory


@pytest.fixture
def volunteer(client_for):
    return client_for("volunteer_a")


def new_url(**params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("advocacy:signal_new", args=["alfa"]) + (f"?{query}" if query else "")


def test_three_taps_register_a_signal_for_the_week(volunteer, world):
    first = volunteer.get(new_url()).content.decode()
    assert 'href="?soort=problem' in first  # tap 1: the kind
    second = volunteer.get(new_url(soort="problem")).content.decode()
    assert "domein=wonen" in second  # tap 2: the life domain
    third = volunteer.get(new_url(soort="problem", domein="wonen")).content.decode()
    premie = TopicFactory(code="vlaamse_huurpremie")
    assert f'name="topic" value="{premie.pk}"' in third  # tap 3: the topic saves
    response = volunteer.post(
        new_url(soort="problem", domein="wonen"),
        {"kind": "problem", "life_domain": "wonen", "source": "direct", "topic": premie.pk},
    )
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert (signal.stek, signal.kind, signal.topic, signal.life_domain) == (
        world.stek_a,
        "problem",
        premie,
        "wonen",
    )
    assert signal.week == monday_of(signal.week) and signal.week.weekday() == 0
    assert "Genoteerd" in volunteer.get(response["Location"]).content.decode()


def test_a_signal_stores_no_moment_and_no_person():
    fields = {f.name: f for f in Signal._meta.get_fields() if hasattr(f, "get_internal_type")}
    assert not [f for f in fields.values() if isinstance(f, models.DateTimeField)]
    related_to_users = [
        f for f in fields.values() if f.is_relation and f.related_model.__name__ == "User"
    ]
    assert related_to_users == []


def test_barriers_and_a_consented_quote_are_kept(volunteer, world):
    volunteer.post(
        new_url(soort="problem", domein="wonen"),
        {
            "kind": "problem", "life_domain": "wonen", "source": "direct",
            "topic": TopicFactory(code="vlaamse_huurpremie").pk,
            "barriers": ["begrijpbaarheid", "taal"],
            "quote": "Het formulier is te moeilijk, ook met hulp.", "quote_consent": "on",
        },
    )  # fmt: skip
    signal = Signal.objects.get()
    assert signal.quote.startswith("Het formulier") and signal.quote_consent
    assert set(SignalBarrier.objects.values_list("barrier", flat=True)) == {
        "begrijpbaarheid",
        "taal",
    }


@pytest.mark.parametrize(
    "quote, consent, message",
    [
        ("Bel Jan Peeters op 0470 12 34 56", "on", "telefoonnummer"),
        ("Het formulier is te moeilijk.", "", "toestemming"),
    ],
)
def test_a_quote_with_personal_data_or_without_consent_is_refused(
    volunteer, world, quote, consent, message
):
    response = volunteer.post(
        new_url(soort="problem", domein="wonen"),
        {
            "kind": "problem", "life_domain": "wonen", "source": "direct",
            "topic": TopicFactory(code="vlaamse_huurpremie").pk,
            "quote": quote, "quote_consent": consent,
        },
    )  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200 and "error-summary" in html and message in html
    assert quote.split()[0] in html  # what was typed stays on the form
    assert not Signal.objects.exists()


def test_a_signal_from_a_referral_presets_the_topic_and_the_source(volunteer, world):
    first = volunteer.get(new_url(onderwerp="vlaamse_huurpremie", bron="verwijzing"))
    link = re.search(r'href="(\?soort=problem[^"]*)"', first.content.decode()).group(1)
    assert "onderwerp=vlaamse_huurpremie" in link
    third = volunteer.get(new_url() + link.replace("&amp;", "&"))
    html = third.content.decode()
    assert "tap-preset" in html and 'name="source" value="referral"' in html
    premie = TopicFactory(code="vlaamse_huurpremie")
    volunteer.post(
        new_url(soort="problem", domein="wonen"),
        {"kind": "problem", "life_domain": "wonen", "source": "referral", "topic": premie.pk},
    )
    assert Signal.objects.get().source == "referral"


def test_links_to_register_a_signal_from_a_referral_and_a_rights_result(client_for, world):
    from tests.factories.referrals import ReferralFactory

    referral = ReferralFactory(world=world)
    worker = client_for("worker_a")
    detail = worker.get(reverse("referrals:detail", args=["alfa", referral.pk])).content.decode()
    assert f"signalen/nieuw/?onderwerp={referral.topic.code}&amp;bron=verwijzing" in detail


def test_undo_removes_the_last_signal_only_in_its_own_stek(volunteer, client_for, world):
    premie = TopicFactory(code="vlaamse_huurpremie")
    data = {"kind": "problem", "life_domain": "wonen", "source": "direct", "topic": premie.pk}
    volunteer.post(new_url(soort="problem", domein="wonen"), data)
    token = volunteer.session["signal_undo"]
    other = client_for("worker_b")
    other.post(reverse("advocacy:signal_undo", args=["beta"]), {"token": token})
    assert Signal.objects.count() == 1  # another STEK cannot undo it
    volunteer = client_for("volunteer_a")
    volunteer.post(reverse("advocacy:signal_undo", args=["alfa"]), {"token": token})
    assert Signal.objects.count() == 0


def test_a_topic_from_another_network_is_refused(volunteer, world):
    from stek.core.vocabulary import Topic
    from tests.factories import NetworkFactory

    foreign = Topic.objects.create(
        network=NetworkFactory(name="Ander", slug="ander"), code="x", name="X", life_domain="wonen"
    )
    response = volunteer.post(
        new_url(soort="problem", domein="wonen"),
        {"kind": "problem", "life_domain": "wonen", "source": "direct", "topic": foreign.pk},
    )
    assert response.status_code == 200 and not Signal.objects.exists()


def test_a_coordinator_adds_a_topic_for_the_network(client_for, world):
    coordinator = client_for("coordinator_a")
    url = reverse("advocacy:topics", args=["alfa"])
    coordinator.post(url, {"name": "Waterfactuur", "life_domain": "wonen"})
    added = topic_named("Waterfactuur")
    assert added.network == world.network and added.code == "waterfactuur"
    again = coordinator.post(url, {"name": "waterfactuur", "life_domain": "wonen"})
    assert "bestaat al" in again.content.decode()
    tap = coordinator.get(new_url(soort="need", domein="wonen")).content.decode()
    assert "Waterfactuur" in tap


def topic_named(name):
    from stek.core.vocabulary import Topic

    return Topic.objects.get(name=name)


def test_quote_consent_is_the_services_rule_shown_on_the_consent_field(volunteer, world):
    """Checked once, in register_signal (a constraint backs it up); the form shows the
    service's refusal on the consent box."""
    from stek.advocacy import services
    from stek.core.services import ServiceError

    with pytest.raises(ServiceError) as refused:
        services.register_signal(
            stek=world.stek_a, kind="problem", life_domain="wonen", quote="Te moeilijk."
        )
    assert refused.value.field == "quote_consent" and not Signal.objects.exists()
    response = volunteer.post(
        new_url(soort="problem", domein="wonen"),
        {"kind": "problem", "life_domain": "wonen", "source": "direct", "quote": "Te moeilijk."},
    )
    assert response.context["form"].errors["quote_consent"] == [
        "Vraag eerst de toestemming van de bezoeker."
    ]
    signal = services.register_signal(
        stek=world.stek_a, kind="problem", life_domain="wonen", quote="Te moeilijk.",
        quote_consent=True,
    )  # fmt: skip
    assert signal.quote_consent and signal.quote == "Te moeilijk."


def topic_order(html):
    return re.findall(r'name="topic" value="(\d*)"', html)


def test_the_topics_keep_their_order_after_an_error(volunteer, world):
    """Issue 16: the tapped topic moved to the front after an error (it became the preset)."""
    url = new_url(soort="problem", domein="wonen")
    TopicFactory(code="vlaamse_huurpremie")
    before = topic_order(volunteer.get(url).content.decode())
    last = before[-2]  # the last topic before "Ander onderwerp"
    assert len(before) > 2 and last
    response = volunteer.post(
        url,
        {"kind": "problem", "life_domain": "wonen", "source": "direct", "topic": last,
         "quote": "Te moeilijk.", "quote_consent": ""},
    )  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200 and "error-summary" in html
    assert topic_order(html) == before
    assert f'class="tap tap-chosen" type="submit" name="topic" value="{last}"' in html


def test_the_optional_part_opens_with_a_button_like_disclosure(volunteer, world):
    from pathlib import Path

    html = volunteer.get(new_url(soort="problem", domein="wonen")).content.decode()
    assert '<details class="signal-more disclosure">' in html
    css = (Path(__file__).parents[2] / "stek/core/static/core/stek.css").read_text()
    summary = re.search(r"\.disclosure > summary \{([^}]*)\}", css).group(1)
    assert "min-height: var(--target)" in summary and "border:" in summary
    assert ".disclosure > summary::before" in css  # the chevron
    assert ".disclosure > summary:focus-visible" in css
