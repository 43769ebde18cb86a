"""``manage.py backup FILE``: the whole database into one file (see stek/core/backup.py)."""

import os
import time

from django.core.management.base import BaseCommand, CommandError

from stek.core import backup


class Command(BaseCommand):
    help = "Back up the whole database to FILE (PostgreSQL: pg_dump -Fc; SQLite: online backup)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--database", default="default")

    def handle(self, *args, file, database, **options):
        started = time.perf_counter()
        try:
            backup.backup(file, alias=database)
        except (backup.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        size = os.path.getsize(file)
        self.stdout.write(
            f"Backed up to {file} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s."
        )
