"""Demo reports: last year's report of De Wissel, frozen with the team's own words, so the
demo shows a frozen report beside this year's figures (all names fictional)."""

from django.utils import timezone

from . import services
from .models import YearReport

WORDS = {
    "highlights": (
        "We openden elke week de koffiehoek en startten een computerles met de bibliotheek. "
        "Veel vragen gingen over de energiefactuur."
    ),
    "plans": "Een tweede permanentie met het OCMW en meer vrijwilligers aan het onthaal.",
    "bbc_code": "AP2.1.4",
}


def seed_reports(steks, today=None):
    today = today or timezone.localdate()
    stek = steks.get("de-wissel")
    if stek is None:
        return None
    year = today.year - 1
    YearReport.objects.filter(stek=stek, year=year).delete()
    report = services.freeze_report(actor=None, stek=stek, year=year, today=today, **WORDS)
    seed_self_evaluations(stek, today)
    seed_area(stek)
    return report


# --- the area analysis (issue 18): made-up figures in Statbel's real formats -----------------

# (sector code, name, population or "*" (suppressed by the source), people with an income,
#  their total net taxable income, its median): six made-up sectors of Gent around De Wissel
DEMO_SECTORS = [
    ("44021A001", "Wisselwijk-Noord", 1840, 1210, 30_250_000, 21_400),
    ("44021A002", "Wisselwijk-Zuid", 2210, 1475, 34_900_000, 19_800),
    ("44021A003", "Stationsbuurt", 1320, 905, 24_100_000, 23_900),
    ("44021A004", "Oude Dokken", "*", 3, 60_000, 19_000),
    ("44021A005", "Parkbuurt", 2675, 1830, 55_300_000, 27_100),
    ("44021A006", "Molenveld", 1490, 1002, 21_700_000, 18_600),
]


