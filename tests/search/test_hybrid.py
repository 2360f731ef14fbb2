"""Fusion of ranked lists: reciprocal-rank and weighted scores."""

from __future__ import annotations

import pytest

from forumgraph.errors import ConfigError
from forumgraph.search.hybrid import FusionConfig, fuse

SIGNALS = {
    "dense": [("a", 0.9), ("b", 0.8), ("c", 0.1)],
    "bm25": [("b", 12.0), ("d", 3.0)],
}


def test_rrf_rewards_agreement_between_signals() -> None:
    fused = fuse(SIGNALS, FusionConfig("rrf", rrf_k=60))
    assert [key for key, _ in fused] == ["b", "a", "d", "c"]
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61)


def test_rrf_weights_scale_each_signal() -> None:
    fused = fuse(SIGNALS, FusionConfig("rrf", {"dense": 0.0, "bm25": 1.0}))
    assert [key for key, _ in fused] == ["b", "d"]


def test_weighted_fusion_normalises_each_signal_to_0_1() -> None:
    fused = dict(fuse(SIGNALS, FusionConfig("weighted", {"dense": 1.0, "bm25": 2.0})))
    assert fused["b"] == pytest.approx((0.8 - 0.1) / 0.8 + 2.0)
    assert fused["d"] == pytest.approx(0.0)
    assert fused["a"] == pytest.approx(1.0)


def test_empty_signals_fuse_to_nothing() -> None:
    assert fuse({"dense": [], "bm25": []}, FusionConfig()) == []


def test_unknown_method_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="Unknown fusion method"):
        fuse(SIGNALS, FusionConfig("borda"))
