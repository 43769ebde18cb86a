"""Scan text for personal data.

stdin mode: read JSON lines ``{"id": ..., "text": ..., "lang": "nl"|"fr"|"en"}`` and write one
JSON line per input: ``{"id": ..., "findings": [{"kind": ..., "start": ..., "end": ...}]}``.
Every line gets an answer: a line that cannot be read (invalid JSON, no text, an unknown
language) or that fails to scan gets ``{"id": ..., "line": n, "error": "..."}`` and the scan
goes on with the next line.

``--database``: scan every stored free-text field that carries the personal-data validator and
report model, id and field (for an audit); exits with status 1 when anything is found.
"""

import json
import sys

from django.apps import apps
from django.core.management.base import CommandError

from stek.core.management.base import StekCommand
from stek.core.privacy import scan
from stek.core.privacy.validators import NoPersonalDataValidator


def scanned_fields():
    """(model, field name) for every field validated by the personal-data scanner."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            validators = getattr(field, "validators", [])
            if any(isinstance(v, NoPersonalDataValidator) for v in validators):
                yield model, field.name


class Command(StekCommand):
    help = "Find personal data in JSON lines from stdin, or in stored free text (--database)."
    atomic = False

    def add_command_arguments(self, parser):
        parser.add_argument(
            "--database", action="store_true", help="Scan the stored free-text fields."
        )

    def run(self, *args, **options):
        if options["database"]:
            return self.scan_database()
        return self.scan_stdin()

    def scan_stdin(self):
        out = self.stdout
        for number, raw in enumerate(sys.stdin, start=1):
            if not raw.strip():
                continue
            item = None
            try:
                item = json.loads(raw)
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise ValueError("expected an object with a string 'text'")
                lang = item.get("lang") or None
                findings = scan(item["text"], lang=lang)
                answer = json.dumps(
                    {"id": item.get("id"), "findings": [f.as_dict() for f in findings]},
                    ensure_ascii=False,
                )
            except Exception as error:  # noqa: BLE001 - one bad line never ends the stream
                item_id = item.get("id") if isinstance(item, dict) else None
                try:
                    json.dumps(item_id)
                except (TypeError, ValueError):
                    item_id = None
                answer = json.dumps({"id": item_id, "line": number, "error": str(error)})
            out.write(answer)
            out.flush()

    def scan_database(self):
        found = 0
        for model, field in scanned_fields():
            rows = model._default_manager.exclude(**{field: ""}).values_list("pk", field)
            for pk, text in rows.iterator():
                findings = scan(text or "")
                if findings:
                    found += 1
                    self.stdout.write(
                        json.dumps(
                            {
                                "model": model._meta.label,
                                "id": pk,
                                "field": field,
                                "findings": [f.as_dict() for f in findings],
                            }
                        )
                    )
        self.stderr.write(f"{found} field value(s) with personal data.")
        if found:
            raise CommandError("personal data found in stored free text", returncode=1)
