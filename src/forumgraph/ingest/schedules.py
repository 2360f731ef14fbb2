"""Talk lists as structured input: the edition, its talks, speakers and their affiliations.

The reader (`talklist.py`) renders each talk as one line of the article; `extract_schedule` walks
the same talks and writes the edition (from the heading), talks with titles, kind, video links,
topics, speakers and their organisations, each cited to its line. A sentence of the prose that
names another edition with dates (`Don't miss KubeCon + CloudNativeCon Shanghai November 13-15,
2018`) dates that edition, never the list's own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from forumgraph.errors import InputError
from forumgraph.ingest.dates import find_dates
from forumgraph.ingest.extract_events_state import EventBook
from forumgraph.ingest.extract_orgs import add_entry, add_entry_facts
from forumgraph.ingest.extract_people import person
from forumgraph.ingest.extract_records import Draft, name_of, normal_key
from forumgraph.ingest.extract_talks import title_key
from forumgraph.ingest.extract_text import PhraseMatch, sentences
from forumgraph.ingest.gazetteer import REGION, Gazetteer, GazetteerEntry
from forumgraph.ingest.talklist import TalkLine, render_talk_list
from forumgraph.models import Article, EntityType, Extraction, ListedTalk, Name, Passage

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_TOPIC_KINDS = frozenset({EntityType.PROJECT.value, EntityType.TOPIC.value})


def is_schedule(article: Article) -> bool:
    """Whether `article` is a talk list (see `talklist.parse_talk_list`)."""
    return article.talk_list is not None


def extract_schedule(
    article: Article, passages: Sequence[Passage], gazetteer: Gazetteer
) -> Extraction:
    """The edition, its talks, speakers and their affiliations from a talk-list article."""
    talk_list = article.talk_list
    if talk_list is None:
        raise InputError(f"Document {article.doc_id} is not a talk list.")
    rendered = render_talk_list(talk_list)
    if rendered.text != article.text:
        raise InputError(
            f"Talk list {article.doc_id}: its text does not match its talks.",
            hint="Read the file again; the text of a talk list is made from its rows.",
        )
    draft = Draft(article, sorted(passages, key=lambda p: p.start))
    book = EventBook(draft, gazetteer)
    edition = _edition(draft, book, talk_list.heading, rendered.heading, gazetteer)
    for start, end in rendered.prose:
        _announced_dates(draft, book, gazetteer, start, end)
    titles = Counter(title_key(t.title) for t in talk_list.talks)
    for number, (talk, line) in enumerate(zip(talk_list.talks, rendered.talks, strict=True)):
        shared = titles[title_key(talk.title)] > 1
        _talk(draft, gazetteer, f"talk:{number}", talk, line, edition, shared)
    book.finish()
    add_entry_facts(draft, gazetteer)
    return draft.build()


def _edition(
    draft: Draft, book: EventBook, heading: str, span: tuple[int, int], gazetteer: Gazetteer
) -> str:
    """The list's own edition from its heading: series, city or region, and year."""
    found = [gazetteer.entries[m.value] for m in gazetteer.matcher.find(heading)]
    series = next((e for e in found if e.kind == EntityType.SERIES.value), None)
    where = next((e for e in found if e.kind == EntityType.PLACE.value), None) or next(
        (e for e in found if e.kind == REGION), None
    )
    year = _YEAR.search(heading)
    if series is None or where is None or year is None:
        # An edition the gazetteer cannot place still holds the talks, under its heading.
        label = heading.strip() or draft.article.doc_id
        key = f"event:{normal_key(label)}"
        return draft.entity(key, EntityType.EVENT, [name_of(label)], reference=key)
    edition = book.edition(series, where, int(year.group()))
    edition.status = "held"  # the list is of recorded talks
    book.describe(edition, None, "held", *span)
    return edition.key


