"""The default model's Unigram tokenizer in plain Python, for encoding queries.

The `tokenizers` build of the same vocabulary (e5tokenizer.py) keeps a trie node per byte of
its 250,002 pieces: about 270 MB resident and a second to load. A query needs a few dozen
dictionary lookups, so a flat piece -> id dict (about 30 MB) does as well. The steps are the
ones e5tokenizer.py configures, in the same order, and give the same ids:

1. Special strings (`<s>`, `</s>`, `<pad>`, `<unk>`, `<mask>`) in the text become their ids.
2. Each codepoint goes through the model's normalisation table; runs of spaces become one.
3. Spaces become U+2581, and U+2581 goes in front of the text's first segment unless it
   starts with a space; the segment is split into words before each U+2581.
4. A character without a piece of its own is a word of its own and becomes `<unk>`.
5. Each word is segmented by Viterbi over the piece scores (the first of equal paths wins).
6. `<s>` and `</s>` go around the ids, after truncating to the model's length.
"""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from forumgraph.errors import ConfigError

if TYPE_CHECKING:
    from forumgraph.index.e5tokenizer import E5Vocab

METASPACE = "▁"
_SPACES = re.compile(" {2,}")


class UnigramTokenizer:
    """Token ids of texts, as the model's `tokenizers` tokenizer gives them."""

    def __init__(
        self,
        pieces: Sequence[str],
        scores: Sequence[float],
        special_ids: dict[str, int],
        specials: Sequence[str],
        norm_map: dict[int, str],
    ) -> None:
        self._ids = {piece: i for i, piece in enumerate(pieces)}
        self._scores = array("d", scores)  # 8 bytes a piece instead of a float object
        self._max_len = max(len(piece) for piece in pieces)
        self._known = {piece for piece in pieces if len(piece) == 1}
        self._table = {cp: text for cp, text in norm_map.items()}
        self.bos, self.eos = special_ids["bos"], special_ids["eos"]
        self.pad, self.unk = special_ids["pad"], special_ids["unk"]
        longest_first = sorted(specials, key=len, reverse=True)
        self._special_ids = {s: self._ids[s] for s in specials}
        self._special_split = re.compile("(" + "|".join(map(re.escape, longest_first)) + ")")

    @classmethod
    def load(cls, path: Path) -> UnigramTokenizer:
        """The tokenizer saved by `save`."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                data["pieces"],
                data["scores"],
                data["special_ids"],
                data["specials"],
                {int(cp): text for cp, text in data["norm_map"].items()},
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(
                f"The query tokenizer {path} cannot be read: {exc}.",
                hint="Rebuild it with `forumgraph models install --force`.",
            ) from exc

    @staticmethod
    def save(path: Path, vocab: E5Vocab, specials: Sequence[str]) -> None:
        """Write an E5Vocab (e5tokenizer.py) and its special strings for `load`."""
        data = {
            "pieces": list(vocab.pieces),
            "scores": [float(s) for s in vocab.scores],
            "special_ids": dict(vocab.special_ids),
            "specials": list(specials),
            "norm_map": {str(cp): text for cp, text in vocab.norm_map.items()},
        }
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def encode(self, text: str, max_tokens: int) -> list[int]:
        """The ids of one text with `<s>` and `</s>`, at most `max_tokens` of them."""
        ids: list[int] = []
        first = True
        for segment in self._special_split.split(text):
            if not segment:
                continue
            special = self._special_ids.get(segment)
            if special is not None:
                ids.append(special)
            else:
                ids.extend(self._segment_ids(segment, prepend=first))
            first = False
        return [self.bos, *ids[: max(0, max_tokens - 2)], self.eos]

    def batch(self, texts: Sequence[str], max_tokens: int) -> tuple[np.ndarray, np.ndarray]:
        """(input_ids, attention_mask) of `texts`, padded on the right to the longest."""
        rows = [self.encode(text, max_tokens) for text in texts]
        width = max(len(row) for row in rows)
        ids = np.full((len(rows), width), self.pad, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, row in enumerate(rows):
            ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        return ids, mask

    def _segment_ids(self, segment: str, prepend: bool) -> list[int]:
        table = self._table
        text = "".join(table.get(ord(ch), ch) for ch in segment)
        text = _SPACES.sub(" ", text).replace(" ", METASPACE)
        if not text:
            return []
        if prepend and not text.startswith(METASPACE):
            text = METASPACE + text
        ids: list[int] = []
        for word in _words(text):
            start = 0
            for i, ch in enumerate(word):
                if ch not in self._known:  # a word of its own: <unk>
                    ids.extend(self._viterbi(word[start:i]))
                    ids.append(self.unk)
                    start = i + 1
            ids.extend(self._viterbi(word[start:]))
        return ids

    def _viterbi(self, word: str) -> list[int]:
        if not word:
            return []
        n, pieces, scores = len(word), self._ids, self._scores
        best = [0.0] * (n + 1)
        back: list[tuple[int, int] | None] = [None] * (n + 1)
        for start in range(n):
            if start and back[start] is None:
                continue
            base = best[start]
            for end in range(start + 1, min(n, start + self._max_len) + 1):
                piece = pieces.get(word[start:end])
                if piece is None:
                    continue
                score = base + scores[piece]
                if back[end] is None or score > best[end]:
                    best[end], back[end] = score, (start, piece)
        out: list[int] = []
        end = n
        while end > 0:
            step = back[end]
            if step is None:  # every character has a piece, so this cannot happen
                raise ValueError(f"No segmentation of {word!r}.")
            end, piece = step
            out.append(piece)
        out.reverse()
        return out


def _words(text: str) -> list[str]:
    """Split before each U+2581, keeping it at the start of the word that follows."""
    words, start = [], 0
    for i, ch in enumerate(text):
        if ch == METASPACE and i > start:
            words.append(text[start:i])
            start = i
    if start < len(text):
        words.append(text[start:])
    return words
