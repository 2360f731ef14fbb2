"""Well-known software beyond the landscape, Hangul spellings of software the dictionary does
not know, and user communities named by their kind."""

from __future__ import annotations

from extraction_support import extract_text, names_of

from forumgraph.models import EntityType


def _names(text: str, type_: EntityType) -> set[str]:
    return names_of(extract_text(text), type_)


def test_well_known_operating_systems_and_languages_are_projects():
    text = "Our nodes ran Debian before we moved them to Fedora, and the tooling is in TypeScript."
    assert {"Debian", "Fedora", "TypeScript"} <= _names(text, EntityType.PROJECT)


def test_hangul_spelling_of_software_the_dictionary_does_not_know():
    text = "우리 팀은 대시보드를 그라파나로 옮겼고, 서비스 메시는 링커드를 쓰고 있다."
    projects = _names(text, EntityType.PROJECT)
    assert {"그라파나", "링커드"} <= projects


def test_a_known_word_with_a_particle_is_not_a_name_by_sound():
    text = "두 리소스는 프로토콜과 포트만으로 백엔드에 트래픽을 보낸다."
    assert not _names(text, EntityType.PROJECT)


def test_user_communities_named_by_their_kind():
    english = (
        "She co-organises the Rust Ljubljana user group and speaks at Cloud Native Porto Meetup."
    )
    orgs = _names(english, EntityType.ORGANIZATION)
    assert {"Rust Ljubljana user group", "Cloud Native Porto Meetup"} <= orgs
    korean = "발표 자료는 쿠버네티스 사용자 모임과 헬름 코리아 그룹에 공유했다."
    assert {"쿠버네티스 사용자 모임", "헬름 코리아 그룹"} <= _names(korean, EntityType.ORGANIZATION)


def test_a_group_of_anything_is_no_community():
    text = "새 리소스는 별도의 API 그룹에 정의되고, 자료는 KKG 페이스북 그룹에 올렸다."
    orgs = _names(text, EntityType.ORGANIZATION)
    assert not any(name.endswith("그룹") for name in orgs)


def test_people_whose_names_carry_accented_letters():
    text = (
        "The keynote was given by Tjaša Horvat (Bitsmith), and Łukasz Nowicki, a maintainer "
        "at Example Labs, said the release was late."
    )
    people = _names(text, EntityType.PERSON)
    assert {"Tjaša Horvat", "Łukasz Nowicki"} <= people
    assert not {"Tjaša Horvat", "Łukasz Nowicki"} & _names(text, EntityType.ORGANIZATION)


def test_a_landscape_name_with_its_acronym_is_known_by_either():
    text = "Policies are written for Open Policy Agent; some teams call it OPA in their docs."
    projects = _names(text, EntityType.PROJECT)
    assert "Open Policy Agent" in projects
    assert "Open Policy Agent (OPA)" not in projects


def test_a_programming_language_by_what_is_done_in_it():
    english = "The operator is written in Go, and the agent was rewritten in Zig last year."
    assert {"Go", "Zig"} <= _names(english, EntityType.PROJECT)
    korean = "팀은 내부 도구 일부를 Go로 다시 작성해 공개할 계획이다."
    assert "Go" in _names(korean, EntityType.PROJECT)


def test_go_as_a_verb_is_no_project():
    text = "Go ahead and try it. We will go live next week."
    assert "Go" not in _names(text, EntityType.PROJECT)


def test_a_cncf_project_wins_over_a_member_company_of_the_same_name():
    text = "We came for the Thanos and Cortex talks, honestly."
    assert "Cortex" in _names(text, EntityType.PROJECT)


def test_hyphenated_component_names_are_projects_and_generic_compounds_are_not():
    text = (
        "We deploy kube-state-metrics and node-exporter with prometheus-operator. It is a "
        "well-known, open-source tool with built-in cloud-native support and api-server flags."
    )
    projects = _names(text, EntityType.PROJECT)
    assert {"kube-state-metrics", "node-exporter", "prometheus-operator"} <= projects
    assert not {"well-known", "open-source", "built-in", "cloud-native", "api-server"} & projects


def test_argo_is_written_by_its_sub_projects():
    english = "Deployments moved to Argo CD, and canaries to Argo Rollouts."
    assert {"Argo CD", "Argo Rollouts"} <= _names(english, EntityType.PROJECT)
    assert "Argo CD" in _names("배포는 아르고CD로 옮겼다.", EntityType.PROJECT)


def test_a_community_is_also_known_without_its_kind():
    text = "Tomás co-organises the Cloud Native Porto meetup and spoke there last week."
    assert "Cloud Native Porto" in _names(text, EntityType.ORGANIZATION)


def test_a_long_hangul_word_spelt_freely_is_the_project_it_sounds_like():
    extraction = extract_text("큐브스케이프, 실리움을 썼다. 핵심 프락시 엔진도 바꿨다.")
    projects = names_of(extraction, EntityType.PROJECT)
    assert {"Kubescape", "Cilium"} <= projects
    assert len(names_of(extraction, EntityType.ORGANIZATION)) == 0


def test_a_community_group_named_after_its_place_and_not_an_event_so_named():
    text = (
        "행사는 CNCG Seoul이 주관한다. Cloud Native Toronto hosts Platform Night, organised "
        "with the Cloud Native Malaysia community. Cloud Native Days Tokyo is an event."
    )
    orgs = names_of(extract_text(text), EntityType.ORGANIZATION)
    assert {"CNCG Seoul", "Cloud Native Toronto", "Cloud Native Malaysia"} <= orgs
    assert not any(o.startswith("Cloud Native Days") for o in orgs)
    assert "Cloud Native Computing" not in orgs


def test_korean_tools_in_code_after_or_before_their_kind():
    text = (
        "데모에서 쓴 `otel-diff`라는 작은 CLI가 탐났다. 우리 팀이 만든 작은 CLI인 `kctx-tour`를 "
        "소개했다. 직접 만든 스크립트 `ko-docs-lint`를 소개했다. 관리 도구 API를 썼다."
    )
    projects = names_of(extract_text(text), EntityType.PROJECT)
    assert {"otel-diff", "kctx-tour", "ko-docs-lint"} <= projects
    assert "API" not in projects


def test_korean_sponsor_lines_by_tier_name_organisations():
    text = (
        "후원사 명단\n\n"
        "- 골드: 카카오엔터프라이즈, 하나금융티아이, 레드햇 코리아\n"
        "- 실버: 구름브릿지 · 데브웨일\n"
        "- 참가비: 무료 (선착순 300명, 점심 제공)\n"
    )
    orgs = names_of(extract_text(text), EntityType.ORGANIZATION)
    assert {"하나금융티아이", "구름브릿지", "데브웨일"} <= orgs
    assert not any("점심" in o or "무료" in o for o in orgs)
