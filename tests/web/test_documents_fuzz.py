"""Hostile HTTP input: random bodies, JSON and multipart to /api/documents, random /api/search
and /api/talks parameters. Every answer is a success or a JSON 4xx, never a 500; the store stays
consistent."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from documents_support import AUTH, Writable, make_writable
from flask.testing import FlaskClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from forumgraph.config import Settings
from forumgraph.serving.services import Services
from forumgraph.snapshot.check import check_store

CAP = 100_000  # max_request_bytes of the fuzzed app
MULTIPART = "multipart/form-data"
FAST = settings(
    max_examples=150,
    deadline=timedelta(seconds=30),  # a hang guard: cases take milliseconds
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Cases that may really ingest (the model embeds each): fewer, without a per-case deadline.
INGESTING = settings(
    max_examples=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "application/json; charset=latin-1",
        "multipart/form-data",
        "multipart/form-data; boundary=xyz",
        "multipart/form-data; boundary=",
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/octet-stream",
        "",
    ]
)
HOSTILE_TEXT = st.lists(
    st.one_of(
        st.text(max_size=20),  # any code point: controls, bidi marks, lone surrogates
        st.sampled_from(["<script>", "</p>", "\u202e", "\ufeff", "\x00", "\r\n", "쿠버네티스"]),
    ),
    max_size=30,
).map("".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def writable(
    services: Services, base_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Writable:
    folder = tmp_path_factory.mktemp("fuzz")
    return make_writable(services, base_settings, folder, max_request_bytes=CAP)


@pytest.fixture(scope="module")
def client(writable: Writable) -> FlaskClient:
    return writable.app.test_client()


def _checked(response: Any, *allowed: int) -> Any:
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    assert response.status_code in allowed, (response.status_code, response.get_json())
    if response.status_code >= 400:
        body = response.get_json()
        assert set(body["error"]) == {"code", "message", "hint", "status"}
    return response


@FAST
@given(body=st.binary(max_size=3000), content_type=CONTENT_TYPES)
@example(body=b"[" * 50_000, content_type="application/json")  # nesting past the recursion limit
@example(body=b'{"id": "x", "text": ' * 20_000, content_type="application/json")
@example(
    body=b"--xyz\r\nContent-Disposition: form-data",
    content_type="multipart/form-data; boundary=xyz",
)
def test_random_bodies_to_documents_are_refused_cleanly(
    client: FlaskClient, body: bytes, content_type: str
) -> None:
    response = client.post(
        "/api/documents", data=body, headers={**AUTH, "Content-Type": content_type}
    )
    _checked(response, 400, 413, 415)


@FAST
@given(document=JSON_VALUES)
@example(document={"id": None, "text": None})
@example(document={"id": "x" * 500, "text": 5})
@example(document={"id": "a", "text": "", "header": {"title": ["x"]}})
def test_random_json_shapes_are_refused_cleanly(client: FlaskClient, document: Any) -> None:
    if isinstance(document, dict) and isinstance(document.get("text"), str):
        document["text"] = ""  # shapes only here; texts that ingest are fuzzed below
    response = client.post("/api/documents", data=json.dumps(document), headers=_json_headers())
    _checked(response, 400)


@INGESTING
@given(
    doc_id=st.text(max_size=30),
    text=HOSTILE_TEXT,
    header=st.dictionaries(st.text(max_size=12), HOSTILE_TEXT, max_size=4),
    media_type=st.sampled_from(["text/plain", "text/markdown", "text/html"]),
)
@example(doc_id="fuzz-surrogate", text="Helm \ud800 charts", header={}, media_type="text/plain")
@example(doc_id="fuzz-nul", text="Helm\x00charts <script>x</script>", header={"title": "\x00"},
         media_type="text/html")  # fmt: skip
def test_hostile_documents_are_stored_or_refused_cleanly(
    client: FlaskClient, doc_id: str, text: str, header: dict[str, str], media_type: str
) -> None:
    body = {"id": doc_id, "text": text, "header": header, "media_type": media_type}
    # ensure_ascii keeps lone surrogates as \ud800 escapes, as a hostile client would send them
    response = client.post("/api/documents", data=json.dumps(body), headers=_json_headers())
    _checked(response, 200, 201, 400, 413)


@settings(INGESTING, max_examples=40)
@given(
    filename=st.one_of(
        st.text(max_size=40),
        st.sampled_from(["../x.txt", "a/b.md", "..\\x.html", ".hidden.txt", "x.TXT", "notes"]),
    ),
    data=st.binary(max_size=2000) | HOSTILE_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    part_type=st.sampled_from(
        ["", "text/plain", "text/html; charset=euc-kr", "text/plain; charset=bogus", "image/png"]
    ),
)
def test_odd_multipart_uploads_are_stored_or_refused_cleanly(
    client: FlaskClient, filename: str, data: bytes, part_type: str
) -> None:
    from io import BytesIO

    file = (BytesIO(data), filename, part_type) if part_type else (BytesIO(data), filename)
    response = client.post(
        "/api/documents", data={"file": file}, headers=AUTH, content_type="multipart/form-data"
    )
    _checked(response, 200, 201, 400, 413)


@FAST
@given(
    q=st.text(max_size=200) | st.text(min_size=1000, max_size=1500),
    k=st.one_of(st.none(), st.text(max_size=6), st.integers(-5, 500).map(str)),
    lang=st.one_of(
        st.none(), st.sampled_from(["ko", "en", "mixed", "fr", ""]), st.text(max_size=5)
    ),
    year=st.one_of(st.none(), st.integers(1800, 2300).map(str), st.text(max_size=5)),
    entity_type=st.one_of(st.none(), st.sampled_from(["person", "talk", "x"])),
    result=st.one_of(st.none(), st.sampled_from(["talk", "passage", "TALK", "x"])),
    speaker=st.one_of(st.none(), st.sampled_from(["Liz Rice", "셰릴 헝"]), st.text(max_size=320)),
)
def test_random_search_parameters_never_fail(
    client: FlaskClient,
    q: str,
    k: str | None,
    lang: str | None,
    year: str | None,
    entity_type: str | None,
    result: str | None,
    speaker: str | None,
) -> None:
    params = {"q": q, "k": k, "lang": lang, "year": year, "type": entity_type}
    params |= {"result": result, "speaker": speaker}
    response = client.get("/api/search", query_string={n: v for n, v in params.items() if v})
    _checked(response, 200, 400)


NAMES = st.one_of(
    st.none(),
    st.sampled_from(["Liz Rice", "person/liz-rice", "Prometheus", "KubeCon Barcelona", "x"]),
    st.text(max_size=320),
)


@FAST
@given(
    speaker=NAMES,
    event=NAMES,
    topic=NAMES,
    organization=NAMES,
    year=st.one_of(st.none(), st.integers(1800, 2300).map(str), st.text(max_size=5)),
    limit=st.one_of(st.none(), st.integers(-5, 900).map(str), st.text(max_size=5)),
)
def test_random_talk_parameters_never_fail(
    client: FlaskClient,
    speaker: str | None,
    event: str | None,
    topic: str | None,
    organization: str | None,
    year: str | None,
    limit: str | None,
) -> None:
    params = {"speaker": speaker, "event": event, "topic": topic, "organization": organization}
    params |= {"year": year, "limit": limit}
    response = client.get("/api/talks", query_string={n: v for n, v in params.items() if v})
    _checked(response, 200, 400)


@pytest.mark.parametrize("route", ["/api/documents", "/api/ask"])
def test_json_nested_past_the_parser_limit_is_a_400(client: FlaskClient, route: str) -> None:
    for body in ("[" * 60_000, '{"a":' * 15_000):
        _checked(client.post(route, data=body, headers=_json_headers()), 400)


def test_the_store_is_consistent_after_the_fuzzing(writable: Writable) -> None:
    assert check_store(writable.settings.store_dir) == []


def _json_headers() -> dict[str, str]:
    return {**AUTH, "Content-Type": "application/json"}
