"""Where a remote graph store answers: its SPARQL query, update and graph store URLs.

URLs may carry credentials (`http://user:password@host/...`); they are used for requests but
never written to SNAPSHOT.json, which keeps the bare URLs (see `to_json`).
"""

from __future__ import annotations

from dataclasses import dataclass

from forumgraph.config import Settings, strip_credentials
from forumgraph.errors import ConfigError


@dataclass(frozen=True)
class RemoteEndpoints:
    """Where the SPARQL server answers: query, update and (optional) graph store URLs."""

    query_url: str
    update_url: str
    store_url: str = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> RemoteEndpoints:
        """The endpoints of `graph_backend = "remote"`; ConfigError names what is missing."""
        for name in ("remote_query_url", "remote_update_url"):
            value = getattr(settings, name)
            if not value.startswith(("http://", "https://")):
                raise ConfigError(
                    f"Setting '{name}' must be an http(s) URL for the remote graph backend, "
                    f"not {value!r}.",
                    hint="e.g. http://127.0.0.1:7878/query and http://127.0.0.1:7878/update "
                    "for `oxigraph serve`.",
                )
        return cls(settings.remote_query_url, settings.remote_update_url, settings.remote_store_url)

    def to_json(self) -> dict[str, str]:
        """The URLs for SNAPSHOT.json, without any user name or password in them."""
        bare = self.without_credentials()
        return {"query_url": bare.query_url, "update_url": bare.update_url, "store": bare.store_url}

    @classmethod
    def from_json(cls, data: dict[str, str]) -> RemoteEndpoints:
        return cls(data["query_url"], data["update_url"], data.get("store", ""))

    def without_credentials(self) -> RemoteEndpoints:
        return RemoteEndpoints(
            strip_credentials(self.query_url),
            strip_credentials(self.update_url),
            strip_credentials(self.store_url),
        )

    def with_credentials_of(self, configured: RemoteEndpoints | None) -> RemoteEndpoints:
        """The configured endpoints (which may carry credentials) when they name these servers."""
        if (
            configured is not None
            and configured.without_credentials() == self.without_credentials()
        ):
            return configured
        return self


def configured_endpoints(settings: Settings) -> RemoteEndpoints | None:
    """The endpoints of a remote graph backend, or None for the embedded one."""
    if settings.graph_backend != "remote" or not settings.remote_query_url:
        return None
    return RemoteEndpoints(
        settings.remote_query_url, settings.remote_update_url, settings.remote_store_url
    )
