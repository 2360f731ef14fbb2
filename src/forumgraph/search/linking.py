"""Entities named in a search query, in either script and any alias, for the graph signal.

Two ways to link: a known name or alias of an entity appears in the query (`댄 컨`, `Dan Kohn`,
`Brandom Lum`, with Korean particles allowed after it: `셰릴 헝의`); or a Hangul span of the query
sounds like the Latin name of a known person, project or organisation that no document writes in
Hangul (`브렌던 럼` ~ Brandon Lum), found with the ingester's transliteration similarity.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from forumgraph.models import Entity, EntityType
from forumgraph.text.analyze import Analyzer
from forumgraph.text.hangul import SYLLABLE_FIRST, SYLLABLE_LAST, has_hangul, is_hangul_word
from forumgraph.text.keys import name_key
from forumgraph.text.language import LATIN
from forumgraph.text.particles import stems
from forumgraph.text.tokenize import ENGLISH_STOP_WORDS

MAX_NAME_WORDS = 8
# Types whose Latin names a Hangul transliteration may refer to.
TRANSLITERATED_TYPES = frozenset({EntityType.PERSON, EntityType.PROJECT, EntityType.ORGANIZATION})
# Similarity a Hangul span needs to stand for a Latin name (ingest.names scale, 0..1). A single
# Hangul word is more often an ordinary loanword ("세션", "클라우드") than a name, so it must be
# longer, sound closer and be tagged a proper noun by the analyser.
TRANSLITERATION_THRESHOLD = 0.85
SINGLE_WORD_THRESHOLD = 0.9
SINGLE_WORD_MIN_SYLLABLES = 3
PARTICLE_TIE_MARGIN = 0.03
MAX_LINKS_PER_SPAN = 3

# Query words: Hangul runs and runs of other non-space, non-punctuation characters, so that
# "헬름3" or "Kubernetes가" split where the script changes (names are matched without spaces).
_SYLLABLES = f"{SYLLABLE_FIRST}-{SYLLABLE_LAST}"
_WORD = re.compile(rf"[{_SYLLABLES}]+|[^\s{_SYLLABLES}\"'“”‘’()\[\]{{}}<>,.?!:;…·]+")


@dataclass(frozen=True)
class LinkedEntity:
    """An entity the query names: where (`start`, `end` in the query), how, and how surely."""

    entity: Entity
    start: int
    end: int
    surface: str
    method: str  # "name" (a known name or alias) or "transliteration"
    confidence: float

    def other_names(self) -> list[str]:
        """The entity's names other than the one the query used, for query expansion."""
        seen = {name_key(self.surface)}
        out = []
        for name in (*self.entity.names, *self.entity.alternate_names):
            key = name_key(name.text)
            if key and key not in seen:
                seen.add(key)
                out.append(name.text)
        return out


