"""The personal-data scanner on realistic notes, in Dutch and French, positive and negative."""

import pytest
from stdnum.be import ssn

from stek.core.privacy import KINDS, find_personal_data


def found(text, lang="nl"):
    return [(f.kind, text[f.start : f.end]) for f in find_personal_data(text, lang)]


def kinds(text, lang="nl"):
    return {f.kind for f in find_personal_data(text, lang)}


def valid_insz(yymmdd, serial, born_2000_or_later=False):
    base = f"{yymmdd}{serial:03d}"
    number = int(("2" if born_2000_or_later else "") + base)
    return base + f"{97 - number % 97:02d}"


INSZ_1985 = valid_insz("850730", 33)
INSZ_2003 = valid_insz("030512", 123, born_2000_or_later=True)
BIS_NUMBER = valid_insz("854730", 33)  # BIS: month + 40


def test_the_test_numbers_are_valid_and_distinct():
    assert ssn.is_valid(INSZ_1985) and ssn.is_valid(INSZ_2003) and ssn.is_valid(BIS_NUMBER)
    # a birth in 2003 takes the post-2000 checksum rule, which gives another check digit
    assert valid_insz("030512", 123) != INSZ_2003


@pytest.mark.parametrize(
    "written",
    [
        INSZ_1985,
        f"{INSZ_1985[:2]}.{INSZ_1985[2:4]}.{INSZ_1985[4:6]}-{INSZ_1985[6:9]}.{INSZ_1985[9:]}",
        f"{INSZ_1985[:6]} {INSZ_1985[6:9]} {INSZ_1985[9:]}",
        f"{INSZ_2003[:2]}.{INSZ_2003[2:4]}.{INSZ_2003[4:6]}-{INSZ_2003[6:9]}.{INSZ_2003[9:]}",
        BIS_NUMBER,
    ],
)
def test_national_numbers_with_and_without_separators(written):
    text = f"Haar rijksregisternummer is {written}, zegt ze."
    assert found(text) == [("national_number", written)]


def test_a_national_number_with_a_wrong_checksum_is_not_reported():
    wrong = INSZ_1985[:-2] + f"{(int(INSZ_1985[-2:]) + 1) % 100:02d}"
    assert "national_number" not in kinds(f"Nummer {wrong} klopt niet.")


def test_iban_is_checked():
    assert found("Storten op BE71 0961 2345 6769 graag.") == [("iban", "BE71 0961 2345 6769")]
    assert found("Rekening BE71096123456769.") == [("iban", "BE71096123456769")]
    assert "iban" not in kinds("Storten op BE72 0961 2345 6769 graag.")


@pytest.mark.parametrize(
    "text, number",
    [
        ("Bel haar op 0470 12 34 56 morgen.", "0470 12 34 56"),
        ("Vast nummer 09 266 11 22.", "09 266 11 22"),
        ("Il a un GSM français: +33 6 12 34 56 78.", "+33 6 12 34 56 78"),
        ("Tel +32 (0)478 12 34 56", "+32 (0)478 12 34 56"),
    ],
)
def test_phone_numbers(text, number):
    assert ("phone", number) in found(text)


