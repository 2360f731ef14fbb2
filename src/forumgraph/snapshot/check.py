"""`forumgraph check`: do the graph, the vector index, the lexical index and the records agree?"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forumgraph.errors import ForumgraphError
from forumgraph.snapshot.access import StoreAccess
from forumgraph.snapshot.reader import Snapshot

if TYPE_CHECKING:
    from forumgraph.graph.endpoints import RemoteEndpoints
    from forumgraph.index.milvus.target import MilvusTarget


def check_store(
    store_dir: Path,
    endpoints: RemoteEndpoints | None = None,
    milvus: MilvusTarget | None = None,
) -> list[str]:
    """Problems found in the current generation; an empty list means the store is consistent.

    `endpoints`: the configured SPARQL server URLs of a remote graph, `milvus` the configured
    Milvus of the milvus index backend (each with any credentials).
    """
    return check_access(StoreAccess(store_dir, endpoints, milvus))


def check_access(access: StoreAccess) -> list[str]:
    """`check_store` for a store reached through `access`."""
    try:
        snapshot = access.require()
        problems = check_snapshot(snapshot)
        if snapshot.index_backend == "milvus":
            problems += check_milvus(snapshot)
        return problems
    except ForumgraphError as exc:
        return [exc.message]


def check_snapshot(snapshot: Snapshot) -> list[str]:
    """Compare every component of one generation with its records."""
    problems: list[str] = []
    passage_ids = set(snapshot.passages)
    listed = {pid for doc in snapshot.documents.values() for pid in doc.passage_ids}
    _compare(problems, "documents.json passages", listed, "passages.jsonl", passage_ids)
    for pid, stored in snapshot.passages.items():
        if stored.passage.doc_id not in snapshot.documents:
            problems.append(f"passage {pid} belongs to unknown document {stored.passage.doc_id}")
    for pid, talk in snapshot.talks.items():
        if pid not in passage_ids:
            problems.append(f"talk {talk.talk_id} refers to unknown passage {pid}")
        elif talk.talk_id not in snapshot.passages[pid].entity_ids:
            problems.append(f"talk {talk.talk_id}: passage {pid} does not name it")

    graph = snapshot.graph()
    _compare(problems, "graph documents", graph.documents(), "records", set(snapshot.documents))
    counts = _graph_passage_counts(snapshot)
    hashes = _graph_content_hashes(snapshot)
    for doc_id, doc in snapshot.documents.items():
        if counts.get(doc_id, 0) != len(doc.passage_ids):
            problems.append(
                f"document {doc_id}: graph has {counts.get(doc_id, 0)} passages, "
                f"records have {len(doc.passage_ids)}"
            )
        if doc_id in hashes and doc.content_hash and hashes[doc_id] != doc.content_hash:
            # e.g. a remote graph written by an ingest that died before it published
            problems.append(
                f"document {doc_id}: the graph holds another edition than the records "
                f"(content hash {hashes[doc_id][:12]}, records {doc.content_hash[:12]}); "
                "ingest the document again"
            )

    vector_ids = Counter(s.vector_id for s in snapshot.passages.values())
    duplicated = [v for v, n in vector_ids.items() if n > 1]
    if duplicated:
        problems.append(f"{len(duplicated)} vector ids are used by more than one passage")
    if snapshot.passages:
        for name in snapshot.vector_sets:
            ids = {int(i) for i in snapshot.vectors(name).vector_ids()}
            _compare(problems, f"vector index '{name}' ids", ids, "records", set(vector_ids))
        lexical_ids = set(snapshot.lexical().passage_ids())
        _compare(problems, "lexical index passages", lexical_ids, "records", passage_ids)
    counted = snapshot.meta.get("passages")
    if counted != len(passage_ids):
        problems.append(f"SNAPSHOT.json counts {counted} passages, found {len(passage_ids)}")
    return problems


def check_milvus(snapshot: Snapshot) -> list[str]:
    """Rows in Milvus that no published generation wrote: an interrupted write left them."""
    from forumgraph.index.milvus.search import count_rows

    milvus = snapshot.milvus()
    ahead = count_rows(milvus.client, milvus.target, f"born > {snapshot.number}")
    if not ahead:
        return []
    return [
        f"Milvus holds {ahead} passage rows of an unpublished generation after "
        f"{snapshot.name} (a write was interrupted); search does not see them, and the next "
        "ingest deletes them: ingest the documents again"
    ]


def _graph_passage_counts(snapshot: Snapshot) -> dict[str, int]:
    """Passages per document graph, as the graph itself records them."""
    from forumgraph.graph.terms import FG, doc_id_of

    graph = snapshot.graph()
    result = graph.query(
        f"SELECT ?g (COUNT(?p) AS ?n) WHERE {{ GRAPH ?g {{ ?p a <{FG.Passage.value}> }} }} "
        "GROUP BY ?g",
        timeout_s=60.0,
        max_results=10_000_000,
    )
    counts: dict[str, int] = {}
    for row in result.bindings():
        doc_id = doc_id_of(_text(row["g"]), graph.base_iri)
        if doc_id is not None:
            counts[doc_id] = int(_text(row["n"]))
    return counts


def _graph_content_hashes(snapshot: Snapshot) -> dict[str, str]:
    """The content hash each document graph records for its article (graph/build.py)."""
    from forumgraph.graph.terms import FG, doc_id_of

    graph = snapshot.graph()
    result = graph.query(
        f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g <{FG.contentHash.value}> ?h }} }}",
        timeout_s=60.0,
        max_results=10_000_000,
    )
    hashes: dict[str, str] = {}
    for row in result.bindings():
        doc_id = doc_id_of(_text(row["g"]), graph.base_iri)
        if doc_id is not None:
            hashes[doc_id] = _text(row["h"])
    return hashes


def _text(term: object) -> str:
    """The lexical value of an IRI or literal in a result row."""
    return str(getattr(term, "value", term))


def _compare(
    problems: list[str], left_name: str, left: set[Any], right_name: str, right: set[Any]
) -> None:
    only_left, only_right = left - right, right - left
    if only_left:
        problems.append(f"{left_name} not in {right_name}: {_sample(only_left)}")
    if only_right:
        problems.append(f"{right_name} not in {left_name}: {_sample(only_right)}")


def _sample(items: set[Any]) -> str:
    shown = sorted(map(str, items))[:5]
    more = f" and {len(items) - 5} more" if len(items) > 5 else ""
    return ", ".join(shown) + more
