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


def test_career_lines_under_a_heading_that_introduces_the_speaker_named_right_below():
    text = (
        "# 발표 정리\n\n"
        "발표: 이서연\n\n"
        "슬라이드 2 — 연사 소개\n\n"
        "- 이서연 (Seoyeon Lee)\n"
        "- 현) 무신사 플랫폼엔지니어링팀 테크 리드\n"
        "- 전) 네이버클라우드 쿠버네티스 서비스 개발, 우아한형제들 SRE\n\n"
        "슬라이드 3 — 왜 멀티 클러스터인가\n\n"
        "- 2022년까지는 EKS 클러스터 하나에 모든 서비스가 올라가 있었음\n"
    )
    affiliations = affiliations_of(extract_text(text))
    for org in ("Musinsa", "Naver Cloud", "Woowa Brothers"):
        assert ("이서연", org) in affiliations


def test_titles_joined_after_a_company_on_a_credit_line():
    text = (
        "# 연사\n\n아라브 굽타(Aarav Gupta) | Portalis 공동 창업자 겸 CTO\n\n발표를 맡았습니다.\n"
    )
    extraction = extract_text(text)
    assert not any("창업자" in org for org in names_of(extraction, EntityType.ORGANIZATION))
    assert ("Aarav Gupta", "Portalis") in affiliations_of(extraction)


def test_a_heading_over_a_table_of_speakers_gives_no_one_their_organisations():
    text = (
        "# 행사 안내\n\n키노트\n\n"
        "마르셀라 올리베이라 (Marcela Oliveira) — CNCF 커뮤니티 디렉터\n\n"
        "전 세계 KCD 프로그램을 총괄하고 있습니다.\n\n"
        "연사 소개\n\n"
        "| 연사 | 소속 | 세션 |\n|---|---|---|\n"
        "| 김민수 | 카카오 | 메시지 서버의 Cilium 전환기 |\n"
        "| 이하늘 | 토스 | 관측성 비용 |\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert not any(
        person == "Marcela Oliveira" and org in {"Kakao", "Toss"} for person, org in affiliations
    )
    assert ("김민수", "Kakao") in affiliations


def test_a_labelled_line_under_a_speaker_s_introduction_is_no_career_line():
    text = (
        "# 발표 자료\n\n발표자 소개\n\n"
        "- 정다은, 하이브랩스 인프라팀 DevOps 엔지니어\n"
        "- GitHub / 트위터: @daeun_ops\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("정다은", "하이브랩스") in affiliations
    assert not any(org == "GitHub" for _, org in affiliations)


def test_the_opening_of_a_bio_under_a_heading_that_names_its_person():
    text = (
        "올해 멘토를 소개합니다.\n\n"
        "### 🧭 권나래 멘토 · Flux (리드 멘토)\n"
        "現 네이버클라우드 플랫폼 개발, 前 삼성SDS 클라우드 아키텍트. "
        "2020년부터 Flux에 기여했습니다.\n\n"
        "### 🔭 남궁민 멘토 (@gung-min) · Jaeger\n"
        "토스에서 일하는 관측성 엔지니어입니다. 문서 번역을 이끌고 있습니다.\n\n"
        "### 🌱 Lukas Brenner 멘토 · Gardener\n"
        "SAP 소속으로 독일에서 원격으로 참여합니다.\n\n"
        "### 📚 서윤아 멘토\n"
        "카카오엔터프라이즈 출신으로 지금은 프리랜서로 일하고 있습니다.\n\n"
        "### 🧪 허지완 멘토\n"
        "KAIST 전산학부 박사과정생. 연구실 GPU 클러스터를 운영합니다.\n"
    )
    assert {
        ("권나래", "Naver Cloud"),
        ("권나래", "Samsung SDS"),
        ("남궁민", "Toss"),
        ("Lukas Brenner", "SAP"),
        ("서윤아", "Kakao Enterprise"),
        ("허지완", "KAIST"),
    } <= affiliations_of(extract_text(text))


def test_no_bio_opening_in_a_sentence_about_someone_else_or_in_a_clause():
    text = (
        "### 권나래 멘토\n"
        "김도윤 님과 함께 토스에서 일하는 분들을 만났습니다.\n\n"
        "### 허지완 멘토\n"
        "카카오가 후원하는 스터디를 운영합니다.\n\n"
        "### 행사 안내\n"
        "네이버클라우드에서 일하는 분들도 옵니다.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("권나래", "Toss") not in affiliations
    assert ("허지완", "Kakao") not in affiliations
    assert not any(org == "Naver Cloud" for _, org in affiliations)


def test_a_latin_name_heading_a_profile_is_a_person_and_a_title_heading_is_not():
    text = (
        "Our speakers this year.\n\n"
        "### 🌱 Lukas Brenner 멘토 · Gardener\n"
        "SAP 소속으로 독일에서 원격으로 참여합니다.\n\n"
        "## 2. Priya Raman — Staff SRE\n\n"
        "She spoke about paging.\n\n"
        "## Grace Hopper Celebration\n\n"
        "We went.\n"
    )
    extraction = extract_text(text)
    assert ("Lukas Brenner", "SAP") in affiliations_of(extraction)
    people = names_of(extraction, EntityType.PERSON)
    assert "Priya Raman" in people
    assert not any("Grace" in p for p in people)
    assert "She" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_bio_after_a_name_in_bold_and_a_dash_sentence_by_sentence():
    text = (
        "| 시간 | 발표 | 연사 |\n"
        "|---|---|---|\n"
        "| 14:30 | 배포 플랫폼 2년 회고 | 윤서진 (토스) |\n"
        "| 17:00 | 패널 토론 | 진행 오현석 |\n\n"
        "## 연사 소개\n\n"
        "**윤서진** — 토스에서 배포 플랫폼을 책임지는 SRE. 쿠팡 출신으로, 작년에 발표했습니다.\n\n"
        "**오현석** (진행) — 쿠버네티스 코리아 그룹(KKG) 운영진. 낮에는 엔지니어입니다.\n\n"
        "**한유리** — 카카오가 후원하는 스터디를 운영합니다. 김도윤 님과 네이버에서 일했습니다.\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {
        ("윤서진", "Toss"),
        ("윤서진", "Coupang"),
        ("오현석", "쿠버네티스 코리아 그룹"),
    } <= affiliations
    assert not any(p == "한유리" for p, _ in affiliations)
    assert "진행" not in names_of(extraction, EntityType.ORGANIZATION)
