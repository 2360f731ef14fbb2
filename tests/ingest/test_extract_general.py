"""Extraction on short texts written for these tests (not taken from any corpus): each class of
name and link that the rules must find in articles they were not written from."""

from __future__ import annotations

from extraction_support import context

from forumgraph.ingest.extract import extract
from forumgraph.ingest.resolve import resolve
from forumgraph.ingest.segment import split_passages
from forumgraph.models import Article, EntityType, Extraction, Name
from forumgraph.text.language import detect_language


def _extract(text: str, doc_id: str = "doc", **header: str) -> Extraction:
    article = Article(doc_id, text, detect_language(text), header.get("title", ""), header)
    return extract(article, split_passages(article), context())


def _names(extraction: Extraction, type_: EntityType) -> set[str]:
    return {n.text for r in extraction.entities if r.type == type_ for n in r.names}


def _key(extraction: Extraction, type_: EntityType, name: str) -> str:
    return next(
        r.key for r in extraction.entities if r.type == type_ and name in {n.text for n in r.names}
    )


def _affiliations(extraction: Extraction) -> set[tuple[str, str]]:
    names = {r.key: r.names[0].text for r in extraction.entities}
    return {
        (names[f.subject], names[f.value])
        for f in extraction.facts
        if f.predicate == "affiliation" and f.value in names
    }


# People in English prose ----------------------------------------------------------------------


def test_people_in_running_prose_become_persons_and_known_names_keep_their_type():
    text = (
        "The release was coordinated by volunteers. Last spring Maria Okafor rewrote the "
        "scheduler tests, and Tobias Lindqvist reviewed every change. Helm shipped a new chart "
        "format the same week."
    )
    extraction = _extract(text)
    people = _names(extraction, EntityType.PERSON)
    assert {"Maria Okafor", "Tobias Lindqvist"} <= people
    assert "Helm" not in people
    assert "Helm" in _names(extraction, EntityType.PROJECT)


def test_a_surname_later_in_the_text_is_the_person_named_earlier():
    text = (
        "Maria Okafor opened the meeting with a short demo. Everyone agreed with the plan. "
        "Later, Okafor explained why the old cache had to go."
    )
    extraction = _extract(text)
    key = _key(extraction, EntityType.PERSON, "Maria Okafor")
    surfaces = {m.surface for m in extraction.mentions if m.entity == key}
    assert {"Maria Okafor", "Okafor"} <= surfaces
    assert "Okafor" not in _names(extraction, EntityType.PERSON)


def test_nicknames_in_quotes_and_handles_are_names_of_the_person():
    extraction = _extract(
        "Thanks to everyone who helped, especially @quillwright for the docs review.",
        author="Ana “Quill” Wright (quillwright), Bo Tran",
    )
    people = {
        r.key: {n.text for n in (*r.names, *r.variants)}
        for r in extraction.entities
        if r.type == EntityType.PERSON
    }
    ana = people["person:ana wright"]
    assert {"Ana Wright", "Ana “Quill” Wright", "quillwright"} <= ana
    handle = next(m for m in extraction.mentions if m.surface == "@quillwright")
    assert handle.entity == "person:ana wright"
    assert "person:bo tran" in people


# People in Hangul -----------------------------------------------------------------------------


def test_hangul_names_with_a_title_or_honorific_are_people_and_ordinary_words_are_not():
    text = (
        "행사에는 플랫폼 본부의 김민수 팀장, 이영희 님, 그리고 박서준씨가 참석했다. "
        "대표 이사가 인사말을 했고 백엔드 개발자와 신규 엔지니어도 함께했다."
    )
    people = _names(_extract(text), EntityType.PERSON)
    assert {"김민수", "이영희", "박서준"} <= people
    assert not people & {"대표", "백엔드", "신규"}


# Organisations and projects beyond the gazetteer -----------------------------------------------


def test_organisations_by_legal_suffix_group_name_and_credit():
    text = (
        "Engineers from Zentrix Labs and Norrholm Systems joined SIG Widget this year. "
        "The Kubernetes Steering Committee approved the charter (Source: Cloudwire)."
    )
    orgs = _names(_extract(text), EntityType.ORGANIZATION)
    assert {
        "Zentrix Labs",
        "Norrholm Systems",
        "SIG Widget",
        "Kubernetes Steering Committee",
        "Cloudwire",
    } <= orgs


