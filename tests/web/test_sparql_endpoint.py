"""/sparql over the bundled corpus: protocol forms, negotiation, refusals, limits, CORS, page."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pyoxigraph
import pytest
from flask.testing import FlaskClient

from forumgraph.web.sparql_examples import sparql_examples

PEOPLE = """PREFIX schema: <https://schema.org/>
SELECT ?person ?name WHERE { ?person a schema:Person ; schema:name ?name } ORDER BY ?name LIMIT 5"""
CONSTRUCT = """PREFIX schema: <https://schema.org/>
CONSTRUCT { ?person schema:name ?name } WHERE { ?person a schema:Person ; schema:name ?name }
LIMIT 10"""
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_get_post_form_and_post_direct_give_the_same_rows(client: FlaskClient) -> None:
    accept = {"Accept": "application/sparql-results+json"}
    by_get = client.get("/sparql", query_string={"query": PEOPLE}, headers=accept)
    by_form = client.post("/sparql", data={"query": PEOPLE}, headers=accept)
    by_direct = client.post(
        "/sparql", data=PEOPLE.encode(), content_type="application/sparql-query", headers=accept
    )
    rows = [r.get_json()["results"]["bindings"] for r in (by_get, by_form, by_direct)]
    assert rows[0] and rows[0] == rows[1] == rows[2]
    assert by_get.headers["Access-Control-Allow-Origin"] == "*"
    assert "Accept" in by_get.headers["Vary"]


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("*/*", "application/sparql-results+json"),
        ("", "application/sparql-results+json"),
    ],
)
def test_select_results_follow_the_accept_header(
    client: FlaskClient, accept: str, media_type: str
) -> None:
    response = client.get("/sparql", query_string={"query": PEOPLE}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media_type
    body = response.get_data(as_text=True)
    if media_type == "text/csv":
        rows = list(csv.reader(io.StringIO(body)))
        assert rows[0] == ["person", "name"] and len(rows) == 6
    elif media_type == "text/tab-separated-values":
        lines = body.strip().split("\n")
        assert lines[0] == "?person\t?name" and len(lines) == 6
    else:
        parsed = pyoxigraph.parse_query_results(
            response.data,
            pyoxigraph.QueryResultsFormat.XML
            if media_type.endswith("xml")
            else pyoxigraph.QueryResultsFormat.JSON,
        )
        assert len(list(parsed)) == 5


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [
        ("text/turtle", pyoxigraph.RdfFormat.TURTLE),
        ("application/n-triples", pyoxigraph.RdfFormat.N_TRIPLES),
        ("application/ld+json", pyoxigraph.RdfFormat.JSON_LD),
        ("application/rdf+xml", pyoxigraph.RdfFormat.RDF_XML),
    ],
)
def test_construct_results_follow_the_accept_header(
    client: FlaskClient, accept: str, rdf_format: Any
) -> None:
    response = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == accept
    triples = list(pyoxigraph.parse(response.data, format=rdf_format))
    assert len(triples) == 10


def test_format_parameter_overrides_accept(client: FlaskClient) -> None:
    response = client.get(
        "/sparql", query_string={"query": PEOPLE, "format": "csv"}, headers={"Accept": "text/html"}
    )
    assert response.mimetype == "text/csv"


def test_ask_query(client: FlaskClient) -> None:
    query = "PREFIX schema: <https://schema.org/> ASK { ?p a schema:Person }"
    response = client.get("/sparql", query_string={"query": query})
    assert response.get_json() == {"head": {}, "boolean": True}


def test_graph_reaches_one_document_and_default_is_the_union(client: FlaskClient) -> None:
    doc = "https://forumgraph.org/doc/en_helm3_released"
    in_graph = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{doc}> {{ ?s ?p ?o }} }}"
    union = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    one = _count(client, in_graph)
    everything = _count(client, union)
    assert 0 < one < everything
    only_that = _count(client, union, {"default-graph-uri": doc})
    assert only_that == one


def test_named_graph_uri_limits_graph_patterns(client: FlaskClient) -> None:
    doc = "https://forumgraph.org/doc/en_helm3_released"
    query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert _count(client, query) > 1
    assert _count(client, query, {"named-graph-uri": doc}) == 1


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "GET", "query_string": {"update": "CLEAR ALL"}},
        {"method": "POST", "data": {"update": "DROP ALL"}},
        {
            "method": "POST",
            "data": b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
            "content_type": "application/sparql-update",
        },
        {"method": "GET", "query_string": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"method": "GET", "query_string": {"query": "LOAD <http://example.org/data.ttl>"}},
        {
            "method": "GET",
            "query_string": {
                "query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
            },
        },
    ],
)
def test_updates_load_and_service_are_refused(
    client: FlaskClient, request_kwargs: dict[str, Any], error_of: Any
) -> None:
    before = _count(client, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    response = client.open("/sparql", **request_kwargs)
    assert response.status_code in (400, 403)
    error = error_of(response)
    assert error["code"] in ("query_refused", "bad_query")
    assert _count(client, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == before


def test_syntax_error_is_a_400_naming_the_position(client: FlaskClient, error_of: Any) -> None:
    response = client.get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s ?p }"})
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "bad_query"
    assert "line" in error["message"] or "column" in error["message"]


@pytest.mark.parametrize(
    ("request_kwargs", "status"),
    [
        ({"method": "GET", "query_string": {}, "headers": {"Accept": "application/json"}}, 400),
        ({"method": "GET", "query_string": "query=ASK%7B%7D&query=ASK%7B%7D"}, 400),
        ({"method": "POST", "data": b"ASK {}", "content_type": "text/plain"}, 400),
        (
            {
                "method": "POST",
                "data": "ASK {}".encode("utf-16"),
                "content_type": "application/sparql-query; charset=UTF-16",
            },
            400,
        ),
        (
            {"method": "POST", "data": b"ASK {\xff}", "content_type": "application/sparql-query"},
            400,
        ),
        ({"method": "PUT", "data": b"ASK {}"}, 405),
        ({"method": "GET", "query_string": {"query": "   "}}, 400),
        (
            {
                "method": "GET",
                "query_string": {"query": "ASK {}", "default-graph-uri": "not an iri"},
            },
            400,
        ),
    ],
)
def test_bad_protocol_requests_are_4xx_with_json(
    client: FlaskClient, request_kwargs: dict[str, Any], status: int, error_of: Any
) -> None:
    response = client.open("/sparql", **request_kwargs)
    assert response.status_code == status, response.data
    error_of(response)


def test_request_size_is_capped(client: FlaskClient, web_settings: Any, error_of: Any) -> None:
    padding = "#" * web_settings.max_request_bytes
    response = client.post(
        "/sparql", data=f"ASK {{}} {padding}".encode(), content_type="application/sparql-query"
    )
    assert response.status_code == 413
    assert error_of(response)["code"] == "too_large"


def test_cors_allows_reading_get_answers_only(client: FlaskClient) -> None:
    response = client.options(
        "/sparql",
        headers={
            "Origin": "https://yasgui.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "accept",
        },
    )
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Access-Control-Allow-Methods"] == "GET"
    assert "Accept" in response.headers["Access-Control-Allow-Headers"]
    origin = {"Origin": "https://elsewhere.example", "Accept": "application/json"}
    by_get = client.get("/sparql", query_string={"query": PEOPLE}, headers=origin)
    by_form = client.post("/sparql", data={"query": PEOPLE}, headers=origin)
    by_direct = client.post(
        "/sparql", data=PEOPLE.encode(), content_type="application/sparql-query", headers=origin
    )
    assert by_get.status_code == by_form.status_code == by_direct.status_code == 200
    assert by_get.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in by_form.headers
    assert "Access-Control-Allow-Origin" not in by_direct.headers


def test_heavy_query_times_out_with_a_clear_503_while_others_are_served(
    client: FlaskClient, web_settings: Any, error_of: Any
) -> None:
    response = client.get("/sparql", query_string={"query": CROSS_PRODUCT})
    assert response.status_code == 503
    error = error_of(response)
    assert error["code"] == "timeout"
    assert f"{web_settings.sparql_timeout_s:g} s" in error["message"]
    assert client.get("/api/search", query_string={"q": "helm"}).status_code == 200
    assert _count(client, "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?t }") > 0


def test_bare_get_from_a_browser_is_the_query_page(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<textarea id="sparql-query" name="query"' in html
    assert "codemirror.min.js" in html
    assert 'label for="sparql-query"' in html


def test_query_page_loads_an_example_without_javascript(client: FlaskClient) -> None:
    response = client.get("/sparql?example=1", headers={"Accept": "text/html"})
    assert "fg:Keynote" in response.get_data(as_text=True)


@pytest.mark.parametrize("index", range(len(sparql_examples("https://forumgraph.org/"))))
def test_every_example_query_returns_results(
    client: FlaskClient, web_settings: Any, index: int
) -> None:
    example = sparql_examples(web_settings.base_iri)[index]
    response = client.post(
        "/sparql", data={"query": example.query}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200, response.data
    body = response.get_json()
    if isinstance(body, dict) and "results" in body:
        assert body["results"]["bindings"], example.title["en"]
    else:  # a CONSTRUCT answered as JSON-LD
        assert body, example.title["en"]


def _count(client: FlaskClient, query: str, params: dict[str, str] | None = None) -> int:
    response = client.get(
        "/sparql",
        query_string={"query": query, **(params or {})},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200, response.data
    return int(json.loads(response.data)["results"]["bindings"][0]["n"]["value"])