class QueryLinker:
    """Finds entities in query text; built once per snapshot."""

    def __init__(
        self,
        entities: Iterable[Entity],
        similarity: Callable[[str, str, float], float] | None = None,
        name_like: Callable[[str, bool], bool] | None = None,
        sound_key: Callable[[str], str] | None = None,
    ) -> None:
        """`similarity(hangul, latin, floor)` scores transliterations, 0.0 for a score below
        `floor` (none: no such links);
        `name_like(word, in_phrase)` tells whether a Hangul word, alone or within a phrase of
        several words, may be (part of) a foreign name rather than an ordinary Korean word
        (none: never);
        `sound_key(name)` is a cheap key in which both spellings of a name sound alike, used
        to skip names that cannot match before the costlier similarity."""
        self._by_key: dict[str, list[Entity]] = {}
        self._sound_key = sound_key or (lambda name: name[:1].lower())
        # Latin names by the first character of their sound key: (name, words, key length).
        self._latin: dict[str, list[tuple[str, int, int, Entity]]] = {}
        for entity in entities:
            for name in (*entity.names, *entity.alternate_names):
                key = name_key(name.text)
                # Short or stop-word names ("At", "Go", "The") would link ordinary words.
                if len(key) < 2 or key in ENGLISH_STOP_WORDS:
                    continue
                bucket = self._by_key.setdefault(key, [])
                if entity not in bucket:
                    bucket.append(entity)
                latin_only = LATIN.search(name.text) and not has_hangul(name.text)
                if entity.type in TRANSLITERATED_TYPES and latin_only:
                    key = self._sound_key(name.text).replace(" ", "")
                    if key:
                        entry = (name.text, len(name.text.split()), len(key), entity)
                        self._latin.setdefault(key[0], []).append(entry)
        self._similarity = similarity
        self._name_like = name_like

    def link(self, query: str) -> list[LinkedEntity]:
        """Entities named in `query`, in query order; longest names win where spans overlap."""
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(query)]
        found = self._exact(query, words)
        taken = [(link.start, link.end) for link in found]
        found += self._transliterated(query, words, taken)
        return sorted(found, key=lambda link: (link.start, -link.confidence))

    def _exact(self, query: str, words: list[tuple[int, int, str]]) -> list[LinkedEntity]:
        candidates: list[tuple[int, int, list[Entity]]] = []
        for i in range(len(words)):
            for j in range(min(len(words), i + MAX_NAME_WORDS), i, -1):
                span = _lookup_span(words[i:j], self._by_key)
                if span is not None:
                    candidates.append((words[i][0], span[0], span[1]))
                    break
        # Longest first; drop spans overlapping a longer one already chosen.
        chosen: list[tuple[int, int, list[Entity]]] = []
        for start, end, entities in sorted(candidates, key=lambda c: c[0] - c[1]):
            if all(end <= s or start >= e for s, e, _ in chosen):
                chosen.append((start, end, entities))
        return [
            LinkedEntity(entity, start, end, query[start:end], "name", 1.0)
            for start, end, entities in chosen
            for entity in entities[:MAX_LINKS_PER_SPAN]
        ]

    def _transliterated(
        self, query: str, words: list[tuple[int, int, str]], taken: list[tuple[int, int]]
    ) -> list[LinkedEntity]:
        if self._similarity is None or not self._latin:
            return []
        links: list[LinkedEntity] = []
        hangul = [w for w in words if is_hangul_word(w[2])]
        for i in range(len(hangul)):
            for j in range(min(len(hangul), i + 3), i, -1):
                group = hangul[i:j]
                if not all(_free(w, taken) for w in group) or not _adjacent(query, group):
                    continue
                best = self._best_group_match(group)
                if best is not None:
                    entity, score, end = best
                    start = group[0][0]
                    surface = query[start:end]
                    links.append(
                        LinkedEntity(entity, start, end, surface, "transliteration", score)
                    )
                    taken = [*taken, (start, end)]
                    break
        return links

    def _best_group_match(
        self, group: list[tuple[int, int, str]]
    ) -> tuple[Entity, float, int] | None:
        """(entity, score, end offset) of the best Latin name for the words; the last word is
        tried with and without a trailing particle."""
        # Ordinary words ("참석 인원") sound like some name among thousands of speakers: at
        # least one word, as typed (particles and all), must look like a foreign name.
        name_like, in_phrase = self._name_like, len(group) > 1
        if name_like is None or not any(name_like(w[2], in_phrase) for w in group):
            return None
        best: tuple[Entity, float, int] | None = None
        for variant in _particle_variants(group[-1][2]):
            hangul = " ".join([*(w[2] for w in group[:-1]), variant])
            threshold = TRANSLITERATION_THRESHOLD
            if len(group) == 1:
                if len(variant) < SINGLE_WORD_MIN_SYLLABLES:
                    continue
                threshold = SINGLE_WORD_THRESHOLD
            match = self._best_latin(hangul, len(group), threshold)
            # Variants come whole word first: a name followed by a particle (콜드워터의) is far
            # more common than a name ending in one, so a near tie goes to the shorter form.
            margin = 0.0 if best is None else PARTICLE_TIE_MARGIN
            if match is not None and (best is None or match[1] > best[1] - margin):
                best = (match[0], match[1], group[-1][0] + len(variant))
        return best

    def _best_latin(
        self, hangul: str, word_count: int, threshold: float
    ) -> tuple[Entity, float] | None:
        similarity = self._similarity
        if similarity is None:
            return None
        key = self._sound_key(hangul).replace(" ", "")
        if not key:
            return None
        best: tuple[Entity, float] | None = None
        # A different first sound or a much longer or shorter name cannot reach the threshold.
        for latin, words, length, entity in self._latin.get(key[0], ()):
            # Spaced Hangul names keep the word count; one Hangul word may spell a few.
            fits = words == word_count if word_count > 1 else words <= 3
            if not fits or abs(length - len(key)) > max(2, len(key) // 2):
                continue
            # Only a score above the best so far matters: cheaper bounds rule most names out.
            score = similarity(hangul, latin, max(threshold, best[1] if best else 0.0))
            if score >= threshold and (best is None or score > best[1]):
                best = (entity, score)
        return best


def name_like_with(analyzer: Analyzer) -> Callable[[str, bool], bool]:
    """A `name_like` test from the analyser: a Hangul word it reads as a proper noun, or as
    nouns it had to split into syllables (빅|키), is a possible foreign name; so is, within a
    phrase of several words (브렌던 럼, 이안 콜드워터), one noun its dictionary lacks. An
    ordinary dictionary word (참석, 세션), a compound (질의|응답) or a verb form is not; alone,
    an unknown noun is more often a loanword (커미터, 리퀘스트) than a name."""

    def name_like(word: str, in_phrase: bool = False) -> bool:
        tokens = [t for t in analyzer.tokens(word) if not t.tag.startswith(("J", "E"))]
        if any(t.tag == "NNP" for t in tokens):
            return True
        unknown = len(tokens) == 1 and tokens[0].unknown and tokens[0].tag.startswith("NN")
        if in_phrase and unknown:
            return True
        # Split into nouns with a one-syllable piece: an unknown word, not a compound (질의|응답).
        nouns = len(tokens) >= 2 and all(t.tag in {"NNG", "NNP"} for t in tokens)
        return nouns and any(len(t.form) == 1 for t in tokens)

    return name_like


def entities_by_id(entities: Mapping[str, Entity], ids: Iterable[str]) -> list[Entity]:
    """The entities of `ids` that exist, in order, without repeats."""
    seen: set[str] = set()
    out = []
    for entity_id in ids:
        if entity_id in entities and entity_id not in seen:
            seen.add(entity_id)
            out.append(entities[entity_id])
    return out


def _lookup_span(
    words: list[tuple[int, int, str]], by_key: Mapping[str, list[Entity]]
) -> tuple[int, list[Entity]] | None:
    """(end offset, entities) if the words, the last maybe without a particle, form a name."""
    head = "".join(w[2] for w in words[:-1])
    last_start, _last_end, last = words[-1]
    for variant in _particle_variants(last):
        key = name_key(head + variant)
        entities = by_key.get(key)
        # A name of three letters or fewer must be typed as written ("IBM", not "ibm" or "at").
        if entities and (len(key) > 3 or _typed_as_written(head + variant, entities)):
            return last_start + len(variant), entities
    return None


def _typed_as_written(surface: str, entities: list[Entity]) -> bool:
    written = {n.text.replace(" ", "") for e in entities for n in (*e.names, *e.alternate_names)}
    return surface in written or has_hangul(surface)


def _particle_variants(word: str) -> list[str]:
    """The word as typed, then the names it may carry before particles, shortest first."""
    return [word, *stems(word)]


def _adjacent(query: str, group: list[tuple[int, int, str]]) -> bool:
    """True when only spaces separate the words in the query."""
    return all(not query[a[1] : b[0]].strip() for a, b in itertools.pairwise(group))


def _free(word: tuple[int, int, str], taken: list[tuple[int, int]]) -> bool:
    return all(word[1] <= s or word[0] >= e for s, e in taken)
