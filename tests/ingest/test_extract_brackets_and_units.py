"""Organisations in brackets that also hold roles, past employers marked before their names,
units of a known company, parts played in a programme, functions headed inside a company, and
names whose first word is a family name."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType


def test_brackets_with_a_group_s_role_and_a_past_employer_give_both():
    text = (
        "# 영상 소개\n\n"
        "- 진행: 서지호 (클라우드 수다방 운영자, 前 LINE Plus 인프라 엔지니어)\n"
        "- 게스트: 배수빈 — 프리랜서 FinOps 컨설턴트, 전 하이퍼커넥트 DevOps 엔지니어\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert ("서지호", "LINE Plus") in affiliations
    assert ("배수빈", "Hyperconnect") in affiliations
    orgs = names_of(extraction, EntityType.ORGANIZATION)
    assert not any(o.startswith(("前", "전 ", "프리랜서")) or "," in o for o in orgs)


def test_brackets_with_a_role_and_one_organisation_or_a_legal_form_keep_one():
    text = (
        "Jane Doe (Skiff maintainer, Aiven) and Bob Roe (Quellmark, Inc.) spoke, "
        "and Kim Park (staff engineer, ex-Google) asked the first question."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Jane Doe", "Aiven") in affiliations
    assert ("Bob Roe", "Quellmark, Inc.") in affiliations
    assert ("Kim Park", "Google") in affiliations
    assert not any(person == "Jane Doe" and "Skiff" in org for person, org in affiliations)


def test_a_handle_in_brackets_beside_a_freelancer_s_words_is_the_writer_s():
    text = "# 회고\n\n글: 윤소라 (프리랜서 개발자, @sora_yoon)\n\n올해 배운 것을 정리합니다.\n"
    extraction = extract_text(text)
    assert not names_of(extraction, EntityType.ORGANIZATION)
    assert names_of(extraction, EntityType.PERSON) == {"윤소라"}


def test_a_unit_of_a_known_company_whose_name_opens_with_a_word_of_its_own():
    text = "# 영상\n\n- 게스트: 응우옌 반 안(Nguyen Van An) — 쿠팡 클라우드 플랫폼팀 엔지니어\n"
    extraction = extract_text(text)
    assert ("Nguyen Van An", "Coupang") in affiliations_of(extraction)
    assert "쿠팡 클라우드" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_part_played_in_a_programme_is_no_organisation():
    text = (
        "| Day | Session | Speakers |\n|---|---|---|\n"
        "| 17 June | Panel: Platform Teams | Haruka Ito (moderator), Daisuke Fujimoto (Quellmark) |"
    )
    extraction = extract_text(text)
    assert "moderator" not in names_of(extraction, EntityType.ORGANIZATION)
    assert ("Daisuke Fujimoto", "Quellmark") in affiliations_of(extraction)


def test_a_function_an_executive_heads_is_no_organisation_and_the_employer_after_it_is():
    text = (
        "Haruka Ito, VP of Product, opened the booth. Maria Lee, VP of Engineering at "
        "Brimstack, spoke first, and Tom Hart, head of platform at Kestrelbyte, closed."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert "Product" not in names_of(extraction, EntityType.ORGANIZATION)
    assert ("Maria Lee", "Brimstack") in affiliations
    assert ("Tom Hart", "Kestrelbyte") in affiliations
    assert not any(org in {"Product", "Engineering"} for _, org in affiliations)


def test_a_heading_s_last_word_is_not_the_given_name_of_the_person_below_it():
    text = (
        "She was careful not to oversell it.\n\n## From Lagos to London\n\n"
        "Chidi Nwosu, who leads the platform team at Paystrand, drew a crowd."
    )
    extraction = extract_text(text)
    assert "Chidi Nwosu" in names_of(extraction, EntityType.PERSON)
    assert not any("London" in n for n in names_of(extraction, EntityType.PERSON))


def test_a_possessive_after_a_plural_name_and_a_role_headed_by_its_first_word():
    text = (
        "Stonecrop Labs' VP of engineering, Priya Raghunathan, used her keynote slot well. "
        "Her talk followed a panel."
    )
    assert ("Priya Raghunathan", "Stonecrop Labs") in affiliations_of(extract_text(text))


def test_a_role_owned_by_a_project_then_a_role_held_at_a_company():
    text = (
        "Dorota Malinowska is Ferrybox's community manager and a developer advocate at Sabi "
        "Systems. Dorota Malinowska is Quillmark's biggest fan."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Dorota Malinowska", "Sabi Systems") in affiliations
    assert not any(org in {"Ferrybox", "Quillmark"} for _, org in affiliations)


def test_a_month_between_a_person_and_a_move_is_not_what_moved():
    text = (
        "Arjun Menon joined in March after four years at Red Hat. "
        "Ivo Petrov said Quillfeather has left Kestrelbyte."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Arjun Menon", "Red Hat") in affiliations
    assert ("Ivo Petrov", "Kestrelbyte") not in affiliations


def test_a_place_after_a_community_s_kind_is_part_of_its_name():
    text = (
        "Arjun Menon co-organises Kubernetes Meetup Tokyo, ask him about the next one. "
        "The Platform Meetup Friday was cancelled."
    )
    extraction = extract_text(text)
    assert ("Arjun Menon", "Kubernetes Meetup Tokyo") in affiliations_of(extraction)
    assert "Platform Meetup Friday" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_korean_company_before_a_latin_title_on_a_credit_line_is_the_employer():
    text = (
        "# 영상\n\n- 게스트: 다나카 리나(Rina Tanaka) — 메르카리 SRE\n"
        "- 게스트: 김민수 — 시니어 DevOps 엔지니어\n"
    )
    extraction = extract_text(text)
    # (the Hangul name, surname first, and its Latin spelling are one person)
    assert ("Rina Tanaka", "Mercari") in affiliations_of(extraction)
    assert not any("시니어" in org for org in names_of(extraction, EntityType.ORGANIZATION))
    assert not any(person == "김민수" for person, _ in affiliations_of(extraction))


def test_a_korean_name_before_long_brackets_with_a_society_s_role():
    text = (
        "# 운영위원\n\n"
        "- 위원장: 백승민 (한국플랫폼엔지니어링연구회 회장, 삼성SDS 클라우드플랫폼그룹)\n"
    )
    extraction = extract_text(text)
    assert "백승민" in names_of(extraction, EntityType.PERSON)
    assert ("백승민", "한국플랫폼엔지니어링연구회") in affiliations_of(extraction)


def test_a_press_release_s_company_with_its_head_in_brackets_after_its_latin_name():
    text = (
        "# 보도자료\n\n"
        "보안 전문기업 세이프레인(SafeLane, 대표 권나래)은 최고기술책임자(CTO)로 오승현 전 "
        "네이버클라우드 총괄을 영입했다고 2일 밝혔다.\n\n"
        "오승현 CTO는 미국 구글 본사에서 9년간 근무하며 GKE 개발을 이끌었다.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("권나래", "세이프레인") in affiliations
    assert ("오승현", "세이프레인") in affiliations
    assert ("오승현", "Google") in affiliations


def test_the_surname_of_a_foreign_name_in_hangul_with_a_title_after_it():
    text = (
        "# 보도자료\n\n"
        "에르잔 일드즈(Ercan Yıldız)를 유럽 사업 총괄로 선임했다. 일드즈 총괄은 이스탄불의 "
        "이커머스 기업 Trendyol에서 보안 플랫폼팀을 이끌었다.\n"
    )
    assert ("Ercan Yıldız", "Trendyol") in affiliations_of(extract_text(text))


def test_an_acronym_before_a_korean_title_is_the_organisation_not_a_word_of_the_title():
    text = (
        "# 선정 결과\n\n| 이름 | 소속 |\n|---|---|\n| 한승우 | CNKC 대표 |\n\n"
        "- 게스트: 김민수 — 시니어 DevOps 엔지니어\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("한승우", "CNKC") in affiliations
    assert not any(person == "김민수" for person, _ in affiliations)


def test_a_latin_name_with_a_korean_honorific_is_a_person():
    text = (
        "# 인터뷰\n\n이수진: 쿠팡 시절 같이 온콜을 돌던 Ananya Rao 님과는 아직도 연락해요. "
        "Grafana Labs 님들 감사합니다.\n"
    )
    extraction = extract_text(text)
    assert "Ananya Rao" in names_of(extraction, EntityType.PERSON)
    assert "Grafana Labs" not in names_of(extraction, EntityType.PERSON)
    assert ("Ananya Rao", "Coupang") in affiliations_of(extraction)


def test_a_function_in_a_byline_s_brackets_is_a_unit_of_the_organisation():
    header = {"author": "Noor Hamdan and Felix Arndt (Platform Engineering, Larkspur Health)"}
    extraction = extract_text("We moved every cluster to Cilium last year.", header)
    affiliations = affiliations_of(extraction)
    assert {("Noor Hamdan", "Larkspur Health"), ("Felix Arndt", "Larkspur Health")} <= affiliations
    orgs = names_of(extraction, EntityType.ORGANIZATION)
    assert not any("Platform Engineering" in o for o in orgs)


def test_groups_listed_in_a_byline_s_brackets_are_each_an_organisation():
    header = {"author": "Corinne Abadi (Mentoring WG, CNCF TAG Contributor Strategy)"}
    text = "On behalf of the working group in TAG Contributor Strategy I'm delighted to write."
    extraction = extract_text(text, header)
    assert {
        ("Corinne Abadi", "Mentoring WG"),
        ("Corinne Abadi", "CNCF TAG Contributor Strategy"),
    } <= affiliations_of(extraction)
    assert "TAG Contributor Strategy I" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_topic_word_in_brackets_and_sentences_after_a_credit_line():
    text = (
        "이번 호도 즐겁게 읽어 주세요.\n\n"
        "편집: 마은지(클라우드 수다방 운영진), 도건우(본업은 NHN클라우드 SRE). "
        "이 소식지는 개인이 만드는 비영리 소식지입니다.\n"
    )
    extraction = extract_text(text)
    assert {("마은지", "클라우드 수다방"), ("도건우", "NHN Cloud")} <= affiliations_of(extraction)
    assert not any(o.startswith("본업") for o in names_of(extraction, EntityType.ORGANIZATION))


def test_a_title_in_a_part_of_a_programme_names_no_organisation():
    text = "트랙 일정은 메일로 안내합니다.\n\n글: 이수빈 (클라우드 네이티브 트랙 코디네이터)\n"
    extraction = extract_text(text, {"author": "이수빈 (클라우드 네이티브 트랙 코디네이터)"})
    assert not any(p == "이수빈" for p, _ in affiliations_of(extraction))
    assert not any("트랙" in o for o in names_of(extraction, EntityType.ORGANIZATION))
    named = extract_text("일정은 메일로 안내합니다.", {"author": "한도윤 (다온소프트 코디네이터)"})
    assert ("한도윤", "다온소프트") in affiliations_of(named)
