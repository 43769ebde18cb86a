"""``manage.py restore FILE``: replace the whole database with a backup (asks first)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from stek.core import backup


class Command(BaseCommand):
    help = "Replace the whole database with the backup in FILE. Asks first unless --noinput."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, file, database, interactive=True, **options):
        name = connections[database].settings_dict["NAME"]
        if interactive:
            answer = input(
                f"This replaces every row of the database {name!s} with the backup {file}.\n"
                "Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        started = time.perf_counter()
        try:
            backup.restore(file, alias=database)
        except (backup.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {file} into {name} in {time.perf_counter() - started:.1f} s. "
            "Run manage.py migrate if the backup comes from an older release."
        )
