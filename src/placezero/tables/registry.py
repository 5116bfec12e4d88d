"""Page tables by name: a namespace (an app's page or view, e.g. "pathways.officers") and a
slug name a function of a context that returns a `Table`. What the context is belongs to
the app (pathways passes its `TableContext`: the place, scenario results and area); the
registry only finds, lists and calls.

Apps register in `AppConfig.ready()` (by importing the modules holding the decorators):

    @register("pathways.officers", "emissions-by-sector")
    def emissions_by_sector(ctx: TableContext) -> Table: ...

and a page, a download or the API asks `tables_for("pathways.officers", ctx)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .model import Table

TableFunction = Callable[[Any], Table]
_registry: dict[str, dict[str, TableFunction]] = {}


class UnknownTable(LookupError):
    """A namespace or slug that is not registered; the message names what is."""


def register(namespace: str, slug: str) -> Callable[[TableFunction], TableFunction]:
    """Register a table function under `namespace` and `slug` (the decorated function is
    returned unchanged, so one function may be registered under several namespaces)."""

    def decorate(function: TableFunction) -> TableFunction:
        _registry.setdefault(namespace, {})[slug] = function
        return function

    return decorate


def unregister(namespace: str) -> None:
    """Forget a namespace and its tables (tests register their own and remove them)."""
    _registry.pop(namespace, None)


def namespaces(prefix: str = "") -> list[str]:
    """The registered namespaces, in registration order; only those starting with `prefix`."""
    return [name for name in _registry if name.startswith(prefix)]


def slugs(namespace: str) -> list[str]:
    if namespace not in _registry:
        known = ", ".join(_registry) or "none"
        raise UnknownTable(f"No tables are registered under '{namespace}'. Namespaces: {known}.")
    return list(_registry[namespace])


def tables_for(namespace: str, context: Any, only: str | None = None) -> list[Table]:
    """Every table of a namespace (or only the one `only` names), computed from `context`."""
    names = slugs(namespace)
    if only is not None:
        if only not in names:
            raise UnknownTable(
                f"No table '{only}' under '{namespace}'. Tables: {', '.join(names)}."
            )
        names = [only]
    return [_registry[namespace][slug](context) for slug in names]
