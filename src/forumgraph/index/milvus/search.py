"""Reading one generation from Milvus: the vector sets and BM25 behind the index interface.

`MilvusVectors` answers like `DenseIndex` (search with a restriction, reconstruct, ids) and
`MilvusLexical` like `LexicalIndex`, so every search signal and the fusion run unchanged on
either backend. Each request is filtered to the rows of its generation (see __init__.py);
filters become expressions over the passages' own fields rather than lists of ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from forumgraph.errors import InputError
from forumgraph.index.manifest import IndexManifest
from forumgraph.index.milvus.schema import (
    META,
    PASSAGES,
    MilvusManifest,
    SetSpec,
    dense_search_params,
    vector_field,
)
from forumgraph.index.milvus.target import MilvusTarget, milvus_call
from forumgraph.index.milvus.tokens import encode_tokens
from forumgraph.index.where import Where

if TYPE_CHECKING:
    from pymilvus import MilvusClient

MAX_LIMIT = 16_384  # Milvus's largest top-k and query window
PAGE = 4_000
PASSAGE_TOMBSTONE = "tombstone-passage"
DOCUMENT_TOMBSTONE = "tombstone-document"


@dataclass(frozen=True)
class GenerationView:
    """The rows generation `number` sees: born from `floor` to `number`, minus `dead` ids."""

    number: int
    floor: int
    dead: frozenset[int] = frozenset()

    def expression(self) -> str:
        """A Milvus filter expression selecting exactly those rows."""
        expr = f"born >= {self.floor} and born <= {self.number}"
        if self.dead:
            expr += f" and vector_id not in {sorted(self.dead)}"
        return expr


def load_view(
    client: MilvusClient, target: MilvusTarget, number: int, floor: int
) -> GenerationView:
    """The view of generation `number`: the passages dropped up to it are its dead rows."""
    rows = iterate(
        client,
        target,
        META,
        f'kind == "{PASSAGE_TOMBSTONE}" and number <= {number}',
        ["target"],
    )
    return GenerationView(number, floor, frozenset(int(r["target"]) for r in rows))


def where_expression(where: Where) -> str:
    """The filter values as a Milvus expression over the passages' fields ("" for none)."""
    parts = []
    if where.langs:
        parts.append(f"lang in {json.dumps(list(where.langs), ensure_ascii=False)}")
    if where.event is not None:
        parts.append(f"array_contains(events, {json.dumps(where.event, ensure_ascii=False)})")
    if where.year is not None:
        parts.append(f"year == {int(where.year)}")
    if where.entity_type is not None:
        parts.append(f"array_contains(entity_types, {json.dumps(where.entity_type)})")
    if where.vector_ids is not None:
        parts.append(f"vector_id in {list(where.vector_ids)}")
    return " and ".join(parts)


@dataclass(frozen=True)
class FieldFilter:
    """A restriction of a search to the passages a filter expression selects (`size` of them)."""

    expression: str
    size: int


def iterate(
    client: MilvusClient,
    target: MilvusTarget,
    kind: str,
    expression: str,
    fields: Sequence[str],
) -> Iterator[dict[str, Any]]:
    """Every row of the collection `kind` that matches, page by page."""
    collection = target.collection(kind)
    iterator = milvus_call(
        f"read {collection}",
        target,
        client.query_iterator,
        collection,
        batch_size=PAGE,
        filter=expression,
        output_fields=list(fields),
    )
    try:
        while True:
            page = milvus_call(f"read {collection}", target, iterator.next)
            if not page:
                return
            yield from page
    finally:
        iterator.close()


