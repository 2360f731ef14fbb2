"""The lexical signal: BM25 over Kiwi morphemes and stemmed words, with the linked entities'
other names (their other script, their aliases) added to the query, weighted by link confidence."""

from __future__ import annotations

from forumgraph.search.signals.base import Query, Ranking, SignalEnv
from forumgraph.text.tokenize import tokenize_for_index


class Bm25Signal:
    """Exact names, numbers and rare terms."""

    name = "bm25"

    def __init__(self, env: SignalEnv) -> None:
        self._env = env

    def rank(self, query: Query) -> Ranking:
        analyzer = self._env.analyzer
        tokens = tokenize_for_index(query.text, None, analyzer)
        weights = [1.0] * len(tokens)
        seen = set(tokens)
        for link in query.links:
            for name in link.other_names():
                for token in tokenize_for_index(name, None, analyzer):
                    if token not in seen:
                        seen.add(token)
                        tokens.append(token)
                        weights.append(self._env.options.expansion_weight * link.confidence)
        if not tokens:
            return []
        if query.allowed is None:
            return self._env.snapshot.lexical().search(tokens, query.pool, weights=weights)
        return self._env.snapshot.lexical().search(
            tokens,
            query.pool,
            weights=weights,
            allowed=query.allowed[0],
            where=self._env.filters.where(query.filters),
        )


def build(env: SignalEnv) -> Bm25Signal:
    return Bm25Signal(env)
