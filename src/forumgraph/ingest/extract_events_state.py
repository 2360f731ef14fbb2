"""The editions found in one document: naming, keys, dates, status and their facts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from forumgraph.ingest.dates import DateSpan
from forumgraph.ingest.extract_orgs import add_entry
from forumgraph.ingest.extract_records import Draft, name_of, normal_key
from forumgraph.ingest.gazetteer import COUNTRY, REGION, Gazetteer, GazetteerEntry
from forumgraph.ingest.known_editions import KnownEdition
from forumgraph.models import EntityType, Name
from forumgraph.text.hangul import has_hangul

_HELD = re.compile(
    r"개최되었|개최된|열린(?!다)|열렸|진행되었|진행된|치러졌|이어진|\bheld\b|took place|was hosted"
)
_PLANNED = re.compile(
    r"예정|계획|열릴|열린다|개최될|개최된다|\bplanned\b|upcoming|will (?:be|take)|taking place"
    r"|going to be"
)
_PRECISION = {"year": 1, "month": 2, "day": 3}


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    entry: GazetteerEntry  # a city, or a region of a region-named series
    key: str | None  # the place record (cities only)


def edition_reference(series: str, where: str, year: int) -> str:
    """The curated identity of an edition, shared by every document that names it."""
    return f"event:{normal_key(series)}|{normal_key(where)}|{year}"


def region_of(place: GazetteerEntry, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The region a city's editions are named after (San Diego -> North America)."""
    if place.kind == REGION:
        return place
    country = next(
        (
            e
            for e in gazetteer.entries.values()
            if e.kind == "country" and e.country == place.country
        ),
        None,
    )
    region = country.region if country is not None else place.region
    return gazetteer.lookup(region, REGION) if region else None


@dataclass
class Edition:
    """One edition while the document is read."""

    key: str
    series: GazetteerEntry
    where: GazetteerEntry  # the city, or the region of a region-named series
    year: int
    city: GazetteerEntry | None = None
    start: str | None = None
    end: str | None = None
    precision: str | None = None
    status: str | None = None
    passage_id: str | None = None
    from_title: bool = False
    known: KnownEdition | None = None  # the row of the table of known editions


