"""Event editions: a series with a city (or a region, for KubeCon) and a year, from prose,
from dated list items (`- KCD Sofia:` / `September 29, 2026, in Sofia, Bulgaria`) and the
title.

Per clause of a sentence: the nearest series, the city or region, the date; status from the verb
(`개최되었다`/held vs `예정`/planned) or the date against the article's date; organiser from
`CNCF가 주관하는`. A city already holding an edition of the same year links to it instead of
making another (`작년 12월 서울 행사도 원래는 오픈서밋 형태로...` is the Seoul forum).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from forumgraph.ingest.dates import DateSpan, find_dates, month_of, year_of
from forumgraph.ingest.extract_event_anaphors import OF_ITS_PLACE, anaphors, nearest_date
from forumgraph.ingest.extract_event_lists import add_listed_editions
from forumgraph.ingest.extract_event_names import (
    EVENT_OF_PLACE,
    YEAR,
    add_casefolded_series,
    add_editions_by_year,
    add_mixed_series,
    add_series_by_form,
    is_beside,
    is_venue,
    listed_after_series,
    opens_a_line,
    prose_sentences,
    written_year,
    year_number,
)
from forumgraph.ingest.extract_event_ordinals import add_numbered_editions
from forumgraph.ingest.extract_event_years import (
    another_events_month,
    city_s_year,
    event_between,
    known_year,
    past_month,
    said_past_or_coming,
    undated_year,
    with_written_year,
)
from forumgraph.ingest.extract_events_state import (
    Edition,
    EventBook,
    Place,
    places_in,
    region_of,
    status_of,
)
from forumgraph.ingest.extract_held_with import (
    add_co_located,
    add_editions_held_with_the_title,
    add_hosts_of_co_located,
)
from forumgraph.ingest.extract_records import Draft, Span
from forumgraph.ingest.extract_text import PhraseMatch, Sentence
from forumgraph.ingest.gazetteer import COUNTRY, REGION, Gazetteer, GazetteerEntry
from forumgraph.ingest.gazetteer_places import is_generated_place
from forumgraph.models import EntityType, Name
from forumgraph.text.hangul import has_hangul

_ORGANIZER = re.compile(r"^\)?\s*(?:이|가)?\s*(?:주관|주최)|^\s*(?:organi[sz]es|hosts)\b")
_ORGANIZED_BY = re.compile(r"(?:organi[sz]ed|hosted) by\s*$")
_BARE_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def add_events(draft: Draft, gazetteer: Gazetteer) -> EventBook:
    """Editions of the document with their facts; returns the book of editions for talks."""
    article_year = year_of(draft.article.date)
    article_month = month_of(draft.article.date)
    book = EventBook(draft, gazetteer)
    add_mixed_series(draft, gazetteer)
    add_casefolded_series(draft, gazetteer)
    add_series_by_form(draft, book)
    add_numbered_editions(draft, book)
    _from_title(book, gazetteer, article_year)
    told_year = None  # the year the text told last, for `a year later`
    told_before: dict[int, int | None] = {}  # by sentence: passages overlap, years count once
    for passage in draft.passages:
        listed = add_listed_editions(book, passage.text, passage.start, article_year)
        running_year, paragraph = book.heading_year or article_year, -1
        sentences = prose_sentences(passage.text, passage.start)
        alone = {p for p, n in Counter(s.paragraph for s in sentences).items() if n == 1}
        for sentence in sentences:
            heading = sentence.paragraph in alone and _heading(sentence.text)
            if sentence.paragraph != paragraph:
                if heading:  # `## 2024` over a list dates its section
                    book.heading_year = _year_heading(sentence.text)
                # a year a dated sentence set runs to the end of its paragraph only
                running_year, paragraph = book.heading_year or article_year, sentence.paragraph
            if any(s <= sentence.start < e for s, e in listed):
                continue
            told_year = told_before.setdefault(sentence.start, told_year)
            dates = find_dates(sentence.text, running_year, article_year, article_month, told_year)
            # A heading's `a year later` says again what its paragraph says (`## 2년 뒤` over
            # `2년 뒤에는 ...`): only a year it writes out is told.
            told_year = next(
                (
                    int(d.start[:4])
                    for d in reversed(dates)
                    if d.told and (d.explicit_year or not heading)
                ),
                told_year,
            )
            # A year alone (`in 2015`) is the year of its own sentence, not of the text after.
            explicit = [int(d.start[:4]) for d in dates if d.explicit_year or d.told]
            dated = [
                int(d.start[:4])
                for d in dates
                if (d.explicit_year and d.precision != "year") or _opens(d, sentence)
            ]
            running_year = dated[-1] if dated else running_year
            year = explicit[-1] if explicit else running_year
            _from_sentence(book, gazetteer, sentence, dates, year or article_year)
    add_editions_by_year(draft, book)
    add_editions_held_with_the_title(book)
    book.finish()
    return book


# A heading: a paragraph of one short line that ends no sentence (`2024`, `2023년`, `Earlier`,
# `Talks in 2022`).
_HEADING = re.compile(r"[^\n.!?:;]{1,40}")
_HEADING_WORDS = 5
_YEAR_HEADING = re.compile(r"(?:[A-Za-z]+\s){0,3}((?:19|20)\d\d)년?(?:\s?[-–—,]\s?.{0,20})?")


_HEADING_MARKS = "#*_ \t"


def _heading(text: str) -> bool:
    words = text.strip(_HEADING_MARKS)
    return bool(_HEADING.fullmatch(words)) and len(words.split()) <= _HEADING_WORDS


def _year_heading(text: str) -> int | None:
    """The year a heading names its section by (`2024`, `## 2023년`, `Talks in 2022`)."""
    m = _YEAR_HEADING.fullmatch(text.strip(_HEADING_MARKS))
    return int(m.group(1)) if m else None


# How far into a sentence a year may stand and still frame what follows (`In 2019, ...`).
_OPENING = 12


def _opens(date: DateSpan, sentence: Sentence) -> bool:
    """A year the text tells at the head of a sentence (`2024년에는 ...`, `In 2019, ...`,
    `A year later ...`) is the year of the rest of its paragraph, as a dated sentence's is."""
    return date.told and date.begin <= _OPENING and date.precision == "year"


