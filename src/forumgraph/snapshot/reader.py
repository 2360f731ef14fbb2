"""A published generation, opened read-only: documents, passages, entities, talks, graph and
indexes."""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forumgraph.errors import StoreError
from forumgraph.index.encoders import EMBEDDING, USE
from forumgraph.models import DocumentInfo, Entity, StoredPassage, TalkRecord
from forumgraph.snapshot.layout import (
    GenerationLease,
    GenerationRemoved,
    StoreLayout,
    generation_number,
)
from forumgraph.snapshot.records import (
    document_from_json,
    entity_from_json,
    passage_from_json,
    read_json,
    read_jsonl,
    talk_from_json,
)

if TYPE_CHECKING:
    from forumgraph.graph.endpoints import RemoteEndpoints
    from forumgraph.graph.store import TripleStore
    from forumgraph.index.backend import TextIndex, VectorIndex
    from forumgraph.index.milvus.search import MilvusGeneration
    from forumgraph.index.milvus.target import MilvusTarget

META = "SNAPSHOT.json"
DOCUMENTS = "documents.json"
PASSAGES = "passages.jsonl"
ENTITIES = "entities.json"
# The talks of talk lists, one per passage; generations written before talks were passages of
# their own have none.
TALKS = "talks.jsonl"
GRAPH = "graph"
VECTORS = "vectors"
LEXICAL = "lexical"
# Generations written before named vector sets kept the first encoder's index in `vectors/`
# and the second's in `vectors-second/`; they are read as the sets `embedding` and `use`.
_LEGACY_FOLDERS = {EMBEDDING: "vectors", USE: "vectors-second"}
_LEGACY_USE_DIM = 512


@dataclass(frozen=True)
class VectorSetSpec:
    """The encoder behind one named vector set of a generation."""

    model: str
    dim: int


