"""The BM25 lexical index over index tokens: ranking, weights, filters, save/load."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumgraph.errors import InputError, StoreError
from forumgraph.index.sparse import LexicalIndex
from forumgraph.text.analyze import Analyzer, create_analyzer
from forumgraph.text.tokenize import tokenize_for_index

TEXTS = {
    "ko#p0": "셰릴 헝의 키노트에서 총 1,100명을 대상으로 한 설문조사가 공개되었다.",
    "ko#p1": "헬름 3에서는 틸러가 제거되었다.",
    "en#p0": "Helm 3 removes Tiller and adds OCI support.",
    "en#p1": "Cheryl Hung will hold a Q&A with contributors.",
}


@pytest.fixture(scope="module")
def kiwi() -> Analyzer:
    return create_analyzer("kiwi")


@pytest.fixture(scope="module")
def index(kiwi: Analyzer) -> LexicalIndex:
    return LexicalIndex.build((pid, tokenize_for_index(t, None, kiwi)) for pid, t in TEXTS.items())


def ids(results: list[tuple[str, float]]) -> list[str]:
    return [pid for pid, _score in results]


def test_korean_query_with_particles_finds_the_korean_passage(
    index: LexicalIndex, kiwi: Analyzer
) -> None:
    query = tokenize_for_index("틸러는 제거됐나요?", None, kiwi)
    assert ids(index.search(query, 3)) == ["ko#p1"]


def test_number_written_differently_matches(index: LexicalIndex, kiwi: Analyzer) -> None:
    assert ids(index.search(tokenize_for_index("1100명 설문", None, kiwi), 1)) == ["ko#p0"]


def test_only_positive_scores_are_returned_best_first(index: LexicalIndex) -> None:
    results = index.search(["tiller", "oci"], 10)
    assert ids(results) == ["en#p0"]
    assert index.search(["unknown-token"], 10) == []


def test_weights_change_the_order(index: LexicalIndex) -> None:
    assert ids(index.search(["헬름", "cheryl"], 4, weights=[1.0, 0.1]))[0] == "ko#p1"
    assert ids(index.search(["헬름", "cheryl"], 4, weights=[0.1, 1.0]))[0] == "en#p1"
    with pytest.raises(InputError):
        index.search(["a", "b"], 3, weights=[1.0])


def test_search_restricted_to_allowed_passages(index: LexicalIndex) -> None:
    assert ids(index.search(["helm", "tiller"], 4, allowed=["ko#p1", "en#p1"])) == []
    assert ids(index.search(["tiller"], 4, allowed=["en#p0"])) == ["en#p0"]


def test_save_and_load_round_trip_keeps_tokens_for_rebuild(
    index: LexicalIndex, tmp_path: Path
) -> None:
    index.save(tmp_path)
    loaded = LexicalIndex.load(tmp_path)
    assert len(loaded) == 4
    assert loaded.search(["tiller"], 2) == index.search(["tiller"], 2)
    rebuilt = LexicalIndex.build(loaded.items())
    assert rebuilt.search(["helm"], 4) == index.search(["helm"], 4)


def test_empty_index_searches_to_nothing(tmp_path: Path) -> None:
    empty = LexicalIndex.build([])
    assert empty.search(["helm"], 5) == []
    empty.save(tmp_path)
    assert len(LexicalIndex.load(tmp_path)) == 0


def test_duplicate_ids_and_missing_files_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        LexicalIndex.build([("a", ["x"]), ("a", ["y"])])
    with pytest.raises(StoreError, match="rebuild"):
        LexicalIndex.load(tmp_path / "nothing")


def test_groups_are_length_normalised_against_their_own_average() -> None:
    line = ["helm", "deep", "dive"]
    article = ["helm", *(f"word{i}" for i in range(60))]
    items = [
        ("talk#0", line),
        ("talk#1", ["etcd", "intro"]),
        ("doc#0", article),
        ("doc#1", ["x"] * 60),
    ]
    together = LexicalIndex.build(items)
    apart = LexicalIndex.build(items, {"talk#0": "talk", "talk#1": "talk"})
    # Against one average the short line wins by its length alone; against its own group's
    # average the article is judged like the other articles.
    assert ids(together.search(["helm"], 2)) == ["talk#0", "doc#0"]
    score = dict(apart.search(["helm"], 2))
    assert score["doc#0"] > dict(together.search(["helm"], 2))["doc#0"]
    assert score["doc#0"] / score["talk#0"] > 0.8


def test_scores_match_lucene_bm25(index: LexicalIndex, kiwi: Analyzer) -> None:
    import math

    tokens = {pid: tokenize_for_index(t, None, kiwi) for pid, t in TEXTS.items()}
    average = sum(map(len, tokens.values())) / len(tokens)
    term = "helm"
    df = sum(term in t for t in tokens.values())
    idf = math.log(1 + (len(tokens) - df + 0.5) / (df + 0.5))
    for pid, passage in tokens.items():
        tf = passage.count(term)
        expected = idf * tf / (tf + 1.5 * (1 - 0.75 + 0.75 * len(passage) / average)) if tf else 0
        assert dict(index.search([term], 10)).get(pid, 0.0) == pytest.approx(expected, rel=1e-5)
