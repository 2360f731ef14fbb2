"""The graph on a SPARQL 1.1 server (Oxigraph server, Jena Fuseki, GraphDB, Virtuoso, Neptune).

Like the embedded store, the server holds one named graph per document and, in its default
graph, the union (RDF merge) of those graphs, so that queries without GRAPH see every
document and a triple stated by two documents is counted once. Why a materialised union
rather than sending every document graph as `default-graph-uri`: the Protocol defines that
default graph as an RDF merge, but Oxigraph (like its own union-default-graph option) answers
with one copy of a triple per graph, so `COUNT` and `DISTINCT`-free queries would change with
the number of documents; lists of thousands of graph IRIs per query would also cost more than
the query. A server whose default graph already is the union of all graphs (Neptune,
Virtuoso by default) holds the same triples either way.

Writes use the SPARQL 1.1 Update protocol: replacing or removing a document is one Update
request (remove the document's share of the union unless another graph states it, DROP the
graph, INSERT DATA the new triples into the graph and the union), which Oxigraph, Fuseki
(TDB2), GraphDB and Neptune each apply as one transaction. Reads use the Query protocol (POST
forms); backups read each document graph with the Graph Store protocol when its URL is set.

Consistency: passages, vectors and records stay in local generations; the server holds one
edition of each document graph. An ingest writes the graphs first and publishes the local
generation after, so while it runs (and after a crash in between) the server is ahead for the
documents being written: SPARQL and entity facts show the new edition, search the old one.
`forumgraph check` reports such drift (content hashes and document lists differ) and ingesting
the documents again repairs it. Queries are bounded here by their time limit; give the server
its own limit too (`oxigraph serve --timeout-s`), since a query we stop waiting for may still
be running there.

Safety: a query is classified in a query worker (under its time limit) and the canonical text
that was classified is exactly what is sent, after a BASE line of our own. A store that knows its id
(`owner`) records, in the same Update as the data, that it wrote each document graph (see
remote_owner.py, which also holds the writer lease). URLs with credentials never reach logs,
messages or SNAPSHOT.json.
"""

from __future__ import annotations

import time
import weakref
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph
import requests
from pyoxigraph import BlankNode, NamedNode, Quad, RdfFormat

from forumgraph.config import mask_url
from forumgraph.errors import InputError, QueryError, QueryTimeout, StoreError
from forumgraph.graph.endpoints import RemoteEndpoints
from forumgraph.graph.pool import QueryPool
from forumgraph.graph.results import GRAPH_KINDS, QueryResult
from forumgraph.graph.store import assemble_entities
from forumgraph.graph.terms import (
    FG,
    SDO,
    admin_graph,
    doc_id_of,
    document_iri,
    entity_id_of,
    store_id_of,
    store_iri,
)
from forumgraph.models import Entity, Name

CONNECT_TIMEOUT_S = 5.0
WRITE_TIMEOUT_S = 300.0
ADMIN_QUERY_LIMIT = 10_000_000
ACCEPT = {
    "select": "text/tab-separated-values",
    "ask": "application/sparql-results+json",
    "construct": "application/n-triples",
    "describe": "application/n-triples",
}
REMOTE_HINT = "Check that the SPARQL server is running and that remote_*_url point at it."
__all__ = ["RemoteEndpoints", "RemoteStore", "remote_select"]


