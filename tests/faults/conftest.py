"""Fault tests (issue 12): gunicorn serving the suite's own test database over loopback while a
worker is killed, the database is locked or PostgreSQL restarts. Marked ``faults``
(``pytest -m "not faults"`` leaves them out locally); CI runs them.

The server reads the database the test process seeded: on PostgreSQL the test database itself
(the tests are transactional), on SQLite a file copied from the in-memory test database with
SQLite's backup API."""

import contextlib
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection, transaction

ROOT = Path(__file__).resolve().parents[2]


def pytest_configure(config):
    config.addinivalue_line("markers", "faults: fault tests through gunicorn (issue 12)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/faults/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.faults)


def seed():
    """A STEK with a volunteer and a category; returns (category pk, a signed-in session key)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from tests.factories.agenda import TallyCategoryFactory
    from tests.personas import build_world

    world = build_world()
    adult = TallyCategoryFactory(stek=world.stek_a)
    user = world.user("volunteer_a")
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return adult.pk, store.session_key


class ServerDb:
    """The database the server uses, with the counts read back and a way to lock it."""

    def __init__(self, tmp_path, url=None):
        self.vendor = "postgresql" if url or connection.vendor == "postgresql" else "sqlite"
        self.url, self.path = url, None
        if self.vendor == "postgresql" and url is None:
            db = settings.DATABASES["default"]
            self.url = (f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
                        f"{db['PORT'] or 5432}/{db['NAME']}")  # fmt: skip
        elif self.vendor == "sqlite":
            self.path = tmp_path / "served.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(self.path)
            connection.connection.backup(target)
            target.execute("PRAGMA journal_mode=WAL")
            target.close()

    def env(self, **extra):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "false",
               "STEK_WARM_SCANNER": "false", "ALLOWED_HOSTS": "127.0.0.1",
               "SECRET_KEY": settings.SECRET_KEY, "LOG_LEVEL": "WARNING"}  # fmt: skip
        env.pop("DATABASE_URL", None)
        if self.vendor == "postgresql":
            env["DATABASE_URL"] = self.url
        else:
            env["SQLITE_PATH"] = str(self.path)
        return {**env, **extra}

    def _query(self, sql):
        if self.vendor == "sqlite":
            with contextlib.closing(sqlite3.connect(self.path, timeout=30)) as db:
                return db.execute(sql).fetchone()[0]
        if self.url.endswith("/" + settings.DATABASES["default"]["NAME"]):
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchone()[0]
        import psycopg

        with psycopg.connect(self.url.replace("postgres://", "postgresql://")) as db:
            return db.execute(sql).fetchone()[0]

    def totals(self):
        """(visitors counted, tap keys stored)."""
        counted = self._query("SELECT COALESCE(SUM(count), 0) FROM agenda_tallycount")
        return int(counted), int(self._query("SELECT COUNT(*) FROM agenda_tapkey"))

    @contextlib.contextmanager
    def locked(self):
        """Hold the write lock (SQLite) or lock the counters (PostgreSQL) until the block ends:
        a tap that arrives meanwhile is held mid-request."""
        if self.vendor == "sqlite":
            db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            db.execute("BEGIN IMMEDIATE")
            try:
                yield
            finally:
                db.execute("ROLLBACK")
                db.close()
        else:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("LOCK TABLE agenda_tallycount IN EXCLUSIVE MODE")
                yield


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, proc, base):
        self.proc, self.base = proc, base

    def workers(self):
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(p) for p in path.read_text().split()] if path.exists() else []

    def kill_workers(self):
        killed = self.workers()
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        return killed

    def healthy_within(self, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if requests.get(self.base + "/healthz", timeout=5).text == "ok":
                    return True
            except requests.RequestException:
                pass
            time.sleep(0.2)
        return False


@contextlib.contextmanager
def gunicorn(env, log_path, workers=2):
    """gunicorn with the README's flags (``--preload``, a timeout), fewer workers."""
    port = free_port()
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", str(workers), "--preload", "--timeout", "60", "--graceful-timeout", "2"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        server = Server(proc, f"http://127.0.0.1:{port}")
        try:
            if not server.healthy_within(90):
                raise AssertionError(
                    "gunicorn did not start: " + Path(log_path).read_text()[-2000:]
                )
            yield server
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


class Tablet:
    """One tablet at the onthaal: a signed-in session that taps with a key, as the page does."""

    def __init__(self, base, session_key, category):
        self.base, self.category = base, category
        self.http = requests.Session()
        self.http.cookies.set("sessionid", session_key, domain="127.0.0.1")
        page = self.http.get(base + "/s/alfa/vandaag/", timeout=60)
        assert page.status_code == 200, page.status_code
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)

    def send(self, key, htmx=True, timeout=60):
        data = {"csrfmiddlewaretoken": self.token, "session": "open", "category": self.category,
                "delta": "1", "key": key}  # fmt: skip
        headers = {"X-CSRFToken": self.token, **({"HX-Request": "true"} if htmx else {})}
        return self.http.post(
            self.base + "/s/alfa/vandaag/tel/", data=data, headers=headers, timeout=timeout,
            allow_redirects=False,
        )  # fmt: skip

    def tap(self, key, timeout=60):
        """The status code, or "lost" when no answer came (reset, killed worker)."""
        try:
            return self.send(key, timeout=timeout).status_code
        except requests.RequestException:
            return "lost"
