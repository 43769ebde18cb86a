"""The audit log has a filter (a word, the kind of action, a period) that the pages keep, and
says what an entry was about in the reader's language, with labels, not codes (issue 16)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from stek.core import audit
from stek.core.enums import AuditAction
from stek.core.models import AuditEvent


def _url(world, **query):
    from urllib.parse import urlencode

    base = reverse("core:network_audit_log", kwargs={"slug": world.network.slug})
    return base + ("?" + urlencode(query) if query else "")


def test_an_entry_reads_with_labels_not_codes(world, client_for):
    admin = world.user("network_admin")
    audit.record(admin, AuditAction.CREATED, "lid ann@example.org (volunteer)", stek=world.stek_a)
    audit.record(
        admin, AuditAction.CHANGED, "dossier Huurpremie", stek=world.stek_a,
        detail="actie council_testimony",
    )  # fmt: skip
    audit.record(
        admin,
        AuditAction.CHANGED,
        "dossier Huurpremie",
        stek=world.stek_a,
        detail="uitkomst partly",
    )
    html = client_for("network_admin").get(_url(world)).content.decode()
    assert "lid: ann@example.org (Vrijwilliger)" in html and "(volunteer)" not in html
    assert "actie Getuigenis op een raad" in html and "council_testimony" not in html
    assert "uitkomst Deels bereikt" in html and "partly" not in html


def test_the_labels_follow_the_readers_language(monkeypatch):
    # a stand-in catalogue: the integrator fills the real one (no compiled .mo in a worktree)
    from stek.core.enums import MembershipRole

    english = {"lid": "member", "Vrijwilliger": "Volunteer"}
    event = AuditEvent(target="lid ann@example.org (volunteer)", detail="")
    monkeypatch.setitem(audit.SUBJECTS, "lid", english["lid"])
    monkeypatch.setitem(audit._codes, MembershipRole.VOLUNTEER.value, english["Vrijwilliger"])
    with translation.override("en"):
        assert audit.describe(event) == "member: ann@example.org (Volunteer)"


def test_an_old_or_unknown_entry_stays_readable():
    assert audit.describe(AuditEvent(target="iets anders", detail="vrij")) == "iets anders · vrij"
    event = AuditEvent(target="sessie Kookatelier 2026-12-04 hersteld")
    assert audit.describe(event) == "sessie: Kookatelier 2026-12-04 (hersteld)"
    assert audit.describe(AuditEvent(target="12 verwijzingen opgeruimd")) == (
        "12 verwijzingen opgeruimd"
    )


def test_the_filter_finds_by_word_action_and_period_and_the_pages_keep_it(world, client_for):
    admin = world.user("network_admin")
    for i in range(55):
        audit.record(admin, AuditAction.EXPORTED, f"dossier Huurpremie {i}", stek=world.stek_a)
    audit.record(admin, AuditAction.CREATED, "activiteit Kookatelier", stek=world.stek_a)
    old = audit.record(admin, AuditAction.CREATED, "activiteit Breicafé", stek=world.stek_a)
    AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    client = client_for("network_admin")

    html = client.get(_url(world, q="kookatelier")).content.decode()
    assert "Kookatelier" in html and "Huurpremie" not in html and "Breicafé" not in html

    html = client.get(_url(world, actie="created")).content.decode()
    assert "Kookatelier" in html and "Breicafé" in html and "Huurpremie" not in html

    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    html = client.get(_url(world, actie="created", van=since)).content.decode()
    assert "Kookatelier" in html and "Breicafé" not in html

    html = client.get(_url(world, actie="exported")).content.decode()
    assert "Pagina 1 van 2" in html
    assert "?actie=exported&amp;pagina=2" in html  # the next page keeps the filter
    second = client.get(_url(world, actie="exported", pagina=2)).content.decode()
    assert "Pagina 2 van 2" in second and "Kookatelier" not in second

    html = client.get(_url(world, q="niets-zoals-dit")).content.decode()
    assert "Niets gevonden met deze filter." in html


# The rota and participation wrote entries that read as stored, in Dutch in every language
# ("idee #5 aanvaard", "bezoekersraad #1 dicht", "ingetrokken"): each now goes through a msgid.
@pytest.mark.parametrize(
    ("target", "detail", "reads"),
    [
        ("idee #5 aanvaard", "", "idee #5 aanvaard"),
        ("idee #8 niet aanvaard", "", "idee #8 niet aanvaard"),
        ("idee #9 bij #1", "", "idee #9 samengevoegd met #1"),
        ("bezoekersraad #1", "", "bezoekersraad #1"),
        ("bezoekersraad #1 dicht", "", "bezoekersraad #1: stemming dicht"),
        ("bezoekersraad #1 keuze", "", "bezoekersraad #1: keuze toegevoegd"),
        ("bezoekersraad #1 8 papieren stemmen", "", "bezoekersraad #1: 8 papieren stemmen"),
        ("aanmeldlink lid ann@example.org", "ingetrokken",
         "aanmeldlink van: ann@example.org · ingetrokken"),
        ("beurt Onthaal · Soepmoment", "niet gekomen: ja",
         "beurt: Onthaal · Soepmoment · niet gekomen"),
        ("vergoeding lid ann@example.org", "flat 10.00 op 2026-12-01",
         "vergoeding van: ann@example.org · Forfaitaire kostenvergoeding: € 10.00 op 2026-12-01"),
    ],
)  # fmt: skip
def test_rota_and_participation_entries_read_through_the_catalogue(target, detail, reads):
    assert audit.describe(AuditEvent(target=target, detail=detail)) == reads


def test_a_participation_entry_follows_the_readers_language(monkeypatch):
    # a stand-in catalogue, as above: the phrase is a msgid, not the stored Dutch
    monkeypatch.setitem(audit.IDEAS, "aanvaard", "idea #%(n)s accepted")
    monkeypatch.setitem(audit.COUNCILS, "dicht", "visitors' council #%(n)s: voting closed")
    monkeypatch.setitem(audit.WHOLE_DETAILS, "ingetrokken", "revoked")
    with translation.override("en"):
        assert audit.describe(AuditEvent(target="idee #5 aanvaard")) == "idea #5 accepted"
        assert audit.describe(AuditEvent(target="bezoekersraad #1 dicht")) == (
            "visitors' council #1: voting closed"
        )
        event = AuditEvent(target="agenda-link lid ann@example.org", detail="ingetrokken")
        assert audit.describe(event).endswith(" · revoked")


def test_what_the_services_write_is_what_the_log_reads(world):
    """The real services' entries, not copies of their wording: none reads as it was stored."""
    from stek.rota import services as rota
    from tests.factories.rota import ShiftNeedFactory
    from tests.rota.test_shifts import next_week

    need = ShiftNeedFactory(stek=world.stek_a)
    member = world.memberships["volunteer_a"]
    take = rota.take(membership=member, need=need, day=next_week(need))
    rota.set_no_show(actor=world.user("coordinator_a"), take=take, no_show=True)
    rota.renew_feed(membership=member)
    rota.revoke_feed(membership=member)
    events = AuditEvent.objects.filter(stek=world.stek_a).exclude(target__startswith="lid ")
    assert events.count() >= 3
    for event in events:
        assert audit.describe(event) != " · ".join(p for p in (event.target, event.detail) if p)
