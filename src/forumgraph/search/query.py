"""The bounds of a search query, shared by the service and the front ends' request checks."""

from __future__ import annotations

import re
import unicodedata

from forumgraph.errors import InputError

MAX_K = 100  # most results one search returns
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def check_query_length(text: str, limit: int) -> None:
    """InputError when `text` is longer than `limit` characters (setting max_query_chars)."""
    if len(text) > limit:
        raise InputError(
            f"The search query is {len(text)} characters long; the limit is {limit}.",
            hint="Shorten the query (setting max_query_chars).",
        )


def clean_query(query: object, limit: int) -> str:
    """The query as searched: NFC, control characters and runs of spaces made single spaces."""
    if not isinstance(query, str):
        raise InputError("The search query must be text.")
    check_query_length(query, limit)
    text = " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", query)).split())
    if not text:
        raise InputError("The search query is empty.", hint="Type a few words to search for.")
    return text


def check_k(k: object) -> int:
    """`k` when it is a whole number from 1 to MAX_K, else InputError."""
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise InputError(f"k must be a whole number from 1 to {MAX_K}, got {k!r}.")
    return k


def check_year(year: object) -> int | None:
    """The year filter: None or a whole number (request text is parsed by the serving layer)."""
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise InputError(f"The year filter must be a whole number such as 2019, got {year!r}.")
    return year
