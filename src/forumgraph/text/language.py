"""Language of a text from the scripts of its words: Korean (Hangul), English (Latin) or mixed.

Words, not letters, are counted: a Hangul syllable carries two or three sounds, so counting letters
would make Korean articles that quote English names look mixed (two Korean articles of the corpus
have 47% and 48% Latin letters but only 22% and 28% Latin-only words). A word holding any Hangul
counts as Korean, because Korean grammar attaches particles to Latin names ("CNCF의").
Text without Hangul or Latin letters (numbers, symbols, other scripts) is "en", the neutral choice
for the tokenisers and the encoder downstream.
"""

from __future__ import annotations

import re

from forumgraph.text.hangul import HANGUL

# Basic Latin, Latin-1 letters (not x or ÷), Latin Extended A/B/Additional and full-width Latin.
LATIN = re.compile(
    "[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\uff21-\uff3a\uff41-\uff5a]"
)

# The minority script must hold at least this share of the words for the text to be "mixed".
MIXED_SHARE = 0.3


def script_of(word: str) -> str:
    """The script of a word: "ko" if it holds any Hangul, "en" if Latin letters, else "other"."""
    if HANGUL.search(word):
        return "ko"
    if LATIN.search(word):
        return "en"
    return "other"


def script_counts(text: str) -> tuple[int, int]:
    """The number of Korean words and of Latin-only words in `text`."""
    has_hangul, has_latin = HANGUL.search, LATIN.search  # bound once: this loop is hot
    korean = latin = 0
    for word in text.split():
        if has_hangul(word):
            korean += 1
        elif has_latin(word):
            latin += 1
    return korean, latin


def detect_language(text: str) -> str:
    """Language of `text`: ko, en or mixed (minority script >= 30% of words); en if no letters."""
    korean, latin = script_counts(text)
    total = korean + latin
    if total == 0:
        return "en"
    if min(korean, latin) / total >= MIXED_SHARE:
        return "mixed"
    return "ko" if korean > latin else "en"


_LANGUAGE_NAMES = {
    "ko": "ko",
    "kor": "ko",
    "korean": "ko",
    "한국어": "ko",
    "한국말": "ko",
    "en": "en",
    "eng": "en",
    "english": "en",
    "영어": "en",
}


def normalize_language(value: str | None) -> str | None:
    """The ko/en tag of a declared language such as ko-KR, ko_KR, Korean or en-US, else None."""
    if not value:
        return None
    tag = value.strip().lower().replace("_", "-")
    return _LANGUAGE_NAMES.get(tag) or _LANGUAGE_NAMES.get(tag.split("-", 1)[0])
