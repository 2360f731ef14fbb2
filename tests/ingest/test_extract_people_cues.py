"""People and affiliations known by the words around a name, on sentences written for these
tests: each rule fires on its cue and stays quiet on a near miss."""

from __future__ import annotations

from test_extract_general import _affiliations, _extract, _names

from forumgraph.models import EntityType


def _people(text: str, **header: str) -> set[str]:
    return _names(_extract(text, **header), EntityType.PERSON)


def test_a_role_before_or_after_a_name_makes_a_person():
    people = _people(
        "The keynote was given by analyst Marta Kowalczyk. Later, Idris Haddad, principal "
        "engineer at a bank, showed his dashboards."
    )
    assert {"Marta Kowalczyk", "Idris Haddad"} <= people


def test_a_role_word_before_ordinary_capitalised_words_makes_no_person():
    people = _people("Our lead Release Team shipped it, and the engineer Cloud Native wept.")
    assert not people & {"Release Team", "Cloud Native"}


def test_a_name_with_organisation_and_title_in_parentheses_is_an_affiliated_person():
    extraction = _extract("The session of Maria Okafor (Quillon Media, Staff Engineer) ran long.")
    assert "Maria Okafor" in _names(extraction, EntityType.PERSON)
    assert ("Maria Okafor", "Quillon Media") in _affiliations(extraction)
    assert "Quillon Media" not in _names(extraction, EntityType.PERSON)


def test_a_company_name_is_not_a_person_before_a_korean_particle():
    people = _people("Brightwave Media의 플랫폼 팀이 이 도구를 만들었다.")
    assert "Brightwave Media" not in people


def test_korean_role_with_the_counter_for_people_marks_a_lone_surname():
    people = _people("이 도구의 개발자 중 한 명인 Abernathy는 처음부터 설계를 맡았다.")
    assert "Abernathy" in people
    assert "Abernathy" not in _people("이 도구의 개발자인 Abernathy는 설계를 맡았다.")


def test_names_listed_beside_a_known_person_or_a_label_are_people():
    people = _people(
        "Speakers: Rosa Lindqvist, Kofi Mensah and Hana Takeda. "
        "Maria Okafor rewrote the tests, and Maria Okafor, Pavel Dusek and Lin Feng reviewed."
    )
    assert {"Rosa Lindqvist", "Kofi Mensah", "Hana Takeda", "Pavel Dusek", "Lin Feng"} <= people


def test_a_list_of_products_or_places_makes_no_people():
    people = _people("We tested Google Cloud, Red Hat OpenShift and Amazon Web Services in Europe.")
    assert not people


def test_a_korean_credit_line_names_its_people():
    people = _people("행사 후기를 정리했습니다.\n\n참석자: 김민수, 이영희, 박지훈 일동")
    assert {"김민수", "이영희", "박지훈"} <= people
    teams = _people("행사 후기를 정리했습니다.\n\n참석자: 개발팀, 운영팀 일동")
    assert not teams & {"개발팀", "운영팀"}


def test_an_author_with_a_handle_takes_the_organisation_after_it():
    extraction = _extract("본문.", author="김민수 (minsu), 누리소프트 클라우드 부문")
    assert ("김민수", "누리소프트") in _affiliations(extraction)


def test_one_organisation_after_several_authors_is_theirs():
    extraction = _extract("Body text.", author="Ana Wright, Bo Tran (Zentrix Labs)")
    assert {("Ana Wright", "Zentrix Labs"), ("Bo Tran", "Zentrix Labs")} <= _affiliations(
        extraction
    )
    own = _extract("Body text.", author="Ana Wright (Cloudwire), Bo Tran (Zentrix Labs)")
    assert ("Ana Wright", "Zentrix Labs") not in _affiliations(own)


