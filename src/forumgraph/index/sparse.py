"""BM25 over index tokens (see tokenize.py), one index for every language.

Each (token, passage) BM25 contribution is precomputed into a sparse column matrix (as bm25s
does, with Lucene's formula); a query is then a weighted sum of a few columns. We build and score
that matrix ourselves so that query terms can carry weights (expansion names from the graph count
less than the user's own words), so that a search can be restricted to a set of passages
(filters), and so that groups of passages of very different lengths (talk lines, article
passages) are each length-normalised against their own average. The tokens are saved beside the
matrix so that the whole index can be rebuilt quickly after an update.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from forumgraph.errors import InputError, StoreError
from forumgraph.files import atomic_write_bytes
from forumgraph.index.mapped import map_npz
from forumgraph.index.where import Where

MATRIX_FILE = "bm25.npz"
META_FILE = "lexical.json"
TOKENS_FILE = "tokens.jsonl"
FORMAT_VERSION = 1
K1 = 1.5  # BM25's term-frequency saturation
B = 0.75  # BM25's length normalisation
REBUILD_HINT = "Rebuild the store's indexes: forumgraph ingest --rebuild PATH... --store DIR"


class LexicalIndex:
    """A BM25 index over passages given as (passage id, tokens)."""

    def __init__(
        self,
        passage_ids: list[str],
        vocab: dict[str, int],
        matrix: tuple[np.ndarray, np.ndarray, np.ndarray],
        tokens: list[list[str]] | None = None,
        tokens_path: Path | None = None,
    ) -> None:
        self._ids = passage_ids
        self._position = {pid: i for i, pid in enumerate(passage_ids)}
        self._vocab = vocab
        self._data, self._indices, self._indptr = matrix
        self._tokens = tokens
        self._tokens_path = tokens_path

    @classmethod
    def build(
        cls, items: Iterable[tuple[str, list[str]]], groups: Mapping[str, str] | None = None
    ) -> LexicalIndex:
        """Index (passage id, tokens) pairs; ids must be unique.

        `groups` names a group for some passage ids (the others form one group): each group's
        passages are length-normalised against their own average length, with one idf over
        all. Talk lines of fifteen words measured against article passages of two hundred
        would all look short and outscore every article on any shared word.
        """
        ids: list[str] = []
        tokens: list[list[str]] = []
        for passage_id, passage_tokens in items:
            ids.append(passage_id)
            tokens.append([t for t in passage_tokens if t])
        if len(set(ids)) != len(ids):
            raise InputError("Passage ids given to LexicalIndex.build must be unique.")
        vocab, matrix = _bm25_matrix(ids, tokens, groups or {})
        return cls(ids, vocab, matrix, tokens)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, passage_id: object) -> bool:
        return passage_id in self._position

    def search(
        self,
        query_tokens: Sequence[str],
        k: int,
        *,
        weights: Sequence[float] | None = None,
        allowed: Iterable[str] | None = None,
        where: Where | None = None,
    ) -> list[tuple[str, float]]:
        """Top-`k` (passage id, BM25 score) with a positive score, best first.

        `weights` gives one weight per query token (default 1.0); `allowed` restricts the result
        to those passage ids (`where` names the same restriction by its filter values, for
        indexes that filter on fields of their own; this one needs only the ids).
        """
        del where
        if weights is not None and len(weights) != len(query_tokens):
            raise InputError("LexicalIndex.search needs one weight per query token.")
        scores = self.scores(query_tokens, weights)
        if allowed is not None:
            mask = np.zeros(len(self._ids), bool)
            mask[[self._position[p] for p in allowed if p in self._position]] = True
            scores = np.where(mask, scores, 0.0)
        positive = int(np.count_nonzero(scores > 0))
        top = min(k, positive)
        if top <= 0:
            return []
        best = np.argpartition(-scores, top - 1)[:top]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(self._ids[i], float(scores[i])) for i in best]

    def scores(
        self, query_tokens: Sequence[str], weights: Sequence[float] | None = None
    ) -> np.ndarray:
        """BM25 score of every passage (in index order) for the weighted query tokens."""
        out = np.zeros(len(self._ids), np.float32)
        for n, token in enumerate(query_tokens):
            column = self._vocab.get(token)
            if column is None:
                continue
            start, end = self._indptr[column], self._indptr[column + 1]
            weight = 1.0 if weights is None else float(weights[n])
            # Within one column each passage appears once, so plain fancy-index adding is exact.
            out[self._indices[start:end]] += weight * self._data[start:end]
        return out

    def items(self) -> list[tuple[str, list[str]]]:
        """The (passage id, tokens) pairs the index was built from, for rebuilding it."""
        return list(zip(self._ids, self._load_tokens(), strict=True))

    def passage_ids(self) -> list[str]:
        """Passage ids in index order."""
        return list(self._ids)

    def save(self, directory: Path) -> None:
        """Write the matrix, vocabulary, ids and tokens; the metadata file is written last."""
        directory.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        np.savez(buffer, data=self._data, indices=self._indices, indptr=self._indptr)
        atomic_write_bytes(directory / MATRIX_FILE, buffer.getvalue())
        lines = (json.dumps(t, ensure_ascii=False) for t in self._load_tokens())
        atomic_write_bytes(directory / TOKENS_FILE, "\n".join(lines).encode("utf-8"))
        meta = {"format": FORMAT_VERSION, "passage_ids": self._ids, "vocab": self._vocab}
        atomic_write_bytes(directory / META_FILE, json.dumps(meta, ensure_ascii=False).encode())

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        """Read an index written by `save`; tokens are read only when `items` needs them."""
        try:
            meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
            # Mapped in place (read-only): a query reads the columns of its few tokens only.
            arrays = map_npz(directory / MATRIX_FILE)
            matrix = (arrays["data"], arrays["indices"], arrays["indptr"])
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise StoreError(
                f"Lexical index in {directory} is missing or unreadable: {exc}.", REBUILD_HINT
            ) from exc
        if meta.get("format") != FORMAT_VERSION or len(matrix[2]) < len(meta["vocab"]):
            raise StoreError(f"Lexical index in {directory} has an unknown format.", REBUILD_HINT)
        return cls(meta["passage_ids"], meta["vocab"], matrix, None, directory / TOKENS_FILE)

    def _load_tokens(self) -> list[list[str]]:
        if self._tokens is None:
            path = self._tokens_path
            try:
                text = path.read_text(encoding="utf-8") if path else ""
            except OSError as exc:
                raise StoreError(f"Lexical tokens {path} are unreadable: {exc}.") from exc
            self._tokens = [json.loads(line) for line in text.splitlines()] if text else []
            if len(self._tokens) != len(self._ids):
                raise StoreError(
                    f"Lexical tokens {path} hold {len(self._tokens)} passages, "
                    f"the index {len(self._ids)}.",
                    hint=REBUILD_HINT,
                )
        return self._tokens


def _bm25_matrix(
    ids: list[str], tokens: list[list[str]], groups: Mapping[str, str]
) -> tuple[dict[str, int], tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The vocabulary and each (token, passage) BM25 contribution as a column-compressed matrix
    (Lucene's BM25: idf log(1 + (N - df + 0.5) / (df + 0.5)), tf / (tf + k1 (1 - b + b l / L)),
    with L the average length of the passage's group)."""
    counts = [Counter(passage) for passage in tokens]
    vocab: dict[str, int] = {}
    for counted in counts:
        for token in counted:
            vocab.setdefault(token, len(vocab))
    df = np.zeros(len(vocab), np.float64)
    lengths: dict[str, list[int]] = {}
    for pid, passage, counted in zip(ids, tokens, counts, strict=True):
        df[[vocab[t] for t in counted]] += 1
        lengths.setdefault(groups.get(pid, ""), []).append(len(passage))
    idf = np.log(1 + (len(ids) - df + 0.5) / (df + 0.5))
    average = {group: max(float(np.mean(sizes)), 1.0) for group, sizes in lengths.items()}
    columns: list[np.ndarray] = []
    rows: list[np.ndarray] = []
    values: list[np.ndarray] = []
    for row, (pid, passage, counted) in enumerate(zip(ids, tokens, counts, strict=True)):
        if not counted:
            continue
        norm = K1 * (1 - B + B * len(passage) / average[groups.get(pid, "")])
        cols = np.fromiter((vocab[t] for t in counted), np.int64, len(counted))
        tf = np.fromiter(counted.values(), np.float64, len(counted))
        columns.append(cols)
        rows.append(np.full(len(cols), row, np.int64))
        values.append(idf[cols] * tf / (tf + norm))
    if not columns:
        empty = (np.zeros(0, np.float32), np.zeros(0, np.int32), np.zeros(1, np.int64))
        return vocab, empty
    col, row_ids, data = np.concatenate(columns), np.concatenate(rows), np.concatenate(values)
    order = np.lexsort((row_ids, col))
    indptr = np.zeros(len(vocab) + 1, np.int64)
    np.add.at(indptr, col + 1, 1)
    return vocab, (
        data[order].astype(np.float32),
        row_ids[order].astype(np.int32),
        np.cumsum(indptr),
    )
