"""Articles from .txt, .md and .html files or from bytes and text that arrive over HTTP.

Reading is decode (encodings detected, see `encoding.py`), clean (line endings, control
characters), split off the header or front matter, convert the markup to text, then fill in the
title and language.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from forumgraph.config import Settings
from forumgraph.errors import InputError
from forumgraph.ingest.encoding import clean_text, decode_bytes, strip_controls
from forumgraph.ingest.header import (
    ParsedDocument,
    clean_header,
    split_front_matter,
    split_header_block,
)
from forumgraph.ingest.html import parse_html
from forumgraph.ingest.markdown import parse_markdown
from forumgraph.ingest.talklist import TALK_LIST_FORMAT, parse_talk_list, render_talk_list
from forumgraph.models import Article, TalkList
from forumgraph.text.language import detect_language, normalize_language

SUFFIX_MEDIA_TYPES = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}
MEDIA_TYPE_ALIASES = {
    "text/plain": "text/plain",
    "text/markdown": "text/markdown",
    "text/x-markdown": "text/markdown",
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
}
MAX_DOC_ID_CHARS = 200
MAX_TITLE_CHARS = 120
DOC_ID_ALLOWED = (
    "1 to 200 characters: letters of any script, digits, spaces and punctuation other than "
    "'/', '\\' and '#', not starting with '.', without '..' or control characters"
)


@dataclass(frozen=True)
class ReadLimits:
    """Bounds that keep reading fast and safe on hostile input."""

    max_bytes: int = 5_000_000
    max_line_chars: int = 100_000  # a longer "line" is data, not prose
    max_html_depth: int = 512  # real pages nest a few dozen levels
    max_html_elements: int = 50_000  # BeautifulSoup builds about 40,000 elements a second
    max_markdown_lines: int = 10_000  # markdown-it-py needs up to 250 µs a line

    @classmethod
    def from_settings(cls, settings: Settings) -> ReadLimits:
        """Limits from Settings (`max_file_bytes`); the others keep their defaults."""
        return cls(max_bytes=settings.max_file_bytes)


def validate_doc_id(doc_id: str) -> str:
    """Return `doc_id` if it is a safe document id (it becomes part of IRIs and passage ids)."""
    problem = None
    if not doc_id or not doc_id.strip():
        problem = "is empty"
    elif len(doc_id) > MAX_DOC_ID_CHARS:
        problem = f"is {len(doc_id)} characters long"
    elif any(sep in doc_id for sep in ("/", "\\")):
        problem = "contains a path separator"
    elif ".." in doc_id:
        problem = "contains '..'"
    elif doc_id.startswith("."):
        problem = "starts with a dot"
    elif "#" in doc_id:
        problem = "contains '#', which separates the passage number in passage ids"
    elif any(unicodedata.category(ch) in ("Cc", "Cs", "Cn") for ch in doc_id):
        problem = "contains control or unassigned characters"
    elif doc_id != doc_id.strip():
        problem = "starts or ends with whitespace"
    if problem is None:
        return doc_id
    shown = repr(doc_id[:80] + ("…" if len(doc_id) > 80 else ""))
    raise InputError(f"Document id {shown} {problem}.", hint=f"Use {DOC_ID_ALLOWED}.")


def iter_article_paths(paths: Iterable[Path]) -> list[Path]:
    """Article files among `paths` (files or folders, recursive), sorted; hidden files skipped.

    Files with other suffixes are left out, also when named directly, so that callers can pass
    mixed inputs (schedules, notes) and read the rest themselves.
    """
    found: dict[Path, Path] = {}
    for path in paths:
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if _is_article_name(name):
                        candidate = Path(folder) / name
                        found.setdefault(candidate.resolve(), candidate)
        elif path.is_file():
            if _is_article_name(path.name):
                found.setdefault(path.resolve(), path)
        else:
            raise InputError(f"{path}: no such file or folder.", hint="Check the path given.")
    return sorted(found.values())


def _is_article_name(name: str) -> bool:
    return not name.startswith(".") and Path(name).suffix.lower() in SUFFIX_MEDIA_TYPES


def media_type_for(path: Path) -> str:
    """The media type of an article file from its suffix."""
    media_type = SUFFIX_MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        raise InputError(
            f"{path}: unsupported file type '{path.suffix or '(none)'}'.",
            hint="forumgraph reads " + ", ".join(SUFFIX_MEDIA_TYPES) + " files.",
        )
    return media_type


def read_article(path: Path, limits: ReadLimits) -> Article:
    """Read one article file; the document id is the file stem."""
    media_type = media_type_for(path)
    doc_id = validate_doc_id(path.stem)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise _too_large(str(path), size, limits)
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)  # the file may grow after stat()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(
            f"{path}: cannot be read ({reason}).", hint="Check that it exists and is readable."
        ) from exc
    return article_from_bytes(doc_id, data, media_type, limits, source_path=str(path))


def article_from_bytes(
    doc_id: str,
    data: bytes,
    media_type: str,
    limits: ReadLimits,
    source_path: str = "",
) -> Article:
    """An article from raw bytes; `media_type` may carry a `charset` parameter."""
    doc_id = validate_doc_id(doc_id)
    source = source_path or doc_id
    kind, charset = _parse_media_type(media_type, source)
    if len(data) > limits.max_bytes:
        raise _too_large(source, len(data), limits)
    text = clean_text(decode_bytes(data, source, charset), source)
    return _build_article(
        doc_id,
        text,
        None,
        kind,
        limits,
        source=source,
        source_path=source_path,
        content_hash=hashlib.sha256(data).hexdigest(),
    )


def article_from_text(
    doc_id: str,
    text: str,
    header: Mapping[str, str] | None,
    media_type: str = "text/plain",
    limits: ReadLimits | None = None,
) -> Article:
    """An article from text already decoded; a given `header` replaces any header in the text."""
    doc_id = validate_doc_id(doc_id)
    limits = limits or ReadLimits()
    kind, _ = _parse_media_type(media_type, doc_id)
    raw = text.encode("utf-8", errors="surrogatepass")
    if len(raw) > limits.max_bytes:
        raise _too_large(doc_id, len(raw), limits)
    given = None if header is None else _clean_given_header(header, doc_id)
    # The header is part of what was sent: a changed title or date is a changed document.
    sent = json.dumps([media_type, given, text], ensure_ascii=False, sort_keys=True)
    return _build_article(
        doc_id,
        clean_text(text, doc_id),
        given,
        kind,
        limits,
        source=doc_id,
        source_path="",
        content_hash=hashlib.sha256(sent.encode("utf-8", errors="surrogatepass")).hexdigest(),
    )


def _build_article(
    doc_id: str,
    text: str,
    given_header: dict[str, str] | None,
    media_type: str,
    limits: ReadLimits,
    *,
    source: str,
    source_path: str,
    content_hash: str,
) -> Article:
    if not text.strip():
        raise InputError(
            f"{source}: the document is empty.", hint="Remove it or give it some text."
        )
    header: dict[str, str] = {}
    if given_header is None and media_type != "text/html":
        header, text = _split_metadata(text, media_type, source)
    _check_source_limits(text, media_type, source, limits)
    parsed = _parse_body(text, media_type, source, limits)
    if media_type != "text/plain":
        _check_line_lengths(parsed.text, source, limits)
    header = {**parsed.header, **header, **(given_header or {})}
    if parsed.talk_list is not None:
        return _talk_list_article(
            doc_id, parsed.talk_list, header, source_path, content_hash, media_type
        )
    return Article(
        doc_id=doc_id,
        text=parsed.text,
        lang=normalize_language(header.get("language") or header.get("lang"))
        or detect_language(parsed.text),
        title=_choose_title(header.get("title"), parsed.title, parsed.text, doc_id),
        header=header,
        source_path=source_path,
        content_hash=content_hash,
        media_type=media_type,
    )


def _talk_list_article(
    doc_id: str,
    talk_list: TalkList,
    header: dict[str, str],
    source_path: str,
    content_hash: str,
    media_type: str,
) -> Article:
    """A talk list: one line per talk, English (its titles are), dated by its edition's year."""
    rendered = render_talk_list(talk_list)
    year = re.search(r"\b(?:19|20)\d\d\b", talk_list.heading)
    header = {"format": TALK_LIST_FORMAT, **header}
    if year and not header.get("date"):
        header["date"] = year.group()
    return Article(
        doc_id=doc_id,
        text=rendered.text,
        lang=normalize_language(header.get("language") or header.get("lang")) or "en",
        title=_choose_title(header.get("title"), talk_list.heading, rendered.text, doc_id),
        header=header,
        source_path=source_path,
        content_hash=content_hash,
        media_type=media_type,
        talk_list=talk_list,
    )


