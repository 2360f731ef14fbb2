"""Graph facts about one entity, each with the passages it came from, for cards, pages and `ask`.

The graph keeps provenance per fact: every asserted triple also has an `fg:Statement` node with
`rdf:subject`, `rdf:predicate`, `rdf:object` and `prov:wasDerivedFrom` (a passage, or the article
when no passage is known); see graph/build.py. Facts are read from those statement nodes, in both
directions (a person's talks are statements whose object is the person), plus two hops where a
card needs them (a person's events through their talks, an event's speakers through its talks).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from dataclasses import field as dataclass_field
from typing import Any

from forumgraph.errors import NotFound
from forumgraph.graph.terms import (
    FG_IRI,
    PROV_IRI,
    RDF_IRI,
    SCHEMA_IRI,
    doc_id_of,
    entity_id_of,
    entity_iri,
    passage_id_of,
)
from forumgraph.models import Entity, EntityType
from forumgraph.snapshot import Snapshot
from forumgraph.snapshot.reader import GRAPH
from forumgraph.text.keys import name_key

# Runs one of the SELECTs below for an entity IRI: one dict per row, variable -> term.
Select = Callable[[str, str], list[dict[str, Any]]]

PREFIXES = f"""PREFIX rdf: <{RDF_IRI}>
PREFIX prov: <{PROV_IRI}>
PREFIX fg: <{FG_IRI}>
PREFIX schema: <{SCHEMA_IRI}>
"""

# Outgoing properties and the card field each becomes.
OUTGOING_FIELDS = {
    SCHEMA_IRI + "affiliation": "affiliation",
    SCHEMA_IRI + "jobTitle": "jobTitle",
    SCHEMA_IRI + "performer": "performer",
    FG_IRI + "performerOrganization": "performerOrg",
    SCHEMA_IRI + "superEvent": "superEvent",
    SCHEMA_IRI + "about": "about",
    FG_IRI + "talkKind": "talkKind",
    SCHEMA_IRI + "url": "url",
    FG_IRI + "day": "day",
    SCHEMA_IRI + "location": "location",
    SCHEMA_IRI + "startDate": "startDate",
    SCHEMA_IRI + "endDate": "endDate",
    SCHEMA_IRI + "eventStatus": "eventStatus",
    SCHEMA_IRI + "organizer": "organizer",
    SCHEMA_IRI + "addressCountry": "country",
    FG_IRI + "maturity": "maturity",
    SCHEMA_IRI + "sponsor": "sponsor",
}

# Incoming properties: the field depends on what kind of entity points at this one.
INCOMING_FIELDS: dict[str, dict[EntityType | None, str]] = {
    SCHEMA_IRI + "performer": {EntityType.TALK: "talks", None: "events"},
    FG_IRI + "performerOrganization": {None: "talks"},
    SCHEMA_IRI + "affiliation": {None: "people"},
    SCHEMA_IRI + "superEvent": {EntityType.TALK: "talks", None: "editions"},
    SCHEMA_IRI + "location": {None: "events"},
    SCHEMA_IRI + "organizer": {None: "events"},
    SCHEMA_IRI + "sponsor": {None: "events"},
    SCHEMA_IRI + "about": {EntityType.TALK: "talks", None: "events"},
}

# The order of fields on a card, per entity type; fields not listed follow in this order too.
FIELD_ORDER: dict[EntityType, tuple[str, ...]] = {
    EntityType.PERSON: ("affiliation", "jobTitle", "talks", "events"),
    EntityType.EVENT: (
        "startDate",
        "endDate",
        "location",
        "superEvent",
        "organizer",
        "eventStatus",
        "speakers",
        "talks",
    ),
    EntityType.SERIES: ("editions", "organizer"),
    EntityType.ORGANIZATION: ("people", "talks", "events"),
    EntityType.PROJECT: ("maturity", "talks"),
    EntityType.TALK: ("performer", "performerOrg", "superEvent", "talkKind", "day", "about"),
    EntityType.PLACE: ("country", "events"),
    EntityType.TOPIC: ("talks", "events"),
}
ALL_FIELDS = (
    "affiliation",
    "jobTitle",
    "performer",
    "performerOrg",
    "speakers",
    "superEvent",
    "startDate",
    "endDate",
    "location",
    "country",
    "organizer",
    "eventStatus",
    "maturity",
    "talkKind",
    "day",
    "about",
    "url",
    "people",
    "talks",
    "events",
    "editions",
    "sponsor",
)
PERFORMER = SCHEMA_IRI + "performer"
MAX_VALUES_PER_FIELD = 50
CACHE_ENTITIES = 2048


@dataclass(frozen=True)
class Citation:
    """Where a fact was read: an article and, when known, the passage and its offsets."""

    doc_id: str
    title: str
    url: str | None = None
    passage_id: str | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "url": self.url,
            "passage_id": self.passage_id,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class FactValue:
    """One value of one field of an entity (an entity or a literal) with its citations."""

    field: str
    text: str
    entity_id: str | None = None
    entity_type: str | None = None
    lang: str | None = None
    datatype: str | None = None
    citations: tuple[Citation, ...] = ()
    # The property that links the entity and the value; `inverse` when the value is its subject.
    prop: str = ""
    inverse: bool = False
    iri: str | None = None  # the value's IRI when it is a node (an entity, a status, a link)

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "property": self.prop,
            "inverse": self.inverse,
            "value": self.text,
            "entity_id": self.entity_id,
            "entity_type": self.entity_type,
            "lang": self.lang,
            "datatype": self.datatype,
            "iri": self.iri,
            "sources": [c.to_json() for c in self.citations],
        }


@dataclass(frozen=True)
class EntityFacts:
    """An entity with its facts in card order."""

    entity: Entity
    facts: tuple[FactValue, ...] = ()
    documents: tuple[str, ...] = field(default=())  # doc ids whose passages mention it

    def fields(self) -> list[tuple[str, list[FactValue]]]:
        """(field, values) pairs in display order."""
        grouped: dict[str, list[FactValue]] = {}
        for fact in self.facts:
            grouped.setdefault(fact.field, []).append(fact)
        return list(grouped.items())

    def values(self, name: str) -> list[FactValue]:
        return [f for f in self.facts if f.field == name]

    def to_json(self, base_iri: str) -> dict[str, Any]:
        return {
            "id": self.entity.id,
            "iri": entity_iri(self.entity.id, base_iri).value,
            "type": str(self.entity.type),
            "label": self.entity.label(),
            "names": [{"text": n.text, "lang": n.lang} for n in self.entity.names],
            "alternate_names": [
                {"text": n.text, "lang": n.lang} for n in self.entity.alternate_names
            ],
            "facts": [f.to_json() for f in self.facts],
            "documents": list(self.documents),
        }


class FactFinder:
    """Reads entity facts from one snapshot's graph; cached, since a generation never changes."""

    def __init__(self, snapshot: Snapshot, base_iri: str, select: Select | None = None) -> None:
        self.snapshot = snapshot
        self.base_iri = base_iri
        self._select = select or _reader(snapshot)
        self._cache: dict[str, EntityFacts] = {}
        self._lock = threading.Lock()
        self._documents = _documents_per_entity(snapshot)
        self._keys: list[tuple[Entity, tuple[str, ...]]] | None = None

    @property
    def select(self) -> Select:
        """The SELECT runner on this generation's graph, for other read-outs to share."""
        return self._select

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id, or NotFound."""
        entity = self.snapshot.entities.get(entity_id)
        if entity is None:
            raise NotFound(
                f"No entity with id '{entity_id}' is in the graph.",
                hint="Find entity ids with /api/entities?q=NAME.",
            )
        return entity

    def find(
        self, query: str = "", entity_type: EntityType | None = None, limit: int = 50
    ) -> list[Entity]:
        """Entities whose names contain `query` (any script, spacing ignored), best match first.

        Exact names come first, then prefixes, then other matches; ties go to the entity that
        more articles mention. An empty query lists entities by how often they are mentioned.
        """
        wanted = name_key(query)
        ranked: list[tuple[int, int, str, Entity]] = []
        for entity, keys in self._name_keys():
            if entity_type is not None and entity.type != entity_type:
                continue
            rank = _match_rank(wanted, keys) if wanted else 0
            if rank is None:
                continue
            mentions = len(self._documents.get(entity.id, ()))
            ranked.append((rank, -mentions, entity.label(), entity))
        ranked.sort(key=lambda item: item[:3])
        return [item[3] for item in ranked[:limit]]

    def _name_keys(self) -> list[tuple[Entity, tuple[str, ...]]]:
        """Each entity with its names normalised for matching (computed on first use)."""
        with self._lock:
            if self._keys is None:
                self._keys = [
                    (e, tuple({name_key(n.text) for n in (*e.names, *e.alternate_names)}))
                    for e in self.snapshot.entities.values()
                ]
            return self._keys

    def facts(self, entity_id: str) -> EntityFacts:
        """The entity's facts in card order, each with its citations."""
        with self._lock:
            cached = self._cache.get(entity_id)
        if cached is not None:
            return cached
        entity = self.entity(entity_id)
        iri = entity_iri(entity_id, self.base_iri).value
        collected: dict[tuple[str, str], _Collected] = {}
        for row in self._select(_OUTGOING, iri):
            name = OUTGOING_FIELDS.get(row["p"].value)
            if name == "performer" and entity.type == EntityType.EVENT:
                name = "speakers"  # a keynote given at the event itself
            if name is not None:
                self._collect(collected, (name, row["p"].value, False), row["o"], [row["src"]])
        for row in self._select(_INCOMING, iri):
            name = self._incoming_field(row["p"].value, row["s"].value)
            if name is not None:
                self._collect(collected, (name, row["p"].value, True), row["s"], [row["src"]])
        # Speakers of an event's talks also perform at the event (schema:performer).
        if entity.type == EntityType.PERSON:
            link = ("events", PERFORMER, True)
            for row in self._select(_PERSON_EVENTS, iri):
                self._collect(collected, link, row["event"], [row["src1"], row["src2"]])
        if entity.type == EntityType.EVENT:
            link = ("speakers", PERFORMER, False)
            for row in self._select(_EVENT_SPEAKERS, iri):
                self._collect(collected, link, row["person"], [row["src1"], row["src2"]])
        result = EntityFacts(
            entity,
            tuple(_ordered(entity.type, collected.values())),
            self._documents.get(entity_id, ()),
        )
        with self._lock:
            if len(self._cache) >= CACHE_ENTITIES:
                self._cache.clear()
            self._cache[entity_id] = result
        return result

    def _incoming_field(self, predicate: str, subject_iri: str) -> str | None:
        choices = INCOMING_FIELDS.get(predicate)
        if choices is None:
            return None
        subject_id = entity_id_of(subject_iri, self.base_iri)
        subject = self.snapshot.entities.get(subject_id or "")
        kind = subject.type if subject else None
        return choices.get(kind, choices.get(None))

    def _collect(
        self,
        collected: dict[tuple[str, str], _Collected],
        link: tuple[str, str, bool],
        term: Any,
        sources: list[Any],
    ) -> None:
        name, prop, inverse = link
        value = replace(self._value(name, term), prop=prop, inverse=inverse)
        key = (name, value.entity_id or f"{value.text}@{value.lang}")
        entry = collected.get(key)
        if entry is None:
            if sum(1 for k in collected if k[0] == name) >= MAX_VALUES_PER_FIELD:
                return
            entry = collected[key] = _Collected(name, value)
        for source in sources:
            citation = self._citation(source.value)
            if citation is not None and citation not in entry.citations:
                entry.citations.append(citation)

    def _value(self, name: str, term: Any) -> FactValue:
        text = term.value
        entity_id = entity_id_of(text, self.base_iri) if _is_iri(term) else None
        if entity_id is not None:
            entity = self.snapshot.entities.get(entity_id)
            label = entity.label() if entity else entity_id
            kind = str(entity.type) if entity else None
            return FactValue(name, label, entity_id=entity_id, entity_type=kind, iri=text)
        if _is_iri(term):
            vocabulary = text.startswith((SCHEMA_IRI, FG_IRI))
            return FactValue(name, _local_name(text) if vocabulary else text, iri=text)
        language = getattr(term, "language", None) or None
        datatype = getattr(getattr(term, "datatype", None), "value", None)
        if language or datatype == RDF_IRI + "langString":
            datatype = None
        return FactValue(name, text, lang=language, datatype=datatype)

    def _citation(self, source_iri: str) -> Citation | None:
        passage_id = passage_id_of(source_iri, self.base_iri)
        if passage_id is not None:
            stored = self.snapshot.passages.get(passage_id)
            doc = self.snapshot.documents.get(stored.passage.doc_id) if stored else None
            if stored is None or doc is None:
                return None
            p = stored.passage
            return Citation(doc.doc_id, doc.title, doc.url, p.passage_id, p.start, p.end)
        doc_id = doc_id_of(source_iri, self.base_iri)
        doc = self.snapshot.documents.get(doc_id or "")
        return Citation(doc.doc_id, doc.title, doc.url) if doc else None


