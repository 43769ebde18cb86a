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
    Vincentius Camillus Baudouin Emmaüs Emmaus Samusocial Vluchtelingenwerk Welzijnsschakels
    Kringwinkel WoninGent Woonhaven Infino Kidslife Parentia Famiwal Camille Fons Helan Partena
    Fedris Medex Sodexo Ethias Tele-Onthaal Teleonthaal Infor-Drogues Caritas Oxfam Unia
    Engie Electrabel Luminus TotalEnergies Eneco Octa+ Bolt Essent Lampiris Elegant Mega Aspiravi
    Moyson Vivalia Vivas Securex Acerta Liantis Partena Samenlevingsopbouw Huurdersplatform
    Middelares Vredegerecht Arbeidsrechtbank Familierechtbank Politierechtbank Justice Paix
    JAC JAC's TAZ CLB PMS PSE
    Aldi Lidl Delhaize Colruyt Carrefour Spar Kruidvat Zeeman Hema Ikea Primark Decathlon Brico
    Gamma Makro Cora Intermarché Okay Albert Heijn Action Bpost VRT RTBF Bruzz Nieuwsblad
    """.split()
)

# Institutions named after people, read as one phrase (case-insensitive): hospitals, foundations
# and social-housing companies that STEK notes mention all the time.
ALLOWED_PHRASES = frozenset(
    " ".join(p.lower().split())
    for p in """
    Jan Palfijn|Jan Yperman|Maria Middelares|Queen Fabiola|Reine Fabiola|Koningin Fabiola|
    Koningin Paola|Reine Paola|Koning Boudewijn|Roi Baudouin|Bond Moyson|Foyer Laekenois|
    Foyer Schaerbeekois|Foyer Anderlechtois|Foyer Jettois|Jules Bordet|Erasme|Brugmann|
    Paul Brien|Stuivenberg|Elisabeth|Marie Curie|Joseph Bracops|Heilig Hart|Sint-Jan|
    Sint-Pieter|Saint-Pierre|Saint-Luc|Saint-Jean|Sainte-Elisabeth|Sint-Elisabeth|
    grace à|grace a|grace aux|Vincent de Paul|Vincentius a Paulo|Victor Horta|Horta
    """.split("|")
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
    The A An This That These Those She He They We It His Her Their Our My Your Its
    Ons Onze Hem Mij Mijn Jou Jouw Jullie Hun Hen Zich Nous Moi Toi Lui Leur Eux Us Me Him Them
    """.split()
)

# Words that make the name after them an institution's: "AZ Jan Palfijn", "Maison Médicale
# Marconi", "Buurthuis Sint-Jan", "Fondation Roi Baudouin". Also never names themselves.
INSTITUTION_WORDS = frozenset(
    w.lower()
    for w in """
    AZ UZ CHU CHR CHIREC HUB Kliniek Kliniekje Clinique Cliniques Ziekenhuis Hôpital Hopital
    Hospital Medisch Médicale Medical Maison Huis Buurthuis Wijkhuis Dienstencentrum Centrum
    Centre Center Foyer Fondation Foundation Stichting Fonds Instituut Institut Institute School
    Basisschool Athénée Lycée Collège College Academie Académie Campus Universiteit Université
    Kerk Église Eglise Moskee Mosquée Parochie Paroisse Vereniging Association Asbl Vzw Koning
    Koningin Roi Reine King Queen Prins Prince Princesse Prinses Park Parc Station Gare Metro
    Métro Residentie Résidence Home Rusthuis Woonzorgcentrum Kinderdagverblijf Crèche Creche
    Mutualiteit Mutualité Ziekenfonds Vincentiusvereniging Samusocial Vluchtelingenwerk
    Welzijnsschakels Emmaüs Emmaus Kringwinkel Caritas Lire Écrire Vie Féminine Ligue Familles
    Restos Cœur Petits Riens Salvation Army Leger Heils Mutualité Rotary Lions Oxfam Solidarité
    Zaal Salle Lokaal Aula Room
    """.split()
)

