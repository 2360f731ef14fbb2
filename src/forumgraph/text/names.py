"""Hangul and Latin names: romanisation, transliteration similarity and `한글(Latin)` pairs.

Korean writes foreign names by sound (`댄 컨` for Dan Kohn, `셰릴 헝` for Cheryl Hung). To compare
the two spellings, both are reduced to a coarse phonetic key: consonants fold into classes that
Korean loanword spelling does not distinguish (b/p/f/v, d/t, g/k/c/q, s/z/j/ch/sh, l/r), vowels
fold into one mark, silent letters (h, final e) drop, and the epenthetic `ㅡ` Korean adds between
consonants (`브랜든`) drops too.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from forumgraph.text.hangul import SYLLABLE_FIRST, SYLLABLE_LAST, is_syllable

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]

# Revised Romanization (loanword-friendly: ㄹ is "l" at the end of a syllable, else "r").
_RR_INITIAL = dict(
    zip(
        _INITIALS,
        [
            "g",
            "kk",
            "n",
            "d",
            "tt",
            "r",
            "m",
            "b",
            "pp",
            "s",
            "ss",
            "-",
            "j",
            "jj",
            "ch",
            "k",
            "t",
            "p",
            "h",
        ],
        strict=True,
    )
)
_RR_MEDIAL = dict(
    zip(
        _MEDIALS,
        [
            "a",
            "ae",
            "ya",
            "yae",
            "eo",
            "e",
            "yeo",
            "ye",
            "o",
            "wa",
            "wae",
            "oe",
            "yo",
            "u",
            "wo",
            "we",
            "wi",
            "yu",
            "eu",
            "ui",
            "i",
        ],
        strict=True,
    )
)
_RR_FINAL = {"ㄱ": "k", "ㄲ": "k", "ㄴ": "n", "ㄷ": "t", "ㄹ": "l", "ㅁ": "m", "ㅂ": "p",
             "ㅅ": "t", "ㅆ": "t", "ㅇ": "ng", "ㅈ": "t", "ㅊ": "t", "ㅋ": "k", "ㅌ": "t",
             "ㅍ": "p", "ㅎ": "t", "ㄺ": "k", "ㄻ": "m", "ㄼ": "l", "ㄳ": "k", "ㄵ": "n",
             "ㄶ": "n", "ㄽ": "l", "ㄾ": "l", "ㄿ": "p", "ㅀ": "l", "ㅄ": "p"}  # fmt: skip

# Phonetic classes of the key: P (b p f v), T (d t), K (g k c q), S (s z j ch sh), L (l r).
_KEY_INITIAL = dict(
    zip(
        _INITIALS,
        [
            "K",
            "K",
            "N",
            "T",
            "T",
            "L",
            "M",
            "P",
            "P",
            "S",
            "S",
            "-",
            "S",
            "S",
            "S",
            "K",
            "T",
            "P",
            "-",
        ],
        strict=True,
    )
)
_KEY_FINAL = {"ㄱ": "K", "ㄴ": "N", "ㄹ": "L", "ㅁ": "M", "ㅂ": "P", "ㅅ": "T", "ㅇ": "N",
              "ㅋ": "K", "ㅌ": "T", "ㅍ": "P"}  # fmt: skip
_LATIN_RULES = [
    (r"tch|sch|sh|ch|zh", "S"), (r"ph", "P"), (r"th", "T"), (r"ck|qu|q", "K"), (r"ng\b", "N"),
    (r"c(?=[eiy])", "S"), (r"x", "KS"), (r"[bpfv]", "P"), (r"[dt]", "T"), (r"[gkc]", "K"),
    (r"[szj]", "S"), (r"[lr]", "L"), (r"m", "M"), (r"n", "N"), (r"h", ""),
    (r"(?<=[PTKSLMN])e\b", ""), (r"[aeiouwy]", "a"),
]  # fmt: skip
_LATIN_RULES_RE = [(re.compile(p), r) for p, r in _LATIN_RULES]
_REPEATS = re.compile(r"([A-Za])\1+")
_PAIR = re.compile(
    rf"(?P<hangul>(?:[\w+&.-]+ ){{0,4}}[\w+&.-]*[{SYLLABLE_FIRST}-{SYLLABLE_LAST}][\w+&.-]*)"
    # Latin letters with their accents (`Katharina Müller`, `Elif Çağlar`, `Lê Thị Thu Hà`)
    r"\s?\((?P<latin>[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ0-9 .&'+-]{0,60}?)"
    # `프라카시 나이르(Prakash Nair, Microsoft)`: more after the spelling, set off by a comma
    r"(?P<more>,\s?[^()\n]{1,60})?\)"
)
PAIR_THRESHOLD = 0.72


def _jamo(char: str) -> tuple[str, str, str]:
    code = ord(char) - ord(SYLLABLE_FIRST)
    return _INITIALS[code // 588], _MEDIALS[(code % 588) // 28], _FINALS[code % 28]


def romanize(hangul: str) -> str:
    """Revised Romanization of the Hangul syllables in `hangul`; other characters pass through."""
    out = []
    for char in hangul:
        if not is_syllable(char):
            out.append(char)
            continue
        initial, medial, final = _jamo(char)
        out.append(_RR_INITIAL[initial].strip("-") + _RR_MEDIAL[medial] + _RR_FINAL.get(final, ""))
    return "".join(out)


def phonetic_key(name: str) -> str:
    """A coarse sound key shared by Hangul and Latin spellings (`댄 컨` and `Dan Kohn`: TaNKaN)."""
    parts = []
    for word in name.split():
        parts.append(_hangul_key(word) if any(map(is_syllable, word)) else _latin_key(word))
    return " ".join(p for p in parts if p)


@functools.lru_cache(maxsize=65536)  # called for every known name on each Hangul query word
def _hangul_key(word: str) -> str:
    out = []
    for char in word:
        if not is_syllable(char):
            continue
        initial, medial, final = _jamo(char)
        out.append(_KEY_INITIAL[initial].strip("-"))
        # `ㅡ` with no final consonant is the vowel Korean inserts between consonants (브, 스).
        if not (medial == "ㅡ" and not final):
            out.append("a")
        out.append(_KEY_FINAL.get(final, ""))
    return _REPEATS.sub(r"\1", "".join(out))


@functools.lru_cache(maxsize=65536)
def _latin_key(word: str) -> str:
    text = unicodedata.normalize("NFKD", word.lower())
    text = "".join(c for c in text if "a" <= c <= "z")
    for pattern, replacement in _LATIN_RULES_RE:
        text = pattern.sub(replacement, text)
    return _REPEATS.sub(r"\1", text)


def transliteration_similarity(hangul: str, latin: str, floor: float = 0.0) -> float:
    """How well a Hangul spelling matches a Latin name by sound, from 0 to 1.

    `리카르도 아라비나` ~ `Ricardo Aravena` scores high, `관찰` ~ `Observe` low. Word by word when
    both have as many words, else over the whole names. A score that cannot reach `floor`
    (checked first with cheap upper bounds) is returned as 0.0.
    """
    h_words = [_hangul_key(w) for w in hangul.split()]
    l_words = [_latin_key(w) for w in latin.split()]
    if not any(h_words) or not any(l_words):
        return 0.0
    by_word = len(h_words) == len(l_words) and len(h_words) > 1
    if floor > 0.0:
        bound = _key_similarity("".join(h_words), "".join(l_words), bound=True)
        if by_word:
            pairs = zip(h_words, l_words, strict=True)
            per_word = [_key_similarity(h, w, bound=True) for h, w in pairs]
            bound = max(bound, sum(per_word) / len(h_words))
        if bound < floor:
            return 0.0
    whole = _key_similarity("".join(h_words), "".join(l_words))
    if by_word:
        per_word_score = sum(map(_key_similarity, h_words, l_words)) / len(h_words)
        return max(whole, per_word_score)
    return whole


def _key_similarity(a: str, b: str, bound: bool = False) -> float:
    """The similarity of two sound keys, or with `bound` a cheap value never below it."""
    if not a or not b:
        return 0.0
    consonants_a, consonants_b = a.replace("a", ""), b.replace("a", "")
    measure = _shared_letters_ratio if bound else _ratio
    full = measure(a, b)
    skeleton = measure(consonants_a, consonants_b)
    if not consonants_a and not consonants_b:
        skeleton = full
    # A different first sound is strong evidence against a match.
    first = 1.0 if a[0] == b[0] else 0.85
    return first * (0.4 * full + 0.6 * skeleton)


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _shared_letters_ratio(a: str, b: str) -> float:
    """difflib's quick_ratio (letters in common, ignoring order): never below its ratio."""
    if not a and not b:
        return 1.0
    shared = _letter_counts(a) & _letter_counts(b)
    return 2.0 * sum(shared.values()) / (len(a) + len(b))


