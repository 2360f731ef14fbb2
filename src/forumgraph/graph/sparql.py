"""Read-only SPARQL: run a query with a time limit, negotiate a format, serialise the result.

Used by the CLI, the web endpoint and the MCP tool. Queries are classified by a real SPARQL
parser before they run (updates and SERVICE are refused) and run in worker processes that are
killed when they pass the time limit (see pool.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph
from pyoxigraph import DefaultGraph, Quad, QueryResultsFormat, RdfFormat

from forumgraph.config import Settings
from forumgraph.errors import InputError, QueryError
from forumgraph.graph.results import GRAPH_KINDS, QueryResult
from forumgraph.graph.store import TripleStore
from forumgraph.graph.terms import PREFIXES

RESULT_FORMATS: dict[str, QueryResultsFormat] = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, RdfFormat] = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/n-quads": RdfFormat.N_QUADS,
    "application/trig": RdfFormat.TRIG,
}
# Other names clients use for the same formats.
RESULT_ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
}
GRAPH_ALIASES = {
    "application/json": "application/ld+json",
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
    "text/plain": "application/n-triples",
    "application/x-turtle": "text/turtle",
}
# Short names for the CLI's --format option.
FORMAT_NAMES = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"),
    "ntriples": (None, "application/n-triples"),
    "jsonld": (None, "application/ld+json"),
    "rdfxml": (None, "application/rdf+xml"),
    "nquads": (None, "application/n-quads"),
    "trig": (None, "application/trig"),
}
QUERY_KINDS = ("select", "ask", "construct", "describe")
DEFAULTS = Settings()


def run_query(
    store: TripleStore,
    query: str,
    *,
    default_graph_uris: Sequence[str] = (),
    named_graph_uris: Sequence[str] = (),
    timeout_s: float,
    max_results: int,
    base_iri: str | None = None,
    max_query_bytes: int = DEFAULTS.sparql_max_query_bytes,
    memory_mb: int | None = DEFAULTS.sparql_memory_mb,
) -> QueryResult:
    """Run a read-only query over the union of all documents (or the given dataset).

    Raises InputError for a text longer than `max_query_bytes`, QueryRefused for updates and
    SERVICE, QueryError for syntax errors (with the line and column), QueryTimeout past
    `timeout_s` (classifying the text counts) and QueryMemoryLimit past `memory_mb` in the
    query worker. Rows beyond `max_results` are dropped and the result is marked `truncated`.
    Relative IRIs resolve against `base_iri` (default: the store's base, so
    `<id/person/dan-kohn>` names an entity).
    """
    size = len(query.encode("utf-8", "surrogatepass"))
    if size > max_query_bytes:
        raise InputError(
            f"The SPARQL query is {size} bytes long; the limit is {max_query_bytes}.",
            hint="Shorten the query (see the sparql_max_query_bytes setting).",
        )
    return store.query(
        query,
        default_graph_uris=default_graph_uris,
        named_graph_uris=named_graph_uris,
        timeout_s=timeout_s,
        max_results=max_results,
        base_iri=base_iri,
        memory_mb=memory_mb,
    )


def supported_media_types(kind: str) -> list[str]:
    """The media types a result of `kind` can be written in, the default first."""
    _check_kind(kind)
    return list(GRAPH_FORMATS if kind in GRAPH_KINDS else RESULT_FORMATS)


def negotiate(accept_header: str | None, kind: str) -> str:
    """The best media type for an HTTP Accept header, or the default when nothing matches.

    Each type takes the quality of the most specific range that matches it (RFC 9110), so
    `application/json;q=0, */*` excludes JSON; ties go to the range listed first, then to
    our own order of preference.
    """
    supported = supported_media_types(kind)
    aliases = GRAPH_ALIASES if kind in GRAPH_KINDS else RESULT_ALIASES
    ranges = _parse_accept(accept_header or "*/*")
    best: tuple[float, int, int, int] | None = None
    chosen = supported[0]
    for preference, media_type in enumerate(supported + list(aliases)):
        matches = [
            (specificity, -position, quality)
            for position, (media_range, quality) in enumerate(ranges)
            if (specificity := _match(media_range, media_type)) >= 0
        ]
        if not matches:
            continue
        specificity, first, quality = max(matches)
        rank = (quality, specificity, first, -preference)
        if quality > 0 and (best is None or rank > best):
            best, chosen = rank, aliases.get(media_type, media_type)
    return chosen


def media_type_for(format_name: str, kind: str) -> str:
    """The media type of a CLI format name (json, xml, csv, tsv, turtle, ntriples, ...)."""
    _check_kind(kind)
    pair = FORMAT_NAMES.get(format_name.lower())
    media_type = None if pair is None else pair[1 if kind in GRAPH_KINDS else 0]
    if media_type is None:
        names = [name for name, types in FORMAT_NAMES.items() if types[kind in GRAPH_KINDS]]
        raise QueryError(
            f"A {kind.upper()} result cannot be written as {format_name!r}.",
            hint=f"Use one of: {', '.join(names)}.",
        )
    return media_type


def content_type(media_type: str) -> str:
    """The Content-Type header value for a media type (UTF-8 declared for text types)."""
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type


def serialize(result: QueryResult, media_type: str) -> tuple[bytes, str]:
    """The result written in `media_type`, with the Content-Type to send it with."""
    media_type = media_type.split(";", 1)[0].strip().lower()
    if result.is_graph:
        media_type = GRAPH_ALIASES.get(media_type, media_type)
        graph_format = GRAPH_FORMATS.get(media_type)
        if graph_format is None:
            raise _unsupported(result.kind, media_type)
        return _serialize_graph(result, graph_format), content_type(media_type)
    media_type = RESULT_ALIASES.get(media_type, media_type)
    results_format = RESULT_FORMATS.get(media_type)
    if results_format is None:
        raise _unsupported(result.kind, media_type)
    # The worker sends SELECT rows as TSV and an ASK answer as JSON (see results.py).
    sent_as = QueryResultsFormat.JSON if result.kind == "ask" else QueryResultsFormat.TSV
    if results_format == sent_as:
        return result.payload, content_type(media_type)
    parsed = pyoxigraph.parse_query_results(result.payload, sent_as)
    return parsed.serialize(format=results_format) or b"", content_type(media_type)


def _serialize_graph(result: QueryResult, graph_format: RdfFormat) -> bytes:
    if graph_format == RdfFormat.N_TRIPLES:
        return result.payload
    triples = result.triples()
    if graph_format.supports_datasets:
        quads = [Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples]
        return pyoxigraph.serialize(quads, format=graph_format, prefixes=PREFIXES) or b""
    return pyoxigraph.serialize(triples, format=graph_format, prefixes=PREFIXES) or b""


def _parse_accept(header: str) -> list[tuple[str, float]]:
    """(media range, quality) pairs of an Accept header, in header order."""
    entries = []
    for part in header.split(","):
        media_range, *params = (piece.strip() for piece in part.split(";"))
        if "/" not in media_range:
            continue
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        entries.append((media_range.lower(), quality))
    return entries


def _match(media_range: str, media_type: str) -> int:
    """2 for an exact match, 1 for type/*, 0 for */*, -1 for no match."""
    if media_range == media_type:
        return 2
    main, _, sub = media_range.partition("/")
    if sub == "*" and main == "*":
        return 0
    if sub == "*" and media_type.startswith(f"{main}/"):
        return 1
    return -1


def _check_kind(kind: str) -> None:
    if kind not in QUERY_KINDS:
        raise QueryError(f"Unknown query kind {kind!r}; expected one of {', '.join(QUERY_KINDS)}.")


def _unsupported(kind: str, media_type: str) -> QueryError:
    return QueryError(
        f"A {kind.upper()} result cannot be written as {media_type}.",
        hint=f"Ask for one of: {', '.join(supported_media_types(kind))}.",
    )
