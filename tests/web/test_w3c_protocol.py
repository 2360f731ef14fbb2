"""The W3C SPARQL 1.1 Protocol test suite, request by request, against /sparql.

The endpoint is read-only: the suite's update tests must be refused with 4xx and leave the store
unchanged (their follow-up ASK requests are still sent and must succeed). Every other test must
get the status, result format and ASK answer the manifest expects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
from rdflib import Graph, Namespace
from rdflib.collection import Collection

from forumgraph.graph.store import OxigraphStore
from forumgraph.web import create_app

W3C = Path(__file__).resolve().parents[1] / "fixtures" / "w3c"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UPDATE_MEDIA_TYPE = "application/sparql-update"
FORMATS = {
    "boolean": ("application/sparql-results+json", "application/sparql-results+xml"),
    "tabular": (
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ),
    "RDF": ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"),
}
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@dataclass(frozen=True)
class ProtocolRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: frozenset[str]  # "2xx", "4xx", ...
    expected_format: str | None
    expected_boolean: bool | None


@dataclass(frozen=True)
class ProtocolTest:
    name: str
    requests: tuple[ProtocolRequest, ...]


class FixedGraph:
    """Serves one graph store to the SPARQL blueprint (the suite's own data, not the corpus)."""

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store

    def graph(self) -> OxigraphStore:
        return self.store


def _load_tests() -> list[ProtocolTest]:
    graph = Graph().parse(W3C / "manifest.ttl", format="turtle")
    manifest = next(graph.subjects(MF.entries, None))
    entries = Collection(graph, graph.value(manifest, MF.entries))
    tests = []
    for entry in entries:
        name = str(entry).rsplit("#", 1)[1]
        action = graph.value(entry, MF.action)
        requests = [
            _request(graph, node) for node in Collection(graph, graph.value(action, HT.requests))
        ]
        tests.append(ProtocolTest(name, tuple(requests)))
    return tests


def _request(graph: Graph, node: Any) -> ProtocolRequest:
    headers = {}
    header_list = graph.value(node, HT.headers)
    if header_list is not None:
        for header in Collection(graph, header_list):
            headers[str(graph.value(header, HT.fieldName))] = str(
                graph.value(header, HT.fieldValue)
            )
    body = None
    body_node = graph.value(node, HT.body)
    if body_node is not None:
        encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(body_node, CNT.chars)).encode(encoding)
    response = graph.value(node, HT.resp)
    statuses = frozenset(
        str(status).rsplit("#", 1)[1].removeprefix("StatusCode")
        for status in graph.objects(response, MF.expectedStatus)
    )
    expected_format = graph.value(response, MF.expectedFormat)
    expected_boolean = graph.value(response, MF.expectedBoolean)
    return ProtocolRequest(
        method=str(graph.value(node, HT.methodName)),
        path=str(graph.value(node, HT.absolutePath)).replace("/sparql/", "/sparql", 1),
        headers=headers,
        body=body,
        statuses=statuses,
        expected_format=None if expected_format is None else str(expected_format),
        expected_boolean=None if expected_boolean is None else bool(expected_boolean.toPython()),
    )


def _is_update(request: ProtocolRequest) -> bool:
    content_type = request.headers.get("content-type", "")
    body = request.body or b""
    return (
        content_type.startswith(UPDATE_MEDIA_TYPE)
        or "update=" in request.path
        or (content_type.startswith("application/x-www-form-urlencoded") and b"update=" in body)
    )


TESTS = _load_tests()


@pytest.fixture(scope="module")
def w3c_client(base_settings: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """An app whose /sparql serves a store holding the suite's data1..3 as named graphs."""
    path = tmp_path_factory.mktemp("w3c") / "graph"
    raw = pyoxigraph.Store(str(path))
    for number in (1, 2, 3):
        graph_name = pyoxigraph.NamedNode(f"http://kasei.us/2009/09/sparql/data/data{number}.rdf")
        raw.load(
            path=str(W3C / f"data{number}.nt"),
            format=pyoxigraph.RdfFormat.N_TRIPLES,
            to_graph=graph_name,
        )
    raw.flush()
    del raw
    store = OxigraphStore.open(path, read_only=True)
    app = create_app(base_settings, services=FixedGraph(store))  # type: ignore[arg-type]
    yield app.test_client()
    store.close()


def test_manifest_lists_the_whole_suite() -> None:
    assert len(TESTS) == 34
    assert sum(len(t.requests) for t in TESTS) >= 34


@pytest.mark.parametrize("case", TESTS, ids=[t.name for t in TESTS])
def test_w3c_protocol(case: ProtocolTest, w3c_client: Any) -> None:
    before = _quad_count(w3c_client)
    for request in case.requests:
        response = w3c_client.open(
            request.path, method=request.method, headers=request.headers, data=request.body
        )
        status_class = f"{response.status_code // 100}xx"
        if _is_update(request):
            assert status_class == "4xx", (case.name, response.status_code, response.data[:300])
            error = response.get_json()
            assert error["error"]["code"] in ("query_refused", "bad_input", "method_not_allowed")
            continue
        if case.name.startswith("update_"):
            # The follow-up check of an update test: the query runs, the update had no effect.
            assert status_class == "2xx", (case.name, response.data[:300])
            continue
        assert status_class in request.statuses, (case.name, response.status_code, response.data)
        if status_class == "4xx":
            assert response.get_json()["error"]["message"]
        if request.expected_format is not None:
            media_type = response.mimetype
            assert media_type in FORMATS[request.expected_format], (case.name, media_type)
        if request.expected_boolean is not None:
            assert _boolean(response) is request.expected_boolean, case.name
    assert _quad_count(w3c_client) == before


def _boolean(response: Any) -> bool:
    if response.mimetype == "application/sparql-results+json":
        return bool(json.loads(response.data)["boolean"])
    parsed = pyoxigraph.parse_query_results(response.data, pyoxigraph.QueryResultsFormat.XML)
    return bool(parsed)


def _quad_count(client: Any) -> int:
    response = client.get(
        "/sparql", query_string={"query": COUNT_QUADS}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    return int(response.get_json()["results"]["bindings"][0]["n"]["value"])
