"""The walls around SPARQL queries: one canonical text, the SERVICE scan, workers without
network sockets, the classification cache, and limits on size, time and memory."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from forumgraph.errors import (
    InputError,
    QueryError,
    QueryMemoryLimit,
    QueryRefused,
    QueryTimeout,
)
from forumgraph.graph import classify
from forumgraph.graph.build import document_quads
from forumgraph.graph.classify import canonical_query, prepare_query, service_keyword
from forumgraph.graph.endpoints import RemoteEndpoints
from forumgraph.graph.remote import RemoteStore
from forumgraph.graph.sandbox import network_wall_supported
from forumgraph.graph.sparql import run_query
from forumgraph.graph.store import OxigraphStore
from forumgraph.models import ResolvedDocument
from loopback import Listener, loopback_listener
from oxigraph_server import oxigraph_server
from tricky_queries import tricky_queries

BASE = "https://forumgraph.org/"
SRC = Path(__file__).resolve().parents[2] / "src"
# rdflib spends far more per byte on a chain of || than on plain patterns (~160 µs a byte).
SLOW_TO_PARSE = "SELECT * WHERE { FILTER(" + " || ".join(["?a"] * 2700) + ") }"
# A string that grows to ~80 MB: far past a 256 MB worker once GROUP_CONCAT copies it around.
DIGITS = " ".join(str(n) for n in range(10))
HUGE_STRING = (
    "SELECT (STRLEN(GROUP_CONCAT(?s)) AS ?n) WHERE { "
    + " ".join(f"VALUES ?{v} {{ {DIGITS} }}" for v in "abcdef")
    + ' BIND(CONCAT(STR(?a), STR(?b), STR(?c), STR(?d), STR(?e), STR(?f), "'
    + "x" * 80
    + '") AS ?s) }'
)
needs_seccomp = pytest.mark.skipif(
    not network_wall_supported(), reason="the network wall needs Linux seccomp"
)


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    with loopback_listener() as heard:
        requests.post(f"{heard.url}/probe", data="x", timeout=10)
        assert heard.requests == [("POST", "/probe")]  # it does hear what is sent to it
        heard.requests.clear()
        yield heard


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RemoteStore]:
    """A RemoteStore on a real `oxigraph serve`, which would call SERVICE URLs if asked."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        store = RemoteStore(
            RemoteEndpoints(f"{url}/query", f"{url}/update"), base_iri=BASE, query_workers=1
        )
        yield store
        store.close()


@pytest.fixture
def small_store(seoul_doc: ResolvedDocument) -> Iterator[OxigraphStore]:
    store = OxigraphStore.in_memory(base_iri=BASE, query_workers=1)
    store.replace_document(seoul_doc.article.doc_id, document_quads(seoul_doc, BASE))
    yield store
    store.close()


# ---------------------------------------------------------------- one canonical text


def test_canonical_text_expands_escapes_and_keeps_ordinary_text() -> None:
    text = 'SELECT ?x WHERE {\r\n\tBIND("caf\\u00E9 \\U0001F600 서울\u3000 x" AS ?x) }'
    assert canonical_query(text) == 'SELECT ?x WHERE {\n\tBIND("café 😀 서울\u3000 x" AS ?x) }'


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("SELECT * {}\r# x", "carriage return not followed by a line feed at line 1, column 12"),
        ("SELECT * {}\n\n  \u2028", "line separator (U+2028) at line 3, column 3"),
        ("SELECT * {} # \\u0085", "next-line character (U+0085)"),
        ("SELECT * {} # \x00", "control character U+0000"),
        ("\ufeffSELECT * {}", "byte order mark"),
        ('SELECT * { BIND("\ud800" AS ?x) }', "lone surrogate U+D800"),
    ],
)
def test_texts_parsers_read_differently_are_refused(text: str, fragment: str) -> None:
    with pytest.raises(QueryRefused, match="parsers do not all read") as info:
        canonical_query(text)
    assert fragment in info.value.message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('SELECT * { BIND("\\uD800" AS ?x) }', "not a Unicode scalar value"),
        ('SELECT * { BIND("\\U00110000" AS ?x) }', "not a Unicode scalar value"),
        ('SELECT * { BIND("\\u005Cu0041" AS ?x) }', "spells another escape"),
    ],
)
def test_broken_and_double_escapes_are_refused(text: str, fragment: str) -> None:
    with pytest.raises(QueryError, match=fragment):
        canonical_query(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("SELECT * { SERVICE <x> {} }", True),
        ("select * { service<x> {} }", True),
        ("SELECT * { ?a ?b ?c.SERVICE <x> {} }", True),
        ("SELECT * { ?a ?b ?c }\nSERVICE", True),
        ('SELECT * { BIND("SERVICE" AS ?x) }', False),
        ("SELECT * { BIND('''a ' SERVICE''' AS ?x) }", False),
        ('SELECT * { BIND("a \\" SERVICE" AS ?x) }', False),
        ("SELECT * { <http://x/SERVICE> ?p ?o }", False),
        ("SELECT ?service { ?s ?p ?SERVICE }", False),
        ("PREFIX service: <http://x/> SELECT * { ?s service:SERVICE ?o }", False),
        ('SELECT * { ?s ?p "x"@service }', False),
        ("SELECT * { ?s ?p ?o } # SERVICE <x> {}", False),
        ("SELECT * { ?s <http://x/self-service> ?o }", False),
    ],
)
def test_the_service_scan_looks_outside_literals_iris_and_comments(text: str, found: bool) -> None:
    assert (service_keyword(text) is not None) is found


