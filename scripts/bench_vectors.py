"""Benchmark the vector index at 1M synthetic 384-d passages through `index.dense.DenseIndex`.

Not a test: prints figures. The vectors are clustered (random unit centres, Gaussian spread,
renormalised) like sentence embeddings of many articles on fewer topics; queries are noisy
copies of stored vectors. Steps:
1. Grow a DenseIndex batch by batch (as updates would), past `exact_search_limit`, where it
   switches from exact search to IVF and later retrains: time per batch, RSS.
2. Exact top-10 for every query, computed batch by batch outside the index (the ground truth).
3. Single-query latency (p50/p95) and recall@10 of the index, plain and with an id filter.
4. Save and load times and the file size: every store generation re-saves this index.

    python scripts/bench_vectors.py [--passages 1000000] [--batch 100000] [--queries 1000]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import faiss
import numpy as np

from forumgraph.config import Settings
from forumgraph.index.dense import DenseIndex

DIM = 384
K = 10
CLUSTERS = 4000
SPREAD = 0.045  # per-dimension noise: members sit at cosine ~0.75 from their centre
QUERY_NOISE = 0.02


def rss_mb() -> float:
    """Resident memory now, from /proc (the peak is in ru_maxrss)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class Corpus:
    """Clustered unit vectors, generated batch by batch and identically whenever needed."""

    batches: int
    batch: int
    spread: float = SPREAD

    @cached_property
    def centres(self) -> np.ndarray:
        rng = np.random.default_rng(7)
        return normalise(rng.standard_normal((CLUSTERS, DIM)).astype(np.float32))

    def vectors(self, index: int) -> np.ndarray:
        rng = np.random.default_rng(1000 + index)
        members = self.centres[rng.integers(0, CLUSTERS, self.batch)]
        noise = rng.standard_normal((self.batch, DIM)).astype(np.float32) * self.spread
        return normalise(members + noise)


def normalise(vectors: np.ndarray) -> np.ndarray:
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def make_queries(count: int, corpus: Corpus) -> np.ndarray:
    rng = np.random.default_rng(99)
    chosen = rng.integers(0, corpus.batches, count)
    rows = []
    for b in np.unique(chosen):  # each batch regenerated once
        vectors = corpus.vectors(int(b))
        rows.append(vectors[rng.integers(0, corpus.batch, int(np.sum(chosen == b)))])
    noise = rng.standard_normal((count, DIM)).astype(np.float32) * QUERY_NOISE
    return normalise(np.vstack(rows) + noise)


def ground_truth(queries: np.ndarray, corpus: Corpus) -> np.ndarray:
    """Exact top-K ids for every query, merged over the batches."""
    heap = faiss.ResultHeap(len(queries), K, keep_max=True)
    for b in range(corpus.batches):
        scores, ids = faiss.knn(queries, corpus.vectors(b), K, faiss.METRIC_INNER_PRODUCT)
        heap.add_result(scores, ids + b * corpus.batch)
    heap.finalize()
    return heap.I


def recall_at_k(found: np.ndarray, truth: np.ndarray) -> float:
    hits = sum(len(set(f[f >= 0]) & set(t)) for f, t in zip(found, truth, strict=True))
    return hits / truth.size


def timed_queries(
    index: DenseIndex, queries: np.ndarray, allowed: np.ndarray | None = None
) -> tuple[list[float], np.ndarray]:
    latencies, results = [], []
    for query in queries:
        start = time.perf_counter()
        _, ids = index.search(query, K, allowed=allowed)
        latencies.append((time.perf_counter() - start) * 1000)
        results.append(ids[0])
    return latencies, np.vstack(results)


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--exact-limit", type=int, default=Settings().exact_search_limit)
    parser.add_argument("--spread", type=float, default=SPREAD, help="Noise per dimension.")
    args = parser.parse_args()
    batches = args.passages // args.batch
    corpus = Corpus(batches, args.batch, args.spread)
    print(f"FAISS {faiss.__version__}, {faiss.omp_get_max_threads()} threads")
    total = batches * args.batch
    print(f"{total:,} vectors of {DIM} dims, batches of {args.batch:,}, spread {args.spread:g}")
    print(f"exact search up to {args.exact_limit:,} vectors")

    index = DenseIndex.create(DIM, args.exact_limit)
    build_start = time.perf_counter()
    for b in range(batches):
        vectors = corpus.vectors(b)
        ids = np.arange(b * args.batch, (b + 1) * args.batch, dtype=np.int64)
        start = time.perf_counter()
        index.add(ids, vectors)
        print(
            f"  batch {b + 1:2d}: {len(index):>9,} vectors, {index.index_type}, "
            f"{time.perf_counter() - start:6.1f} s, RSS {rss_mb():,.0f} MB"
        )
        del vectors
    build_s = time.perf_counter() - build_start
    print(f"build: {build_s:.1f} s in total; RSS {rss_mb():,.0f} MB, peak {peak_mb():,.0f} MB")
    raw = index._index  # reporting the chosen parameters only
    if index.index_type != "flat-ip":
        print(f"index: {index.index_type}, nlist {raw.nlist}, nprobe {raw.nprobe}")

    queries = make_queries(args.queries, corpus)
    start = time.perf_counter()
    truth = ground_truth(queries, corpus)
    exact_s = time.perf_counter() - start
    print(f"RSS after the exact pass {rss_mb():,.0f} MB, peak {peak_mb():,.0f} MB")
    print(
        f"exact top-{K} (brute force, batched): {exact_s:.1f} s for {len(queries)} queries "
        f"({exact_s / len(queries) * 1000:.1f} ms per query)"
    )

    index.search(queries[:10], K)  # warm
    latencies, found = timed_queries(index, queries)
    print(
        f"search: p50 {percentile(latencies, 50):.2f} ms, p95 {percentile(latencies, 95):.2f} ms, "
        f"recall@{K} {recall_at_k(found, truth):.3f}"
    )

    rng = np.random.default_rng(5)
    allowed = np.sort(rng.choice(len(index), size=len(index) // 100, replace=False)).astype(
        np.int64
    )
    sample = queries[:50]
    latencies, _ = timed_queries(index, sample, allowed)
    print(
        f"filtered search (1% of ids allowed, {len(sample)} queries): "
        f"p50 {percentile(latencies, 50):.1f} ms, p95 {percentile(latencies, 95):.1f} ms"
    )

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        index.save(Path(tmp), model_name="synthetic")
        save_s = time.perf_counter() - start
        size = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6
        start = time.perf_counter()
        DenseIndex.load(Path(tmp))
        load_s = time.perf_counter() - start
    print(f"save {save_s:.1f} s, load {load_s:.1f} s, {size:,.0f} MB on disk")
    print(f"peak RSS {peak_mb():,.0f} MB")


if __name__ == "__main__":
    main()
