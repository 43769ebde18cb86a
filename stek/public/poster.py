"""The printable weekly poster (A4 or A3) as PDF, made with WeasyPrint."""

from stek.core.pdf import PdfUnavailable as PosterUnavailable
from stek.core.pdf import qr_data_uri, render_pdf

__all__ = ["PosterUnavailable", "qr_data_uri", "render_poster_pdf"]


def render_poster_pdf(context):
    return render_pdf("public/poster.html", context)
