"""Talk lists in the cncf/presentations Markdown format: rows of every year, editions, counts."""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

import pyoxigraph
import pytest
from extraction_support import ROOT, SCHEDULES, context, corpus, corpus_resolution, talk_list_paths

from forumgraph.graph.build import document_quads
from forumgraph.ingest.extract import extract
from forumgraph.ingest.gazetteer import load_gazetteer
from forumgraph.ingest.readers import ReadLimits, read_article
from forumgraph.ingest.resolve import resolve
from forumgraph.ingest.segment import split_passages
from forumgraph.ingest.talk_credits import TALK_KINDS, split_english, talk_kind
from forumgraph.ingest.talk_speakers import parse_credit
from forumgraph.ingest.talklist import parse_talk_list, render_talk_list
from forumgraph.models import Extraction, ListedTalk, ResolvedDocument, TalkList

NA19 = "event:kubecon + cloudnativecon|north america|2019"
BASE = "https://forumgraph.org/"
ONTOLOGY = ROOT / "ontology"


@lru_cache(maxsize=16)
def talk_list(name: str) -> TalkList:
    parsed = parse_talk_list((SCHEDULES / name).read_text(encoding="utf-8"), load_gazetteer())
    assert parsed is not None, name
    return parsed


def listed(name: str, title: str) -> ListedTalk:
    found = [t for t in talk_list(name).talks if t.title == title]
    assert found, f"{title!r} not in {name}"
    return found[0]


def extraction_of(doc_id: str) -> Extraction:
    return next(e for e in corpus() if e.doc_id == doc_id)


