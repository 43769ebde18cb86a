"""Build (or load) the personal-data scanner's lookup tables once, at install time.

Run through manage.py on purpose: Django sets the process time zone, and deduce validates its
cache by comparing naive local times, so a cache built outside Django looks stale inside it and
is rebuilt (1-2 minutes) in the first server process.
"""

import time

from stek.core.management.base import StekCommand
from stek.core.privacy import find_personal_data, warm_up


class Command(StekCommand):
    help = "Prepare the personal-data scanner (deduce) so no request or test waits for it."
    atomic = False

    def run(self, *args, **options):
        started = time.perf_counter()
        warm_up()
        assert find_personal_data("Bel Jan Peeters op 0470 12 34 56.")
        self.stdout.write(f"Personal-data scanner ready in {time.perf_counter() - started:.1f} s.")