def _from_title(book: EventBook, gazetteer: Gazetteer, year: int | None) -> None:
    """Editions a title names: each place with the series named last before it (else the
    first) and the year written nearest it (`KubeCon Europe 2024 in Paris`, `KCD Porto 2023`)."""
    title = book.draft.article.title
    matches = gazetteer.matcher.find(title)
    series = [m for m in matches if gazetteer.entries[m.value].kind == "series"]
    years = list(_BARE_YEAR.finditer(title))
    if not series or (not years and year is None):
        return
    entries = [gazetteer.entries[m.value] for m in matches]
    first = gazetteer.entries[series[0].value]
    regions = [e for e in entries if e.kind == REGION] if first.by_region else []
    for match, entry in zip(matches, entries, strict=True):
        if entry.kind == "place" and regions and region_of(entry, gazetteer) not in regions:
            continue  # `[CNCG 부산] ... KubeCon Japan 2025`: the city is another's
        if entry.kind == "place" or entry in regions:
            before = [m for m in series if m.end <= match.start]
            own = gazetteer.entries[(before[-1] if before else series[0]).value]
            nearest = min(years, key=lambda y: _distance(y, match), default=None)
            place_year = int(nearest.group(1)) if nearest else year
            if place_year is not None:
                book.edition(own, entry, place_year, from_title=True)


def _distance(year: re.Match[str], place: PhraseMatch) -> int:
    if year.start() >= place.end:
        return year.start() - place.end
    return place.start - year.end()


