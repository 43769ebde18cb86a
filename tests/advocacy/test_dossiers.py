"""A dossier from signal to outcome: evidence that follows new signals, co-signing across
STEKs, steps with dates and owners, addressees and follow-ups on the home page, testimonies,
and a signal note and evidence tables a policymaker can read."""

import csv
import io
import zipfile
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from stek.advocacy import stats
from stek.advocacy.models import Dossier, StepEntry
from stek.core.models import AuditEvent
from tests.factories.advocacy import DossierFactory, SignalFactory
from tests.factories.socialmap import TopicFactory


def url(name, dossier, slug="alfa", **extra):
    return reverse(f"advocacy:{name}", kwargs={"slug": slug, "pk": dossier.pk, **extra})


def test_a_worker_builds_a_dossier_from_the_signals(client_for, world):
    SignalFactory.create_batch(
        7, stek=world.stek_a, topic__code="vlaamse_huurpremie", barriers=["begrijpbaarheid"]
    )
    worker = client_for("worker_a")
    form = worker.get(
        reverse("advocacy:dossier_create", args=["alfa"]) + "?onderwerp=vlaamse_huurpremie"
    )
    assert "checked" in form.content.decode()  # the topic is ticked
    response = worker.post(
        reverse("advocacy:dossier_create", args=["alfa"]),
        {
            "title": "Huurpremie: formulier onbegrijpelijk",
            "problem": "Mensen begrijpen het formulier niet.",
            "topics": [TopicFactory(code="vlaamse_huurpremie").pk],
            "evidence_from": "2020-01-01",
        },
    )
    dossier = Dossier.objects.get()
    assert response["Location"] == url("dossier_detail", dossier)
    html = worker.get(response["Location"]).content.decode()
    assert "7 signalen" in html and "Opgemerkt" in html
    assert dossier.step_entries.get().step == "opgemerkt"


def test_a_dossier_needs_a_topic_or_domain_and_no_names(client_for, world):
    worker = client_for("worker_a")
    response = worker.post(
        reverse("advocacy:dossier_create", args=["alfa"]),
        {"title": "Probleem van Jan Peeters", "problem": "x", "evidence_from": "2020-01-01"},
    )
    html = response.content.decode()
    assert "minstens één onderwerp" in html and "naam van een persoon" in html
    assert not Dossier.objects.exists()


def test_the_evidence_follows_new_signals_and_suppresses_small_counts(world, settings):
    settings.STEK_SUPPRESSION_THRESHOLD = 5
    dossier = DossierFactory(lead_stek=world.stek_a)
    SignalFactory.create_batch(3, stek=world.stek_a, topic__code="vlaamse_huurpremie")
    first = stats.evidence(dossier)
    assert first.total is None and first.by_topic == [("Vlaamse huurpremie", None)]
    SignalFactory.create_batch(
        4, stek=world.stek_a, topic__code="vlaamse_huurpremie", barriers=["taal"]
    )
    second = stats.evidence(dossier)
    assert second.total == 7 and second.by_topic == [("Vlaamse huurpremie", 7)]
    assert second.by_barrier == [("Taal", None)]  # 4 signals: under the threshold


def test_the_evidence_counts_the_network_and_co_signing_brings_a_steks_name_and_quotes(
    client_for, world
):
    """The figures are the network's (a figure over the signing STEKs alone would let two
    dossiers with other co-signers differ by one STEK's counts); co-signing adds the STEK to
    those who bring the dossier, and its consented quotes."""
    dossier = DossierFactory(lead_stek=world.stek_a)
    SignalFactory.create_batch(5, stek=world.stek_a, topic__code="vlaamse_huurpremie")
    SignalFactory.create_batch(
        6,
        stek=world.stek_b,
        topic__code="vlaamse_huurpremie",
        quote="Het formulier is te moeilijk",
        quote_consent=True,
    )
    before = stats.evidence(dossier)
    assert (before.total, before.steks, before.signing) == (11, 2, 1)
    assert before.quotes == []  # STEK Beta does not bring the dossier (yet)
    other = client_for("worker_b")
    assert other.get(url("dossier_detail", dossier, slug="beta")).status_code == 404
    lead = client_for("worker_a")
    lead.post(url("dossier_invite", dossier), {"steks": [world.stek_b.pk]})
    other = client_for("worker_b")
    listing = other.get(reverse("advocacy:dossier_list", args=["beta"])).content.decode()
    assert dossier.title in listing and "uitnodiging" in listing
    # Invited, not yet signed: it reads the dossier to answer, nothing more.
    assert other.get(url("dossier_edit", dossier, slug="beta")).status_code == 404
    other.post(url("dossier_answer", dossier, slug="beta"), {"sign": "1"})
    assert other.get(url("dossier_edit", dossier, slug="beta")).status_code == 403
    after = stats.evidence(dossier)
    assert (after.total, after.by_topic, after.signing) == (11, before.by_topic, 2)
    assert after.quotes == ["Het formulier is te moeilijk"]
    html = other.get(url("dossier_detail", dossier, slug="beta")).content.decode()
    assert "11 signalen" in html and "2 STEKs brengen dit dossier" in html
    assert "Mee ondertekend" in html