def test_prepared_text_is_the_canonical_one() -> None:
    text, form = prepare_query('SELECT ?x\r\nWHERE { BIND("\\u0041" AS ?x) }')
    assert text == 'SELECT ?x\nWHERE { BIND("A" AS ?x) }'
    assert form.kind == "select"


def test_the_classification_cache_is_bounded_in_bytes() -> None:
    cache = classify._SizedCache(64 * 1024)
    form = classify.QueryForm("select")
    for n in range(200):
        cache.put(f"SELECT * {{ ?s ?p {n} }} # " + "x" * 1000, form)
    assert 60 * 1024 < cache.size_bytes <= 64 * 1024
    assert cache.get("SELECT * { ?s ?p 199 } # " + "x" * 1000) == form  # the newest stay
    assert cache.get("SELECT * { ?s ?p 0 } # " + "x" * 1000) is None  # the oldest went
    cache.put("SELECT * {} # " + "y" * 9000, form)  # over an eighth of the budget
    assert cache.get("SELECT * {} # " + "y" * 9000) is None
    for n in range(3000):  # the process-wide cache, through the public entry point
        classify.classify_query(f"SELECT * {{ ?s ?p {n} }} # " + "z" * 2000)
    assert classify._CACHE.size_bytes <= classify.CACHE_BYTES


# ---------------------------------------------------------------- no calls out


def test_the_remote_backend_sends_no_tricky_text_to_its_server(
    remote: RemoteStore, listener: Listener
) -> None:
    for tricky in tricky_queries(listener.url):
        if tricky.allowed:
            result = run_query(remote, tricky.text, timeout_s=30, max_results=10)
            assert [row["x"].value for row in result.bindings()], tricky.name
            continue
        with pytest.raises(QueryError):
            run_query(remote, tricky.text, timeout_s=30, max_results=10)
    assert listener.requests == []


@needs_seccomp
def test_query_workers_run_behind_a_seccomp_filter(small_store: OxigraphStore) -> None:
    small_store.start_query_workers()
    for pid in small_store.query_worker_pids:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        assert fields["Seccomp"].strip() == "2"  # filter mode
        assert int(fields["Seccomp_filters"]) >= 1


@needs_seccomp
def test_the_engine_cannot_call_out_even_if_the_check_were_fooled(listener: Listener) -> None:
    """The worker's own execution path, given a SERVICE query with no check in front of it."""
    script = f"""
import socket
from forumgraph.graph.sandbox import forbid_network
from forumgraph.graph.classify import QueryForm
from forumgraph.graph.worker import QueryExecutor, QueryRequest
import pyoxigraph

forbid_network()
left, right = socket.socketpair()  # the worker's own pipe kind still works
left.send(b"ok")
assert right.recv(2) == b"ok"
query = "SELECT * WHERE {{ SERVICE <{listener.url}/unchecked> {{ ?a ?b ?c }} }}"
try:
    request = QueryRequest("", query)
    QueryExecutor()._execute(pyoxigraph.Store(), query, QueryForm("select"), request)
except Exception as exc:
    print("refused:", type(exc).__name__, exc)
else:
    print("ran")
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={"PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.startswith("refused:"), done.stdout + done.stderr
    assert "not permitted" in done.stdout
    assert listener.requests == []


# ---------------------------------------------------------------- size, time and memory


def test_a_query_text_over_the_size_limit_is_refused(small_store: OxigraphStore) -> None:
    text = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 100
    with pytest.raises(InputError, match="sparql_max_query_bytes"):
        run_query(small_store, text, timeout_s=10, max_results=1, max_query_bytes=100)
    assert run_query(small_store, text, timeout_s=10, max_results=1, max_query_bytes=200)


def test_classifying_counts_against_the_time_limit(small_store: OxigraphStore) -> None:
    assert len(SLOW_TO_PARSE.encode()) <= 16_384  # under the default size limit
    small_store.start_query_workers()
    before = set(small_store.query_worker_pids)
    with pytest.raises(QueryTimeout, match=r"time limit of 0\.2 s"):
        run_query(small_store, SLOW_TO_PARSE, timeout_s=0.2, max_results=1)
    assert not before & set(small_store.query_worker_pids)  # the parsing worker was replaced


def test_remote_queries_are_classified_in_workers_under_the_time_limit(
    remote: RemoteStore,
) -> None:
    assert run_query(remote, "ASK {}", timeout_s=30, max_results=1).boolean is True
    before = set(remote.query_worker_pids)
    with pytest.raises(QueryTimeout):
        run_query(remote, SLOW_TO_PARSE, timeout_s=0.2, max_results=1)
    assert not before & set(remote.query_worker_pids)
    assert run_query(remote, "ASK {}", timeout_s=30, max_results=1).boolean is True


def test_a_query_past_the_memory_limit_gets_a_clean_error_and_a_new_worker(
    small_store: OxigraphStore,
) -> None:
    small_store.start_query_workers()
    before = set(small_store.query_worker_pids)
    with pytest.raises(QueryMemoryLimit, match="memory limit of 256 MB") as info:
        run_query(small_store, HUGE_STRING, timeout_s=60, max_results=1, memory_mb=256)
    assert info.value.status == 503 and info.value.code == "memory_limit"
    assert not before & set(small_store.query_worker_pids)
    answer = run_query(small_store, "ASK { ?s ?p ?o }", timeout_s=30, max_results=1)
    assert answer.boolean is True
