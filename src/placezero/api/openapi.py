"""What the schema says about errors: every operation documents the error answers it can
give, each a JSON body in one of two shapes, so a client (and schemathesis) can rely on them.

- `Problem` `{"detail": "what is wrong and what to send instead"}`: 403 (the API refused the
  caller), 404 (no such place, area, zone, scenario or table; the message lists the known
  ones) and 500 (the server failed; the body never carries a traceback).
- `ValidationProblem` `{"detail": [{parameter, msg, type, loc}, …]}`: 422, one entry per bad
  parameter, each message naming the value sent and a valid example (`errors.describe`).
"""

from __future__ import annotations

from typing import Any

PROBLEM = "Problem"
VALIDATION_PROBLEM = "ValidationProblem"

SCHEMAS: dict[str, dict[str, Any]] = {
    PROBLEM: {
        "title": PROBLEM,
        "type": "object",
        "required": ["detail"],
        "properties": {
            "detail": {"type": "string", "description": "what is wrong and how to fix it"}
        },
    },
    VALIDATION_PROBLEM: {
        "title": VALIDATION_PROBLEM,
        "type": "object",
        "required": ["detail"],
        "properties": {
            "detail": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["msg", "type", "loc"],
                    "properties": {
                        "parameter": {
                            "anyOf": [{"type": "string"}, {"type": "null"}],
                            "description": "the query or path parameter at fault",
                        },
                        "msg": {"type": "string", "description": "what is wrong, what to send"},
                        "type": {"type": "string"},
                        "loc": {"type": "array", "items": {"type": ["string", "integer"]}},
                    },
                },
            }
        },
    },
}

ERRORS: dict[str, tuple[str, str]] = {
    "403": (PROBLEM, "The API refused the request; the reason says why."),
    "404": (
        PROBLEM,
        "No such place, area, zone, scenario or table; the message lists the known ones.",
    ),
    "422": (VALIDATION_PROBLEM, "A parameter is invalid; each entry says how to fix it."),
    "500": (PROBLEM, "The server failed; the request may be retried later."),
}


def _error_response(schema_name: str, description: str) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{schema_name}"}
    return {"description": description, "content": {"application/json": {"schema": ref}}}


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the error answers to every operation (and their two schemas to the components)."""
    schema.setdefault("components", {}).setdefault("schemas", {}).update(SCHEMAS)
    for operations in schema["paths"].values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, (name, description) in ERRORS.items():
                responses.setdefault(status, _error_response(name, description))
    return schema
