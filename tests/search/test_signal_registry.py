"""A new search signal is one module and one registry line: a test-only signal, fused."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from forumgraph.config import Settings
from forumgraph.search.service import SearchService
from forumgraph.search.signals.base import Query, Ranking, SignalEntry, SignalEnv
from forumgraph.search.signals.registry import SIGNALS, register, unregister
from forumgraph.snapshot import require_snapshot

TITLE = "title"


class TitleSignal:
    """Passages of documents whose title holds a word of the query, longer titles last."""

    name = TITLE

    def __init__(self, env: SignalEnv) -> None:
        self._env = env

    def rank(self, query: Query) -> Ranking:
        words = {w.casefold() for w in query.text.split() if len(w) > 2}
        found = []
        for pid, stored in self._env.snapshot.passages.items():
            info = self._env.snapshot.documents[stored.passage.doc_id]
            title = info.title.casefold()
            hits = sum(word in title for word in words)
            if hits and (query.allowed is None or pid in query.allowed[0]):
                found.append((pid, hits - len(title) / 1000))
        found.sort(key=lambda item: -item[1])
        return found[: query.pool]


def build(env: SignalEnv) -> TitleSignal:
    return TitleSignal(env)


@pytest.fixture
def title_signal() -> Iterator[None]:
    register(TITLE, SignalEntry(build, weight=2.0))
    yield
    unregister(TITLE)


def _service(built_store: Settings, shared_models: dict[str, Any]) -> SearchService:
    return SearchService(
        require_snapshot(built_store.store_dir),
        shared_models["encoders"],
        shared_models["analyzer"],
        built_store,
    )


def test_a_registered_signal_is_run_and_fused(
    title_signal: None, built_store: Settings, shared_models: dict[str, Any]
) -> None:
    service = _service(built_store, shared_models)
    assert TITLE in service.signals
    result = service.search("Helm graduation", 10)
    assert any(TITLE in hit.signals for hit in result.hits)
    top = result.hits[0]
    info = service.snapshot.documents[top.passage.doc_id]
    assert "graduat" in info.title.casefold() or "helm" in info.title.casefold()


def test_a_signal_can_be_left_out_per_service(
    title_signal: None, built_store: Settings, shared_models: dict[str, Any]
) -> None:
    from forumgraph.search.service import SearchOptions

    names = tuple(name for name in SIGNALS if name != TITLE)
    service = SearchService(
        require_snapshot(built_store.store_dir),
        shared_models["encoders"],
        shared_models["analyzer"],
        built_store,
        SearchOptions(signals=names),
    )
    assert TITLE not in service.signals
    assert all(TITLE not in hit.signals for hit in service.search("Helm graduation", 10).hits)


def test_without_registration_the_signal_is_unknown(
    built_store: Settings, shared_models: dict[str, Any]
) -> None:
    assert TITLE not in _service(built_store, shared_models).signals
