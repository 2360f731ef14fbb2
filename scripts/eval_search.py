"""Evaluate search on the development set: nDCG@10, Recall@10 and MRR per query type.

Builds a store from the bundled corpus (or uses --store), then runs every query of
tests/fixtures/devset.yaml through SearchService in several configurations:
BM25 alone, dense alone (raw cosine, and balanced across passage languages), fusion of both
(reciprocal-rank and weighted), fusion + graph (entity linking, expansion of the lexical query
with the entities' other names, and the graph signal), and that plus the multilingual USE as a
second dense signal (the default).

Results are what a reader sees: an article's passages grouped under it, and each talk on its
own. A result is credited with the best-graded key it carries that no earlier result was
credited with: a talk's id, its talk list's document id, an article's document id, or a talk an
article passage names (a talk list stored as passages of many talks thus counts as one result
that found one talk). nDCG uses the graded relevance (gain 2^g - 1); Recall@10 and MRR count
keys graded 2 or 3 as relevant (Recall@10 out of at most 10). The article queries and the talk
queries (tag `talk`) get a table each.

    python scripts/eval_search.py [--store DIR] [--only NAME] [--verbose]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from forumgraph.config import BUNDLED_DATA, Settings, load_settings
from forumgraph.models import EntityType
from forumgraph.search.hybrid import RRF, FusionConfig
from forumgraph.search.service import SearchOptions, SearchService

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "devset.yaml"
TYPES = ("ko", "en", "ko->en", "en->ko", "mixed")
TALK_TAG = "talk"
CUTOFF = 10
PASSAGES_PER_QUERY = 100


@dataclass(frozen=True)
class Query:
    id: str
    type: str
    text: str
    relevant: dict[str, int]
    tags: tuple[str, ...] = ()


def load_devset(path: Path = DEVSET) -> list[Query]:
    """The graded queries of the development set."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Query(q["id"], q["type"], q["query"], dict(q["relevant"]), tuple(q.get("tags", ())))
        for q in raw["queries"]
    ]


def configurations() -> dict[str, SearchOptions]:
    """The configurations compared; the last is the service's default."""
    base = SearchOptions()
    lexical_dense = replace(base, link_entities=False, signals=("dense", "bm25"))
    return {
        "bm25": replace(lexical_dense, signals=("bm25",)),
        "dense (raw cosine)": replace(lexical_dense, signals=("dense",), balance_languages=False),
        "dense": replace(lexical_dense, signals=("dense",)),
        "fusion (rrf)": replace(
            lexical_dense, fusion=FusionConfig(RRF, {"dense": 1.0, "bm25": 1.0})
        ),
        "fusion (weighted)": lexical_dense,
        "fusion + graph": replace(base, signals=("dense", "bm25", "graph")),
        "+ graph + USE": base,
    }


def ndcg(ranked: Sequence[str], grades: dict[str, int], cutoff: int = CUTOFF) -> float:
    """Normalised discounted cumulative gain at `cutoff` with gain 2^grade - 1."""
    dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:cutoff]))
    ideal = sorted(grades.values(), reverse=True)[:cutoff]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall(ranked: Sequence[str], grades: dict[str, int], cutoff: int = CUTOFF) -> float:
    """Share of the keys graded >= 2 found in the top `cutoff` (out of at most `cutoff`)."""
    relevant = {d for d, g in grades.items() if g >= 2}
    if not relevant:
        return 0.0
    return len(relevant & set(ranked[:cutoff])) / min(len(relevant), cutoff)


def reciprocal_rank(ranked: Sequence[str], grades: dict[str, int]) -> float:
    """1 / rank of the first key graded >= 2 (0 when none is found)."""
    for rank, doc_id in enumerate(ranked, 1):
        if grades.get(doc_id, 0) >= 2:
            return 1.0 / rank
    return 0.0


def result_keys(service: SearchService, text: str) -> list[tuple[str, ...]]:
    """Per result, best first: its own key (talk id or document id), then the other keys it may
    be credited with (a talk's document; the talks an article's passages name)."""
    result = service.search(text, PASSAGES_PER_QUERY)
    keys = []
    for group in result.grouped():
        talks = [e.id for hit in group.hits for e in hit.entities if e.type == EntityType.TALK]
        own = group.talk.talk_id if group.talk is not None else group.doc_id
        keys.append(tuple(dict.fromkeys((own, group.doc_id, *talks))))
    return keys