def test_email():
    assert found("Mail naar karim.b@gmail.com voor de afspraak.") == [
        ("email", "karim.b@gmail.com")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mevrouw Jansens woont in de Kerkstraat 12 en belde met het OCMW.",
            [("person_name", "Mevrouw Jansens"), ("address", "Kerkstraat 12")],
        ),
        (
            "Jan Peeters kwam langs voor de huurpremie, adres Stationsstraat 4, 9000 Gent.",
            [("person_name", "Jan Peeters"), ("address", "Stationsstraat 4")],
        ),
        (
            "Gesprek met Fatima El Amrani over haar budgetmeter. Ze woont "
            "Sint-Pietersnieuwstraat 120 bus 3.",
            [
                ("person_name", "Fatima El Amrani"),
                ("address", "Sint-Pietersnieuwstraat 120 bus 3"),
            ],
        ),
        (
            "De heer Van den Broeck vroeg naar de schooltoeslag.",
            [("person_name", "De heer Van den Broeck")],
        ),
        (
            "Sophie van het Groeipakket legde de schooltoeslag uit.",
            [("person_name", "Sophie")],
        ),
    ],
)
def test_dutch_names_and_addresses(text, expected):
    assert found(text, "nl") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Madame Dubois habite rue de la Loi 16 à Bruxelles.",
            [("person_name", "Madame Dubois"), ("address", "rue de la Loi 16")],
        ),
        (
            "Je m'appelle Mohamed Benali et j'habite avenue Clemenceau 45.",
            [("person_name", "Mohamed Benali"), ("address", "avenue Clemenceau 45")],
        ),
        (
            "Jean-Pierre Dupont habite chaussée de Mons 120.",
            [("person_name", "Jean-Pierre Dupont"), ("address", "chaussée de Mons 120")],
        ),
        (
            "Karim et sa femme Amina cherchent un avocat pro deo.",
            [("person_name", "Karim"), ("person_name", "Amina")],
        ),
    ],
)
def test_french_names_and_addresses(text, expected):
    assert found(text, "fr") == expected


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "nl",
            "Bezoeker vroeg uitleg over het leefloon bij het OCMW en het CAW, 3 kinderen, "
            "huur 650 euro op 12 maart 2025.",
        ),
        (
            "nl",
            "Verwezen naar Wonen in Vlaanderen, De Lijn en het Vlaams Energie- en "
            "Klimaatagentschap.",
        ),
        (
            "nl",
            "Veel vragen over de verhoogde tegemoetkoming en het sociaal tarief bij Fluvius "
            "in januari 2025.",
        ),
        ("nl", "De wachtlijst voor een sociale woning is 8 jaar; de huurpremie is 190 euro."),
        ("nl", "Na de infosessie van Helan over de maximumfactuur bleven veel vragen over."),
        ("nl", "Op dinsdag 14/05/2024 om 14u kwamen 23 mensen naar de kookles."),
        ("nl", "Het Groeipakket betaalt de schooltoeslag pas na een aanvraag bij Opgroeien."),
        (
            "fr",
            "Le CPAS d'Anderlecht a refusé le revenu d'intégration en mars 2024; loyer de "
            "750 euros.",
        ),
        ("fr", "Beaucoup de questions sur le tarif social et l'intervention majorée chez Sibelga."),
        (
            "fr",
            "Elle attend un logement social depuis huit ans. La Région bruxelloise ne répond pas.",
        ),
        ("fr", "Les gens ont peur du compteur à budget en hiver."),
        ("en", "Many questions about the rent subsidy and the social energy tariff in winter."),
    ],
)
def test_notes_without_personal_data_pass(lang, text):
    assert found(text, lang) == []


def test_every_kind_is_reported_with_exact_offsets():
    text = (
        f"Fatima El Amrani (INSZ {INSZ_1985}), Kerkstraat 12, tel 0470 12 34 56, "
        "fatima@example.org, rekening BE71 0961 2345 6769, geboren op 3 mei 1985, "
        "wagen 1-ABC-123, dossiernummer 2024/1234."
    )
    findings = find_personal_data(text)
    assert {f.kind for f in findings} == set(KINDS)
    assert found(text) == [
        ("person_name", "Fatima El Amrani"),
        ("national_number", INSZ_1985),
        ("address", "Kerkstraat 12"),
        ("phone", "0470 12 34 56"),
        ("email", "fatima@example.org"),
        ("iban", "BE71 0961 2345 6769"),
        ("birth_date", "3 mei 1985"),
        ("plate", "1-ABC-123"),
        ("case_number", "2024/1234"),
    ]


def test_empty_and_unknown_language():
    assert find_personal_data("") == []
    assert find_personal_data("   ") == []
    with pytest.raises(ValueError):
        find_personal_data("tekst", lang="de")


@pytest.mark.parametrize(
    "text",
    [
        "Keuken",
        "Hulp in de keuken",
        "Keuken en afwas",
        "Vandaag help ik in de Keuken.",
        "Help je mee in de Tuin of in de Keuken?",
        "Tuin",
        "Onthaal",
        "Afwas",
        "Bar",
        "Kassa",
        "Vervoer",
        "Poetsen",
        "Kassa en Bar",
        "Tuin en Poetsen",
    ],
)
def test_rota_role_names_that_are_also_surnames_pass(text):
    """ "Keuken" and "Tuin" are in the surname tables; alone, as a task or a place, they are
    ordinary words (ADR 0007)."""
    assert found(text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("buurman Keuken belde gisteren", "Keuken"),
        ("Jan Keuken kwam langs", "Jan Keuken"),
        ("mevrouw van der Tuin", "van der Tuin"),
        ("Keuken heeft gebeld over de huur", "Keuken"),
        ("Mijn buurvrouw Tuin zegt dat het lekt", "Tuin"),
    ],
)
def test_the_same_words_with_a_cue_are_still_names(text, name):
    assert any(kind == "person_name" and name in span for kind, span in found(text)), found(text)
