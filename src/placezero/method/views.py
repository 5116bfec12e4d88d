"""`/method/` and `/method/<page>/`: the method documentation as site pages."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from placezero.tables.method import PAGES

from . import render as method

INDEX = "index"


def _folder() -> Path:
    return Path(settings.PLACEZERO_METHOD_DIR)


def _show(request: HttpRequest, slug: str) -> HttpResponse:
    shown = method.page(_folder(), slug)
    if shown is None:
        raise Http404(f"There is no method page “{slug}”. The pages: {', '.join(PAGES)}.")
    pages = [p for p in (method.page(_folder(), s) for s in PAGES) if p is not None]
    context = {"page": shown, "pages": pages, "index": INDEX}
    return render(request, "method/page.html", context)


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return _show(request, INDEX)


@require_safe
def page(request: HttpRequest, page: str) -> HttpResponse:
    return _show(request, page)
