"""Freeze every network's signal counts of the months that are complete (ADR 0006): from then
on the network page, the STEK overview's network figures and the dossiers read those months
from the frozen counts, so a STEK joining or leaving changes no published figure. Run it daily
(``manage.py run_periodic`` does)."""

from stek.advocacy.services import freeze_all_networks
from stek.core.management.base import StekCommand


class Command(StekCommand):
    help = "Freeze the signal counts of every network's completed months (run daily)."

    def run(self, **options):
        frozen = freeze_all_networks()
        total = sum(frozen.values())
        self.stdout.write(f"Froze {total} months in {len(frozen)} networks.")
