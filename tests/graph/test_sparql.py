"""run_query and serialize against a real store with worker processes."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.query import Result

from forumgraph.errors import QueryError, QueryRefused, StoreError
from forumgraph.graph.sparql import run_query, serialize
from forumgraph.graph.store import OxigraphStore
from forumgraph.graph.terms import document_iri

BASE = "https://forumgraph.org/"
SEOUL = document_iri("kubernetes-forum-seoul-2019.ko", BASE).value
SCHEDULE = document_iri("kccncna19_talks", BASE).value
PREFIXES = "PREFIX schema: <https://schema.org/>\nPREFIX fg: <https://forumgraph.org/ontology#>\n"
SPEAKERS = (
    PREFIXES
    + """SELECT ?talk ?name WHERE { ?talk schema:performer ?p . ?p schema:name ?name
           FILTER(lang(?name) = "en") } ORDER BY ?name ?talk"""
)
LIMITS = {"timeout_s": 10.0, "max_results": 1000}


def _run(store: OxigraphStore, query: str, **kwargs: object) -> object:
    return run_query(store, query, **{**LIMITS, **kwargs})  # type: ignore[arg-type]


def test_select_results_in_every_format_parse_back(query_store: OxigraphStore) -> None:
    result = run_query(query_store, SPEAKERS, **LIMITS)
    assert result.kind == "select"
    names = [row["name"].value for row in result.bindings()]
    assert names == ["Brandon Lum", "Dan Kohn", "Dan Kohn"]
    for media_type, rdflib_format in (
        ("application/sparql-results+json", "json"),
        ("application/sparql-results+xml", "xml"),
        ("text/tab-separated-values", "tsv"),
    ):
        body, content_type = serialize(result, media_type)
        assert content_type.startswith(media_type)
        parsed = Result.parse(io.BytesIO(body), format=rdflib_format)
        assert [str(row[1]) for row in parsed] == names, media_type
    body, content_type = serialize(result, "text/csv")
    assert content_type == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert [row["name"] for row in rows] == names


def test_json_results_follow_the_w3c_format(query_store: OxigraphStore) -> None:
    result = run_query(
        query_store,
        PREFIXES + 'SELECT ?n WHERE { ?p schema:name ?n FILTER(?n = "댄 컨"@ko) }',
        **LIMITS,
    )
    document = json.loads(serialize(result, "application/sparql-results+json")[0])
    assert document["head"]["vars"] == ["n"]
    binding = document["results"]["bindings"][0]["n"]
    assert binding == {"type": "literal", "value": "댄 컨", "xml:lang": "ko"}


def test_ask_in_every_format(query_store: OxigraphStore) -> None:
    result = run_query(query_store, PREFIXES + "ASK { ?t a fg:Keynote }", **LIMITS)
    assert result.kind == "ask" and result.boolean is True
    for media_type, rdflib_format in (
        ("application/sparql-results+json", "json"),
        ("application/sparql-results+xml", "xml"),
    ):
        body, _ = serialize(result, media_type)
        assert Result.parse(io.BytesIO(body), format=rdflib_format).askAnswer is True


@pytest.mark.parametrize(
    ("media_type", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct_in_every_format_parses_back(
    query_store: OxigraphStore, media_type: str, rdflib_format: str
) -> None:
    query = (
        PREFIXES + "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"
    )
    result = run_query(query_store, query, **LIMITS)
    assert result.kind == "construct"
    expected = Graph().parse(data=result.payload, format="nt")
    assert len(expected) == 4  # Dan (ko, en), Liz, Brandon: shared triples counted once
    body, content_type = serialize(result, media_type)
    assert content_type.split(";")[0] == media_type
    assert isomorphic(Graph().parse(data=body, format=rdflib_format), expected)


@pytest.mark.parametrize(
    ("media_type", "rdflib_format"),
    [("application/n-quads", "nquads"), ("application/trig", "trig")],
)
def test_construct_as_a_dataset_format(
    query_store: OxigraphStore, media_type: str, rdflib_format: str
) -> None:
    result = run_query(query_store, PREFIXES + "CONSTRUCT WHERE { ?p a schema:Person }", **LIMITS)
    body, _ = serialize(result, media_type)
    dataset = Dataset().parse(data=body, format=rdflib_format)
    assert len(dataset) == len(result.triples()) == 3


def test_describe_returns_the_resource(query_store: OxigraphStore) -> None:
    result = run_query(query_store, f"DESCRIBE <{BASE}id/person/dan-kohn>", **LIMITS)
    assert result.kind == "describe"
    predicates = {t.predicate.value for t in result.triples()}
    assert "https://schema.org/affiliation" in predicates
    body, _ = serialize(result, "text/turtle")
    assert b"schema:affiliation" in body


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "DROP ALL",
        "CLEAR GRAPH <https://forumgraph.org/doc/kccncna19_talks>",
        "LOAD <http://127.0.0.1:9/data.ttl>",
        "CREATE GRAPH <http://g>",
        "WITH <http://g> DELETE { ?a <http://n> ?n } INSERT { ?a <http://n> 1 } WHERE { ?a ?p ?n }",
    ],
)
def test_updates_are_refused_and_change_nothing(query_store: OxigraphStore, update: str) -> None:
    before = query_store.quads_count()
    with pytest.raises(QueryRefused, match="SPARQL Update") as info:
        run_query(query_store, update, **LIMITS)
    assert info.value.status == 403
    assert query_store.quads_count() == before


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT ?endpoint { ?s ?q ?r } } }",
        "ASK { FILTER EXISTS { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } } }",
    ],
)
def test_service_is_refused(query_store: OxigraphStore, query: str) -> None:
    with pytest.raises(QueryRefused, match="SERVICE"):
        run_query(query_store, query, **LIMITS)


def test_syntax_error_names_the_position(query_store: OxigraphStore) -> None:
    query = "SELECT ?s\nWHERE {\n  ?s ?p ?o\n  FILTER(?o = )\n}"
    with pytest.raises(QueryError, match="line 4") as info:
        run_query(query_store, query, **LIMITS)
    assert info.value.status == 400
    assert not isinstance(info.value, QueryRefused)


def test_undeclared_prefix_is_a_query_error(query_store: OxigraphStore) -> None:
    with pytest.raises(QueryError, match="line 1"):
        run_query(query_store, "SELECT * WHERE { ?s nope:name ?o }", **LIMITS)


@pytest.mark.parametrize("query", ["", "   \n", "# only a comment"])
def test_empty_query_is_a_query_error(query_store: OxigraphStore, query: str) -> None:
    with pytest.raises(QueryError):
        run_query(query_store, query, **LIMITS)


def test_default_graph_is_the_union_of_documents(query_store: OxigraphStore) -> None:
    result = run_query(
        query_store,
        PREFIXES + "SELECT DISTINCT ?id WHERE { ?a schema:identifier ?id } ORDER BY ?id",
        **LIMITS,
    )
    assert [row["id"].value for row in result.bindings()] == [
        "kccncna19_talks",
        "kubernetes-forum-seoul-2019.ko",
    ]


def test_graph_reaches_a_single_document(query_store: OxigraphStore) -> None:
    pattern = f"GRAPH <{SCHEDULE}> {{ ?p a schema:Person ; schema:name ?n }}"
    query = PREFIXES + f"SELECT ?n WHERE {{ {pattern} }} ORDER BY ?n"
    result = run_query(query_store, query, **LIMITS)
    assert [row["n"].value for row in result.bindings()] == ["Brandon Lum", "Dan Kohn"]
    graphs = run_query(
        query_store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", **LIMITS
    )
    assert [row["g"].value for row in graphs.bindings()] == [SCHEDULE, SEOUL]


def test_default_graph_uri_restricts_the_dataset(query_store: OxigraphStore) -> None:
    query = PREFIXES + "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n"
    result = run_query(query_store, query, default_graph_uris=[SEOUL], **LIMITS)
    assert [row["n"].value for row in result.bindings()] == ["Dan Kohn", "댄 컨", "리즈 라이스"]


def test_named_graph_uri_limits_graph_patterns(query_store: OxigraphStore) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    result = run_query(query_store, query, named_graph_uris=[SEOUL], **LIMITS)
    assert [row["g"].value for row in result.bindings()] == [SEOUL]
    # With only named graphs given, the default graph is empty (SPARQL 1.1 Protocol).
    empty = run_query(query_store, "ASK { ?s ?p ?o }", named_graph_uris=[SEOUL], **LIMITS)
    assert empty.boolean is False


def test_protocol_graphs_override_from_clauses(query_store: OxigraphStore) -> None:
    dataset = f"FROM <{SEOUL}>"
    query = PREFIXES + "SELECT ?id " + dataset + " WHERE { ?a schema:identifier ?id }"
    from_query = run_query(query_store, query, **LIMITS)
    assert [row["id"].value for row in from_query.bindings()] == ["kubernetes-forum-seoul-2019.ko"]
    overridden = run_query(query_store, query, default_graph_uris=[SCHEDULE], **LIMITS)
    assert [row["id"].value for row in overridden.bindings()] == ["kccncna19_talks"]


def test_invalid_graph_uri_parameter_is_a_query_error(query_store: OxigraphStore) -> None:
    with pytest.raises(QueryError, match="default-graph-uri"):
        run_query(query_store, "ASK {}", default_graph_uris=["not an iri"], **LIMITS)


def test_rows_past_max_results_are_dropped_and_flagged(query_store: OxigraphStore) -> None:
    result = run_query(query_store, "SELECT * WHERE { ?s ?p ?o }", timeout_s=10, max_results=5)
    assert result.truncated is True
    assert len(result) == 5
    small = run_query(query_store, SPEAKERS, timeout_s=10, max_results=5)
    assert small.truncated is False


def test_writable_store_queries_see_every_write(seoul_doc, schedule_doc) -> None:  # type: ignore[no-untyped-def]
    from forumgraph.graph.build import document_quads

    store = OxigraphStore.in_memory(query_workers=1)
    try:
        store.replace_document(seoul_doc.article.doc_id, document_quads(seoul_doc, BASE))
        count = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        assert run_query(store, count, **LIMITS).bindings()[0]["n"].value == "1"
        store.replace_document(schedule_doc.article.doc_id, document_quads(schedule_doc, BASE))
        assert run_query(store, count, **LIMITS).bindings()[0]["n"].value == "2"
        store.remove_document(seoul_doc.article.doc_id)
        assert run_query(store, count, **LIMITS).bindings()[0]["n"].value == "1"
    finally:
        store.close()
    with pytest.raises(StoreError, match="closed"):
        run_query(store, "ASK {}", **LIMITS)


def test_serialize_refuses_a_format_of_the_other_kind(query_store: OxigraphStore) -> None:
    result = run_query(query_store, "ASK {}", **LIMITS)
    with pytest.raises(QueryError, match="cannot be written as text/turtle"):
        serialize(result, "text/turtle")
    assert isinstance(
        pyoxigraph.parse_query_results(
            serialize(result, "application/json")[0], pyoxigraph.QueryResultsFormat.JSON
        ),
        pyoxigraph.QueryBoolean,
    )


def test_relative_iris_resolve_against_the_store_base(query_store: OxigraphStore) -> None:
    names = run_query(
        query_store,
        "SELECT ?n WHERE { <id/person/liz-rice> <https://schema.org/name> ?n }",
        **LIMITS,
    )
    assert [row["n"].value for row in names.bindings()] == ["리즈 라이스"]
    built = run_query(
        query_store,
        "CONSTRUCT { <s> <p> 1 } WHERE {}",
        base_iri="http://www.example/sparql/",
        **LIMITS,
    )
    assert [t.subject.value for t in built.triples()] == ["http://www.example/sparql/s"]


def test_triples_past_max_results_are_dropped_and_flagged(query_store: OxigraphStore) -> None:
    result = run_query(query_store, "CONSTRUCT WHERE { ?s ?p ?o }", timeout_s=10, max_results=7)
    assert result.truncated is True
    assert len(result.triples()) == 7


def test_select_without_variables_round_trips(query_store: OxigraphStore) -> None:
    result = run_query(query_store, "SELECT * WHERE { }", **LIMITS)
    assert result.variables == []
    assert len(result) == 1
    body, _ = serialize(result, "application/sparql-results+json")
    assert json.loads(body) == {"head": {"vars": []}, "results": {"bindings": [{}]}}
