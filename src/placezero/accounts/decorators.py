"""The one way a view asks permission: `@requires("perm", get_object=None)`.

A refusal becomes the GOV.UK-style 403 page carrying the reason in plain English, except for
a visitor who is not signed in, who is sent to sign in and brought back afterwards.

    @requires("places.edit_targets", get_object=lambda request, pk: get_object_or_404(...))
    def edit_target(request, pk): ...

    @requires("accounts.view_own_account")
    class ProfileView(TemplateView): ...   # wraps dispatch

Importable from `accounts.permissions` too, which is where apps usually take it from.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from . import registry
from .rules import Verdict
from .standing import is_signed_in

ObjectGetter = Callable[..., object | None]
ViewT = TypeVar("ViewT")
FORBIDDEN_TEMPLATE = "accounts/forbidden.html"


def forbidden(request: HttpRequest, verdict: Verdict) -> HttpResponse:
    """The 403 page for a signed-in person who may not do something."""
    return render(request, FORBIDDEN_TEMPLATE, {"reason": verdict.reason}, status=403)


def enforce(
    request: HttpRequest, permission: str, obj: object | None = None
) -> HttpResponse | None:
    """None when allowed; otherwise the response that refuses (login redirect or 403)."""
    verdict = registry.check(request.user, permission, obj)
    if verdict.allowed:
        return None
    if not is_signed_in(request.user):
        # Imported here: Django's auth views pull in its forms and models, and this module
        # is imported while apps are still loading.
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    return forbidden(request, verdict)


def requires(permission: str, get_object: ObjectGetter | None = None) -> Callable[[ViewT], ViewT]:
    """Guard a function view or a class-based view with a registered permission.

    `get_object(request, *args, **kwargs)` fetches the object the permission is about (for
    a place-scoped permission: the place, or a record of it)."""
    registry.check_name(permission)

    def guard(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            obj = get_object(request, *args, **kwargs) if get_object else None
            refusal = enforce(request, permission, obj)
            return refusal if refusal is not None else view(request, *args, **kwargs)

        return guarded

    def decorate(view: Any) -> Any:
        if isinstance(view, type) and issubclass(view, View):
            original = view.dispatch

            def dispatch(self: View, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
                return guard(functools.partial(original, self))(request, *args, **kwargs)

            view.dispatch = dispatch  # type: ignore[method-assign]
            return view
        return guard(view)

    return decorate
