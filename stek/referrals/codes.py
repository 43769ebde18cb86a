"""Referral codes: random, short, unambiguous, unguessable, never derived from identity.

31 symbols (digits 2-9 and capitals without I, L and O), 10 of them: 31**10 ≈ 8.2e14 codes,
49.5 bits. Drawn with ``secrets``. Shown as ABCDE-FGHJK; typed in any case, with or without
spaces and dashes. Eight symbols were not enough: with the site-wide limit on failed tries
and many open referrals, a year of guessing would find one (see the test).
"""

import math

from stek.core.codes import random_code

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 10
ENTROPY_BITS = LENGTH * math.log2(len(ALPHABET))


def new_code():
    return random_code(ALPHABET, LENGTH)


def normalise(typed):
    """What a person typed -> the stored form, or "" when it cannot be a code."""
    code = "".join(ch for ch in (typed or "").upper() if ch not in " -.\t")
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return ""
    return code


def display(code):
    return f"{code[:5]}-{code[5:]}" if code else ""
