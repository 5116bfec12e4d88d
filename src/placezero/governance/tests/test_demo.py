"""The demo partnership: loaded from the real partner organisations, marked demo, and the
same after a second run."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from placezero.accounts.demo import create_demo_accounts
from placezero.governance import services
from placezero.governance.models import Body, BodyMember, Decision, PactSignatory
from placezero.governance.options import BodyKind, DecisionStatus


def _counts(place: Any) -> tuple:
    return (
        Body.objects.filter(place=place).count(),
        BodyMember.objects.filter(body__place=place).count(),
        PactSignatory.objects.filter(pact__place=place).count(),
        Decision.objects.filter(place=place).count(),
    )


def test_the_demo_partnership_loads_twice_to_the_same_state(leicestershire: Any) -> None:
    create_demo_accounts(leicestershire)
    out = StringIO()
    call_command("load_governance_demo", stdout=out)
    assert "13 pact signatories, 2 decisions, 4 meetings, 48 evaluation answers" in out.getvalue()
    first = _counts(leicestershire)
    call_command("load_governance_demo", stdout=StringIO())
    assert _counts(leicestershire) == first
    board = services.body_of(leicestershire, "partnership-board")
    seats = list(services.members_of(board))
    assert {s.organisation.name for s in seats} >= {
        "Leicestershire County Council",
        "Energy Systems Catapult",
        "Green Fox Community Energy",
    }
    assert all(
        s.is_demo and "Demo" in s.user.last_name for s in seats if s.user.username != "officer"
    )
    assert not any(s.organisation.is_demo for s in seats)  # the organisations are real
    assert Body.objects.filter(place=leicestershire, kind=BodyKind.PACT).count() == 1
    statuses = set(Decision.objects.filter(place=leicestershire).values_list("status", flat=True))
    assert statuses == {DecisionStatus.APPROVED, DecisionStatus.OPEN}
    assert services.principles_of(leicestershire).count() == 6


def test_without_the_partner_organisations_the_command_says_what_to_run(
    leicestershire: Any,
) -> None:
    with pytest.raises(CommandError, match=r"Run `manage\.py create_demo_accounts` first"):
        call_command("load_governance_demo", stdout=StringIO())
    assert not Body.objects.filter(place=leicestershire).exists()
