"""The six steps of the Community Energy Pathway, written as data.

Each step has a checklist the group ticks, the evidence an officer needs to see, the skills
a mentor brings to it, and the order. The journey service (`services.journey`) is the one
place that moves a group from step to step: a group submits its current step with its
evidence, an officer of the place signs it off (or returns it), and the group moves on.
"""

from __future__ import annotations

from dataclasses import dataclass

from .options import Skill


@dataclass(frozen=True)
class Step:
    number: int
    key: str
    title: str
    purpose: str
    checklist: tuple[str, ...]
    evidence: str
    skills: tuple[str, ...]


STEPS: tuple[Step, ...] = (
    Step(
        1,
        "engage",
        "Engage your community",
        "Find the people who care and hear what the community wants from local energy.",
        (
            "Held at least one open public meeting",
            "Recorded what people said and who wants to get involved",
            "Named a contact for the group",
        ),
        "Notes of the meeting (date, number attending, what was agreed), or a link to them.",
        (Skill.ENGAGEMENT,),
    ),
    Step(
        2,
        "form",
        "Form and govern",
        "Agree a legal form, rules and a board, so the group can hold assets and raise money.",
        (
            "Chosen a legal form (for example a community benefit society)",
            "Adopted governing rules",
            "Elected or appointed a board",
        ),
        "The registration number, or the adopted rules and the board's names.",
        (Skill.GOVERNANCE,),
    ),
    Step(
        3,
        "mentoring",
        "Mentoring and capacity",
        "Work with a mentor to build the skills the group needs for its first project.",
        (
            "Matched with a mentor",
            "Agreed a skills plan",
            "Logged at least one mentoring session",
        ),
        "The skills plan and the mentoring sessions logged.",
        (Skill.FINANCE, Skill.FUNDRAISING),
    ),
    Step(
        4,
        "opportunity",
        "Opportunity and business development",
        "Choose a project from the opportunities the model finds and build its business case.",
        (
            "Adopted an opportunity as the group's project",
            "Checked the site and the grid connection",
            "Prepared a business case for the board",
        ),
        "The adopted project and its business case.",
        (Skill.TECHNICAL_SOLAR, Skill.TECHNICAL_WIND, Skill.GRID, Skill.PLANNING),
    ),
    Step(
        5,
        "fund",
        "Readiness fund",
        "Apply to the readiness fund for feasibility or development work.",
        (
            "Checked eligibility for an open round",
            "Submitted an application",
            "Agreed milestones for an award",
        ),
        "The application and, if awarded, the agreed milestones.",
        (Skill.FUNDRAISING, Skill.FINANCE),
    ),
    Step(
        6,
        "launch",
        "Launch and join the network",
        "Launch the project and join the network of community energy organisations.",
        (
            "Project operating or share offer launched",
            "Reported the figures the sector reports (members, MW, MWh)",
            "Joined the network",
        ),
        "The launch (share offer or commissioning) and the figures reported.",
        (Skill.ENGAGEMENT,),
    ),
)
BY_KEY = {step.key: step for step in STEPS}
BY_NUMBER = {step.number: step for step in STEPS}
LAST = STEPS[-1].number
