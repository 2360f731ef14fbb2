"""Incremental updates with the real pipeline: replace, skip, remove, and a server that follows."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import numpy as np
import pyoxigraph
import pytest
from click.testing import CliRunner
from living_support import KOREAN, MEETUP, SUMMIT, V2, Models

from forumgraph.cli import main
from forumgraph.config import Settings
from forumgraph.errors import NotFound
from forumgraph.graph.terms import document_iri, entity_iri
from forumgraph.ingest.pipeline import Ingester
from forumgraph.ingest.readers import ReadLimits, read_article
from forumgraph.ingest.segment import split_passages
from forumgraph.search.service import SearchService
from forumgraph.snapshot import Snapshot, SnapshotHolder, StoreLayout, open_snapshot
from forumgraph.snapshot.check import check_store
from forumgraph.snapshot.reader import GRAPH
from forumgraph.text.tokenize import tokenize_for_index


def _current(settings: Settings) -> Snapshot:
    snapshot = open_snapshot(settings.store_dir)
    assert snapshot is not None
    return snapshot


def _graph_store(snapshot: Snapshot) -> pyoxigraph.Store:
    return pyoxigraph.Store.read_only(str(snapshot.path / GRAPH))


def _document_quads(snapshot: Snapshot, doc_id: str) -> set[str]:
    graph = document_iri(doc_id, snapshot.meta["base_iri"])
    return {str(q) for q in _graph_store(snapshot).quads_for_pattern(None, None, None, graph)}


def _person_id(snapshot: Snapshot, name: str) -> str | None:
    found = [
        e.id
        for e in snapshot.entities.values()
        if e.type == "person" and name in {n.text for n in (*e.names, *e.alternate_names)}
    ]
    assert len(found) <= 1, found
    return found[0] if found else None


def _quads_naming(snapshot: Snapshot, entity_id: str) -> int:
    """Quads in any graph (the union default graph included) with the entity as subject/object."""
    store = _graph_store(snapshot)
    node = entity_iri(entity_id, snapshot.meta["base_iri"])
    as_subject = list(store.quads_for_pattern(node, None, None, None))
    as_object = list(store.quads_for_pattern(None, None, node, None))
    return len(as_subject) + len(as_object)


def _tokens(snapshot: Snapshot) -> dict[str, list[str]]:
    return dict(snapshot.lexical().items())


def _assert_consistent(settings: Settings) -> None:
    assert check_store(settings.store_dir) == []


def test_changed_file_replaces_exactly_its_document(
    corpus: Path, ingester: Ingester, settings: Settings, models: Models
) -> None:
    first = ingester.ingest_paths([corpus])
    assert first.ok and set(first.added) == {KOREAN, MEETUP, SUMMIT}
    _assert_consistent(settings)
    old = _current(settings)
    bartholomew = _person_id(old, "Bartholomew Quill")
    orla = _person_id(old, "Orla Finnegan")
    assert bartholomew and orla and _person_id(old, "Cassius Mbeki") is None

    shutil.copy(V2 / f"{SUMMIT}.txt", corpus / f"{SUMMIT}.txt")
    second = ingester.ingest_paths([corpus])
    assert second.replaced == [SUMMIT]
    assert set(second.unchanged) == {KOREAN, MEETUP}
    assert second.added == [] and second.generation != first.generation
    _assert_consistent(settings)
    new = _current(settings)

    # The other documents are untouched: records, passages, vector ids, vectors, tokens, graphs.
    for doc_id in (MEETUP, KOREAN):
        assert new.documents[doc_id] == old.documents[doc_id]
        assert new.passages_of(doc_id) == old.passages_of(doc_id)
        ids = np.array([s.vector_id for s in old.passages_of(doc_id)], np.int64)
        assert np.array_equal(new.dense().reconstruct(ids), old.dense().reconstruct(ids))
        assert _document_quads(new, doc_id) == _document_quads(old, doc_id)
        pids = old.documents[doc_id].passage_ids
        assert {p: _tokens(new)[p] for p in pids} == {p: _tokens(old)[p] for p in pids}

    # The changed document holds exactly the new edition's passages, in every component.
    article = read_article(V2 / f"{SUMMIT}.txt", ReadLimits())
    expected = split_passages(article, settings.passage_chars_ko, settings.passage_words_en)
    stored = new.passages_of(SUMMIT)
    assert [s.passage.text for s in stored] == [p.text for p in expected]
    assert new.documents[SUMMIT].content_hash == article.content_hash
    old_vectors = {s.vector_id for s in old.passages_of(SUMMIT)}
    new_vectors = {s.vector_id for s in stored}
    held = {int(i) for i in new.dense().vector_ids()}
    assert not old_vectors & held and new_vectors <= held
    fresh = models.embedder.encode_passages([p.text for p in expected])
    got = new.dense().reconstruct(np.array([s.vector_id for s in stored], np.int64))
    assert np.allclose(got, fresh, atol=1e-4)
    tokens = _tokens(new)
    for s in stored:
        assert tokens[s.passage.passage_id] == tokenize_for_index(
            s.passage.text, s.passage.lang, models.analyzer
        )
    lexical = new.lexical()
    assert lexical.search(["bartholomew"], 5) == []
    assert [pid for pid, _ in lexical.search(["cassius"], 5)] == [f"{SUMMIT}#p1"]

    # Graph and mentions: the dropped speaker is gone everywhere, the shared one stays.
    summit_graph = "\n".join(_document_quads(new, SUMMIT))
    assert "Cassius Mbeki" in summit_graph and "Bartholomew Quill" not in summit_graph
    cassius = _person_id(new, "Cassius Mbeki")
    assert cassius is not None and _person_id(new, "Bartholomew Quill") is None
    assert bartholomew not in new.entities and _quads_naming(new, bartholomew) == 0
    assert _person_id(new, "Orla Finnegan") == orla
    mentioned = {e for s in stored for e in s.entity_ids}
    assert cassius in mentioned and orla in mentioned and bartholomew not in mentioned


def test_unchanged_files_are_skipped_without_a_new_generation(
    corpus: Path, ingester: Ingester, settings: Settings
) -> None:
    ingester.ingest_paths([corpus])
    layout = StoreLayout(settings.store_dir)
    before = layout.current_name()
    (corpus / f"{MEETUP}.txt").touch()  # a newer mtime alone is not a change
    again = ingester.ingest_paths([corpus])
    assert set(again.unchanged) == {KOREAN, MEETUP, SUMMIT}
    assert again.added == again.replaced == [] and again.generation is None
    assert layout.current_name() == before
    _assert_consistent(settings)


def test_remove_deletes_one_document_and_entities_only_it_named(
    corpus: Path, ingester: Ingester, settings: Settings
) -> None:
    ingester.ingest_paths([corpus])
    old = _current(settings)
    ignatius = _person_id(old, "Ignatius Vell")
    orla = _person_id(old, "Orla Finnegan")
    assert ignatius and orla

    report = ingester.remove([MEETUP])
    assert report.removed == [MEETUP]
    _assert_consistent(settings)
    new = _current(settings)
    assert set(new.documents) == {SUMMIT, KOREAN}
    assert not any(pid.startswith(MEETUP) for pid in new.passages)
    assert _document_quads(new, MEETUP) == set()
    removed_vectors = {s.vector_id for s in old.passages_of(MEETUP)}
    assert not removed_vectors & {int(i) for i in new.dense().vector_ids()}
    assert not any(pid.startswith(MEETUP) for pid in new.lexical().passage_ids())
    assert ignatius not in new.entities and _quads_naming(new, ignatius) == 0
    assert orla in new.entities  # still named by the summit and the Korean article
    for doc_id in (SUMMIT, KOREAN):
        assert new.passages_of(doc_id) == old.passages_of(doc_id)
        assert _document_quads(new, doc_id) == _document_quads(old, doc_id)

    with pytest.raises(NotFound, match="no-such-doc"):
        ingester.remove(["no-such-doc"])
    ingester.remove([SUMMIT, KOREAN])
    _assert_consistent(settings)
    empty = _current(settings)
    assert empty.documents == {} and empty.passages == {} and empty.entities == {}
    assert orla not in empty.entities


def test_cli_remove_and_check_work_without_loading_a_model(
    corpus: Path, ingester: Ingester, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingester.ingest_paths([corpus])

    def no_model(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("removing documents must not load the embedding model")

    monkeypatch.setattr("forumgraph.index.embed.create_embedder", no_model)
    runner = CliRunner()
    store = str(settings.store_dir)
    removed = runner.invoke(main, ["remove", KOREAN, "--store", store])
    assert removed.exit_code == 0, removed.output
    assert "1 removed" in removed.output
    checked = runner.invoke(main, ["check", "--store", store])
    assert checked.exit_code == 0, checked.output
    assert set(_current(settings).documents) == {SUMMIT, MEETUP}


def test_check_reports_drift_between_graph_and_records(
    corpus: Path, ingester: Ingester, settings: Settings
) -> None:
    ingester.ingest_paths([corpus])
    snapshot = _current(settings)
    documents = (snapshot.path / "documents.json").read_text(encoding="utf-8")
    # A generation whose records forget one document that its graph and indexes still hold.
    trimmed = documents.replace(f'"doc_id": "{KOREAN}"', '"doc_id": "living_ghost"')
    (snapshot.path / "documents.json").write_text(trimmed, encoding="utf-8")
    problems = check_store(settings.store_dir)
    assert any(KOREAN in p and "graph documents" in p for p in problems), problems
    runner = CliRunner()
    checked = runner.invoke(main, ["check", "--store", str(settings.store_dir)])
    assert checked.exit_code == 1 and "drift:" in checked.output


def test_a_serving_holder_sees_each_update_without_a_restart(
    corpus: Path, ingester: Ingester, settings: Settings, models: Models
) -> None:
    def build(snapshot: Snapshot) -> SearchService:
        return SearchService(snapshot, models.encoders, models.analyzer, settings)

    holder: SnapshotHolder[SearchService] = SnapshotHolder(settings.store_dir, build, interval=0)
    assert holder.get() is None  # an empty store serves nothing yet, without failing

    ingester.ingest_paths([corpus])
    service = holder.get()
    assert service is not None
    hits = service.search("Bartholomew Quill supply chain workshop", 3).hits
    assert hits[0].passage.doc_id == SUMMIT and "Bartholomew" in hits[0].passage.text

    shutil.copy(V2 / f"{SUMMIT}.txt", corpus / f"{SUMMIT}.txt")
    ingester.ingest_paths([corpus])
    updated = holder.get()
    assert updated is not None and updated is not service
    texts = [h.passage.text for h in updated.search("Cassius Mbeki Linkerd workshop", 5).hits]
    assert "Cassius Mbeki" in texts[0]
    assert not any("Bartholomew" in t for t in texts)
    # The previous generation still answers requests that started on it.
    assert service.search("Bartholomew Quill", 3).hits[0].passage.doc_id == SUMMIT

    ingester.remove([SUMMIT])
    latest = holder.get()
    assert latest is not None
    assert all(h.passage.doc_id != SUMMIT for h in latest.search("Lakeside summit", 5).hits)


def test_requests_keep_the_old_generation_while_a_new_one_loads(
    corpus: Path, ingester: Ingester, settings: Settings
) -> None:
    ingester.ingest_paths([corpus])
    loading, release = threading.Event(), threading.Event()

    def build(snapshot: Snapshot) -> str:
        if holder_ready.is_set():  # the second generation loads slowly
            loading.set()
            assert release.wait(timeout=60)
        return snapshot.name

    holder_ready = threading.Event()
    holder: SnapshotHolder[str] = SnapshotHolder(settings.store_dir, build, interval=0)
    first = holder.get()
    holder_ready.set()
    ingester.remove([KOREAN])
    loader = threading.Thread(target=holder.refresh)
    loader.start()
    assert loading.wait(timeout=60)
    # The loader stays blocked until `release`: a get() that waited for it would never return.
    answers: list[str | None] = []
    reader = threading.Thread(target=lambda: answers.append(holder.get()), daemon=True)
    reader.start()
    reader.join(timeout=60)
    assert not reader.is_alive(), "a request waited for the generation being loaded"
    assert answers == [first]  # answered from the current generation
    release.set()
    loader.join(timeout=60)
    assert holder.get() == StoreLayout(settings.store_dir).current_name() != first
