"""Bounded loopback soak: mixed reads from several threads while documents change, then figures.

Not a test: starts `forumgraph serve` on 127.0.0.1 (a subprocess, over a copy of --store or a
store built from the bundled data), then for --seconds runs --clients threads that send
search, ask and SPARQL requests, plus one writer that POSTs or DELETEs a document every
--update-every seconds through the write API. Prints requests, errors and p50/p95 latency per
kind, and the server's memory (its process plus its SPARQL workers) over time. Exits 1 when
any request failed.

    python scripts/soak.py [--seconds 300] [--clients 4] [--update-every 5] [--store DIR]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import requests

SEARCHES = [
    "리즈 라이스 키노트",
    "Helm 3 release",
    "쿠버네티스 포럼 서울",
    "KubeCon San Diego contributor summit",
    "Dan Kohn keynote",
    "헬름 졸업",
    "supply chain security talk",
    "Kubernetes v1.37 event update",
]
QUESTIONS = [
    "리즈 라이스는 어느 회사 소속인가?",
    "Who gave the keynote at Kubernetes Forum Seoul?",
    "When did Helm graduate from the CNCF?",
    "헬름 3는 언제 출시되었나?",
]
SPARQL = [
    "PREFIX schema: <https://schema.org/> SELECT ?p ?name WHERE { ?p a schema:Person ; "
    "schema:name ?name } LIMIT 20",
    "PREFIX schema: <https://schema.org/> SELECT (COUNT(*) AS ?n) WHERE { ?e a schema:Event }",
    "ASK { ?s ?p ?o }",
    "PREFIX schema: <https://schema.org/> CONSTRUCT { ?t schema:name ?n } WHERE "
    "{ ?t a schema:Event ; schema:name ?n } LIMIT 30",
]
SOAK_DOC = "soak-rolling-note"


@dataclass
class Log:
    """Every request's outcome, shared by the threads."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    memory: list[tuple[float, float, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies[kind].append(seconds * 1000)
            if error:
                self.errors[kind].append(error)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--update-every", type=float, default=5.0)
    parser.add_argument("--store", type=Path, help="A store to copy (default: build one).")
    args = parser.parse_args()

    log = Log()
    with tempfile.TemporaryDirectory(prefix="forumgraph-soak-") as tmp:
        store = Path(tmp) / "store"
        if args.store:
            shutil.copytree(args.store, store)
        token = secrets.token_hex(16)
        port = free_port()
        server = start_server(store, port, token)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_healthy(url, server)
            run_load(url, token, server.pid, args, log)
        finally:
            server.terminate()
            server.wait(timeout=60)
    return report(log, args)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(store: Path, port: int, token: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORUMGRAPH_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", FORUMGRAPH_API_TOKEN=token)
    command = [sys.executable, "-m", "forumgraph", "serve", "--store", str(store)]
    return subprocess.Popen(
        [*command, "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=sys.stderr
    )


def wait_until_healthy(url: str, server: subprocess.Popen[bytes]) -> None:
    print("starting the server (builds the store from the bundled data if it has none) ...")
    started = time.monotonic()
    while True:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            if requests.get(f"{url}/healthz", timeout=5).status_code == 200:
                print(f"server ready after {time.monotonic() - started:.0f} s")
                return
        except requests.ConnectionError:
            pass
        time.sleep(1)


def run_load(url: str, token: str, pid: int, args: argparse.Namespace, log: Log) -> None:
    stop = threading.Event()
    threads = [
        threading.Thread(target=reader, args=(url, n, stop, log), name=f"reader-{n}")
        for n in range(args.clients)
    ]
    threads.append(threading.Thread(target=writer, args=(url, token, args, stop, log)))
    threads.append(threading.Thread(target=sampler, args=(url, pid, stop, log)))
    for thread in threads:
        thread.start()
    time.sleep(args.seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=120)


def reader(url: str, seed: int, stop: threading.Event, log: Log) -> None:
    rng = random.Random(seed)  # the load mix, not secrets
    session = requests.Session()
    while not stop.is_set():
        kind = rng.choices(["search", "ask", "sparql"], weights=[2, 1, 1])[0]
        start = time.perf_counter()
        try:
            if kind == "search":
                response = session.get(
                    f"{url}/api/search", params={"q": rng.choice(SEARCHES)}, timeout=60
                )
            elif kind == "ask":
                body = {"question": rng.choice(QUESTIONS), "k": 5}
                response = session.post(f"{url}/api/ask", json=body, timeout=60)
            else:
                response = session.post(
                    f"{url}/sparql",
                    data={"query": rng.choice(SPARQL)},
                    headers={"Accept": "application/sparql-results+json, text/turtle"},
                    timeout=60,
                )
            error = None if response.status_code == 200 else f"{response.status_code}"
        except requests.RequestException as exc:
            error = type(exc).__name__
        log.record(kind, time.perf_counter() - start, error)


def writer(url: str, token: str, args: argparse.Namespace, stop: threading.Event, log: Log) -> None:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    for edition in itertools.count(1):
        if stop.wait(args.update_every):
            return
        start = time.perf_counter()
        try:
            if edition % 3 == 0:
                response = session.delete(f"{url}/api/documents/{SOAK_DOC}", timeout=300)
                ok = response.status_code == 200
            else:
                response = session.post(f"{url}/api/documents", json=note(edition), timeout=300)
                ok = response.status_code in (200, 201)
            error = None if ok else f"{response.status_code}: {response.text[:200]}"
        except requests.RequestException as exc:
            error = type(exc).__name__
        log.record("update", time.perf_counter() - start, error)


def note(edition: int) -> dict[str, object]:
    return {
        "id": SOAK_DOC,
        "text": f"Edition {edition} of the rolling soak note. The Kubernetes Forum Seoul "
        f"schedule changed again: the Helm session moves to room {edition % 7 + 1}, and "
        "리즈 라이스의 키노트는 예정대로 진행된다.",
        "header": {"title": f"Soak note {edition}", "language": "mixed"},
    }


def sampler(url: str, pid: int, stop: threading.Event, log: Log) -> None:
    started = time.monotonic()
    while True:
        try:
            generation = requests.get(f"{url}/healthz", timeout=10).json().get("generation", "")
        except (requests.RequestException, ValueError):
            generation = "?"
        log.memory.append((time.monotonic() - started, tree_rss_mb(pid), str(generation)))
        if stop.wait(10):
            return


def tree_rss_mb(pid: int) -> float:
    """RSS of the server and its children (the SPARQL query workers)."""
    total = 0
    for child in [pid, *children(pid)]:
        try:
            status = Path(f"/proc/{child}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    found = [int(p) for p in text.split()]
    return found + [grand for child in found for grand in children(child)]


def report(log: Log, args: argparse.Namespace) -> int:
    print(
        f"\nsoak: {args.seconds:.0f} s, {args.clients} client threads, "
        f"an update every {args.update_every:g} s"
    )
    total = errors = 0
    for kind in ("search", "ask", "sparql", "update"):
        values = sorted(log.latencies.get(kind, []))
        failed = log.errors.get(kind, [])
        total, errors = total + len(values), errors + len(failed)
        if values:
            p50, p95 = percentile(values, 50), percentile(values, 95)
            print(
                f"  {kind:7s} {len(values):6d} requests, {len(failed):3d} errors, "
                f"p50 {p50:7.0f} ms, p95 {p95:7.0f} ms, max {values[-1]:7.0f} ms"
            )
        for message in failed[:5]:
            print(f"           error: {message}")
    print(f"  total   {total:6d} requests, {errors:3d} errors")
    if log.memory:
        rss = [m for _, m, _ in log.memory]
        third = max(1, len(rss) // 3)
        early, late = sorted(rss[:third])[third // 2], sorted(rss[-third:])[third // 2]
        generations = len({g for _, _, g in log.memory})
        print(
            f"  memory (server + query workers): start {rss[0]:.0f} MB, max {max(rss):.0f} MB, "
            f"end {rss[-1]:.0f} MB; median first third {early:.0f} MB, last third {late:.0f} MB;"
            f" {generations} generations seen"
        )
        print("  rss timeline (s: MB): " + ", ".join(f"{t:.0f}: {m:.0f}" for t, m, _ in log.memory))
    return 1 if errors else 0


def percentile(values: list[float], q: float) -> float:
    index = min(len(values) - 1, max(0, round(q / 100 * (len(values) - 1))))
    return values[index]


if __name__ == "__main__":
    raise SystemExit(main())
