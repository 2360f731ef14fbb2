"""How an edition is written around its series' name.

- A series spelled half in Hangul, half in Latin (`쿠버네티스 커뮤니티 Days`, `쿠버네티스 Forum`):
  each word of the English name may be written as the matching word of the Hangul name.
- A year written with the name: `KubeCon 2017`, `KCD Italy 2021`, `KubeCon EU – Virtual 2021`,
  `2020 KubeCon`.
- A country as the venue of an edition: only where the text places the event there (`in Italy,
  the UK`, `인도에서`, `Italy, UK, Washington DC에서`) or names it with the series
  (`Kubernetes Forum India`); a country named for any other reason (`중국 화웨이`) is not a venue.
- A series the gazetteer lacks, by the form of its name (`ArgoCon`), where the text uses it as
  an event (`at ArgoCon`, `ArgoCon 2024`, `ArgoCon에서`).
- A one-word series name in another case (`kubecon 2017`).
- Korean lines wrapped mid-sentence, read as one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from forumgraph.ingest.extract_day_names import english_name, korean_days
from forumgraph.ingest.extract_events_state import EventBook
from forumgraph.ingest.extract_named import is_a_guess, take_back_a_guess
from forumgraph.ingest.extract_orgs import add_entry
from forumgraph.ingest.extract_records import Draft, name_of
from forumgraph.ingest.extract_text import Sentence, sentences, word_set
from forumgraph.ingest.gazetteer import Gazetteer, GazetteerEntry
from forumgraph.models import EntityType
from forumgraph.text.hangul import has_hangul
from forumgraph.text.particles import strip_particles

_NAMED = frozenset(EntityType)
# A day may be named after a project or its organiser (`OpenTelemetry Community Day`, `OpenSSF
# Day`).
PARTS_OF_A_NAME = frozenset(
    {EntityType.TOPIC, EntityType.PLACE, EntityType.PROJECT, EntityType.ORGANIZATION}
)
_IN_QUOTES = frozenset(EntityType) - {EntityType.SERIES, EntityType.EVENT}
# A year as written with an event's name: `2023`, or `'23`.
YEAR = r"(?:19|20)\d\d(?!\.?\d)|['’]\d\d(?![\d.])"
# On the name's own line: a year heading above a list of events names none of them.
_YEAR_AFTER = re.compile(rf"[ \t]*(?:[-–—][ \t]*)?(?:[Vv]irtual[ \t]*)?({YEAR})")
_YEAR_BEFORE = re.compile(r"(?<![\d.])((?:19|20)\d\d)[ \t]+$")
# A conference named in one CamelCase word ending in `Con`, `Conf`, `Day` or `Fest` (GitOpsCon,
# ServiceMeshCon, FEConf, OpenInfraDay, DevFest).
_CON_NAME = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*[a-z](?:Con|Conf|Days?|Fest)(?![\w-])")
# A day or summit named in capitalised words (`Cloud Native Wasm Day`, `Maintainer Summit`).
_DAY_NAME = re.compile(
    r"(?<![\w-])(?:(?!(?:The|A|An|At|This|Our|Last|Next)\s)[A-Z][\w+-]*\s){1,4}"
    r"(?:Days?|Summit|Hackathon|Conference|Symposium|Festival|Forum)(?![\w-])"
)
# Korean words for "held" before an event's name.
_HELD_WORDS = r"(?:열린|열리는|개최된|개최되는|진행된)"
_HELD_BEFORE = rf"(?P<held>{_HELD_WORDS}\s)?"
_HELD_AFTER = (
    r"(?P<after>(?=(?:에서|에|이|가|를|을|는|은|도)?\s?(?:[가-힣]{1,4}\s)?"
    r"(?:열린|열리는|열렸|열린다|개최|참석|참가|행사|진행)"
    r"|\s(?:was held|took place|will be held|will take place|conference|event)\b))?"
)
_EVENT_NOUNS = (
    r"세미나|컨퍼런스|콘퍼런스|서밋|데이|데이즈|해커톤|포럼|밋업|워크숍|페스티벌|캠프|컨벤션|엑스포"
    r"|Days?|Summit|Conference|Hackathon|Meetup|Workshop|Forum|Festival|Camp|Expo"
)
# Quoted names held or attended: with their year (`'클라우드 네이티브 코리아 2024'에서 열린`,
# `"Platform Day 2025" was held`), or ending in an event noun, maybe with a place after it
# (`'클라우드 네이티브 보안 세미나'에는`, `'AWS 커뮤니티 데이 부산'이 개최`, `'2024 공개SW
# 해커톤'도`); the series is the name without the year.
_QUOTED_EVENTS = (
    re.compile(
        _HELD_BEFORE + r"[‘'\"“](?P<name>[^‘’'\"“”\n]{3,40}?)\s(?:19|20)\d\d[’'\"”]" + _HELD_AFTER
    ),
    re.compile(
        _HELD_BEFORE
        + r"[‘'\"“](?:(?:19|20)\d\d\s)?(?P<name>[^‘’'\"“”\n]{1,36}?(?:"
        + _EVENT_NOUNS
        + r")(?:\s[^\s‘’'\"“”]{2,8})?)[’'\"”]"
        + _HELD_AFTER
    ),
)
# Unquoted Korean names right after `열린`/`개최된`: ending in an event noun (`열린 2024 클라우드
# 네이티브 서밋에서`) or in a year (`개최된 데브옵스 코리아 2024에도`).
_KO_NAME_WORD = r"[가-힣A-Za-z][\w+.-]*"
_KO_HELD = rf"(?<![가-힣])(?P<held>{_HELD_WORDS}\s)"
_KO_PARTICLE_AFTER = (
    r"(?=\s|$|[.,]|(?:은|는|이|가|을|를|의|에|도|와|과|로)(?:서|는|도|의)*(?![가-힣]))"
)
_HELD_EVENTS = (
    re.compile(
        _KO_HELD
        + rf"(?:(?:19|20)\d\d\s)?(?P<name>(?:{_KO_NAME_WORD}\s){{1,3}}"
        + r"(?:서밋|컨퍼런스|콘퍼런스|세미나|포럼|해커톤|데이|데이즈|페스티벌|대회))"
        + _KO_PARTICLE_AFTER
    ),
    re.compile(
        _KO_HELD
        + rf"(?P<name>(?:{_KO_NAME_WORD}\s){{0,2}}{_KO_NAME_WORD})\s(?:19|20)\d\d"
        + _KO_PARTICLE_AFTER
    ),
)
# A research conference by its acronym, where a paper or talk was given (`published a paper on
# sampling at USENIX ATC`, `presented at SOSP 2023`).
_PAPER_AT = re.compile(
    r"\b(?:paper|talk|presented|published|poster|keynote)\b[^.;\n]{0,60}?\bat\s"
    r"(?P<name>(?:[A-Z][A-Za-z]+\s)?[A-Z]{3,6})(?![\w-])"
)
# Words that make such a name an event: `at ArgoCon`, `ArgoCon was held`, `ArgoCon에서`.
_EVENT_BEFORE = re.compile(
    r"\b(?:[Aa]t|[Aa]ttend(?:ed|ing|s)?|[Jj]oin(?:ed|ing|s)?|[Dd]uring|co-located with|announced"
    r"|(?:ran|runs?|running|hosted|hosts|(?:co-)?organi[sz]ed|organi[sz]es|held|holds))"
    r"\s+(?:the\s+|its\s+|their\s+|our\s+|an?\s+)?"
    r"(?:co-located\s+)?(?:(?:first|second|third|annual|inaugural|\d+(?:st|nd|rd|th))\s+){0,2}$"
)
# A list that names events: `co-located events include`, `events such as`, `이벤트로는`.
_EVENTS_LISTED_BEFORE = re.compile(
    r"\b(?:events?|summits?|conferences?|days)\b[^.;:]{0,40}?"
    r"\b(?:include[sd]?|including|are|were|such as|like)\s+(?:the\s+)?$"
    r"|\b(?:co-located|colocated)\s+(?:events?|days?)\s*[:：]\s*$",
    re.IGNORECASE,
)
# Between two names of one list.
_LIST_JOIN = re.compile(r"^(?:,\s*(?:and\s+)?|\s+(?:and|or|&)\s+|\s*/\s*)(?:the\s+)?$")
_EVENT_AFTER = re.compile(
    r"^(?:에서|에 참석|\s*(?:행사|컨퍼런스|콘퍼런스))"
    # `... 데이도 같은 주에 열렸어요`
    r"|^(?:은|는|이|가|도|를|을)?\s(?:[가-힣]{1,4}\s){0,3}(?:열렸|열린다|열리는|열릴|개최)"
    r"|^\s+(?:conference|event|day|co-located|was held|took place"
    r"|will be held|will take place|is co-located|was co-located|takes place)\b"
    r"|^\s+the\s(?:day|night|morning|evening|weekend)\s(?:before|after)\b"
    # `The Platform Engineering Summit, held in Berlin in May`
    r"|^,?\s(?:held|hosted|organi[sz]ed)\s(?:in|at|on|by)\b"
)
_PLACE_AND_YEAR_AFTER = re.compile(
    r"\s+[A-Z][A-Za-z]+(?:\s+[A-Z][a-z]+)?\s+(?:in\s+)?(?:19|20)\d\d(?!\d)"
)
# What may stand between the places of one list: `Italy, the UK, and in Washington DC`,
# `Italy, UK, Washington DC`, `인도와 일본`.
_LIST_GAP = re.compile(r"^(?:\s|,|/|·|및|와|과|그리고|\band\b|\bor\b|\bthe\b|\bin\b)*$")
# `서울 행사`, `the Detroit edition`: the event held at a place.
_EVENT_OF_PLACE = r"\s*(?:행사|에디션)|\s+(?:edition|event|show)\b"
EVENT_OF_PLACE = re.compile(_EVENT_OF_PLACE)
# Where the event is: `에서`, `으로 옮겨`, `서울 행사`, `the Detroit edition`, `in`, `at`, `to`.
_LOCATIVE_AFTER = re.compile(rf"^(?:에서|에선|으로|로|{_EVENT_OF_PLACE})")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|to)\s+(?:the\s+)?$")
# Places listed after the series' name and a colon: `every KubeCon Europe: Valencia, Paris`.
_LISTED_AFTER_SERIES = re.compile(r"^(?:\s+[A-Z][\w.]*){0,2}\s*[:：]\s*$")
# A Korean line that stops on a comma or a word other than a sentence ending is wrapped
# mid-sentence.
_OPEN_LINE_END = re.compile(r"(?:[가-힣](?<![다요음함임됨짐])|[가-힣],)$")


class Located(Protocol):
    """A mention: its offsets in the article."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def add_mixed_series(draft: Draft, gazetteer: Gazetteer) -> None:
    """Mentions of series written half in Hangul, half in Latin (not found by the gazetteer)."""
    text = draft.article.text
    for entry in gazetteer.entries.values():
        if entry.kind != EntityType.SERIES.value:
            continue
        pattern = mixed_spelling(entry)
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            surface = match.group()
            if not (has_hangul(surface) and re.search(r"[A-Za-z]", surface)):
                continue  # a name in one script is the gazetteer's to find
            if draft.claim(match.start(), match.end(), frozenset({EntityType.SERIES})) is None:
                continue
            draft.mention(add_entry(draft, entry, surface), match.start(), match.end())


