"""Benchmark search at scale: a synthetic corpus grown from the bundled one to N article
passages and M talks.

Not a test: prints figures. Steps:
1. Build a store from the bundled corpus with the real pipeline and model (or use --store).
2. Raw encoder throughput (encode_passages on the bundled passages) against the index build
   path for the same passages (tokenise + encode + FAISS add + BM25 build): pipeline overhead.
3. End-to-end query latency over the bundled store as it is (every talk of the talk lists
   indexed), with a warm process.
4. Grow the corpus to --passages article passages and --talks talks by perturbed copies: each
   copy keeps its source passage's entities (a talk's copy its talk record too), takes a
   shuffled sample of its tokens plus a few synthetic rare tokens, and the source's real vector
   plus Gaussian noise (renormalised). USE vectors (the second dense signal) are grown the same
   way.
5. Build the FAISS index (exact up to Settings.exact_search_limit, IVF above) and the BM25 index
   at that size: build times, IVF recall@10 against exact search.
6. End-to-end query latency with a warm process (query encoding + linking + FAISS + BM25 +
   graph + fusion) over the development-set queries (article and talk queries): p50/p95; and
   memory (RSS).

    python scripts/bench_search.py [--passages 100000] [--talks 20000] [--store DIR] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_search import build_store, load_devset
from forumgraph.config import load_settings
from forumgraph.index.dense import DenseIndex
from forumgraph.index.encoders import EMBEDDING, USE
from forumgraph.index.sparse import LexicalIndex
from forumgraph.models import DocumentInfo, Entity, Passage, StoredPassage, TalkRecord
from forumgraph.search.service import SearchService
from forumgraph.snapshot import VectorSetSpec
from forumgraph.text.tokenize import tokenize_for_index

NOISE = 0.03  # per-dimension noise on unit vectors of 384 dims: copies stay near their source
RARE_TOKENS = 3
DOCS_PER_COPY_GROUP = 50


@dataclass
class SyntheticSnapshot:
    """An in-memory stand-in for a store generation with the fields SearchService reads."""

    documents: dict[str, DocumentInfo]
    passages: dict[str, StoredPassage]
    entities: dict[str, Entity]
    dense_index: DenseIndex
    lexical_index: LexicalIndex
    model_name: str
    dim: int
    by_vector_id: dict[int, StoredPassage] = field(default_factory=dict)
    talks: dict[str, TalkRecord] = field(default_factory=dict)  # by passage id
    # Indexes of the other vector sets (`use`), grown like the embedding set's.
    other_sets: dict[str, tuple[VectorSetSpec, DenseIndex]] = field(default_factory=dict)

    @property
    def vector_sets(self) -> dict[str, VectorSetSpec]:
        sets = {EMBEDDING: VectorSetSpec(self.model_name, self.dim)}
        return sets | {name: spec for name, (spec, _index) in self.other_sets.items()}

    def vectors(self, name: str) -> DenseIndex:
        return self.dense_index if name == EMBEDDING else self.other_sets[name][1]

    def dense(self) -> DenseIndex:
        return self.dense_index

    def lexical(self) -> LexicalIndex:
        return self.lexical_index


def rss_mb() -> float:
    """Current resident memory of this process in MiB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure_build(snapshot, embedder, analyzer, rounds: int) -> None:  # type: ignore[no-untyped-def]
    stored = sorted(snapshot.passages.values(), key=lambda s: s.vector_id)
    texts = [s.passage.text for s in stored]
    embedder.encode_passages(texts[:8])  # load and warm the model
    raw, pipeline = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        embedder.encode_passages(texts)
        raw.append(time.perf_counter() - start)
        start = time.perf_counter()
        vectors = embedder.encode_passages(texts)
        tokens = [tokenize_for_index(s.passage.text, s.passage.lang, analyzer) for s in stored]
        index = DenseIndex.create(vectors.shape[1], 50_000)
        index.add(np.array([s.vector_id for s in stored], np.int64), vectors)
        LexicalIndex.build((s.passage.passage_id, t) for s, t in zip(stored, tokens, strict=True))
        pipeline.append(time.perf_counter() - start)
    raw_rate = len(texts) / min(raw)
    pipe_rate = len(texts) / min(pipeline)
    print(f"encoder alone      : {raw_rate:8.1f} passages/s ({len(texts)} bundled passages)")
    print(f"index build path   : {pipe_rate:8.1f} passages/s (encode + tokens + FAISS + BM25)")
    print(f"pipeline overhead  : {100 * (raw_rate / pipe_rate - 1):8.1f} %")


