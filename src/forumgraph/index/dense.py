"""FAISS vector index with explicit int64 ids: exact up to a size limit, IVF above it.

Why IVF and not HNSW above the limit: passages are replaced and removed when documents change,
and FAISS's HNSW cannot remove vectors (it would need tombstones plus periodic rebuilds), while
IVF removes by id natively. The switch happens automatically when the index grows past
`exact_limit` (trained on the vectors it holds then), it retrains when it has grown well past
its training size, and it falls back to exact search when removals shrink it to half the limit.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from forumgraph.config import Settings
from forumgraph.errors import InputError, StoreError
from forumgraph.files import atomic_write_bytes
from forumgraph.index.manifest import REBUILD_HINT, IndexManifest
from forumgraph.index.mapped import prefetch
from forumgraph.index.where import Where

INDEX_FILE = "index.faiss"
EXACT = "flat-ip"
IVF = "ivf-flat-ip"
# Retrain the IVF quantiser when the index holds this many times the vectors it was trained on.
RETRAIN_GROWTH = 4


class DenseIndex:
    """Inner-product search over L2-normalised vectors, addressed by int64 vector ids."""

    def __init__(self, dim: int, exact_limit: int, index: Any = None, mapped: bool = False) -> None:
        faiss = _faiss()
        if dim <= 0:
            raise InputError(f"Vector dimension must be positive, got {dim}.")
        self.dim = dim
        self.exact_limit = max(1, exact_limit)
        self._index = index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        self._trained_size = self._index.ntotal
        # Vectors read in place from a memory-mapped file (load(mapped=True)): read-only.
        self.mapped = mapped
        # What the index was saved or loaded with; None for an index not yet saved.
        self.manifest: IndexManifest | None = None
        if self.index_type == IVF:
            _tune_ivf(self._index)

    @classmethod
    def create(cls, dim: int, exact_limit: int) -> DenseIndex:
        """An empty exact index; it switches to IVF by itself past `exact_limit` vectors."""
        return cls(dim, exact_limit)

    def __len__(self) -> int:
        return int(self._index.ntotal)

    @property
    def index_type(self) -> str:
        """ "flat-ip" (exact) or "ivf-flat-ip" (approximate)."""
        return IVF if isinstance(self._index, _faiss().IndexIVF) else EXACT

    def add(self, vector_ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors under their ids; an id already present is replaced."""
        self._check_writable()
        ids = _as_ids(vector_ids)
        matrix = self._as_matrix(vectors)
        if len(ids) != len(matrix):
            raise InputError(f"Got {len(ids)} vector ids for {len(matrix)} vectors.")
        if len(np.unique(ids)) != len(ids):
            raise InputError("Vector ids passed to DenseIndex.add must be unique.")
        if len(ids) == 0:
            return
        self._index.remove_ids(ids)
        self._index.add_with_ids(matrix, ids)
        grown = self.index_type == IVF and len(self) > RETRAIN_GROWTH * self._trained_size
        if (self.index_type == EXACT and len(self) > self.exact_limit) or grown:
            self._rebuild(ivf=True)

    def remove(self, vector_ids: np.ndarray) -> int:
        """Remove the given ids (absent ones are ignored); returns how many were removed."""
        self._check_writable()
        ids = _as_ids(vector_ids)
        if len(ids) == 0:
            return 0
        removed = int(self._index.remove_ids(ids))
        if self.index_type == IVF and len(self) <= self.exact_limit // 2:
            self._rebuild(ivf=False)
        return removed

    def restriction(self, vector_ids: np.ndarray, where: Where) -> IdFilter:
        """A reusable restriction to `vector_ids` (the passages `where` selects; FAISS needs
        only the ids, an index with filter fields of its own only `where`)."""
        del where
        return id_filter(vector_ids)

    def search(
        self,
        query_vectors: np.ndarray,
        k: int,
        *,
        allowed: np.ndarray | IdFilter | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-`k` (scores, vector ids) per query row, best first; missing slots have id -1.

        `allowed` restricts the search to those vector ids (filters); pass an `IdFilter` from
        `id_filter` to reuse one set across searches.
        """
        faiss = _faiss()
        queries = self._as_matrix(query_vectors)
        shape = (len(queries), max(k, 0))
        restriction = id_filter(allowed) if isinstance(allowed, np.ndarray) else allowed
        if k <= 0 or len(self) == 0 or (restriction is not None and restriction.size == 0):
            return np.zeros(shape, np.float32), np.full(shape, -1, np.int64)
        params = None
        if restriction is not None:
            if self.index_type == IVF:
                # Probe more lists the fewer vectors the filter allows, so that about as many
                # allowed vectors are scored as an unfiltered search scores in total.
                share = max(restriction.size / len(self), 1e-9)
                nprobe = min(self._index.nlist, math.ceil(self._index.nprobe / share))
                params = faiss.SearchParametersIVF(sel=restriction.selector, nprobe=nprobe)
            else:
                params = faiss.SearchParameters(sel=restriction.selector)
        scores, ids = self._index.search(queries, min(k, len(self)), params=params)
        if ids.shape[1] < k:  # pad to k columns so that callers see one shape
            pad = k - ids.shape[1]
            scores = np.pad(scores, ((0, 0), (0, pad)), constant_values=-np.inf)
            ids = np.pad(ids, ((0, 0), (0, pad)), constant_values=-1)
        return scores.astype(np.float32), ids.astype(np.int64)

    def reconstruct(self, vector_ids: np.ndarray) -> np.ndarray:
        """The stored vectors of `vector_ids`, one row each; an unknown id raises InputError."""
        ids = _as_ids(vector_ids)
        if not len(ids):
            return np.empty((0, self.dim), np.float32)
        try:
            return np.asarray(self._index.reconstruct_batch(ids), np.float32)
        except RuntimeError:
            missing = next(i for i in ids if not self._holds(int(i)))
            raise InputError(f"Vector id {missing} is not in the index.") from None

    def _holds(self, vector_id: int) -> bool:
        try:
            self._index.reconstruct(vector_id)
        except RuntimeError:
            return False
        return True

    def vector_ids(self) -> np.ndarray:
        """Every id held, in no particular order."""
        return self._export()[0]

    def save(
        self,
        directory: Path,
        manifest: IndexManifest | None = None,
        *,
        model_name: str | None = None,
        corpus_hash: str = "",
    ) -> IndexManifest:
        """Write the index and its manifest atomically; returns the manifest written.

        The model comes from `manifest` or `model_name`; dimension, type and count always come
        from the index itself so that the manifest cannot disagree with it.
        """
        faiss = _faiss()
        if manifest is None and model_name is None:
            raise InputError("DenseIndex.save needs the embedding model's name or a manifest.")
        written = IndexManifest(
            model_name=manifest.model_name if manifest else str(model_name),
            dim=self.dim,
            index_type=self.index_type,
            count=len(self),
            corpus_hash=manifest.corpus_hash if manifest else corpus_hash,
        )
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=directory) as tmp:
            staged = Path(tmp) / INDEX_FILE
            faiss.write_index(self._index, str(staged))
            atomic_write_bytes(directory / INDEX_FILE, staged.read_bytes())
        written.save(directory)
        self.manifest = written
        return written

    @classmethod
    def load(
        cls,
        directory: Path,
        expected: IndexManifest | None = None,
        exact_limit: int | None = None,
        mapped: bool = False,
    ) -> DenseIndex:
        """Read an index saved by `save`, refusing one built with another model or corpus.

        Without `expected` the manifest is only checked against the file; `manifest` keeps it
        so that a caller can verify it later (SearchService does, against its embedder).
        `mapped` reads the vectors in place from the file (read-only): only the pages a search
        touches stay resident (a tenth of an IVF index), and processes on one host share them.
        """
        faiss = _faiss()
        found = IndexManifest.load(directory)
        if expected is not None:
            found.verify(expected, directory)
        path = directory / INDEX_FILE
        try:
            flags = 0
            if mapped:
                flags = faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY
                prefetch(path)  # the first searches must not wait for the disk
            index = faiss.read_index(str(path), flags)
        except (RuntimeError, OSError) as exc:
            raise StoreError(f"Vector index {path} cannot be read: {exc}.", REBUILD_HINT) from exc
        if index.d != found.dim or index.ntotal != found.count:
            raise StoreError(
                f"Vector index {path} holds {index.ntotal} vectors of {index.d} dimensions, but "
                f"its manifest says {found.count} of {found.dim}.",
                hint=REBUILD_HINT,
            )
        limit = Settings().exact_search_limit if exact_limit is None else exact_limit
        loaded = cls(found.dim, limit, index, mapped=mapped)
        loaded.manifest = found
        return loaded

    def _check_writable(self) -> None:
        if self.mapped:
            raise StoreError(
                "This vector index is memory-mapped from a published generation and read-only.",
                hint="Load a copy with DenseIndex.load(directory) to change it.",
            )

    def _as_matrix(self, vectors: np.ndarray) -> np.ndarray:
        matrix = np.asarray(vectors, dtype=np.float32)
        if matrix.ndim == 1:
            matrix = matrix.reshape(1, -1)
        if matrix.ndim != 2 or matrix.shape[1] != self.dim:
            raise InputError(
                f"Vectors must have shape (n, {self.dim}), got {tuple(np.shape(vectors))}."
            )
        return np.ascontiguousarray(matrix)

    def _export(self) -> tuple[np.ndarray, np.ndarray]:
        """All (ids, vectors) held by the index."""
        faiss = _faiss()
        if self.index_type == EXACT:
            ids = faiss.vector_to_array(self._index.id_map).astype(np.int64)
            vectors = self._index.index.reconstruct_n(0, self._index.ntotal)
            return ids, np.asarray(vectors, np.float32).reshape(-1, self.dim)
        lists = self._index.invlists
        id_parts, vector_parts = [], []
        for list_no in range(self._index.nlist):
            size = lists.list_size(list_no)
            if size:
                id_parts.append(faiss.rev_swig_ptr(lists.get_ids(list_no), size).copy())
                codes = faiss.rev_swig_ptr(lists.get_codes(list_no), size * self.dim * 4)
                vector_parts.append(np.frombuffer(codes.copy(), np.float32).reshape(size, -1))
        if not id_parts:
            return np.zeros(0, np.int64), np.zeros((0, self.dim), np.float32)
        return np.concatenate(id_parts), np.concatenate(vector_parts)

    def _rebuild(self, *, ivf: bool) -> None:
        faiss = _faiss()
        ids, vectors = self._export()
        if ivf:
            nlist = _nlist_for(len(ids))
            index = faiss.IndexIVFFlat(
                faiss.IndexFlatIP(self.dim), self.dim, nlist, faiss.METRIC_INNER_PRODUCT
            )
            index.train(vectors)
            index.set_direct_map_type(faiss.DirectMap.Hashtable)
            _tune_ivf(index)
        else:
            index = faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))
        index.add_with_ids(vectors, ids)
        self._index = index
        self._trained_size = len(ids)


class IdFilter:
    """A prepared set of vector ids that a search may return (reusable across searches)."""

    def __init__(self, vector_ids: np.ndarray) -> None:
        ids = _as_ids(vector_ids)
        self.size = len(np.unique(ids))
        self.selector = _faiss().IDSelectorBatch(ids)


def id_filter(vector_ids: np.ndarray) -> IdFilter:
    """An IdFilter over `vector_ids`, for `DenseIndex.search(..., allowed=...)`."""
    return IdFilter(vector_ids)


def _nlist_for(count: int) -> int:
    # About sqrt(n) lists, and at least ~39 training points per list as FAISS's k-means wants.
    return max(1, min(round(math.sqrt(count)), count // 39))


def _tune_ivf(index: Any) -> None:
    # Probing about a tenth of the lists keeps recall@10 near exact (see scripts/bench_search.py).
    index.nprobe = min(index.nlist, max(8, index.nlist // 10))
    # Split one query's lists over the cores: a search is one query, and mode 0 (split over
    # queries) leaves all but one core idle (2.7 instead of 6.6 ms at 100k vectors, 2 cores).
    index.parallel_mode = 1
    if index.direct_map.type != _faiss().DirectMap.Hashtable:
        index.set_direct_map_type(_faiss().DirectMap.Hashtable)


def _as_ids(vector_ids: np.ndarray) -> np.ndarray:
    ids = np.asarray(vector_ids)
    if ids.ndim != 1 or (ids.size and not np.issubdtype(ids.dtype, np.integer)):
        raise InputError(f"Vector ids must be a 1-d integer array, got {ids.dtype} {ids.shape}.")
    return np.ascontiguousarray(ids, dtype=np.int64)


def _faiss() -> Any:
    import faiss

    return faiss
