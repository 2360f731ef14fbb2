"""FAISS (the embedded backend) against Milvus (Lite here) on the same synthetic passages.

Not a test: prints one table. The vectors are those of bench_vectors.py (clustered 384-d unit
vectors, noisy copies as queries); each passage also gets a few synthetic words for BM25. For
each backend: build/insert time, resident memory added, single-query latency p50/p95 and
recall@10 of the dense search, and BM25 query latency (bm25s for the embedded backend).

    python scripts/bench_milvus.py --passages 100000 [--uri /tmp/bench/milvus.db]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_vectors import DIM, Corpus, K, ground_truth, make_queries, recall_at_k, rss_mb
from forumgraph.config import Settings
from forumgraph.index.dense import DenseIndex
from forumgraph.index.milvus.schema import SetSpec, create_collections, dense_index_type
from forumgraph.index.milvus.search import GenerationView, MilvusLexical, MilvusVectors
from forumgraph.index.milvus.target import MilvusTarget, connect
from forumgraph.index.milvus.writes import MilvusWriter, PassageRow
from forumgraph.index.sparse import LexicalIndex

WORDS = 20_000  # synthetic vocabulary, Zipf-distributed
WORDS_PER_PASSAGE = 60


def words(index: int, count: int) -> list[list[str]]:
    rng = np.random.default_rng(5000 + index)
    ranks = np.minimum(rng.zipf(1.2, (count, WORDS_PER_PASSAGE)), WORDS)
    return [[f"w{r}" for r in row] for row in ranks]


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def bench_faiss(corpus: Corpus, queries: np.ndarray, truth: np.ndarray, limit: int) -> dict:
    before = rss_mb()
    start = time.perf_counter()
    index = DenseIndex.create(DIM, limit)
    tokens: list[tuple[str, list[str]]] = []
    for b in range(corpus.batches):
        ids = np.arange(b * corpus.batch, (b + 1) * corpus.batch, dtype=np.int64)
        index.add(ids, corpus.vectors(b))
        tokens += [(f"p{int(i)}", t) for i, t in zip(ids, words(b, corpus.batch), strict=True)]
    lexical = LexicalIndex.build(tokens)
    build = time.perf_counter() - start
    dense, found = _dense_latency(index, queries)
    bm25 = _bm25_latency(lexical)
    return _row("FAISS + bm25s", build, rss_mb() - before, dense, bm25, recall_at_k(found, truth))


def bench_milvus(
    corpus: Corpus, queries: np.ndarray, truth: np.ndarray, uri: str, limit: int
) -> dict:
    target = MilvusTarget(uri, "bench")
    before = rss_mb()
    client = connect(target)
    start = time.perf_counter()
    index_type = dense_index_type(target, corpus.batches * corpus.batch, limit)
    manifest = create_collections(
        client, target, {"embedding": SetSpec("synthetic", DIM)}, index_type
    )
    writer = MilvusWriter(target, client)
    for b in range(corpus.batches):
        vectors = corpus.vectors(b)
        rows = [
            PassageRow(
                vector_id=b * corpus.batch + n,
                record={"passage_id": f"p{b * corpus.batch + n}", "doc_id": "d"},
                lang="en",
                year=None,
                events=(),
                entity_types=(),
                tokens=tokens,
                vectors={"embedding": vectors[n]},
            )
            for n, tokens in enumerate(words(b, corpus.batch))
        ]
        writer.insert_passages(1, rows)
    writer.flush()
    build = time.perf_counter() - start
    view = GenerationView(1, 1)
    vectors = MilvusVectors(client, target, "embedding", manifest, view)
    dense, found = _dense_latency(vectors, queries)
    bm25 = _bm25_latency(MilvusLexical(client, target, view))
    label = f"Milvus Lite ({index_type})" if target.is_lite else f"Milvus ({index_type})"
    return _row(label, build, rss_mb() - before, dense, bm25, recall_at_k(found, truth))


def _dense_latency(index, queries: np.ndarray) -> tuple[list[float], np.ndarray]:  # type: ignore[no-untyped-def]
    latencies, results = [], []
    for query in queries:
        start = time.perf_counter()
        _, ids = index.search(query.reshape(1, -1), K)
        latencies.append((time.perf_counter() - start) * 1000)
        results.append(ids[0])
    return latencies, np.vstack(results)


def _bm25_latency(lexical, count: int = 50) -> list[float]:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(3)
    latencies = []
    for _ in range(count):
        query = [f"w{int(r)}" for r in np.minimum(rng.zipf(1.5, 4), WORDS)]
        start = time.perf_counter()
        lexical.search(query, 100)
        latencies.append((time.perf_counter() - start) * 1000)
    return latencies


def _row(label: str, build: float, memory: float, dense: list, bm25: list, recall: float) -> dict:  # type: ignore[type-arg]
    return {
        "backend": label,
        "build s": f"{build:.1f}",
        "memory MB": f"{memory:.0f}",
        "dense p50/p95 ms": f"{percentile(dense, 50):.1f} / {percentile(dense, 95):.1f}",
        "recall@10": f"{recall:.3f}",
        "BM25 p50/p95 ms": f"{percentile(bm25, 50):.1f} / {percentile(bm25, 95):.1f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--uri", help="Milvus server URL or Lite file (default: a temporary file)")
    parser.add_argument("--only", choices=("faiss", "milvus"))
    args = parser.parse_args()
    corpus = Corpus(args.passages // args.batch, args.batch)
    queries = make_queries(args.queries, corpus)
    truth = ground_truth(queries, corpus)
    limit = Settings().exact_search_limit
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.only != "milvus":
            rows.append(bench_faiss(corpus, queries, truth, limit))
        if args.only != "faiss":
            uri = args.uri or str(Path(tmp) / "milvus.db")
            rows.append(bench_milvus(corpus, queries, truth, uri, limit))
    print(f"{args.passages} passages, {DIM} dimensions, {args.queries} queries")
    print(" | ".join(rows[0]))
    for row in rows:
        print(" | ".join(row.values()))


if __name__ == "__main__":
    main()
