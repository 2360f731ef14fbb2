"""A credit line that writes a move (`카카오 → 토스`), foreign names written in Hangul, a
company's name without its legal form, and one sense for a name in a document."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType


def test_a_move_in_a_credit_line_names_both_organisations():
    text = (
        "## 이달의 이직 소식\n\n"
        "**남궁하율 님 — 라온페이 → 별빛뱅크**\n"
        "라온페이에서 결제 플랫폼을 맡아 온 남궁하율 님이 별빛뱅크로 자리를 옮겼습니다.\n\n"
        "**Dagny Solberg — Fjordline Cloud -> Nordhavn Data co-founder**\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("남궁하율", "라온페이") in affiliations
    assert ("남궁하율", "별빛뱅크") in affiliations
    assert ("Dagny Solberg", "Fjordline Cloud") in affiliations


def test_a_credit_line_with_an_honorific_and_a_move_action():
    text = (
        "**프리야 메논(Priya Menon) 님 — Microsoft → 구름다리 공동 창업**\n"
        "프리야 메논 님은 Microsoft를 떠나 스타트업 구름다리를 공동 창업했습니다.\n"
    )
    extraction = extract_text(text)
    people = names_of(extraction, EntityType.PERSON)
    assert "프리야" not in people  # the given name is part of the whole name
    affiliations = affiliations_of(extraction)
    assert ("Priya Menon", "Microsoft") in affiliations
    assert ("Priya Menon", "구름다리") in affiliations


def test_independent_in_korean_names_no_employer():
    text = "**탁은결 님 — 독립**\n별빛소프트에서 9년간 근무한 탁은결 님은 회사를 떠났습니다.\n"
    affiliations = affiliations_of(extract_text(text))
    assert not any(org == "독립" for _, org in affiliations)


def test_a_japanese_name_in_hangul_is_one_person_not_an_organisation_and_a_person():
    text = (
        "**다나카 하루카 님 — 미나토클라우드 → 사쿠라베이스**\n"
        "미나토클라우드에서 모니터링 플랫폼을 운영하던 다나카 하루카 님은 "
        "사쿠라베이스로 옮겼습니다.\n"
    )
    extraction = extract_text(text)
    assert "다나카" not in names_of(extraction, EntityType.ORGANIZATION)
    assert "다나카 하루카" in names_of(extraction, EntityType.PERSON)
    affiliations = affiliations_of(extraction)
    assert ("다나카 하루카", "사쿠라베이스") in affiliations
    assert not any(person == "하루카" for person, _ in affiliations)


def test_a_korean_name_of_the_same_shape_is_still_read_after_its_organisation():
    text = "별빛뱅크 하지운 님은 플랫폼팀을 이끌고 있습니다. 하지운 님은 작년에 합류했습니다."
    extraction = extract_text(text)
    assert "하지운" in names_of(extraction, EntityType.PERSON)


def test_an_editor_credit_names_the_publication_without_the_role():
    text = "이번 달 소식은 여기까지입니다.\n\n정리: 문가온 (클라우드 다이제스트 편집자)"
    extraction = extract_text(text)
    assert ("문가온", "클라우드 다이제스트") in affiliations_of(extraction)
    assert "다이제스트" not in names_of(extraction, EntityType.PERSON)


def test_a_company_named_without_its_legal_form_is_the_company():
    text = (
        "Vennbruck GmbH, a Leipzig maker of scheduling software, joined the CNCF today.\n\n"
        '"We run everything on Kubernetes," said Ottilie Brandt, CEO and co-founder of '
        "Vennbruck. Vennbruck's CTO, Emre Yalçın, will speak in Amsterdam."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert ("Ottilie Brandt", "Vennbruck GmbH") in affiliations
    assert ("Emre Yalçın", "Vennbruck GmbH") in affiliations
    assert "Vennbruck" not in names_of(extraction, EntityType.PERSON)


def test_a_short_form_the_text_also_writes_as_a_word_is_not_the_company():
    text = (
        "Bright Labs builds tooling for schedulers. Bright ideas are cheap, said Ines Moreau "
        "of Bright Labs."
    )
    extraction = extract_text(text)
    assert ("Ines Moreau", "Bright Labs") in affiliations_of(extraction)
    orgs = [r for r in extraction.entities if r.type == EntityType.ORGANIZATION]
    assert len([r for r in orgs if any(n.text == "Bright Labs" for n in r.names)]) == 1


def test_a_person_the_recogniser_took_for_an_organisation_is_a_person_everywhere():
    text = (
        "Meet the maintainers: Ayla Korkmaz\n\n"
        "*Interview by Ayla Korkmaz for the Cloud Native Ankara community blog*\n\n"
        "Baran Aksoy is a platform engineer and a Falco maintainer."
    )
    extraction = extract_text(text)
    assert "Ayla Korkmaz" in names_of(extraction, EntityType.PERSON)
    assert "Ayla Korkmaz" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_role_with_the_copula_before_a_name_is_no_organisation():
    text = "토스 사례를 보고 팀 리드인 하승완 리드가 제안했고, 바로 시작했습니다."
    extraction = extract_text(text)
    assert "리드인" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_legal_form_after_a_comma_and_a_product_named_after_its_maker():
    text = (
        "Brindlecore, Inc., the company behind the Brindlecore Relay platform, announced "
        'version 2. "We built it for ourselves," said Folake Adeyemi, co-founder and CEO of '
        "Brindlecore. Brindlecore is a Silver Member of the Cloud Native Computing Foundation."
    )
    extraction = extract_text(text)
    people = names_of(extraction, EntityType.PERSON)
    assert "Brindlecore Relay" not in people
    assert "Silver Member" not in people
    assert ("Folake Adeyemi", "Brindlecore, Inc.") in affiliations_of(extraction)


def test_respectively_pairs_two_people_with_two_organisations():
    text = (
        "The company was founded in 2021 by Adaeze Nwankwo and Piotr Zielak, previously engineers "
        "at Google and Microsoft respectively."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Adaeze Nwankwo", "Google") in affiliations
    assert ("Piotr Zielak", "Microsoft") in affiliations
    assert ("Piotr Zielak", "Google") not in affiliations


def test_a_thing_described_with_which_is_no_person():
    text = "Key capabilities:\n\n- **Grace Planner**, which recommends instance families\n"
    assert "Grace Planner" not in names_of(extract_text(text), EntityType.PERSON)


def test_panelists_listed_with_roles_in_units_and_organisers_of_groups():
    text = (
        "Moderating was Ilse Brandt, who organises the Platform Guild Leipzig meetup. On stage:\n\n"
        "- **Rohan Iyengar**, principal engineer on the developer experience group at Spotify\n"
        "- **Ana Beatriz Lemos**, who leads the internal developer platform at Nubank\n\n"
        "Jonte Meier is a developer advocate at Quellbau and a co-organiser of Cloud Native "
        "Bremen."
    )
    extraction = extract_text(text)
    assert "Ana Beatriz Lemos" in names_of(extraction, EntityType.PERSON)
    affiliations = affiliations_of(extraction)
    assert ("Rohan Iyengar", "Spotify") in affiliations
    assert ("Ana Beatriz Lemos", "Nubank") in affiliations
    assert any(
        person == "Ilse Brandt" and org.startswith("Platform Guild Leipzig")
        for person, org in affiliations
    )
    assert ("Jonte Meier", "Quellbau") in affiliations
    assert ("Jonte Meier", "Cloud Native Bremen") in affiliations