def add_series_by_form(draft: Draft, book: EventBook) -> None:
    """Series the gazetteer lacks, known by the form of their name (`ArgoCon`, `WasmCon`,
    `Cloud Native Wasm Day`) where the text uses it as an event."""
    for passage in draft.passages:
        quoted = [
            (m.start("name"), m.end("name"))
            for pattern in _QUOTED_EVENTS
            for m in pattern.finditer(passage.text)
            if m["held"] is not None or m["after"] is not None
        ] + [
            (m.start("name"), m.end("name"))
            for pattern in _HELD_EVENTS
            for m in pattern.finditer(passage.text)
            if _names_an_event(m["name"])
        ]
        formed = [
            *((m.start(), m.end()) for m in _CON_NAME.finditer(passage.text)),
            *((m.start(), m.end()) for m in _DAY_NAME.finditer(passage.text)),
            *korean_days(draft, passage.start, passage.text, PARTS_OF_A_NAME),
            *(
                (m.start("name"), m.end("name"))
                for m in _PAPER_AT.finditer(passage.text)
                if book.gazetteer.lookup(m["name"]) is None
            ),
        ]
        candidates = sorted(
            [*((a, b, False) for a, b in formed), *((a, b, True) for a, b in quoted)]
        )
        named = _named_in_lists(
            passage.text,
            [
                (a, b)
                for a, b, by_quote in candidates
                if by_quote
                or _named_as_event(passage.text, a, b)
                or _named_after_a_known_name(draft, book, passage.start, passage.text[a:b], a)
            ],
            [(a, b) for a, b, _ in candidates],
        )
        for at, stop, by_quote in candidates:
            start, end = passage.start + at, passage.start + stop
            # A topic or place inside the name is part of it (`Cloud Native Wasm Day`), and so
            # is any name but an event's inside quotes (`'AWS 커뮤니티 데이 부산'`).
            inside = [
                s
                for s in draft.spans_in(start, end)
                if s.type not in (_IN_QUOTES if by_quote else PARTS_OF_A_NAME)
                and not is_a_guess(draft, book.gazetteer, s)
            ]
            if inside or (at, stop) not in named:
                continue
            # A place ending a quoted name is its edition's (`'AWS 커뮤니티 데이 부산'`).
            place = next(
                (
                    s
                    for s in draft.spans_in(start, end, EntityType.PLACE)
                    if s.end == end and s.start > start
                ),
                None,
            )
            if by_quote and place is not None:
                stop = len(passage.text[at : place.start - passage.start].rstrip()) + at
                start, end = passage.start + at, passage.start + stop
            # `ArgoCon Japan` read as an organisation holds the event's name.
            take_back_a_guess(draft, book.gazetteer, start, end, covering=True)
            english = english_name(draft, start, end)
            if draft.claim(start, end, _NAMED) is None:
                continue
            key = book.series_named(passage.text[at:stop])
            if english is not None:
                draft.entity(key, EntityType.SERIES, [name_of(english)])
            draft.mention(key, start, end)