def test_korean_companies_and_teams_by_their_form():
    text = (
        "주식회사 누리소프트와 ㈜한빛랩이 쿠버네티스 문서 한글화 팀을 후원했다. 우리 팀도 참여했다."
    )
    orgs = _names(_extract(text), EntityType.ORGANIZATION)
    assert {"누리소프트", "한빛랩", "쿠버네티스 문서 한글화 팀"} <= orgs
    assert not any(o.startswith("우리") for o in orgs)


def test_projects_introduced_as_software():
    text = (
        "Your cluster needs another tool called quillctl to talk to the runtime. For image "
        "builds there are options like kaniko, zopfbuild, and lintr. The FooStats project "
        "counts contributions. However, Prometheus and Grafana stay."
    )
    projects = _names(_extract(text), EntityType.PROJECT)
    assert {"quillctl", "zopfbuild", "lintr", "FooStats", "Prometheus"} <= projects
    assert "However" not in projects


def test_acronym_defined_after_its_organisation_names_it_later():
    text = "The Open Widget Initiative (OWI) publishes the format. Every OWI image runs anywhere."
    extraction = _extract(text)
    key = _key(extraction, EntityType.ORGANIZATION, "Open Widget Initiative")
    assert "OWI" in {n.text for r in extraction.entities if r.key == key for n in r.names}
    assert sum(m.entity == key for m in extraction.mentions) >= 3


def test_landscape_names_written_in_hangul_by_sound():
    extraction = _extract("도커와 키버노가 소개되었고 마이크로소트도 발표했다.")
    records = {r.names[0].text: r for r in extraction.entities}
    assert Name("도커", "ko") in records["Docker"].names
    assert records["Kyverno"].type == EntityType.PROJECT
    assert Name("마이크로소트", "ko") in records["Microsoft"].variants


def test_a_longer_name_wins_over_a_known_name_inside_it():
    text = "Analyst Jason Bloomberg wrote the review, and Helm maintainers answered."
    extraction = _extract(text)
    assert "Jason Bloomberg" in _names(extraction, EntityType.PERSON)
    assert "Bloomberg" not in _names(extraction, EntityType.ORGANIZATION)


def test_a_company_named_like_its_product_is_the_product_where_used_as_software():
    text = (
        "We still build Docker images in CI. Teams can use Docker as a development tool, and "
        "the Docker daemon is no longer needed on nodes."
    )
    extraction = _extract(text)
    assert "Docker" in _names(extraction, EntityType.PROJECT)
    assert "Docker" not in _names(extraction, EntityType.ORGANIZATION)


# Affiliations -----------------------------------------------------------------------------------


def test_english_affiliations_stated_in_prose():
    text = (
        "Priya Raman from Zentrix Labs opened the day. Zentrix Labs's rival Norrholm Systems "
        "sent Oskar Brandt, CTO of Norrholm Systems, to the panel. Lena Fischer (Cloudwire) "
        "moderated. Tom Ueda is a site reliability engineer at the Initech Corporation. "
        "Ivo Petrov was involved in SIG Widget and the Widget Release Team."
    )
    links = _affiliations(_extract(text))
    assert {
        ("Priya Raman", "Zentrix Labs"),
        ("Oskar Brandt", "Norrholm Systems"),
        ("Lena Fischer", "Cloudwire"),
        ("Tom Ueda", "Initech Corporation"),
        ("Ivo Petrov", "SIG Widget"),
        ("Ivo Petrov", "Widget Release Team"),
    } <= links


def test_english_affiliations_held_as_a_role_or_by_the_foundation_named_before():
    text = (
        "The Open Widget Foundation hosted the summit in Oslo. Mara Quist, the foundation's "
        "head of community, opened it. It was Owen Hale's first summit as chief architect of "
        "Norrholm Systems. Ida Berg (@idaberg), freelance trainer and co-organiser of the "
        "Nordic Widget User Group, ran the workshop. It was Karl Lund's first summit as a "
        "guest of the Widget Release Team."
    )
    links = _affiliations(_extract(text))
    assert {
        ("Mara Quist", "Open Widget Foundation"),
        ("Owen Hale", "Norrholm Systems"),
        ("Ida Berg", "Nordic Widget User Group"),
    } <= links
    assert not any(person == "Karl Lund" for person, _ in links)


