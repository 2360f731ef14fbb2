"""The real waitress server on 127.0.0.1: SPARQLWrapper as a SPARQL client, requests for the API."""

from __future__ import annotations

import csv
import io
import xml.dom.minidom
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError

import pytest
import requests
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    QueryBadFormed,
    SPARQLWrapperException,
)

PEOPLE = """PREFIX schema: <https://schema.org/>
SELECT ?person ?name WHERE { ?person a schema:Person ; schema:name ?name }
ORDER BY ?name LIMIT 7"""
TALKS = """PREFIX schema: <https://schema.org/>
PREFIX fg: <https://forumgraph.org/ontology#>
CONSTRUCT { ?talk schema:performer ?speaker ; schema:name ?title }
WHERE { ?talk a fg:Talk ; schema:performer ?speaker ; schema:name ?title } LIMIT 30"""


def _wrapper(live_server: str, query: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(f"{live_server}/sparql")
    sparql.setQuery(query)
    return sparql


def test_sparqlwrapper_select_as_json(live_server: str) -> None:
    sparql = _wrapper(live_server, PEOPLE)
    sparql.setReturnFormat(JSON)
    result = sparql.query().convert()
    assert result["head"]["vars"] == ["person", "name"]
    assert len(result["results"]["bindings"]) == 7


def test_sparqlwrapper_select_as_xml(live_server: str) -> None:
    sparql = _wrapper(live_server, PEOPLE)
    sparql.setReturnFormat(XML)
    document = sparql.query().convert()
    assert isinstance(document, xml.dom.minidom.Document)
    assert len(document.getElementsByTagName("result")) == 7


@pytest.mark.parametrize(("fmt", "delimiter"), [(CSV, ","), (TSV, "\t")])
def test_sparqlwrapper_select_as_csv_and_tsv(live_server: str, fmt: str, delimiter: str) -> None:
    sparql = _wrapper(live_server, PEOPLE)
    sparql.setReturnFormat(fmt)
    text = sparql.query().convert().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    assert len(rows) == 8
    assert rows[0][0].lstrip("?") == "person"


def test_sparqlwrapper_select_by_post(live_server: str) -> None:
    sparql = _wrapper(live_server, PEOPLE)
    sparql.setMethod("POST")
    sparql.setReturnFormat(JSON)
    assert len(sparql.query().convert()["results"]["bindings"]) == 7


def test_sparqlwrapper_construct_gives_a_graph(live_server: str) -> None:
    sparql = _wrapper(live_server, TALKS)
    graph = sparql.queryAndConvert()
    assert isinstance(graph, Graph)
    performer = URIRef("https://schema.org/performer")
    name = URIRef("https://schema.org/name")
    talks = set(graph.subjects(performer, None))
    assert 1 <= len(talks) <= 30
    assert all(graph.value(talk, name) is not None for talk in talks)


def test_sparqlwrapper_update_is_refused(live_server: str) -> None:
    sparql = SPARQLWrapper(f"{live_server}/sparql")
    sparql.setMethod("POST")
    sparql.setQuery("INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }")
    # SPARQLWrapper wraps 400/401/404/414/500 in its own exceptions and passes a 403 through.
    with pytest.raises((SPARQLWrapperException, HTTPError)) as caught:
        sparql.query()
    assert not isinstance(caught.value, EndPointInternalError)
    if isinstance(caught.value, HTTPError):
        assert caught.value.code == 403
    check = _wrapper(live_server, "ASK { <urn:x:a> ?p ?o }")
    check.setReturnFormat(JSON)
    assert check.query().convert()["boolean"] is False


def test_sparqlwrapper_reports_a_syntax_error(live_server: str) -> None:
    sparql = _wrapper(live_server, "SELECT ?s WHERE { ?s }")
    sparql.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed):
        sparql.query()


def test_requests_search_and_ask(live_server: str) -> None:
    response = requests.get(f"{live_server}/api/search", params={"q": "Liz Rice"}, timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json()["results"]
    response = requests.post(
        f"{live_server}/api/ask", json={"question": "Liz Rice works for which company?"}, timeout=30
    )
    body = response.json()
    assert any(a["field"] == "affiliation" for a in body["answers"])


def test_requests_entities_and_health(live_server: str) -> None:
    found = requests.get(f"{live_server}/api/entities", params={"q": "셰릴 헝"}, timeout=30).json()
    assert found["results"]
    entity_id = found["results"][0]["id"]
    node = requests.get(f"{live_server}/api/entities/{entity_id}", timeout=30)
    assert node.headers["Content-Type"].startswith("application/ld+json")
    health = requests.get(f"{live_server}/healthz", timeout=30).json()
    assert health["status"] == "ok"


def test_requests_bad_input_is_400_json(live_server: str) -> None:
    response = requests.get(f"{live_server}/api/search", params={"q": ""}, timeout=30)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_input"


def test_oversized_request_is_refused_by_the_server(live_server: str) -> None:
    body = b"x" * 2_100_000
    response = requests.post(
        f"{live_server}/api/ask",
        data=body,
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 413


def test_concurrent_requests_are_all_answered(live_server: str) -> None:
    def fetch(index: int) -> int:
        if index % 3 == 0:
            params = {"query": PEOPLE}
            url = f"{live_server}/sparql"
            headers = {"Accept": "application/sparql-results+json"}
        else:
            params = {"q": ["helm", "리즈 라이스", "KubeCon San Diego"][index % 3]}
            url = f"{live_server}/api/search"
            headers = {}
        return requests.get(url, params=params, headers=headers, timeout=60).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(fetch, range(24)))
    assert statuses == [200] * 24
