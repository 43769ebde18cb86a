"""The README's production section and the CI smoke test are one sequence: deploy/smoke.py
reads the README's marked block and runs its lines unchanged; this test pins what that block
must contain and that CI runs the script."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def smoke_module():
    spec = importlib.util.spec_from_file_location("smoke", ROOT / "deploy" / "smoke.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_block_is_the_production_sequence():
    steps = smoke_module().readme_steps()
    commands = [" ".join(line.split("#")[0].split()) for line in steps]
    assert commands == [
        ".venv/bin/python manage.py check --deploy --fail-level WARNING",
        ".venv/bin/python manage.py warm_scanner",
        ".venv/bin/python manage.py migrate --noinput",
        ".venv/bin/python manage.py createcachetable",
        ".venv/bin/python manage.py collectstatic --noinput",
        ".venv/bin/gunicorn config.wsgi --bind 127.0.0.1:${PORT:-8001} --workers 3 --preload "
        "--timeout 60",
    ]


def test_the_smoke_test_reads_only_the_marked_block():
    smoke = smoke_module()
    text = "```sh\nrm -rf /\n```\n<!-- production-steps -->\n```sh\n# c\necho a\n\necho b\n```\n"
    assert smoke.readme_steps(text) == ["echo a", "echo b"]
    with pytest.raises(smoke.SmokeFailure):
        smoke.readme_steps("no marker here")


def test_ci_and_make_run_the_smoke_test():
    assert "make smoke" in (ROOT / ".ci" / "run").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert "smoke: install\n\t$(PY) deploy/smoke.py" in makefile
