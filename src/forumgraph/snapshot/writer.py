"""Write a new generation: copy the current one cheaply, apply the changes, publish atomically."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from forumgraph import __version__
from forumgraph.errors import ConfigError
from forumgraph.files import fsync_dir, fsync_tree
from forumgraph.graph.remote_owner import new_store_id
from forumgraph.index.encoders import EMBEDDING
from forumgraph.models import DocumentInfo, Entity, Passage, StoredPassage, TalkRecord
from forumgraph.snapshot.layout import PARTIAL, StoreLayout, generation_number
from forumgraph.snapshot.reader import (
    DOCUMENTS,
    ENTITIES,
    GRAPH,
    LEXICAL,
    META,
    PASSAGES,
    TALKS,
    VECTORS,
    Snapshot,
    VectorSetSpec,
)
from forumgraph.snapshot.records import (
    document_to_json,
    entity_to_json,
    passage_to_json,
    talk_to_json,
    write_json,
    write_jsonl,
)

if TYPE_CHECKING:
    from forumgraph.graph.remote import RemoteEndpoints
    from forumgraph.index.dense import DenseIndex
    from forumgraph.index.milvus.target import MilvusTarget


@dataclass(frozen=True)
class PreparedDocument:
    """A document ready to store: its record, passages, vectors, lexical tokens and quads."""

    info: DocumentInfo
    passages: tuple[Passage, ...]
    passage_entities: tuple[tuple[str, ...], ...]  # entity ids mentioned, per passage
    # One (len(passages), dim) float32 matrix per vector set of IndexSpec.vector_sets.
    vectors: Mapping[str, np.ndarray] = field(repr=False)
    tokens: tuple[tuple[str, ...], ...]  # lexical tokens, per passage
    quads: Sequence[Any] = field(default=(), repr=False)
    talks: tuple[TalkRecord, ...] = ()  # the talks whose lines are passages of this document


@dataclass(frozen=True)
class IndexSpec:
    """What the generation is built with; recorded in its SNAPSHOT.json."""

    vector_sets: Mapping[str, VectorSetSpec]  # `embedding` always, the others as configured
    exact_limit: int
    base_iri: str
    # The graph on a SPARQL server instead of in the generation's graph/ folder (graph/remote.py).
    remote: RemoteEndpoints | None = None
    # Vectors and BM25 in Milvus instead of the generation's vectors/ and lexical/ folders.
    milvus: MilvusTarget | None = None

    @property
    def embedding(self) -> VectorSetSpec:
        return self.vector_sets[EMBEDDING]


# Vectors of passages already stored, for a vector set their generation lacks: (ids, rows).
Backfill = Mapping[str, tuple[np.ndarray, np.ndarray]]


@dataclass
class WriteStats:
    """Seconds spent per component, for the ingest summary and benchmarks."""

    seconds: dict[str, float] = field(default_factory=dict)

    def timed(self, name: str, start: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


# Called between steps with the step's name; the crash tests use it to die at chosen moments.
StepHook = Callable[[str], None]


@dataclass
class _Records:
    """The generation's documents, passages and lexical tokens as they are being changed."""

    documents: dict[str, DocumentInfo]
    passages: dict[str, StoredPassage]
    tokens: dict[str, list[str]]
    next_vector_id: int
    talks: dict[str, TalkRecord] = field(default_factory=dict)  # by passage id
    dropped_vectors: list[int] = field(default_factory=list)
    new_vector_ids: list[int] = field(default_factory=list)


