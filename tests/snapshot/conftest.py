"""Fixtures for store updates: the real models loaded once, and a small corpus that changes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from living_support import V1, Models

from forumgraph.config import Settings
from forumgraph.ingest.pipeline import Ingester


@pytest.fixture(scope="session")
def models(shared_models: dict[str, Any]) -> Models:
    return Models(shared_models["encoders"], shared_models["analyzer"])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder holding the first edition of the living corpus; tests edit it in place."""
    folder = tmp_path / "corpus"
    shutil.copytree(V1, folder)
    return folder


@pytest.fixture
def ingester(settings: Settings, models: Models) -> Ingester:
    return Ingester(settings, encoders=models.encoders, analyzer=models.analyzer)
