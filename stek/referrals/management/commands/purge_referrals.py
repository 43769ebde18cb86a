"""Expire overdue referrals and purge closed ones after the retention period, keeping only
monthly counts. Schedule it daily (cron or a systemd timer)."""

from stek.core.management.base import StekCommand
from stek.referrals.services import purge


class Command(StekCommand):
    help = "Expire overdue referrals; delete closed and expired ones after the retention period."

    def add_command_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, help="Retention in days (default STEK_REFERRAL_RETENTION_DAYS)."
        )

    def run(self, days=None, **options):
        expired, purged = purge(retention_days=days)
        self.stdout.write(f"Expired {expired} referrals; purged {purged} into the monthly counts.")
