"""The triple store: one named graph per document in Oxigraph, on disk or in memory.

The store's default graph holds the union of all document graphs, kept in step by every write.
Oxigraph's own union option (`use_default_graph_as_union`) repeats a triple once per graph that
states it, so shared triples (an entity's name and type) would be counted several times; a
materialised union is an RDF merge, as SPARQL expects. A write changes a document graph and its
share of the union in one SPARQL Update (see updates.py), applied as a single transaction.

Queries run in worker processes (see pool.py) that open the store read-only; for a store this
process may still write to, they read a consistent copy (see views.py) made after each write.
"""

from __future__ import annotations

import threading
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol

import pyoxigraph
from pyoxigraph import Literal, NamedNode, Quad

from forumgraph.config import Settings
from forumgraph.errors import InputError, QueryError, StoreError
from forumgraph.graph.pool import QueryPool
from forumgraph.graph.results import QueryResult
from forumgraph.graph.terms import SDO, doc_id_of, document_iri, entity_id_of, entity_type_of
from forumgraph.graph.updates import document_update
from forumgraph.graph.views import QueryViews
from forumgraph.graph.worker import QueryRequest
from forumgraph.models import Entity, Name


class TripleStore(Protocol):
    """What ingest, search and the web layer need from a graph store."""

    base_iri: str

    def replace_document(self, doc_id: str, quads: Iterable[Quad]) -> None: ...
    def remove_document(self, doc_id: str) -> bool: ...
    def documents(self) -> set[str]: ...
    def entities(self) -> list[Entity]: ...
    def quads_count(self) -> int: ...
    def backup(self, target_dir: Path) -> None: ...
    def flush(self) -> None: ...
    def close(self) -> None: ...
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
    ) -> QueryResult: ...


