"""Precision and recall of one document's graph nodes against its entity gold (gold_entities).

Names are compared through `name_key`, the graph's own normalisation:
- a node matches a gold entity when any of its names (preferred or alternate, either script)
  equals any of the entity's names (written or standard);
- a node of a scored type is right when it matches an entity annotated with that type, or one
  that accepts that type (`accept_as`). It is left out when it matches only an optional name,
  or when it is an event series that only stands as the series of an edition of the same
  document. Any other node is a false positive: a Person node that is not a person named in
  the document counts against person precision;
- a gold entity is found when a node of its type, or of a type it accepts, matches it;
- an affiliation is right when its person node matches a gold person, its organisation node a
  gold organisation, and that pair is in the gold.
A node that matches two gold entities, or two nodes that match one, are not penalised here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from forumgraph.ingest.resolve import name_key
from forumgraph.models import Entity, EntityType
from gold_entities import GoldDocument, GoldEntity

SCORED = ("person", "organization", "event", "project", "affiliation")
LABELS = {
    "person": "people",
    "organization": "organizations",
    "event": "events",
    "project": "projects/tools",
    "affiliation": "affiliations (stated)",
}
_GRAPH_TYPE = {
    EntityType.PERSON: "person",
    EntityType.ORGANIZATION: "organization",
    EntityType.EVENT: "event",
    EntityType.SERIES: "event",
    EntityType.PROJECT: "project",
}
# (subject id, predicate, object id or literal), ids as in Resolution.entities
Fact = tuple[str | None, str, str]


@dataclass
class Counts:
    """Right predictions of `predicted`, and gold entities found of `gold`."""

    right: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.right += other.right
        self.predicted += other.predicted
        self.found += other.found
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocumentScore:
    """Counts per scored type, with the false positives and misses behind them."""

    doc_id: str
    language: str
    counts: dict[str, Counts] = field(default_factory=dict)
    false_positives: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    misses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def score_document(
    gold: GoldDocument, entities: Iterable[Entity], facts: Sequence[Fact]
) -> DocumentScore:
    """Score the resolved nodes of one document (and its facts) against its gold."""
    nodes = list(entities)
    keys = {e.id: _node_keys(e) for e in nodes}
    by_type: dict[str, list[Entity]] = defaultdict(list)
    for node in nodes:
        if node.type in _GRAPH_TYPE:
            by_type[_GRAPH_TYPE[node.type]].append(node)
    score = DocumentScore(gold.doc_id, gold.language)
    edition_series = {
        v for s, p, v in facts if p == "superEvent" and s in keys and v in keys and s != v
    }
    for type_, own in gold.entities.items():
        accepted = [g for items in gold.entities.values() for g in items if type_ in g.accept_as]
        counts = Counts(gold=len(own))
        for node in by_type[type_]:
            k = keys[node.id]
            if _matches(k, own) or _matches(k, accepted):
                counts.right += 1
            elif k & gold.optional or (
                node.type == EntityType.SERIES and node.id in edition_series
            ):
                continue
            else:
                score.false_positives[type_].append(node.label("en"))
            counts.predicted += 1
        for entity in own:
            candidates = [n for t in (type_, *entity.accept_as) for n in by_type[t]]
            if any(keys[n.id] & entity.keys for n in candidates):
                counts.found += 1
            else:
                score.misses[type_].append(entity.label + _found_elsewhere(entity, nodes, keys))
        score.counts[type_] = counts
    score.counts["affiliation"] = _affiliations(gold, by_type["person"], keys, facts, score)
    return score


def _affiliations(
    gold: GoldDocument,
    people: list[Entity],
    keys: dict[str, frozenset[str]],
    facts: Sequence[Fact],
    score: DocumentScore,
) -> Counts:
    person_ids = {p.id for p in people}
    pairs = {(s, v) for s, p, v in facts if p == "affiliation" and s in person_ids and v in keys}
    counts = Counts(gold=len(gold.affiliations))
    for s, v in sorted(pairs):
        if any(keys[s] & p.keys and keys[v] & o.keys for p, o in gold.affiliations):
            counts.right += 1
        elif keys[s] & gold.optional:
            continue
        else:
            score.false_positives["affiliation"].append(f"{s} -> {v}")
        counts.predicted += 1
    for person, org in sorted(gold.affiliations, key=lambda po: (po[0].label, po[1].label)):
        if any(keys[s] & person.keys and keys[v] & org.keys for s, v in pairs):
            counts.found += 1
        else:
            score.misses["affiliation"].append(f"{person.label} -> {org.label}")
    return counts


def total(scores: Iterable[DocumentScore]) -> dict[str, Counts]:
    """Counts summed over documents (micro-averaged precision and recall)."""
    out = {t: Counts() for t in SCORED}
    for score in scores:
        for type_, counts in score.counts.items():
            out[type_].add(counts)
    return out


def _node_keys(entity: Entity) -> frozenset[str]:
    return frozenset(name_key(n.text) for n in (*entity.names, *entity.alternate_names)) - {""}


def _matches(keys: frozenset[str], entities: Iterable[GoldEntity]) -> bool:
    return any(keys & e.keys for e in entities)


def _found_elsewhere(
    entity: GoldEntity, nodes: list[Entity], keys: dict[str, frozenset[str]]
) -> str:
    """` (as topic)` when a node of another type carries the name: a typing error, not a gap."""
    kinds = sorted({n.type.value for n in nodes if keys[n.id] & entity.keys})
    return f" (as {', '.join(kinds)})" if kinds else ""
