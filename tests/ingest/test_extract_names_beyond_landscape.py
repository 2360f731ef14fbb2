"""Organisations and projects outside the landscape: by the form of a name, its context, the
well-known platforms, other spellings of known names and Hangul spellings by sound."""

from __future__ import annotations

from extraction_support import context, extract_text, names_of

from forumgraph.ingest.extract import extract
from forumgraph.ingest.segment import split_passages
from forumgraph.models import Article, EntityType, Extraction
from forumgraph.text.language import detect_language


def _extract(text: str) -> Extraction:
    article = Article("doc", text, detect_language(text), "", {})
    return extract(article, split_passages(article), context())


def _names(text: str, type_: EntityType) -> set[str]:
    return {n.text for r in _extract(text).entities if r.type == type_ for n in r.names}


def test_korean_list_of_tools_with_mixed_conjunctions():
    text = "배포 자동화에는 fooctl이나 barkit, bazpkg 같은 도구를 함께 사용했다고 합니다."
    assert {"fooctl", "barkit", "bazpkg"} <= _names(text, EntityType.PROJECT)


def test_acronym_opening_a_line_is_an_item_of_the_list_but_an_opening_word_is_not():
    text = "ABQ, XRZ 또는 QTV와 같은 관리형 서비스를 쓰는 경우 설정을 확인해야 합니다."
    assert {"ABQ", "XRZ", "QTV"} <= _names(text, EntityType.PROJECT)
    english = "However, Bazooka and Snorkel are other options for builders."
    assert "However" not in _names(english, EntityType.PROJECT)


def test_javascript_libraries_and_control_clis_by_their_form():
    text = (
        "The dashboard is a small Vue.js front end. Operators run gadgetctl to list the "
        "nodes, and edit server.js before the first start."
    )
    projects = _names(text, EntityType.PROJECT)
    assert {"Vue.js", "gadgetctl"} <= projects
    assert "server.js" not in projects


def test_hangul_name_glossed_in_latin_and_introduced_as_a_tool():
    text = "클러스터는 위젯심(Widgetshim)이라는 다른 도구를 사용해야 합니다."
    assert "Widgetshim" in _names(text, EntityType.PROJECT)
    place = "그들은 부산(Busan)이라는 도시에서 만났습니다."
    assert "Busan" not in _names(place, EntityType.PROJECT)


def test_words_of_the_trade_are_not_projects():
    text = (
        "Kubernetes와 CloudNative와 관련된 행사입니다. Cloud Native 기술을 다룹니다.\n\n"
        "여러 호스트를 관리하는 툴이 Container Orchestration 툴입니다.\n\n"
        "구글이 만든 RPC 프레임워크인 gRPC를 소개합니다.\n\n"
        "K8s GraphKit 프로젝트는 데이터를 모읍니다."
    )
    projects = _names(text, EntityType.PROJECT)
    assert not {"CloudNative", "Orchestration", "RPC"} & projects
    assert "GraphKit" in projects


def test_well_known_platforms_are_organisations_and_ordinary_words_are_not():
    text = "Questions go to our Slack workspace; release news is posted to Twitter and YouTube."
    assert {"Slack", "Twitter", "YouTube"} <= _names(text, EntityType.ORGANIZATION)
    plain = "The schedule leaves some slack between the talks."
    assert "Slack" not in _names(plain, EntityType.ORGANIZATION)


def test_hangul_spellings_of_well_known_companies_by_sound():
    text = "그 밖에도 넷플릭스와 아마존이 gRPC를 도입했다고 합니다. 알림은 슬랙 채널로 보냅니다."
    assert {"Netflix", "Amazon", "Slack"} <= _names(text, EntityType.ORGANIZATION)


def test_korean_companies_by_their_korean_names():
    text = "11월에는 네이버가 개발자 행사를 열었고, 토스와 우아한형제들도 발표를 이어갔다."
    assert {"Naver", "Toss", "Woowa Brothers"} <= _names(text, EntityType.ORGANIZATION)


def test_a_known_company_with_the_inserted_vowel_and_an_ellipsis():
    text = "올해 후원사는 오라클…\n\n데모는 우분투 서버에서 돌았습니다."
    names = _names(text, EntityType.ORGANIZATION)
    assert "Oracle" in names
    assert "Upbound" not in names


