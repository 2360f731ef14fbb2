"""Series the text refers to without naming them: `the forum`, `the conference` of the article's
own edition, `the edition in Salt Lake City`, and a city dated as a known edition of the series
named before (`Barcelona, 2019.`)."""

from __future__ import annotations

import re

from forumgraph.ingest.dates import DateSpan, month_of, year_of
from forumgraph.ingest.extract_event_names import EVENT_OF_PLACE
from forumgraph.ingest.extract_events_state import EventBook, Place, region_of
from forumgraph.ingest.extract_records import Span
from forumgraph.ingest.extract_text import Sentence
from forumgraph.ingest.gazetteer import REGION, GazetteerEntry
from forumgraph.models import EntityType

_ANAPHOR = re.compile(r"포럼|\b[Ff]orum\b")
# `행사`/`the conference` alone: the event the article is about, when its title names one.
_EVENT_NOUN = re.compile(r"행사|컨퍼런스|콘퍼런스|\b(?:[Cc]onference|event|show|edition)\b")
# `오스틴 때보다`: the time of the event held in that city (not `때문`, because).
_TIME_OF = re.compile(r"\s*때(?!문)")
# The passage of a series read into one place (`the edition in Salt Lake City`): that place's
# series only, not its neighbours' (`Shanghai in 2019, and I moved to Lisbon in 2021`).
OF_ITS_PLACE = "of-its-place"


def anaphors(
    book: EventBook,
    sentence: Sentence,
    spans: list[Span],
    places: list[Place],
    dated_clauses: list[tuple[int, int]],
    dates: list[DateSpan],
) -> list[Span]:
    """A bare `포럼`/`forum` refers to the document's forum series, if it has one; in a dated
    sentence, a bare `행사`/`conference` (or `때` right after a city: `작년 오스틴 때보다`)
    refers to the series of the title's edition when no series is named before it in the
    sentence nor in its clause (`last year's event in Seattle`, `next year the conference moves
    to Paris, and KubeCon North America ...`)."""
    forum = next((k for k in book.draft.keys(EntityType.SERIES) if "forum" in k), None)
    out = _bare_references(sentence, spans, _ANAPHOR, forum) if forum else []
    titled = next((e for e in book.editions.values() if e.from_title), None)
    if titled is not None and dated_clauses and not out:
        series_key = book.series_key(titled.series)
        named = [s.start for s in spans if s.type == EntityType.SERIES]
        text = book.draft.article.text
        times = [
            Span(p.end, p.end + 1, series_key, EntityType.SERIES, "")
            for p in places
            if p.key is not None and _TIME_OF.match(text, p.end)
        ]
        out = [
            span
            for span in _bare_references(sentence, spans, _EVENT_NOUN, series_key) + times
            if not any(
                start < span.start or _same_clause(span.start, start, dated_clauses)
                for start in named
            )
        ]
    if not out and not any(s.type == EntityType.SERIES for s in spans):
        out = _series_held_in(book, places) or _series_held_then(book, sentence, places, dates)
    return out


# `the previous edition in Salt Lake City`: the event held in the city named after it.
_EDITION_IN = re.compile(r"\b(?:edition|show|event)\s(?:in|at)\s$")


def _series_held_in(book: EventBook, places: list[Place]) -> list[Span]:
    """`last year's Chicago show`, `the edition in Salt Lake City`, `the next China edition ...
    in Hong Kong`: a city's show, event or edition in a sentence that names no series is an
    edition of the series named last before it that the table of known editions holds in that
    city."""
    text = book.draft.article.text
    regions = [p for p in places if p.entry.kind == REGION and EVENT_OF_PLACE.match(text, p.end)]
    named = [
        p
        for p in places
        if p.key is not None
        and (
            EVENT_OF_PLACE.match(text, p.end)
            or _EDITION_IN.search(text, 0, p.start)
            # `the next China edition would return to Hong Kong`: the region's city
            or any(
                r.end <= p.start and region_of(p.entry, book.gazetteer) == r.entry for r in regions
            )
        )
    ]
    if not named:
        return []
    earlier = sorted(
        (s for s in book.draft.spans if s.type == EntityType.SERIES),
        key=lambda s: s.start,
        reverse=True,
    )
    out = []
    for place in named:
        names = {n.text.casefold() for n in (*place.entry.names, *place.entry.variants)}
        for span in (s for s in earlier if s.end <= place.start):
            entry = book.series_entry(span.key)
            if entry is not None and book.gazetteer.editions.years_in(entry.canonical, names):
                out.append(
                    Span(place.end, place.end + 1, span.key, EntityType.SERIES, OF_ITS_PLACE)
                )
                break
    return out


