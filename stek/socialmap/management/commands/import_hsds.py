"""Import HSDS 3.0 JSON (an array of services and/or organisations), idempotently.

Every record is checked against the HSDS 3.0 schema; a rejected record is reported with the
reason and changes nothing; the others are created or updated by their HSDS id."""

import json
from pathlib import Path

from django.core.management.base import CommandError

from stek.core import audit
from stek.core.enums import AuditAction
from stek.core.management.base import StekCommand
from stek.core.models import Network
from stek.socialmap.hsds import import_records


class Command(StekCommand):
    help = "Import HSDS 3.0 services or organisations from a JSON file."

    def add_command_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--network", help="Network slug (needed when there are several).")

    def run(self, file, network=None, **options):
        path = Path(file)
        try:
            records = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise CommandError(f"File not found: {path}") from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(
                f"{path} is not valid JSON ({error}). Nothing was imported."
            ) from error
        if isinstance(records, dict):
            records = [records]
        if not isinstance(records, list):
            raise CommandError("Expected a JSON array of HSDS records. Nothing was imported.")
        net = self._network(network)
        imported, rejected = import_records(net, records)
        for position, record_id, reason in rejected:
            self.stderr.write(f"Rejected record {position} (id {record_id}): {reason}")
        audit.record(
            None,
            AuditAction.IMPORTED,
            f"HSDS {path.name}",
            network=net,
            detail=f"{len(imported)} imported, {len(rejected)} rejected",
        )
        self.stdout.write(
            self.style.SUCCESS(f"Imported {len(imported)} records; rejected {len(rejected)}.")
        )

    def _network(self, slug):
        if slug:
            net = Network.objects.filter(slug=slug).first()
            if net is None:
                raise CommandError(f"No network with slug {slug!r}.")
            return net
        networks = list(Network.objects.all()[:2])
        if len(networks) != 1:
            raise CommandError("Say which network with --network SLUG.")
        return networks[0]
