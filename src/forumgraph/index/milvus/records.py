"""Opening a generation in Milvus: its checked manifest and view, and the records kept there.

Stores with a local generation folder keep their records (documents, passages) in it and read
only vectors and BM25 from Milvus. Stores without one (replicas on a remote graph) read the
records of the published generation from the collections too: `generation_meta`,
`documents_of` and `passages_of`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from forumgraph.errors import StoreError
from forumgraph.index.milvus.schema import (
    DOCUMENTS,
    META,
    PASSAGES,
    REBUILD_HINT,
    SetSpec,
    read_manifest,
    record_of,
    verify_manifest,
)
from forumgraph.index.milvus.search import (
    DOCUMENT_TOMBSTONE,
    GenerationView,
    MilvusGeneration,
    iterate,
    load_view,
)
from forumgraph.index.milvus.target import MilvusTarget, connect
from forumgraph.index.milvus.writes import GENERATION


def open_milvus_generation(
    target: MilvusTarget, sets: Mapping[str, SetSpec], number: int, floor: int
) -> MilvusGeneration:
    """Generation `number` (rebuilt at `floor`) of the target's collections, whose manifest must
    hold exactly `sets`."""
    client = connect(target)
    manifest = read_manifest(client, target)
    if manifest is None:
        raise StoreError(
            f"The store's collections in {target.describe()} do not exist.",
            hint=REBUILD_HINT,
        )
    verify_manifest(manifest, sets, target)
    return MilvusGeneration(client, target, manifest, load_view(client, target, number, floor))


def published_generation(target: MilvusTarget, client: Any = None) -> tuple[int, dict[str, Any]]:
    """The newest generation recorded in the collections and its SNAPSHOT.json data, or
    (0, {}) when there is none."""
    client = client or connect(target)
    if read_manifest(client, target) is None:
        return 0, {}
    rows = list(iterate(client, target, META, f'kind == "{GENERATION}"', ["number", "record"]))
    if not rows:
        return 0, {}
    newest = max(rows, key=lambda r: int(r["number"]))
    return int(newest["number"]), dict(record_of(newest))


def documents_of(generation: MilvusGeneration) -> Iterator[dict[str, Any]]:
    """The document records (documents.json rows) that generation sees."""
    view, client, target = generation.view, generation.client, generation.target
    dropped: dict[str, list[int]] = {}
    tombstones = iterate(
        client,
        target,
        META,
        f'kind == "{DOCUMENT_TOMBSTONE}" and number <= {view.number}',
        ["number", "record"],
    )
    for row in tombstones:
        dropped.setdefault(str(record_of(row)["doc"]), []).append(int(row["number"]))
    rows = iterate(client, target, DOCUMENTS, _born(view), ["doc_id", "born", "record"])
    for row in rows:
        # A row is gone once a tombstone of a later generation names its document.
        if not any(int(row["born"]) < died for died in dropped.get(str(row["doc_id"]), ())):
            yield dict(record_of(row))


def passages_of(generation: MilvusGeneration) -> Iterator[dict[str, Any]]:
    """The passage records (passages.jsonl rows) that generation sees."""
    rows = iterate(
        generation.client, generation.target, PASSAGES, generation.view.expression(), ["record"]
    )
    for row in rows:
        yield dict(record_of(row))


def _born(view: GenerationView) -> str:
    return f"born >= {view.floor} and born <= {view.number}"
