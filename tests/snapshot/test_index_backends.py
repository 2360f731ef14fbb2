"""The same store behaviour on both index backends: FAISS and bm25s files, or Milvus (Lite).

Every test runs once per backend through the `backend` fixture: ingest, search with filters,
update and delete with old-or-new reads, `check`, and a real `forumgraph ingest` killed while it
writes. Milvus runs as Milvus Lite in one file of the test's folder, the engine CI can run.
"""

from __future__ import annotations

import gc
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from living_support import KOREAN, MEETUP, SUMMIT, V1, V2, Models

import forumgraph
from forumgraph.config import Settings
from forumgraph.errors import IndexMismatch
from forumgraph.ingest.pipeline import Ingester
from forumgraph.search.filters import SearchFilters
from forumgraph.search.service import SearchService
from forumgraph.snapshot import StoreLayout
from forumgraph.snapshot.access import check_configured_store, store_access
from forumgraph.snapshot.layout import PARTIAL
from forumgraph.snapshot.reader import Snapshot

BACKENDS = ("embedded", "milvus")
KILLS = 6  # killed ingest runs per backend
UNPUBLISHED = "unpublished generation"  # how check names rows an interrupted write left


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, settings: Settings, tmp_path: Path) -> Settings:
    """Settings of a fresh store on one index backend (Milvus Lite in the test's folder)."""
    chosen = settings.with_overrides(index_backend=request.param)
    yield chosen
    if chosen.index_backend == "milvus":
        _release_lite(chosen)


def _release_lite(settings: Settings) -> None:
    """Stop this process's Milvus Lite engine of the store, so that another process may open it."""
    from milvus_lite import server_manager_instance

    from forumgraph.index.milvus.target import MilvusTarget

    server_manager_instance.release_server(MilvusTarget.from_settings(settings).uri)


def _open(settings: Settings) -> Snapshot:
    return store_access(settings).require()


def _service(settings: Settings, models: Models) -> SearchService:
    return SearchService(_open(settings), models.encoders, models.analyzer, settings)


def _ingester(settings: Settings, models: Models) -> Ingester:
    return Ingester(settings, encoders=models.encoders, analyzer=models.analyzer)


def _texts(snapshot: Snapshot, doc_id: str) -> tuple[str, ...]:
    return tuple(s.passage.text for s in snapshot.passages_of(doc_id))


def test_ingest_and_search_with_filters(backend: Settings, corpus: Path, models: Models) -> None:
    report = _ingester(backend, models).ingest_paths([corpus])
    assert report.ok and sorted(report.added) == sorted([SUMMIT, MEETUP, KOREAN])
    assert check_configured_store(backend) == []
    snapshot = _open(backend)
    assert snapshot.index_backend == backend.index_backend
    service = _service(backend, models)

    hits = service.search("Bartholomew Quill workshop", 5).hits
    assert hits[0].passage.doc_id == SUMMIT
    korean = service.search("서울 행사 발표", 5, lang="ko").hits
    assert korean and {h.passage.lang for h in korean} <= {"ko"}
    english = service.search("Prometheus dashboards at the harbour meetup", 5, lang="en").hits
    assert english[0].passage.doc_id == MEETUP and {h.passage.lang for h in english} == {"en"}
    people = service.search("workshop", 10, entity_type="person").hits
    for hit in people:
        assert any(str(e.type) == "person" for e in hit.entities)
    years = {doc.year for doc in snapshot.documents.values() if doc.year is not None}
    for year in years:
        found = service.search("meetup", 10, year=year).hits
        assert {snapshot.documents[h.passage.doc_id].year for h in found} <= {year}
    # BM25 alone matches a number with a decimal point as one token, not its digits.
    lexical = snapshot.lexical()
    tokens_of = {h.passage.passage_id for h in hits}
    assert lexical.search(["bartholomew"], 5) and set(tokens_of)


