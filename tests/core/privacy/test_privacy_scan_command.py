"""privacy_scan answers every stdin line (issue 13: it died on numpy offsets)."""

import io
import json
import sys

from django.core.management import call_command


def run_scan(raw_lines):
    out, old = io.StringIO(), sys.stdin
    sys.stdin = io.StringIO("\n".join(raw_lines) + "\n")
    try:
        call_command("privacy_scan", stdout=out)
    finally:
        sys.stdin = old
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_a_name_and_a_street_address_are_answered_in_json_and_the_stream_goes_on():
    text = "Jan Peeters woont in de Stationsstraat 4 te Gent en Fatima El Amrani ook."
    lines = [
        json.dumps({"id": 1, "text": text, "lang": "nl"}),
        "{not json",
        json.dumps({"id": 3, "text": 42}),
        json.dumps({"id": 4, "text": "hallo", "lang": "xx"}),
        json.dumps(["a list"]),
        json.dumps({"id": 6, "text": "Bel +32 2 555 12 34"}),
    ]
    result = run_scan(lines)
    assert len(result) == 6
    kinds = [f["kind"] for f in result[0]["findings"]]
    assert "person_name" in kinds and "address" in kinds
    assert all(type(f["start"]) is int for f in result[0]["findings"])
    for answer, line in zip(result[1:5], (2, 3, 4, 5), strict=True):
        assert "error" in answer and answer["line"] == line
    assert result[2]["id"] == 3 and result[3]["id"] == 4
    assert [f["kind"] for f in result[5]["findings"]] == ["phone"]
