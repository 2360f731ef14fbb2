"""Bounded loopback load on the HTTP service: requests/s, p50/p95 latency and errors per route.

Not a test. Starts `forumgraph serve` on a free 127.0.0.1 port over an existing store (or uses
`--url` of a running server), then runs N concurrent clients for a fixed time over a mix of
/api/search, /api/ask, /api/entities and /sparql requests, and prints a table.

    PYTHONPATH=src python scripts/load_test.py --store store --clients 20 --seconds 30
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
SEARCHES = [
    "리즈 라이스 키노트",
    "Liz Rice keynote",
    "Helm 3 released",
    "헬름 3 릴리스",
    "Kubernetes Forum Seoul speakers",
    "쿠버네티스 포럼 서울 연사",
    "KubeCon San Diego 2019 contributor summit",
    "셰릴 헝 CNCF",
    "Helm CNCF graduation",
    "Kubernetes v1.37 release event",
]
QUESTIONS = [
    "리즈 라이스는 어느 회사 소속인가?",
    "Who gave the keynotes at Kubernetes Forum Seoul?",
    "When was Helm 3 released?",
    "댄 컨은 어떤 발표를 했나?",
]
SPARQL = [
    """PREFIX schema: <https://schema.org/>
SELECT ?person ?name WHERE { ?person a schema:Person ; schema:name ?name } LIMIT 20""",
    """PREFIX schema: <https://schema.org/>
PREFIX fg: <https://forumgraph.org/ontology#>
SELECT ?title ?speakerName WHERE {
  ?talk a fg:Talk ; schema:name ?title ; schema:performer ?speaker .
  ?speaker schema:name ?speakerName } LIMIT 50""",
    """PREFIX schema: <https://schema.org/>
SELECT ?language (COUNT(DISTINCT ?a) AS ?n)
WHERE { ?a a schema:Article ; schema:inLanguage ?language } GROUP BY ?language""",
]
# Share of each kind of request in the mix.
MIX = ["search"] * 5 + ["sparql"] * 3 + ["ask"] * 1 + ["entities"] * 1


def main() -> None:
    args = _arguments()
    server = None
    url = args.url
    if url is None:
        server, url = _start_server(args.store)
    try:
        _warm_up(url)
        results = _run(url, args.clients, args.seconds, args.seed)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    _report(results, args.clients, args.seconds)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=ROOT / "store", help="Store directory.")
    parser.add_argument("--url", help="Use a server that is already running at this URL.")
    parser.add_argument("--clients", type=int, default=20, help="Concurrent clients.")
    parser.add_argument("--seconds", type=float, default=30.0, help="How long to run.")
    parser.add_argument("--seed", type=int, default=7, help="Seed of the request mix.")
    return parser.parse_args()


def _start_server(store: Path) -> tuple[subprocess.Popen[bytes], str]:
    if not (store / "CURRENT").exists():
        sys.exit(f"No store at {store}; build one with `forumgraph ingest data/` first.")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HF_HUB_OFFLINE": "1"}
    command = [sys.executable, "-m", "forumgraph", "serve", "--store", str(store)]
    server = subprocess.Popen([*command, "--port", str(port)], env=env, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/healthz", timeout=2).status_code == 200:
                return server, url
        except requests.ConnectionError:
            pass
        if server.poll() is not None:
            sys.exit("The server exited while starting.")
        time.sleep(0.5)
    server.terminate()
    sys.exit("The server did not answer /healthz within 300 s.")


def _warm_up(url: str) -> None:
    """One request of each kind, so that first-use costs do not count as load."""
    session = requests.Session()
    for kind in ("search", "ask", "sparql", "entities"):
        _request(session, url, kind, random.Random(0))


def _run(url: str, clients: int, seconds: float, seed: int) -> dict[str, list[tuple[float, bool]]]:
    results: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        session = requests.Session()
        kinds = itertools.cycle(rng.sample(MIX, len(MIX)))
        while time.monotonic() < deadline:
            kind = next(kinds)
            start = time.perf_counter()
            ok = _request(session, url, kind, rng)
            elapsed = time.perf_counter() - start
            with lock:
                results[kind].append((elapsed, ok))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _request(session: requests.Session, url: str, kind: str, rng: random.Random) -> bool:
    try:
        if kind == "search":
            response = session.get(
                f"{url}/api/search", params={"q": rng.choice(SEARCHES), "k": 10}, timeout=60
            )
        elif kind == "ask":
            response = session.post(
                f"{url}/api/ask", json={"question": rng.choice(QUESTIONS), "k": 5}, timeout=60
            )
        elif kind == "entities":
            name = rng.choice(["Liz", "리즈", "Helm", "Kohn", "서울", "KubeCon"])
            response = session.get(f"{url}/api/entities", params={"q": name}, timeout=60)
        else:
            response = session.post(
                f"{url}/sparql",
                data={"query": rng.choice(SPARQL)},
                headers={"Accept": "application/sparql-results+json"},
                timeout=60,
            )
        return response.status_code == 200 and bool(response.content)
    except requests.RequestException:
        return False


def _report(results: dict[str, list[tuple[float, bool]]], clients: int, seconds: float) -> None:
    print(f"{clients} clients, {seconds:g} s, loopback")
    print(f"{'route':<10} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    everything: list[tuple[float, bool]] = []
    for kind in sorted(results):
        rows = results[kind]
        everything.extend(rows)
        _line(kind, rows, seconds)
    _line("all", everything, seconds)


def _line(name: str, rows: list[tuple[float, bool]], seconds: float) -> None:
    times = sorted(t for t, _ok in rows)
    errors = sum(1 for _t, ok in rows if not ok)
    p50 = statistics.median(times) * 1000 if times else 0.0
    p95 = times[int(0.95 * (len(times) - 1))] * 1000 if times else 0.0
    print(
        f"{name:<10} {len(rows):>9} {len(rows) / seconds:>8.1f} {p50:>8.1f} {p95:>8.1f} {errors:>7}"
    )


if __name__ == "__main__":
    main()
