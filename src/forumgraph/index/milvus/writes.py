"""Writing generations to Milvus: new rows, tombstones, the published generation, and cleanup.

A write first deletes what an interrupted write left (rows born after the published generation),
then inserts the new passages and documents under the new generation's number and tombstones for
the rows it drops, flushes, and records the generation. Readers of older generations keep seeing
their rows; `purge` deletes dropped rows once no reader serves a generation that needs them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from forumgraph.errors import IndexMismatch, StoreError
from forumgraph.index.milvus.schema import (
    DOCUMENTS,
    META,
    PASSAGES,
    MilvusManifest,
    SetSpec,
    create_collections,
    meta_row,
    read_manifest,
    record_of,
    vector_field,
    verify_manifest,
)
from forumgraph.index.milvus.search import (
    DOCUMENT_TOMBSTONE,
    PASSAGE_TOMBSTONE,
    count_rows,
    iterate,
)
from forumgraph.index.milvus.target import MilvusTarget, connect, milvus_call
from forumgraph.index.milvus.tokens import encode_tokens

if TYPE_CHECKING:
    from pymilvus import MilvusClient

GENERATION = "generation"
READER = "reader"
INSERT_BATCH = 1_000


@dataclass(frozen=True)
class PassageRow:
    """One passage as a row: its record, filter values, analyser tokens and vectors."""

    vector_id: int
    record: Mapping[str, Any]  # the passage's JSON record (snapshot/records.py)
    lang: str
    year: int | None
    events: Sequence[str]
    entity_types: Sequence[str]
    tokens: Sequence[str]
    vectors: Mapping[str, np.ndarray] = field(repr=False)


class MilvusWriter:
    """Writes generations of one store into its collections (the caller is the one writer)."""

    def __init__(self, target: MilvusTarget, client: MilvusClient | None = None) -> None:
        self.target = target
        self.client = client or connect(target)

    # -- collections --------------------------------------------------------------------------

    def prepare(
        self, sets: Mapping[str, SetSpec], index_type: str, *, rebuild: bool
    ) -> MilvusManifest:
        """Collections that hold `sets`: created when missing; with `rebuild`, recreated when
        they were built for other encoders (else IndexMismatch)."""
        found = read_manifest(self.client, self.target)
        if found is None:
            return create_collections(self.client, self.target, sets, index_type)
        try:
            verify_manifest(found, sets, self.target)
        except IndexMismatch:
            if not rebuild:
                raise
            return create_collections(self.client, self.target, sets, index_type)
        return found

    def generations(self) -> list[int]:
        """The numbers of the generations recorded in Milvus, oldest first."""
        rows = self._meta(f'kind == "{GENERATION}"', ["number"])
        return sorted(int(r["number"]) for r in rows)

    # -- one generation -----------------------------------------------------------------------

    def remove_leftovers(self, published: int) -> None:
        """Delete what a write interrupted before publishing left: anything born after the
        published generation `published`."""
        self._delete(PASSAGES, f"born > {published}")
        self._delete(DOCUMENTS, f"born > {published}")
        self._delete(META, f'kind != "manifest" and kind != "{READER}" and number > {published}')

    def insert_passages(self, number: int, rows: Sequence[PassageRow]) -> None:
        """The new passages of generation `number`."""
        for start in range(0, len(rows), INSERT_BATCH):
            batch = [self._passage(number, row) for row in rows[start : start + INSERT_BATCH]]
            self._insert(PASSAGES, batch)

    def insert_documents(self, number: int, documents: Iterable[Mapping[str, Any]]) -> None:
        """The new document records (documents.json rows) of generation `number`."""
        batch = [
            {
                "key": f"{number}/{doc['doc_id']}",
                "doc_id": doc["doc_id"],
                "born": number,
                "record": dict(doc),
                "unused": [1.0, 0.0],
            }
            for doc in documents
        ]
        for start in range(0, len(batch), INSERT_BATCH):
            self._insert(DOCUMENTS, batch[start : start + INSERT_BATCH])

    def drop(self, number: int, vector_ids: Iterable[int], doc_ids: Iterable[str]) -> None:
        """Tombstones: from generation `number` on, these passages and documents are gone."""
        rows = [
            meta_row(f"{PASSAGE_TOMBSTONE}/{int(v)}", PASSAGE_TOMBSTONE, number, int(v), {})
            for v in vector_ids
        ]
        rows += [
            meta_row(
                f"{DOCUMENT_TOMBSTONE}/{number}/{d}", DOCUMENT_TOMBSTONE, number, 0, {"doc": d}
            )
            for d in doc_ids
        ]
        for start in range(0, len(rows), INSERT_BATCH):
            self._insert(META, rows[start : start + INSERT_BATCH])

    def flush(self) -> None:
        """Make everything written so far durable before the generation is published."""
        for kind in (PASSAGES, DOCUMENTS, META):
            name = self.target.collection(kind)
            milvus_call(f"flush {name}", self.target, self.client.flush, name)

    def record_generation(self, number: int, meta: Mapping[str, Any]) -> None:
        """Record generation `number` with its SNAPSHOT.json data; for a store without local
        generations this insert is what publishes it."""
        key = f"{GENERATION}/{number:09d}"
        self._insert(META, [meta_row(key, GENERATION, number, 0, dict(meta))])
        milvus_call("flush", self.target, self.client.flush, self.target.collection(META))

    # -- cleanup ------------------------------------------------------------------------------

    def purge(self, oldest_served: int, floor: int) -> int:
        """Delete the rows no generation from `oldest_served` on can see (its `floor` is that of
        `oldest_served`) and their tombstones; returns the passages deleted."""
        dead = [
            int(r["target"])
            for r in self._meta(
                f'kind == "{PASSAGE_TOMBSTONE}" and number <= {oldest_served}', ["target"]
            )
        ]
        deleted = len(dead)
        for start in range(0, len(dead), INSERT_BATCH):
            chunk = dead[start : start + INSERT_BATCH]
            self._delete(PASSAGES, f"vector_id in {chunk}")
        docs = self._meta(
            f'kind == "{DOCUMENT_TOMBSTONE}" and number <= {oldest_served}', ["number", "record"]
        )
        for row in docs:
            doc_id = record_of(row)["doc"]
            self._delete(DOCUMENTS, f"doc_id == {_quote(doc_id)} and born < {int(row['number'])}")
        if floor > 0:
            deleted += count_rows(self.client, self.target, f"born < {floor}")
            self._delete(PASSAGES, f"born < {floor}")
            self._delete(DOCUMENTS, f"born < {floor}")
        tombstones = f'kind in ["{PASSAGE_TOMBSTONE}", "{DOCUMENT_TOMBSTONE}"]'
        self._delete(META, f"{tombstones} and number <= {oldest_served}")
        self._delete(META, f'kind == "{GENERATION}" and number < {oldest_served}')
        return deleted

    # -- readers ------------------------------------------------------------------------------

    def live_readers(self, now: float | None = None) -> dict[str, int]:
        """Reader id -> generation, for readers whose lease has not expired."""
        moment = int(now if now is not None else time.time())
        rows = self._meta(f'kind == "{READER}" and target >= {moment}', ["key", "number"])
        return {str(r["key"]): int(r["number"]) for r in rows}

    # -- helpers ------------------------------------------------------------------------------

    def _passage(self, number: int, row: PassageRow) -> dict[str, Any]:
        out = {
            "vector_id": int(row.vector_id),
            "born": number,
            "passage_id": str(row.record["passage_id"]),
            "doc_id": str(row.record["doc_id"]),
            "lang": row.lang,
            "year": int(row.year or 0),
            "events": list(row.events),
            "entity_types": sorted(set(row.entity_types)),
            "record": dict(row.record),
            "tokens": encode_tokens(row.tokens),
        }
        for set_name, vector in row.vectors.items():
            out[vector_field(set_name)] = np.asarray(vector, np.float32).tolist()
        return out

    def _insert(self, kind: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            name = self.target.collection(kind)
            milvus_call(f"write to {name}", self.target, self.client.insert, name, rows)

    def _delete(self, kind: str, expression: str) -> None:
        name = self.target.collection(kind)
        milvus_call(
            f"delete rows of {name}", self.target, self.client.delete, name, filter=expression
        )

    def _meta(self, expression: str, fields: list[str]) -> list[dict[str, Any]]:
        return list(iterate(self.client, self.target, META, expression, fields))


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def refuse_foreign(writer: MilvusWriter, has_base: bool, rebuild: bool) -> None:
    """StoreError when a store with no generation yet would write into collections that already
    hold another store's generations (the same prefix), unless it rebuilds them."""
    if has_base or rebuild:
        return
    if writer.generations():
        raise StoreError(
            f"The collections {writer.target.describe()} already hold another store's data.",
            hint="Use another milvus_collection_prefix, or take them over with "
            "`forumgraph ingest --rebuild PATH...`.",
        )