# One or more rows of every file, as written, with what a reader should take from them.
ROWS = [
    (
        "2016Seattle.md",
        "Imperative to Declarative Infrastructure by For Developers and Operators",
        [("Ashwin Raveendran", "eBay", None)],
        "session",
    ),
    (
        "2016Seattle.md",
        "Network Service Agreement (SLA) System for Container Network",
        [("Yan Sun", "Huawei", None), ("Xuefeng Han", "Huawei", None)],
        "session",
    ),
    (
        "2016Seattle.md",
        "Keynote: Kubernetes",
        [("Kelsey Hightower", "Google", "Staff Developer Advocate")],
        "keynote",
    ),
    (
        "2016Seattle.md",
        "Lightning Talk - Realizing the Multi-Cloud Promise of Kubernetes",
        [("Blake White", "The Walt Disney Co.", None)],
        "lightning",
    ),
    (
        "2017Austin.md",
        "Keynote: Service Meshes and Observability",
        [("Ben Sigelman", "Lightstep", "Co-founder & CEO")],
        "keynote",
    ),
    (
        "2017Austin.md",
        "Embedding the Containerd Runtime for Fun and Profit",
        [("Phil Estes", "IBM", None)],
        "session",
    ),
    (
        "2017Berlin.md",
        "Keynote Panel: Moving to the Modern Infrastructure",
        [("Michelle Noorali", None, None)],
        "keynote",
    ),
    (
        "2018Copenhagen.md",
        "OpenStack SIG Intro",
        [("Chris Hoge", "OpenStack Foundation", None), ("David Lyle", "Intel", None)],
        "session",
    ),
    (
        "2018Copenhagen.md",
        "Keynote: CNCF Project Update",
        [
            ("Liz Rice", None, None),
            ("Colin Sullivan", None, None),
            ("Andrew Jessup", None, None),
            ("Sugu Sougoumarane", None, None),
        ],
        "keynote",
    ),
    (
        "2018Copenhagen.md",
        "SPIFFE Deep Dive",
        [
            ("Andrew Jessup", "Scytale", None),
            ("Emiliano Berenbaum", "Scytale", None),
            ("Neel Shah", "VMware", None),
        ],
        "session",
    ),
    (
        "2018Seattle.md",
        "Intro: Network Service Mesh BoF",
        [("Ed Warnick", "Cisco", None), ("Frederick F. Kautz IV", "Red Hat", None)],
        "bof",
    ),
    (
        "2018Seattle.md",
        "Intro: Prometheus",
        [("Richard Hartmann", "SpaceNet", None), ("Frederic Branczyk", "CoreOS", None)],
        "session",
    ),
    (
        "2018Shanghai.md",
        "Take the Wheel, Don’t Reinvent It! - Deploying Apps With Helm in 5 Minutes",
        # The English side names no organisation; the Chinese side does, in Latin letters.
        [("Christopher Hanson", "RX-M Enterprises", None)],
        "session",
    ),
    (
        "EnvoyCon2018Seattle.md",
        "Envoy at Square",
        [("Michael Puncel", "Square", None), ("Snow Petteren", "Square", None)],
        "session",
    ),
    (
        "2019Barcelona.md",
        "Keynote: CNCF Project Update",
        [("Bryan Liles", "VMware", "Senior Staff Engineer")],
        "keynote",
    ),
    (
        "2019Barcelona.md",
        "Tutorial: Introduction to Kubeflow Pipelines",
        [("Michelle Casbon", None, None), ("Dan Sanche", None, None), ("Dan Anghel", None, None)],
        "tutorial",
    ),
    (
        "2019SanDiego.md",
        "Lightning Talk: CRDs All the Way Down – Using OPA for Complex CRD Validation and...",
        [("Puja Abbassi", None, None)],
        "lightning",
    ),
    (
        "2019SanDiego.md",
        "An Introduction to Helm",
        [("Matt Farina", "Samsung SDS", None), ("Josh Dolitsky", "Blood Orange", None)],
        "session",
    ),
    (
        "2019SanDiego.md",
        "Introduction to the CNCF App Delivery SIG",
        [("Alois", "Dynatrace", None), ("Lei Zhang", "Alibaba", None)],
        "session",
    ),
    (
        "2019Shanghai.md",
        "Intro + Deep Dive BoF: Telecom User Group...",
        [("Cheryl Hung", None, None), ("Dan Kohn", None, None), ("Taylor Carpenter", None, None)],
        "bof",
    ),
    (
        "2019Shanghai.md",
        "Keynote: CRDs, No Longer 2nd Class Thing!",
        # Xing Yang's organisation is named on the Chinese side only.
        [("Jing Xu", "Google", "Software Engineer"), ("Xing Yang", "OpenSDS", None)],
        "keynote",
    ),
    (
        "2020VSC.md",
        "Keynote: Hiding in the Dark",
        [("Dan Kohn", "Linux Foundation Public Health", "General Manager")],
        "keynote",
    ),
    (
        "2021ChinaVirtual.md",
        "A full-scenario colocation of workloads based on Kubernetes",
        [("Dongdong Chen", "Tencent", None), ("Lingpeng Chen", "Tencent", None)],
        "session",
    ),
    (
        "2023Shanghai.md",
        "Sponsored Keynote: +Open Source, Thriving Together for an Intelligent World",
        [("Bill Ren", "Huawei", None)],
        "keynote",
    ),
    (
        "2023Shanghai.md",
        "Keynote: A Journey to Cloud-Native: Best Practices from Agricultural Bank of "
        "China’s Clo...",
        [("Qing Liu", None, None)],
        "keynote",
    ),
]


@pytest.mark.parametrize(("name", "title", "speakers", "kind"), ROWS)
def test_rows_of_every_year_give_title_speakers_organisations_and_kind(
    name: str, title: str, speakers: list[tuple[str, str | None, str | None]], kind: str
) -> None:
    talk = listed(name, title)
    assert [(s.name, s.organization, s.job_title) for s in talk.speakers] == speakers
    assert talk.kind == kind
    assert len(talk.videos) == 2 and talk.videos[0].startswith("https://www.youtube.com/")


def test_every_file_is_covered_by_the_row_examples() -> None:
    assert {name for name, *_ in ROWS} == {p.name for p in talk_list_paths()}


