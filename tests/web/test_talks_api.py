"""Talks over real HTTP: talk hits in /api/search, /api/talks, their filters and errors."""

from __future__ import annotations

from typing import Any

import pytest
import requests

TALK_FIELDS = {"talk_id", "title", "title_zh", "kind", "event", "year", "speakers", "topics"}


def _get(live_server: str, path: str, **params: Any) -> requests.Response:
    return requests.get(f"{live_server}{path}", params=params, timeout=60)


def test_search_returns_talk_hits_with_their_fields_beside_passages(live_server: str) -> None:
    response = _get(live_server, "/api/search", q="Liz Rice DIY pen-testing talk", k=10)
    assert response.status_code == 200
    results = response.json()["results"]
    assert {r["type"] for r in results} <= {"talk", "passage"}
    talk = results[0]
    assert talk["type"] == "talk"
    assert set(talk) >= TALK_FIELDS | {"videos", "doc_id", "passage_id", "score", "snippet"}
    assert talk["talk_id"].startswith("talk/") and talk["title"] in talk["text"]
    assert talk["event"]["id"].startswith("event/") and isinstance(talk["year"], int)
    speaker = talk["speakers"][0]
    assert speaker["label"] == "Liz Rice" and speaker["names"]["ko"] == "리즈 라이스"
    assert speaker["organization"]["label"] == "Aqua Security"
    assert all(v.startswith("https://") for v in talk["videos"])
    for passage in (r for r in results if r["type"] == "passage"):
        assert not set(passage) & (TALK_FIELDS - {"title"})


def test_search_filters_talks_by_a_speaker_named_in_hangul(live_server: str) -> None:
    body = _get(
        live_server, "/api/search", q="keynote", result="talk", speaker="셰릴 헝", k=20
    ).json()
    assert body["results"]
    for result in body["results"]:
        assert result["type"] == "talk"
        assert "person/cheryl-hung" in {s["id"] for s in result["speakers"]}


def test_talks_lists_a_persons_talks_by_any_name(live_server: str) -> None:
    by_hangul = _get(live_server, "/api/talks", speaker="셰릴 헝").json()
    by_id = _get(live_server, "/api/talks", speaker="person/cheryl-hung").json()
    assert by_hangul == by_id
    assert by_hangul["total"] == len(by_hangul["results"]) >= 5
    assert len({r["event"]["id"] for r in by_hangul["results"]}) >= 2
    years = [r["year"] for r in by_hangul["results"]]
    assert years == sorted(years, reverse=True)


def test_talks_by_event_topic_and_year(live_server: str) -> None:
    edition = "event/kubecon-cloudnativecon-europe-2019"
    body = _get(live_server, "/api/talks", event=edition, topic="Prometheus", limit=500).json()
    assert body["results"] and body["total"] == len(body["results"])
    for talk in body["results"]:
        assert talk["event"]["id"] == edition and talk["year"] == 2019
        assert "project/prometheus" in {t["id"] for t in talk["topics"]}
    first = _get(live_server, "/api/talks", year=2018, limit=3).json()
    assert len(first["results"]) == 3 and first["total"] > 3
    assert {t["year"] for t in first["results"]} == {2018}


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/talks", {"limit": "0"}, "limit"),
        ("/api/talks", {"year": "twenty"}, "year"),
        ("/api/talks", {"speaker": "x" * 301}, "speaker"),
        ("/api/talks", {"speaker": "Nobody Known Here"}, "speaker"),
        ("/api/talks", {"topic": "no-such-topic"}, "topic"),
        ("/api/search", {"q": "Helm", "result": "video"}, "result"),
        ("/api/search", {"q": "Helm", "organization": "Nowhere Inc"}, "organization"),
    ],
)
def test_bad_talk_parameters_are_a_json_400_naming_the_field(
    live_server: str, path: str, params: dict[str, str], field: str, error_of: Any
) -> None:
    response = _get(live_server, path, **params)
    assert response.status_code == 400
    error = error_of(_Json(response))
    assert field in error["message"] and error["hint"]


class _Json:
    """A requests response read the way the shared error checker reads Flask's."""

    def __init__(self, response: requests.Response) -> None:
        self.status_code = response.status_code
        self._response = response

    def get_json(self) -> Any:
        return self._response.json()


def test_openapi_documents_talks_and_the_new_search_filters(live_server: str) -> None:
    spec = _get(live_server, "/openapi.json").json()
    talks = {p["name"] for p in spec["paths"]["/api/talks"]["get"]["parameters"]}
    assert talks == {"speaker", "event", "topic", "year", "organization", "limit"}
    search = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"result", "speaker", "organization", "topic"} <= search
    hit = spec["components"]["schemas"]["SearchHit"]
    assert hit["properties"]["type"]["enum"] == ["talk", "passage"]