def _from_sentence(
    book: EventBook,
    gazetteer: Gazetteer,
    sentence: Sentence,
    dates: list[DateSpan],
    year: int | None,
) -> None:
    spans = book.draft.spans_in(sentence.start, sentence.end)
    places = places_in(book, gazetteer, sentence.start, sentence.end)
    if not places:
        return
    clauses = _clauses(sentence, dates)
    series_spans = [s for s in spans if s.type == EntityType.SERIES]
    series_spans += anaphors(book, sentence, spans, places, clauses if dates else [], dates)
    organizer = _organizer(book.draft, spans)
    told = any(d.told for d in dates)
    made: list[tuple[Edition, Span]] = []
    for place in places:
        if _region_then_its_city(book, gazetteer, place, places):
            continue  # `Europe in Amsterdam`: the city makes the edition
        clause = next(((s, e) for s, e in clauses if s <= place.start < e), clauses[-1])
        series_span = _nearest_series(book.draft.article.text, series_spans, place, clause)
        series = book.series_entry(series_span.key) if series_span else None
        date = nearest_date(dates, sentence.start, place, clause)
        # A year written with the series' name wins over a relative one in the same clause, not
        # over one in the place's own clause (`Europe 2019 opened ..., double the crowd that
        # came to Copenhagen a year ago`).
        # The year of a name written whole (`KCD 서울 2023과 2022년 ...`) wins over any other.
        named_here = series_span is not None and _named_with_year(book, series_span, place)
        if series_span is not None and (
            date is None
            or named_here
            or (not date.explicit_year and _in_clause(series_span, clause))
        ):
            date = with_written_year(date, _year_written_with(book, series_span, places, sentence))
        clause_text = book.draft.article.text[clause[0] : clause[1]]
        date = past_month(date, clause_text, book.draft.article.date)
        date = city_s_year(book, series, place, date)
        if (
            not named_here
            and another_events_month(book, series, place, date)
            and event_between(spans, sentence.start, date, place, series_span)
        ):
            date = None  # `ran X in December and hosted Y at KubeCon EU`: December is X's
        venue = _venue(book, gazetteer, place, places, series, series_span)
        if venue is None or (
            is_generated_place(venue.reference)
            and not _in_clause(series_span, clause)
            and not listed_after_series(book.draft.article.text, place, places, series_span)
            and not _held_there(book.draft.article.text, series_span, place)
        ):
            continue  # a city of the world table, with no event named beside it
        # Two series held in one city and year are two editions, where the place's own clause
        # names the series; `서울 행사`, `the Seattle show` is the event held there.
        text = book.draft.article.text
        own = (
            _in_clause(series_span, clause) or _held_there(text, series_span, place)
        ) and not EVENT_OF_PLACE.match(text, place.end)
        edition = book.existing(venue, date, year, series if own else None)
        if edition is None and series is not None:
            named_by_region = series.by_region or _beside(book, place, series_span)
            if venue.kind == REGION and not named_by_region:
                continue  # a region names editions of region-named series, or beside the name
            edition_year = (
                int(date.start[:4]) if date else undated_year(book, series, venue, year, told)
            )
            if edition_year is None:
                continue
            if date is None:
                reference = year or edition_year
                known = known_year(book, series, place, reference, clause_text)
                edition_year = known or edition_year
            if series_span is not None:
                edition_year = said_past_or_coming(book, series_span.start, edition_year)
            written = book.draft.article.text[place.start : place.end]
            edition = book.edition(series, venue, edition_year, written=written)
        if edition is None:
            continue
        status = status_of(sentence.text[place.end - sentence.start :]) or status_of(sentence.text)
        book.describe(edition, date, status, place.start, place.end)
        if place.key is not None:
            book.locate(edition, place)
        if series_span is not None:
            made.append((edition, series_span))
            book.draft.mention(edition.key, series_span.start, series_span.end)
            _name_as_written(book, edition, series_span)
            _name_with_place_as_written(book, edition, series_span, place)
        if organizer is not None:
            book.draft.fact(
                edition.key, "organizer", organizer.key, passage_id=organizer.passage_id
            )
    add_co_located(book, series_spans, made)
    add_hosts_of_co_located(book, series_spans, made)


_REGION_CITY_GAP = re.compile(r"\s*(?:,|\(|\bin\b|\bat\b)\s*(?:the\s)?$")


