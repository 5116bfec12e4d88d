"""PDFs for every module: a print template rendered by WeasyPrint as a tagged PDF, with no
JavaScript and no network.

`pdf_response(request, template, context, filename)` is what a view returns: the PDF as an
attachment, or 503 in plain words when this server cannot draw PDFs (WeasyPrint or Pango
missing), so the web page stays the way to read it. `render_pdf(html)` is the step beneath,
for tests and batch jobs. WeasyPrint is imported on first use, so a server without Pango
still serves every page.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # src/placezero: templates and static


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the Pango library it draws text with) is missing on this server."""


@lru_cache(maxsize=1)
def _weasyprint() -> Any:
    try:
        import weasyprint
        import weasyprint.urls
    except (ImportError, OSError) as error:
        raise PdfUnavailable(
            "The PDF cannot be made on this server: WeasyPrint or the Pango library it needs "
            f"is missing ({error}). Install them (pip install weasyprint; apt-get install "
            "libpango-1.0-0 libpangoft2-1.0-0), or use the web page and its downloads."
        ) from error
    return weasyprint


@lru_cache(maxsize=1)
def _offline_fetcher_class() -> type:
    urls = _weasyprint().urls

    class OfflineFetcher(urls.URLFetcher):
        """WeasyPrint's url_fetcher: serves data: URLs and files inside the placezero
        package (its static files) from disk and refuses everything else, so a PDF never
        touches the network. `refused` lists what was asked for and refused."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme == "file":
                path = Path(unquote(parts.path)).resolve()
                if path.is_relative_to(PACKAGE_DIR) and path.is_file():
                    return super().fetch(url, headers)
            self.refused.append(url)
            raise urls.URLFetchingError(f"Refused to fetch {url}: a placezero PDF uses no network.")

    return OfflineFetcher


def offline_fetcher() -> Any:
    """A fresh url_fetcher that never uses the network (see _offline_fetcher_class)."""
    return _offline_fetcher_class()()


def render_pdf(html: str) -> tuple[bytes, Any]:
    """The HTML as a tagged PDF (PDF/UA where WeasyPrint supports it), and the fetcher used
    (its `refused` lists any address the HTML asked for)."""
    fetcher = offline_fetcher()
    document = _weasyprint().HTML(
        string=html, base_url=PACKAGE_DIR.as_uri() + "/", url_fetcher=fetcher
    )
    try:
        pdf = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    except (TypeError, ValueError):  # an older WeasyPrint without PDF/UA
        pdf = document.write_pdf()
    return pdf, fetcher


def pdf_response(
    request: HttpRequest, template: str, context: dict[str, Any], filename: str
) -> HttpResponse:
    """The print template as a PDF attachment named `filename` (without ".pdf"), or 503
    saying what to install when this server cannot draw PDFs."""
    html = render_to_string(template, context, request=request)
    try:
        pdf, _fetcher = render_pdf(html)
    except PdfUnavailable as error:
        return HttpResponse(str(error) + "\n", status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response
