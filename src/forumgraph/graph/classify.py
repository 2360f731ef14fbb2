"""Classify a SPARQL request with rdflib's SPARQL 1.1 parser before anything runs it.

Oxigraph would happily execute an Update, a LOAD or a SERVICE call (it has an HTTP client), so
the read-only endpoint decides from the parse tree, never from the text, what it will run. Two
parsers only agree on what a text means if nothing in it can be read two ways, so a query is
first turned into one canonical text (`canonical_query`): codepoint escapes expanded, CR-LF made
LF, and anything else that ends a line or a comment for one parser but not another (a bare CR,
U+2028, U+0085, other control characters) refused. That canonical text is the one classified and
the one executed or sent on. A plain scan for the SERVICE keyword outside literals, IRIs and
comments backs up the parse tree. Parsing costs ~2-160 µs per byte, so it runs in the query
workers under the query's time limit, and results are cached per text, bounded in bytes.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from forumgraph.errors import QueryError, QueryRefused

QUERY_FORMS = {
    "SelectQuery": "select",
    "AskQuery": "ask",
    "ConstructQuery": "construct",
    "DescribeQuery": "describe",
}
_READ_ONLY_HINT = "This endpoint is read-only: send SELECT, ASK, CONSTRUCT or DESCRIBE queries."
_SERVICE_HINT = "Query the remote endpoint directly and combine the results yourself."
# Classification results kept per process: the texts' total size, not their count, is bounded.
CACHE_BYTES = 4 * 1024 * 1024
# SPARQL 1.1 section 19.2: \uXXXX and \UXXXXXXXX are expanded before the grammar applies.
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# rdflib expands \u and \U case-insensitively and with 4 or 8 digits: none may survive expansion.
_LEFTOVER_ESCAPE = re.compile(r"\\[uU][0-9A-Fa-f]{4}")
# Characters that end a line or a comment for some parsers and not for others, and controls.
_AMBIGUOUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufff9-\ufffb]")
_CHARACTER_NAMES = {
    "\r": "carriage return not followed by a line feed",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\x85": "next-line character (U+0085)",
    "\u2028": "line separator (U+2028)",
    "\u2029": "paragraph separator (U+2029)",
    "\ufeff": "byte order mark (U+FEFF)",
}
_SURROGATES = range(0xD800, 0xE000)
# An IRI reference as the grammar has it; a '<' that does not start one is an operator.
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
# A run of characters that may belong to one name, variable, prefixed name or language tag.
_NAME_RUN = re.compile(r"[\w:?$@\-\u00b7\u0300-\u036f\u203f\u2040]+")


@dataclass(frozen=True)
class QueryForm:
    """What a parsed query is."""

    kind: str  # select, ask, construct or describe


def classify_query(text: str) -> QueryForm:
    """The form of a read-only query; QueryRefused for updates and SERVICE, QueryError else.

    `text` must already be canonical (see `canonical_query`); it is classified as it is.
    """
    if not text.strip():
        raise QueryError(
            "The SPARQL query is empty.", hint="Send a SELECT, ASK, CONSTRUCT or DESCRIBE query."
        )
    form = _CACHE.get(text)
    if form is None:
        form = _classify(text)
        _CACHE.put(text, form)
    return form


def prepare_query(text: str) -> tuple[str, QueryForm]:
    """The canonical text of a query and its form: the text to run, once it is known safe."""
    canonical = canonical_query(text)
    return canonical, classify_query(canonical)


def canonical_query(text: str) -> str:
    """The one text both classified and executed: escapes expanded, line ends unambiguous.

    Raises QueryError naming the position of anything two SPARQL parsers could read
    differently.
    """
    try:
        expanded = _ESCAPE.sub(_expand, text)
    except ValueError as exc:
        raise QueryError(f"The SPARQL query has an invalid codepoint escape: {exc}.") from None
    leftover = _LEFTOVER_ESCAPE.search(expanded)
    if leftover is not None:
        raise QueryError(
            f"The SPARQL query has a codepoint escape that spells another escape "
            f"{_position(expanded, leftover.start())}.",
            hint="Write the character itself instead of an escape of an escape.",
        )
    canonical = expanded.replace("\r\n", "\n")
    bad = _AMBIGUOUS.search(canonical)
    if bad is not None:
        char = bad.group()
        kind = "lone surrogate" if ord(char) in _SURROGATES else "control character"
        name = _CHARACTER_NAMES.get(char, f"{kind} U+{ord(char):04X}")
        raise QueryRefused(
            f"The SPARQL query has a {name} {_position(canonical, bad.start())}; SPARQL parsers "
            "do not all read such characters the same way (where a line or comment ends), so "
            "it is not run.",
            hint="End lines with LF (or CR LF) and write such characters in literals as "
            "ECHAR escapes (\\n, \\t) or leave them out.",
        )
    return canonical


def _expand(match: re.Match[str]) -> str:
    code = int(match.group(1) or match.group(2), 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise ValueError(f"{match.group()} is not a Unicode scalar value")
    return chr(code)


def _position(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"at line {line}, column {column}"


def _classify(text: str) -> QueryForm:
    try:
        parsed = parseQuery(text)
    except ParseBaseException as query_error:
        raise _not_a_query(text, query_error) from None
    except RecursionError:
        raise QueryError(
            "The SPARQL query is nested too deeply to be parsed.",
            hint="Simplify the query: fewer nested groups or expressions.",
        ) from None
    query = parsed[1]
    if _contains(parsed, "ServiceGraphPattern"):
        raise QueryRefused(
            "SERVICE (federated query) is not allowed on this endpoint.", hint=_SERVICE_HINT
        )
    service_at = service_keyword(text)
    if service_at is not None:
        raise QueryRefused(
            f"The SPARQL query has the keyword SERVICE {_position(text, service_at)}; federated "
            "queries are not allowed on this endpoint.",
            hint=_SERVICE_HINT,
        )
    return QueryForm(kind=QUERY_FORMS[query.name])


def service_keyword(text: str) -> int | None:
    """Where the word SERVICE stands outside literals, IRIs and comments, or None.

    A scan independent of any parser, so that a parser bug alone cannot hide a SERVICE call;
    it errs on the side of finding one (e.g. in `ex:a.service`).
    """
    position, end = 0, len(text)
    while position < end:
        char = text[position]
        if char == "#":
            newline = text.find("\n", position)
            position = end if newline < 0 else newline + 1
        elif char in "'\"":
            position = _string_end(text, position)
        elif char == "<" and (iri := _IRIREF.match(text, position)) is not None:
            position = iri.end()
        elif char == "\\":
            position += 2  # an escaped character in a local name, e.g. ex:it\'s
        elif (name := _NAME_RUN.match(text, position)) is not None:
            if name.group().lower() == "service":
                return position
            position = name.end()
        else:
            position += 1
    return None


def _string_end(text: str, start: int) -> int:
    """The index after the string literal that starts at `start` (short or long quotes)."""
    quote = text[start] * 3 if text.startswith(text[start] * 3, start) else text[start]
    position = start + len(quote)
    while position < len(text):
        if text[position] == "\\":
            position += 2
        elif text.startswith(quote, position):
            return position + len(quote)
        elif len(quote) == 1 and text[position] == "\n":
            break
        else:
            position += 1
    raise QueryError(
        f"The SPARQL query has a string literal {_position(text, start)} that does not end.",
        hint="Close the string with the quote it starts with.",
    )


class _SizedCache:
    """A least-recently-used map from query texts to their forms, bounded by total text size."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, QueryForm] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def get(self, text: str) -> QueryForm | None:
        with self._lock:
            form = self._items.get(text)
            if form is not None:
                self._items.move_to_end(text)
            return form

    def put(self, text: str, form: QueryForm) -> None:
        size = len(text.encode("utf-8"))
        if size > self.max_bytes // 8:
            return  # a few big texts must not push out every small one
        with self._lock:
            if text in self._items:
                return
            self._items[text] = form
            self._bytes += size
            while self._bytes > self.max_bytes:
                oldest, _ = self._items.popitem(last=False)
                self._bytes -= len(oldest.encode("utf-8"))


