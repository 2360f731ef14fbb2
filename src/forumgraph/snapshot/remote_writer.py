"""Writing a generation of a store with nothing local (see remote_store.py).

The writer takes the SPARQL server's writer lease, replaces the document graphs there, writes the
new rows and tombstones into Milvus, and publishes by recording the generation in Milvus, all
under the lease. A crash before that last insert leaves the server's graphs ahead of the
published generation and rows in Milvus that no reader sees; `forumgraph check` reports both and
ingesting again repairs them (the next write deletes the rows first).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from forumgraph.graph.remote_owner import new_store_id
from forumgraph.index.milvus.records import published_generation
from forumgraph.index.milvus.writes import MilvusWriter
from forumgraph.models import Entity
from forumgraph.snapshot import milvus_index
from forumgraph.snapshot.reader import Snapshot
from forumgraph.snapshot.remote_store import generation_name, write_pointer
from forumgraph.snapshot.writer import (
    IndexSpec,
    PreparedDocument,
    RemoteTarget,
    StepHook,
    WriteStats,
    _add_documents,
    _carry_over,
    _write_remote_graph,
    snapshot_meta,
)


def write_remote_generation(
    store_dir: Path,
    base: Snapshot | None,
    upserts: Sequence[PreparedDocument],
    removals: Iterable[str],
    spec: IndexSpec,
    stats: WriteStats | None,
    on_step: StepHook | None,
    *,
    rebuild: bool,
) -> str:
    """Write base + changes as a generation published in Milvus; returns its name."""
    if spec.remote is None or spec.milvus is None:
        raise ValueError("write_remote_generation needs a remote graph and Milvus.")
    step = on_step or (lambda _name: None)
    stats = stats or WriteStats()
    store_id = str(base.meta.get("store_id") or "") if base is not None else ""
    store_id = store_id or new_store_id()
    published, _ = published_generation(spec.milvus)
    number = published + 1
    floor = number if base is None else int(base.meta.get("floor", 0))
    name = generation_name(number)
    replaced = {d.info.doc_id for d in upserts} | set(removals)
    records = _carry_over(base, replaced, tokens=False)
    kept = set(records.documents) | {d.info.doc_id for d in upserts}
    writers: list[MilvusWriter] = []

    def index_and_publish(entities: list[Entity]) -> None:
        start = time.perf_counter()
        _add_documents(records, upserts)
        writer = milvus_index.write_rows(
            spec.milvus,  # type: ignore[arg-type]
            spec,
            number,
            published,
            base,
            records,
            upserts,
            entities,
            rebuild=rebuild,
        )
        writers.append(writer)
        stats.timed("store.vectors", start)
        step("vectors-written")
        step("lexical-written")
        meta = snapshot_meta(name, store_id, records, entities, spec, floor)
        step("records-written")
        writer.record_generation(number, meta)
        step("published")

    start = time.perf_counter()
    target = RemoteTarget(spec.remote, store_id, rebuild=rebuild and base is None)
    _write_remote_graph(target, base, upserts, replaced, kept, spec, step, index_and_publish)
    stats.timed("store.graph", start)
    write_pointer(store_dir, spec.remote, spec.milvus)
    start = time.perf_counter()
    if base is not None:
        base.release()
    writer = writers[0]
    readers = writer.live_readers().values()
    oldest = min([number, *readers])
    floors = {number: floor}
    if oldest != number:
        floors[oldest] = int(str(_meta_of(writer, oldest).get("floor", 0)))
    writer.purge(oldest, floors[oldest])
    stats.timed("store.purge", start)
    return name


def _meta_of(writer: MilvusWriter, number: int) -> dict[str, object]:
    from forumgraph.index.milvus.schema import META, record_of
    from forumgraph.index.milvus.search import iterate

    rows = iterate(
        writer.client,
        writer.target,
        META,
        f'kind == "generation" and number == {number}',
        ["record"],
    )
    for row in rows:
        return dict(record_of(row))
    return {}
