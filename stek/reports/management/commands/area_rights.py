"""The rights population estimate per area of a STEK (issue 18, ADR 0017):

    manage.py area_rights --stek de-wissel --csv households.csv [--date 2026-03-01]

The CSV is the one of ``estimate_rights`` (stek/rights/population.py), with the ``area`` column
holding a NIS code or a statistical sector code. The counts per area and right are suppressed
before they are stored (``services.store_area_estimate``) and show on the STEK's area page with
their date; a "maybe" right is an upper bound."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from stek.core.models import Stek
from stek.reports import services
from stek.rights import engine, population


def _date(text):
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--date must be a date like 2026-03-01, not {text!r}") from None


class Command(BaseCommand):
    help = "Estimate per right how many households of each area of a STEK are probably entitled."

    def add_arguments(self, parser):
        parser.add_argument("--stek", required=True, metavar="SLUG")
        parser.add_argument("--csv", required=True, metavar="FILE")
        parser.add_argument("--date", dest="when", type=_date, help="default: today")

    def handle(self, *args, stek, csv, when=None, **options):
        when = when or date.today()
        found = Stek.objects.filter(slug=stek).first()
        if found is None:
            raise CommandError(f"no STEK with the short name {stek!r}")
        try:
            engine.check_date(when)
            households = population.read_csv(csv)
        except (OSError, population.CsvError, engine.DateOutOfRange) as error:
            raise CommandError(str(error)) from None
        areas = {str(a) for a in households.areas}
        if "" in areas:
            raise CommandError("every household needs an area (a NIS or sector code)")
        counts = population.estimate(households, when)
        per_area = {a: int((households.areas == a).sum()) for a in sorted(areas)}
        stored = services.store_area_estimate(
            stek=found, counts=counts, households=per_area, when=when
        )
        self.stdout.write(f"{stored} figures for {len(per_area)} areas of {found}, on {when}.")
