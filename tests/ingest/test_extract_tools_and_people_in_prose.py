"""Tools introduced by apposition or after a Korean kind word, multi-word project names, a
comma that joins clauses rather than list items, and people named before a reporting verb."""

from __future__ import annotations

from extraction_support import context

from forumgraph.ingest.extract import extract
from forumgraph.ingest.segment import split_passages
from forumgraph.models import Article, EntityType, Extraction
from forumgraph.text.language import detect_language


def _extract(text: str) -> Extraction:
    article = Article("doc", text, detect_language(text), "", {})
    return extract(article, split_passages(article), context())


def _names(text: str, type_: EntityType) -> set[str]:
    return {n.text for r in _extract(text).entities if r.type == type_ for n in r.names}


def test_name_in_apposition_to_a_kind_of_software_is_a_project():
    text = "This week the team released quiltpack, a small command-line tool for bundling charts."
    assert "quiltpack" in _names(text, EntityType.PROJECT)


def test_apposition_after_an_opening_word_or_a_preposition_is_no_project():
    text = (
        "Finally, a tool that bundles charts is here. In production, a library for retries "
        "helps a lot."
    )
    projects = _names(text, EntityType.PROJECT)
    assert "Finally" not in projects
    assert "production" not in projects


def test_korean_kind_word_before_a_latin_name():
    text = "오늘 새로운 커맨드라인 도구 quiltpack을 소개합니다. 이 도구는 차트를 묶어 줍니다."
    assert "quiltpack" in _names(text, EntityType.PROJECT)


def test_multiword_capitalised_project_and_not_a_person_before_a_particle():
    text = "새로운 Quill Lantern 프로젝트가 등장했습니다. Quill Lantern는 작업 공간을 관리합니다."
    assert "Quill Lantern" in _names(text, EntityType.PROJECT)
    assert "Quill Lantern" not in _names(text, EntityType.PERSON)
    english = "We thank the Cloud Native project for its help and the Ferry BRIDGE project too."
    projects = _names(english, EntityType.PROJECT)
    assert "Ferry BRIDGE" in projects
    assert "Cloud Native" not in projects


def test_english_comma_between_clauses_does_not_make_a_list():
    text = (
        "You can pass the file to kubectl, because every such file is valid. "
        "See the article on gRPC, Marek wrote it."
    )
    projects = _names(text, EntityType.PROJECT)
    assert "because" not in projects
    assert "Marek" not in projects


def test_person_named_before_a_reporting_verb():
    text = "In an earlier post, Orla Venn Castell described how the probe works."
    assert "Orla Venn Castell" in _names(text, EntityType.PERSON)
    other = "In an earlier post, Health Checking described how the probe works."
    assert "Health Checking" in other and "Health Checking" not in _names(other, EntityType.PERSON)


def test_latin_words_with_a_particle_before_a_project_word_are_no_project_name():
    text = "Quillmesh는 CNCF 프로젝트로 GitHub에 호스팅되어 있습니다."
    assert not any("는" in name for name in _names(text, EntityType.PROJECT))


def _byline(author: str) -> Extraction:
    article = Article("doc", "Body text.", "en", "", {"author": author})
    return extract(article, split_passages(article), context())


def test_lower_case_remark_after_an_author_is_no_organisation():
    remark = _byline("Mira Solberg, Teo Lindqvist (no translator was credited here)")
    people = {n.text for r in remark.entities if r.type == EntityType.PERSON for n in r.names}
    orgs = {n.text for r in remark.entities if r.type == EntityType.ORGANIZATION for n in r.names}
    assert {"Mira Solberg", "Teo Lindqvist"} <= people
    assert not orgs
    company = _byline("Mira Solberg (eBay Labs)")
    orgs = {n.text for r in company.entities if r.type == EntityType.ORGANIZATION for n in r.names}
    assert "eBay Labs" in orgs


