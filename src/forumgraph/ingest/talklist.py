"""Talk lists in Markdown (the cncf/presentations format), recognised by their content.

A talk list is a document whose tables dominate it and have a topic column beside video columns:

    # KubeCon + CloudNativeCon 2019 - San Diego
    |Topic|YouTube|Tencent|
    |---|:---:|:---:|
    |中文标题<br>English title - Speaker, Org & Speaker, Org|[Video](https://…)|[视频](https://…)|

The table is parsed by markdown-it-py (`<br>` arrives as inline HTML); each row becomes a
`ListedTalk` and the document's text becomes one compact line per talk, `Title — credit`, after
the heading and the prose around the table, so that passages and citations work as for articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from markdown_it.token import Token

from forumgraph.ingest.gazetteer import Gazetteer, load_gazetteer
from forumgraph.ingest.markdown import create_parser, inline_text, parse_inline
from forumgraph.ingest.talk_credits import split_english, starts_with_person, talk_kind
from forumgraph.ingest.talk_speakers import parse_credit, parse_credits
from forumgraph.models import ListedSpeaker, ListedTalk, TalkList

TALK_LIST_FORMAT = "talk-list"
CREDIT_DASH = " — "
_TOPIC_HEADER = re.compile(
    r"^(?:topic|talk|talks|title|session|sessions|presentation|主题|议题)s?$", re.I
)
_VIDEO_HEADER = re.compile(r"youtube|video|tencent|bilibili|youku|视频|腾讯", re.I)
_BREAK = re.compile(r"^<br\s*/?>$", re.I)
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_LATIN = re.compile(r"[A-Za-z]")
# A Chinese title may repeat the credit after a dash or colon: `闭幕致辞 - Vicki Cheung，Lyft`.
# A hyphen or colon counts only beside a space (`Yu-Ju Hong` is one name).
_ZH_CREDIT_START = re.compile(r"\s*(?:——|—|–|：)\s*|\s+[-:]\s*|\s*[-:]\s+")
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff]")  # marks some rows carry
_URL = re.compile(r"https?://\S+")
MIN_TALK_ROWS = 3
MAX_ZH_NAME = 12  # characters between a dash and the credit's first Latin word (`马达, Huawei`)
MAX_ZH_CREDIT = 160  # characters of a credit repeated at the end of a Chinese title


@dataclass(frozen=True)
class _Row:
    zh: str | None
    en: str
    videos: tuple[str, ...]


def parse_talk_list(source: str, gazetteer: Gazetteer | None = None) -> TalkList | None:
    """The talk list in a Markdown document, or None when the document is not one."""
    parser = create_parser()
    env: dict[str, object] = {}
    tokens = parser.parse(source, env)  # blocks only: a document without a talk table stops here
    tables = [(i, _closing(tokens, i, "table_close")) for i in _tables(tokens)]
    if not any(_is_talk_header(_cells(tokens[start:end])[:1]) for start, end in tables):
        return None
    parse_inline(parser, tokens, env)
    heading: str | None = None
    prose: list[str] = []
    rows: list[_Row] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "table_open":
            close = _closing(tokens, index, "table_close")
            table_rows = _talk_rows(tokens[index:close])
            if table_rows is None:
                prose.append(_table_text(tokens[index:close]))
            rows.extend(table_rows or [])
            index = close + 1
            continue
        if token.type == "inline":
            text = " ".join(inline_text(token.children or []).split())
            if heading is None and tokens[index - 1].type == "heading_open":
                heading = text
            elif text:
                prose.append(text)
        index += 1
    if len(rows) < MIN_TALK_ROWS or len(rows) < len(prose):
        return None  # an article that happens to hold a small table of talks
    return TalkList(heading or "", tuple(prose), _talks(rows, gazetteer or load_gazetteer()))


def _tables(tokens: Sequence[Token]) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.type == "table_open"]


def _is_talk_header(rows: list[list[Token]]) -> bool:
    """A header row with a topic column and at least one video column."""
    if not rows:
        return False
    header = [" ".join(c.content.split()) for c in rows[0]]
    return any(_TOPIC_HEADER.match(h) for h in header) and any(
        _VIDEO_HEADER.search(h) for h in header
    )


def _closing(tokens: Sequence[Token], start: int, kind: str) -> int:
    return next(i for i in range(start, len(tokens)) if tokens[i].type == kind)


def _cells(tokens: Sequence[Token]) -> list[list[Token]]:
    """The inline tokens of each row's cells, header row first."""
    rows: list[list[Token]] = []
    for i, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            rows[-1].append(token)
    return rows


