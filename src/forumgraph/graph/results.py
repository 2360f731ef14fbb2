"""Query results as they travel from a query worker: SPARQL JSON for solutions, N-Triples else.

Both are compact, exact and parsed back by pyoxigraph, which then writes every other format.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

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

from forumgraph.graph.terms import XSD_IRI

Term = NamedNode | BlankNode | Literal | Triple
GRAPH_KINDS = frozenset({"construct", "describe"})
_XSD_STRING = f"{XSD_IRI}string"


@dataclass(frozen=True)
class QueryResult:
    """The outcome of one read-only query.

    `payload` holds SPARQL 1.1 JSON results for select/ask and N-Triples for construct/describe;
    `truncated` says that rows (or triples) beyond the `max_results` limit were dropped.
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
        parsed = pyoxigraph.parse_query_results(self.payload, QueryResultsFormat.JSON)
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


def encode_solutions(variables: Sequence[str], rows: Iterable[Iterable[Term | None]]) -> bytes:
    """SPARQL 1.1 Query Results JSON for the given rows (values in variable order)."""
    bindings = [
        {
            name: _term_json(value)
            for name, value in zip(variables, row, strict=True)
            if value is not None
        }
        for row in rows
    ]
    document = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def encode_boolean(answer: bool) -> bytes:
    """SPARQL 1.1 Query Results JSON for an ASK answer."""
    return json.dumps({"head": {}, "boolean": answer}).encode("utf-8")


def encode_triples(triples: Iterable[Triple]) -> bytes:
    """N-Triples for a CONSTRUCT or DESCRIBE result."""
    return pyoxigraph.serialize(list(triples), format=RdfFormat.N_TRIPLES) or b""


def _term_json(term: Term) -> dict[str, Any]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _term_json(term.subject),
            "predicate": _term_json(term.predicate),
            "object": _term_json(term.object),
        },
    }
