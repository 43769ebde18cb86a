import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings as django_settings
from django.urls import reverse

from tests.personas import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def login(client, email, password, **extra):
    return client.post(reverse("login"), {"username": email, "password": password, **extra})


def test_login_lands_on_the_stek_home(world, client):
    response = login(client, "coordinator_a@stek.test", PASSWORD)
    assert response.status_code == 302
    response = client.get(response["Location"], follow=True)
    assert response.redirect_chain[-1][0] == "/s/alfa/"
    assert "STEK Alfa" in response.content.decode()


def test_e_mail_is_case_insensitive(world, client):
    assert login(client, "Coordinator_A@STEK.test", PASSWORD).status_code == 302


def test_a_wrong_password_gets_a_clear_message_and_keeps_the_e_mail(world, client):
    response = login(client, "coordinator_a@stek.test", "wrong")
    body = response.content.decode()
    assert response.status_code == 200
    assert "passen niet bij elkaar" in body
    assert 'value="coordinator_a@stek.test"' in body


def test_repeated_failures_lock_the_login_with_a_clear_message(world, client, settings):
    from datetime import timedelta

    settings.AXES_COOLOFF_TIME = timedelta(minutes=20)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "worker_a@stek.test", "wrong")
    response = login(client, "worker_a@stek.test", PASSWORD)  # even the right password now
    assert response.status_code == 429
    body = response.content.decode()
    assert "Aanmelden is even geblokkeerd" in body and "Wacht 20 minuten" in body
    # another account from the same place is not locked
    assert login(client, "volunteer_a@stek.test", PASSWORD).status_code == 302


def test_the_next_parameter_is_kept_and_only_local(world, client):
    target = reverse("core:partner_list", kwargs={"slug": "alfa"})
    response = client.get(target)
    assert response["Location"] == f"{reverse('login')}?next={target}"
    response = login(client, "worker_a@stek.test", PASSWORD, next=target)
    assert response["Location"] == target
    client.logout()
    response = login(client, "worker_a@stek.test", PASSWORD, next="https://evil.example/")
    assert response["Location"] == reverse("core:home")


def test_idle_timeout_is_short_on_a_shared_tablet(world, client, settings):
    login(client, "volunteer_a@stek.test", PASSWORD, shared_device="on")
    assert client.session.get_expiry_age() == settings.SESSION_SHARED_DEVICE_IDLE_MINUTES * 60
    client.logout()
    login(client, "volunteer_a@stek.test", PASSWORD)
    assert client.session.get_expiry_age() == settings.SESSION_IDLE_MINUTES * 60
    assert django_settings.SESSION_SAVE_EVERY_REQUEST  # the timeout counts from the last request


def test_logout_needs_post(world, client_for):
    client = client_for("worker_a")
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    response = client.get(reverse("core:home"))  # the public front door, not the start page
    assert response.status_code == 200 and not response.wsgi_request.user.is_authenticated


def test_csrf_is_enforced(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("login"), {"username": "worker_a@stek.test", "password": PASSWORD}
    )
    assert response.status_code == 403


def test_strict_content_security_policy_and_headers(world, client_for):
    response = client_for("coordinator_a").get(reverse("core:stek_home", kwargs={"slug": "alfa"}))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_have_no_inline_script_or_style(world, client_for):
    import re

    client = client_for("coordinator_a")
    for url in [
        reverse("core:stek_home", kwargs={"slug": "alfa"}),
        reverse("core:partner_list", kwargs={"slug": "alfa"}),
        reverse("core:people_list", kwargs={"slug": "alfa"}),
        reverse("core:person_add", kwargs={"slug": "alfa"}),
    ]:
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html), url
        assert not re.search(r"\sstyle=", html), url
        assert not re.search(r"\son[a-z]+=", html), url  # no inline event handlers
        assert "htmx" in html  # htmx is served from our own static files


def test_base_template_accessibility_landmarks(world, client_for):
    html = client_for("worker_a").get(reverse("core:stek_home", kwargs={"slug": "alfa"})).content
    html = html.decode()
    assert 'class="skip-link" href="#main"' in html and 'id="main"' in html
    assert "<header" in html and "<nav" in html and "<footer" in html and 'lang="nl"' in html


def test_language_switch(world, client_for):
    client = client_for("worker_a")
    client.post(reverse("set_language"), {"language": "en"})
    html = client.get(reverse("core:stek_home", kwargs={"slug": "alfa"})).content.decode()
    assert 'lang="en"' in html and "Partners" in html and "Log out" in html
    client.post(reverse("set_language"), {"language": "fr"})
    html = client.get(reverse("core:stek_home", kwargs={"slug": "alfa"})).content.decode()
    assert 'lang="fr"' in html and "Se déconnecter" in html


def test_every_catalogue_is_complete():
    for lang in ("nl", "fr", "en"):
        po = (ROOT / "locale" / lang / "LC_MESSAGES" / "django.po").read_text()
        entries = po.split("\n\n")[1:]
        untranslated = [
            e for e in entries if e.rstrip().endswith('msgstr ""') and "msgid_plural" not in e
        ]
        assert not untranslated, f"{lang}: {untranslated[:3]}"
        assert "#, fuzzy" not in po
        mo = ROOT / "locale" / lang / "LC_MESSAGES" / "django.mo"
        assert mo.exists() and mo.stat().st_mtime >= (mo.with_suffix(".po").stat().st_mtime - 5)


def production_env(**extra):
    """The machine's environment less test-only switches, as a production host would have."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(extra)
    return env


def test_production_settings_pass_check_deploy(tmp_path):
    env = production_env(
        **{
            "DJANGO_SETTINGS_MODULE": "config.production",
            "SECRET_KEY": "a-long-random-production-secret-" + "x7Qp9#Lm2$Vt8&Rz" * 3,
            "ALLOWED_HOSTS": "stek.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(DJANGO_SETTINGS_MODULE="config.production")
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_dutch_first_whatever_the_browser_says(world, client):
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="nl"' in html and "Aanmelden" in html
    client.post(reverse("set_language"), {"language": "fr"})
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert 'lang="fr"' in html
