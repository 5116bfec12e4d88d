"""Choices of the governance app: kinds of body, members' roles, tiers of local government,
decision routes and states, and the answers a member may give."""

from __future__ import annotations

from django.db import models


class BodyKind(models.TextChoices):
    BOARD = "board", "Board"
    WORKING_GROUP = "working_group", "Working group"
    TASK_AND_FINISH = "task_and_finish", "Task-and-finish group"
    PACT = "pact", "Pact of signatory organisations"


class MemberRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    MEMBER = "member", "Member"
    OBSERVER = "observer", "Observer"
    OFFICER_SUPPORT = "officer_support", "Officer support"


# Observers and supporting officers take part but do not vote.
VOTING_ROLES = (MemberRole.CHAIR, MemberRole.MEMBER)


class Tier(models.TextChoices):
    """Who holds a power in English local government (a two-tier county splits them between
    county and district; a unitary holds both)."""

    COUNTY = "county", "County council"
    DISTRICT = "district", "District or borough council"
    UNITARY = "unitary", "Unitary council"
    COMBINED_AUTHORITY = "combined_authority", "Combined authority"
    PARISH = "parish", "Parish or town council"


class PowerTopic(models.TextChoices):
    PLANNING = "planning", "Planning"
    HIGHWAYS = "highways", "Highways and transport"
    BUILDING_CONTROL = "building_control", "Building control"
    HOUSING = "housing", "Housing"
    PROCUREMENT = "procurement", "Procurement"
    ESTATES = "estates", "Estates"
    WASTE_COLLECTION = "waste_collection", "Waste collection"
    WASTE_DISPOSAL = "waste_disposal", "Waste disposal"
    LICENSING = "licensing", "Licensing"
    PUBLIC_HEALTH = "public_health", "Public health"
    ECONOMIC_DEVELOPMENT = "economic_development", "Economic development"
    NATURE_RECOVERY = "nature_recovery", "Local nature recovery"


class Route(models.TextChoices):
    STANDARD = "standard", "Standard route"
    FAST_TRACK = "fast_track", "Fast-track route"


class DecisionStatus(models.TextChoices):
    OPEN = "open", "Open for approval"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    LAPSED = "lapsed", "Lapsed (time limit passed, nowhere to escalate)"


class VoteChoice(models.TextChoices):
    APPROVE = "approve", "Approve"
    REJECT = "reject", "Reject"
    ABSTAIN = "abstain", "Abstain"


class RoundStatus(models.TextChoices):
    OPEN = "open", "Open for answers"
    CLOSED = "closed", "Closed"


# Scores members give in an evaluation round, with the words each stands for.
SCORES = [
    (1, "1: not at all"),
    (2, "2: a little"),
    (3, "3: partly"),
    (4, "4: mostly"),
    (5, "5: fully"),
]
