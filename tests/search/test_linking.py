"""Entities named in a query: names and aliases in either script, and Hangul transliterations."""

from __future__ import annotations

import pytest

from forumgraph.models import Entity, EntityType, Name
from forumgraph.search.linking import QueryLinker, name_like_with
from forumgraph.text.analyze import create_analyzer
from forumgraph.text.names import phonetic_key, transliteration_similarity

ENTITIES = [
    Entity(
        "person/cheryl-hung", EntityType.PERSON, (Name("Cheryl Hung", "en"), Name("셰릴 헝", "ko"))
    ),
    Entity(
        "person/brandon-lum",
        EntityType.PERSON,
        (Name("Brandon Lum", "en"), Name("브랜든 럼", "ko")),
        (Name("Brandom Lum", "en"),),
    ),
    Entity("person/tim-hockin", EntityType.PERSON, (Name("Tim Hockin", "en"),)),
    Entity("person/bob-smith", EntityType.PERSON, (Name("Bob", "en"),)),
    Entity("organization/at", EntityType.ORGANIZATION, (Name("At", "en"),)),
    Entity("organization/ibm", EntityType.ORGANIZATION, (Name("IBM", "en"),)),
    Entity("person/james-condon", EntityType.PERSON, (Name("James Condon", "en"),)),
    Entity("person/vicki-cheung", EntityType.PERSON, (Name("Vicki Cheung", "en"),)),
    Entity("person/ian-coldwater", EntityType.PERSON, (Name("Ian Coldwater", "en"),)),
    Entity("project/helm", EntityType.PROJECT, (Name("Helm", "en"), Name("헬름", "ko"))),
    Entity("project/prometheus", EntityType.PROJECT, (Name("Prometheus", "en"),)),
    Entity(
        "series/kubernetes-forum",
        EntityType.SERIES,
        (Name("Kubernetes Forum", "en"), Name("쿠버네티스 포럼", "ko")),
    ),
]


@pytest.fixture(scope="module")
def linker() -> QueryLinker:
    name_like = name_like_with(create_analyzer("kiwi"))
    return QueryLinker(ENTITIES, transliteration_similarity, name_like, phonetic_key)


def linked(linker: QueryLinker, query: str) -> list[tuple[str, str, str]]:
    return [(x.entity.id, x.surface, x.method) for x in linker.link(query)]


def test_hangul_name_with_a_particle_is_linked(linker: QueryLinker) -> None:
    assert linked(linker, "셰릴 헝의 키노트") == [("person/cheryl-hung", "셰릴 헝", "name")]


def test_latin_name_in_any_case_and_alias_are_linked(linker: QueryLinker) -> None:
    assert linked(linker, "cheryl hung keynote")[0][0] == "person/cheryl-hung"
    assert linked(linker, "Brandom Lum talks") == [("person/brandon-lum", "Brandom Lum", "name")]


def test_longest_name_wins_and_script_changes_split_words(linker: QueryLinker) -> None:
    links = linked(linker, "쿠버네티스 포럼에서 헬름3 발표")
    assert links == [
        ("series/kubernetes-forum", "쿠버네티스 포럼", "name"),
        ("project/helm", "헬름", "name"),
    ]


def test_other_names_expand_to_the_other_script(linker: QueryLinker) -> None:
    (link,) = linker.link("Brandon Lum")
    assert link.other_names() == ["브랜든 럼", "Brandom Lum"]


def test_hangul_spelling_of_a_latin_only_name_is_transliterated(linker: QueryLinker) -> None:
    (link,) = linker.link("팀 호킨의 코드 리뷰 세션")
    assert (link.entity.id, link.surface, link.method) == (
        "person/tim-hockin",
        "팀 호킨",
        "transliteration",
    )
    assert 0.85 <= link.confidence <= 1.0


def test_single_hangul_word_needs_to_be_a_long_proper_noun(linker: QueryLinker) -> None:
    assert linked(linker, "프로메테우스 모니터링") == [
        ("project/prometheus", "프로메테우스", "transliteration")
    ]
    # An ordinary word that happens to sound like a short Latin name is not a link.
    assert linked(linker, "발표 자료") == []


def test_ordinary_korean_words_are_not_taken_for_foreign_names(linker: QueryLinker) -> None:
    assert transliteration_similarity("참석 인원", "James Condon") > 0.85  # sounds close enough
    assert linked(linker, "서밋 예상 참석 인원") == []
    assert linked(linker, "빅키 청의 폐막 기조연설") == [
        ("person/vicki-cheung", "빅키 청", "transliteration")
    ]


def test_a_name_the_analyser_does_not_know_is_transliterated_within_a_phrase(
    linker: QueryLinker,
) -> None:
    # Kiwi knows neither word as a name (이|안, and 콜드워터 as an unknown noun).
    assert linked(linker, "이안 콜드워터의 키노트") == [
        ("person/ian-coldwater", "이안 콜드워터", "transliteration")
    ]
    # Verb forms and loanwords alone stay unlinked.
    assert linked(linker, "풀 리퀘스트를 빌드할 커미터") == []


def test_queries_without_names_link_nothing(linker: QueryLinker) -> None:
    for query in ["컨테이너 보안 설문", "survey results", "🙂", "Привет"]:
        assert linker.link(query) == []


def test_stop_words_and_short_names_in_other_case_are_not_links(linker: QueryLinker) -> None:
    assert linked(linker, "survey presented at the forum") == []
    assert linked(linker, "IBM engineers") == [("organization/ibm", "IBM", "name")]
    assert linked(linker, "ibm engineers") == []
