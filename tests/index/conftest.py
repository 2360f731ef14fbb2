"""Index fixtures: the real default embedding model, built once and loaded once per test run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from forumgraph.config import Settings
from forumgraph.index.embed import Embedder


@pytest.fixture(scope="session")
def default_model_dir(base_settings: Settings) -> Path:
    """The converted multilingual-e5-small folder, in the cache that `make install` fills."""
    from forumgraph.index.e5convert import install_default_model

    return install_default_model(base_settings.model_cache_dir)


@pytest.fixture(scope="session")
def embedder(default_model_dir: Path, shared_models: dict[str, Any]) -> Embedder:
    """The default embedder (the real model) that the whole test run shares."""
    shared: Embedder = shared_models["encoders"]["embedding"]
    return shared