def _talk_rows(tokens: Sequence[Token]) -> list[_Row] | None:
    """Rows of a table with a topic column and video columns, else None."""
    rows = _cells(tokens)
    if not _is_talk_header(rows):
        return None
    header = [" ".join(c.content.split()) for c in rows[0]]
    topic = next(i for i, h in enumerate(header) if _TOPIC_HEADER.match(h))
    videos = [i for i, h in enumerate(header) if _VIDEO_HEADER.search(h)]
    out = []
    for cells in rows[1:]:
        if topic >= len(cells):
            continue
        parts = _split_at_breaks(cells[topic].children or [])
        links = tuple(
            str(child.attrs["href"])
            for i in videos
            if i < len(cells)
            for child in cells[i].children or []
            if child.type == "link_open" and str(child.attrs.get("href", "")).startswith("http")
        )
        row = _bilingual(parts, links)
        if row is not None:
            out.append(row)
    return out


def _split_at_breaks(children: Sequence[Token]) -> list[str]:
    parts: list[list[Token]] = [[]]
    for child in children:
        if child.type == "html_inline" and _BREAK.match(child.content.strip()):
            parts.append([])
        else:
            parts[-1].append(child)
    texts = (_INVISIBLE.sub("", inline_text(p)) for p in parts)
    return [" ".join(t.split()) for t in texts if t.strip()]


def _bilingual(parts: list[str], videos: tuple[str, ...]) -> _Row | None:
    """The Chinese and English parts of a topic cell (Chinese first in the source)."""
    if not parts:
        return None
    english = max(parts, key=lambda p: len(_LATIN.findall(p)) - 3 * len(_CJK.findall(p)))
    chinese = next((p for p in parts if p is not english and _CJK.search(p)), None)
    return _Row(chinese, _without_cjk_prefix(english), videos)


def _without_cjk_prefix(text: str) -> str:
    """`主论坛演讲：开场致辞 Keynote: Opening Remarks` -> `Keynote: Opening Remarks`."""
    first_latin = _LATIN.search(text)
    if (
        first_latin
        and _CJK.search(text[: first_latin.start()])
        and not _CJK.search(text[first_latin.start() :])
    ):
        return text[first_latin.start() :]
    return text


def _table_text(tokens: Sequence[Token]) -> str:
    return " | ".join(" ".join(c.content.split()) for row in _cells(tokens) for c in row)


def _talks(rows: list[_Row], gazetteer: Gazetteer) -> tuple[ListedTalk, ...]:
    split = [split_english(row.en, gazetteer) for row in rows]
    speakers = parse_credits([s.credit for s in split], gazetteer)
    talks = []
    for row, parts, found in zip(rows, split, speakers, strict=True):
        title, credit = parts.title or row.en, parts.credit
        title_zh, zh_credit = _chinese_title(row.zh, found)
        if zh_credit:
            found = _orgs_from(found, zh_credit, gazetteer)
        elif not found and row.zh:
            # Some rows credit the speakers only on the Chinese side.
            title_zh, credit = _zh_credit(row.zh, gazetteer) or (title_zh, credit)
            found = _latin_orgs_only(parse_credit(credit, gazetteer)) if credit else found
        if _URL.fullmatch(title) and title_zh:
            title = title_zh  # a source row with a link where its English title should be
        talks.append(
            ListedTalk(
                title=title,
                kind=talk_kind(parts.title, title_zh),
                credit=credit,
                speakers=found,
                title_zh=title_zh or None,
                videos=row.videos,
                level=parts.level,
            )
        )
    return tuple(talks)


