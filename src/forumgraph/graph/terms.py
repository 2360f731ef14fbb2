"""Namespaces, schema.org and ontology terms, and the only place where IRIs are minted.

Entity IRIs are `{base}id/{entity id}`, an article's IRI is also the name of its graph,
`{base}doc/{quoted doc id}`, and a passage is `{article IRI}#p{index}`. Nodes that exist only
inside one document (fact statements, mentions, figures) hang off the article IRI with a hash
of their content, so the same input always gives the same IRIs.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, unquote

from pyoxigraph import NamedNode

from forumgraph.errors import InputError
from forumgraph.models import EntityType
from forumgraph.text.hangul import has_hangul

SCHEMA_IRI = "https://schema.org/"
FG_IRI = "https://forumgraph.org/ontology#"
RDF_IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_IRI = "http://www.w3.org/2000/01/rdf-schema#"
XSD_IRI = "http://www.w3.org/2001/XMLSchema#"
PROV_IRI = "http://www.w3.org/ns/prov#"
OWL_IRI = "http://www.w3.org/2002/07/owl#"

# Prefixes used when writing Turtle, TriG and query results for people to read.
PREFIXES: dict[str, str] = {
    "schema": SCHEMA_IRI,
    "fg": FG_IRI,
    "rdf": RDF_IRI,
    "rdfs": RDFS_IRI,
    "xsd": XSD_IRI,
    "prov": PROV_IRI,
}


class Namespace:
    """An IRI prefix whose attributes are the terms under it: `SDO.name` is schema:name."""

    def __init__(self, iri: str) -> None:
        self.iri = iri

    def __getattr__(self, local: str) -> NamedNode:
        if local.startswith("__"):
            raise AttributeError(local)
        return NamedNode(self.iri + local)

    def term(self, local: str) -> NamedNode:
        """The term `local` under this namespace."""
        return NamedNode(self.iri + local)


SDO = Namespace(SCHEMA_IRI)
FG = Namespace(FG_IRI)
RDF = Namespace(RDF_IRI)
RDFS = Namespace(RDFS_IRI)
XSD = Namespace(XSD_IRI)
PROV = Namespace(PROV_IRI)

RDF_TYPE = RDF.type

# `Fact.predicate` names and the properties they become. `figure` and `figureLabel` describe
# schema:QuantitativeValue nodes (see build.py); `eventStatus` values map to EVENT_STATUSES.
PREDICATES: dict[str, NamedNode] = {
    "affiliation": SDO.affiliation,
    "jobTitle": SDO.jobTitle,
    "performer": SDO.performer,
    "performerOrg": FG.performerOrganization,
    "superEvent": SDO.superEvent,
    "about": SDO.about,
    "name": SDO.name,
    "talkKind": FG.talkKind,
    "url": SDO.url,
    "day": FG.day,
    "location": SDO.location,
    "startDate": SDO.startDate,
    "endDate": SDO.endDate,
    "eventStatus": SDO.eventStatus,
    "organizer": SDO.organizer,
    "country": SDO.addressCountry,
    "maturity": FG.maturity,
    "sponsor": SDO.sponsor,
    "figure": FG.figure,
    "figureLabel": SDO.name,
}

# Planned events use schema.org's own status; schema.org has no "took place" status, so the
# ontology adds fg:EventHeld as another schema:EventStatusType member.
EVENT_STATUSES: dict[str, NamedNode] = {
    "planned": SDO.EventScheduled,
    "scheduled": SDO.EventScheduled,
    "held": FG.EventHeld,
    "cancelled": SDO.EventCancelled,
    "postponed": SDO.EventPostponed,
    "rescheduled": SDO.EventRescheduled,
    "online": SDO.EventMovedOnline,
}

# The classes of each kind of entity: schema.org first, then the ontology's own class.
ENTITY_CLASSES: dict[EntityType, tuple[NamedNode, ...]] = {
    EntityType.PERSON: (SDO.Person,),
    EntityType.ORGANIZATION: (SDO.Organization,),
    EntityType.EVENT: (SDO.Event, FG.EventEdition),
    EntityType.SERIES: (SDO.EventSeries,),
    EntityType.TALK: (SDO.Event, FG.Talk),
    EntityType.PROJECT: (SDO.SoftwareApplication, FG.Project),
    EntityType.TOPIC: (SDO.DefinedTerm, FG.Topic),
    EntityType.PLACE: (SDO.Place,),
}

_ENTITY_ID = re.compile(r"^[a-z]+/[^\s/][^\s]*$")
_IRI_PATH_SAFE = "/-._~!$&'()*+,;=:@"


def entity_iri(entity_id: str, base_iri: str) -> NamedNode:
    """The IRI of a resolved entity, e.g. `person/dan-kohn` -> `{base}id/person/dan-kohn`."""
    if not _ENTITY_ID.match(entity_id) or "/../" in f"/{entity_id}/":
        raise InputError(
            f"Entity id {entity_id!r} is not of the form 'type/slug'.",
            hint="Entity ids come from resolution, e.g. 'person/dan-kohn'.",
        )
    return NamedNode(f"{base_iri}id/{quote(entity_id, safe=_IRI_PATH_SAFE)}")


def entity_id_of(iri: str, base_iri: str) -> str | None:
    """The entity id of an entity IRI, or None when `iri` is not one."""
    prefix = f"{base_iri}id/"
    if not iri.startswith(prefix) or "#" in iri:
        return None
    return unquote(iri[len(prefix) :])


def entity_type_of(entity_id: str) -> EntityType | None:
    """The type named by an entity id's first segment (`person/x` -> PERSON), if it is one."""
    head = entity_id.split("/", 1)[0]
    try:
        return EntityType(head)
    except ValueError:
        return None


