"""Dossiers are slicings an analyst controls: which STEKs co-sign, which topics and domains, from
when. Each dossier's evidence is read from the network's one publication (sums of its figures,
shown only when every part is), so two dossiers, or a dossier and the network page, never
differ by a figure the publication hid — not even by one STEK's counts.

The attack below is written without the app's code: the true count of every STEK, topic and
month is a variable; the attacker knows every figure the network page and every dossier show,
what each one adds up (as the product says: the network's STEKs, the dossier's topics and
domains, its span) and that hidden small figures are small. No hidden figure and no STEK's
count is pinned down."""

import random
from datetime import date

import pytest

from stek.advocacy import publication, services, stats
from stek.core.privacy import boundary
from stek.core.vocabulary import Topic
from tests.core.privacy.lp_attack import intervals
from tests.factories import StekFactory
from tests.factories.advocacy import DossierFactory, SignalFactory

TODAY = date(2026, 6, 17)  # January to May 2026 are completed months
MONTHS = [date(2026, m, 1) for m in range(1, 6)]
CODES = ["vlaamse_huurpremie", "sociale_huurwoning", "leefloon"]  # wonen, wonen, inkomen
THRESHOLD = 5


def _world(world, seed):
    gamma = StekFactory(network=world.network, name="STEK Gamma", slug="gamma")
    steks = [world.stek_a, world.stek_b, gamma]
    rng = random.Random(seed)
    truth = {}
    for stek in steks:
        for code in CODES:
            for month in MONTHS:
                n = rng.choice([0, 0, 0, 1, 2, 3, 4, 6, 9])
                if n:
                    SignalFactory.create_batch(
                        n, stek=stek, topic__code=code, weeks_ago=0, today=month.replace(day=12)
                    )
                truth[(stek.pk, code, month)] = n
    return steks, truth


def _dossiers(world, steks):
    a, b, c = steks
    alone = DossierFactory(
        lead_stek=a, title="Huurpremie, een STEK", evidence_from=date(2026, 1, 1)
    )
    with_beta = DossierFactory(
        lead_stek=a, title="Huurpremie, twee STEKs", evidence_from=date(2026, 1, 1)
    )
    services.invite_steks(actor=None, dossier=with_beta, steks=[b])
    services.answer_invitation(actor=None, dossier=with_beta, stek=b, sign=True)
    two_topics = DossierFactory(
        lead_stek=b,
        title="Wonen (twee onderwerpen)",
        topics=("vlaamse_huurpremie", "sociale_huurwoning"),
        evidence_from=date(2026, 1, 1),
    )
    domain = DossierFactory(
        lead_stek=c,
        title="Wonen (domein)",
        topics=("sociale_huurwoning",),
        life_domains=["wonen"],
        evidence_from=date(2026, 1, 1),
    )
    later = DossierFactory(
        lead_stek=a,
        title="Inkomen en huur (vanaf april)",
        topics=("leefloon", "vlaamse_huurpremie"),
        evidence_from=date(2026, 4, 20),
    )
    return [alone, with_beta, two_topics, domain, later]


def _codes_of(dossier):
    """The topics a dossier counts, as the product describes it (its topics and domains)."""
    topics = {t.code for t in dossier.topics.all()}
    domains = set(dossier.life_domains or [])
    return sorted(c for c in CODES if c in topics or _domain(c) in domains)


def _domain(code):
    return Topic.objects.get(network=None, code=code).life_domain


def _span(dossier):
    first = boundary.quarter_of_month(dossier.evidence_from).months()[0]
    return [m for m in MONTHS if m >= first]


