"""An offline geocoder for Belgian postcodes: a postcode gives its municipality and
approximate coordinates (the centre of the postcode's area, within a few kilometres), from a
committed table (``data/be_postcodes.csv``, made by ``tools/make_be_postcodes.py``; sources
and licence in docs/postcodes.md). Good enough to search services at a distance and to draw
the small map on a referral slip; a STEK that wants its door on the map types or corrects the
coordinates itself. No network, no settings, no database.
"""

import csv
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "be_postcodes.csv"


@dataclass(frozen=True)
class Place:
    postcode: str
    municipality_nl: str
    municipality_fr: str
    latitude: Decimal
    longitude: Decimal

    def municipality(self, language="nl"):
        """The municipality's name in French for French, else in Dutch (Brussel, Bruxelles;
        Bergen, Mons). In Wallonia and the German-speaking area the French name is the
        official one, whatever the language asked."""
        if (
            language == "fr"
            or 1300 <= int(self.postcode) <= 1499
            or 4000 <= int(self.postcode) <= 7999
        ):
            return self.municipality_fr
        return self.municipality_nl


def normalise_postcode(value):
    """'9000' from '9000', ' 9000 ', 'B-9000', 'B9000' or 'BE-9000'; '' when it is not four
    digits after that."""
    code = str(value or "").strip().upper().replace(" ", "")
    for prefix in ("BE-", "BE", "B-", "B"):
        if code.startswith(prefix):
            code = code[len(prefix) :]
            break
    return code if len(code) == 4 and code.isascii() and code.isdigit() else ""


@cache
def _table():
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return {
            row["postcode"]: Place(
                row["postcode"], row["municipality_nl"], row["municipality_fr"],
                Decimal(row["latitude"]), Decimal(row["longitude"]),
            )
            for row in csv.DictReader(handle)
        }  # fmt: skip


def lookup_postcode(value):
    """The ``Place`` of a Belgian postcode, or None when the postcode is not in the table."""
    code = normalise_postcode(value)
    return _table().get(code) if code else None