@functools.lru_cache(maxsize=65536)
def _letter_counts(key: str) -> Counter[str]:
    return Counter(key)


@dataclass(frozen=True)
class NamePair:
    """`댄 컨(Dan Kohn)`: a Hangul name followed by its Latin form in parentheses."""

    hangul: str
    latin: str
    hangul_start: int
    latin_start: int
    end: int  # just after the closing parenthesis, or after the spelling when more follows
    score: float

    @property
    def hangul_end(self) -> int:
        return self.hangul_start + len(self.hangul)

    @property
    def latin_end(self) -> int:
        return self.latin_start + len(self.latin)


def hangul_latin_pairs(text: str, threshold: float = PAIR_THRESHOLD) -> list[NamePair]:
    """Every `한글(Latin)` pair in `text` whose two sides sound alike (glosses like `관찰(Observe)`
    and loan translations are left out); the Hangul side is trimmed to the words that match."""
    pairs = []
    for match in _PAIR.finditer(text):
        latin = match.group("latin").strip()
        best: NamePair | None = None
        words = list(re.finditer(r"\S+", match.group("hangul")))
        n_latin = len(latin.split())
        for count in {n_latin, n_latin - 1, n_latin + 1}:
            if count < 1 or count > len(words):
                continue
            first = words[-count]
            hangul = match.group("hangul")[first.start() :]
            score = transliteration_similarity(hangul, latin)
            if count == n_latin == 2 and all(len(w) >= 2 for w in hangul.split()):
                # a name written surname first in Hangul, given name first in Latin (`다나카
                # 유이치(Yuichi Tanaka)`), as Japanese and Chinese names often are
                reversed_latin = " ".join(reversed(latin.split()))
                score = max(score, transliteration_similarity(hangul, reversed_latin))
            if best is None or score > best.score:
                start = match.start("hangul") + first.start()
                end = match.start("more") if match["more"] else match.end()
                best = NamePair(hangul, latin, start, match.start("latin"), end, score)
        if best is not None and best.score >= threshold:
            pairs.append(best)
    return pairs