def _split_metadata(text: str, media_type: str, source: str) -> tuple[dict[str, str], str]:
    """Front matter (Markdown only) or else a `key: value` header block, and the body after it."""
    if media_type == "text/markdown":
        front_matter, body = split_front_matter(text, source)
        if front_matter is not None:
            return front_matter, body
    return split_header_block(text)


def _check_source_limits(text: str, media_type: str, source: str, limits: ReadLimits) -> None:
    """Limits checked before parsing: markdown-it is slow on long lines and many small blocks."""
    if media_type == "text/html":
        return  # HTML lines may be long (minified); its structure is checked by the parser
    _check_line_lengths(text, source, limits)
    lines = text.count("\n") + 1
    if media_type == "text/markdown" and lines > limits.max_markdown_lines:
        raise InputError(
            f"{source}: the Markdown has {lines:,} lines, over the limit of "
            f"{limits.max_markdown_lines:,}.",
            hint="Split the document, or save it as .txt to read it without Markdown parsing.",
        )


def _parse_body(text: str, media_type: str, source: str, limits: ReadLimits) -> ParsedDocument:
    if media_type == "text/html":
        return parse_html(text, source, limits.max_html_depth, limits.max_html_elements)
    if media_type == "text/markdown":
        talk_list = parse_talk_list(text)
        if talk_list is not None:
            return ParsedDocument(text="", talk_list=talk_list)
        return parse_markdown(
            text,
            source,
            max_html_depth=limits.max_html_depth,
            max_html_elements=limits.max_html_elements,
        )
    return ParsedDocument(text=text)


