"""Generations, the CURRENT pointer, pruning and the writer lock."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumgraph.errors import StoreError
from forumgraph.files import atomic_write_text
from forumgraph.snapshot.layout import PARTIAL, StoreLayout


def _generation(layout: StoreLayout, name: str) -> Path:
    path = layout.generations / name
    path.mkdir(parents=True)
    return path


def test_empty_store_has_no_current_generation(tmp_path: Path) -> None:
    layout = StoreLayout(tmp_path / "store")
    assert layout.current_name() is None
    assert layout.next_name() == "g000001"


def test_publish_switches_current_and_next_name_counts_partials(tmp_path: Path) -> None:
    layout = StoreLayout(tmp_path)
    _generation(layout, "g000001")
    layout.publish("g000001")
    _generation(layout, "g000002" + PARTIAL)
    assert layout.current_name() == "g000001"
    assert layout.next_name() == "g000003"


def test_pointer_to_missing_generation_is_a_clear_error(tmp_path: Path) -> None:
    layout = StoreLayout(tmp_path)
    atomic_write_text(layout.pointer, "g000009\n")
    with pytest.raises(StoreError, match="g000009"):
        layout.current_name()


def test_prune_keeps_current_and_newest_and_drops_partials(tmp_path: Path) -> None:
    layout = StoreLayout(tmp_path)
    for n in range(1, 6):
        _generation(layout, f"g{n:06d}")
    _generation(layout, "g000006" + PARTIAL)
    layout.publish("g000001")
    layout.prune(keep=2)
    left = sorted(p.name for p in layout.generations.iterdir())
    assert left == ["g000001", "g000004", "g000005"]


def test_second_writer_is_refused_while_the_lock_is_held(tmp_path: Path) -> None:
    layout = StoreLayout(tmp_path)
    with (
        layout.write_lock(),
        pytest.raises(StoreError, match="Another process"),
        layout.write_lock(),
    ):
        pass
    with layout.write_lock():
        pass  # released after the first writer finished


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]
