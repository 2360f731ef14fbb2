"""The neighbourhood of an entity: the people, talks, editions, organisations and topics around
it, two steps out, bounded in size.

Two SELECTs: the entity's direct neighbours (with how connected each one is), then the
neighbours of the ones kept. The first ring keeps a few of every kind of link before more of
any one (an edition's four hundred talks do not crowd out its series and city), the most
connected first; the second ring keeps what most first-ring nodes share.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from forumgraph.graph.terms import FG_IRI, SCHEMA_IRI, entity_iri
from forumgraph.models import Entity, EntityType
from forumgraph.search.facts import PREFIXES

if TYPE_CHECKING:
    from forumgraph.search.views import GraphViews

# The links drawn: talk-speaker, talk-edition, edition-series, person-organisation, talk-topic,
# edition-city, edition-organiser.
LINKS = (
    SCHEMA_IRI + "performer",
    SCHEMA_IRI + "superEvent",
    SCHEMA_IRI + "affiliation",
    FG_IRI + "performerOrganization",
    SCHEMA_IRI + "about",
    SCHEMA_IRI + "location",
    SCHEMA_IRI + "organizer",
)
FIRST_RING = 14
SECOND_RING = 18
SECOND_RING_PER_TYPE = 8
MAX_ROWS = 20_000
# Which kinds of second-ring node come first when they are equally shared.
TYPE_ORDER = (
    EntityType.PERSON,
    EntityType.ORGANIZATION,
    EntityType.EVENT,
    EntityType.PROJECT,
    EntityType.TOPIC,
    EntityType.SERIES,
    EntityType.PLACE,
    EntityType.TALK,
)


@dataclass(frozen=True)
class Link:
    """An edge between two shown nodes: `source` has property `prop` with value `target`."""

    source: str
    target: str
    prop: str


@dataclass(frozen=True)
class Neighbourhood:
    """The centre, its first and second ring (entity ids), the links among them, and how many
    neighbours were left out of each ring."""

    centre: str
    first: tuple[str, ...]
    second: tuple[str, ...]
    links: tuple[Link, ...]
    first_left_out: int = 0
    second_left_out: int = 0

    def nodes(self) -> tuple[str, ...]:
        return (self.centre, *self.first, *self.second)


def neighbourhood(views: GraphViews, entity_id: str) -> Neighbourhood:
    """The bounded two-step neighbourhood of `entity_id`."""
    entities = views.snapshot.entities
    candidates: dict[str, _Candidate] = {}
    links: dict[tuple[str, str], Link] = {}
    for row in views.select(_FIRST_RING, entity_id):
        node = views.entity_id(row["n"])
        if node is None or node == entity_id:
            continue
        prop, out = row["p"].value, row["out"].value == "true"
        found = candidates.setdefault(node, _Candidate(node, (prop, out), int(row["deg"].value)))
        found.degree = max(found.degree, int(row["deg"].value))
        _add_link(links, entity_id, node, prop, out)
    first = _pick_first(candidates, entities)
    shared: Counter[str] = Counter()
    second_links: dict[tuple[str, str], Link] = {}
    if first:
        for row in views.select(_second_ring_query(first, views.base_iri)):
            near, far = views.entity_id(row["n"]), views.entity_id(row["m"])
            if near is None or far is None or far == entity_id:
                continue
            prop, out = row["p"].value, row["out"].value == "true"
            if far in first:
                _add_link(links, near, far, prop, out)
            elif _add_link(second_links, near, far, prop, out):
                shared[far] += 1
    second = _pick_second(shared, entities)
    kept = {entity_id, *first, *second}
    shown = [
        link
        for link in [*links.values(), *second_links.values()]
        if link.source in kept and link.target in kept
    ]
    return Neighbourhood(
        centre=entity_id,
        first=tuple(first),
        second=tuple(second),
        links=tuple(shown),
        first_left_out=len(candidates) - len(first),
        second_left_out=len(shared) - len(second),
    )


@dataclass
class _Candidate:
    id: str
    group: tuple[str, bool]  # the property and its direction that reached it first
    degree: int


def _add_link(
    links: dict[tuple[str, str], Link], near: str, far: str, prop: str, out: bool
) -> bool:
    """Record the link near→far (or far→near); False when the pair is already linked."""
    pair = (near, far) if near < far else (far, near)
    if pair in links:
        return False
    links[pair] = Link(near, far, prop) if out else Link(far, near, prop)
    return True


def _pick_first(candidates: dict[str, _Candidate], entities: Mapping[str, Entity]) -> list[str]:
    """Round robin over the kinds of link, smallest kind first, most connected first."""
    groups: dict[tuple[str, bool], list[_Candidate]] = {}
    for candidate in candidates.values():
        groups.setdefault(candidate.group, []).append(candidate)
    queues = [
        sorted(group, key=lambda c: (-c.degree, _label(entities, c.id), c.id))
        for _key, group in sorted(groups.items(), key=lambda item: (len(item[1]), item[0]))
    ]
    chosen: list[str] = []
    depth = 0
    while len(chosen) < FIRST_RING and any(depth < len(q) for q in queues):
        for queue in queues:
            if depth < len(queue) and len(chosen) < FIRST_RING:
                chosen.append(queue[depth].id)
        depth += 1
    return chosen


def _pick_second(shared: Counter[str], entities: Mapping[str, Entity]) -> list[str]:
    """The nodes most first-ring nodes link to, a few of each type."""
    order = {kind: rank for rank, kind in enumerate(TYPE_ORDER)}

    def rank(node: str) -> tuple[int, int, str, str]:
        kind = order.get(entities[node].type, len(order))
        return (-shared[node], kind, _label(entities, node), node)

    per_type: Counter[EntityType] = Counter()
    chosen: list[str] = []
    for node in sorted(shared, key=rank):
        kind = entities[node].type
        if per_type[kind] < SECOND_RING_PER_TYPE:
            per_type[kind] += 1
            chosen.append(node)
        if len(chosen) >= SECOND_RING:
            break
    return chosen


def _label(entities: Mapping[str, Entity], node: str) -> str:
    return entities[node].label().casefold()


def _link_filter(variable: str) -> str:
    return f"FILTER({variable} IN ({', '.join(f'<{iri}>' for iri in LINKS)}))"


def _second_ring_query(first: list[str], base_iri: str) -> str:
    # IRIs made by entity_iri are checked: safe to write between < and >.
    values = " ".join(str(entity_iri(node, base_iri)) for node in first)
    return (
        PREFIXES
        + f"""
SELECT ?n ?m ?p ?out WHERE {{
  VALUES ?n {{ {values} }}
  {{ ?n ?p ?m BIND(true AS ?out) }} UNION {{ ?m ?p ?n BIND(false AS ?out) }}
  {_link_filter("?p")}
  FILTER(isIRI(?m))
}} LIMIT {MAX_ROWS}"""
    )


_FIRST_RING = (
    PREFIXES
    + f"""
SELECT ?n ?p ?out (COUNT(DISTINCT ?x) AS ?deg) WHERE {{
  {{ ?entity ?p ?n BIND(true AS ?out) }} UNION {{ ?n ?p ?entity BIND(false AS ?out) }}
  {_link_filter("?p")}
  FILTER(isIRI(?n))
  OPTIONAL {{ {{ ?n ?q ?x }} UNION {{ ?x ?q ?n }} {_link_filter("?q")} }}
}} GROUP BY ?n ?p ?out LIMIT {MAX_ROWS}"""
)