def test_a_co_signer_adds_a_testimony_but_not_one_with_personal_data(client_for, world):
    dossier = DossierFactory(lead_stek=world.stek_a, co_signers=[world.stek_b])
    other = client_for("worker_b")
    refused = other.post(
        url("testimony_add", dossier, slug="beta"),
        {"text": "Mevrouw Maria Janssens woont in de Stationsstraat 12.", "consent": "on"},
    )
    assert refused.status_code == 400 and "error-summary" in refused.content.decode()
    other.post(
        url("testimony_add", dossier, slug="beta"),
        {"text": "Ik heb het formulier drie keer opnieuw moeten invullen.", "consent": "on"},
    )
    assert dossier.testimonies.get().stek == world.stek_b


def test_testimony_consent_is_the_services_rule_shown_on_the_consent_box(client_for, world):
    """Checked once, in add_testimony (a constraint backs it up): the form leaves the box
    optional and shows the service's refusal on it."""
    from stek.advocacy import services
    from stek.advocacy.forms import TestimonyForm
    from stek.core.services import ServiceError

    dossier = DossierFactory(lead_stek=world.stek_a)
    assert not TestimonyForm.base_fields["consent"].required
    with pytest.raises(ServiceError) as refused:
        services.add_testimony(
            actor=world.user("worker_a"), dossier=dossier, stek=world.stek_a,
            text="Te moeilijk.", consent=False,
        )  # fmt: skip
    assert refused.value.field == "consent"
    response = client_for("worker_a").post(
        url("testimony_add", dossier), {"text": "Ik heb het formulier drie keer ingevuld."}
    )
    assert response.status_code == 400 and not dossier.testimonies.exists()
    assert response.context["testimony_form"].errors["consent"] == [
        "Een getuigenis kan alleen met toestemming van de bezoeker."
    ]


def test_steps_have_dates_and_owners(client_for, world):
    dossier = DossierFactory(lead_stek=world.stek_a)
    worker = client_for("worker_a")
    owner = world.user("coordinator_a")
    worker.post(
        url("dossier_step", dossier),
        {"step": "gebundeld", "reached_on": "2026-10-01", "owner": owner.pk, "note": "Met CAW"},
    )
    dossier.refresh_from_db()
    assert dossier.step == "gebundeld"
    entry = StepEntry.objects.get(dossier=dossier, step="gebundeld")
    assert (entry.reached_on, entry.owner) == (date(2026, 10, 1), owner)
    worker.post(url("dossier_step", dossier), {"step": "verzameld", "reached_on": "2026-09-01"})
    dossier.refresh_from_db()
    assert dossier.step == "gebundeld"  # filling in an earlier step does not go back


def test_a_follow_up_whose_date_passed_shows_on_the_home_page(client_for, world):
    dossier = DossierFactory(lead_stek=world.stek_a)
    worker = client_for("worker_a")
    yesterday = timezone.localdate() - timedelta(days=1)
    worker.post(
        url("addressee_add", dossier),
        {
            "level": "local", "body": "Gemeenteraad, commissie Wonen",
            "presented_on": "2026-09-01", "follow_up_on": yesterday.isoformat(),
        },
    )  # fmt: skip
    home = worker.get(reverse("core:stek_home", args=["alfa"])).content.decode()
    assert "Op te volgen" in home and "commissie Wonen" in home
    addressee = dossier.addressees.get()
    worker.post(url("addressee_done", dossier, addressee_pk=addressee.pk))
    home = worker.get(reverse("core:stek_home", args=["alfa"])).content.decode()
    assert "Op te volgen" not in home
    volunteer_home = client_for("volunteer_a").get(reverse("core:stek_home", args=["alfa"]))
    assert "Op te volgen" not in volunteer_home.content.decode()


