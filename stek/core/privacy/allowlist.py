"""Words that look like names to a name detector but are not personal data here.

Organisation names, public bodies, rights and regions are what STEK notes are about; a scanner
that blocks "Wonen in Vlaanderen" or "Groeipakket" would block every useful note.
Compared case-insensitively, token by token.
"""

ALLOWED_TERMS = frozenset(
    word.lower()
    for word in """
    OCMW CPAS CAW OCMW's CAW's SAAMO SAM STEK STEK's VDAB Actiris Forem FOD SPF RVA ONEM RIZIV INAMI
    Fluvius Sibelga Eandis Infrabel NMBS SNCB MIVB STIB De Lijn TEC Proximus Telenet Orange
    Wonen Vlaanderen Vlaams Vlaamse Brussel Brussels Bruxelles Brusselse Wallonie Wallonië Belgie
    België Belgique Federaal Federale Stad Gemeente Commune Ville Provincie Province Gewest Région
    Groeipakket Kindergeld Leefloon Huurpremie Huursubsidie Huurtoelage Verwarmingsfonds
    Maximumfactuur
    UiTPAS IGO GRAPA Mutualiteit Mutualité Ziekenfonds Ziekenkas CM Solidaris Helan Partena
    Liberale Socialistische Christelijke Onafhankelijke Neutrale Kind Gezin Opgroeien Fedasil
    Dienst Vreemdelingenzaken Vreemdelingenzaken Justitiehuis Jobhuis Sociaal Huis Woonwinkel
    Energiehuis Wijkgezondheidscentrum Wijkgezondheidscentra Huisartsenwachtpost Kom Op Tegen Kanker
    Gent Antwerpen Brugge Leuven Mechelen Kortrijk Oostende Hasselt Genk Aalst Sint-Niklaas Ronse
    Anderlecht Molenbeek Schaerbeek Schaarbeek Laken Jette Vorst Forest Elsene Ixelles Etterbeek
    Oudergem Ukkel Uccle Evere Ganshoren Koekelberg Sint-Gillis Saint-Gilles Sint-Joost Vilvoorde
    Boom Lier Turnhout Geel Mol Herentals Ieper Roeselare Tienen Aarschot Dendermonde Lokeren Eeklo
    Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag Lundi Mardi Mercredi Jeudi Vendredi
    Samedi Dimanche Januari Februari Maart April Mei Juni Juli Augustus September Oktober November
    December Janvier Février Mars Avril Juin Juillet Août Septembre Octobre Novembre Décembre
    Mons Bergen Namur Namen Liège Luik Charleroi Gand Anvers Bruges Louvain Malines Courtrai
    Ostende Tournai Doornik Verviers Arlon Wavre Waver Nivelles Nijvel Halle Hal Zaventem Dilbeek
    Asse Croix-Rouge Rode Kruis Environnement Leefmilieu Iriscare Famiris Infor-Jeunes
    Kerstmis Pasen Ramadan Suikerfeest Offerfeest Nieuwjaar
    """.split()
)

# Words that may start a sentence or follow a name detector's cue but are common Dutch/French.
STOP_CAPITALISED = frozenset(
    w.lower()
    for w in """
    De Het Een Ze Zij Hij Wij We Je Jij U Die Dat Deze Dit Er Hier Daar Ook Nog Wel Niet Maar En
    Of Als Want Dus Toen Na Voor Bij Met Op In Aan Om Te Van Naar Uit Over Onder Tijdens
    Le La Les Un Une Des Elle Il Ils Elles Nous Vous On Ce Cette Mais Et Ou Donc Car Puis Pour
    Avec Sans Chez Dans Sur Sous Par Au Aux Du Madame Monsieur Mevrouw Meneer
    Bel Bellen Mail Mailen Stuur Vraag Zeg Kom Ga Geef Neem Help Check Contacteer Verwijs Toon
    Appelle Appeler Appelez Envoyer Envoie Demande Demander Contacter Contactez Voir Aller Venir
    Call Email Ask Send Contact Refer Bezoeker Bezoekster Visiteur Visiteuse Visitor
    """.split()
)