def test_known_organisations_written_in_another_case():
    text = "그는 MathWorks에서 일했고, 지금은 HUAWEI와 협력하며 이력은 linkedin에 올립니다."
    assert {"Mathworks", "Huawei", "LinkedIn"} <= _names(text, EntityType.ORGANIZATION)


def test_a_case_variant_that_is_an_ordinary_word_is_no_organisation():
    text = "Switch to another runtime before the upgrade, then switch back."
    assert not _names(text, EntityType.ORGANIZATION)


def test_korean_company_words_and_work_at_a_latin_name():
    text = (
        "발표자는 zentabank(은행) 회사의 엔지니어 사례를 들었습니다. 그녀는 Quillora에서 "
        "근무하고, 그는 Brightwave에서 데이터 엔지니어 역할을 맡고 있습니다. Fernlight사의 "
        "제품도 소개되었습니다."
    )
    names = _names(text, EntityType.ORGANIZATION)
    assert {"zentabank", "Quillora", "Brightwave", "Fernlight"} <= names


def test_korean_context_words_that_do_not_name_a_company():
    text = (
        "Jenkins에서 관리자 권한으로 실행합니다. IT 기업들이 많이 참석했고, "
        "Cloud Native 기업들도 보였습니다."
    )
    names = _names(text, EntityType.ORGANIZATION)
    assert not {"Jenkins", "IT", "Native"} & names


def test_news_headlines_name_companies_and_what_they_launch_or_acquire():
    text = (
        "Announcements:\n\n"
        "1. Quillora Launches FernGate 2.0\n"
        "2. Brightwave Acquires Tidepool\n"
        "3. Zentara Announces Marlin, a control plane for clusters\n"
        "4. Orbis Unveils Lumen Hybrid Cloud Solution\n"
    )
    extraction = _extract(text)
    orgs = {
        n.text for r in extraction.entities if r.type == EntityType.ORGANIZATION for n in r.names
    }
    projects = {
        n.text for r in extraction.entities if r.type == EntityType.PROJECT for n in r.names
    }
    assert {"Quillora", "Brightwave", "Tidepool", "Zentara", "Orbis"} <= orgs
    assert {"FernGate", "Marlin", "Lumen"} <= projects


def test_a_sentence_with_a_capitalised_verb_is_no_headline():
    text = "Then the Team Releases Notes about everything that changed in the last cycle today."
    assert not _names(text, EntityType.ORGANIZATION)


def test_a_company_named_like_its_product_used_as_software_in_korean():
    text = (
        "이 파이프라인에서 도커가 생성한 아티팩트는 그대로 쓰입니다. 다음 분기부터 도커에 "
        "대한 지원을 줄입니다. 도커를 노트북에서 계속 쓸 수 있습니다."
    )
    assert "Docker" in _names(text, EntityType.PROJECT)
    company = "도커의 CEO에 따르면 도커가 생성한 아티팩트와 도커에 대한 지원은 그대로입니다."
    assert "Docker" in _names(company, EntityType.ORGANIZATION)


def test_apache_projects_named_without_the_foundation():
    text = "Every container stored its address in Zookeeper, and the proxies read it from there."
    assert "Apache Zookeeper" in _names(text, EntityType.PROJECT)
    plain = "A Storm of requests hit the proxies; the storm passed after an hour."
    assert "Apache Storm" not in _names(plain, EntityType.PROJECT)


def test_a_name_with_a_version_is_software_but_numbered_parts_are_not():
    text = (
        "The nodes run Ubuntu 22.04 and Quarkle v2.3 side by side, as Section 3.2 explains. "
        "The flaw has a CVSS 9.8 score."
    )
    projects = _names(text, EntityType.PROJECT)
    assert {"Ubuntu", "Quarkle"} <= projects
    assert not {"Section", "CVSS"} & projects


def test_a_place_of_study_or_research_before_a_korean_academic_word():
    text = "공항에서 KRISO 박사과정 학생과 함께 비행기를 기다렸습니다."
    assert "KRISO" in _names(text, EntityType.ORGANIZATION)
    plain = "쿠버네티스 연구원들이 그 기능을 만들었습니다."
    assert not _names(plain, EntityType.ORGANIZATION)


