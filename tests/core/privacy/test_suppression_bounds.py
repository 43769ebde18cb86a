"""Suppression against an attacker with bounds: an independent LP audit (ADR 0006).

G1: no hidden value is pinned down (its LP interval holds at least two whole numbers), even when
the attacker knows which hidden cells are small (1 … threshold − 1) and every value is ≥ 0.
G2: no hidden small value can be proven small from the published figures."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stek.core.privacy import boundary, suppress
from tests.core.privacy.lp_attack import pinned, provably_small

counts = st.integers(min_value=0, max_value=40) | st.integers(min_value=1, max_value=6)


def one_way(data, table):
    truth = {("cell", k): v for k, v in data.items()}
    truth[("total",)] = sum(data.values())
    shown = {("cell", k): v for k, v in table.cells.items()}
    shown[("total",)] = table.total
    relations = [(("total",), [("cell", k) for k in data])]
    return truth, shown, relations


def two_way(data, table, rows, cols):
    truth = {("cell", k): v for k, v in data.items()}
    truth.update({("row", r): sum(data[(r, c)] for c in cols) for r in rows})
    truth.update({("col", c): sum(data[(r, c)] for r in rows) for c in cols})
    truth[("total",)] = sum(data.values())
    shown = {("cell", k): v for k, v in table.cells.items()}
    shown.update({("row", r): table.row_totals[r] for r in rows})
    shown.update({("col", c): table.col_totals[c] for c in cols})
    shown[("total",)] = table.total
    relations = [(("row", r), [("cell", (r, c)) for c in cols]) for r in rows]
    relations += [(("col", c), [("cell", (r, c)) for r in rows]) for c in cols]
    relations.append((("total",), [("row", r) for r in rows]))
    relations.append((("total",), [("col", c) for c in cols]))
    return truth, shown, relations


def check(truth, shown, relations, threshold):
    for name, value in truth.items():
        assert shown[name] is None or shown[name] == value  # published values are true
        if 0 < value < threshold:
            assert shown[name] is None, name  # every small value is hidden
    small_cells = {n for n, v in truth.items() if n[0] == "cell" and 0 < v < threshold}
    assert not pinned(truth, shown, relations, small_cells, threshold)
    assert not provably_small(truth, shown, relations, threshold)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefgh"), counts, min_size=1), st.integers(3, 8))
def test_no_hidden_value_is_pinned_in_one_way_tables(data, threshold):
    table = suppress(data, threshold=threshold)
    check(*one_way(data, table), threshold)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda n_rows: st.integers(1, 4).flatmap(
            lambda n_cols: st.lists(counts, min_size=n_rows * n_cols, max_size=n_rows * n_cols).map(
                lambda xs: (n_rows, n_cols, xs)
            )
        )
    ),
    st.integers(3, 8),
)
def test_no_hidden_value_is_pinned_in_two_way_tables(shape, threshold):
    n_rows, n_cols, xs = shape
    rows, cols = [f"r{i}" for i in range(n_rows)], [f"c{j}" for j in range(n_cols)]
    data = {(r, c): xs[i * n_cols + j] for i, r in enumerate(rows) for j, c in enumerate(cols)}
    table = suppress(data, threshold=threshold)
    check(*two_way(data, table, rows, cols), threshold)


DOSSIER = {"2025-K1": 4, "2025-K2": 9, "2025-K3": 15, "2025-K4": 4, "2026-K1": 72}


def test_the_dossier_quarters_are_pinned_by_the_old_pattern_and_safe_now():
    truth, _shown, relations = one_way(DOSSIER, suppress(DOSSIER, threshold=5))
    small = {("cell", "2025-K1"), ("cell", "2025-K4")}
    old = {**truth, **dict.fromkeys(small)}  # "< 5, 9, 15, < 5, 72, total 104"
    assert set(pinned(truth, old, relations, small, 5)) == small  # both must be 4
    check(*one_way(DOSSIER, suppress(DOSSIER, threshold=5)), 5)


def test_the_old_attack_finds_no_single_value_any_more():
    data = {"energie": 2, "wonen": 12, "inkomen": 30}
    table = suppress(data, threshold=5)
    check(*one_way(data, table), 5)
    assert table.total == 44  # the grand total stays published


def test_an_empty_table_and_the_threshold_from_settings(settings):
    assert suppress({}).cells == {} and suppress({}).total == 0
    assert suppress(None).total == 0
    settings.STEK_SUPPRESSION_THRESHOLD = 7
    table = suppress({"a": 6, "b": 30, "c": 40})
    assert table.threshold == 7 and table.cells["a"] is None


def test_the_boundary_publishes_an_empty_table_without_an_if_at_the_call_site(settings):
    settings.STEK_SUPPRESSION_THRESHOLD = 6
    empty = boundary.publish({})
    assert empty.cells == {} and empty.total == 0 and not empty.has_hidden
    assert empty.threshold == 6
    nothing = boundary.publish_grid({}, [])
    assert nothing.figures == {} and nothing.threshold == 6
    assert boundary.publish_linked({}, []).figures == {}
    settings.STEK_SUPPRESSION_THRESHOLD = 2  # never below MIN_THRESHOLD, wherever it is read
    with pytest.raises(ValueError):
        boundary.publish({})


# Across the period grid: every published figure of a year (months, quarters, the year, per key
# and in total), attacked at once.


def grid_attack(counts, months, keys, threshold):
    linked = boundary.publish_grid(counts, months, sums={"total": list(keys)}, threshold=threshold)
    truth, relations = {}, []
    quarters = {}
    for key in [*keys, "total"]:
        for m in months:
            parts = keys if key == "total" else [key]
            truth[(key, f"{m.year}-{m.month:02d}")] = sum(counts.get((p, m), 0) for p in parts)
            quarters.setdefault((key, f"{m.year}-K{(m.month - 1) // 3 + 1}"), []).append(
                (key, f"{m.year}-{m.month:02d}")
            )
    for (key, code), parts in quarters.items():
        truth[(key, code)] = sum(truth[p] for p in parts)
        relations.append(((key, code), parts))
    for key in [*keys, "total"]:
        year_parts = [q for q in quarters if q[0] == key]
        truth[(key, "2025")] = sum(truth[q] for q in year_parts)
        relations.append(((key, "2025"), year_parts))
    for name in list(truth):
        if name[0] == "total":
            relations.append((name, [(k, name[1]) for k in keys]))
    shown = {name: linked[name] for name in truth}
    small_cells = {
        n
        for n, v in truth.items()
        if n[0] != "total" and len(n[1]) == 7 and "K" not in n[1] and 0 < v < threshold
    }  # the months of a key are the cells; the rest (quarters "2025-K1", years) are sums
    for name, value in truth.items():
        assert shown[name] is None or shown[name] == value
        if 0 < value < threshold:
            assert shown[name] is None
    assert not pinned(truth, shown, relations, small_cells, threshold)
    assert not provably_small(truth, shown, relations, threshold)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.integers(0, 12) | st.just(0), min_size=12, max_size=12),
    st.lists(st.integers(0, 6), min_size=12, max_size=12),
)
def test_no_figure_on_the_period_grid_is_pinned(first, second):
    months = [date(2025, m, 1) for m in range(1, 13)]
    counts = {("a", m): first[i] for i, m in enumerate(months)}
    counts.update({("b", m): second[i] for i, m in enumerate(months)})
    grid_attack(counts, months, ["a", "b"], 5)


def test_a_year_minus_its_quarters_recovers_nothing():
    months = [date(2025, m, 1) for m in range(1, 13)]
    counts = {("a", m): 10 for m in months}
    counts[("a", date(2025, 2, 1))] = 1  # one small month
    grid_attack(counts, months, ["a"], 5)


# Across time: the figures are published month after month. An attacker who read the page on
# every day of the year keeps every figure it ever showed, including every version of a figure
# over the whole span so far, and attacks the union.


def history_attack(counts, months, keys, threshold):
    seen, hidden_once = {}, set()
    for k in range(1, len(months) + 1):
        done = months[:k]
        linked = boundary.publish_grid(
            counts, done, sums={"total": list(keys)}, overall=True, threshold=threshold
        )
        version = f"all@{done[-1].year}-{done[-1].month:02d}"
        for (key, code), value in linked.figures.items():
            if code == boundary.ALL:
                code = version  # the span total read on this day
            if code.startswith("all@") and code != version:
                continue
            name = (key, code)
            if value is None:
                hidden_once.add(name)
                assert name not in seen, f"{name} was published, then hidden"
            else:
                assert seen.get(name, value) == value, f"{name} changed"
                assert name not in hidden_once, f"{name} was hidden, then published"
                seen[name] = value
    truth, relations = {}, []
    all_keys = [*keys, "total"]

    def value(key, ms):
        parts = keys if key == "total" else [key]
        return sum(counts.get((p, m), 0) for p in parts for m in ms)

    for key in all_keys:
        code_of = {}
        for m in months:
            code = f"{m.year}-{m.month:02d}"
            truth[(key, code)] = value(key, [m])
            code_of.setdefault(f"{m.year}-K{(m.month - 1) // 3 + 1}", []).append((key, code))
        for q, parts in code_of.items():
            truth[(key, q)] = sum(truth[p] for p in parts)
            relations.append(((key, q), parts))
        truth[(key, "2025")] = value(key, months)
        relations.append(((key, "2025"), [(key, q) for q in code_of]))
        for k in range(1, len(months) + 1):
            name = (key, f"all@{months[k - 1].year}-{months[k - 1].month:02d}")
            truth[name] = value(key, months[:k])
            relations.append((name, [(key, f"{m.year}-{m.month:02d}") for m in months[:k]]))
    for name in list(truth):
        if name[0] == "total":
            relations.append((name, [(k, name[1]) for k in keys]))
    published = {n: seen.get(n) for n in truth}  # never published: unknown to the attacker
    for name, v in published.items():
        assert v is None or v == truth[name], name
        assert v is None or not 0 < v < threshold, name
    small_cells = {
        n
        for n, v in truth.items()
        if n[0] != "total" and "K" not in n[1] and len(n[1]) == 7 and 0 < v < threshold
    }
    assert not pinned(truth, published, relations, small_cells, threshold)
    assert not provably_small(truth, published, relations, threshold)


@settings(max_examples=12, deadline=None)
@given(
    st.lists(st.integers(0, 12) | st.just(0), min_size=12, max_size=12),
    st.lists(st.integers(0, 6), min_size=12, max_size=12),
)
def test_no_figure_is_pinned_by_everything_published_month_after_month(first, second):
    months = [date(2025, m, 1) for m in range(1, 13)]
    counts = {("a", m): first[i] for i, m in enumerate(months)}
    counts.update({("b", m): second[i] for i, m in enumerate(months)})
    history_attack(counts, months, ["a", "b"], 5)


def test_a_span_total_read_before_and_after_a_small_month_recovers_nothing():
    """The old hole: "all" read in November and in December differed by December's 2."""
    months = [date(2025, m, 1) for m in range(1, 13)]
    counts = {("a", m): 10 for m in months} | {("b", m): 8 for m in months}
    counts[("a", date(2025, 12, 1))] = 2
    history_attack(counts, months, ["a", "b"], 5)


def test_only_completed_months_quarters_and_years_are_on_the_grid():
    # November 2026 ends on Monday 30 November: its last week ends on Sunday 6 December.
    assert boundary.published_from(date(2026, 11, 1)) == date(2026, 12, 8)
    assert boundary.grid_months(date(2026, 12, 7), date(2026, 10, 1)) == [date(2026, 10, 1)]
    done = boundary.grid_months(date(2026, 12, 8), date(2026, 1, 1))
    assert done[-1] == date(2026, 11, 1) and len(done) == 11
    codes = {p.code for p in boundary.grid_periods(done)}
    assert {"2026-11", "2026-K3"} <= codes and not {"2026-12", "2026-K4", "2026"} & codes
    assert "2025" in {p.code for p in boundary.grid_periods(boundary.grid_months(date(2026, 1, 7)))}
