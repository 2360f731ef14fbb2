"""Tables read a few rows at a time: saved once, then mapped read-only and shared."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from forumgraph.index.mapped import map_npz, map_rows, save_rows
from forumgraph.index.use_encoder import TABLE_DIR, UseEncoder


def test_mapped_rows_read_what_was_saved_and_cannot_be_written(tmp_path: Path) -> None:
    table = np.random.default_rng(0).standard_normal((1000, 24)).astype(np.float32)
    save_rows(tmp_path / "table.npy", table)
    mapped = map_rows(tmp_path / "table.npy")
    assert mapped.shape == table.shape and mapped.dtype == table.dtype
    rows = np.array([3, 999, 3, 0])
    assert np.array_equal(mapped[rows], table[rows])
    assert np.array_equal(np.load(tmp_path / "table.npy"), table)  # still a plain .npy file
    with pytest.raises(ValueError, match="read-only"):
        mapped[0, 0] = 1.0


def test_use_with_a_cache_maps_its_table_and_encodes_the_same(tmp_path: Path) -> None:
    texts = ["쿠버네티스 포럼 서울", "Helm 3 removed Tiller", "KubeCon 키노트 발표자"]
    in_memory = UseEncoder()
    mapped = UseEncoder(cache_dir=tmp_path)
    assert np.array_equal(mapped.encode(texts), in_memory.encode(texts))
    (saved,) = (tmp_path / TABLE_DIR).iterdir()
    assert str(saved.resolve()) in Path("/proc/self/maps").read_text()  # mapped, not copied
    # A second process (here: encoder) maps the same file instead of writing another.
    again = UseEncoder(cache_dir=tmp_path)
    assert np.array_equal(again.encode(texts[:1]), in_memory.encode(texts[:1]))
    assert list((tmp_path / TABLE_DIR).iterdir()) == [saved]


def test_an_npz_archive_is_mapped_member_by_member(tmp_path: Path) -> None:
    arrays = {
        "data": np.arange(10, dtype=np.float32),
        "indices": np.arange(7, dtype=np.int32)[::-1].copy(),
        "empty": np.zeros(0, np.int64),
    }
    np.savez(tmp_path / "m.npz", **arrays)
    mapped = map_npz(tmp_path / "m.npz")
    assert set(mapped) == set(arrays)
    for name, array in arrays.items():
        assert mapped[name].dtype == array.dtype and np.array_equal(mapped[name], array)
    np.savez_compressed(tmp_path / "c.npz", **arrays)
    with pytest.raises(ValueError, match="compressed"):
        map_npz(tmp_path / "c.npz")