def test_the_outcome_and_actions_are_recorded(client_for, world):
    dossier = DossierFactory(lead_stek=world.stek_a)
    worker = client_for("worker_a")
    worker.post(
        url("action_add", dossier),
        {
            "kind": "group_meeting",
            "date": "2026-10-10",
            "description": "Groepsgesprek",
            "visitors": "12",
        },
    )
    worker.post(
        url("dossier_outcome", dossier),
        {"outcome": "partly", "outcome_note": "Eenvoudiger formulier"},
    )
    dossier.refresh_from_db()
    assert dossier.outcome == "partly" and dossier.actions.get().visitors == 12


def test_exports_a_note_and_evidence_tables(client_for, world, settings):
    settings.STEK_SUPPRESSION_THRESHOLD = 5
    dossier = DossierFactory(lead_stek=world.stek_a, ask="Een formulier in duidelijke taal.")
    SignalFactory.create_batch(
        6, stek=world.stek_a, topic__code="vlaamse_huurpremie", barriers=["begrijpbaarheid"]
    )
    SignalFactory.create_batch(
        2, stek=world.stek_a, topic__code="vlaamse_huurpremie", barriers=["taal"], weeks_ago=20
    )
    worker = client_for("worker_a")
    rows = list(csv.reader(io.StringIO(worker.get(url("dossier_csv", dossier)).content.decode())))
    assert rows[0] == ["Tabel", "Wat", "Aantal signalen"]
    # the topic's total adds a quarter of 2 signals (hidden): it is hidden too
    assert ["Onderwerp", "Vlaamse huurpremie", "verborgen"] in rows
    assert ["Drempel", "Begrijpbaarheid: uitleg of formulier te moeilijk", "6"] in rows
    numbers = [int(r[2]) for r in rows[1:] if r[2].isdigit()]
    assert numbers and all(n >= 5 for n in numbers)
    assert any(r[2] == "verborgen" for r in rows)  # small cells are said, not shown
    ods = worker.get(url("dossier_ods", dossier))
    content = zipfile.ZipFile(io.BytesIO(ods.content)).read("content.xml").decode()
    assert "Vlaamse huurpremie" in content and "verborgen" in content
    pdf = worker.get(url("dossier_note", dossier))
    assert pdf.status_code in (200, 503)
    if pdf.status_code == 200:
        assert pdf.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="exported").count() >= 2


def test_the_note_reads_like_a_note(world):
    from django.template.loader import render_to_string

    dossier = DossierFactory(lead_stek=world.stek_a, ask="Een formulier in duidelijke taal.")
    SignalFactory.create_batch(9, stek=world.stek_a, topic__code="vlaamse_huurpremie")
    html = render_to_string(
        "advocacy/note_pdf.html",
        {
            "dossier": dossier,
            "evidence": stats.evidence(dossier),
            "testimonies": [],
            "signing": [world.stek_a],
            "actions": [],
            "printed": timezone.localdate(),
        },
    )
    for part in ("Het probleem", "Wat we zien", "9 signalen", "Wat we vragen", "STEK Alfa"):
        assert part in html


@pytest.mark.parametrize("persona", ["volunteer_a"])
def test_a_volunteer_registers_but_does_not_carry_dossiers(client_for, world, persona):
    client = client_for(persona)
    assert client.get(reverse("advocacy:signal_new", args=["alfa"])).status_code == 200
    assert client.get(reverse("advocacy:dossier_list", args=["alfa"])).status_code == 403


def test_without_a_pdf_engine_the_note_says_so_and_leads_back(client_for, world, monkeypatch):
    from stek.core.pdf import PdfUnavailable

    def unavailable(template, context):
        raise PdfUnavailable("no WeasyPrint here")

    monkeypatch.setattr("stek.core.pdf.render_pdf", unavailable)
    dossier = DossierFactory(lead_stek=world.stek_a)
    page = client_for("worker_a").get(url("dossier_note", dossier))
    assert page.status_code == 503
    html = page.content.decode()
    assert "De PDF kan nu niet gemaakt worden" in html and "affiche" not in html
    assert f'href="{url("dossier_detail", dossier)}"' in html