def test_a_list_of_companies_makes_its_coined_names_companies():
    text = "이미 구글, Microsoft, ZentaOS 등 많은 회사가 이 방식을 쓰고 있습니다."
    assert "ZentaOS" in _names(text, EntityType.ORGANIZATION)
    terms = "Circuit Breaker, Timeout, Backoff, Docker 등의 개념을 익혀야 합니다."
    names = _names(terms, EntityType.ORGANIZATION)
    assert not {"Breaker", "Timeout", "Backoff"} & names


def test_cncf_projects_in_hangul_the_analyser_cuts_or_runs_into_a_particle():
    text = (
        "트레이싱은 오픈텔레메트리 컬렉터로 모으고, 런타임 탐지는 팔코로 합니다. "
        '이미지 서명은 시그스토어에 맡겼고 발표 제목은 "쿠버네티스와 링커드"였습니다.'
    )
    names = _names(text, EntityType.PROJECT)
    assert {"OpenTelemetry", "Falco", "sigstore", "Linkerd"} <= names


def test_a_short_piece_of_a_longer_loanword_is_no_project():
    # `딜레` + `이`: an open syllable takes `가`, so `딜레이` is one word, not Tiller.
    text = "네트워크 딜레이가 길어졌고, 그 딜레이를 줄이려고 캐시를 두었습니다."
    assert not _names(text, EntityType.PROJECT)


def test_korean_institutions_by_the_kind_at_the_end_of_their_name():
    text = (
        "한국데이터보안협회는 가람은행, 누리증권과 함께 세미나를 열었다. 시중은행과 국립대학교 "
        "관계자도 참석했다."
    )
    organisations = _names(text, EntityType.ORGANIZATION)
    assert {"한국데이터보안협회", "가람은행", "누리증권"} <= organisations
    assert not {"시중은행", "국립대학교"} & organisations


def test_a_makers_product_by_its_own_name_where_the_maker_is_named():
    text = "Logs go to Loki and traces to Tempo; we read both in Grafana dashboards."
    assert {"Grafana Loki", "Grafana Tempo"} <= _names(text, EntityType.PROJECT)
    # Without the maker, a word is only a word.
    assert "Grafana Tempo" not in _names("The release kept a steady Tempo.", EntityType.PROJECT)


def test_software_in_place_of_known_software_and_named_as_a_system():
    text = (
        "Last year we replaced kaniko with `imgbuild`, and we template manifests with Kustomate "
        "rather than Helm. We also run Zephyrix, a build system for monorepos."
    )
    names = _names(text, EntityType.PROJECT)
    assert {"kaniko", "imgbuild", "Kustomate", "Zephyrix"} <= names


def test_a_committee_named_with_of_and_features_read_as_organisations():
    organisations = _names(
        "Thanks to the Code of Conduct Committee and the Pod Security Admission maintainers. "
        "In-place Pod Resize lets users change memory without a restart.",
        EntityType.ORGANIZATION,
    )
    assert "Code of Conduct Committee" in organisations
    assert not organisations & {"Conduct Committee", "Pod Security Admission", "Pod Resize"}


def test_a_product_by_its_own_name_where_the_text_names_its_maker_in_hangul():
    text = "클러스터마다 프로메테우스 + 그라파나 따로따로 두었고, 로그는 로키(Loki)로 모은다."
    projects = _names(text, EntityType.PROJECT)
    assert {"Grafana", "Grafana Loki"} <= projects


def test_an_owner_s_product_a_tag_and_the_spaces_of_a_venue():
    text = (
        "The Project Pavilion was busier than the Solutions Showcase, and many came through "
        "the LFX Mentorship. Red Hat's OpenShift team shipped it, and TAG Security reviewed it."
    )
    orgs = _names(text, EntityType.ORGANIZATION)
    assert {"Red Hat", "TAG Security"} <= orgs
    assert not {"Project Pavilion", "Solutions Showcase", "LFX Mentorship"} & orgs
    assert "Red Hat's OpenShift" not in orgs
    assert "OpenShift" in _names(text, EntityType.PROJECT)


def test_software_korean_writes_by_its_own_spelling():
    text = "데이터는 레디스와 카프카에 두고, 배포는 젠킨스에서 깃랩으로 옮겼다. 장고 끝에 정했다."
    projects = _names(text, EntityType.PROJECT)
    assert {"Redis", "Apache Kafka", "Jenkins", "GitLab"} <= projects
    assert "Django" not in projects


