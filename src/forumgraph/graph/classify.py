"""Classify a SPARQL request with rdflib's SPARQL 1.1 parser before anything runs it.

Oxigraph would happily execute an Update, a LOAD or a SERVICE call (it has an HTTP client), so
the read-only endpoint decides from the parse tree, never from the text, what it will run.
Parsing costs a few milliseconds, so results are cached per query text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
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


@dataclass(frozen=True)
class QueryForm:
    """What a parsed query is."""

    kind: str  # select, ask, construct or describe


def classify_query(text: str) -> QueryForm:
    """The form of a read-only query; QueryRefused for updates and SERVICE, QueryError else."""
    if not text.strip():
        raise QueryError(
            "The SPARQL query is empty.", hint="Send a SELECT, ASK, CONSTRUCT or DESCRIBE query."
        )
    return _classify(text)


@lru_cache(maxsize=512)
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
            "SERVICE (federated query) is not allowed on this endpoint.",
            hint="Query the remote endpoint directly and combine the results yourself.",
        )
    return QueryForm(kind=QUERY_FORMS[query.name])


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
