"""Cross-document questions answered by SPARQL over the graph of the bundled data.

Builds a store from data/articles and data/schedules (or uses --store DIR), runs every query of
tests/fixtures/heldout/questions.yaml and reports the share answered correctly, by kind of
question, with the failures and what the graph returned for them.

    python scripts/eval_questions.py [--store DIR] [--questions FILE] [--verbose]

A SELECT question is answered when every expected answer is among the values of the query's
first variable (compared through the graph's name key: case, spaces and punctuation ignored)
and, for `exact: true`, every value is one of the expected answers; an ASK question when the
boolean is the expected one.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from forumgraph.config import BUNDLED_DATA, Settings, load_settings
from forumgraph.errors import ForumgraphError
from forumgraph.graph.sparql import run_query
from forumgraph.graph.store import TripleStore
from forumgraph.ingest.resolve import name_key

QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "heldout"
QUESTIONS /= "questions.yaml"
SHOWN_VALUES = 12


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    text: str
    query: str
    answers: tuple[tuple[str, frozenset[str]], ...] = ()  # (first form, name keys of all forms)
    exact: bool = False
    ask: bool | None = None


@dataclass(frozen=True)
class Outcome:
    question: Question
    correct: bool
    got: tuple[str, ...]
    missing: tuple[str, ...] = ()
    unexpected: tuple[str, ...] = ()


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    """The questions of `path`; a malformed entry stops with its id and field."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    prefixes = raw.get("prefixes", "")
    out = []
    for i, item in enumerate(raw["questions"]):
        where = f"{path}: questions[{i}] ({item.get('id', '?')})"
        missing = {"id", "kind", "question", "query"} - set(item)
        if missing:
            raise SystemExit(f"{where}: missing {sorted(missing)}")
        if ("answers" in item) == ("ask" in item):
            raise SystemExit(f"{where}: give either `answers` (SELECT) or `ask` (ASK)")
        forms = [
            [_text(f) for f in (a if isinstance(a, list) else [a])] for a in item.get("answers", [])
        ]
        answers = tuple((f[0], frozenset(name_key(x) for x in f)) for f in forms)
        out.append(
            Question(
                item["id"],
                item["kind"],
                item["question"],
                prefixes + item["query"],
                answers,
                bool(item.get("exact", False)),
                item.get("ask"),
            )
        )
    ids = [q.id for q in out]
    if len(ids) != len(set(ids)):
        raise SystemExit(f"{path}: question ids repeat")
    return out


def answer(question: Question, settings: Settings, graph: TripleStore) -> Outcome:
    """Run one question's query and compare what it returns with the expected answers."""
    try:
        result = run_query(
            graph,
            question.query,
            timeout_s=settings.sparql_timeout_s,
            max_results=settings.sparql_max_results,
        )
    except ForumgraphError as exc:
        return Outcome(question, False, (f"error: {exc.message}",))
    if question.ask is not None:
        return Outcome(question, result.boolean == question.ask, (str(result.boolean).lower(),))
    variable = result.variables[0]
    got = tuple(sorted({str(row[variable].value) for row in result.bindings() if variable in row}))
    keys = {name_key(value) for value in got}
    missing = tuple(label for label, forms in question.answers if not forms & keys)
    unexpected = tuple(
        v for v in got if not any(name_key(v) in forms for _, forms in question.answers)
    )
    correct = not missing and not (question.exact and unexpected)
    return Outcome(question, correct, got, missing, unexpected if question.exact else ())


def report(outcomes: list[Outcome], *, verbose: bool) -> None:
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_kind[outcome.question.kind].append(outcome)
    right = sum(o.correct for o in outcomes)
    print(f"answered correctly: {right}/{len(outcomes)} = {right / len(outcomes):.2f}")
    for kind, items in by_kind.items():
        print(f"  {kind:28} {sum(o.correct for o in items)}/{len(items)}")
    for outcome in outcomes:
        if outcome.correct and not verbose:
            continue
        mark = "ok  " if outcome.correct else "FAIL"
        print(f"\n{mark} {outcome.question.id}: {outcome.question.text}")
        shown = ", ".join(outcome.got[:SHOWN_VALUES]) or "(nothing)"
        more = (
            f" (+{len(outcome.got) - SHOWN_VALUES} more)" if len(outcome.got) > SHOWN_VALUES else ""
        )
        print(f"     got: {shown}{more}")
        if outcome.missing:
            print(f"     missing: {', '.join(outcome.missing)}")
        if outcome.unexpected:
            print(f"     not expected: {', '.join(outcome.unexpected[:SHOWN_VALUES])}")


def build_store(settings: Settings) -> None:
    from forumgraph.ingest.pipeline import Ingester

    start = time.perf_counter()
    result = Ingester(settings).ingest_paths(
        [BUNDLED_DATA / "articles", BUNDLED_DATA / "schedules"]
    )
    if not result.ok:
        sys.exit(f"ingest failed: {result.failed}")
    print(f"built store in {time.perf_counter() - start:.1f}s: {result.passages} passages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="Use (or build once into) this store.")
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--verbose", action="store_true", help="Also list correct answers.")
    args = parser.parse_args()

    from forumgraph.snapshot import open_snapshot

    questions = load_questions(args.questions)
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(store_dir=args.store or Path(tmp) / "store")
        if open_snapshot(settings.store_dir) is None:
            build_store(settings)
        snapshot = open_snapshot(settings.store_dir)
        assert snapshot is not None
        graph = snapshot.graph()
        report([answer(q, settings, graph) for q in questions], verbose=args.verbose)


def _text(value: object) -> str:
    """YAML reads 2019-12-09 as a date; answers are compared as the graph writes them."""
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


if __name__ == "__main__":
    main()
