"""document_quads on hand-built resolved documents."""

from __future__ import annotations

import dataclasses

import pyoxigraph
import pytest
from pyoxigraph import BlankNode, Literal, NamedNode

from forumgraph.errors import InputError
from forumgraph.graph.build import document_quads
from forumgraph.graph.terms import FG, PROV, RDF, SDO, XSD, document_iri, entity_iri
from forumgraph.models import Fact, ResolvedDocument

BASE = "https://forumgraph.org/"
PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX fg: <https://forumgraph.org/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def _rows(store: pyoxigraph.Store, query: str) -> list[dict[str, str]]:
    results = store.query(PREFIXES + query, use_default_graph_as_union=True)
    assert isinstance(results, pyoxigraph.QuerySolutions)
    names = [v.value for v in results.variables]
    return [{n: str(v.value) for n, v in zip(names, row, strict=True) if v} for row in results]


def _with_facts(doc: ResolvedDocument, *facts: Fact) -> ResolvedDocument:
    extraction = dataclasses.replace(doc.extraction, facts=facts)
    return dataclasses.replace(doc, extraction=extraction, entity_ids=doc.entity_ids)


def test_every_quad_is_in_the_article_graph(seoul_doc: ResolvedDocument) -> None:
    graph = document_iri(seoul_doc.article.doc_id, BASE)
    quads = document_quads(seoul_doc, BASE)
    assert quads
    assert {q.graph_name for q in quads} == {graph}


def test_output_is_deterministic_and_has_no_blank_nodes(seoul_doc: ResolvedDocument) -> None:
    first = document_quads(seoul_doc, BASE)
    again = document_quads(dataclasses.replace(seoul_doc), BASE)
    assert [str(q) for q in first] == [str(q) for q in again]
    assert not any(isinstance(term, BlankNode) for q in first for term in (q.subject, q.object))


def test_names_in_both_scripts_sit_on_one_node(seoul_doc: ResolvedDocument) -> None:
    quads = document_quads(seoul_doc, BASE)
    dan = entity_iri("person/dan-kohn", BASE)
    names = {q.object for q in quads if q.subject == dan and q.predicate == SDO.name}
    assert names == {Literal("댄 컨", language="ko"), Literal("Dan Kohn", language="en")}
    types = {q.object for q in quads if q.subject == dan and q.predicate == RDF.type}
    assert types == {SDO.Person}


def test_variants_become_alternate_names(schedule_doc: ResolvedDocument) -> None:
    quads = document_quads(schedule_doc, BASE)
    brandon = entity_iri("person/brandon-lum", BASE)
    alternates = {
        q.object for q in quads if q.subject == brandon and q.predicate == SDO.alternateName
    }
    assert alternates == {Literal("Brandom Lum", language="en")}


def test_each_fact_is_traced_to_its_passage(quad_store: pyoxigraph.Store) -> None:
    rows = _rows(
        quad_store,
        """SELECT ?text ?index WHERE {
             ?st a fg:Statement ; rdf:subject ?p ; rdf:predicate schema:affiliation ;
                 rdf:object ?org ; prov:wasDerivedFrom ?passage .
             ?p schema:name "리즈 라이스"@ko . ?org schema:name "Aqua Security"@en .
             ?passage schema:text ?text ; fg:index ?index }""",
    )
    assert len(rows) == 1
    assert "아쿠아 시큐리티(Aqua Security)의 리즈 라이스" in rows[0]["text"]
    assert rows[0]["index"] == "1"


def test_fact_without_passage_is_derived_from_the_article(seoul_doc: ResolvedDocument) -> None:
    quads = document_quads(seoul_doc, BASE)
    article = document_iri(seoul_doc.article.doc_id, BASE)
    statements = {
        q.subject for q in quads if q.predicate == RDF.predicate and q.object == SDO.endDate
    }
    sources = {
        q.object for q in quads if q.subject in statements and q.predicate == PROV.wasDerivedFrom
    }
    assert sources == {article}


def test_dates_are_typed(quad_store: pyoxigraph.Store) -> None:
    rows = _rows(
        quad_store,
        """SELECT ?event ?start WHERE { ?event a fg:EventEdition ; schema:startDate ?start }
           ORDER BY ?start""",
    )
    assert [r["start"] for r in rows] == ["2019-11", "2019-12-09"]
    quads = list(quad_store)
    starts = {q.object for q in quads if q.predicate == SDO.startDate}
    assert {s.datatype for s in starts if isinstance(s, Literal)} == {XSD.gYearMonth, XSD.date}
    published = {q.object for q in quads if q.predicate == SDO.datePublished}
    assert published == {
        Literal("2020-01", datatype=XSD.gYearMonth),
        Literal("2019-11-18", datatype=XSD.date),
    }


def test_plain_schema_org_queries_work(quad_store: pyoxigraph.Store) -> None:
    rows = _rows(
        quad_store,
        """SELECT ?speaker ?org ?city ?series WHERE {
             ?talk a schema:Event ; schema:performer ?person ; schema:superEvent ?edition .
             ?person schema:name ?speaker ; schema:affiliation/schema:name ?org .
             ?edition schema:location/schema:name ?city ; schema:superEvent/schema:name ?series .
             FILTER(lang(?speaker) = "en" && lang(?city) = "en") }""",
    )
    found = {(r["speaker"], r["org"], r["city"], r["series"]) for r in rows}
    assert ("Dan Kohn", "CNCF", "Seoul", "Kubernetes Forum") in found
    assert ("Dan Kohn", "CNCF", "San Diego", "KubeCon + CloudNativeCon") in found
    assert ("Brandon Lum", "IBM", "San Diego", "KubeCon + CloudNativeCon") in found


