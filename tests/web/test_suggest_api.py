"""/api/suggest on the bundled corpus: Hangul, Latin and alias prefixes, in-word matches,
Korean typing in progress, the request checks and the JSON error shape."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import given, settings
from hypothesis import strategies as st

from forumgraph.models import EntityType
from forumgraph.serving.services import Services
from forumgraph.serving.validate import MAX_SUGGEST_CHARS, MAX_SUGGEST_LIMIT

FIELDS = {"id", "type", "name", "lang", "label", "match", "url"}


def _suggest(client: FlaskClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/suggest", query_string=params)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert set(body) == {"query", "results"}
    assert all(set(item) == FIELDS for item in body["results"])
    results: list[dict[str, Any]] = body["results"]
    return results


@pytest.mark.parametrize("typed", ["리즈", "리즈 라", "liz", "Liz R", "LIZ RICE"])
def test_a_person_completes_from_either_script(client: FlaskClient, typed: str) -> None:
    first = _suggest(client, q=typed)[0]
    assert first["id"] == "person/liz-rice"
    assert first["url"] == "/id/person/liz-rice"
    assert first["label"] == "Liz Rice"
    assert first["lang"] == ("ko" if typed.startswith("리") else "en")
    assert first["name"] == ("리즈 라이스" if typed.startswith("리") else "Liz Rice")


def test_korean_typing_in_progress_completes(client: FlaskClient) -> None:
    # 맂 is what a Korean input method shows between 리 and 리즈.
    assert _suggest(client, q="맂")[0]["id"] == "person/liz-rice"
    assert "project/helm" in [r["id"] for r in _suggest(client, q="헬")]


def test_every_alias_completes_to_its_entity(client: FlaskClient, services: Services) -> None:
    entities = services.current().snapshot.entities.values()
    aliased = [e for e in entities if e.alternate_names and e.type != EntityType.TALK]
    assert len(aliased) >= 20
    for entity in aliased:
        for alias in entity.alternate_names:
            found = _suggest(client, q=alias.text, type=entity.type.value, limit=MAX_SUGGEST_LIMIT)
            assert entity.id in [r["id"] for r in found], (alias.text, entity.id)


def test_names_complete_from_a_later_word_and_inside_a_korean_compound(
    client: FlaskClient, services: Services
) -> None:
    word = _suggest(client, q="rice", type="person")
    assert word[0]["id"] == "person/liz-rice" and word[0]["match"] == "word"
    entities = services.current().snapshot.entities.values()
    # A Korean name written as one word: its second half completes it.
    compound = next(
        n.text
        for e in entities
        if e.type == EntityType.ORGANIZATION
        for n in e.names
        if n.lang == "ko" and " " not in n.text and len(n.text) >= 5
    )
    found = _suggest(client, q=compound[-2:], limit=MAX_SUGGEST_LIMIT)
    assert compound in [r["name"] for r in found]


def test_best_first_and_bounded(client: FlaskClient) -> None:
    found = _suggest(client, q="helm")
    assert found[0]["id"] == "project/helm" and found[0]["match"] == "exact"
    order = ["exact", "prefix", "word", "inside"]
    ranks = [order.index(r["match"]) for r in found]
    assert ranks == sorted(ranks)
    assert len(found) == 8
    assert len(_suggest(client, q="k", limit=MAX_SUGGEST_LIMIT)) == MAX_SUGGEST_LIMIT
    assert all(r["type"] == "project" for r in _suggest(client, q="k", type="project"))
    assert _suggest(client, q="zzzzqqq") == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "'q'"),
        ({"q": "  "}, "'q'"),
        ({"q": "x" * (MAX_SUGGEST_CHARS + 1)}, "'q'"),
        ({"q": "helm", "limit": "0"}, "'limit'"),
        ({"q": "helm", "limit": "lots"}, "'limit'"),
        ({"q": "helm", "type": "people"}, "'type'"),
        ({"q": ["helm", "liz"]}, "'q'"),
    ],
)
def test_bad_requests_get_the_json_error(
    client: FlaskClient, error_of: Any, params: dict[str, Any], field: str
) -> None:
    response = client.get("/api/suggest", query_string=params)
    assert response.status_code == 400
    error = error_of(response)
    assert field in error["message"] and error["hint"]


@settings(max_examples=60, deadline=None, database=None)
@given(
    q=st.one_of(st.text(max_size=40), st.sampled_from(["ㄹ", "맂", "\u1105", "%00", "<b>"])),
    kind=st.one_of(st.none(), st.sampled_from([t.value for t in EntityType]), st.text(max_size=8)),
    limit=st.one_of(st.none(), st.integers(-3, 40).map(str), st.text(max_size=4)),
)
def test_any_input_gets_names_or_a_clear_error(
    app: Flask, q: str, kind: str | None, limit: str | None
) -> None:
    params = {k: v for k, v in {"q": q, "type": kind, "limit": limit}.items() if v is not None}
    response = app.test_client().get("/api/suggest", query_string=params)
    assert response.status_code in (200, 400), response.data[:300]
    body = response.get_json()
    if response.status_code == 200:
        assert len(body["results"]) <= MAX_SUGGEST_LIMIT
    else:
        assert body["error"]["status"] == 400 and body["error"]["message"]
