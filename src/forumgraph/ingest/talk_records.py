"""Talk records: each talk of a talk list with the passage that holds its line, for search.

A talk list is split one line per passage (segment.py), so each talk's line is a passage of its
own; its record gathers what the extraction says about the talk (titles, kind, edition, video
links, topics, speakers and the organisation the list credits each with) under resolved ids.
"""

from __future__ import annotations

import re
from collections import defaultdict

from forumgraph.models import (
    Entity,
    EntityType,
    Extraction,
    Fact,
    Passage,
    TalkRecord,
    TalkSpeaker,
)
from forumgraph.text.analyze import Analyzer
from forumgraph.text.tokenize import tokenize_for_index

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def talk_records(
    extraction: Extraction, ids: dict[str, str], entities: dict[str, Entity]
) -> tuple[TalkRecord, ...]:
    """The records of the talks of one talk-list document, in the order of their lines.

    `ids` maps the extraction's record keys to entity ids and `entities` holds the resolved
    entities (for an edition's year, written in its name).
    """
    facts: dict[str, list[Fact]] = defaultdict(list)
    for fact in extraction.facts:
        facts[fact.subject].append(fact)
    mentioned: dict[str, set[str]] = defaultdict(set)  # passage id -> record keys named there
    lines: dict[str, str] = {}  # talk key -> the passage of its line
    types = {record.key: record.type for record in extraction.entities}
    for mention in extraction.mentions:
        mentioned[mention.passage_id].add(mention.entity)
        if types.get(mention.entity) == EntityType.TALK:
            lines.setdefault(mention.entity, mention.passage_id)
    records = []
    for key, passage_id in sorted(lines.items(), key=lambda item: _line_order(item[1])):
        if key not in ids:
            continue
        record = _record(key, passage_id, facts, mentioned[passage_id], ids, entities)
        if record is not None:
            records.append(record)
    return tuple(records)


def _record(
    key: str,
    passage_id: str,
    facts: dict[str, list[Fact]],
    named_here: set[str],
    ids: dict[str, str],
    entities: dict[str, Entity],
) -> TalkRecord | None:
    own = facts.get(key, [])
    titles = {f.lang: f.value for f in own if f.predicate == "name" and f.kind == "string"}
    title = titles.get("en") or titles.get("zh")
    if title is None:
        return None
    edition = next((f.value for f in own if f.predicate == "superEvent"), None)
    return TalkRecord(
        talk_id=ids[key],
        passage_id=passage_id,
        title=title,
        kind=next((f.value for f in own if f.predicate == "talkKind"), "session"),
        title_zh=titles.get("zh") if title != titles.get("zh") else None,
        event_id=ids.get(edition or ""),
        year=_year(edition, facts, ids, entities),
        speakers=tuple(
            TalkSpeaker(ids[f.value], _organization(f.value, facts, named_here, ids))
            for f in own
            if f.predicate == "performer" and f.value in ids
        ),
        topic_ids=_values(own, "about", ids),
        place_ids=_values(facts.get(edition or "", []), "location", ids),
        videos=tuple(f.value for f in own if f.predicate == "url"),
    )


def talk_terms(talk: TalkRecord, entities: dict[str, Entity]) -> str:
    """The names of a talk's edition and of where it was held, in every script, for its lexical
    entry: its line names the speakers, organisations and topics but not the edition, so that
    "KubeCon Barcelona", "큐브콘 북미 2019" or a year finds the talks given there."""
    ids = [*((talk.event_id,) if talk.event_id else ()), *talk.place_ids]
    names = [
        name.text
        for entity_id in dict.fromkeys(ids)
        if entity_id in entities
        for name in (*entities[entity_id].names, *entities[entity_id].alternate_names)
    ]
    return "\n".join(dict.fromkeys(names))


def index_tokens(
    passage: Passage, talk: TalkRecord | None, entities: dict[str, Entity], analyzer: Analyzer
) -> tuple[str, ...]:
    """A passage's lexical tokens; a talk's also hold those of its `talk_terms` that its line
    lacks (once each)."""
    tokens = tokenize_for_index(passage.text, passage.lang, analyzer)
    if talk is not None:
        seen = set(tokens)
        extra = tokenize_for_index(talk_terms(talk, entities), None, analyzer)
        tokens += list(dict.fromkeys(t for t in extra if t not in seen))
    return tuple(tokens)


def _organization(
    person: str, facts: dict[str, list[Fact]], named_here: set[str], ids: dict[str, str]
) -> str | None:
    """The organisation credited beside `person`: the one named on this talk's line when the
    list credits them with several, else their one affiliation in the list (a line that names
    only the speaker, `Keynote: Closing Remarks — Liz Rice & Janet Kuo`, keeps the one the
    list gives them elsewhere)."""
    orgs = [f.value for f in facts.get(person, []) if f.predicate == "affiliation"]
    if len(orgs) > 1:
        orgs = [o for o in orgs if o in named_here] or orgs[:1]
    return ids.get(orgs[0]) if orgs else None


def _year(
    edition: str | None,
    facts: dict[str, list[Fact]],
    ids: dict[str, str],
    entities: dict[str, Entity],
) -> int | None:
    """The edition's year: from its start date, else the year its name carries."""
    if edition is None:
        return None
    for fact in facts.get(edition, []):
        if fact.predicate == "startDate" and fact.value[:4].isdigit():
            return int(fact.value[:4])
    entity = entities.get(ids.get(edition, ""))
    for name in entity.names if entity else ():
        found = _YEAR.search(name.text)
        if found:
            return int(found.group())
    return None


def _values(facts: list[Fact], predicate: str, ids: dict[str, str]) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(ids[f.value] for f in facts if f.predicate == predicate and f.value in ids)
    )


def _line_order(passage_id: str) -> int:
    index = passage_id.rpartition("#p")[2]
    return int(index) if index.isdigit() else 0
