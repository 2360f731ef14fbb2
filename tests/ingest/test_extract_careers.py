"""Where a speaker worked, from the career lines and tables of a profile."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType


def test_career_lines_under_a_profile_label():
    text = (
        "세션 1. 멀티 테넌트 쿠버네티스\n\n"
        "발표자: 한도윤\n\n"
        "팀마다 클러스터를 하나씩 주는 대신 격리된 환경을 제공한 경험을 공유합니다.\n\n"
        "발표자 프로필\n"
        "현) 네이버클라우드 Kubernetes Service 개발 리드\n"
        "전) 카카오엔터프라이즈 클라우드 플랫폼 개발\n"
        "2014 – 2018: Corvanta Systems, Senior SDE\n"
        "Karpenter 기여자\n"
        "『쿠버네티스 운영 실전』 저자\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {
        ("한도윤", "Naver Cloud"),
        ("한도윤", "Kakao Enterprise"),
        ("한도윤", "Corvanta Systems"),
    } <= affiliations
    assert "Karpenter" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_career_table_under_a_profile_label():
    text = (
        "발표자: 윤가람\n\n"
        "결제 서비스를 카나리 배포로 전환한 과정을 다룹니다.\n\n"
        "발표자 프로필\n\n"
        "| 기간 | 소속 | 역할 |\n"
        "|---|---|---|\n"
        "| 2022.03 ~ 현재 | 라온페이먼츠 | 플랫폼팀 SRE 리드 |\n"
        "| 2018.07 ~ 2022.02 | 누리대학교 | 컴퓨터공학과 학사 |\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert {("윤가람", "라온페이먼츠"), ("윤가람", "누리대학교")} <= affiliations


def test_a_role_and_a_sentence_under_a_label_are_no_organisations():
    text = (
        "발표자: 장서진\n\n"
        "Profile\n"
        "Staff Software Engineer, platform team\n"
        "장서진 님은 현재 스타트업에서 DevOps 엔지니어로 일합니다.\n"
    )
    extraction = extract_text(text)
    assert "Staff Software Engineer" not in names_of(extraction, EntityType.ORGANIZATION)
    assert not {org for person, org in affiliations_of(extraction) if person == "장서진"}