class OxigraphStore:
    """A pyoxigraph store holding one named graph per document; the union is the default graph."""

    def __init__(
        self,
        store: pyoxigraph.Store,
        *,
        path: Path | None,
        read_only: bool,
        base_iri: str | None = None,
        query_workers: int = 2,
    ) -> None:
        self.base_iri = base_iri or Settings().base_iri
        self.path = path
        self.read_only = read_only
        self._store: pyoxigraph.Store | None = store
        self._pool = QueryPool(query_workers)
        self._lock = threading.RLock()
        self._version = 0  # bumped by every write; a query view is valid for one version
        self._views = QueryViews(path)
        self._finalizer = weakref.finalize(self, _shutdown, self._pool, self._views)

    @classmethod
    def open(
        cls,
        path: Path,
        read_only: bool = False,
        *,
        base_iri: str | None = None,
        query_workers: int = 2,
    ) -> OxigraphStore:
        """Open (or, unless read-only, create) the store in directory `path`."""
        path = Path(path)
        if read_only and not (path / "CURRENT").is_file():
            raise StoreError(
                f"There is no graph store at {path}.",
                hint="Build one first with: forumgraph ingest PATH --store DIR",
            )
        if path.exists() and (not path.is_dir() or _is_foreign_dir(path)):
            raise StoreError(
                f"{path} exists but is not an Oxigraph store.",
                hint="Point --store at an empty or missing directory, or at an existing store.",
            )
        try:
            store = (
                pyoxigraph.Store.read_only(str(path)) if read_only else pyoxigraph.Store(str(path))
            )
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"The graph store at {path} is locked by another process.",
                    hint="Stop the other forumgraph process, or open the store read-only.",
                ) from exc
            raise StoreError(f"The graph store at {path} cannot be opened.", hint=str(exc)) from exc
        except RuntimeError as exc:
            raise StoreError(
                f"The graph store at {path} is corrupt or unreadable.",
                hint="Restore it from a backup or rebuild it with forumgraph ingest.",
            ) from exc
        return cls(
            store, path=path, read_only=read_only, base_iri=base_iri, query_workers=query_workers
        )

    @classmethod
    def in_memory(cls, *, base_iri: str | None = None, query_workers: int = 2) -> OxigraphStore:
        """A store that lives in memory only (for tests and one-off runs)."""
        return cls(
            pyoxigraph.Store(),
            path=None,
            read_only=False,
            base_iri=base_iri,
            query_workers=query_workers,
        )

    # ------------------------------------------------------------------ writes

    def replace_document(self, doc_id: str, quads: Iterable[Quad]) -> None:
        """Replace the document's graph with `quads` (and the union graph with it), atomically."""
        graph = document_iri(doc_id, self.base_iri)
        quads = list(quads)
        with self._lock:
            self._write(lambda store: document_update(store, graph, quads), f"replace {doc_id!r}")

    def remove_document(self, doc_id: str) -> bool:
        """Drop the document's graph (and its share of the union graph); False if there was none."""
        graph = document_iri(doc_id, self.base_iri)
        with self._lock:
            existed = self._open_store().contains_named_graph(graph)
            self._write(lambda store: document_update(store, graph, None), f"remove {doc_id!r}")
        return existed

    def flush(self) -> None:
        """Make every write durable on disk."""
        if self.path is not None and not self.read_only:
            self._open_store().flush()

    def backup(self, target_dir: Path) -> None:
        """A consistent copy of the store in `target_dir`, which must not exist yet."""
        target = Path(target_dir)
        if target.exists():
            raise StoreError(
                f"Backup target {target} already exists.", hint="Choose a new directory."
            )
        store = self._open_store()
        try:
            if self.path is None:
                copy = pyoxigraph.Store(str(target))
                copy.extend(store)
                copy.flush()
                del copy
            else:
                self.flush()
                store.backup(str(target))
        except (OSError, RuntimeError) as exc:
            raise StoreError(
                f"Backing up the graph store to {target} failed.", hint=str(exc)
            ) from exc

    def close(self) -> None:
        """Stop the query workers and release the store; safe to call twice."""
        with self._lock:
            self._store = None
        self._finalizer()

    # ------------------------------------------------------------------ reads

    def documents(self) -> set[str]:
        """The ids of the documents in the store."""
        graphs = self._open_store().named_graphs()
        ids = {doc_id_of(g.value, self.base_iri) for g in graphs if isinstance(g, NamedNode)}
        return {doc_id for doc_id in ids if doc_id is not None}

    def quads_count(self) -> int:
        """Quads in the document graphs (the derived union graph is not counted)."""
        solutions = self._open_store().query("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
        for row in solutions if isinstance(solutions, pyoxigraph.QuerySolutions) else ():
            if isinstance(count := row["n"], Literal):
                return int(count.value)
        raise StoreError("Counting the quads of the graph store failed.")

    def entities(self) -> list[Entity]:
        """Every entity with its names, from all documents (the most used name per language)."""
        names: dict[str, Counter[Name]] = {}
        for entity_id, name in self._entity_names(SDO.name):
            names.setdefault(entity_id, Counter())[name] += 1  # once per document graph
        alternates: dict[str, set[Name]] = {}
        for entity_id, name in self._entity_names(SDO.alternateName):
            alternates.setdefault(entity_id, set()).add(name)
        return assemble_entities(names, alternates)

    def _entity_names(self, prop: NamedNode) -> Iterable[tuple[str, Name]]:
        for quad in self._open_store().quads_for_pattern(None, prop, None, None):
            if not isinstance(quad.graph_name, NamedNode):
                continue  # the union graph repeats what the document graphs say
            if not isinstance(quad.subject, NamedNode) or not isinstance(quad.object, Literal):
                continue
            entity_id = entity_id_of(quad.subject.value, self.base_iri)
            if entity_id is not None:
                yield entity_id, Name(quad.object.value, quad.object.language or "")

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
        """Run a read-only SPARQL query in a worker process (see sparql.run_query)."""
        if timeout_s <= 0 or max_results < 1:
            raise InputError("A SPARQL query needs a positive time limit and result limit.")
        for parameter, iris in (
            ("default-graph-uri", default_graph_uris),
            ("named-graph-uri", named_graph_uris),
        ):
            for iri in iris:
                _check_iri(parameter, iri)
        view = self._query_view()
        request = QueryRequest(
            view,
            query,
            tuple(default_graph_uris),
            tuple(named_graph_uris),
            max_results,
            base_iri or self.base_iri,
            memory_mb,
        )
        try:
            return self._pool.run(request, timeout_s)
        finally:
            self._views.release(view)

    def start_query_workers(self, wait: bool = True) -> None:
        """Start the query workers now (and by default wait until they have booted)."""
        self._pool.start(wait=wait)

    @property
    def query_worker_pids(self) -> list[int]:
        return self._pool.pids

    @property
    def busy_query_workers(self) -> int:
        return self._pool.busy

    # ------------------------------------------------------------------ internals

    def _open_store(self) -> pyoxigraph.Store:
        store = self._store
        if store is None:
            raise StoreError("The graph store is closed.", hint="Open the store again.")
        return store

    def _write(self, make_update: Callable[[pyoxigraph.Store], str | None], what: str) -> None:
        """Apply the update `make_update` computes from the current store, as one transaction."""
        if self.read_only:
            raise StoreError(
                f"Cannot {what}: the graph store is open read-only.",
                hint="Open the store without read_only to change it.",
            )
        with self._lock:
            store = self._open_store()
            update = make_update(store)
            if update is None:
                return
            try:
                store.update(update)
            except SyntaxError as exc:
                raise StoreError(
                    f"Cannot {what}: the generated update is invalid.", hint=str(exc)
                ) from exc
            except (OSError, RuntimeError) as exc:
                raise StoreError(
                    f"Cannot {what}: the store refused the write.", hint=str(exc)
                ) from exc
            self._version += 1

    def _query_view(self) -> str:
        """A directory the workers may open read-only, current with every write so far."""
        if self.read_only and self.path is not None:
            return self._views.acquire_fixed(str(self.path))
        with self._lock:
            return self._views.acquire(
                self._open_store(), self._version, on_disk=self.path is not None
            )


def _shutdown(pool: QueryPool, views: QueryViews) -> None:
    pool.close()
    views.remove_all()


def assemble_entities(
    names: dict[str, Counter[Name]], alternates: dict[str, set[Name]]
) -> list[Entity]:
    """Entities from the names the document graphs give them (`names`: how many graphs state
    each `schema:name`) and their other spellings, sorted by id; unknown id forms are skipped."""
    out = []
    for entity_id in sorted(names.keys() | alternates.keys()):
        entity_type = entity_type_of(entity_id)
        if entity_type is None:
            continue
        counts = names.get(entity_id, Counter())
        preferred = preferred_names(counts)
        others = (set(counts) | alternates.get(entity_id, set())) - set(preferred)
        ordered = tuple(sorted(others, key=lambda n: (n.lang, n.text)))
        out.append(Entity(entity_id, entity_type, preferred, ordered))
    return out


def preferred_names(counts: Counter[Name]) -> tuple[Name, ...]:
    """One name per language: the one most documents use, then the shortest, then A-Z."""
    best: dict[str, Name] = {}
    for name, _count in sorted(
        counts.items(), key=lambda item: (-item[1], len(item[0].text), item[0].text)
    ):
        best.setdefault(name.lang, name)
    return tuple(best[lang] for lang in sorted(best))


def _check_iri(parameter: str, iri: str) -> None:
    try:
        NamedNode(iri)
    except ValueError:
        raise QueryError(
            f"The {parameter} parameter {iri!r} is not a valid absolute IRI.",
            hint="Graph names look like https://forumgraph.org/doc/<doc id>.",
        ) from None


def _is_foreign_dir(path: Path) -> bool:
    """A non-empty directory without RocksDB's CURRENT file is someone else's data."""
    return any(path.iterdir()) and not (path / "CURRENT").is_file()
