"""Crash safety: `forumgraph ingest` killed with SIGKILL at varied moments, then the store reopened.

Each run changes the corpus (new editions of some documents, sometimes a new document), starts
a real `forumgraph ingest` process and kills it either as soon as a step of the writer shows on
disk (the `.partial` generation, its graph, vectors, lexical index and records, the rename, the
published pointer) or at a random moment of the write. Nothing in the product knows about the
test: the moments are found by watching the store's files. After each kill the store must open,
pass `check_store`, answer searches, and hold every document exactly as before the run or
exactly as after it: one generation, never a mix.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from living_support import KOREAN, MEETUP, SUMMIT, V1, Models

import forumgraph
from forumgraph.config import Settings, load_settings
from forumgraph.index.encoders import vector_set_names
from forumgraph.index.sparse import META_FILE as LEXICAL_META
from forumgraph.ingest.readers import ReadLimits, read_article
from forumgraph.ingest.segment import split_passages
from forumgraph.search.service import SearchService
from forumgraph.snapshot import StoreLayout, open_snapshot
from forumgraph.snapshot.check import check_store
from forumgraph.snapshot.layout import PARTIAL
from forumgraph.snapshot.reader import LEXICAL

pytestmark = pytest.mark.slow

State = dict[str, tuple[str, ...]]  # doc id -> passage texts
Marker = Callable[[StoreLayout, str], bool]  # is this moment of the write visible yet?
STEP_RUNS = 2  # runs per watched step
RANDOM_RUNS = 8  # runs killed at a random moment of the write
LOOPS = 2  # stores crashed side by side
POLL_S = 0.001
RUN_TIMEOUT_S = 600
# The vector sets of the default settings, which the ingest runs below use.
VECTOR_SETS = vector_set_names(load_settings(environ={}))


def _partial(layout: StoreLayout, name: str) -> Path:
    return layout.generations / (name + PARTIAL)


def _vector_sets_written(partial: Path) -> bool:
    """Every vector set the ingest writes has its manifest (the last file of each saved)."""
    return all((partial / "vectors" / name / "manifest.json").exists() for name in VECTOR_SETS)


# The writer's steps, as a watcher outside the process sees them (in write order).
STEPS: dict[str, Marker] = {
    "partial-created": lambda lay, n: _partial(lay, n).is_dir(),
    "graph-opened": lambda lay, n: (_partial(lay, n) / "graph" / "CURRENT").exists(),
    "vectors-written": lambda lay, n: _vector_sets_written(_partial(lay, n)),
    "lexical-written": lambda lay, n: (_partial(lay, n) / LEXICAL / LEXICAL_META).exists(),
    "records-written": lambda lay, n: (_partial(lay, n) / "SNAPSHOT.json").exists(),
    "renamed": lambda lay, n: (lay.generations / n).is_dir(),
    "published": lambda lay, n: lay.current_name() == n,
}


@dataclass
class Outcome:
    """How one run ended and which state the store was left in."""

    moment: str
    killed: bool
    state: str  # "old" or "new"


def _ingest_command(corpus: Path, store: Path) -> list[str]:
    return [sys.executable, "-m", "forumgraph", "ingest", str(corpus), "--store", str(store)]


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORUMGRAPH_")}
    source_root = str(Path(forumgraph.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source_root, env.get("PYTHONPATH")]))
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", TQDM_DISABLE="1")
    env["OMP_NUM_THREADS"] = "1"  # two runs side by side share the cores instead of fighting
    return env


def _run_and_kill(corpus: Path, store: Path, moment: str, rng: random.Random) -> bool:
    """Start an ingest and SIGKILL it at `moment`; False if it finished before that."""
    layout = StoreLayout(store)
    name = _next_generation(layout)
    process = subprocess.Popen(
        _ingest_command(corpus, store),
        env=_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + RUN_TIMEOUT_S
    try:
        if moment == "random":
            # A random moment early in the write (which takes about a second or more).
            _wait_for(process, lambda: STEPS["partial-created"](layout, name), deadline)
            time.sleep(rng.uniform(0.0, 0.6))
        else:
            _wait_for(process, lambda: STEPS[moment](layout, name), deadline)
        if process.poll() is not None:
            return False
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        return process.returncode == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _next_generation(layout: StoreLayout) -> str:
    """The name the writer will choose: it first clears partial generations left by a kill."""
    if not layout.generations.is_dir():
        return "g000001"
    numbers = [
        int(p.name[1:]) for p in layout.generations.iterdir() if not p.name.endswith(PARTIAL)
    ]
    return f"g{max(numbers, default=0) + 1:06d}"


def _wait_for(process: subprocess.Popen[bytes], seen: Callable[[], bool], deadline: float) -> None:
    while not seen():
        if process.poll() is not None:
            return
        if time.monotonic() > deadline:
            raise AssertionError("the ingest process neither reached the step nor ended")
        time.sleep(POLL_S)


def _expected_state(corpus: Path, before: State, settings: Settings) -> State:
    """What the store holds after a complete ingest of `corpus` on top of `before`."""
    after = dict(before)
    for path in sorted(corpus.glob("*.txt")):
        article = read_article(path, ReadLimits())
        passages = split_passages(article, settings.passage_chars_ko, settings.passage_words_en)
        after[article.doc_id] = tuple(p.text for p in passages)
    return after


def _stored_state(store: Path) -> State:
    snapshot = open_snapshot(store)
    if snapshot is None:
        return {}
    return {
        doc_id: tuple(s.passage.text for s in snapshot.passages_of(doc_id))
        for doc_id in snapshot.documents
    }


def _edit_corpus(corpus: Path, run: int, rng: random.Random) -> None:
    """A new edition of one or two documents, and now and then a new document."""
    for doc_id in rng.sample([SUMMIT, MEETUP, KOREAN], k=rng.choice([1, 2])):
        text = (V1 / f"{doc_id}.txt").read_text(encoding="utf-8")
        if doc_id == KOREAN:
            addition = f"\n\n{run}번째 수정판: 발표 자료는 행사 {run}일 뒤에 공개된다.\n"
        else:
            addition = (
                f"\n\nCorrection {run}: the slides are published {run} days after the talk.\n"
            )
        (corpus / f"{doc_id}.txt").write_text(text + addition, encoding="utf-8")
    if run % 5 == 0:
        (corpus / f"living_extra_{run}.txt").write_text(
            f"title: Extra note {run}\nlanguage: en\n\nExtra note {run} about Helm chart "
            f"repositories and Prometheus exporters at the harbour meetup.\n",
            encoding="utf-8",
        )


def _assert_store_is_one_state(store: Path, old: State, new: State, models: Models) -> str:
    problems = check_store(store)
    assert problems == [], problems
    snapshot = open_snapshot(store)
    assert snapshot is not None
    snapshot.warm()
    found = _stored_state(store)
    state = "new" if found == new else "old" if found == old else None
    assert state is not None, _describe_mix(found, old, new)
    settings = Settings(store_dir=store)
    service = SearchService(snapshot, models.encoders, models.analyzer, settings)
    hits = service.search("Prometheus dashboards at the harbour meetup", 5).hits
    assert hits and all(h.passage.text in found[h.passage.doc_id] for h in hits)
    return state


def _describe_mix(found: State, old: State, new: State) -> str:
    lines = []
    for doc_id in sorted(found.keys() | old.keys() | new.keys()):
        got = found.get(doc_id)
        which = "old" if got == old.get(doc_id) else "new" if got == new.get(doc_id) else "neither"
        lines.append(f"{doc_id}: {which}")
    return "store is in neither state: " + "; ".join(lines)


def _crash_loop(folder: Path, seed: int, models: Models) -> list[Outcome]:
    """One store through a run per watched step and RANDOM_RUNS / LOOPS random moments."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test moments, not secrets
    corpus, store = folder / "corpus", folder / "store"
    corpus.mkdir(parents=True)
    for path in V1.glob("*.txt"):
        (corpus / path.name).write_bytes(path.read_bytes())
    _ingest_to_the_end(corpus, store)
    settings = Settings(store_dir=store)
    moments = list(STEPS) * (STEP_RUNS // LOOPS) + ["random"] * (RANDOM_RUNS // LOOPS)
    rng.shuffle(moments)
    outcomes: list[Outcome] = []
    for run, moment in enumerate(moments, 1):
        old = _stored_state(store)
        _edit_corpus(corpus, run, rng)
        new = _expected_state(corpus, old, settings)
        assert new != old
        killed = _run_and_kill(corpus, store, moment, rng)
        state = _assert_store_is_one_state(store, old, new, models)
        outcomes.append(Outcome(moment, killed, state))
    # A later ingest completes normally and clears what the killed ones left behind.
    _edit_corpus(corpus, len(moments) + 1, rng)
    _ingest_to_the_end(corpus, store)
    assert check_store(store) == []
    assert not [p for p in StoreLayout(store).generations.iterdir() if p.name.endswith(PARTIAL)]
    return outcomes


def _ingest_to_the_end(corpus: Path, store: Path) -> None:
    done = subprocess.run(
        _ingest_command(corpus, store), env=_environment(), capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]


def test_ingest_killed_at_any_moment_leaves_the_old_or_the_new_store(
    tmp_path: Path, models: Models
) -> None:
    # Two stores side by side: the model load of each run (the slow part) uses both cores.
    with ThreadPoolExecutor(max_workers=LOOPS) as pool:
        loops = [pool.submit(_crash_loop, tmp_path / f"loop{n}", n, models) for n in range(LOOPS)]
        outcomes = [o for loop in loops for o in loop.result()]

    killed = [o for o in outcomes if o.killed]
    summary = ", ".join(f"{o.moment}:{o.state}{'' if o.killed else '(done)'}" for o in outcomes)
    print(f"crash runs survived {len(outcomes)}/{len(outcomes)}, killed {len(killed)}: {summary}")
    assert len(outcomes) >= 20 and len(killed) >= 15
    # Every step was hit at least once (after publishing, the process may be done first).
    assert {o.moment for o in killed} >= set(STEPS) - {"published"}
    # Kills before the pointer moved keep the old state; a kill after publishing keeps the new.
    for outcome in killed:
        if outcome.moment in ("partial-created", "graph-opened", "vectors-written"):
            assert outcome.state == "old", outcome
        if outcome.moment == "published":
            assert outcome.state == "new", outcome
    assert {o.state for o in killed} == {"old", "new"}
