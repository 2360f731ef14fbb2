"""Keeps the serving process on the newest published generation without a restart."""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from forumgraph.snapshot.access import StoreAccess
from forumgraph.snapshot.reader import Snapshot

log = logging.getLogger(__name__)
T = TypeVar("T")


class SnapshotHolder(Generic[T]):
    """Holds `build(snapshot)` for the current generation and swaps it when CURRENT changes.

    Requests call `get()`, which costs a reference read (plus one small file read at most every
    `interval` seconds). A new generation is opened and warmed before the swap, so searches in
    flight finish on the old one and no request sees a half-loaded state. While one thread
    loads a new generation, `get()` in the others keeps answering with the current one instead
    of waiting for the load (seconds on a large store).
    """

    def __init__(
        self,
        store_dir: Path,
        build: Callable[[Snapshot], T],
        interval: float = 0.5,
        *,
        access: StoreAccess | None = None,
    ) -> None:
        self._access = access or StoreAccess(store_dir)
        self._build = build
        self._interval = interval
        self._lock = threading.Lock()
        self._name: str | None = None
        self._value: T | None = None
        self._snapshot: Snapshot | None = None
        self._checked = 0.0
        self.refresh()

    @property
    def generation(self) -> str | None:
        return self._name

    def get(self) -> T | None:
        """The value for the newest generation, or None while the store is empty."""
        due = time.monotonic() - self._checked >= self._interval
        if due and self._lock.acquire(blocking=False):  # busy: another thread is loading
            try:
                self._refresh_locked()
                if self._snapshot is not None:
                    self._snapshot.keep_alive()
            finally:
                self._lock.release()
        return self._value

    def refresh(self) -> bool:
        """Load the published generation if it changed; True when a swap happened."""
        with self._lock:
            return self._refresh_locked()

    def _refresh_locked(self) -> bool:
        self._checked = time.monotonic()
        name = self._access.current_name()
        if name is None or name == self._name:
            return False
        snapshot = self._access.open()
        if snapshot is None or snapshot.name == self._name:
            return False
        snapshot.warm()
        value = self._build(snapshot)
        self._value, self._name, self._snapshot = value, snapshot.name, snapshot
        log.info("serving generation %s", snapshot.name)
        # The old generation's objects hold reference cycles; collecting them now releases its
        # lease (see layout.py) unless a request still uses it, so the next ingest may prune it.
        del value, snapshot
        gc.collect()
        return True
