"""The partnership (bodies, members, interests, the Pact), the powers register and routing
rules, decisions with their votes, and the governance principles with evaluation rounds.

Every model whose changes matter keeps its history (django-simple-history, the shared
history of the kernel): who changed what, and when.
"""

from .decisions import Decision, DecisionLink, Escalation, Interest, RecordedOutcome, Vote
from .evaluation import Answer, EvaluationRound, Principle, Question
from .meetings import Meeting
from .powers import Power, RoutingRule
from .structure import Body, BodyMember, PactSignatory

__all__ = [
    "Answer",
    "Body",
    "BodyMember",
    "Decision",
    "DecisionLink",
    "Escalation",
    "EvaluationRound",
    "Interest",
    "Meeting",
    "PactSignatory",
    "Power",
    "Principle",
    "Question",
    "RecordedOutcome",
    "RoutingRule",
    "Vote",
]