def _zh_credit(zh: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """`标题 - Tiejun Chen，VMware；…` -> (`标题`, `Tiejun Chen,VMware;…`), in NFKC."""
    normal = "".join(unicodedata.normalize("NFKC", c) for c in zh)
    if len(normal) != len(zh):
        return None  # offsets would not carry over to the original title
    for match in reversed(list(_ZH_CREDIT_START.finditer(normal))):
        tail = normal[match.end() :].strip()
        if _LATIN.match(tail) and starts_with_person(tail, gazetteer):
            return zh[: match.start()].strip(), tail
    return None


def _latin_orgs_only(speakers: tuple[ListedSpeaker, ...]) -> tuple[ListedSpeaker, ...]:
    """Organisations written in Chinese stay unnamed (the gazetteer knows Latin names only)."""
    return tuple(
        replace(s, organization=None, organization_start=None)
        if s.organization and _CJK.search(s.organization)
        else s
        for s in speakers
    )


def _chinese_title(zh: str | None, speakers: Sequence[ListedSpeaker]) -> tuple[str, str]:
    """The Chinese title without a credit it repeats (`闭幕致辞 - Vicki Cheung，Lyft 技术经理`,
    `… - 马达, Huawei`), and that credit in NFKC (`，` -> `,`)."""
    if not zh:
        return "", ""
    keys = [k for s in speakers for k in (s.name, s.organization) if k and k in zh]
    cuts = list(_ZH_CREDIT_START.finditer(zh))
    for cut in reversed(cuts):
        tail = zh[cut.end() :]
        if len(tail) <= MAX_ZH_CREDIT and any(0 <= tail.find(k) <= MAX_ZH_NAME for k in keys):
            return zh[: cut.start()].strip(), unicodedata.normalize("NFKC", tail)
    # A credit in Chinese only (`… - 王伟，华东师范大学`): short, after a dash, with a comma.
    dashes = [c for c in cuts if c.group().strip() in ("-", "–", "—", "——")]
    if speakers and dashes:
        tail = zh[dashes[-1].end() :]
        if len(tail) <= MAX_ZH_NAME * 3 and ("，" in tail or "," in tail):
            return zh[: dashes[-1].start()].strip(), ""
    return zh.strip(), ""


def _orgs_from(
    speakers: tuple[ListedSpeaker, ...], zh_credit: str, gazetteer: Gazetteer
) -> tuple[ListedSpeaker, ...]:
    """Organisations the Chinese credit names in Latin letters for speakers the English omits."""
    orgs = {
        s.name: s.organization
        for s in parse_credit(zh_credit, gazetteer)
        if s.organization and not _CJK.search(s.organization)
    }
    return tuple(
        replace(s, organization=orgs[s.name]) if s.organization is None and s.name in orgs else s
        for s in speakers
    )


@dataclass(frozen=True)
class TalkLine:
    """Where one talk sits in the rendered text."""

    start: int
    end: int
    credit_start: int  # offset of the credit (speaker offsets are relative to it)


@dataclass(frozen=True)
class RenderedList:
    """The text of a talk list and the spans of its parts."""

    text: str
    heading: tuple[int, int]
    prose: tuple[tuple[int, int], ...]
    talks: tuple[TalkLine, ...]


def render_talk_list(talk_list: TalkList) -> RenderedList:
    """Heading, prose paragraphs, then one line per talk: `Title — Name, Org & Name, Org`."""
    parts: list[str] = []
    offset = 0

    def add(text: str, separator: str) -> tuple[int, int]:
        nonlocal offset
        if parts:
            parts.append(separator)
            offset += len(separator)
        parts.append(text)
        span = (offset, offset + len(text))
        offset += len(text)
        return span

    heading = add(talk_list.heading, "")
    prose = tuple(add(paragraph, "\n\n") for paragraph in talk_list.prose)
    lines = []
    for number, talk in enumerate(talk_list.talks):
        line = talk.title + (CREDIT_DASH + talk.credit if talk.credit else "")
        start, end = add(line, "\n\n" if number == 0 else "\n")
        lines.append(TalkLine(start, end, start + len(talk.title) + len(CREDIT_DASH)))
    return RenderedList("".join(parts) + "\n", heading, prose, tuple(lines))