# Words that open a phrase about an event rather than its name (`열린 이번 세미나`).
_NOT_A_NAME_START = word_set(
    "이번 올해 지난 첫 해당 같은 다른 여러 한 두 세 그 이 우리 각 국내 해외 온라인 오프라인"
)


def _names_an_event(name: str) -> bool:
    """An unquoted name after `열린`: not opened by a word of time, order or reference, and
    no word of it ends a phrase with a particle (`서울에서 워크숍`)."""
    words = name.split()
    if words[0] in _NOT_A_NAME_START or (not any(c.isupper() for c in name) and len(words) < 2):
        return False
    return all(strip_particles(w) == w or not has_hangul(w) for w in words)


# The head of a day or conference named after a project (`OpenTelemetry Community Day`).
_DAY_HEAD = re.compile(r"^(?:Community\s|Contributor\s|Maintainer\s|Developer\s)?(?:Day|Summit)$")
# `Kubernetes Day 2 operations`, `Day-2`: a phase of operation, not an event.
_DAY_TWO = re.compile(r"^[\s-]*(?:\d|two\b|one\b)", re.IGNORECASE)


def _named_after_a_known_name(
    draft: Draft, book: EventBook, offset: int, name: str, at: int
) -> bool:
    """A day or summit whose name is a known project, topic or organisation and the event's
    head (`OpenTelemetry Community Day`), or a `-Con` after a CNCF project's name (`ArgoCon`)."""
    text = draft.article.text
    start, end = offset + at, offset + at + len(name)
    if _DAY_TWO.match(text, end):
        return False
    if name.endswith("Con") and not name.endswith(" Con"):
        # a CNCF project's conference (not `the FalconCon plugin`)
        known = book.gazetteer.lookup(name[:-3], EntityType.PROJECT.value)
        return known is not None and known.maturity is not None
    first = next(
        (
            s
            for s in draft.spans_in(start, end)
            if s.start == start and s.end < end and s.type in PARTS_OF_A_NAME
        ),
        None,
    )
    return first is not None and bool(_DAY_HEAD.match(text[first.end : end].strip()))


