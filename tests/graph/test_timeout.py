"""A query past its time limit is stopped for real: its worker process is killed and replaced."""

from __future__ import annotations

import os
import threading
import time

import pytest

from forumgraph.errors import QueryTimeout
from forumgraph.graph.build import document_quads
from forumgraph.graph.sparql import run_query
from forumgraph.graph.store import OxigraphStore
from forumgraph.models import ResolvedDocument

BASE = "https://forumgraph.org/"

CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_cross_product_times_out_and_its_worker_dies(query_store: OxigraphStore) -> None:
    before = set(query_store.query_worker_pids)
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="time limit of 1 s") as info:
        run_query(query_store, CROSS_PRODUCT, timeout_s=1.0, max_results=10)
    elapsed = time.monotonic() - started
    assert info.value.status == 503
    assert elapsed > 0.9  # stopped at the limit, not before
    after = set(query_store.query_worker_pids)
    killed = before - after
    assert len(killed) == 1 and len(after) == len(before)
    assert not any(_alive(pid) for pid in killed)  # no CPU left burning on the old query
    answer = run_query(query_store, "ASK { ?s ?p ?o }", timeout_s=30.0, max_results=10)
    assert answer.boolean is True


def _wait_until_busy(store: OxigraphStore, workers: int) -> None:
    """Block until `workers` query workers run a query (the slow one has really started)."""
    for _ in range(6000):
        if store.busy_query_workers >= workers:
            return
        time.sleep(0.01)
    raise AssertionError("the slow query never reached a worker")


def test_a_slow_query_does_not_block_a_quick_one(query_store: OxigraphStore) -> None:
    query_store.start_query_workers()
    errors: list[BaseException] = []

    def slow() -> None:
        try:
            run_query(query_store, CROSS_PRODUCT, timeout_s=6.0, max_results=10)
        except QueryTimeout as exc:
            errors.append(exc)

    thread = threading.Thread(target=slow)
    thread.start()
    _wait_until_busy(query_store, 1)
    quick = run_query(
        query_store, "SELECT * WHERE { ?s ?p ?o } LIMIT 3", timeout_s=30.0, max_results=10
    )
    # Served by the other worker while the first one still runs the slow query.
    slow_still_running = thread.is_alive()
    thread.join()
    assert len(quick) == 3
    assert slow_still_running
    assert len(errors) == 1


def test_waiting_for_a_busy_pool_counts_against_the_limit(seoul_doc: ResolvedDocument) -> None:
    store = OxigraphStore.in_memory(query_workers=1)
    store.replace_document(seoul_doc.article.doc_id, document_quads(seoul_doc, BASE))
    outcomes: list[str] = []

    def slow() -> None:
        try:
            run_query(store, CROSS_PRODUCT, timeout_s=3.0, max_results=1)
        except QueryTimeout:
            outcomes.append("timeout")

    try:
        run_query(store, "ASK {}", timeout_s=30.0, max_results=1)  # the worker has booted
        thread = threading.Thread(target=slow)
        thread.start()
        _wait_until_busy(store, 1)
        with pytest.raises(QueryTimeout, match="busy"):
            run_query(store, "ASK {}", timeout_s=0.3, max_results=1)
        thread.join()
    finally:
        store.close()
    assert outcomes == ["timeout"]


def test_closing_the_store_stops_its_workers() -> None:
    store = OxigraphStore.in_memory(query_workers=2)
    store.start_query_workers()
    pids = store.query_worker_pids
    assert len(pids) == 2
    store.close()
    assert not any(_alive(pid) for pid in pids)