def test_korean_affiliations_stated_in_prose_cite_their_passage():
    text = "오늘 발표는 누리소프트 소속 김민수 팀장과 ㈜한빛랩에서 온 이영희 님이 맡았다."
    extraction = _extract(text)
    assert {("김민수", "누리소프트"), ("이영희", "한빛랩")} <= _affiliations(extraction)
    facts = [f for f in extraction.facts if f.predicate == "affiliation"]
    assert all(f.passage_id and f.passage_id.startswith("doc#") for f in facts)


def test_author_line_with_translators_and_editors():
    extraction = _extract(
        "Body text.",
        author=(
            "Widget 2.0 Release Team (Editors: Ana Wright, Bo Tran); "
            "번역: 김민수 (누리소프트), Lena Fischer (Cloudwire)"
        ),
    )
    assert {
        ("Ana Wright", "Widget 2.0 Release Team"),
        ("Bo Tran", "Widget 2.0 Release Team"),
        ("김민수", "누리소프트"),
        ("Lena Fischer", "Cloudwire"),
    } <= _affiliations(extraction)


# Spelling variants ------------------------------------------------------------------------------


def test_two_letter_variant_joins_the_person_when_the_context_agrees():
    first = _extract(
        "Annabelle Fontaine from Zentrix Labs gave the keynote at KubeCon North America 2019 "
        "in San Diego.",
        doc_id="a",
    )
    second = _extract(
        "At KubeCon in San Diego in 2019, Anabelle Fontain from Zentrix Labs showed the demo.",
        doc_id="b",
    )
    third = _extract("Annabelle Fontaine from Zentrix Labs wrote the recap.", doc_id="c")
    resolution = resolve([first, second, third])
    a = resolution.entity_ids["a"]["person:annabelle fontaine"]
    b = resolution.entity_ids["b"]["person:anabelle fontain"]
    assert a == b
    assert Name("Anabelle Fontain", "en") in resolution.entities[a].alternate_names


def test_similar_names_of_different_people_stay_apart():
    first = _extract("Annabelle Fontaine from Zentrix Labs gave the keynote.", doc_id="a")
    second = _extract("Annabel Fontana from Norrholm Systems gave a talk.", doc_id="b")
    resolution = resolve([first, second])
    assert (
        resolution.entity_ids["a"]["person:annabelle fontaine"]
        != resolution.entity_ids["b"]["person:annabel fontana"]
    )


# Talks ------------------------------------------------------------------------------------------


def test_an_underlined_title_before_a_korean_particle_is_the_talks_title():
    text = (
        "이니텍의 라즈 파텔 엔지니어는 _쿠버네티스에서 비밀 관리하기_를 발표한다. "
        "김민수 팀장은 설정 파일 _draft_v2 의 변경 사항을 발표한다."
    )
    extraction = _extract(text)
    titles = _names(extraction, EntityType.TALK)
    assert "쿠버네티스에서 비밀 관리하기" in titles
    assert not any("draft" in title for title in titles)


def test_a_person_named_before_the_purpose_of_a_talk_speaks_too():
    text = (
        "At the summit, staff from Initech will be collaborating with Mara Quist to share "
        "practical debugging tips. Owen Hale was glad to share the news on his blog."
    )
    extraction = _extract(text)
    performers = {f.value for f in extraction.facts if f.predicate == "performer"}
    assert _key(extraction, EntityType.PERSON, "Mara Quist") in performers
    assert _key(extraction, EntityType.PERSON, "Owen Hale") not in performers


def test_roles_before_at_or_with_and_of_after_a_name_give_the_organisation():
    text = (
        "Host Pavel Orlov talks to Zanele Dube, platform lead at Korvana Freight, about "
        'upgrades. "We upgrade every quarter," said Ines Varga, head of infrastructure at '
        "Tessaly, at a panel. She was joined by Bruno Salgado of Quillfeather and Aiko Mori, "
        "a principal engineer with Halden Robotics. Valet, a tool created at Brisko, joined "
        "the sandbox.\n\nReporting by Sofia Lindahl; editing by Tomas Ek."
    )
    extraction = _extract(text)
    assert {
        ("Zanele Dube", "Korvana Freight"),
        ("Ines Varga", "Tessaly"),
        ("Bruno Salgado", "Quillfeather"),
        ("Aiko Mori", "Halden Robotics"),
    } <= _affiliations(extraction)
    people = _names(extraction, EntityType.PERSON)
    assert {"Zanele Dube", "Sofia Lindahl", "Tomas Ek"} <= people
    assert "Halden Robotics" not in people
    assert "Brisko" in _names(extraction, EntityType.ORGANIZATION)
    talks = _names(extraction, EntityType.TALK)
    assert not any("We upgrade" in t for t in talks)  # a quotation, not a title
    assert not any("Pavel Orlov" in t for t in talks)  # `talks to` is no talk


