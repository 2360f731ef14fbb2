"""SPARQL for every front end under the limits of the settings (time, rows, size, memory)."""

from __future__ import annotations

from collections.abc import Sequence

from forumgraph.config import Settings
from forumgraph.graph.results import QueryResult
from forumgraph.graph.sparql import run_query
from forumgraph.graph.store import TripleStore


def limited_query(
    settings: Settings,
    store: TripleStore,
    query: str,
    *,
    max_results: int | None = None,
    default_graph_uris: Sequence[str] = (),
    named_graph_uris: Sequence[str] = (),
) -> QueryResult:
    """Run a read-only query with the configured limits; `max_results` may only lower the
    configured row limit (a chat tool asks for fewer rows than the endpoint allows)."""
    rows = settings.sparql_max_results
    return run_query(
        store,
        query,
        default_graph_uris=default_graph_uris,
        named_graph_uris=named_graph_uris,
        timeout_s=settings.sparql_timeout_s,
        max_results=rows if max_results is None else min(max_results, rows),
        max_query_bytes=settings.sparql_max_query_bytes,
        memory_mb=settings.sparql_memory_mb,
    )
