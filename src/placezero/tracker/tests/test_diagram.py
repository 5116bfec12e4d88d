"""The dependency diagram: an SVG in topological stages with its text equivalent."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from placezero.tracker import diagram, services

from .conftest import make_action

pytestmark = pytest.mark.django_db


def test_the_diagram_draws_stages_critical_path_and_conflicts(plan: Any, people: Any) -> None:
    grid = make_action(plan, people.county, "E1", planned_end=dt.date(2025, 12, 31))
    pumps = make_action(plan, people.county, "B1")
    homes = make_action(plan, people.county, "B2", planned_start=dt.date(2026, 1, 1),
                        planned_end=dt.date(2028, 12, 31))  # fmt: skip
    solar = make_action(plan, people.county, "S1")
    services.add_dependency(pumps, other=grid, kind="needs", user=people.officer)
    services.add_dependency(homes, other=pumps, kind="needs", user=people.officer)
    services.add_dependency(solar, other=grid, kind="conflicts", user=people.officer)
    drawn = diagram.diagram(people.place)
    assert [[a.reference for a, _ in stage] for stage in drawn.stages] == [
        ["E1", "S1"],
        ["B1"],
        ["B2"],
    ]
    assert [a.reference for a in drawn.critical_path] == ["E1", "B1", "B2"]
    assert sum(e.critical for e in drawn.edges) == 2
    assert sum(e.conflict for e in drawn.edges) == 1
    page = Client().get(f"/places/{people.place.slug}/actions/").content.decode()
    assert 'role="img" aria-labelledby="dependency-diagram-title dependency-diagram-desc"' in page
    assert '<g data-node="B2" data-critical>' in page and '<g data-node="S1">' in page
    assert 'data-edge="conflict"' in page
    assert "The diagram in words" in page
    assert "after E1" in page and "conflicts with" in page
    assert "<script" not in page.split('data-svg="dependencies"')[1].split("</svg>")[0]


def test_no_dependencies_no_diagram(action: Any, people: Any) -> None:
    assert diagram.diagram(people.place) is None
    page = Client().get(f"/places/{people.place.slug}/actions/").content.decode()
    assert "data-diagram" not in page
