"""`on_time_share`, the tracker's figure governance's evaluation reads: of the actions due
to end in a period (cancelled ones left out), those completed by their planned end."""

from __future__ import annotations

import datetime as dt

from placezero.tracker import services
from placezero.tracker.options import Status

from .conftest import make_action

D = dt.date


def test_actions_completed_by_their_planned_end_are_on_time(plan, people) -> None:
    done = {"status": Status.COMPLETED}
    make_action(
        plan, people.county, "A", planned_end=D(2025, 3, 1), actual_end=D(2025, 2, 1), **done
    )
    make_action(
        plan, people.county, "B", planned_end=D(2025, 3, 1), actual_end=D(2025, 4, 1), **done
    )
    make_action(plan, people.county, "C", planned_end=D(2025, 6, 1), status=Status.LATE,
                status_reason="Supplier")  # fmt: skip
    make_action(plan, people.county, "D", planned_end=D(2025, 6, 1), status=Status.CANCELLED,
                status_reason="Dropped")  # fmt: skip
    make_action(plan, people.county, "E", planned_end=D(2025, 6, 1), **done)  # no actual end
    make_action(plan, people.county, "F", planned_end=D(2999, 1, 1))  # never due yet
    assert services.on_time_share(people.place) == (1, 4)
    assert services.on_time_share(people.place, due_by=D(2025, 3, 31)) == (1, 2)
    assert services.on_time_share(people.place, due_after=D(2025, 3, 31)) == (0, 2)
    assert services.on_time_share(people.rutland) == (0, 0)