def _choose_title(declared: str | None, from_markup: str | None, text: str, doc_id: str) -> str:
    for candidate in (declared, from_markup):
        if candidate and candidate.strip():
            return _shorten(" ".join(candidate.split()))
    for line in text.split("\n", 50)[:50]:
        line = " ".join(line.lstrip("#").split())
        if line:
            return _shorten(line)
    return doc_id


def _shorten(title: str) -> str:
    if len(title) <= MAX_TITLE_CHARS:
        return title
    cut = title[: MAX_TITLE_CHARS - 1]
    space = cut.rfind(" ")
    # Cut at a word boundary when one is near the end, else mid-word (Korean without spaces).
    return (cut[:space] if space > MAX_TITLE_CHARS // 2 else cut).rstrip() + "…"


def _check_line_lengths(text: str, source: str, limits: ReadLimits) -> None:
    start = 0
    number = 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > limits.max_line_chars:
            raise InputError(
                f"{source}: line {number} is {end - start:,} characters long, over the limit of "
                f"{limits.max_line_chars:,}.",
                hint="Articles are prose with line breaks; this looks like data. "
                "Break the text into paragraphs.",
            )
        start, number = end + 1, number + 1


def _too_large(source: str, size: int, limits: ReadLimits) -> InputError:
    return InputError(
        f"{source}: the file is {size:,} bytes, over the limit of {limits.max_bytes:,}.",
        hint="Split the article or raise the max_file_bytes setting.",
    )


_MEDIA_TYPE = re.compile(r"\s*([\w.+-]+/[\w.+-]+)\s*(?:;(.*))?", re.DOTALL)
_CHARSET = re.compile(r"charset\s*=\s*\"?([\w.:-]+)\"?", re.IGNORECASE)


def _parse_media_type(media_type: str, source: str) -> tuple[str, str | None]:
    match = _MEDIA_TYPE.fullmatch(media_type or "")
    kind = MEDIA_TYPE_ALIASES.get(match.group(1).lower()) if match else None
    if match is None or kind is None:
        raise InputError(
            f"{source}: unsupported media type {media_type!r}.",
            hint="Send text/plain, text/markdown or text/html.",
        )
    charset = _CHARSET.search(match.group(2) or "")
    return kind, charset.group(1) if charset else None


def _clean_given_header(header: Mapping[str, str], source: str) -> dict[str, str]:
    if not isinstance(header, Mapping):
        raise InputError(
            f"{source}: the header must be a mapping of keys to strings.",
            hint='Send it as a JSON object, e.g. {"title": "...", "date": "2019-12-10"}.',
        )
    return {key: strip_controls(value) for key, value in clean_header(header).items()}
