"""Geometry of the neighbourhood picture: the entity in the middle, its direct neighbours on an
inner ring and the nodes two steps away on an outer ring.

Inner-ring nodes are grouped by kind, and within a kind by the outer node they lead to, so that
links stay short; each outer node sits as near as a free slot allows to the mean direction of
the inner nodes it links to. Labels point outwards, away from the links.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from forumgraph.models import Entity
from forumgraph.search.neighbourhood import TYPE_ORDER, Neighbourhood
from forumgraph.web.charts import shorten

WIDTH = 1200
HEIGHT = 760
CENTRE = (WIDTH / 2, HEIGHT / 2)
# Rings are ellipses, wider than high, since labels are wide.
INNER = (250.0, 170.0)
OUTER = (440.0, 320.0)
RADII = (15.0, 9.0, 7.0)
LABEL_CHARS = (40, 26, 24)


@dataclass(frozen=True)
class Node:
    id: str
    ring: int
    x: float
    y: float
    r: float
    label: str
    full_label: str
    kind: str
    label_x: float
    label_y: float
    anchor: str  # start, middle or end


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    ring: int  # the outer ring of its two ends


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def radial(
    hood: Neighbourhood, entities: Mapping[str, Entity], labels: Mapping[str, str]
) -> Drawing:
    """The neighbourhood laid out on two rings around its centre; `labels` names each node."""
    neighbours: dict[str, set[str]] = {}
    for link in hood.links:
        neighbours.setdefault(link.source, set()).add(link.target)
        neighbours.setdefault(link.target, set()).add(link.source)
    kind_rank = {kind.value: rank for rank, kind in enumerate(TYPE_ORDER)}
    outer_rank = {node: rank for rank, node in enumerate(hood.second)}

    def first_key(node: str) -> tuple[int, int, str]:
        linked = [outer_rank[n] for n in neighbours.get(node, ()) if n in outer_rank]
        kind = entities[node].type.value
        return (kind_rank.get(kind, len(kind_rank)), min(linked, default=len(outer_rank)), node)

    inner = sorted(hood.first, key=first_key)
    angles = {node: _slot(i, len(inner)) for i, node in enumerate(inner)}
    wanted = {}
    for node in hood.second:
        linked = [angles[n] for n in neighbours.get(node, ()) if n in angles]
        wanted[node] = _mean_angle(linked) if linked else 0.0
    angles.update(_spread(wanted))
    nodes = [_node(hood.centre, 0, 0.0, entities, labels)]
    nodes += [_node(n, 1, angles[n], entities, labels) for n in inner]
    nodes += [_node(n, 2, angles[n], entities, labels) for n in hood.second]
    where = {node.id: node for node in nodes}
    edges = [
        Edge(a.x, a.y, b.x, b.y, max(a.ring, b.ring))
        for link in hood.links
        if (a := where.get(link.source)) is not None and (b := where.get(link.target)) is not None
    ]
    # Outer links first, so the centre's links are drawn on top of them.
    edges.sort(key=lambda e: -e.ring)
    return Drawing(WIDTH, HEIGHT, tuple(nodes), tuple(edges))


def _slot(i: int, count: int) -> float:
    """The direction of slot `i` of `count`, clockwise from the top."""
    return -math.pi / 2 + 2 * math.pi * i / max(count, 1)


def _mean_angle(angles: list[float]) -> float:
    x = sum(math.cos(a) for a in angles)
    y = sum(math.sin(a) for a in angles)
    return math.atan2(y, x) if (x, y) != (0.0, 0.0) else angles[0]


def _spread(wanted: dict[str, float]) -> dict[str, float]:
    """Evenly spaced directions, given in the order of the wanted ones and turned as a whole
    to stray least from them."""
    if not wanted:
        return {}
    order = sorted(wanted, key=lambda n: (_normal(wanted[n]), n))
    count = len(order)
    step = 2 * math.pi / count

    def stray(offset: float) -> float:
        return sum(
            abs(_difference(offset + i * step, wanted[node])) for i, node in enumerate(order)
        )

    candidates = [_normal(wanted[order[i]] - i * step) for i in range(count)]
    offset = min(candidates, key=stray)
    return {node: offset + i * step for i, node in enumerate(order)}


def _normal(angle: float) -> float:
    return angle % (2 * math.pi)


def _difference(a: float, b: float) -> float:
    return (a - b + math.pi) % (2 * math.pi) - math.pi


def _node(
    entity_id: str,
    ring: int,
    angle: float,
    entities: Mapping[str, Entity],
    labels: Mapping[str, str],
) -> Node:
    entity = entities[entity_id]
    full = labels[entity_id]
    label = shorten(full, LABEL_CHARS[ring])
    r = RADII[ring]
    if ring == 0:
        x, y = CENTRE
        return Node(entity_id, 0, x, y, r, label, full, entity.type.value, x, y + r + 18, "middle")
    rx, ry = INNER if ring == 1 else OUTER
    cos, sin = math.cos(angle), math.sin(angle)
    x, y = CENTRE[0] + rx * cos, CENTRE[1] + ry * sin
    gap = r + 5
    if cos > 0.35:
        anchor, lx, ly = "start", x + gap, y + 4
    elif cos < -0.35:
        anchor, lx, ly = "end", x - gap, y + 4
    else:
        anchor, lx, ly = "middle", x, y + (gap + 12 if sin > 0 else -gap)
    return Node(entity_id, ring, x, y, r, label, full, entity.type.value, lx, ly, anchor)