def test_a_word_that_says_there_is_no_employer_is_no_organisation():
    extraction = _extract(
        "Speakers: Ida Moreau (Freelance), Tomas Berg (Vantaro). "
        "The demo by Lena Fischer (Independent) came last.",
        author="Ana Wright (Self-employed), Bo Tran (Zentrix Labs)",
    )
    organisations = _names(extraction, EntityType.ORGANIZATION)
    assert not organisations & {"Freelance", "Independent", "Self-employed"}
    assert {("Bo Tran", "Zentrix Labs"), ("Tomas Berg", "Vantaro")} <= _affiliations(extraction)
    assert ("Ana Wright", "Zentrix Labs") not in _affiliations(extraction)
    assert ("Ida Moreau", "Vantaro") not in _affiliations(extraction)
    korean = _extract("본문.", author="김민수 (무소속), 이영희 (누리소프트)")
    assert "무소속" not in _names(korean, EntityType.ORGANIZATION)
    assert ("김민수", "누리소프트") not in _affiliations(korean)


def test_people_named_after_the_authors_department_belong_to_its_organisation():
    extraction = _extract(
        "클라우드 부문 김민수 부문장, 이영희 팀장이 행사에 다녀왔습니다.",
        author="박지훈 (jihoon), 누리소프트 클라우드 부문",
    )
    links = _affiliations(extraction)
    assert {("김민수", "누리소프트"), ("이영희", "누리소프트")} <= links


def test_korean_membership_across_a_sentence():
    extraction = _extract(
        "Ivo Petrov는 SIG Widget 및 Widget 릴리스 팀에 활발히 참여했다. "
        "Tom Ueda는 Brightwave에서 운영 업무를 맡고 있다."
    )
    links = _affiliations(extraction)
    assert {("Ivo Petrov", "SIG Widget"), ("Tom Ueda", "Brightwave")} <= links
    near = _affiliations(_extract("Tom Ueda는 Brightwave에서 발표를 들었다."))
    assert ("Tom Ueda", "Brightwave") not in near


def test_a_team_role_before_a_name_is_membership_of_that_team():
    extraction = _extract(
        "The Widget Release Team shipped 2.0. Thanks to the release lead Nadia Sorensen, and to "
        "the docs lead Omar Farouk."
    )
    links = _affiliations(extraction)
    assert ("Nadia Sorensen", "Widget Release Team") in links
    assert not any(person == "Omar Farouk" for person, _ in links)


def test_an_organisation_before_a_list_of_people_is_theirs():
    extraction = _extract("Zentrix Labs 소속 김민수 팀장, 이영희 님이 발표했다.")
    assert {("김민수", "Zentrix Labs"), ("이영희", "Zentrix Labs")} <= _affiliations(extraction)
    apart = _extract("Zentrix Labs 소속 김민수 팀장은 떠났고 이영희 님이 발표했다.")
    assert ("이영희", "Zentrix Labs") not in _affiliations(apart)


def test_a_company_named_before_a_korean_role_is_the_persons():
    extraction = _extract("quidbank(은행) 회사의 백엔드 엔지니어인 Suri Adeyemi 의 글을 소개했다.")
    assert ("Suri Adeyemi", "quidbank") in _affiliations(extraction)


def test_a_four_part_name_in_the_author_line_is_a_person_and_an_office_is_not():
    extraction = _extract(
        "Body text.",
        author="Widget 3.0 Release Team (Editors: Lucía Ortega Vidal Serrano, Bo Tran); "
        "Open Source Program Office",
    )
    people = _names(extraction, EntityType.PERSON)
    assert "Lucía Ortega Vidal Serrano" in people
    assert "Open Source Program Office" not in people
    assert ("Lucía Ortega Vidal Serrano", "Widget 3.0 Release Team") in _affiliations(extraction)


def test_a_company_running_something_in_production_is_no_credit():
    text = (
        "Valet is used in production by Nordhavn Logistik, Brisko Cars and the Ministry of "
        "Ports.\n\nProduced by Ilse Varga."
    )
    people = _people(text)
    assert "Nordhavn Logistik" not in people
    assert "Ilse Varga" in people


def test_a_group_in_the_byline_is_the_longer_group_the_text_names():
    extraction = _extract(
        "A statement from the Fjordlang Steering Committee on the retirement of Valet.",
        author="Ilse Varga (Steering Committee)",
    )
    committees = [
        r.names[0].text
        for r in extraction.entities
        if r.type == EntityType.ORGANIZATION and r.names[0].text.endswith("Committee")
    ]
    assert committees == ["Fjordlang Steering Committee"]
    assert ("Ilse Varga", "Fjordlang Steering Committee") in _affiliations(extraction)


