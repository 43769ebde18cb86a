"""School holidays of the Flemish and the French Community, computed by rule, checked against
calendars the schools published (issue 16). Sources: stek/core/school_holidays.py and
docs/school-holidays.md."""

from datetime import date
from types import SimpleNamespace

import pytest

from stek.core.school_holidays import (
    FLEMISH,
    FRENCH,
    GERMAN,
    communities_for_postcode,
    flemish_school_holidays,
    french_school_holidays,
    school_holidays,
    school_holidays_between,
    stek_communities,
)

D = date

# (school year, [(first, last)] of herfst, kerst, krokus, paas, zomer), as published.
FLEMISH_PUBLISHED = {
    # ptsmechelen.be
    2022: [(D(2022, 10, 31), D(2022, 11, 6)), (D(2022, 12, 26), D(2023, 1, 8)),
           (D(2023, 2, 20), D(2023, 2, 26)), (D(2023, 4, 3), D(2023, 4, 16)),
           (D(2023, 7, 1), D(2023, 8, 31))],
    # ptsmechelen.be
    2023: [(D(2023, 10, 30), D(2023, 11, 5)), (D(2023, 12, 25), D(2024, 1, 7)),
           (D(2024, 2, 12), D(2024, 2, 18)), (D(2024, 4, 1), D(2024, 4, 14)),
           (D(2024, 7, 1), D(2024, 8, 31))],
    # kunstacademieturnhout.turnhout.be: Easter after 15 April, Easter Monday one day more
    2024: [(D(2024, 10, 28), D(2024, 11, 3)), (D(2024, 12, 23), D(2025, 1, 5)),
           (D(2025, 3, 3), D(2025, 3, 9)), (D(2025, 4, 7), D(2025, 4, 21)),
           (D(2025, 7, 1), D(2025, 8, 31))],
    # staproeselare.be, akademiemeise.be
    2025: [(D(2025, 10, 27), D(2025, 11, 2)), (D(2025, 12, 22), D(2026, 1, 4)),
           (D(2026, 2, 16), D(2026, 2, 22)), (D(2026, 4, 6), D(2026, 4, 19)),
           (D(2026, 7, 1), D(2026, 8, 31))],
}  # fmt: skip

# herfst (Toussaint), kerst (hiver), krokus (détente), lente (printemps), zomer (été)
FRENCH_PUBLISHED = {
    # lavenir.net 2023-03-04 and 2022-07-27; summer from Saturday 8 July to the rentrée 28 August
    2022: [(D(2022, 10, 24), D(2022, 11, 6)), (D(2022, 12, 26), D(2023, 1, 8)),
           (D(2023, 2, 20), D(2023, 3, 5)), (D(2023, 5, 1), D(2023, 5, 14)),
           (D(2023, 7, 8), D(2023, 8, 27))],
    # ecolescommunales.aubange.be, ligue-enseignement.be
    2023: [(D(2023, 10, 23), D(2023, 11, 5)), (D(2023, 12, 25), D(2024, 1, 7)),
           (D(2024, 2, 26), D(2024, 3, 10)), (D(2024, 4, 29), D(2024, 5, 12)),
           (D(2024, 7, 6), D(2024, 8, 25))],
    # ligue-enseignement.be, holidayline.be
    2024: [(D(2024, 10, 21), D(2024, 11, 3)), (D(2024, 12, 23), D(2025, 1, 5)),
           (D(2025, 2, 24), D(2025, 3, 9)), (D(2025, 4, 28), D(2025, 5, 11)),
           (D(2025, 7, 5), D(2025, 8, 24))],
    # academieamay.com, ecole-libre-de-nassogne.com: carnaval after six weeks, spring after eight
    2025: [(D(2025, 10, 20), D(2025, 11, 2)), (D(2025, 12, 22), D(2026, 1, 4)),
           (D(2026, 2, 16), D(2026, 3, 1)), (D(2026, 4, 27), D(2026, 5, 10)),
           (D(2026, 7, 4), D(2026, 8, 30))],
}  # fmt: skip


