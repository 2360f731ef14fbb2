"""The Korean particles, copula endings and nominal suffixes that may follow a name in one word.

Korean attaches them to the noun they follow (`쿠버네티스가`, `CNCF의`, `셰릴 헝님`), so a name is
found by taking them off the end of a word. Ingest (extraction, gazetteer matching, resolution)
and search (query linking) use this one inventory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from forumgraph.text.hangul import is_syllable

# Case and auxiliary particles, alone and stacked.
_CASE = (
    "이 가 은 는 을 를 의 에 와 과 로 도 만 나 란 라 랑 께 "
    "에서 으로 에게 께서 까지 부터 보다 처럼 이나 이란 이라 에는 에도 로서 로는 와의 과의 만의 "
    "이랑 한테 하고 라고 라는 에서는 에서의 에게서 으로서 으로는 로부터 이라는 이라고"
)
# Copula and connective endings written straight after a noun (`쿠버네티스다`, `헬름이며`).
_COPULA = (
    "다 며 고 인 였다 였고 였으며 였습니다 "
    "이다 이고 이며 이자 이지만 입니다 이었다 이었고 이었으며 이었습니다 "
    # the polite spoken style: `임재혁 님이었어요`, `메인테이너예요`
    "이에요 예요 이었어요 였어요 이었는데 였는데 이신 이시고 이셨어요 이십니다"
)
# Nominal suffixes: honorifics, plural, side, purpose, and `같은` ("like").
_SUFFIX = "씨 님 들 측 용 같은"

PARTICLES = tuple(sorted({*_CASE.split(), *_COPULA.split(), *_SUFFIX.split()}, key=len))
_PARTICLE_RUN = re.compile("(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + ")+")


def is_particle(suffix: str) -> bool:
    """Whether `suffix` is a run of particles, endings or suffixes (`에서는`, `가`, `님의`)."""
    return bool(suffix) and _PARTICLE_RUN.fullmatch(suffix) is not None


def stems(word: str) -> Iterator[str]:
    """The shorter forms of a Hangul-ending `word` that leave only particles behind, shortest first
    (`헬름에서는` -> `헬름`, `헬름에서`): candidates for the name the word carries."""
    if not word or not is_syllable(word[-1]):
        return
    for cut in range(1, len(word)):
        if is_syllable(word[cut - 1]) and is_particle(word[cut:]):
            yield word[:cut]


def strip_particles(word: str) -> str:
    """`쿠버네티스가` -> `쿠버네티스`: the longest particle run ending a Hangul word comes off."""
    return next(stems(word), word)


# Case particles that may stay on a word the analyser does not know (`팔코로`); a longer run
# of endings (`코사인을` read as `코사` + `인을`) is more often part of the word.
_SINGLE_CASE = (
    *("으로", "에서", "에게", "까지", "부터", "처럼"),
    *("로", "와", "과", "를", "을", "이", "가", "은", "는", "의", "에", "도", "만"),
)


def without_case_particle(word: str) -> str | None:
    """`팔코로` -> `팔코`: the word less one case particle, leaving two syllables or more."""
    for particle in _SINGLE_CASE:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return None


# Particles with two forms: the first follows a closed syllable (`헬름을`), the second an open
# one (`도커를`); `로` also follows a final ㄹ (`레일로`), so it is not checked after a closed one.
_ALLOMORPHS = (("으로", "로"), ("이", "가"), ("을", "를"), ("은", "는"), ("과", "와"))
_FIRST_SYLLABLE = 0xAC00
_FINALS = 28


def fits_particle(stem: str, tail: str) -> bool:
    """Whether a particle run `tail` may follow `stem`: `딜레` + `이` may not (an open syllable
    takes `가`), so `딜레이` is one word; tails without such a particle fit."""
    if not stem or not is_syllable(stem[-1]):
        return True
    closed = (ord(stem[-1]) - _FIRST_SYLLABLE) % _FINALS != 0
    for after_closed, after_open in _ALLOMORPHS:
        if tail.startswith(after_closed) and not closed:
            return False
        if tail.startswith(after_open) and closed and after_open != "로":
            return False
    return True
