"""Stores with nothing local: the graph on a SPARQL server and the indexes in Milvus.

With `graph_backend = "remote"` and `index_backend = "milvus"` a store folder holds only its
settings and `STORE.json`, a pointer naming the SPARQL server and the Milvus collections (never
credentials). Generations are published in Milvus: a row per generation in the meta collection,
inserted after the generation's passages and documents, is the pointer every process follows.
Any number of replicas serve from the same Milvus and SPARQL server; each holds a lease row
there on the generation it serves, renewed while it runs, so that a writer deletes the rows of
an older generation only after every replica has moved on (or stopped, and its lease expired).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
import uuid
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forumgraph.files import atomic_write_text
from forumgraph.index.milvus.records import (
    documents_of,
    open_milvus_generation,
    passages_of,
    published_generation,
)
from forumgraph.index.milvus.schema import META, SetSpec, meta_row
from forumgraph.index.milvus.target import MilvusTarget, connect, milvus_call
from forumgraph.index.milvus.writes import READER
from forumgraph.models import Entity
from forumgraph.snapshot.reader import Snapshot
from forumgraph.snapshot.records import document_from_json, passage_from_json, talk_from_json

if TYPE_CHECKING:
    from forumgraph.graph.endpoints import RemoteEndpoints

POINTER_FILE = "STORE.json"
READER_LEASE_S = 120.0


def generation_name(number: int) -> str:
    return f"g{number:06d}"


def write_pointer(store_dir: Path, endpoints: RemoteEndpoints, target: MilvusTarget) -> None:
    """Record in the store folder where the store lives (no credentials)."""
    store_dir.mkdir(parents=True, exist_ok=True)
    pointer = {
        "graph_backend": "remote",
        "remote": endpoints.to_json(),
        "index_backend": "milvus",
        "milvus": target.to_json(),
    }
    text = json.dumps(pointer, indent=1, sort_keys=True) + "\n"
    path = store_dir / POINTER_FILE
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        atomic_write_text(path, text)


class ReaderLease:
    """This process's lease row on the generation it serves, renewed by `keep_alive`."""

    def __init__(self, target: MilvusTarget, client: Any, number: int) -> None:
        self._target, self._client, self.number = target, client, number
        self.key = f"{READER}/{socket.gethostname()}/{os.getpid()}/{uuid.uuid4().hex[:12]}"
        self._renewed = 0.0
        self._lock = threading.Lock()
        self._write()

    def keep_alive(self) -> None:
        """Renew the lease when a third of its time has passed."""
        if time.monotonic() - self._renewed > READER_LEASE_S / 3 and self._lock.acquire(False):
            try:
                self._write()
            finally:
                self._lock.release()

    def release(self) -> None:
        """Delete the lease row (a reader that dies instead lets it expire)."""
        collection = self._target.collection(META)
        with contextlib.suppress(Exception):  # it expires by itself
            self._client.delete(collection, filter=f'key == "{self.key}"')

    def _write(self) -> None:
        expires = int(time.time() + READER_LEASE_S)
        row = meta_row(self.key, READER, self.number, expires, {})
        milvus_call(
            "renew a reader lease",
            self._target,
            self._client.upsert,
            self._target.collection(META),
            [row],
        )
        self._renewed = time.monotonic()


class RemoteSnapshot(Snapshot):
    """A generation published in Milvus: records from its collections, graph on the server."""

    def __init__(
        self,
        store_dir: Path,
        number: int,
        meta: dict[str, Any],
        *,
        endpoints: RemoteEndpoints | None,
        milvus: MilvusTarget | None,
    ) -> None:
        from forumgraph.graph.endpoints import RemoteEndpoints as Endpoints
        from forumgraph.graph.remote import RemoteStore

        self.path = store_dir
        self.name = generation_name(number)
        self.meta = meta
        self._endpoints = endpoints
        self._milvus_target = milvus
        self._lock = threading.Lock()
        self._graph = None
        self._vectors = {}
        self._lexical = None
        target = MilvusTarget.from_json(meta["milvus"], milvus)
        sets = {n: SetSpec(s.model, s.dim) for n, s in self.vector_sets.items()}
        self._milvus = open_milvus_generation(target, sets, number, int(meta.get("floor", 0)))
        lease = ReaderLease(target, self._milvus.client, number)
        self.reader_lease = lease
        self._lease = weakref.finalize(self, lease.release)
        self._lease.atexit = False  # Milvus may be gone by then; the lease expires by itself
        self.documents = {
            row["doc_id"]: document_from_json(row) for row in documents_of(self._milvus)
        }
        rows = list(passages_of(self._milvus))
        passages = [passage_from_json(row) for row in rows]
        self.passages = {p.passage.passage_id: p for p in passages}
        self.talks = {
            row["passage_id"]: talk_from_json(row["talk"]) for row in rows if "talk" in row
        }
        self.by_vector_id = {p.vector_id: p for p in passages}
        recorded = Endpoints.from_json(meta["remote"]).with_credentials_of(endpoints)
        store = RemoteStore(recorded, base_iri=meta["base_iri"])
        self._graph = store
        self.entities: dict[str, Entity] = {e.id: e for e in store.entities(set(self.documents))}

    def keep_alive(self) -> None:
        self.reader_lease.keep_alive()


def remote_only(endpoints: RemoteEndpoints | None, milvus: MilvusTarget | None) -> bool:
    """True when the store keeps nothing local: graph on a server, indexes in Milvus."""
    return endpoints is not None and milvus is not None


def published_name(milvus: MilvusTarget) -> str | None:
    """The name of the generation published in Milvus, or None when there is none."""
    number, _meta = published_generation(milvus)
    return generation_name(number) if number else None


def open_published(
    store_dir: Path, endpoints: RemoteEndpoints | None, milvus: MilvusTarget
) -> RemoteSnapshot | None:
    """The generation published in Milvus, or None when there is none yet."""
    client = connect(milvus)
    number, meta = published_generation(milvus, client)
    if not number:
        return None
    if endpoints is not None:
        write_pointer(store_dir, endpoints, milvus)
    return RemoteSnapshot(store_dir, number, meta, endpoints=endpoints, milvus=milvus)
