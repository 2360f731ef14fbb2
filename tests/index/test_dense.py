"""The FAISS index: ids, add/remove, exact vs IVF by size, save/load and manifest checks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from forumgraph.errors import IndexMismatch, InputError, StoreError
from forumgraph.index.dense import EXACT, IVF, DenseIndex
from forumgraph.index.manifest import IndexManifest
from forumgraph.search.warm import release_free_heap

DIM = 32


def unit_vectors(n: int, seed: int = 0) -> np.ndarray:
    vectors = np.random.default_rng(seed).standard_normal((n, DIM)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_search_returns_the_ids_given_at_add() -> None:
    index = DenseIndex.create(DIM, exact_limit=1000)
    vectors = unit_vectors(20)
    ids = np.arange(1000, 1020, dtype=np.int64)
    index.add(ids, vectors)
    scores, found = index.search(vectors[[3, 7]], 1)
    assert found[:, 0].tolist() == [1003, 1007]
    assert scores[:, 0] == pytest.approx([1.0, 1.0], abs=1e-5)


def test_remove_by_id_and_replace_on_re_add() -> None:
    index = DenseIndex.create(DIM, exact_limit=1000)
    vectors = unit_vectors(10)
    index.add(np.arange(10), vectors)
    assert index.remove(np.array([2, 3, 99])) == 2
    assert len(index) == 8
    assert 2 not in index.search(vectors[2:3], 8)[1][0]
    index.add(np.array([5]), vectors[0:1])  # id 5 now holds vector 0
    assert len(index) == 8
    assert set(index.search(vectors[0:1], 2)[1][0]) == {0, 5}


def test_index_switches_to_ivf_past_the_exact_limit_and_back() -> None:
    index = DenseIndex.create(DIM, exact_limit=100)
    vectors = unit_vectors(300)
    index.add(np.arange(100), vectors[:100])
    assert index.index_type == EXACT
    index.add(np.arange(100, 300), vectors[100:])
    assert index.index_type == IVF
    hits = index.search(vectors[:50], 1)[1][:, 0]
    assert (hits == np.arange(50)).mean() >= 0.9  # approximate, but close to exact
    assert index.remove(np.arange(0, 260)) == 260
    assert index.index_type == EXACT and len(index) == 40
    assert index.search(vectors[270:271], 1)[1][0, 0] == 270


@pytest.mark.parametrize("exact_limit", [50, 1000])
def test_both_index_types_remove_and_reconstruct_by_id(exact_limit: int) -> None:
    index = DenseIndex.create(DIM, exact_limit=exact_limit)
    vectors = unit_vectors(200)
    index.add(np.arange(200), vectors)
    assert (index.index_type == IVF) == (exact_limit < 200)
    assert index.remove(np.array([10, 11])) == 2
    assert 10 not in index.vector_ids()
    assert np.allclose(index.reconstruct(np.array([12, 3, 199])), vectors[[12, 3, 199]])
    with pytest.raises(InputError, match="Vector id 10 "):
        index.reconstruct(np.array([12, 10]))


def test_search_can_be_restricted_to_allowed_ids() -> None:
    for limit in (1000, 50):
        index = DenseIndex.create(DIM, exact_limit=limit)
        vectors = unit_vectors(200)
        index.add(np.arange(200), vectors)
        found = index.search(vectors[0:1], 3, allowed=np.array([150, 160]))[1][0]
        assert sorted(found[:2].tolist()) == [150, 160] and found[2] == -1


def test_search_pads_when_fewer_vectors_than_k() -> None:
    index = DenseIndex.create(DIM, exact_limit=10)
    assert index.search(unit_vectors(1), 5)[1].tolist() == [[-1] * 5]
    index.add(np.array([7]), unit_vectors(1))
    assert index.search(unit_vectors(1), 3)[1].tolist() == [[7, -1, -1]]


@pytest.mark.parametrize("limit", [1000, 50])
def test_save_and_load_round_trip(tmp_path: Path, limit: int) -> None:
    index = DenseIndex.create(DIM, exact_limit=limit)
    vectors = unit_vectors(120)
    index.add(np.arange(120) * 3, vectors)
    written = index.save(tmp_path, IndexManifest("model-a", DIM, corpus_hash="h"))
    assert (written.count, written.index_type) == (120, index.index_type)
    loaded = DenseIndex.load(tmp_path, IndexManifest("model-a", DIM), exact_limit=limit)
    assert loaded.index_type == index.index_type and len(loaded) == 120
    assert loaded.search(vectors[5:6], 1)[1][0, 0] == 15
    assert loaded.remove(np.array([15])) == 1


@pytest.mark.parametrize("limit", [1000, 50])
def test_a_mapped_index_reads_like_a_loaded_one_and_refuses_writes(
    tmp_path: Path, limit: int
) -> None:
    index = DenseIndex.create(DIM, exact_limit=limit)
    vectors = unit_vectors(120)
    index.add(np.arange(120) * 3, vectors)
    index.save(tmp_path, model_name="model-a")
    copy = DenseIndex.load(tmp_path, exact_limit=limit)
    mapped = DenseIndex.load(tmp_path, exact_limit=limit, mapped=True)
    assert mapped.index_type == copy.index_type and len(mapped) == 120
    for k in (1, 10):
        assert np.array_equal(mapped.search(vectors[:7], k)[1], copy.search(vectors[:7], k)[1])
    assert np.array_equal(mapped.reconstruct(np.array([15, 3])), vectors[[5, 1]])
    assert sorted(mapped.vector_ids().tolist()) == list(range(0, 360, 3))
    with pytest.raises(StoreError, match="read-only"):
        mapped.add(np.array([1]), vectors[:1])
    with pytest.raises(StoreError, match="read-only"):
        mapped.remove(np.array([15]))


@pytest.mark.parametrize("limit", [100_000, 1000])
def test_a_mapped_index_leaves_its_vectors_in_the_page_cache(tmp_path: Path, limit: int) -> None:
    # Mapped, the vectors stay file pages that every process serving the generation shares;
    # loaded, each process holds a private copy.
    dim, count = 128, 60_000
    vectors = np.random.default_rng(0).standard_normal((count, dim)).astype(np.float32)
    index = DenseIndex(dim, exact_limit=limit)
    index.add(np.arange(count), vectors / np.linalg.norm(vectors, axis=1, keepdims=True))
    index.save(tmp_path, model_name="model-a")
    del index, vectors
    release_free_heap()  # so that the copy below cannot reuse the freed pages of `index`
    size = (tmp_path / "index.faiss").stat().st_size
    before = _anonymous_bytes()
    mapped = DenseIndex.load(tmp_path, exact_limit=limit, mapped=True)
    query = mapped.reconstruct(np.array([7]))
    assert mapped.search(query, 1)[1][0, 0] == 7
    assert _anonymous_bytes() - before < size / 5
    copy = DenseIndex.load(tmp_path, exact_limit=limit)
    assert copy.search(query, 1)[1][0, 0] == 7
    assert _anonymous_bytes() - before > size * 0.8


def _anonymous_bytes() -> int:
    """This process's private (anonymous) resident memory, from /proc/self/smaps_rollup."""
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Anonymous:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no Anonymous line in /proc/self/smaps_rollup")


def test_load_refuses_an_index_of_another_model(tmp_path: Path) -> None:
    index = DenseIndex.create(DIM, exact_limit=100)
    index.add(np.arange(3), unit_vectors(3))
    index.save(tmp_path, model_name="intfloat/multilingual-e5-small")
    with pytest.raises(IndexMismatch) as caught:
        DenseIndex.load(tmp_path, IndexManifest("sentence-transformers/LaBSE", DIM))
    assert "intfloat/multilingual-e5-small" in str(caught.value)
    assert "forumgraph ingest --rebuild" in str(caught.value)


def test_bad_shapes_and_ids_are_input_errors() -> None:
    index = DenseIndex.create(DIM, exact_limit=100)
    with pytest.raises(InputError):
        index.add(np.arange(2), unit_vectors(3))
    with pytest.raises(InputError):
        index.add(np.array([1, 1]), unit_vectors(2))
    with pytest.raises(InputError):
        index.add(np.arange(2), np.zeros((2, DIM + 1), np.float32))
    with pytest.raises(InputError):
        index.search(np.zeros((1, 3), np.float32), 1)