def test_keynotes_statuses_and_countries(quad_store: pyoxigraph.Store) -> None:
    keynotes = _rows(quad_store, "SELECT ?t WHERE { ?t a fg:Keynote }")
    assert {r["t"].rsplit("/", 1)[1] for r in keynotes} == {"dan-kohn-keynote", "opening-remarks"}
    status = _rows(quad_store, "SELECT ?s WHERE { ?e schema:eventStatus ?s }")
    assert [r["s"] for r in status] == [FG.EventHeld.value]
    cities = _rows(
        quad_store,
        "SELECT ?c WHERE { ?p a schema:City ; schema:addressCountry ?c } ORDER BY ?c",
    )
    assert [r["c"] for r in cities] == ["KR", "US"]


def test_unnamed_speaker_gives_an_organization_not_a_person(seoul_doc: ResolvedDocument) -> None:
    quads = document_quads(seoul_doc, BASE)
    talk = entity_iri("talk/kubernetes-forum-seoul-2019/samsung-sds", BASE)
    out = {(q.predicate, q.object) for q in quads if q.subject == talk}
    assert (FG.performerOrganization, entity_iri("organization/samsung-sds", BASE)) in out
    assert not any(p == SDO.performer for p, _ in out)


def test_figure_is_a_labelled_quantitative_value(quad_store: pyoxigraph.Store) -> None:
    rows = _rows(
        quad_store,
        """SELECT ?value ?label WHERE { ?e fg:figure ?f . ?f a schema:QuantitativeValue ;
             schema:value ?value ; schema:name ?label }""",
    )
    assert rows == [{"value": "1100", "label": "참석자 수"}]


def test_passages_and_mentions_carry_offsets(seoul_doc: ResolvedDocument) -> None:
    quads = document_quads(seoul_doc, BASE)
    text = seoul_doc.article.text
    mentions = {q.subject for q in quads if q.predicate == RDF.type and q.object == FG.Mention}
    assert len(mentions) == len(seoul_doc.extraction.mentions)
    for mention in mentions:
        values = {q.predicate: q.object for q in quads if q.subject == mention}
        start = int(values[FG.startOffset].value)
        end = int(values[FG.endOffset].value)
        assert text[start:end] == values[SDO.text].value


def test_article_metadata(seoul_doc: ResolvedDocument) -> None:
    quads = document_quads(seoul_doc, BASE)
    article = document_iri(seoul_doc.article.doc_id, BASE)
    meta = {(q.predicate, q.object) for q in quads if q.subject == article}
    assert (SDO.identifier, Literal("kubernetes-forum-seoul-2019.ko")) in meta
    assert (SDO.inLanguage, Literal("ko")) in meta
    assert (SDO.headline, Literal("쿠버네티스 포럼 서울 2019", language="ko")) in meta
    assert (SDO.mentions, entity_iri("person/liz-rice", BASE)) in meta


def test_unknown_predicate_is_refused(seoul_doc: ResolvedDocument) -> None:
    doc = _with_facts(seoul_doc, Fact("person:dan", "spouse", "person:liz"))
    with pytest.raises(InputError, match="unknown predicate 'spouse'"):
        document_quads(doc, BASE)


def test_unresolved_entity_key_is_refused(seoul_doc: ResolvedDocument) -> None:
    doc = _with_facts(seoul_doc, Fact("person:nobody", "affiliation", "org:cncf"))
    with pytest.raises(InputError, match="person:nobody"):
        document_quads(doc, BASE)


def test_fact_on_a_foreign_passage_is_refused(seoul_doc: ResolvedDocument) -> None:
    doc = _with_facts(seoul_doc, Fact("person:dan", "affiliation", "org:cncf", passage_id="x#p0"))
    with pytest.raises(InputError, match="x#p0"):
        document_quads(doc, BASE)


@pytest.mark.parametrize(
    ("fact", "message"),
    [
        (Fact("event:seoul", "startDate", "2019-13-01", "date"), "not a valid date"),
        (Fact("event:seoul", "startDate", "2019-13", "month"), "not a valid month"),
        (Fact("event:seoul", "eventStatus", "maybe", "string"), "unknown event status"),
        (Fact("talk:dan", "url", "not a link", "iri"), "not a valid absolute IRI"),
        (Fact("talk:dan", "day", "two", "integer"), "not a valid integer"),
        (Fact("event:seoul", "figureLabel", "visitors", "string"), "must follow a figure"),
    ],
)
def test_malformed_values_are_refused(
    seoul_doc: ResolvedDocument, fact: Fact, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        document_quads(_with_facts(seoul_doc, fact), BASE)


def test_mismatched_entity_type_is_refused(seoul_doc: ResolvedDocument) -> None:
    ids = {**seoul_doc.entity_ids, "person:dan": "organization/dan-kohn"}
    with pytest.raises(InputError, match="resolved to an id of type organization"):
        document_quads(dataclasses.replace(seoul_doc, entity_ids=ids), BASE)


def test_mixed_language_passage_is_untagged_and_in_both_languages(
    seoul_doc: ResolvedDocument,
) -> None:
    first = dataclasses.replace(seoul_doc.passages[0], lang="mixed")
    doc = dataclasses.replace(seoul_doc, passages=(first, *seoul_doc.passages[1:]))
    quads = document_quads(doc, BASE)
    node = NamedNode(f"{document_iri(doc.article.doc_id, BASE).value}#p0")
    values = {(q.predicate, q.object) for q in quads if q.subject == node}
    assert (SDO.text, Literal(first.text)) in values
    assert {(SDO.inLanguage, Literal("ko")), (SDO.inLanguage, Literal("en"))} <= values
