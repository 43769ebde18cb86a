# ruff: noqa: E501  (a catalogue of sentences: kept whole so they match the .po files)
"""What the check says about each right: the conditions the rules test, what cannot be asked,
how to claim, what to bring, and which social-map topic leads to the service.

Every right id is also a built-in social-map topic code, so a result finds its services and a
worker can refer from it. Texts are short and in everyday words (B1)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Condition:
    id: str
    variable: str  # a boolean variable of the rules
    text: str
    values: tuple = ()  # (variable, label, kind) shown under "why?"; kind: money, years, int
    parameters: tuple = ()  # (parameter path, label); "{leefloon_categorie}" is filled in
    any_of: str = ""  # conditions sharing this key: one of them is enough
    informative: bool = False  # shown, but does not decide


@dataclass(frozen=True)
class Right:
    id: str
    title: str
    what: str
    verdict: str  # the variable that says "yes" (a boolean, or an amount above zero)
    conditions: tuple
    unknown: tuple = ()  # (id, text) the check cannot ask: the result is at best "maybe"
    amount: str = ""  # variable with a monthly amount
    yearly_ceiling: str = ""  # variable with a yearly ceiling (maximumfactuur)
    amounts: tuple = ()  # (variable, label, kind) more amounts to show, e.g. per person
    yearly_amount: str = ""  # variable with a yearly amount (kleutertoeslag)
    automatic: bool | str = False  # True, False, or a variable that says when it is
    how: str = ""
    bring: str = ""
    where: str = ""
    regions: tuple = ("vlaanderen", "brussel", "wallonie")


@dataclass(frozen=True)
class Pointer:
    id: str
    variable: str
    title: str
    text: str
    topic: str = field(default="")


INCOME_LAST_YEAR = ("yearly_taxable_income", _("Bruto belastbaar inkomen van vorig jaar"), "money")
MONTHLY_INCOME = ("household_monthly_income", _("Inkomen van het gezin per maand"), "money")

RIGHTS = (
    Right(
        id="leefloon",
        title=_("Leefloon"),
        what=_("Geld van het OCMW als je niet genoeg inkomen hebt om van te leven."),
        verdict="leefloon_bedrag",
        amount="leefloon_bedrag",
        conditions=(
            Condition(
                "meerderjarig",
                "leefloon_voorwaarde_meerderjarig",
                _("Iemand in het gezin is 18 jaar of ouder."),
            ),
            Condition(
                "inkomen",
                "leefloon_voorwaarde_inkomen",
                _("Het inkomen is lager dan het leefloon."),
                values=(
                    MONTHLY_INCOME,
                    ("leefloon_aangerekend_inkomen", _("Inkomen dat meetelt, na vrijstellingen"),
                     "money"),
                    ("leefloon_categorie", _("Categorie (1 samenwonend, 2 alleen, 3 met gezin)"),
                     "int"),
                    ("leefloon_grensbedrag", _("Leefloon van die categorie per maand"), "money"),
                ),
                parameters=(
                    ("leefloon.bedrag.categorie_{leefloon_categorie}", _("Leefloon per maand")),
                    ("leefloon.vrijstelling.categorie_{leefloon_categorie}",
                     _("Vrijstelling per jaar")),
                    ("leefloon.vrijstelling.socio_professioneel",
                     _("Vrijstelling op loon voor wie pas begon te werken, per maand")),
                    ("leefloon.onderhoudsplichtigen_tellen_mee",
                     _("Telt het inkomen van inwonende ouders of kinderen mee (1 ja, 0 nee)?")),
                ),
            ),
        ),
        amounts=(
            ("leefloon_bedrag_aanvrager", _("Leefloon voor de aanvrager per maand"), "money"),
            ("leefloon_aantal_gerechtigden", _("Aantal personen met een eigen leefloon"), "int"),
            ("leefloon_bedrag", _("Leefloon voor het hele gezin per maand"), "money"),
        ),
        unknown=(
            ("sociaal_onderzoek", _("Het OCMW doet een sociaal onderzoek.")),
            ("werkbereidheid", _("Je bent bereid om te werken, tenzij je gezondheid of een andere reden het niet toelaat.")),
            ("andere_rechten", _("Je vraagt eerst andere rechten, zoals een uitkering of alimentatie.")),
            ("verblijf", _("Je woont in België en hebt een verblijfsrecht.")),
        ),
        how=_("Ga naar het OCMW van je gemeente en vraag een leefloon. Het OCMW moet binnen 30 dagen beslissen."),
        bring=_("Je identiteitskaart, bewijzen van je inkomen, je huurcontract en je bankkaart."),
        where=_("OCMW"),
    ),
    Right(
        id="verhoogde_tegemoetkoming",
        title=_("Verhoogde tegemoetkoming"),
        what=_("Je betaalt minder bij de dokter, in het ziekenhuis, voor medicijnen en voor de bus."),
        verdict="verhoogde_tegemoetkoming",
        automatic="vt_voorwaarde_status",
        conditions=(
            Condition(
                "status",
                "vt_voorwaarde_status",
                _("Iemand krijgt een leefloon, IGO, zorgbudget voor ouderen, tegemoetkoming voor een handicap, is een kind met 66 % handicap of een NBMV."),
                any_of="vt",
            ),
            Condition(
                "inkomen",
                "vt_voorwaarde_inkomen",
                _("Het inkomen van vorig jaar is niet hoger dan de grens."),
                values=(
                    INCOME_LAST_YEAR,
                    ("household_size", _("Aantal personen in het gezin"), "int"),
                    ("vt_inkomensgrens", _("Grens voor dit gezin per jaar"), "money"),
                ),
                parameters=(
                    ("verhoogde_tegemoetkoming.grens_basis", _("Grens per jaar")),
                    ("verhoogde_tegemoetkoming.grens_per_persoon",
                     _("Extra per gezinslid per jaar")),
                ),
                any_of="vt",
            ),
            Condition(
                "inkomen_nu",
                "vt_voorwaarde_inkomen_huidige_maand",
                _("Je bent met pensioen, invalide, alleen met kinderen, of al 3 maanden ziek of werkloos, en je inkomen van nu (maal 12) is niet hoger dan de grens."),
                values=(
                    ("vt_inkomen_huidige_maand_jaar", _("Inkomen van deze maand maal 12"), "money"),
                    ("vt_inkomensgrens_huidige_maand", _("Grens voor dit gezin per jaar"), "money"),
                ),
                parameters=(
                    ("verhoogde_tegemoetkoming.grens_huidige_maand_basis", _("Grens per jaar")),
                    ("verhoogde_tegemoetkoming.grens_huidige_maand_per_persoon",
                     _("Extra per gezinslid per jaar")),
                ),
                any_of="vt",
            ),
            Condition(
                "proactief",
                "vt_proactief",
                _("Woon je alleen en ben je al 3 maanden ziek of werkloos? Dan kijkt het ziekenfonds zelf of je recht hebt."),
                informative=True,
            ),
        ),
        how=_("Krijgt iemand een leefloon, IGO, zorgbudget voor ouderen of een tegemoetkoming voor een handicap? Dan krijg je het vanzelf. Anders vraag je het aan bij je ziekenfonds. Het ziekenfonds kijkt naar het inkomen van het hele gezin."),
        bring=_("Je identiteitskaart en je aanslagbiljet van de belastingen (of bewijzen van je inkomen)."),
        where=_("Ziekenfonds"),
    ),
    Right(
        id="vlaamse_huurpremie",
        title=_("Vlaamse huurpremie"),
        what=_("Elke maand geld van Vlaanderen als je lang wacht op een sociale woning en privé huurt."),
        verdict="vlaamse_huurpremie",
        amount="vlaamse_huurpremie",
        regions=("vlaanderen",),
        conditions=(
            Condition("vlaanderen", "huurpremie_voorwaarde_vlaanderen",
                      _("Je woont in Vlaanderen.")),
            Condition("private_huur", "huurpremie_voorwaarde_private_huur",
                      _("Je huurt op de private markt, hebt geen eigen woning en huurt niet van familie.")),
            Condition(
                "wachtlijst",
                "huurpremie_voorwaarde_wachtlijst",
                _("Je staat minstens 4 jaar op de wachtlijst voor een sociale woning."),
                values=(("social_housing_waiting_years", _("Jaren op de wachtlijst"), "years"),),
                parameters=(("vlaamse_huurpremie.wachtjaren", _("Minimum aantal jaren")),),
            ),
            Condition(
                "inkomen",
                "huurpremie_voorwaarde_inkomen",
                _("Het inkomen van vorig jaar is niet hoger dan de grens."),
                values=(
                    INCOME_LAST_YEAR,
                    ("huurpremie_inkomensgrens", _("Grens voor dit gezin per jaar"), "money"),
                ),
                parameters=(
                    ("vlaamse_huurpremie.inkomensgrens_alleenstaande", _("Grens voor wie alleen woont")),
                    ("vlaamse_huurpremie.inkomensgrens_alleenstaande_handicap", _("Grens voor wie alleen woont met een handicap")),
                    ("vlaamse_huurpremie.inkomensgrens_anderen", _("Grens voor andere gezinnen")),
                    ("vlaamse_huurpremie.verhoging_per_persoon_ten_laste", _("Extra per persoon ten laste")),
                ),
            ),
            Condition(
                "huurprijs",
                "huurpremie_voorwaarde_huurprijs",
                _("De huur is niet hoger dan de maximale huurprijs."),
                values=(
                    ("monthly_rent", _("Huur per maand"), "money"),
                    ("huurpremie_maximale_huur", _("Maximale huur voor dit gezin per maand"), "money"),
                ),
                parameters=(
                    ("vlaamse_huurpremie.maximale_huur", _("Maximale huur per maand")),
                    ("vlaamse_huurpremie.verhoging_aangeduide_gemeente", _("Extra in een centrumstad of een aangeduide gemeente")),
                ),
            ),
            Condition(
                "berekening",
                "huurpremie_berekend",
                _("De premie is 75 % van de maximale huur min je jaarinkomen gedeeld door 55, met een maximum."),
                values=(
                    ("huurpremie_berekend", _("Premie per maand"), "money"),
                    ("huurpremie_plafond", _("Maximum voor dit gezin per maand"), "money"),
                ),
                parameters=(
                    ("vlaamse_huurpremie.bedrag_basis", _("Maximum per maand")),
                    ("vlaamse_huurpremie.bedrag_per_persoon_ten_laste", _("Extra per persoon ten laste")),
                ),
                informative=True,
            ),
        ),
        how=_("Na 4 jaar op de wachtlijst stuurt Wonen in Vlaanderen je een formulier. Kreeg je niets? Vraag het dan zelf aan. Je krijgt tot 6 maanden terug."),
        bring=_("Je huurcontract, je identiteitskaart en je bewijs van inschrijving op de wachtlijst."),
        where=_("Wonen in Vlaanderen"),
    ),
    Right(
        id="vlaamse_huursubsidie",
        title=_("Vlaamse huursubsidie"),
        what=_("Geld om je huur te betalen als je verhuist naar een betere woning of na dakloosheid."),
        verdict="vlaamse_huursubsidie",
        regions=("vlaanderen",),
        conditions=(
            Condition("situatie", "huursubsidie_voorwaarde_situatie",
                      _("Je huurt privé of bent dak- of thuisloos, in Vlaanderen.")),
            Condition("geen_eigendom", "huursubsidie_voorwaarde_geen_eigendom",
                      _("Niemand in het gezin is (deels) eigenaar van een woning of bouwgrond.")),
            Condition(
                "inkomen",
                "huurpremie_voorwaarde_inkomen",
                _("Het inkomen van vorig jaar is niet hoger dan de grens."),
                values=(
                    INCOME_LAST_YEAR,
                    ("huurpremie_inkomensgrens", _("Grens voor dit gezin per jaar"), "money"),
                ),
                parameters=(
                    ("vlaamse_huurpremie.inkomensgrens_alleenstaande", _("Grens voor wie alleen woont")),
                    ("vlaamse_huurpremie.inkomensgrens_anderen", _("Grens voor andere gezinnen")),
                ),
            ),
        ),
        unknown=(
            ("verhuis", _("Je verhuist uit een slechte of te kleine woning, naar een woning van een sociaal verhuurkantoor, of na dakloosheid.")),
        ),
        how=_("Vraag het aan bij Wonen in Vlaanderen, binnen het jaar na je verhuis. Je krijgt ook een installatiepremie."),
        bring=_("Je nieuwe huurcontract, je identiteitskaart en een bewijs over je vorige woning."),
        where=_("Wonen in Vlaanderen"),
    ),
    Right(
        id="brusselse_huurtoelage",
        title=_("Brusselse huurtoelage"),
        what=_("Elke maand geld van Brussel als je wacht op een sociale woning en privé huurt."),
        verdict="brusselse_huurtoelage",
        amount="brusselse_huurtoelage",
        regions=("brussel",),
        conditions=(
            Condition("brussel", "huurtoelage_voorwaarde_brussel",
                      _("Je huurt privé in Brussel, staat op de wachtlijst en huurt niet van familie.")),
            Condition("geen_eigendom", "huurtoelage_voorwaarde_geen_eigendom",
                      _("Niemand in het gezin is eigenaar van een woning of grond.")),
            Condition("geen_ais", "huurtoelage_voorwaarde_geen_ais",
                      _("Je huurt niet via een sociaal verhuurkantoor (SVK/AIS).")),
            Condition(
                "inkomen",
                "huurtoelage_voorwaarde_inkomen",
                _("Het inkomen van vorig jaar is niet hoger dan het leefloonniveau."),
                values=(
                    INCOME_LAST_YEAR,
                    ("huurtoelage_inkomensgrens", _("Grens voor dit gezin per jaar"), "money"),
                ),
                parameters=(
                    ("brusselse_huurtoelage.inkomensgrens_alleenstaande", _("Grens voor wie alleen woont")),
                    ("brusselse_huurtoelage.inkomensgrens_meerdere", _("Grens voor een gezin")),
                    ("brusselse_huurtoelage.inkomensgrens_eenoudergezin", _("Grens voor een eenoudergezin")),
                ),
            ),
        ),
        unknown=(
            ("voorrangstitels", _("Je hebt genoeg voorrangspunten op de wachtlijst (6, of 2 voor een eenoudergezin).")),
        ),
        how=_("Brussel Huisvesting schrijft je aan. Kreeg je niets? Vraag het aan bij Brussel Huisvesting."),
        bring=_("Je huurcontract, je identiteitskaart en je nummer op de wachtlijst."),
        where=_("Brussel Huisvesting"),
    ),
    Right(
        id="sociaal_tarief_energie",
        title=_("Sociaal tarief voor energie"),
        what=_("Je betaalt de laagste prijs voor elektriciteit en gas."),
        verdict="sociaal_tarief_energie",
        automatic=True,
        conditions=(
            Condition(
                "status",
                "sociaal_tarief_voorwaarde_status",
                _("Iemand krijgt een leefloon, IGO, het zorgbudget voor ouderen of een tegemoetkoming voor een handicap."),
                any_of="status",
            ),
            Condition(
                "collectieve_verwarming",
                "sociaal_tarief_voorwaarde_collectieve_verwarming",
                _("Je huurt een sociale woning die verwarmd wordt met aardgas via een gemeenschappelijke ketel."),
                any_of="status",
            ),
            Condition(
                "verhoogde_tegemoetkoming",
                "sociaal_tarief_voorwaarde_vt",
                _("De verhoogde tegemoetkoming telde mee van februari 2021 tot juni 2023."),
                parameters=(
                    ("sociaal_tarief_energie.verhoogde_tegemoetkoming_telt_mee",
                     _("Telt de verhoogde tegemoetkoming mee (1 ja, 0 nee)?")),
                ),
                any_of="status",
            ),
        ),
        how=_("Je krijgt het vanzelf. Staat het niet op je factuur? Vraag een attest bij de dienst die je uitkering betaalt en geef het aan je leverancier."),
        bring=_("Je energiefactuur."),
        where=_("OCMW"),
    ),
    Right(
        id="minimale_levering",
        title=_("Minimale levering met een budgetmeter"),
        what=_("Met een budgetmeter krijg je altijd wat stroom, en in de winter hulp voor gas."),
        verdict="minimale_levering",
        regions=("vlaanderen",),
        conditions=(
            Condition("budgetmeter", "minimale_levering_voorwaarde_budgetmeter",
                      _("Je hebt een budgetmeter in Vlaanderen.")),
            Condition("winter_gas", "minimale_levering_voorwaarde_winter_gas",
                      _("Voor gas: het is winter (1 november tot 31 maart)."), informative=True),
        ),
        unknown=(("sociaal_onderzoek", _("Het OCMW beslist na een sociaal onderzoek.")),),
        how=_("Ga naar het OCMW. Zij laden je budgetmeter op en helpen met je schulden bij de leverancier."),
        bring=_("Je budgetmeterkaart, je identiteitskaart en je laatste energiefacturen."),
        where=_("OCMW"),
    ),
    Right(
        id="groeipakket_sociale_toeslag",
        title=_("Sociale toeslag in het Groeipakket"),
        what=_("Extra kindergeld als het inkomen van het gezin laag is."),
        verdict="groeipakket_sociale_toeslag",
        automatic=True,
        regions=("vlaanderen",),
        conditions=(
            Condition("kinderen", "groeipakket_voorwaarde_kinderen_vlaanderen",
                      _("Er zijn kinderen en het gezin woont in Vlaanderen.")),
            Condition(
                "inkomen",
                "groeipakket_voorwaarde_inkomen_sociale_toeslag",
                _("Het inkomen is niet hoger dan de grens (een hogere grens vanaf 3 kinderen)."),
                values=(
                    INCOME_LAST_YEAR,
                    ("groeipakket_sociale_toeslag_grens", _("Grens voor dit gezin per jaar"), "money"),
                ),
                parameters=(
                    ("groeipakket.sociale_toeslag_inkomensgrens", _("Grens per jaar")),
                    ("groeipakket.sociale_toeslag_tweede_grens", _("Grens per jaar vanaf 3 kinderen")),
                ),
                any_of="inkomen",
            ),
            Condition("status", "groeipakket_voorwaarde_status",
                      _("Of iemand krijgt een leefloon, IGO of een inkomensvervangende tegemoetkoming."),
                      any_of="inkomen"),
        ),
        how=_("Je krijgt het vanzelf, op basis van je belastingen. Is je inkomen nu lager dan vroeger? Vraag het dan aan bij je uitbetaler van het Groeipakket."),
        bring=_("Bewijzen van je inkomen van de laatste maanden."),
        where=_("Uitbetaler van het Groeipakket"),
    ),
    Right(
        id="groeipakket_schooltoeslag",
        title=_("Schooltoeslag in het Groeipakket"),
        what=_("Geld voor de schoolkosten van je kinderen."),
        verdict="groeipakket_schooltoeslag",
        automatic=True,
        regions=("vlaanderen", "brussel"),
        conditions=(
            Condition("schoolgaand", "groeipakket_voorwaarde_schoolgaand",
                      _("Een kind is 3 jaar of ouder en gaat naar school.")),
            Condition(
                "inkomen",
                "groeipakket_voorwaarde_inkomen_schooltoeslag",
                _("Het inkomen is niet hoger dan de grens. De grens hangt af van de punten van het gezin: 1 punt voor elk gezin en 1 punt per kind ten laste."),
                values=(
                    INCOME_LAST_YEAR,
                    ("groeipakket_schooltoeslag_punten", _("Punten van het gezin"), "int"),
                    ("groeipakket_schooltoeslag_grens", _("Grens voor dit gezin per jaar"), "money"),
                ),
                parameters=(("groeipakket.schooltoeslag_inkomensgrens", _("Grens per jaar bij 0 punten")),),
            ),
            Condition("onderwijs", "groeipakket_voorwaarde_onderwijs",
                      _("Het gezin woont in Vlaanderen, of in Brussel met een kind in een Nederlandstalige school.")),
        ),
        how=_("Je krijgt het vanzelf in het najaar. Kreeg je niets? Vraag het aan bij je uitbetaler van het Groeipakket."),
        bring=_("Een bewijs dat je kind ingeschreven is in een school."),
        where=_("Uitbetaler van het Groeipakket"),
    ),
    Right(
        id="maximumfactuur",
        title=_("Maximumfactuur"),
        what=_("Je betaalt per jaar nooit meer dan een bepaald bedrag voor dokter en medicijnen. Het ziekenfonds betaalt de rest terug."),
        verdict="maximumfactuur",
        yearly_ceiling="maximumfactuur",
        automatic=True,
        conditions=(
            Condition(
                "plafond",
                "maximumfactuur",
                _("Het plafond hangt af van het netto belastbaar inkomen van het gezin van drie jaar geleden."),
                values=(
                    ("maximumfactuur_inkomen", _("Netto belastbaar inkomen van drie jaar geleden (of van vorig jaar als je het niet weet)"), "money"),
                    ("maximumfactuur", _("Plafond per jaar"), "money"),
                ),
                parameters=(("maximumfactuur.sociaal", _("Plafond met verhoogde tegemoetkoming")),),
                informative=True,
            ),
            Condition("verhoogde_tegemoetkoming", "verhoogde_tegemoetkoming",
                      _("Met de verhoogde tegemoetkoming geldt de sociale maximumfactuur."),
                      informative=True),
        ),
        how=_("Je ziekenfonds doet het vanzelf. Hou je rekeningen toch bij."),
        where=_("Ziekenfonds"),
    ),
    Right(
        id="verwarmingsfonds",
        title=_("Sociaal Verwarmingsfonds"),
        what=_("Geld terug als je verwarmt met stookolie, petroleum of propaan in bulk."),
        verdict="verwarmingsfonds",
        conditions=(
            Condition("brandstof", "verwarmingsfonds_voorwaarde_brandstof",
                      _("Je verwarmt met stookolie, petroleum of propaan in bulk.")),
            Condition(
                "inkomen",
                "verwarmingsfonds_voorwaarde_inkomen",
                _("Je hebt de verhoogde tegemoetkoming of een laag inkomen."),
                values=(
                    INCOME_LAST_YEAR,
                    ("verwarmingsfonds_personen_ten_laste", _("Gezinsleden met (bijna) geen eigen inkomen"), "int"),
                    ("verwarmingsfonds_inkomensgrens", _("Grens voor dit gezin per jaar"), "money"),
                ),
                parameters=(
                    ("verwarmingsfonds.inkomensgrens", _("Grens per jaar")),
                    ("verwarmingsfonds.verhoging_per_persoon_ten_laste", _("Extra per persoon ten laste")),
                    ("verwarmingsfonds.ten_laste_inkomensgrens", _("Een gezinslid is ten laste onder dit netto inkomen per jaar")),
                ),
            ),
        ),
        how=_("Vraag het aan bij het OCMW, binnen 60 dagen na de levering."),
        bring=_("De factuur of leveringsbon, je identiteitskaart en je aanslagbiljet."),
        where=_("OCMW"),
    ),
    Right(
        id="igo",
        title=_("Inkomensgarantie voor ouderen (IGO)"),
        what=_("Geld van de Pensioendienst als je de pensioenleeftijd hebt en te weinig inkomen."),
        verdict="igo_recht",
        amount="igo",
        conditions=(
            Condition(
                "leeftijd",
                "igo_voorwaarde_leeftijd",
                _("Iemand in het gezin heeft de wettelijke pensioenleeftijd (66 jaar sinds 2025)."),
                parameters=(("igo.leeftijd", _("Pensioenleeftijd")),),
            ),
            Condition(
                "inkomen",
                "igo_voorwaarde_inkomen",
                _("Het inkomen is lager dan de IGO. Met een partner tellen jullie inkomens samen, gedeeld door 2."),
                values=(MONTHLY_INCOME,),
                parameters=(
                    ("igo.bedrag_alleenstaand", _("IGO per maand voor wie alleen woont (of met kinderen of ouders)")),
                    ("igo.bedrag_samenwonend", _("IGO per maand voor wie samenwoont")),
                    ("igo.pensioen_aandeel", _("Deel van het pensioen dat meetelt")),
                ),
            ),
        ),
        unknown=(
            ("bezit", _("De Pensioendienst telt ook spaargeld, een tweede woning of een verkochte woning mee.")),
            ("verblijf", _("Je woont echt in België.")),
        ),
        how=_("Vraag de IGO aan bij je gemeente of bij de Federale Pensioendienst (gratis nummer 1765). Krijg je al een pensioen? Vraag dan of ze je IGO nakijken."),
        bring=_("Je identiteitskaart en bewijzen van je inkomen en je spaargeld."),
        where=_("Federale Pensioendienst"),
    ),
    Right(
        id="sociale_huurwoning",
        title=_("Inschrijven voor een sociale woning"),
        what=_("Schrijf je in op de wachtlijst voor een sociale woning. Dat is ook de eerste stap naar de huurpremie (Vlaanderen) of de huurtoelage (Brussel)."),
        verdict="inschrijving_sociale_woning",
        regions=("vlaanderen", "brussel"),
        conditions=(
            Condition("regio", "sociale_woning_voorwaarde_regio",
                      _("Je woont in Vlaanderen of Brussel.")),
            Condition("niet_ingeschreven", "sociale_woning_voorwaarde_niet_ingeschreven",
                      _("Je staat nog niet op de wachtlijst en huurt nog geen sociale woning.")),
            Condition("geen_eigendom", "sociale_woning_voorwaarde_geen_eigendom",
                      _("Niemand in het gezin is eigenaar van een woning.")),
            Condition(
                "inkomen",
                "sociale_woning_voorwaarde_inkomen",
                _("Het inkomen is niet hoger dan de grens voor een sociale woning."),
                values=(
                    INCOME_LAST_YEAR,
                    ("sociale_woning_inkomensgrens", _("Grens voor dit gezin per jaar"), "money"),
                ),
                parameters=(
                    ("vlaamse_huurpremie.inkomensgrens_alleenstaande", _("Grens in Vlaanderen voor wie alleen woont")),
                    ("vlaamse_huurpremie.inkomensgrens_anderen", _("Grens in Vlaanderen voor andere gezinnen")),
                    ("sociale_woning.brussel.alleenstaande", _("Grens in Brussel voor wie alleen woont")),
                    ("sociale_woning.brussel.twee_inkomens", _("Grens in Brussel voor een gezin met twee inkomens")),
                ),
            ),
        ),
        how=_("Schrijf je in bij de woonmaatschappij van je gemeente (Vlaanderen) of bij een sociale huisvestingsmaatschappij (Brussel). Blijf elk jaar ingeschreven: de jaren op de lijst tellen voor de huurpremie en de huurtoelage."),
        bring=_("Je identiteitskaart, je aanslagbiljet van de belastingen en de gezinssamenstelling."),
        where=_("Woonmaatschappij of sociale huisvestingsmaatschappij"),
    ),
    Right(
        id="brussel_sociale_toeslag",
        title=_("Sociale toeslag op het kindergeld in Brussel"),
        what=_("Extra kindergeld van Famiris of je uitbetaler als het inkomen van het gezin laag is."),
        verdict="brussel_sociale_toeslag",
        amount="brussel_sociale_toeslag",
        automatic=True,
        regions=("brussel",),
        conditions=(
            Condition("kinderen", "brussel_sociale_toeslag_voorwaarde_kinderen",
                      _("Er zijn kinderen (tot 24 jaar) en het gezin woont in Brussel.")),
            Condition(
                "inkomen",
                "brussel_sociale_toeslag_voorwaarde_inkomen",
                _("Het inkomen is niet hoger dan de grens."),
                values=(
                    INCOME_LAST_YEAR,
                    ("brussel_sociale_toeslag_grens_laag", _("Laagste grens per jaar (hoogste toeslag)"), "money"),
                    ("brussel_sociale_toeslag_grens_hoog", _("Hoogste grens per jaar"), "money"),
                ),
                parameters=(
                    ("brussel_gezinsbijslag.sociale_toeslag.grens_laag", _("Laagste grens per jaar")),
                    ("brussel_gezinsbijslag.sociale_toeslag.grens_hoog", _("Hoogste grens per jaar")),
                ),
            ),
        ),
        unknown=(
            ("kadastraal_inkomen", _("Het kadastraal inkomen van alle woningen van het gezin samen is niet hoger dan 2.000 euro.")),
        ),
        how=_("Famiris of je uitbetaler kijkt het vanzelf na met je belastingen. Is je inkomen nu lager? Vraag het dan zelf aan bij je uitbetaler van het kindergeld."),
        bring=_("Bewijzen van je inkomen van de laatste maanden."),
        where=_("Uitbetaler van het kindergeld (Famiris)"),
    ),
    Right(
        id="groeipakket_kleutertoeslag",
        title=_("Kleutertoeslag in het Groeipakket"),
        what=_("Eén keer per jaar geld voor een kleuter van 3 en van 4 jaar in een Nederlandstalige kleuterschool."),
        verdict="groeipakket_kleutertoeslag",
        yearly_amount="groeipakket_kleutertoeslag",
        automatic=True,
        regions=("vlaanderen", "brussel"),
        conditions=(
            Condition(
                "kleuter",
                "groeipakket_voorwaarde_kleuter",
                _("Een kind is 3 of 4 jaar."),
                values=(("groeipakket_aantal_kleuters", _("Kinderen van 3 of 4 jaar"), "int"),),
                parameters=(("groeipakket.kleutertoeslag", _("Kleutertoeslag per jaar")),),
            ),
            Condition("onderwijs", "groeipakket_voorwaarde_onderwijs",
                      _("Het gezin woont in Vlaanderen, of in Brussel met een kind in een Nederlandstalige school.")),
        ),
        unknown=(
            ("aanwezig", _("Een kleuter van 4 moet genoeg dagen naar school zijn gegaan.")),
        ),
        how=_("In Vlaanderen krijg je het vanzelf. Woon je in Brussel? Vraag het aan bij een uitbetaler van het Groeipakket, bijvoorbeeld FONS."),
        bring=_("Een bewijs dat je kind ingeschreven is in een Nederlandstalige school."),
        where=_("Uitbetaler van het Groeipakket"),
    ),
    Right(
        id="groeipakket_kinderopvangtoeslag",
        title=_("Kinderopvangtoeslag in het Groeipakket"),
        what=_("3,50 euro per dag dat je kind (nog niet naar school) naar de kinderopvang gaat."),
        verdict="groeipakket_kinderopvangtoeslag",
        automatic=True,
        regions=("vlaanderen", "brussel"),
        conditions=(
            Condition(
                "opvang",
                "groeipakket_voorwaarde_kinderopvang",
                _("Een kind onder 3 gaat naar een Nederlandstalige kinderopvang. De prijs hangt niet af van je inkomen."),
                parameters=(("groeipakket.kinderopvangtoeslag", _("Toeslag per volle dag")),),
            ),
            Condition("regio", "groeipakket_voorwaarde_vlaanderen_brussel",
                      _("Het gezin woont in Vlaanderen of Brussel.")),
        ),
        how=_("Krijgt je kind een Groeipakket? Dan krijg je het vanzelf. Anders vraag je het aan bij een uitbetaler van het Groeipakket."),
        bring=_("De naam van de kinderopvang."),
        where=_("Uitbetaler van het Groeipakket"),
    ),
)  # fmt: skip

POINTERS = (
    Pointer(
        "uitpas",
        "wijzer_uitpas",
        _("UiTPAS met kansentarief"),
        _("Goedkoper naar sport, cultuur en vrije tijd. Vraag het aan bij de UiTPAS-balie van je gemeente."),
        topic="uitpas",
    ),
    Pointer(
        "studietoelage",
        "wijzer_studietoelage",
        _("Studietoelage"),
        _("Er is een student in het gezin. Vraag een studietoelage aan bij Vlaanderen."),
        topic="studietoelage",
    ),
    Pointer(
        "juridisch_advies",
        "wijzer_juridisch_advies",
        _("Gratis juridisch advies"),
        _("Een advocaat kan gratis of goedkoop zijn. Vraag het aan het Bureau voor Juridische Bijstand."),
        topic="juridisch_advies",
    ),
    Pointer(
        "schuldhulp",
        "wijzer_schuldhulp",
        _("Hulp bij schulden"),
        _("Een budgetmeter of een hoge huur kan wijzen op schulden. Het OCMW en het CAW helpen gratis."),
        topic="schuldhulp",
    ),
    Pointer(
        "zorgbudget_ouderen",
        "wijzer_zorgbudget_ouderen",
        _("Zorgbudget voor ouderen"),
        _("Iemand is 65 of ouder met een laag inkomen. Heb je hulp nodig in het dagelijks leven? Vraag het zorgbudget voor ouderen aan bij je zorgkas (via je ziekenfonds)."),
        topic="ziekteverzekering",
    ),
    Pointer(
        "apa",
        "wijzer_apa",
        _("Tegemoetkoming voor hulp aan bejaarden (APA)"),
        _("Iemand is 65 of ouder met een laag inkomen. Heb je hulp nodig in het dagelijks leven? Vraag de APA aan bij Iriscare, via je gemeente of het OCMW."),
        topic="algemeen_onthaal",
    ),
    Pointer(
        "sociaal_tarief_water",
        "wijzer_sociaal_tarief_water",
        _("Sociaal tarief of korting voor water"),
        _("Met een leefloon, IGO, een tegemoetkoming voor een handicap of de verhoogde tegemoetkoming betaal je soms minder voor water. Vraag het aan je waterbedrijf of het OCMW."),
        topic="energieschulden",
    ),
    Pointer(
        "sociaal_tarief_telecom",
        "wijzer_sociaal_tarief_telecom",
        _("Sociaal tarief voor telefoon en internet"),
        _("Ben je 65 of ouder, heb je een handicap of een leefloon, en is je inkomen laag? Vraag het sociaal tarief aan bij je telefoon- of internetbedrijf."),
        topic="digitale_hulp",
    ),
)  # fmt: skip

BY_ID = {right.id: right for right in RIGHTS}