class EventBook:
    """Editions of one document, created on demand and written as facts by `finish`."""

    def __init__(self, draft: Draft, gazetteer: Gazetteer) -> None:
        self.draft = draft
        self.gazetteer = gazetteer
        self.editions: dict[str, Edition] = {}
        self.own_series: dict[str, GazetteerEntry] = {}  # series known by their form only
        self.heading_year: int | None = None  # the year of the heading over the text being read

    def series_entry(self, key: str) -> GazetteerEntry | None:
        if key in self.own_series:
            return self.own_series[key]
        return self.gazetteer.lookup(self.draft.names_of(key)[0].text, EntityType.SERIES.value)

    def series_named(self, name: str) -> str:
        """The record of a series the gazetteer lacks, known by its name as written."""
        key = self.draft.entity(f"series:{normal_key(name)}", EntityType.SERIES, [name_of(name)])
        self.own_series[key] = GazetteerEntry(name, EntityType.SERIES.value, key, (name_of(name),))
        return key

    def series_key(self, series: GazetteerEntry) -> str:
        """The record of a series: its gazetteer entry's, or the one its name made."""
        own = next((k for k, e in self.own_series.items() if e == series), None)
        return own or add_entry(self.draft, series)

    def edition(
        self,
        series: GazetteerEntry,
        where: GazetteerEntry,
        year: int,
        label: str | None = None,
        from_title: bool = False,
        written: str | None = None,
        called: str | None = None,
    ) -> Edition:
        """The edition of `series` at `where` (a city, a region or a country) in `year`, made if
        new; `written` is the place as the text writes it (`UK` for United Kingdom), `called`
        its name after a place the gazetteer lacks (`Kubernetes Community Days Gujarat 2026`)."""
        city = where if where.kind == EntityType.PLACE.value else None
        anchor = (region_of(where, self.gazetteer) or where) if series.by_region else where
        reference = edition_reference(series.canonical, anchor.canonical, year)
        key = reference
        if key in self.editions:
            edition = self.editions[key]
            edition.city = edition.city or city
            return edition
        names = self._names(series, anchor, year)
        if called:
            names.insert(0, Name(called, "en"))
        if label and str(year) in label and not series.by_region:
            names.insert(0, name_of(label))  # as a list names it (`FOSDEM 2024`)
        if written and anchor == where and not has_hangul(written):
            names.append(Name(f"{series.canonical} {written} {year}", "en"))
        known = self.gazetteer.editions.find(series.canonical, anchor.canonical, year)
        if known and known.name and all(n.text != known.name for n in names):
            names.append(Name(known.name, "en"))
        self.draft.entity(key, EntityType.EVENT, names, reference=reference)
        for form in _written_forms(label, year):  # `KCD Sofia`, `KCD Sofia 2026`
            self.draft.add_variant(key, form)
        self.draft.fact(key, "superEvent", self.series_key(series))
        edition = Edition(key, series, anchor, year, city, from_title=from_title, known=known)
        self.editions[key] = edition
        return edition

    def held_with(self, series: GazetteerEntry, host: Edition) -> Edition:
        """The edition of `series` held where and when `host` is: in its city (from the text
        or the table of known editions), also known by the year alone (`EnvoyCon 2018`) and by
        the host's region (`ArgoCon Europe 2025`)."""
        table_city = _table_city(self.gazetteer, host.known) if host.known else None
        venue = host.city or table_city or host.where
        edition = self.edition(series, venue, host.year)
        self.draft.add_variant(edition.key, f"{series.canonical} {host.year}")
        if venue != host.where and not has_hangul(series.canonical):
            self.draft.add_variant(
                edition.key, f"{series.canonical} {host.where.canonical} {host.year}"
            )
        return edition

    def edition_by_year(self, series: GazetteerEntry, year: int, written: str, at: int) -> str:
        """The edition a text names by series and year alone (`KubeCon 2017`): the document's
        only edition of that series and year, else one of its own, without a place."""
        same = [e for e in self.editions.values() if e.series == series and e.year == year]
        if len(same) == 1:
            self.draft.add_variant(same[0].key, written)
            self.draft.mention(same[0].key, at, at + len(written))
            return same[0].key
        reference = edition_reference(series.canonical, "", year)
        names = [name_of(written), Name(f"{series.canonical} {year}", "en")]
        key = self.draft.entity(reference, EntityType.EVENT, names, reference=reference)
        self.draft.fact(key, "superEvent", self.series_key(series))
        self.draft.mention(key, at, at + len(written))
        article_year = (self.draft.article.date or "")[:4]
        if article_year.isdigit() and int(article_year) != year:
            status = "held" if year < int(article_year) else "planned"
            self.draft.fact(key, "eventStatus", status, "string")
        return key

    def _names(self, series: GazetteerEntry, where: GazetteerEntry, year: int) -> list[Name]:
        series_ko, where_ko = series.hangul_name(), where.hangul_name()
        if has_hangul(series.canonical):  # a series known by its Korean name only
            names = [Name(f"{series.canonical} {where_ko or where.canonical} {year}", "ko")]
        else:
            names = [Name(f"{series.canonical} {where.canonical} {year}", "en")]
            if series_ko and where_ko:
                names.append(Name(f"{series_ko} {where_ko} {year}", "ko"))
        return names

    def existing(
        self,
        where: GazetteerEntry,
        date: DateSpan | None,
        year: int | None,
        series: GazetteerEntry | None = None,
    ) -> Edition | None:
        """An edition already at this city, region or country (or at a city of this country) in
        the date's year, or in any year if no date is given (the latest made); of `series` when
        the text names one (two events in one city and year are two editions)."""
        wanted = int(date.start[:4]) if date else None
        found = [
            e
            for e in self.editions.values()
            if (e.city == where or e.where == where or _within(e.city, where))
            and (wanted is None or e.year == wanted)
            and (series is None or e.series == series)
        ]
        return found[-1] if found else None

    def year_for(self, series: GazetteerEntry, year: int | None) -> int | None:
        """A year for an undated edition: the year of the heading above it (`2024` over a list of
        talks), else that of the series' latest edition here, else `year`."""
        if self.heading_year is not None:
            return self.heading_year
        same = [e.year for e in self.editions.values() if e.series == series]
        return same[-1] if same else year

    def describe(
        self, edition: Edition, date: DateSpan | None, status: str | None, start: int, end: int
    ) -> None:
        passage_id = self.draft.mention(edition.key, start, end)
        edition.passage_id = edition.passage_id or passage_id
        if date is not None and int(date.start[:4]) == edition.year:
            better = _PRECISION[date.precision] > _PRECISION.get(edition.precision or "", 0)
            if better:
                edition.start, edition.end, edition.precision = date.start, date.end, date.precision
        if status and edition.status is None:
            edition.status = status

    def locate(self, edition: Edition, place: object) -> None:
        key = getattr(place, "key", None)
        if key:
            self.draft.fact(edition.key, "location", key, passage_id=edition.passage_id)

    def _fill_from_table(self, edition: Edition) -> None:
        """What the text leaves out of a listed edition: the city that held it (`Europe 2024`
        was in Paris) and its month."""
        known = edition.known
        if known is None:
            return
        if edition.city is None and not self.draft.facts_of(edition.key, "location"):
            edition.city = _table_city(self.gazetteer, known)
        if edition.precision in (None, "year") and known.month:
            month = f"{edition.year}-{known.month:02d}"
            edition.start, edition.end, edition.precision = month, month, "month"

    def _add_short_names(self, edition: Edition) -> None:
        """The name people write an edition of a city-named series by: the series' short name
        with the city (`KCD Warsaw 2025` of `Kubernetes Community Days Warsaw 2025`), which
        names that edition only. A region-named series' editions keep the names the text and
        the table of known editions give them: the city would lend search the city's other
        events (`KubeCon San Diego 2019` to a query for the North America edition's talks)."""
        series = edition.series
        if has_hangul(series.canonical) or edition.where.kind != EntityType.PLACE.value:
            return
        for short in _short_names(series):
            self.draft.add_variant(edition.key, f"{short} {edition.where.canonical} {edition.year}")

    def finish(self) -> None:
        """Dates, status and location facts of every edition."""
        article_date = self.draft.article.date or ""
        for edition in self.editions.values():
            pid = edition.passage_id
            self._fill_from_table(edition)
            self._add_short_names(edition)
            if edition.city is not None and not self.draft.facts_of(edition.key, "location"):
                key = add_entry(self.draft, edition.city)
                self.draft.fact(edition.key, "location", key, passage_id=pid)
            if edition.start and edition.precision:
                kind = {"day": "date", "month": "month", "year": "year"}[edition.precision]
                self.draft.fact(edition.key, "startDate", edition.start, kind, passage_id=pid)
                self.draft.fact(
                    edition.key, "endDate", edition.end or edition.start, kind, passage_id=pid
                )
            status = edition.status or _status_by_date(edition, article_date)
            if status:
                self.draft.fact(edition.key, "eventStatus", status, "string", passage_id=pid)


