"""The optional action code of the BBC (the local authority's policy and management cycle):
an action number such as ``AP1.2.3`` or another short code the city uses."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BBC_CODE = re.compile(r"^(?:AP\d{1,3}(?:\.\d{1,3}){0,4}|[A-Za-z0-9][A-Za-z0-9._/-]{0,19})$")


def validate_bbc_code(value):
    if value and not BBC_CODE.match(value):
        raise ValidationError(
            _(
                "Schrijf de actiecode zonder spaties, bijvoorbeeld AP1.2.3, of een korte code "
                "van hoogstens 20 letters, cijfers, punten of streepjes."
            ),
            code="bbc_code",
        )
