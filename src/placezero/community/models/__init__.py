"""Community Energy Pathway records: groups on their journey, mentors, projects and business
cases (`groups`), and the readiness fund from round to payment (`fund`)."""

from .fund import (
    Application,
    Award,
    Claim,
    ConflictDeclaration,
    Criterion,
    EndOfGrantReport,
    FundRound,
    GrantAgreement,
    Milestone,
    RoundTeamMember,
    Score,
)
from .groups import (
    BusinessCaseRecord,
    CommunityGroup,
    Mentor,
    MentoringSession,
    Project,
    StepProgress,
)

__all__ = [
    "Application",
    "Award",
    "BusinessCaseRecord",
    "Claim",
    "CommunityGroup",
    "ConflictDeclaration",
    "Criterion",
    "EndOfGrantReport",
    "FundRound",
    "GrantAgreement",
    "Mentor",
    "MentoringSession",
    "Milestone",
    "Project",
    "RoundTeamMember",
    "Score",
    "StepProgress",
]
