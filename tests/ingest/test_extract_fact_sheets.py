"""Profiles written as labelled lines (`**Day job:** …`, `- 소속: …`): the labels of work and
groups give the person's organisations; labels of places, handles and topics give none."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType

_SPOTLIGHT = (
    "Each month we ask two community members the same questions.\n\n"
    "### Ifeoma Chukwu\n\n"
    "**Based in:** Abuja, Nigeria\n"
    "**Day job:** Staff SRE, Moniepoint\n"
    "**Community:** co-lead, Cloud Native Abuja\n"
    "**Find her:** @ifeoma_sre\n\n"
    "**What got you started?**\n"
    "A broken Jenkins server.\n\n"
    "### Haruto Mori\n\n"
    "**Based in:** Fukuoka, Japan\n"
    "**Work:** freelance trainer (Kumo Dojo); previously six years at Mercari\n"
    "**Community:** reviewer in Kubernetes SIG Docs; runs Cloud Native Kyushu\n"
    "**Favourite project:** Kueue\n\n"
    "**What got you started?**\n"
    "My manager at LINE Yahoo, Aiko Tanaka, asked me to try it.\n"
)


def test_the_work_lines_of_a_profile_give_its_person_s_organisations():
    affiliations = affiliations_of(extract_text(_SPOTLIGHT))
    assert {
        ("Ifeoma Chukwu", "Moniepoint"),
        ("Ifeoma Chukwu", "Cloud Native Abuja"),
        ("Haruto Mori", "Kumo Dojo"),
        ("Haruto Mori", "Mercari"),
        ("Haruto Mori", "Cloud Native Kyushu"),
    } <= affiliations


def test_labels_of_places_handles_and_topics_give_no_organisation():
    affiliations = affiliations_of(extract_text(_SPOTLIGHT))
    people = {"Ifeoma Chukwu", "Haruto Mori"}
    assert not {(p, o) for p, o in affiliations if p in people} & {
        ("Ifeoma Chukwu", "Abuja"),
        ("Ifeoma Chukwu", "Nigeria"),
        ("Haruto Mori", "Fukuoka"),
        ("Haruto Mori", "Japan"),
        ("Haruto Mori", "Kueue"),
    }


def test_a_name_line_gives_the_person_of_the_labelled_lines_below():
    text = (
        "이번 밋업 발표자를 소개합니다.\n\n"
        "- 이름: 김하람\n"
        "- 소속: 카카오페이 플랫폼팀\n"
        "- 관심사: 관측성, 비용 최적화\n\n"
        "- 이름: 박서준\n"
        "- 이전 직장: 쿠팡\n"
        "- 거주지: 부산\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert {("김하람", "Kakao Pay"), ("박서준", "Coupang")} <= affiliations
    assert not {p for p, o in affiliations if o in {"부산", "관측성"}}


def test_a_team_someone_comes_from_is_not_the_writer_s():
    text = (
        "We asked our ambassadors four questions, and we loved the answers we got.\n\n"
        "A few years later Mina Ito from the SIG Docs Japanese team asked me to review a page."
    )
    affiliations = affiliations_of(extract_text(text, {"author": "Piotr Nowak (CNCF)"}))
    assert ("Piotr Nowak", "SIG Docs Japanese") not in affiliations


def test_a_table_of_contributors_with_a_column_of_short_bios():
    text = (
        "올해의 기여자를 소개합니다.\n\n"
        "| 부문 | 기여자 | 한 줄 소개 |\n"
        "|---|---|---|\n"
        "| 올해의 발표자 | 한도윤 님 (@doyun-h) | 카카오페이 SRE. 최다 질문 기록 |\n"
        "| 올해의 스터디장 | '큐브장인' 남궁민재 님 | 前 쿠팡, 現 당근 플랫폼 엔지니어 |\n"
        "| 올해의 신입 운영진 | Daniel Seo | AWS 솔루션즈 아키텍트. 영어 세션 진행 담당 |\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {
        ("한도윤", "Kakao Pay"),
        ("남궁민재", "Coupang"),
        ("남궁민재", "Daangn"),
        ("Daniel Seo", "Amazon Web Services"),
    } <= affiliations
    # a language is no organisation
    assert "영어" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_column_of_talk_titles_is_no_bio():
    text = (
        "| Speaker | Talk |\n"
        "|---|---|\n"
        "| Marisol Vega | Scaling Kakao Pay payments on Kubernetes |\n"
    )
    assert ("Marisol Vega", "Kakao Pay") not in affiliations_of(extract_text(text))


_GRANTEES = (
    "Meet this year's travel grant recipients.\n\n"
    "**Ravi Kulkarni** · Pune, India\n"
    "By day, Ravi keeps the payments clusters at Juspay upright. By night, he writes docs.\n\n"
    "**Petr Dvořák** · Ostrava, Czechia\n"
    "A welder turned SRE. Petr writes network policies for a living at Pipedrive and runs the "
    "Kubernetes Ostrava meetup on the side.\n\n"
    "**Lucie Horáková** · Prague, Czechia\n"
    "Lucie spoke at Cloud Native Prague last spring and gave a workshop at Red Hat.\n"
)


def test_sentences_of_a_profile_whose_subject_is_its_person():
    affiliations = affiliations_of(extract_text(_GRANTEES))
    assert {
        ("Ravi Kulkarni", "Juspay"),
        ("Petr Dvořák", "Pipedrive"),
        ("Petr Dvořák", "Kubernetes Ostrava meetup"),
    } <= affiliations
    assert not {o for p, o in affiliations if p == "Lucie Horáková"}
