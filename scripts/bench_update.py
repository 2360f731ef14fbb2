"""Latency of replacing one document through the JSON API, on the configured index backend.

Not a test: prints figures. Builds the bundled corpus into a store (or uses --store), then
POSTs a new edition of one English document to /api/documents `--rounds` times through the
app (models loaded once, as in a running server) and reports the median and worst time until
the next search sees the new text (among its first ten hits), and where it ranks.

    FORUMGRAPH_INDEX_BACKEND=milvus python scripts/bench_update.py --store /tmp/store
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import time
from pathlib import Path

from forumgraph.config import BUNDLED_DATA, load_settings
from forumgraph.web import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    token = secrets.token_urlsafe(32)
    settings = load_settings(store_dir=args.store, api_token=token)
    if not (args.store / "CURRENT").exists():
        from forumgraph.ingest.pipeline import Ingester

        Ingester(settings).ingest_paths([BUNDLED_DATA / "articles", BUNDLED_DATA / "schedules"])
    client = create_app(settings).test_client()
    headers = {"Authorization": f"Bearer {token}"}
    seconds: list[float] = []
    ranks: list[int] = []  # where the new text ranks for its one rare word
    for n in range(args.rounds):
        marker = f"zebracorn{n}"
        body = {
            "id": "bench-update",
            "text": f"A {marker} note about Helm charts and Prometheus exporters, edition {n}.",
            "header": {"title": f"Update benchmark {n}", "language": "en"},
        }
        start = time.perf_counter()
        response = client.post("/api/documents", json=body, headers=headers)
        assert response.status_code in (200, 201), response.get_data(as_text=True)
        found = client.get("/api/search", query_string={"q": marker, "k": 10}).get_json()
        seconds.append(time.perf_counter() - start)
        ranks.append([hit["doc_id"] for hit in found["results"]].index("bench-update") + 1)
    print(
        f"{settings.index_backend}: update through the API, {args.rounds} rounds: "
        f"median {statistics.median(seconds) * 1000:.0f} ms, max {max(seconds) * 1000:.0f} ms; "
        f"rank of the new text: {ranks}"
    )


if __name__ == "__main__":
    main()
