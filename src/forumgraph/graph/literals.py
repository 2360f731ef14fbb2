"""Typed RDF literals from extracted values: dates, months, years, numbers and tagged text."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from pyoxigraph import Literal, NamedNode

from forumgraph.errors import InputError
from forumgraph.graph.terms import XSD

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^[+-]?\d+$")
# The date at the start of a header value: "2019-11-13", "2020-01 (approximate)", "2026 (...)".
_HEADER_DATE = re.compile(r"^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?![\d-])")


def date_literal(value: str, kind: str, where: str) -> Literal:
    """An xsd:date, xsd:gYearMonth or xsd:gYear literal for kind date, month or year."""
    text = value.strip()
    if kind == "date" and _DATE.match(text):
        try:
            date.fromisoformat(text)
        except ValueError:
            pass
        else:
            return Literal(text, datatype=XSD.date)
    elif kind == "month" and (match := _MONTH.match(text)) and 1 <= int(match.group(2)) <= 12:
        return Literal(text, datatype=XSD.gYearMonth)
    elif kind == "year" and _YEAR.match(text):
        return Literal(text, datatype=XSD.gYear)
    raise InputError(
        f"{where}: {value!r} is not a valid {kind}.",
        hint="Dates are YYYY-MM-DD, months YYYY-MM and years YYYY.",
    )


def number_literal(value: str, kind: str, where: str) -> Literal:
    """An xsd:integer or xsd:decimal literal in canonical form ("1,100" is accepted as 1100)."""
    text = value.strip().replace(",", "")
    if kind == "integer" and _INTEGER.match(text):
        return Literal(str(int(text)), datatype=XSD.integer)
    if kind == "decimal":
        try:
            number = Decimal(text)
        except InvalidOperation:
            pass
        else:
            if number.is_finite():
                return Literal(_canonical_decimal(number), datatype=XSD.decimal)
    raise InputError(
        f"{where}: {value!r} is not a valid {kind}.",
        hint="Numbers are written with digits, e.g. 1100 or 12.5.",
    )


def iri_node(value: str, where: str) -> NamedNode:
    """A NamedNode for an absolute IRI, or InputError naming the field."""
    try:
        return NamedNode(value.strip())
    except ValueError as exc:
        raise InputError(
            f"{where}: {value!r} is not a valid absolute IRI.",
            hint="Links must be absolute, e.g. https://example.org/page.",
        ) from exc


def header_date_literal(raw: str | None) -> Literal | None:
    """The publication date at the start of a header value, or None when none parses."""
    if not raw or not (match := _HEADER_DATE.match(raw)):
        return None
    text = match.group(1)
    kind = {4: "year", 7: "month", 10: "date"}[len(text)]
    try:
        return date_literal(text, kind, "header date")
    except InputError:
        return None


def _canonical_decimal(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text if "." in text else f"{text}.0"
