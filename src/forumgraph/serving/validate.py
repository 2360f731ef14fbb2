"""What requests may carry, checked once for the web page, the JSON API, MCP and the CLI.

Numbers: `str.isdigit()` accepts characters that `int()` refuses (`²`), and `int()` accepts what a
request should not carry (`٣`, `1_000`, thousands of digits), so both are avoided: request text
must be ASCII digits with an optional sign, and typed values (JSON, MCP) must be real integers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from forumgraph.config import Settings
from forumgraph.errors import InputError
from forumgraph.models import EntityType
from forumgraph.search import suggest
from forumgraph.search.filters import RESULT_TYPES, SearchFilters
from forumgraph.search.query import MAX_K, check_query_length

if TYPE_CHECKING:
    from forumgraph.search.result import SearchResult
    from forumgraph.search.service import SearchService
    from forumgraph.search.talks import TalkListing

# Enough digits for any range a request field has; more is not a number we accept.
_INTEGER = re.compile(r"[+-]?[0-9]{1,18}")


def parse_int(value: str, field: str, minimum: int, maximum: int) -> int:
    """The integer written in request text `value`, between `minimum` and `maximum`.

    Raises InputError naming `field` for anything else (surrounding spaces are allowed).
    """
    text = value.strip(" \t")
    if not _INTEGER.fullmatch(text):
        raise InputError(
            f"The parameter '{field}' must be an integer, not {value[:40]!r}.",
            hint=_range_hint(minimum, maximum),
        )
    return _in_range(int(text), field, minimum, maximum)


def check_int(value: object, field: str, minimum: int, maximum: int) -> int:
    """`value` from a typed request (JSON, MCP) when it is an integer in range, else InputError."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(
            f"The field '{field}' must be an integer, not {type(value).__name__}.",
            hint=_range_hint(minimum, maximum),
        )
    return _in_range(value, field, minimum, maximum)


def _in_range(number: int, field: str, minimum: int, maximum: int) -> int:
    if not minimum <= number <= maximum:
        raise InputError(
            f"The parameter '{field}' must be between {minimum} and {maximum}, not {number}.",
            hint=_range_hint(minimum, maximum),
        )
    return number


def _range_hint(minimum: int, maximum: int) -> str:
    return f"Use a whole number from {minimum} to {maximum}."


# -- request fields, checked once for every front end (web page, JSON API, MCP, CLI) ----------

YEARS = (1000, 9999)
DEFAULT_K = 10
MAX_ASK_K = 20
DEFAULT_ASK_K = 5
MAX_ENTITY_LIMIT = 500
DEFAULT_ENTITY_LIMIT = 50
MAX_SUGGEST_CHARS = 100
DEFAULT_SUGGEST_LIMIT = suggest.DEFAULT_LIMIT
MAX_SUGGEST_LIMIT = suggest.MAX_LIMIT
MAX_TALK_LIMIT = 500
DEFAULT_TALK_LIMIT = 50
MAX_FILTER_CHARS = 300  # an entity id or a name


def integer(
    value: object,
    field: str,
    minimum: int,
    maximum: int,
    default: int | None,
    *,
    typed: bool = False,
) -> int | None:
    """A number from request text (`parse_int`), or with `typed` from a typed request (JSON,
    MCP, command-line options: `check_int`); `default` when the field is absent or empty."""
    if value is None or (not typed and isinstance(value, str) and not value.strip(" \t")):
        return default
    if typed:
        return check_int(value, field, minimum, maximum)
    if not isinstance(value, str):
        raise InputError(f"The parameter '{field}' must be text holding an integer.")
    return parse_int(value, field, minimum, maximum)