def _attack(world, seed):
    steks, truth = _world(world, seed)
    dossiers = _dossiers(world, steks)
    ids = {code: Topic.objects.get(network=None, code=code).pk for code in CODES}
    x = {key: ("x", *key) for key in truth}  # a STEK's true count: never published
    published = dict.fromkeys(x.values())
    values = {x[key]: n for key, n in truth.items()}
    relations = []

    def add(name, value, codes, months, true):
        parts = [x[(s.pk, c, m)] for s in steks for c in codes for m in months]
        assert value is None or value == true, (name, value, true)  # the figure says the truth
        published[name], values[name] = value, true
        relations.append((name, parts))

    pub = publication.year_publication(steks, 2026, TODAY)
    for period in boundary.grid_periods(MONTHS):
        months = [m for m in period.months() if m in MONTHS]
        for code in CODES:
            name = (publication.leaf(ids[code], _domain(code)), period.code)
            true = sum(truth[(s.pk, code, m)] for s in steks for m in months)
            add(name, pub.value("topics", name[0], period.code), [code], months, true)
    network_hidden = {n for n, v in published.items() if v is None and n[0] != "x"}
    labels = {str(Topic.objects.get(network=None, code=c)): c for c in CODES}
    for i, dossier in enumerate(dossiers):
        evidence = stats.evidence(dossier, today=TODAY)
        codes, span = _codes_of(dossier), _span(dossier)
        true_total = sum(truth[(s.pk, c, m)] for s in steks for c in codes for m in span)
        add((i, "total"), evidence.total, codes, span, true_total)
        for label, n in evidence.by_topic:
            code = labels[label]
            true = sum(truth[(s.pk, code, m)] for s in steks for m in span)
            add((i, "topic", code), n, [code], span, true)
        for quarter, n in evidence.by_quarter:
            code_q = quarter.code
            months = [m for m in quarter.months() if m in span]
            true = sum(truth[(s.pk, c, m)] for s in steks for c in codes for m in months)
            add((i, "quarter", code_q), n, codes, months, true)
    small = {n for n in network_hidden if 0 < values[n] < THRESHOLD}
    found = intervals(values, published, relations, small, THRESHOLD)
    pinned = {
        n: iv
        for n, iv in found.items()
        if iv[1] - iv[0] < 1 - 1e-6 and (n in network_hidden or (n[0] == "x" and values[n] > 0))
    }
    return dossiers, pinned


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_dossier_nor_two_of_them_pin_down_a_hidden_figure_or_a_steks_count(
    world, settings, seed
):
    settings.STEK_SUPPRESSION_THRESHOLD = THRESHOLD
    _dossiers_made, pinned = _attack(world, seed)
    assert not pinned, pinned


def test_co_signers_do_not_change_the_figures(world, settings):
    """A dossier co-signed by one more STEK shows the same figures: otherwise the difference
    would be that STEK's counts (here 2 signals, under the threshold)."""
    settings.STEK_SUPPRESSION_THRESHOLD = THRESHOLD
    SignalFactory.create_batch(
        9, stek=world.stek_a, topic__code="vlaamse_huurpremie", weeks_ago=0, today=date(2026, 3, 11)
    )
    SignalFactory.create_batch(
        2, stek=world.stek_b, topic__code="vlaamse_huurpremie", weeks_ago=0, today=date(2026, 3, 11)
    )
    alone = DossierFactory(lead_stek=world.stek_a, evidence_from=date(2026, 1, 1))
    with_beta = DossierFactory(
        lead_stek=world.stek_a,
        title="Huurpremie, met een tweede STEK",
        evidence_from=date(2026, 1, 1),
    )
    services.invite_steks(actor=None, dossier=with_beta, steks=[world.stek_b])
    services.answer_invitation(actor=None, dossier=with_beta, stek=world.stek_b, sign=True)
    one, two = stats.evidence(alone, today=TODAY), stats.evidence(with_beta, today=TODAY)
    assert (one.signing, two.signing) == (1, 2)
    assert (one.total, one.by_topic, one.by_quarter) == (two.total, two.by_topic, two.by_quarter)
    assert one.total == 11


def test_a_topic_group_and_one_of_its_topics_never_both_show(world, settings):
    """Two topics together minus one topic alone would give the other (here 2 signals): the
    network publication never shows both, so no pair of dossiers does."""
    settings.STEK_SUPPRESSION_THRESHOLD = THRESHOLD
    for day, n in ((date(2026, 2, 11), 12), (date(2026, 3, 11), 9), (date(2026, 4, 15), 7)):
        SignalFactory.create_batch(
            n, stek=world.stek_a, topic__code="vlaamse_huurpremie", weeks_ago=0, today=day
        )
    SignalFactory.create_batch(
        2, stek=world.stek_b, topic__code="sociale_huurwoning", weeks_ago=0, today=date(2026, 2, 11)
    )
    one = DossierFactory(lead_stek=world.stek_a, evidence_from=date(2026, 1, 1))
    both = DossierFactory(
        lead_stek=world.stek_a,
        title="Beide",
        topics=("vlaamse_huurpremie", "sociale_huurwoning"),
        evidence_from=date(2026, 1, 1),
    )
    one, both = stats.evidence(one, today=TODAY), stats.evidence(both, today=TODAY)
    assert dict(both.by_topic)["Sociale huurwoning en wachtlijst"] is None
    assert one.total is None or both.total is None, (one.total, both.total)
    assert one.total in (None, 28) and both.total in (None, 30)
    for (_q, a), (_q2, b) in zip(one.by_quarter, both.by_quarter, strict=True):
        assert a is None or b is None


