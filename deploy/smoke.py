#!/usr/bin/env python3
# ruff: noqa: S603, S607  (a deploy script: it runs the README's commands and psql on purpose)
"""Production smoke test: run the README's production steps as written, then use the site.

The steps are not copied here: they are read from the README's block marked
``<!-- production-steps -->`` and each line runs unchanged through bash, with
``config.production`` on a fresh PostgreSQL database. Only ``manage.py seed_demo`` (demo data,
never on a real site) is added before the last line, which starts gunicorn. Then every check
below must answer correctly within seconds; the timings are printed. gunicorn is stopped and
the database dropped at the end, also on failure or Ctrl-C.

Usage: ``.venv/bin/python deploy/smoke.py`` (``make smoke``). Environment: ``SMOKE_PG`` (default
``postgres://postgres@127.0.0.1:5432``), ``SMOKE_READY_SECONDS`` (default 90: migrate, the
scanner and the workers), ``SMOKE_REQUEST_SECONDS`` (default 10, per request).
"""

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MARKER = "<!-- production-steps"
SEED = ".venv/bin/python manage.py seed_demo"
DEMO_USER, DEMO_PASSWORD = "coordinator@stek.example", "stek-demo-2026"
PUBLIC_STEK = "de-wissel"

PG = os.environ.get("SMOKE_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
READY_SECONDS = float(os.environ.get("SMOKE_READY_SECONDS", "90"))
REQUEST_SECONDS = float(os.environ.get("SMOKE_REQUEST_SECONDS", "10"))


class SmokeFailure(Exception):
    pass


def readme_steps(text=None):
    """The command lines of the README block marked ``<!-- production-steps ... -->``."""
    text = README.read_text(encoding="utf-8") if text is None else text
    if MARKER not in text:
        raise SmokeFailure(f"README.md has no block marked {MARKER} -->")
    after = text[text.index(MARKER) :]
    match = re.search(r"```sh\n(.*?)```", after, re.S)
    if not match:
        raise SmokeFailure("the production-steps marker is not followed by a ```sh block")
    lines = [line.strip() for line in match.group(1).splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(sql):
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", f"{PG}/postgres", "-c", sql],
        check=True,
        capture_output=True,
        text=True,
    )


class Client:
    """A tiny HTTP client that speaks to gunicorn as the TLS proxy would: it says
    ``X-Forwarded-Proto: https`` and sends the Secure cookies back anyway."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.set_cookie_headers = []

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_SECONDS)
        all_headers = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "203.0.113.10",
            "Accept-Language": "nl",
        }
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        all_headers.update(headers or {})
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=all_headers)
            response = conn.getresponse()
            content = response.read()
        finally:
            conn.close()
        elapsed = time.perf_counter() - started
        for header in response.msg.get_all("Set-Cookie") or []:
            self.set_cookie_headers.append(header)
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response, content, elapsed


def check(results, name, client, path, expect_status, contains, method="GET", **kwargs):
    response, content, elapsed = client.request(method, path, **kwargs)
    ok = response.status == expect_status and (contains is None or contains(response, content))
    results.append((name, path, response.status, elapsed, ok))
    print(f"  {'ok ' if ok else 'BAD'} {elapsed * 1000:7.0f} ms  {response.status}  {name}: {path}")
    if not ok:
        raise SmokeFailure(f"{name}: {path} answered {response.status}: {content[:300]!r}")
    if elapsed > REQUEST_SECONDS:
        raise SmokeFailure(f"{name}: {elapsed:.1f} s, more than {REQUEST_SECONDS} s")
    return response, content


def has(text):
    return lambda response, content: text.encode() in content


def is_json(key):
    def test(response, content):
        return response.getheader("Content-Type", "").startswith("application/json") and (
            key in json.loads(content)
        )

    return test


def wait_until_ready(port, server, started):
    client = Client(port)
    while True:
        if server.poll() is not None:
            raise SmokeFailure(f"gunicorn exited with {server.returncode}")
        try:
            response, content, _ = client.request("GET", "/healthz")
            if response.status == 200 and content == b"ok":
                return time.perf_counter() - started
        except OSError:
            pass
        if time.perf_counter() - started > READY_SECONDS:
            raise SmokeFailure(f"gunicorn not answering /healthz after {READY_SECONDS} s")
        time.sleep(0.2)


def use_the_site(port):
    results = []
    anonymous = Client(port)
    check(results, "health", anonymous, "/healthz", 200, has("ok"))
    check(
        results,
        "https redirect",
        Client(port),
        "/healthz",
        301,
        None,
        headers={"X-Forwarded-Proto": "http"},
    )
    check(results, "login page", anonymous, "/aanmelden/", 200, has("csrfmiddlewaretoken"))
    check(results, "programme", anonymous, f"/{PUBLIC_STEK}/programma/", 200, has("De Wissel"))
    check(
        results,
        "poster",
        anonymous,
        f"/{PUBLIC_STEK}/programma/affiche.pdf?formaat=A3",
        200,
        lambda r, c: c.startswith(b"%PDF") and r.getheader("Content-Type") == "application/pdf",
    )
    check(results, "rights check", anonymous, "/rechtencheck/", 200, has("<form"))
    check(results, "rights API", anonymous, "/api/v1/rights", 200, None)
    check(results, "OpenAPI", anonymous, "/api/v1/openapi.json", 200, is_json("openapi"))
    check(results, "HSDS API", anonymous, "/api/v1/hsds/services", 200, None)
    check(results, "static", anonymous, static_url(port), 200, has("Leaflet"))

    # Every worker answers at once (a deadlocked worker would hang here until its timeout).
    with ThreadPoolExecutor(max_workers=9) as pool:
        timings = list(
            pool.map(lambda _: Client(port).request("GET", f"/{PUBLIC_STEK}/programma/"), range(18))
        )
    worst = max(elapsed for _, _, elapsed in timings)
    statuses = {response.status for response, _, _ in timings}
    print(f"  {'ok ' if statuses == {200} else 'BAD'} {worst * 1000:7.0f} ms  18 parallel")
    if statuses != {200} or worst > REQUEST_SECONDS:
        raise SmokeFailure(f"parallel programme views: {statuses}, worst {worst:.1f} s")

    # Sign in as a demo user: CSRF token from the form, Secure session cookie, the home page.
    user = Client(port)
    _, page = check(results, "login form", user, "/aanmelden/", 200, has("csrfmiddlewaretoken"))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    origin = f"https://127.0.0.1:{port}"
    response, _ = check(
        results,
        "sign in",
        user,
        "/aanmelden/",
        302,
        None,
        method="POST",
        body=urlencode(
            {"username": DEMO_USER, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": token}
        ),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": origin,
            "Referer": f"{origin}/aanmelden/",
        },
    )
    session_cookies = [h for h in user.set_cookie_headers if h.startswith("sessionid=")]
    if not session_cookies or "Secure" not in session_cookies[-1]:
        raise SmokeFailure(f"no Secure session cookie after signing in: {session_cookies}")
    location = response.getheader("Location")
    response, _ = check(results, "home", user, location, 302, None)
    check(results, "STEK home", user, response.getheader("Location"), 200, has("De Wissel"))
    return results


def static_url(port):
    """The hashed name of leaflet.js from the manifest collectstatic wrote."""
    manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["socialmap/leaflet/leaflet.js"]


def main():
    sys.stdout.reconfigure(line_buffering=True)
    steps = readme_steps()
    if not steps[-1].startswith(".venv/bin/gunicorn "):
        raise SmokeFailure("the README's last production step must start gunicorn")
    database = f"stek_smoke_{os.getpid()}"
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{port}",
        "DATABASE_URL": f"{PG}/{database}",
        "STEK_BEHIND_PROXY": "true",
        "PORT": str(port),
    }
    for name in ("DEBUG", "STEK_WARM_SCANNER", "SQLITE_PATH"):
        env.pop(name, None)

    server = log = None
    psql(f"DROP DATABASE IF EXISTS {database}")
    psql(f"CREATE DATABASE {database}")

    def stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        print(f"== README production steps on {database}, port {port}")
        for line in steps[:-1] + [SEED]:
            started = time.perf_counter()
            result = subprocess.run(
                ["bash", "-c", line], cwd=ROOT, env=env, capture_output=True, text=True
            )
            print(f"  {time.perf_counter() - started:6.1f} s  {line}")
            if result.returncode != 0:
                raise SmokeFailure(f"{line} failed:\n{result.stdout}\n{result.stderr}")
        print(f"  start: {steps[-1]}")
        log = tempfile.NamedTemporaryFile("w+", prefix="smoke-gunicorn-", suffix=".log")  # noqa: SIM115
        started = time.perf_counter()
        server = subprocess.Popen(
            ["bash", "-c", f"exec {steps[-1]}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,
        )
        ready = wait_until_ready(port, server, started)
        print(f"  ready in {ready:.1f} s (scanner loaded in the master, 3 workers forked)")
        print("== using the site")
        results = use_the_site(port)
        total = time.perf_counter() - started
        print(f"== smoke test passed: {len(results)} checks, {total:.1f} s after gunicorn started")
        return 0
    except SmokeFailure as failure:
        print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
        if log is not None:
            log.flush()
            log.seek(0)
            print(log.read()[-3000:], file=sys.stderr)
        return 1
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


if __name__ == "__main__":
    sys.exit(main())