def write_generation(
    layout: StoreLayout,
    base: Snapshot | None,
    *,
    upserts: Sequence[PreparedDocument],
    removals: Iterable[str],
    spec: IndexSpec,
    stats: WriteStats | None = None,
    on_step: StepHook | None = None,
    backfill: Backfill | None = None,
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
    `backfill` holds the stored passages' vectors of every set the base lacks.
    """
    from forumgraph.snapshot import milvus_index

    _check_backend(base, spec)
    milvus_index.check_index_backend(base, spec)
    if spec.remote is not None and spec.milvus is not None:
        from forumgraph.snapshot.remote_writer import write_remote_generation

        return write_remote_generation(
            layout.root, base, upserts, removals, spec, stats, on_step, rebuild=rebuild
        )
    store_id = str(base.meta.get("store_id") or "") if base is not None else ""
    store_id = store_id or new_store_id()
    stats = stats or WriteStats()
    step = on_step or (lambda _name: None)
    layout.prune()
    published = layout.current_name()
    name = layout.next_name()
    number = generation_number(name)
    # Rows born before the floor belong to the generations before the last rebuild.
    floor = number if base is None else int(base.meta.get("floor", 0))
    work = layout.generations / (name + PARTIAL)
    work.mkdir(parents=True)
    replaced = {d.info.doc_id for d in upserts} | set(removals)
    records = _carry_over(base, replaced, tokens=spec.milvus is None)

    start = time.perf_counter()
    if spec.remote is None:
        entities = _write_local_graph(work / GRAPH, base, upserts, replaced, spec, step)
    else:
        kept = set(records.documents) | {d.info.doc_id for d in upserts}
        target = RemoteTarget(spec.remote, store_id, rebuild=rebuild and base is None)
        entities = _write_remote_graph(target, base, upserts, replaced, kept, spec, step)
    stats.timed("store.graph", start)

    start = time.perf_counter()
    _add_documents(records, upserts)
    milvus = None
    if spec.milvus is None:
        for set_name, set_spec in spec.vector_sets.items():
            rows = [p.vectors[set_name] for p in upserts if len(p.passages)]
            index = _vector_index(base, set_name, set_spec, spec.exact_limit, backfill or {})
            _apply_vectors(index, records, rows)
            index.save(work / VECTORS / set_name, model_name=set_spec.model)
    else:
        old = generation_number(published) if published else 0
        milvus = milvus_index.write_rows(
            spec.milvus, spec, number, old, base, records, upserts, entities, rebuild=rebuild
        )
    stats.timed("store.vectors", start)
    step("vectors-written")

    start = time.perf_counter()
    if spec.milvus is None:
        _write_lexical(work / LEXICAL, records)
    stats.timed("store.lexical", start)
    step("lexical-written")

    start = time.perf_counter()
    meta = _write_records(work, name, store_id, records, entities, spec, floor)
    step("records-written")
    if milvus is not None:
        milvus.record_generation(number, meta)
    _publish(layout, work, name, step)
    stats.timed("store.publish", start)
    if milvus is not None:
        start = time.perf_counter()
        if base is not None:
            base.release()  # the writer is done with it; only other readers keep rows alive
        milvus_index.purge_rows(milvus, layout, number, floor)
        stats.timed("store.purge", start)
    return name


def _carry_over(base: Snapshot | None, replaced: set[str], *, tokens: bool = True) -> _Records:
    """The base's records without the documents that are replaced or removed (with every
    stored passage's lexical tokens when the lexical index is rebuilt from them)."""
    records = _Records(
        documents=dict(base.documents) if base else {},
        passages=dict(base.passages) if base else {},
        tokens=_read_tokens(base) if tokens else {},
        next_vector_id=int(base.meta.get("next_vector_id", 0)) if base else 0,
        talks=dict(base.talks) if base else {},
    )
    for doc_id in replaced:
        info = records.documents.pop(doc_id, None)
        for pid in info.passage_ids if info else ():
            records.dropped_vectors.append(records.passages.pop(pid).vector_id)
            records.tokens.pop(pid, None)
            records.talks.pop(pid, None)
    return records


def _add_documents(records: _Records, upserts: Sequence[PreparedDocument]) -> None:
    """Give the new passages vector ids and add them, their tokens and their documents."""
    for prepared in upserts:
        for passage, entity_ids, toks in zip(
            prepared.passages, prepared.passage_entities, prepared.tokens, strict=True
        ):
            vector_id = records.next_vector_id
            records.passages[passage.passage_id] = StoredPassage(passage, vector_id, entity_ids)
            records.tokens[passage.passage_id] = list(toks)
            records.new_vector_ids.append(vector_id)
            records.next_vector_id += 1
        records.documents[prepared.info.doc_id] = prepared.info
        records.talks.update((talk.passage_id, talk) for talk in prepared.talks)


def _vector_index(
    base: Snapshot | None, name: str, spec: VectorSetSpec, exact_limit: int, backfill: Backfill
) -> DenseIndex:
    """The base's index of the set (a fresh copy from disk: the base's own may be serving
    searches in this process), or a new one holding the `backfill` of the stored passages."""
    from forumgraph.index.dense import DenseIndex

    if base is not None and base.passages and base.vector_sets.get(name) == spec:
        return DenseIndex.load(base.vector_path(name), exact_limit=exact_limit)
    index = DenseIndex.create(spec.dim, exact_limit)
    if base is not None and base.passages:
        if name not in backfill:
            raise ValueError(f"A store without vectors of the set '{name}' needs them backfilled.")
        index.add(*backfill[name])
    return index


def _apply_vectors(index: DenseIndex, records: _Records, rows: list[np.ndarray]) -> None:
    """Drop the replaced passages' vectors and add the new passages' (`rows`, in order)."""
    if records.dropped_vectors:
        index.remove(np.asarray(records.dropped_vectors, dtype=np.int64))
    if records.new_vector_ids:
        vectors = np.vstack([np.asarray(r, dtype=np.float32) for r in rows])
        index.add(np.asarray(records.new_vector_ids, dtype=np.int64), vectors)


def _write_lexical(folder: Path, records: _Records) -> None:
    from forumgraph.index.sparse import LexicalIndex

    passages = sorted(records.passages)
    # The passages of talk lists (one line each) are length-normalised among themselves,
    # article passages among themselves.
    lists = {records.passages[pid].passage.doc_id for pid in records.talks}
    groups = {pid: "talk-list" for pid in passages if records.passages[pid].passage.doc_id in lists}
    LexicalIndex.build(((pid, records.tokens[pid]) for pid in passages), groups).save(folder)


def _write_records(
    work: Path,
    name: str,
    store_id: str,
    records: _Records,
    entities: list[Entity],
    spec: IndexSpec,
    floor: int = 0,
) -> dict[str, Any]:
    """Write the records and SNAPSHOT.json; returns what SNAPSHOT.json holds."""
    passages, documents = records.passages, records.documents
    ordered = sorted(passages.values(), key=lambda s: (s.passage.doc_id, s.passage.index))
    write_jsonl(work / PASSAGES, (passage_to_json(p) for p in ordered))
    write_json(work / DOCUMENTS, [document_to_json(documents[d]) for d in sorted(documents)])
    write_json(work / ENTITIES, [entity_to_json(e) for e in sorted(entities, key=lambda e: e.id)])
    talks = sorted(
        records.talks.values(),
        key=lambda t: (passages[t.passage_id].passage.doc_id, passages[t.passage_id].passage.index),
    )
    write_jsonl(work / TALKS, (talk_to_json(t) for t in talks))
    meta = snapshot_meta(name, store_id, records, entities, spec, floor)
    write_json(work / META, meta)
    return meta


def snapshot_meta(
    name: str,
    store_id: str,
    records: _Records,
    entities: list[Entity],
    spec: IndexSpec,
    floor: int,
) -> dict[str, Any]:
    """What SNAPSHOT.json says about a generation (kept in Milvus by stores without folders)."""
    passages, documents = records.passages, records.documents
    return {
        "name": name,
        "store_id": store_id,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "forumgraph_version": __version__,
        "embedding_model": spec.embedding.model,
        "dim": spec.embedding.dim,
        "vector_sets": {
            set_name: {"model": s.model, "dim": s.dim} for set_name, s in spec.vector_sets.items()
        },
        "base_iri": spec.base_iri,
        "graph_backend": "embedded" if spec.remote is None else "remote",
        **({} if spec.remote is None else {"remote": spec.remote.to_json()}),
        "index_backend": "embedded" if spec.milvus is None else "milvus",
        **({} if spec.milvus is None else {"milvus": spec.milvus.to_json(), "floor": floor}),
        "next_vector_id": records.next_vector_id,
        "documents": len(documents),
        "passages": len(passages),
        "entities": len(entities),
        "talks": len(records.talks),
    }


def _publish(layout: StoreLayout, work: Path, name: str, step: StepHook) -> None:
    """Sync the generation to disk, rename it into place and point CURRENT at it."""
    fsync_tree(work)
    final = layout.generations / name
    os.rename(work, final)
    fsync_dir(layout.generations)
    step("renamed")
    layout.publish(name)
    step("published")
    layout.prune()


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
    under_lease: Callable[[list[Entity]], None] | None = None,
) -> list[Entity]:
    """The document graphs on the SPARQL server; entities of this generation's documents.

    Only graphs this store wrote are replaced or deleted (see graph/remote_owner.py), and all
    writes happen under the server's writer lease; so does `under_lease(entities)`, the rest
    of a write that publishes elsewhere than in a local folder.
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
            entities = store.entities(kept)
            if under_lease is not None:
                lease.check()
                under_lease(entities)
            return entities
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


def _read_tokens(base: Snapshot | None) -> dict[str, list[str]]:
    """The lexical tokens of every stored passage, from the base's own lexical index."""
    if base is None or not base.passages:
        return {}
    from forumgraph.index.sparse import LexicalIndex

    return dict(LexicalIndex.load(base.path / LEXICAL).items())
