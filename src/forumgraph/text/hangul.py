"""What counts as Hangul, defined once for every module that looks for Korean text."""

from __future__ import annotations

import re
import unicodedata

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


# A final consonant (jongseong) and what it splits into when the next vowel is typed: the final
# it leaves behind (if any) and the initial consonant (choseong) that moves on.
_FINAL_SPLITS = {
    "\u11a8": ("", "\u1100"), "\u11a9": ("", "\u1101"), "\u11aa": ("\u11a8", "\u1109"),
    "\u11ab": ("", "\u1102"), "\u11ac": ("\u11ab", "\u110c"), "\u11ad": ("\u11ab", "\u1112"),
    "\u11ae": ("", "\u1103"), "\u11af": ("", "\u1105"), "\u11b0": ("\u11af", "\u1100"),
    "\u11b1": ("\u11af", "\u1106"), "\u11b2": ("\u11af", "\u1107"), "\u11b3": ("\u11af", "\u1109"),
    "\u11b4": ("\u11af", "\u1110"), "\u11b5": ("\u11af", "\u1111"), "\u11b6": ("\u11af", "\u1112"),
    "\u11b7": ("", "\u1106"), "\u11b8": ("", "\u1107"), "\u11b9": ("\u11b8", "\u1109"),
    "\u11ba": ("", "\u1109"), "\u11bb": ("", "\u110a"), "\u11bc": ("", "\u110b"),
    "\u11bd": ("", "\u110c"), "\u11be": ("", "\u110e"), "\u11bf": ("", "\u110f"),
    "\u11c0": ("", "\u1110"), "\u11c1": ("", "\u1111"), "\u11c2": ("", "\u1112"),
}  # fmt: skip


def jamo(text: str) -> str:
    """`text` with its syllables split into conjoining jamo (NFD), so that a syllable still
    being typed (`리` on the way to `리즈`) is a prefix of the word it becomes."""
    return unicodedata.normalize("NFD", text)


def typed_alternatives(text: str) -> tuple[str, ...]:
    """`jamo(text)` and, when it ends in a final consonant, the same text with that consonant
    moved on as the next syllable's initial: a Korean input method shows `맂` while `리즈` is
    typed, so both must be tried as prefixes."""
    split = jamo(text)
    if split and split[-1] in _FINAL_SPLITS:
        kept, initial = _FINAL_SPLITS[split[-1]]
        return (split, split[:-1] + kept + initial)
    return (split,)
