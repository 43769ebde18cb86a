"""A fresh PostgreSQL database with the demo, and gunicorn serving it on loopback, for the
benchmarks that go through HTTP. Every loop is bounded."""

import contextlib
import os
import subprocess
import threading
import time
import urllib.parse
import urllib.request

from bench_agenda import BASE, DB, LOG, PORT, PY, ROOT, sh


@contextlib.contextmanager
def demo_on_gunicorn():
    """Yields True with the server up, or False (and says why) when PostgreSQL is not there.
    The database stays until the ``with`` block ends, then it is dropped."""
    dbname = urllib.parse.urlparse(DB).path.lstrip("/")
    admin = DB.rsplit("/", 1)[0] + "/postgres"
    try:
        sh("psql", admin, "-q", "-c", f"DROP DATABASE IF EXISTS {dbname}")
        sh("psql", admin, "-q", "-c", f"CREATE DATABASE {dbname}")
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        print(f"skipped: PostgreSQL not reachable ({error})")
        yield False
        return
    env = {**os.environ, "DATABASE_URL": DB, "DEBUG": "false", "STEK_WARM_SCANNER": "false",
           "ALLOWED_HOSTS": "127.0.0.1", "SECRET_KEY": "bench-" + "x" * 60}  # fmt: skip
    sh(PY, "manage.py", "migrate", "-v0", env=env)
    # the data versions live in the database cache: the demo's writes renew them
    sh(PY, "manage.py", "createcachetable", "-v0", env=env)
    sh(PY, "manage.py", "seed_demo", env=env)
    sh(PY, "manage.py", "collectstatic", "--noinput", "-v0", env=env)
    server = subprocess.Popen(
        [PY, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{PORT}",
         "--workers", "4", "--threads", "4", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=LOG, stderr=LOG,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(BASE + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        yield True
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=20)
        sh("psql", admin, "-q", "-c", f"DROP DATABASE IF EXISTS {dbname}", check=False)


def timed_ms(call, *args):
    """Milliseconds that one call takes."""
    began = time.perf_counter()
    call(*args)
    return (time.perf_counter() - began) * 1000


def concurrently(clients, call, times):
    """Every client calls ``call(client)`` ``times`` times, all starting together. Returns the
    latencies in ms, the errors (as text) and the wall time in s."""
    latencies, errors, start = [], [], threading.Barrier(len(clients))

    def run(client):
        try:
            start.wait()
            for _ in range(times):
                latencies.append(timed_ms(call, client))
        except Exception as error:  # noqa: BLE001 - the caller prints them
            errors.append(repr(error))

    threads = [threading.Thread(target=run, args=(c,)) for c in clients]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - began
