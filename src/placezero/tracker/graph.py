"""Dependencies between a place's actions as a directed graph (networkx).

An edge X → Y means X must finish before Y: "Y needs X" and "X enables Y" are the same
edge. "Conflicts with" has no order and is never an edge, so it can never make a cycle.
A cycle would mean an action has to finish before itself: `cycle_if_added` finds one
before it is written. The critical path is the longest chain of planned durations through
the order; an action is late because of another when one of its prerequisites is late, at
risk, or planned to end after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from .models import Action, Dependency
from .options import FINISHED, DependencyKind, Status

if TYPE_CHECKING:
    from placezero.places.models import Place


def _edge(action_id: int, other_id: int, kind: str) -> tuple[int, int] | None:
    if kind == DependencyKind.NEEDS:
        return other_id, action_id
    if kind == DependencyKind.ENABLES:
        return action_id, other_id
    return None


def order_graph(place: Place) -> nx.DiGraph:
    graph = nx.DiGraph()
    rows = Dependency.objects.filter(action__place=place).values_list(
        "action_id", "other_id", "kind"
    )
    for action_id, other_id, kind in rows:
        edge = _edge(action_id, other_id, kind)
        if edge:
            graph.add_edge(*edge)
    return graph


def cycle_if_added(place: Place, action: Action, other: Action, kind: str) -> list[str]:
    """The references around the cycle the new dependency would close (first repeated at
    the end), or [] when it closes none."""
    edge = _edge(action.pk, other.pk, kind)
    if edge is None:
        return []
    graph = order_graph(place)
    graph.add_edge(*edge)
    try:
        cycle = nx.find_cycle(graph, source=edge[0])
    except nx.NetworkXNoCycle:
        return []
    ids = [u for u, _ in cycle] + [cycle[0][0]]
    references = dict(Action.objects.filter(pk__in=ids).values_list("pk", "reference"))
    return [references[i] for i in ids]


@dataclass(frozen=True)
class Hold:
    """`action` is held up by `because_of`, for `why`."""

    action: Any
    because_of: Any
    why: str


def holds(place: Place) -> list[Hold]:
    """Unfinished actions held up by a prerequisite that is late, at risk, or planned to end
    after the action itself is planned to end."""
    graph = order_graph(place)
    actions = {a.pk: a for a in Action.objects.filter(pk__in=graph.nodes)}
    found = []
    for before, after in graph.edges:
        first, then = actions[before], actions[after]
        if then.status in FINISHED or first.status == Status.COMPLETED:
            continue
        if first.status in (Status.LATE, Status.AT_RISK):
            why = f"{first.reference} is {first.get_status_display().lower()}"
        elif first.planned_end > then.planned_end:
            why = (
                f"{first.reference} is planned to end on {first.planned_end:%d %B %Y}, after "
                f"{then.reference} should end ({then.planned_end:%d %B %Y})"
            )
        else:
            continue
        found.append(Hold(then, first, why))
    return sorted(found, key=lambda h: (h.action.reference, h.because_of.reference))


def critical_path(place: Place) -> list[Any]:
    """The longest chain of actions through the order, weighted by planned days."""
    graph = order_graph(place)
    if not graph.number_of_edges():
        return []
    actions = {a.pk: a for a in Action.objects.filter(pk__in=graph.nodes)}
    for u, v in graph.edges:
        graph[u][v]["days"] = (actions[v].planned_end - actions[v].planned_start).days + 1
    path = nx.dag_longest_path(graph, weight="days")
    return [actions[i] for i in path]
