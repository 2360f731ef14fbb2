"""Metadata blocks at the top of an article: `key: value` headers and YAML front matter."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from forumgraph.errors import InputError
from forumgraph.models import TalkList

HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_.-]{0,63})[ \t]*:(?:[ \t]+(.*))?[ \t]*")
# A block counts as a header only if it names at least one of these keys, so that a first
# paragraph such as "Update: the venue moved." stays text.
KNOWN_KEYS = frozenset(
    {
        "title",
        "date",
        "language",
        "lang",
        "source",
        "author",
        "authors",
        "license",
        "published_at",
        "url",
        "description",
        "tags",
        "event",
        "text_kind",
        "commit",
        "note",
        "parallel",
    }
)
FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
# Front matter is a few lines of metadata; parsing megabytes of YAML is slow and never intended.
FRONT_MATTER_MAX_CHARS = 65_536


@dataclass(frozen=True)
class ParsedDocument:
    """A document split into its body text, the title its markup names and its metadata."""

    text: str
    title: str | None = None
    header: dict[str, str] = field(default_factory=dict)
    talk_list: TalkList | None = None  # when the document is a talk list (see talklist.py)


def split_header_block(text: str) -> tuple[dict[str, str], str]:
    """The `key: value` block at the very top (ended by a blank line or the end) and the body."""
    end = text.find("\n\n")
    block, body = (text.rstrip("\n"), "") if end < 0 else (text[:end], text[end + 2 :])
    if not block.strip():
        return {}, text
    header: dict[str, str] = {}
    for line in block.split("\n"):
        match = HEADER_LINE.fullmatch(line)
        if match is None:
            return {}, text
        key, value = match.group(1).lower(), (match.group(2) or "").strip()
        # Repeated keys (two notes, two authors) keep every value.
        header[key] = f"{header[key]}; {value}" if header.get(key) else value
    if not KNOWN_KEYS.intersection(header):
        return {}, text
    return header, body


# Front matter opens with a `key:` line (after blank or comment lines).
_OPENS_WITH_A_KEY = re.compile(
    r"(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*[\w\"'][\w .\"'-]*:(?:[ \t]|$)", re.MULTILINE
)


def split_front_matter(text: str, source: str) -> tuple[dict[str, str] | None, str]:
    """YAML front matter between `---` lines and the body after it; None if there is none."""
    if not text.startswith("---\n"):
        return None, text
    end = FRONT_MATTER_END.search(text, 4)
    if end is None:
        return None, text
    if not _OPENS_WITH_A_KEY.match(text, 4):
        # `---` then `**[1]**`: a slide deck's thematic break, not front matter
        return None, text
    if end.start() > FRONT_MATTER_MAX_CHARS:
        raise InputError(
            f"{source}: the YAML front matter is {end.start():,} characters long, over the "
            f"limit of {FRONT_MATTER_MAX_CHARS:,}.",
            hint="Keep only metadata (title, date, language, author) between the '---' lines.",
        )
    try:
        data = yaml.safe_load(text[4 : end.start()])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(
            f"{source}: the YAML front matter is malformed{where}.",
            hint="Fix the block between the '---' lines or remove it.",
        ) from exc
    except ValueError as exc:  # a well-formed but impossible timestamp such as 2019-13-45
        raise InputError(
            f"{source}: the YAML front matter holds an invalid value ({exc}).",
            hint="Write dates as YYYY-MM-DD.",
        ) from exc
    except RecursionError as exc:
        raise InputError(
            f"{source}: the YAML front matter is nested too deeply.",
            hint="Front matter holds flat `key: value` pairs; simplify it.",
        ) from exc
    if not isinstance(data, dict):
        # A thematic break followed by text is Markdown, not front matter.
        return None, text
    return clean_header(data), text[end.end() :].lstrip("\n")


def clean_header(values: Mapping[Any, Any]) -> dict[str, str]:
    """Keys lower-cased, values as stripped strings; flat lists joined, nested data dropped."""
    header: dict[str, str] = {}
    for key, value in values.items():
        text = _scalar_text(value)
        if text is None and isinstance(value, list | tuple):
            items = [_scalar_text(item) for item in value]
            # Only flat lists: nested ones (and YAML alias bombs) are not metadata.
            text = ", ".join(i for i in items if i) if all(i is not None for i in items) else None
        if text is not None and key is not None:
            header[str(key).strip().lower()] = text
    return header


def _scalar_text(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, str | int | float):
        return str(value).strip()
    return None
