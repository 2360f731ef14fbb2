"""Gazetteer mentions: organisations, projects, series, places and topics, with their facts."""

from __future__ import annotations

from forumgraph.ingest.extract_records import Draft, name_of, normal_key
from forumgraph.ingest.gazetteer import COUNTRY, REGION, Gazetteer, GazetteerEntry
from forumgraph.models import EntityType


def entry_key(entry: GazetteerEntry) -> str:
    """The document-local key of a gazetteer entry, e.g. "organization:red hat"."""
    return f"{entry.kind}:{normal_key(entry.canonical)}"


def add_entry(draft: Draft, entry: GazetteerEntry, surface: str | None = None) -> str:
    """The record of `entry` with its canonical names and, if given, the surface used."""
    names = [entry.names[0]]
    hangul = entry.hangul_name()
    if hangul:
        names.append(name_of(hangul))
    # Curated aliases and misspellings travel with the record, so every spelling links to it.
    variants = [*entry.variants, *entry.names[1:]] if entry.curated else []
    if surface:
        if any(v.text == surface for v in entry.variants):
            variants.append(name_of(surface))
        else:
            names.append(name_of(surface))
    return draft.entity(entry_key(entry), entry.type, names, variants, entry.reference)


def add_gazetteer_mentions(draft: Draft, gazetteer: Gazetteer) -> None:
    """Mentions of every matchable gazetteer name; regions and countries become cues only."""
    for passage in draft.passages:
        for match in gazetteer.matcher.find(passage.text, passage.start):
            entry = gazetteer.entries[match.value]
            if entry.kind in {REGION, COUNTRY}:
                draft.cues.append((match.start, match.end, entry.reference))
                continue
            surface = draft.article.text[match.start : match.end]
            key = add_entry(draft, entry, surface)
            draft.mention(key, match.start, match.end)
            if entry.project:
                project = gazetteer.lookup(entry.project, EntityType.PROJECT.value)
                if project is not None:
                    draft.mention(add_entry(draft, project), match.start, match.end)
    add_entry_facts(draft, gazetteer)


def add_entry_facts(draft: Draft, gazetteer: Gazetteer) -> None:
    """Maturity and homepage of projects, the country of places (from the gazetteer)."""
    for key in draft.keys():  # noqa: SIM118 (Draft is not a mapping)
        kind = draft.type_of(key)
        if kind not in {EntityType.PROJECT, EntityType.PLACE}:
            continue
        entry = gazetteer.lookup(draft.names_of(key)[0].text, kind.value)
        if entry is None:
            continue
        passage_id = draft.first_passage(key)
        if entry.maturity:
            draft.fact(key, "maturity", entry.maturity, "string", passage_id=passage_id)
        if entry.url:
            draft.fact(key, "url", entry.url, "iri", passage_id=passage_id)
        if entry.country:
            draft.fact(key, "country", entry.country, "string", passage_id=passage_id)
