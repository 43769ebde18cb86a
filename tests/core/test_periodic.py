"""Scheduled work: one entry point, each job isolated, failure visible and non-zero."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from stek.core import periodic


def boom():
    raise RuntimeError("disk full")


@pytest.fixture
def jobs(monkeypatch):
    ran = []

    def job(name):
        def run():
            ran.append(name)
            return f"{name} done"

        return run

    monkeypatch.setattr(
        periodic, "JOBS", [("first", job("first")), ("broken", boom), ("last", job("last"))]
    )
    return ran


def test_a_failing_job_does_not_stop_the_others_and_the_command_fails(db, jobs, capsys):
    with pytest.raises(CommandError, match="broken"):
        call_command("run_periodic")
    assert jobs == ["first", "last"]  # the job after the broken one still ran
    err = capsys.readouterr().err
    assert "FAILED broken: RuntimeError: disk full" in err

    # The failure stays visible: the status command and the full health check.
    with pytest.raises(CommandError, match="FAILED broken"):
        call_command("run_periodic", "--status")


def test_the_full_health_check_shows_the_last_run(db, jobs, client, monkeypatch):
    assert client.get("/healthz").content == b"ok"
    response = client.get("/healthz?full=1")
    assert response.status_code == 503 and b"periodic: never run" in response.content

    with pytest.raises(CommandError):
        call_command("run_periodic")
    response = client.get("/healthz?full=1")
    assert response.status_code == 503 and b"FAILED broken" in response.content

    monkeypatch.setattr(periodic, "JOBS", periodic.JOBS[:1])
    call_command("run_periodic")
    response = client.get("/healthz?full=1")
    assert response.status_code == 200
    assert b"database: ok" in response.content and b"periodic: ok" in response.content


def test_a_run_older_than_two_days_is_reported(db, jobs, monkeypatch):
    monkeypatch.setattr(periodic, "JOBS", periodic.JOBS[:1])
    call_command("run_periodic")
    assert periodic.health()[0]
    later = timezone.now() + timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    healthy, text = periodic.health()
    assert not healthy and "more than two days" in text


def test_the_real_jobs_all_run(world, capsys):
    call_command("run_periodic")
    out = capsys.readouterr().out
    for name, _ in periodic.JOBS:
        assert f"ok     {name}:" in out
    call_command("run_periodic", "--status")
