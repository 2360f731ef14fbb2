"""What counts as Hangul, defined once for every module that looks for Korean text."""

from __future__ import annotations

import re

# Precomposed syllables (가..힣): the only Hangul that Korean prose and names are written in.
SYLLABLE_FIRST = "\uac00"
SYLLABLE_LAST = "\ud7a3"
# Syllables, conjoining jamo, compatibility jamo and the two jamo extension blocks: any of them
# marks a text or word as Korean.
HANGUL_RANGES = (
    f"{SYLLABLE_FIRST}-{SYLLABLE_LAST}\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"
)
HANGUL = re.compile(f"[{HANGUL_RANGES}]")


def has_hangul(text: str) -> bool:
    """Whether `text` contains any Hangul."""
    return HANGUL.search(text) is not None


def is_syllable(char: str) -> bool:
    """Whether `char` is one precomposed Hangul syllable."""
    return SYLLABLE_FIRST <= char <= SYLLABLE_LAST


def is_hangul_word(word: str) -> bool:
    """Whether `word` is written in Hangul syllables only (`브렌던`, not `K8s` or `헬름3`)."""
    return bool(word) and all(is_syllable(ch) for ch in word)