# A lower-case word right after one of these is read as a name when it is a first name:
# "mijn nicht lotte", "haar man mehmet", "elle s'appelle nadia", "she is called amina".
NAME_CUES = frozenset(
    w.lower()
    for w in """
    nicht neef zoon zoontje dochter dochtertje man vrouw echtgenoot echtgenote broer broertje zus
    zusje zuster moeder mama mams papa vader oma opa tante nonkel oom buurman buurvrouw vriend
    vriendin juf meester kleinzoon kleindochter schoonzoon schoondochter schoonmoeder schoonvader
    stiefvader stiefmoeder ex partner heet genaamd collega begeleider begeleidster
    lief liefje vriendje vriendinnetje chéri chérie boyfriend girlfriend
    familie gezin verhuurder verhuurster huisbaas huisbazin eigenaar eigenares bewindvoerder
    contact contactpersoon vrijwilliger vrijwilligster bénévole propriétaire bailleur famille
    landlord landlady volunteer family
    fils fille mari femme épouse époux frère sœur soeur mère père maman tante oncle voisin
    voisine ami amie copain copine cousin cousine s'appelle appelle nommé nommée prénommé
    prénommée belle-mère beau-père neveu nièce petit-fils petite-fille collègue
    son daughter husband wife brother sister mother father mum mom dad aunt uncle neighbour
    neighbor friend cousin called named nephew niece grandson granddaughter colleague
    """.split()
)

# "bellen naar hanne", "mailen naar jana", "écrire à nadia", "talk to amina": a lower-case first
# name after one of these verbs and its preposition.
CONTACT_VERBS = frozenset(
    """bellen bel belt belde mailen mail mailt sms sms'en smsen schrijven schrijf stuur sturen
    vragen vraag zeggen zeg téléphoner téléphone écrire écris parler demander envoyer call calls
    phone text write talk ask email""".split()
)
CONTACT_PREPOSITIONS = frozenset("naar aan tegen met à au to with".split())

# "bij lotte thuis", "met sofie", "voor kevin d.", "chez nadia": a lower-case first name (one
# that is no ordinary word) right after one of these.
NAME_PREPOSITIONS = frozenset("bij met voor van chez avec pour with for".split())

# What a person does: a first name that is also an ordinary word ("Will", "Lies", "tom") is a
# name when one of these follows it ("Will heeft de sleutels", "tom zegt", "Lies neemt over"),
# and a word after a civility that is one of these is none ("meneer heeft", "mevr stond").
PERSON_VERBS = frozenset(
    """heeft had hebben is was zijn waren zegt zei belt belde komt kwam neemt nam wil wilde wou
    zoekt zocht vraagt vroeg woont woonde werkt werkte gaat ging kan kon moet moest mag mocht zal
    zou stelde stelt helpt hielp brengt bracht haalt haalde doet deed krijgt kreeg betaalt
    betaalde stond staat zit zat kijkt keek rijdt reed schreef schrijft stuurde stuurt weet wist
    heeft's ligt lag blijft bleef loopt liep leest las spreekt sprak begrijpt snapt probeert
    a est était avait dit disait appelle appelait vient venait viendra aide aidait cherche veut
    voulait peut pouvait doit devait habite habitait travaille travaillait passe passera demande
    demandait fait faisait prend prenait rappelle rappellera va allait sait savait
    has says said calls called comes came wants wanted needs needed lives lived works worked
    helps helped drives drove brings brought asks asked takes took knows knew""".split()
)

# Languages and peoples, written in lower case by people who type fast ("les in het frans"):
# never a name in lower case, though "Frans" is also a first name.
LANGUAGE_WORDS = frozenset(
    """frans engels duits spaans italiaans arabisch turks pools russisch roemeens nederlands
    vlaams portugees berbers koerdisch perzisch dari pasjtoe tigrinya lingala swahili albanees
    bulgaars oekraïens français anglais allemand espagnol italien arabe turc polonais russe
    roumain néerlandais flamand portugais berbère kurde persan ukrainien french english german
    spanish italian arabic turkish polish russian romanian dutch flemish portuguese""".split()
)

# "griet haar geboortedatum", "ben salah zijn nummer": a name before a Flemish possessive.
POSSESSIVES_AFTER = frozenset("haar zijn z'n zen heur d'r".split())
