"""Numbers taken from requests, parsed in one place.

`str.isdigit()` accepts characters that `int()` refuses (`²`), and `int()` accepts what a
request should not carry (`٣`, `1_000`, thousands of digits), so both are avoided: request text
must be ASCII digits with an optional sign, and typed values (JSON, MCP) must be real integers.
"""

from __future__ import annotations

import re

from forumgraph.errors import InputError

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
