"""Foreign names written in Hangul: with their Latin spelling and an organisation in brackets,
with a known organisation in brackets, by one of their words later, and the writer who
introduces themselves."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType


def test_a_spelling_and_an_organisation_in_brackets():
    text = (
        "오후에는 아르준 파텔(Arjun Patel, Microsoft)과 쩐 반 록(Tran Van Loc) 두 사람이 함께 "
        "발표했습니다. 쩐 씨는 베트남 스타트업 메콩데이터(MekongData)의 CTO로, 작년까지 "
        "Saigon Works에서 일했다고 소개했습니다."
    )
    extraction = extract_text(text)
    people = names_of(extraction, EntityType.PERSON)
    assert {"Arjun Patel", "Tran Van Loc"} <= people
    affiliations = affiliations_of(extraction)
    assert ("Arjun Patel", "Microsoft") in affiliations
    assert ("Tran Van Loc", "메콩데이터") in affiliations
    assert ("Tran Van Loc", "Saigon Works") in affiliations


def test_an_event_spelt_in_brackets_is_no_person():
    text = "다음 달에는 쿠버네티스 포럼 서울(Kubernetes Forum Seoul)에서 뵙겠습니다."
    assert "Kubernetes Forum Seoul" not in names_of(extract_text(text), EntityType.PERSON)


def test_a_country_before_a_role_is_no_employer():
    text = "Arvind Raghavan는 인도의 개발자로 대기업에서 인턴으로 여정을 시작했습니다."
    affiliations = affiliations_of(extract_text(text))
    assert not any(org == "인도" for _, org in affiliations)


def test_a_known_organisation_in_brackets_after_a_foreign_name():
    text = "첫 키노트는 쥘리앵 베르나르(Red Hat)가 맡았습니다. 쥘리앵은 짧게 마무리했습니다."
    extraction = extract_text(text)
    assert "쥘리앵 베르나르" in names_of(extraction, EntityType.PERSON)
    assert ("쥘리앵 베르나르", "Red Hat") in affiliations_of(extraction)


def test_the_writer_introduces_themselves_after_where_they_work():
    text = (
        "행사에 회사 지원으로 다녀왔습니다. 토스 플랫폼팀에서 일하고 있는 남궁민입니다. "
        "가장 중요한 것은 안정성입니다. 회사에서 일하는 여러 분들도 왔습니다."
    )
    extraction = extract_text(text)
    assert "남궁민" in names_of(extraction, EntityType.PERSON)
    assert "안정성" not in names_of(extraction, EntityType.PERSON)
    assert not any(org == "회사" for _, org in affiliations_of(extraction))
    assert "회사" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_role_in_brackets_is_no_organisation_and_a_role_word_no_name():
    text = (
        "## 연사 소개\n\n"
        "**여하람** (모더레이터) | 한빛 클라우드 커뮤니티 운영진\n\n"
        "OpenTelemetry 기여자 남궁솔 님을 만났습니다.\n"
    )
    extraction = extract_text(text)
    assert "모더레이터" not in names_of(extraction, EntityType.ORGANIZATION)
    assert "기여자" not in names_of(extraction, EntityType.PERSON)


def test_an_interview_credit_label_and_working_somewhere_now():
    text = (
        "*인터뷰·정리: 도경민 기자 (클라우드 인사이트)*\n\n"
        "최하윤 님은 네이버에서 5년간 모니터링 시스템을 개발했고, 지난해부터 Grafana Labs에서 "
        "원격으로 일하고 있습니다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("도경민", "클라우드 인사이트") in affiliations
    assert ("최하윤", "Grafana Labs") in affiliations


def test_korean_news_with_compound_titles_and_a_surname_with_a_title_later():
    text = (
        '마종훈 가람증권 IT인프라본부장(상무)은 "배포가 주 1회였다"고 말했다. '
        '탁은서 가람증권 최고기술책임자(CTO)는 "목표였다"고 밝혔다. 탁 CTO는 카카오뱅크와 '
        "토스증권을 거쳐 지난해 가람증권에 합류했다. 가람증권 플랫폼팀의 변소희 책임은 경험을 "
        "공유했다."
    )
    extraction = extract_text(text)
    assert {"마종훈", "탁은서", "변소희"} <= names_of(extraction, EntityType.PERSON)
    affiliations = affiliations_of(extraction)
    assert ("마종훈", "가람증권") in affiliations
    assert ("탁은서", "가람증권") in affiliations
    assert ("탁은서", "KakaoBank") in affiliations
    assert ("변소희", "가람증권") in affiliations


def test_the_organisers_of_a_named_group_listed_with_their_organisations():
    text = "클라우드 네이티브 여수 운영진: 도하진(물결소프트), 류태오(여수대학교), 하미루"
    affiliations = affiliations_of(extract_text(text))
    assert ("류태오", "클라우드 네이티브 여수") in affiliations
    assert ("하미루", "클라우드 네이티브 여수") in affiliations


def test_a_foreign_name_in_hangul_opening_a_long_line_with_its_organisation():
    text = (
        "**하칸 일디림 (SAP)** — Gardener로 수천 개 클러스터를 관리하는 이야기. 발표자 소개에 "
        "따르면 SAP에 오기 전에는 통신사에서 10년 가까이 일했다고 한다. 컨트롤 플레인도 가축이어야 "
        "한다는 말이 제일 좋았다.\n\n"
        "**클라우드 네이티브 (CNCF)** — 재단 소개가 이어졌다. 여러 프로젝트가 졸업했다는 소식이다."
    )
    extraction = extract_text(text)
    assert "하칸 일디림" in names_of(extraction, EntityType.PERSON)
    assert "클라우드 네이티브" not in names_of(extraction, EntityType.PERSON)
    assert ("하칸 일디림", "SAP") in affiliations_of(extraction)


def test_a_name_spelled_again_in_chinese_characters_or_kana_is_a_person():
    text = (
        "도쿄에서 온 마츠모토 하야토(松本 隼人) 님이 발표했다. 사회는 박하준(朴夏俊) 님이 "
        "맡았다. 타카하시 유나 (高橋優奈) 씨도 왔다. 현대(現代)의 사례도 나왔다."
    )
    people = names_of(extract_text(text), EntityType.PERSON)
    assert {"마츠모토 하야토", "박하준", "타카하시 유나"} <= people
    assert not people & {"온 마츠모토 하야토", "현대"}
