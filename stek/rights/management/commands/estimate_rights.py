"""How many households probably have each right: the rules run over a whole population.

    manage.py estimate_rights --synthetic 1000000
    manage.py estimate_rights --csv households.csv --out estimate.csv --date 2025-03-15

The synthetic distributions and the CSV columns are documented in stek/rights/population.py.
Counts per area are suppressed below STEK_SUPPRESSION_THRESHOLD in the written file."""

import csv
import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from stek.core.privacy import boundary
from stek.rights import engine, population
from stek.rights.catalogue import RIGHTS


def _date(text):
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--date must be a date like 2025-03-15, not {text!r}") from None


class Command(BaseCommand):
    help = "Estimate per right (and per area) how many households are probably entitled."

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--synthetic", type=int, metavar="N", help="N synthetic persons")
        source.add_argument("--csv", metavar="FILE", help="persons, one row each (see docs)")
        parser.add_argument("--date", dest="when", type=_date, help="default: today")
        parser.add_argument("--out", metavar="FILE", help="write the counts as CSV")
        parser.add_argument("--seed", type=int, default=2026, help="for --synthetic")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, synthetic=None, csv=None, when=None, out=None, seed=2026, **options):
        when = when or date.today()
        try:
            engine.check_date(when)
        except engine.DateOutOfRange as error:
            raise CommandError(str(error)) from None
        if synthetic is not None and synthetic < 1:
            raise CommandError("--synthetic needs at least 1 person")
        try:
            households = (
                population.synthetic(synthetic, seed)
                if synthetic is not None
                else population.read_csv(csv)
            )
        except (OSError, population.CsvError) as error:
            raise CommandError(str(error)) from None
        people = households.population.size
        self.stderr.write(f"{people} persons in {households.count} households, on {when}.")
        with tqdm(
            total=people,
            unit=" persons",
            unit_scale=True,
            file=sys.stderr,
            disable=options["no_progress"],
        ) as bar:
            counts = population.estimate(households, when, progress=bar.update)
        self._print(counts, households.count)
        if out:
            self._write(out, counts, households)
            self.stdout.write(f"Written to {out}.")

    def _print(self, counts, total):
        self.stdout.write(f"{'right':32} {'households':>12} {'share':>7}")
        for right in RIGHTS:
            number = sum(v for (_area, rid), v in counts.items() if rid == right.id)
            self.stdout.write(f"{right.id:32} {number:>12} {number / total:>7.1%}")

    def _write(self, path, counts, households):
        areas = sorted({area for area, _rid in counts})
        per_area = {area: int((households.areas == area).sum()) for area in areas}
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["area", "right", "households", "entitled"])
            for right in RIGHTS:
                cells = {area: counts.get((area, right.id), 0) for area in areas}
                shown = boundary.publish(cells).cells if areas != [""] else cells
                for area in areas:
                    value = shown[area]
                    writer.writerow(
                        [area, right.id, per_area[area], "" if value is None else value]
                    )
