"""Query vectors for serving: the checked ONNX export run by onnxruntime, without torch.

`serve`, `mcp` and `search` encode queries here. Nothing imports torch, sentence-transformers or
transformers: the export folder (onnx_query.py writes it) holds the transformer as ONNX, the
word embeddings as a .npy file and the tokenizer, and its record (query_record.py) says how
to pool and that the export agreed with sentence-transformers on the current weights.

The word embeddings (250,002 x 384 floats for multilingual-e5-small, 370 MB) are memory-mapped
and looked up in numpy: a query touches a few dozen rows, and processes on one host share the
pages through the page cache. Passages, for the web app's write routes, still go through
sentence-transformers, loaded on the first write.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from forumgraph.config import Settings
from forumgraph.errors import ConfigError, MissingDependency
from forumgraph.index.mapped import map_rows
from forumgraph.index.query_record import (
    INSTALL_HINT,
    ExportRecord,
    export_folder,
    require_record,
    weights_fingerprint,
)

if TYPE_CHECKING:
    from forumgraph.index.embed import Embedder

log = logging.getLogger(__name__)

ONNX_FILE = "model.onnx"
EMBEDDINGS_FILE = "word_embeddings.npy"
UNIGRAM_FILE = "unigram.json"
TOKENIZER_FILE = "tokenizer.json"
EMBEDS_INPUT = "inputs_embeds"


class OnnxQueryEncoder:
    """Tokenizer, word-embedding lookup, ONNX transformer and pooling of one export."""

    def __init__(self, folder: Path, record: ExportRecord, threads: int) -> None:
        try:
            import onnxruntime
        except ImportError as exc:
            raise MissingDependency(
                "The Python module 'onnxruntime' that encodes queries is not installed.",
                hint="Reinstall forumgraph with its dependencies: pip install forumgraph",
            ) from exc
        self.record = record
        self._tokenize = _load_tokenizer(folder, record)
        self._embeddings = (
            map_rows(folder / EMBEDDINGS_FILE) if EMBEDS_INPUT in record.inputs else None
        )
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.log_severity_level = 3
        # Idle threads must not spin: FAISS, BM25 and the web server need the same cores.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(
            str(folder / ONNX_FILE), options, providers=["CPUExecutionProvider"]
        )

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """The token ids of each text, without padding."""
        ids, mask = self._tokenize(list(texts))
        return [row[: int(m.sum())].tolist() for row, m in zip(ids, mask, strict=True)]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Pooled (and normalised, if the model does) float32 vectors of texts as given."""
        ids, mask = self._tokenize(list(texts))
        feeds: dict[str, np.ndarray] = {"attention_mask": mask}
        for name in self.record.inputs:
            if name == EMBEDS_INPUT and self._embeddings is not None:
                feeds[name] = np.ascontiguousarray(self._embeddings[ids], dtype=np.float32)
            elif name == "input_ids":
                feeds[name] = ids
            elif name == "token_type_ids":
                feeds[name] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        if self.record.pooling == "cls":
            vectors = hidden[:, 0]
        else:
            weights = mask[..., None].astype(np.float32)
            vectors = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        if self.record.normalize:
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = vectors / np.maximum(norms, 1e-12)
        return np.ascontiguousarray(vectors, dtype=np.float32)


def _load_tokenizer(
    folder: Path, record: ExportRecord
) -> Callable[[list[str]], tuple[np.ndarray, np.ndarray]]:
    """texts -> (input_ids, attention_mask), padded on the right, truncated as the model is."""
    if record.tokenizer == "unigram":
        from forumgraph.index.unigram import UnigramTokenizer

        unigram = UnigramTokenizer.load(folder / UNIGRAM_FILE)
        return lambda texts: unigram.batch(texts, record.max_tokens)
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
    tokenizer.enable_truncation(record.max_tokens)
    tokenizer.enable_padding(pad_id=record.pad_id)
    lock = threading.Lock()  # a tokenizers object must not be used from two threads at once

    def tokenize(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        with lock:
            encodings = tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        return ids, np.array([e.attention_mask for e in encodings], dtype=np.int64)

    return tokenize


class QueryEmbedder:
    """The Embedder of a serving process: queries by onnxruntime, passages by torch on demand."""

    query_backend = "onnx"

    def __init__(
        self,
        model_name: str,
        encoder: OnnxQueryEncoder,
        passages: Callable[[], Embedder],
    ) -> None:
        """`passages` makes the sentence-transformers embedder, on the first passage batch."""
        self.model_name = model_name
        self._encoder = encoder
        self._make_passages = passages
        self._passages: Embedder | None = None
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        """Length of every vector."""
        return self._encoder.record.dim

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of search queries, with the model's query prefix."""
        if isinstance(texts, str):
            raise TypeError("encode_queries takes a sequence of strings, not one string.")
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        prefix = self._encoder.record.query_prefix
        return self._encoder.encode([prefix + text for text in texts])

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of passages to index (loads sentence-transformers and torch the first time)."""
        with self._lock:
            if self._passages is None:
                self._passages = self._make_passages()
            passages = self._passages
        return passages.encode_passages(texts)


def create_query_embedder(settings: Settings, passages: Embedder | None = None) -> Embedder:
    """The embedder that a serving process uses; `passages` shares an already loaded one.

    With `query_encoder = "onnx"` (the default) the export must exist and its record must
    match the model's weights as they are now: a ConfigError says how to rebuild it otherwise.
    With "torch", sentence-transformers encodes queries too (and torch is loaded).
    """
    from forumgraph.index.embed import create_embedder, locate_model

    if settings.query_encoder == "torch":
        return passages if passages is not None else create_embedder(settings)  # loads torch
    model_name, target = locate_model(settings)  # also validates query_encoder
    folder = model_folder(target)
    if folder is None:
        raise ConfigError(
            f"Setting 'embedding_model': the model {model_name!r} is not installed "
            f"({target} is not a folder and not in the Hugging Face cache).",
            hint=INSTALL_HINT,
        )
    out = export_folder(settings.model_cache_dir, model_name)
    record = require_record(out, model_name, weights_fingerprint(folder))
    encoder = OnnxQueryEncoder(out, record, threads=len(os.sched_getaffinity(0)))
    log.info("queries of %s are encoded by onnxruntime (export %s)", model_name, out)
    shared = passages
    return QueryEmbedder(
        model_name, encoder, (lambda: shared) if shared else lambda: create_embedder(settings)
    )


def model_folder(target: str) -> Path | None:
    """The local folder of a model given as a path or a Hugging Face name, or None."""
    path = Path(target).expanduser()
    if path.is_dir():
        return path
    try:
        from huggingface_hub import snapshot_download
        from huggingface_hub.errors import LocalEntryNotFoundError
    except ImportError:
        return None
    try:
        return Path(snapshot_download(target, local_files_only=True))
    except (LocalEntryNotFoundError, ValueError, OSError):
        return None
