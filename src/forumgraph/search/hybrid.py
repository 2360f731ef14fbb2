"""Fusion of ranked lists from several retrieval signals: reciprocal-rank or weighted scores.

Each signal gives (passage id, score) pairs, best first. Reciprocal-rank fusion (RRF) uses only
the ranks, so signals with incomparable scales (cosine, BM25, entity counts) mix without
calibration; weighted fusion min-max normalises each signal's scores and adds them. Which one
and which weights: measured on the development set by scripts/eval_search.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from forumgraph.errors import ConfigError

Ranking = Sequence[tuple[str, float]]

RRF = "rrf"
WEIGHTED = "weighted"
METHODS = (RRF, WEIGHTED)


@dataclass(frozen=True)
class FusionConfig:
    """How signals are fused: the method, per-signal weights and RRF's rank constant."""

    method: str = RRF
    weights: Mapping[str, float] = field(default_factory=dict)
    rrf_k: int = 60

    def weight(self, signal: str) -> float:
        """The weight of `signal` (1.0 when not given)."""
        return float(self.weights.get(signal, 1.0))


def fuse(signals: Mapping[str, Ranking], config: FusionConfig) -> list[tuple[str, float]]:
    """One ranking from several, best first; ties keep the order of first appearance."""
    if config.method == RRF:
        fused = reciprocal_rank_fusion(signals, config)
    elif config.method == WEIGHTED:
        fused = weighted_score_fusion(signals, config)
    else:
        raise ConfigError(
            f"Unknown fusion method '{config.method}'.", hint=f"Use one of: {', '.join(METHODS)}."
        )
    order = {key: n for n, key in enumerate(fused)}
    return sorted(fused.items(), key=lambda item: (-item[1], order[item[0]]))


def reciprocal_rank_fusion(
    signals: Mapping[str, Ranking], config: FusionConfig
) -> dict[str, float]:
    """Sum over signals of weight / (rrf_k + rank), ranks from 1."""
    fused: dict[str, float] = {}
    for name, ranking in signals.items():
        weight = config.weight(name)
        if weight == 0:
            continue
        for rank, (key, _score) in enumerate(ranking, 1):
            fused[key] = fused.get(key, 0.0) + weight / (config.rrf_k + rank)
    return fused


def weighted_score_fusion(signals: Mapping[str, Ranking], config: FusionConfig) -> dict[str, float]:
    """Sum over signals of weight * min-max normalised score (0 where a signal lacks the key)."""
    fused: dict[str, float] = {}
    for name, ranking in signals.items():
        weight = config.weight(name)
        if weight == 0 or not ranking:
            continue
        values = [score for _key, score in ranking]
        low, high = min(values), max(values)
        span = high - low
        for key, score in ranking:
            normalised = (score - low) / span if span > 0 else 1.0
            fused[key] = fused.get(key, 0.0) + weight * normalised
    return fused
