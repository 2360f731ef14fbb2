"""Projects and tools beyond the gazetteer, from how tech writing introduces them.

- `a tool called Foo`, `the foo CLI`, `the Bar library`;
- a list that holds a known project (`kaniko, foo and bar`) or follows a kind of software
  (`managed services like ABC or XYZ`, `ABC, XYZ 또는 QRS와 같은 관리형 서비스`): its other
  items are projects too;
- the first word of an inline command (`` `foo get pods` ``);
- in Korean, a Latin name with a word for a kind of software after it (`Foo 프로젝트`,
  `Bar라는 도구`).
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_named import add_named, known_entry
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.extract_text import FUNCTION_WORDS, GENERIC_ACRONYMS
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType

# A tool-like name: `kubectl`, `CRI-O`, `Node.js`, `DevStats`, `img`, `ABC`.
_TOOL = r"[A-Za-z][A-Za-z0-9_.+-]*[A-Za-z0-9_+]|[A-Za-z]"
_KINDS = (
    r"tools?|projects?|librar(?:y|ies)|plugins?|utilit(?:y|ies)|frameworks?|runtimes?|services?"
    r"|platforms?|products?|distributions?|engines?|CLIs?|SDKs?|operators?|options?|things"
)
_CALLED = re.compile(
    rf"\b(?:{_KINDS}|command|binary|component)\s(?:called|named)\s(?P<name>{_TOOL})(?![\w-])"
)
_THE_X_TOOL = re.compile(
    rf"\bthe\s(?P<name>{_TOOL})\s(?:CLI|command-line tool|command line tool|tool|library"
    r"|plugin|SDK|binary|project)\b"
)
# `the Foo DevStats project`, `FooBar tool`: a name in the form of code before a kind of software.
_NAMED_KIND = re.compile(
    r"(?<![\w.-])(?P<name>[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)"
    r"\s(?:project|tool|CLI|library|plugin|SDK|operator|controller)\b"
)
_ITEM = rf"(?:{_TOOL})"
_LIST = rf"(?P<list>{_ITEM}(?:,\s{_ITEM})*,?\s(?:and|or)\s{_ITEM})"
_SUCH_AS = re.compile(rf"\b(?:{_KINDS})\s(?:like|such as|including)\s{_LIST}(?![\w-])")
_ANY_LIST = re.compile(rf"(?<![\w.-]){_LIST}(?![\w-])")
_KO_LIST = re.compile(
    rf"(?P<list>{_ITEM}(?:,\s?{_ITEM})*(?:,\s?|\s?(?:와|과|및|또는|이나|나)\s?){_ITEM})"
    r"(?:\([^()]{0,40}\))?(?:와|과)?\s?같은"
)
_KO_PLAIN_LIST = re.compile(
    rf"(?<![\w.-])(?P<list>{_ITEM}(?:,\s?{_ITEM})*(?:,\s?|\s?(?:와|과|및|또는)\s?){_ITEM})"
)
_KO_KIND = re.compile(
    rf"(?<![\w.-])(?P<name>{_TOOL})(?:\s|이?라는\s)(?:프로젝트|도구|툴|플러그인|라이브러리|프레임워크"
    r"|엔진|런타임|CLI)"
)
_CODE = re.compile(r"`(?P<name>[a-z][\w-]{1,30}) [^`\n]+`")
# Words that head a list in prose without naming software.
_PLAIN = frozenset({"and", "or", "the", "a", "an", "of", "to", "in", "on", "for", "with"})


def add_project_names(draft: Draft, gazetteer: Gazetteer) -> None:
    """Project records for names that the text introduces as software."""
    for passage in draft.passages:
        text = passage.text
        for pattern in (_CALLED, _CODE, _NAMED_KIND):
            for match in pattern.finditer(text):
                _add(draft, gazetteer, passage.start + match.start("name"), match.group("name"))
        for pattern in (_THE_X_TOOL, _KO_KIND):
            for match in pattern.finditer(text):
                if not _lower_word(match.group("name")):
                    _add(draft, gazetteer, passage.start + match.start("name"), match["name"])
        for pattern in (_SUCH_AS, _KO_LIST):
            for match in pattern.finditer(text):
                _add_list(draft, gazetteer, passage.start + match.start("list"), match["list"])
        for pattern in (_ANY_LIST, _KO_PLAIN_LIST):
            for match in pattern.finditer(text):
                start = passage.start + match.start("list")
                if _lists_known_projects(draft, start, match["list"]):
                    _add_list(draft, gazetteer, start, match["list"])


def _items(text: str) -> list[tuple[int, str]]:
    return [
        (m.start(), m.group())
        for m in re.finditer(_TOOL, text)
        if m.group() not in {"and", "or", "및", "또는"}
    ]


def _add_list(draft: Draft, gazetteer: Gazetteer, start: int, text: str) -> None:
    items = _items(text)
    if (
        items
        and _sentence_start(draft.article.text, start)
        and known_entry(gazetteer, items[0][1]) is None
    ):
        items = items[1:]  # `However, Foo and Bar`: an opening word, not an item
    if len(items) < 2 or any(not _tool_like(name) for _, name in items):
        return
    for offset, name in items:
        _add(draft, gazetteer, start + offset, name)


def _lists_known_projects(draft: Draft, start: int, text: str) -> bool:
    """Whether the list names a known project, written in the same style as its unknown items:
    `kaniko, foo and bar` (all lower-case, like code) lists tools; `Helm, Prometheus and more`
    does not make `more` one."""
    known = [
        draft.article.text[s.start : s.end]
        for s in draft.spans_in(start, start + len(text))
        if s.type == EntityType.PROJECT
    ]
    if not known:
        return False
    if all(_lower_word(k) for k in known):
        return True
    return not any(_lower_word(name) for _, name in _items(text))


def _sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset].rstrip(" \t")
    return not before or before[-1] in ".!?:\n-*#"


def _lower_word(name: str) -> bool:
    return name.isalpha() and name.islower()


def _tool_like(name: str) -> bool:
    """Not an ordinary word: function words and acronyms of technology in general are not
    tools, and neither are very long lower-case words."""
    if name in FUNCTION_WORDS or name in GENERIC_ACRONYMS or name.lower() in _PLAIN:
        return False
    return len(name) <= 30 and not (_lower_word(name) and len(name) > 16)


def _add(draft: Draft, gazetteer: Gazetteer, start: int, name: str) -> None:
    name = name.rstrip(".-")
    if not _tool_like(name) or (len(name) < 2 and known_entry(gazetteer, name) is None):
        return
    add_named(draft, gazetteer, EntityType.PROJECT, name, start, start + len(name))