def _named_as_event(text: str, start: int, end: int) -> bool:
    return bool(
        _YEAR_AFTER.match(text, end)
        or _PLACE_AND_YEAR_AFTER.match(text, end)
        or _EVENT_BEFORE.search(text[max(0, start - 40) : start])
        or _EVENTS_LISTED_BEFORE.search(text[max(0, start - 80) : start])
        or _EVENT_AFTER.match(text[end : end + 24])
    )


def _named_in_lists(
    text: str, named: list[tuple[int, int]], candidates: list[tuple[int, int]]
) -> set[tuple[int, int]]:
    """The names used as events, and the names listed with one of them (`Cloud Native Telco
    Day and ArgoCon`, where only the first follows `events include`)."""
    found = set(named)
    grew = True
    while grew:
        grew = False
        for a, b in candidates:
            if (a, b) in found:
                continue
            if any(_LIST_JOIN.match(text[e:a]) or _LIST_JOIN.match(text[b:s]) for s, e in found):
                found.add((a, b))
                grew = True
    return found


def add_casefolded_series(draft: Draft, gazetteer: Gazetteer) -> None:
    """One-word series names written in another case (`kubecon`, `Kubecon`), which the
    case-sensitive gazetteer match leaves out; short names stay exact (`kcd` may be a word)."""
    text = draft.article.text
    for entry in gazetteer.entries.values():
        if entry.kind != EntityType.SERIES.value:
            continue
        for name in (n.text for n in (*entry.names, *entry.variants)):
            if " " in name or len(name) < 6 or not name.isascii():
                continue
            pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
            for match in pattern.finditer(text):
                if match.group() == name or draft.spans_in(match.start(), match.end()):
                    continue
                if draft.claim(match.start(), match.end(), _NAMED) is None:
                    continue
                key = add_entry(draft, entry)
                draft.add_variant(key, match.group())
                draft.mention(key, match.start(), match.end())


