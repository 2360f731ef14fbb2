"""Meetups of user communities as events, on texts written for these tests."""

from __future__ import annotations

from extraction_support import extract_text, names_of

from forumgraph.models import EntityType, Extraction


def _meetups(extraction: Extraction) -> set[str]:
    return {n for n in names_of(extraction, EntityType.EVENT) if "밋업" in n or "meetup" in n}


def _facts(extraction: Extraction, predicate: str) -> set[str]:
    return {f.value for f in extraction.facts if f.predicate == predicate}


def test_a_community_meetup_of_a_month_is_an_event_named_as_written():
    extraction = extract_text(
        "지난주 부산 쿠버네티스 사용자 모임 3월 밋업에 다녀왔다.", {"date": "2024-03-20"}
    )
    assert _meetups(extraction) == {"부산 쿠버네티스 사용자 모임 3월 밋업"}
    assert "2024-03" in _facts(extraction, "startDate")


def test_a_meetup_named_by_month_alone_is_the_one_community_s():
    extraction = extract_text(
        "Thanks to everyone who joined the Cloud Native Tallinn March meetup. "
        "The April meetup will be online.",
        {"date": "2024-03-28"},
    )
    assert {
        "Cloud Native Tallinn March meetup",
        "Cloud Native Tallinn April meetup",
    } <= _meetups(extraction)
    assert "Cloud Native Tallinn" in names_of(extraction, EntityType.ORGANIZATION)
    assert "Cloud Native Tallinn March" not in names_of(extraction, EntityType.ORGANIZATION)


def test_the_title_s_meetup_is_an_event():
    extraction = extract_text(
        "이번 모임은 온라인으로 진행합니다. 발표는 스토리지 사용자 그룹 운영진이 맡습니다.",
        {"date": "2023-05-02", "title": "스토리지 사용자 그룹 5월 온라인 밋업 안내"},
    )
    assert "스토리지 사용자 그룹 5월 온라인 밋업" in _meetups(extraction)


def test_a_month_meetup_with_no_community_in_the_text_is_no_event():
    assert not _meetups(extract_text("The March meetup was fun.", {"date": "2024-03-28"}))


def test_a_community_named_only_with_its_month_meetups_in_either_language():
    korean = extract_text(
        "클라우드 네이티브 광주 6월 밋업을 6월 20일에 엽니다. 다음 7월 밋업은 온라인입니다.",
        {"date": "2024-06-01"},
    )
    expected = {"클라우드 네이티브 광주 6월 밋업", "클라우드 네이티브 광주 7월 밋업"}
    assert expected <= _meetups(korean)
    english = extract_text(
        "Join us for the June meetup of Cloud Native Porto at the Fjord Hub. Our May meetup "
        "had a full room.",
        {"date": "2024-06-01"},
    )
    assert "Cloud Native Porto" in names_of(english, EntityType.ORGANIZATION)
    assert {"Cloud Native Porto June meetup", "Cloud Native Porto May meetup"} <= _meetups(english)
    assert not any("Hub." in n for n in names_of(english, EntityType.ORGANIZATION))
