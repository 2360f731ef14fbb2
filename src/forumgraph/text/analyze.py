"""Korean morphological analysis behind one small interface (Kiwi by default, konlpy optional).

Tags follow the Sejong tag set that Kiwi and Komoran use (NNG, NNP, SL, SN, J*, E*, ...); other
backends map their tags onto it so that callers need to know only one set.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from forumgraph.errors import ConfigError, MissingDependency

# Content-bearing tags: nouns, verb and adjective stems, roots, foreign words, numbers, hanja.
CONTENT_TAGS = frozenset(
    {"NNG", "NNP", "NNB", "NR", "NP", "VV", "VA", "XR", "SL", "SN", "SH", "MAG", "W_HASHTAG"}
)


@dataclass(frozen=True)
class Token:
    """One morpheme: its form, Sejong tag and character span in the analysed text."""

    form: str
    tag: str
    start: int
    end: int
    unknown: bool = False  # a word the analyser's dictionary lacks (loanwords, foreign names)


class Analyzer(Protocol):
    """A Korean morphological analyser."""

    name: str

    def tokens(self, text: str) -> list[Token]:
        """Morphemes of `text` with offsets into it."""
        ...

    def add_words(self, words: Iterable[str], tag: str = "NNP") -> int:
        """Add words to the user dictionary so that they stay whole; returns how many were new."""
        ...


class KiwiAnalyzer:
    """Kiwi (kiwipiepy): fast, accurate, ships its model in a package, safe across forks."""

    name = "kiwi"

    def __init__(self) -> None:
        from kiwipiepy import Kiwi

        self._kiwi = Kiwi()
        self._known: set[str] = set()
        # Kiwi's tokenizer is not documented as thread-safe; the web server calls from threads.
        self._lock = threading.Lock()

    def tokens(self, text: str) -> list[Token]:
        with self._lock:
            raw = self._kiwi.tokenize(text)
        return [Token(t.form, str(t.tag), t.start, t.start + t.len, bool(t.oov)) for t in raw]

    def add_words(self, words: Iterable[str], tag: str = "NNP") -> int:
        added = 0
        with self._lock:
            for word in words:
                word = word.strip()
                # Kiwi rejects words with spaces; multi-word names are matched by the gazetteer.
                if not word or " " in word or word in self._known:
                    continue
                self._known.add(word)
                if self._kiwi.add_user_word(word, tag, 0.0):
                    added += 1
        return added


# Okt uses its own coarse tags; map them onto Sejong tags the rest of forumgraph understands.
_OKT_TAGS = {
    "Noun": "NNG",
    "ProperNoun": "NNP",
    "Verb": "VV",
    "Adjective": "VA",
    "Josa": "JX",
    "Eomi": "EF",
    "PreEomi": "EP",
    "Suffix": "XSN",
    "Alpha": "SL",
    "Number": "SN",
    "Foreign": "SL",
    "Punctuation": "SF",
    "Adverb": "MAG",
}


class KonlpyAnalyzer:
    """konlpy Okt or Komoran. Needs a JRE; the JVM starts lazily, never before a fork."""

    def __init__(self, backend: str) -> None:
        try:
            import konlpy  # noqa: F401
        except ImportError as exc:
            raise MissingDependency.for_module("konlpy", "konlpy") from exc
        self.name = backend
        self._tagger: Any = None  # konlpy's taggers are untyped
        self._user_words: list[str] = []
        self._lock = threading.Lock()

    def _get_tagger(self) -> Any:
        if self._tagger is None:
            from konlpy import tag

            if self.name == "okt":
                self._tagger = tag.Okt()
            else:
                self._tagger = tag.Komoran(userdic=None)
        return self._tagger

    def tokens(self, text: str) -> list[Token]:
        with self._lock:
            pairs = self._get_tagger().pos(text)
        out: list[Token] = []
        cursor = 0
        for form, tag in pairs:
            # konlpy returns no offsets: find each form in order; stems of Komoran may be absent.
            found = text.find(form, cursor)
            start = found if found >= 0 else cursor
            end = start + len(form) if found >= 0 else cursor
            cursor = max(cursor, end)
            out.append(
                Token(form, _OKT_TAGS.get(tag, tag) if self.name == "okt" else tag, start, end)
            )
        return _keep_user_words_whole(text, out, self._user_words)

    def add_words(self, words: Iterable[str], tag: str = "NNP") -> int:
        new = [w for w in words if w and " " not in w and w not in self._user_words]
        self._user_words.extend(new)
        return len(new)


def _keep_user_words_whole(text: str, tokens: list[Token], words: list[str]) -> list[Token]:
    """Merge tokens that together spell a user word (konlpy has no runtime user dictionary)."""
    if not words:
        return tokens
    spans = []
    for word in sorted(words, key=len, reverse=True):
        start = text.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = text.find(word, start + len(word))
    merged: list[Token] = []
    for token in tokens:
        span = next((s for s in spans if s[0] <= token.start < s[1]), None)
        if span is None:
            merged.append(token)
        elif not merged or (merged[-1].start, merged[-1].end) != span:
            merged.append(Token(text[span[0] : span[1]], "NNP", span[0], span[1]))
    return merged


def create_analyzer(name: str) -> Analyzer:
    """The analyser named in settings: kiwi (default), okt or komoran."""
    if name == "kiwi":
        return KiwiAnalyzer()
    if name in {"okt", "komoran"}:
        return KonlpyAnalyzer(name)
    raise ConfigError(
        f"Unknown analyzer '{name}'.", hint="Set analyzer to one of: kiwi, okt, komoran."
    )