# `Barcelona, 2019`: a year written right after the city.
_CITY_YEAR = re.compile(r",?\s((?:19|20)\d\d)(?![\d-])")


def _series_held_then(
    book: EventBook, sentence: Sentence, places: list[Place], dates: list[DateSpan]
) -> list[Span]:
    """`Barcelona, 2019.`, `Then Amsterdam in 2023`: a city dated in a sentence that names no
    series, where the table of known editions holds the region-named series named last before
    it in that city that very year (and month, where the text gives one)."""
    text = book.draft.article.text
    earlier = [
        (s, entry)
        for s in book.draft.spans
        if s.type == EntityType.SERIES
        and s.end <= places[0].start
        and (entry := book.series_entry(s.key)) is not None
        and entry.by_region
    ]
    if not earlier:
        return []
    last, series = max(earlier, key=lambda pair: pair[0].start)
    out = []
    for place in places:
        if place.key is None:
            continue
        names = {n.text.casefold() for n in place.entry.names}
        date = nearest_date(dates, sentence.start, place, (sentence.start, sentence.end))
        written = _CITY_YEAR.match(text, place.end)
        if written is not None:
            year, month = int(written.group(1)), None
        elif date is not None:
            year = int(date.start[:4])
            month = None if date.precision == "year" else int(date.start[5:7])
        elif _AHEAD.search(sentence.text) and _next_edition_is_in(book, series, names):
            out.append(Span(place.end, place.end + 1, last.key, EntityType.SERIES, OF_ITS_PLACE))
            continue  # `Will we see you on stage in Atlanta?`: the series' next edition
        else:
            continue
        held = [
            e
            for e in book.gazetteer.editions.by_series.get(series.canonical.casefold(), ())
            if e.year == year and e.city and e.city.casefold() in names
        ]
        if held and month in (None, held[0].month):
            out.append(Span(place.end, place.end + 1, last.key, EntityType.SERIES, OF_ITS_PLACE))
    return out


# Words of a time ahead: an edition still to come.
_AHEAD = re.compile(
    r"\b(?:will|'ll|next|upcoming|see you|plan(?:s|ning)?\sto|heading)\b|예정|열릴|다가오는|오는\s",
    re.IGNORECASE,
)


def _next_edition_is_in(book: EventBook, series: GazetteerEntry, names: set[str]) -> bool:
    """Whether the table's first edition of `series` after the article's month is in the city
    of these names."""
    year, month = year_of(book.draft.article.date), month_of(book.draft.article.date)
    if year is None or month is None:
        return False
    ahead = sorted(
        (e.year, e.month, e.city or "")
        for e in book.gazetteer.editions.by_series.get(series.canonical.casefold(), ())
        if (e.year, e.month) > (year, month)
    )
    return bool(ahead) and ahead[0][2].casefold() in names


def nearest_date(
    dates: list[DateSpan], offset: int, place: Place, clause: tuple[int, int]
) -> DateSpan | None:
    """The date of the place's clause nearest to it (`3월 파리에서 열린 X와 11월 솔트레이크시티의
    Y`: each city its own month)."""
    inside = [d for d in dates if clause[0] <= offset + d.begin < clause[1]]

    def distance(date: DateSpan) -> int:
        begin, stop = offset + date.begin, offset + date.stop
        return place.start - stop if stop <= place.start else begin - place.end

    return min(inside, key=distance, default=None)


def _same_clause(first: int, second: int, clauses: list[tuple[int, int]]) -> bool:
    return any(s <= first < e and s <= second < e for s, e in clauses)


def _bare_references(
    sentence: Sentence, spans: list[Span], pattern: re.Pattern[str], key: str
) -> list[Span]:
    out = []
    for match in pattern.finditer(sentence.text):
        start = sentence.start + match.start()
        if not any(s.start <= start < s.end for s in spans):
            out.append(Span(start, start + len(match.group()), key, EntityType.SERIES, ""))
    return out
