"""Which Milvus a store uses: a server URL or a Milvus Lite file, a token, a collection prefix."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forumgraph.config import Settings, mask_url, strip_credentials
from forumgraph.errors import ConfigError, MissingDependency, StoreError

if TYPE_CHECKING:
    from pymilvus import MilvusClient

LITE_FILE = "milvus.db"
_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,40}$")
_SERVER_SCHEMES = ("http://", "https://", "tcp://", "grpc://", "unix:")
HINT = "Check that Milvus is running and that milvus_uri (and milvus_token) point at it."


@dataclass(frozen=True)
class MilvusTarget:
    """A Milvus deployment and the prefix of one store's collections in it."""

    uri: str
    prefix: str
    token: str = field(default="", repr=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> MilvusTarget:
        """The target of `index_backend = "milvus"`; ConfigError names a bad setting."""
        prefix = settings.milvus_collection_prefix
        if not _PREFIX.match(prefix):
            raise ConfigError(
                f"Setting 'milvus_collection_prefix' must start with a letter and hold only "
                f"letters, digits and underscores (at most 41), not {prefix!r}.",
                hint="e.g. forumgraph or forumgraph_staging.",
            )
        uri = settings.milvus_uri or str(Path(settings.store_dir).resolve() / LITE_FILE)
        if not uri.startswith(_SERVER_SCHEMES):
            if not uri.endswith(".db"):
                raise ConfigError(
                    f"Setting 'milvus_uri' must be a Milvus server URL (http://host:19530) or "
                    f"a Milvus Lite file ending in .db, not {mask_url(uri)!r}.",
                    hint="Leave it empty for milvus.db in the store directory.",
                )
            uri = str(Path(uri).expanduser().resolve())
        return cls(uri, prefix, settings.milvus_token)

    @property
    def is_lite(self) -> bool:
        """True for a Milvus Lite file (one process at a time), False for a server."""
        return not self.uri.startswith(_SERVER_SCHEMES)

    def collection(self, kind: str) -> str:
        """The name of this store's collection of `kind` (passages, documents, meta)."""
        return f"{self.prefix}_{kind}"

    def to_json(self) -> dict[str, str]:
        """The target for SNAPSHOT.json and store pointers: never the token."""
        return {"uri": strip_credentials(self.uri), "prefix": self.prefix}

    @classmethod
    def from_json(cls, data: dict[str, str], configured: MilvusTarget | None) -> MilvusTarget:
        """The recorded target, with the configured token when it names the same collections."""
        recorded = cls(str(data["uri"]), str(data["prefix"]))
        if configured is not None and (configured.uri, configured.prefix) == (
            recorded.uri,
            recorded.prefix,
        ):
            return configured
        return recorded

    def describe(self) -> str:
        """Where, for messages (no credentials)."""
        return f"{mask_url(self.uri)} (collections {self.prefix}_*)"


def configured_milvus(settings: Settings) -> MilvusTarget | None:
    """The Milvus target of `index_backend = "milvus"`, or None for the embedded backend."""
    if settings.index_backend != "milvus":
        return None
    return MilvusTarget.from_settings(settings)


def connect(target: MilvusTarget) -> MilvusClient:
    """A client of the target's Milvus (a Milvus Lite file starts its engine in this process)."""
    try:
        from pymilvus import MilvusClient
    except ImportError as exc:
        raise MissingDependency.for_module("pymilvus", "milvus") from exc
    if target.is_lite:
        Path(target.uri).parent.mkdir(parents=True, exist_ok=True)
        # Milvus Lite cannot give query iterators a server timestamp, which pymilvus logs as a
        # warning on every read of more than one page; the reads are exact all the same.
        logging.getLogger("pymilvus").setLevel(logging.ERROR)
    try:
        return MilvusClient(uri=target.uri, token=target.token, timeout=60)
    except Exception as exc:  # pymilvus raises its own and grpc's errors alike
        raise StoreError(
            f"Milvus at {mask_url(target.uri)} cannot be reached: {_short(exc)}.", hint=HINT
        ) from exc


def milvus_call(what: str, target: MilvusTarget, call: Any, *args: Any, **kwargs: Any) -> Any:
    """`call(*args, **kwargs)`, with Milvus's errors turned into a StoreError naming `what`."""
    try:
        return call(*args, **kwargs)
    except Exception as exc:
        if isinstance(exc, StoreError):
            raise
        try:
            from pymilvus.exceptions import MilvusException
        except ImportError:  # pragma: no cover - connect() already needed pymilvus
            raise exc from None
        if not isinstance(exc, MilvusException | ConnectionError | TimeoutError):
            raise
        raise StoreError(
            f"Milvus at {mask_url(target.uri)} failed to {what}: {_short(exc)}.", hint=HINT
        ) from exc


def _short(exc: BaseException) -> str:
    text = str(getattr(exc, "message", "") or exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:300]
