"""Where a store keeps its generations, and the pointer that says which one is current.

    store/
      CURRENT                  name of the published generation (replaced atomically)
      write.lock               held by the one process that writes a new generation
      generations/
        g000042/               one complete, immutable generation
          SNAPSHOT.json  documents.json  passages.jsonl  entities.json  graph/  vectors/  lexical/
        g000043.partial/       a generation being written; never read; removed if left by a crash

Every update writes a new generation beside the current one and publishes it by replacing CURRENT,
so a reader (or a process killed mid-write) sees either the old or the new state, never a mix.

A process that reads a generation holds a lease on it: a shared `flock` on the generation's
folder, taken before it reads anything and released when it lets the generation go. Pruning
takes an exclusive lock without waiting and skips any generation it cannot lock, so a folder a
live process serves (and may still open lazily) is never deleted under it. The locks belong to
open file descriptions, so they vanish with a process that dies.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from forumgraph.errors import StoreBusy, StoreError
from forumgraph.files import atomic_write_text

GENERATIONS = "generations"
POINTER = "CURRENT"
PARTIAL = ".partial"
KEEP_GENERATIONS = 3


@dataclass(frozen=True)
class StoreLayout:
    """Paths of one store directory."""

    root: Path

    @property
    def generations(self) -> Path:
        return self.root / GENERATIONS

    @property
    def pointer(self) -> Path:
        return self.root / POINTER

    def current_name(self) -> str | None:
        """The published generation's name, or None for a store that has none yet."""
        try:
            name = self.pointer.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        if not name or not (self.generations / name).is_dir():
            raise StoreError(
                f"Store {self.root} points at generation '{name}', which does not exist.",
                hint="Rebuild it with `forumgraph ingest --rebuild` or restore the directory.",
            )
        return name

    def current(self) -> Path | None:
        name = self.current_name()
        return None if name is None else self.generations / name

    def next_name(self) -> str:
        numbers = [_number(p.name) for p in self._entries()]
        return f"g{max([n for n in numbers if n is not None], default=0) + 1:06d}"

    def publish(self, name: str) -> None:
        """Make generation `name` the current one (atomic)."""
        atomic_write_text(self.pointer, name + "\n")

    def prune(self, keep: int = KEEP_GENERATIONS) -> list[str]:
        """Remove partial generations and all but the newest `keep` complete ones, except those
        a process holds a lease on; returns the names removed."""
        current = self.current_name()
        complete = sorted(
            (p for p in self._entries() if not p.name.endswith(PARTIAL)), key=lambda p: p.name
        )
        stale = [p for p in self._entries() if p.name.endswith(PARTIAL)]
        stale += [p for p in complete[:-keep] if p.name != current]
        removed = []
        for path in stale:
            with _unleased(path) as free:
                if free:
                    shutil.rmtree(path, ignore_errors=True)
                    removed.append(path.name)
        return removed

    def leased(self) -> list[str]:
        """Names of the complete generations that some process holds a lease on."""
        names = []
        for path in self._entries():
            if not path.name.endswith(PARTIAL):
                with _unleased(path) as free:
                    if not free:
                        names.append(path.name)
        return sorted(names)

    @contextlib.contextmanager
    def write_lock(self) -> Iterator[None]:
        """Hold the store's writer lock; a second writer fails at once with a clear error."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.root / "write.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise StoreBusy(
                    f"Another process is writing to the store {self.root}.",
                    hint="Wait for it to finish, then try again.",
                ) from exc
            yield
        finally:
            os.close(fd)

    def _entries(self) -> list[Path]:
        if not self.generations.is_dir():
            return []
        return [p for p in self.generations.iterdir() if _number(p.name) is not None]


class GenerationRemoved(StoreError):
    """The generation was pruned before a lease on it could be taken; read CURRENT again."""


class GenerationLease:
    """A shared lock on a generation folder: pruning leaves the folder alone while it is held."""

    def __init__(self, path: Path) -> None:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        except (FileNotFoundError, NotADirectoryError):
            raise GenerationRemoved(f"Generation {path} no longer exists.") from None
        fcntl.flock(fd, fcntl.LOCK_SH)  # waits only while a pruner is deleting this folder
        if os.fstat(fd).st_nlink == 0:  # deleted between open and lock
            os.close(fd)
            raise GenerationRemoved(f"Generation {path} was removed while being opened.")
        self._fd: int | None = fd

    def release(self) -> None:
        """Let the generation go; safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)


@contextlib.contextmanager
def _unleased(path: Path) -> Iterator[bool]:
    """True (holding an exclusive lock) when no process leases the folder at `path`."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def generation_number(name: str) -> int:
    """The number of the generation called `name` (g000042 is 42)."""
    number = _number(name)
    if number is None:
        raise StoreError(f"'{name}' is not the name of a store generation.")
    return number


def _number(name: str) -> int | None:
    stem = name.removesuffix(PARTIAL)
    if len(stem) == 7 and stem[0] == "g" and stem[1:].isdigit():
        return int(stem[1:])
    return None
