"""Error bodies that tell a caller what was wrong and what to send instead.

404s come from `not_found` (raised by the query module); 422s from ninja's request validation,
rewritten here so each message names the parameter, the value sent and a valid example.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

# A valid example for each query parameter, quoted back in 422 messages.
PARAMETER_EXAMPLES: dict[str, str] = {
    "year_from": "2015",
    "year_to": "2023",
    "year": "2023",
    "limit": "100",
    "offset": "0",
    "kind": "district",
    "role": "member",
    "by": "subsector",
    "area": "E07000134",
    "zone": "E02005347",
}


class NotFound(HttpError):
    """A named place, area or zone does not exist; the message lists the ones that do."""

    def __init__(self, message: str) -> None:
        super().__init__(404, message)


def not_found(kind: str, wanted: str, known: list[str], *, within: str = "") -> NotFound:
    where = f" in {within}" if within else ""
    shown = ", ".join(known[:20]) + (f" (and {len(known) - 20} more)" if len(known) > 20 else "")
    return NotFound(f"No {kind} '{wanted}'{where}. Known {kind}s: {shown or 'none'}.")


def unknown_filter_value(
    parameter: str, kind: str, wanted: str, known: list[str], *, within: str
) -> ValidationError:
    """A filter naming something the place does not have: a 422 (the request is wrong), in
    the same shape as the other 422s, rather than a silently empty answer."""
    return ValidationError(
        [
            {
                "type": "unknown_value",
                "loc": ("query", parameter),
                "msg": f"No {kind} '{wanted}' in {within}",
                "ctx": {"known": known},
            }
        ]
    )


def _parameter_name(loc: list[Any] | tuple[Any, ...]) -> str:
    """ninja locates a query error as ('query', name); a whole-filter error as ('query',)."""
    names = [str(part) for part in loc if part not in ("query", "path", "body")]
    return names[-1] if names else ""


def _fix(error: dict[str, Any], name: str) -> str:
    """What to send instead, from the pydantic error type and its context."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    example = PARAMETER_EXAMPLES.get(name)
    if kind == "less_than_equal":
        return f"Send {name} no larger than {ctx.get('le')}, e.g. {name}={ctx.get('le')}."
    if kind == "greater_than_equal":
        return f"Send {name} of at least {ctx.get('ge')}, e.g. {name}={ctx.get('ge')}."
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"Send {name} as a whole number, e.g. {name}={example or '1'}."
    if kind in ("literal_error", "enum"):
        return f"Send {name} as one of: {ctx.get('expected')}."
    if kind == "unknown_value":
        known = list(ctx.get("known") or [])
        shown = ", ".join(known[:20]) + (" …" if len(known) > 20 else "")
        return f"Send one of: {shown or 'none (the place has none loaded)'}."
    if kind == "missing":
        return f"Add {name} to the request, e.g. {name}={example or '…'}."
    if example:
        return f"For example {name}={example}."
    return "See /api/docs for the parameters this endpoint accepts."


def describe(error: dict[str, Any], query: QueryDict) -> dict[str, Any]:
    """One 422 entry; ninja drops pydantic's `input`, so the value sent is read back from
    the query string."""
    name = _parameter_name(error.get("loc", ()))
    message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
    if not name:
        return {
            "parameter": None,
            "msg": f"{message}.",
            "type": error.get("type", ""),
            "loc": list(error.get("loc", ())),
        }
    sent = query.get(name)
    said = f" (sent {sent!r})" if sent else ""
    return {
        "parameter": name,
        "msg": f"{name}: {message}{said}. {_fix(error, name)}",
        "type": error.get("type", ""),
        "loc": list(error.get("loc", ())),
    }


logger = logging.getLogger("placezero.api")

SERVER_ERROR = (
    "The server could not answer this request. The failure has been logged; try again later, "
    "and if it persists report the address you asked for."
)


def install(api: NinjaAPI) -> None:
    """Replace ninja's bare 422 body with messages that say how to fix the request, keep
    the reason of a 404, and answer a failure with the documented JSON body under every
    setting (ninja re-raises it without DEBUG, so Django would send its HTML 500 page)."""

    @api.exception_handler(Http404)
    def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)

    @api.exception_handler(Exception)
    def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.error("API request %s failed", request.get_full_path(), exc_info=exc)
        return api.create_response(request, {"detail": SERVER_ERROR}, status=500)

    @api.exception_handler(ValidationError)
    def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(
            request, {"detail": [describe(error, request.GET) for error in exc.errors]}, status=422
        )
