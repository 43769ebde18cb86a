"""The one entry point for scheduled work (a systemd timer or cron runs it daily).

Runs every job of ``stek.core.periodic.JOBS`` on its own, logs each result, records the run and
exits 1 when any job failed. ``--status`` shows the last run; exit 1 if it failed, is missing
or older than two days.
"""

from django.core.management.base import BaseCommand, CommandError

from stek.core import periodic


class Command(BaseCommand):
    help = "Run every periodic job (purge_referrals, clearsessions, ...); exit 1 if any failed."

    def add_arguments(self, parser):
        parser.add_argument("--status", action="store_true", help="Show the last run and exit.")
        parser.add_argument(
            "--only",
            action="append",
            choices=[name for name, _ in periodic.JOBS],
            help="Run only this job (repeatable).",
        )

    def handle(self, *args, status=False, only=None, **options):
        if status:
            run = periodic.last_run()
            healthy, text = periodic.health()
            for job in (run or {}).get("jobs", []):
                self.stdout.write(
                    f"  {'ok    ' if job['ok'] else 'FAILED'} {job['name']}: {job['message']}"
                )
            if not healthy:
                raise CommandError(text)
            self.stdout.write(text)
            return
        run = periodic.run_jobs(only=only)
        for job in run["jobs"]:
            line = f"{job['name']}: {job['message']} ({job['seconds']:.1f} s)"
            if job["ok"]:
                self.stdout.write(self.style.SUCCESS(f"ok     {line}"))
            else:
                self.stderr.write(self.style.ERROR(f"FAILED {line}"))
        failed = [job["name"] for job in run["jobs"] if not job["ok"]]
        if failed or not run["ok"]:
            raise CommandError(f"periodic jobs failed: {', '.join(failed) or 'recording the run'}")
