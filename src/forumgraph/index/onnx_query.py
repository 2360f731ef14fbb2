"""Export the embedding model's query side to ONNX and check it against sentence-transformers.

Runs where torch is loaded anyway: `forumgraph models install` and ingest. A 20-token query
through torch costs ~35 ms on two cores, most of it per-operator overhead; onnxruntime runs the
same graph in ~14 ms, and a serving process then needs neither torch nor its 1.5 GB.

The export (query_encoder.py reads it) holds the transformer without its word-embedding table
(`inputs_embeds` in, hidden states out), the table as a .npy file to memory-map, and the
tokenizer. It is checked once, here: probe texts of every kind (scripts, lengths past the
model's limit, odd spaces, unknown characters, special strings) must give the same token ids
and vectors within MIN_AGREEMENT of sentence-transformers, alone and in one padded batch. The
result goes into the record with the weights fingerprint; serving trusts nothing else.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import warnings
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from forumgraph.config import Settings
from forumgraph.errors import ConfigError
from forumgraph.files import locked
from forumgraph.index.mapped import save_rows
from forumgraph.index.query_encoder import (
    EMBEDDINGS_FILE,
    EMBEDS_INPUT,
    ONNX_FILE,
    TOKENIZER_FILE,
    UNIGRAM_FILE,
    OnnxQueryEncoder,
)
from forumgraph.index.query_record import (
    EXPORT_FORMAT,
    MIN_AGREEMENT,
    TORCH_HINT,
    ExportRecord,
    export_folder,
    require_record,
    weights_fingerprint,
)

log = logging.getLogger(__name__)

POOLING_MODES = ("mean", "cls")
_TYPE_IDS = "token_type_ids"
# General probes, not drawn from any corpus: each exercises one step of the query path.
PROBES = (
    "Kubernetes Forum Seoul 2019 키노트 발표자는 누구인가?",
    "리즈 라이스는 어느 회사 소속인가",
    "What changed between Helm 2 and Helm 3?",
    "CNCF survey: 1,100 respondents, 35,000 contributors (2019)",
    "  spaces   around\tand\ninside  ",
    "ｆｕｌｌｗｉｄｔｈ ＫＵＢＥ ① ㎞ ﬁ café́ ᄒᆞᆫ글",
    "emoji 🚀🛳️ and rare ꙮ 𓀀 characters",
    "literal <s> and </s> and <mask> markers",
    "x",
    "서울 " * 400,
)


def ensure_query_export(
    model: Any, model_name: str, folder: Path | None, cache_dir: Path, force: bool = False
) -> ExportRecord | None:
    """The export's record for `model` (a loaded SentenceTransformer), made if missing or stale.

    `folder` is the model's local folder (for the weights fingerprint); None when it has none,
    and then nothing is exported.
    """
    if folder is None:
        log.warning("Model %s has no local folder; no ONNX query encoder is exported.", model_name)
        return None
    fingerprint = weights_fingerprint(folder)
    out = export_folder(cache_dir, model_name)
    if not force and _current(ExportRecord.load(out), model_name, fingerprint):
        return ExportRecord.load(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with locked(out.parent / f".{out.name}.lock"):
        record = ExportRecord.load(out)
        if force or not _current(record, model_name, fingerprint):  # else made meanwhile
            log.info("exporting the query encoder of %s to ONNX (once per model)", model_name)
            record = _export(model, model_name, folder, fingerprint, out)
            log.info(
                "query encoder of %s: %s (least cosine %.6f over %d probes)",
                model_name,
                "checked" if record.passed else f"refused: {record.reason}",
                record.agreement,
                record.probes,
            )
    return record


def _current(record: ExportRecord | None, model_name: str, fingerprint: str) -> bool:
    return (
        record is not None
        and record.format == EXPORT_FORMAT
        and record.model_name == model_name
        and record.fingerprint == fingerprint
    )


def _export(model: Any, model_name: str, folder: Path, fingerprint: str, out: Path) -> ExportRecord:
    """Export into a folder beside `out`, check it, then swap it in."""
    base = ExportRecord(model_name=model_name, fingerprint=fingerprint, passed=False)
    for leftover in out.parent.glob(f".{out.name}.*"):  # from a killed export
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the cache may be shared
    try:
        shape = _pipeline_shape(model)
        if shape is None:
            record = replace(
                base, reason="its pipeline is not a transformer with mean or CLS pooling"
            )
        else:
            record = _export_checked(model, folder, staging, base, *shape)
        record.save(staging)
        old = out.with_name(f".{out.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if out.exists():
            os.replace(out, old)
        os.replace(staging, out)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return record


def _export_checked(
    model: Any, folder: Path, staging: Path, base: ExportRecord, pooling: str, normalize: bool
) -> ExportRecord:
    transformer = model[0].auto_model.eval()
    tokenizer = model[0].tokenizer
    probe = _tokenizer_of(model)([PROBES[0]])
    type_ids = [_TYPE_IDS] if _TYPE_IDS in probe else []
    embeddings = transformer.get_input_embeddings()
    by_embeds = type(embeddings).__name__ == "Embedding" and hasattr(embeddings, "weight")
    inputs = [EMBEDS_INPUT if by_embeds else "input_ids", "attention_mask", *type_ids]
    _export_graph(transformer, probe, inputs, staging / ONNX_FILE)
    if by_embeds:
        save_rows(staging / EMBEDDINGS_FILE, embeddings.weight.detach().float().numpy())
    kind = _save_tokenizer(folder, tokenizer, staging)
    prefix = (getattr(model, "prompts", None) or {}).get("query") or ""
    record = replace(
        base,
        pooling=pooling,
        normalize=normalize,
        query_prefix=prefix,
        max_tokens=int(model.max_seq_length),
        dim=int(transformer.config.hidden_size),
        inputs=tuple(inputs),
        tokenizer=kind,
        pad_id=int(tokenizer.pad_token_id or 0),
        probes=len(PROBES),
        checked_with=_versions(),
    )
    encoder = OnnxQueryEncoder(staging, record, threads=len(os.sched_getaffinity(0)))
    reason, agreement = _disagreement(model, tokenizer, encoder, prefix)
    return replace(record, passed=not reason, reason=reason, agreement=agreement)


def _export_graph(transformer: Any, probe: dict[str, Any], inputs: list[str], path: Path) -> None:
    import torch

    class Hidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, *args: Any) -> Any:
            named = dict(zip(inputs, args, strict=True))
            return self.transformer(**named).last_hidden_state

    with torch.no_grad():
        sample = {name: probe[name] for name in inputs if name in probe}
        if EMBEDS_INPUT in inputs:
            sample[EMBEDS_INPUT] = transformer.get_input_embeddings()(probe["input_ids"])
    axes = {name: {0: "batch", 1: "tokens"} for name in [*inputs, "hidden"]}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Hidden().eval(),
            tuple(sample[name] for name in inputs),
            str(path),
            input_names=inputs,
            output_names=["hidden"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )


def _save_tokenizer(folder: Path, tokenizer: Any, staging: Path) -> str:
    """The compact tokenizer for the default model (unigram.py), else the model's own."""
    from forumgraph.index.e5convert import default_vocab_of
    from forumgraph.index.e5tokenizer import special_tokens
    from forumgraph.index.unigram import UnigramTokenizer

    vocab = default_vocab_of(folder)
    if vocab is not None:
        specials = list(dict.fromkeys(special_tokens(vocab).values()))
        UnigramTokenizer.save(staging / UNIGRAM_FILE, vocab, specials)
        return "unigram"
    backend = tokenizer.backend_tokenizer
    backend.no_truncation()
    backend.no_padding()
    backend.save(str(staging / TOKENIZER_FILE))
    return "tokenizers"


