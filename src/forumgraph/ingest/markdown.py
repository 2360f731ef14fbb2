"""Markdown articles to text with markdown-it-py (CommonMark plus tables).

Headings, paragraphs, list items, table cells and code keep their text; links keep their text,
images and inline HTML tags are dropped, HTML blocks are reduced to their text. Blocks are
separated by blank lines; the items of one tight list and the rows of one table stay together as
lines of one paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from forumgraph.ingest.header import ParsedDocument
from forumgraph.ingest.html import parse_html

INLINE_TEXT_TYPES = frozenset({"text", "text_special", "code_inline"})
# markdown-it-py's inline pass costs 25-70 µs per bracket or emphasis mark, 30 times the cost of
# prose. Blocks dense with marks ("![![![") and marks beyond a per-document budget (real articles
# hold a few thousand) are read as plain text, which bounds a hostile 5 MB file to seconds.
INLINE_MARKS = re.compile(r"[\[\]!*_`<>&\\]")
DENSE_BLOCK_CHARS = 500
DENSE_MARK_SHARE = 0.2
MAX_INLINE_MARKS = 20_000
CONTAINER_OPEN = frozenset({"bullet_list_open", "ordered_list_open", "table_open"})
CONTAINER_CLOSE = frozenset({"bullet_list_close", "ordered_list_close", "table_close"})


def create_parser() -> MarkdownIt:
    """A CommonMark parser with tables whose inline pass `parse_markdown` runs block by block."""
    return MarkdownIt("commonmark").enable("table").disable("inline")


def parse_inline(parser: MarkdownIt, tokens: list[Token], env: dict[str, object]) -> None:
    """Run the inline pass over `tokens` in place, within the per-document mark budget."""
    budget = MAX_INLINE_MARKS
    for token in tokens:
        if token.type != "inline":
            continue
        content = token.content
        marks = len(INLINE_MARKS.findall(content))
        dense = len(content) > DENSE_BLOCK_CHARS and marks > DENSE_MARK_SHARE * len(content)
        if dense or marks > budget:
            token.children = [Token("text", "", 0, content=content)]
        else:
            token.children = parser.inline.parse(content, parser, env, [])
            budget -= marks


def parse_markdown(
    source: str,
    name: str,
    *,
    max_html_depth: int,
    max_html_elements: int,
    parser: MarkdownIt | None = None,
) -> ParsedDocument:
    """Body text and first-level heading of a Markdown document (front matter already removed)."""
    parser = parser or create_parser()
    env: dict[str, object] = {}  # link reference definitions found by the block pass
    tokens = parser.parse(source, env)
    parse_inline(parser, tokens, env)
    blocks: list[str] = []
    last_group: int | None = None
    groups: list[int] = []  # token indexes of the open lists and tables, innermost last
    row: list[str] = []
    title: str | None = None
    for index, token in enumerate(tokens):
        line: str | None = None
        if token.type in CONTAINER_OPEN:
            groups.append(index)
        elif token.type in CONTAINER_CLOSE:
            groups.pop()
        elif token.type == "inline":
            text = inline_text(token.children or [], kept_breaks=_kept_breaks(token.content))
            if _inside_cell(tokens, index):
                row.append(text)
            else:
                line = text.strip()
                if title is None and _is_h1(tokens, index):
                    title = text.strip() or None
        elif token.type == "tr_close":
            line, row = " | ".join(cell.strip() for cell in row), []
        elif token.type in ("fence", "code_block"):
            line = token.content.strip("\n").rstrip()  # keep the indentation of the first line
        elif token.type == "html_block":
            line = parse_html(token.content, name, max_html_depth, max_html_elements).text
        if line is None or not line.strip():
            continue
        # Tight list items and table rows join the previous line of the same list or table.
        group = groups[-1] if groups and _is_tight(tokens, index) else None
        if group is not None and group == last_group and blocks:
            blocks[-1] += "\n" + line
        else:
            blocks.append(line)
        last_group = group
    return ParsedDocument(text="\n\n".join(blocks), title=title)


def inline_text(children: Sequence[Token], *, kept_breaks: Sequence[bool] = ()) -> str:
    """The visible text of an inline token: text and code kept, link text kept, images dropped;
    a line break of the source is a space, or a line break where `kept_breaks` says so (by the
    break's index)."""
    parts: list[str] = []
    breaks = 0
    for child in children:
        if child.type in INLINE_TEXT_TYPES:
            parts.append(child.content)
        elif child.type == "softbreak":
            kept = breaks < len(kept_breaks) and kept_breaks[breaks]
            parts.append("\n" if kept else " ")
            breaks += 1
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


# Lines set one by one (a title slide's speakers, an address, a credits block, a sign-off over
# a note) are not prose wrapped at a margin: a paragraph of short lines keeps them all, and a
# line much shorter than the margin the paragraph is wrapped at ends where its writer ended it.
SET_LINE_CHARS = 60
SHORT_LINE_SHARE = 0.6


def _kept_breaks(source: str) -> list[bool]:
    """For each line break inside a paragraph's source, whether it stays a line break."""
    lines = [line.strip() for line in source.strip().split("\n")]
    if all(len(line) <= SET_LINE_CHARS for line in lines):
        return [True] * (len(lines) - 1)
    # the margin prose is wrapped at: the longest line but one (a URL may run past it)
    lengths = sorted(len(line) for line in lines)
    margin = lengths[-2] if len(lengths) > 2 else lengths[-1]
    return [len(line) < SHORT_LINE_SHARE * margin for line in lines[:-1]]


def _inside_cell(tokens: Sequence[Token], index: int) -> bool:
    return index > 0 and tokens[index - 1].type in ("th_open", "td_open")


def _is_h1(tokens: Sequence[Token], index: int) -> bool:
    return index > 0 and tokens[index - 1].type == "heading_open" and tokens[index - 1].tag == "h1"


def _is_tight(tokens: Sequence[Token], index: int) -> bool:
    """A table row, or the hidden paragraph of a tight list item."""
    token = tokens[index]
    if token.type == "tr_close":
        return True
    previous = tokens[index - 1] if index > 0 else None
    return previous is not None and previous.type == "paragraph_open" and previous.hidden
