"""What a signal is, what it is built from, and the query it ranks passages for."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np

from forumgraph.config import Settings
from forumgraph.index.encoders import Encoder
from forumgraph.models import DocumentInfo, Entity, StoredPassage, TalkRecord
from forumgraph.search.filters import PassageFilters, SearchFilters
from forumgraph.snapshot.reader import VectorSetSpec
from forumgraph.text.analyze import Analyzer

if TYPE_CHECKING:
    from forumgraph.index.backend import TextIndex, VectorIndex
    from forumgraph.search.linking import LinkedEntity
    from forumgraph.search.service import SearchOptions

# (passage id, score) pairs, best first.
Ranking = list[tuple[str, float]]
# Passage ids and FAISS vector ids that the filters allow; None when nothing is filtered.
Allowed = tuple[frozenset[str], np.ndarray] | None


class SnapshotView(Protocol):
    """What signals read from a store generation (forumgraph.snapshot.Snapshot)."""

    documents: dict[str, DocumentInfo]
    passages: dict[str, StoredPassage]
    entities: dict[str, Entity]
    by_vector_id: dict[int, StoredPassage]
    talks: dict[str, TalkRecord]  # by passage id

    @property
    def model_name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    @property
    def vector_sets(self) -> Mapping[str, VectorSetSpec]: ...

    def vectors(self, name: str) -> VectorIndex: ...

    def dense(self) -> VectorIndex: ...

    def lexical(self) -> TextIndex: ...


@dataclass
class SignalEnv:
    """Everything a signal may be built from: one per search service (store generation)."""

    snapshot: SnapshotView
    encoders: Mapping[str, Encoder]
    analyzer: Analyzer
    settings: Settings
    options: SearchOptions
    filters: PassageFilters
    # entity id -> ids of the passages that mention it (a talk's also its edition and place)
    mentions: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Query:
    """One search request as the signals see it; results shared between signals are kept here
    (the query vector of each set, the dense ranking that the graph signal also reads)."""

    text: str
    links: list[LinkedEntity]
    pool: int  # passages each signal contributes before fusion
    allowed: Allowed
    filters: SearchFilters
    signals: tuple[str, ...]  # the signals this request runs
    shared: dict[object, object] = field(default_factory=dict)

    def once(self, key: object, compute: Callable[[], object]) -> object:
        """`compute()` the first time `key` is asked for in this query, the same value after."""
        if key not in self.shared:
            self.shared[key] = compute()
        return self.shared[key]


class Signal(Protocol):
    """Ranks passages for a query."""

    name: str

    def rank(self, query: Query) -> Ranking:
        """Passages for `query`, best first, at most `query.pool` of them."""
        ...


# Builds a signal for one generation, or None when it cannot run there (e.g. no vectors).
SignalFactory = Callable[[SignalEnv], "Signal | None"]


@dataclass(frozen=True)
class SignalEntry:
    """A registered signal: how to build it and its weight in the fusion."""

    build: SignalFactory
    weight: float = 1.0
