"""Queries through onnxruntime: the same vectors as sentence-transformers, an export kept once."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from forumgraph.config import Settings
from forumgraph.errors import ConfigError
from forumgraph.index.embed import Embedder, create_embedder
from forumgraph.index.onnx_query import ONNX_FILE, SOURCE_FILE, build_onnx_query_encoder

QUERIES = [
    "리즈 라이스는 어느 회사 소속인가?",
    "Who gave the keynote about the OODA loop at Kubernetes Forum Seoul?",
    "헬름 3 Tiller 제거",
    "KubeCon",
    "셰릴 헝 keynote CNCF survey 1,100 respondents, 컨트리뷰터 3만 5천명",
]


@pytest.fixture(scope="module")
def torch_embedder(base_settings: Settings) -> Embedder:
    return create_embedder(base_settings.with_overrides(query_encoder="torch"))


def test_the_default_encodes_queries_with_onnxruntime(embedder: Embedder) -> None:
    assert embedder.query_backend == "onnx"


def test_onnx_and_torch_give_the_same_query_vectors(
    embedder: Embedder, torch_embedder: Embedder
) -> None:
    # One batch of queries of different lengths (padding) and one at a time.
    batch = embedder.encode_queries(QUERIES)
    single = np.vstack([embedder.encode_queries([q]) for q in QUERIES])
    reference = torch_embedder.encode_queries(QUERIES)
    assert torch_embedder.query_backend == "torch"
    assert batch.dtype == np.float32 and batch.shape == reference.shape
    assert np.sum(batch * reference, axis=1).min() >= 0.99999
    assert np.sum(single * reference, axis=1).min() >= 0.99999
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)


def test_passages_stay_with_sentence_transformers(
    embedder: Embedder, torch_embedder: Embedder
) -> None:
    passages = ["쿠버네티스 포럼 서울 2019는 12월 9일과 10일에 열렸다."]
    ours, reference = embedder.encode_passages(passages), torch_embedder.encode_passages(passages)
    assert np.array_equal(ours, reference)


def test_the_export_is_reused_and_rebuilt_when_the_model_changes(
    default_model_dir: Path, tmp_path: Path
) -> None:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(default_model_dir), device="cpu")
    assert build_onnx_query_encoder(model, "e5", tmp_path, threads=2) is not None
    (folder,) = (tmp_path / "onnx").iterdir()
    exported = (folder / ONNX_FILE).stat().st_mtime_ns
    assert build_onnx_query_encoder(model, "e5", tmp_path, threads=2) is not None
    assert (folder / ONNX_FILE).stat().st_mtime_ns == exported  # same weights: no new export

    (folder / SOURCE_FILE).write_text(json.dumps({"fingerprint": "other weights"}))
    assert build_onnx_query_encoder(model, "e5", tmp_path, threads=2) is not None
    assert (folder / ONNX_FILE).stat().st_mtime_ns != exported
    assert json.loads((folder / SOURCE_FILE).read_text())["fingerprint"] != "other weights"
    assert sorted(p.name for p in (tmp_path / "onnx").iterdir()) == [folder.name]


def test_an_unknown_query_encoder_is_a_config_error(base_settings: Settings) -> None:
    with pytest.raises(ConfigError, match="query_encoder"):
        base_settings.with_overrides(query_encoder="tensorflow")