def test_speaker_offsets_point_at_the_names_in_the_credit() -> None:
    for path in talk_list_paths():
        for talk in talk_list(path.name).talks:
            for speaker in talk.speakers:
                written = talk.credit[speaker.start : speaker.end]
                assert written.split()[0] == speaker.name.split()[0], (talk.credit, speaker)
                assert written.split()[-1] == speaker.name.split()[-1], (talk.credit, speaker)


def test_credit_formats() -> None:
    gazetteer = load_gazetteer()
    by_2016 = split_english("Kubernetes: As Seen On TV by Erik St. Martin, Comcast", gazetteer)
    assert (by_2016.title, by_2016.credit) == (
        "Kubernetes: As Seen On TV",
        "Erik St. Martin, Comcast",
    )
    dashes = split_english("Open Match - Matchmaking Framework - Robert Bailey, Google", gazetteer)
    assert dashes.title == "Open Match - Matchmaking Framework"
    cut = split_english(
        "Staying in Tune: Optimize Kubernetes for Stability and Util... Randy Johnson", gazetteer
    )
    assert (cut.title, cut.credit) == (
        "Staying in Tune: Optimize Kubernetes for Stability and Util...",
        "Randy Johnson",
    )
    level = split_english(
        "Prometheus for Devs - Hubert Ströbitzer, Freelancer (Beginner Skill Level)", gazetteer
    )
    assert (level.title, level.credit, level.level) == (
        "Prometheus for Devs",
        "Hubert Ströbitzer, Freelancer",
        "beginner",
    )
    marker = split_english("Extending Kubernetes 101 [A] - Travis Nielsen, Quantum Corp", gazetteer)
    assert (marker.title, marker.level) == ("Extending Kubernetes 101", "advanced")
    presented = split_english(
        "Keynote: CNCF End User Awards - Presented by Chris Aniszczyk", gazetteer
    )
    assert (presented.title, presented.credit) == (
        "Keynote: CNCF End User Awards",
        "Chris Aniszczyk",
    )
    nobody = split_english("Lightning Talk - OCI: Container Standards and Certification", gazetteer)
    assert (nobody.title, nobody.credit) == (
        "Lightning Talk - OCI: Container Standards and Certification",
        "",
    )
    title_dash = split_english(
        "Keynote: The Video Game - Grant Shipley, Director - OpenShift, Red Hat", gazetteer
    )
    assert title_dash.credit == "Grant Shipley, Director - OpenShift, Red Hat"


def test_speaker_pieces() -> None:
    gazetteer = load_gazetteer()

    def people(credit: str) -> list[tuple[str, str | None, str | None]]:
        return [(s.name, s.organization, s.job_title) for s in parse_credit(credit, gazetteer)]

    assert people("Eduardo Silva, Treasure Data") == [("Eduardo Silva", "Treasure Data", None)]
    assert people("Christina Quast, None") == [("Christina Quast", None, None)]
    assert people("Lucas Käldström, Independent") == [("Lucas Käldström", None, None)]
    assert people("Dr. Ying Xiong") == [("Ying Xiong", None, None)]
    assert people("Li Yi (Mark), Alibaba Cloud") == [("Li Yi", "Alibaba Cloud", None)]
    assert people("Yenan Lang and Hua Liu, Tencent") == [
        ("Yenan Lang", "Tencent", None),
        ("Hua Liu", "Tencent", None),
    ]
    assert people("Vicki Cheung, KubeCon + CloudNativeCon North America 2019 Co-Chair, Lyft") == [
        ("Vicki Cheung", "Lyft", "KubeCon + CloudNativeCon North America 2019 Co-Chair")
    ]
    # `A & B, C, Org` lists three people; `A & B, X` gives X as their organisation.
    assert people("John Belamaric, Google & Cricket Liu, Francois Tur, Infoblox") == [
        ("John Belamaric", "Google", None),
        ("Cricket Liu", "Infoblox", None),
        ("Francois Tur", "Infoblox", None),
    ]
    assert people("Brandon Philips, CoreOS, Inc.") == [("Brandon Philips", "CoreOS", None)]
    assert people("The China region") == []
    # A known organisation's name plus one word is its division, not a second speaker.
    assert [s[:2] for s in people("Ana Ortiz, Microsoft Azure & Bo Lee, IBM")] == [
        ("Ana Ortiz", "Microsoft Azure"),
        ("Bo Lee", "IBM"),
    ]
    assert [s[:2] for s in people("Ana Ortiz, Google Cloud")] == [("Ana Ortiz", "Google Cloud")]


