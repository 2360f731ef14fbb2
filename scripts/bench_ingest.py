"""Benchmark: ingest the bundled corpus into a fresh store and report where the time goes.

Usage: python scripts/bench_ingest.py [--rounds N] [PATH ...]

Stages: reading (files to articles, talk lists parsed), analysis (passage splitting, lexical
tokens, graph triples), extraction (entities and facts, resolution), embedding (per vector set:
the embedding model, then USE), store (graph, vectors, lexical index, records, publishing). Model
loading happens once, before the first round, and is reported apart.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from forumgraph.config import BUNDLED_DATA, load_settings
from forumgraph.ingest.pipeline import Ingester


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    paths = args.paths or [BUNDLED_DATA / "articles", BUNDLED_DATA / "schedules"]

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings()
        start = time.perf_counter()
        encoders, analyzer = Ingester(settings).load_models()
        print(f"model loading: {time.perf_counter() - start:.2f}s")

        rounds: list[dict[str, float]] = []
        for n in range(args.rounds):
            settings = settings.with_overrides(store_dir=Path(tmp) / f"round{n}")
            ingester = Ingester(settings, encoders=encoders, analyzer=analyzer)
            start, cpu = time.perf_counter(), time.process_time()
            report = ingester.ingest_paths(paths)
            wall, cpu = time.perf_counter() - start, time.process_time() - cpu
            assert report.ok, report.failed
            stages = dict(report.seconds)
            store = {k: v for k, v in stages.items() if k.startswith("store.")}
            encoders = {k: v for k, v in stages.items() if k.startswith("embedding.")}
            rounds.append(
                {
                    "reading": stages.get("read", 0.0),
                    "analysis": stages.get("analysis", 0.0),
                    "extraction": stages.get("extraction", 0.0),
                    "embedding": sum(encoders.values()),
                    **{f"  {k.removeprefix('embedding.')}": v for k, v in sorted(encoders.items())},
                    "store writes": sum(store.values()),
                    **{f"  {k.removeprefix('store.')}": v for k, v in sorted(store.items())},
                    "total": wall,
                    # CPU seconds of all threads: steadier than wall time on a shared machine.
                    "total cpu": cpu,
                }
            )
        print(
            f"corpus: {len(report.added)} documents, {report.passages} passages, "
            f"{report.triples} triples, {sum(report.entities.values())} entities "
            f"({report.entities.get('talk', 0)} talks)"
        )
        print(f"{'stage':<18}{'median s':>10}{'min s':>9}")
        for stage in rounds[0]:
            values = [r.get(stage, 0.0) for r in rounds]
            print(f"{stage:<18}{statistics.median(values):>10.2f}{min(values):>9.2f}")


if __name__ == "__main__":
    main()
