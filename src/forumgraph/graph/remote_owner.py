"""Who may write what on a SPARQL server that several forumgraph stores share.

Ownership: each store has an id (kept in its SNAPSHOT.json). Every document graph it writes is
recorded in the server's admin graph (`<graph> fg:writtenBy <store>`) by the same Update that
writes the graph, so a store deletes or replaces only graphs it wrote, and a new store (a first
ingest, or a replica whose generations were not copied yet) cannot wipe anyone else's.
Graphs without a record count as a store's own when its published generation lists them (stores
written before records existed). `forumgraph ingest --rebuild` takes everything over.

Writer lease: one writer at a time per server. A store takes the lease with a conditional
Update (insert its token unless a live lease exists; an expired one is removed in the same
request), reads it back, and checks before each write that its token is still the only one, so
two writers that raced never interleave silently. The lease expires by itself after
`LEASE_SECONDS` (renewed while writing), so a crashed writer blocks the server only that long.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from collections.abc import Collection, Iterable
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING

from pyoxigraph import Literal

from forumgraph.config import mask_url
from forumgraph.errors import StoreBusy, StoreError
from forumgraph.graph.terms import FG, XSD, admin_graph, store_id_of, store_iri, writer_lease_iri

if TYPE_CHECKING:
    from forumgraph.graph.remote import RemoteStore

LEASE_SECONDS = 600.0
REBUILD_HINT = (
    "If this store should own the server's documents, run `forumgraph ingest --rebuild PATH...`, "
    "which deletes the documents the other store wrote; otherwise give this store its own "
    "SPARQL server or base_iri."
)


def new_store_id() -> str:
    """A fresh store id (random, so that two hosts never pick the same one)."""
    return uuid.uuid4().hex


def check_owned(
    server_owners: dict[str, str],
    on_server: Collection[str],
    store_id: str,
    published: Collection[str],
    doc_ids: Iterable[str],
) -> None:
    """StoreError naming `--rebuild` when any of `doc_ids` on the server is not this store's."""
    foreign = sorted(
        doc_id
        for doc_id in doc_ids
        if doc_id in on_server and not is_own(doc_id, server_owners, store_id, published)
    )
    if foreign:
        shown = ", ".join(repr(d) for d in foreign[:5]) + (" ..." if len(foreign) > 5 else "")
        raise StoreError(
            f"The SPARQL server already holds {len(foreign)} document graph(s) that another "
            f"forumgraph store wrote ({shown}); this store does not replace them.",
            hint=REBUILD_HINT,
        )


def is_own(
    doc_id: str, server_owners: dict[str, str], store_id: str, published: Collection[str]
) -> bool:
    """True when this store wrote the document graph (or published it before records)."""
    owner = server_owners.get(doc_id)
    return owner == store_id if owner is not None else doc_id in published


class WriterLease:
    """The one writer lease of a shared SPARQL server, held by `store_id` (a context manager)."""

    def __init__(self, store: RemoteStore, store_id: str, ttl_s: float = LEASE_SECONDS) -> None:
        self.store = store
        self.store_id = store_id
        self.ttl_s = ttl_s
        self.token = f"{store_id}/{os.getpid()}/{uuid.uuid4().hex}"
        self._renewed = 0.0
        base = store.base_iri
        self._graph = admin_graph(base)
        self._lease = writer_lease_iri(base)

    def __enter__(self) -> WriterLease:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def acquire(self) -> None:
        """Take the lease, or StoreBusy naming the store that holds it and until when."""
        now = datetime.now(UTC)
        g, lease = self._graph, self._lease
        self.store.admin_update(
            f"DELETE {{ GRAPH {g} {{ {lease} ?p ?o }} }} WHERE {{ GRAPH {g} {{ "
            f"{lease} {FG.leaseExpires} ?until ; ?p ?o }} FILTER(?until < {_instant(now)}) }} ;\n"
            f"INSERT {{ GRAPH {g} {{ {lease} {FG.leaseToken} {Literal(self.token)} ; "
            f"{FG.heldBy} {store_iri(self.store_id, self.store.base_iri)} ; "
            f"{FG.leaseExpires} {_instant(now + timedelta(seconds=self.ttl_s))} }} }} "
            f"WHERE {{ FILTER NOT EXISTS {{ GRAPH {g} {{ {lease} {FG.leaseToken} ?any }} }} }}",
            "take the writer lease",
        )
        self._renewed = time.monotonic()
        try:
            self.check()
        except StoreBusy:
            self.release()
            raise

    def check(self) -> None:
        """Before each write: the lease is still this writer's alone (renewed when due)."""
        holders = self._holders()
        if set(holders) != {self.token}:
            others = [h for t, h in holders.items() if t != self.token]
            raise StoreBusy(
                f"Another forumgraph store is writing to the SPARQL server at "
                f"{mask_url(self.store.endpoints.update_url)} ({'; '.join(others)}).",
                hint="Wait for that writer to finish and try again; a lease left by a writer "
                "that stopped expires by itself at the time shown.",
            )
        if time.monotonic() - self._renewed > self.ttl_s / 3:
            self._renew()

    def release(self) -> None:
        """Give the lease back (only this writer's token is removed)."""
        g, lease = self._graph, self._lease
        # If this fails the lease expires by itself; the write's own outcome matters more.
        with contextlib.suppress(StoreError):
            self.store.admin_update(
                f"DELETE {{ GRAPH {g} {{ {lease} ?p ?o }} }} WHERE {{ GRAPH {g} {{ "
                f"{lease} {FG.leaseToken} {Literal(self.token)} ; ?p ?o }} }}",
                "give back the writer lease",
            )

    def _renew(self) -> None:
        g, lease = self._graph, self._lease
        until = _instant(datetime.now(UTC) + timedelta(seconds=self.ttl_s))
        self.store.admin_update(
            f"DELETE {{ GRAPH {g} {{ {lease} {FG.leaseExpires} ?until }} }} "
            f"INSERT {{ GRAPH {g} {{ {lease} {FG.leaseExpires} {until} }} }} "
            f"WHERE {{ GRAPH {g} {{ {lease} {FG.leaseToken} {Literal(self.token)} ; "
            f"{FG.leaseExpires} ?until }} }}",
            "renew the writer lease",
        )
        self._renewed = time.monotonic()

    def _holders(self) -> dict[str, str]:
        """Each lease token on the server with a description of its holder."""
        rows = self.store.admin_select(
            f"SELECT ?token ?store ?until WHERE {{ GRAPH {self._graph} {{ {self._lease} "
            f"{FG.leaseToken} ?token . OPTIONAL {{ {self._lease} {FG.heldBy} ?store }} "
            f"OPTIONAL {{ {self._lease} {FG.leaseExpires} ?until }} }} }}"
        )
        holders: dict[str, str] = {}
        for row in rows:
            store = row.get("store")
            store_id = store_id_of(store.value, self.store.base_iri) if store else None
            until = row.get("until")
            holders[row["token"].value] = (
                f"store {store_id or 'unknown'}, lease until {until.value if until else '?'}"
            )
        return holders


def _instant(moment: datetime) -> Literal:
    return Literal(moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), datatype=XSD.dateTime)