def test_kinds_of_group_in_the_plural_and_a_venue_cut_at_its_hyphen_are_no_organisations():
    text = (
        "Join one of the Special Interest Groups of the project. The meetup filled the "
        "Lakeside-Arena on Friday, and Fennick Systems sponsored the drinks."
    )
    organisations = _names(text, EntityType.ORGANIZATION)
    assert "Special Interest Groups" not in organisations
    assert not any(name.startswith("Lakeside") for name in organisations)


def test_subprojects_of_kubernetes_and_a_landscape_project_without_its_word():
    text = (
        "We moved from Calico to a new network plugin, then installed Kueue and Kustomize with "
        "kubeadm, and replaced the ingress-nginx controller."
    )
    projects = _names(text, EntityType.PROJECT)
    assert {"Kueue", "Kustomize", "kubeadm", "Ingress-NGINX"} <= projects
    assert "Calico" in projects or "Project Calico" in projects


def test_a_place_opening_a_longer_name_after_from_is_part_of_an_organisation():
    text = "Ilse Marwick from Porto Data Foundry joined Odile Brand from New York City on stage."
    organisations = _names(text, EntityType.ORGANIZATION)
    people = _names(text, EntityType.PERSON)
    assert "Porto Data Foundry" in organisations
    assert "New York City" not in organisations | people


def test_sponsor_lines_by_tier_name_organisations_and_venue_halls_do_not():
    text = (
        "Join us at the Lakeside Congress Centre on March 12.\n\n"
        "Platinum: Brindlewood, Quarrystone\n"
        "Community partners: Women in Tech Lisbon, GDG Porto and Fennick Systems"
    )
    organisations = _names(text, EntityType.ORGANIZATION)
    assert {"Brindlewood", "Quarrystone", "Women in Tech Lisbon", "GDG Porto"} <= organisations
    assert "Lakeside Congress Centre" not in organisations


def test_products_named_with_their_maker_and_korean_spellings_of_docker_products():
    projects = _names(
        "Secrets live in HashiCorp Consul and HashiCorp Vault; the vault in the basement holds "
        "the backups.",
        EntityType.PROJECT,
    )
    assert {"HashiCorp Consul", "HashiCorp Vault"} <= projects
    assert "Vault" not in projects
    korean = _names("빌드 서버의 도커 엔진과 노트북의 도커 데스크톱을 올렸다.", EntityType.PROJECT)
    assert {"Docker Engine", "Docker Desktop"} <= korean
    assert "Docker" not in _names("빌드 서버의 도커 엔진을 올렸다.", EntityType.ORGANIZATION)


def test_api_kinds_in_camel_case_are_no_organisations_and_an_open_source_project_is_one():
    text = (
        "Argo CD users keep the existing ApplicationSet generator, and the new `GitMirror` "
        "adapter reads sources. The team chose Velkor, an open source project for quota checks."
    )
    organisations = _names(text, EntityType.ORGANIZATION)
    assert not {"ApplicationSet", "GitMirror"} & organisations
    assert "Velkor" in _names(text, EntityType.PROJECT)


def test_companies_listed_after_a_kind_of_customer_are_organisations():
    text = (
        "Two of our larger merchants, Kaffeehaus Brandl and Mercado Solar, saw visible payment "
        "failures. Our clients, Tiago Ramos and Inês Faria, were told first."
    )
    extraction = extract_text(text)
    orgs = names_of(extraction, EntityType.ORGANIZATION)
    assert {"Kaffeehaus Brandl", "Mercado Solar"} <= orgs
    assert "Tiago Ramos" not in orgs


def test_names_in_the_form_of_api_kinds_are_neither_organisations_nor_projects():
    text = (
        "Kenji found pods running with the old ConfigMap. Unified NodePools span three clouds. "
        "Brightwell Labs and Cisco joined the foundation."
    )
    extraction = extract_text(text)
    names = names_of(extraction, EntityType.ORGANIZATION) | names_of(extraction, EntityType.PROJECT)
    assert not {"ConfigMap", "NodePools"} & names
    assert "Brightwell Labs" in names_of(extraction, EntityType.ORGANIZATION)
