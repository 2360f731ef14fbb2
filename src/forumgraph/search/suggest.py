"""Name completion for the search box: entity names in either script and every alias.

The index is built once per generation and lives in memory: every name's lookup key (case,
spacing and punctuation dropped, Hangul split into jamo so that a syllable still being typed
matches) from each of its word starts, sorted, so a prefix is two binary searches. Matches rank
exact name, then start of the name, then start of a later word, then inside a word (Korean
compounds: `포럼` in `쿠버네티스포럼`); ties go to the entity with more talks and articles, and
talks come after the other kinds since their titles are long.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from forumgraph.models import Entity, EntityType, Name
from forumgraph.text.hangul import jamo, typed_alternatives

EXACT, PREFIX, WORD, INSIDE = 0, 1, 2, 3
MATCH_NAMES = ("exact", "prefix", "word", "inside")
DEFAULT_LIMIT = 8
MAX_LIMIT = 20
# In-word matches need this many jamo or letters; one letter is inside nearly every name.
INSIDE_MIN_CHARS = 2
# A prefix range longer than this is read in ranking order and stopped early instead.
MAX_CANDIDATES = 2000
_WORD = re.compile(r"[^\W_]+")
_END = "\U0010ffff"


@dataclass(frozen=True)
class Suggestion:
    """An entity whose name matched, the name that matched and how (EXACT … INSIDE)."""

    entity: Entity
    name: Name
    match: int


class Suggester:
    """Completes names of one generation's entities; immutable once built."""

    def __init__(self, entities: Mapping[str, Entity], weights: Mapping[str, int]) -> None:
        """`weights` says how much each entity is talked about (talks, articles); more first."""
        order = {
            entity.id: (
                1 if entity.type == EntityType.TALK else 0,
                -weights.get(entity.id, 0),
                len(entity.label()),
                entity.label().casefold(),
                entity.id,
            )
            for entity in entities.values()
        }
        ranked = sorted(entities.values(), key=lambda e: order[e.id])
        self._rank = {entity.id: rank for rank, entity in enumerate(ranked)}
        self._names: list[tuple[Entity, Name, str]] = []
        starts: list[tuple[str, int]] = []  # whole names
        later: list[tuple[str, int]] = []  # from the second word on
        for entity in ranked:  # name indexes follow the ranking
            seen: set[str] = set()
            for name in (*entity.names, *entity.alternate_names):
                words = _WORD.findall(unicodedata.normalize("NFKC", name.text).casefold())
                key = jamo("".join(words))
                if not key or key in seen:
                    continue
                seen.add(key)
                index = len(self._names)
                self._names.append((entity, name, key))
                starts.append((key, index))
                at = 0
                for word in words[:-1]:
                    at += len(jamo(word))
                    later.append((key[at:], index))
        self._starts = _SortedKeys(starts)
        self._later = _SortedKeys(later)
        self._blob = "\x00".join(key for _e, _n, key in self._names)
        self._offsets = []
        at = 0
        for _e, _n, key in self._names:
            self._offsets.append(at)
            at += len(key) + 1

    def __len__(self) -> int:
        return len(self._names)

    def suggest(
        self, query: str, limit: int = DEFAULT_LIMIT, entity_type: EntityType | None = None
    ) -> list[Suggestion]:
        """Entities whose names complete `query`, best first."""
        typed = "".join(_WORD.findall(unicodedata.normalize("NFKC", query).casefold()))
        if not typed:
            return []
        typed_jamo = jamo(typed)
        alternatives = typed_alternatives(typed)
        best: dict[str, tuple[int, int]] = {}  # entity id -> (match, name index)

        def wanted(index: int) -> bool:
            return entity_type is None or self._names[index][0].type == entity_type

        # Each kind of match ranks below the one before: look further only while short.
        for alternative in alternatives:
            for index in self._starts.prefixed(alternative, limit, wanted, self._entity_of):
                key = self._names[index][2]
                self._keep(best, index, EXACT if key == typed_jamo else PREFIX)
        if len(best) < limit:
            for alternative in alternatives:
                for index in self._later.prefixed(alternative, limit, wanted, self._entity_of):
                    self._keep(best, index, WORD)
        if len(best) < limit and len(typed_jamo) >= INSIDE_MIN_CHARS:
            for alternative in alternatives:
                self._inside(alternative, wanted, best)
        ranked = sorted(best.items(), key=lambda item: (item[1][0], self._rank[item[0]]))
        return [
            Suggestion(self._names[index][0], self._names[index][1], match)
            for _id, (match, index) in ranked[:limit]
        ]

    def _entity_of(self, index: int) -> str:
        return self._names[index][0].id

    def _keep(self, best: dict[str, tuple[int, int]], index: int, match: int) -> None:
        entity_id = self._names[index][0].id
        current = best.get(entity_id)
        if current is None or match < current[0]:
            best[entity_id] = (match, index)

    def _inside(
        self, part: str, wanted: Callable[[int], bool], best: dict[str, tuple[int, int]]
    ) -> None:
        found = self._blob.find(part)
        seen = 0
        while found != -1 and seen < MAX_CANDIDATES:
            index = bisect.bisect_right(self._offsets, found) - 1
            if wanted(index):
                self._keep(best, index, INSIDE)
            seen += 1
            found = self._blob.find(part, found + 1)


class _SortedKeys:
    """Keys in order for prefix ranges, and the same keys in ranking order for long ranges."""

    def __init__(self, pairs: list[tuple[str, int]]) -> None:
        pairs.sort()
        self._keys = [key for key, _index in pairs]
        self._indexes = [index for _key, index in pairs]
        self._ranked = sorted(pairs, key=lambda pair: pair[1])  # name indexes follow the rank

    def prefixed(
        self,
        prefix: str,
        limit: int,
        wanted: Callable[[int], bool],
        entity_of: Callable[[int], str],
    ) -> list[int]:
        """Name indexes whose key starts with `prefix`: all of them when there are at most
        MAX_CANDIDATES, else the keys equal to `prefix` and then the best ranked ones until
        `limit` entities are found, so that one letter costs no more than a whole word."""
        low = bisect.bisect_left(self._keys, prefix)
        high = bisect.bisect_left(self._keys, prefix + _END, low)
        if high - low <= MAX_CANDIDATES:
            return [i for i in self._indexes[low:high] if wanted(i)]
        found = []
        for position in range(low, high):
            if self._keys[position] != prefix:
                break
            if wanted(self._indexes[position]):
                found.append(self._indexes[position])
        entities = {entity_of(i) for i in found}
        for key, index in self._ranked:
            if len(entities) >= limit:
                break
            if key.startswith(prefix) and wanted(index):
                found.append(index)
                entities.add(entity_of(index))
        return found
