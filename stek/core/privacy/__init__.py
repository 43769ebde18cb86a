"""The privacy core: the product's first rule in code.

- ``scan(text, lang=None, allow=())`` (also ``find_personal_data``): a scanner for national
  numbers, IBANs, phone numbers, e-mail addresses, person names, street addresses, birth dates,
  licence plates and case numbers in Dutch, French and English text.
- ``no_personal_data``: a validator that blocks saving free text with findings.
- ``suppress(counts, threshold)``: small-cell suppression, complements chosen by an LP audit.
- ``boundary``: the one export boundary every count that leaves a STEK goes through.
"""

from .scanner import KINDS, Finding, find_personal_data, scan, warm_up, warm_up_in_background
from .suppression import SuppressedTable, suppress
from .validators import describe_findings, no_personal_data

__all__ = [
    "KINDS",
    "Finding",
    "SuppressedTable",
    "describe_findings",
    "find_personal_data",
    "no_personal_data",
    "scan",
    "suppress",
    "warm_up",
    "warm_up_in_background",
]