def document_iri(doc_id: str, base_iri: str) -> NamedNode:
    """The IRI of an article, which is also the name of the document's graph."""
    if not doc_id or doc_id.strip() != doc_id:
        raise InputError(
            f"Document id {doc_id!r} is empty or has surrounding spaces.",
            hint="A document id is the article's file stem.",
        )
    return NamedNode(f"{base_iri}doc/{quote(doc_id, safe='')}")


def doc_id_of(iri: str, base_iri: str) -> str | None:
    """The document id of an article or graph IRI, or None when `iri` is not one."""
    prefix = f"{base_iri}doc/"
    if not iri.startswith(prefix) or "#" in iri:
        return None
    return unquote(iri[len(prefix) :])


def store_iri(store_id: str, base_iri: str) -> NamedNode:
    """The IRI of a forumgraph store (a writer of document graphs on a shared SPARQL server)."""
    return NamedNode(f"{base_iri}store/{quote(store_id, safe='')}")


def store_id_of(iri: str, base_iri: str) -> str | None:
    """The store id of a store IRI, or None when `iri` is not one."""
    prefix = f"{base_iri}store/"
    return unquote(iri[len(prefix) :]) if iri.startswith(prefix) else None


def admin_graph(base_iri: str) -> NamedNode:
    """The graph, on a shared SPARQL server, that says which store wrote which document graph
    and which store holds the writer lease; it is not a document and not in the union."""
    return NamedNode(f"{base_iri}store-admin")


def writer_lease_iri(base_iri: str) -> NamedNode:
    """The node of the one writer lease on a shared SPARQL server."""
    return NamedNode(f"{base_iri}store-admin#writer-lease")


def passage_iri(doc_id: str, index: int, base_iri: str) -> NamedNode:
    """The IRI of passage `index` of a document: `{article IRI}#p{index}`."""
    return NamedNode(f"{document_iri(doc_id, base_iri).value}#p{index}")


def passage_iri_for_id(passage_id: str, base_iri: str) -> NamedNode:
    """The IRI of a passage given its `Passage.passage_id` (`{doc_id}#p{index}`)."""
    doc_id, sep, index = passage_id.rpartition("#p")
    if not sep or not index.isdigit():
        raise InputError(
            f"Passage id {passage_id!r} is not of the form '<doc id>#p<index>'.",
            hint="Passage ids come from the passage splitter.",
        )
    return passage_iri(doc_id, int(index), base_iri)


def passage_id_of(iri: str, base_iri: str) -> str | None:
    """The `Passage.passage_id` of a passage IRI, or None when `iri` is not one."""
    doc_part, sep, fragment = iri.partition("#")
    doc_id = doc_id_of(doc_part, base_iri)
    if doc_id is None or not sep or not re.fullmatch(r"p\d+", fragment):
        return None
    return f"{doc_id}#{fragment}"


def local_node_iri(doc_id: str, kind: str, *parts: str, base_iri: str) -> NamedNode:
    """A node that belongs to one document (a fact statement, mention or figure).

    The fragment is `{kind}-{hash of parts}`, so the same content gets the same IRI on every run.
    """
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return NamedNode(f"{document_iri(doc_id, base_iri).value}#{kind}-{digest}")


def name_language(text: str, declared: str | None = None) -> str:
    """The language tag of a name: `declared` when it is ko, en or zh (the Chinese titles of
    talk lists), else ko for Hangul, else en."""
    if declared in ("ko", "en", "zh"):
        return declared
    return "ko" if has_hangul(text) else "en"