def mixed_spelling(entry: GazetteerEntry) -> re.Pattern[str] | None:
    """Each word either in English or in Hangul, for names of the same number of words."""
    english = entry.canonical.split()
    for hangul in (n.text.split() for n in entry.names if n.lang == "ko"):
        if len(hangul) != len(english) or len(english) < 2:
            continue
        words = [_word(en, ko) for en, ko in zip(english, hangul, strict=True)]
        return re.compile(r"(?<![\w])" + r"\s*".join(words) + r"(?![A-Za-z])")
    return None


def _word(english: str, hangul: str) -> str:
    latin = re.escape(english[:-1]) + "s?" if english.endswith("s") else re.escape(english)
    # A Hangul plural is often written out (`데이즈`) as the English one is.
    return f"(?:(?i:{latin})|{re.escape(hangul)}(?:즈|스)?)"


def add_editions_by_year(draft: Draft, book: EventBook) -> None:
    """`KubeCon 2017`, `2020 KubeCon`: an edition named by its series and year, no place."""
    text = draft.article.text
    for span in [s for s in draft.spans if s.type == EntityType.SERIES]:
        named = _name_with_year(text, span.start, span.end)
        series = book.series_entry(span.key)
        if named is None or series is None:
            continue
        year, start, end = named
        same_year = [e for e in book.editions.values() if e.series == series and e.year == year]
        if len(same_year) > 1:
            continue  # `KubeCon 2019` beside its North America and Europe editions: either one
        book.edition_by_year(series, year, text[start:end], start)


def written_year(text: str, start: int, end: int, places: Sequence[Located]) -> int | None:
    """The year written with a series name at [start, end), after a place right behind it
    (`KubeCon 2017`, `KCD Italy 2021`) or right before the name (`2020 KubeCon`)."""
    following = next(
        (p for p in places if p.start >= end and not text[end : p.start].strip()), None
    )
    named = _name_with_year(text, start, following.end if following else end)
    return named[0] if named else None