class MilvusVectors:
    """One vector set of one generation, searched in Milvus; the surface of DenseIndex."""

    def __init__(
        self,
        client: MilvusClient,
        target: MilvusTarget,
        set_name: str,
        manifest: MilvusManifest,
        view: GenerationView,
    ) -> None:
        spec: SetSpec = manifest.vector_sets[set_name]
        self.dim = spec.dim
        self.index_type = manifest.index_type
        self._client = client
        self._target = target
        self._field = vector_field(set_name)
        self._view = view
        self._model = spec.model
        self._count: int | None = None

    @property
    def manifest(self) -> IndexManifest:
        """What the vectors were built with (read from the store's manifest collection)."""
        return IndexManifest(self._model, self.dim, self.index_type, len(self))

    def __len__(self) -> int:
        if self._count is None:
            self._count = count_rows(self._client, self._target, self._view.expression())
        return self._count

    def restriction(self, vector_ids: np.ndarray, where: Where) -> FieldFilter:
        """The passages `where` selects (`vector_ids` are the same passages, for their count)."""
        return FieldFilter(where_expression(where), len(vector_ids))

    def search(
        self,
        query_vectors: np.ndarray,
        k: int,
        *,
        allowed: FieldFilter | np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-`k` (scores, vector ids) per query row, best first; missing slots have id -1."""
        queries = np.asarray(query_vectors, np.float32).reshape(-1, self.dim)
        shape = (len(queries), max(k, 0))
        scores = np.full(shape, -np.inf, np.float32)
        ids = np.full(shape, -1, np.int64)
        expression = _restricted(self._view.expression(), allowed)
        if k <= 0 or expression is None:
            return np.zeros(shape, np.float32), ids
        found = milvus_call(
            "search vectors",
            self._target,
            self._client.search,
            self._target.collection(PASSAGES),
            data=queries.tolist(),
            anns_field=self._field,
            limit=min(k, MAX_LIMIT),
            filter=expression,
            output_fields=["vector_id"],
            search_params=dense_search_params(self.index_type, k),
        )
        for row, hits in enumerate(found):
            for column, hit in enumerate(hits):
                scores[row, column] = float(hit["distance"])
                ids[row, column] = int(hit["entity"]["vector_id"])
        return scores, ids

    def reconstruct(self, vector_ids: np.ndarray) -> np.ndarray:
        """The stored vectors of `vector_ids`, one row each; an unknown id raises InputError."""
        wanted = [int(i) for i in np.asarray(vector_ids).reshape(-1)]
        if not wanted:
            return np.empty((0, self.dim), np.float32)
        rows: dict[int, Any] = {}
        for start in range(0, len(wanted), PAGE):
            chunk = sorted(set(wanted[start : start + PAGE]))
            found = milvus_call(
                "read vectors",
                self._target,
                self._client.query,
                self._target.collection(PASSAGES),
                filter=f"{self._view.expression()} and vector_id in {chunk}",
                output_fields=["vector_id", self._field],
            )
            rows.update({int(r["vector_id"]): r[self._field] for r in found})
        missing = [i for i in wanted if i not in rows]
        if missing:
            raise InputError(f"Vector id {missing[0]} is not in the index.")
        return np.asarray([rows[i] for i in wanted], np.float32)

    def vector_ids(self) -> np.ndarray:
        """Every id the generation holds, in no particular order."""
        rows = iterate(self._client, self._target, PASSAGES, self._view.expression(), ["vector_id"])
        return np.fromiter((int(r["vector_id"]) for r in rows), np.int64)


class MilvusLexical:
    """BM25 over one generation's passages, computed by Milvus; the surface of LexicalIndex."""

    def __init__(self, client: MilvusClient, target: MilvusTarget, view: GenerationView) -> None:
        self._client = client
        self._target = target
        self._view = view
        self._ids: list[str] | None = None

    def __len__(self) -> int:
        return len(self.passage_ids())

    def __contains__(self, passage_id: object) -> bool:
        return passage_id in set(self.passage_ids())

    def search(
        self,
        query_tokens: Sequence[str],
        k: int,
        *,
        weights: Sequence[float] | None = None,
        allowed: Iterable[str] | None = None,
        where: Where | None = None,
    ) -> list[tuple[str, float]]:
        """Top-`k` (passage id, BM25 score) with a positive score, best first.

        Milvus weighs query words by how often they occur, not by a weight of ours: tokens of
        one weight go in one request and the weighted scores are added up (exact for every
        passage that each request returns, as the pool of candidates is).
        """
        if weights is not None and len(weights) != len(query_tokens):
            raise InputError("LexicalIndex.search needs one weight per query token.")
        groups: dict[float, list[str]] = {}
        for n, token in enumerate(query_tokens):
            groups.setdefault(1.0 if weights is None else float(weights[n]), []).append(token)
        restriction: FieldFilter | None = None
        if where is not None:
            restriction = FieldFilter(where_expression(where), 1)
        elif allowed is not None:
            pids = sorted(set(allowed))
            restriction = FieldFilter(f"passage_id in {json.dumps(pids)}", len(pids))
        expression = _restricted(self._view.expression(), restriction)
        if k <= 0 or expression is None:
            return []
        totals: dict[str, float] = {}
        for weight, tokens in groups.items():
            if weight <= 0:
                continue
            for pid, score in self._search(encode_tokens(tokens), k, expression):
                totals[pid] = totals.get(pid, 0.0) + weight * score
        ranked = sorted(totals.items(), key=lambda item: -item[1])
        return [(pid, score) for pid, score in ranked if score > 0][:k]

    def _search(self, text: str, k: int, expression: str) -> list[tuple[str, float]]:
        if not text:
            return []
        found = milvus_call(
            "search BM25",
            self._target,
            self._client.search,
            self._target.collection(PASSAGES),
            data=[text],
            anns_field="bm25",
            limit=min(k, MAX_LIMIT),
            filter=expression,
            output_fields=["passage_id"],
            search_params={"metric_type": "BM25"},
        )
        # Milvus Lite reports BM25 as a negative distance, a server as a positive score.
        return [(str(hit["entity"]["passage_id"]), abs(float(hit["distance"]))) for hit in found[0]]

    def passage_ids(self) -> list[str]:
        """Passage ids of the generation (in no particular order)."""
        if self._ids is None:
            rows = iterate(
                self._client, self._target, PASSAGES, self._view.expression(), ["passage_id"]
            )
            self._ids = [str(r["passage_id"]) for r in rows]
        return list(self._ids)


class MilvusGeneration:
    """The vector sets and the lexical index of one generation in Milvus."""

    def __init__(
        self,
        client: MilvusClient,
        target: MilvusTarget,
        manifest: MilvusManifest,
        view: GenerationView,
    ) -> None:
        self.client = client
        self.target = target
        self.manifest = manifest
        self.view = view

    def vectors(self, set_name: str) -> MilvusVectors:
        return MilvusVectors(self.client, self.target, set_name, self.manifest, self.view)

    def lexical(self) -> MilvusLexical:
        return MilvusLexical(self.client, self.target, self.view)

    @property
    def vector_sets(self) -> Mapping[str, SetSpec]:
        return self.manifest.vector_sets


def count_rows(client: MilvusClient, target: MilvusTarget, expression: str) -> int:
    """How many passage rows match `expression`."""
    found = milvus_call(
        "count passages",
        target,
        client.query,
        target.collection(PASSAGES),
        filter=expression,
        output_fields=["count(*)"],
    )
    return int(found[0]["count(*)"]) if found else 0


def _restricted(base: str, allowed: FieldFilter | np.ndarray | None) -> str | None:
    """`base` narrowed by `allowed`; None when `allowed` selects nothing."""
    if allowed is None:
        return base
    if isinstance(allowed, FieldFilter):
        if allowed.size == 0:
            return None
        return f"{base} and ({allowed.expression})" if allowed.expression else base
    ids = [int(i) for i in np.asarray(allowed).reshape(-1)]
    return f"{base} and vector_id in {ids}" if ids else None