def credited(results: list[tuple[str, ...]], grades: dict[str, int]) -> list[str]:
    """The key each result is credited with: its best-graded key not credited before, else its
    own key (which gains nothing)."""
    taken: set[str] = set()
    ranked = []
    for keys in results:
        open_keys = [k for k in keys if k in grades and k not in taken]
        if open_keys:
            best = max(open_keys, key=lambda k: grades[k])
            taken.add(best)
            ranked.append(best)
        else:
            ranked.append(f"{keys[0]}#{len(ranked)}")  # unjudged or already credited
    return ranked


def evaluate(service: SearchService, queries: list[Query], verbose: bool = False) -> dict:
    """Per type and overall: mean nDCG@10, Recall@10, MRR."""
    scores: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for query in queries:
        ranked = credited(result_keys(service, query.text), query.relevant)
        row = (
            ndcg(ranked, query.relevant),
            recall(ranked, query.relevant),
            reciprocal_rank(ranked, query.relevant),
        )
        scores[query.type].append(row)
        scores["overall"].append(row)
        if verbose and row[0] < 0.999:
            print(f"  {query.id:12s} nDCG {row[0]:.2f}  {query.text}  -> {ranked[:4]}")
    return {
        kind: tuple(sum(r[i] for r in rows) / len(rows) for i in range(3))
        for kind, rows in scores.items()
    }


def print_table(results: dict[str, dict], queries: list[Query], title: str) -> None:
    counts: dict[str, int] = defaultdict(int)
    for query in queries:
        counts[query.type] += 1
    columns = [t for t in TYPES if counts[t]] + ["overall"]
    print(f"\n{title}")
    header = f"{'configuration':20s} {'metric':8s} " + " ".join(
        f"{c + f' ({counts[c] or len(queries)})':>14s}" for c in columns
    )
    print(header)
    print("-" * len(header))
    for name, by_type in results.items():
        for m, metric in enumerate(("nDCG@10", "R@10", "MRR")):
            cells = " ".join(f"{by_type.get(c, (0, 0, 0))[m]:14.3f}" for c in columns)
            print(f"{name if m == 0 else '':20s} {metric:8s} {cells}")


def build_store(settings: Settings) -> None:
    from forumgraph.ingest.pipeline import Ingester

    start = time.perf_counter()
    report = Ingester(settings).ingest_paths(
        [BUNDLED_DATA / "articles", BUNDLED_DATA / "schedules"]
    )
    if not report.ok:
        sys.exit(f"ingest failed: {report.failed}")
    print(f"built store in {time.perf_counter() - start:.1f}s: {report.passages} passages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="Use this store instead of building one.")
    parser.add_argument("--only", help="Run only the configuration of this name.")
    parser.add_argument("--verbose", action="store_true", help="Show queries below nDCG 1.")
    args = parser.parse_args()

    from forumgraph.index.encoders import create_encoders
    from forumgraph.snapshot.access import require_store
    from forumgraph.text.analyze import create_analyzer

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(store_dir=args.store or Path(tmp) / "store")
        if args.store is None or not (args.store / "CURRENT").exists():
            build_store(settings)
        snapshot = require_store(settings)
        encoders = create_encoders(settings)
        analyzer = create_analyzer(settings.analyzer)
        queries = load_devset()
        sets = {
            "article queries": [q for q in queries if TALK_TAG not in q.tags],
            "talk queries": [q for q in queries if TALK_TAG in q.tags],
        }
        results: dict[str, dict[str, dict]] = {title: {} for title in sets}
        for name, options in configurations().items():
            if args.only and name != args.only:
                continue
            if args.verbose:
                print(name)
            service = SearchService(snapshot, encoders, analyzer, settings, options)
            for title, chosen in sets.items():
                results[title][name] = evaluate(service, chosen, args.verbose)
        for title, chosen in sets.items():
            print_table(results[title], chosen, title)


if __name__ == "__main__":
    main()
