"""The index interface that search reads, whichever backend holds the vectors and BM25.

`embedded`: one FAISS index per vector set (dense.py) and a bm25s index (sparse.py), files in
each store generation. `milvus`: one Milvus collection with a vector field per set and Milvus's
own BM25 (milvus/). A generation hands search objects of these two shapes; filters reach them
as the passages' ids and as their filter values (`Where`), and each backend uses what it can.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import numpy as np

from forumgraph.index.manifest import IndexManifest
from forumgraph.index.where import Where

BACKENDS = ("embedded", "milvus")
# What `VectorIndex.restriction` returns: opaque to callers, reusable across searches.
Restriction = Any


class VectorIndex(Protocol):
    """Inner-product search over one vector set, addressed by int64 vector ids."""

    dim: int

    @property
    def manifest(self) -> IndexManifest | None:
        """What the vectors were built with."""
        ...

    def __len__(self) -> int: ...

    def restriction(self, vector_ids: np.ndarray, where: Where) -> Restriction:
        """A restriction of searches to these passages (given both ways)."""
        ...

    def search(
        self, query_vectors: np.ndarray, k: int, *, allowed: Restriction = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-`k` (scores, vector ids) per query row, best first; missing slots have id -1."""
        ...

    def reconstruct(self, vector_ids: np.ndarray) -> np.ndarray:
        """The stored vectors of `vector_ids`, one row each."""
        ...

    def vector_ids(self) -> np.ndarray:
        """Every id held."""
        ...


class TextIndex(Protocol):
    """BM25 over the analyser's tokens of every passage."""

    def __len__(self) -> int: ...

    def search(
        self,
        query_tokens: Sequence[str],
        k: int,
        *,
        weights: Sequence[float] | None = None,
        allowed: Iterable[str] | None = None,
        where: Where | None = None,
    ) -> list[tuple[str, float]]:
        """Top-`k` (passage id, score) with a positive score, best first."""
        ...

    def passage_ids(self) -> list[str]:
        """Every passage id held."""
        ...
