"""The query encoder for serving: exported and checked once, trusted only for its own weights."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from forumgraph.config import Settings
from forumgraph.errors import ConfigError
from forumgraph.index.e5convert import DEFAULT_MODEL_DIR
from forumgraph.index.embed import DEFAULT_MODEL, Embedder, create_embedder
from forumgraph.index.onnx_query import PROBES, ensure_query_export
from forumgraph.index.query_encoder import (
    EMBEDDINGS_FILE,
    ONNX_FILE,
    UNIGRAM_FILE,
    create_query_embedder,
)
from forumgraph.index.query_record import (
    EXPORT_FORMAT,
    MIN_AGREEMENT,
    RECORD_FILE,
    ExportRecord,
    export_folder,
    weights_fingerprint,
)

QUERIES = [
    "리즈 라이스는 어느 회사 소속인가?",
    "Who gave the keynote about the OODA loop at Kubernetes Forum Seoul?",
    "헬름 3 Tiller 제거",
    "KubeCon",
    "셰릴 헝 keynote CNCF survey 1,100 respondents, 컨트리뷰터 3만 5천명",
]


def _linked_copy(source: Path, target: Path) -> Path:
    """A model folder whose files are symlinks to `source`'s (same bytes, no copy)."""
    for path in source.rglob("*"):
        if path.is_file():
            link = target / path.relative_to(source)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(path)
    return target


def _cache_with(tmp_path: Path, model_dir: Path, export: Path | None) -> Path:
    """A model cache holding (links to) the default model and, if given, an export."""
    cache = tmp_path / "models"
    _linked_copy(model_dir, cache / DEFAULT_MODEL_DIR)
    if export is not None:
        _linked_copy(export, export_folder(cache, DEFAULT_MODEL))
    return cache


@pytest.fixture(scope="module")
def installed_export(base_settings: Settings, query_embedder: Any) -> Path:
    """The export that the test run's serving embedder reads (made by loading the model)."""
    return export_folder(base_settings.model_cache_dir, DEFAULT_MODEL)


def test_serving_encodes_queries_like_sentence_transformers(
    query_embedder: Any, embedder: Embedder
) -> None:
    # One padded batch of queries of different lengths and one query at a time.
    batch = query_embedder.encode_queries(QUERIES)
    single = np.vstack([query_embedder.encode_queries([q]) for q in QUERIES])
    reference = embedder.encode_queries(QUERIES)
    assert (query_embedder.query_backend, embedder.query_backend) == ("onnx", "torch")  # type: ignore[attr-defined]
    assert batch.dtype == np.float32 and batch.shape == reference.shape
    assert np.sum(batch * reference, axis=1).min() >= 0.99999
    assert np.sum(single * reference, axis=1).min() >= 0.99999
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)


def test_passages_stay_with_sentence_transformers(query_embedder: Any, embedder: Embedder) -> None:
    passages = ["쿠버네티스 포럼 서울 2019는 12월 9일과 10일에 열렸다."]
    assert np.array_equal(
        query_embedder.encode_passages(passages), embedder.encode_passages(passages)
    )


def test_the_record_says_what_was_checked(installed_export: Path, default_model_dir: Path) -> None:
    record = ExportRecord.load(installed_export)
    assert record is not None and record.passed
    assert record.format == EXPORT_FORMAT
    assert record.fingerprint == weights_fingerprint(default_model_dir)
    assert record.agreement >= MIN_AGREEMENT and record.probes == len(PROBES)
    assert record.tokenizer == "unigram" and record.query_prefix == "query: "
    assert record.inputs[0] == "inputs_embeds"
    # The word embeddings sit beside the graph, not in it: serving memory-maps them.
    table = np.load(installed_export / EMBEDDINGS_FILE, mmap_mode="r")
    assert table.shape[0] >= 250_002 and table.shape[1] == record.dim  # one row per piece
    assert (installed_export / ONNX_FILE).stat().st_size < table.nbytes / 2


def test_serving_trusts_a_matching_record(
    base_settings: Settings, default_model_dir: Path, installed_export: Path, tmp_path: Path
) -> None:
    cache = _cache_with(tmp_path, default_model_dir, installed_export)
    embedder = create_query_embedder(base_settings.with_overrides(model_cache_dir=cache))
    assert embedder.encode_queries(["서울 포럼"]).shape == (1, 384)