def test_a_later_start_takes_whole_quarters_of_the_same_publication(world, settings):
    settings.STEK_SUPPRESSION_THRESHOLD = THRESHOLD
    SignalFactory.create_batch(
        7, stek=world.stek_a, topic__code="vlaamse_huurpremie", weeks_ago=0, today=date(2026, 2, 11)
    )
    SignalFactory.create_batch(
        8, stek=world.stek_a, topic__code="vlaamse_huurpremie", weeks_ago=0, today=date(2026, 4, 15)
    )
    early = DossierFactory(lead_stek=world.stek_a, evidence_from=date(2026, 1, 1))
    late = DossierFactory(lead_stek=world.stek_a, title="Later", evidence_from=date(2026, 5, 20))
    assert stats.evidence(early, today=TODAY).total == 15
    assert stats.evidence(late, today=TODAY).total == 8  # April and May: the quarter began
    assert stats.evidence(early, today=TODAY).by_quarter == [(boundary.GridPeriod(2026, 1), 7)]


def test_the_publication_is_the_one_the_network_page_shows(world, settings):
    settings.STEK_SUPPRESSION_THRESHOLD = THRESHOLD
    SignalFactory.create_batch(
        6, stek=world.stek_a, topic__code="vlaamse_huurpremie", weeks_ago=0, today=date(2026, 2, 11)
    )
    SignalFactory.create_batch(
        3, stek=world.stek_b, topic__code="vlaamse_huurpremie", weeks_ago=0, today=date(2026, 2, 11)
    )
    steks = [world.stek_a, world.stek_b]
    recurring = stats.recurring_topics(steks, boundary.GridPeriod(2026, 1), TODAY, min_steks=2)
    dossier = DossierFactory(lead_stek=world.stek_a, evidence_from=date(2026, 1, 1))
    assert recurring == [("Vlaamse huurpremie", 2, 9)]
    assert stats.evidence(dossier, today=TODAY).by_quarter == [(boundary.GridPeriod(2026, 1), 9)]


def _months(first, last):
    months, month = [], first
    while month <= last:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def test_a_span_is_covered_by_the_fewest_published_periods():
    cover = publication.cover
    assert cover(_months(date(2026, 1, 1), date(2026, 5, 1))) == [
        (2026, "2026-K1"),
        (2026, "2026-04"),
        (2026, "2026-05"),
    ]
    assert cover(_months(date(2026, 4, 1), date(2026, 5, 1))) == [
        (2026, "2026-04"),
        (2026, "2026-05"),
    ]
    assert cover(_months(date(2025, 1, 1), date(2026, 3, 1))) == [(2025, "2025"), (2026, "2026-K1")]
    assert cover(_months(date(2025, 4, 1), date(2026, 2, 1))) == [
        (2025, "2025-K2"),
        (2025, "2025-K3"),
        (2025, "2025-K4"),
        (2026, "2026-01"),
        (2026, "2026-02"),
    ]


def test_a_figure_that_should_exist_but_was_not_published_is_an_error_not_a_zero(world):
    SignalFactory.create_batch(
        3, stek=world.stek_a, topic__code="vlaamse_huurpremie", weeks_ago=0, today=date(2026, 2, 11)
    )
    pub = publication.year_publication([world.stek_a, world.stek_b], 2026, TODAY)
    key = next(iter(pub.leaves))
    assert pub.value("topics", publication.leaf(999999, "wonen"), "2026-K1") == 0  # no signals
    with pytest.raises(KeyError):
        pub.value("topics", key, "2026-K2")  # a running quarter is never published


def test_a_hidden_sum_says_the_part_anyone_can_add_up(world, settings):
    """A topic total hides a small quarter; the page says "at least" the shown part, which is
    the sum of shown published figures (no new figure) and never more than the truth."""
    settings.STEK_SUPPRESSION_THRESHOLD = THRESHOLD
    for day, n in ((date(2026, 1, 14), 9), (date(2026, 2, 11), 8), (date(2026, 3, 11), 7)):
        SignalFactory.create_batch(
            n, stek=world.stek_a, topic__code="vlaamse_huurpremie", weeks_ago=0, today=day
        )
    SignalFactory.create_batch(
        2, stek=world.stek_a, topic__code="vlaamse_huurpremie", weeks_ago=0,
        today=date(2026, 4, 15),
    )  # fmt: skip
    dossier = DossierFactory(lead_stek=world.stek_a, evidence_from=date(2026, 1, 1))
    evidence = stats.evidence(dossier, today=TODAY)
    assert evidence.total is None  # April's 2 is hidden, so is the sum
    pub = publication.year_publication([world.stek_a, world.stek_b], 2026, TODAY)
    key = next(iter(pub.leaves))
    shown = sum(v for c in ("2026-K1", "2026-04", "2026-05") if (v := pub.value("topics", key, c)))
    assert 0 < evidence.at_least["total"] == shown <= 26
    assert evidence.topic_rows == [("Vlaamse huurpremie", None, shown)]
