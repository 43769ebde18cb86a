"""Settings for stek, driven by environment variables.

Development defaults: SQLite in the project folder, DEBUG off (DEBUG=true for Django's debug pages),
console e-mail.
Production: ``DJANGO_SETTINGS_MODULE=config.production`` (see that module and the README).
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


# Off by default, also for ``make run``: the demo shows the product's own 404 and 500 pages (a
# way back, no list of URL patterns); errors still print their traceback on the console through
# the ``django.request`` logger below. A developer who wants Django's debug pages sets DEBUG=true.
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me-in-production-0123456789")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "axes",
    "stek.core",
    "stek.agenda",
    "stek.socialmap",
    "stek.referrals",
    "stek.rights",
    "stek.advocacy",
    "stek.rota",
    "stek.participation",
    "stek.reports",
    "stek.public",
    "stek.api",
    "stek.demo",
    "ninja",
    # last: stek.core's templates/django/forms/ override some of its form templates
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "stek.core.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "stek.core.memo.RequestMemoMiddleware",
    "stek.core.middleware.CurrentStekMiddleware",
    "stek.core.middleware.BadInputMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

# Form widgets drawn with the project's templates, so that stek.core can override Django's
# (templates/django/forms/: the select without an include per option).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stek.core.context_processors.current_stek",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite by default (WAL, immediate transactions, busy timeout); PostgreSQL via DATABASE_URL.
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": env_int("SQLITE_TIMEOUT_SECONDS", 20),
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "sesame.backends.ModelBackend",  # the rota's sign-in links for volunteers (ADR 0012)
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3  # an invitation link stays valid three days

# Login throttling (django-axes): lock a username on one address after repeated failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"  # the login form posts "username" (an e-mail address)
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_VERBOSE = False
# The address axes locks: REMOTE_ADDR, or behind the proxy (STEK_BEHIND_PROXY) the client address
# the proxy appended to X-Forwarded-For. One function with the referral-code limits.
AXES_CLIENT_IP_CALLABLE = "stek.core.net.client_ip"

# Sign-in links without a password (django-sesame, ADR 0012): single use (a sign-in or a new link
# changes last_login, which every older link depends on), valid some days, used only on POST.
STEK_SIGNIN_LINK_DAYS = env_int("STEK_SIGNIN_LINK_DAYS", 7)
SESAME_MAX_AGE = timedelta(days=STEK_SIGNIN_LINK_DAYS)
SESAME_ONE_TIME = True
SESAME_INVALIDATE_ON_PASSWORD_CHANGE = True
# Asking for a link by e-mail: requests per address and per e-mail address in a window.
STEK_SIGNIN_WINDOW_SECONDS = env_int("STEK_SIGNIN_WINDOW_SECONDS", 3600)
STEK_SIGNIN_REQUESTS_PER_IP = env_int("STEK_SIGNIN_REQUESTS_PER_IP", 10)
STEK_SIGNIN_REQUESTS_PER_EMAIL = env_int("STEK_SIGNIN_REQUESTS_PER_EMAIL", 3)

# Sessions: an idle timeout, shorter when someone logs in on a shared tablet.
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 60)
SESSION_SHARED_DEVICE_IDLE_MINUTES = env_int("SESSION_SHARED_DEVICE_IDLE_MINUTES", 10)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_SAVE_EVERY_REQUEST = True  # the expiry counts from the last request: an idle timeout
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SECURE = False
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Security headers -----------------------------------------------------------------------
# Strict Content-Security-Policy: no inline script or style, no third-party origins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Social map -------------------------------------------------------------------------------
# Map tiles are a setting: empty means a map of points only (the page works without tiles).
STEK_MAP_TILE_URL = env("STEK_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
STEK_MAP_ATTRIBUTION = env("STEK_MAP_ATTRIBUTION", "© OpenStreetMap contributors")
if STEK_MAP_TILE_URL:
    _tiles = urlsplit(STEK_MAP_TILE_URL.replace("{s}", "*"))
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"{_tiles.scheme}://{_tiles.netloc}")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "stek@localhost")
if env("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST")
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

# --- Privacy --------------------------------------------------------------------------------
# Small-cell suppression threshold for every aggregate that leaves a STEK (never below 3).
STEK_SUPPRESSION_THRESHOLD = env_int("STEK_SUPPRESSION_THRESHOLD", 5)
# Warm the personal-data scanner when the web process starts (off in tests: a fixture does it).
# --- Referrals ------------------------------------------------------------------------------
STEK_REFERRAL_EXPIRY_DAYS = env_int("STEK_REFERRAL_EXPIRY_DAYS", 60)
STEK_REFERRAL_RETENTION_DAYS = env_int("STEK_REFERRAL_RETENTION_DAYS", 90)
# Typing codes on the public page: attempts per IP address, failed attempts for the whole site.
STEK_CODE_WINDOW_SECONDS = env_int("STEK_CODE_WINDOW_SECONDS", 900)
STEK_CODE_ATTEMPTS_PER_IP = env_int("STEK_CODE_ATTEMPTS_PER_IP", 10)
STEK_CODE_FAILURES_GLOBAL = env_int("STEK_CODE_FAILURES_GLOBAL", 200)
# Behind a reverse proxy that appends the client to X-Forwarded-For: rate-limit that address.
STEK_BEHIND_PROXY = env_bool("STEK_BEHIND_PROXY", False)
# The address printed in the slip's QR code (e.g. https://stek.example.org); empty: this host.
STEK_PUBLIC_BASE_URL = env("STEK_PUBLIC_BASE_URL", "")

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "stek_cache",
    },
    # Per process: what is cheap to rebuild and keyed by a version kept in "default" (the
    # agenda's occurrences per STEK and day), so every process sees a change at once.
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "stek-local",
        "TIMEOUT": 6 * 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
    # The last run of the scheduled work (manage.py run_periodic), never culled with the counters.
    "stek_status": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "stek_status",
        "TIMEOUT": None,
    },
}

STEK_WARM_SCANNER = env_bool("STEK_WARM_SCANNER", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# whitenoise: in development serve straight from the apps' static folders.
# Outside production (which runs collectstatic) the demo serves static files straight from the
# apps' static folders, with DEBUG on or off.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
