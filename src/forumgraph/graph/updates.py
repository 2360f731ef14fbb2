"""The SPARQL Update that moves one document graph, and the union graph, to a new state.

The store's default graph is the union (RDF merge) of all document graphs. Replacing a document
touches only the triples that changed: removed ones leave the document graph, and leave the
union unless another document still states them; added ones enter both. The whole change is
one Update request, which pyoxigraph applies as one transaction. The difference is computed
from the store as it is now, so the caller must hold the store's write lock.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from forumgraph.errors import InputError

Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]


def document_update(
    store: pyoxigraph.Store, graph: NamedNode, quads: Iterable[Quad] | None
) -> str | None:
    """The Update that makes `graph` hold exactly `quads` (None: drop the graph), or None."""
    old = {_triple(quad, graph) for quad in store.quads_for_pattern(None, None, None, graph)}
    new = set() if quads is None else {_triple(quad, graph) for quad in quads}
    removed, added = old - new, new - old
    union_removed = [t for t in removed if not _stated_elsewhere(store, t, graph)]
    operations = []
    if removed:
        operations.append(_data("DELETE", graph, union_removed, removed))
    if added:
        operations.append(_data("INSERT", graph, added, added))
    if quads is None and store.contains_named_graph(graph):
        operations.append(f"DROP SILENT GRAPH {graph}")  # the graph is empty by now: cheap
    return " ;\n".join(operations) or None


def _triple(quad: Quad, graph: NamedNode) -> Triple:
    if quad.graph_name != graph:
        raise InputError(
            f"A quad is in graph {quad.graph_name}, not in the document's graph {graph}.",
            hint="Build quads with graph.build.document_quads for the same document.",
        )
    subject, predicate, obj = quad.subject, quad.predicate, quad.object
    if (
        isinstance(subject, BlankNode)
        or isinstance(obj, BlankNode)
        or not (isinstance(subject, NamedNode) and isinstance(obj, NamedNode | Literal))
    ):
        raise InputError(
            f"A quad for graph {graph} has a blank node or a quoted triple: {quad}.",
            hint="Document graphs use IRIs only, so that the same input gives the same graph.",
        )
    return subject, predicate, obj


def _stated_elsewhere(store: pyoxigraph.Store, triple: Triple, graph: NamedNode) -> bool:
    """Whether another document graph also states `triple` (so the union keeps it)."""
    return any(
        isinstance(quad.graph_name, NamedNode) and quad.graph_name != graph
        for quad in store.quads_for_pattern(*triple, None)
    )


def _data(verb: str, graph: NamedNode, union: Iterable[Triple], named: Iterable[Triple]) -> str:
    return f"{verb} DATA {{\n{_lines(union)}\nGRAPH {graph} {{\n{_lines(named)}\n}} }}"


def _lines(triples: Iterable[Triple]) -> str:
    return "\n".join(f"{s} {p} {o} ." for s, p, o in sorted(triples, key=str))
