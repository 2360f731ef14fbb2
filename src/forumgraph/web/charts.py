"""Geometry of the server-drawn charts: the events time line and the bars of a topic's trend.

Pure functions from records to positioned marks; the templates turn the marks into SVG (so
every text goes through Jinja's escaping) and the stylesheet colours them (the pages' content
security policy allows no inline styles). Coordinates are in the SVG's viewBox units.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from forumgraph.search.views import Edition, TrendPoint

FONT_SIZE = 12
LANE_COLOURS = 8  # CSS classes lane-0 … lane-7
TIMELINE_WIDTH = 1000
TIMELINE_LEFT = 210  # room for the series names
LANE_LABEL_WIDTH = 196
LANE_FONT_SIZE = 13
TIMELINE_RIGHT = 24
ROW_HEIGHT = 26
AXIS_HEIGHT = 34
MAX_RADIUS = 12.0
MIN_RADIUS = 3.5
LABEL_CHARS = 24
BARS_WIDTH = 640
BARS_HEIGHT = 300
BARS_TOP = 24
BARS_BOTTOM = 86  # room for the slanted edition labels and the years
BARS_LEFT = 40


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """About how wide `text` is drawn: wide for Hangul and CJK, narrow for Latin."""
    return sum(size * (1.0 if ord(ch) >= 0x1100 else 0.58) for ch in text)


def fit(text: str, width: float, size: float = FONT_SIZE) -> str:
    """`text`, shortened until it is drawn no wider than `width`."""
    limit = len(text)
    while limit > 4 and text_width(shorten(text, limit), size) > width:
        limit -= 1
    return shorten(text, limit)


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,:;-") + "…"


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Mark:
    """One edition on the time line."""

    edition: Edition
    x: float
    y: float
    r: float
    label: str
    lane: int  # its colour
    row: int = 0  # the lane it is in (its place in Timeline.lanes)


@dataclass(frozen=True)
class Lane:
    series_id: str | None
    label: str
    y: float
    height: float
    colour: int


@dataclass(frozen=True)
class Timeline:
    width: float
    height: float
    ticks: tuple[Tick, ...]
    lanes: tuple[Lane, ...]
    marks: tuple[Mark, ...]
    axis_y: float
    year_width: float = 0.0


def timeline(
    editions: list[Edition],
    series_label: dict[str | None, str],
    mark_label: dict[str, str],
) -> Timeline:
    """Editions on a year axis, one lane per series (in order of first appearance); an edition
    sits at its month (mid-year when only the year is known) and its size shows its talks.
    Marks that would overlap in a lane go on a further row of that lane."""
    placed = [e for e in editions if e.year is not None]
    if not placed:
        return Timeline(TIMELINE_WIDTH, AXIS_HEIGHT, (), (), (), 0.0)
    first = min(e.year for e in placed if e.year is not None)
    last = max(e.year for e in placed if e.year is not None)
    most = max((e.talks for e in placed), default=0)
    per_year = _year_width(placed, first, last, most, mark_label)

    def x_of(edition: Edition) -> float:
        return TIMELINE_LEFT + _offset(edition, first) * per_year

    order: list[str | None] = []
    for edition in placed:
        if edition.series_id not in order:
            order.append(edition.series_id)
    lanes: list[Lane] = []
    marks: list[Mark] = []
    top = 0.0
    for number, series in enumerate(order):
        rows: list[float] = []  # where each row of the lane is free again
        lane_marks = []
        for edition in (e for e in placed if e.series_id == series):
            r = _radius(edition.talks, most)
            x = x_of(edition)
            label = shorten(mark_label[edition.id])
            row = next((i for i, free in enumerate(rows) if free < x - r), len(rows))
            end = x + r + 4 + text_width(label) + 10
            if row == len(rows):
                rows.append(end)
            else:
                rows[row] = end
            lane_marks.append((edition, x, row, r, label))
        height = max(1, len(rows)) * ROW_HEIGHT + 8
        for edition, x, row, r, label in lane_marks:
            y = top + 4 + row * ROW_HEIGHT + ROW_HEIGHT / 2
            marks.append(Mark(edition, x, y, r, label, number % LANE_COLOURS, number))
        label = fit(series_label.get(series, ""), LANE_LABEL_WIDTH, LANE_FONT_SIZE)
        lanes.append(Lane(series, label, top, height, number % LANE_COLOURS))
        top += height
    ticks = tuple(
        Tick(TIMELINE_LEFT + (year - first) * per_year, str(year))
        for year in range(first, last + 2)
    )
    return Timeline(
        TIMELINE_WIDTH, top + AXIS_HEIGHT, ticks, tuple(lanes), tuple(marks), top, per_year
    )


def _offset(edition: Edition, first: int) -> float:
    """Years from the start of the axis to the edition (mid-month, or mid-year undated)."""
    month = edition.month - 0.5 if edition.month is not None else 6.0
    return (edition.year or first) - first + month / 12


def _year_width(
    editions: list[Edition], first: int, last: int, most: int, labels: dict[str, str]
) -> float:
    """The width of a year: the whole axis, narrowed until the last labels fit on the right."""
    width = (TIMELINE_WIDTH - TIMELINE_LEFT - TIMELINE_RIGHT) / (last - first + 1)
    for edition in editions:
        room: float = TIMELINE_WIDTH - TIMELINE_RIGHT - TIMELINE_LEFT
        room -= _radius(edition.talks, most) + 4 + text_width(shorten(labels[edition.id]))
        width = min(width, max(room, 1.0) / max(_offset(edition, first), 0.1))
    return width


def _radius(talks: int, most: int) -> float:
    if talks <= 0 or most <= 0:
        return MIN_RADIUS
    return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(talks / most)


@dataclass(frozen=True)
class Bar:
    point: TrendPoint
    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass(frozen=True)
class YearSpan:
    year: str
    x: float
    start: float
    end: float


@dataclass(frozen=True)
class Bars:
    width: float
    height: float
    bars: tuple[Bar, ...]
    years: tuple[YearSpan, ...]
    grid: tuple[tuple[float, int], ...]  # (y, value) of the horizontal grid lines
    baseline: float


def bars(points: list[TrendPoint], bar_label: dict[str, str]) -> Bars:
    """One bar per edition (in time order) as high as its talks about the topic; the years
    group the bars underneath."""
    plot_height = BARS_HEIGHT - BARS_TOP - BARS_BOTTOM
    baseline = BARS_TOP + plot_height
    if not points:
        return Bars(BARS_WIDTH, BARS_HEIGHT, (), (), (), baseline)
    top_value = _nice_top(max(p.count for p in points))
    band = (BARS_WIDTH - BARS_LEFT - 8) / len(points)
    drawn = []
    for i, point in enumerate(points):
        height = plot_height * point.count / top_value
        x = BARS_LEFT + i * band + band * 0.15
        label = shorten(bar_label[point.edition.id], 14)
        drawn.append(Bar(point, x, baseline - height, band * 0.7, height, label))
    years: list[YearSpan] = []
    for i, point in enumerate(points):
        year = str(point.edition.year or "")
        start, end = BARS_LEFT + i * band, BARS_LEFT + (i + 1) * band
        if years and years[-1].year == year:
            previous = years[-1]
            years[-1] = YearSpan(year, (previous.start + end) / 2, previous.start, end)
        else:
            years.append(YearSpan(year, (start + end) / 2, start, end))
    step = top_value // 4 if top_value >= 4 else 1
    grid = tuple(
        (baseline - plot_height * value / top_value, value)
        for value in range(0, top_value + 1, step)
    )
    return Bars(BARS_WIDTH, BARS_HEIGHT, tuple(drawn), tuple(years), grid, baseline)


def _nice_top(value: int) -> int:
    """The top of the value axis: `value` rounded up to a multiple of 4 (at least 4)."""
    return max(4, math.ceil(value / 4) * 4)
