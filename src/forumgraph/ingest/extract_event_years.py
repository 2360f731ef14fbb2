"""The year and date an edition takes where a sentence places it: the year written with the
series' name, a past month of the year before, the table of known editions (a city's year, a
month that belongs to another event) and an undated city's latest edition."""

from __future__ import annotations

import re
from dataclasses import replace

from forumgraph.ingest.dates import DateSpan, month_of, shift_year, year_of
from forumgraph.ingest.extract_events_state import EventBook, Place, region_of, status_of
from forumgraph.ingest.extract_records import Span
from forumgraph.ingest.gazetteer import COUNTRY, REGION, GazetteerEntry
from forumgraph.models import EntityType

# Past tense that tells of an event's turnout: `drew 8,000`, `attracted`, `모였다`.
_PAST_VERB = re.compile(
    r"\b(?:drew|attracted|gathered|welcomed|saw|hosted|had|was|were)\b|모였|참가했|참석했|찾았"
)


def with_written_year(date: DateSpan | None, written: DateSpan | None) -> DateSpan | None:
    """`오는 5월 ... Europe 2021`: the year written with the name wins over one a month or day
    borrowed from the sentences before."""
    if written is None or date is None:
        return date or written
    year = written.start[:4]
    return replace(date, start=year + date.start[4:], end=year + date.end[4:], explicit_year=True)


def past_month(date: DateSpan | None, clause: str, article_date: str | None) -> DateSpan | None:
    """`December's show in Seattle drew 8,000` in May 2019: a month after the article's, in a
    clause that tells of the past, is of the year before."""
    year, month = year_of(article_date), month_of(article_date)
    if date is None or date.explicit_year or date.precision == "year" or not (year and month):
        return date
    if int(date.start[:4]) != year or int(date.start[5:7]) <= month:
        return date
    if status_of(clause) != "held" and not _PAST_VERB.search(clause):
        return date
    before = str(year - 1)
    return replace(date, start=before + date.start[4:], end=before + date.end[4:])


def undated_year(
    book: EventBook,
    series: GazetteerEntry,
    venue: GazetteerEntry,
    year: int | None,
    told: bool = False,
) -> int | None:
    """A city's undated edition is the year of the series' latest edition here (`서울 행사`);
    a country's is the year the text is speaking of, and so is a region's where the table of
    known editions holds one there that year (`KubeCon China returned ...` in 2025), and any
    edition's where its sentence tells a year (`told`: `Open Source Summit Europe, Lyon (2019)`,
    the year in a clause of its own)."""
    if venue.kind == COUNTRY or (told and year is not None):
        return year
    editions = book.gazetteer.editions
    if venue.kind == REGION and year and editions.find(series.canonical, venue.canonical, year):
        return year
    return book.year_for(series, year)


# `the recent KCD Warsaw`, `최근 열린 KCD 바르샤바`: an edition said to be over; `the upcoming
# KubeCon India`, `다가오는 KCD 서울`: one said to be ahead.
_PAST_WORDS = r"[Rr]ecent|[Pp]ast|[Pp]revious|[Ll]ast"
_SAID_PAST = re.compile(rf"(?:\b(?:{_PAST_WORDS})\s|최근\s(?:열린\s|개최된\s)?|지난\s)$")
# The same words anywhere in a clause (`the previous edition in Salt Lake City`).
_SAYS_PAST = re.compile(rf"\b(?:{_PAST_WORDS})\b|최근|지난")
_SAID_COMING = re.compile(r"(?:\b(?:[Uu]pcoming|[Ff]orthcoming|[Cc]oming)\s|다가오는\s|오는\s)$")


def said_past_or_coming(book: EventBook, series_start: int, year: int) -> int:
    """An edition said to be over is not of a year after the article's, one said to be ahead
    not of a year before it (the year a dated sentence before left running may be either)."""
    article_year = year_of(book.draft.article.date)
    if article_year is None:
        return year
    before = book.draft.article.text[max(0, series_start - 16) : series_start]
    if year > article_year and _SAID_PAST.search(before):
        return article_year
    if year < article_year and _SAID_COMING.search(before):
        return article_year
    return year


def city_s_year(
    book: EventBook, series: GazetteerEntry | None, place: Place, date: DateSpan | None
) -> DateSpan | None:
    """A month the text gives no year (`this March` in a December article) takes the year
    next to it in which the known editions hold the series in that city, when the edition of
    its own year was elsewhere (`KubeCon Europe in Amsterdam this March`, written in December
    2025, is March 2026)."""
    if series is None or date is None or date.explicit_year or place.key is None:
        return date
    region = region_of(place.entry, book.gazetteer)
    if region is None:
        return date
    editions, names = book.gazetteer.editions, {n.text.casefold() for n in place.entry.names}
    year = int(date.start[:4])
    city = editions.city_of(series.canonical, region.canonical, year)
    if city is None or city.casefold() in names:
        return date
    held = editions.years_in(series.canonical, names)
    nearby = [y for y in (year - 1, year + 1) if y in held]
    if len(nearby) != 1:
        return date
    shift = nearby[0] - year
    return replace(date, start=shift_year(date.start, shift), end=shift_year(date.end, shift))


def event_between(
    spans: list[Span], offset: int, date: DateSpan | None, place: Place, series: Span | None
) -> bool:
    """Another series or event named between the date and the place."""
    if date is None:
        return False
    low, high = sorted((offset + date.stop, place.start))
    return any(
        s.type in (EntityType.SERIES, EntityType.EVENT)
        and low <= s.start < high
        and (series is None or s.key != series.key)
        for s in spans
    )


def another_events_month(
    book: EventBook, series: GazetteerEntry | None, place: Place, date: DateSpan | None
) -> bool:
    """A month two or more away from the one the known edition of that region and year was
    held in is the date of something else the sentence tells of."""
    if series is None or date is None or date.precision == "year" or not series.by_region:
        return False
    region = region_of(place.entry, book.gazetteer) if place.key is not None else place.entry
    if region is None:
        return False
    known = book.gazetteer.editions.find(series.canonical, region.canonical, int(date.start[:4]))
    return known is not None and abs(known.month - int(date.start[5:7])) >= 2


def known_year(
    book: EventBook, series: GazetteerEntry, place: Place, year: int, clause: str
) -> int | None:
    """The year of an undated city of a region-named series, from the table of known editions,
    seen from the year the text speaks of: that year where the city held it; where the region's
    edition that year was elsewhere (or virtual), the latest edition held in the city before
    (`the Seattle show` in 2019), or the first after in a clause about the future; where the
    table does not list that year yet, the city's edition a year off (`next up: North America
    in Atlanta`), or its last before where the clause says it is past. None when the table says
    nothing of the city."""
    region = region_of(place.entry, book.gazetteer) if place.key is not None else None
    if region is None or not series.by_region:
        return None
    editions = book.gazetteer.editions
    names = {n.text.casefold() for n in place.entry.names}
    known = editions.find(series.canonical, region.canonical, year)
    years = editions.years_in(series.canonical, names)
    if known is None:
        near = next((y for y in years if abs(y - year) == 1), None)
        if near is None and _SAYS_PAST.search(clause):
            # `the previous edition in Salt Lake City`: the city's last one before
            return next((y for y in reversed(years) if y < year), None)
        return near
    if known.city is not None and known.city.casefold() in names:
        return year
    later = [y for y in years if y > year]
    earlier = [y for y in years if y < year]
    if later and status_of(clause) == "planned":
        return later[0]
    return earlier[-1] if earlier else None
