"""Talks as search results over the bundled talk lists: records, ranking, filters, listings."""

from __future__ import annotations

from collections import Counter

import pytest

from forumgraph.config import BUNDLED_DATA
from forumgraph.errors import InputError
from forumgraph.ingest.readers import ReadLimits, read_article
from forumgraph.ingest.talklist import render_talk_list
from forumgraph.models import EntityType, TalkRecord
from forumgraph.search.filters import SearchFilters
from forumgraph.search.intent import asks_for_talks
from forumgraph.search.service import SearchService
from forumgraph.snapshot.check import check_snapshot

SCHEDULES = BUNDLED_DATA / "schedules"


def talks_of(service: SearchService, person_id: str) -> list[TalkRecord]:
    """The talks the talk lists credit to a person, read from the records themselves."""
    return [
        t
        for t in service.snapshot.talks.values()
        if any(s.person_id == person_id for s in t.speakers)
    ]


def test_every_row_of_every_talk_list_is_one_talk_passage(search_service: SearchService) -> None:
    snapshot = search_service.snapshot
    rows = 0
    for path in sorted(SCHEDULES.glob("*.md")):
        article = read_article(path, ReadLimits())
        if article.talk_list is None:
            continue
        rows += len(article.talk_list.talks)
        lines = render_talk_list(article.talk_list).talks
        talk_passages = [
            snapshot.passages[pid].passage
            for pid in snapshot.documents[article.doc_id].passage_ids
            if pid in snapshot.talks
        ]
        assert [(p.start, p.end) for p in talk_passages] == [(ln.start, ln.end) for ln in lines]
    assert len(snapshot.talks) == rows
    assert check_snapshot(snapshot) == []  # talks.jsonl agrees with passages and the graph


def test_talk_record_holds_titles_kind_edition_speakers_and_videos(
    search_service: SearchService,
) -> None:
    snapshot = search_service.snapshot
    for talk in snapshot.talks.values():
        passage = snapshot.passages[talk.passage_id]
        assert passage.passage.text.startswith(talk.title)
        assert talk.talk_id in passage.entity_ids
        assert snapshot.entities[talk.talk_id].type == EntityType.TALK
        assert talk.event_id is not None
        assert snapshot.entities[talk.event_id].type == EntityType.EVENT
    with_org = [t for t in snapshot.talks.values() if any(s.organization_id for s in t.speakers)]
    assert len(with_org) > len(snapshot.talks) / 2
    credited_on_line = 0
    for talk in with_org:
        text = snapshot.passages[talk.passage_id].passage.text
        for speaker in talk.speakers:
            assert snapshot.entities[speaker.person_id].type == EntityType.PERSON
            if speaker.organization_id is None:
                continue
            org = snapshot.entities[speaker.organization_id]
            assert org.type == EntityType.ORGANIZATION
            # Mostly credited on the line itself; else where the list credits them elsewhere
            # (another line, or the Chinese title's credit).
            credited_on_line += any(n.text in text for n in (*org.names, *org.alternate_names))
    assert credited_on_line > len(with_org) * 0.8
    kinds = Counter(t.kind for t in snapshot.talks.values())
    assert {"keynote", "session", "lightning"} <= set(kinds)
    assert sum(1 for t in snapshot.talks.values() if t.title_zh) > len(snapshot.talks) / 2
    assert sum(1 for t in snapshot.talks.values() if t.videos) > len(snapshot.talks) / 2


def test_a_talk_title_finds_the_talk_as_a_result_of_its_own(
    search_service: SearchService,
) -> None:
    result = search_service.search("DIY pen-testing for your Kubernetes cluster", 5)
    top = result.hits[0]
    assert top.talk is not None and top.title == top.talk.title
    assert "pen-testing" in top.talk.title.lower()
    speakers = [search_service.snapshot.entities[s.person_id].label() for s in top.talk.speakers]
    assert "Liz Rice" in speakers
    body = result.to_json()["results"][0]
    assert body["type"] == "talk"
    assert body["talk_id"] == top.talk.talk_id
    assert body["year"] == top.talk.year and body["kind"] == top.talk.kind
    assert body["event"]["id"] == top.talk.event_id and body["event"]["label"]
    assert body["speakers"][0]["organization"]["label"]
    assert body["videos"] and body["url"] == body["videos"][0]
    # Every field an article passage has, a talk has too.
    article = next(
        r
        for r in search_service.search("Helm 3 Tiller", 10).to_json()["results"]
        if r["type"] == "passage"
    )
    assert set(article) <= set(body)


def test_korean_query_finds_english_talks(search_service: SearchService) -> None:
    result = search_service.search("쿠버네티스 보안 발표", 10)
    talks = [h.talk for h in result.hits if h.talk is not None]
    assert len(talks) >= 3
    about = [t for t in talks if "secur" in t.title.lower()]
    assert len(about) >= 3
    assert all(not any("\uac00" <= c <= "\ud7a3" for c in t.title) for t in talks)


@pytest.mark.parametrize(
    ("query", "person"),
    [
        ("셰릴 헝 발표 목록", "person/cheryl-hung"),
        ("talks by Liz Rice", "person/liz-rice"),
        ("리즈 라이스 발표", "person/liz-rice"),
    ],
)
def test_person_query_lists_their_talks_across_editions(
    search_service: SearchService, query: str, person: str
) -> None:
    result = search_service.search(query, 10)
    assert person in {link.entity.id for link in result.entities}
    theirs = [
        h.talk
        for h in result.hits
        if h.talk is not None and any(s.person_id == person for s in h.talk.speakers)
    ]
    assert len(theirs) >= 3
    assert len({t.event_id for t in theirs}) >= 2
    # Their talks come before any talk of someone else.
    talks = [h.talk for h in result.hits if h.talk is not None]
    assert talks[: len(theirs)] == theirs