def test_serving_refuses_a_missing_export(
    base_settings: Settings, default_model_dir: Path, tmp_path: Path
) -> None:
    cache = _cache_with(tmp_path, default_model_dir, export=None)
    with pytest.raises(ConfigError, match="no checked ONNX export") as info:
        create_query_embedder(base_settings.with_overrides(model_cache_dir=cache))
    assert "forumgraph models install" in (info.value.hint or "")


def test_serving_refuses_an_export_of_other_weights(
    base_settings: Settings, default_model_dir: Path, installed_export: Path, tmp_path: Path
) -> None:
    cache = _cache_with(tmp_path, default_model_dir, installed_export)
    # The model changes after the export was made (here: one of its files).
    config = cache / DEFAULT_MODEL_DIR / "config.json"
    changed = json.loads(config.read_text()) | {"note": "fine-tuned"}
    config.unlink()
    config.write_text(json.dumps(changed))
    with pytest.raises(ConfigError, match="other weights") as info:
        create_query_embedder(base_settings.with_overrides(model_cache_dir=cache))
    assert "forumgraph models install" in (info.value.hint or "")


def test_serving_refuses_an_export_that_failed_its_check(
    base_settings: Settings, default_model_dir: Path, installed_export: Path, tmp_path: Path
) -> None:
    cache = _cache_with(tmp_path, default_model_dir, installed_export)
    folder = export_folder(cache, DEFAULT_MODEL)
    data = json.loads((folder / RECORD_FILE).read_text())
    (folder / RECORD_FILE).unlink()
    failed = data | {"passed": False, "reason": "its vectors differ (cosine 0.97)"}
    (folder / RECORD_FILE).write_text(json.dumps(failed))
    with pytest.raises(ConfigError, match=r"cosine 0\.97") as info:
        create_query_embedder(base_settings.with_overrides(model_cache_dir=cache))
    assert "query_encoder = torch" in (info.value.hint or "")


def test_query_encoder_torch_keeps_sentence_transformers(base_settings: Settings) -> None:
    embedder = create_query_embedder(base_settings.with_overrides(query_encoder="torch"))
    assert embedder.query_backend == "torch"


def test_the_export_is_made_once_and_again_when_the_model_changes(
    default_model_dir: Path, tmp_path: Path
) -> None:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(default_model_dir), device="cpu")
    folder = _linked_copy(default_model_dir, tmp_path / "model")
    record = ensure_query_export(model, "e5", folder, tmp_path / "cache")
    out = export_folder(tmp_path / "cache", "e5")
    assert record is not None and record.passed
    assert {p.name for p in out.iterdir()} == {
        ONNX_FILE,
        EMBEDDINGS_FILE,
        UNIGRAM_FILE,
        RECORD_FILE,
    }
    exported = (out / ONNX_FILE).stat().st_mtime_ns
    assert ensure_query_export(model, "e5", folder, tmp_path / "cache") == record
    assert (out / ONNX_FILE).stat().st_mtime_ns == exported  # same weights: no new export

    (folder / "modules.json").unlink()
    shutil.copy(default_model_dir / "modules.json", folder / "modules.json")
    with (folder / "modules.json").open("a") as fh:
        fh.write("\n")
    again = ensure_query_export(model, "e5", folder, tmp_path / "cache")
    assert again is not None and again.passed and again.fingerprint != record.fingerprint
    assert (out / ONNX_FILE).stat().st_mtime_ns != exported
    assert [p.name for p in out.parent.iterdir() if not p.name.endswith(".lock")] == [out.name]


def test_a_pipeline_without_mean_or_cls_pooling_is_refused_for_serving(
    base_settings: Settings, default_model_dir: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "models"
    folder = _linked_copy(default_model_dir, tmp_path / "max-pooling")
    pooling = folder / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    config.update(pooling_mode_mean_tokens=False, pooling_mode_max_tokens=True)
    pooling.unlink()
    pooling.write_text(json.dumps(config))
    settings = base_settings.with_overrides(embedding_model=str(folder), model_cache_dir=cache)
    assert create_embedder(settings).dim == 384  # loading exports (here: records a refusal)
    record = ExportRecord.load(export_folder(cache, str(folder)))
    assert record is not None and not record.passed and "pooling" in record.reason
    with pytest.raises(ConfigError, match="cannot be encoded by onnxruntime") as info:
        create_query_embedder(settings)
    assert "query_encoder = torch" in (info.value.hint or "")


def test_an_unknown_query_encoder_is_a_config_error(base_settings: Settings) -> None:
    with pytest.raises(ConfigError, match="query_encoder"):
        base_settings.with_overrides(query_encoder="tensorflow")
