"""Random input to the read routes: a clear 4xx or an answer, never a 500 (hypothesis)."""

from __future__ import annotations

import json
from typing import Any

from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NASTY = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "../../etc/passwd",
        "%00",
        "\x00",
        "\u202e",
        "\ufeff",
        "{{7*7}}",
        "' OR 1=1 --",
        "쿠버네티스",
        "리즈 라이스",
        "SERVICE <http://x>",
        "\r\n",
    ]
)
TEXT = st.one_of(st.text(max_size=60), NASTY, st.lists(NASTY, max_size=4).map("".join))
FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


def _clean(response: Any) -> None:
    assert response.status_code < 500 or response.status_code == 503, response.data[:300]
    if response.status_code >= 400 and response.mimetype == "application/json":
        error = response.get_json()["error"]
        assert error["status"] == response.status_code and error["message"]


@FUZZ
@given(question=st.one_of(TEXT, st.integers(), st.none(), st.lists(TEXT)), k=st.integers(-5, 50))
def test_ask_with_random_bodies(app: Flask, question: Any, k: int) -> None:
    body = json.dumps({"question": question, "k": k})
    _clean(app.test_client().post("/api/ask", data=body, content_type="application/json"))


@FUZZ
@given(query=TEXT, accept=st.sampled_from(["", "text/csv", "application/xml", "x/y", "*/*"]))
def test_sparql_with_random_queries(app: Flask, query: str, accept: str) -> None:
    response = app.test_client().get(
        "/sparql", query_string={"query": query}, headers={"Accept": accept}
    )
    _clean(response)


@FUZZ
@given(path=st.lists(TEXT, min_size=1, max_size=4).map("/".join))
def test_entity_pages_with_random_ids(app: Flask, path: str) -> None:
    client = app.test_client()
    for prefix in ("/id/", "/api/entities/", "/doc/"):
        _clean(client.get(prefix + path, headers={"Accept": "text/html"}))


@FUZZ
@given(q=TEXT, year=TEXT, kind=TEXT, language=TEXT, lang=TEXT)
def test_search_page_with_random_parameters(
    app: Flask, q: str, year: str, kind: str, language: str, lang: str
) -> None:
    params = {"q": q, "year": year, "type": kind, "language": language, "lang": lang}
    response = app.test_client().get("/", query_string=params, headers={"Accept": "text/html"})
    _clean(response)
    assert "<script>alert" not in response.get_data(as_text=True)


@FUZZ
@given(q=TEXT, kind=TEXT, limit=TEXT)
def test_entity_lookup_with_random_parameters(app: Flask, q: str, kind: str, limit: str) -> None:
    params = {"q": q, "type": kind, "limit": limit}
    _clean(app.test_client().get("/api/entities", query_string=params))
