"""The working record of one document's extraction: entities, mentions and facts, deduplicated.

Every rule module writes into a `Draft`; `Draft.build()` turns it into the frozen `Extraction`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from forumgraph.models import (
    Article,
    EntityRecord,
    EntityType,
    Extraction,
    Fact,
    Mention,
    Name,
    Passage,
)
from forumgraph.text.hangul import has_hangul


def name_of(text: str) -> Name:
    """A `Name` tagged `ko` when it contains Hangul, else `en`."""
    return Name(text, "ko" if has_hangul(text) else "en")


def normal_key(text: str) -> str:
    """Case- and spacing-insensitive form of a name, used inside record keys."""
    return re.sub(r"\s+", " ", text.strip().casefold())


@dataclass
class _Record:
    type: EntityType
    names: list[Name]
    variants: list[Name] = field(default_factory=list)
    reference: str | None = None


@dataclass(frozen=True)
class Span:
    """A mention with the type of its entity, for sentence-level rules."""

    start: int
    end: int
    key: str
    type: EntityType
    passage_id: str


class Draft:
    """Entities, mentions and facts of one document while rules add to them."""

    def __init__(self, article: Article, passages: list[Passage]) -> None:
        self.article = article
        self.passages = passages
        self._records: dict[str, _Record] = {}
        self._mentions: dict[tuple[str, int, int], Mention] = {}
        self._facts: dict[tuple[str, str, str, str], Fact] = {}
        self._starts = [p.start for p in passages]
        self.spans: list[Span] = []
        self.cues: list[tuple[int, int, str]] = []  # (start, end, gazetteer reference)

    # Entities -----------------------------------------------------------------------------
    def entity(
        self,
        key: str,
        type_: EntityType,
        names: list[Name],
        variants: list[Name] | None = None,
        reference: str | None = None,
    ) -> str:
        """Add or extend the record `key`; returns the key."""
        record = self._records.get(key)
        if record is None:
            record = self._records[key] = _Record(type_, [], [], reference)
        for name in names:
            if name.text and name not in record.names and name not in record.variants:
                record.names.append(name)
        for name in variants or []:
            if name.text and name not in record.names and name not in record.variants:
                record.variants.append(name)
        record.reference = record.reference or reference
        return key

    def has(self, key: str) -> bool:
        return key in self._records

    def type_of(self, key: str) -> EntityType:
        return self._records[key].type

    def names_of(self, key: str) -> list[Name]:
        return list(self._records[key].names)

    def variants_of(self, key: str) -> list[Name]:
        return list(self._records[key].variants)

    def keys(self, type_: EntityType | None = None) -> list[str]:
        return [k for k, r in self._records.items() if type_ is None or r.type == type_]

    def named(self, type_: EntityType, text: str) -> str | None:
        """The first record of `type_` with a name written exactly `text`, if any."""
        return next(
            (k for k in self.keys(type_) if any(n.text == text for n in self.names_of(k))), None
        )

    def add_variant(self, key: str, text: str) -> None:
        """Record `text` as a variant spelling of `key` unless it already is one of its names."""
        self.entity(key, self.type_of(key), [], [name_of(text)])

    # Mentions -----------------------------------------------------------------------------
    def passage_at(self, offset: int) -> Passage | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.passages[i].start <= offset < self.passages[i].end:
            return self.passages[i]
        return None

    def mention(self, key: str, start: int, end: int) -> str | None:
        """Record a mention of `key` at [start, end); returns its passage id, if any."""
        passage = self.passage_at(start)
        if passage is None or end > passage.end:
            return None
        mention = Mention(key, passage.passage_id, start, end, self.article.text[start:end])
        if (key, start, end) not in self._mentions:
            self._mentions[(key, start, end)] = mention
            self.spans.append(Span(start, end, key, self.type_of(key), passage.passage_id))
        return passage.passage_id

    def unmention(self, span: Span) -> None:
        """Take back a mention (a longer name found later covers it)."""
        self._mentions.pop((span.key, span.start, span.end), None)
        self.spans = [s for s in self.spans if s != span]

    def claim(self, start: int, end: int, types: frozenset[EntityType]) -> list[Span] | None:
        """Make room for a name at [start, end): mentions of `types` strictly inside it are taken
        back and returned (a longer name wins over a shorter one inside it); None, and nothing
        taken back, when a mention of `types` at least as long already covers the span."""
        inside = []
        for span in self.spans:
            if span.type not in types:
                continue
            if span.start <= start and end <= span.end:
                return None
            if start <= span.start and span.end <= end:
                inside.append(span)
        for span in inside:
            self.unmention(span)
        return inside

    def mentioned_at(self, offset: int) -> Span | None:
        """The mention covering `offset`, if any."""
        return next((s for s in self.spans if s.start <= offset < s.end), None)

    def mentioned(self, key: str) -> bool:
        return any(s.key == key for s in self.spans)

    def discard(self, key: str) -> None:
        """Forget a record that lost its mentions, unless a fact still points at it."""
        if self.mentioned(key) or any(f.value == key for f in self._facts.values()):
            return
        self._records.pop(key, None)
        for marker in [m for m in self._facts if m[0] == key]:
            del self._facts[marker]

    def fold(self, other: str, into: str) -> None:
        """`other` is `into` under another name: its mentions and facts move to `into`, its
        names become variants of it, and its record goes."""
        for span in [s for s in self.spans if s.key == other]:
            self.unmention(span)
            self.mention(into, span.start, span.end)
        for marker, fact in list(self._facts.items()):
            if other in (fact.subject, fact.value):
                del self._facts[marker]
                subject = into if fact.subject == other else fact.subject
                value = into if fact.value == other else fact.value
                self.fact(subject, fact.predicate, value, fact.kind, fact.lang, fact.passage_id)
        record = self._records.pop(other, None)
        if record is not None:
            # A name in a language `into` has no name in yet becomes its name there.
            langs = {n.lang for n in self.names_of(into)}
            names = [n for n in record.names if n.lang not in langs]
            rest = [n for n in (*record.names, *record.variants) if n not in names]
            self.entity(into, self.type_of(into), names, rest)

    def spans_over(self, start: int, end: int) -> list[Span]:
        """Mentions that overlap [start, end)."""
        return [s for s in self.spans if s.start < end and start < s.end]

    def spans_in(self, start: int, end: int, type_: EntityType | None = None) -> list[Span]:
        """Mentions inside [start, end), in text order, optionally of one type."""
        found = [
            s
            for s in self.spans
            if start <= s.start and s.end <= end and (type_ is None or s.type == type_)
        ]
        return sorted(found, key=lambda s: (s.start, -s.end))

    def first_passage(self, key: str) -> str | None:
        spans = [s for s in self.spans if s.key == key]
        return min(spans, key=lambda s: s.start).passage_id if spans else None

    # Facts --------------------------------------------------------------------------------
    def fact(
        self,
        subject: str,
        predicate: str,
        value: str,
        kind: str = "entity",
        lang: str | None = None,
        passage_id: str | None = None,
    ) -> None:
        """Add a fact once (the first passage that states it is kept)."""
        marker = (subject, predicate, value, lang or "")
        if marker not in self._facts:
            self._facts[marker] = Fact(subject, predicate, value, kind, lang, passage_id)

    def facts_of(self, subject: str, predicate: str | None = None) -> list[Fact]:
        return [
            f
            for f in self._facts.values()
            if f.subject == subject and (predicate is None or f.predicate == predicate)
        ]

    def facts_about(self, value: str, predicate: str) -> list[Fact]:
        """Facts whose object is the record `value`."""
        return [f for f in self._facts.values() if f.value == value and f.predicate == predicate]

    def drop_facts(self, subject: str, predicate: str) -> None:
        for marker in [m for m in self._facts if m[0] == subject and m[1] == predicate]:
            del self._facts[marker]

    def build(self) -> Extraction:
        """The frozen extraction: records with at least one name, facts about known records."""
        records = tuple(
            EntityRecord(key, r.type, tuple(r.names), tuple(r.variants), r.reference)
            for key, r in self._records.items()
            if r.names
        )
        known = {r.key for r in records}
        facts = tuple(
            f
            for f in self._facts.values()
            if f.subject in known and (f.kind != "entity" or f.value in known)
        )
        mentions = tuple(
            sorted(
                (m for m in self._mentions.values() if m.entity in known),
                key=lambda m: (m.start, m.end, m.entity),
            )
        )
        return Extraction(self.article.doc_id, records, facts, mentions)
