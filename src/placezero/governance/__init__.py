"""Governance: the partnership, who holds which power, decisions with a fast-track route, and
evaluation against the partnership's governance principles.

Other apps use `services` and, to act on decisions, the outcome handler registry below
(`outcomes`): the action tracker registers a handler that creates its actions."""

from .outcomes import (
    CreatedLink,
    OutcomeHandler,
    register_outcome_handler,
    registered_outcome_handlers,
    unregister_outcome_handler,
)

__all__ = [
    "CreatedLink",
    "OutcomeHandler",
    "register_outcome_handler",
    "registered_outcome_handlers",
    "unregister_outcome_handler",
]
