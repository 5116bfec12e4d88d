"""What happens when a decision is approved: a registry of outcome handlers.

The action tracker is a later module. It registers a handler in its `AppConfig.ready()`:

    from placezero.governance import OutcomeHandler, register_outcome_handler
    register_outcome_handler(OutcomeHandler(
        key="tracker.create_actions", label="Creates tracker actions", handle=create_actions))

`handle(decision)` runs inside the transaction that approves the decision and returns the
things it created or changed as `CreatedLink(label, url)`; each is stored as a
`DecisionLink` and the decision notice links to it. A handler that raises rolls the whole
approval back (the vote too): nothing half-written.

Governance ships one handler, `governance.record_outcome`, that records each action the
decision creates (one a line of `Decision.creates`) as a `RecordedOutcome` with its own page,
so a notice links to what it created before any tracker exists. A tracker that takes over
unregisters it (`unregister_outcome_handler(RECORD_OUTCOME)`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

if TYPE_CHECKING:
    from .models import Decision

RECORD_OUTCOME = "governance.record_outcome"


@dataclass(frozen=True)
class CreatedLink:
    label: str
    url: str


@dataclass(frozen=True)
class OutcomeHandler:
    key: str
    label: str
    handle: Callable[[Decision], list[CreatedLink]]


_handlers: dict[str, OutcomeHandler] = {}


def register_outcome_handler(handler: OutcomeHandler) -> OutcomeHandler:
    if handler.key in _handlers:
        raise ImproperlyConfigured(f"Outcome handler {handler.key!r} is already registered.")
    _handlers[handler.key] = handler
    return handler


def unregister_outcome_handler(key: str) -> None:
    if key not in _handlers:
        raise LookupError(f"No outcome handler {key!r} is registered.")
    del _handlers[key]


def registered_outcome_handlers() -> list[OutcomeHandler]:
    return list(_handlers.values())


def record_outcome(decision: Decision) -> list[CreatedLink]:
    """Governance's own handler: one recorded action per line of `decision.creates`."""
    from .models import RecordedOutcome

    links = []
    for line in decision.creates.splitlines():
        title = line.strip().lstrip("-* ").strip()
        if not title:
            continue
        outcome = RecordedOutcome.objects.create(decision=decision, title=title)
        url = reverse(
            "governance:outcome",
            kwargs={"place_slug": decision.place.slug, "outcome_id": outcome.pk},
        )
        links.append(CreatedLink(f"Action: {title}", url))
    return links


def register_shipped_handlers() -> None:
    if RECORD_OUTCOME not in _handlers:
        register_outcome_handler(
            OutcomeHandler(
                key=RECORD_OUTCOME,
                label="Records the actions a decision creates",
                handle=record_outcome,
            )
        )