def test_edition_named_as_people_write_it_scopes_a_topic_query(
    search_service: SearchService,
) -> None:
    result = search_service.search("service mesh talks at KubeCon Barcelona", 10)
    linked = {link.entity.id: link.entity for link in result.entities}
    editions = [e for e in linked.values() if e.type == EntityType.EVENT]
    assert len(editions) == 1
    talks = [h.talk for h in result.hits[:8] if h.talk is not None]
    assert len(talks) == 8
    assert all(t.event_id == editions[0].id for t in talks)
    assert all("mesh" in t.title.lower() for t in talks)


def test_result_type_filter_keeps_talks_or_article_passages(
    search_service: SearchService,
) -> None:
    talks = search_service.search("Helm", 20, filters=SearchFilters(result_type="talk")).hits
    assert talks and all(h.talk is not None for h in talks)
    passages = search_service.search("Helm", 20, filters=SearchFilters(result_type="passage"))
    assert passages.hits and all(h.talk is None for h in passages.hits)


@pytest.mark.parametrize("speaker", ["person/liz-rice", "liz-rice", "Liz Rice", "리즈 라이스"])
def test_speaker_filter_takes_an_id_or_a_name_in_either_script(
    search_service: SearchService, speaker: str
) -> None:
    result = search_service.search(
        "keynote", 20, filters=SearchFilters(result_type="talk", speaker=speaker)
    )
    expected = {t.passage_id for t in talks_of(search_service, "person/liz-rice")}
    found = {h.passage.passage_id for h in result.hits}
    assert found and found <= expected


def test_organization_topic_event_and_year_filters_use_the_talk_record(
    search_service: SearchService,
) -> None:
    snapshot = search_service.snapshot
    chosen = SearchFilters(result_type="talk", organization="Aqua Security", year=2019)
    result = search_service.search("Kubernetes", 20, filters=chosen)
    aqua = "organization/aqua-security"
    assert result.hits
    assert all(h.talk and h.talk.year == 2019 for h in result.hits)
    assert all(any(s.organization_id == aqua for s in h.talk.speakers) for h in result.hits)
    edition = "event/kubecon-cloudnativecon-europe-2019"
    topic = SearchFilters(result_type="talk", topic="Prometheus", event=edition)
    hits = search_service.search("monitoring", 20, filters=topic).hits
    assert hits and all(h.talk and h.talk.event_id == edition for h in hits)
    assert all("project/prometheus" in h.talk.topic_ids for h in hits)
    # An article passage naming the person passes the speaker filter too.
    mixed = search_service.search("리즈 라이스", 20, filters=SearchFilters(speaker="Liz Rice"))
    articles = [h for h in mixed.hits if h.talk is None]
    assert articles
    assert all(
        "person/liz-rice" in snapshot.passages[h.passage.passage_id].entity_ids for h in articles
    )


@pytest.mark.parametrize(
    ("filters", "field"),
    [
        (SearchFilters(speaker="Nobody Known Here"), "speaker"),
        (SearchFilters(organization="person/liz-rice"), "organization"),
        (SearchFilters(topic="no-such-topic"), "topic"),
        (SearchFilters(result_type="video"), "result"),
        (SearchFilters(event="KubeCon Atlantis 1999"), "event"),
    ],
)
def test_unknown_filter_values_name_the_filter(
    search_service: SearchService, filters: SearchFilters, field: str
) -> None:
    with pytest.raises(InputError, match=f"Unknown {field} filter value") as caught:
        search_service.search("Helm", 5, filters=filters)
    assert caught.value.hint


def test_talk_listing_gives_every_talk_of_a_person_newest_first(
    search_service: SearchService,
) -> None:
    expected = talks_of(search_service, "person/cheryl-hung")
    listing = search_service.talks(SearchFilters(speaker="셰릴 헝"), limit=500)
    assert listing.total == len(expected) >= 5
    assert {t.talk_id for t in listing.talks} == {t.talk_id for t in expected}
    years = [t.year or 0 for t in listing.talks]
    assert years == sorted(years, reverse=True)
    first = search_service.talks(SearchFilters(speaker="셰릴 헝"), limit=2)
    assert first.total == listing.total and list(first.talks) == list(listing.talks[:2])
    body = listing.to_json()
    assert body["total"] == listing.total
    names = {s["names"].get("ko") for r in body["results"] for s in r["speakers"]}
    assert "셰릴 헝" in names


def test_talk_listing_by_edition_and_year(search_service: SearchService) -> None:
    edition = "event/kubecon-cloudnativecon-china-2019"
    listing = search_service.talks(SearchFilters(event=edition), limit=500)
    expected = [t for t in search_service.snapshot.talks.values() if t.event_id == edition]
    assert listing.total == len(expected) > 50
    in_2018 = search_service.talks(SearchFilters(year=2018), limit=1)
    assert in_2018.total == sum(1 for t in search_service.snapshot.talks.values() if t.year == 2018)
    assert search_service.talks(SearchFilters(event=edition, year=2018)).total == 0


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("셰릴 헝 발표 목록", True),
        ("리즈 라이스의 키노트를", True),
        ("talks by Liz Rice", True),
        ("Kubernetes security sessions", True),
        ("헬름 3에서 틸러가 제거된 이유", False),
        ("When is KCD Porto?", False),
        ("talking points", False),
    ],
)
def test_a_query_asks_for_talks_when_it_says_so(query: str, asks: bool) -> None:
    assert asks_for_talks(query) is asks