def test_kinds() -> None:
    assert (
        talk_kind("Sponsored Keynote: Bringing Confidential Computing to Kubernetes") == "keynote"
    )
    assert talk_kind("Keynote Panel: Moving to the Modern Infrastructure") == "keynote"
    assert talk_kind("Lightning Talk - Netflix OSS on Kubernetes") == "lightning"
    assert talk_kind("CNCF Project Maintainers Birds of a Feather") == "bof"
    assert talk_kind("Kubernetes Networking Panel: Collaborate on the Spec") == "panel"
    assert talk_kind("Tutorial: Using Istio") == "tutorial"
    assert talk_kind("Closing Remarks") == "keynote"
    assert talk_kind("Community Awards", "主题演讲：2017社区奖") == "keynote"
    assert talk_kind("Kubernetes Control Plane Design") == "session"
    found = {t.kind for p in talk_list_paths() for t in talk_list(p.name).talks}
    assert found <= set(TALK_KINDS) and {"keynote", "lightning", "panel", "bof"} <= found


def test_chinese_titles_lose_the_credit_they_repeat() -> None:
    talk = listed("2019Shanghai.md", "Keynote: Closing Remarks")
    assert talk.title_zh == "主题演讲：闭幕致辞"
    assert listed("2016Seattle.md", "Logging for Containers").title_zh == "给容器做日志记录"


def test_speakers_named_only_on_the_chinese_side() -> None:
    talk = listed("2019Shanghai.md", "Panel: Edge Computing in the IoT")
    assert talk.title_zh == "小组讨论：物联网中的边缘计算"
    assert [(s.name, s.organization) for s in talk.speakers][:2] == [
        ("Tiejun Chen", "VMware"),
        ("Janko Isidorovic", "Mainflux"),
    ]
    # An organisation written in Chinese is left unnamed, not made into a Latin name.
    assert ("Shane Wang", None) in [(s.name, s.organization) for s in talk.speakers]


EDITIONS = [
    ("2016Seattle", "KubeCon + CloudNativeCon North America 2016", "Seattle"),
    ("2017Austin", "KubeCon + CloudNativeCon North America 2017", "Austin"),
    ("2017Berlin", "KubeCon + CloudNativeCon Europe 2017", "Berlin"),
    ("2018Copenhagen", "KubeCon + CloudNativeCon Europe 2018", "Copenhagen"),
    ("2018Seattle", "KubeCon + CloudNativeCon North America 2018", "Seattle"),
    ("2018Shanghai", "KubeCon + CloudNativeCon China 2018", "Shanghai"),
    ("EnvoyCon2018Seattle", "EnvoyCon Seattle 2018", "Seattle"),
    ("2019Barcelona", "KubeCon + CloudNativeCon Europe 2019", "Barcelona"),
    ("2019SanDiego", "KubeCon + CloudNativeCon North America 2019", "San Diego"),
    ("2019Shanghai", "KubeCon + CloudNativeCon China 2019", "Shanghai"),
    ("2020VSC", "Cloud Native + Open Source Virtual Summit China 2020", None),
    ("2021ChinaVirtual", "KubeCon + CloudNativeCon China 2021", None),
    ("2023Shanghai", "KubeCon + CloudNativeCon China 2023", "Shanghai"),
]


