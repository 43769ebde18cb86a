"""Printable PDFs (posters, referral slips, signal notes) made with WeasyPrint, the one
response that carries them, and QR codes for them."""

import logging

import segno
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation

log = logging.getLogger(__name__)

UNAVAILABLE_TEMPLATE = "core/pdf_unavailable.html"


class PdfUnavailable(Exception):
    """WeasyPrint or its system libraries (Pango) are missing on this machine."""


def qr_data_uri(url, scale=6):
    return segno.make(url, error="m").svg_data_uri(scale=scale, border=2)


def public_url(request, path):
    """The address printed in a QR code: under STEK_PUBLIC_BASE_URL, else this host."""
    base = settings.STEK_PUBLIC_BASE_URL
    return f"{base.rstrip('/')}{path}" if base else request.build_absolute_uri(path)


def render_pdf(template, context):
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # not installed, or Pango/HarfBuzz missing
        log.error("WeasyPrint cannot be loaded: %s", error)
        raise PdfUnavailable(str(error)) from error
    return HTML(string=render_to_string(template, context)).write_pdf()


def pdf_response(
    request,
    template,
    context,
    filename,
    *,
    stek=None,
    back=None,
    base="base.html",
    language=None,
    no_store=False,
    page=None,
):
    """``template`` as a PDF shown in the browser, saved as ``filename``.

    ``language`` is the language the PDF is written in (a referral slip speaks the visitor's);
    ``no_store`` keeps it out of every cache. When this machine cannot make a PDF, the one
    "cannot be made" page answers instead (503), in the language of the request, on the
    ``base`` template of the page it came from (with ``stek`` and ``page`` in its context) and
    with a link ``back`` to that page."""
    try:
        if language:
            with translation.override(language):
                pdf = render_pdf(template, context)
        else:
            pdf = render_pdf(template, context)
    except PdfUnavailable:
        unavailable = {"stek": stek, **(page or {}), "back": back, "base": base}
        return render(request, UNAVAILABLE_TEMPLATE, unavailable, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if no_store:
        response["Cache-Control"] = "no-store"
    return response
