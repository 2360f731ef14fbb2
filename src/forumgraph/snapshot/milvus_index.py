"""The milvus index backend in a store's generations: rows written before the pointer moves.

A generation writes its new passages and documents into Milvus under its own number, with
tombstones for what it drops, and records itself there before the CURRENT pointer is replaced.
A crash before that leaves rows of an unpublished generation, which readers never see (they
filter on the generation) and the next write deletes first; `forumgraph check` reports them.
After publishing, rows that only older generations saw are deleted unless a process still
serves one of those (it holds a lease on its generation folder, see layout.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from forumgraph.errors import ConfigError
from forumgraph.index.milvus.schema import SetSpec, dense_index_type
from forumgraph.index.milvus.writes import MilvusWriter, PassageRow, refuse_foreign
from forumgraph.models import Entity, StoredPassage, TalkRecord
from forumgraph.snapshot.layout import StoreLayout, generation_number
from forumgraph.snapshot.reader import META, Snapshot
from forumgraph.snapshot.records import (
    document_to_json,
    passage_to_json,
    read_json,
    talk_to_json,
)

if TYPE_CHECKING:
    from forumgraph.index.milvus.target import MilvusTarget
    from forumgraph.snapshot.writer import IndexSpec, PreparedDocument, _Records


def check_index_backend(base: Snapshot | None, spec: IndexSpec) -> None:
    """ConfigError when the base keeps its indexes elsewhere than the configured backend."""
    configured = "embedded" if spec.milvus is None else "milvus"
    if base is None or base.index_backend == configured:
        return
    raise ConfigError(
        f"The store {base.path.parent.parent} keeps its indexes {base.index_backend}, but the "
        f"configured index_backend is {configured}.",
        hint="Configure the original index_backend, or rebuild with `forumgraph ingest --rebuild`.",
    )


def write_rows(
    target: MilvusTarget,
    spec: IndexSpec,
    number: int,
    published: int,
    base: Snapshot | None,
    records: _Records,
    upserts: Sequence[PreparedDocument],
    entities: Sequence[Entity],
    *,
    rebuild: bool,
) -> MilvusWriter:
    """Write generation `number`'s changes (the published generation is `published`); with
    `rebuild` the store takes the collections over from whatever wrote them."""
    writer = MilvusWriter(target)
    sets = {name: SetSpec(s.model, s.dim) for name, s in spec.vector_sets.items()}
    index_type = dense_index_type(target, len(records.passages), spec.exact_limit)
    writer.prepare(sets, index_type, rebuild=rebuild)
    refuse_foreign(writer, has_base=published > 0, rebuild=rebuild)
    writer.remove_leftovers(published)
    types = {e.id: str(e.type) for e in entities}
    rows: list[PassageRow] = []
    for prepared in upserts:
        info = prepared.info
        for n, passage in enumerate(prepared.passages):
            stored = records.passages[passage.passage_id]
            rows.append(
                PassageRow(
                    vector_id=stored.vector_id,
                    record=_record(stored, records.talks.get(passage.passage_id)),
                    lang=passage.lang,
                    year=info.year,
                    events=info.event_ids,
                    entity_types=[types[e] for e in stored.entity_ids if e in types],
                    tokens=prepared.tokens[n],
                    vectors={name: rows_[n] for name, rows_ in prepared.vectors.items()},
                )
            )
    writer.insert_passages(number, rows)
    writer.insert_documents(number, [document_to_json(p.info) for p in upserts])
    if base is not None:
        dropped_docs = (set(base.documents) - set(records.documents)) | {
            p.info.doc_id for p in upserts if p.info.doc_id in base.documents
        }
        writer.drop(number, records.dropped_vectors, sorted(dropped_docs))
    writer.flush()
    return writer


def purge_rows(writer: MilvusWriter, layout: StoreLayout, number: int, floor: int) -> None:
    """Delete the rows that no generation a process still serves can see."""
    served = [generation_number(name) for name in layout.leased()]
    oldest = min([number, *served])
    floors: Mapping[int, int] = {number: floor}
    if oldest != number:
        meta = read_json(layout.generations / f"g{oldest:06d}" / META)
        floors = {oldest: int(meta.get("floor", 0))}
    writer.purge(oldest, floors[oldest])


def _record(stored: StoredPassage, talk: TalkRecord | None) -> dict[str, Any]:
    """A passage's JSON record; a talk's passage carries the talk (stores with no folder keep
    no talks.jsonl)."""
    record = passage_to_json(stored)
    return record if talk is None else {**record, "talk": talk_to_json(talk)}