def grow(
    snapshot, target: int, talk_target: int, exact_limit: int, seed: int = 7
) -> SyntheticSnapshot:  # type: ignore[no-untyped-def]
    """The bundled snapshot grown to `target` article passages and `talk_target` talks by
    perturbed copies (see module doc): article passages copy article passages, talks copy
    talks."""
    rng = np.random.default_rng(seed)
    shuffle = random.Random(seed)
    base = sorted(snapshot.passages.values(), key=lambda s: s.vector_id)
    base_vectors = snapshot.dense().reconstruct(np.array([s.vector_id for s in base], np.int64))
    base_tokens = dict(snapshot.lexical().items())
    documents = dict(snapshot.documents)
    passages = {s.passage.passage_id: s for s in base}
    talks = dict(snapshot.talks)
    vectors = [base_vectors]
    items = [(s.passage.passage_id, base_tokens.get(s.passage.passage_id, [])) for s in base]
    next_id = max(s.vector_id for s in base) + 1
    rows = {s.passage.passage_id: row for row, s in enumerate(base)}
    articles = [s for s in base if s.passage.passage_id not in snapshot.talks]
    talk_sources = [s for s in base if s.passage.passage_id in snapshot.talks]
    wanted = [
        ("synthetic", articles, max(0, target - len(articles))),
        ("synthetic-talks", talk_sources, max(0, talk_target - len(talk_sources))),
    ]
    copies: list[StoredPassage] = []
    copy_rows: list[int] = []
    for prefix, sources, count in wanted:
        for n in range(count if sources else 0):
            source = sources[n % len(sources)]
            doc_id = f"{prefix}-{n // DOCS_PER_COPY_GROUP}"
            pid = f"{doc_id}#p{n % DOCS_PER_COPY_GROUP}"
            text = source.passage.text
            passage = Passage(
                pid, doc_id, n % DOCS_PER_COPY_GROUP, 0, len(text), text, source.passage.lang
            )
            copies.append(StoredPassage(passage, next_id + len(copies), source.entity_ids))
            copy_rows.append(rows[source.passage.passage_id])
            talk = snapshot.talks.get(source.passage.passage_id)
            if talk is not None:
                talks[pid] = replace(talk, passage_id=pid, talk_id=f"{talk.talk_id}~{n}")
            tokens = list(base_tokens.get(source.passage.passage_id, []))
            shuffle.shuffle(tokens)
            kept = tokens[: max(1, int(len(tokens) * 0.8))]
            kept += [f"syn{rng.integers(0, 200_000)}" for _ in range(RARE_TOKENS)]
            items.append((pid, kept))
    copy_index = np.array(copy_rows, dtype=np.int64)
    noisy = base_vectors[copy_index] + rng.normal(0, NOISE, (len(copies), base_vectors.shape[1]))
    noisy = (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)
    vectors.append(noisy)
    for copy in copies:
        passages[copy.passage.passage_id] = copy
        info = documents.get(copy.passage.doc_id)
        ids = (*(info.passage_ids if info else ()), copy.passage.passage_id)
        documents[copy.passage.doc_id] = DocumentInfo(
            copy.passage.doc_id, f"Synthetic {copy.passage.doc_id}", copy.passage.lang, "", ids
        )
    all_ids = np.array([s.vector_id for s in base] + [c.vector_id for c in copies], np.int64)
    all_vectors = np.vstack(vectors)

    start = time.perf_counter()
    dense = DenseIndex.create(all_vectors.shape[1], exact_limit)
    for lo in range(0, len(all_ids), 10_000):
        dense.add(all_ids[lo : lo + 10_000], all_vectors[lo : lo + 10_000])
    print(
        f"FAISS build        : {time.perf_counter() - start:8.1f} s for {len(all_ids)} "
        f"vectors ({dense.index_type})"
    )
    start = time.perf_counter()
    lists = {passages[pid].passage.doc_id for pid in talks}
    groups = {pid: "talk-list" for pid, _ in items if passages[pid].passage.doc_id in lists}
    lexical = LexicalIndex.build(items, groups)
    print(f"BM25 build         : {time.perf_counter() - start:8.1f} s for {len(items)} passages")
    synthetic = SyntheticSnapshot(
        documents,
        passages,
        dict(snapshot.entities),
        dense,
        lexical,
        snapshot.model_name,
        snapshot.dim,
        talks=talks,
    )
    synthetic.by_vector_id = {s.vector_id: s for s in passages.values()}
    synthetic.exact_vectors = (all_ids, all_vectors)  # type: ignore[attr-defined]
    synthetic.copy_rows = copy_index  # type: ignore[attr-defined]
    return synthetic