_CACHE = _SizedCache(CACHE_BYTES)


def _not_a_query(text: str, query_error: ParseBaseException) -> QueryError:
    """QueryRefused when the text is a SPARQL Update, else a syntax error with its position."""
    try:
        update = parseUpdate(text)
    except (ParseBaseException, RecursionError):
        update = None
    # CompValue.get() answers a missing key with the key itself; ask the dict underneath.
    requests = dict.get(update, "request") if update is not None else None
    if requests:
        operations = sorted({_operation_name(op) for op in requests})
        return QueryRefused(
            f"SPARQL Update ({', '.join(operations)}) is not allowed on this endpoint.",
            hint=_READ_ONLY_HINT,
        )
    found = _token_at(text, query_error.loc)
    return QueryError(
        f"The SPARQL query has a syntax error at line {query_error.lineno}, "
        f"column {query_error.col}{found}.",
        hint="Check the query near that position; prefixes must be declared with PREFIX.",
    )


def _operation_name(operation: Any) -> str:
    name = str(getattr(operation, "name", "Update"))
    if name == "Modify":
        return "DELETE/INSERT"
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).upper()


def _token_at(text: str, loc: int) -> str:
    token = text[loc:].split(None, 1)
    return f" (near {token[0][:30]!r})" if token else " (at the end of the query)"


def _contains(node: Any, name: str) -> bool:
    return any(found == name for found in _names(node))


def _names(node: Any) -> Iterator[str]:
    """Every parse-tree node name below `node` (CompValues nest inside lists and dicts)."""
    if isinstance(node, CompValue):
        yield node.name
        for value in node.values():
            yield from _names(value)
    elif isinstance(node, ParseResults | list | tuple):
        for value in node:
            yield from _names(value)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _names(value)
