"""WSGI entry point (gunicorn config.wsgi; runserver uses it too)."""

import os
import sys

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# Load the personal-data scanner once per process so that no request pays for it (deduce needs
# several seconds to build its lookup structures).
#
# Synchronously, never in a thread: under ``gunicorn --preload`` this module is imported in the
# master, which then forks the workers. A warm-up thread still running at the fork holds locks
# (the scanner's own, Python's import locks) that no thread in the child will ever release, so
# new workers hang. Loaded here, before the fork, the workers share the one loaded scanner
# (copy-on-write). Without --preload each worker loads it before it accepts requests.
#
# Only the development server warms up in the background: it never forks, and it should start
# in a second.
from django.conf import settings  # noqa: E402


def _warm_scanner():
    if not settings.STEK_WARM_SCANNER:
        return
    from stek.core.privacy import warm_up, warm_up_in_background

    if sys.argv[1:2] == ["runserver"]:
        warm_up_in_background()
    else:
        warm_up()


_warm_scanner()
