"""OxigraphStore: document graphs replaced atomically, union reads, entities, errors."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from forumgraph.errors import InputError, StoreError
from forumgraph.graph.build import document_quads
from forumgraph.graph.store import OxigraphStore
from forumgraph.graph.terms import SDO, document_iri, entity_iri
from forumgraph.models import EntityType, Name, ResolvedDocument

BASE = "https://forumgraph.org/"


@pytest.fixture(params=["memory", "disk"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OxigraphStore]:
    opened = (
        OxigraphStore.in_memory(query_workers=1)
        if request.param == "memory"
        else OxigraphStore.open(tmp_path / "store", query_workers=1)
    )
    yield opened
    opened.close()


def _load(store: OxigraphStore, *docs: ResolvedDocument) -> None:
    for doc in docs:
        store.replace_document(doc.article.doc_id, document_quads(doc, BASE))


def _graph_size(store: OxigraphStore, doc_id: str) -> int:
    raw = store._open_store()
    return sum(1 for _ in raw.quads_for_pattern(None, None, None, document_iri(doc_id, BASE)))


def test_documents_and_counts(
    store: OxigraphStore, seoul_doc: ResolvedDocument, schedule_doc: ResolvedDocument
) -> None:
    _load(store, seoul_doc, schedule_doc)
    expected = len(document_quads(seoul_doc, BASE)) + len(document_quads(schedule_doc, BASE))
    assert store.documents() == {"kubernetes-forum-seoul-2019.ko", "kccncna19_talks"}
    assert store.quads_count() == expected


def test_replace_document_swaps_the_whole_graph(
    store: OxigraphStore, seoul_doc: ResolvedDocument, schedule_doc: ResolvedDocument
) -> None:
    _load(store, seoul_doc, schedule_doc)
    graph = document_iri(seoul_doc.article.doc_id, BASE)
    replacement = [
        Quad(entity_iri("person/dan-kohn", BASE), SDO.name, Literal("Dan", language="en"), graph)
    ]
    store.replace_document(seoul_doc.article.doc_id, replacement)
    assert _graph_size(store, seoul_doc.article.doc_id) == 1
    assert _graph_size(store, schedule_doc.article.doc_id) == len(
        document_quads(schedule_doc, BASE)
    )


def test_replace_is_atomic_for_concurrent_readers(
    store: OxigraphStore, seoul_doc: ResolvedDocument
) -> None:
    doc_id = seoul_doc.article.doc_id
    quads = document_quads(seoul_doc, BASE)
    half = quads[: len(quads) // 2]
    store.replace_document(doc_id, quads)
    seen: set[int] = set()
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.add(_graph_size(store, doc_id))

    reader = threading.Thread(target=read)
    reader.start()
    for i in range(16):
        store.replace_document(doc_id, half if i % 2 else quads)
    stop.set()
    reader.join()
    assert seen <= {len(quads), len(half)}  # never empty, never a mix


def test_remove_document(
    store: OxigraphStore, seoul_doc: ResolvedDocument, schedule_doc: ResolvedDocument
) -> None:
    _load(store, seoul_doc, schedule_doc)
    assert store.remove_document(seoul_doc.article.doc_id) is True
    assert store.remove_document(seoul_doc.article.doc_id) is False
    assert store.documents() == {"kccncna19_talks"}
    assert store.quads_count() == len(document_quads(schedule_doc, BASE))


def test_quads_outside_the_document_graph_are_refused(
    store: OxigraphStore, seoul_doc: ResolvedDocument
) -> None:
    other = document_iri("other", BASE)
    quad = Quad(entity_iri("person/x", BASE), SDO.name, Literal("x"), other)
    with pytest.raises(
        InputError, match=r"not in the document.s graph <https://forumgraph\.org/doc/"
    ):
        store.replace_document(seoul_doc.article.doc_id, [quad])
    assert store.documents() == set()


def test_entities_merge_names_from_every_document(
    store: OxigraphStore, seoul_doc: ResolvedDocument, schedule_doc: ResolvedDocument
) -> None:
    _load(store, seoul_doc, schedule_doc)
    entities = {e.id: e for e in store.entities()}
    dan = entities["person/dan-kohn"]
    assert dan.type is EntityType.PERSON
    assert set(dan.names) == {Name("Dan Kohn", "en"), Name("댄 컨", "ko")}
    brandon = entities["person/brandon-lum"]
    assert brandon.names == (Name("Brandon Lum", "en"),)
    assert brandon.alternate_names == (Name("Brandom Lum", "en"),)
    assert entities["event/kubernetes-forum-seoul-2019"].label("ko") == "쿠버네티스 포럼 서울"
    assert not any(entity_id.startswith(("doc/", "figure")) for entity_id in entities)


def test_entities_prefer_the_name_most_documents_use(store: OxigraphStore) -> None:
    dan = entity_iri("person/dan-kohn", BASE)
    for doc_id, name in (("a", "Dan Kohn"), ("b", "Dan Kohn"), ("c", "Daniel Kohn")):
        graph = document_iri(doc_id, BASE)
        store.replace_document(doc_id, [Quad(dan, SDO.name, Literal(name, language="en"), graph)])
    (entity,) = store.entities()
    assert entity.names == (Name("Dan Kohn", "en"),)
    assert entity.alternate_names == (Name("Daniel Kohn", "en"),)


def test_backup_is_a_usable_copy(
    store: OxigraphStore, seoul_doc: ResolvedDocument, tmp_path: Path
) -> None:
    _load(store, seoul_doc)
    target = tmp_path / "backup"
    store.backup(target)
    copy = OxigraphStore.open(target, read_only=True)
    try:
        assert copy.documents() == {seoul_doc.article.doc_id}
        assert copy.quads_count() == store.quads_count()
    finally:
        copy.close()
    with pytest.raises(StoreError, match="already exists"):
        store.backup(target)


def test_store_persists_across_reopen(tmp_path: Path, seoul_doc: ResolvedDocument) -> None:
    store = OxigraphStore.open(tmp_path / "s")
    _load(store, seoul_doc)
    count = store.quads_count()
    store.flush()
    store.close()
    reopened = OxigraphStore.open(tmp_path / "s", read_only=True)
    try:
        assert reopened.quads_count() == count
        with pytest.raises(StoreError, match="read-only"):
            reopened.remove_document(seoul_doc.article.doc_id)
    finally:
        reopened.close()


def test_missing_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="There is no graph store") as info:
        OxigraphStore.open(tmp_path / "nowhere", read_only=True)
    assert "forumgraph ingest" in (info.value.hint or "")


def test_locked_store_is_a_store_error(tmp_path: Path) -> None:
    first = OxigraphStore.open(tmp_path / "s")
    try:
        with pytest.raises(StoreError, match="locked"):
            OxigraphStore.open(tmp_path / "s")
    finally:
        first.close()


def test_corrupt_store_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "s"
    path.mkdir()
    (path / "CURRENT").write_text("garbage")
    with pytest.raises(StoreError, match="corrupt"):
        OxigraphStore.open(path)


def test_foreign_directory_is_not_taken_over(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        OxigraphStore.open(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_closed_store_refuses_work(seoul_doc: ResolvedDocument) -> None:
    store = OxigraphStore.in_memory()
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.documents()


def test_literals_with_quotes_and_newlines_survive_the_update(store: OxigraphStore) -> None:
    graph = document_iri("odd", BASE)
    tricky = Literal('He said "hi" \\ \n\t{ } . ; 안녕 \u0007', language="en")
    store.replace_document("odd", [Quad(NamedNode(f"{BASE}id/topic/x"), SDO.name, tricky, graph)])
    raw: pyoxigraph.Store = store._open_store()
    assert [q.object for q in raw.quads_for_pattern(None, SDO.name, None, graph)] == [tricky]


def _union(store: OxigraphStore) -> set[tuple[str, str, str]]:
    raw = store._open_store()
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in raw.quads_for_pattern(None, None, None, DefaultGraph())
    }


def _triples(*docs: ResolvedDocument) -> set[tuple[str, str, str]]:
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for doc in docs
        for q in document_quads(doc, BASE)
    }


def test_default_graph_is_the_merge_of_the_document_graphs(
    store: OxigraphStore, seoul_doc: ResolvedDocument, schedule_doc: ResolvedDocument
) -> None:
    _load(store, seoul_doc, schedule_doc)
    assert _union(store) == _triples(seoul_doc, schedule_doc)
    dan = entity_iri("person/dan-kohn", BASE)
    count = store._open_store().query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {dan} a ?type }}")
    assert isinstance(count, pyoxigraph.QuerySolutions)
    assert [row["n"].value for row in count] == ["1"]  # stated by both documents, counted once


def test_removing_a_document_keeps_what_other_documents_state(
    store: OxigraphStore, seoul_doc: ResolvedDocument, schedule_doc: ResolvedDocument
) -> None:
    _load(store, seoul_doc, schedule_doc)
    store.remove_document(seoul_doc.article.doc_id)
    assert _union(store) == _triples(schedule_doc)
    store.replace_document(schedule_doc.article.doc_id, [])
    assert _union(store) == set()
    assert store.quads_count() == 0


def test_replacing_an_unchanged_document_writes_nothing(
    store: OxigraphStore, seoul_doc: ResolvedDocument
) -> None:
    _load(store, seoul_doc)
    version = store._version
    _load(store, seoul_doc)
    assert store._version == version


def test_blank_nodes_are_refused(store: OxigraphStore) -> None:
    graph = document_iri("b", BASE)
    quad = Quad(pyoxigraph.BlankNode("x"), SDO.name, Literal("x"), graph)
    with pytest.raises(InputError, match="blank node"):
        store.replace_document("b", [quad])
