"""The JSON API with the Flask test client: every route, and every kind of bad input."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask.testing import FlaskClient

HOSTILE_DOC_ID = "en_hostile_markup"

RESULT_FIELDS = {
    "doc_id",
    "passage_id",
    "title",
    "lang",
    "score",
    "text",
    "snippet",
    "source",
    "url",
    "entities",
}


def test_search_returns_passages_best_first_with_the_documented_fields(
    client: FlaskClient,
) -> None:
    response = client.get("/api/search", query_string={"q": "Helm 3 release", "k": 5})
    assert response.status_code == 200
    body = response.get_json()
    assert body["query"] == "Helm 3 release"
    assert isinstance(body["took_ms"], float | int)
    results = body["results"]
    assert 1 <= len(results) <= 5
    for result in results:
        assert set(result) >= RESULT_FIELDS
        assert result["passage_id"].startswith(result["doc_id"] + "#p")
        for entity in result["entities"]:
            assert set(entity) >= {"id", "type", "label"}
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    assert any("helm3" in r["doc_id"] for r in results)


def test_search_finds_korean_text_for_a_korean_query(client: FlaskClient) -> None:
    body = client.get("/api/search", query_string={"q": "쿠버네티스 포럼 서울 키노트"}).get_json()
    assert body["results"][0]["doc_id"] == "kubernetes-forum-seoul-2019.ko"


def test_search_filters_by_language(client: FlaskClient) -> None:
    body = client.get("/api/search", query_string={"q": "Helm", "lang": "ko", "k": 20}).get_json()
    assert body["results"]
    assert {r["lang"] for r in body["results"]} == {"ko"}


def test_search_filters_by_year(client: FlaskClient) -> None:
    body = client.get("/api/search", query_string={"q": "Helm", "year": 2019}).get_json()
    assert body["results"]
    docs = {r["doc_id"] for r in body["results"]}
    assert not any("v137" in doc for doc in docs)


def test_search_filters_by_entity_type(client: FlaskClient) -> None:
    body = client.get(
        "/api/search", query_string={"q": "keynote", "type": "person", "k": 10}
    ).get_json()
    assert body["results"]
    for result in body["results"]:
        assert any(e["type"] == "person" for e in result["entities"])


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ({}, "'q' is missing"),
        ({"q": ""}, "'q' is missing"),
        ({"q": "   "}, "'q' is missing"),
        ({"q": "x" * 1001}, "limit is 1000"),
        ({"q": "helm", "k": "ten"}, "'k' must be an integer"),
        ({"q": "helm", "k": 0}, "between 1 and 100"),
        ({"q": "helm", "k": 101}, "between 1 and 100"),
        ({"q": "helm", "k": "9" * 5000}, "'k' must be an integer"),
        ({"q": "helm", "year": "twenty"}, "'year' must be an integer"),
        ({"q": "helm", "type": "spaceship"}, "'type' must be an entity type"),
        ({"q": "helm", "lang": "fr"}, "lang"),
        ({"q": "helm", "event": "event/nowhere"}, "event"),
    ],
)
def test_search_rejects_bad_parameters_with_a_json_400(
    client: FlaskClient, query: dict[str, Any], fragment: str, error_of: Any
) -> None:
    response = client.get("/api/search", query_string=query)
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "bad_input"
    assert fragment in error["message"]
    assert error["hint"]


def test_search_refuses_a_repeated_query_parameter(client: FlaskClient, error_of: Any) -> None:
    response = client.get("/api/search?q=helm&q=kubernetes")
    assert response.status_code == 400
    assert "given 2 times" in error_of(response)["message"]


def test_search_answers_odd_scripts_without_failing(client: FlaskClient, error_of: Any) -> None:
    for query in ("🚀🚀", "Кубернетес", "庫伯內蒂斯", "\u200b helm \u0007", "'; DROP TABLE x; --"):
        response = client.get("/api/search", query_string={"q": query})
        assert response.status_code in (200, 400), (query, response.data)
        if response.status_code == 400:
            error_of(response)


def test_error_shape_is_fixed(client: FlaskClient) -> None:
    response = client.get("/api/search")
    assert response.status_code == 400
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body == {
        "error": {
            "code": "bad_input",
            "message": "The parameter 'q' is missing or empty.",
            "hint": "Send a non-empty q, e.g. q=Liz Rice keynote.",
            "status": 400,
        }
    }


def test_ask_names_liz_rices_affiliation_with_its_source_passage(client: FlaskClient) -> None:
    response = client.post(
        "/api/ask", json={"question": "리즈 라이스는 어느 회사 소속인가?", "k": 3}
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["focus"][0] == "affiliation"
    assert 1 <= len(body["passages"]) <= 3
    for passage in body["passages"]:
        assert {"doc_id", "title", "url", "passage_id", "start", "end", "text"} <= set(passage)
    liz = next(e for e in body["entities"] if e["label"] == "Liz Rice")
    affiliations = [f for f in liz["facts"] if f["field"] == "affiliation"]
    assert "Aqua Security" in {f["value"] for f in affiliations}
    answer = next(a for a in body["answers"] if a["field"] == "affiliation")
    aqua = next(v for v in answer["values"] if v["value"] == "Aqua Security")
    source = aqua["sources"][0]
    assert source["passage_id"].startswith(source["doc_id"] + "#p")
    assert source["start"] < source["end"]


def test_ask_works_in_english(client: FlaskClient) -> None:
    body = client.post(
        "/api/ask", json={"question": "Who gave the keynotes at Kubernetes Forum Seoul?"}
    ).get_json()
    assert body["passages"]
    assert "speakers" in body["focus"]


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"data": "question=hi", "content_type": "application/x-www-form-urlencoded"}, "JSON"),
        ({"data": "{not json", "content_type": "application/json"}, "JSON object"),
        ({"json": ["a list"]}, "JSON object"),
        ({"data": "[" * 100_000 + "]" * 100_000, "content_type": "application/json"}, "JSON"),
        ({"json": {}}, "'question' is missing"),
        ({"json": {"question": 42}}, "'question' is missing or not a string"),
        ({"json": {"question": "  "}}, "'question' is missing or empty"),
        ({"json": {"question": "x" * 1001}}, "limit is 1000"),
        ({"json": {"question": "helm", "k": "3"}}, "'k' must be an integer"),
        ({"json": {"question": "helm", "k": True}}, "'k' must be an integer"),
        ({"json": {"question": "helm", "k": 50}}, "between 1 and 20"),
    ],
)
def test_ask_rejects_bad_bodies_with_a_json_400(
    client: FlaskClient, kwargs: dict[str, Any], fragment: str, error_of: Any
) -> None:
    response = client.post("/api/ask", **kwargs)
    assert response.status_code == 400
    assert fragment in error_of(response)["message"]


def test_ask_refuses_a_body_over_the_size_cap(
    client: FlaskClient, web_settings: Any, error_of: Any
) -> None:
    huge = "x" * (web_settings.max_request_bytes + 10)
    response = client.post("/api/ask", data=huge, content_type="application/json")
    assert response.status_code == 413
    assert error_of(response)["code"] == "too_large"


def test_entities_finds_a_person_by_either_script(client: FlaskClient) -> None:
    for name in ("리즈 라이스", "Liz Rice", "liz"):
        body = client.get("/api/entities", query_string={"q": name}).get_json()
        ids = [r["id"] for r in body["results"]]
        assert "person/liz-rice" in ids, (name, ids)
    body = client.get("/api/entities", query_string={"q": "Liz Rice"}).get_json()
    first = body["results"][0]
    assert first["id"] == "person/liz-rice"
    assert first["iri"] == "https://forumgraph.org/id/person/liz-rice"
    assert {n["lang"] for n in first["names"]} == {"ko", "en"}


def test_entities_lists_one_type(client: FlaskClient) -> None:
    body = client.get("/api/entities", query_string={"type": "event", "limit": 500}).get_json()
    assert body["results"]
    assert {r["type"] for r in body["results"]} == {"event"}


@pytest.mark.parametrize(
    "query",
    [{"type": "dragon"}, {"limit": 0}, {"limit": "all"}, {"q": "x" * 1001}],
)
def test_entities_rejects_bad_parameters(
    client: FlaskClient, query: dict[str, Any], error_of: Any
) -> None:
    response = client.get("/api/entities", query_string=query)
    assert response.status_code == 400
    error_of(response)


def test_entity_is_json_ld_with_a_schema_org_context(client: FlaskClient) -> None:
    response = client.get("/api/entities/person/liz-rice")
    assert response.status_code == 200
    assert response.mimetype == "application/ld+json"
    node = response.get_json()
    assert node["@context"]["@vocab"] == "https://schema.org/"
    assert node["@id"] == "https://forumgraph.org/id/person/liz-rice"
    assert "Person" in node["@type"]
    names = {(n["@value"], n["@language"]) for n in node["name"]}
    assert ("Liz Rice", "en") in names
    assert ("리즈 라이스", "ko") in names
    affiliations = {a["@id"] for a in node["affiliation"]}
    assert any(iri.endswith("/aqua-security") for iri in affiliations)


def test_entity_json_ld_parses_as_rdf_with_the_same_triples(client: FlaskClient) -> None:
    from rdflib import Graph, URIRef

    data = client.get("/api/entities/person/liz-rice").get_data(as_text=True)
    graph = Graph().parse(data=data, format="json-ld")
    liz = URIRef("https://forumgraph.org/id/person/liz-rice")
    affiliation = URIRef("https://schema.org/affiliation")
    assert any(str(o).endswith("/aqua-security") for o in graph.objects(liz, affiliation))
    performer = URIRef("https://schema.org/performer")
    assert list(graph.subjects(performer, liz)), "talks point at the person (@reverse)"


@pytest.mark.parametrize(
    "path",
    [
        "/api/entities/../../etc/passwd",
        "/api/entities/person/..",
        "/api/entities/person/%2e%2e/x",
        "/api/entities/person//x",
        "/api/entities/justone",
        "/api/entities/person/a%5Cb",
    ],
)
def test_entity_refuses_path_like_ids(client: FlaskClient, path: str, error_of: Any) -> None:
    response = client.get(path)
    assert response.status_code in (400, 404)
    error_of(response)


def test_entity_unknown_is_a_json_404(client: FlaskClient, error_of: Any) -> None:
    response = client.get("/api/entities/person/nobody-at-all")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_healthz_reports_the_generation_and_counts(client: FlaskClient) -> None:
    body = client.get("/healthz").get_json()
    assert body["status"] == "ok"
    assert body["generation"].startswith("g")
    assert body["documents"] >= 12
    assert body["passages"] > body["documents"]
    assert body["entities"] > 0


def test_openapi_describes_every_json_route(client: FlaskClient, app: Any) -> None:
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    documented = set(spec["paths"])
    for rule in app.url_map.iter_rules():
        path = re.sub(r"<(?:\w+:)?\w+>", "{id}", rule.rule)
        if path.startswith("/api/") or path in ("/healthz", "/openapi.json", "/sparql"):
            assert path in documented, path
    for path_item in spec["paths"].values():
        for operation in path_item.values():
            for response in operation["responses"].values():
                ref = response.get("$ref")
                if ref:
                    assert ref.rsplit("/", 1)[1] in spec["components"]["responses"]


def test_openapi_document_is_valid_openapi_3_1(client: FlaskClient) -> None:
    from openapi_spec_validator import validate

    validate(client.get("/openapi.json").get_json())


def test_docs_page_renders_the_spec_locally(client: FlaskClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "/api/search" in html and "/api/ask" in html
    assert "https://" not in html.split("<main", 1)[0]  # no third-party assets in the head


def test_unknown_api_route_is_a_json_404(client: FlaskClient, error_of: Any) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_wrong_method_is_a_json_405(client: FlaskClient, error_of: Any) -> None:
    response = client.post("/api/search", json={"q": "helm"})
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert error_of(response)["code"] == "method_not_allowed"


def test_search_results_carry_hostile_text_only_as_json_strings(client: FlaskClient) -> None:
    body = client.get(
        "/api/search", query_string={"q": "Kubernetes security review audit log", "k": 20}
    ).get_json()
    hostile = [r for r in body["results"] if r["doc_id"] == HOSTILE_DOC_ID]
    assert hostile, "the hostile fixture should be found"
    assert "<script>" in hostile[0]["text"]  # kept verbatim as data; escaping is the page's job
    assert hostile[0]["url"] is None  # javascript: URLs are not links


def test_unexpected_errors_are_a_generic_500_without_details(
    client: FlaskClient, services: Any, monkeypatch: pytest.MonkeyPatch, error_of: Any
) -> None:
    def explode(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("secret internal detail /etc/shadow")

    generation = services.current()
    monkeypatch.setattr(generation.search, "search", explode)
    response = client.get("/api/search", query_string={"q": "helm"})
    assert response.status_code == 500
    error = error_of(response)
    assert error["code"] == "internal_error"
    assert "secret" not in response.get_data(as_text=True)


def test_an_empty_store_answers_503_until_it_has_a_generation(
    web_settings: Any, models: dict[str, Any], tmp_path: Any, error_of: Any
) -> None:
    from forumgraph.serving.services import Services
    from forumgraph.web import create_app

    settings = web_settings.with_overrides(store_dir=tmp_path / "empty")
    app = create_app(settings, services=Services(settings, **models))
    client = app.test_client()
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.get_json() == {"status": "starting", "generation": None}
    response = client.get("/api/search", query_string={"q": "helm"})
    assert response.status_code == 503
    assert error_of(response)["code"] == "store_unavailable"
    page = client.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 503
    assert "has no documents yet" in page.get_data(as_text=True)
