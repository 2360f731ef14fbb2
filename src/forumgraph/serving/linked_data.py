"""JSON-LD descriptions of entities, with an inline schema.org context (nothing is fetched).

Outgoing facts become properties (`affiliation`, `startDate`, ...); facts whose value is the
subject (a talk's performer is this person) go under `@reverse`, so every statement keeps the
direction it has in the graph. Names carry their language tags.
"""

from __future__ import annotations

from typing import Any

from forumgraph.graph.terms import (
    ENTITY_CLASSES,
    FG_IRI,
    SCHEMA_IRI,
    XSD_IRI,
    document_iri,
    entity_iri,
)
from forumgraph.models import Name
from forumgraph.search.facts import EntityFacts, FactValue

CONTEXT: dict[str, Any] = {
    "@vocab": SCHEMA_IRI,
    "schema": SCHEMA_IRI,
    "fg": FG_IRI,
    "xsd": XSD_IRI,
}
JSONLD_MEDIA_TYPE = "application/ld+json"


def entity_jsonld(facts: EntityFacts, base_iri: str) -> dict[str, Any]:
    """The entity as a JSON-LD node object: types, names, facts and the articles naming it."""
    entity = facts.entity
    node: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": entity_iri(entity.id, base_iri).value,
        "@type": [_compact(cls.value) for cls in ENTITY_CLASSES[entity.type]],
        "identifier": entity.id,
        "name": [_tagged(name) for name in entity.names],
    }
    if entity.alternate_names:
        node["alternateName"] = [_tagged(name) for name in entity.alternate_names]
    reverse: dict[str, list[Any]] = {}
    for fact in facts.facts:
        if not fact.prop:
            continue
        key = _compact(fact.prop)
        target = reverse.setdefault(key, []) if fact.inverse else node.setdefault(key, [])
        value = _value(fact, base_iri)
        if value not in target:
            target.append(value)
    if facts.documents:
        reverse["mentions"] = [
            {"@id": document_iri(doc_id, base_iri).value, "identifier": doc_id}
            for doc_id in facts.documents
        ]
    if reverse:
        node["@reverse"] = reverse
    return node


def _value(fact: FactValue, base_iri: str) -> Any:
    if fact.entity_id is not None:
        return {"@id": entity_iri(fact.entity_id, base_iri).value, "name": fact.text}
    if fact.iri is not None:
        return {"@id": fact.iri}
    if fact.lang:
        return {"@value": fact.text, "@language": fact.lang}
    if fact.datatype and fact.datatype != XSD_IRI + "string":
        return {"@value": fact.text, "@type": _compact(fact.datatype)}
    return fact.text


def _tagged(name: Name) -> dict[str, str]:
    return {"@value": name.text, "@language": name.lang}


def _compact(iri: str) -> str:
    if iri.startswith(SCHEMA_IRI):
        return iri[len(SCHEMA_IRI) :]
    for prefix, namespace in (("fg", FG_IRI), ("xsd", XSD_IRI)):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri
