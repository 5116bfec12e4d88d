"""Demonstration data of the Community Energy Pathway (`manage.py load_community_demo`).

Marked as demo throughout (`is_demo`, "(demo)" in the names of made-up groups, "Demo" in
every made-up person's surname). Green Fox Community Energy is a real co-operative of the
partnership; the district, figures, project and award shown for it here are made up. The
other groups are invented. Everything is made through the app's own services, as people
would: groups register and submit their steps with evidence, the demo officer signs them
off, groups adopt opportunities the model found, apply, reviewers score, the panel decides,
and one claim is paid. Run after `create_demo_accounts` (the demo officer signs off).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from placezero.accounts import services as accounts
from placezero.accounts.options import Role

from .models import CommunityGroup, FundRound
from .options import ProjectStatus, TeamRole
from .services import fund, grants, journey, outputs, projects
from .steps import BY_NUMBER

PASSWORD = "demo-community-2050"
REAL_GROUP = "Green Fox Community Energy"


@dataclass(frozen=True)
class DemoGroup:
    name: str
    district: str
    legal_form: str
    founder: tuple[str, str, str]  # username, first name, last name
    reach_step: int  # the step the group is on; earlier steps are signed off
    members: int
    volunteers: int
    staff: int
    needs: tuple[str, ...] = ()
    submit_current: bool = False  # the current step is waiting for sign-off


GROUPS = (
    DemoGroup(
        "Wreake Valley Energy Group (demo)",
        "Melton",
        "unincorporated",
        ("wreake-founder", "Wren", "Demo-Founder"),
        1,
        12,
        4,
        0,
        ("engagement",),
    ),
    DemoGroup(
        "Blaby Community Power (demo)",
        "Blaby",
        "unincorporated",
        ("blaby-founder", "Bea", "Demo-Founder"),
        2,
        25,
        6,
        0,
        ("governance",),
        submit_current=True,
    ),
    DemoGroup(
        "Soar Valley Community Energy (demo)",
        "Charnwood",
        "cbs",
        ("soar-founder", "Sol", "Demo-Founder"),
        3,
        60,
        9,
        0,
        ("finance", "solar"),
    ),
    DemoGroup(
        "Harborough Villages Energy (demo)",
        "Harborough",
        "cbs",
        ("harborough-founder", "Hal", "Demo-Founder"),
        4,
        85,
        11,
        1,
        ("grid",),
    ),
    DemoGroup(
        "Hinckley Rooftops Co-operative (demo)",
        "Hinckley and Bosworth",
        "coop",
        ("hinckley-founder", "Hana", "Demo-Founder"),
        5,
        140,
        15,
        1,
        ("fundraising",),
    ),
)
MENTORS = (
    ("Morgan Demo-Mentor", "Charnwood", ["finance", "fundraising", "solar"], 8),
    ("Priya Demo-Mentor", "Harborough", ["governance", "engagement"], 6),
    ("Tom Demo-Mentor", "North West Leicestershire", ["grid", "wind", "planning", "storage"], 4),
)
REVIEWERS = (("reviewer-a", "Rae", "Demo-Reviewer"), ("reviewer-b", "Rob", "Demo-Reviewer"))
FINANCE = ("finance", "Fin", "Demo-Finance")
CRITERIA = [("Community benefit", 3), ("Deliverability", 2), ("Value for money", 1)]


def _district(place: Any, name: str) -> str:
    return next(a.code for a in journey.districts(place) if a.name == name)


def _walk(group: CommunityGroup, user: Any, officer: Any, to_step: int, submit: bool) -> None:
    """Submit each step with demo evidence and have the officer sign it off."""
    while group.current_step < to_step or (submit and group.current_step == to_step):
        step = BY_NUMBER[group.current_step]
        journey.submit_step(
            group,
            user=user,
            step_number=step.number,
            checklist_done=list(step.checklist),
            evidence=f"Demo evidence for “{step.title}” (made up for the demonstration).",
        )
        if group.current_step == to_step:
            return
        journey.decide_step(
            journey.current_progress(group), user=officer, approve=True, note="Demo sign-off."
        )
        group.refresh_from_db()


def _adopt_best(group: CommunityGroup, user: Any, technology: str) -> Any:
    found = projects.opportunities(group.place, district_code=group.area.code)
    chosen = next(o for o in found if o.technology == technology)
    return projects.adopt(group, user=user, key=chosen.key)


@transaction.atomic
def load(place: Any) -> list[str]:
    """Load the demo once; returns what was made (or why nothing was)."""
    if CommunityGroup.objects.filter(place=place, is_demo=True).exists():
        return ["The community demo is already loaded; nothing changed."]
    officer = accounts.person("officer")
    if officer is None:
        raise ValueError("Run `manage.py create_demo_accounts` first: the demo officer signs off.")
    now = timezone.now()
    made = []
    for name, district, skills, hours in MENTORS:
        journey.add_mentor(
            place,
            user=officer,
            display_name=name,
            area_code=_district(place, district),
            skills=skills,
            hours_per_month=hours,
            is_demo=True,
        )
    made.append(f"{len(MENTORS)} demo mentors")

    groups = {}
    for spec in GROUPS:
        username, first, last = spec.founder
        founder = accounts.demo_person(username, first, last, Role.RESIDENT, PASSWORD)
        group = journey.register_group(
            place,
            user=founder,
            name=spec.name,
            area_code=_district(place, spec.district),
            legal_form=spec.legal_form,
            members=spec.members,
            volunteers=spec.volunteers,
            staff=spec.staff,
            needs=list(spec.needs),
            is_demo=True,
            description="A made-up group for the demonstration.",
        )
        _walk(group, founder, officer, spec.reach_step, spec.submit_current)
        groups[spec.name] = (group, founder)
    made.append(f"{len(GROUPS)} demo groups at steps 1 to 5")

    # The real co-operative, with made-up figures: launched, with an operating project.
    fox_editor = accounts.demo_person(
        "greenfox-editor", "Gil", "Demo-Groupeditor", Role.MEMBER, PASSWORD
    )
    organisation = accounts.organisation_named(place, REAL_GROUP)
    if organisation is None:
        raise ValueError(f"{REAL_GROUP} is missing: run `manage.py create_demo_accounts` first.")
    accounts.add_member(fox_editor, organisation, is_editor=True, job_title="Director (demo)")
    fox = journey.register_organisation(
        organisation,
        user=fox_editor,
        area_code=_district(place, "North West Leicestershire"),
        legal_form="coop",
        members=320,
        volunteers=22,
        staff=2,
        is_demo=True,
        description="Demonstration record: the co-operative is real; the district, figures, "
        "project and award shown here are made up for the demonstration.",
    )
    _walk(fox, fox_editor, officer, 5, submit=False)
    fox_project = _adopt_best(fox, fox_editor, "solar_rooftop")

    harborough, harborough_founder = groups["Harborough Villages Energy (demo)"]
    _adopt_best(harborough, harborough_founder, "solar_ground")
    hinckley, hinckley_founder = groups["Hinckley Rooftops Co-operative (demo)"]
    hinckley_project = _adopt_best(hinckley, hinckley_founder, "solar_rooftop")

    reviewers = [
        accounts.demo_person(u, f, la, Role.PARTNER_EDITOR, PASSWORD) for u, f, la in REVIEWERS
    ]
    finance = accounts.demo_person(*FINANCE, Role.PARTNER_EDITOR, PASSWORD)

    # An earlier development round (closed) with Green Fox's award and one paid claim.
    earlier = fund.open_round(
        place,
        user=officer,
        name="Development round 2025 (demo)",
        stage="development",
        budget_gbp=Decimal("300000"),
        max_award_gbp=Decimal("100000"),
        opens_at=now - timedelta(days=400),
        deadline=now + timedelta(days=1),
        eligibility="Community energy organisations of Leicestershire with a project in "
        "development (demo round).",
        criteria=CRITERIA,
        min_step=4,
        is_demo=True,
    )
    for person in (*reviewers, finance):
        role = TeamRole.FINANCE if person is finance else TeamRole.REVIEWER
        fund.name_to_team(earlier, user=officer, member=person, role=role)
    application = fund.apply(
        earlier,
        fox,
        user=fox_editor,
        title="Rooftop solar on community buildings (demo)",
        summary="Development of a rooftop array on community buildings (demo).",
        amount_requested_gbp=Decimal("60000"),
        contact_name="Gil Demo-Groupeditor",
        contact_email="greenfox-editor@demo.placezero.invalid",
        project=fox_project,
    )
    _score(application, reviewers, (4, 5))
    fund.determine(
        application,
        user=officer,
        outcome="approved_with_conditions",
        message="Approved by the panel (demo).",
        amount_gbp=Decimal("55000"),
        conditions="Report generation each year to the network (demo).",
    )
    application.refresh_from_db()
    milestone = fund.add_milestone(
        application.award,
        user=officer,
        title="Grid connection offer (demo)",
        amount_gbp=Decimal("20000"),
        due_on=timezone.localdate(),
    )
    fund.add_milestone(
        application.award,
        user=officer,
        title="Planning decision (demo)",
        amount_gbp=Decimal("35000"),
        due_on=timezone.localdate() + timedelta(days=120),
    )
    agreement = grants.issue_agreement(
        application.award,
        user=officer,
        terms="Spend the grant on the development work described in the application; send "
        "an end-of-grant report within three months of the last milestone (demo terms).",
    )
    grants.accept_agreement(agreement, user=fox_editor, signatory_role="Secretary", confirmed=True)
    milestone.refresh_from_db()
    claim = fund.claim(
        milestone,
        user=fox_editor,
        amount_gbp=Decimal("20000"),
        evidence="Connection offer received (demo).",
    )
    fund.officer_decision(claim, user=officer, approve=True)
    fund.finance_decision(claim, user=finance, approve=True)
    fund.pay(claim, user=finance, reference="DEMO-PAY-0001")
    FundRound.objects.filter(pk=earlier.pk).update(deadline=now - timedelta(days=300))
    _walk(fox, fox_editor, officer, 6, submit=True)
    journey.decide_step(journey.current_progress(fox), user=officer, approve=True, note="Demo.")
    fox_project.status = ProjectStatus.OPERATING
    fox_project.save(update_fields=["status"])
    made.append("Green Fox Community Energy (real co-operative, made-up figures) launched")

    # The round in progress: open, with one application scored by one reviewer so far.
    current = fund.open_round(
        place,
        user=officer,
        name="Feasibility round 2026 (demo)",
        stage="feasibility",
        budget_gbp=Decimal("200000"),
        max_award_gbp=Decimal("40000"),
        opens_at=now - timedelta(days=20),
        deadline=now + timedelta(days=40),
        eligibility="Community energy groups of Leicestershire at step 4 or later (demo round).",
        criteria=CRITERIA,
        min_step=4,
        is_demo=True,
    )
    for person in (*reviewers, finance):
        role = TeamRole.FINANCE if person is finance else TeamRole.REVIEWER
        fund.name_to_team(current, user=officer, member=person, role=role)
    fund.name_to_team(
        current, user=officer, member=accounts.person("editor"), role=TeamRole.REVIEWER
    )
    in_progress = fund.apply(
        current,
        hinckley,
        user=hinckley_founder,
        title="Feasibility of rooftop solar (demo)",
        summary="A feasibility study of rooftop solar on a school and a leisure centre (demo).",
        amount_requested_gbp=Decimal("28000"),
        contact_name="Hana Demo-Founder",
        contact_email="hinckley-founder@demo.placezero.invalid",
        project=hinckley_project,
    )
    _score(in_progress, reviewers[:1], (4,))
    made.append("a feasibility round in progress with one application")
    outputs.sync_place(place)
    made.append("the network page and awards published")
    return made


def _score(application: Any, reviewers: list[Any], values: tuple[int, ...]) -> None:
    criteria = list(application.round.criteria.all())
    for reviewer, value in zip(reviewers, values, strict=False):
        fund.declare(application, user=reviewer, has_conflict=False)
        fund.score(
            application,
            user=reviewer,
            values={c.pk: value for c in criteria},
            comments={c.pk: "Demo comment." for c in criteria},
        )
