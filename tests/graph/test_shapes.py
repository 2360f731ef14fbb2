"""The ontology is well formed and the built graphs pass the SHACL shapes (pyshacl)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from forumgraph.graph.build import document_quads
from forumgraph.graph.terms import FG_IRI, PREDICATES
from forumgraph.models import Fact, ResolvedDocument

BASE = "https://forumgraph.org/"
ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "forumgraph.ttl")


def _graph(doc: ResolvedDocument) -> Graph:
    """The document's named graph as an rdflib graph."""
    data = pyoxigraph.serialize(
        [q.triple for q in document_quads(doc, BASE)], format=pyoxigraph.RdfFormat.N_TRIPLES
    )
    return Graph().parse(data=data, format="nt")


def _conforms(doc: ResolvedDocument, shapes: Graph, ontology: Graph) -> tuple[bool, str]:
    conforms, _, text = validate(
        _graph(doc), shacl_graph=shapes, ont_graph=ontology, inference="none"
    )
    return bool(conforms), str(text)


def test_seoul_graph_conforms(seoul_doc: ResolvedDocument, shapes: Graph, ontology: Graph) -> None:
    conforms, report = _conforms(seoul_doc, shapes, ontology)
    assert conforms, report


def test_schedule_graph_conforms(
    schedule_doc: ResolvedDocument, shapes: Graph, ontology: Graph
) -> None:
    conforms, report = _conforms(schedule_doc, shapes, ontology)
    assert conforms, report


def test_talk_without_event_violates_the_shapes(
    seoul_doc: ResolvedDocument, shapes: Graph, ontology: Graph
) -> None:
    facts = tuple(
        f
        for f in seoul_doc.extraction.facts
        if not (f.subject == "talk:liz" and f.predicate == "superEvent")
    )
    doc = dataclasses.replace(
        seoul_doc, extraction=dataclasses.replace(seoul_doc.extraction, facts=facts)
    )
    conforms, report = _conforms(doc, shapes, ontology)
    assert not conforms
    assert "superEvent" in report


def test_person_without_name_violates_the_shapes(
    seoul_doc: ResolvedDocument, shapes: Graph, ontology: Graph
) -> None:
    records = tuple(
        dataclasses.replace(r, names=()) if r.key == "person:liz" else r
        for r in seoul_doc.extraction.entities
    )
    doc = dataclasses.replace(
        seoul_doc, extraction=dataclasses.replace(seoul_doc.extraction, entities=records)
    )
    conforms, report = _conforms(doc, shapes, ontology)
    assert not conforms
    assert "liz-rice" in report


def test_bad_maturity_violates_the_shapes(
    seoul_doc: ResolvedDocument, shapes: Graph, ontology: Graph
) -> None:
    records = (*seoul_doc.extraction.entities,)
    facts = (*seoul_doc.extraction.facts, Fact("topic:security", "maturity", "mature", "string"))
    doc = dataclasses.replace(
        seoul_doc,
        extraction=dataclasses.replace(seoul_doc.extraction, entities=records, facts=facts),
    )
    graph = _graph(doc)
    graph.add((URIRef(f"{BASE}id/topic/security"), RDF.type, URIRef(f"{FG_IRI}Project")))
    conforms, _, report = validate(graph, shacl_graph=shapes, inference="none")
    assert not conforms
    assert "maturity" in str(report)


def test_every_ontology_term_is_labelled_in_english_and_korean(ontology: Graph) -> None:
    terms = [
        s
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
        for s in ontology.subjects(RDF.type, kind)
    ]
    assert len(terms) >= 15
    for term in terms:
        labels = {
            label.language
            for label in ontology.objects(term, RDFS.label)
            if isinstance(label, Literal)
        }
        comments = list(ontology.objects(term, RDFS.comment))
        assert {"en", "ko"} <= labels, term
        assert comments, term


def test_ontology_declares_every_fg_term_the_builder_uses(ontology: Graph) -> None:
    used = {p.value for p in PREDICATES.values() if p.value.startswith(FG_IRI)}
    used |= {f"{FG_IRI}{name}" for name in ("Talk", "Keynote", "EventEdition", "Topic", "Project",
                                            "Passage", "Mention", "Statement", "EventHeld",
                                            "mentionOf", "index", "startOffset", "endOffset",
                                            "contentHash")}  # fmt: skip
    declared = {str(s) for s in ontology.subjects(RDF.type, None) if str(s).startswith(FG_IRI)}
    assert used <= declared, used - declared


def test_ontology_asserts_schema_org_superclasses(ontology: Graph) -> None:
    schema_event = URIRef("https://schema.org/Event")
    assert (URIRef(f"{FG_IRI}Talk"), RDFS.subClassOf, schema_event) in ontology
    assert (URIRef(f"{FG_IRI}EventEdition"), RDFS.subClassOf, schema_event) in ontology
