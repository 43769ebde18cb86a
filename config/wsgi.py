"""WSGI entry point (gunicorn config.wsgi; runserver uses it too)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# Load the personal-data scanner once per process, in the background, so that no request
# pays for it (deduce needs several seconds to build its lookup structures).
from django.conf import settings  # noqa: E402

if settings.STEK_WARM_SCANNER:
    from stek.core.privacy import warm_up_in_background  # noqa: E402

    warm_up_in_background()
