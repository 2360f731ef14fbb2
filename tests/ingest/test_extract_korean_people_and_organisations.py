"""Korean people and their organisations as news and event pages write them: an organisation
before the name (`가나다 김민수 CTO`, `가나다의 김민수 님`, `가나다 인프라팀 김민수 님`), a role or
organisation in brackets after it, more titles and roles, a byline with a title, and an
acronym in brackets after a Hangul name."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType


def test_an_organisation_before_a_korean_name_with_a_title():
    text = (
        "전환을 이끈 다온커머스 최현석 CTO는 배포 방식을 바꿨다고 말했다. 발표는 별빛랩스의 "
        "김도현 님이 맡았고, 하늘데이터 인프라엔지니어링팀 이수진 팀장이 뒤를 이었다."
    )
    extraction = extract_text(text)
    assert {"최현석", "김도현", "이수진"} <= names_of(extraction, EntityType.PERSON)
    assert "다온커머스 최현석" not in names_of(extraction, EntityType.PERSON)
    affiliations = affiliations_of(extraction)
    assert ("최현석", "다온커머스") in affiliations
    assert ("김도현", "별빛랩스") in affiliations
    assert ("이수진", "하늘데이터") in affiliations


def test_ordinary_words_before_a_name_are_no_organisation():
    text = (
        "지난달 김민수 팀장이 발표했다. 우리 팀의 이영희 님도 참석했고, 한편 박지훈 씨는 불참했다."
    )
    orgs = names_of(extract_text(text), EntityType.ORGANIZATION)
    assert not {"지난달", "팀", "한편", "우리"} & orgs


def test_a_role_or_organisation_in_brackets_after_a_korean_name():
    text = "인사말은 김태호 (가람 커뮤니티 운영진)이 했고, 데모는 박서윤(ETRI)이 보여 주었다."
    people = names_of(extract_text(text), EntityType.PERSON)
    assert {"김태호", "박서윤"} <= people


def test_a_latin_spelling_in_brackets_is_no_second_person():
    text = "켈시 하이타워(Kelsey Hightower)의 키노트가 인상적이었다."
    people = names_of(extract_text(text), EntityType.PERSON)
    assert "하이타워" not in people


def test_a_compound_of_common_nouns_is_no_name():
    text = "카이스트 전산학부 석사과정 최유진 님이 발표했다."
    extraction = extract_text(text)
    assert "전산학부" not in names_of(extraction, EntityType.PERSON)
    assert ("최유진", "KAIST") in affiliations_of(extraction)


def test_a_byline_with_a_title_and_the_staff_of_a_community():
    extraction = extract_text(
        "본문입니다.", {"author": "박민경 기자 (클라우드인사이트); 하늘 사용자 모임 운영진"}
    )
    assert "박민경" in names_of(extraction, EntityType.PERSON)
    assert ("박민경", "클라우드인사이트") in affiliations_of(extraction)
    assert "하늘 사용자 모임 운영진" not in names_of(extraction, EntityType.ORGANIZATION)


def test_an_acronym_in_brackets_after_a_hangul_organisation():
    text = "쿠버네티스 코리아 그룹(KKG)이 밋업을 열었다. 발표 자료는 KKG 저장소에 있다."
    orgs = {
        r.names[0].text: r for r in extract_text(text).entities if r.type == EntityType.ORGANIZATION
    }
    record = orgs["쿠버네티스 코리아 그룹"]
    assert "KKG" in {n.text for n in record.names}


def test_an_organisation_and_the_role_a_person_acts_in_there():
    text = "CNCF 앰배서더로 활동하는 한정우 씨는 도입이 늘었다고 평가했다."
    assert ("한정우", "Cloud Native Computing Foundation") in affiliations_of(extract_text(text))


def test_a_latin_name_after_an_organisations_possessive():
    text = (
        "딥다이브 세션(Quarkline의 Richard Hartmann, CoreOS의 Frederic Branczyk)도 들었다. "
        "쿠버네티스의 Pod Security 이야기도 있었다."
    )
    extraction = extract_text(text)
    people = names_of(extraction, EntityType.PERSON)
    assert {"Richard Hartmann", "Frederic Branczyk"} <= people
    assert "Pod Security" not in people
    assert ("Richard Hartmann", "Quarkline") in affiliations_of(extraction)


def test_a_foreign_name_in_hangul_after_an_organisation_or_a_role():
    extraction = extract_text(
        "패널 토론에는 이니텍의 라즈 파텔, 글로벡스 소속 메이 첸이 참여했고, 사회는 "
        "엔지니어링 부사장 아이샤 벨로가 맡았다."
    )
    people = names_of(extraction, EntityType.PERSON)
    assert {"라즈 파텔", "메이 첸", "아이샤 벨로"} <= people
    assert {("라즈 파텔", "이니텍"), ("메이 첸", "글로벡스")} <= affiliations_of(extraction)


def test_nouns_after_a_project_or_a_common_noun_s_possessive_are_no_person():
    extraction = extract_text("gRPC의 로드 밸런싱은 까다롭다. 인스턴스의 네트워크 트래픽이 늘었다.")
    assert not names_of(extraction, EntityType.PERSON)


def test_a_name_after_a_credit_label():
    extraction = extract_text("진행: 오승민\n게스트: 노스윈드 수석 엔지니어 레나 피셔\n\n본문이다.")
    assert {"오승민", "레나 피셔"} <= names_of(extraction, EntityType.PERSON)
    assert ("레나 피셔", "노스윈드") in affiliations_of(extraction)


def test_a_common_noun_before_a_titled_name_is_an_organisation_in_a_list_of_employers():
    text = (
        "이날 행사에는 다온커머스 박성호 리더, 자두 이준혁 엔지니어, 동료 윤서진 님, 다온커머스 "
        "결제 한지민 님 등이 "
        "연사로 나섰다. 사회 김민지 교수가 진행을 맡았다. 망고 최유리 님은 다른 일정이 있었다."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {("박성호", "다온커머스"), ("이준혁", "자두")} <= affiliations
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    # a relation, a part, a word going on an organisation's name, no list
    assert not {"동료", "사회", "결제", "망고"} & organisations


def test_where_a_person_works_and_a_role_at_a_latin_named_organisation():
    text = (
        "첫 발표는 별빛랩스에서 플랫폼 엔지니어로 일하는 서지훈 님이 맡았다. 두 번째 발표자인 "
        "마이크 첸(Mike Chen) 님은 Initech 솔루션즈 아키텍트로, 새 기능을 소개했다. "
        "회사에서 개발자로 일하는 박민지 님도 왔다. 커뮤니티 운영진 최하늘 님이 사진을 찍었다."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {("서지훈", "별빛랩스"), ("Mike Chen", "Initech")} <= affiliations
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    assert not {"회사", "커뮤니티"} & organisations  # common nouns, also inside gazetteer names


def test_the_owner_of_a_named_team_a_two_word_role_and_a_kind_of_organisation():
    text = (
        "첫 발표는 사과증권 결제팀의 문가람 매니저가 맡았다. 이어 빛누리소프트 데이터 엔지니어 "
        "오다솜 님이 발표했고, 핀테크 기업 다람의 모바일 개발자 설재원 씨가 뒤를 이었다. "
        "별빛연구소의 홍지안 책임연구원이 마무리했다."
    )
    extraction = extract_text(text)
    assert "홍지안" in names_of(extraction, EntityType.PERSON)  # a title of two markers
    affiliations = affiliations_of(extraction)
    assert {
        ("문가람", "사과증권"),
        ("오다솜", "빛누리소프트"),
        ("설재원", "다람"),
    } <= affiliations


def test_a_bare_unit_is_named_by_the_words_before_it():
    text = "행사에는 웹서비스 부문 정민호 부문장과 인프라 부문 김서윤 팀장이 다녀왔다."
    organisations = names_of(extract_text(text), EntityType.ORGANIZATION)
    assert not {"웹서비스", "인프라"} & organisations


def test_a_latin_prefixed_company_a_branch_in_a_country_and_a_unit_with_a_genitive():
    text = (
        "이어 KT클라우드 플랫폼개발팀 문하람 팀장이 발표했다. 오라클 코리아의 김서하 상무와 "
        "어느 회사 인프라실의 박도윤 님도 연사로 나섰다."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert ("문하람", "KT클라우드") in affiliations
    assert {("김서하", "Oracle"), ("김서하", "오라클")} & affiliations
    assert "인프라실" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_programme_role_before_a_korean_name():
    text = "이번 화는 진행자 문서윤과 함께했고, 사회자 하지온이 질문을 골랐다. 연사 섭외가 늦었다."
    people = names_of(extract_text(text), EntityType.PERSON)
    assert {"문서윤", "하지온"} <= people
    assert "섭외" not in people


def test_a_name_with_an_age_in_brackets():
    text = "판교에서 일하는 나하람(34) 씨는 지난해 서비스를 옮겼다."
    assert "나하람" in names_of(extract_text(text), EntityType.PERSON)


def test_a_common_noun_owning_a_titled_name_where_the_text_writes_people_so():
    text = (
        "첫 발표는 별빛랩스의 김도현 님이 맡았다. 두 번째 발표에서는 바람의 이서윤 님이 "
        "관측 사례를 공유했다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("김도현", "별빛랩스") in affiliations
    assert ("이서윤", "바람") in affiliations


def test_a_common_noun_with_a_genitive_alone_names_no_organisation():
    text = "두 번째 발표에서는 바람의 이서윤 님이 관측 사례를 공유했다."
    assert "바람" not in names_of(extract_text(text), EntityType.ORGANIZATION)


def test_names_listed_with_an_organisation_are_organisations():
    text = "부스에서는 삼성SDS와 누리온, 다온소프트가 관리형 서비스를 선보였다."
    orgs = names_of(extract_text(text), EntityType.ORGANIZATION)
    assert {"누리온", "다온소프트"} <= orgs


def test_words_beside_an_organisation_that_are_no_list_item_stay_words():
    text = (
        "도커와 상호 작용하는 방식이 바뀐다. 직접 개발하거나, 구글 클라우드에 맡기는 방안이 있었다."
    )
    orgs = names_of(extract_text(text), EntityType.ORGANIZATION)
    assert not {"상호", "개발하거", "개발하거나"} & orgs


def test_a_known_word_is_no_part_of_a_foreign_name():
    text = "이번 행사에는 한국 커뮤니티 발표자가 세 명 참여했다. 부사장 아이샤 벨로가 인사했다."
    people = names_of(extract_text(text), EntityType.PERSON)
    assert "한국 커뮤니티" not in people
    assert "아이샤 벨로" in people


def test_a_community_named_after_a_place_or_a_known_name_keeps_those_words():
    text = (
        "행사는 한국 쿠버네티스 사용자 그룹이 주최했다. 클라우드 네이티브 부산 밋업이 "
        "지난달 열렸다."
    )
    orgs = names_of(extract_text(text), EntityType.ORGANIZATION)
    assert {"한국 쿠버네티스 사용자 그룹", "클라우드 네이티브 부산 밋업"} <= orgs
    assert "부산 밋업" not in orgs


def test_an_organisation_with_its_head_in_brackets():
    text = "AI 스타트업 누리온(대표 김하준)은 새 버전을 공개했다. 김하준 대표는 계획을 밝혔다."
    extraction = extract_text(text)
    assert "김하준" in names_of(extraction, EntityType.PERSON)
    assert ("김하준", "누리온") in affiliations_of(extraction)


def test_a_hangul_name_before_a_known_acronym_in_brackets_is_that_organisation():
    # NIPA stands in the landscape by its acronym only.
    text = (
        "정보통신산업진흥원(NIPA) 관계자는 점검을 마쳤다고 말했다. 과학기술정보통신부도 참여했다."
    )
    extraction = extract_text(text)
    orgs = [r for r in extraction.entities if r.type == EntityType.ORGANIZATION]
    nipa = [r for r in orgs if "NIPA" in {n.text for n in (*r.names, *r.variants)}]
    assert len(nipa) == 1
    assert "정보통신산업진흥원" in {n.text for n in nipa[0].names}
    assert "Ministry of Science and ICT" in names_of(extraction, EntityType.ORGANIZATION)


def test_commissions_affiliates_of_known_companies_and_hangul_latin_names():
    text = (
        "금융위원회도 규제 완화를 검토하고 있다. 카카오뱅크는 자체 플랫폼을 운영한다. "
        "우리FIS의 최민영 책임이 운영 경험을 발표했다. 조직위원회는 일정을 바꿨다."
    )
    extraction = extract_text(text)
    orgs = names_of(extraction, EntityType.ORGANIZATION)
    assert {"금융위원회", "카카오뱅크", "우리FIS"} <= orgs
    assert "조직위원회" not in orgs
    assert ("최민영", "우리FIS") in affiliations_of(extraction)


def test_an_organisation_after_a_korean_name_with_a_title_or_in_brackets():
    text = (
        "이어서 박지현(누리온) 님이 GitOps 사례를 소개했다. 패널 토론에는 윤태식 님(바름테크 SRE "
        "리드)과 서지민 님(라온웍스 CTO)이 참여했다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {("박지현", "누리온"), ("윤태식", "바름테크"), ("서지민", "라온웍스")} <= affiliations


def test_a_korean_organisation_with_its_english_name_in_brackets_is_one():
    text = "SIG Network와 보안 대응 위원회(Security Response Committee)는 은퇴를 발표했다."
    orgs = [r for r in extract_text(text).entities if r.type == EntityType.ORGANIZATION]
    committee = [r for r in orgs if "Security Response Committee" in {n.text for n in r.names}]
    assert len(committee) == 1
    assert "보안 대응 위원회" in {n.text for n in committee[0].names}
    assert not any(r.names[0].text == "보안 대응 위원회" for r in orgs)


def test_a_community_named_after_a_known_name_and_country_is_no_venue():
    text = (
        "클라우드 네이티브 코리아 커뮤니티에서 운영진으로 활동하고 있고, 작년에는 KCD 코리아에서 "
        "발표도 했습니다."
    )
    extraction = extract_text(text, {"date": "2024-10-08"})
    assert "클라우드 네이티브 코리아 커뮤니티" in names_of(extraction, EntityType.ORGANIZATION)
    events = names_of(extraction, EntityType.EVENT)
    assert "Kubernetes Community Days South Korea 2023" in events
    assert "Kubernetes Community Days South Korea 2024" not in events


def test_a_role_acronym_between_a_korean_name_and_title_is_no_organisation():
    text = "첫 발표는 김민수 SRE 엔지니어가 맡았다. 이어 박지수 KT 엔지니어가 발표했다."
    extraction = extract_text(text)
    assert "SRE" not in names_of(extraction, EntityType.ORGANIZATION)
    assert ("박지수", "KT") in affiliations_of(extraction)


def test_a_byline_naming_the_publication_then_the_reporter_and_a_desk_or_leads():
    extraction = extract_text("본문입니다.", {"author": "가람일보 편집부 노은채 기자"})
    assert "노은채" in names_of(extraction, EntityType.PERSON)
    assert ("노은채", "가람일보") in affiliations_of(extraction)
    assert "가람일보 편집부 노은채 기자" not in names_of(extraction, EntityType.ORGANIZATION)
    leads = extract_text("Body text.", {"author": "SIG Widgets Leads"})
    assert names_of(leads, EntityType.ORGANIZATION) == {"SIG Widgets"}
    maintainers = extract_text("Body text.", {"author": "Marrowind maintainers"})
    assert "Marrowind" in names_of(maintainers, EntityType.PROJECT)
    assert not names_of(maintainers, EntityType.ORGANIZATION)


def test_a_team_of_an_organisation_in_brackets_after_a_name():
    extraction = extract_text("게스트로 도하윤 님(해담랩스 데이터팀)을 모셨습니다.")
    assert ("도하윤", "해담랩스") in affiliations_of(extraction)


def test_known_names_in_the_title_are_the_document_s():
    extraction = extract_text(
        "이번 릴리스의 변경 사항을 정리했다.", {"title": "Kueue 0.12와 Prometheus 3.1 출시"}
    )
    assert {"Kueue", "Prometheus"} <= names_of(extraction, EntityType.PROJECT)


def test_a_sig_named_with_the_korean_word_for_its_kind():
    extraction = extract_text("SIG Storage 팀과 WG Batch 그룹에 감사드린다.")
    assert {"SIG Storage", "WG Batch"} <= names_of(extraction, EntityType.ORGANIZATION)


def test_a_korean_name_before_an_organisation_a_unit_and_a_title_or_a_compound_title():
    extraction = extract_text(
        "연사로 나선 도하윤 해담랩스 플랫폼팀 리드는 사례를 소개했다. 가온데이터 노은채 "
        "테크리드가 뒤를 이었다."
    )
    assert {"도하윤", "노은채"} <= names_of(extraction, EntityType.PERSON)
    assert ("도하윤", "해담랩스") in affiliations_of(extraction)


def test_korean_text_a_legal_form_before_a_particle_a_known_name_s_team_and_a_tool_defined():
    extraction = extract_text(
        "해외에서는 독일의 Brindle GmbH가 쓴다. Kubecost 팀과도 논의했다. "
        "렌즈박스(Lensbox)는 비용을 보여 주는 작은 오픈소스 도구다. 주말에 Go로 만들었다."
    )
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    assert "Brindle GmbH" in organisations
    assert "Kubecost 팀" not in organisations
    assert {"Lensbox", "Go"} <= names_of(extraction, EntityType.PROJECT)


def test_a_korean_byline_of_a_group_s_leads_a_company_before_a_title_and_a_mailing_list():
    extraction = extract_text(
        "이 작업은 구글과 알리바바 클라우드 엔지니어들이 주도했다. 질문은 etcd-dev 메일링 리스트로 "
        "보내 주길 바란다.",
        {"author": "SIG Widgets 리드"},
    )
    assert "SIG Widgets" in names_of(extraction, EntityType.ORGANIZATION)
    assert "알리바바 클라우드" not in names_of(extraction, EntityType.PERSON)
    assert "etcd-dev" not in names_of(extraction, EntityType.PROJECT)


def test_a_word_with_its_own_latin_spelling_or_a_lower_case_gloss_is_no_person_or_company():
    extraction = extract_text(
        "이번 릴리스 이름은 세렌디트(Serendit)이고, 롤링(rolling) 업데이트와 인플레이스(in-place) "
        "조정을 지원합니다."
    )
    assert not names_of(extraction, EntityType.PERSON)
    assert not names_of(extraction, EntityType.ORGANIZATION)


def test_a_translator_credited_in_a_group_byline_is_its_member():
    extraction = extract_text(
        "이 글은 영문 발표문을 옮긴 것입니다.",
        {"author": "쿠버네티스 문서 현지화 팀 (번역: 하서윤)", "title": "릴리스 소식"},
    )
    assert ("하서윤", "쿠버네티스 문서 현지화 팀") in affiliations_of(extraction)


def test_a_name_the_analyser_cuts_into_a_noun_and_a_particle_beside_an_honorific():
    extraction = extract_text(
        "첫 발표는 남유나 님이, 둘째 발표는 오민지 님이 맡았다. "
        "동일한 연사가 지역의 밋업에서도 발표했다."
    )
    people = names_of(extraction, EntityType.PERSON)
    assert {"남유나", "오민지"} <= people
    assert not {"동일한", "지역의"} & people


def test_an_organisation_in_brackets_after_an_honorific_may_be_common_nouns_run_together():
    extraction = extract_text("둘째 발표는 — 하도윤 님(무신사)이 맡습니다.")
    assert ("하도윤", "Musinsa") in affiliations_of(extraction)


def test_a_c_level_title_after_name_and_company_and_no_team_across_a_phrase():
    extraction = extract_text(
        "오태민 다온시스템즈 최고기술책임자(CTO)는 말했다. 6월 도쿄에서 열리는 KubeCon Japan "
        "2025에서 일본어 팀과 번역 스프린트를 한다."
    )
    assert ("오태민", "다온시스템즈") in affiliations_of(extraction)
    assert not any("2025" in n for n in names_of(extraction, EntityType.ORGANIZATION))


def test_a_korean_name_with_its_romanisation_in_brackets_before_a_title():
    extraction = extract_text("다온시스템즈 하서준(Seojun Ha) 매니저는 서밋에 참석했다.")
    people = {r.names[0].text: r for r in extraction.entities if r.type == EntityType.PERSON}
    assert "하서준" in people
    assert any(n.text == "Seojun Ha" for n in people["하서준"].variants)
    assert ("하서준", "다온시스템즈") in affiliations_of(extraction)


def test_a_name_an_organisation_a_word_of_the_title_and_the_title():
    text = (
        '최민석 누리페이 기술총괄 이사(CTO)는 "발표를 준비했다"고 밝혔다. 발표는 누리페이 '
        "결제플랫폼팀 정우진 팀장이 맡았다. 최유나 토스뱅크 플랫폼엔지니어링 매니저는 말했다."
    )
    extraction = extract_text(text)
    pairs = affiliations_of(extraction)
    assert {("최민석", "누리페이"), ("정우진", "누리페이"), ("최유나", "Toss Bank")} <= pairs
    # a four-syllable word with a surname's first syllable is a company, not a person
    assert "누리페이" not in names_of(extraction, EntityType.PERSON)
    contact = extract_text("문의: 오로라클라우드 홍보팀 변지수 매니저 | press@example.com")
    assert "홍보팀" not in names_of(contact, EntityType.PERSON)


def test_a_news_story_opens_with_its_publication_and_reporter():
    text = "[가온데일리 박서윤 기자] 누리페이가 행사에서 발표했다.\n\n내용이 이어진다."
    assert ("박서윤", "가온데일리") in affiliations_of(extract_text(text))
    wire = "(서울=나래뉴스) 한지후 기자 = 누리페이가 행사에서 발표했다."
    assert ("한지후", "나래뉴스") in affiliations_of(extract_text(wire))


def test_a_company_glossed_in_latin_owning_a_person_glossed_in_latin():
    text = (
        "질의응답에는 미국 보험 스타트업 코버리(Coverly)의 다니엘 오르테가(Daniel Ortega) 스태프 "
        "엔지니어가 토론자로 참여했다."
    )
    extraction = extract_text(text)
    assert ("Daniel Ortega", "코버리") in affiliations_of(extraction)
    assert "Coverly" in {
        n.text for e in extraction.entities if e.type == EntityType.ORGANIZATION for n in e.variants
    }


def test_credits_of_a_show_on_one_line_with_titles_in_brackets():
    text = (
        "**진행:** 권하윤 (프리랜서 DevOps 컨설턴트), 남궁민아 (루프탑랩스 백엔드 개발자)\n"
        "**게스트:** 황보석진 (페이브릭 네트워크 엔지니어)\n\n"
        "이번 에피소드에는 황보석진 님을 모셨습니다."
    )
    extraction = extract_text(text)
    pairs = affiliations_of(extraction)
    assert {("남궁민아", "루프탑랩스"), ("황보석진", "페이브릭")} <= pairs
    assert not any(person == "권하윤" for person, _ in pairs)  # a freelancer
    # the organisation and title in brackets after a name make no foreign person's name
    people = names_of(extraction, EntityType.PERSON)
    assert {"권하윤", "남궁민아", "황보석진"} <= people
    assert not any(p.startswith(("페이브릭", "루프탑랩스")) for p in people)


def test_a_writer_credited_in_the_text_and_the_writer_s_colleagues():
    text = (
        "글: 이준서 / 그린마켓 플랫폼팀 리드\n\n"
        "저장소 규칙은 같은 팀 박지민 님이 자동화했습니다. 외부 발표자 한소윤 님도 왔습니다."
    )
    pairs = affiliations_of(extract_text(text))
    assert {("이준서", "그린마켓"), ("박지민", "그린마켓")} <= pairs
    assert not any(person == "한소윤" for person, _ in pairs)
    dated = (
        "글: 오세진 / 페이루트(PayRoute) 플랫폼엔지니어링팀 팀장\n2024년 12월 27일\n\n본문입니다."
    )
    assert ("오세진", "페이루트") in affiliations_of(extract_text(dated))


def test_a_company_name_written_apart_from_its_ending_and_a_latin_name_after_its_kind():
    text = (
        "반가웠던 넥스트웨이브 랩스 오수빈 님 세션을 들었다. 발표는 우리 랩스 김하준 님이 도왔다. "
        "오전엔 네덜란드 물류회사 Vandermeer Logistics의 펨커 더프리스(Femke de Vries)가 발표했다."
    )
    extraction = extract_text(text)
    pairs = affiliations_of(extraction)
    assert ("오수빈", "넥스트웨이브 랩스") in pairs
    assert ("Femke de Vries", "Vandermeer Logistics") in pairs
    assert "랩스" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_name_before_the_head_of_a_unit_written_as_one_word():
    text = (
        '한빛저축은행의 강민재 클라우드플랫폼팀장은 "비용이 줄었다"고 설명했다. '
        "서울 클라우드플랫폼팀장 회의."
    )
    extraction = extract_text(text)
    assert "강민재" in names_of(extraction, EntityType.PERSON)
    assert "서울" not in names_of(extraction, EntityType.PERSON)
    assert ("강민재", "한빛저축은행") in affiliations_of(extraction)


def test_a_unit_before_soseok_belongs_to_the_organisation_named_before_it():
    text = "SK텔레콤 클라우드 인프라팀 소속 여지안 님과 레드햇 한국지사 소속 진세아 님이 왔다."
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {("여지안", "SK Telecom"), ("진세아", "Red Hat")} <= affiliations
    assert not {"인프라팀", "한국지사"} & names_of(extraction, EntityType.ORGANIZATION)


def test_the_writer_s_team_names_their_company_and_their_teammates_share_it():
    text = (
        "저는 다온소프트 SRE팀에서 클러스터 운영을 맡고 있고, "
        "이번에는 팀 동료 오재훈 님(@jaehoon_oh)과 출장을 갔다. 저는 회사에서 일한다."
    )
    extraction = extract_text(text, {"author": "한예린"})
    affiliations = affiliations_of(extraction)
    assert {("한예린", "다온소프트"), ("오재훈", "다온소프트")} <= affiliations
    assert "회사" not in names_of(extraction, EntityType.ORGANIZATION)
    people = [e for e in extraction.entities if e.type == EntityType.PERSON]
    assert len(people) == 2  # the handle is 오재훈's


def test_a_company_before_a_name_with_two_words_of_the_title_and_a_legal_form_first():
    text = (
        "- 오상훈 네이버클라우드 쿠버네티스 플랫폼 리드 — 관리형 쿠버네티스에서 Harbor 운영기.\n"
        "- (주)바람클라우드 최지원 대표 — 스타트업의 스토리지 고르기.\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {("오상훈", "Naver Cloud"), ("최지원", "바람클라우드")} <= affiliations
    assert "바람클라우드" in names_of(extraction, EntityType.ORGANIZATION)


def test_a_name_after_an_organisation_s_possessive_and_before_a_title_of_several_words():
    text = (
        'AWS코리아의 신유나 파트너 솔루션즈 아키텍트는 "좋다"라고 전했다. '
        "회사의 여러 개발 리드는 많다."
    )
    extraction = extract_text(text)
    assert ("신유나", "AWS코리아") in affiliations_of(extraction)
    assert names_of(extraction, EntityType.PERSON) == {"신유나"}


def test_an_organisation_after_the_word_for_its_kind():
    text = (
        "그는 리스본의 결제 스타트업 바스쿠페이(Vascupay)에서 일했고, 그 전에는 폴란드 "
        "이커머스 기업 알레그로나에서 검색 팀을 이끌었다. 스타트업 생태계와 기업 고객 "
        "이야기도 나왔다."
    )
    organisations = names_of(extract_text(text), EntityType.ORGANIZATION)
    assert {"바스쿠페이", "알레그로나"} <= organisations
    assert not organisations & {"생태계", "고객", "스타트업 생태계"}


def test_the_owner_of_roles_joined_by_the_copula_and_a_relation_with_the_copula():
    text = (
        "새봄데이터(Saebom Data)의 공동창업자이자 CTO인 안드레아 로시(Andrea Rossi)는 "
        "웃었다. 다은 님의 멘토인 한지석 리드는 첫 주부터 리뷰를 맡았다."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert ("Andrea Rossi", "새봄데이터") in affiliations or (
        "Andrea Rossi",
        "Saebom Data",
    ) in affiliations
    assert "멘토인" not in names_of(extraction, EntityType.ORGANIZATION)
    assert not any(p == "한지석" for p, _ in affiliations)


def test_a_latin_gloss_with_a_space_before_the_genitive_of_a_korean_name():
    text = "라인웍스클라우드(Lineworks Cloud)의 정하윤 님은 도입 1년 차 후기를 공유했습니다."
    affiliations = affiliations_of(extract_text(text))
    assert any(
        p == "정하윤" and ("라인웍스클라우드" in o or "Lineworks" in o) for p, o in affiliations
    )


def test_a_team_named_alone_in_a_company_post_is_the_company_s():
    post = (
        "*글: 윤서아 · 바닐라마켓 플랫폼팀*\n\n"
        "안녕하세요, 바닐라마켓 플랫폼팀 윤서아입니다. 지난주 장애의 원인과 대응을 "
        "공유합니다.\n\n"
        "- **오태민** (SRE팀) — 인시던트 커맨더\n"
        "- 결제개발팀 소속 남궁다인 님 — 고객 영향 범위 산정\n"
    )
    affiliations = affiliations_of(extract_text(post))
    assert ("오태민", "바닐라마켓") in affiliations
    assert ("남궁다인", "바닐라마켓") in affiliations
    # in a report, the teams are those of the company it reports on, not the reporter's
    report = (
        "박하늘 기자 (테크위클리)\n\n바닐라마켓이 결제 시스템을 옮겼다. 결제개발팀 소속 "
        '남궁다인 팀장은 "반년이 걸렸다"고 말했다. 회사는 내년에 코드를 공개한다.'
    )
    assert not any(
        o == "테크위클리" and p == "남궁다인" for p, o in affiliations_of(extract_text(report))
    )


def test_a_titled_name_the_analyser_reads_as_words_and_ordinary_words_before_a_title():
    text = (
        "독립 컨설턴트로 활동하는 류하람 님이 참여했고, 1월에는 신입 최아윤 님이 합류했습니다. "
        "리뷰를 해 주신 분은 당시 팀을 이끌던 임도혁 님이었어요. 같은 주제로 발표를 했다. "
        "신청은 3월까지 받고, 내용을 정리해 공유합니다."
    )
    people = names_of(extract_text(text), EntityType.PERSON)
    assert {"류하람", "최아윤", "임도혁"} <= people
    assert not people & {"주제로", "신청은", "정리해"}


def test_a_heading_that_is_a_name_heads_that_person_s_post():
    text = (
        "이직 소식 모음\n\n한도윤\n\n오늘은 소식을 전합니다. 5년 동안 몸담았던 라온페이를 떠나, "
        "이번 달부터 라인플러스 클라우드플랫폼실에서 일하게 되었습니다.\n\n마무리\n\n축하합니다."
    )
    extraction = extract_text(text)
    assert "한도윤" in names_of(extraction, EntityType.PERSON)
    assert "마무리" not in names_of(extraction, EntityType.PERSON)
    assert {("한도윤", "라온페이"), ("한도윤", "LINE Plus")} <= affiliations_of(extraction)


def test_a_korean_given_name_with_an_honorific_is_the_person_named_in_full():
    text = (
        "같은 팀 강태윤 님이 재현 스크립트를 만들어 주셨어요. 태윤님은 예전에 라인플러스에서 "
        "Prometheus 운영을 오래 하셔서 감이 좋습니다."
    )
    assert ("강태윤", "LINE Plus") in affiliations_of(extract_text(text))


def test_a_university_s_short_name_a_branch_in_a_country_and_a_charge_held_there():
    text = (
        "지도해 주신 부산대 한도윤 교수님께 감사드립니다. 이어 무대에 오른 레드햇 코리아 윤가람 "
        "상무는 흐름을 짚었다. 키노트는 네이버에서 검색 인프라를 총괄하는 장서진 디렉터가 맡았다."
    )
    extraction = extract_text(text)
    assert "부산대" not in names_of(extraction, EntityType.PERSON)
    assert {
        ("한도윤", "부산대"),
        ("윤가람", "Red Hat"),
        ("장서진", "Naver"),
    } <= affiliations_of(extraction)


def test_a_company_found_once_by_its_kind_is_that_company_wherever_it_is_written():
    text = (
        "쿠버네티스 플랫폼 스타트업 클라우드하임(CloudHeim, 대표 김태윤)은 인터넷전문은행 "
        "누리뱅크(대표 서정아)와 협약을 맺었다고 밝혔다. 핀테크 기업 모아뱅크도 참여했다. "
        "협약식에는 클라우드하임 이준혁 CTO, 누리뱅크 최성민 전무 등이 참석했다. "
        '서정아 누리뱅크 대표는 "배포 주기를 줄이겠다"고 말했다. 기업 고객은 늘었다.'
    )
    extraction = extract_text(text)
    assert {
        ("김태윤", "클라우드하임"),
        ("서정아", "누리뱅크"),
        ("이준혁", "클라우드하임"),
        ("최성민", "누리뱅크"),
    } <= affiliations_of(extraction)
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    assert "모아뱅크" in organisations
    assert not {"인터넷전문은행", "고객"} & organisations


def test_names_in_bold_a_handle_before_a_particle_and_where_the_writer_studies():
    text = (
        "나는 한빛대 컴퓨터공학부 3학년이다. 석 달간의 여정을 정리해 둔다.\n\n"
        "리드 멘토 **서민재** 님은 삼성SDS에서 쿠버네티스 플랫폼을 운영하시고, 리뷰도 맡았다. "
        "또 한 분인 **황보준** 멘토님은 카카오에서 7년을 일하다 올해 봄 토스로 옮기셨다고.\n\n"
        "같은 조였던 **이지호**(숭실대)는 스크립트를 짰다. 네이버에서 백엔드 개발을 하는 "
        "**조은채** 님은 리뷰를 남겼다. 닉네임 @minsu-docs로 활동한 민수 님은 오타를 잡았다."
    )
    extraction = extract_text(text, {"author": "김하린 (@harin-kim)"})
    assert {
        ("김하린", "한빛대"),
        ("서민재", "Samsung SDS"),
        ("황보준", "Kakao"),
        ("황보준", "Toss"),
        ("이지호", "숭실대"),
        ("조은채", "Naver"),
    } <= affiliations_of(extraction)
    people = names_of(extraction, EntityType.PERSON)
    assert "@minsu-docs" in people
    assert "@minsu-docs로" not in people


def test_a_round_table_s_bold_speakers_their_team_mates_and_a_past_company_in_brackets():
    text = (
        "**참석자**(가나다순)\n"
        "- 문태희 데브오름 CTO(前 카카오)\n"
        "- 배성우 쿠팡 플랫폼엔지니어링 리드\n\n"
        "진행·정리=신예린 기자\n\n"
        "**배성우** 쿠팡에서는 배포까지 가는 '포장도로'다. 우리 팀 김나래 매니저가 늘 하는 말이 "
        "있다.\n\n"
        "**문태희** 저희처럼 작은 스타트업에게 플랫폼은 '사람을 뽑지 않아도 되는 이유'다.\n"
    )
    affiliations = affiliations_of(extract_text(text, {"author": "신예린 (클라우드인사이트)"}))
    assert {
        ("문태희", "Kakao"),
        ("문태희", "데브오름"),
        ("배성우", "Coupang"),
        ("김나래", "Coupang"),
    } <= affiliations
    assert ("김나래", "클라우드인사이트") not in affiliations


def test_a_korean_given_name_alone_before_an_honorific_is_that_person():
    text = (
        "신하람 님이 메인테이너로 승격되었습니다.\n\n"
        "하람 님(前 카카오, 現 라인플러스)은 회사에서 클러스터를 운영해 왔습니다.\n\n"
        "김도윤 님과 박도윤 님도 축하했습니다. 도윤 님(前 네이버)이 케이크를 샀습니다.\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {("신하람", "Kakao"), ("신하람", "LINE Plus")} <= affiliations
    # two people share the given name: it is neither's
    assert not any(p in {"김도윤", "박도윤"} and o == "Naver" for p, o in affiliations)
