"""Small-cell suppression: property tests with an independent exact solver."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stek.core.privacy import suppress

counts = st.integers(min_value=0, max_value=40)


def _rank(matrix):
    """Rank over the rationals (plain Gaussian elimination with Fractions)."""
    rows = [[Fraction(x) for x in row] for row in matrix]
    rank, cols = 0, len(rows[0]) if rows else 0
    for c in range(cols):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][c] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(len(rows)):
            if r != rank and rows[r][c] != 0:
                f = rows[r][c] / rows[rank][c]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[rank], strict=True)]
        rank += 1
    return rank


def recomputable(unknowns, equations, target):
    """Is ``target`` fixed by the equations (lists of (name, coefficient)) over ``unknowns``?"""
    index = {u: i for i, u in enumerate(unknowns)}
    matrix = []
    for eq in equations:
        row = [0] * len(unknowns)
        for name, coef in eq:
            if name in index:
                row[index[name]] += coef
        if any(row):
            matrix.append(row)
    if not matrix:
        return False
    without = [[v for i, v in enumerate(r) if i != index[target]] for r in matrix]
    return _rank(without) < _rank(matrix) if without[0] else True


def two_way_equations(table, rows, cols):
    eqs = []
    for r in rows:
        eqs.append([(("row", r), -1)] + [(("cell", (r, c)), 1) for c in cols])
    for c in cols:
        eqs.append([(("col", c), -1)] + [(("cell", (r, c)), 1) for r in rows])
    eqs.append([(("total",), -1)] + [(("row", r), 1) for r in rows])
    eqs.append([(("total",), -1)] + [(("col", c), 1) for c in cols])
    return eqs


def published_values(table, rows, cols):
    values = {("cell", k): v for k, v in table.cells.items()}
    values.update({("row", r): table.row_totals[r] for r in rows})
    values.update({("col", c): table.col_totals[c] for c in cols})
    values[("total",)] = table.total
    return values


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefgh"), counts, min_size=1), st.integers(3, 10))
def test_one_way_tables(data, threshold):
    table = suppress(data, threshold=threshold)
    for key, value in data.items():
        shown = table.cells[key]
        assert shown is None or shown == value  # published values are true
        if 0 < value < threshold:
            assert shown is None  # every small cell is hidden
    if table.total is not None:
        assert table.total == sum(data.values())
        assert not 0 < table.total < threshold
    hidden = [k for k, v in table.cells.items() if v is None]
    # with the total published, one hidden cell alone would be total minus the others
    unknowns = [("cell", k) for k in hidden] + ([("total",)] if table.total is None else [])
    equation = [(("total",), -1)] + [(("cell", k), 1) for k in data]
    for k in hidden:
        assert not recomputable(unknowns, [equation], ("cell", k)), (data, table)


@settings(max_examples=120, deadline=None)
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
def test_two_way_tables(shape, threshold):
    n_rows, n_cols, xs = shape
    rows, cols = [f"r{i}" for i in range(n_rows)], [f"c{j}" for j in range(n_cols)]
    data = {(r, c): xs[i * n_cols + j] for i, r in enumerate(rows) for j, c in enumerate(cols)}
    table = suppress(data, threshold=threshold)
    truth = {("cell", k): v for k, v in data.items()}
    truth.update({("row", r): sum(data[(r, c)] for c in cols) for r in rows})
    truth.update({("col", c): sum(data[(r, c)] for r in rows) for c in cols})
    truth[("total",)] = sum(data.values())
    shown = published_values(table, rows, cols)
    for name, value in truth.items():
        assert shown[name] is None or shown[name] == value
        if 0 < value < threshold:
            assert shown[name] is None, (name, data)
    unknowns = [n for n, v in shown.items() if v is None]
    equations = two_way_equations(table, rows, cols)
    for name in unknowns:
        assert not recomputable(unknowns, equations, name), (name, data, table)


def test_a_lone_small_cell_gets_a_complement():
    table = suppress({"energie": 2, "wonen": 12, "inkomen": 30})
    assert table.cells == {"energie": None, "wonen": None, "inkomen": 30}
    assert table.total == 44


def test_a_cycle_of_four_protects_a_three_by_three_table():
    data = {
        ("r1", "c1"): 2, ("r1", "c2"): 10, ("r1", "c3"): 8,
        ("r2", "c1"): 7, ("r2", "c2"): 9, ("r2", "c3"): 20,
        ("r3", "c1"): 40, ("r3", "c2"): 1, ("r3", "c3"): 50,
    }  # fmt: skip
    table = suppress(data)
    assert len(table.suppressed_cells) == 4  # not more than needed here


def test_zeros_are_published_and_large_tables_untouched():
    table = suppress({"a": 0, "b": 10, "c": 20})
    assert table.cells == {"a": 0, "b": 10, "c": 20}


def test_threshold_is_never_below_three():
    with pytest.raises(ValueError):
        suppress({"a": 5}, threshold=2)


def test_counts_must_be_counts():
    with pytest.raises(ValueError):
        suppress({"a": -1})
