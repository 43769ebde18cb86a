"""An attacker's LP over published figures, written independently of the suppression code.

The attacker knows every published figure, every additive relation, that every hidden figure is
≥ 0 and (granted) which hidden figures are small cells: those lie in 1 … threshold − 1."""

import math

import numpy as np
from scipy.optimize import linprog


def intervals(truth, published, relations, small_cells, threshold, bounded=True):
    """{hidden name: (min, max)} over the LP (``math.inf`` when unbounded)."""
    hidden = sorted((n for n, v in published.items() if v is None), key=str)
    index = {n: i for i, n in enumerate(hidden)}
    a_eq, b_eq = [], []
    for total, parts in relations:
        row, constant = np.zeros(len(hidden)), 0.0
        for name, sign in [(total, -1.0)] + [(p, 1.0) for p in parts]:
            if name in index:
                row[index[name]] += sign
            else:
                value = published.get(name)
                constant += sign * (truth[name] if value is None else value)
        if row.any():
            a_eq.append(row)
            b_eq.append(-constant)
    bounds = [(1, threshold - 1) if (bounded and n in small_cells) else (0, None) for n in hidden]
    result = {}
    for i, name in enumerate(hidden):
        ends = []
        for sign in (1, -1):
            c = np.zeros(len(hidden))
            c[i] = sign
            lp = linprog(
                c,
                A_eq=np.array(a_eq) if a_eq else None,
                b_eq=np.array(b_eq) if b_eq else None,
                bounds=bounds,
                method="highs",
            )
            if lp.status == 3:
                ends.append(-math.inf if sign == 1 else math.inf)
            else:
                assert lp.status == 0, lp.message
                ends.append(lp.x[i])
        result[name] = (ends[0], ends[1])
    return result


def pinned(truth, published, relations, small_cells, threshold):
    """Hidden names whose interval holds one value only (G1 broken)."""
    found = intervals(truth, published, relations, small_cells, threshold)
    return {n: iv for n, iv in found.items() if iv[1] - iv[0] < 1 - 1e-6}


def provably_small(truth, published, relations, threshold):
    """Hidden small values that the figures alone (hidden only ≥ 0) prove small (G2 broken)."""
    found = intervals(truth, published, relations, set(), threshold, bounded=False)
    return {
        n: iv for n, iv in found.items() if 0 < truth[n] < threshold and iv[1] < threshold - 1e-6
    }
