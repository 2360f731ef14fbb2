"""The graph signal: passages that mention the entities the query names, in any script.

Rarer entities weigh more (idf over passages); ties go to the passage closest in meaning,
measured like the dense signal of the `embedding` set (balanced by language and result type).
"""

from __future__ import annotations

import math

import numpy as np

from forumgraph.index.encoders import EMBEDDING
from forumgraph.search.filters import PASSAGE, TALK
from forumgraph.search.signals.base import Query, Ranking, SignalEnv
from forumgraph.search.signals.dense import DenseSignal, balance_group

# Weight of meaning (a dense z-score, about -2..4) against entity matches (idf, about 1..6)
# in the graph signal's order: it decides between passages naming the same entities.
GRAPH_TIE_BREAK = 0.25
# The signal whose language statistics the tie-break scores are normalised by.
DENSE = "dense"


class GraphSignal:
    """Passages mentioning the linked entities."""

    name = "graph"

    def __init__(self, env: SignalEnv, meaning: DenseSignal) -> None:
        self._env = env
        self._meaning = meaning

    def rank(self, query: Query) -> Ranking:
        if not query.links:
            return []
        snapshot, options = self._env.snapshot, self._env.options
        total = max(1, len(snapshot.passages))
        weight: dict[str, float] = {}
        for link in query.links:
            mentions = self._env.mentions.get(link.entity.id, [])
            if not mentions or len(mentions) > options.graph_max_passages:
                continue
            idf = math.log(1 + total / len(mentions))
            for pid in mentions:
                if query.allowed is None or pid in query.allowed[0]:
                    weight[pid] = weight.get(pid, 0.0) + link.confidence * idf
        if not weight:
            return []
        stats = self._meaning.ranking_and_stats(query)[1] if DENSE in query.signals else {}
        pids = list(weight)
        stored = [snapshot.passages[p] for p in pids]
        vector_ids = np.array([s.vector_id for s in stored], np.int64)
        similarity = snapshot.dense().reconstruct(vector_ids) @ self._meaning.vector(query)
        ranked = []
        for pid, passage, sim in zip(pids, stored, similarity, strict=True):
            kind = TALK if pid in snapshot.talks and options.balance_result_types else PASSAGE
            mean, spread = stats.get(balance_group(passage.passage.lang, kind), (0.0, 1.0))
            ranked.append((pid, weight[pid] + GRAPH_TIE_BREAK * (float(sim) - mean) / spread))
        ranked.sort(key=lambda item: -item[1])
        return ranked[: query.pool]


def build(env: SignalEnv) -> GraphSignal | None:
    if EMBEDDING not in env.encoders:
        return None
    return GraphSignal(env, DenseSignal(DENSE, EMBEDDING, env, env.snapshot.dense()))
