"""Write the social map as Open Referral HSDS 3.0: OUTDIR/services.json and organizations.json."""

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils import timezone

from stek.core.management.base import StekCommand
from stek.core.models import Network, Organisation
from stek.socialmap.hsds import organisation_to_hsds, service_to_hsds, services_for_export
from stek.socialmap.models import Service


class Command(StekCommand):
    help = "Export services and organisations as HSDS 3.0 JSON (services.json, organizations.json)."
    atomic = False

    def add_command_arguments(self, parser):
        parser.add_argument("outdir")
        parser.add_argument("--network", help="Network slug (default: every network).")
        parser.add_argument(
            "--all",
            action="store_true",
            help="Also services for professionals only and inactive ones (default: public).",
        )

    def run(self, outdir, network=None, all=False, **options):
        services = Service.objects.all() if all else Service.objects.public()
        organisations = Organisation.objects.all()
        if network:
            net = Network.objects.filter(slug=network).first()
            if net is None:
                raise CommandError(f"No network with slug {network!r}.")
            services = services.in_network(net)
            organisations = organisations.filter(network=net)
        services = services_for_export(services).order_by("uuid")
        organisations = organisations.filter(services__in=services).distinct().order_by("uuid")
        today = timezone.localdate()
        out = Path(outdir)
        out.mkdir(parents=True, exist_ok=True)
        service_data = [service_to_hsds(s, today=today) for s in services]
        org_data = [organisation_to_hsds(o) for o in organisations]
        if options["dry_run"]:
            self.stdout.write(f"Would write {len(service_data)} services.")
            return
        (out / "services.json").write_text(json.dumps(service_data, ensure_ascii=False, indent=1))
        (out / "organizations.json").write_text(json.dumps(org_data, ensure_ascii=False, indent=1))
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {len(service_data)} services and {len(org_data)} organisations to {out}."
            )
        )
