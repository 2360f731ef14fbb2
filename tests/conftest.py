"""Shared fixtures: settings under tmp paths and one store built from the bundled data per run."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from forumgraph.config import BUNDLED_DATA, Settings, load_settings

# The default model is built from an installed package; nothing may come from a hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="session")
def base_settings() -> Settings:
    """Settings as a user gets them, without any FORUMGRAPH_* variables of the caller."""
    return load_settings(environ={})


@pytest.fixture
def settings(base_settings: Settings, tmp_path: Path) -> Settings:
    """Settings with a fresh, empty store for one test."""
    return base_settings.with_overrides(store_dir=tmp_path / "store")


@pytest.fixture(scope="session")
def shared_models(base_settings: Settings) -> dict[str, Any]:
    """The real encoders of every vector set and the Korean analyser, loaded once per test run.

    Every fixture that ingests or serves takes them from here, so that no test run pays for
    loading the same model twice.
    """
    from forumgraph.index.encoders import create_encoders
    from forumgraph.text.analyze import create_analyzer

    return {
        "encoders": create_encoders(base_settings),
        "analyzer": create_analyzer(base_settings.analyzer),
    }


@pytest.fixture(scope="session")
def query_encoders(base_settings: Settings, shared_models: dict[str, Any]) -> dict[str, Any]:
    """The serving processes' encoders: the e5 query encoder of onnxruntime (no torch), over the
    checked export that loading the shared embedder makes if it is missing, with passages going
    to that embedder; the shared USE encoder."""
    from forumgraph.index.encoders import EMBEDDING
    from forumgraph.index.query_encoder import create_query_embedder

    shared = shared_models["encoders"]
    assert shared[EMBEDDING].dim > 0  # loads the model, which exports the query encoder
    queries = create_query_embedder(base_settings, passages=shared[EMBEDDING])
    return {**shared, EMBEDDING: queries}


@pytest.fixture(scope="session")
def query_embedder(query_encoders: dict[str, Any]) -> Any:
    """The serving processes' e5 query encoder (onnxruntime, no torch)."""
    return query_encoders["embedding"]


@pytest.fixture(scope="session")
def built_store(
    base_settings: Settings,
    shared_models: dict[str, Any],
    tmp_path_factory: pytest.TempPathFactory,
) -> Settings:
    """Settings whose store holds the whole bundled corpus (built once per test run).

    Tests must not write to it; copy it or build their own for tests that change a store.
    """
    from forumgraph.ingest.pipeline import Ingester

    settings = base_settings.with_overrides(store_dir=tmp_path_factory.mktemp("built") / "store")
    inputs = [BUNDLED_DATA / "articles", BUNDLED_DATA / "schedules"]
    report = Ingester(settings, **shared_models).ingest_paths(inputs)
    assert report.ok, report.failed
    return settings