def _own_edition(extraction: Extraction) -> str:
    editions = {
        f.value
        for f in extraction.facts
        if f.predicate == "superEvent" and f.subject.startswith("talk:")
    }
    assert len(editions) == 1, editions
    return editions.pop()


def _facts(extraction: Extraction, subject: str, predicate: str) -> set[str]:
    return {f.value for f in extraction.facts if f.subject == subject and f.predicate == predicate}


@pytest.mark.parametrize(("doc_id", "name", "city"), EDITIONS)
def test_edition_of_each_file(doc_id: str, name: str, city: str | None) -> None:
    extraction = extraction_of(doc_id)
    edition = _own_edition(extraction)
    record = next(r for r in extraction.entities if r.key == edition)
    assert record.names[0].text == name
    names = {r.key: r.names[0].text for r in extraction.entities}
    assert {names[k] for k in _facts(extraction, edition, "location")} == (
        {city} if city else set()
    )
    assert name[-4:] in doc_id  # the year, from the heading


def test_next_edition_dates_go_to_that_edition_not_the_files_own() -> None:
    seattle = extraction_of(
        "2016Seattle"
    )  # "Don't miss KubeCon + CloudNativeCon Shanghai November 13-15, 2018."
    own = _own_edition(seattle)
    # The file's own edition has the month of the table of known editions, not 2018's date.
    assert _facts(seattle, own, "startDate") == {"2016-11"}
    china18 = "event:kubecon + cloudnativecon|china|2018"
    assert _facts(seattle, china18, "startDate") == {"2018-11-13"}
    assert _facts(seattle, china18, "endDate") == {"2018-11-15"}
    # The same city a year later is another edition: the 2018 Shanghai list keeps its own month.
    shanghai = extraction_of("2018Shanghai")
    assert _facts(shanghai, _own_edition(shanghai), "startDate") == {"2018-11"}
    assert _facts(shanghai, "event:kubecon + cloudnativecon|china|2019", "startDate") == {
        "2019-06-24"
    }
    # Two editions in one sentence; the second has no year, so no date is recorded for it.
    china19 = extraction_of("2019Shanghai")
    assert _facts(china19, NA19, "startDate") == {"2019-11-18"}
    assert not _facts(china19, "event:kubecon + cloudnativecon|europe|2020", "startDate")


def test_a_list_that_states_its_own_dates_gets_them() -> None:
    summit = extraction_of("2020VSC")
    own = _own_edition(summit)
    assert (_facts(summit, own, "startDate"), _facts(summit, own, "endDate")) == (
        {"2020-07-30"},
        {"2020-08-01"},
    )


@pytest.mark.parametrize("path", talk_list_paths(), ids=lambda p: p.stem)
def test_talk_count_matches_the_table_rows(path: Path) -> None:
    rows = (
        sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("|")) - 2
    )
    talks = [r for r in extraction_of(path.stem).entities if r.type == "talk"]
    # Rows repeated word for word (a talk listed twice) are one talk.
    assert 0.97 * rows <= len(talks) <= rows
    assert len(talk_list(path.name).talks) == rows


def test_no_talk_of_the_2019_editions_is_duplicated() -> None:
    assert not list(SCHEDULES.glob("*.tsv"))
    resolution = corpus_resolution()
    talk_ids = {
        doc: {v for k, v in resolution.entity_ids[doc].items() if k.startswith("talk:")}
        for doc in ("2019Barcelona", "2019SanDiego", "2019Shanghai")
    }
    docs = list(talk_ids)
    for i, first in enumerate(docs):
        for second in docs[i + 1 :]:
            assert not talk_ids[first] & talk_ids[second], (first, second)
    # Every talk of the San Diego edition comes from one talk list.
    na19 = [
        d for d in corpus() if any(f.value == NA19 for f in d.facts if f.predicate == "superEvent")
    ]
    lists = {d.doc_id for d in na19} & {p.stem for p in talk_list_paths()}
    assert lists == {"2019SanDiego"}


