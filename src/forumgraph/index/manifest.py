"""What an index was built from: model, dimension, index type, size and corpus; refuses mismatches.

An index saved with one embedding model must never be searched with query vectors of another:
the scores would be meaningless while looking plausible. Every saved index carries a manifest,
and loading compares it with what the current configuration expects.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from forumgraph import __version__
from forumgraph.errors import IndexMismatch, StoreError
from forumgraph.files import atomic_write_bytes

MANIFEST_FILE = "manifest.json"
REBUILD_HINT = (
    "Rebuild the indexes with the configured model: forumgraph ingest --rebuild PATH... "
    "--store DIR (or set embedding_model back to the model the store was built with)."
)


@dataclass(frozen=True)
class IndexManifest:
    """The identity of a saved index; an empty `corpus_hash` in an expectation matches any."""

    model_name: str
    dim: int
    index_type: str = ""
    count: int = 0
    corpus_hash: str = ""
    forumgraph_version: str = __version__

    def to_json(self) -> str:
        """The manifest as pretty JSON."""
        return json.dumps(asdict(self), indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str, source: str = "manifest") -> IndexManifest:
        """Parse a manifest; `source` names the file in errors."""
        try:
            raw = json.loads(text)
            known = {f.name for f in fields(cls)}
            return cls(**{k: v for k, v in raw.items() if k in known})
        except (ValueError, TypeError) as exc:
            raise StoreError(
                f"Index manifest {source} is not valid: {exc}.", hint=REBUILD_HINT
            ) from exc

    def save(self, directory: Path) -> None:
        """Write `manifest.json` into `directory` atomically."""
        atomic_write_bytes(directory / MANIFEST_FILE, self.to_json().encode("utf-8"))

    @classmethod
    def load(cls, directory: Path) -> IndexManifest:
        """Read `manifest.json` from `directory`."""
        path = directory / MANIFEST_FILE
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise StoreError(f"Index manifest {path} is missing.", hint=REBUILD_HINT) from exc
        return cls.from_json(text, source=str(path))

    def verify(self, expected: IndexManifest, where: Path | str) -> None:
        """Raise IndexMismatch unless this (found) manifest fits the `expected` one."""
        if self.model_name != expected.model_name or self.dim != expected.dim:
            raise IndexMismatch(
                f"The vector index in {where} was built with model '{self.model_name}' "
                f"({self.dim} dimensions), but the configured model is '{expected.model_name}' "
                f"({expected.dim} dimensions).",
                hint=REBUILD_HINT,
            )
        if expected.corpus_hash and self.corpus_hash != expected.corpus_hash:
            raise IndexMismatch(
                f"The vector index in {where} was built from another corpus than the store's "
                f"passages (corpus hash {self.corpus_hash[:12]} != {expected.corpus_hash[:12]}).",
                hint=REBUILD_HINT,
            )


def corpus_hash(passages: Iterable[tuple[str, str]]) -> str:
    """A stable sha256 over (passage id, text) pairs, independent of their order."""
    digest = hashlib.sha256()
    for passage_id, text in sorted(passages):
        digest.update(passage_id.encode("utf-8"))
        digest.update(b"\x00")
        digest.update(hashlib.sha256(text.encode("utf-8")).digest())
    return digest.hexdigest()
