"""Typed records that cross stage boundaries: articles, passages, entities, facts and hits.

Offsets (`start`, `end`) are always character offsets into `Article.text`, so that every passage,
mention and fact can be cited back to the exact span of its source document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    """The kinds of entity the graph holds."""

    PERSON = "person"
    ORGANIZATION = "organization"
    EVENT = "event"  # one edition: KubeCon + CloudNativeCon North America 2019
    SERIES = "series"  # a recurring event: KubeCon + CloudNativeCon, Kubernetes Forum
    TALK = "talk"  # a keynote, session, panel or lightning talk at an event
    PROJECT = "project"  # software: CNCF projects and other landscape items
    TOPIC = "topic"  # a subject: security, DevSecOps, OODA loop
    PLACE = "place"  # a city or country


@dataclass(frozen=True)
class ListedSpeaker:
    """A speaker as a talk list credits them; offsets are into the talk's `credit`."""

    name: str
    start: int  # the name as written spans credit[start:end] (`Richard (RichiH) Hartmann`)
    end: int
    organization: str | None = None
    organization_start: int | None = None  # None when the organisation is not in the credit
    job_title: str | None = None


@dataclass(frozen=True)
class ListedTalk:
    """One row of a talk list: titles, kind, the speaker credit as written, and video links."""

    title: str  # English, as listed (kind prefix kept, level markers removed)
    kind: str  # keynote, session, lightning, panel, bof, tutorial or workshop
    credit: str = ""  # "Name, Org & Name, Org", as written after the title
    speakers: tuple[ListedSpeaker, ...] = ()
    title_zh: str | None = None
    videos: tuple[str, ...] = ()
    level: str | None = None  # beginner, intermediate, advanced or any


@dataclass(frozen=True)
class TalkList:
    """A conference talk list read from a table: its heading, the prose around it, its talks."""

    heading: str
    prose: tuple[str, ...]
    talks: tuple[ListedTalk, ...]


@dataclass(frozen=True)
class Article:
    """One source document after reading: body text without its header block, and metadata."""

    doc_id: str
    text: str
    lang: str  # "ko", "en" or "mixed"
    title: str
    header: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    source_path: str = ""
    content_hash: str = ""  # sha256 of the raw file bytes
    media_type: str = "text/plain"  # text/plain, text/markdown or text/html
    # Set when the document is a talk list; its text is then one line per talk.
    talk_list: TalkList | None = field(default=None, compare=False, hash=False)

    @property
    def date(self) -> str | None:
        return self.header.get("date")

    @property
    def url(self) -> str | None:
        """Where a reader can find the original: `published_at`, `url` or an http `source`."""
        for key in ("published_at", "url", "source"):
            value = self.header.get(key, "")
            if value.startswith(("http://", "https://")):
                return value.split()[0]
        return None


@dataclass(frozen=True, slots=True)  # one per passage: no __dict__ each
class Passage:
    """A span of an article sized for the encoder; the unit of search and citation."""

    passage_id: str  # f"{doc_id}#p{index}"
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    lang: str  # "ko", "en" or "mixed"


@dataclass(frozen=True)
class Name:
    """A name of an entity in one script: `ko` for Hangul, `en` for Latin."""

    text: str
    lang: str


@dataclass(frozen=True)
class EntityRecord:
    """What one document says about an entity before resolution: a local key, type and names.

    `key` is unique within its document (e.g. "person:dan kohn"); `names` lists the names the
    document uses, preferred first; `variants` are misspellings or aliases recognised for it.
    """

    key: str
    type: EntityType
    names: tuple[Name, ...]
    variants: tuple[Name, ...] = ()
    # An identifier from a curated source (gazetteer or talk list) that resolution trusts.
    reference: str | None = None


@dataclass(frozen=True)
class Mention:
    """A span of an article that refers to an entity record of the same document."""

    entity: str  # EntityRecord.key
    passage_id: str
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class Fact:
    """One statement about an entity, traced to the passage it came from.

    `predicate` is one of the names in `graph.terms.PREDICATES` (affiliation, jobTitle, performer,
    about, superEvent, location, startDate, endDate, organizer, eventStatus, maturity, ...).
    `kind` says how to read `value`: "entity" (an EntityRecord key of the same document),
    "string" (with `lang`), "date" (YYYY-MM-DD), "month" (YYYY-MM), "year", "integer",
    "decimal" or "iri".
    """

    subject: str
    predicate: str
    value: str
    kind: str = "entity"
    lang: str | None = None
    passage_id: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    doc_id: str
    entities: tuple[EntityRecord, ...]
    facts: tuple[Fact, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Entity:
    """A resolved entity: one node of the graph, shared by every document that names it.

    `id` is the IRI path below the base, e.g. "person/dan-kohn"; it is stable across re-ingests.
    """

    id: str
    type: EntityType
    names: tuple[Name, ...]  # one preferred name per language
    alternate_names: tuple[Name, ...] = ()

    def label(self, lang: str = "en") -> str:
        """The preferred name in `lang`, else any name."""
        for name in self.names:
            if name.lang == lang:
                return name.text
        return self.names[0].text if self.names else self.id


@dataclass(frozen=True)
class TalkSpeaker:
    """A speaker of a talk as entity ids: the person and the organisation credited beside them."""

    person_id: str
    organization_id: str | None = None


@dataclass(frozen=True)
class TalkRecord:
    """A talk of a talk list as search returns it: the passage holding its line, its titles,
    kind, edition, year, speakers, topics and video links (entity ids resolve the names)."""

    talk_id: str  # the talk's entity id, e.g. "talk/kubecon-cloudnativecon-europe-2019/..."
    passage_id: str
    title: str
    kind: str  # keynote, session, lightning, panel, bof, tutorial or workshop
    title_zh: str | None = None
    event_id: str | None = None  # the edition
    year: int | None = None
    speakers: tuple[TalkSpeaker, ...] = ()
    topic_ids: tuple[str, ...] = ()  # projects and topics the title names
    place_ids: tuple[str, ...] = ()  # where the edition was held
    videos: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """One search result: a passage with its score and the entities it mentions; `talk` is set
    when the passage is one talk of a talk list."""

    passage: Passage
    score: float
    title: str = ""
    url: str | None = None
    entities: tuple[Entity, ...] = ()
    signals: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    talk: TalkRecord | None = None


@dataclass(frozen=True)
class ResolvedDocument:
    """One document ready for the graph: its article, passages, extraction and resolved ids."""

    article: Article
    passages: tuple[Passage, ...]
    extraction: Extraction
    entity_ids: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)  # one per passage: no __dict__ each
class DocumentInfo:
    """What a snapshot keeps about each ingested document, for listing, filters and citations."""

    doc_id: str
    title: str
    lang: str
    content_hash: str
    passage_ids: tuple[str, ...]
    date: str | None = None
    year: int | None = None
    url: str | None = None
    source_path: str = ""
    event_ids: tuple[str, ...] = ()  # the events the document is about (for the event filter)


@dataclass(frozen=True, slots=True)  # one per passage: no __dict__ each
class StoredPassage:
    """A passage as the indexes know it: its FAISS id and the entities mentioned in it."""

    passage: Passage
    vector_id: int
    entity_ids: tuple[str, ...] = ()
