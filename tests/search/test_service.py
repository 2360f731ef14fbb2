"""SearchService over the bundled corpus with the real model, analyser and indexes."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from forumgraph.errors import ConfigError, IndexMismatch, InputError
from forumgraph.models import EntityType
from forumgraph.search.service import SearchService

SUMMIT = "en_k8s_blog_contributor_summit_san_diego_registration"
SUMMIT_SCHEDULE = "en_k8s_blog_contributor_summit_san_diego_schedule"
FORUM = "kubernetes-forum-seoul-2019.ko"
CHINA_TALKS = "2019Shanghai"


def top_docs(service: SearchService, query: str, n: int = 3) -> list[str]:
    return [g.doc_id for g in service.search(query, 20).grouped()][:n]


def test_korean_query_finds_an_english_only_fact(search_service: SearchService) -> None:
    result = search_service.search("샌디에이고 컨트리뷰터 서밋 예상 참석 인원", 5)
    # Both English posts are about that summit; the fact itself must rank near the top.
    assert result.hits[0].passage.doc_id in {SUMMIT, SUMMIT_SCHEDULE}
    assert any(
        hit.passage.doc_id == SUMMIT and "450 attendees" in hit.passage.text
        for hit in result.hits[:3]
    )


def test_english_query_finds_a_korean_only_fact(search_service: SearchService) -> None:
    result = search_service.search(
        "How many people answered the CNCF survey presented at Kubernetes Forum Seoul?", 5
    )
    assert result.hits[0].passage.doc_id == FORUM
    assert any("1,100명" in hit.passage.text for hit in result.hits)


def test_hangul_name_finds_the_latin_named_persons_passages(
    search_service: SearchService,
) -> None:
    result = search_service.search("빅키 청의 폐막 기조연설", 5)
    names = {link.entity.label("en") for link in result.entities}
    assert "Vicki Cheung" in names
    assert result.hits[0].passage.doc_id == CHINA_TALKS
    assert any("Vicki Cheung" in hit.passage.text for hit in result.hits[:3])


def test_hangul_name_known_from_one_article_finds_the_talk_lists(
    search_service: SearchService,
) -> None:
    result = search_service.search("셰릴 헝이 초대한 엔드 유저들과의 질의응답", 20)
    assert any(link.entity.type == EntityType.PERSON for link in result.entities)
    # The Korean report that names her ranks first; the English post that has the answer follows.
    assert SUMMIT_SCHEDULE in [g.doc_id for g in result.grouped()][:5]


def test_number_written_without_separator_matches(search_service: SearchService) -> None:
    assert top_docs(search_service, "설문 응답자 1100명")[0] == FORUM


def test_korean_unit_numerals_match_the_digits_of_the_text(search_service: SearchService) -> None:
    # The article writes "35,000"; the lexical signal must find it for "3만 5천".
    hits = search_service.search("컨트리뷰터 3만 5천", 5).hits
    assert "35,000" in hits[0].passage.text and "bm25" in hits[0].signals


def test_hits_carry_title_signals_and_entities(search_service: SearchService) -> None:
    result = search_service.search("Helm 3 Tiller 제거", 10)
    hit = result.hits[0]
    assert hit.title and hit.passage.text
    assert set(hit.signals) <= {"dense", "bm25", "graph", "use"} and hit.signals
    assert [h.score for h in result.hits] == sorted((h.score for h in result.hits), reverse=True)
    assert result.took_ms > 0
    body = result.to_json()
    assert body["results"][0]["doc_id"] == hit.passage.doc_id
    assert {"passage_id", "title", "lang", "score", "text", "snippet", "url", "entities"} <= set(
        body["results"][0]
    )


def test_grouped_keeps_documents_in_order_of_their_best_passage(
    search_service: SearchService,
) -> None:
    result = search_service.search("Helm", 30)
    groups = result.grouped()
    articles = [g for g in groups if g.talk is None]
    talks = [g for g in groups if g.talk is not None]
    assert articles and talks
    assert len({g.doc_id for g in articles}) == len(articles)
    assert [g.score for g in groups] == sorted((g.score for g in groups), reverse=True)
    assert sum(len(g.hits) for g in groups) == len(result.hits)
    assert all(h.passage.doc_id == g.doc_id for g in groups for h in g.hits)
    # A talk is a result of its own, never a passage under its talk list.
    assert all(len(g.hits) == 1 and g.hits[0].talk == g.talk for g in talks)
    assert all(h.talk is None for g in articles for h in g.hits)


@pytest.mark.parametrize("query", ["", "   ", "\n\t ", "\x00\x01"])
def test_empty_queries_are_refused(search_service: SearchService, query: str) -> None:
    with pytest.raises(InputError, match="empty"):
        search_service.search(query)


def test_overlong_query_is_refused_with_the_limit(search_service: SearchService) -> None:
    with pytest.raises(InputError, match="limit is 1000"):
        search_service.search("쿠버네티스 " * 2000)


@pytest.mark.parametrize("k", [0, 101, -1, True, "5", 2.5])
def test_bad_k_is_refused(search_service: SearchService, k: object) -> None:
    with pytest.raises(InputError, match="k must be"):
        search_service.search("Helm", k)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "query",
    ["🙂🚀", "Привет, как дела?", "你好 云原生", "Helm\x07 3\u200b", "ｈｅｌｍ　３", "a" * 1000],
)
def test_odd_scripts_give_an_answer_not_a_crash(search_service: SearchService, query: str) -> None:
    result = search_service.search(query, 5)
    assert len(result.hits) <= 5
    if not any(ch.isalnum() for ch in query):
        assert result.hits == ()


def test_filters_restrict_the_hits(search_service: SearchService) -> None:
    english = search_service.search("헬름 졸업", 10, lang="en")
    assert english.hits and all(h.passage.lang == "en" for h in english.hits)
    people = search_service.search("keynote", 10, entity_type="person")
    assert people.hits
    assert all(any(e.type == EntityType.PERSON for e in h.entities) for h in people.hits)
    years = {d.year for d in search_service.snapshot.documents.values() if d.year}
    year = min(years)
    dated = search_service.search("Kubernetes", 10, year=year)
    documents = search_service.snapshot.documents
    assert all(documents[h.passage.doc_id].year == year for h in dated.hits)


def test_event_filter_accepts_known_events(search_service: SearchService) -> None:
    events = sorted({e for d in search_service.snapshot.documents.values() for e in d.event_ids})
    if not events:
        pytest.skip("no document of the bundled corpus is linked to an event")
    result = search_service.search("keynote", 10, event=events[0])
    allowed = {
        d for d, info in search_service.snapshot.documents.items() if events[0] in info.event_ids
    }
    assert all(h.passage.doc_id in allowed for h in result.hits)


@pytest.mark.parametrize(
    "filters",
    [{"lang": "fr"}, {"event": "event/no-such-event"}, {"year": 1850}, {"entity_type": "animal"}],
)
def test_unknown_filter_values_are_refused(
    search_service: SearchService, filters: dict[str, object]
) -> None:
    with pytest.raises(InputError, match="Unknown"):
        search_service.search("Helm", 5, **filters)  # type: ignore[arg-type]


@dataclasses.dataclass
class OtherModel:
    """An embedder that says it is another model (for the mismatch check only)."""

    model_name: str = "sentence-transformers/all-MiniLM-L6-v2"
    dim: int = 384

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        raise AssertionError("must not be called")

    encode_passages = encode_queries


def test_index_built_with_another_model_is_refused(search_service: SearchService) -> None:
    with pytest.raises(IndexMismatch) as caught:
        SearchService(
            search_service.snapshot,
            {"embedding": OtherModel()},  # type: ignore[dict-item]
            search_service.analyzer,
            search_service.settings,
        )
    assert "all-MiniLM-L6-v2" in caught.value.message
    assert caught.value.hint and "forumgraph ingest --rebuild" in caught.value.hint


def test_unknown_second_encoder_is_a_config_error(search_service: SearchService) -> None:
    with pytest.raises(ConfigError, match="second_encoder"):
        search_service.settings.with_overrides(second_encoder="labse")


def test_use_signal_takes_part_in_the_default_search(search_service: SearchService) -> None:
    result = search_service.search("컨트리뷰터 서밋 예상 참석 인원", 5)
    assert any("use" in hit.signals for hit in result.hits)
