"""A query worker process: opens a store read-only and answers one query at a time.

Started by `pool.QueryPool` as a fresh interpreter that calls `main([FD])`, where FD is its end
of a socket pair. pyoxigraph cannot cancel a query, so the pool kills this process when a query runs
past its time limit; that is the only reliable way to stop the CPU work.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph
from pyoxigraph import NamedNode, QuerySolutions, QueryTriples

from forumgraph.errors import ForumgraphError, QueryError, StoreError
from forumgraph.graph.classify import QueryForm, classify_query
from forumgraph.graph.results import encode_boolean, encode_solutions, encode_triples

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueryRequest:
    """One query for a worker: which store directory to read and how."""

    store_path: str
    query: str
    default_graph_uris: tuple[str, ...] = ()
    named_graph_uris: tuple[str, ...] = ()
    max_results: int = 100_000
    base_iri: str | None = None  # resolves relative IRIs in the query


# A reply is ("ok", kind, payload, truncated, elapsed_ms) or ("error", class name, message, hint).
Reply = tuple[Any, ...]


class QueryExecutor:
    """Runs requests against a read-only store, reopening it when the requested path changes."""

    def __init__(self) -> None:
        self._path: str | None = None
        self._store: pyoxigraph.Store | None = None

    def handle(self, request: QueryRequest) -> Reply:
        started = time.perf_counter()
        try:
            form = classify_query(request.query)
            kind, payload, truncated = self._execute(self._open(request.store_path), form, request)
        except ForumgraphError as exc:
            return ("error", type(exc).__name__, exc.message, exc.hint)
        except Exception:
            log.exception("SPARQL query failed in the worker")
            return ("error", "QueryError", "The query failed while running.", None)
        return ("ok", kind, payload, truncated, (time.perf_counter() - started) * 1000)

    def _open(self, path: str) -> pyoxigraph.Store:
        if self._store is None or path != self._path:
            self._store = None  # close the previous view before opening the next
            try:
                self._store = pyoxigraph.Store.read_only(path)
            except (OSError, RuntimeError) as exc:
                raise StoreError(
                    f"The graph store at {path} cannot be opened for reading.",
                    hint="Check that the store exists and was written completely; re-run ingest.",
                ) from exc
            self._path = path
        return self._store

    def _execute(
        self, store: pyoxigraph.Store, form: QueryForm, request: QueryRequest
    ) -> tuple[str, bytes, bool]:
        try:
            results = store.query(
                request.query, base_iri=request.base_iri, **_dataset_options(request)
            )
        except SyntaxError as exc:
            raise QueryError(
                _syntax_message(str(exc)), hint="Check the query near that position."
            ) from None
        limit = request.max_results
        if form.kind == "ask":
            return form.kind, encode_boolean(bool(results)), False
        if isinstance(results, QueryTriples):
            triples = list(islice(results, limit + 1))
            return form.kind, encode_triples(triples[:limit]), len(triples) > limit
        if not isinstance(results, QuerySolutions):
            raise QueryError(f"The {form.kind} query returned an unexpected result.")
        variables = [variable.value for variable in results.variables]
        rows = list(islice(results, limit + 1))
        return form.kind, encode_solutions(variables, rows[:limit]), len(rows) > limit


def _dataset_options(request: QueryRequest) -> dict[str, Any]:
    """The RDF dataset: protocol graphs first, then the query's FROM, else the whole store.

    The store's default graph is the materialised union of the document graphs (see store.py).
    """
    if request.default_graph_uris or request.named_graph_uris:
        # SPARQL 1.1 Protocol: these replace any FROM / FROM NAMED in the query text.
        return {
            "default_graph": [NamedNode(iri) for iri in request.default_graph_uris],
            "named_graphs": [NamedNode(iri) for iri in request.named_graph_uris],
        }
    return {}


def _syntax_message(raw: str) -> str:
    """'error at 3:17: expected ...' -> a sentence naming the line and column."""
    head, _, expected = raw.partition(": expected ")
    position = head.removeprefix("error at ")
    line, _, column = position.partition(":")
    where = f"at line {line}, column {column}" if column.isdigit() else "somewhere"
    detail = f": expected {expected[:160]}" if expected else ""
    return f"The SPARQL query has a syntax error {where}{detail}."


def _exit_with_parent(interval_s: float = 1.0) -> None:
    """Exit when the serving process dies, even in the middle of a long query.

    pyoxigraph releases the GIL while it evaluates, so this watchdog thread keeps running.
    """
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(interval_s)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def main(argv: list[str] | None = None) -> None:
    """Serve requests on the inherited socket until the pool closes it."""
    args = sys.argv[1:] if argv is None else argv
    _exit_with_parent()
    connection = Connection(int(args[0]))
    executor = QueryExecutor()
    connection.send(("ready",))
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(executor.handle(request))
