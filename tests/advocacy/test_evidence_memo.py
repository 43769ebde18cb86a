"""A dossier's evidence is remembered per process (``stats._EVIDENCE``) under everything it is
read from: read again it counts nothing; a changed criterion, a new co-signer or a new signal
gives fresh evidence."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stek.advocacy import stats
from stek.advocacy.enums import Signing
from stek.advocacy.models import DossierStek
from tests.factories.advocacy import DossierFactory, SignalFactory

pytestmark = pytest.mark.django_db


def test_the_evidence_is_read_again_until_what_it_counts_changes(world, settings):
    settings.STEK_SUPPRESSION_THRESHOLD = 5
    dossier = DossierFactory(lead_stek=world.stek_a)
    SignalFactory.create_batch(
        6, stek=world.stek_a, topic__code="vlaamse_huurpremie", barriers=["taal"], quoted=True
    )
    first = stats.evidence(dossier)
    assert first.total == 6 and first.signing == 1 and first.quotes
    with CaptureQueriesContext(connection) as again:
        assert stats.evidence(dossier) is first
    assert not any("advocacy_signal" in q["sql"] for q in again.captured_queries)
    dossier.barriers = ["digitaal"]
    dossier.save()
    assert stats.evidence(dossier).by_barrier == []  # the criterion changed: counted afresh
    dossier.barriers = []
    dossier.save()
    DossierStek.objects.create(dossier=dossier, stek=world.stek_b, status=Signing.SIGNED)
    assert stats.evidence(dossier).signing == 2
    SignalFactory(stek=world.stek_a, topic__code="vlaamse_huurpremie")
    assert stats.evidence(dossier).total == 7
