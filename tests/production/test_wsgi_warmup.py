"""config/wsgi.py loads the scanner in the importing thread: no thread may live across the fork
of ``gunicorn --preload`` (a warm-up thread holding locks at the fork hung every new worker)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys, threading
sys.argv = {argv!r}
import stek.core.privacy as privacy
calls = []
main = threading.main_thread()
privacy.warm_up = lambda: calls.append(("sync", threading.current_thread() is main))
privacy.warm_up_in_background = lambda: calls.append(("background", None))
import config.wsgi
print(json.dumps({{"calls": calls, "threads": threading.active_count()}}))
"""


def probe(argv, warm="true"):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "STEK_WARM_SCANNER": warm}
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("argv", [["gunicorn", "config.wsgi", "--preload"], ["uwsgi"]])
def test_the_app_server_loads_the_scanner_before_forking_without_a_thread(argv):
    result = probe(argv)
    assert result["calls"] == [["sync", True]]
    assert result["threads"] == 1  # nothing but the main thread lives on into the fork


def test_the_development_server_starts_fast_and_warms_up_in_the_background():
    assert probe(["manage.py", "runserver"])["calls"] == [["background", None]]


def test_warm_up_can_be_switched_off():
    assert probe(["gunicorn"], warm="false")["calls"] == []
