"""The optional action code of the BBC (the local authority's policy and management cycle):
an action number such as ``AP1.2.3`` or another short code the city uses."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# AP1.2.3, or letters and digits with single dots, dashes or slashes between them (ACT-7)
BBC_CODE = re.compile(r"^[A-Za-z0-9]+(?:[._/-][A-Za-z0-9]+)*$")
LIMIT = 20


def validate_bbc_code(value):
    if value and (len(value) > LIMIT or not BBC_CODE.match(value)):
        raise ValidationError(
            _(
                "Schrijf de actiecode zonder spaties, bijvoorbeeld AP1.2.3, of een korte code "
                "van hoogstens 20 letters, cijfers, punten of streepjes."
            ),
            code="bbc_code",
        )