def _announced_dates(
    draft: Draft,
    book: EventBook,
    gazetteer: Gazetteer,
    start: int,
    end: int,
) -> None:
    """Dates stated for an edition a prose sentence names: a series with a city or region,
    then a date with its year. Dates without a year are left alone (`Mar 30-Apr 2`)."""
    for sentence in sentences(draft.article.text[start:end], start):
        matches = gazetteer.matcher.find(sentence.text, sentence.start)
        for date in find_dates(sentence.text):
            if not date.explicit_year:
                continue
            at = sentence.start + date.begin
            named = _edition_before(matches, at, gazetteer)
            if named is None:
                continue
            series, where, first, last = named
            # The edition named may be the list's own (a list that states its dates) or another.
            book.describe(book.edition(series, where, int(date.start[:4])), date, None, first, last)


def _edition_before(
    matches: Sequence[PhraseMatch], at: int, gazetteer: Gazetteer
) -> tuple[GazetteerEntry, GazetteerEntry, int, int] | None:
    """The series and the city (or region) written last before offset `at`."""
    series: tuple[GazetteerEntry, int] | None = None
    named = None
    for match in matches:
        if match.start >= at:
            break
        entry = gazetteer.entries[match.value]
        if entry.kind == EntityType.SERIES.value:
            series = (entry, match.start)
        elif series is not None and entry.kind in (EntityType.PLACE.value, REGION):
            named = (series[0], entry, series[1], match.end)
    return named


def _talk(
    draft: Draft,
    gazetteer: Gazetteer,
    key: str,
    talk: ListedTalk,
    line: TalkLine,
    edition: str,
    shared_title: bool,
) -> None:
    title_lang = "zh" if _CJK.search(talk.title) and not _has_latin(talk.title) else "en"
    names = [Name(talk.title, title_lang) if title_lang == "zh" else name_of(talk.title)]
    # A title used twice in one list ("Keynote: Closing Remarks") is told apart by speakers.
    identity = title_key(talk.title)
    if shared_title:
        identity += "|speakers:" + "|".join(sorted(normal_key(s.name) for s in talk.speakers))
    draft.entity(key, EntityType.TALK, names, reference=f"talk:{edition}|{identity}")
    pid = draft.mention(key, line.start, line.end)
    draft.fact(key, "name", talk.title, "string", title_lang, pid)
    if talk.title_zh and talk.title_zh != talk.title:
        draft.fact(key, "name", talk.title_zh, "string", "zh", pid)
    draft.fact(key, "talkKind", talk.kind, "string", passage_id=pid)
    draft.fact(key, "superEvent", edition, passage_id=pid)
    for video in talk.videos:
        draft.fact(key, "url", video, "iri", passage_id=pid)
    _topics(draft, gazetteer, key, line.start, line.credit_start if talk.credit else line.end)
    for speaker in talk.speakers:
        who = person(draft, speaker.name)
        draft.mention(who, line.credit_start + speaker.start, line.credit_start + speaker.end)
        draft.fact(key, "performer", who, passage_id=pid)
        if speaker.job_title:
            draft.fact(who, "jobTitle", speaker.job_title, "string", "en", pid)
        if speaker.organization:
            org = _organization(draft, gazetteer, speaker.organization)
            if speaker.organization_start is not None:
                at = line.credit_start + speaker.organization_start
                draft.mention(org, at, at + len(speaker.organization))
            draft.fact(who, "affiliation", org, passage_id=pid)


def _topics(draft: Draft, gazetteer: Gazetteer, key: str, start: int, end: int) -> None:
    """Projects and topics the title names become what the talk is about."""
    for match in gazetteer.matcher.find(draft.article.text[start:end], start):
        entry = gazetteer.entries[match.value]
        if entry.kind not in _TOPIC_KINDS:
            continue
        subject = add_entry(draft, entry, draft.article.text[match.start : match.end])
        pid = draft.mention(subject, match.start, match.end)
        draft.fact(key, "about", subject, passage_id=pid)


def _organization(draft: Draft, gazetteer: Gazetteer, name: str) -> str:
    entry = gazetteer.lookup(name, EntityType.ORGANIZATION.value)
    if entry is not None:
        return add_entry(draft, entry, name)
    return draft.entity(
        f"organization:{normal_key(name)}", EntityType.ORGANIZATION, [name_of(name)]
    )


def _has_latin(text: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in text)


__all__ = ["extract_schedule", "is_schedule"]
