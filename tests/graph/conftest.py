"""Hand-built resolved documents and stores shared by the graph tests."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pyoxigraph
import pytest

from forumgraph.graph.build import document_quads
from forumgraph.graph.store import OxigraphStore
from forumgraph.models import (
    Article,
    EntityRecord,
    EntityType,
    Extraction,
    Fact,
    Mention,
    Name,
    Passage,
    ResolvedDocument,
)

BASE = "https://forumgraph.org/"

SEOUL_TEXT = (
    "CNCF 상임이사인 댄 컨(Dan Kohn)은 2019년 12월 9일 서울에서 열린 쿠버네티스 포럼 서울에서 "
    "기조연설을 했다. 약 1,100명이 참석했다.\n\n"
    "아쿠아 시큐리티(Aqua Security)의 리즈 라이스는 보안을 주제로 발표했고, "
    "삼성SDS의 한 엔지니어도 발표했다."
)
SCHEDULE_TEXT = (
    "Keynote: Opening Remarks — Dan Kohn (CNCF)\nSession: Supply chain security — Brandom Lum (IBM)"
)


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    begin = text.index(needle, start)
    return begin, begin + len(needle)


def _passages(doc_id: str, text: str, lang: str, cuts: list[int]) -> tuple[Passage, ...]:
    bounds = [0, *cuts, len(text)]
    return tuple(
        Passage(f"{doc_id}#p{i}", doc_id, i, start, end, text[start:end], lang)
        for i, (start, end) in enumerate(pairwise(bounds))
    )


def _mention(doc_id: str, passages: tuple[Passage, ...], key: str, surface: str) -> Mention:
    text = "".join(p.text for p in passages)
    start, end = _span(text, surface)
    passage = next(p for p in passages if p.start <= start < p.end)
    return Mention(key, passage.passage_id, start, end, surface)


def build_seoul_document() -> ResolvedDocument:
    """A Korean report: a keynote, affiliations, an event with dates, an unnamed speaker."""
    doc_id = "kubernetes-forum-seoul-2019.ko"
    article = Article(
        doc_id=doc_id,
        text=SEOUL_TEXT,
        lang="ko",
        title="쿠버네티스 포럼 서울 2019",
        header={
            "date": "2020-01 (approximate)",
            "author": "Forum reporter",
            "license": "CC BY 4.0",
        },
        content_hash="0" * 64,
    )
    passages = _passages(doc_id, SEOUL_TEXT, "ko", [SEOUL_TEXT.index("아쿠아")])
    p0, p1 = passages[0].passage_id, passages[1].passage_id
    records = (
        EntityRecord(
            "person:dan", EntityType.PERSON, (Name("댄 컨", "ko"), Name("Dan Kohn", "en"))
        ),
        EntityRecord("person:liz", EntityType.PERSON, (Name("리즈 라이스", "ko"),)),
        EntityRecord("org:cncf", EntityType.ORGANIZATION, (Name("CNCF", "en"),)),
        EntityRecord(
            "org:aqua",
            EntityType.ORGANIZATION,
            (Name("아쿠아 시큐리티", "ko"), Name("Aqua Security", "en")),
        ),
        EntityRecord("org:sds", EntityType.ORGANIZATION, (Name("삼성SDS", "ko"),)),
        EntityRecord(
            "event:seoul",
            EntityType.EVENT,
            (Name("쿠버네티스 포럼 서울", "ko"), Name("Kubernetes Forum Seoul 2019", "en")),
        ),
        EntityRecord("series:forum", EntityType.SERIES, (Name("Kubernetes Forum", "en"),)),
        EntityRecord("place:seoul", EntityType.PLACE, (Name("서울", "ko"), Name("Seoul", "en"))),
        EntityRecord(
            "topic:security", EntityType.TOPIC, (Name("보안", "ko"), Name("security", "en"))
        ),
        EntityRecord("talk:dan", EntityType.TALK, ()),
        EntityRecord("talk:liz", EntityType.TALK, ()),
        EntityRecord("talk:sds", EntityType.TALK, ()),
    )
    ids = {
        "person:dan": "person/dan-kohn",
        "person:liz": "person/liz-rice",
        "org:cncf": "organization/cncf",
        "org:aqua": "organization/aqua-security",
        "org:sds": "organization/samsung-sds",
        "event:seoul": "event/kubernetes-forum-seoul-2019",
        "series:forum": "series/kubernetes-forum",
        "place:seoul": "place/seoul",
        "topic:security": "topic/security",
        "talk:dan": "talk/kubernetes-forum-seoul-2019/dan-kohn-keynote",
        "talk:liz": "talk/kubernetes-forum-seoul-2019/liz-rice",
        "talk:sds": "talk/kubernetes-forum-seoul-2019/samsung-sds",
    }
    facts = (
        Fact("person:dan", "affiliation", "org:cncf", passage_id=p0),
        Fact("person:dan", "jobTitle", "상임이사", "string", "ko", p0),
        Fact("talk:dan", "performer", "person:dan", passage_id=p0),
        Fact("talk:dan", "superEvent", "event:seoul", passage_id=p0),
        Fact("talk:dan", "talkKind", "keynote", "string", passage_id=p0),
        Fact("event:seoul", "superEvent", "series:forum", passage_id=p0),
        Fact("event:seoul", "location", "place:seoul", passage_id=p0),
        Fact("event:seoul", "startDate", "2019-12-09", "date", passage_id=p0),
        Fact(
            "event:seoul", "endDate", "2019-12-10", "date"
        ),  # no passage: derived from the article
        Fact("event:seoul", "eventStatus", "held", "string", passage_id=p0),
        Fact("event:seoul", "organizer", "org:cncf", passage_id=p0),
        Fact("event:seoul", "figure", "1,100", "integer", passage_id=p0),
        Fact("event:seoul", "figureLabel", "참석자 수", "string", "ko", p0),
        Fact("place:seoul", "country", "kr", "string", passage_id=p0),
        Fact("person:liz", "affiliation", "org:aqua", passage_id=p1),
        Fact("talk:liz", "performer", "person:liz", passage_id=p1),
        Fact("talk:liz", "superEvent", "event:seoul", passage_id=p1),
        Fact("talk:liz", "about", "topic:security", passage_id=p1),
        Fact("talk:sds", "performerOrg", "org:sds", passage_id=p1),
        Fact("talk:sds", "superEvent", "event:seoul", passage_id=p1),
    )
    surfaces = [
        ("person:dan", "댄 컨"),
        ("org:cncf", "CNCF"),
        ("event:seoul", "쿠버네티스 포럼 서울"),
        ("place:seoul", "서울"),
        ("person:liz", "리즈 라이스"),
        ("org:aqua", "아쿠아 시큐리티"),
        ("org:sds", "삼성SDS"),
        ("topic:security", "보안"),
    ]
    mentions = tuple(_mention(doc_id, passages, key, surface) for key, surface in surfaces)
    extraction = Extraction(doc_id, records, facts, mentions)
    return ResolvedDocument(article, passages, extraction, ids)


def build_schedule_document() -> ResolvedDocument:
    """An English talk list: Dan Kohn in Latin letters, a misspelled speaker, a month date."""
    doc_id = "kccncna19_talks"
    article = Article(
        doc_id=doc_id,
        text=SCHEDULE_TEXT,
        lang="en",
        title="KubeCon + CloudNativeCon North America 2019 talks",
        header={"date": "2019-11-18", "source": "https://github.com/cncf/presentations"},
    )
    passages = _passages(doc_id, SCHEDULE_TEXT, "en", [SCHEDULE_TEXT.index("Session")])
    p0, p1 = passages[0].passage_id, passages[1].passage_id
    records = (
        EntityRecord("person:dan", EntityType.PERSON, (Name("Dan Kohn", "en"),)),
        EntityRecord(
            "person:brandon",
            EntityType.PERSON,
            (Name("Brandon Lum", "en"),),
            variants=(Name("Brandom Lum", "en"),),
        ),
        EntityRecord("org:cncf", EntityType.ORGANIZATION, (Name("CNCF", "en"),)),
        EntityRecord("org:ibm", EntityType.ORGANIZATION, (Name("IBM", "en"),)),
        EntityRecord(
            "event:na19",
            EntityType.EVENT,
            (Name("KubeCon + CloudNativeCon North America 2019", "en"),),
        ),
        EntityRecord(
            "series:kubecon", EntityType.SERIES, (Name("KubeCon + CloudNativeCon", "en"),)
        ),
        EntityRecord("place:sd", EntityType.PLACE, (Name("San Diego", "en"),)),
        EntityRecord("talk:opening", EntityType.TALK, (Name("Opening Remarks", "en"),)),
        EntityRecord("talk:supply", EntityType.TALK, (Name("Supply chain security", "en"),)),
    )
    ids = {
        "person:dan": "person/dan-kohn",
        "person:brandon": "person/brandon-lum",
        "org:cncf": "organization/cncf",
        "org:ibm": "organization/ibm",
        "event:na19": "event/kubecon-cloudnativecon-north-america-2019",
        "series:kubecon": "series/kubecon-cloudnativecon",
        "place:sd": "place/san-diego",
        "talk:opening": "talk/kubecon-cloudnativecon-north-america-2019/opening-remarks",
        "talk:supply": "talk/kubecon-cloudnativecon-north-america-2019/supply-chain-security",
    }
    facts = (
        Fact("talk:opening", "performer", "person:dan", passage_id=p0),
        Fact("talk:opening", "superEvent", "event:na19", passage_id=p0),
        Fact("talk:opening", "talkKind", "Keynote", "string", passage_id=p0),
        Fact("talk:opening", "name", "Opening Remarks", "string", "en", p0),
        Fact("person:dan", "affiliation", "org:cncf", passage_id=p0),
        Fact("talk:supply", "performer", "person:brandon", passage_id=p1),
        Fact("talk:supply", "superEvent", "event:na19", passage_id=p1),
        Fact("talk:supply", "day", "2", "integer", passage_id=p1),
        Fact("talk:supply", "url", "https://www.youtube.com/watch?v=example", "iri", passage_id=p1),
        Fact("person:brandon", "affiliation", "org:ibm", passage_id=p1),
        Fact("event:na19", "superEvent", "series:kubecon", passage_id=p0),
        Fact("event:na19", "location", "place:sd", passage_id=p0),
        Fact("event:na19", "startDate", "2019-11", "month", passage_id=p0),
        Fact("place:sd", "country", "US", "string", passage_id=p0),
    )
    mentions = (
        _mention(doc_id, passages, "person:dan", "Dan Kohn"),
        _mention(doc_id, passages, "person:brandon", "Brandom Lum"),
    )
    extraction = Extraction(doc_id, records, facts, mentions)
    return ResolvedDocument(article, passages, extraction, ids)


@pytest.fixture
def seoul_doc() -> ResolvedDocument:
    return build_seoul_document()


@pytest.fixture
def schedule_doc() -> ResolvedDocument:
    return build_schedule_document()


@pytest.fixture
def quad_store(seoul_doc: ResolvedDocument, schedule_doc: ResolvedDocument) -> pyoxigraph.Store:
    """A plain pyoxigraph store with both documents, for checking the built quads directly."""
    store = pyoxigraph.Store()
    store.extend(document_quads(seoul_doc, BASE))
    store.extend(document_quads(schedule_doc, BASE))
    return store


@pytest.fixture(scope="session")
def query_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    """A read-only on-disk store with both documents and running query workers (shared)."""
    path: Path = tmp_path_factory.mktemp("graph") / "store"
    writer = OxigraphStore.open(path)
    for doc in (build_seoul_document(), build_schedule_document()):
        writer.replace_document(doc.article.doc_id, document_quads(doc, BASE))
    writer.close()
    store = OxigraphStore.open(path, read_only=True)
    store.start_query_workers()
    yield store
    store.close()