def _disagreement(
    model: Any, tokenizer: Any, encoder: OnnxQueryEncoder, prefix: str
) -> tuple[str, float]:
    """(why the export disagrees with sentence-transformers or "", the least cosine)."""
    texts = [prefix + text for text in PROBES]
    limit = encoder.record.max_tokens
    for text in texts:
        expected = tokenizer(text, truncation=True, max_length=limit)["input_ids"]
        got = encoder.token_ids([text])[0]
        if list(expected) != list(got):
            return f"its tokenizer gives other ids than the model's for {text[:40]!r}", 0.0
    prompt = {"prompt_name": "query"} if prefix else {"prompt": ""}
    reference = model.encode(
        list(PROBES), **prompt, convert_to_numpy=True, normalize_embeddings=True
    )
    batch = encoder.encode(texts)
    single = np.vstack([encoder.encode([text]) for text in texts])
    least = 1.0
    for ours in (batch, single):
        ours = ours / np.maximum(np.linalg.norm(ours, axis=1, keepdims=True), 1e-12)
        least = min(least, float(np.sum(ours * reference, axis=1).min()))
    if least < MIN_AGREEMENT:
        return f"its vectors differ from sentence-transformers' (cosine {least:.6f})", least
    return "", least


def _pipeline_shape(model: Any) -> tuple[str, bool] | None:
    """(pooling mode, normalises) for Transformer → Pooling [→ Normalize], else None."""
    names = [type(module).__name__ for module in model]
    if names not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
        return None
    pooling = getattr(model[1], "pooling_mode", None)
    if pooling not in POOLING_MODES or not getattr(model[1], "include_prompt", True):
        return None
    return str(pooling), len(names) == 3


def _tokenizer_of(model: Any) -> Any:
    # sentence-transformers 6 renamed tokenize to preprocess.
    return getattr(model, "preprocess", None) or model.tokenize


def _versions() -> dict[str, str]:
    names = ("sentence-transformers", "transformers", "torch", "onnxruntime")
    return {name: metadata.version(name) for name in names}


def install_query_encoder(settings: Settings, force: bool = False) -> tuple[Path, ExportRecord]:
    """Export and check the configured model's query encoder (`forumgraph models install`);
    the export folder and its record, or a ConfigError when serving could not use it."""
    from forumgraph.index.embed import SentenceTransformerEmbedder, create_embedder

    embedder = create_embedder(settings.with_overrides(query_encoder="torch"))
    if not isinstance(embedder, SentenceTransformerEmbedder):
        raise TypeError("create_embedder returned no sentence-transformers embedder.")
    record = embedder.export_query_encoder(settings.model_cache_dir, force)
    folder = export_folder(settings.model_cache_dir, embedder.model_name)
    if record is None:
        raise ConfigError(
            f"The model {embedder.model_name!r} has no local folder to export from.",
            hint=TORCH_HINT,
        )
    return folder, require_record(folder, embedder.model_name, record.fingerprint)
