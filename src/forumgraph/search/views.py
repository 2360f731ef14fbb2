"""Graph read-outs for the pictures: editions on a time line, the talks per edition about a
project or topic, and (in their own modules) an edition's programme and an entity's
neighbourhood.

Each read-out is a few fixed SELECTs over the generation's graph through the same `Select` the
fact finder uses, so the embedded and the remote backend answer alike, and is cached for the
generation (which never changes). Entity names come from the snapshot's records.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from forumgraph.graph.terms import entity_id_of, entity_iri
from forumgraph.models import EntityType
from forumgraph.search.facts import PREFIXES, Select
from forumgraph.search.neighbourhood import LINKS, Neighbourhood, neighbourhood
from forumgraph.search.programme import Programme, programme
from forumgraph.snapshot import Snapshot

CACHE_ENTRIES = 512
_YEAR_IN_NAME = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
T = TypeVar("T")


@dataclass(frozen=True)
class Edition:
    """An edition with where and when it was held, its talk count and the articles about it.

    `year` and `month` place it on a time line: from the dates, else the year its name carries
    (`month` is None then). `dated` says whether a date or month was stated.
    """

    id: str
    series_id: str | None
    place_id: str | None
    country: str | None
    start: str | None
    end: str | None
    year: int | None
    month: int | None
    status: str | None
    talks: int
    documents: tuple[str, ...] = ()

    @property
    def dated(self) -> bool:
        return self.month is not None

    def period(self) -> str:
        """When, as stated: `2019-11-18 – 2019-11-21`, `2019-12`, else the year (or "")."""
        if self.start and self.end and self.end != self.start:
            return f"{self.start} – {self.end}"
        return self.start or self.end or (str(self.year) if self.year else "")

    def sort_key(self) -> tuple[int, float, str, str]:
        """Chronological: year, then month (an undated edition sits mid-year), then start."""
        month = float(self.month) if self.month is not None else 6.5
        return (self.year or 9999, month, self.start or "", self.id)


@dataclass(frozen=True)
class TrendPoint:
    """How many talks of one edition are about the entity, of all its talks."""

    edition: Edition
    count: int

    @property
    def share(self) -> float:
        return self.count / self.edition.talks if self.edition.talks else 0.0


class GraphViews:
    """The read-outs of one generation's graph, each computed once."""

    def __init__(self, snapshot: Snapshot, base_iri: str, select: Select) -> None:
        self.snapshot = snapshot
        self.base_iri = base_iri
        self._select = select
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, str], Any] = {}

    def editions(self) -> list[Edition]:
        """Every edition in chronological order."""
        return self._cached(("editions", ""), self._editions)

    def edition(self, entity_id: str) -> Edition | None:
        """One edition's summary, or None when `entity_id` is not an edition."""
        return next((e for e in self.editions() if e.id == entity_id), None)

    def trend(self, entity_id: str) -> list[TrendPoint]:
        """Talks about `entity_id` per edition, over every edition that has talks, in order."""
        return self._cached(("trend", entity_id), lambda: self._trend(entity_id))

    def programme(self, edition_id: str) -> Programme:
        """The talks of an edition grouped by kind, with speakers and video links."""
        return self._cached(("programme", edition_id), lambda: programme(self, edition_id))

    def neighbourhood(self, entity_id: str) -> Neighbourhood:
        """The bounded two-step neighbourhood of an entity (see neighbourhood.py)."""
        return self._cached(("neighbourhood", entity_id), lambda: neighbourhood(self, entity_id))

    def weights(self) -> dict[str, int]:
        """How much each entity is talked about: the nodes linked to it (talks, people,
        editions) plus the articles that mention it."""
        return self._cached(("weights", ""), self._weights)

    def select(self, query: str, entity_id: str | None = None) -> list[dict[str, Any]]:
        """Rows of `query`, with `?entity` bound to the IRI of `entity_id` when given."""
        iri = entity_iri(entity_id, self.base_iri).value if entity_id else self.base_iri
        return self._select(query, iri)

    def entity_id(self, term: Any) -> str | None:
        """The id of an entity term of a result row, when the snapshot knows it."""
        if term is None or type(term).__name__ != "NamedNode":
            return None
        found = entity_id_of(term.value, self.base_iri)
        return found if found in self.snapshot.entities else None

    def _cached(self, key: tuple[str, str], compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._cache:
                return self._cache[key]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            if len(self._cache) >= CACHE_ENTRIES:
                # Forget the per-entity read-outs; the few of the whole graph stay.
                self._cache = {k: v for k, v in self._cache.items() if not k[1]}
            self._cache[key] = value
        return value

    def _editions(self) -> list[Edition]:
        facts: dict[str, dict[str, list[Any]]] = {}
        for row in self.select(_EDITION_FACTS):
            edition = self.entity_id(row["e"])
            if edition is None:
                continue
            found = facts.setdefault(edition, {})
            if row.get("p") is not None:
                found.setdefault(_local(row["p"].value), []).append(row["o"])
        talks = {
            edition: int(row["n"].value)
            for row in self.select(_TALK_COUNTS)
            if (edition := self.entity_id(row["e"])) is not None
        }
        countries = {
            place: row["c"].value
            for row in self.select(_COUNTRIES)
            if (place := self.entity_id(row["l"])) is not None
        }
        documents: dict[str, list[str]] = {}
        for doc in self.snapshot.documents.values():
            for event_id in doc.event_ids:
                documents.setdefault(event_id, []).append(doc.doc_id)
        editions = []
        for entity_id, found in facts.items():
            start = _most_precise(found.get("startDate", []))
            end = _most_precise(found.get("endDate", []))
            year, month = _when(start or end, self._name_year(entity_id))
            place = _first(self.entity_id(t) for t in found.get("location", []))
            series = _first(
                found_id
                for t in found.get("superEvent", [])
                if (found_id := self.entity_id(t)) is not None
                and self.snapshot.entities[found_id].type == EntityType.SERIES
            )
            status = _first(_local(t.value) for t in found.get("eventStatus", []))
            editions.append(
                Edition(
                    id=entity_id,
                    series_id=series,
                    place_id=place,
                    country=countries.get(place) if place else None,
                    start=start,
                    end=end,
                    year=year,
                    month=month,
                    status=status,
                    talks=talks.get(entity_id, 0),
                    documents=tuple(sorted(documents.get(entity_id, []))),
                )
            )
        return sorted(editions, key=Edition.sort_key)

    def _weights(self) -> dict[str, int]:
        weights: dict[str, int] = {}
        for row in self.select(_LINKED_FROM):
            if (entity_id := self.entity_id(row["x"])) is not None:
                weights[entity_id] = int(row["n"].value)
        documents: dict[str, set[str]] = {}
        for stored in self.snapshot.passages.values():
            for entity_id in stored.entity_ids:
                documents.setdefault(entity_id, set()).add(stored.passage.doc_id)
        for entity_id, docs in documents.items():
            weights[entity_id] = weights.get(entity_id, 0) + len(docs)
        return weights

    def _name_year(self, entity_id: str) -> int | None:
        """The year an edition's name carries ("KubeCon + CloudNativeCon Europe 2018")."""
        for name in self.snapshot.entities[entity_id].names:
            found = _YEAR_IN_NAME.findall(name.text)
            if found:
                return int(found[-1])
        return None

    def _trend(self, entity_id: str) -> list[TrendPoint]:
        counts = {
            edition: int(row["n"].value)
            for row in self.select(_TALKS_ABOUT, entity_id)
            if (edition := self.entity_id(row["e"])) is not None
        }
        return [
            TrendPoint(edition, counts.get(edition.id, 0))
            for edition in self.editions()
            if edition.talks > 0
        ]


def _most_precise(terms: list[Any]) -> str | None:
    """The most precise of several stated dates (a day over a month over a year), earliest."""
    values = sorted({t.value for t in terms}, key=lambda v: (-len(v), v))
    return values[0] if values else None


def _when(date: str | None, name_year: int | None) -> tuple[int | None, int | None]:
    """(year, month) of an ISO date, month or year; the name's year when nothing is stated."""
    if date and date[:4].isdigit():
        month = int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else None
        return int(date[:4]), month
    return name_year, None


def _first(values: Any) -> Any:
    return next((v for v in values if v is not None), None)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


_EDITION_FACTS = (
    PREFIXES
    + """
SELECT ?e ?p ?o WHERE {
  ?e a fg:EventEdition .
  OPTIONAL {
    VALUES ?p { schema:startDate schema:endDate schema:location schema:superEvent
                schema:eventStatus }
    ?e ?p ?o .
  }
}"""
)

_LINKED_FROM = (
    PREFIXES
    + f"""
SELECT ?x (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  VALUES ?p {{ {" ".join(f"<{iri}>" for iri in LINKS)} }}
  ?s ?p ?x .
}} GROUP BY ?x"""
)

_TALK_COUNTS = (
    PREFIXES
    + """
SELECT ?e (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a fg:Talk ; schema:superEvent ?e } GROUP BY ?e"""
)

_COUNTRIES = (
    PREFIXES
    + """
SELECT DISTINCT ?l ?c WHERE {
  ?e a fg:EventEdition ; schema:location ?l . ?l schema:addressCountry ?c .
}"""
)

_TALKS_ABOUT = (
    PREFIXES
    + """
SELECT ?e (COUNT(DISTINCT ?t) AS ?n) WHERE {
  ?t schema:about ?entity ; a fg:Talk ; schema:superEvent ?e .
} GROUP BY ?e"""
)
