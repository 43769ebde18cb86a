"""Bar charts drawn on the server as SVG: readable without colour (every bar carries its
figure as text; a hidden figure has no bar and reads "verborgen"), with a title and a
description for screen readers (``role="img"``). The same drawing serves the page and the PDF;
the data table stands beside it."""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

WIDTH = 360
ROW = 34
LABEL = 14  # the height of a label line above its bar
BAR = 14


def _fit(text, limit=44):
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(chart_id, title, rows, unit):
    """``rows`` are ``(label, n or None)``; None is a hidden figure. Returns safe SVG."""
    shown = [n for _label, n in rows if n is not None]
    top = max(shown, default=0) or 1
    height = ROW * len(rows) + 8
    hidden = _("verborgen")
    described = ", ".join(f"{label}: {hidden if n is None else n}" for label, n in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(unit)}: {escape(described)}</desc>',
        f'<defs><pattern id="{chart_id}-p" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#dfeeed"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#0b5c57" stroke-width="2.5"/></pattern></defs>',
    ]
    for i, (label, n) in enumerate(rows):
        y = i * ROW + 4
        parts.append(
            f'<text x="0" y="{y + LABEL - 3}" font-size="12" fill="#1a1a1a" '
            f'font-family="DejaVu Sans, sans-serif">{escape(_fit(label))}</text>'
        )
        bar_y = y + LABEL
        if n is None:
            parts.append(
                f'<text x="0" y="{bar_y + BAR - 3}" font-size="12" font-style="italic" '
                f'fill="#1a1a1a" font-family="DejaVu Sans, sans-serif">{escape(hidden)}</text>'
            )
            continue
        length = round((WIDTH - 60) * n / top) if n else 0
        if length:
            parts.append(
                f'<rect x="0" y="{bar_y}" width="{length}" height="{BAR}" '
                f'fill="url(#{chart_id}-p)" stroke="#0b5c57" stroke-width="1"/>'
            )
        parts.append(
            f'<text x="{length + 5}" y="{bar_y + BAR - 3}" font-size="12" font-weight="bold" '
            f'fill="#1a1a1a" font-family="DejaVu Sans, sans-serif">{n}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text in it is escaped above