@dataclass
class _Collected:
    name: str
    value: FactValue
    citations: list[Citation] = dataclass_field(default_factory=list)


def _ordered(kind: EntityType, collected: Iterable[_Collected]) -> list[FactValue]:
    order = FIELD_ORDER.get(kind, ()) + ALL_FIELDS
    rank = {name: i for i, name in reversed(list(enumerate(order)))}
    items = sorted(collected, key=lambda c: (rank.get(c.name, len(rank)), c.value.text))
    return [replace(c.value, citations=tuple(c.citations)) for c in items]


def _match_rank(wanted: str, keys: tuple[str, ...]) -> int | None:
    best = None
    for key in keys:
        rank = 0 if key == wanted else 1 if key.startswith(wanted) else 2 if wanted in key else None
        if rank is not None and (best is None or rank < best):
            best = rank
    return best


def _documents_per_entity(snapshot: Snapshot) -> dict[str, tuple[str, ...]]:
    found: dict[str, dict[str, None]] = {}
    for stored in snapshot.passages.values():
        for entity_id in stored.entity_ids:
            found.setdefault(entity_id, {})[stored.passage.doc_id] = None
    return {entity_id: tuple(sorted(docs)) for entity_id, docs in found.items()}


def _reader(snapshot: Snapshot) -> Select:
    """Queries on the generation's graph, opened read-only in this process.

    These few queries are fixed, bounded and indexed, so they run here rather than in the
    SPARQL worker pool, where a user's heavy query must not hold up entity cards.
    """
    import pyoxigraph

    lock = threading.Lock()
    opened: list[pyoxigraph.Store] = []

    def store() -> pyoxigraph.Store:
        with lock:
            if not opened:
                opened.append(pyoxigraph.Store.read_only(str(snapshot.path / GRAPH)))
            return opened[0]

    def select(query: str, iri: str) -> list[dict[str, Any]]:
        # The store's default graph is the union of the document graphs (see graph/store.py).
        entity = pyoxigraph.NamedNode(iri)  # checked IRI: safe to write between < and >
        solutions = store().query(query.replace("?entity", str(entity)))
        if not isinstance(solutions, pyoxigraph.QuerySolutions):
            raise TypeError("fact queries are SELECT queries")
        names = [v.value for v in solutions.variables]
        return [dict(zip(names, row, strict=True)) for row in solutions]

    return select


