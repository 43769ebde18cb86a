"""Printable PDFs (posters, referral slips) made with WeasyPrint, and QR codes for them."""

import logging

import segno
from django.conf import settings
from django.template.loader import render_to_string

log = logging.getLogger(__name__)


class PdfUnavailable(Exception):
    """WeasyPrint's system libraries (Pango) are missing on this machine."""


def qr_data_uri(url, scale=6):
    return segno.make(url, error="m").svg_data_uri(scale=scale, border=2)


def public_url(request, path):
    """The address printed in a QR code: under STEK_PUBLIC_BASE_URL, else this host."""
    base = settings.STEK_PUBLIC_BASE_URL
    return f"{base.rstrip('/')}{path}" if base else request.build_absolute_uri(path)


def render_pdf(template, context):
    try:
        from weasyprint import HTML
    except OSError as error:  # Pango/HarfBuzz not installed
        log.error("WeasyPrint cannot load its system libraries: %s", error)
        raise PdfUnavailable(str(error)) from error
    return HTML(string=render_to_string(template, context)).write_pdf()
