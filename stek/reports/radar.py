"""A radar chart drawn on the server as SVG (issue 18): one axis per function and
precondition, scored 1 to 4. This year is a solid line with round markers, last year a dashed
line with square markers, so the two read apart without colour; every axis and ring carries
its text. ``role="img"`` with a title and a description that says every value in words; the
data table stands beside it on the page."""

import math

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

WIDTH = 520
SIZE = 440  # the height
CX, CENTRE = WIDTH / 2, SIZE / 2 - 10
RADIUS = 130
TOP = 4  # the scale runs 1..4
FONT = 'font-family="DejaVu Sans, sans-serif"'


def _point(i, n, value):
    angle = -math.pi / 2 + 2 * math.pi * i / n
    r = RADIUS * value / TOP
    return CX + r * math.cos(angle), CENTRE + r * math.sin(angle)


def _fmt(value):
    return _("geen score") if value is None else f"{value:.1f}".replace(".", ",")


def _anchor(x):
    if abs(x - CX) < 5:
        return "middle"
    return "start" if x > CX else "end"


def describe(axes, series):
    """Every value in words: 'Ontmoeten: 2025 3,2; 2024 2,8. ...'."""
    parts = []
    for key, label in axes:
        values = "; ".join(f"{name} {_fmt(values.get(key))}" for name, values, _dash in series)
        parts.append(f"{str(label).rstrip('.')}: {values}")
    return ". ".join(parts) + "."


def radar_chart(chart_id, title, axes, series, marks=None):
    """``axes``: [(key, label)]; ``series``: [(name, {key: mean or None}, dashed)], this year
    first. An axis without a score has no point; the line closes over the points it has.
    ``marks``: short texts drawn at the axes instead of the labels (the description still
    says every label in full)."""
    n = len(axes)
    desc = _("Score van 1 (nog niet) tot 4 (helemaal). %(values)s") % {
        "values": describe(axes, series)
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart radar" viewBox="0 0 {WIDTH} {SIZE}" '
        f'width="{WIDTH}" height="{SIZE}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]
    for ring in range(1, TOP + 1):
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (_point(i, n, ring) for i in range(n)))
        parts.append(f'<polygon points="{points}" fill="none" stroke="#b8b8b8" stroke-width="1"/>')
        x, y = _point(0, n, ring)
        parts.append(
            f'<text x="{x + 4:.1f}" y="{y + 4:.1f}" font-size="11" fill="#4a4a4a" {FONT}>'
            f"{ring}</text>"
        )
    for i, (_key, label) in enumerate(axes):
        label = marks[i] if marks else label
        x, y = _point(i, n, TOP)
        lx, ly = _point(i, n, TOP + 0.45)
        parts.append(f'<line x1="{CX}" y1="{CENTRE}" x2="{x:.1f}" y2="{y:.1f}" stroke="#b8b8b8"/>')
        parts.append(
            f'<text x="{lx:.1f}" y="{ly + 4:.1f}" font-size="13" fill="#1a1a1a" '
            f'text-anchor="{_anchor(lx)}" {FONT}>{escape(label)}</text>'
        )
    # last year first, so this year's solid line lies on top
    for _name, values, dashed in reversed(series):
        points = [
            (_point(i, n, values[key]), key)
            for i, (key, _label) in enumerate(axes)
            if values.get(key) is not None
        ]
        if not points:
            continue
        stroke = "#6b3d00" if dashed else "#0b5c57"
        dash = ' stroke-dasharray="7 5"' if dashed else ""
        line = " ".join(f"{x:.1f},{y:.1f}" for (x, y), _k in points)
        parts.append(
            f'<polygon class="radar-{"before" if dashed else "this"}" points="{line}" '
            f'fill="none" stroke="{stroke}" stroke-width="{2 if dashed else 3}"{dash}/>'
        )
        for (x, y), _k in points:
            if dashed:
                parts.append(
                    f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="#fff" '
                    f'stroke="{stroke}" stroke-width="2"/>'
                )
            else:
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{stroke}"/>')
    # the legend, in words and with the same line and marker
    for s, (name, _values, dashed) in enumerate(series):
        y = SIZE - 34 + s * 18
        stroke = "#6b3d00" if dashed else "#0b5c57"
        dash = ' stroke-dasharray="7 5"' if dashed else ""
        parts.append(
            f'<line x1="10" y1="{y}" x2="44" y2="{y}" stroke="{stroke}" stroke-width="2"{dash}/>'
        )
        marker = (
            f'<rect x="23" y="{y - 4}" width="8" height="8" fill="#fff" stroke="{stroke}" '
            'stroke-width="2"/>'
            if dashed
            else f'<circle cx="27" cy="{y}" r="5" fill="{stroke}"/>'
        )
        parts.append(marker)
        kind = _("stippellijn, vierkantjes") if dashed else _("volle lijn, bolletjes")
        parts.append(
            f'<text x="52" y="{y + 4}" font-size="12" fill="#1a1a1a" {FONT}>'
            f"{escape(name)} ({escape(kind)})</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text in it is escaped above
