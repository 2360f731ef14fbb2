"""How a process reaches a store: its folder, plus the SPARQL server and Milvus it configures."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from forumgraph.config import Settings
from forumgraph.errors import StoreError
from forumgraph.snapshot.layout import StoreLayout
from forumgraph.snapshot.reader import Snapshot, open_generation

if TYPE_CHECKING:
    from forumgraph.graph.endpoints import RemoteEndpoints
    from forumgraph.index.milvus.target import MilvusTarget


@dataclass(frozen=True)
class StoreAccess:
    """A store folder and the configured remote services (with their credentials)."""

    store_dir: Path
    endpoints: RemoteEndpoints | None = None
    milvus: MilvusTarget | None = None

    @property
    def remote_only(self) -> bool:
        """True when generations are published in Milvus and nothing is kept locally."""
        return self.endpoints is not None and self.milvus is not None

    def current_name(self) -> str | None:
        """The published generation's name, or None while the store has none."""
        if self.remote_only:
            from forumgraph.snapshot.remote_store import published_name

            return published_name(self.milvus)  # type: ignore[arg-type]
        return StoreLayout(self.store_dir).current_name()

    def open(self) -> Snapshot | None:
        """The published generation, leased; None while the store has none."""
        if self.remote_only:
            from forumgraph.snapshot.remote_store import open_published

            return open_published(self.store_dir, self.endpoints, self.milvus)  # type: ignore[arg-type]
        return open_generation(StoreLayout(self.store_dir), self.endpoints, self.milvus)

    def require(self) -> Snapshot:
        """The published generation, or a StoreError that says how to create one."""
        snapshot = self.open()
        if snapshot is None:
            raise StoreError(
                f"There is no store at {self.store_dir} yet.",
                hint="Build one with `forumgraph ingest data/` (or pass --store DIR).",
            )
        return snapshot


def store_access(settings: Settings) -> StoreAccess:
    """The store of `settings`, with its SPARQL server and Milvus if it configures them."""
    from forumgraph.graph.endpoints import configured_endpoints
    from forumgraph.index.milvus.target import configured_milvus

    return StoreAccess(
        settings.store_dir, configured_endpoints(settings), configured_milvus(settings)
    )


def require_store(settings: Settings) -> Snapshot:
    """The published generation of the store of `settings`."""
    return store_access(settings).require()


def check_configured_store(settings: Settings) -> list[str]:
    """`forumgraph check` for the store of `settings`: the problems found, none if consistent."""
    from forumgraph.snapshot.check import check_access

    return check_access(store_access(settings))
