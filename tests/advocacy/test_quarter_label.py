"""A quarter reads in the reader's language (2026-K4, 2026-Q4, 2026-T4), while its code, which
URLs and the publication parse back, stays 2026-K4 (issue 16)."""

from datetime import date

from django.template.loader import render_to_string
from django.utils import timezone, translation

from stek.advocacy import stats
from stek.core.privacy import boundary
from tests.factories.advocacy import DossierFactory, SignalFactory

MSGID = "%(year)s-K%(quarter)s"
# what the integrator puts in the catalogues; a stand-in here (no compiled .mo in a worktree)
CATALOGUE = {"en": "%(year)s-Q%(quarter)s", "fr": "%(year)s-T%(quarter)s"}


def _fake_catalogue(monkeypatch):
    def gettext(message):
        if message == MSGID:
            return CATALOGUE.get(translation.get_language(), message)
        return translation.gettext(message)

    monkeypatch.setattr(boundary, "_", gettext)


def test_the_code_stays_and_parses_back_the_label_is_translated(monkeypatch):
    _fake_catalogue(monkeypatch)
    quarter = boundary.GridPeriod(2026, 4)
    for language, label in (("nl", "2026-K4"), ("en", "2026-Q4"), ("fr", "2026-T4")):
        with translation.override(language):
            assert quarter.code == "2026-K4" and quarter.label == label
    assert boundary.GridPeriod.parse(quarter.code) == quarter
    assert boundary.GridPeriod(2026, month=3).label == "2026-03"
    assert boundary.GridPeriod(2026).label == "2026"


def test_the_nl_label_is_the_msgid():
    with translation.override("nl"):
        assert boundary.GridPeriod(2026, 4).label == "2026-K4"


def test_the_evidence_shows_the_quarter_in_the_readers_language(monkeypatch, world, settings):
    settings.STEK_SUPPRESSION_THRESHOLD = 5
    _fake_catalogue(monkeypatch)
    dossier = DossierFactory(lead_stek=world.stek_a, evidence_from=date(2026, 1, 1))
    SignalFactory.create_batch(
        9, stek=world.stek_a, topic__code="vlaamse_huurpremie", weeks_ago=0, today=date(2026, 2, 11)
    )
    evidence = stats.evidence(dossier, today=date(2026, 6, 17))
    code, shown = "2026-K1", "2026-Q1"
    assert [(q.code, n) for q, n in evidence.by_quarter] == [(code, 9)]
    with translation.override("en"):
        html = render_to_string(
            "advocacy/note_pdf.html",
            {
                "dossier": dossier,
                "evidence": evidence,
                "testimonies": [],
                "signing": [world.stek_a],
                "actions": [],
                "printed": timezone.localdate(),
            },
        )
        partial = render_to_string("advocacy/partials/evidence.html", {"evidence": evidence})
        rows = [label for _t, label, _n in evidence.rows()]
    assert shown in html and code not in html
    assert shown in partial and code not in partial
    assert shown in rows
    with translation.override("nl"):
        assert code in [label for _t, label, _n in evidence.rows()]
