"""Faults as tests (issue 12): the service recovers by itself, nothing is half written, no tap
is lost or counted twice, and a locked database is a clear 503, never a 500 traceback."""

import os
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.faults.conftest import ServerDb, Tablet, free_port, gunicorn, seed


def keys(n):
    return [str(uuid.uuid4()) for _ in range(n)]


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_request_loses_nothing_and_counts_nothing_twice(tmp_path):
    category, session_key = seed()
    db = ServerDb(tmp_path)
    with gunicorn(db.env(), tmp_path / "gunicorn.log") as server:
        tablets = [Tablet(server.base, session_key, category) for _ in range(4)]
        planned = [keys(10) for _ in tablets]
        answers = {}

        def burst(tablet, mine):
            for key in mine:
                answers[key] = tablet.tap(key)

        threads = [
            threading.Thread(target=burst, args=pair) for pair in zip(tablets, planned, strict=True)
        ]
        with db.locked():  # every worker is now inside a tap, waiting for the database
            for t in threads:
                t.start()
            time.sleep(1.5)
            killed = server.kill_workers()
        for t in threads:
            t.join(timeout=120)
        assert killed, "no worker to kill"
        assert server.healthy_within(30), "the service did not come back by itself"
        sent = len(answers)
        acknowledged = [k for k, status in answers.items() if status == 200]
        unanswered = [k for k, status in answers.items() if status != 200]
        assert sent == 40 and unanswered, "the kill hit no tap in flight"
        assert set(answers.values()) <= {200, "lost"}
        counted, stored_keys = db.totals()
        assert len(acknowledged) <= counted <= sent
        assert counted == stored_keys  # no count without its key, no key without its count
        for key in unanswered:  # the tablet sends the unanswered taps again, with their keys
            assert tablets[0].tap(key) == 200
        assert db.totals() == (sent, sent)  # every tap counted, none twice
        assert server.proc.poll() is None  # the same master, never restarted by hand


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's write lock")
@pytest.mark.django_db(transaction=True)
def test_sqlite_database_is_locked_is_a_clear_503_and_nothing_half_written(tmp_path):
    category, session_key = seed()
    db = ServerDb(tmp_path)
    env = db.env(SQLITE_TIMEOUT_SECONDS="1")  # the busy timeout, shortened for the test
    with gunicorn(env, tmp_path / "gunicorn.log") as server:
        tablet = Tablet(server.base, session_key, category)
        key = str(uuid.uuid4())
        with db.locked():  # another writer holds the lock beyond the busy timeout
            for htmx in (True, False):
                response = tablet.send(key, htmx=htmx)
                assert response.status_code == 503, response.status_code
                assert "probeer" in response.text and "Traceback" not in response.text
                assert response.headers["Retry-After"]
            page = tablet.http.get(server.base + "/s/alfa/vandaag/", timeout=30)
            # a page saves the session (idle timeout): it cannot, so "probeer opnieuw" too
            assert page.status_code == 503, page.status_code
            assert "probeer" in page.text and "Traceback" not in page.text
        assert db.totals() == (0, 0)  # the tap is not half written
        assert tablet.tap(key) == 200 and tablet.tap(key) == 200  # sent again, twice
        assert db.totals() == (1, 1)


def pg_bin():
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent  # /usr/local/bin/pg_ctl may be a link
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return versions[-1].parent if versions else None


class Cluster:
    """A throw-away PostgreSQL cluster in a temporary folder on a free port (never the main
    cluster). As root, the server runs as the postgres user."""

    def __init__(self, bindir):
        self.bindir, self.port = bindir, free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="stek-pg-"))
        self.data = self.dir / "data"
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.dir, "postgres")
        self.dir.chmod(0o755)
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()

    def run(self, tool, *args, timeout=120):
        command = [*self.as_user, str(self.bindir / tool), *args]
        return subprocess.run(command, check=True, capture_output=True, timeout=timeout, text=True)

    def pg_ctl(self, *args):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-o", options,
                 *args)  # fmt: skip

    def start(self):
        self.pg_ctl("start")

    def restart(self):
        """A crash and restart: ``-m immediate`` is what a killed PostgreSQL looks like."""
        self.pg_ctl("restart", "-m", "immediate")

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def destroy(self):
        try:
            self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=60)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def cluster():
    bindir = pg_bin()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL server binaries (pg_ctl, initdb) not found")
        pytest.skip("PostgreSQL server binaries (pg_ctl, initdb) not found")
    c = Cluster(bindir)
    yield c
    c.destroy()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="runs in the PostgreSQL pass: it copies the migrated test database to its own cluster",
)
@pytest.mark.django_db(transaction=True)
def test_postgresql_restarted_under_load_the_service_recovers_by_itself(tmp_path, cluster):
    category, session_key = seed()
    source = settings.DATABASES["default"]
    subprocess.run(
        ["psql", "-q", cluster.url("postgres"), "-c", "CREATE DATABASE stek"], check=True
    )
    dump = subprocess.run(
        ["pg_dump", "-h", source["HOST"] or "127.0.0.1", "-p", str(source["PORT"] or 5432),
         "-U", source["USER"], "--no-owner", source["NAME"]],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", cluster.url("stek")],
        input=dump.stdout,
        check=True,
        capture_output=True,
        timeout=120,
    )
    db = ServerDb(tmp_path, url=cluster.url("stek"))
    with gunicorn(db.env(), tmp_path / "gunicorn.log") as server:
        tablets = [Tablet(server.base, session_key, category) for _ in range(4)]
        planned = [keys(15) for _ in tablets]
        statuses, answered = [], {}

        def burst(tablet, mine):
            for key in mine:  # as the page does: the same key again until it is answered
                deadline = time.monotonic() + 45
                while time.monotonic() < deadline:
                    status = tablet.tap(key, timeout=20)
                    statuses.append(status)
                    if status == 200:
                        answered[key] = True
                        break
                    time.sleep(0.3)
                time.sleep(0.1)  # a person taps a few times a second, not in a tight loop

        threads = [
            threading.Thread(target=burst, args=pair) for pair in zip(tablets, planned, strict=True)
        ]
        for t in threads:
            t.start()
        started = time.monotonic()
        while len(answered) < 4 and time.monotonic() - started < 20:
            time.sleep(0.02)  # restart once the burst is under way, whatever the machine's speed
        answered_before = len(answered)
        cluster.restart()
        for t in threads:
            t.join(timeout=120)
        sent = sum(len(k) for k in planned)
        assert answered_before < sent, "the restart came after the burst, not under load"
        assert len(answered) == sent, "some taps were never answered: no recovery by itself"
        assert 500 not in statuses  # a database away is a 503 "probeer opnieuw"
        assert db.totals() == (sent, sent)  # nothing lost, nothing twice, nothing half written
        assert server.proc.poll() is None
