"""HTML articles to text: BeautifulSoup over lxml, walked without recursion.

Block elements become paragraphs separated by blank lines; list items and table rows of one list
or table stay together as lines of one paragraph. Title, date, author, language and URL come from
`<title>`, `<meta>`, `<link>` and `<html lang>`.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup
from bs4 import UnusualUsageWarning as _UnusualUsageWarning
from bs4.element import NavigableString, PreformattedString, Tag
from lxml import etree

from forumgraph.errors import InputError
from forumgraph.ingest.header import ParsedDocument

DROPPED_TAGS = frozenset(
    {"script", "style", "noscript", "nav", "footer", "template", "head", "svg", "math"}
    | {"iframe", "object", "embed", "canvas", "button", "select", "textarea"}
)
BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details"}
    | {"dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "header"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "legend", "main", "menu", "p"}
    | {"pre", "section", "summary", "table", "html"}
)
CONTAINER_TAGS = frozenset({"ul", "ol", "table"})
LINE_TAGS = frozenset({"li", "tr"})
CELL_TAGS = frozenset({"td", "th"})

# <meta name|property|itemprop> values to header keys; the first one found wins.
META_KEYS = {
    "date": (
        "article:published_time",
        "datepublished",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.created",
        "pubdate",
        "publishdate",
        "publish-date",
        "citation_publication_date",
        "og:published_time",
    ),
    "author": ("author", "article:author", "dc.creator", "dcterms.creator", "citation_author"),
    "language": ("content-language", "dc.language", "og:locale"),
    "url": ("og:url",),
    "description": ("description", "og:description"),
}


class _TooDeep(Exception):
    pass


@dataclass
class _StructureCheck:
    """An lxml parser target that counts depth and elements and stops at a limit, cheaply."""

    max_depth: int
    max_elements: int
    depth: int = 0
    elements: int = 0
    stopped_by: str = field(default="")

    def start(self, tag: Any, attrib: Any) -> None:
        self.depth += 1
        self.elements += 1
        if self.depth > self.max_depth:
            self.stopped_by = "depth"
            raise _TooDeep
        if self.elements > self.max_elements:
            self.stopped_by = "elements"
            raise _TooDeep

    def end(self, tag: Any) -> None:
        self.depth -= 1

    def data(self, data: Any) -> None:
        pass

    def close(self) -> None:
        pass


def check_structure(source: str, name: str, max_depth: int, max_elements: int) -> None:
    """Refuse HTML deeper or larger than the limits, cheaply, before BeautifulSoup builds a tree."""
    target = _StructureCheck(max_depth, max_elements)
    parser = etree.HTMLParser(target=target)
    try:
        parser.feed(source)
        parser.close()
    except _TooDeep:
        pass
    except etree.LxmlError:
        return  # lxml recovers from broken markup; BeautifulSoup will do the same below
    if target.stopped_by == "depth":
        raise InputError(
            f"{name}: the HTML is nested more than {max_depth:,} elements deep.",
            hint="Articles are flat; save the page's article body or convert it to Markdown.",
        )
    if target.stopped_by == "elements":
        raise InputError(
            f"{name}: the HTML holds more than {max_elements:,} elements.",
            hint="Save only the article, not the whole site, or convert it to Markdown.",
        )


def parse_html(source: str, name: str, max_depth: int, max_elements: int) -> ParsedDocument:
    """Body text, title and `<meta>` header of an HTML document (already decoded)."""
    check_structure(source, name, max_depth, max_elements)
    with warnings.catch_warnings():
        # bs4 warns when markup looks like a URL, a file name or XML; input is input here.
        warnings.simplefilter("ignore", _UnusualUsageWarning)
        soup = BeautifulSoup(source, "lxml")
    html_tag = soup.find("html", recursive=False)
    html_tag = html_tag if isinstance(html_tag, Tag) else soup
    head = html_tag.find("head", recursive=False)
    # Metadata lives in <head>; searching only there keeps large bodies from being scanned again.
    head = head if isinstance(head, Tag) else None
    header = _meta_header(html_tag, head)
    body = html_tag.find("body", recursive=False)
    root = body if isinstance(body, Tag) else html_tag
    title = _title(head, root)
    if "date" not in header:
        time_tag = root.find("time", datetime=True)
        if isinstance(time_tag, Tag):
            header["date"] = str(time_tag["datetime"]).strip()
    return ParsedDocument(text=_body_text(root), title=title, header=header)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _meta_header(html_tag: Tag | BeautifulSoup, head: Tag | None) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in head.find_all("meta") if head else ():
        key = meta.get("name") or meta.get("property") or meta.get("itemprop")
        key = key or meta.get("http-equiv")
        content = meta.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            found.setdefault(key.strip().lower(), _collapse(content))
    header = {}
    for field_name, names in META_KEYS.items():
        value = next((found[n] for n in names if n in found), None)
        if value:
            header[field_name] = value
    lang = html_tag.get("lang") if isinstance(html_tag, Tag) else None
    if isinstance(lang, str) and lang.strip():
        header["language"] = lang.strip()
    for rel, key in (("canonical", "url"), ("license", "license")):
        link = head.find("link", rel=rel, href=True) if head else None
        if isinstance(link, Tag) and key not in header:
            header[key] = str(link["href"]).strip()
    return header


def _title(head: Tag | None, root: Tag | BeautifulSoup) -> str | None:
    """<title>, then og:title, then the first <h1> (searched only when needed)."""
    if head is not None:
        title_tag = head.find("title")
        if isinstance(title_tag, Tag) and _collapse(title_tag.get_text()):
            return _collapse(title_tag.get_text())
        og_title = head.find("meta", property="og:title", content=True)
        if isinstance(og_title, Tag) and _collapse(str(og_title["content"])):
            return _collapse(str(og_title["content"]))
    h1 = root.find("h1")
    return (_collapse(h1.get_text()) or None) if isinstance(h1, Tag) else None


class _TextCollector:
    """Gathers the pieces of the current block and closes them into paragraphs."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.pieces: list[str] = []
        self.last_group: int | None = None

    def close_block(self, group: int | None = None, preformatted: bool = False) -> None:
        """End the current block; lines of the same list or table (`group`) share a paragraph."""
        raw = "".join(self.pieces)
        self.pieces = []
        if preformatted:
            lines = [line.rstrip() for line in raw.split("\n")]
        else:
            lines = [_collapse(line) for line in raw.split("\n")]
        text = "\n".join(line for line in lines if line.strip())
        if not text:
            return
        if group is not None and group == self.last_group:
            self.paragraphs[-1] += "\n" + text
        else:
            self.paragraphs.append(text)
        self.last_group = group