def test_both_backends_rank_alike(settings: Settings, corpus: Path, models: Models) -> None:
    rankings = {}
    for name in BACKENDS:
        chosen = settings.with_overrides(
            index_backend=name, store_dir=settings.store_dir.parent / name
        )
        _ingester(chosen, models).ingest_paths([corpus])
        service = _service(chosen, models)
        rankings[name] = [
            [(h.passage.passage_id, h.score) for h in service.search(q, 5, **f).hits]
            for q, f in (
                ("Prometheus dashboards at the harbour meetup", {}),
                ("서울 행사 발표", {}),
                ("Orla Finnegan keynote", {"lang": "en"}),
            )
        ]
        if name == "milvus":
            _release_lite(chosen)
    # The same passages in the same order; scores equal up to float32 rounding of the vectors.
    for milvus, embedded in zip(rankings["milvus"], rankings["embedded"], strict=True):
        assert [pid for pid, _ in milvus] == [pid for pid, _ in embedded]
        assert [score for _, score in milvus] == pytest.approx([s for _, s in embedded], abs=1e-3)


TALK_LIST = (
    "# KubeCon + CloudNativeCon Europe 2019 - Barcelona\n\n"
    "|Topic|YouTube|\n|---|:---:|\n"
    "|Keynote: Service Mesh in Production - Orla Finnegan, Harbour Labs|"
    "[Video](https://www.youtube.com/watch?v=aaaaaaaaaaa)|\n"
    "|Lightning Talk: Prometheus Dashboards for Everyone - Bartholomew Quill, Quill Co|"
    "[Video](https://www.youtube.com/watch?v=bbbbbbbbbbb)|\n"
    "|Multi-tenancy with Namespaces - Orla Finnegan, Harbour Labs|"
    "[Video](https://www.youtube.com/watch?v=ccccccccccc)|\n"
)


def test_talks_are_results_alike_on_both_backends(
    settings: Settings, corpus: Path, models: Models
) -> None:
    (corpus / "kubecon-barcelona-2019.md").write_text(TALK_LIST, encoding="utf-8")
    found = {}
    for name in BACKENDS:
        chosen = settings.with_overrides(
            index_backend=name, store_dir=settings.store_dir.parent / f"talks-{name}"
        )
        _ingester(chosen, models).ingest_paths([corpus])
        service = _service(chosen, models)
        hits = service.search("service mesh talks", 5).hits
        listing = service.talks(SearchFilters(speaker="Orla Finnegan"))
        found[name] = (
            [(h.passage.passage_id, h.talk and (h.talk.title, h.talk.kind)) for h in hits],
            sorted(t.title for t in listing.talks),
        )
        if name == "milvus":
            _release_lite(chosen)
    assert found["milvus"] == found["embedded"]
    ranked, talks = found["embedded"]
    assert ranked[0][1] == ("Keynote: Service Mesh in Production", "keynote")
    assert talks == ["Keynote: Service Mesh in Production", "Multi-tenancy with Namespaces"]


def test_update_and_delete_keep_old_readers_on_their_generation(
    backend: Settings, corpus: Path, models: Models
) -> None:
    ingester = _ingester(backend, models)
    ingester.ingest_paths([corpus])
    old = _open(backend)
    old_service = SearchService(old, models.encoders, models.analyzer, backend)
    before = _texts(old, SUMMIT)

    shutil.copy(V2 / f"{SUMMIT}.txt", corpus / f"{SUMMIT}.txt")
    assert ingester.ingest_paths([corpus]).replaced == [SUMMIT]
    assert check_configured_store(backend) == []
    new = _open(backend)
    assert _texts(new, SUMMIT) != before
    # The reader of the old generation still sees exactly its passages, in every index.
    hits = old_service.search("Bartholomew Quill workshop", 5).hits
    assert hits[0].passage.doc_id == SUMMIT and hits[0].passage.text in before
    old_ids = {int(i) for i in old.dense().vector_ids()}
    assert old_ids == {p.vector_id for p in old.passages.values()}
    assert set(old.lexical().passage_ids()) == set(old.passages)
    new_service = _service(backend, models)
    for hit in new_service.search("Cassius Mbeki", 5).hits:
        assert hit.passage.text in _texts(new, hit.passage.doc_id)

    del old_service, old, new, new_service
    gc.collect()  # readers gone: their leases with them
    ingester.remove([MEETUP])
    assert check_configured_store(backend) == []
    latest = _open(backend)
    assert MEETUP not in latest.documents
    found = _service(backend, models).search("Prometheus dashboards at the harbour meetup", 10)
    assert MEETUP not in {h.passage.doc_id for h in found.hits}
    ids = {int(i) for i in latest.dense().vector_ids()}
    assert ids == {p.vector_id for p in latest.passages.values()}
    if backend.index_backend == "milvus":
        # Once no reader serves the older generations their rows are gone, not only hidden.
        from forumgraph.index.milvus.search import count_rows

        milvus = latest.milvus()
        assert count_rows(milvus.client, milvus.target, "vector_id >= 0") == len(ids)