@pytest.mark.parametrize("year", sorted(FLEMISH_PUBLISHED))
def test_the_flemish_rules_give_the_published_school_years(year):
    got = [(h.first, h.last) for h in flemish_school_holidays(year)]
    assert got == FLEMISH_PUBLISHED[year]


@pytest.mark.parametrize("year", sorted(FRENCH_PUBLISHED))
def test_the_french_rules_give_the_published_school_years(year):
    got = [(h.first, h.last) for h in french_school_holidays(year)]
    assert got == FRENCH_PUBLISHED[year]


def test_the_flemish_herfstvakantie_starts_on_2_november_when_1_november_is_a_sunday():
    herfst = flemish_school_holidays(2026)[0]  # 1 November 2026 is a Sunday
    assert (herfst.first, herfst.last) == (D(2026, 11, 2), D(2026, 11, 8))
    # the French congé d'automne keeps the Flemish week as its second one
    automne = french_school_holidays(2026)[0]
    assert (automne.first, automne.last) == (D(2026, 10, 26), D(2026, 11, 8))


def test_the_flemish_paasvakantie_follows_easter_when_easter_is_in_march():
    paas = flemish_school_holidays(2007)[3]  # Easter 2008: 23 March
    assert (paas.first, paas.last) == (D(2008, 3, 24), D(2008, 4, 6))


def test_the_french_rules_start_with_the_reform():
    assert school_holidays(FRENCH, 2021) == []
    assert school_holidays(GERMAN, 2025) == []  # no rule: no warning rather than a wrong one
    with pytest.raises(ValueError):
        french_school_holidays(2021)


def test_holidays_between_two_days_span_school_years_and_communities():
    found = school_holidays_between((FLEMISH, FRENCH), D(2026, 2, 1), D(2026, 3, 1))
    assert [(h.community, str(h.name), h.first) for h in found] == [
        (FLEMISH, "krokusvakantie", D(2026, 2, 16)),
        (FRENCH, "krokusvakantie", D(2026, 2, 16)),
    ]
    summer = school_holidays_between((FLEMISH,), D(2026, 8, 30), D(2026, 9, 5))
    assert [(str(h.name), h.last) for h in summer] == [("zomervakantie", D(2026, 8, 31))]
    assert D(2026, 8, 31) in summer[0] and D(2026, 9, 1) not in summer[0]


@pytest.mark.parametrize(
    ("postcode", "expected"),
    [
        ("1000", (FLEMISH, FRENCH)),
        ("1299", (FLEMISH, FRENCH)),
        ("1300", (FRENCH,)),
        ("1500", (FLEMISH,)),
        ("3999", (FLEMISH,)),
        ("4000", (FRENCH,)),
        ("4700", (GERMAN,)),
        ("4800", (FRENCH,)),
        ("7999", (FRENCH,)),
        ("8000", (FLEMISH,)),
        ("9000", (FLEMISH,)),
        (" 9000 ", (FLEMISH,)),
        ("", ()),
        ("900", ()),
        ("0999", ()),
        ("abcd", ()),
        ("²⁰⁰⁰", ()),  # superscript digits: str.isdigit() says yes, int() no
        (None, ()),
    ],
)
def test_the_community_follows_the_postcode(postcode, expected):
    assert communities_for_postcode(postcode) == expected


def test_a_stek_without_postcode_falls_back_on_its_first_language():
    assert stek_communities(SimpleNamespace(postal_code="", first_language="fr")) == (FRENCH,)
    assert stek_communities(SimpleNamespace(postal_code="", first_language="nl")) == (FLEMISH,)
    assert stek_communities(SimpleNamespace(postal_code="", first_language="en")) == ()
    brussels = SimpleNamespace(postal_code="1080", first_language="fr")
    assert stek_communities(brussels) == (FLEMISH, FRENCH)
