"""Benchmark name completion (/api/suggest) on the bundled store: p50/p95 over many prefixes.

Not a test: prints figures. Steps:
1. Build a store from the bundled corpus (or use --store) and open its generation.
2. Build the completion index as a serving process does (graph weights + names), timed.
3. Draw prefixes from every entity name in both scripts and every alias: each prefix length
   from one character up, plus, for Hangul, what an input method shows while the next syllable
   is being typed (`맂` on the way to `리즈`); shuffled with a fixed seed.
4. Time each prefix through the index alone, and through the whole request (checks, index,
   JSON) with the Flask app of the same generation: p50, p95, p99 and the slowest, overall and
   per prefix length, over every timing of every round; the target is p95 ≤ 10 ms.

    python scripts/bench_suggest.py [--store DIR] [--prefixes 5000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_search import build_store
from forumgraph.config import load_settings
from forumgraph.search.facts import FactFinder
from forumgraph.search.suggest import Suggester
from forumgraph.search.views import GraphViews
from forumgraph.snapshot import Snapshot, require_snapshot
from forumgraph.text.hangul import is_syllable

TARGET_P95_MS = 10.0


def prefixes(snapshot: Snapshot, count: int, seed: int = 7) -> list[str]:
    """Prefixes of every name and alias, with Korean syllables caught mid-typing."""
    found: set[str] = set()
    for entity in snapshot.entities.values():
        for name in (*entity.names, *entity.alternate_names):
            text = name.text
            for end in range(1, min(len(text), 24) + 1):
                found.add(text[:end])
                if end < len(text) and is_syllable(text[end - 1]) and is_syllable(text[end]):
                    found.add(text[: end - 1] + _typing(text[end - 1], text[end]))
    chosen = sorted(p for p in found if p.strip())
    random.Random(seed).shuffle(chosen)
    return chosen[:count]


def _typing(syllable: str, following: str) -> str:
    """`syllable` with the next syllable's first consonant as its final, as an input method
    shows it before the next vowel is typed (리 + 즈 -> 맂); unchanged if it has a final."""
    jamo = unicodedata.normalize("NFD", syllable)
    initial = unicodedata.normalize("NFD", following)[0]
    finals = {
        "\u1100": "\u11a8", "\u1102": "\u11ab", "\u1103": "\u11ae", "\u1105": "\u11af",
        "\u1106": "\u11b7", "\u1107": "\u11b8", "\u1109": "\u11ba", "\u110b": "\u11bc",
        "\u110c": "\u11bd", "\u110e": "\u11be", "\u110f": "\u11bf", "\u1110": "\u11c0",
        "\u1111": "\u11c1", "\u1112": "\u11c2",
    }  # fmt: skip
    if len(jamo) != 2 or initial not in finals:
        return syllable
    return unicodedata.normalize("NFC", jamo + finals[initial])


def measure(run: Callable[[str], object], queries: list[str], rounds: int) -> list[float]:
    """Every timing (ms): each query `rounds` times, round after round (none dropped)."""
    timings = []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter()
            run(query)
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def report(label: str, timings: list[float], queries: list[str]) -> float:
    ordered = sorted(timings)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    print(
        f"{label:<22} n={len(ordered):>5}  p50 {at(0.50):6.3f} ms  p95 {at(0.95):6.3f} ms  "
        f"p99 {at(0.99):6.3f} ms  max {ordered[-1]:7.3f} ms  mean {statistics.mean(ordered):.3f}"
    )
    by_length: dict[str, list[float]] = {}
    rounds = len(timings) // len(queries)
    for query, ms in zip(queries * rounds, timings, strict=True):
        bucket = str(len(query)) if len(query) < 5 else "5+"
        by_length.setdefault(bucket, []).append(ms)
    for bucket in sorted(by_length):
        values = sorted(by_length[bucket])
        p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
        print(f"    {bucket:>2} chars  n={len(values):>5}  p95 {p95:6.3f} ms")
    return at(0.95)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="Use this store instead of building one.")
    parser.add_argument("--prefixes", type=int, default=5000, help="How many prefixes.")
    parser.add_argument("--rounds", type=int, default=3, help="Timings per prefix.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(store_dir=args.store or Path(tmp) / "store")
        if args.store is None:
            build_store(settings)
        snapshot = require_snapshot(settings.store_dir)
        start = time.perf_counter()
        facts = FactFinder(snapshot, settings.base_iri)
        views = GraphViews(snapshot, settings.base_iri, facts.select)
        suggester = Suggester(snapshot.entities, views.weights())
        built = (time.perf_counter() - start) * 1000
        queries = prefixes(snapshot, args.prefixes)
        print(
            f"{len(snapshot.entities)} entities, {len(suggester)} names; index built in "
            f"{built:.0f} ms; {len(queries)} prefixes x {args.rounds} rounds"
        )
        core = report("index", measure(suggester.suggest, queries, args.rounds), queries)

        from forumgraph.web import create_app

        client = create_app(settings).test_client()

        def request(query: str) -> None:
            response = client.get("/api/suggest", query_string={"q": query})
            if response.status_code != 200:
                raise SystemExit(f"/api/suggest?q={query!r} answered {response.status_code}")

        request("warm-up")
        whole = report("request (WSGI)", measure(request, queries, args.rounds), queries)
        verdict = "meets" if max(core, whole) <= TARGET_P95_MS else "misses"
        print(f"p95 {verdict} the target of {TARGET_P95_MS:.0f} ms")


if __name__ == "__main__":
    main()
