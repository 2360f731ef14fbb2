"""Named vector sets: which sentence encoders turn passages into vectors, one set per encoder.

Every store generation keeps one vector index per set, under the same vector ids as the
passages. `embedding` is the configured sentence-transformers model (multilingual-e5-small by
default) and always present; `use` is the multilingual Universal Sentence Encoder, present when
`second_encoder = "use"`. A new encoder is one factory here plus the signal that reads its set.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

import numpy as np

from forumgraph.config import Settings

EMBEDDING = "embedding"
USE = "use"


class Encoder(Protocol):
    """Turns queries and passages into L2-normalised float32 vectors of one dimension."""

    model_name: str  # what an index manifest records

    @property
    def dim(self) -> int:
        """Length of every vector."""
        ...

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of search queries, shape (len(texts), dim)."""
        ...

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of passages to index, shape (len(texts), dim)."""
        ...


def _embedding(settings: Settings, for_queries: bool) -> Encoder:
    if for_queries:  # onnxruntime, no torch (passages, if ever asked for, load it then)
        from forumgraph.index.query_encoder import create_query_embedder

        return create_query_embedder(settings)
    from forumgraph.index.embed import create_embedder

    return create_embedder(settings)


def _use(settings: Settings, for_queries: bool) -> Encoder:
    from forumgraph.index.use_encoder import UseEncoder

    return UseEncoder(cache_dir=settings.model_cache_dir)


# name -> (factory(settings, for_queries), whether the settings ask for it)
_VECTOR_SETS: dict[str, tuple[Callable[[Settings, bool], Encoder], Callable[[Settings], bool]]] = {
    EMBEDDING: (_embedding, lambda settings: True),
    USE: (_use, lambda settings: settings.second_encoder == USE),
}


def vector_set_names(settings: Settings) -> tuple[str, ...]:
    """The vector sets the settings ask for, `embedding` first."""
    return tuple(name for name, (_, wanted) in _VECTOR_SETS.items() if wanted(settings))


def create_encoders(
    settings: Settings, shared: Mapping[str, Encoder] | None = None, *, for_queries: bool = False
) -> dict[str, Encoder]:
    """One encoder per configured vector set (nothing loads before first use); encoders in
    `shared` (already loaded by the caller) are used instead of new ones. `for_queries` gives
    the serving side's encoders, which load no torch (index/query_encoder.py)."""
    shared = shared or {}
    return {
        name: shared[name] if name in shared else _VECTOR_SETS[name][0](settings, for_queries)
        for name in vector_set_names(settings)
    }
