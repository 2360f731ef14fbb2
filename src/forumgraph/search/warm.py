"""Warm a store generation before it serves: real questions through every part of the path.

Several parts load on their first use: the second encoder's model, the analyser's dictionary
rebuilt with the generation's entity names, the name-matching tables, the index pages. A
generation that has answered these questions answers a user's first one as fast as the next.
"""

from __future__ import annotations

import ctypes
import logging
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from forumgraph.search.ask import Asker

log = logging.getLogger(__name__)

# One question per language, with a place, a year and a question word: every signal runs.
WARM_UP_QUESTIONS = (
    "2019년 서울에서 열린 행사의 발표자는 누구인가?",
    "Who spoke at the 2019 conference in Seoul?",
)


def warm_up(asker: Asker) -> None:
    """Answer the warm-up questions once (their results are dropped), then give the memory
    that loading freed back to the system."""
    started = time.perf_counter()
    for question in WARM_UP_QUESTIONS:
        asker.ask(question, 3)
    release_free_heap()
    log.info(
        "warmed up: %d questions answered in %.1f s",
        len(WARM_UP_QUESTIONS),
        time.perf_counter() - started,
    )


def release_free_heap() -> None:
    """Return freed heap pages to the OS: glibc keeps them after a model rebuild (the analyser
    rebuilds its dictionary per generation), about 40 MB here. A no-op without glibc."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)
