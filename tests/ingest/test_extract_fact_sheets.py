"""Profiles written as labelled lines (`**Day job:** …`, `- 소속: …`): the labels of work and
groups give the person's organisations; labels of places, handles and topics give none."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text

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
