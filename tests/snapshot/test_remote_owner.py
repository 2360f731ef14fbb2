"""Stores sharing one real Oxigraph server: each deletes or replaces only the document graphs it
wrote, `--rebuild` takes the server over, one writer holds the lease, credentials stay hidden."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from living_support import KOREAN, MEETUP, SUMMIT, V1, V2, Models

from forumgraph.config import Settings
from forumgraph.errors import StoreBusy, StoreError
from forumgraph.graph.endpoints import RemoteEndpoints
from forumgraph.graph.remote import RemoteStore
from forumgraph.graph.remote_owner import WriterLease
from forumgraph.graph.terms import admin_graph
from forumgraph.ingest.pipeline import Ingester
from forumgraph.serving.services import Services
from forumgraph.snapshot import open_snapshot
from forumgraph.snapshot.reader import META
from forumgraph.web import create_app
from oxigraph_server import oxigraph_server

LATE = "living_late"
NAMES = (
    "PREFIX schema: <https://schema.org/> "
    "SELECT DISTINCT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture
def shared(server: str) -> RemoteStore:
    """The emptied server, seen without any store identity (to inspect it)."""
    requests.post(
        f"{server}/update",
        data="DROP SILENT ALL",
        headers={"Content-Type": "application/sparql-update"},
        timeout=10,
    ).raise_for_status()
    return RemoteStore(
        RemoteEndpoints(f"{server}/query", f"{server}/update"),
        base_iri=Settings().base_iri,
        query_workers=1,
    )


def _store(base: Settings, server: str, folder: Path, models: Models) -> Ingester:
    settings = base.with_overrides(
        store_dir=folder,
        graph_backend="remote",
        remote_query_url=f"{server}/query",
        remote_update_url=f"{server}/update",
    )
    return Ingester(settings, encoders=models.encoders, analyzer=models.analyzer)


def _store_id(ingester: Ingester) -> str:
    snapshot = open_snapshot(ingester.settings.store_dir)
    assert snapshot is not None
    return str(snapshot.meta["store_id"])


def _folder(tmp_path: Path, name: str, *files: Path) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for path in files:
        shutil.copy(path, folder / path.name)
    return folder


def _late(folder: Path) -> None:
    (folder / f"{LATE}.txt").write_text(
        "title: Late note\nlanguage: en\n\nPerrin Haldane will speak about Helm at the harbour.\n",
        encoding="utf-8",
    )


def _names(store: RemoteStore) -> set[str]:
    return {row["name"].value for row in store.admin_select(NAMES)}


def test_a_fresh_store_deletes_nothing_another_store_wrote(
    settings: Settings, server: str, shared: RemoteStore, models: Models, tmp_path: Path
) -> None:
    first = _store(settings, server, tmp_path / "first", models)
    assert first.ingest_paths([V1]).ok
    before = _names(shared)

    # A replica started before its generations were copied builds a store of its own.
    replica = _store(settings, server, tmp_path / "replica", models)
    late = _folder(tmp_path, "late")
    _late(late)
    assert replica.ingest_paths([late]).added == [LATE]

    assert shared.documents() == {SUMMIT, MEETUP, KOREAN, LATE}
    assert before < _names(shared)  # everything the first store wrote is still there
    owners = shared.owners()
    assert {owners[d] for d in (SUMMIT, MEETUP, KOREAN)} == {_store_id(first)}
    assert owners[LATE] == _store_id(replica) != _store_id(first)


def test_another_stores_document_is_refused_until_a_rebuild_takes_the_server_over(
    settings: Settings, server: str, shared: RemoteStore, models: Models, tmp_path: Path
) -> None:
    first = _store(settings, server, tmp_path / "first", models)
    assert first.ingest_paths([V1]).ok
    second = _store(settings, server, tmp_path / "second", models)
    edited = _folder(tmp_path, "edited", V2 / f"{SUMMIT}.txt")
    with pytest.raises(StoreError, match="another forumgraph store") as info:
        second.ingest_paths([edited])
    assert "--rebuild" in str(info.value.hint) and SUMMIT in info.value.message
    assert open_snapshot(second.settings.store_dir) is None  # nothing published
    assert "Bartholomew Quill" in _names(shared)  # the first store's edition is untouched

    assert second.ingest_paths([edited], rebuild=True).added == [SUMMIT]
    assert shared.documents() == {SUMMIT}
    assert set(shared.owners().values()) == {_store_id(second)}
    assert "Cassius Mbeki" in _names(shared)

    # The first store in turn may not overwrite what the second now owns.
    again = _folder(tmp_path, "again", V1 / f"{SUMMIT}.txt")
    (again / f"{SUMMIT}.txt").write_text(
        (V1 / f"{SUMMIT}.txt").read_text(encoding="utf-8") + "\nOne more line.\n",
        encoding="utf-8",
    )
    with pytest.raises(StoreError, match="another forumgraph store"):
        first.ingest_paths([again])


def test_graphs_written_before_ownership_records_belong_to_the_store_that_lists_them(
    settings: Settings, server: str, shared: RemoteStore, models: Models, tmp_path: Path
) -> None:
    store = _store(settings, server, tmp_path / "store", models)
    corpus = _folder(tmp_path, "corpus", *sorted(V1.iterdir()))
    assert store.ingest_paths([corpus]).ok
    shared.admin_update(f"DROP GRAPH {admin_graph(shared.base_iri)}", "forget the records")
    assert shared.owners() == {}

    shutil.copy(V2 / f"{SUMMIT}.txt", corpus / f"{SUMMIT}.txt")
    assert store.ingest_paths([corpus]).replaced == [SUMMIT]
    assert store.remove([MEETUP]).removed == [MEETUP]
    assert shared.documents() == {SUMMIT, KOREAN}
    assert shared.owners() == {SUMMIT: _store_id(store)}


def test_a_second_writer_is_refused_while_another_holds_the_server_lease(
    settings: Settings, server: str, shared: RemoteStore, models: Models, tmp_path: Path
) -> None:
    store = _store(settings, server, tmp_path / "store", models)
    corpus = _folder(tmp_path, "corpus", *sorted(V1.iterdir()))
    assert store.ingest_paths([corpus]).ok
    shutil.copy(V2 / f"{SUMMIT}.txt", corpus / f"{SUMMIT}.txt")

    with WriterLease(shared, "writer-on-another-host"):
        with pytest.raises(StoreBusy, match="writer-on-another-host") as info:
            store.ingest_paths([corpus])
        assert info.value.status == 409
    assert "Bartholomew Quill" in _names(shared)  # nothing was written meanwhile

    stale = WriterLease(shared, "writer-that-crashed", ttl_s=0)
    stale.acquire()  # never given back; it has expired already
    assert store.ingest_paths([corpus]).replaced == [SUMMIT]
    assert "Cassius Mbeki" in _names(shared)
    leftover = shared.admin_select(
        f"SELECT ?p WHERE {{ GRAPH {admin_graph(shared.base_iri)} {{ ?lease ?p ?o }} "
        "FILTER(CONTAINS(STR(?lease), 'writer-lease')) }"
    )
    assert leftover == []  # the writer gave its lease back


def test_remote_credentials_stay_out_of_snapshots_and_logs_but_are_used(
    settings: Settings, server: str, shared: RemoteStore, models: Models, tmp_path: Path
) -> None:
    secret = "pa55-w0rd-of-the-sparql-server"
    with_credentials = server.replace("http://", f"http://forumgraph:{secret}@")
    store = Ingester(
        settings.with_overrides(
            store_dir=tmp_path / "store",
            graph_backend="remote",
            remote_query_url=f"{with_credentials}/query",
            remote_update_url=f"{with_credentials}/update",
        ),
        encoders=models.encoders,
        analyzer=models.analyzer,
    )
    assert store.ingest_paths([V1]).ok
    meta_path = store.layout.current() / META  # type: ignore[operator]
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    assert secret not in meta_path.read_text(encoding="utf-8")
    assert meta["remote"]["query_url"] == f"{server}/query"
    described = json.dumps(store.settings.describe())
    assert secret not in described and "***@127.0.0.1" in described

    services = Services(store.settings, encoders=models.encoders, analyzer=models.analyzer)
    graph = services.graph()
    assert isinstance(graph, RemoteStore) and secret in graph.endpoints.query_url
    client = create_app(store.settings, services=services).test_client()
    answer = client.get("/sparql", query_string={"query": NAMES}, headers={"Accept": "text/csv"})
    assert answer.status_code == 200 and "Orla Finnegan" in answer.get_data(as_text=True)

    unreachable = RemoteStore(
        RemoteEndpoints(f"http://forumgraph:{secret}@127.0.0.1:9/query", "http://127.0.0.1:9/u"),
        base_iri=settings.base_iri,
    )
    with pytest.raises(StoreError) as info:
        unreachable.admin_select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert secret not in str(info.value) and "***@127.0.0.1:9" in info.value.message