class RemoteStore:
    """A `TripleStore` on a SPARQL 1.1 server; thread-safe (one HTTP session per store)."""

    def __init__(
        self,
        endpoints: RemoteEndpoints,
        *,
        base_iri: str,
        write_timeout_s: float = WRITE_TIMEOUT_S,
        owner: str | None = None,
        query_workers: int = 2,
    ) -> None:
        self.endpoints = endpoints
        self.base_iri = base_iri
        self.write_timeout_s = write_timeout_s
        self.owner = owner  # the id of the store whose writes these are, if it has one
        self._session = requests.Session()
        self._pool = QueryPool(query_workers)  # classifies client queries; booted on first use
        self._finalizer = weakref.finalize(self, self._pool.close)

    # ------------------------------------------------------------------ writes

    def replace_document(self, doc_id: str, quads: Iterable[Quad]) -> None:
        """Replace the document's graph and its share of the union, in one Update request."""
        graph = document_iri(doc_id, self.base_iri)
        triples = _triples_of(graph, quads)
        update = _replace_update(graph, triples, self._owner_iri(), admin_graph(self.base_iri))
        self.admin_update(update, f"replace document {doc_id!r}")

    def remove_document(self, doc_id: str) -> bool:
        """Drop the document's graph and its share of the union; False if there was none."""
        graph = document_iri(doc_id, self.base_iri)
        existed = self._ask_graph(graph)
        update = _replace_update(graph, None, None, admin_graph(self.base_iri))
        self.admin_update(update, f"remove document {doc_id!r}")
        return existed

    def owners(self) -> dict[str, str]:
        """For each document graph that a store recorded as its own: that store's id."""
        rows = self.admin_select(
            f"SELECT ?g ?store WHERE {{ GRAPH {admin_graph(self.base_iri)} "
            f"{{ ?g {FG.writtenBy} ?store }} }}"
        )
        out = {}
        for row in rows:
            doc_id = doc_id_of(row["g"].value, self.base_iri)
            store_id = store_id_of(row["store"].value, self.base_iri)
            if doc_id is not None and store_id is not None:
                out[doc_id] = store_id
        return out

    def flush(self) -> None:
        """Nothing to do: the server made each write durable before it answered."""

    def close(self) -> None:
        self._session.close()
        self._finalizer()

    def backup(self, target_dir: Path) -> None:
        """Every document graph, read back from the server, as `graphs.nq` in `target_dir`."""
        target = Path(target_dir)
        if target.exists():
            raise StoreError(f"Backup target {target} already exists.", hint="Choose a new one.")
        quads: list[Quad] = []
        for doc_id in sorted(self.documents()):
            graph = document_iri(doc_id, self.base_iri)
            quads.extend(Quad(t.subject, t.predicate, t.object, graph) for t in self._graph(graph))
        target.mkdir(parents=True)
        pyoxigraph.serialize(quads, str(target / "graphs.nq"), format=RdfFormat.N_QUADS)

    # ------------------------------------------------------------------ reads

    def documents(self) -> set[str]:
        """Ids of every document graph the server holds (under this store's base IRI)."""
        rows = self.admin_select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        ids = {doc_id_of(row["g"].value, self.base_iri) for row in rows if "g" in row}
        return {doc_id for doc_id in ids if doc_id is not None}

    def quads_count(self) -> int:
        """Quads in the document graphs (the union default graph is not counted)."""
        prefix = _string_literal(f"{self.base_iri}doc/")
        rows = self.admin_select(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            f"FILTER(STRSTARTS(STR(?g), {prefix})) }}"
        )
        return int(rows[0]["n"].value)

    def entities(self, documents: Collection[str] | None = None) -> list[Entity]:
        """Entities named in the document graphs (only those of `documents`, when given)."""
        rows = self.admin_select(
            f"SELECT ?g ?s ?p ?name WHERE {{ VALUES ?p {{ {SDO.name} {SDO.alternateName} }} "
            "GRAPH ?g { ?s ?p ?name } FILTER(ISLITERAL(?name)) }"
        )
        names: dict[str, Counter[Name]] = {}
        alternates: dict[str, set[Name]] = {}
        for row in rows:
            doc_id = doc_id_of(row["g"].value, self.base_iri)
            entity_id = entity_id_of(row["s"].value, self.base_iri)
            if doc_id is None or entity_id is None:
                continue
            if documents is not None and doc_id not in documents:
                continue
            name = Name(row["name"].value, row["name"].language or "")
            if row["p"] == SDO.name:
                names.setdefault(entity_id, Counter())[name] += 1  # once per document graph
            else:
                alternates.setdefault(entity_id, set()).add(name)
        return assemble_entities(names, alternates)

    def query(
        self,
        query: str,
        *,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        timeout_s: float,
        max_results: int,
        base_iri: str | None = None,
        memory_mb: int | None = None,
    ) -> QueryResult:
        """Run a read-only query on the server (refused locally if it is not one).

        `memory_mb` limits the worker that classifies the query; the server has its own limits.
        """
        if timeout_s <= 0 or max_results < 1:
            raise InputError("A SPARQL query needs a positive time limit and result limit.")
        started = time.monotonic()
        # Updates, LOAD and SERVICE never leave this process. What was classified is what is
        # sent, after one line of our own: a BASE declaration of a checked IRI.
        text, kind = self._pool.classify(query, timeout_s, memory_mb)
        if time.monotonic() - started >= timeout_s:
            raise _timeout(timeout_s)
        prologue = f"BASE {NamedNode(base_iri or self.base_iri)}\n"
        return self._run(
            prologue + text,
            kind,
            default_graph_uris,
            named_graph_uris,
            timeout_s,
            max_results,
            started,
        )

    def _run(
        self,
        text: str,
        kind: str,
        default_graph_uris: Sequence[str],
        named_graph_uris: Sequence[str],
        timeout_s: float,
        max_results: int,
        started: float,
    ) -> QueryResult:
        """Send a query already known to be read-only; the time limit counts from `started`."""
        form: list[tuple[str, str]] = [("query", text)]
        form += [("default-graph-uri", iri) for iri in default_graph_uris]
        form += [("named-graph-uri", iri) for iri in named_graph_uris]
        deadline = started + timeout_s
        response = self._post(
            self.endpoints.query_url,
            form,
            ACCEPT[kind],
            max(deadline - time.monotonic(), 0.001),
            what="query",
            stream=True,
            limit_s=timeout_s,
        )
        with response:
            if response.status_code != 200:
                raise _query_failure(response, timeout_s)
            if kind == "ask":
                payload, truncated = response.content, False
            else:
                # SELECT TSV has a header line, then one row per line; N-Triples one triple.
                limit = max_results + 1 if kind == "select" else max_results
                payload, truncated = _read_lines(response, limit, kind in GRAPH_KINDS, deadline)
        if time.monotonic() > deadline:
            raise _timeout(timeout_s)
        result = QueryResult(kind, payload, truncated, (time.monotonic() - started) * 1000)
        _check_complete(result, timeout_s)
        return result

    @property
    def query_worker_pids(self) -> list[int]:
        """Process ids of the workers that classify client queries (for tests and diagnostics)."""
        return self._pool.pids

    # ------------------------------------------------------------------ internals

    def _ask_graph(self, graph: NamedNode) -> bool:
        result = self._own_query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}", "ask", 1)
        return result.boolean

    def _graph(self, graph: NamedNode) -> list[Any]:
        """The triples of one graph: Graph Store GET if configured, else a CONSTRUCT."""
        if self.endpoints.store_url:
            response = self._session.get(
                self.endpoints.store_url,
                params={"graph": graph.value},
                headers={"Accept": "application/n-triples"},
                timeout=(CONNECT_TIMEOUT_S, self.write_timeout_s),
            )
            if response.status_code == 404:
                return []
            _raise_for_write(response, f"read graph {graph.value}")
            return [q.triple for q in pyoxigraph.parse(response.content, RdfFormat.N_TRIPLES)]
        result = self._own_query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}",
            "construct",
            ADMIN_QUERY_LIMIT,
        )
        return result.triples()

    def admin_select(self, query: str) -> list[dict[str, Any]]:
        """Rows of a SELECT this program wrote itself (not a client's query), as term dicts."""
        return self._own_query(query, "select", ADMIN_QUERY_LIMIT).bindings()

    def _own_query(self, text: str, kind: str, max_results: int) -> QueryResult:
        """A query of this program's own: trusted, so it skips the classifying workers."""
        timeout_s = self.write_timeout_s
        return self._run(text, kind, (), (), timeout_s, max_results, time.monotonic())

    def _owner_iri(self) -> NamedNode | None:
        return None if self.owner is None else store_iri(self.owner, self.base_iri)

    def admin_update(self, update: str, what: str) -> None:
        """Apply one SPARQL Update request (one transaction on the server)."""
        response = self._post(
            self.endpoints.update_url,
            update.encode("utf-8"),
            "*/*",
            self.write_timeout_s,
            what=what,
            content_type="application/sparql-update; charset=utf-8",
        )
        with response:
            _raise_for_write(response, what)

    def _post(
        self,
        url: str,
        data: Any,
        accept: str,
        timeout_s: float,
        *,
        what: str,
        stream: bool = False,
        content_type: str | None = None,
        limit_s: float | None = None,
    ) -> requests.Response:
        """POST with `timeout_s` to wait; a timeout names `limit_s` (default: `timeout_s`)."""
        headers = {"Accept": accept}
        if content_type:
            headers["Content-Type"] = content_type
        try:
            return self._session.post(
                url,
                data=data,
                headers=headers,
                timeout=(CONNECT_TIMEOUT_S, timeout_s),
                stream=stream,
            )
        except requests.Timeout:
            raise _timeout(limit_s or timeout_s) from None
        except requests.RequestException as exc:
            raise StoreError(
                f"The SPARQL server at {mask_url(url)} cannot be reached to {what}: "
                f"{type(exc).__name__}.",
                hint=REMOTE_HINT,
            ) from exc