def test_same_title_twice_in_a_list_is_told_apart_by_speakers() -> None:
    extraction = extraction_of("2019Shanghai")
    closing = [
        r
        for r in extraction.entities
        if r.type == "talk" and r.names[0].text == "Keynote: Closing Remarks"
    ]
    assert len({r.reference for r in closing}) == len(closing) >= 2


def test_a_talk_list_is_recognised_by_content_not_by_name(tmp_path: Path) -> None:
    copy = tmp_path / "notes.md"
    shutil.copy(SCHEDULES / "EnvoyCon2018Seattle.md", copy)
    article = read_article(copy, ReadLimits())
    assert article.talk_list is not None and article.doc_id == "notes"
    assert article.text == render_talk_list(article.talk_list).text
    assert "Closing Remarks — Matt Klein, Lyft\n" in article.text
    assert article.title == "EnvoyCon 2018 - Seattle" and article.date == "2018"


def test_a_markdown_article_with_a_table_stays_an_article(tmp_path: Path) -> None:
    path = tmp_path / "kubecon-recap.md"
    path.write_text(
        "# What we saw at KubeCon\n\n"
        "Three days of talks, and these two stood out.\n\n"
        "|Topic|YouTube|\n|---|---|\n"
        "|Intro to Helm - Matt Farina, Samsung SDS|[Video](https://www.youtube.com/watch?v=a)|\n"
        "|Deep Dive: Helm - Matt Fisher, Microsoft|[Video](https://www.youtube.com/watch?v=b)|\n\n"
        "We will be back next year, with more notes on the hallway track.\n",
        encoding="utf-8",
    )
    article = read_article(path, ReadLimits())
    assert article.talk_list is None
    assert "Intro to Helm - Matt Farina, Samsung SDS" in article.text
    assert article.title == "What we saw at KubeCon"
    plain = tmp_path / "schedule.md"
    rows = "".join(f"|Session {n}|Room {n}|\n" for n in range(10))
    plain.write_text(f"# Schedule\n\n|Topic|Room|\n|---|---|\n{rows}", encoding="utf-8")
    assert read_article(plain, ReadLimits()).talk_list is None


def test_a_talk_list_graph_passes_the_shapes_with_chinese_titles() -> None:
    from pyshacl import validate
    from rdflib import Graph

    article = read_article(SCHEDULES / "2020VSC.md", ReadLimits())
    passages = tuple(split_passages(article))
    extraction = extract(article, passages, context())
    ids = resolve([extraction]).entity_ids[article.doc_id]
    quads = document_quads(ResolvedDocument(article, passages, extraction, ids), BASE)
    data = pyoxigraph.serialize([q.triple for q in quads], format=pyoxigraph.RdfFormat.N_TRIPLES)
    graph = Graph().parse(data=data, format="nt")
    zh = [o for _, p, o in graph if str(p).endswith("/name") and getattr(o, "language", "") == "zh"]
    assert len(zh) >= 100  # nearly every talk has its Chinese title
    conforms, _, report = validate(
        graph,
        shacl_graph=Graph().parse(ONTOLOGY / "shapes.ttl"),
        ont_graph=Graph().parse(ONTOLOGY / "forumgraph.ttl"),
        inference="none",
    )
    assert conforms, report


def test_passages_of_a_talk_list_hold_whole_talks_once() -> None:
    article = read_article(SCHEDULES / "2019SanDiego.md", ReadLimits())
    passages = split_passages(article)
    lines = render_talk_list(article.talk_list).talks if article.talk_list else ()
    for line in lines:
        holding = [p for p in passages if p.start <= line.start and line.end <= p.end]
        assert len(holding) == 1, article.text[line.start : line.end]
    assert sum(len(p.text) for p in passages) <= len(article.text)
