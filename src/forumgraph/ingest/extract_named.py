"""One way for every rule to record a name it found: the gazetteer decides the type of a name it
knows, a longer name wins over a shorter one inside it, and a name never crosses an event,
series or place mention.
"""

from __future__ import annotations

from forumgraph.ingest.extract_orgs import add_entry
from forumgraph.ingest.extract_records import Draft, Span, name_of, normal_key
from forumgraph.ingest.extract_text import PhraseMatcher
from forumgraph.ingest.gazetteer import Gazetteer, GazetteerEntry
from forumgraph.models import EntityType

# Types of the names a longer name may take the place of.
NAMED = frozenset(
    {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PROJECT, EntityType.TOPIC}
)
_ENTITY_KINDS = frozenset(t.value for t in EntityType)
# The types of the recogniser's guesses that rules may take back.
GUESSED_TYPES = frozenset({EntityType.ORGANIZATION, EntityType.PROJECT})
# What the recogniser may have taken a name for where a rule knows it is an organisation
# (`the Dutch insurer Zilverlijn Verzekeringen`, a table's company column).
NOT_AN_ORGANISATION_GUESSES = frozenset({EntityType.PERSON, EntityType.PROJECT})


def known_entry(gazetteer: Gazetteer, name: str) -> GazetteerEntry | None:
    """The gazetteer entry named `name` that can stand as an entity (not a region or country)."""
    entry = gazetteer.lookup(name)
    return entry if entry is not None and entry.kind in _ENTITY_KINDS else None


def take_back_a_guess(
    draft: Draft,
    gazetteer: Gazetteer,
    start: int,
    end: int,
    types: frozenset[EntityType] = GUESSED_TYPES,
    *,
    covering: bool = False,
) -> None:
    """Mentions at exactly [start, end) (or, `covering`, around it) of `types` whose name the
    gazetteer does not know were the recogniser's guess: they go where a rule knows better
    (`Naledi Khumalo, SRE lead at Acme` is a person, `Mei Chen from Globex` names an
    organisation, `ArgoCon Japan` holds the event ArgoCon). A name keeps one sense in a
    document, so the guess goes from every place that writes the same name."""
    text = draft.article.text
    for span in [
        s
        for s in draft.spans
        if (s.start, s.end) == (start, end) or (covering and s.start <= start and end <= s.end)
    ]:
        if is_a_guess(draft, gazetteer, span, types):
            name = text[span.start : span.end]
            for same in [
                s for s in draft.spans if s.key == span.key and text[s.start : s.end] == name
            ]:
                draft.unmention(same)
            draft.discard(span.key)


def is_a_guess(
    draft: Draft,
    gazetteer: Gazetteer,
    span: Span,
    types: frozenset[EntityType] = GUESSED_TYPES,
) -> bool:
    """A mention of `types` whose name the gazetteer does not know: the recogniser's guess."""
    return (
        span.type in types and gazetteer.lookup(draft.article.text[span.start : span.end]) is None
    )


def record_for(draft: Draft, type_: EntityType, name: str) -> str:
    """The record of `name`: one of any named type that already carries it, else a new one."""
    wanted = normal_key(name)
    for key in draft.keys():  # noqa: SIM118 (Draft is not a mapping)
        if draft.type_of(key) in NAMED and any(
            normal_key(n.text) == wanted for n in draft.names_of(key)
        ):
            return key
    return draft.entity(f"{type_.value}:{wanted}", type_, [name_of(name)])


_HOLDING_PLACES = frozenset({EntityType.ORGANIZATION, EntityType.PERSON})


def add_named(
    draft: Draft,
    gazetteer: Gazetteer,
    type_: EntityType,
    name: str,
    start: int,
    end: int,
    *,
    trust_gazetteer: bool = True,
) -> str | None:
    """Record `name` (of `type_` unless the gazetteer knows it) mentioned at [start, end).

    Returns the record key, or None when a longer name already covers the span or the span
    crosses an event, series or place mention (an organisation's name may hold a place).
    A name written over a line break is the part on the last line (`Ann Lee` over `Globex
    Labs`: the words a pattern ends on are the name's own).
    """
    if "\n" in name:
        cut = name.rindex("\n") + 1
        last_line = name[cut:]
        start += cut + len(last_line) - len(last_line.lstrip())
        name = last_line.strip()
        if not name:
            return None
    for span in draft.spans_over(start, end):
        if span.type in NAMED:
            continue
        # An organisation's name may hold a place (`University of Tokyo`, `Rust Seoul Meetup`),
        # and a person's given name may be a city's (`Sofia Almeida`).
        inside = start <= span.start and span.end <= end and (span.start, span.end) != (start, end)
        if not (type_ in _HOLDING_PLACES and span.type == EntityType.PLACE and inside):
            return None
    removed = draft.claim(start, end, NAMED)
    if removed is None:
        return None
    if type_ in _HOLDING_PLACES:
        removed += draft.claim(start, end, frozenset({EntityType.PLACE})) or []
    entry = known_entry(gazetteer, name) if trust_gazetteer else None
    key = add_entry(draft, entry) if entry is not None else record_for(draft, type_, name)
    draft.mention(key, start, end)
    for span in removed:
        if span.key != key:
            draft.discard(span.key)
    return key


def add_other_occurrences(draft: Draft, gazetteer: Gazetteer) -> None:
    """A name of several Latin words that a rule found once is that entity wherever the document
    writes it (`the Foo Bar project` ... `rely on Foo Bar`): its other occurrences become
    mentions and take the place of shorter names inside them (`Bar` alone)."""
    matcher = PhraseMatcher()
    matcher.add_all(
        (name.text, key)
        for type_ in (EntityType.PROJECT, EntityType.ORGANIZATION)
        for key in draft.keys(type_)
        for name in draft.names_of(key)
        if name.lang == "en" and len(name.text.split()) > 1 and draft.mentioned(key)
    )
    for passage in draft.passages:
        for match in matcher.find(passage.text, passage.start):
            if draft.has(match.value):
                type_, name = (
                    draft.type_of(match.value),
                    draft.article.text[match.start : match.end],
                )
                add_named(draft, gazetteer, type_, name, match.start, match.end)
