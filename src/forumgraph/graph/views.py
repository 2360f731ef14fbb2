"""Read-only copies of a writable store for the query workers.

Opening a store read-only while another process writes to it is undefined behaviour in
pyoxigraph, so the workers of a store that this process may still change read a consistent copy
made after the latest write instead: `Store.backup` (hard links, cheap) for an on-disk store, a
bulk copy for an in-memory one. A copy is removed once no running query uses it.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections import Counter
from pathlib import Path

import pyoxigraph

from forumgraph.errors import StoreError


class QueryViews:
    """Read-only copies of a writable store for the query workers, removed when unused."""

    def __init__(self, store_path: Path | None) -> None:
        self._parent = store_path.parent if store_path is not None else None
        self._root: Path | None = None
        self._current: tuple[int, str] | None = None
        self._users: Counter[str] = Counter()
        self._lock = threading.Lock()

    def acquire_fixed(self, path: str) -> str:
        """Use `path` itself (a store nobody writes to) as the view."""
        with self._lock:
            self._users[path] += 1
        return path

    def acquire(self, store: pyoxigraph.Store, version: int, *, on_disk: bool) -> str:
        """A view current with `version`, made now if the last one is older."""
        with self._lock:
            if self._current is None or self._current[0] != version:
                previous = self._current
                self._current = (version, self._make(store, version, on_disk))
                if previous is not None and self._users[previous[1]] == 0:
                    shutil.rmtree(previous[1], ignore_errors=True)
            path = self._current[1]
            self._users[path] += 1
            return path

    def release(self, path: str) -> None:
        """A query is done with `path`; an outdated view nobody uses is removed."""
        with self._lock:
            self._users[path] -= 1
            if self._users[path] <= 0:
                del self._users[path]
                stale = self._current is not None and self._current[1] != path
                if stale and self._root is not None and Path(path).parent == self._root:
                    shutil.rmtree(path, ignore_errors=True)

    def remove_all(self) -> None:
        """Remove every view (when the store closes)."""
        with self._lock:
            if self._root is not None:
                shutil.rmtree(self._root, ignore_errors=True)
            self._root, self._current = None, None

    def _make(self, store: pyoxigraph.Store, version: int, on_disk: bool) -> str:
        if self._root is None:
            # Beside the store, so that backups hard-link instead of copying.
            self._root = Path(tempfile.mkdtemp(prefix=".forumgraph-views-", dir=self._parent))
        target = self._root / f"v{version}"
        try:
            if on_disk:
                store.flush()
                store.backup(str(target))
            else:
                copy = pyoxigraph.Store(str(target))
                copy.bulk_extend(store)
                copy.flush()
                del copy
        except (OSError, RuntimeError) as exc:
            raise StoreError("Preparing the store for queries failed.", hint=str(exc)) from exc
        return str(target)
