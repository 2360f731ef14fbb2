"""Versioned on-disk store: immutable generations published by an atomic pointer switch."""

from forumgraph.snapshot.holder import SnapshotHolder
from forumgraph.snapshot.layout import StoreLayout
from forumgraph.snapshot.reader import Snapshot, VectorSetSpec, open_snapshot, require_snapshot
from forumgraph.snapshot.writer import IndexSpec, PreparedDocument, WriteStats, write_generation

__all__ = [
    "IndexSpec",
    "PreparedDocument",
    "Snapshot",
    "SnapshotHolder",
    "StoreLayout",
    "VectorSetSpec",
    "WriteStats",
    "open_snapshot",
    "require_snapshot",
    "write_generation",
]
