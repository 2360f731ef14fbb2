"""RemoteStore against a real Oxigraph server (`oxigraph serve`), started and stopped here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
import requests

from forumgraph.errors import QueryError, QueryRefused, QueryTimeout, StoreError
from forumgraph.graph.build import document_quads
from forumgraph.graph.remote import RemoteEndpoints, RemoteStore
from forumgraph.graph.sparql import run_query, serialize
from forumgraph.graph.store import OxigraphStore
from forumgraph.graph.terms import SDO
from forumgraph.models import ResolvedDocument
from oxigraph_server import free_port, oxigraph_server

BASE = "https://forumgraph.org/"
SEOUL = "kubernetes-forum-seoul-2019.ko"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# Oxigraph cancels this one promptly at its --timeout-s (over the default graph it checks
# the clock less often, and a client must rely on its own limit, as the first case shows).
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?x { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } }"
SERVER_TIMEOUT_S = 3


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`oxigraph serve` on 127.0.0.1; it stops queries itself, as a deployment should be set up."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph"), SERVER_TIMEOUT_S) as url:
        yield url


@pytest.fixture
def remote(server: str) -> Iterator[RemoteStore]:
    """A RemoteStore on an emptied server."""
    requests.post(
        f"{server}/update",
        data="DROP SILENT ALL",
        headers={"Content-Type": "application/sparql-update"},
        timeout=10,
    ).raise_for_status()
    endpoints = RemoteEndpoints(f"{server}/query", f"{server}/update", f"{server}/store")
    store = RemoteStore(endpoints, base_iri=BASE)
    yield store
    store.close()


def _load(store: RemoteStore | OxigraphStore, *docs: ResolvedDocument) -> None:
    for doc in docs:
        store.replace_document(doc.article.doc_id, document_quads(doc, BASE))


def _rows(store: RemoteStore | OxigraphStore, query: str) -> list[tuple[str, ...]]:
    result = store.query(query, timeout_s=10, max_results=100_000)
    return sorted(tuple(str(v) for v in row.values()) for row in result.bindings())


def test_remote_store_answers_like_the_embedded_one(
    remote: RemoteStore, seoul_doc: ResolvedDocument, schedule_doc: ResolvedDocument
) -> None:
    local = OxigraphStore.in_memory(base_iri=BASE)
    try:
        for store in (remote, local):
            _load(store, seoul_doc, schedule_doc)
        assert remote.documents() == local.documents() == {SEOUL, schedule_doc.article.doc_id}
        assert remote.quads_count() == local.quads_count()
        assert remote.entities() == local.entities()
        for query in (
            COUNT_ALL,  # the union counts a triple both documents state once
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            f"SELECT ?s ?name WHERE {{ ?s {SDO.name} ?name }}",
            "SELECT ?p WHERE { <id/person/dan-kohn> ?p ?o }",  # relative to the base IRI
        ):
            assert _rows(remote, query) == _rows(local, query), query
        remote.remove_document(SEOUL)
        local.remove_document(SEOUL)
        assert _rows(remote, COUNT_ALL) == _rows(local, COUNT_ALL)
        assert remote.entities() == local.entities()
    finally:
        local.close()


def test_replace_is_one_request_that_leaves_shared_triples_in_the_union(
    remote: RemoteStore, seoul_doc: ResolvedDocument, schedule_doc: ResolvedDocument
) -> None:
    _load(remote, seoul_doc, schedule_doc)
    dan = f"<{BASE}id/person/dan-kohn>"
    shared = f"ASK {{ {dan} a ?type }}"
    assert remote.query(shared, timeout_s=10, max_results=1).boolean
    assert remote.remove_document(SEOUL) is True
    assert remote.remove_document(SEOUL) is False
    assert remote.documents() == {schedule_doc.article.doc_id}
    assert remote.query(shared, timeout_s=10, max_results=1).boolean  # still stated elsewhere
    assert remote.remove_document(schedule_doc.article.doc_id) is True
    assert _rows(remote, COUNT_ALL) == [('"0"^^<http://www.w3.org/2001/XMLSchema#integer>',)]
    # A replace with the same quads twice leaves exactly one copy.
    _load(remote, seoul_doc)
    once = _rows(remote, COUNT_ALL)
    _load(remote, seoul_doc)
    assert _rows(remote, COUNT_ALL) == once


def test_every_query_form_and_format_comes_back(
    remote: RemoteStore, seoul_doc: ResolvedDocument
) -> None:
    _load(remote, seoul_doc)
    select = run_query(remote, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", timeout_s=10, max_results=5)
    assert select.truncated and len(select) == 5
    for media_type in ("application/sparql-results+json", "text/csv", "application/xml"):
        body, content_type = serialize(select, media_type)
        assert body and content_type.startswith(media_type.replace("application/xml", "app"))
    ask = run_query(remote, "ASK { ?s a ?t }", timeout_s=10, max_results=1)
    assert ask.boolean is True
    construct = run_query(
        remote, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", timeout_s=10, max_results=7
    )
    assert construct.truncated and len(construct.triples()) == 7
    turtle, _ = serialize(construct, "text/turtle")
    assert len(list(pyoxigraph.parse(turtle, pyoxigraph.RdfFormat.TURTLE))) == 7
    graph = f"{BASE}doc/{SEOUL}"
    scoped = run_query(
        remote,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        named_graph_uris=[graph],
        timeout_s=10,
        max_results=1,
    )
    assert int(scoped.bindings()[0]["n"].value) == remote.quads_count()


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "LOAD <http://example.org/data.ttl>",
        "DROP ALL",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    ],
)
def test_updates_load_and_service_never_reach_the_server(
    remote: RemoteStore, seoul_doc: ResolvedDocument, query: str
) -> None:
    _load(remote, seoul_doc)
    before = _rows(remote, COUNT_ALL)
    with pytest.raises(QueryRefused):
        remote.query(query, timeout_s=10, max_results=10)
    assert _rows(remote, COUNT_ALL) == before


def test_syntax_errors_and_server_errors_are_clear(remote: RemoteStore) -> None:
    with pytest.raises(QueryError, match="line 1"):
        remote.query("SELECT ?x WHERE {", timeout_s=10, max_results=1)
    with pytest.raises(QueryError, match="refused the query"):
        remote.query("SELECT ?x WHERE { ?x <urn:p> ?y } GROUP BY ?y", timeout_s=10, max_results=1)


def test_a_heavy_query_is_stopped_at_the_time_limit(
    remote: RemoteStore, seoul_doc: ResolvedDocument, schedule_doc: ResolvedDocument
) -> None:
    _load(remote, seoul_doc, schedule_doc)
    # The message says whose limit stopped the query.
    with pytest.raises(QueryTimeout, match="ran past the 1 s limit"):
        remote.query(HEAVY, timeout_s=1.0, max_results=1)  # our limit comes first
    assert remote.query("ASK { ?s ?p ?o }", timeout_s=10, max_results=1).boolean
    with pytest.raises(QueryTimeout, match="server stopped the query at its own time limit"):
        remote.query(HEAVY, timeout_s=10.0, max_results=1)  # the server's limit comes first
    assert remote.query("ASK { ?s ?p ?o }", timeout_s=10, max_results=1).boolean


def test_an_unreachable_server_is_a_store_error_naming_it() -> None:
    port = free_port()
    endpoints = RemoteEndpoints(f"http://127.0.0.1:{port}/query", f"http://127.0.0.1:{port}/u")
    store = RemoteStore(endpoints, base_iri=BASE)
    with pytest.raises(StoreError, match=f"127.0.0.1:{port}"):
        store.documents()
    with pytest.raises(StoreError, match="cannot be reached"):
        store.remove_document("x")


def test_backup_reads_each_document_graph_back(
    remote: RemoteStore, seoul_doc: ResolvedDocument, tmp_path: Path
) -> None:
    _load(remote, seoul_doc)
    remote.backup(tmp_path / "backup")
    quads = list(pyoxigraph.parse(path=tmp_path / "backup" / "graphs.nq"))
    assert len(quads) == remote.quads_count()
    assert {q.graph_name.value for q in quads} == {f"{BASE}doc/{SEOUL}"}
    with pytest.raises(StoreError, match="already exists"):
        remote.backup(tmp_path / "backup")
