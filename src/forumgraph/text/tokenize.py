"""Tokens for the lexical index: Kiwi morphemes for Korean, stemmed words for English.

Korean text keeps nouns, verb/adjective stems, roots, foreign words and numbers; particles,
endings, suffixes and punctuation are dropped. Latin words, in English or inside Korean text, go
through one path (lower-cased, stop words dropped, Snowball-stemmed) so that "Kubernetes" in a
Korean passage matches "Kubernetes" in an English one. Numbers are normalised so that "1,100",
"1100" and "1,100명" give the same token, and Korean unit numerals are composed: "3만 5천" and
"3만5천명" give "35000", as "35,000" does.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN

from forumgraph.text.analyze import Analyzer, Token
from forumgraph.text.hangul import has_hangul

# Morpheme tags whose forms carry meaning for retrieval (Sejong tag set, as Kiwi emits them).
KOREAN_KEEP_TAGS = frozenset({"NNG", "NNP", "NR", "VV", "VA", "XR", "SH"})
# Stems and nouns so frequent in Korean prose that they only add noise to BM25.
_KOREAN_STOP = "하 있 되 없 않 같 보 이 그 등 것 수"
KOREAN_STOP_FORMS = frozenset(_KOREAN_STOP.split())
# Lucene's English stop words plus the question words and auxiliaries that queries are full of.
_QUERY_STOP = "what who whom which when where why how do does did has have had were been being"
ENGLISH_STOP_WORDS = frozenset(STOPWORDS_EN) | frozenset(_QUERY_STOP.split())
_CONTRACTION_PARTS = frozenset(("s", "t", "don", "re", "ve", "ll", "d", "m"))

# Words for the English path: letters/digits runs; numbers may carry thousands separators or
# decimals ("1,100", "1.37") which are kept together so that they can be normalised.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)?|\d+", re.UNICODE)
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
# Korean numeral units: the small ones multiply within a group of four digits, the large ones
# close the group ("1억 2천만" = 1 * 10^8 + 2 * 10^3 * 10^4).
_SMALL_UNITS = {"십": 10, "백": 100, "천": 1_000}
_LARGE_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12}
_NUMBER = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")


def tokenize_for_index(text: str, lang: str | None, analyzer: Analyzer) -> list[str]:
    """Index tokens of `text`: Kiwi morphemes where it has Hangul, stemmed words elsewhere.

    `lang` is a hint only: any text containing Hangul goes through the analyser (mixed passages
    and Korean queries alike), any text without it through the English path.
    """
    del lang  # the script of the text decides; kept in the signature for callers' clarity
    if not text or text.isspace():
        return []
    if has_hangul(text):
        return _korean_tokens(text, analyzer)
    return english_tokens(text)


def english_tokens(text: str) -> list[str]:
    """Lower-cased, stop-word-free, stemmed words and normalised numbers of `text`."""
    out: list[str] = []
    for match in _WORD.finditer(text):
        token = _normalise_word(match.group())
        if token:
            out.append(token)
    return out


def normalise_number(form: str) -> str:
    """Drop thousands separators: "1,100" and "1100" give "1100"; "1.37" stays "1.37"."""
    return form.replace(",", "") if _THOUSANDS.match(form) else form


def _korean_tokens(text: str, analyzer: Analyzer) -> list[str]:
    out: list[str] = []
    for token in _compose_numerals(analyzer.tokens(text)):
        tag = token.tag
        if tag == "SL" or tag == "SN" or (tag == "SW" and token.form.isalnum()):
            normalised = _normalise_word(token.form)
            if normalised:
                out.append(normalised)
        elif tag in KOREAN_KEEP_TAGS and token.form not in KOREAN_STOP_FORMS:
            out.append(token.form.lower())
    return out


def _compose_numerals(tokens: list[Token]) -> list[Token]:
    """Tokens with each run of numbers and unit numerals ("3", "만", "5", "천") made one number."""
    out: list[Token] = []
    run: list[Token] = []
    for token in tokens:
        # A run spans at most single spaces, and a number right after a number starts a new one.
        if run and (token.start - run[-1].end > 1 or (token.tag == "SN" == run[-1].tag)):
            out += _close_run(run)
            run = []
        if token.tag == "SN" or (run and token.tag == "NR" and _is_unit(token.form)):
            run.append(token)
            continue
        out.append(token)
    return out + _close_run(run)


def _close_run(run: list[Token]) -> list[Token]:
    if not any(token.tag == "NR" for token in run):
        return run
    value = _numeral_value([token.form for token in run])
    if value is None:
        return run
    text = str(int(value)) if value == int(value) else f"{value:g}"
    return [Token(text, "SN", run[0].start, run[-1].end)]


def _numeral_value(forms: list[str]) -> float | None:
    total, group, pending = 0.0, 0.0, None
    for form in forms:
        if not _is_unit(form):
            pending = float(form.replace(",", "")) if _NUMBER.match(form) else None
            if pending is None:
                return None
            continue
        for unit in form:  # "천만" is 천 then 만
            if unit in _SMALL_UNITS:
                if pending is None:
                    return None
                group += pending * _SMALL_UNITS[unit]
            else:
                if pending is None and not group:
                    return None
                total += (group + (pending or 0.0)) * _LARGE_UNITS[unit]
                group = 0.0
            pending = None
    return total + group + (pending or 0.0)


def _is_unit(form: str) -> bool:
    return all(ch in _SMALL_UNITS or ch in _LARGE_UNITS for ch in form)


def _normalise_word(word: str) -> str:
    if word[0].isdigit():
        return normalise_number(word)
    lowered = word.lower().replace("'", "")
    if lowered in ENGLISH_STOP_WORDS or lowered in _CONTRACTION_PARTS:
        return ""
    return _stem(lowered)


_STEMMER = Stemmer.Stemmer("english")
# A PyStemmer object is not thread-safe and the web server tokenises queries from many threads.
_STEMMER_LOCK = threading.Lock()


@lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    with _STEMMER_LOCK:
        return str(_STEMMER.stemWord(word))
