"""Every API request passes one permission check, `api.read`, answered by the accounts
permission registry; a refusal is a 403 carrying the registry's reason."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse

from placezero.accounts.permissions import check

READ = "api.read"


def require_read(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        verdict = check(request.user, READ)
        if not verdict.allowed:
            return JsonResponse({"detail": verdict.reason}, status=403)
        return view(request, *args, **kwargs)

    return guarded
