"""Fixtures for store updates: the real models loaded once, and a small corpus that changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from living_support import V1, Models

from forumgraph.config import Settings
from forumgraph.ingest.pipeline import Ingester


@pytest.fixture(scope="session")
def models(base_settings: Settings) -> Models:
    from forumgraph.index.embed import create_embedder
    from forumgraph.ingest.analyze import create_analyzer

    embedder = create_embedder(base_settings)
    embedder.encode_passages(["warm up"])  # load now, not inside the first timed test
    return Models(embedder, create_analyzer(base_settings.analyzer))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder holding the first edition of the living corpus; tests edit it in place."""
    folder = tmp_path / "corpus"
    shutil.copytree(V1, folder)
    return folder


@pytest.fixture
def ingester(settings: Settings, models: Models) -> Ingester:
    return Ingester(settings, embedder=models.embedder, analyzer=models.analyzer)