class Snapshot:
    """One immutable generation. Records load at once; the graph and indexes on first use.

    The snapshot leases its folder (see layout.py) until it is garbage collected, so the folder
    outlives every request that still uses it. `endpoints` are the configured SPARQL server URLs
    of a remote graph: SNAPSHOT.json keeps them without credentials.
    """

    def __init__(
        self,
        path: Path,
        *,
        endpoints: RemoteEndpoints | None = None,
        milvus: MilvusTarget | None = None,
    ) -> None:
        self.path = path
        self.name = path.name
        self._endpoints = endpoints
        self._milvus_target = milvus
        lease = GenerationLease(path)
        self._lease = weakref.finalize(self, lease.release)
        try:
            self.meta: dict[str, Any] = read_json(path / META)
            self.documents: dict[str, DocumentInfo] = {
                row["doc_id"]: document_from_json(row) for row in read_json(path / DOCUMENTS)
            }
            passages = [passage_from_json(row) for row in read_jsonl(path / PASSAGES)]
            self.entities: dict[str, Entity] = {
                row["id"]: entity_from_json(row) for row in read_json(path / ENTITIES)
            }
            talks = (
                [talk_from_json(row) for row in read_jsonl(path / TALKS)]
                if (path / TALKS).exists()
                else []
            )
        except (OSError, ValueError, KeyError) as exc:
            raise StoreError(
                f"Snapshot {path} cannot be read: {exc}.",
                hint="Run `forumgraph check`; rebuild with `forumgraph ingest --rebuild`.",
            ) from exc
        self.passages: dict[str, StoredPassage] = {p.passage.passage_id: p for p in passages}
        self.by_vector_id: dict[int, StoredPassage] = {p.vector_id: p for p in passages}
        # passage id -> the talk whose line the passage is
        self.talks: dict[str, TalkRecord] = {t.passage_id: t for t in talks}
        self._lock = threading.Lock()
        self._graph: TripleStore | None = None
        self._vectors: dict[str, VectorIndex] = {}
        self._lexical: TextIndex | None = None
        self._milvus: MilvusGeneration | None = None

    @property
    def number(self) -> int:
        """The generation's number (g000042 is 42): the `born` of the Milvus rows it wrote."""
        return generation_number(self.name)

    @property
    def index_backend(self) -> str:
        """Where the generation's vectors and lexical index are: embedded or milvus."""
        return str(self.meta.get("index_backend", "embedded"))

    def release(self) -> None:
        """Give back the lease on the generation (a writer done with its base calls this)."""
        self._lease()

    def keep_alive(self) -> None:
        """Renew leases that expire by themselves (a generation folder's lease does not)."""

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
                from forumgraph.graph.endpoints import RemoteEndpoints
                from forumgraph.graph.remote import RemoteStore

                recorded = RemoteEndpoints.from_json(self.meta["remote"])
                endpoints = recorded.with_credentials_of(self._endpoints)
                self._graph = RemoteStore(endpoints, base_iri=self.meta["base_iri"])
            elif self._graph is None:
                from forumgraph.graph.store import OxigraphStore

                self._graph = OxigraphStore.open(
                    self.path / GRAPH, read_only=True, base_iri=self.meta.get("base_iri")
                )
            return self._graph

    @property
    def vector_sets(self) -> dict[str, VectorSetSpec]:
        """The named vector sets this generation keeps, with the encoder behind each."""
        sets = self.meta.get("vector_sets")
        if sets is not None:
            return {
                name: VectorSetSpec(str(spec["model"]), int(spec["dim"]))
                for name, spec in sets.items()
            }
        legacy = {EMBEDDING: VectorSetSpec(self.model_name, self.dim)}
        if self.meta.get("second_model"):
            legacy[USE] = VectorSetSpec(str(self.meta["second_model"]), _LEGACY_USE_DIM)
        return legacy

    def vectors(self, name: str) -> VectorIndex:
        """The index of one vector set (FAISS, checked against the manifest it was saved with,
        or the set's field in Milvus, checked against the store's manifest there)."""
        if name not in self.vector_sets:
            raise StoreError(
                f"Snapshot {self.path} keeps no vector set '{name}'.",
                hint="Ingest again to add it, or rebuild with `forumgraph ingest --rebuild`.",
            )
        with self._lock:
            if name not in self._vectors and self.index_backend == "milvus":
                self._vectors[name] = self._milvus_generation().vectors(name)
            elif name not in self._vectors:
                from forumgraph.index.dense import DenseIndex

                # Read-only and memory-mapped: a generation's files never change.
                self._vectors[name] = DenseIndex.load(self.vector_path(name), mapped=True)
            return self._vectors[name]

    def vector_path(self, name: str) -> Path:
        """Where the index of the vector set `name` lies in this generation."""
        if "vector_sets" not in self.meta:
            return self.path / _LEGACY_FOLDERS[name]
        return self.path / VECTORS / name

    def dense(self) -> VectorIndex:
        """The index of the `embedding` set, which every generation keeps."""
        return self.vectors(EMBEDDING)

    def lexical(self) -> TextIndex:
        with self._lock:
            if self._lexical is None and self.index_backend == "milvus":
                self._lexical = self._milvus_generation().lexical()
            elif self._lexical is None:
                from forumgraph.index.sparse import LexicalIndex

                self._lexical = LexicalIndex.load(self.path / LEXICAL)
            return self._lexical

    def milvus(self) -> MilvusGeneration:
        """This generation's view of its Milvus collections (milvus index backend only)."""
        with self._lock:
            return self._milvus_generation()

    def _milvus_generation(self) -> MilvusGeneration:
        """Opened once, under the lock: the client, the checked manifest and the view."""
        if self._milvus is None:
            from forumgraph.index.milvus.records import open_milvus_generation
            from forumgraph.index.milvus.schema import SetSpec
            from forumgraph.index.milvus.target import MilvusTarget

            target = MilvusTarget.from_json(self.meta["milvus"], self._milvus_target)
            sets = {n: SetSpec(s.model, s.dim) for n, s in self.vector_sets.items()}
            floor = int(self.meta.get("floor", 0))
            self._milvus = open_milvus_generation(target, sets, self.number, floor)
        return self._milvus

    def warm(self) -> None:
        """Open everything now, so that the first request after a swap is not the slow one."""
        graph = self.graph()
        start_workers = getattr(graph, "start_query_workers", None)  # an embedded store's
        if start_workers is not None:
            start_workers()
        if self.passages:
            for name in self.vector_sets:
                self.vectors(name)
            self.lexical()

    def passages_of(self, doc_id: str) -> list[StoredPassage]:
        doc = self.documents.get(doc_id)
        return [] if doc is None else [self.passages[pid] for pid in doc.passage_ids]


def open_snapshot(
    store_dir: Path,
    *,
    endpoints: RemoteEndpoints | None = None,
    milvus: MilvusTarget | None = None,
) -> Snapshot | None:
    """The current generation of the store at `store_dir`, or None when it has none yet."""
    return open_generation(StoreLayout(store_dir), endpoints, milvus)


def open_generation(
    layout: StoreLayout,
    endpoints: RemoteEndpoints | None,
    milvus: MilvusTarget | None = None,
) -> Snapshot | None:
    """The current generation, leased; read CURRENT again if it was pruned in between."""
    for attempt in range(3):
        path = layout.current()
        if path is None:
            return None
        try:
            return Snapshot(path, endpoints=endpoints, milvus=milvus)
        except GenerationRemoved:
            if attempt == 2:
                raise
    return None


def require_snapshot(
    store_dir: Path,
    *,
    endpoints: RemoteEndpoints | None = None,
    milvus: MilvusTarget | None = None,
) -> Snapshot:
    """The current generation, or a StoreError that says how to create one."""
    snapshot = open_snapshot(store_dir, endpoints=endpoints, milvus=milvus)
    if snapshot is None:
        raise StoreError(
            f"There is no store at {store_dir} yet.",
            hint="Build one with `forumgraph ingest data/` (or pass --store DIR).",
        )
    return snapshot
