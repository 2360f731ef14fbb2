"""A query worker process: opens a store read-only and answers one query at a time.

Started by `pool.QueryPool` as a fresh interpreter that calls `main([FD])`, where FD is its end
of a socket pair. pyoxigraph cannot cancel a query, so the pool kills this process when a query runs
past its time limit; that is the only reliable way to stop the CPU work. Before it answers
anything the worker cuts itself off from the network (see sandbox.py), and each request sets
its memory limit. The text a worker classifies is the text it runs (classify.prepare_query).
"""

from __future__ import annotations

import io
import logging
import os
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph
from pyoxigraph import NamedNode, QueryResultsFormat, QuerySolutions, QueryTriples, RdfFormat

from forumgraph.errors import ForumgraphError, QueryError, StoreError
from forumgraph.graph.classify import QueryForm, prepare_query
from forumgraph.graph.results import encode_boolean
from forumgraph.graph.sandbox import (
    SandboxError,
    forbid_network,
    limit_memory,
    network_wall_supported,
)

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
    memory_mb: int | None = None  # the worker's memory limit while it runs this query


@dataclass(frozen=True)
class ClassifyRequest:
    """Classify a query only (for a store on a SPARQL server): its canonical text and form."""

    query: str
    memory_mb: int | None = None


# A reply is ("ok", kind, payload, truncated, elapsed_ms) or ("error", class name, message, hint).
# For a ClassifyRequest the payload is the canonical text, UTF-8 encoded.
Reply = tuple[Any, ...]
MEMORY_ERROR = "QueryMemoryLimit"


class QueryExecutor:
    """Runs requests against a read-only store, reopening it when the requested path changes."""

    def __init__(self) -> None:
        self._path: str | None = None
        self._store: pyoxigraph.Store | None = None

    def handle(self, request: QueryRequest | ClassifyRequest) -> Reply:
        started = time.perf_counter()
        try:
            limit_memory(request.memory_mb)
            text, form = prepare_query(request.query)
            if isinstance(request, ClassifyRequest):
                kind, payload, truncated = form.kind, text.encode("utf-8"), False
            else:
                store = self._open(request.store_path)
                kind, payload, truncated = self._execute(store, text, form, request)
        except ForumgraphError as exc:
            return ("error", type(exc).__name__, exc.message, exc.hint)
        except MemoryError:
            # The pool replaces this worker: its heap may be left fragmented.
            return ("error", MEMORY_ERROR, "", None)
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
        self, store: pyoxigraph.Store, text: str, form: QueryForm, request: QueryRequest
    ) -> tuple[str, bytes, bool]:
        try:
            results = store.query(text, base_iri=request.base_iri, **_dataset_options(request))
        except SyntaxError as exc:
            raise QueryError(
                _syntax_message(str(exc)), hint="Check the query near that position."
            ) from None
        if form.kind == "ask":
            return form.kind, encode_boolean(bool(results)), False
        if isinstance(results, QueryTriples):
            payload, truncated = _capped(results, RdfFormat.N_TRIPLES, request.max_results)
        elif isinstance(results, QuerySolutions):
            payload, truncated = _capped(results, QueryResultsFormat.TSV, request.max_results + 1)
        else:
            raise QueryError(f"The {form.kind} query returned an unexpected result.")
        return form.kind, payload, truncated


class _ResultsFull(Exception):
    """Raised by _LineCap to stop pyoxigraph's serializer once enough lines are written."""


class _LineCap(io.RawIOBase):
    """A byte sink that keeps the first `max_lines` lines and then stops the writer."""

    def __init__(self, max_lines: int) -> None:
        self.data = bytearray()
        self.max_lines = max_lines
        self.lines = 0

    def writable(self) -> bool:
        return True

    def write(self, chunk: Any) -> int:
        chunk = bytes(chunk)
        count = chunk.count(b"\n")
        if self.lines + count <= self.max_lines:
            self.data += chunk
            self.lines += count
            return len(chunk)
        end = -1
        for _ in range(self.max_lines - self.lines):
            end = chunk.index(b"\n", end + 1)
        self.data += chunk[: end + 1]
        self.lines = self.max_lines
        raise _ResultsFull


def _capped(
    results: QuerySolutions | QueryTriples,
    results_format: QueryResultsFormat | RdfFormat,
    max_lines: int,
) -> tuple[bytes, bool]:
    """Results written by pyoxigraph itself, one per line, stopping after `max_lines` lines.

    Both TSV results and N-Triples put one solution or triple on each line (newlines inside
    literals are escaped), so counting lines caps rows without a Python loop over terms.
    """
    sink = _LineCap(max_lines)
    try:
        # pyoxigraph's stubs declare a path or a binary file; any object with write() works.
        results.serialize(sink, format=results_format)  # type: ignore[arg-type]
    except _ResultsFull:
        return bytes(sink.data), True
    return bytes(sink.data), False


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
    connection = Connection(int(args[0]))
    if network_wall_supported():
        try:
            forbid_network()  # before any thread or store exists
        except (SandboxError, OSError) as exc:
            connection.send(("failed", f"the network wall could not be installed: {exc}"))
            return
        greeting = ("ready", True)
    else:
        greeting = ("ready", False)
    _exit_with_parent()
    executor = QueryExecutor()
    connection.send(greeting)
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(executor.handle(request))