def _short_names(series: GazetteerEntry) -> list[str]:
    """`KubeCon` of `KubeCon + CloudNativeCon`, `KCD` of `Kubernetes Community Days`: one Latin
    word the series is also called, shorter than its name (not a plural of another)."""
    words = {n.text for n in (*series.names, *series.variants) if not has_hangul(n.text)}
    return sorted(
        w
        for w in words
        if " " not in w
        and len(w) < len(series.canonical)
        and not (w.endswith("s") and w[:-1] in words)
    )


def _written_forms(label: str | None, year: int) -> list[str]:
    if not label:
        return []
    return [label] if str(year) in label else [label, f"{label} {year}"]


def _table_city(gazetteer: Gazetteer, known: KnownEdition) -> GazetteerEntry | None:
    if known.city is None:
        return None
    return gazetteer.lookup(known.city, EntityType.PLACE.value)


def _within(city: GazetteerEntry | None, country: GazetteerEntry) -> bool:
    return city is not None and country.kind == COUNTRY and city.country == country.country


def _status_by_date(edition: Edition, article_date: str) -> str | None:
    """Held if it ended before the article's date, planned if it starts after it."""
    known = article_date[:10].strip()
    if len(known) < 7 or not edition.start:
        return None
    if (edition.end or edition.start)[: len(known)] < known[: len(edition.start)]:
        return "held"
    if edition.start[: len(known)] > known[: len(edition.start)]:
        return "planned"
    return None


def places_in(book: EventBook, gazetteer: Gazetteer, start: int, end: int) -> list[Place]:
    """Cities (place records), regions and countries (cues) inside [start, end), in order."""
    found = []
    for span in book.draft.spans_in(start, end, EntityType.PLACE):
        city = gazetteer.lookup(book.draft.names_of(span.key)[0].text, "place")
        if city is not None:
            found.append(Place(span.start, span.end, city, span.key))
    for cue_start, cue_end, reference in book.draft.cues:
        entry = gazetteer.entries[reference]
        if start <= cue_start < end and entry.kind in {REGION, COUNTRY}:
            # A country inside an organisation's name is no venue (`클라우드 네이티브 코리아
            # 커뮤니티`).
            inside = book.draft.spans_over(cue_start, cue_end)
            if not any(s.type == EntityType.ORGANIZATION for s in inside):
                found.append(Place(cue_start, cue_end, entry, None))
    unique = {p.start: p for p in found}
    return sorted(unique.values(), key=lambda p: p.start)


def status_of(text: str) -> str | None:
    held, planned = _HELD.search(text), _PLANNED.search(text)
    if held and planned:
        return "held" if held.start() < planned.start() else "planned"
    return "held" if held else "planned" if planned else None