def _statbel_file(header, rows):
    """A file as Statbel publishes them: UTF-8 with a BOM, pipe-delimited."""
    lines = ["|".join(header), *("|".join(str(v) for v in row) for row in rows)]
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def _squares(lat, lon):
    """Six made-up sector outlines (two rows of three squares) around the STEK's place."""
    size, features = 0.006, []
    for i, (code, name, *_rest) in enumerate(DEMO_SECTORS):
        x0, y0 = lon - 1.5 * size + (i % 3) * size, lat - size + (i // 3) * size
        ring = [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]
        features.append(
            {
                "type": "Feature",
                "properties": {"CD_SECTOR": code, "TX_SECTOR_DESCR_NL": name},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def seed_area(stek):
    """De Wissel's service area with a population and an income file and a sector map, all
    made up (the machines here cannot download Statbel's files; the formats are the real ones).
    """
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile

    source = "Demo: verzonnen cijfers in het formaat van Statbel"
    population = _statbel_file(
        ["CD_YEAR", "CD_REFNIS", "TX_DESCR_NL", "CD_SECTOR", "TX_SECTOR_DESCR_NL", "MS_POPULATION"],
        [(2025, "44021", "Gent", code, name, pop) for code, name, pop, *_r in DEMO_SECTORS],
    )
    income = _statbel_file(
        [
            "CD_YEAR",
            "CD_REFNIS",
            "CD_SECTOR",
            "MS_NBR_NON_ZERO_INC",
            "MS_TOT_NET_TAXABLE_INC",
            "MS_MEDIAN_NET_TAXABLE_INC",
        ],
        [
            (2023, "44021", code, "*" if n < 5 else n, "*" if n < 5 else total, median)
            for code, _name, _pop, n, total, median in DEMO_SECTORS
        ],
    )
    for name, content in (
        ("Bevolking per statistische sector (demo)", population),
        ("Fiscaal inkomen per statistische sector (demo)", income),
    ):
        services.import_area_dataset(
            actor=None,
            stek=stek,
            upload=SimpleUploadedFile(f"{name}.txt", content),
            name=name,
            source=source,
            licence="CC BY 4.0",
        )
    services.set_service_area(actor=None, stek=stek, codes=[c for c, *_r in DEMO_SECTORS])
    if stek.latitude is not None and stek.longitude is not None:
        outline = json.dumps(_squares(float(stek.latitude), float(stek.longitude)))
        services.save_area_map(
            actor=None,
            stek=stek,
            upload=SimpleUploadedFile("sectoren.geojson", outline.encode("utf-8")),
        )


# --- the self-evaluation (issue 18): last year's closed, this year's half way the meeting ----

# (statement key, last year's score, this year's score or None, this year's evidence note)
SELF_EVALUATION = [
    ("ontmoeten.plaats", 3, 4, "De koffiehoek is elke week open; mensen vinden de weg."),
    ("ontmoeten.organisaties", 2, 3, "Drie partners staan om beurten in het rooster."),
    ("ontmoeten.bekend", 2, 2, "De affiche hangt uit, maar online zijn we moeilijk te vinden."),
    ("ontmoeten.kost", 4, 4, "Alles is gratis, ook de koffie."),
    ("ontmoeten.divers", 2, 3, "Sinds de computerles is er meer aanbod overdag."),
    ("leren.drempel", 3, 3, ""),
    ("leren.niveau", 2, 3, "De computerles werkt in kleine groepjes."),
    ("leren.zelf", 1, 2, ""),
    ("leren.diensten", 2, 2, "Het OCMW kwam twee keer uitleg geven."),
    ("leren.gratis", 4, 4, ""),
    ("politiseren.ervaring", 2, 3, "Veel vragen over de energiefactuur."),
    ("politiseren.iedereen", 1, None, ""),
    ("politiseren.rechten", 2, None, ""),
    ("politiseren.veilig", 3, None, ""),
    ("politiseren.oplossingen", 1, None, ""),
    ("verwijzen.contact", 3, None, ""),
    ("verwijzen.vertrouwen", 3, None, ""),
    ("verwijzen.landschap", 2, None, ""),
    ("verwijzen.privacy", 4, None, ""),
    ("verwijzen.geen_dossiers", 4, None, ""),
    ("toegankelijk.drempels", 3, None, ""),
    ("toegankelijk.transparant", 2, None, ""),
    ("toegankelijk.ligging", 3, None, ""),
    ("samenwerken.dragen", 2, None, ""),
    ("samenwerken.buiten", 2, None, ""),
    ("samenwerken.genoeg", 1, None, ""),
    ("participatie.talenten", 2, None, ""),
    ("participatie.beslissen", 1, None, ""),
    ("participatie.taken", 2, None, ""),
    ("autonomie.zelf", 3, None, ""),
    ("autonomie.signalen", 2, None, ""),
]
DEMO_RATERS = 4  # partners who scored last year through the link (at least the threshold)


def seed_self_evaluations(stek, today=None):
    """Last year's self-evaluation, closed (with the partners' scores), and this year's in
    progress, so the radar shows this year solid and last year dashed."""
    from datetime import timedelta

    from .models import SelfEvaluation

    today = today or timezone.localdate()
    SelfEvaluation.objects.filter(stek=stek, year__in=[today.year - 1, today.year]).delete()
    last = services.start_self_evaluation(actor=None, stek=stek, year=today.year - 1, today=today)
    now = timezone.now()
    link = services.open_rater_link(
        actor=None, evaluation=last, kind="partner", now=now - timedelta(days=2)
    )
    for i in range(DEMO_RATERS):
        scores = {
            key: max(1, min(4, before + (i % 3) - 1)) for key, before, _n, _t in SELF_EVALUATION
        }
        services.submit_rater_scores(link=link, device=f"demo-partner-{i}", scores=scores)
    this = services.start_self_evaluation(actor=None, stek=stek, year=today.year, today=today)
    for key, before, now_score, note in SELF_EVALUATION:
        services.save_team_score(actor=None, evaluation=last, statement=key, score=before)
        if now_score is not None:
            services.save_team_score(
                actor=None, evaluation=this, statement=key, score=now_score, note=note
            )
    services.close_self_evaluation(actor=None, evaluation=last)
    return last, this
