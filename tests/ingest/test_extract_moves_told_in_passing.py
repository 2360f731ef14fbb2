"""Moves told in passing: a contracted pronoun, a possessive pronoun opening the move, and a
second place joined to the first."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType


def test_a_contracted_pronoun_running_a_team_at_a_company_the_recogniser_took_for_a_person():
    text = (
        "Ran into my old manager Beatriz Santos yesterday. She's running platform at Mercado "
        "Livre now and hiring."
    )
    extraction = extract_text(text)
    assert "Mercado Livre" not in names_of(extraction, EntityType.PERSON)
    assert ("Beatriz Santos", "Mercado Livre") in affiliations_of(extraction)


def test_a_possessive_pronoun_opening_a_former_employer_after_a_handle():
    text = (
        "- @mbenali asked how the controller counts pods. At his previous employer, Criteo, "
        "counting pods caused a deadlock.\n"
        "- Ann Lee thanked Quellmark. Her company, Brimstack, paid for the trip."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("@mbenali", "Criteo") in affiliations
    assert not any(person == "Ann Lee" for person, _ in affiliations)


def test_a_second_place_after_and_later():
    text = (
        "Kenji Morimoto, an independent consultant who previously worked at LINE and later at "
        "Mercari, said most teams are slow. Aiko Mori works at Sakura Labs and then goes home."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Kenji Morimoto", "LINE") in affiliations
    assert ("Kenji Morimoto", "Mercari") in affiliations


def test_a_move_to_a_company_from_another_and_a_place_held_while_at_it():
    text = (
        "Burak Yılmaz, who moved to Trendyol from Hepsiburada in 2022, runs the coffee stand. "
        "Our adviser is Hamza Qureshi, who led v1.35 while at Datadog and has since moved to "
        "Google. Lisa Wong moved to Berlin last year."
    )
    affiliations = affiliations_of(extract_text(text))
    for person, org in (
        ("Burak Yılmaz", "Trendyol"),
        ("Burak Yılmaz", "Hepsiburada"),
        ("Hamza Qureshi", "Datadog"),
        ("Hamza Qureshi", "Google"),
    ):
        assert (person, org) in affiliations
    assert not any(person == "Lisa Wong" for person, _ in affiliations)


def test_summers_on_a_team_and_a_role_on_a_company_s_team_after_is():
    text = (
        "Rafael Costa did his master's at Unicamp and spent two summers on the infrastructure "
        "team at Nubank. Rohan Iyer is a research associate on Meridian's infrastructure team."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Rafael Costa", "Nubank") in affiliations
    assert ("Rohan Iyer", "Meridian") in affiliations


def test_korean_careers_begun_led_and_come_from():
    text = (
        "# 단신\n\n초대 지사장은 레드햇 한국지사 출신 강민혁 씨다. 브라질 상파울루 출신 마르셀라 "
        "올리베이라 님도 왔다.\n\n"
        "카카오엔터프라이즈가 AWS 코리아에서 솔루션즈 아키텍트 조직을 이끌던 윤재민 씨를 신임 "
        "최고기술책임자(CTO)로 선임했다. 삼성SDS에서 커리어를 시작한 윤 CTO는 기능 고도화를 "
        "맡는다.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("강민혁", "Red Hat") in affiliations
    for org in ("Amazon Web Services", "Kakao Enterprise", "Samsung SDS"):
        assert ("윤재민", org) in affiliations
    assert not any("마르셀라" in person for person, _ in affiliations)


def test_a_title_before_where_someone_comes_from_is_not_the_place():
    text = (
        "# 사례\n\n플랫폼실 정세아 책임은 설명했다. 아마존웹서비스(AWS) 솔루션즈 아키텍트 "
        "출신인 정 책임은 비용을 줄였다.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("정세아", "Amazon Web Services") in affiliations
    assert not any("아키텍트" in org for _, org in affiliations)


def test_people_sharing_a_group_s_role_after_both():
    text = (
        "Branch management is handled by Marek Dvořák and Sasha Ivanova, both SIG Release "
        "Release Managers. We met Jan Novak and Eva Kim, both Quellmark fans."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert ("Marek Dvořák", "SIG Release") in affiliations
    assert ("Sasha Ivanova", "SIG Release") in affiliations
    assert "SIG Release Release Managers" not in names_of(extraction, EntityType.ORGANIZATION)
    assert not any(person in {"Jan Novak", "Eva Kim"} for person, _ in affiliations)


def test_the_company_someone_came_to_from_another_and_its_office_they_work_in():
    text = (
        "Selin Aydın came to Ferrolux from Red Hat, where she spent six years. Samuel Mensah, "
        "originally from Accra, works in EPAM's Medellín office. Lisa Wong came to Berlin from "
        "Paris. Hannah Vogel came to Lodestar from the Backstage plugin community."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Selin Aydın", "Ferrolux") in affiliations
    assert ("Selin Aydın", "Red Hat") in affiliations
    assert ("Samuel Mensah", "EPAM") in affiliations
    assert not any(person in {"Lisa Wong", "Hannah Vogel"} for person, _ in affiliations)


def test_a_role_an_organisation_named_before_it_owns_after_is():
    text = (
        "Anjali Krishnan leads docs. Anjali Krishnan is also a SIG Docs approver. Ben Stone is a "
        "Quellmark engineer. Ann Lee is a Kubernetes maintainer. Ivo Petrov is a Senior engineer."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Anjali Krishnan", "SIG Docs") in affiliations
    assert ("Ben Stone", "Quellmark") in affiliations
    assert not any(person in {"Ann Lee", "Ivo Petrov"} for person, _ in affiliations)


def test_a_day_job_said_with_what_it_is():
    text = (
        "Ophelia Grant edits this newsletter in her spare time. Her day job is developer "
        "advocacy at Grafana Labs. His day job is boring, says Tom Reyes."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Ophelia Grant", "Grafana Labs") in affiliations
    assert not any(p == "Tom Reyes" for p, _ in affiliations)
