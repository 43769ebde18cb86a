"""School holidays of the Belgian communities, computed by rule (no yearly data files).

A session in a school holiday is not wrong, but other people come (or stay away): children
are at home, volunteers with children are on holiday. The activity form warns, it never
refuses. Pure functions of dates, no database, no settings.

**Flemish Community** (schools in Flanders and the Dutch-language schools in Brussels). The
rules of the Besluit van de Vlaamse Regering over de organisatie van het schooljaar (basis-
onderwijs 17 April 1991, secundair onderwijs 31 August 2001, art. 7), unchanged since:

- herfstvakantie: one week from the Monday of the week with 1 November (from 2 November
  when 1 November is a Sunday);
- kerstvakantie: two weeks from the Monday of the week with 25 December (from the Monday
  after it when 25 December is a Saturday or a Sunday);
- krokusvakantie: one week from the seventh Monday before Easter;
- paasvakantie: two weeks from the first Monday of April; from the Monday after Easter when
  Easter is in March; from the second Monday before Easter when Easter is after 15 April
  (Easter Monday is then one day more);
- zomervakantie: 1 July to 31 August.

Sources: http://www.2747.com/2747/law/administration/schoolholidays/2001/vlaanderen7.html
(the text of art. 7), https://www.sint-donaas.be/vakantiedagen/ and
https://www.schoolbeitem.be/praktisch/verlofkalender (the principles); checked against the
published years 2022-23 and 2023-24 (https://www.ptsmechelen.be/over-onze-school/vakanties-en-
vrije-dagen.html), 2024-25 (https://kunstacademieturnhout.turnhout.be/nl/content/3697/
vakantiedagen.html) and 2025-26 (https://www.staproeselare.be/info/vakanties-en-vrije-dagen,
https://www.akademiemeise.be/product/1465/vakantiedagen).

**French Community** (Wallonia and the French-language schools in Brussels), since 2022-23:
the decree of 31 March 2022 on the annual school rhythm: the year starts on the last Monday
of August, seven weeks of school alternate with two weeks of holiday, and the Government may
make a period six or eight weeks long so that the holidays share weeks with the other
communities. The Government fixes each year's calendar within those rules; the rules below
reproduce every published calendar since the reform (2022-23 to 2025-26):

- rentrée: the last Monday of August (the summer holiday ends the day before);
- congé d'automne: two weeks, the second one the Flemish herfstvakantie;
- vacances d'hiver: the Flemish kerstvakantie;
- congé de détente: two weeks after seven weeks of school; six or eight when only that
  shares a week with the Flemish krokusvakantie;
- vacances de printemps: two weeks from the Monday of the week with 1 May (not tied to
  Easter);
- vacances d'été: from the Saturday after the first Friday of July.

Sources: https://ligue-enseignement.be/calendrier-des-conges-scolaire (2023-24, 2024-25),
https://www.academieamay.com/administratif/conges and https://www.ecole-libre-de-nassogne.com/
calendrier-et-evenements (2025-26), http://enfant-jesus-morlanwelz.be/renseignements-conges.html
and https://www.lavenir.net/actu/societe/2023/03/04/conges-scolaires-en-belgique-voici-quand-
tombent-les-prochaines-periodes-de-vacances-en-2023-2GGUQDVISFASLNLLKS2UOMABKE/ (2022-23,
2023-24), the 6-to-8-week
rule: https://bx1.be/categories/news/les-vacances-debutent-pour-la-premiere-fois-cet-automne-
les-eleves-ont-conge-deux-semaines/ and https://www.rtbf.be/article/rythmes-scolaires-a-quoi-
le-calendrier-2022-2023-va-t-il-ressembler-10956330. A year the Government has not yet
published is an estimate by the same rules.

**German-speaking Community**: not computed. It kept the old calendar (the Flemish rules)
but moves holidays year by year to share weeks with the French Community (Easter 2025: 21
April to 2 May, https://ostbelgiendirekt.be/feiertage-und-schulferien-2025-405233), which no
rule reproduces; its STEKs get no school-holiday warning (docs/school-holidays.md).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from .dates import easter, monday_of

FLEMISH = "vl"
FRENCH = "fr"
GERMAN = "de"

COMMUNITY_LABELS = {
    FLEMISH: _("Vlaamse scholen"),
    FRENCH: _("Franstalige scholen"),
    GERMAN: _("Duitstalige scholen"),
}

# Communities with a rule (the German-speaking one has none here).
COMPUTED = (FLEMISH, FRENCH)

FRENCH_REFORM_YEAR = 2022  # the first school year (2022-23) of the French Community's reform


@dataclass(frozen=True)
class SchoolHoliday:
    community: str
    name: str  # translatable, e.g. "krokusvakantie"
    first: date
    last: date  # included

    def __contains__(self, day):
        return self.first <= day <= self.last

    @property
    def community_label(self):
        return COMMUNITY_LABELS[self.community]

    def overlaps(self, first, last):
        return self.first <= last and first <= self.last


def _weeks(community, name, monday, weeks):
    return SchoolHoliday(community, name, monday, monday + timedelta(days=7 * weeks - 1))


def _first_weekday(year, month, weekday):
    """The first Monday (0), ..., Sunday (6) of a month."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7)


def _last_monday(year, month):
    last = (date(year, month + 1, 1) if month < 12 else date(year + 1, 1, 1)) - timedelta(days=1)
    return last - timedelta(days=last.weekday())


# Flemish Community ------------------------------------------------------------------------


def _flemish_autumn(year):
    allerheiligen = date(year, 11, 1)
    if allerheiligen.weekday() == 6:
        return allerheiligen + timedelta(days=1)
    return monday_of(allerheiligen)


def _flemish_christmas(year):
    christmas = date(year, 12, 25)
    if christmas.weekday() >= 5:
        return christmas + timedelta(days=7 - christmas.weekday())
    return monday_of(christmas)


def _flemish_spring(year):
    sunday = easter(year)
    if sunday.month == 3:
        return sunday + timedelta(days=1)
    if sunday > date(year, 4, 15):
        return sunday - timedelta(days=13)
    return _first_weekday(year, 4, 0)


def flemish_school_holidays(year):
    """The holidays of the Flemish school year that starts on 1 September ``year``, its
    summer (July and August of ``year + 1``) included."""
    spring_year = year + 1
    spring = _weeks(FLEMISH, _("paasvakantie"), _flemish_spring(spring_year), 2)
    if easter(spring_year) > date(spring_year, 4, 15):  # Easter Monday is one day more
        spring = SchoolHoliday(FLEMISH, spring.name, spring.first, spring.last + timedelta(1))
    return [
        _weeks(FLEMISH, _("herfstvakantie"), _flemish_autumn(year), 1),
        _weeks(FLEMISH, _("kerstvakantie"), _flemish_christmas(year), 2),
        _weeks(FLEMISH, _("krokusvakantie"), easter(spring_year) - timedelta(days=48), 1),
        spring,
        SchoolHoliday(
            FLEMISH, _("zomervakantie"), date(spring_year, 7, 1), date(spring_year, 8, 31)
        ),
    ]


# French Community -------------------------------------------------------------------------


def _aligned(resume, flemish):
    """The Monday two weeks of holiday start on after ``resume`` (the first school day):
    after seven weeks of school, or six or eight when only that shares a week with the
    Flemish holiday ``flemish``."""
    for weeks in (7, 6, 8):
        start = resume + timedelta(weeks=weeks)
        if flemish.overlaps(start, start + timedelta(days=13)):
            return start
    return resume + timedelta(weeks=7)


def french_school_holidays(year):
    """The holidays of the French Community's school year that starts on the last Monday of
    August ``year`` (from 2022-23 on), its summer included."""
    if year < FRENCH_REFORM_YEAR:
        raise ValueError("the French Community's rules start with 2022-23")
    herfst, kerst, krokus, _paas, _zomer = flemish_school_holidays(year)
    autumn = _weeks(FRENCH, _("herfstvakantie"), herfst.first - timedelta(weeks=1), 2)
    winter = _weeks(FRENCH, _("kerstvakantie"), kerst.first, 2)
    carnival = _weeks(
        FRENCH, _("krokusvakantie"), _aligned(winter.last + timedelta(days=1), krokus), 2
    )
    spring = _weeks(FRENCH, _("lentevakantie"), monday_of(date(year + 1, 5, 1)), 2)
    first_friday = _first_weekday(year + 1, 7, 4)
    summer_end = _last_monday(year + 1, 8) - timedelta(days=1)
    summer = SchoolHoliday(FRENCH, _("zomervakantie"), first_friday + timedelta(days=1), summer_end)
    return [autumn, winter, carnival, spring, summer]


_RULES = {FLEMISH: flemish_school_holidays, FRENCH: french_school_holidays}


def school_holidays(community, year):
    """The holidays of ``community``'s school year that starts in ``year`` ([] when there is
    no rule for it)."""
    rule = _RULES.get(community)
    if rule is None or (community == FRENCH and year < FRENCH_REFORM_YEAR):
        return []
    return rule(year)


def school_holidays_between(communities, start, end):
    """Every school holiday of ``communities`` that has a day from ``start`` to ``end``
    (both included), in date order (communities in the order given)."""
    communities, found = tuple(communities), []
    for community in communities:
        for year in range(start.year - 1, end.year + 1):
            found.extend(h for h in school_holidays(community, year) if h.overlaps(start, end))
    return sorted(found, key=lambda h: (h.first, communities.index(h.community)))


# Which community: from the STEK's postcode -------------------------------------------------


def communities_for_postcode(postcode):
    """The communities whose schools are in the area of a Belgian postcode: Brussels (1000 to
    1299) both the Flemish and the French; Walloon Brabant (1300 to 1499) and Wallonia (4000
    to 7999) the French, except the German-speaking area (4700 to 4799); Flanders (1500 to
    3999, 8000 to 9999) the Flemish. An empty or unknown postcode: none."""
    code = str(postcode or "").strip()
    if not (code.isascii() and code.isdigit() and len(code) == 4):
        return ()
    number = int(code)
    if 1000 <= number <= 1299:
        return (FLEMISH, FRENCH)
    if 4700 <= number <= 4799:
        return (GERMAN,)
    if 1300 <= number <= 1499 or 4000 <= number <= 7999:
        return (FRENCH,)
    if 1500 <= number <= 3999 or 8000 <= number <= 9999:
        return (FLEMISH,)
    return ()


def stek_communities(stek):
    """The communities whose school holidays matter to ``stek``: from its postcode; without
    one, from its first language (Dutch: the Flemish, French: the French)."""
    found = communities_for_postcode(getattr(stek, "postal_code", ""))
    if found:
        return found
    language = getattr(stek, "first_language", "")
    return {"nl": (FLEMISH,), "fr": (FRENCH,)}.get(language, ())
