"""The second dense signal's passage index, for generations written without its vectors.

Ingest stores the second encoder's passage vectors in each generation; a store written before
(or with `second_encoder = "none"`) has none, and the service then encodes its passages once
when it is built for that generation (about 20 passages/s on 2 cores).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from forumgraph.index.dense import DenseIndex
from forumgraph.index.use_encoder import BATCH, UseEncoder
from forumgraph.models import StoredPassage

__all__ = ["UseEncoder", "build_use_index"]


def build_use_index(
    encoder: UseEncoder, passages: Iterable[StoredPassage], exact_limit: int
) -> DenseIndex:
    """A DenseIndex of USE vectors under the passages' own vector ids."""
    stored = list(passages)
    index = DenseIndex.create(encoder.dim, exact_limit)
    for start in range(0, len(stored), BATCH):
        batch = stored[start : start + BATCH]
        vectors = encoder.encode([s.passage.text for s in batch])
        index.add(np.array([s.vector_id for s in batch], np.int64), vectors)
    return index
