"""The one lookup key of a name, for ingest (resolution) and search (linking, facts) alike."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def name_key(text: str) -> str:
    """A name without case, spacing or punctuation (`Cloud_Native Rejekts`: cloudnativerejekts).

    NFKC first, so that full-width letters and compatibility forms key like their plain forms.
    """
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())