def test_shared_possessive_and_group_roles_and_the_authors_employer():
    text = (
        "The best keynote was by Oskar Lind, the Widget Foundation's community manager. I also "
        'went to a talk by Rita Sousa (Quillfeather) on caching, and to "Sharding Queues" by '
        "Emil Berg and Nora Vik from Halden Robotics. SIG Widget chairs Lars Moe and Kari Dahl "
        "thanked the docs team, led by Sam O'Neill. Thanks to my employer, Brightlake Systems, "
        "for sending me."
    )
    extraction = _extract(text, author="Ada Strand (@astrand)")
    assert {
        ("Oskar Lind", "Widget Foundation"),
        ("Rita Sousa", "Quillfeather"),
        ("Emil Berg", "Halden Robotics"),
        ("Nora Vik", "Halden Robotics"),
        ("Lars Moe", "SIG Widget"),
        ("Kari Dahl", "SIG Widget"),
        ("Ada Strand", "Brightlake Systems"),
    } <= _affiliations(extraction)
    assert "Sam O'Neill" in _names(extraction, EntityType.PERSON)
    performers = {
        names[0]
        for talk in (r for r in extraction.entities if r.type == EntityType.TALK)
        for names in [[n.text for n in talk.names]]
    }
    assert {"Keynote by Oskar Lind", "Session by Rita Sousa", "Sharding Queues"} <= performers
    assert not any("engineer of" in t for t in performers)


def test_affiliations_written_with_who_works_dashes_pronouns_teams_and_commas():
    text = (
        "The panel was moderated by Lina Haddad, who works at Korvana Freight. Later, "
        "Brisko's CTO, Ama Mensah, joined, and Ravi Kumar of the Tessaly platform team closed "
        "the session. Elena Petrova (she/her) from Fjordbank asked the last question. Jonas "
        "Keller is a maintainer of Valet and works at Northwind Labs.\n\n"
        "Maria Okafor - Quillon Media - spoke next.\n\n"
        "Speakers: Oskar Lind, Senior SRE, Lumen Grid; Hana Sato, Developer Advocate, Kaito "
        "Systems."
    )
    extraction = _extract(text)
    assert {
        ("Lina Haddad", "Korvana Freight"),
        ("Ama Mensah", "Brisko"),
        ("Ravi Kumar", "Tessaly"),
        ("Elena Petrova", "Fjordbank"),
        ("Jonas Keller", "Northwind Labs"),
        ("Maria Okafor", "Quillon Media"),
        ("Oskar Lind", "Lumen Grid"),
        ("Hana Sato", "Kaito Systems"),
    } <= _affiliations(extraction)
    assert ("Jonas Keller", "Valet") not in _affiliations(extraction)
    assert "Developer Advocate" not in _names(extraction, EntityType.PERSON)
    agenda = _extract("The day opens with Jane Doe - Welcome, then the first talk.")
    assert "Welcome" not in _names(agenda, EntityType.ORGANIZATION)


def test_a_startup_in_apposition_customers_listed_and_a_co_founder_s_company():
    text = (
        'Norvik, a two-year-old startup based in Lisbon, raised money. "Upgrades are hard," '
        "said Norvik co-founder and CEO Marta Sousa, who previously led the platform at "
        "Farbrook. Customers include Quillon, Tessaly and the Portuguese bank Banco Marés. "
        "Jane Doe, a startup founder, joined later."
    )
    extraction = _extract(text)
    orgs = _names(extraction, EntityType.ORGANIZATION)
    assert {"Norvik", "Farbrook", "Quillon", "Tessaly", "Banco Marés"} <= orgs
    assert "Jane Doe" not in orgs
    assert ("Marta Sousa", "Norvik") in _affiliations(extraction)
