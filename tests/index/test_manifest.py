"""Index manifests: what an index was built with, and refusal of a mismatched one."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumgraph.errors import IndexMismatch, StoreError
from forumgraph.index.manifest import IndexManifest, corpus_hash


def test_manifest_round_trips_through_its_file(tmp_path: Path) -> None:
    manifest = IndexManifest("multilingual-e5-small", 384, "flat-ip", 12, "abc")
    manifest.save(tmp_path)
    assert IndexManifest.load(tmp_path) == manifest


def test_other_model_is_refused_with_both_names_and_a_rebuild_hint(tmp_path: Path) -> None:
    found = IndexManifest("multilingual-e5-small", 384)
    with pytest.raises(IndexMismatch) as caught:
        found.verify(IndexManifest("all-MiniLM-L6-v2", 384), tmp_path)
    assert "multilingual-e5-small" in caught.value.message
    assert "all-MiniLM-L6-v2" in caught.value.message
    assert caught.value.hint and "forumgraph ingest --rebuild" in caught.value.hint


def test_other_dimension_or_corpus_is_refused(tmp_path: Path) -> None:
    found = IndexManifest("m", 384, corpus_hash="aaa")
    with pytest.raises(IndexMismatch):
        found.verify(IndexManifest("m", 512), tmp_path)
    with pytest.raises(IndexMismatch):
        found.verify(IndexManifest("m", 384, corpus_hash="bbb"), tmp_path)
    found.verify(IndexManifest("m", 384), tmp_path)  # no corpus expectation: accepted


def test_missing_or_corrupt_manifest_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="missing"):
        IndexManifest.load(tmp_path)
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreError, match="not valid"):
        IndexManifest.load(tmp_path)


def test_corpus_hash_ignores_order_but_not_content() -> None:
    a = corpus_hash([("d#p0", "one"), ("d#p1", "two")])
    assert a == corpus_hash([("d#p1", "two"), ("d#p0", "one")])
    assert a != corpus_hash([("d#p0", "one"), ("d#p1", "three")])
