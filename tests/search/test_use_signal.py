"""The multilingual USE as a second dense signal: real model, cross-lingual neighbours."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from forumgraph.index.use_encoder import UseEncoder
from forumgraph.models import Passage, StoredPassage
from forumgraph.search.signals.dense import encode_index


@pytest.fixture(scope="module")
def encoder(shared_models: dict[str, Any]) -> UseEncoder:
    use: UseEncoder = shared_models["encoders"]["use"]
    return use


def test_vectors_are_normalised_512_dims(encoder: UseEncoder) -> None:
    vectors = encoder.encode(["헬름 3가 출시되었다", "Helm 3 has been released"])
    assert vectors.shape == (2, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert encoder.encode([]).shape == (0, 512)


def test_translation_is_nearer_than_an_unrelated_text(encoder: UseEncoder) -> None:
    passages = [
        StoredPassage(
            Passage("a#p0", "a", 0, 0, 10, "The summit expects over 450 attendees.", "en"), 7
        ),
        StoredPassage(Passage("b#p0", "b", 0, 0, 10, "Helm removed Tiller in version 3.", "en"), 9),
    ]
    index = encode_index(encoder, passages, exact_limit=100)
    _scores, ids = index.search(encoder.encode(["서밋 예상 참석 인원은 450명 이상"]), 2)
    assert ids[0].tolist() == [7, 9]
