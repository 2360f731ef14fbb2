"""A published generation, opened read-only: documents, passages, entities, graph and indexes."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forumgraph.errors import StoreError
from forumgraph.models import DocumentInfo, Entity, StoredPassage
from forumgraph.snapshot.layout import StoreLayout
from forumgraph.snapshot.records import (
    document_from_json,
    entity_from_json,
    passage_from_json,
    read_json,
    read_jsonl,
)

if TYPE_CHECKING:
    from forumgraph.graph.store import TripleStore
    from forumgraph.index.dense import DenseIndex
    from forumgraph.index.sparse import LexicalIndex

META = "SNAPSHOT.json"
DOCUMENTS = "documents.json"
PASSAGES = "passages.jsonl"
ENTITIES = "entities.json"
GRAPH = "graph"
VECTORS = "vectors"
SECOND_VECTORS = "vectors-second"
LEXICAL = "lexical"


class Snapshot:
    """One immutable generation. Records load at once; the graph and indexes on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        try:
            self.meta: dict[str, Any] = read_json(path / META)
            self.documents: dict[str, DocumentInfo] = {
                row["doc_id"]: document_from_json(row) for row in read_json(path / DOCUMENTS)
            }
            passages = [passage_from_json(row) for row in read_jsonl(path / PASSAGES)]
            self.entities: dict[str, Entity] = {
                row["id"]: entity_from_json(row) for row in read_json(path / ENTITIES)
            }
        except (OSError, ValueError, KeyError) as exc:
            raise StoreError(
                f"Snapshot {path} cannot be read: {exc}.",
                hint="Run `forumgraph check`; rebuild with `forumgraph ingest --rebuild`.",
            ) from exc
        self.passages: dict[str, StoredPassage] = {p.passage.passage_id: p for p in passages}
        self.by_vector_id: dict[int, StoredPassage] = {p.vector_id: p for p in passages}
        self._lock = threading.Lock()
        self._graph: TripleStore | None = None
        self._dense: DenseIndex | None = None
        self._lexical: LexicalIndex | None = None
        self._second: DenseIndex | None = None

    @property
    def model_name(self) -> str:
        return str(self.meta["embedding_model"])

    @property
    def dim(self) -> int:
        return int(self.meta["dim"])

    @property
    def is_remote(self) -> bool:
        """True when the generation's graph lives on a SPARQL server (graph/remote.py)."""
        return self.meta.get("graph_backend") == "remote"

    def graph(self) -> TripleStore:
        """The generation's triple store, read-only (or the SPARQL server that holds it)."""
        with self._lock:
            if self._graph is None and self.is_remote:
                from forumgraph.graph.remote import RemoteEndpoints, RemoteStore

                endpoints = RemoteEndpoints.from_json(self.meta["remote"])
                self._graph = RemoteStore(endpoints, base_iri=self.meta["base_iri"])
            elif self._graph is None:
                from forumgraph.graph.store import OxigraphStore

                self._graph = OxigraphStore.open(
                    self.path / GRAPH, read_only=True, base_iri=self.meta.get("base_iri")
                )
            return self._graph

    def dense(self) -> DenseIndex:
        """The FAISS index, checked against the manifest this snapshot was written with."""
        with self._lock:
            if self._dense is None:
                from forumgraph.index.dense import DenseIndex

                # Read-only and memory-mapped: a generation's files never change.
                self._dense = DenseIndex.load(self.path / VECTORS, mapped=True)
            return self._dense

    @property
    def second_model(self) -> str | None:
        """The second encoder whose passage vectors this generation keeps, if any."""
        value = self.meta.get("second_model")
        return None if value is None else str(value)

    def second_dense(self) -> DenseIndex | None:
        """The second encoder's vector index (same vector ids as `dense`), if kept."""
        if self.second_model is None or not self.passages:
            return None
        with self._lock:
            if self._second is None:
                from forumgraph.index.dense import DenseIndex

                self._second = DenseIndex.load(self.path / SECOND_VECTORS, mapped=True)
            return self._second

    def lexical(self) -> LexicalIndex:
        with self._lock:
            if self._lexical is None:
                from forumgraph.index.sparse import LexicalIndex

                self._lexical = LexicalIndex.load(self.path / LEXICAL)
            return self._lexical

    def warm(self) -> None:
        """Open everything now, so that the first request after a swap is not the slow one."""
        graph = self.graph()
        start_workers = getattr(graph, "start_query_workers", None)  # an embedded store's
        if start_workers is not None:
            start_workers()
        if self.passages:
            self.dense()
            self.lexical()
            self.second_dense()

    def passages_of(self, doc_id: str) -> list[StoredPassage]:
        doc = self.documents.get(doc_id)
        return [] if doc is None else [self.passages[pid] for pid in doc.passage_ids]


def open_snapshot(store_dir: Path) -> Snapshot | None:
    """The current generation of the store at `store_dir`, or None when it has none yet."""
    path = StoreLayout(store_dir).current()
    return None if path is None else Snapshot(path)


def require_snapshot(store_dir: Path) -> Snapshot:
    """The current generation, or a StoreError that says how to create one."""
    snapshot = open_snapshot(store_dir)
    if snapshot is None:
        raise StoreError(
            f"There is no store at {store_dir} yet.",
            hint="Build one with `forumgraph ingest data/` (or pass --store DIR).",
        )
    return snapshot
