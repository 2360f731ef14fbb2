"""The analyser's tokens as text that Milvus's tokenizers give back unchanged, one word each.

Milvus computes BM25 from a text field through its own tokenizer. We send our analyser's tokens
(Kiwi morphemes, stemmed English words) joined by spaces, so Korean stays morpheme-level. A
whitespace tokenizer keeps them as they are; the `standard` one (all Milvus Lite offers) splits
at anything that is not a letter or digit and lower-cases, which would cut "1.16" into "1" and
"16". So a token made of anything but lower-case letters and digits, or one that starts with the
escape prefix, is sent as the prefix plus the hex of its UTF-8 bytes: one word under both
tokenizers, and never equal to another token's form.
"""

from __future__ import annotations

from collections.abc import Iterable

ESCAPE = "qx"
# Milvus keeps VARCHAR values up to this many bytes; longer token lists are cut at a token.
MAX_TEXT_BYTES = 65_535


def encode_token(token: str) -> str:
    """`token` as one lower-case alphanumeric word (itself when it already is one)."""
    if token and token.isalnum() and token.lower() == token and not token.startswith(ESCAPE):
        return token
    return ESCAPE + token.encode("utf-8").hex()


def encode_tokens(tokens: Iterable[str]) -> str:
    """The field text for a passage or query: encoded tokens joined by single spaces."""
    out: list[str] = []
    size = 0
    for token in tokens:
        if not token:
            continue
        word = encode_token(token)
        size += len(word.encode("utf-8")) + 1
        if size > MAX_TEXT_BYTES:
            break
        out.append(word)
    return " ".join(out)