def test_one_example_of_a_kind_of_software_is_a_project():
    text = "Keep manifests in a version control system like Pelican, it is your safety net."
    assert "Pelican" in _names(text, EntityType.PROJECT)
    plain = "Use tools like these with care, and a database such as the one you know."
    projects = _names(plain, EntityType.PROJECT)
    assert "these" not in projects
    assert "the" not in projects


def test_a_person_named_by_a_cue_is_not_also_an_organisation():
    text = (
        "Ignatz Morrow (Pellucid Software) presented a talk on cluster upgrades. "
        "Ignatz Morrow said that most outages came from forgotten webhooks."
    )
    assert "Ignatz Morrow" in _names(text, EntityType.PERSON)
    assert "Ignatz Morrow" not in _names(text, EntityType.ORGANIZATION)


def test_a_name_found_once_is_that_entity_wherever_it_is_written():
    text = (
        "Today the Ferry NGINX project reached its first stable release. Many teams rely on "
        "Ferry NGINX at the edge, and Ferry NGINX was designed for small clusters."
    )
    extraction = _extract(text)
    names = {n.text: r.type for r in extraction.entities for n in r.names}
    assert names.get("Ferry NGINX") == EntityType.PROJECT
    assert "NGINX" not in names  # only ever written inside the longer name
    assert sum(m.surface == "Ferry NGINX" for m in extraction.mentions) == 3


def test_a_list_after_a_clause_comma_and_a_project_written_with_an_inner_capital():
    text = (
        "For local development, Tilt and Skaffold both worked. Our Python jobs run on KubeRay, "
        "and the kind of tool matters less."
    )
    projects = _names(text, EntityType.PROJECT)
    assert {"Tilt", "Skaffold", "Kuberay"} <= projects
    assert "kind" not in projects


def test_a_command_in_code_after_a_verb_of_using_it():
    text = "To watch logs we used `glimt` and `k7s`. Run it with `--force` or with `true`."
    projects = _names(text, EntityType.PROJECT)
    assert {"glimt", "k7s"} <= projects
    assert "true" not in projects


def test_software_said_to_be_a_kind_of_software_or_apposed_after_the():
    text = (
        "Marrowind is a lightweight policy engine for admission webhooks. Version 3 swaps its "
        "old index for Sorrel, the embedded storage engine from Fennick Systems, and moves "
        "the TallyKV store behind a cache. The first prototype was a few hundred lines of Rust."
    )
    projects = _names(text, EntityType.PROJECT)
    assert {"Marrowind", "Sorrel", "TallyKV", "Rust"} <= projects
    assert "Fennick Systems" not in projects


def test_a_company_apposed_to_a_kind_of_company_is_no_software():
    text = (
        "Ostrava Labs, the company behind the Marrowind framework, hired two people. Yandera, "
        "the search engine giant, sponsored the event. It is a tool for everyone."
    )
    projects = _names(text, EntityType.PROJECT)
    assert not {"Ostrava Labs", "Yandera", "It"} & projects


def test_a_channel_or_host_in_lower_case_does_not_make_a_name_an_ordinary_word():
    text = "We are happy to announce Brindle 4.1 today. Join #brindle on Slack or see brindle.io."
    assert "Brindle" in _names(text, EntityType.PROJECT)


def test_a_sentence_opening_name_apposed_to_software_that_the_title_writes_too():
    text = "Marrow, a lightweight secrets-rotation operator, moved to incubation in June."
    article = Article("doc", text, "en", "Five questions for the Marrow maintainers", {})
    extraction = extract(article, split_passages(article), context())
    assert "Marrow" in {n.text for r in extraction.entities for n in r.names}
    assert "Finally" not in _names("Finally, a tool that rotates secrets.", EntityType.PROJECT)


def test_a_company_named_with_a_given_name_is_no_person():
    text = "We passed a security audit by Ada Logics, funded by the foundation."
    assert "Ada Logics" not in _names(text, EntityType.PERSON)
