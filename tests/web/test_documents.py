"""The write API: POST/DELETE /api/documents with a bearer token, served at once, never torn."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from documents_support import AUTH, LIVING, TOKEN, Writable, make_writable
from flask.testing import FlaskClient

from forumgraph.config import Settings
from forumgraph.serving.services import Services
from forumgraph.snapshot import StoreLayout
from forumgraph.snapshot.check import check_store
from forumgraph.web import create_app


@pytest.fixture(scope="module")
def writable(
    services: Services, base_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Writable:
    folder = tmp_path_factory.mktemp("documents")
    return make_writable(services, base_settings, folder, max_request_bytes=200_000)


@pytest.fixture
def writer(writable: Writable) -> FlaskClient:
    return writable.app.test_client()


def _post_json(client: FlaskClient, body: Any, headers: dict[str, str] | None = None) -> Any:
    return client.post("/api/documents", json=body, headers=AUTH if headers is None else headers)


def _upload(client: FlaskClient, filename: str, data: bytes, content_type: str = "") -> Any:
    file = (
        (io.BytesIO(data), filename, content_type) if content_type else (io.BytesIO(data), filename)
    )
    return client.post(
        "/api/documents", data={"file": file}, headers=AUTH, content_type="multipart/form-data"
    )


def _search_doc_ids(client: FlaskClient, query: str) -> list[str]:
    response = client.get("/api/search", query_string={"q": query, "k": 5})
    assert response.status_code == 200, response.get_json()
    return [hit["doc_id"] for hit in response.get_json()["results"]]


NOTE = {
    "id": "living_api_note",
    "text": "Perpetua Zanzibar (Gullwing Robotics) will present a talk on Kubernetes operators "
    "at the Lakeside Cloud Native Summit 2031. Perpetua Zanzibar said that the demo runs on "
    "a cluster of single-board computers.",
    "header": {"title": "Operators on small boards", "date": "2031-03-20", "language": "en"},
}


def test_writes_are_disabled_when_no_token_is_configured(writable: Writable, error_of: Any) -> None:
    settings = writable.settings.with_overrides(api_token="")
    client = create_app(settings, services=writable.services).test_client()
    for response in (
        _post_json(client, NOTE),
        client.delete("/api/documents/living_meetup", headers=AUTH),
    ):
        error = error_of(response)
        assert response.status_code == 403 and error["code"] == "forbidden"
        assert "api_token" in error["hint"]
    assert "living_meetup" in writable.services.current().snapshot.documents


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": TOKEN},
        {"Authorization": "Bearer 토큰"},
    ],
    ids=["none", "wrong", "longer", "basic", "no-scheme", "non-ascii"],
)
def test_a_missing_or_wrong_token_is_401(
    writer: FlaskClient, writable: Writable, headers: dict[str, str], error_of: Any
) -> None:
    before = writable.services.holder.generation
    for response in (
        _post_json(writer, NOTE, headers),
        writer.delete("/api/documents/living_meetup", headers=headers),
    ):
        assert response.status_code == 401
        assert error_of(response)["code"] == "unauthorized"
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert writable.services.holder.generation == before


def test_json_document_is_added_served_at_once_then_replaced_and_removed(
    writer: FlaskClient, writable: Writable
) -> None:
    added = _post_json(writer, NOTE)
    assert added.status_code == 201, added.get_json()
    body = added.get_json()
    assert body["status"] == "added" and body["passages"] >= 1
    assert body["generation"] == writable.services.holder.generation
    # No wait, no restart: the very next request sees the document.
    assert _search_doc_ids(writer, "Perpetua Zanzibar single-board computers")[0] == NOTE["id"]
    stored = writer.get(f"/api/documents/{NOTE['id']}").get_json()
    assert stored["title"] == "Operators on small boards" and stored["date"] == "2031-03-20"

    again = _post_json(writer, NOTE)
    assert again.status_code == 200 and again.get_json()["status"] == "unchanged"
    assert again.get_json()["generation"] == body["generation"]

    retitled = dict(NOTE, header={**NOTE["header"], "title": "Operators on tiny boards"})
    replaced = _post_json(writer, retitled)
    assert replaced.status_code == 200 and replaced.get_json()["status"] == "replaced"
    stored = writer.get(f"/api/documents/{NOTE['id']}").get_json()
    assert stored["title"] == "Operators on tiny boards"

    removed = writer.delete(f"/api/documents/{NOTE['id']}", headers=AUTH)
    assert removed.status_code == 200 and removed.get_json()["status"] == "removed"
    assert NOTE["id"] not in _search_doc_ids(writer, "Perpetua Zanzibar single-board computers")
    assert writer.get(f"/api/documents/{NOTE['id']}").status_code == 404
    assert writer.delete(f"/api/documents/{NOTE['id']}", headers=AUTH).status_code == 404
    assert check_store(writable.settings.store_dir) == []


def test_uploaded_file_replaces_the_document_named_by_its_stem(
    writer: FlaskClient, writable: Writable
) -> None:
    data = (LIVING / "v2" / "living_summit.txt").read_bytes()
    response = _upload(writer, "living_summit.txt", data, "text/plain; charset=utf-8")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == "replaced"
    hits = writer.get("/api/search", query_string={"q": "Cassius Mbeki Linkerd"}).get_json()
    assert hits["results"][0]["doc_id"] == "living_summit"
    assert "Cassius Mbeki" in hits["results"][0]["text"]
    entities = writer.get("/api/entities", query_string={"q": "Bartholomew"}).get_json()
    assert entities["results"] == []

    markdown = b"---\ntitle: Harbour notes\nlanguage: en\n---\n# Harbour notes\n\nHelm charts."
    created = _upload(writer, "harbour-notes.md", markdown)
    assert created.status_code == 201, created.get_json()
    assert writer.get("/api/documents/harbour-notes").get_json()["title"] == "Harbour notes"
    assert check_store(writable.settings.store_dir) == []


@pytest.mark.parametrize(
    "request_kind",
    ["delete-dotdot", "delete-slash", "json-dotdot", "json-slash", "upload-dotdot", "upload-dir"],
)
def test_path_like_ids_are_refused(
    writer: FlaskClient, writable: Writable, request_kind: str, error_of: Any
) -> None:
    before = writable.services.holder.generation
    if request_kind == "delete-dotdot":
        response = writer.delete("/api/documents/..%2Fliving_meetup", headers=AUTH)
    elif request_kind == "delete-slash":
        response = writer.delete("/api/documents/corpus/living_meetup", headers=AUTH)
    elif request_kind.startswith("json"):
        doc_id = "../escape" if request_kind == "json-dotdot" else "a/b"
        response = _post_json(writer, dict(NOTE, id=doc_id))
    else:
        name = "../escape.txt" if request_kind == "upload-dotdot" else "a/b.txt"
        response = _upload(writer, name, b"Some text about Helm.")
    assert response.status_code == 400, response.get_json()
    assert error_of(response)["code"] == "bad_input"
    assert writable.services.holder.generation == before


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"data": "id=x&text=y", "content_type": "application/x-www-form-urlencoded"}, "multip"),
        ({"data": "{not json", "content_type": "application/json"}, "JSON object"),
        ({"json": ["id", "text"]}, "JSON object"),
        ({"json": {"id": "x", "text": "Helm.", "title": "t"}}, "Unknown field"),
        ({"json": {"id": "x"}}, "'text'"),
        ({"json": {"id": 7, "text": "Helm."}}, "'id'"),
        ({"json": {"id": "x", "text": "   "}}, "empty"),
        ({"json": {"id": "x", "text": "Helm.", "header": ["a"]}}, "header"),
        ({"json": {"id": "x", "text": "Helm.", "header": {"a": {"b": 1}}}}, "header"),
        ({"json": {"id": "x", "text": "Helm.", "media_type": "image/png"}}, "media type"),
        ({"json": {"id": "", "text": "Helm."}}, "empty"),
    ],
)
def test_bad_bodies_are_a_json_400(
    writer: FlaskClient, kwargs: dict[str, Any], fragment: str, error_of: Any
) -> None:
    response = writer.post("/api/documents", headers=AUTH, **kwargs)
    assert response.status_code == 400, response.get_json()
    assert fragment in error_of(response)["message"]


def test_bad_uploads_are_a_json_400(writer: FlaskClient, error_of: Any) -> None:
    assert _upload(writer, "picture.png", b"\x89PNG").status_code == 400
    assert _upload(writer, "noext", b"Helm").status_code == 400
    two = {"file": [(io.BytesIO(b"a"), "a.txt"), (io.BytesIO(b"b"), "b.txt")]}
    response = writer.post(
        "/api/documents", data=two, headers=AUTH, content_type="multipart/form-data"
    )
    assert response.status_code == 400 and "exactly one file" in error_of(response)["message"]
    empty = writer.post(
        "/api/documents", data={"other": "x"}, headers=AUTH, content_type="multipart/form-data"
    )
    assert empty.status_code == 400


def test_a_body_over_the_size_cap_is_413(writer: FlaskClient, error_of: Any) -> None:
    big = {"id": "too-big", "text": "Helm charts. " * 20_000}
    response = _post_json(writer, big)
    assert response.status_code == 413 and error_of(response)["code"] == "too_large"
    upload = _upload(writer, "too-big.txt", b"Helm charts. " * 20_000)
    assert upload.status_code == 413


def test_a_second_writer_is_told_409_at_once(
    writer: FlaskClient, writable: Writable, error_of: Any
) -> None:
    with StoreLayout(writable.settings.store_dir).write_lock():  # e.g. a CLI ingest running
        response = _post_json(writer, dict(NOTE, id="living_blocked"))
        deleted = writer.delete("/api/documents/living_meetup", headers=AUTH)
    for answer in (response, deleted):
        assert answer.status_code == 409
        error = error_of(answer)
        assert error["code"] == "store_busy" and "Another process" in error["message"]
    assert writer.get("/api/documents/living_blocked").status_code == 404


CHURN_ID = "living_churn"
CHURN = {
    edition: {
        "id": CHURN_ID,
        "text": f"Quillfeather {edition} edition. The Quillfeather meetup in Busan discussed "
        f"Helm charts and Prometheus alerts; marker {edition}marker closes the notes.",
        "header": {"title": f"Quillfeather notes ({edition})", "language": "en"},
    }
    for edition in ("alpha", "beta")
}


@pytest.fixture
def searcher(writable: Writable) -> Iterator[dict[str, Any]]:
    """A thread searching in a loop until told to stop; it records every answer."""
    state: dict[str, Any] = {"stop": threading.Event(), "answers": [], "errors": []}

    def run() -> None:
        client = writable.app.test_client()
        while not state["stop"].is_set():
            response = client.get("/api/search", query_string={"q": "Quillfeather notes"})
            if response.status_code != 200:
                state["errors"].append((response.status_code, response.get_data(as_text=True)))
            else:
                state["answers"].append(response.get_json())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    yield state
    state["stop"].set()
    thread.join(timeout=60)


def test_searches_during_updates_never_fail_or_see_a_mixed_state(
    writer: FlaskClient, writable: Writable, searcher: dict[str, Any]
) -> None:
    for edition in ("alpha", "beta", None, "beta", "alpha", None):
        if edition is None:
            response = writer.delete(f"/api/documents/{CHURN_ID}", headers=AUTH)
        else:
            response = _post_json(writer, CHURN[edition])
        assert response.status_code in (200, 201), response.get_json()
    searcher["stop"].set()
    assert searcher["errors"] == []
    answers = searcher["answers"]
    assert len(answers) >= 6
    seen = set()
    for answer in answers:
        editions = set()
        for hit in answer["results"]:
            if hit["doc_id"] != CHURN_ID:
                continue
            edition = hit["title"].rsplit("(", 1)[1].rstrip(")")
            assert f"{edition}marker" in hit["text"], hit  # title and passage of one edition
            editions.add(edition)
        assert len(editions) <= 1, answer  # never passages of two editions at once
        seen |= editions
    assert seen  # the loop did search while the document was there
    assert check_store(writable.settings.store_dir) == []
