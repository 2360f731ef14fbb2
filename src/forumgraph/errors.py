"""The exception family. Each error carries a user-facing message, a hint and an HTTP status."""

from __future__ import annotations


class ForumgraphError(Exception):
    """Base class: `message` says what is wrong, `hint` what to do next."""

    status = 500
    code = "error"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} ({self.hint})"

    def __reduce__(self) -> tuple[type[ForumgraphError], tuple[str, str | None]]:
        # Keeps the hint when the error crosses a process boundary (pickle).
        return (type(self), (self.message, self.hint))


class InputError(ForumgraphError):
    """A file, document, request or parameter that cannot be used as given."""

    status = 400
    code = "bad_input"


class ConfigError(ForumgraphError):
    """A setting that is missing, malformed or inconsistent."""

    status = 500
    code = "bad_config"


class QueryError(ForumgraphError):
    """A search or SPARQL query that cannot be run (syntax, unsupported form)."""

    status = 400
    code = "bad_query"


class QueryRefused(QueryError):
    """A query the read-only endpoint will not run (updates, LOAD, SERVICE)."""

    status = 403
    code = "query_refused"


class QueryTimeout(ForumgraphError):
    """A query that ran past the configured time limit."""

    status = 503
    code = "timeout"


class QueryMemoryLimit(ForumgraphError):
    """A query that needed more memory than a query worker may use."""

    status = 503
    code = "memory_limit"


class NotFound(ForumgraphError):
    """An entity, document or passage that does not exist."""

    status = 404
    code = "not_found"


class Unauthorized(ForumgraphError):
    """A write request without a valid bearer token."""

    status = 401
    code = "unauthorized"


class Forbidden(ForumgraphError):
    """A request this server does not accept from anyone (e.g. writes with no token configured)."""

    status = 403
    code = "forbidden"


class StoreError(ForumgraphError):
    """A store that is missing, locked, corrupt or inconsistent."""

    status = 503
    code = "store_unavailable"


class StoreBusy(StoreError):
    """Another writer holds the store's write lock; the write was not started."""

    status = 409
    code = "store_busy"


class IndexMismatch(StoreError):
    """An index built with another embedding model or dimension than the configured one."""

    code = "index_mismatch"


class MissingDependency(ConfigError):
    """An optional dependency that the chosen configuration needs is not installed."""

    code = "missing_dependency"

    @classmethod
    def for_module(cls, module: str, extra: str) -> MissingDependency:
        return cls(
            f"The Python module '{module}' is not installed.",
            hint=f"Install it with: pip install 'forumgraph[{extra}]'",
        )