def _region_then_its_city(
    book: EventBook, gazetteer: Gazetteer, place: Place, places: list[Place]
) -> bool:
    """A region written right before one of its cities (`KubeCon Europe in Amsterdam`,
    `North America (Salt Lake City)`)."""
    if place.entry.kind != REGION:
        return False
    text = book.draft.article.text
    return any(
        other.key is not None
        and other.start >= place.end
        and _REGION_CITY_GAP.match(text[place.end : other.start])
        and region_of(other.entry, gazetteer) == place.entry
        for other in places
    )


def _venue(
    book: EventBook,
    gazetteer: Gazetteer,
    place: Place,
    places: list[Place],
    series: GazetteerEntry | None,
    series_span: Span | None,
) -> GazetteerEntry | None:
    """What an edition at this place is named after: the city; the region, for a series named
    by region; a country only where the text puts the event there."""
    text = book.draft.article.text
    named_for = _country_beside(book, gazetteer, series_span, places)
    if place.key is not None:
        if named_for is not None and place.entry.country == named_for.country:
            return named_for  # `KCD 코리아 2025가 서울 코엑스에서`: Seoul is where KCD Korea is
        # A city of the world table names an edition only where the text holds the event there
        # (`in Paris`, `파리에서`, `KubeCon Paris`), not where someone comes from.
        if is_generated_place(place.entry.reference) and not is_venue(
            text, place, places, series_span
        ):
            return None
        return place.entry
    country = gazetteer.lookup(place.entry.canonical, COUNTRY)
    if country is None:
        return place.entry if place.entry.kind == REGION else None
    if place.entry.kind == REGION and series and series.by_region:
        # `KubeCon China`, `중국에서`; not `KubeCon attendees from China`
        return place.entry if is_venue(text, place, places, series_span) else None
    if named_for == country:
        return country
    if any(p.key is not None and p.entry.country == country.country for p in places):
        return None  # `영국 에든버러에서`: the city names the edition
    return country if is_venue(text, place, places, series_span) else None


def _country_beside(
    book: EventBook, gazetteer: Gazetteer, series: Span | None, places: list[Place]
) -> GazetteerEntry | None:
    """The country a series named by city is written with (`KCD Korea`, `KCD 재팬`): the
    edition's name, whichever of its cities the text holds it in."""
    if series is None:
        return None
    entry = book.series_entry(series.key)
    if entry is None or entry.by_region:
        return None
    text = book.draft.article.text
    for place in places:
        if place.key is None and is_beside(text, place, series):
            country = gazetteer.lookup(place.entry.canonical, COUNTRY)
            if country is not None:
                return country
    return None


def _beside(book: EventBook, place: Place, series: Span | None) -> bool:
    """`ServiceMeshCon EU`: a place written right after (or before) the series name."""
    return series is not None and is_beside(book.draft.article.text, place, series)


# `The Fjord Summit, held in Oslo`: the clause after the name tells where it is held.
_HELD_IN = re.compile(r",?\s(?:held|hosted|organi[sz]ed|taking place|which takes place)\sin\s$")


def _held_there(text: str, series: Span | None, place: Place) -> bool:
    return series is not None and (
        bool(_HELD_IN.fullmatch(text, series.end, place.start)) or opens_a_line(text, place, series)
    )


def _named_with_year(book: EventBook, series: Span, place: Place) -> bool:
    """`KCD 서울 2023`, `KubeCon EU 2020`: the place written beside the series, then a year."""
    text = book.draft.article.text
    return (
        place.start >= series.end
        and is_beside(text, place, series)
        and _YEAR_RIGHT_AFTER.match(text, place.end) is not None
    )


def _year_written_with(
    book: EventBook, series: Span, places: list[Place], sentence: Sentence
) -> DateSpan | None:
    """`KubeCon 2017`, `KCD Italy 2021`: the year of the edition, written with its name."""
    year = written_year(book.draft.article.text, series.start, series.end, places)
    if year is None:
        return None
    at = series.start - sentence.start
    return DateSpan(str(year), str(year), "year", at, at, True)