def year_number(written: str) -> int:
    """`2023` -> 2023, `'23` -> 2023."""
    digits = written.lstrip("'’")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def _name_with_year(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(year, start, end) of a name at [start, end) written with a year right after or before."""
    after = _YEAR_AFTER.match(text, end)
    if after:
        return year_number(after.group(1)), start, after.end()
    before = _YEAR_BEFORE.search(text, max(0, start - 8), start)
    return (int(before.group(1)), before.start(), end) if before else None


def is_venue(text: str, place: Located, places: Sequence[Located], series: Located | None) -> bool:
    """Whether a country is where the event takes place: next to the series name, or in a
    list of places the text puts the event in (`in ...`, `...에서`)."""
    if series is not None and is_beside(text, place, series):
        return True
    chain = _list_around(text, place, places)
    last_after = text[chain[-1].end : chain[-1].end + 4]
    first_before = text[max(0, chain[0].start - 12) : chain[0].start]
    own_before = text[max(0, place.start - 12) : place.start]  # `Summit Europe in Vienna`
    return bool(
        opens_a_line(text, place, series)
        or _LOCATIVE_AFTER.match(last_after)
        or _LOCATIVE_BEFORE.search(first_before)
        or _LOCATIVE_BEFORE.search(own_before)
        or listed_after_series(text, place, places, series)
    )


def listed_after_series(
    text: str, place: Located, places: Sequence[Located], series: Located | None
) -> bool:
    """A place of a list written after the series' name and a colon (`every KubeCon Europe:
    Valencia, Amsterdam and Paris`)."""
    if series is None:
        return False
    first = _list_around(text, place, places)[0]
    return series.end <= first.start and bool(
        _LISTED_AFTER_SERIES.match(text[series.end : first.start])
    )


# A line that opens with an event and its city, as lists of talks write them:
# `- **ArgoCon Europe**, London — "Drift happens"`, `KubeCon EU, Paris (2024)`.
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:[-*•·][ \t]*)?[*_]*$")
_SERIES_THEN_CITY = re.compile(r"(?:[ \t]+[A-Z][A-Za-z]+)?[*_]*,[ \t]*$")
_AFTER_LINE_CITY = re.compile(r"[*_]*(?:[ \t]*(?:[—–]|-\s|\(|,\s*(?:19|20)\d\d)|[ \t]*(?:\n|$))")


def opens_a_line(text: str, place: Located, series: Located | None) -> bool:
    """The place after the series that opens a line, with only a comma between them
    (`**Cloud Native Rejekts**, Paris — ...`): where that event was held."""
    return (
        series is not None
        and series.end <= place.start
        and bool(_LINE_OPENING.search(text, max(0, series.start - 8), series.start))
        and bool(_SERIES_THEN_CITY.fullmatch(text, series.end, place.start))
        and bool(_AFTER_LINE_CITY.match(text, place.end))
    )


def is_beside(text: str, place: Located, series: Located) -> bool:
    """A place written right after or right before the series name (`KCD Italy`)."""
    return _adjacent(text, series, place) or _adjacent(text, place, series)


def _adjacent(text: str, first: Located, second: Located) -> bool:
    return first.end <= second.start and not text[first.end : second.start].strip()


def _list_around(text: str, place: Located, places: Sequence[Located]) -> list[Located]:
    """The run of places joined by list separators that holds `place`, in text order."""
    ordered = sorted(places, key=lambda p: p.start)
    i = next(k for k, p in enumerate(ordered) if p.start == place.start)
    first = last = i
    while first > 0 and _LIST_GAP.match(text[ordered[first - 1].end : ordered[first].start]):
        first -= 1
    while last + 1 < len(ordered) and _LIST_GAP.match(
        text[ordered[last].end : ordered[last + 1].start]
    ):
        last += 1
    return ordered[first : last + 1]


def prose_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of a passage, with Korean lines wrapped mid-sentence joined again
    (`작년에는 시카고에서,\n행사가 열렸다`)."""
    out: list[Sentence] = []
    for sentence in sentences(text, offset):
        previous = out[-1] if out else None
        gap = text[previous.end - offset : sentence.start - offset] if previous else ""
        if (
            previous is not None
            and gap.strip() == ""
            and gap.count("\n") == 1
            and _OPEN_LINE_END.search(previous.text)
            and has_hangul(sentence.text[:1])
        ):
            joined = text[previous.start - offset : sentence.end - offset]
            out[-1] = Sentence(joined, previous.start, sentence.end, previous.paragraph)
            continue
        out.append(sentence)
    return out
