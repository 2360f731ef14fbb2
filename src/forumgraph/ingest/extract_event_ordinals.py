"""Editions numbered in Korean (`제2회 클라우드 네이티브 해커톤 서울`): the second edition of the
series named after the number, which a later `제3회 대회` or `지난해 1회 대회` of the same text
refers to by its number alone.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_events_state import EventBook
from forumgraph.ingest.extract_records import Draft, name_of, normal_key
from forumgraph.models import EntityType

_EVENT_NOUNS = (
    r"해커톤|서밋|컨퍼런스|콘퍼런스|세미나|포럼|데이|데이즈|페스티벌|대회|밋업|캠프|워크숍"
)
# `제2회 클라우드 네이티브 해커톤 서울`: the number, then the series' name up to its event noun and
# a place after it, before a particle or the end of the phrase.
_NUMBERED = re.compile(
    r"(?<![가-힣])제\s?(?P<number>\d{1,3})\s?회\s"
    rf"(?P<series>(?:[가-힣A-Za-z][\w+.-]*\s){{1,4}}(?:{_EVENT_NOUNS})(?:\s[가-힣]{{2,4}}(?=[\s*.,]|$))?)"
    r"(?=\s|$|[*.,'’\"”]|(?:은|는|이|가|을|를|의|에|도|와|과|로)(?:서|는|도|의)*(?![가-힣]))"
)
# `제3회 대회`, `1회 대회`: an edition of the text's numbered series by its number alone.
_BY_NUMBER = re.compile(r"(?<![가-힣\d])(?:제\s?)?(?P<number>\d{1,3})\s?회\s?(?:대회|행사)")


def add_numbered_editions(draft: Draft, book: EventBook) -> None:
    """Editions named with their number, each an edition of its series."""
    text = draft.article.text
    series_names = set()
    for match in _NUMBERED.finditer(text):
        series_name = match["series"].strip()
        _edition(draft, book, series_name, match["number"], match.start(), match.end())
        series_names.add(series_name)
    if len(series_names) != 1:
        return  # `제3회 대회` names an edition of the one numbered series only
    (series_name,) = series_names
    for match in _BY_NUMBER.finditer(text):
        if not draft.spans_over(match.start(), match.end()):
            _edition(draft, book, series_name, match["number"], match.start(), match.end())


def _edition(draft: Draft, book: EventBook, series: str, number: str, start: int, end: int) -> None:
    if draft.claim(start, end, frozenset({EntityType.EVENT, EntityType.SERIES})) is None:
        return
    name = f"제{number}회 {series}"
    key = draft.entity(f"event:{normal_key(name)}", EntityType.EVENT, [name_of(name)])
    draft.fact(key, "superEvent", book.series_named(series))
    draft.mention(key, start, end)
