"""Editions from dated list lines, the form event calendars take:

    - KCD Sofia:
      September 29, 2026, in Sofia, Bulgaria
    - KCD - Kubernetes Community Days: Colombia: Aug 28, 2025 | Bogotá, Colombia
    CloudCon Sydney: Sep 9–10, 2025 | Sydney, Australia        (a Markdown list read as text)

The name before the colon gives the series and, where it names one, the place the edition is
named after (`KCD Colombia`); the detail after it gives the date and the city. In a calendar (two
dated lines with a city or more), a capitalised name the gazetteer lacks is a series of its own
where it ends as event names do (`CloudCon`, `Platform Engineering Day`), without the places and
year it ends with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from forumgraph.ingest.dates import DateSpan, find_dates
from forumgraph.ingest.extract_events_state import EventBook, Place, places_in, status_of
from forumgraph.models import EntityType

_TWO_LINES = re.compile(
    r"^\s*[-*]\s*(?P<name>[^:\n]{3,80}):[ \t]*\n[ \t]*(?P<detail>[^\n]+)", re.MULTILINE
)
# The last colon of the line ends the name (`KCD - Kubernetes Community Days: Colombia: Aug 28`).
_ONE_LINE = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*)?(?P<name>[^\n]{3,80}):[ \t]+(?P<detail>[^:\n]+)$", re.MULTILINE
)
_CAPITALISED_NAME = re.compile(r"(?:[A-Z0-9][\w.+&'’-]*\s?){1,6}")
_YEAR_AT_END = re.compile(r"[\s,–—-]*(?:19|20)\d\d$")
_MARKUP = "*_` "
# How the name of an event ends: `SREcon`, `ArgoCon`, `Platform Engineering Day`, `PyData Summit`.
_EVENT_WORD = re.compile(
    r"(?:[Cc]on|\b(?:Days?|Summit|Conference|Forum|Meetup|Camp|Fest|Festival|Week|Expo"
    r"|Hackathon|Symposium|Workshop|Congress))$"
)


@dataclass(frozen=True)
class _Item:
    start: int
    end: int
    name_start: int
    name_end: int
    label: str
    date: DateSpan
    city: Place


def add_listed_editions(
    book: EventBook, text: str, offset: int, year: int | None
) -> list[tuple[int, int]]:
    """Editions of the passage's dated list lines; returns the spans of the lines read."""
    items = _dated_items(book, text, offset, year)
    calendar = len(items) >= 2
    covered = []
    for item in items:
        series_key = _series_of(book, item, calendar)
        series = book.series_entry(series_key) if series_key else None
        if series is None:
            continue
        named = places_in(book, book.gazetteer, item.name_start, item.name_end)
        where = named[-1].entry if named else item.city.entry
        context = text[max(0, item.start - offset - 300) : item.start - offset]
        status = "planned" if status_of(context) == "planned" else None
        year = int(item.date.start[:4])
        # `KCD Gujarat` in Ahmedabad: a place the gazetteer lacks still names the edition.
        own = None if named else _place_named(book, item, series_key)
        called = f"{series.canonical} {own} {year}" if own else None
        edition = book.edition(series, where, year, label=item.label, called=called)
        book.describe(edition, item.date, status, item.name_start, item.name_end)
        book.locate(edition, item.city)
        covered.append((item.start, item.end))
    return covered


def _dated_items(book: EventBook, text: str, offset: int, year: int | None) -> list[_Item]:
    """Lines whose detail holds a date and a city, in text order, each read once."""
    found: dict[int, _Item] = {}
    for pattern in (_TWO_LINES, _ONE_LINE):
        for match in pattern.finditer(text):
            if any(i.start <= offset + match.start() < i.end for i in found.values()):
                continue
            detail_start, detail_end = offset + match.start("detail"), offset + match.end("detail")
            dates = find_dates(match["detail"], year)
            places = places_in(book, book.gazetteer, detail_start, detail_end)
            cities = [p for p in places if p.key is not None]
            label = match["name"].strip(_MARKUP)
            if not dates or not cities or not label:
                continue
            name_start = offset + match.start("name") + match["name"].index(label)
            found[offset + match.start()] = _Item(
                offset + match.start(),
                offset + match.end(),
                name_start,
                name_start + len(label),
                label,
                dates[0],
                cities[0],
            )
    return [found[k] for k in sorted(found)]


def _series_of(book: EventBook, item: _Item, calendar: bool) -> str | None:
    """The series the line's name holds; in a calendar, the name itself as a series of its own
    where it is a capitalised name of no person, organisation or known series."""
    spans = book.draft.spans_in(item.name_start, item.name_end)
    series = next((s for s in spans if s.type == EntityType.SERIES), None)
    if series is not None:
        return series.key
    if not calendar or not _CAPITALISED_NAME.fullmatch(item.label):
        return None
    if any(s.type in (EntityType.PERSON, EntityType.ORGANIZATION) for s in spans):
        return None
    name = _without_places_and_year(book, item)
    if not _EVENT_WORD.search(name):
        return None
    key = book.series_named(name)
    book.draft.mention(key, item.name_start, item.name_start + len(name))
    return key


_PLACE_WORDS = re.compile(r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}")


def _place_named(book: EventBook, item: _Item, series_key: str | None) -> str | None:
    """The capitalised words after the series in a line's name (`Gujarat` of `KCD Gujarat`)."""
    series = next(
        (s for s in book.draft.spans_in(item.name_start, item.name_end) if s.key == series_key),
        None,
    )
    if series is None:
        return None
    rest = _YEAR_AT_END.sub("", book.draft.article.text[series.end : item.name_end])
    rest = rest.strip(" :-–—*_`")
    return rest if _PLACE_WORDS.fullmatch(rest) else None


def _without_places_and_year(book: EventBook, item: _Item) -> str:
    """`CloudCon Sydney 2025` -> `CloudCon`: the places and the year the name ends with."""
    text = book.draft.article.text
    end = item.name_end
    places = places_in(book, book.gazetteer, item.name_start, end)
    while True:
        name = _YEAR_AT_END.sub("", text[item.name_start : end]).rstrip(" ,–—-")
        end = item.name_start + len(name)
        last = next((p for p in reversed(places) if p.end == end), None)
        if last is None:
            return name
        end = last.start
