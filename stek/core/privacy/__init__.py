"""The privacy core: the product's first rule in code.

- ``find_personal_data(text, lang)``: a scanner for national numbers, IBANs, phone numbers,
  e-mail addresses, person names and street addresses in Dutch, French and English text.
- ``no_personal_data``: a validator that blocks saving free text with findings.
- ``suppress(counts, threshold)``: small-cell suppression with secondary suppression.
"""

from .scanner import KINDS, Finding, find_personal_data, warm_up, warm_up_in_background
from .suppression import SuppressedTable, suppress
from .validators import describe_findings, no_personal_data

__all__ = [
    "KINDS",
    "Finding",
    "SuppressedTable",
    "describe_findings",
    "find_personal_data",
    "no_personal_data",
    "suppress",
    "warm_up",
    "warm_up_in_background",
]
