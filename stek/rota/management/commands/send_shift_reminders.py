"""E-mail everyone their shifts of the next two days, with an .ics (run daily; ADR 0012)."""

from django.core.management.base import BaseCommand

from stek.rota import services


class Command(BaseCommand):
    help = "E-mail each person their shifts of the next two days (never twice)."

    def handle(self, *args, **options):
        people, takes = services.send_reminders()
        self.stdout.write(f"sent reminders of {takes} shifts to {people} people")
