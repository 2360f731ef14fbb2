"""Korean and English date expressions to (start, end, precision), with a context year.

Korean: `2019년 12월 9일, 10일 양일`, `2026년 9월 7~9일`, `2020년 3월`, `2020년에는 3월`, `11월`,
`2019.11.19(화) ~ 2019.11.22(금)`. English: `November 9–12, 2026`, `September 1, 2026`,
`Sept 23rd, 2026`, `October 19–20, 2026`, `July 30 to August 1, 2020`, `November 2015`,
`Monday, November 18`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTHS_RE = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
# The names of the months, for rules that must not read one as a name (`joined in March`).
MONTHS_PATTERN = _MONTHS_RE
_MONTH_NAMES = rf"(?P<month>{_MONTHS_RE})\.?"
_DASH = r"\s*[-–—~〜∼]\s*"
_ORD = r"(?:st|nd|rd|th)?"
_EN = re.compile(
    rf"\b{_MONTH_NAMES}(?:\s+(?P<day>\d{{1,2}}){_ORD}(?:{_DASH}(?P<day2>\d{{1,2}}){_ORD})?)?"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
)
# The day first, as much of the world writes it: `16 February 2026`, `23–26 March`, `5th of May`.
_EN_DAY_FIRST = re.compile(
    rf"\b(?P<day>\d{{1,2}}){_ORD}(?:{_DASH}(?P<day2>\d{{1,2}}){_ORD})?\s+(?:of\s+)?{_MONTH_NAMES}"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
)
# A range across months: `July 30 to August 1, 2020`, `Mar 30-Apr 2`.
_EN_RANGE = re.compile(
    rf"\b{_MONTH_NAMES}\s+(?P<day>\d{{1,2}}){_ORD}(?:{_DASH}|\s+(?:to|through|until)\s+)"
    rf"(?P<month2>{_MONTHS_RE})\.?\s+(?P<day2>\d{{1,2}}){_ORD}"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
)
_KO = re.compile(
    r"(?:(?P<rel>작년|지난해|올해|금년|내년)\s*)?"
    r"(?:(?P<year>(?:19|20)\d\d)\s*년(?:\s*(?:에는|에|의|도|부터))?\s*)?"
    r"(?P<month>1[0-2]|0?[1-9])\s*월"
    r"(?:\s*(?P<day>[0-3]?\d)\s*일?(?:(?:,\s*|" + _DASH + r")(?P<day2>[0-3]?\d)\s*일)?)?"
)
_KO_YEAR = re.compile(r"(?P<year>(?:19|20)\d\d)\s*년(?!\s*\d{1,2}\s*월)")
# A year alone after a preposition of time (`in 2015`, `since 2019`, `planned for 2025`) or in
# brackets after a name (`Chicago (2023)`), not a version (`in 2015.1`).
_EN_YEAR = re.compile(
    r"(?:(?<=\b[Ii]n )|(?<=\b[Dd]uring )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=[A-Za-z] \()"
    r"|(?<=\bplanned for )|(?<=\bscheduled for )|(?<=\bslated for )|(?<=\bset for ))"
    r"(?P<year>(?:19|20)\d\d)(?![\d-]|\.\d)"
)
# A year named only relative to the article (`작년 시애틀 행사`, `last year's event`).
_RELATIVE_YEAR = re.compile(
    r"(?P<rel>재작년|작년|지난해|올해|금년|내년|내후년)(?!\s*(?:19|20)?\d{1,2}\s*[월년])"
    r"|\b(?P<rel_en>[Ll]ast|[Nn]ext|[Tt]his) year\b"
    r"|\b(?P<season_rel>[Ll]ast|[Nn]ext|[Tt]his) (?P<season>spring|summer|fall|autumn|winter)\b"
    r"|\b(?P<ago>an?|one|two|three|four|five|[1-9]) years? ago\b"
    r"|(?<![\d가-힣])(?P<ago_ko>[1-9]|한|두|세|네|다섯)\s*(?:년|해)\s*전(?=에|의|\s|[,.]|$)"
)
# A year counted from the year the text told last (`Barcelona in 2019. A year later ...`), not
# from the article's: `a year later`, `the following year`, `that same autumn`, `이듬해`, `2년 뒤`.
_LATER = re.compile(
    r"\b(?P<later>an?|one|two|three|four|five|[1-9]) years? later\b"
    r"|\bthe (?P<following>following|subsequent) year\b|\bthe year after\b(?! next)"
    r"|\b(?P<same>(?:the\s|that\s)?same|that) (?:year|spring|summer|fall|autumn|winter)\b"
    r"|\b(?:an?|one|two|three|four|five|few|[1-9]\d?) (?:days?|weeks?|months?) later\b"
    r"|(?P<next_ko>이듬해|(?:그\s?)?다음\s?해)"
    r"|(?<![\d가-힣])(?P<later_ko>[1-9]|한|두|세|네|다섯)\s*(?:년|해)\s*(?:뒤|후)(?=에|의|\s|[,.]|$)"
    r"|(?P<same_ko>같은|그)\s?해(?=에|의|\s|[,.]|$)",
    re.IGNORECASE,
)
# The month each season starts in (northern hemisphere, as the events' calendar runs).
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_AGO = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_AGO_KO = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5}
_DOTTED = re.compile(
    r"(?P<year>(?:19|20)\d\d)\.(?P<month>\d{1,2})\.(?P<day>\d{1,2})(?:\([^)]{1,3}\))?"
    r"(?:" + _DASH + r"(?:(?P<year2>(?:19|20)\d\d)\.)?(?P<month2>\d{1,2})\.(?P<day2>\d{1,2}))?"
)


@dataclass(frozen=True)
class DateSpan:
    """A date expression found in text. `precision` is "day", "month" or "year"; `start` and
    `end` are ISO strings at that precision ("2019-12-09", "2020-03", "2026"). `told` is set on a
    year the text tells: written, or counted from one written before (`a year later`)."""

    start: str
    end: str
    precision: str
    begin: int  # character offsets of the expression in the text
    stop: int
    explicit_year: bool = True
    told: bool = False


def find_dates(
    text: str,
    context_year: int | None = None,
    article_year: int | None = None,
    article_month: int | None = None,
    told_year: int | None = None,
) -> list[DateSpan]:
    """Every date expression in `text`, in order; a missing year comes from the previous date
    in the text, else `context_year`; `작년`/`올해`/`내년` (alone or before a month) and
    `last`/`this`/`next year` count from `article_year`; a relative year alone is not explicit.
    A month said to be past or coming (`지난 12월`, `last December`, `오는 3월`, `next March`)
    is the nearest such month before or after the article's (`article_month`).
    A month name alone counts where it cannot be a word: after `in`, `last`, `since`..., or
    before `'s` (`December's show`). A year counted from the story's (`a year later`, `이듬해`)
    counts from the year told last, in `text` or before it (`told_year`)."""
    found: list[tuple[int, int, re.Match[str], str]] = []
    patterns = (
        ("dotted", _DOTTED), ("en_range", _EN_RANGE), ("en", _EN_DAY_FIRST), ("en", _EN),
        ("ko", _KO), ("year", _KO_YEAR),
        ("year", _EN_YEAR), ("later", _LATER), ("relative", _RELATIVE_YEAR),
    )  # fmt: skip
    for kind, pattern in patterns:
        for m in pattern.finditer(text):
            bare = kind == "en" and not (m.group("day") or m.group("year"))
            if bare and not _month_alone(text, m.start(), m.end()):
                continue  # a bare month name (`May`) is too often a word
            if not any(s < m.end() and m.start() < e for s, e, _, _ in found):
                found.append((m.start(), m.end(), m, kind))
    out: list[DateSpan] = []
    year, told = context_year, told_year
    for start, end, m, kind in sorted(found, key=lambda f: f[0]):
        if kind == "later":
            if told is None:
                continue
            year = told = told + _later_years(m)
            out.append(DateSpan(str(year), str(year), "year", start, end, False, told=True))
            continue
        base = article_year or context_year
        span = _to_span(m, kind, _relative_year(m, kind, year, base, article_month))
        if span is None:
            continue
        if not span.explicit_year and span.precision != "year":
            span = _directed(span, text[max(0, start - 6) : start], article_year, article_month)
        if span.explicit_year or kind == "relative":
            year = int(span.start[:4])  # `last year's show ..., and the edition in October`
        if span.explicit_year:
            told = year
        explicit = span.explicit_year
        out.append(DateSpan(span.start, span.end, span.precision, start, end, explicit, explicit))
    return out


def _later_years(m: re.Match[str]) -> int:
    """How many years after the year told last a `later` expression is."""
    if (
        m.group("following")
        or m.group("next_ko")
        or m.group(0).lower().startswith("the year after")
    ):
        return 1
    count = m.group("later") or m.group("later_ko")
    if count:
        return _AGO.get(count.lower(), 0) + _AGO_KO.get(count, 0) + _digit(count)
    return 0


_OFFSETS = {"재작년": -2, "작년": -1, "지난해": -1, "내년": 1, "내후년": 2, "last": -1, "next": 1}
# `since December` in May is the December before, as `last December` is.
_PAST = re.compile(r"(?:지난|\b[Ll]ast|\b[Ss]ince)\s*$")
_COMING = re.compile(r"(?:오는|다가오는|\b[Nn]ext|\b[Tt]his\s+coming)\s*$")
_BEFORE_MONTH_ALONE = re.compile(
    r"\b(?:in|last|next|this|since|until|till|by|from|early|late|mid|[Ll]ast|[Nn]ext|In|Since)"
    r"[\s-]+$"
)
_AFTER_MONTH_ALONE = re.compile(r"(?:'s|’s)\b")


def _month_alone(text: str, start: int, end: int) -> bool:
    return bool(
        _BEFORE_MONTH_ALONE.search(text[max(0, start - 8) : start])
        or _AFTER_MONTH_ALONE.match(text, end)
    )


def _directed(
    span: DateSpan, before: str, article_year: int | None, article_month: int | None
) -> DateSpan:
    """`지난 12월` in May 2019 is December 2018; `오는 3월` in November 2019 is March 2020."""
    if article_year is None or article_month is None:
        return span
    month = int(span.start[5:7])
    if _PAST.search(before):
        year = article_year if month <= article_month else article_year - 1
    elif _COMING.search(before):
        year = article_year if month >= article_month else article_year + 1
    else:
        return span
    shift = year - int(span.start[:4])
    return DateSpan(
        shift_year(span.start, shift), shift_year(span.end, shift), span.precision,
        span.begin, span.stop, span.explicit_year,
    )  # fmt: skip


def shift_year(iso: str, shift: int) -> str:
    """`2025-03` shifted by 1 -> `2026-03`."""
    return f"{int(iso[:4]) + shift:04d}{iso[4:]}"


def _relative_year(
    m: re.Match[str], kind: str, year: int | None, base: int | None, month: int | None = None
) -> int | None:
    relative = m.group("rel") if kind in {"ko", "relative"} else None
    if kind == "relative":
        if base is None:
            return year  # `two years ago` with no date to count from
        if m.group("season"):
            return _season_year(m.group("season_rel").lower(), m.group("season"), base, month)
        if m.group("ago"):
            return base - _AGO.get(m.group("ago").lower(), 0) - _digit(m.group("ago"))
        if m.group("ago_ko"):
            return base - _AGO_KO.get(m.group("ago_ko"), 0) - _digit(m.group("ago_ko"))
        relative = relative or m.group("rel_en").lower()
    if relative is None or base is None:
        return year
    return base + _OFFSETS.get(relative, 0)


def _season_year(direction: str, season: str, base: int, month: int | None) -> int:
    """The year of `next spring` (the first spring after the article's month), `last fall`
    (the latest one over before it) or `this summer`."""
    starts = _SEASON_START[season]
    if direction == "next":
        return base if month is not None and month < starts else base + 1
    if direction == "last":
        return base if month is not None and month > starts + 2 else base - 1
    return base


def _digit(text: str) -> int:
    return int(text) if text.isdigit() else 0


def _to_span(m: re.Match[str], kind: str, year: int | None) -> DateSpan | None:
    explicit = kind != "relative" and bool(m.group("year"))
    y = int(m.group("year")) if explicit else year
    if y is None:
        return None
    if kind == "relative":
        return DateSpan(str(y), str(y), "year", 0, 0, False)
    if kind == "year":
        return DateSpan(str(y), str(y), "year", 0, 0, True)
    if kind == "dotted":
        start = _iso(y, int(m.group("month")), int(m.group("day")))
        y2 = int(m.group("year2") or y)
        end = _iso(y2, int(m.group("month2")), int(m.group("day2"))) if m.group("day2") else start
        return _checked(start, end, "day", explicit)
    month = _month(m.group("month"))
    if kind == "en_range":
        month2 = _month(m.group("month2"))
        # The year written at the end is the end's; a range over New Year starts the year before.
        first_year = y - 1 if explicit and month2 < month else y
        end_year = y + 1 if not explicit and month2 < month else y
        start = _iso(first_year, month, int(m.group("day")))
        end = _iso(end_year, month2, int(m.group("day2")))
        return _checked(start, end, "day", explicit)
    if not m.group("day"):
        value = f"{y:04d}-{month:02d}"
        return DateSpan(value, value, "month", 0, 0, explicit)
    start = _iso(y, month, int(m.group("day")))
    end = _iso(y, month, int(m.group("day2"))) if m.group("day2") else start
    return _checked(start, end, "day", explicit)


def _month(text: str) -> int:
    lowered = text.lower()
    return int(text) if text.isdigit() else _MONTHS.get(lowered[:4], 0) or _MONTHS[lowered[:3]]


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _checked(start: str, end: str, precision: str, explicit: bool) -> DateSpan | None:
    try:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return None
    if last < first:
        return None
    return DateSpan(start, end, precision, 0, 0, explicit)


def year_of(date_text: str | None) -> int | None:
    """The year of an article date like `2019-11-13`, `2020-01 (approximate)` or `2026 (...)`."""
    if not date_text:
        return None
    m = re.search(r"(?:19|20)\d\d", date_text)
    return int(m.group()) if m else None


def month_of(date_text: str | None) -> int | None:
    """The month of an article date like `2019-11-13` or `2020-01 (approximate)`."""
    m = re.match(r"\s*(?:19|20)\d\d-(0[1-9]|1[0-2])", date_text or "")
    return int(m.group(1)) if m else None


# How far into a text its own date is looked for: a dateline or `Week of ...` opens the text,
# a sign-off (`— Name, Company, 2025년 7월`) may close it.
_LEAD_PARAGRAPHS = 2
_LEAD_CHARS = 600
_SIGN_OFF_CHARS = 120
# In the lead a month alone dates the text only on a line that says little else (`Issue 12 —
# March 2026`): in a sentence it is more often a time the text tells of (`처음 간 건 2019년 12월`).
_WORDS_BESIDE_A_DATE_LINE = 3


def text_date(text: str) -> str | None:
    """The date a text without a dated header gives itself: in its lead (a press release's
    dateline `AUSTIN — October 2, 2025`, a newsletter's `Week of 16 February 2026`), else in a
    short last paragraph that ends with it (a sign-off). A day with its year counts; in the
    lead, a month with its year only on a line of its own or ending a byline."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if not p.lstrip().startswith("#")]
    lead = "\n\n".join(paragraphs[:_LEAD_PARAGRAPHS])[:_LEAD_CHARS]
    for span in find_dates(lead):
        if span.explicit_year and (span.precision == "day" or _a_date_line(lead, span)):
            return span.start
    last = paragraphs[-1] if len(paragraphs) > _LEAD_PARAGRAPHS else ""
    if len(last) <= _SIGN_OFF_CHARS:
        for span in find_dates(last):
            ends = not last[span.stop :].strip(" *_.)")
            if ends and span.explicit_year and span.precision in {"day", "month"}:
                return span.start
    return None


# Before a month that ends a byline: `— February 2025`, `| March 2026`, `Written in November 2025`.
_BEFORE_A_BYLINE_MONTH = re.compile(
    r"(?:[—–|·]|\b(?:[Ww]ritten|[Pp]ublished|[Pp]osted|[Uu]pdated)(?:\s(?:in|on))?)\s*$"
)


def _a_date_line(text: str, span: DateSpan) -> bool:
    """A month on a line with little else on it, or ending a byline after a separator or
    `Written in`."""
    if span.precision != "month":
        return False
    line_start = text.rfind("\n", 0, span.begin) + 1
    line_end = text.find("\n", span.stop)
    before = text[line_start : span.begin]
    after = text[span.stop : line_end if line_end >= 0 else None].strip(" *_.)")
    if not after and _BEFORE_A_BYLINE_MONTH.search(before):
        return True
    return len(re.findall(r"\w+", before + after)) <= _WORDS_BESIDE_A_DATE_LINE
