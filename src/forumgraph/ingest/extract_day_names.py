"""Korean days and summits named after a known name (`오픈텔레메트리 커뮤니티 데이`), and the
English name such a Hangul name has (`OpenTelemetry Community Day`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from forumgraph.ingest.extract_records import Draft
from forumgraph.models import EntityType
from forumgraph.text.hangul import has_hangul

# A Korean day or summit named after a known name (`오픈텔레메트리 커뮤니티 데이`).
_KO_DAY_NAME = re.compile(
    r"(?<![\w-])(?P<name>(?:[가-힣A-Za-z][\w+.-]*\s){1,3}"
    r"(?:데이|데이즈|서밋|해커톤|컨퍼런스|콘퍼런스|페스티벌))"
    r"(?=\s|$|[.,]|(?:은|는|이|가|을|를|의|에|도|와|과|로)(?:서|는|도|의)*(?![가-힣]))"
)


# Korean words of event names, in English.
_EVENT_WORDS_IN_ENGLISH = {
    "커뮤니티": "Community",
    "데이": "Day",
    "데이즈": "Days",
    "서밋": "Summit",
    "해커톤": "Hackathon",
    "컨퍼런스": "Conference",
    "콘퍼런스": "Conference",
    "페스티벌": "Festival",
    "세미나": "Seminar",
    "포럼": "Forum",
    "워크숍": "Workshop",
    "밋업": "Meetup",
}


def korean_days(
    draft: Draft, offset: int, text: str, parts: frozenset[EntityType]
) -> Iterator[tuple[int, int]]:
    """Korean days and summits whose name opens with a known name of one of `parts` (the words
    before it are not part of the name: `그리고 오픈텔레메트리 커뮤니티 데이`)."""
    for match in _KO_DAY_NAME.finditer(text):
        starts = sorted(
            s.start - offset
            for s in draft.spans_in(offset + match.start("name"), offset + match.end("name"))
            if s.type in parts
        )
        if not starts or (starts[0] != match.start("name") and text[starts[0] - 1] != " "):
            continue
        spans = draft.spans_in(offset + starts[0], offset + match.end("name"))
        words = re.finditer(r"\S+", text[starts[0] : match.end("name")])
        # Each word is a known name, an event word or Latin (not `Kubernetes와 관련된 컨퍼런스`).
        if all(
            w.group() in _EVENT_WORDS_IN_ENGLISH
            or re.fullmatch(r"[A-Za-z0-9][\w+.-]*", w.group())
            or any(s.start <= offset + starts[0] + w.start() < s.end for s in spans)
            for w in words
        ):
            yield starts[0], match.end("name")


def english_name(draft: Draft, start: int, end: int) -> str | None:
    """`OpenTelemetry Community Day` for `오픈텔레메트리 커뮤니티 데이`: a Hangul name made of
    known names (in their English form) and event words."""
    text = draft.article.text
    if not has_hangul(text[start:end]):
        return None
    parts, at = [], start
    for word in re.finditer(r"\S+", text[start:end]):
        if start + word.start() < at:
            continue  # inside a known name already read
        here = start + word.start()
        span = next((s for s in draft.spans_in(here, end) if s.start == here), None)
        english = None
        if span is not None:
            english = next((n.text for n in draft.names_of(span.key) if n.lang == "en"), None)
        if span is not None and english:
            parts.append(english)
            at = span.end
        elif word.group() in _EVENT_WORDS_IN_ENGLISH:
            parts.append(_EVENT_WORDS_IN_ENGLISH[word.group()])
        else:
            return None
    return " ".join(parts)
