"""Search filters (language, event, year, entity type) as precomputed passage-id sets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TypeVar

import numpy as np

from forumgraph.errors import InputError
from forumgraph.index.where import Where
from forumgraph.models import DocumentInfo, Entity, EntityType, StoredPassage

LANGUAGES = ("ko", "en", "mixed")
K = TypeVar("K")  # a filter table's key: a language, an event id, a year, a type


class PassageFilters:
    """Which passages each filter value allows; built once per snapshot."""

    def __init__(
        self,
        documents: Mapping[str, DocumentInfo],
        passages: Mapping[str, StoredPassage],
        entities: Mapping[str, Entity],
    ) -> None:
        self._passages = passages
        self._by_lang: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
        self._by_event: dict[str, set[str]] = {}
        self._by_year: dict[int, set[str]] = {}
        self._by_type: dict[str, set[str]] = {str(t): set() for t in EntityType}
        for pid, stored in passages.items():
            self._by_lang.setdefault(stored.passage.lang, set()).add(pid)
            info = documents.get(stored.passage.doc_id)
            if info is not None:
                for event_id in info.event_ids:
                    self._by_event.setdefault(event_id, set()).add(pid)
                if info.year is not None:
                    self._by_year.setdefault(info.year, set()).add(pid)
            for entity_id in stored.entity_ids:
                entity = entities.get(entity_id)
                if entity is not None:
                    self._by_type[str(entity.type)].add(pid)
        self.allowed = lru_cache(maxsize=64)(self._allowed)

    def languages(self) -> list[str]:
        """The passage languages present, most passages first."""
        present = [(len(ids), lang) for lang, ids in self._by_lang.items() if ids]
        return [lang for _count, lang in sorted(present, reverse=True)]

    def where(
        self,
        lang: str | None = None,
        event: str | None = None,
        year: int | None = None,
        entity_type: str | None = None,
    ) -> Where:
        """The filter values as stored (event ids with their prefix, types in lower case), for
        indexes that filter on fields of their own; call after `allowed` has checked them."""
        if event is not None and event not in self._by_event:
            event = f"event/{event}"
        return Where(
            (lang,) if lang else (),
            event,
            year,
            None if entity_type is None else entity_type.lower(),
        )

    def _allowed(
        self,
        lang: str | None = None,
        event: str | None = None,
        year: int | None = None,
        entity_type: str | None = None,
    ) -> tuple[frozenset[str], np.ndarray] | None:
        """(passage ids, their vector ids) the filters allow, or None when there is no filter."""
        sets: list[set[str]] = []
        if lang is not None:
            sets.append(self._pick(self._by_lang, lang, "lang", LANGUAGES))
        if event is not None:
            key = event if event in self._by_event else f"event/{event}"
            sets.append(self._pick(self._by_event, key, "event", sorted(self._by_event), event))
        if year is not None:
            sets.append(self._pick(self._by_year, year, "year", sorted(self._by_year)))
        if entity_type is not None:
            names = [str(t) for t in EntityType]
            sets.append(self._pick(self._by_type, entity_type.lower(), "type", names))
        if not sets:
            return None
        allowed = frozenset(set.intersection(*sets))
        vector_ids = np.fromiter(
            (self._passages[pid].vector_id for pid in allowed), np.int64, len(allowed)
        )
        return allowed, vector_ids

    @staticmethod
    def _pick(
        table: Mapping[K, set[str]],
        key: K,
        name: str,
        known: Iterable[object],
        shown: object = None,
    ) -> set[str]:
        if key not in table:
            choices = ", ".join(str(k) for k in list(known)[:20]) or "none"
            raise InputError(
                f"Unknown {name} filter value '{shown if shown is not None else key}'.",
                hint=f"Known values: {choices}.",
            )
        return table[key]