def test_a_handle_on_a_contact_line_is_the_sole_author_s():
    extraction = _extract(
        "## 발표자 소개\n\n- 발표자 본인, 인프라팀 엔지니어\n- GitHub / 트위터: @mira_ops\n\n"
        "## 끝\n\n질문은 @mira_ops 로 보내 주세요.",
        author="정미라 (별빛랩스)",
    )
    people = [r for r in extraction.entities if r.type == EntityType.PERSON]
    assert [r.names[0].text for r in people] == ["정미라"]
    assert "@mira_ops" in {n.text for n in people[0].variants}


def test_a_byline_with_a_role_and_an_organisation_in_brackets():
    extraction = _extract(
        "Valet 2.0 is out, with faster teardown.", author="Ilse Varga (Valet maintainer, Brisko)"
    )
    assert ("Ilse Varga", "Brisko") in _affiliations(extraction)
    organisations = {
        r.names[0].text for r in extraction.entities if r.type == EntityType.ORGANIZATION
    }
    assert not any("maintainer" in name for name in organisations)


def test_bylines_with_a_label_a_separator_or_a_role_at_the_organisation():
    cases = {
        "Words by Ilse Varga | Harbour Notes": ("Ilse Varga", "Harbour Notes"),
        "Interview by Tomas Brenner, editor of The Quay Review": (
            "Tomas Brenner",
            "The Quay Review",
        ),
        "Ada Oyelaran, Staff Engineer at Brisko": ("Ada Oyelaran", "Brisko"),
        "하서윤 / 누리웍스 SRE": ("하서윤", "누리웍스"),
        "정리 김유나 (가온라디오 공동 진행자)": ("김유나", "가온라디오"),
    }
    for author, pair in cases.items():
        extraction = _extract("Notes from the week.", author=author)
        assert pair in _affiliations(extraction), author


def test_a_byline_with_the_name_in_two_scripts_and_a_unit_of_a_known_company():
    extraction = _extract(
        "발표 정리입니다.", author="이도윤(Doyun Lee) · 가온소프트 플랫폼 엔지니어"
    )
    assert ("이도윤", "가온소프트") in _affiliations(extraction)
    assert "Doyun Lee" not in _names(extraction, EntityType.ORGANIZATION)
    unit = _extract("발표 정리입니다.", author="한지후 — 삼성전자 클라우드 인프라 그룹")
    assert ("한지후", "Samsung Electronics") in _affiliations(unit)


def test_a_group_s_staff_lists_its_people_in_brackets():
    extraction = _extract("이번 밋업 안내입니다.", author="CNCG 대전 운영진 (서하린, 문태오)")
    affiliations = _affiliations(extraction)
    assert {("서하린", "CNCG 대전"), ("문태오", "CNCG 대전")} <= affiliations


def test_bylines_of_a_press_wire_a_show_s_hosts_a_project_s_maintainer_and_two_groups():
    wire = _extract("Today Brisko announced Valet 3.", author="Brisko, Inc. via Harbour Newswire")
    organisations = _names(wire, EntityType.ORGANIZATION)
    assert {"Brisko Inc.", "Harbour Newswire"} <= organisations
    assert "Harbour Newswire" not in _names(wire, EntityType.PERSON)
    show = _extract(
        "This week: GitOps.", author="Quay Talk — hosted by Ilse Varga and Tomas Brenner"
    )
    assert {("Ilse Varga", "Quay Talk"), ("Tomas Brenner", "Quay Talk")} <= _affiliations(show)
    maintainer = _extract("Release notes.", author="Ilse Varga, Prometheus maintainer")
    assert not _affiliations(maintainer)
    translated = _extract(
        "번역 글입니다.", author="원문: Valet 릴리스 팀 / 번역: 하서윤 (가온 현지화 팀)"
    )
    assert ("하서윤", "가온 현지화 팀") in _affiliations(translated)
    unit = _extract("발표 정리입니다.", author="한지후 · 가온페이 플랫폼팀")
    assert ("한지후", "가온페이") in _affiliations(unit)
