"""The area analysis: reading Statbel's files and CSVs of the same shape (issue 18, ADR 0017).
The files under data/area/ are small files of our own in the real formats."""

import io
import re
from pathlib import Path

import pytest

from stek.reports import area

DATA = Path(__file__).parent / "data" / "area"


def parse(name, **kwargs):
    with open(DATA / name, "rb") as handle:
        return area.parse(handle, **kwargs)


def test_a_pipe_delimited_file_with_a_bom_reads_its_codes_and_labels():
    raw = (DATA / "population_sector_2025.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"|" in raw  # the real trap is in the file
    parsed = parse("population_sector_2025.txt")
    assert parsed.level == "sector" and parsed.year == 2025 and not parsed.errors
    unit = parsed.units[("44021", "44021A001")]
    assert unit.label == "Sint-Jacobs" and unit.values == {"MS_POPULATION": 1250}
    assert [c["name"] for c in parsed.columns] == ["MS_POPULATION"]  # CD_YEAR is no figure


def test_a_star_is_suppressed_never_zero():
    unit = parse("population_sector_2025.txt").units[("44021", "44021A002")]
    assert unit.values["MS_POPULATION"] is None
    assert unit.suppressed == {"MS_POPULATION"}


def test_the_municipality_is_cd_refnis_not_the_start_of_the_sector_code():
    units = parse("population_sector_2025.txt").units
    # the sector of old Zwijndrecht (11056...) lies in Beveren-Kruibeke-Zwijndrecht since 2025
    assert ("46030", "11056A00-") in units
    assert not any(refnis == "11056" for refnis, _sector in units)


def test_old_codes_are_translated_through_the_crosswalk():
    parsed = parse("income_sector_old_codes.txt")
    assert parsed.translated == 3
    assert ("46030", "46003A00-") in parsed.units
    assert all(refnis != "46003" for refnis, _ in parsed.units)


def test_a_file_of_several_years_keeps_the_latest_or_the_one_asked():
    assert parse("income_sector_old_codes.txt").year == 2022
    older = parse("income_sector_old_codes.txt", year=2021)
    assert older.year == 2021
    assert older.units[("46030", "46003A00-")].values["MS_NBR_NON_ZERO_INC"] == 1500
    with pytest.raises(area.AreaFileError, match="2019"):
        parse("income_sector_old_codes.txt", year=2019)


def test_merged_municipalities_add_their_counts_but_never_their_medians():
    parsed = parse("income_munty_old_codes.txt")
    merged = parsed.units[("46030", "")]
    assert merged.label == "Beveren-Kruibeke-Zwijndrecht"
    assert merged.values["MS_NBR_NON_ZERO_INC"] == 25000 + 9000 + 9500
    assert merged.values["MS_TOT_NET_TAXABLE_INC"] == 700000000 + 260000000 + 250000000
    assert merged.values["MS_MEDIAN_NET_TAXABLE_INC"] is None
    assert merged.merged == {"MS_MEDIAN_NET_TAXABLE_INC"}
    assert parsed.units[("44021", "")].values["MS_MEDIAN_NET_TAXABLE_INC"] == 21900


def test_medians_and_averages_are_not_additive_counts_are():
    assert not area.is_additive("MS_MEDIAN_NET_TAXABLE_INC")
    assert not area.is_additive("MS_AVG_TOT_NET_TAXABLE_INC")
    assert not area.is_additive("aandeel_alleenstaanden_pct")
    assert area.is_additive("MS_POPULATION") and area.is_additive("MS_NBR_NON_ZERO_INC")


def test_the_age_structure_by_sex_folds_single_years_into_bands():
    units = parse("age_sector.txt").units
    first = units[("44021", "44021A001")]
    assert first.values["MS_POPULATION|F|0-17"] == 17  # ages 5 and 12
    assert first.values["MS_POPULATION|M|65-79"] is None  # a star stays hidden
    assert units[("44021", "44021B10-")].values["MS_POPULATION|F|80+"] == 3


def test_a_generic_csv_with_semicolons_and_a_decimal_comma():
    parsed = parse("generic_semicolon.csv")
    assert parsed.level == "municipality"
    gent = parsed.units[("44021", "")]
    assert gent.values == {"werkzoekenden": 12345, "aandeel_alleenstaanden_pct": 41.7}
    assert parsed.units[("46030", "")].values["werkzoekenden"] == 2310
    # Lochristi (44034) merged with Wachtebeke into 44087
    assert ("44087", "") in parsed.units and parsed.translated == 1


@pytest.mark.parametrize(
    ("text", "delimiter", "value"),
    [("1234", "|", 1234), ("1234,5", "|", 1234.5), ("1.234,5", ";", 1234.5),
     ("12.345", ";", 12345), ("12.345", "|", 12.345), ("1 234", ",", 1234)],
)  # fmt: skip
def test_numbers_as_the_files_write_them(text, delimiter, value):
    assert area._number(text, delimiter) == value


def test_bad_lines_are_reported_with_their_numbers_and_reasons():
    parsed = parse("bad_lines.csv")
    lines = dict(parsed.errors)
    assert sorted(lines) == [3, 4, 5, 6]
    assert "4402" in lines[3] and "XYZ" in lines[4] and "veel" in lines[5]
    assert "2 kolommen" in lines[6]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.csv", "leeg"),
        ("no_code_column.csv", "CD_REFNIS"),
        ("sector_without_refnis.csv", "niet uit de sectorcode"),
        ("latin1.csv", "UTF-8"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(name, words):
    with pytest.raises(area.AreaFileError, match=words):
        parse(name)


def test_a_code_twice_in_a_flat_file_is_a_bad_line():
    text = b"CD_REFNIS;MS_POPULATION\n44021;10\n44021;12\n"
    parsed = area.parse(io.BytesIO(text))
    assert [line for line, _ in parsed.errors] == [3]


def test_the_crosswalk_covers_the_2025_mergers():
    crosswalk = area.mergers()
    new = {code for code, _name in crosswalk.values()}
    # 30 municipalities (29 codes that disappear, and Antwerpen that keeps 11002) became 14
    assert len(crosswalk) == 29 and len(new) == 14
    assert 581 - (len(crosswalk) + 1 - len(new)) == 565
    assert crosswalk["82005"][1] == "Bastogne"  # Bastogne–Bertogne in Wallonia


def test_codes_of_a_service_area_are_checked():
    municipalities, sectors, errors = area.check_codes(
        ["44021", "44021A001", "46003", "abc"], known={"44021", "44021A001"}
    )
    assert municipalities == ["44021"] and sectors == ["44021A001"]
    assert any("46030" in e for e in errors)  # an old code gets its new one
    assert any("abc" in e for e in errors)
    _m, _s, unknown = area.check_codes(["44022"], known={"44021"})
    assert unknown and "geen enkel" in unknown[0]


def test_geojson_is_validated():
    with open(DATA / "sectors.geojson", "rb") as handle:
        collection, prop = area.read_geojson(handle)
    assert prop == "CD_SECTOR" and len(collection["features"]) == 3
    assert collection["features"][0]["properties"] == {"code": "44021A001", "name": "Sint-Jacobs"}
    with open(DATA / "point.geojson", "rb") as handle, pytest.raises(area.AreaFileError):
        area.read_geojson(handle)
    for text in (b"{not json", b'{"type": "Feature"}', b'{"type": "FeatureCollection"}'):
        with pytest.raises(area.AreaFileError):
            area.read_geojson(io.BytesIO(text))


def test_classes_of_the_map():
    limits = area.classes([1, 2, 3, 4, 5, 6, 7, 8, None])
    assert len(limits) == 4 and limits[0][0] == 1 and limits[-1][1] == 8
    assert area.class_of(None, limits) == 0
    assert area.class_of(8, limits) == 4 and area.class_of(1, limits) == 1


@pytest.mark.parametrize(
    ("body", "words"),
    [
        # a figure of a million digits: refused as a figure, never an integer no JSON can hold
        (b"CD_REFNIS;pop\n44021;1e999999\n", "geen getal|getal"),
        # a year no file is about (once an OverflowError in the database)
        (b"CD_REFNIS;CD_YEAR;pop\n44021;99999999999999999999;3\n", "geen jaar"),
    ],
)
def test_impossible_figures_and_years_are_bad_lines_not_a_crash(body, words):
    parsed = area.parse(io.BytesIO(body))
    assert parsed.errors and any(re.search(words, r) for _l, r in parsed.errors)


def test_a_line_the_csv_reader_cannot_read_is_a_bad_file_not_a_crash():
    body = b'CD_REFNIS;pop\n44021;"' + b"x" * 200_000 + b'"\n'
    with pytest.raises(area.AreaFileError, match="Regel"):
        area.parse(io.BytesIO(body))


def test_deeply_nested_json_is_not_geojson_and_not_a_crash():
    with pytest.raises(area.AreaFileError, match="geen GeoJSON"):
        area.read_geojson(io.BytesIO(b"[" * 100_000))
