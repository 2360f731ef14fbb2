"""The graph on a real Oxigraph server: ingest, search facts, SPARQL, update, removal, drift."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from flask.testing import FlaskClient
from living_support import KOREAN, MEETUP, SUMMIT, V1, V2, Models

from forumgraph.config import Settings
from forumgraph.errors import ConfigError
from forumgraph.ingest.pipeline import Ingester
from forumgraph.serving.services import Services
from forumgraph.snapshot import open_snapshot
from forumgraph.snapshot.check import check_store
from forumgraph.snapshot.reader import GRAPH
from forumgraph.web import create_app
from oxigraph_server import oxigraph_server

PEOPLE = (
    "PREFIX schema: <https://schema.org/> "
    "SELECT DISTINCT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture
def remote_settings(settings: Settings, server: str) -> Settings:
    """A fresh store on an emptied server (each test's store writes the same documents)."""
    requests.post(
        f"{server}/update",
        data="DROP SILENT ALL",
        headers={"Content-Type": "application/sparql-update"},
        timeout=10,
    ).raise_for_status()
    return settings.with_overrides(
        graph_backend="remote",
        remote_query_url=f"{server}/query",
        remote_update_url=f"{server}/update",
        remote_store_url=f"{server}/store",
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(V1, folder)
    return folder


def _people(client: FlaskClient) -> list[str]:
    response = client.get(
        "/sparql", query_string={"query": PEOPLE}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    return [row["name"]["value"] for row in response.get_json()["results"]["bindings"]]


def _crash_at(step: str) -> Any:
    def hook(name: str) -> None:
        if name == step:
            raise KeyboardInterrupt(f"simulated crash at {step}")

    return hook


def test_ingest_serve_update_and_remove_with_the_graph_on_a_server(
    corpus: Path, remote_settings: Settings, models: Models
) -> None:
    ingester = Ingester(remote_settings, encoders=models.encoders, analyzer=models.analyzer)
    assert ingester.ingest_paths([corpus]).ok
    assert check_store(remote_settings.store_dir) == []
    snapshot = open_snapshot(remote_settings.store_dir)
    assert snapshot is not None and snapshot.is_remote
    assert not (snapshot.path / GRAPH).exists()  # no local copy of the graph
    assert snapshot.graph().documents() == {SUMMIT, MEETUP, KOREAN}

    services = Services(remote_settings, encoders=models.encoders, analyzer=models.analyzer)
    client = create_app(remote_settings, services=services).test_client()
    assert {"Bartholomew Quill", "Ignatius Vell", "Orla Finnegan"} <= set(_people(client))
    found = client.get("/api/entities", query_string={"q": "Orla Finnegan"}).get_json()
    orla = found["results"][0]["id"]
    facts = client.get(f"/api/entities/{orla}").get_json()  # read from the server
    assert "Orla Finnegan" in str(facts)
    hits = client.get("/api/search", query_string={"q": "Bartholomew Quill workshop"})
    assert hits.get_json()["results"][0]["doc_id"] == SUMMIT
    refused = client.post(
        "/sparql",
        data="DROP ALL",
        headers={"Content-Type": "application/sparql-update"},
    )
    assert refused.status_code == 403

    shutil.copy(V2 / f"{SUMMIT}.txt", corpus / f"{SUMMIT}.txt")
    assert ingester.ingest_paths([corpus]).replaced == [SUMMIT]
    assert check_store(remote_settings.store_dir) == []
    services.refresh()
    people = _people(client)
    assert "Cassius Mbeki" in people and "Bartholomew Quill" not in people

    ingester.remove([MEETUP])
    assert check_store(remote_settings.store_dir) == []
    services.refresh()
    assert "Ignatius Vell" not in _people(client)
    assert "Orla Finnegan" in _people(client)  # still named by the other documents
    entities = client.get("/api/entities", query_string={"q": "Ignatius"}).get_json()
    assert entities["results"] == []


def test_a_crash_after_the_remote_write_is_reported_and_repaired(
    corpus: Path, remote_settings: Settings, models: Models
) -> None:
    ingester = Ingester(remote_settings, encoders=models.encoders, analyzer=models.analyzer)
    ingester.ingest_paths([corpus])
    published = open_snapshot(remote_settings.store_dir)
    assert published is not None

    # The server takes the new edition and a new document; the process dies before publishing.
    shutil.copy(V2 / f"{SUMMIT}.txt", corpus / f"{SUMMIT}.txt")
    (corpus / "living_late.txt").write_text(
        "title: Late note\nlanguage: en\n\nA late note about Helm at the harbour.\n",
        encoding="utf-8",
    )
    with pytest.raises(KeyboardInterrupt):
        ingester.ingest_paths([corpus], on_step=_crash_at("vectors-written"))
    current = open_snapshot(remote_settings.store_dir)
    assert current is not None and current.name == published.name
    problems = check_store(remote_settings.store_dir)
    assert any(SUMMIT in p and "another edition" in p for p in problems), problems
    assert any("living_late" in p and "not in records" in p for p in problems), problems

    report = ingester.ingest_paths([corpus])  # ingesting again repairs the drift
    assert report.replaced == [SUMMIT] and report.added == ["living_late"]
    assert check_store(remote_settings.store_dir) == []


def test_a_store_keeps_the_graph_backend_it_was_built_with(
    corpus: Path, remote_settings: Settings, settings: Settings, models: Models
) -> None:
    Ingester(remote_settings, encoders=models.encoders, analyzer=models.analyzer).ingest_paths(
        [corpus]
    )
    embedded = Ingester(settings, encoders=models.encoders, analyzer=models.analyzer)
    (corpus / f"{KOREAN}.txt").write_text(
        (V1 / f"{KOREAN}.txt").read_text(encoding="utf-8") + "\n추가 문단.\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="graph_backend"):
        embedded.ingest_paths([corpus])
    rebuilt = embedded.ingest_paths([corpus], rebuild=True)
    assert rebuilt.ok and check_store(settings.store_dir) == []
    snapshot = open_snapshot(settings.store_dir)
    assert snapshot is not None and not snapshot.is_remote
    assert (snapshot.path / GRAPH).is_dir()