def remote_select(
    store: RemoteStore, timeout_s: float = 30.0, max_results: int = 100_000
) -> Callable[[str, str], list[dict[str, Any]]]:
    """Fact queries (`?entity` bound to an IRI) answered by the server, rows as term dicts."""

    def select(query: str, iri: str) -> list[dict[str, Any]]:
        entity = NamedNode(iri)  # checked IRI: safe to write between < and >
        result = store.query(
            query.replace("?entity", str(entity)), timeout_s=timeout_s, max_results=max_results
        )
        names = result.variables
        return [dict(zip(names, row, strict=True)) for row in result.solutions()]

    return select


def _triples_of(graph: NamedNode, quads: Iterable[Quad]) -> list[Any]:
    triples = []
    for quad in quads:
        if quad.graph_name != graph:
            raise InputError(
                f"A quad is in graph {quad.graph_name}, not in the document's graph {graph}.",
                hint="Build quads with graph.build.document_quads for the same document.",
            )
        if isinstance(quad.subject, BlankNode) or isinstance(quad.object, BlankNode):
            raise InputError(
                f"A quad for graph {graph} has a blank node: {quad}.",
                hint="Document graphs use IRIs only, so that the union can be kept exactly.",
            )
        triples.append(quad.triple)
    return triples


def _replace_update(
    graph: NamedNode, triples: list[Any] | None, owner: NamedNode | None, admin: NamedNode
) -> str:
    """One Update: the old share of the union goes (unless stated elsewhere), then the new.

    The record of which store wrote the graph changes in the same request, so it can never
    disagree with the data.
    """
    operations = [
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {graph}) }} }}",
        f"DROP SILENT GRAPH {graph}",
        f"DELETE WHERE {{ GRAPH {admin} {{ {graph} {FG.writtenBy} ?store }} }}",
    ]
    if triples:
        lines = (pyoxigraph.serialize(triples, format=RdfFormat.N_TRIPLES) or b"").decode()
        record = f"GRAPH {admin} {{ {graph} {FG.writtenBy} {owner} }}\n" if owner else ""
        operations.append(f"INSERT DATA {{\n{lines}GRAPH {graph} {{\n{lines}}}\n{record}}}")
    return " ;\n".join(operations)


