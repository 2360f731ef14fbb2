"""Content negotiation and query classification (pure functions, no store)."""

from __future__ import annotations

import pytest

from forumgraph.errors import QueryError, QueryRefused
from forumgraph.graph.classify import classify_query
from forumgraph.graph.sparql import content_type, media_type_for, negotiate, supported_media_types


@pytest.mark.parametrize(
    ("accept", "kind", "expected"),
    [
        (None, "select", "application/sparql-results+json"),
        ("", "ask", "application/sparql-results+json"),
        ("*/*", "construct", "text/turtle"),
        ("application/sparql-results+xml", "select", "application/sparql-results+xml"),
        ("text/csv", "select", "text/csv"),
        ("text/tab-separated-values", "select", "text/tab-separated-values"),
        ("application/json", "select", "application/sparql-results+json"),
        ("application/json", "construct", "application/ld+json"),
        ("application/xml", "describe", "application/rdf+xml"),
        ("text/xml", "ask", "application/sparql-results+xml"),
        ("text/plain", "construct", "application/n-triples"),
        ("application/n-quads", "construct", "application/n-quads"),
        (
            "text/csv;q=0.5, application/sparql-results+xml",
            "select",
            "application/sparql-results+xml",
        ),
        ("text/turtle;q=0.9, application/ld+json", "construct", "application/ld+json"),
        ("text/*", "select", "text/csv"),
        (
            "application/sparql-results+json;q=0, */*;q=0.1",
            "select",
            "application/sparql-results+xml",
        ),
        ("image/png", "select", "application/sparql-results+json"),  # nothing fits: the default
        ("text/turtle", "select", "application/sparql-results+json"),
        ("application/sparql-results+json, text/turtle", "construct", "text/turtle"),
        ("garbage;;q=x, , text/csv", "select", "text/csv"),
        # what SPARQLWrapper and browsers send
        (
            "application/sparql-results+json,application/json,text/javascript",
            "select",
            "application/sparql-results+json",
        ),
        (
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "select",
            "application/sparql-results+xml",
        ),
    ],
)
def test_negotiate(accept: str | None, kind: str, expected: str) -> None:
    assert negotiate(accept, kind) == expected


def test_unknown_kind_is_an_error() -> None:
    with pytest.raises(QueryError, match="Unknown query kind"):
        negotiate("*/*", "update")


def test_supported_types_list_the_default_first() -> None:
    assert supported_media_types("select")[0] == "application/sparql-results+json"
    assert supported_media_types("describe")[0] == "text/turtle"


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("json", "select", "application/sparql-results+json"),
        ("json", "construct", "application/ld+json"),
        ("xml", "ask", "application/sparql-results+xml"),
        ("xml", "describe", "application/rdf+xml"),
        ("tsv", "select", "text/tab-separated-values"),
        ("turtle", "construct", "text/turtle"),
    ],
)
def test_cli_format_names(name: str, kind: str, expected: str) -> None:
    assert media_type_for(name, kind) == expected


def test_cli_format_of_the_wrong_kind_names_the_choices() -> None:
    with pytest.raises(QueryError, match="cannot be written as 'turtle'") as info:
        media_type_for("turtle", "select")
    assert "json" in (info.value.hint or "")


def test_content_type_declares_utf8_for_text() -> None:
    assert content_type("text/turtle") == "text/turtle; charset=utf-8"
    assert content_type("application/sparql-results+json") == "application/sparql-results+json"


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "select"),
        ("PREFIX s: <https://schema.org/>\nask { ?x s:name 'a' }", "ask"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "construct"),
        ("DESCRIBE <http://example.org/x>", "describe"),
        (
            "# the word SERVICE in a comment\nSELECT ?service WHERE { ?service ?p 'SERVICE' }",
            "select",
        ),
        ("SELECT * WHERE { ?s <http://example.org/INSERT> ?o }", "select"),
    ],
)
def test_classify_query_forms(query: str, kind: str) -> None:
    assert classify_query(query).kind == kind


@pytest.mark.parametrize(
    ("query", "operation"),
    [
        ("INSERT DATA { <http://a> <http://b> <http://c> }", "INSERT DATA"),
        ("DELETE DATA { <http://a> <http://b> <http://c> }", "DELETE DATA"),
        ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
        ("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
        ("LOAD <http://example.org/x.ttl> INTO GRAPH <http://g>", "LOAD"),
        ("CLEAR ALL", "CLEAR"),
        ("CREATE SILENT GRAPH <http://g>", "CREATE"),
        ("DROP DEFAULT", "DROP"),
        ("COPY <http://a> TO <http://b>", "COPY"),
        ("MOVE DEFAULT TO <http://b>", "MOVE"),
        ("ADD <http://a> TO <http://b>", "ADD"),
        ("INSERT DATA { <http://a> <http://b> 1 } ; DROP ALL", "DROP"),
    ],
)
def test_classify_refuses_updates(query: str, operation: str) -> None:
    with pytest.raises(QueryRefused, match="SPARQL Update") as info:
        classify_query(query)
    assert operation in info.value.message


def test_classify_refuses_service_anywhere() -> None:
    nested = "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://x/> { ?s ?p ?o } } } }"
    with pytest.raises(QueryRefused, match="SERVICE"):
        classify_query(nested)


def test_classify_gives_line_and_column() -> None:
    with pytest.raises(QueryError, match=r"line 2, column \d+ \(near 'WHERRE'\)"):
        classify_query("SELECT *\nWHERRE { ?s ?p ?o }")
