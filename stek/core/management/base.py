"""The shared base for stek's management commands: logging, one transaction, --dry-run."""

import logging

from django.core.management.base import BaseCommand
from django.db import transaction


class DryRun(Exception):
    pass


class StekCommand(BaseCommand):
    """Subclasses implement ``run(*args, **options)``; it runs in one transaction.

    With ``--dry-run`` everything is done and reported, then rolled back.
    """

    atomic = True

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Do everything, then roll back.")
        self.add_command_arguments(parser)

    def add_command_arguments(self, parser):
        pass

    def handle(self, *args, **options):
        self.log = logging.getLogger(f"stek.commands.{self.__module__.rsplit('.', 1)[-1]}")
        if not self.atomic:
            return self.run(*args, **options)
        try:
            with transaction.atomic():
                result = self.run(*args, **options)
                if options["dry_run"]:
                    raise DryRun
        except DryRun:
            self.stdout.write(self.style.WARNING("Dry run: nothing was saved."))
            return None
        return result

    def run(self, *args, **options):
        raise NotImplementedError
