"""One SearchService over the store built from the bundled corpus, shared by the search tests."""

from __future__ import annotations

import pytest

from forumgraph.config import Settings
from forumgraph.search.service import SearchService, open_search_service


@pytest.fixture(scope="session")
def search_service(built_store: Settings) -> SearchService:
    return open_search_service(built_store)