def _read_lines(
    response: requests.Response, limit: int, graph_kind: bool, deadline: float
) -> tuple[bytes, bool]:
    """The first `limit` lines of a streamed body; True when lines were left unread."""
    kept: list[bytes] = []
    for line in response.iter_lines(chunk_size=65536):
        if time.monotonic() > deadline:
            break
        if graph_kind and not line.strip():
            continue
        if len(kept) == limit:
            return b"\n".join(kept) + b"\n", True
        kept.append(line)
    return (b"\n".join(kept) + b"\n") if kept else b"", False


def _check_complete(result: QueryResult, timeout_s: float) -> None:
    """Parse the result once: a server that cancels a query mid-answer (Oxigraph's own
    `--timeout-s`) has already sent 200 and ends the body with a message instead of rows."""
    try:
        if result.kind == "ask":
            result.boolean  # noqa: B018 - parsing is the check
        elif result.is_graph:
            result.triples()
        else:
            sum(1 for _ in result.solutions())
    except (SyntaxError, ValueError, TypeError) as exc:
        tail = result.payload.rstrip().rsplit(b"\n", 1)[-1][:200].decode("utf-8", "replace")
        if any(word in tail.lower() for word in ("cancel", "timeout", "timed out")):
            raise _server_timeout(timeout_s, tail) from None
        raise StoreError(
            f"The SPARQL server sent an incomplete or malformed {result.kind} result: {tail!r}.",
            hint=REMOTE_HINT,
        ) from exc


def _query_failure(response: requests.Response, timeout_s: float) -> Exception:
    text = response.text.strip().splitlines()
    detail = text[0][:300] if text else f"HTTP {response.status_code}"
    if "timeout" in detail.lower() or response.status_code in (503, 504):
        return _server_timeout(timeout_s, detail)
    if 400 <= response.status_code < 500:
        return QueryError(
            f"The SPARQL server refused the query: {detail}.",
            hint="Check the query; the server's message is quoted above.",
        )
    return StoreError(
        f"The SPARQL server failed on the query (HTTP {response.status_code}): {detail}.",
        hint=REMOTE_HINT,
    )


def _raise_for_write(response: requests.Response, what: str) -> None:
    if 200 <= response.status_code < 300:
        return
    detail = (response.text.strip().splitlines() or [""])[0][:300]
    raise StoreError(
        f"The SPARQL server refused to {what} (HTTP {response.status_code}): {detail}.",
        hint="Check that remote_update_url accepts SPARQL Update and that writes are allowed.",
    )


def _server_timeout(timeout_s: float, detail: str) -> QueryTimeout:
    return QueryTimeout(
        f"The SPARQL server stopped the query at its own time limit, before the {timeout_s:g} s"
        f" limit of this endpoint: {detail}.",
        hint="Narrow the query (fewer variables, a LIMIT) or raise the server's time limit.",
    )


def _timeout(timeout_s: float) -> QueryTimeout:
    return QueryTimeout(
        f"The query ran past the {timeout_s:g} s limit and was stopped.",
        hint="Narrow the query (fewer variables, a LIMIT) or raise sparql_timeout_s.",
    )


def _string_literal(text: str) -> str:
    return str(pyoxigraph.Literal(text))
