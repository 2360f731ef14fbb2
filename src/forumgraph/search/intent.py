"""What kind of result a query asks for: talks, when it says so in either language."""

from __future__ import annotations

import re

# Words that ask for talks. Korean words may carry particles and endings ("발표를"), so they
# match inside words; English words match whole, with a plural or verb ending.
TALK_WORDS_KO = ("발표", "세션", "강연", "키노트", "기조연설", "연사", "토크")
TALK_WORDS_EN = ("talk", "session", "keynote", "presentation", "speaker", "lightning talk")
_ENGLISH = re.compile(rf"\b(?:{'|'.join(TALK_WORDS_EN)})(?:s|es)?\b", re.IGNORECASE)


def asks_for_talks(text: str) -> bool:
    """True when the query names talks as what it looks for ("셰릴 헝 발표", "talks by ...")."""
    return _ENGLISH.search(text) is not None or any(word in text for word in TALK_WORDS_KO)
