"""Random codes that people type or read from a link (a referral slip, a council meeting, a
self-evaluation rater's link): drawn with ``secrets``, never derived from anything else."""

import secrets

from django.utils.translation import gettext as _


def random_code(alphabet, length):
    return "".join(secrets.choice(alphabet) for _i in range(length))


def unused_code(alphabet, length, taken, attempts=20):
    """A random code for which ``taken(code)`` is false. With the alphabets and lengths used
    here a clash is practically never; after ``attempts`` clashes the write is refused."""
    from .services import ServiceError

    for _attempt in range(attempts):
        code = random_code(alphabet, length)
        if not taken(code):
            return code
    raise ServiceError(_("Probeer opnieuw."))
