"""Editions from dated list lines (event calendars), on lists written for these tests: a line
per event in both of its forms, the place its name gives, a series the gazetteer lacks named by
the form of its name, and lines that hold a date and a city without naming an event."""

from __future__ import annotations

from extraction_support import extract_text

from forumgraph.models import EntityType, Extraction


def _extract(text: str, date: str = "2025-02-10") -> Extraction:
    return extract_text(text, {"date": date, "title": "Spring calendar"})


def _events(extraction: Extraction) -> dict[str, set[str]]:
    """Each edition's preferred name -> all its names and variants."""
    return {
        r.names[0].text: {n.text for n in (*r.names, *r.variants)}
        for r in extraction.entities
        if r.type == EntityType.EVENT
    }


def _facts(extraction: Extraction, edition: str, predicate: str) -> list[str]:
    key = next(r.key for r in extraction.entities if r.names and r.names[0].text == edition)
    labels = {r.key: r.names[0].text for r in extraction.entities}
    return [
        labels.get(f.value, f.value)
        for f in extraction.facts
        if f.subject == key and f.predicate == predicate
    ]


CALENDAR = """Events coming up this spring:

March 2025

KCD - Kubernetes Community Days: Ecuador: Mar 8, 2025 | Quito, Ecuador
KCD - Kubernetes Community Days: Krakow: Mar 22, 2025 | Krakow, Poland
- ObservaCon Lisbon: Mar 27-28, 2025 | Lisbon, Portugal
"""


def test_each_dated_line_with_a_city_is_an_edition_named_after_the_place_its_name_gives():
    extraction = _extract(CALENDAR)
    events = _events(extraction)
    assert "Kubernetes Community Days Ecuador 2025" in events
    assert (
        "KCD - Kubernetes Community Days: Ecuador"
        in events["Kubernetes Community Days Ecuador 2025"]
    )
    assert _facts(extraction, "Kubernetes Community Days Ecuador 2025", "location") == ["Quito"]
    assert _facts(extraction, "Kubernetes Community Days Ecuador 2025", "startDate") == [
        "2025-03-08"
    ]
    assert "Kubernetes Community Days Kraków 2025" in events


def test_a_calendar_name_the_gazetteer_lacks_is_a_series_when_it_ends_as_event_names_do():
    extraction = _extract(CALENDAR)
    series = {r.names[0].text for r in extraction.entities if r.type == EntityType.SERIES}
    assert "ObservaCon" in series
    assert "ObservaCon Lisbon 2025" in _events(extraction)


def test_a_korean_calendar_line():
    text = (
        "다가오는 행사:\n\n"
        "- KCD 빌뉴스: 2025년 4월 12일 | 빌뉴스, 리투아니아\n"
        "- KCD - 쿠버네티스 커뮤니티 데이즈: 헬싱키: 2025년 5월 6일 | 헬싱키, 핀란드\n"
    )
    events = _events(_extract(text))
    assert "Kubernetes Community Days Helsinki 2025" in events
    assert (
        "KCD - 쿠버네티스 커뮤니티 데이즈: 헬싱키"
        in events["Kubernetes Community Days Helsinki 2025"]
    )


def test_a_name_written_with_its_year_stays_the_preferred_name():
    text = "- PyCon Lithuania 2025: Apr 23-25, 2025 | Vilnius, Lithuania\n" + CALENDAR
    assert "PyCon Lithuania 2025" in _events(_extract(text))


def test_dated_lines_that_name_no_event_make_none():
    text = (
        "- Office move: Mar 3, 2025 | Lisbon, Portugal\n"
        "- Meet Priya Nair: Mar 9, 2025 | Berlin, Germany\n"
        "- Team Offsite: Mar 20, 2025 | Madrid, Spain\n\n"
        "Note: the Mar 27, 2025 workshop in Lisbon is full."
    )
    assert _events(_extract(text)) == {}


def test_a_lone_line_names_no_series_of_its_own():
    text = "Our next stop. ObservaCon Lisbon: Mar 27-28, 2025 | Lisbon, Portugal"
    assert _events(_extract(text)) == {}


def test_a_place_the_gazetteer_lacks_still_names_the_listed_edition():
    text = (
        "Kubernetes Community Days taking place this year:\n\n"
        "- KCD Gujarat:\n  September 19, 2026, in Ahmedabad, India\n"
        "- KCD Porto:\n  November 19–20, 2026, in Porto, Portugal\n"
    )
    events = _events(_extract(text))
    assert "Kubernetes Community Days Gujarat 2026" in events
    assert "Kubernetes Community Days Porto 2026" in events
