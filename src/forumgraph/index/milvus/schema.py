"""The collections of one store and the manifest that says what its vectors were built with.

    <prefix>_passages   one row per passage and generation: vector_id (primary key), born,
                        the passage record, filter fields (lang, year, events, entity_types),
                        `tokens` (the analyser's tokens) with its BM25 field, one vector field
                        per vector set (`v_embedding`, `v_use`)
    <prefix>_documents  one row per document edition: key "<born>/<doc id>", doc_id, born, record
    <prefix>_meta       small rows by kind: the manifest, one row per published generation,
                        tombstones of dropped rows and readers' leases

Milvus needs a vector field in every collection, so the last two carry a two-dimensional one
that nothing searches.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from forumgraph.errors import IndexMismatch, StoreError
from forumgraph.index.milvus.target import MilvusTarget, milvus_call

if TYPE_CHECKING:
    from pymilvus import MilvusClient

PASSAGES = "passages"
DOCUMENTS = "documents"
META = "meta"
FORMAT = 1
MANIFEST_KEY = "manifest"
UNUSED_DIM = 2
MAX_ID = 1024  # longest passage or document id a row holds, in bytes
MAX_LIST = 256  # most events or entity types one passage lists
TOKENIZERS = ("whitespace", "standard")  # preferred first; Milvus Lite has only the second
REBUILD_HINT = (
    "Rebuild the store with `forumgraph ingest --rebuild PATH...` (which recreates its "
    "collections), or configure the encoders the collections were built with."
)


@dataclass(frozen=True)
class SetSpec:
    """The encoder behind one vector field: its model and dimension."""

    model: str
    dim: int


@dataclass(frozen=True)
class MilvusManifest:
    """What a store's collections hold: vector sets, tokenizer, dense index type, format."""

    vector_sets: Mapping[str, SetSpec]
    tokenizer: str
    index_type: str
    format: int = FORMAT

    def to_json(self) -> dict[str, Any]:
        sets = {n: {"model": s.model, "dim": s.dim} for n, s in self.vector_sets.items()}
        return {
            "vector_sets": sets,
            "tokenizer": self.tokenizer,
            "index_type": self.index_type,
            "format": self.format,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> MilvusManifest:
        sets = {n: SetSpec(str(s["model"]), int(s["dim"])) for n, s in data["vector_sets"].items()}
        return cls(sets, str(data["tokenizer"]), str(data["index_type"]), int(data["format"]))


def vector_field(set_name: str) -> str:
    """The vector field of a named vector set."""
    return f"v_{set_name}"


def dense_index_type(target: MilvusTarget, expected_rows: int, exact_limit: int) -> str:
    """FLAT (exact) for small stores; HNSW on a server (Milvus removes rows from any index type,
    unlike FAISS's HNSW); IVF_FLAT on Milvus Lite, whose HNSW builds slowly in Python."""
    if expected_rows <= exact_limit:
        return "FLAT"
    return "IVF_FLAT" if target.is_lite else "HNSW"


def read_manifest(client: MilvusClient, target: MilvusTarget) -> MilvusManifest | None:
    """The manifest of the target's collections, or None when they do not exist yet."""
    meta = target.collection(META)
    if not milvus_call("list collections", target, client.has_collection, meta):
        return None
    ensure_loaded(client, target)
    rows = milvus_call(
        "read the manifest",
        target,
        client.query,
        meta,
        filter=f'key == "{MANIFEST_KEY}"',
        output_fields=["record"],
    )
    if not rows:
        return None
    try:
        return MilvusManifest.from_json(record_of(rows[0]))
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(
            f"The manifest in {target.describe()} cannot be read: {exc}.", hint=REBUILD_HINT
        ) from exc


def ensure_loaded(client: MilvusClient, target: MilvusTarget) -> None:
    """Load the store's collections into memory where Milvus has not (after a restart)."""
    for kind in (PASSAGES, DOCUMENTS, META):
        name = target.collection(kind)
        state = milvus_call("read load states", target, client.get_load_state, name)
        if "NotLoad" in str(state.get("state")):
            milvus_call(f"load {name}", target, client.load_collection, name)


def verify_manifest(
    found: MilvusManifest, sets: Mapping[str, SetSpec], target: MilvusTarget
) -> None:
    """IndexMismatch unless the collections hold exactly the configured vector sets."""
    if found.format != FORMAT:
        raise IndexMismatch(
            f"The collections in {target.describe()} have format {found.format}; this version "
            f"of forumgraph reads format {FORMAT}.",
            hint=REBUILD_HINT,
        )
    if dict(found.vector_sets) != dict(sets):
        raise IndexMismatch(
            f"The collections in {target.describe()} hold the vector sets "
            f"{_describe(found.vector_sets)}, but the configuration asks for {_describe(sets)}.",
            hint=REBUILD_HINT,
        )


def create_collections(
    client: MilvusClient, target: MilvusTarget, sets: Mapping[str, SetSpec], index_type: str
) -> MilvusManifest:
    """Create the three collections (dropping any left under the same names) and the manifest."""
    drop_collections(client, target)
    tokenizer = _create_passages(client, target, sets, index_type)
    for kind in (DOCUMENTS, META):
        _create_small(client, target, kind)
    manifest = MilvusManifest(dict(sets), tokenizer, index_type)
    row = meta_row(MANIFEST_KEY, MANIFEST_KEY, 0, 0, manifest.to_json())
    milvus_call("write the manifest", target, client.insert, target.collection(META), [row])
    return manifest


def drop_collections(client: MilvusClient, target: MilvusTarget) -> None:
    """Drop the store's collections (those that exist)."""
    for kind in (PASSAGES, DOCUMENTS, META):
        name = target.collection(kind)
        if milvus_call("list collections", target, client.has_collection, name):
            milvus_call(f"drop {name}", target, client.drop_collection, name)


def meta_row(key: str, kind: str, number: int, target_id: int, record: Any) -> dict[str, Any]:
    """A row of the meta collection."""
    return {
        "key": key,
        "kind": kind,
        "number": int(number),
        "target": int(target_id),
        "record": record,
        "unused": [1.0, 0.0],
    }


def _create_passages(
    client: MilvusClient, target: MilvusTarget, sets: Mapping[str, SetSpec], index_type: str
) -> str:
    from pymilvus import DataType, Function, FunctionType
    from pymilvus.exceptions import MilvusException

    # Milvus Lite has no whitespace tokenizer: asking would only log an error before the retry.
    for tokenizer in TOKENIZERS[1:] if target.is_lite else TOKENIZERS:
        schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("vector_id", DataType.INT64, is_primary=True)
        schema.add_field("born", DataType.INT64)
        schema.add_field("passage_id", DataType.VARCHAR, max_length=MAX_ID)
        schema.add_field("doc_id", DataType.VARCHAR, max_length=MAX_ID)
        schema.add_field("lang", DataType.VARCHAR, max_length=16)
        schema.add_field("year", DataType.INT64)  # 0: the document has no year
        for name in ("events", "entity_types"):
            schema.add_field(
                name,
                DataType.ARRAY,
                element_type=DataType.VARCHAR,
                max_capacity=MAX_LIST,
                max_length=MAX_ID,
            )
        schema.add_field("record", DataType.JSON)
        schema.add_field(
            "tokens",
            DataType.VARCHAR,
            max_length=65_535,
            enable_analyzer=True,
            analyzer_params={"tokenizer": tokenizer},
        )
        schema.add_field("bm25", DataType.SPARSE_FLOAT_VECTOR)
        for set_name, spec in sets.items():
            schema.add_field(vector_field(set_name), DataType.FLOAT_VECTOR, dim=spec.dim)
        schema.add_function(
            Function(
                name="bm25_of_tokens",
                function_type=FunctionType.BM25,
                input_field_names=["tokens"],
                output_field_names=["bm25"],
            )
        )
        index = client.prepare_index_params()
        for set_name in sets:
            index.add_index(
                field_name=vector_field(set_name),
                index_type=index_type,
                metric_type="IP",
                params=_dense_params(index_type),
            )
        # bm25s's defaults (Lucene's BM25), so that both backends rank alike.
        index.add_index(
            field_name="bm25",
            index_type="SPARSE_INVERTED_INDEX",
            metric_type="BM25",
            params={"bm25_k1": 1.5, "bm25_b": 0.75},
        )
        for name in ("born", "lang"):
            index.add_index(field_name=name, index_type="INVERTED")
        try:
            client.create_collection(
                target.collection(PASSAGES),
                schema=schema,
                index_params=index,
                consistency_level="Strong",
            )
        except MilvusException as exc:
            if tokenizer == TOKENIZERS[-1] or "tokenizer" not in str(exc).lower():
                raise StoreError(
                    f"Milvus at {target.describe()} cannot create the passages collection: {exc}.",
                    hint="Milvus 2.5 or later is needed (BM25 functions).",
                ) from exc
            continue
        return tokenizer
    raise AssertionError("unreachable")  # pragma: no cover


def _create_small(client: MilvusClient, target: MilvusTarget, kind: str) -> None:
    from pymilvus import DataType

    schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("key", DataType.VARCHAR, is_primary=True, max_length=2 * MAX_ID)
    if kind == DOCUMENTS:
        schema.add_field("doc_id", DataType.VARCHAR, max_length=MAX_ID)
        schema.add_field("born", DataType.INT64)
    else:
        schema.add_field("kind", DataType.VARCHAR, max_length=32)
        schema.add_field("number", DataType.INT64)
        schema.add_field("target", DataType.INT64)
    schema.add_field("record", DataType.JSON)
    schema.add_field("unused", DataType.FLOAT_VECTOR, dim=UNUSED_DIM)
    index = client.prepare_index_params()
    index.add_index(field_name="unused", index_type="FLAT", metric_type="IP")
    milvus_call(
        f"create the {kind} collection",
        target,
        client.create_collection,
        target.collection(kind),
        schema=schema,
        index_params=index,
        consistency_level="Strong",
    )


def _dense_params(index_type: str) -> dict[str, int]:
    if index_type == "HNSW":
        return {"M": 16, "efConstruction": 200}
    if index_type == "IVF_FLAT":
        return {"nlist": 1024}
    return {}


def dense_search_params(index_type: str, k: int) -> dict[str, Any]:
    """Search parameters that keep recall@10 near exact (as the FAISS IVF index is tuned)."""
    if index_type == "HNSW":
        return {"metric_type": "IP", "params": {"ef": max(64, k)}}
    if index_type == "IVF_FLAT":
        return {"metric_type": "IP", "params": {"nprobe": 102}}
    return {"metric_type": "IP"}


def record_of(row: Mapping[str, Any]) -> Any:
    """The JSON `record` field of a returned row, as Python data."""
    record = row["record"]
    return json.loads(record) if isinstance(record, str | bytes) else record


def _describe(sets: Mapping[str, SetSpec]) -> str:
    return ", ".join(f"{n} ({s.model}, {s.dim} dimensions)" for n, s in sorted(sets.items()))
