"""``make load``: 50 volunteers (LOAD_USERS) for 120 s (LOAD_SECONDS) against gunicorn with the
README's flags on a throw-away PostgreSQL database ``stek_load_<pid>`` on loopback.

Steps: create the database, migrate, createcachetable, seed the demo, collectstatic, start
gunicorn, run locust headless (tests/load/locustfile.py), then check: zero failed requests,
and the visitors counted in the database equal the taps the server acknowledged as counted
(counted client-side; retries with the same key must not count). Prints throughput and
p50/p95/p99 per request type. Exit 1 when a check fails. The database is dropped at the end.

LOAD_PG (default postgres://postgres@127.0.0.1:5432) is the PostgreSQL server to use.
"""

import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
USERS = int(os.environ.get("LOAD_USERS", "50"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "120"))
SERVER = os.environ.get("LOAD_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
DBNAME = f"stek_load_{os.getpid()}"
SESSIONS = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from stek.core.models import User
user = User.objects.get(email="volunteer@stek.example")
for _ in range({n}):
    s = SessionStore()
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.create()
    print(s.session_key)
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(sql, db="postgres"):
    done = subprocess.run(["psql", "-qAt", f"{SERVER}/{db}", "-c", sql], check=True,
                          capture_output=True, text=True)  # fmt: skip
    return done.stdout.strip()


def manage(*args, env):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def wait_up(base, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as r:
                if r.read() == b"ok":
                    return True
        except OSError:
            time.sleep(0.5)
    return False


def report(prefix):
    rows = list(csv.DictReader(open(f"{prefix}_stats.csv")))  # noqa: SIM115
    print(f"\n{'request':34} {'count':>7} {'fail':>5} {'req/s':>7} {'p50':>6} {'p95':>6} "
          f"{'p99':>6}  (ms)")  # fmt: skip
    for row in rows:
        rate = float(row["Requests/s"])
        print(f"{row['Name'][:34]:34} {row['Request Count']:>7} {row['Failure Count']:>5} "
              f"{rate:7.1f} {row['50%']:>6} {row['95%']:>6} {row['99%']:>6}")  # fmt: skip
    total = next(r for r in rows if r["Name"] == "Aggregated")
    return int(total["Failure Count"]), int(total["Request Count"])


def main():
    work = Path(tempfile.mkdtemp(prefix="stek-load-"))
    env = {**os.environ, "DATABASE_URL": f"{SERVER}/{DBNAME}", "DEBUG": "false",
           "ALLOWED_HOSTS": "127.0.0.1", "SECRET_KEY": "load-" + "x" * 60,
           "LOG_LEVEL": "WARNING",
           "DJANGO_SETTINGS_MODULE": "config.settings"}  # fmt: skip
    psql(f"CREATE DATABASE {DBNAME}")
    server = None
    try:
        print(f"database {DBNAME}: migrate, seed the demo, collect static files...")
        manage("migrate", "--noinput", "-v0", env=env)
        manage("createcachetable", env=env)
        manage("seed_demo", env=env)
        manage("collectstatic", "--noinput", "-v0", env=env)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = open(work / "gunicorn.log", "w")  # noqa: SIM115
        server = subprocess.Popen(
            [PY, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "3", "--preload", "--timeout", "60"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        # Signed-in sessions made directly (a volunteer signs in once per shift; 50 password
        # hashes at once would measure PBKDF2, not the day's work).
        sessions = subprocess.run(
            [PY, "manage.py", "shell", "-c", SESSIONS.format(n=USERS)], cwd=ROOT, env=env,
            check=True, capture_output=True, text=True,
        ).stdout.split()  # fmt: skip
        if not wait_up(base, 240):
            print("gunicorn did not start; see", work / "gunicorn.log")
            return 1
        before = int(psql("SELECT COALESCE(SUM(count), 0) FROM agenda_tallycount", DBNAME))
        print(f"gunicorn up on {base}; {USERS} users for {SECONDS} s...")
        result, prefix = work / "tally.json", work / "locust"
        subprocess.run(
            [PY, "-m", "locust", "-f", str(ROOT / "tests/load/locustfile.py"), "--headless",
             "-u", str(USERS), "-r", str(max(1, USERS // 5)), "-t", f"{SECONDS}s",
             "--host", base, "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING",
             "--stop-timeout", "90"],  # users finish the tap in flight: exact counts
            cwd=ROOT, env={**env, "LOAD_RESULT": str(result), "PYTHONPATH": str(ROOT),
                           "LOAD_SESSIONS": ",".join(sessions)},
            check=False,
        )  # fmt: skip
        failures, requests = report(prefix)
        tally = json.loads(result.read_text())
        after = int(psql("SELECT COALESCE(SUM(count), 0) FROM agenda_tallycount", DBNAME))
        counted = after - before
        print(f"\n{requests} requests in {SECONDS} s ({requests / SECONDS:.1f} req/s), "
              f"{failures} failed")  # fmt: skip
        print(f"taps sent {tally['sent']}, acknowledged as counted {tally['counted']}, "
              f"retries answered 'already counted' {tally['repeats']}; "
              f"counted in the database {counted}")  # fmt: skip
        ok = failures == 0 and tally["sent"] > 0 and counted == tally["counted"] == tally["sent"]
        print("OK: zero errors, exact counts" if ok else "FAILED")
        return 0 if ok else 1
    finally:
        if server and server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)
        psql(f"DROP DATABASE IF EXISTS {DBNAME} WITH (FORCE)")


if __name__ == "__main__":
    sys.exit(main())
