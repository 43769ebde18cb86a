"""The rules package's own YAML tests (``openfisca test``) run with the suite, so CI runs them.

They run in a subprocess from inside ``rules/``: the package stays free of Django, and
OpenFisca's test runner (itself pytest) does not see this suite's configuration."""

import os
import subprocess
import sys
from pathlib import Path

RULES = Path(__file__).resolve().parents[2] / "rules"


def test_every_yaml_test_of_the_rules_passes():
    env = {**os.environ, "PYTHONPATH": str(RULES)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [
        sys.executable, "-m", "openfisca_core.scripts.openfisca_command",
        "test", "--country-package", "stek_rules", "tests",
    ]  # fmt: skip
    result = subprocess.run(
        command, cwd=RULES, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout
