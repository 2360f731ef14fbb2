"""Bytes to clean text: encodings detected, not assumed, and binary data refused.

Order: a BOM (UTF-8, UTF-16, UTF-32), a charset declared by the sender, strict UTF-8, then CP949
(a superset of EUC-KR) if the result is Korean. charset-normalizer's guess backs the CP949 check
and names the likely encoding in the error for anything else.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from forumgraph.errors import InputError
from forumgraph.text.hangul import HANGUL

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
KOREAN_CODECS = frozenset({"cp949", "euc_kr", "johab", "iso2022_kr"})
PYTHON_ONLY_CODECS = frozenset(
    {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}
)
ENCODING_HINT = "Save it as UTF-8 (for example: iconv -f <encoding> -t UTF-8 in.txt > out.txt)."
# Line and paragraph separators become newlines; other control characters are dropped.
_NEWLINES = re.compile("\r\n?|[\x85\u2028]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")
MAX_CONTROL_SHARE = 0.1  # and at least MIN_BINARY_CONTROLS, so that one stray byte is not binary
MIN_BINARY_CONTROLS = 4


def decode_bytes(data: bytes, source: str, charset: str | None = None) -> str:
    """Text of `data`: BOM-marked UTF-8/16/32, a declared charset, UTF-8 or Korean CP949/EUC-KR."""
    if not data.strip():
        raise InputError(f"{source}: the file is empty.", hint="Remove it or give it some text.")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data, encoding, source)
    if b"\x00" in data:
        raise InputError(
            f"{source}: this is binary data, not text (it contains NUL bytes).",
            hint="forumgraph reads text articles: .txt, .md or .html.",
        )
    if charset:
        return _decode_strict(data, _known_codec(charset, source), source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            return data[: exc.start].decode("utf-8")  # a file cut inside its last character
        return _decode_korean(data, source)


def _decode_strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeError, ValueError) as exc:  # idna and punycode raise plain UnicodeError
        where = f" (byte {exc.start:,})" if isinstance(exc, UnicodeDecodeError) else ""
        raise InputError(
            f"{source}: the bytes are not valid {encoding}{where}.", hint=ENCODING_HINT
        ) from exc


def _known_codec(charset: str, source: str) -> str:
    try:
        info = codecs.lookup(charset)
    except LookupError:
        info = None
    # Codecs such as base64 or rot13 exist but do not turn bytes into text, and Python's own
    # text codecs (unicode-escape, idna, ...) are not charsets a document is written in.
    if (
        info is None
        or info.name in PYTHON_ONLY_CODECS
        or not getattr(info, "_is_text_encoding", True)
    ):
        raise InputError(
            f"{source}: unknown text encoding {charset!r} in the media type.",
            hint="Send UTF-8 (charset=utf-8).",
        )
    return str(info.name)


def _decode_korean(data: bytes, source: str) -> str:
    best = charset_normalizer.from_bytes(data).best()
    guess = best.encoding if best is not None else None
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        text = None
    # Short Korean texts are sometimes guessed as Big5; accept them when nearly all is Hangul.
    if text is not None and _hangul_share(text) >= (0.5 if guess in KOREAN_CODECS else 0.8):
        return text
    looks = f" (it looks like {guess})" if guess else ""
    raise InputError(
        f"{source}: the text is neither UTF-8 nor Korean CP949/EUC-KR{looks}.", hint=ENCODING_HINT
    )


def _hangul_share(text: str) -> float:
    """Hangul syllables among the non-ASCII characters; 0 if there are none."""
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return len(HANGUL.findall(text)) / non_ascii if non_ascii else 0.0


def clean_text(text: str, source: str) -> str:
    """Text with newlines normalised to \\n and control characters removed; refuses binary."""
    text = _NEWLINES.sub("\n", text).replace("\u2029", "\n\n")
    controls = len(_CONTROLS.findall(text))
    if controls >= MIN_BINARY_CONTROLS and controls > MAX_CONTROL_SHARE * len(text):
        raise InputError(
            f"{source}: this is binary data, not text ({controls:,} of {len(text):,} characters "
            "are control characters).",
            hint="forumgraph reads text articles: .txt, .md or .html.",
        )
    return _CONTROLS.sub("", text) if controls else text


def strip_controls(text: str) -> str:
    """Newlines normalised and control characters removed, for short values such as headers."""
    return _CONTROLS.sub("", _NEWLINES.sub("\n", text))
