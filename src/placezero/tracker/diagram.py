"""The dependency diagram: the place's order of actions drawn as an SVG on the server.

Columns are networkx's topological generations of the order graph (`graph.order_graph`):
the first column holds actions that need nothing, each later column actions whose
prerequisites all sit to its left. Arrows run from an action to the ones that need it; the
critical path (`graph.critical_path`) is drawn thicker and darker; "conflicts with" is a
dashed line with no arrow. The template (`tracker/_diagram.html`) writes the SVG with a
title and description, and the same content as text beside it — the stages, what each
action waits for, the conflicts — which is the accessible version.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from . import graph as order
from .models import Action, Dependency
from .options import DependencyKind

if TYPE_CHECKING:
    from placezero.places.models import Place

NODE_W, NODE_H = 190, 48
GAP_X, GAP_Y, MARGIN = 70, 18, 12
TITLE_CHARS = 26
# Status colours (GOV.UK palette); text stays black on white for contrast.
STROKE = {
    "completed": "#00703c",
    "on_track": "#1d70b8",
    "at_risk": "#f47738",
    "late": "#d4351c",
    "not_started": "#505a5f",
    "cancelled": "#505a5f",
}


@dataclass(frozen=True)
class Node:
    action: Any
    x: int
    y: int
    stage: int
    critical: bool

    @property
    def stroke(self) -> str:
        return STROKE.get(self.action.status, "#0b0c0c")

    @property
    def short_title(self) -> str:
        title = self.action.title
        return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True)
class Edge:
    path: str
    critical: bool
    conflict: bool


@dataclass(frozen=True)
class Diagram:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    # By column, for the text equivalent: (action, the actions it waits for).
    stages: tuple[tuple[tuple[Any, list[Any]], ...], ...]
    conflicts: tuple[tuple[Any, Any], ...]
    critical_path: tuple[Any, ...]

    @property
    def description(self) -> str:
        count = len(self.nodes)
        return (
            f"{count} actions in {len(self.stages)} stages, left to right; an arrow runs from "
            "an action to each action that needs it. The critical path is drawn with thick "
            "lines; dashed lines join actions that conflict. The same is written out beside "
            "the diagram."
        )


def _curve(a: Node, b: Node) -> str:
    x1, y1 = a.x + NODE_W, a.y + NODE_H // 2
    x2, y2 = b.x - 6, b.y + NODE_H // 2
    middle = (x1 + x2) // 2
    return f"M{x1},{y1} C{middle},{y1} {middle},{y2} {x2},{y2}"


def _line(a: Node, b: Node) -> str:
    return f"M{a.x + NODE_W // 2},{a.y + NODE_H} L{b.x + NODE_W // 2},{b.y}"


def diagram(place: Place) -> Diagram | None:
    """The diagram of every action that has a dependency, or None when none has."""
    graph = order.order_graph(place)
    conflict_rows = list(
        Dependency.objects.filter(action__place=place, kind=DependencyKind.CONFLICTS).values_list(
            "action_id", "other_id"
        )
    )
    graph.add_nodes_from(i for pair in conflict_rows for i in pair)
    if not graph.number_of_nodes():
        return None
    actions = {a.pk: a for a in Action.objects.filter(pk__in=graph.nodes)}
    critical = [a.pk for a in order.critical_path(place)]
    on_path = set(itertools.pairwise(critical))
    generations = [
        sorted(ids, key=lambda i: actions[i].reference) for ids in nx.topological_generations(graph)
    ]
    nodes: dict[int, Node] = {}
    for stage, ids in enumerate(generations):
        for row, pk in enumerate(ids):
            nodes[pk] = Node(
                actions[pk],
                x=MARGIN + stage * (NODE_W + GAP_X),
                y=MARGIN + row * (NODE_H + GAP_Y),
                stage=stage + 1,
                critical=pk in critical,
            )
    edges = [
        Edge(_curve(nodes[u], nodes[v]), (u, v) in on_path, conflict=False)
        for u, v in sorted(graph.edges, key=lambda e: (nodes[e[0]].x, nodes[e[0]].y))
    ]
    edges += [Edge(_line(nodes[u], nodes[v]), False, conflict=True) for u, v in conflict_rows]
    waits_for: dict[int, list[Any]] = {}
    for u, v in graph.edges:
        waits_for.setdefault(v, []).append(actions[u])
    for found in waits_for.values():
        found.sort(key=lambda a: a.reference)
    tallest = max(len(ids) for ids in generations)
    return Diagram(
        width=2 * MARGIN + len(generations) * (NODE_W + GAP_X) - GAP_X,
        height=2 * MARGIN + tallest * (NODE_H + GAP_Y) - GAP_Y,
        nodes=tuple(nodes.values()),
        edges=tuple(edges),
        stages=tuple(tuple((actions[i], waits_for.get(i, [])) for i in ids) for ids in generations),
        conflicts=tuple((actions[u], actions[v]) for u, v in conflict_rows),
        critical_path=tuple(actions[i] for i in critical),
    )
