"""The long-lived objects a serving process shares: models once, one bundle per store generation.

The web app and the MCP server both hold a `Services`; neither imports the other. Models (the
encoders of the vector sets and the Korean analyser) load once per process; the search service,
the fact finder and the ask helper are rebuilt for each new store generation by the
`SnapshotHolder`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from forumgraph.config import Settings
from forumgraph.errors import StoreError
from forumgraph.index.encoders import Encoder, create_encoders
from forumgraph.search.ask import Asker
from forumgraph.search.facts import FactFinder
from forumgraph.search.suggest import Suggester
from forumgraph.search.views import GraphViews
from forumgraph.search.warm import warm_up
from forumgraph.snapshot import Snapshot, SnapshotHolder

if TYPE_CHECKING:
    from forumgraph.graph.store import TripleStore
    from forumgraph.search.service import SearchService
    from forumgraph.text.analyze import Analyzer


@dataclass(frozen=True)
class Generation:
    """Everything that answers requests from one immutable store generation."""

    snapshot: Snapshot
    search: SearchService
    facts: FactFinder
    asker: Asker
    views: GraphViews
    suggester: Suggester

    @property
    def name(self) -> str:
        return self.snapshot.name


class Services:
    """The encoders and analyser (loaded once) and the current generation's services."""

    def __init__(
        self,
        settings: Settings,
        *,
        encoders: Mapping[str, Encoder] | None = None,
        analyzer: Analyzer | None = None,
        interval: float = 0.5,
    ) -> None:
        """`encoders` (by vector set name) and `analyzer` let a caller share loaded models."""
        self.settings = settings
        if analyzer is None:
            from forumgraph.text.analyze import create_analyzer

            analyzer = create_analyzer(settings.analyzer)
        # One query encoder per configured vector set (no torch); each loads on first use.
        self.encoders = create_encoders(settings, encoders, for_queries=True)
        self.analyzer = analyzer
        from forumgraph.snapshot.access import store_access

        self.holder: SnapshotHolder[Generation] = SnapshotHolder(
            settings.store_dir, self._build, interval=interval, access=store_access(settings)
        )

    def current(self) -> Generation:
        """The generation to answer from, or a StoreError (503) while the store is empty."""
        generation = self.holder.get()
        if generation is None:
            raise StoreError(
                f"The store at {self.settings.store_dir} has no documents yet.",
                hint="Wait for the first ingest to finish, or run `forumgraph ingest data/`.",
            )
        return generation

    def graph(self) -> TripleStore:
        """The current generation's graph, for the SPARQL endpoint."""
        return self.current().snapshot.graph()

    def refresh(self) -> bool:
        """Pick up a generation written by this process (e.g. after an ingest)."""
        return self.holder.refresh()

    def _build(self, snapshot: Snapshot) -> Generation:
        from forumgraph.search.service import SearchService

        search = SearchService(snapshot, self.encoders, self.analyzer, self.settings)
        facts = FactFinder(snapshot, self.settings.base_iri, select=_remote_select(snapshot))
        asker = Asker(search, facts)
        warm_up(asker)  # what loads on first use loads now, not in a user's request
        views = GraphViews(snapshot, self.settings.base_iri, facts.select)
        # Built now, so that the first keystroke in the search box is as fast as the rest.
        suggester = Suggester(snapshot.entities, views.weights())
        return Generation(snapshot, search, facts, asker, views, suggester)


def _remote_select(snapshot: Snapshot) -> Any:
    """Fact queries for a graph on a SPARQL server; None lets FactFinder read the local one."""
    if not snapshot.is_remote:
        return None
    from forumgraph.graph.remote import RemoteStore, remote_select

    store = snapshot.graph()
    return remote_select(store) if isinstance(store, RemoteStore) else None
