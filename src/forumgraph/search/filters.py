"""Search filters as precomputed passage-id sets: language, event, year, entity type, result
type (talks or article passages), speaker, organisation and topic.

A talk passage is filtered by its talk's record: its edition, the edition's year, its speakers,
the organisations credited beside them and the projects and topics its title names. An article
passage is filtered by its document (event, year) and by the entities it mentions (entity type,
speaker, organisation, topic).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

import numpy as np

from forumgraph.errors import InputError
from forumgraph.index.where import Where
from forumgraph.models import DocumentInfo, Entity, EntityType, StoredPassage, TalkRecord
from forumgraph.text.keys import name_key

LANGUAGES = ("ko", "en", "mixed")
TALK = "talk"
PASSAGE = "passage"
RESULT_TYPES = (TALK, PASSAGE)  # a talk of a talk list, or a passage of an article
# The entity types each entity filter accepts.
SPEAKER_TYPES = (EntityType.PERSON,)
ORGANIZATION_TYPES = (EntityType.ORGANIZATION,)
TOPIC_TYPES = (EntityType.PROJECT, EntityType.TOPIC)
EVENT_TYPES = (EntityType.EVENT,)
KNOWN_SHOWN = 20  # filter values an error's hint lists


@dataclass(frozen=True)
class SearchFilters:
    """What a search or a talk listing is narrowed to; None leaves a field open.

    `event`, `speaker`, `organization` and `topic` take an entity id (`person/liz-rice`), an id
    without its type (`liz-rice`) or a name in either script (`Liz Rice`, `리즈 라이스`).
    """

    lang: str | None = None
    event: str | None = None
    year: int | None = None
    entity_type: str | None = None
    result_type: str | None = None  # "talk" or "passage"
    speaker: str | None = None
    organization: str | None = None
    topic: str | None = None

    def active(self) -> bool:
        """True when any field is set."""
        return any(getattr(self, f.name) is not None for f in fields(self))


class PassageFilters:
    """Which passages each filter value allows; built once per snapshot."""

    def __init__(
        self,
        documents: Mapping[str, DocumentInfo],
        passages: Mapping[str, StoredPassage],
        entities: Mapping[str, Entity],
        talks: Mapping[str, TalkRecord] | None = None,
    ) -> None:
        talks = talks or {}
        self._passages = passages
        self._entities = entities
        self._by_lang: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
        self._by_event: dict[str, set[str]] = {}
        self._by_year: dict[int, set[str]] = {}
        self._by_type: dict[str, set[str]] = {str(t): set() for t in EntityType}
        self._by_result: dict[str, set[str]] = {kind: set() for kind in RESULT_TYPES}
        self._by_speaker: dict[str, set[str]] = {}
        self._by_organization: dict[str, set[str]] = {}
        self._by_topic: dict[str, set[str]] = {}
        for pid, stored in passages.items():
            self._by_lang.setdefault(stored.passage.lang, set()).add(pid)
            mentioned = [entities[e] for e in stored.entity_ids if e in entities]
            for entity in mentioned:
                self._by_type[str(entity.type)].add(pid)
            talk = talks.get(pid)
            if talk is not None:
                self._add_talk(pid, talk)
                continue
            self._by_result[PASSAGE].add(pid)
            info = documents.get(stored.passage.doc_id)
            if info is not None:
                for event_id in info.event_ids:
                    self._by_event.setdefault(event_id, set()).add(pid)
                if info.year is not None:
                    self._by_year.setdefault(info.year, set()).add(pid)
            for entity in mentioned:
                for table, types in self._entity_tables():
                    if entity.type in types:
                        table.setdefault(entity.id, set()).add(pid)
        self._names = _name_index(entities)
        self.allowed = lru_cache(maxsize=64)(self._allowed)

    def _entity_tables(self) -> list[tuple[dict[str, set[str]], tuple[EntityType, ...]]]:
        return [
            (self._by_speaker, SPEAKER_TYPES),
            (self._by_organization, ORGANIZATION_TYPES),
            (self._by_topic, TOPIC_TYPES),
        ]

    def _add_talk(self, pid: str, talk: TalkRecord) -> None:
        self._by_result[TALK].add(pid)
        if talk.event_id is not None:
            self._by_event.setdefault(talk.event_id, set()).add(pid)
        if talk.year is not None:
            self._by_year.setdefault(talk.year, set()).add(pid)
        for speaker in talk.speakers:
            self._by_speaker.setdefault(speaker.person_id, set()).add(pid)
            if speaker.organization_id is not None:
                self._by_organization.setdefault(speaker.organization_id, set()).add(pid)
        for topic in talk.topic_ids:
            self._by_topic.setdefault(topic, set()).add(pid)

    def languages(self) -> list[str]:
        """The passage languages present, most passages first."""
        present = [(len(ids), lang) for lang, ids in self._by_lang.items() if ids]
        return [lang for _count, lang in sorted(present, reverse=True)]

    def where(self, filters: SearchFilters) -> Where:
        """The filters for indexes that filter on fields of their own (call after `allowed` has
        checked them): language and entity type as values; the others, which a talk answers
        by its edition and speakers rather than by its document, as the vector ids they allow."""
        narrowed = SearchFilters(lang=filters.lang, entity_type=filters.entity_type)
        vector_ids = None
        if narrowed != filters:
            allowed = self.allowed(filters)
            vector_ids = () if allowed is None else tuple(int(i) for i in allowed[1])
        kind = None if filters.entity_type is None else filters.entity_type.lower()
        return Where(
            (filters.lang,) if filters.lang else (), entity_type=kind, vector_ids=vector_ids
        )

    def years(self) -> dict[int, int]:
        """Passages (talks and article passages) per year."""
        return {year: len(ids) for year, ids in self._by_year.items()}

    def _allowed(self, filters: SearchFilters) -> tuple[frozenset[str], np.ndarray] | None:
        """(passage ids, their vector ids) the filters allow, or None when there is no filter."""
        sets: list[set[str]] = []
        if filters.lang is not None:
            sets.append(self._pick(self._by_lang, filters.lang, "lang", LANGUAGES))
        if filters.event is not None:
            sets.append(self._entities_in(self._by_event, filters.event, "event", EVENT_TYPES))
        if filters.year is not None:
            sets.append(self._pick(self._by_year, filters.year, "year", sorted(self._by_year)))
        if filters.entity_type is not None:
            names = [str(t) for t in EntityType]
            sets.append(self._pick(self._by_type, filters.entity_type.lower(), "type", names))
        if filters.result_type is not None:
            kind = filters.result_type.lower()
            sets.append(self._pick(self._by_result, kind, "result", RESULT_TYPES))
        for table, value, name, types in (
            (self._by_speaker, filters.speaker, "speaker", SPEAKER_TYPES),
            (self._by_organization, filters.organization, "organization", ORGANIZATION_TYPES),
            (self._by_topic, filters.topic, "topic", TOPIC_TYPES),
        ):
            if value is not None:
                sets.append(self._entities_in(table, value, name, types))
        if not sets:
            return None
        allowed = frozenset(set.intersection(*sets))
        vector_ids = np.fromiter(
            (self._passages[pid].vector_id for pid in allowed), np.int64, len(allowed)
        )
        return allowed, vector_ids

    def _entities_in(
        self, table: Mapping[str, set[str]], value: str, name: str, types: tuple[EntityType, ...]
    ) -> set[str]:
        """The passages of the entities `value` names: an id, an id without its type, or a name
        (every entity of `types` with that name)."""
        ids = self.resolve(value, types)
        found = [table[i] for i in ids if i in table]
        if not found:
            known = sorted(table, key=lambda i: -len(table[i]))[:KNOWN_SHOWN]
            raise InputError(
                f"Unknown {name} filter value '{value[:80]}'.",
                hint=f"Use an entity id or a name; known values include: "
                f"{', '.join(known) or 'none'}.",
            )
        return set().union(*found)

    def resolve(self, value: str, types: Iterable[EntityType]) -> list[str]:
        """Entity ids of `types` that `value` names (id, id without its type, or name)."""
        types = tuple(types)
        if value in self._entities and self._entities[value].type in types:
            return [value]
        for kind in types:
            if f"{kind.value}/{value}" in self._entities:
                return [f"{kind.value}/{value}"]
        named = self._names.get(name_key(value), ())
        return [i for i in named if self._entities[i].type in types]

    @staticmethod
    def _pick(
        table: Mapping[Any, set[str]],
        key: object,
        name: str,
        known: Iterable[object],
    ) -> set[str]:
        if key not in table:
            choices = ", ".join(str(k) for k in list(known)[:KNOWN_SHOWN]) or "none"
            raise InputError(
                f"Unknown {name} filter value '{key}'.", hint=f"Known values: {choices}."
            )
        return table[key]


def _name_index(entities: Mapping[str, Entity]) -> dict[str, tuple[str, ...]]:
    """name key -> ids of the entities with that name or alternate name."""
    index: dict[str, list[str]] = {}
    for entity in entities.values():
        for name in (*entity.names, *entity.alternate_names):
            key = name_key(name.text)
            if key and entity.id not in index.setdefault(key, []):
                index[key].append(entity.id)
    return {key: tuple(ids) for key, ids in index.items()}
