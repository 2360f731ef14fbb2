"""Query results as they travel from a query worker: written by pyoxigraph, parsed back by it.

SELECT rows come as SPARQL TSV results and CONSTRUCT/DESCRIBE triples as N-Triples (both exact,
one item per line, so a worker can cap them by counting lines); an ASK answer as SPARQL JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyoxigraph
from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
)

Term = NamedNode | BlankNode | Literal | Triple
GRAPH_KINDS = frozenset({"construct", "describe"})


@dataclass(frozen=True)
class QueryResult:
    """The outcome of one read-only query.

    `payload` holds SPARQL TSV results for select, SPARQL JSON for ask and N-Triples for
    construct/describe; `truncated` says that rows (or triples) beyond `max_results` were dropped.
    """

    kind: str  # select, ask, construct or describe
    payload: bytes
    truncated: bool = False
    elapsed_ms: float = 0.0

    @property
    def is_graph(self) -> bool:
        return self.kind in GRAPH_KINDS

    def solutions(self) -> QuerySolutions:
        """The solutions of a SELECT, parsed (each call parses anew)."""
        if self.kind != "select":
            raise TypeError(f"A {self.kind} result has no solutions.")
        parsed = pyoxigraph.parse_query_results(self.payload, QueryResultsFormat.TSV)
        if not isinstance(parsed, QuerySolutions):
            raise TypeError(f"A {self.kind} result has no solutions.")
        return parsed

    @property
    def variables(self) -> list[str]:
        """The projected variable names of a SELECT, in order."""
        return [variable.value for variable in self.solutions().variables]

    def bindings(self) -> list[dict[str, Term]]:
        """Each SELECT row as a dict from variable name to term (unbound variables left out)."""
        names = self.variables
        return [
            {name: value for name, value in zip(names, row, strict=True) if value is not None}
            for row in self.solutions()
        ]

    @property
    def boolean(self) -> bool:
        """The answer of an ASK query."""
        if self.kind != "ask":
            raise TypeError(f"A {self.kind} result has no boolean answer.")
        parsed = pyoxigraph.parse_query_results(self.payload, QueryResultsFormat.JSON)
        if not isinstance(parsed, QueryBoolean):
            raise TypeError(f"A {self.kind} result has no boolean answer.")
        return bool(parsed)

    def triples(self) -> list[Triple]:
        """The triples of a CONSTRUCT or DESCRIBE result."""
        if not self.is_graph:
            raise TypeError(f"A {self.kind} result has no triples.")
        return [quad.triple for quad in pyoxigraph.parse(self.payload, RdfFormat.N_TRIPLES)]

    def __len__(self) -> int:
        """Rows of a SELECT, triples of a CONSTRUCT or DESCRIBE, 1 for ASK."""
        if self.is_graph:
            return len(self.triples())
        if self.kind == "ask":
            return 1
        return sum(1 for _ in self.solutions())


def encode_boolean(answer: bool) -> bytes:
    """SPARQL 1.1 Query Results JSON for an ASK answer."""
    return json.dumps({"head": {}, "boolean": answer}).encode("utf-8")