def grow_use_index(snapshot, synthetic: SyntheticSnapshot, encoder, exact_limit: int) -> DenseIndex:  # type: ignore[no-untyped-def]
    """USE vectors for the synthetic corpus: real ones for the bundled passages, noisy copies."""
    base = sorted(snapshot.passages.values(), key=lambda s: s.vector_id)
    start = time.perf_counter()
    base_vectors = encoder.encode([s.passage.text for s in base])
    print(f"USE passage encode : {len(base) / (time.perf_counter() - start):8.1f} passages/s")
    rows = synthetic.copy_rows  # type: ignore[attr-defined]
    rng = np.random.default_rng(11)
    noisy = base_vectors[rows] + rng.normal(0, NOISE, (len(rows), base_vectors.shape[1]))
    noisy = (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)
    ids, _vectors = synthetic.exact_vectors  # type: ignore[attr-defined]
    index = DenseIndex.create(base_vectors.shape[1], exact_limit)
    vectors = np.vstack([base_vectors, noisy])
    for lo in range(0, len(ids), 10_000):
        index.add(ids[lo : lo + 10_000], vectors[lo : lo + 10_000])
    return index


def ivf_recall(synthetic: SyntheticSnapshot, queries: np.ndarray) -> float:
    ids, vectors = synthetic.exact_vectors  # type: ignore[attr-defined]
    exact = DenseIndex.create(vectors.shape[1], len(ids) + 1)
    exact.add(ids, vectors)
    _s, truth = exact.search(queries, 10)
    _s, found = synthetic.dense_index.search(queries, 10)
    return float(np.mean([len(set(t) & set(f)) / 10 for t, f in zip(truth, found, strict=True)]))


def measure_latency(service: SearchService, texts: list[str], rounds: int, label: str = "") -> None:
    for text in texts[:5]:
        service.search(text, 10)  # warm caches and lazy loads
    encode, use, total = [], [], []
    use_encoder = service.encoders[USE]
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            service.encoders[EMBEDDING].encode_queries([text])
            encode.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            use_encoder.encode([text])
            use.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            service.search(text, 10)
            total.append((time.perf_counter() - start) * 1000)
    print(
        f"query encode       : p50 {statistics.median(encode):6.1f} ms   "
        f"p95 {percentile(encode, 0.95):6.1f} ms"
    )
    print(
        f"USE query encode   : p50 {statistics.median(use):6.1f} ms   "
        f"p95 {percentile(use, 0.95):6.1f} ms"
    )
    print(
        f"search end-to-end  : p50 {statistics.median(total):6.1f} ms   "
        f"p95 {percentile(total, 0.95):6.1f} ms   ({len(total)} queries{label})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=100_000, help="Article passages.")
    parser.add_argument("--talks", type=int, default=20_000, help="Talks (one passage each).")
    parser.add_argument("--store", type=Path, help="Use this store instead of building one.")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from forumgraph.index.encoders import create_encoders
    from forumgraph.snapshot import require_snapshot
    from forumgraph.text.analyze import create_analyzer

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(store_dir=args.store or Path(tmp) / "store")
        if args.store is None:
            build_store(settings)
        snapshot = require_snapshot(settings.store_dir)
        encoders = create_encoders(settings.with_overrides(second_encoder="use"))
        embedder = encoders[EMBEDDING]
        analyzer = create_analyzer(settings.analyzer)
        print(f"RSS after loading  : {rss_mb():8.0f} MiB")
        measure_build(snapshot, embedder, analyzer, args.rounds)
        texts = [q.text for q in load_devset()]
        print(
            f"bundled store      : {len(snapshot.passages)} passages, "
            f"{len(snapshot.talks)} of them talks"
        )
        measure_latency(
            SearchService(snapshot, encoders, analyzer, settings), texts, args.rounds, ", bundled"
        )

        synthetic = grow(snapshot, args.passages, args.talks, settings.exact_search_limit)
        print(
            f"RSS with {len(synthetic.passages)} passages ({len(synthetic.talks)} talks): "
            f"{rss_mb():8.0f} MiB"
        )
        query_vectors = embedder.encode_queries(texts)
        if synthetic.dense_index.index_type != "flat-ip":
            print(f"IVF recall@10      : {ivf_recall(synthetic, query_vectors):8.3f} vs exact")
        use_index = grow_use_index(snapshot, synthetic, encoders[USE], settings.exact_search_limit)
        use_spec = VectorSetSpec(encoders[USE].model_name, encoders[USE].dim)
        synthetic.other_sets[USE] = (use_spec, use_index)
        service = SearchService(synthetic, encoders, analyzer, settings)
        measure_latency(service, texts, args.rounds, ", grown")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"RSS now / peak     : {rss_mb():8.0f} / {peak:.0f} MiB")


if __name__ == "__main__":
    main()
