"""One SearchService over the store built from the bundled corpus, shared by the search tests."""

from __future__ import annotations

from typing import Any

import pytest

from forumgraph.config import Settings
from forumgraph.search.service import SearchService
from forumgraph.snapshot import require_snapshot


@pytest.fixture(scope="session")
def search_service(built_store: Settings, shared_models: dict[str, Any]) -> SearchService:
    return SearchService(
        require_snapshot(built_store.store_dir),
        shared_models["encoders"],
        shared_models["analyzer"],
        built_store,
    )
