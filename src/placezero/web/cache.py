"""A cache for pages and API answers that are the same for every visitor.

A request with no cookie and no credentials (a first-time or public visitor, a crawler, an
API client) gets the page every such visitor gets: the middleware keeps the first answer
and serves it again until the data changes, skipping sessions, permission checks, engine
runs and templates. Anything personal is never kept or served: a request that sends a
cookie a page depends on (the session: a signed-in person, a resident's personal copy; the
messages; the language), a response that sets one (a form's CSRF token), one marked private
or no-store, and anything but a 200 to a GET or HEAD. Other cookies do not count.

Invalidation: every save or delete of a model whose rows pages show (a scenario, a place
load, a target; not sessions, job heartbeats or sign-in counts) moves the cache's version,
a key in the same shared cache, so every worker process misses at once. The cache is the
production settings' "pages" cache (a folder on disk, shared by gunicorn's workers);
without one the middleware does nothing.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse

CACHE_ALIAS = "pages"
VERSION_KEY = "pages:version"
TIMEOUT_S = 600
# Models whose rows no cached page shows, saved often (heartbeats) or per person.
IGNORED_APPS = frozenset({"sessions", "jobs", "admin", "contenttypes"})
IGNORED_MODELS = frozenset({"accounts.signinfailure"})


def _cache():
    try:
        return caches[CACHE_ALIAS]
    except InvalidCacheBackendError:
        return None


def data_changed(sender: Any, **kwargs: Any) -> None:
    """post_save / post_delete: a new version, so no page made from the old data is served."""
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label in IGNORED_APPS or meta.label_lower in IGNORED_MODELS:
        return
    cache = _cache()
    if cache is not None:
        cache.set(VERSION_KEY, time.time_ns(), None)


def connect() -> None:
    post_save.connect(data_changed, dispatch_uid="web.cache")
    post_delete.connect(data_changed, dispatch_uid="web.cache")


def _personal_cookies() -> frozenset[str]:
    """The cookies a page can depend on: the session (who is signed in, a personal copy of
    a scenario), the messages shown once, the language. Any other cookie (a consent flag,
    a CSRF token, a benchmark's marker) changes nothing on a page, so it does not stop a
    visitor from getting the page every visitor gets. A CSRF token is safe to ignore: a page
    that renders one sets the cookie again, so it is never kept (`_keepable`)."""
    return frozenset({settings.SESSION_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME, "messages"})


def _shared(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not (_personal_cookies() & set(request.COOKIES))
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _key(request: HttpRequest, version: Any) -> str:
    gzip = "gzip" in request.headers.get("Accept-Encoding", "")
    htmx = bool(request.headers.get("HX-Request"))
    raw = f"{version}|{request.get_host()}|{request.get_full_path()}|{gzip}|{htmx}"
    return "pages:" + hashlib.sha256(raw.encode()).hexdigest()


def _keepable(response: HttpResponse) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in control
        and "no-store" not in control
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        cache = _cache()
        if cache is None or not _shared(request):
            return self.get_response(request)
        version = cache.get_or_set(VERSION_KEY, time.time_ns, None)
        key = _key(request, version)
        kept = cache.get(key)
        if kept is not None:
            kept["X-Placezero-Cache"] = "hit"
            return kept
        response = self.get_response(request)
        if _keepable(response):
            cache.set(key, response, TIMEOUT_S)
            response["X-Placezero-Cache"] = "miss"
        return response
