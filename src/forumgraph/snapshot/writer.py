"""Write a new generation: copy the current one cheaply, apply the changes, publish atomically."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from forumgraph import __version__
from forumgraph.errors import ConfigError
from forumgraph.files import fsync_dir, fsync_tree
from forumgraph.graph.remote_owner import new_store_id
from forumgraph.models import DocumentInfo, Entity, Passage, StoredPassage
from forumgraph.snapshot.layout import PARTIAL, StoreLayout
from forumgraph.snapshot.reader import (
    DOCUMENTS,
    ENTITIES,
    GRAPH,
    LEXICAL,
    META,
    PASSAGES,
    SECOND_VECTORS,
    VECTORS,
    Snapshot,
)
from forumgraph.snapshot.records import (
    document_to_json,
    entity_to_json,
    passage_to_json,
    write_json,
    write_jsonl,
)

if TYPE_CHECKING:
    from forumgraph.graph.remote import RemoteEndpoints
    from forumgraph.index.dense import DenseIndex


@dataclass(frozen=True)
class PreparedDocument:
    """A document ready to store: its record, passages, vectors, lexical tokens and quads."""

    info: DocumentInfo
    passages: tuple[Passage, ...]
    passage_entities: tuple[tuple[str, ...], ...]  # entity ids mentioned, per passage
    vectors: np.ndarray  # (len(passages), dim) float32
    tokens: tuple[tuple[str, ...], ...]  # lexical tokens, per passage
    quads: Sequence[Any] = field(default=(), repr=False)
    # Vectors of the second encoder (IndexSpec.second_model), one row per passage, or None.
    second_vectors: np.ndarray | None = field(default=None, repr=False)


@dataclass(frozen=True)
class IndexSpec:
    """What the generation is built with; recorded in its SNAPSHOT.json."""

    embedding_model: str
    dim: int
    exact_limit: int
    base_iri: str
    # The graph on a SPARQL server instead of in the generation's graph/ folder (graph/remote.py).
    remote: RemoteEndpoints | None = None
    # A second sentence encoder whose passage vectors are kept beside the first (or None).
    second_model: str | None = None
    second_dim: int = 0


@dataclass
class WriteStats:
    """Seconds spent per component, for the ingest summary and benchmarks."""

    seconds: dict[str, float] = field(default_factory=dict)

    def timed(self, name: str, start: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


# Called between steps with the step's name; the crash tests use it to die at chosen moments.
StepHook = Callable[[str], None]


def write_generation(
    layout: StoreLayout,
    base: Snapshot | None,
    *,
    upserts: Sequence[PreparedDocument],
    removals: Iterable[str],
    spec: IndexSpec,
    stats: WriteStats | None = None,
    on_step: StepHook | None = None,
    second_backfill: tuple[np.ndarray, np.ndarray] | None = None,
    rebuild: bool = False,
) -> str:
    """Write base + changes as a new generation and publish it; returns its name.

    The caller holds `layout.write_lock()`. Documents in `upserts` replace any stored document of
    the same id; ids in `removals` are deleted. Nothing is visible to readers until the final
    rename of the CURRENT pointer. With a remote graph (`spec.remote`) the document graphs are
    written to the server first, so a crash before the rename leaves the server ahead of the
    published generation for those documents (`check` reports it; ingesting again repairs it).
    There the store writes only graphs it owns, under the server's writer lease; `rebuild`
    (with no base) makes it the owner of every document graph on the server, deleting the rest.
    """
    from forumgraph.index.dense import DenseIndex
    from forumgraph.index.sparse import LexicalIndex

    _check_backend(base, spec)
    store_id = str(base.meta.get("store_id") or "") if base is not None else ""
    store_id = store_id or new_store_id()
    stats = stats or WriteStats()
    step = on_step or (lambda _name: None)
    layout.prune()
    name = layout.next_name()
    work = layout.generations / (name + PARTIAL)
    work.mkdir(parents=True)

    documents = dict(base.documents) if base else {}
    passages = dict(base.passages) if base else {}
    tokens = _read_tokens(base)
    next_vector_id = int(base.meta.get("next_vector_id", 0)) if base else 0
    replaced = {d.info.doc_id for d in upserts} | set(removals)
    dropped_vectors = [
        passages[pid].vector_id
        for doc_id in replaced
        if doc_id in documents
        for pid in documents[doc_id].passage_ids
    ]
    for doc_id in replaced:
        for pid in documents.pop(doc_id).passage_ids if doc_id in documents else ():
            passages.pop(pid, None)
            tokens.pop(pid, None)

    start = time.perf_counter()
    if spec.remote is None:
        entities = _write_local_graph(work / GRAPH, base, upserts, replaced, spec, step)
    else:
        kept = set(documents) | {d.info.doc_id for d in upserts}
        target = RemoteTarget(spec.remote, store_id, rebuild=rebuild and base is None)
        entities = _write_remote_graph(target, base, upserts, replaced, kept, spec, step)
    stats.timed("store.graph", start)

    start = time.perf_counter()
    new_ids: list[int] = []
    new_vectors: list[np.ndarray] = []
    for prepared in upserts:
        stored = []
        for passage, entity_ids, toks in zip(
            prepared.passages, prepared.passage_entities, prepared.tokens, strict=True
        ):
            stored.append(StoredPassage(passage, next_vector_id, entity_ids))
            new_ids.append(next_vector_id)
            tokens[passage.passage_id] = list(toks)
            next_vector_id += 1
        passages.update((s.passage.passage_id, s) for s in stored)
        documents[prepared.info.doc_id] = prepared.info
        if len(prepared.passages):
            new_vectors.append(np.asarray(prepared.vectors, dtype=np.float32))

    # A fresh copy from disk: the base's own index may be serving searches in this process.
    if base is not None and base.passages:
        dense = DenseIndex.load(base.path / VECTORS, exact_limit=spec.exact_limit)
    else:
        dense = DenseIndex.create(spec.dim, spec.exact_limit)
    if dropped_vectors:
        dense.remove(np.asarray(dropped_vectors, dtype=np.int64))
    if new_ids:
        dense.add(np.asarray(new_ids, dtype=np.int64), np.vstack(new_vectors))
    dense.save(work / VECTORS, model_name=spec.embedding_model)
    if spec.second_model is not None:
        second = _second_index(base, spec, second_backfill)
        second.remove(np.asarray(dropped_vectors, dtype=np.int64))
        second_rows = [p.second_vectors for p in upserts if len(p.passages)]
        if new_ids:
            if any(rows is None for rows in second_rows):
                raise ValueError("Every new passage needs a vector of the second encoder.")
            second.add(np.asarray(new_ids, dtype=np.int64), np.vstack(second_rows))  # type: ignore[arg-type]
        second.save(work / SECOND_VECTORS, model_name=spec.second_model)
    stats.timed("store.vectors", start)
    step("vectors-written")

    start = time.perf_counter()
    lexical = LexicalIndex.build((pid, tokens[pid]) for pid in sorted(passages))
    lexical.save(work / LEXICAL)
    stats.timed("store.lexical", start)
    step("lexical-written")

    start = time.perf_counter()
    ordered = sorted(passages.values(), key=lambda s: (s.passage.doc_id, s.passage.index))
    write_jsonl(work / PASSAGES, (passage_to_json(p) for p in ordered))
    write_json(work / DOCUMENTS, [document_to_json(documents[d]) for d in sorted(documents)])
    write_json(work / ENTITIES, [entity_to_json(e) for e in sorted(entities, key=lambda e: e.id)])
    write_json(
        work / META,
        {
            "name": name,
            "store_id": store_id,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "forumgraph_version": __version__,
            "embedding_model": spec.embedding_model,
            "dim": spec.dim,
            "second_model": spec.second_model,
            "base_iri": spec.base_iri,
            "graph_backend": "embedded" if spec.remote is None else "remote",
            **({} if spec.remote is None else {"remote": spec.remote.to_json()}),
            "next_vector_id": next_vector_id,
            "documents": len(documents),
            "passages": len(passages),
            "entities": len(entities),
        },
    )
    step("records-written")
    fsync_tree(work)
    final = layout.generations / name
    os.rename(work, final)
    fsync_dir(layout.generations)
    step("renamed")
    layout.publish(name)
    step("published")
    layout.prune()
    stats.timed("store.publish", start)
    return name


def _write_local_graph(
    graph_dir: Path,
    base: Snapshot | None,
    upserts: Sequence[PreparedDocument],
    replaced: set[str],
    spec: IndexSpec,
    step: StepHook,
) -> list[Entity]:
    """The generation's own Oxigraph store: the base's (hard-linked) plus the changes."""
    from forumgraph.graph.store import OxigraphStore

    if base is not None:
        base.graph().backup(graph_dir)
    graph = OxigraphStore.open(graph_dir, base_iri=spec.base_iri)
    step("graph-opened")
    for doc_id in replaced - {d.info.doc_id for d in upserts}:
        graph.remove_document(doc_id)
    for prepared in upserts:
        graph.replace_document(prepared.info.doc_id, prepared.quads)
    step("graph-written")
    entities = graph.entities()
    graph.flush()
    graph.close()
    return entities


@dataclass(frozen=True)
class RemoteTarget:
    """Where and as whom a generation writes its graph on a SPARQL server."""

    endpoints: RemoteEndpoints
    store_id: str
    rebuild: bool = False  # take over every document graph on the server


def _write_remote_graph(
    target: RemoteTarget,
    base: Snapshot | None,
    upserts: Sequence[PreparedDocument],
    replaced: set[str],
    kept: set[str],
    spec: IndexSpec,
    step: StepHook,
) -> list[Entity]:
    """The document graphs on the SPARQL server; entities of this generation's documents.

    Only graphs this store wrote are replaced or deleted (see graph/remote_owner.py), and all
    writes happen under the server's writer lease.
    """
    from forumgraph.graph.remote import RemoteStore
    from forumgraph.graph.remote_owner import WriterLease, check_owned, is_own

    store = RemoteStore(
        target.endpoints, base_iri=spec.base_iri, owner=target.store_id, query_workers=1
    )
    try:
        with WriterLease(store, target.store_id) as lease:
            step("graph-opened")
            upserted = {d.info.doc_id for d in upserts}
            on_server = store.documents()
            owners = store.owners()
            published = set(base.documents) if base is not None else set()
            if target.rebuild:
                stale = on_server - upserted
            else:
                check_owned(owners, on_server, target.store_id, published, upserted)
                stale = {
                    doc_id
                    for doc_id in replaced - upserted
                    if doc_id in on_server and is_own(doc_id, owners, target.store_id, published)
                }
            for doc_id in sorted(stale):
                lease.check()
                store.remove_document(doc_id)
            for prepared in upserts:
                lease.check()
                store.replace_document(prepared.info.doc_id, prepared.quads)
            step("graph-written")
            return store.entities(kept)
    finally:
        store.close()


def _check_backend(base: Snapshot | None, spec: IndexSpec) -> None:
    if base is None or base.is_remote == (spec.remote is not None):
        return
    built, configured = ("remote", "embedded") if base.is_remote else ("embedded", "remote")
    raise ConfigError(
        f"The store {base.path.parent.parent} keeps its graph {built}, but the configured "
        f"graph_backend is {configured}.",
        hint="Configure the original graph_backend, or rebuild with `forumgraph ingest --rebuild`.",
    )


def _second_index(
    base: Snapshot | None, spec: IndexSpec, backfill: tuple[np.ndarray, np.ndarray] | None
) -> DenseIndex:
    """The base's second-encoder index, or a new one filled from `backfill` (ids, vectors)."""
    from forumgraph.index.dense import DenseIndex

    if base is not None and base.second_model == spec.second_model:
        return DenseIndex.load(base.path / SECOND_VECTORS, exact_limit=spec.exact_limit)
    index = DenseIndex.create(spec.second_dim, spec.exact_limit)
    if base is not None and base.passages:
        if backfill is None:
            raise ValueError("A store without second-encoder vectors needs them backfilled.")
        index.add(*backfill)
    return index


def _read_tokens(base: Snapshot | None) -> dict[str, list[str]]:
    """The lexical tokens of every stored passage, from the base's own lexical index."""
    if base is None or not base.passages:
        return {}
    from forumgraph.index.sparse import LexicalIndex

    return dict(LexicalIndex.load(base.path / LEXICAL).items())