def test_manifest_in_milvus_is_checked_on_open(
    settings: Settings, corpus: Path, models: Models
) -> None:
    from forumgraph.index.milvus.schema import MANIFEST_KEY, META, MilvusManifest, meta_row

    chosen = settings.with_overrides(index_backend="milvus")
    _ingester(chosen, models).ingest_paths([corpus])
    milvus = _open(chosen).milvus()
    manifest = milvus.manifest.to_json()
    manifest["vector_sets"]["embedding"]["model"] = "another-model"
    collection = milvus.target.collection(META)
    milvus.client.upsert(collection, [meta_row(MANIFEST_KEY, MANIFEST_KEY, 0, 0, manifest)])
    assert MilvusManifest.from_json(manifest).vector_sets["embedding"].model == "another-model"
    with pytest.raises(IndexMismatch, match="another-model"):
        _open(chosen).dense()
    problems = check_configured_store(chosen)
    assert problems and "another-model" in problems[0]
    _release_lite(chosen)


def _environment(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORUMGRAPH_")}
    source_root = str(Path(forumgraph.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source_root, env.get("PYTHONPATH")]))
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", TQDM_DISABLE="1")
    env["FORUMGRAPH_INDEX_BACKEND"] = settings.index_backend
    return env


def _ingest_command(corpus: Path, settings: Settings) -> list[str]:
    store = str(settings.store_dir)
    return [sys.executable, "-m", "forumgraph", "ingest", str(corpus), "--store", store]


def _state(settings: Settings) -> dict[str, tuple[str, ...]]:
    snapshot = store_access(settings).open()
    if snapshot is None:
        return {}
    return {doc_id: _texts(snapshot, doc_id) for doc_id in snapshot.documents}


@pytest.mark.slow
def test_killed_ingest_leaves_the_old_or_the_new_store(
    backend: Settings, corpus: Path, models: Models
) -> None:
    rng = random.Random(len(backend.index_backend))  # noqa: S311 - reproducible moments
    env = _environment(backend)
    done = subprocess.run(_ingest_command(corpus, backend), env=env, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    layout = StoreLayout(backend.store_dir)
    killed = 0
    for run in range(1, KILLS + 1):
        old = _state(backend)
        text = (V1 / f"{SUMMIT}.txt").read_text(encoding="utf-8")
        (corpus / f"{SUMMIT}.txt").write_text(text + f"\n\nCorrection {run}: slides.\n")
        process = subprocess.Popen(
            _ingest_command(corpus, backend),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        partial = layout.generations / (layout.next_name() + PARTIAL)
        deadline = time.monotonic() + 300
        while not partial.exists() and process.poll() is None:
            assert time.monotonic() < deadline, "the ingest never started writing"
            time.sleep(0.001)
        time.sleep(rng.uniform(0.0, 1.0))  # somewhere in the write: graph, Milvus, records
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait(timeout=60)
        problems = check_configured_store(backend)
        # Rows a killed write left in Milvus are reported, never served.
        assert all(UNPUBLISHED in p for p in problems), problems
        state = _state(backend)
        assert state == old or state[SUMMIT][-1].endswith(f"Correction {run}: slides."), state
        hits = _service(backend, models).search("Bartholomew Quill workshop", 3).hits
        assert hits and all(h.passage.text in state[h.passage.doc_id] for h in hits)
        if backend.index_backend == "milvus":
            _release_lite(backend)
    assert killed >= KILLS // 2
    (corpus / "living_late.txt").write_text(
        "title: Late note\nlanguage: en\n\nA late note about Helm at the harbour.\n"
    )
    done = subprocess.run(_ingest_command(corpus, backend), env=env, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert check_configured_store(backend) == []  # ingesting again repaired what was left