def _body_text(root: Tag | BeautifulSoup) -> str:
    out = _TextCollector()
    groups: list[int] = []  # ids of the enclosing lists and tables, innermost last
    cells_in_row = 0
    in_pre = 0
    # An explicit stack instead of recursion: depth is bounded, but not by Python's frame limit.
    stack: list[tuple[Any, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):  # comments, CDATA, doctypes
                out.pieces.append(str(node) if in_pre else str(node).replace("\n", " "))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name.lower() if node.name else ""
        if entering:
            if name in DROPPED_TAGS or node.has_attr("hidden"):
                continue
            if name in BLOCK_TAGS or name in LINE_TAGS or name in CONTAINER_TAGS:
                out.close_block(groups[-1] if groups else None)
            if name == "br":
                out.pieces.append("\n")
            elif name in CELL_TAGS:
                out.pieces.append(" | " if cells_in_row else "")
                cells_in_row += 1
            elif name == "tr":
                cells_in_row = 0
            elif name in CONTAINER_TAGS:
                groups.append(id(node))
            elif name == "pre":
                in_pre += 1
            stack.append((node, False))
            stack.extend((child, True) for child in reversed(node.contents))
            continue
        group = groups[-1] if groups else None
        if name in CONTAINER_TAGS:
            out.close_block(groups.pop() if groups else None)
        elif name == "pre":
            out.close_block(group, preformatted=True)
            in_pre -= 1
        elif name in BLOCK_TAGS or name in LINE_TAGS:
            out.close_block(group)
    out.close_block()
    return "\n\n".join(out.paragraphs)
