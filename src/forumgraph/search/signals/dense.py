"""Dense signals: one per named vector set (`embedding`, `use`), ranked by cosine similarity.

Multilingual encoders score same-language pairs higher, which buries cross-lingual hits, and short
talk lines score differently from long article passages; so by default each passage language and
result type is ranked on its own and scores become z-scores within it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import cast

import numpy as np

from forumgraph.index.backend import Restriction, VectorIndex
from forumgraph.index.dense import DenseIndex
from forumgraph.index.encoders import Encoder
from forumgraph.index.where import Where
from forumgraph.models import StoredPassage
from forumgraph.search.filters import PASSAGE, RESULT_TYPES, SearchFilters
from forumgraph.search.signals.base import Query, Ranking, SignalEnv

# language group -> (mean, standard deviation) of the scores its z-scores were taken over
LanguageStats = dict[str, tuple[float, float]]
ENCODE_BATCH = 64


def language_group(lang: str) -> str:
    """Mixed passages are mostly Korean text quoting Latin names: they compare with Korean."""
    return "ko" if lang in {"ko", "mixed"} else lang


def balance_group(lang: str, result_type: str | None) -> str:
    """The group whose score statistics a passage's dense score is normalised by: its language
    group and its result type (a talk line of a dozen words scores differently from an article
    passage of two hundred)."""
    group = language_group(lang)
    return group if result_type in (PASSAGE, None) else f"{group}/{result_type}"


class DenseSignal:
    """Passages closest in meaning to the query under one vector set's encoder."""

    def __init__(self, name: str, set_name: str, env: SignalEnv, index: VectorIndex) -> None:
        self.name = name
        self.set_name = set_name
        self._env = env
        self._index = index
        self._encoder = env.encoders[set_name]
        self._language_filters = lru_cache(maxsize=64)(self._language_filters_uncached)

    def rank(self, query: Query) -> Ranking:
        return self.ranking_and_stats(query)[0]

    def vector(self, query: Query) -> np.ndarray:
        """The query's vector in this set (encoded once per query)."""
        encode = self._encoder.encode_queries
        vector = query.once(("vector", self.set_name), lambda: _first_row(encode, query.text))
        return cast(np.ndarray, vector)

    def ranking_and_stats(self, query: Query) -> tuple[Ranking, LanguageStats]:
        """The ranking, and per language group the statistics its scores were normalised by
        (computed once per query; the graph signal reads them too)."""
        found = query.once(("dense", self.set_name), lambda: self._search(query))
        return cast(tuple[Ranking, LanguageStats], found)

    def _search(self, query: Query) -> tuple[Ranking, LanguageStats]:
        vector = self.vector(query).reshape(1, -1)
        options = self._env.options
        groups = self._language_filters(query.filters) if options.balance_languages else {}
        if len(groups) < 2:
            allowed = None
            if query.allowed is not None:
                where = self._env.filters.where(query.filters)
                allowed = self._index.restriction(query.allowed[1], where)
            scores, ids = self._index.search(vector, query.pool, allowed=allowed)
            return self._passage_ranking(scores[0], ids[0]), {}
        merged: Ranking = []
        stats: LanguageStats = {}
        for name, group in groups.items():
            pool = max(query.pool, options.language_sample)
            scores, ids = self._index.search(vector, pool, allowed=group)
            found = ids[0] >= 0
            values = scores[0][found]
            if len(values) < 2 or float(values.std()) == 0.0:
                continue
            stats[name] = (float(values.mean()), float(values.std()))
            normalised = (values - stats[name][0]) / stats[name][1]
            merged += self._passage_ranking(normalised, ids[0][found])
        merged.sort(key=lambda item: -item[1])
        return merged[: query.pool], stats

    def _language_filters_uncached(self, filters: SearchFilters) -> dict[str, Restriction]:
        """One restriction per balance group (Korean with mixed, English, ...; talks apart)
        under the filters, as the group's vector ids (which every index backend takes)."""
        passage_filters = self._env.filters
        groups: dict[str, set[int]] = {}
        for language in [filters.lang] if filters.lang else passage_filters.languages():
            kinds: list[str | None] = [filters.result_type]
            if filters.result_type is None and self._env.options.balance_result_types:
                kinds = list(RESULT_TYPES)
            for kind in kinds:
                chosen = replace(filters, lang=language, result_type=kind)
                allowed = passage_filters.allowed(chosen)
                if allowed is not None and len(allowed[1]):
                    group = groups.setdefault(balance_group(language, kind), set())
                    group.update(allowed[1].tolist())
        out: dict[str, Restriction] = {}
        for name, ids in groups.items():
            vector_ids = np.fromiter(sorted(ids), np.int64, len(ids))
            where = Where(vector_ids=tuple(int(i) for i in vector_ids))
            out[name] = self._index.restriction(vector_ids, where)
        return out

    def _passage_ranking(self, scores: np.ndarray, ids: np.ndarray) -> Ranking:
        by_vector_id = self._env.snapshot.by_vector_id
        out = []
        for score, vector_id in zip(scores, ids, strict=True):
            stored = by_vector_id.get(int(vector_id))
            if vector_id >= 0 and stored is not None:
                out.append((stored.passage.passage_id, float(score)))
        return out


def dense_signal(name: str, set_name: str, env: SignalEnv) -> DenseSignal | None:
    """The dense signal over the vector set `set_name`, or None when it is not configured."""
    encoder = env.encoders.get(set_name)
    if encoder is None:
        return None
    snapshot = env.snapshot
    kept = snapshot.vector_sets.get(set_name)
    index: VectorIndex
    if kept is not None and kept.model == encoder.model_name:
        index = snapshot.vectors(set_name)
    elif snapshot.passages:
        # A generation written before this set was configured: encode its passages once here.
        index = encode_index(encoder, snapshot.passages.values(), env.settings.exact_search_limit)
    else:
        return None
    return DenseSignal(name, set_name, env, index)


def encode_index(
    encoder: Encoder, passages: Iterable[StoredPassage], exact_limit: int
) -> DenseIndex:
    """A DenseIndex of `encoder`'s vectors of `passages` under their own vector ids."""
    stored = list(passages)
    index = DenseIndex.create(encoder.dim, exact_limit)
    for start in range(0, len(stored), ENCODE_BATCH):
        batch = stored[start : start + ENCODE_BATCH]
        vectors = encoder.encode_passages([s.passage.text for s in batch])
        index.add(np.array([s.vector_id for s in batch], np.int64), vectors)
    return index


def _first_row(encode: Callable[[Sequence[str]], np.ndarray], text: str) -> np.ndarray:
    row: np.ndarray = np.asarray(encode([text]), np.float32)[0]
    return row