def _name_as_written(book: EventBook, edition: Edition, series_span: Span) -> None:
    """`KubeCon + CloudNativeCon + Open Source Summit China`: an edition named with a longer
    form of its series (the co-located event's name) is also known by that form."""
    text = book.draft.article.text
    written = text[series_span.start : series_span.end]
    year = _YEAR_RIGHT_AFTER.match(text, series_span.end)
    if year and year_number(year["year"]) == edition.year and not edition.series.by_region:
        # `'금융 클라우드 네이티브 세미나 2025'`: a series that names its editions by year alone
        name = f"{written} {edition.year}"
        book.draft.entity(edition.key, EntityType.EVENT, [Name(name, _script(name))])
    canonical = edition.series.canonical
    if has_hangul(written) or len(written) <= len(canonical):
        return
    name = f"{written} {edition.where.canonical} {edition.year}"
    book.draft.entity(edition.key, EntityType.EVENT, [Name(name, "en")])


def _name_with_place_as_written(
    book: EventBook, edition: Edition, series_span: Span, place: Place
) -> None:
    """`KCD 코리아 2025`, `KubeCon EU 2020`: the series, the place beside it and the year, as
    the text writes them, are a name of the edition."""
    text = book.draft.article.text
    year = _YEAR_RIGHT_AFTER.match(text, place.end)
    if year is None or not _named_with_year(book, series_span, place):
        return
    if year_number(year["year"]) != edition.year:
        return
    name = text[series_span.start : year.end()]
    book.draft.entity(edition.key, EntityType.EVENT, [Name(name, _script(name))])


_YEAR_RIGHT_AFTER = re.compile(rf"\s(?P<year>{YEAR})")


def _script(name: str) -> str:
    return "ko" if has_hangul(name) else "en"


def _in_clause(span: Span | None, clause: tuple[int, int]) -> bool:
    return span is not None and clause[0] <= span.start < clause[1]


def _clauses(sentence: Sentence, dates: list[DateSpan]) -> list[tuple[int, int]]:
    """Comma-separated clauses of a sentence (commas inside a date expression do not count)."""
    inside = [(d.begin, d.stop) for d in dates]
    cuts = [
        m.start()
        for m in re.finditer(r",|;", sentence.text)
        if not any(s <= m.start() < e for s, e in inside)
    ]
    bounds = [0, *[c + 1 for c in cuts], len(sentence.text) + 1]
    return [(sentence.start + a, sentence.start + b) for a, b in itertools.pairwise(bounds)]


# The rest of an edition's name, then `in`/`at` before its city: ` Europe 2024 in `.
_NAME_THEN_IN = re.compile(r"(?:\s[A-Z][\w+-]*){0,3}(?:\s(?:19|20)\d\d)?,?\s(?:in|at)\s(?:the\s)?")


def _nearest_series(
    text: str, series: list[Span], place: Place, clause: tuple[int, int]
) -> Span | None:
    series = [s for s in series if s.passage_id != OF_ITS_PLACE or s.start == place.end]
    opening = next((s for s in series if opens_a_line(text, place, s)), None)
    if opening is not None:
        return opening  # `Cloud Native Rejekts, London — the talk ArgoCon turned down`

    def rank(span: Span) -> tuple[int, int]:
        in_clause = clause[0] <= span.start < clause[1]
        distance = place.start - span.end if span.end <= place.start else span.start - place.end
        if span.end <= place.start and _NAME_THEN_IN.fullmatch(text, span.end, place.start):
            distance = 0  # `KubeCon Europe 2024 in Paris and KCD Warsaw`: Paris is KubeCon's
        return (0 if in_clause else 1, distance + (0 if span.end <= place.start else 5))

    return min(series, key=rank) if series else None


def _organizer(draft: Draft, spans: list[Span]) -> Span | None:
    text = draft.article.text
    for span in spans:
        if span.type != EntityType.ORGANIZATION:
            continue
        if _ORGANIZER.match(text[span.end : span.end + 12]):
            return span
        if _ORGANIZED_BY.search(text[max(0, span.start - 15) : span.start]):
            return span
    return None


__all__ = ["COUNTRY", "Edition", "EventBook", "add_events"]