def optional_text(value: object, field: str) -> str | None:
    """A short text field (a language, an event id), stripped; None when absent or empty."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"The field '{field}' must be text, not {type(value).__name__}.")
    return value.strip() or None


def entity_type(value: object, field: str = "type") -> EntityType | None:
    """An entity type name (person, organization, ...), or None when absent."""
    text = optional_text(value, field)
    if text is None:
        return None
    try:
        return EntityType(text)
    except ValueError:
        raise InputError(
            f"The parameter '{field}' must be an entity type, not {text[:40]!r}.",
            hint="Use one of: " + ", ".join(t.value for t in EntityType) + ".",
        ) from None


def result_type(value: object, field: str = "result") -> str | None:
    """A result type (talk or passage), or None when absent."""
    text = optional_text(value, field)
    if text is None:
        return None
    if text.lower() not in RESULT_TYPES:
        raise InputError(
            f"The parameter '{field}' must be a result type, not {text[:40]!r}.",
            hint="Use talk (talks of the talk lists) or passage (passages of articles).",
        )
    return text.lower()


def filter_text(value: object, field: str) -> str | None:
    """An entity filter (an id or a name), stripped and bounded; None when absent or empty."""
    text = optional_text(value, field)
    if text is not None and len(text) > MAX_FILTER_CHARS:
        raise InputError(
            f"The parameter '{field}' is {len(text)} characters long; the limit is "
            f"{MAX_FILTER_CHARS}.",
            hint="Send an entity id such as person/liz-rice or a name.",
        )
    return text


def search_filters(fields: Mapping[str, object], *, typed: bool = False) -> SearchFilters:
    """The filters of a search or a talk listing from a front end's raw fields, by their
    request names (lang, event, year, type, result, speaker, organization, topic); fields
    not given stay open. With `typed`, numbers must be typed values (JSON, MCP, options)."""
    kind = entity_type(fields.get("type"))
    return SearchFilters(
        lang=optional_text(fields.get("lang"), "lang"),
        event=filter_text(fields.get("event"), "event"),
        year=integer(fields.get("year"), "year", *YEARS, None, typed=typed),
        entity_type=None if kind is None else kind.value,
        result_type=result_type(fields.get("result")),
        speaker=filter_text(fields.get("speaker"), "speaker"),
        organization=filter_text(fields.get("organization"), "organization"),
        topic=filter_text(fields.get("topic"), "topic"),
    )


@dataclass(frozen=True)
class SearchRequest:
    """A checked search: the query text and its filters."""

    query: str
    k: int = DEFAULT_K
    filters: SearchFilters = SearchFilters()

    def run(self, service: SearchService) -> SearchResult:
        """The result of this search on `service`."""
        return service.search(self.query, self.k, filters=self.filters)


def search_request(
    query: object, fields: Mapping[str, object], *, typed: bool = False
) -> SearchRequest:
    """A search from any front end's raw fields (`k` and those of `search_filters`): request
    text, or with `typed` typed values."""
    if not isinstance(query, str):
        raise InputError("The search query must be text.", hint="Send q (or query) as a string.")
    return SearchRequest(
        query=query,
        k=integer(fields.get("k"), "k", 1, MAX_K, DEFAULT_K, typed=typed) or DEFAULT_K,
        filters=search_filters(fields, typed=typed),
    )


@dataclass(frozen=True)
class TalksRequest:
    """A checked talk listing: its filters and how many talks to return."""

    filters: SearchFilters
    limit: int = DEFAULT_TALK_LIMIT

    def run(self, service: SearchService) -> TalkListing:
        """The listing on `service`."""
        return service.talks(self.filters, self.limit)


def talks_request(fields: Mapping[str, object], *, typed: bool = False) -> TalksRequest:
    """A talk listing from raw fields: speaker, event, topic, organization, year and limit."""
    allowed = {"speaker", "event", "topic", "organization", "year"}
    limit = integer(
        fields.get("limit"), "limit", 1, MAX_TALK_LIMIT, DEFAULT_TALK_LIMIT, typed=typed
    )
    return TalksRequest(
        search_filters({k: v for k, v in fields.items() if k in allowed}, typed=typed),
        limit or DEFAULT_TALK_LIMIT,
    )


def ask_k(value: object) -> int:
    """How many passages an `ask` answer quotes (asked for in JSON or MCP: a typed value)."""
    return integer(value, "k", 1, MAX_ASK_K, DEFAULT_ASK_K, typed=True) or DEFAULT_ASK_K


def entity_limit(value: object, *, typed: bool = False) -> int:
    """How many entities an entity lookup lists."""
    found = integer(value, "limit", 1, MAX_ENTITY_LIMIT, DEFAULT_ENTITY_LIMIT, typed=typed)
    return found or DEFAULT_ENTITY_LIMIT


def name_query(value: object, settings: Settings) -> str:
    """The name (or part of one) an entity lookup looks for; may be empty."""
    text = optional_text(value, "q") or ""
    check_query_length(text, settings.max_query_chars)
    return text


@dataclass(frozen=True)
class SuggestRequest:
    """A checked name completion: what was typed, how many names, of which type."""

    prefix: str
    limit: int = DEFAULT_SUGGEST_LIMIT
    entity_type: EntityType | None = None


def suggest_request(
    prefix: object, limit: object = None, type_: object = None, *, typed: bool = False
) -> SuggestRequest:
    """A name completion from any front end's raw fields (request text, or `typed` values)."""
    if not isinstance(prefix, str) or not prefix.strip():
        raise InputError(
            "The parameter 'q' is missing or empty.",
            hint="Send the start of a name, e.g. q=리즈 or q=helm.",
        )
    text = prefix.strip()
    if len(text) > MAX_SUGGEST_CHARS:
        raise InputError(
            f"The parameter 'q' is {len(text)} characters long; names are completed from at "
            f"most {MAX_SUGGEST_CHARS}.",
            hint="Send the start of a name; use /api/search for longer queries.",
        )
    return SuggestRequest(
        prefix=text,
        limit=integer(limit, "limit", 1, MAX_SUGGEST_LIMIT, DEFAULT_SUGGEST_LIMIT, typed=typed)
        or DEFAULT_SUGGEST_LIMIT,
        entity_type=entity_type(type_),
    )
