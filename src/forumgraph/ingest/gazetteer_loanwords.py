"""Names written in Hangul as the English words they are built of (`데이터독`, Datadog; `구글
클라우드`, Google Cloud; `그라파나 랩스`, Grafana Labs): each piece is an English word Korean
borrows (`loanwords.txt`) or a name the gazetteer has in Hangul (`구글`), and the English words,
joined with or without a space, must be exactly one gazetteer name.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from functools import cache
from importlib import resources

from forumgraph.ingest.gazetteer import GazetteerEntry
from forumgraph.ingest.gazetteer_sounds import SoundIndex
from forumgraph.models import EntityType
from forumgraph.text.hangul import is_hangul_word

_NAMED_KINDS = frozenset({EntityType.ORGANIZATION.value, EntityType.PROJECT.value})
_MAX_PIECES = 4


@cache
def _loanwords() -> dict[str, tuple[str, ...]]:
    text = resources.files("forumgraph.ingest").joinpath("loanwords.txt").read_text("utf-8")
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            hangul, english = line.split()
            table[hangul] = tuple(english.split("|"))
    return table


def is_loanword(word: str) -> bool:
    """Whether `word` is an English word Korean borrows, as the table spells it."""
    return word in _loanwords()


class LoanwordIndex:
    """Gazetteer names by the English words a Hangul spelling is built of."""

    def __init__(self, entries: Iterable[GazetteerEntry], sounds: SoundIndex) -> None:
        self._sounds = sounds
        # (the same words come back in every text: each is split and sounded once)
        self._splits_of: dict[str, list[list[tuple[str, ...]]]] = {}
        self._sounded_of: dict[str, list[list[tuple[str, ...]]]] = {}
        self._by_name: dict[str, set[str]] = {}
        self._entries: dict[str, GazetteerEntry] = {}
        self._pieces: dict[str, tuple[str, ...]] = dict(_loanwords())
        for entry in entries:
            if entry.kind not in _NAMED_KINDS:
                continue
            self._entries[entry.reference] = entry
            latin = [n.text for n in entry.names if not is_hangul_word(n.text.replace(" ", ""))]
            for latin_name in latin:
                self._by_name.setdefault(latin_name.casefold(), set()).add(entry.reference)
            for name in entry.names:
                if is_hangul_word(name.text) and latin and name.text not in self._pieces:
                    self._pieces[name.text] = (latin[0],)  # `구글`: Google

    def match(self, words: list[str]) -> GazetteerEntry | None:
        """The one entry `words` (Hangul, at least two pieces in all) spell, if exactly one."""
        found: set[str] = set()
        for english in self._readings(words):
            found |= self._by_name.get(english.casefold(), set())
        entries = [self._entries[r] for r in found]
        if len({e.canonical.casefold() for e in entries}) != 1:
            return None
        # one name: the organisation before the product named after it (Datadog)
        return min(entries, key=lambda e: (e.kind != EntityType.ORGANIZATION.value, e.reference))

    def _readings(self, words: list[str]) -> set[str]:
        per_word = [self._cached_splits(w) for w in words]
        unread = [i for i, splits in enumerate(per_word) if not splits]
        if unread not in ([], [0]) or (unread and len(words) == 1):
            return set()  # only a name opening them is read by its sound (`아마존 웹 서비스`)
        for i in unread:  # one word of several may be a name by its sound (`아마존 웹 서비스`)
            if words[i] not in self._sounded_of:
                self._sounded_of[words[i]] = self._sounded(words[i])
            per_word[i] = self._sounded_of[words[i]]
            if not per_word[i]:
                return set()
        readings: set[str] = set()
        for choice in itertools.product(*per_word):
            pieces = sum(len(split) for split in choice)
            if pieces < 2 or pieces > _MAX_PIECES:
                continue
            # within a word the English may be one word or several (`데이터독`, Datadog;
            # `웹서비스`, Web Services); between words, a space
            for joined in itertools.product(*(self._joined(split) for split in choice)):
                readings.add(" ".join(joined))
        return readings

    def _cached_splits(self, word: str) -> list[list[tuple[str, ...]]]:
        if word not in self._splits_of:
            self._splits_of[word] = self._splits(word)
        return self._splits_of[word]

    def _splits(self, word: str) -> list[list[tuple[str, ...]]]:
        """Every way `word` is a run of known pieces, each as its English forms."""
        if not word:
            return [[]]
        out = []
        for cut in range(len(word), 0, -1):
            head = word[:cut]
            if head in self._pieces:
                out.extend([[self._pieces[head], *rest] for rest in self._splits(word[cut:])])
        return out[:8]

    def _sounded(self, word: str) -> list[list[tuple[str, ...]]]:
        """A whole word that sounds like one name (`아마존`, Amazon), as that name."""
        entry = self._sounds.match(word)
        return [[(entry.canonical,)]] if entry is not None else []

    @staticmethod
    def _joined(split: list[tuple[str, ...]]) -> set[str]:
        out = set()
        for forms in itertools.product(*split):
            out.add("".join(forms))
            out.add(" ".join(forms))
        return out
