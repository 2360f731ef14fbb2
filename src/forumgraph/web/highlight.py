"""Safe highlighting of query terms in untrusted text.

Matches are found on the raw text, then every piece (between and inside matches) is escaped on
its own before the `<mark>` tags are put around the matched pieces, so no character of the text
is ever emitted unescaped and a term can never match inside an escape sequence such as `&amp;`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

MIN_TERM_CHARS = 2
MAX_TERMS = 32


def highlight(text: str, terms: Iterable[str]) -> Markup:
    """`text` HTML-escaped, with each case-insensitive occurrence of a term in `<mark>`."""
    pattern = _pattern(terms)
    if pattern is None:
        return escape(text)
    out: list[Markup] = []
    position = 0
    for match in pattern.finditer(text):
        out.append(escape(text[position : match.start()]))
        out.append(Markup("<mark>%s</mark>") % text[match.start() : match.end()])
        position = match.end()
    out.append(escape(text[position:]))
    return Markup("").join(out)


def _pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    unique = {t.strip().lower() for t in terms if len(t.strip()) >= MIN_TERM_CHARS}
    if not unique:
        return None
    # Longest first, so that "Liz Rice" wins over "Liz" where both match.
    ordered = sorted(unique, key=len, reverse=True)[:MAX_TERMS]
    return re.compile("|".join(re.escape(t) for t in ordered), re.IGNORECASE)
