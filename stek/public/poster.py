"""The printable weekly poster (A4 or A3) as PDF, made with WeasyPrint."""

import logging

import segno
from django.template.loader import render_to_string

log = logging.getLogger(__name__)


class PosterUnavailable(Exception):
    """WeasyPrint's system libraries (Pango) are missing on this machine."""


def qr_data_uri(url):
    return segno.make(url, error="m").svg_data_uri(scale=6, border=2)


def render_poster_pdf(context):
    try:
        from weasyprint import HTML
    except OSError as error:  # Pango/HarfBuzz not installed
        log.error("WeasyPrint cannot load its system libraries: %s", error)
        raise PosterUnavailable(str(error)) from error
    html = render_to_string("public/poster.html", context)
    return HTML(string=html).write_pdf()
