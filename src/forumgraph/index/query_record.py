"""The query encoder's export record: which weights it came from and how well it agreed.

`forumgraph models install` (or the first ingest) exports the embedding model's transformer to
ONNX and checks it against sentence-transformers; `ExportRecord` is what that check leaves
beside the export. A serving process reads it without loading torch: it trusts a record whose
weights fingerprint matches the model folder as it is now, and refuses anything else.

The fingerprint is computed from the model folder's files, so both sides get it without
torch: small files whole, large ones (the weights) by their size, their first and last
64 KiB and 1,024 blocks of 4 KiB spread evenly over them. Retraining, quantising or swapping
a model changes those bytes; reading them costs milliseconds instead of hashing 470 MB.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from forumgraph.errors import ConfigError
from forumgraph.files import atomic_write_bytes

EXPORT_DIR = "query-encoders"  # under model_cache_dir
RECORD_FILE = "query_encoder.json"
# Bump when the export's layout or the encoding steps change: older exports are rebuilt.
EXPORT_FORMAT = 2
MIN_AGREEMENT = 0.9999  # least cosine between a probe's sentence-transformers and ONNX vectors
INSTALL_HINT = "Run `forumgraph models install` to export the query encoder and check it again."
TORCH_HINT = (
    "Set query_encoder = torch (FORUMGRAPH_QUERY_ENCODER=torch) to encode queries with "
    "sentence-transformers instead."
)
_WHOLE_FILE = 16 << 20
_EDGE = 64 << 10
_BLOCK = 4 << 10
_BLOCKS = 1024


@dataclass(frozen=True)
class ExportRecord:
    """What the export holds and whether it agreed with sentence-transformers."""

    model_name: str
    fingerprint: str  # of the model folder's weights (weights_fingerprint)
    passed: bool  # the agreement check passed
    reason: str = ""  # why it did not, for the refusal
    pooling: str = "mean"  # "mean" or "cls"
    normalize: bool = True
    query_prefix: str = ""
    max_tokens: int = 512
    dim: int = 0
    inputs: tuple[str, ...] = ()  # the ONNX graph's inputs
    tokenizer: str = ""  # "unigram" (unigram.py) or "tokenizers" (tokenizer.json)
    pad_id: int = 0
    agreement: float = 0.0  # least cosine over the probes
    probes: int = 0
    checked_with: dict[str, str] = field(default_factory=dict)  # package versions
    format: int = EXPORT_FORMAT

    def save(self, folder: Path) -> None:
        """Write the record into the export folder."""
        text = json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"
        atomic_write_bytes(folder / RECORD_FILE, text.encode("utf-8"))
        (folder / RECORD_FILE).chmod(0o644)  # written private; the cache may be shared

    @classmethod
    def load(cls, folder: Path) -> ExportRecord | None:
        """The record in `folder`, or None if there is none (or it cannot be read)."""
        try:
            data = json.loads((folder / RECORD_FILE).read_text(encoding="utf-8"))
            data["inputs"] = tuple(data.get("inputs", ()))
            return cls(**data)
        except (OSError, ValueError, TypeError):
            return None


def export_folder(cache_dir: Path, model_name: str) -> Path:
    """Where the query encoder export of `model_name` is kept under the model cache."""
    readable = re.sub(r"[^A-Za-z0-9._-]+", "-", model_name).strip("-.")[:60] or "model"
    digest = hashlib.sha256(model_name.encode("utf-8")).hexdigest()[:8]
    return Path(cache_dir).expanduser() / EXPORT_DIR / f"{readable}-{digest}"


def weights_fingerprint(model_folder: Path) -> str:
    """A digest of the files of a model folder (see the module docstring)."""
    digest = hashlib.sha256()
    files = sorted(
        (path.relative_to(model_folder).as_posix(), path)
        for path in model_folder.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(model_folder).parts)
    )
    if not files:
        raise ConfigError(f"The model folder {model_folder} holds no files.", hint=INSTALL_HINT)
    for name, path in files:
        size = path.stat().st_size
        digest.update(f"{name}\0{size}\0".encode())
        with path.open("rb") as fh:
            if size <= _WHOLE_FILE:
                digest.update(fh.read())
                continue
            spans = [(0, _EDGE), (size - _EDGE, _EDGE)]
            spans += [((size - _BLOCK) * i // (_BLOCKS - 1), _BLOCK) for i in range(_BLOCKS)]
            for offset, length in spans:
                fh.seek(offset)
                digest.update(fh.read(length))
    return digest.hexdigest()


def require_record(folder: Path, model_name: str, fingerprint: str) -> ExportRecord:
    """The export's record when it may be trusted for `fingerprint`; else a ConfigError."""
    record = ExportRecord.load(folder)
    setting = "Setting 'query_encoder' is onnx, but"
    if record is None:
        raise ConfigError(
            f"{setting} the model {model_name!r} has no checked ONNX export in {folder}.",
            hint=INSTALL_HINT,
        )
    if record.format != EXPORT_FORMAT or record.model_name != model_name:
        raise ConfigError(
            f"{setting} the ONNX export in {folder} was made by another version of forumgraph "
            "or for another model.",
            hint=INSTALL_HINT,
        )
    if record.fingerprint != fingerprint:
        raise ConfigError(
            f"{setting} the ONNX export in {folder} was made from other weights than the "
            f"model {model_name!r} has now.",
            hint=INSTALL_HINT,
        )
    if not record.passed:
        raise ConfigError(
            f"{setting} the model {model_name!r} cannot be encoded by onnxruntime: "
            f"{record.reason}.",
            hint=TORCH_HINT,
        )
    return record
