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
    return services.freeze_report(actor=None, stek=stek, year=year, today=today, **WORDS)