def _is_iri(term: Any) -> bool:
    return type(term).__name__ == "NamedNode"


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


_OUTGOING = (
    PREFIXES
    + """
SELECT ?p ?o ?src WHERE {
  ?st a fg:Statement ; rdf:subject ?entity ; rdf:predicate ?p ; rdf:object ?o ;
      prov:wasDerivedFrom ?src .
}"""
)

_INCOMING = (
    PREFIXES
    + """
SELECT ?s ?p ?src WHERE {
  ?st a fg:Statement ; rdf:object ?entity ; rdf:subject ?s ; rdf:predicate ?p ;
      prov:wasDerivedFrom ?src .
}"""
)

_PERSON_EVENTS = (
    PREFIXES
    + """
SELECT DISTINCT ?event ?src1 ?src2 WHERE {
  ?st1 a fg:Statement ; rdf:object ?entity ; rdf:predicate schema:performer ;
       rdf:subject ?talk ; prov:wasDerivedFrom ?src1 .
  ?st2 a fg:Statement ; rdf:subject ?talk ; rdf:predicate schema:superEvent ;
       rdf:object ?event ; prov:wasDerivedFrom ?src2 .
}"""
)

_EVENT_SPEAKERS = (
    PREFIXES
    + """
SELECT DISTINCT ?person ?src1 ?src2 WHERE {
  ?st1 a fg:Statement ; rdf:object ?entity ; rdf:predicate schema:superEvent ;
       rdf:subject ?talk ; prov:wasDerivedFrom ?src1 .
  ?st2 a fg:Statement ; rdf:subject ?talk ; rdf:predicate schema:performer ;
       rdf:object ?person ; prov:wasDerivedFrom ?src2 .
}"""
)
