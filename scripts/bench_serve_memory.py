"""Benchmark the serving processes: memory, start-up and latency of `serve` and `mcp`.

Not a test: prints figures. Every measurement runs the code under --src (default: this
checkout's src/) in fresh processes, so that two versions can be compared on one store:

- serve: start `forumgraph serve`, time the "serving" log line and the first /healthz "ok",
  then the first search, ask and SPARQL query, then steady search and ask latency (p50/p95)
  over the development-set queries; RSS and PSS of the server and its query workers.
- mcp: start `forumgraph mcp` over stdio, time the handshake and the first `ask` called right
  after it, then steady latency; RSS and PSS of the process tree.
- parts: one process loads the serving parts one after another (imports, analyser, query
  encoders, records, vectors, lexical index, graph and query workers, the first search) and
  reports how much each adds. PSS counts a page shared by n processes as 1/n of it in each,
  so the sum over the tree counts shared libraries and mapped files once.

    python scripts/bench_serve_memory.py --store DIR [--src SRC] [--rounds 3] [--only serve]
    python scripts/bench_serve_memory.py --grow 100000 --store DIR --out BIG_STORE

--grow writes a real store generation of N passages from DIR (scripts/bench_search.py's
synthetic copies, with their vectors of both sets and tokens; the graph is DIR's).
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEVSET = ROOT / "tests" / "fixtures" / "devset.yaml"
SPARQL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
FIRST_QUERY = "리즈 라이스는 어느 회사 소속인가?"
FIRST_QUESTION = "Who gave the keynote about the OODA loop at Kubernetes Forum Seoul?"
START_TIMEOUT_S = 600


# --- memory of a process tree -------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(_children(current))
    return tree


def memory(pid: int) -> dict[str, float]:
    """RSS, PSS and anonymous PSS of one process in MiB (Linux, /proc/PID/smaps_rollup)."""
    out = {"rss": 0.0, "pss": 0.0, "pss_anon": 0.0}
    keys = {"Rss:": "rss", "Pss:": "pss", "Pss_Anon:": "pss_anon"}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        parts = line.split()
        if parts and parts[0] in keys:
            out[keys[parts[0]]] = int(parts[1]) / 1024
    return out


def tree_memory(pid: int) -> dict[str, Any]:
    """Memory of `pid` and of each descendant, plus the totals."""
    rows = []
    for member in process_tree(pid):
        try:
            cmd = Path(f"/proc/{member}/cmdline").read_bytes().split(b"\0")
            rows.append({"pid": member, "role": _role(cmd), **memory(member)})
        except OSError:
            continue
    total = {key: sum(row[key] for row in rows) for key in ("rss", "pss", "pss_anon")}
    return {"processes": rows, "total": total}


def _role(cmd: list[bytes]) -> str:
    text = b" ".join(cmd).decode(errors="replace")
    if "graph.worker" in text:
        return "query worker"
    if "forumgraph" in text and ("serve" in text or "mcp" in text):
        return "server"
    return text[:40]


# --- latency helpers ---------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(values: list[float]) -> str:
    return f"p50 {percentile(values, 0.5):7.1f} ms  p95 {percentile(values, 0.95):7.1f} ms"


def devset_queries() -> list[str]:
    import yaml

    raw = yaml.safe_load(DEVSET.read_text(encoding="utf-8"))
    return [q["query"] for q in raw["queries"]]


def _env(src: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORUMGRAPH_")}
    return {**env, "PYTHONPATH": str(src), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LineReader:
    """Collects a stream's lines with the time each arrived, on a thread."""

    def __init__(self, stream: Any, echo: Path | None = None) -> None:
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.log: list[tuple[float, str]] = []
        self._echo = echo.open("a", encoding="utf-8") if echo else None
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: Any) -> None:
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", errors="replace").rstrip("\n")
            stamp = time.monotonic()
            self.log.append((stamp, line))
            self.lines.put((stamp, line))
            if self._echo:
                self._echo.write(line + "\n")
                self._echo.flush()

    def wait_for(self, text: str, timeout: float) -> float:
        deadline = time.monotonic() + timeout
        while True:
            stamp, line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            if text in line:
                return stamp


# --- serve -------------------------------------------------------------------------------


def _get(url: str, timeout: float = 120) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (loopback)
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _post_json(url: str, body: dict[str, Any]) -> tuple[int, bytes]:
    data = json.dumps(body).encode()
    request = urllib.request.Request(  # noqa: S310 (loopback)
        url, data=data, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
        return response.status, response.read()


def _timed(call: Any) -> float:
    start = time.perf_counter()
    status, body = call()
    elapsed = (time.perf_counter() - start) * 1000
    if status != 200:
        raise RuntimeError(f"HTTP {status}: {body[:300]!r}")
    return elapsed


def bench_serve(store: Path, src: Path, rounds: int, log: Path) -> dict[str, Any]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "forumgraph", "serve", "--store", str(store)]
    started = time.monotonic()
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        env=_env(src),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    reader = LineReader(server.stderr, log)
    try:
        serving_line = reader.wait_for("is serving on", START_TIMEOUT_S) - started
        while True:
            status, body = _get(f"{base}/healthz", timeout=5)
            if status == 200 and json.loads(body).get("status") == "ok":
                break
            time.sleep(0.02)
        healthy = time.monotonic() - started
        search = f"{base}/api/search?"
        first = {
            "search": _timed(lambda: _get(search + urllib.parse.urlencode({"q": FIRST_QUERY}))),
            "ask": _timed(
                lambda: _post_json(f"{base}/api/ask", {"question": FIRST_QUESTION, "k": 5})
            ),
            "sparql": _timed(
                lambda: _get(f"{base}/sparql?" + urllib.parse.urlencode({"query": SPARQL}))
            ),
        }
        queries = devset_queries()
        searches, asks, sparqls = [], [], []
        for _ in range(rounds):
            for text in queries:
                searches.append(
                    _timed(lambda t=text: _get(search + urllib.parse.urlencode({"q": t})))
                )
            for text in queries[:10]:
                asks.append(
                    _timed(lambda t=text: _post_json(f"{base}/api/ask", {"question": t, "k": 5}))
                )
            sparqls.append(
                _timed(lambda: _get(f"{base}/sparql?" + urllib.parse.urlencode({"query": SPARQL})))
            )
        mem = tree_memory(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=60)
    torch_loaded = any("Loading weights" in line for _, line in reader.log)
    return {
        "serving_log_s": serving_line,
        "healthz_ok_s": healthy,
        "first_ms": first,
        "search_ms": searches,
        "ask_ms": asks,
        "sparql_ms": sparqls,
        "memory": mem,
        "torch_weights_logged": torch_loaded,
    }


# --- mcp ---------------------------------------------------------------------------------


class McpClient:
    """A minimal MCP client over a subprocess's stdio (newline-delimited JSON-RPC)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.replies = LineReader(process.stdout)
        self._next = 0

    def request(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        self._next += 1
        self.send({"jsonrpc": "2.0", "id": self._next, "method": method, "params": params})
        while True:
            _stamp, line = self.replies.lines.get(timeout=START_TIMEOUT_S)
            reply: dict[str, Any] = json.loads(line)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"MCP error: {reply['error']}")
                return reply

    def send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(message).encode() + b"\n")
        self.process.stdin.flush()

    def call(self, tool: str, **arguments: Any) -> float:
        start = time.perf_counter()
        reply = self.request("tools/call", {"name": tool, "arguments": arguments})
        if reply["result"].get("isError"):
            raise RuntimeError(f"tool {tool} failed: {reply['result']}")
        return (time.perf_counter() - start) * 1000


def bench_mcp(store: Path, src: Path, rounds: int, log: Path) -> dict[str, Any]:
    command = [sys.executable, "-m", "forumgraph", "mcp", "--store", str(store)]
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        env=_env(src),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    LineReader(process.stderr, log)
    client = McpClient(process)
    try:
        client.request(
            "initialize",
            {
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "bench", "version": "0"},
            },
        )
        handshake = time.monotonic() - started
        client.send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        first_ask = client.call("ask", question=FIRST_QUESTION, k=5)
        first_answer = time.monotonic() - started
        first_search = client.call("search", query=FIRST_QUERY, k=10)
        first_sparql = client.call("sparql", query=SPARQL)
        queries = devset_queries()
        searches, asks = [], []
        for _ in range(rounds):
            for text in queries:
                searches.append(client.call("search", query=text, k=10))
            for text in queries[:10]:
                asks.append(client.call("ask", question=text, k=5))
        mem = tree_memory(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=60)
    return {
        "handshake_s": handshake,
        "first_answer_s": first_answer,
        "first_ms": {"ask": first_ask, "search": first_search, "sparql": first_sparql},
        "search_ms": searches,
        "ask_ms": asks,
        "memory": mem,
    }


# --- parts -------------------------------------------------------------------------------


def parts_child(store: Path) -> None:
    """Load the serving parts one by one in this process and print what each adds (JSON)."""
    rows: list[dict[str, Any]] = []

    def mark(part: str) -> None:
        rows.append({"part": part, **memory(os.getpid())})

    mark("interpreter")
    import forumgraph.web  # noqa: F401 (the serving code's imports)
    from forumgraph.config import load_settings
    from forumgraph.snapshot import require_snapshot

    settings = load_settings(store_dir=store)
    mark("imports (Flask, numpy, forumgraph)")
    from forumgraph.index.encoders import EMBEDDING, USE, create_encoders
    from forumgraph.text.analyze import create_analyzer

    analyzer = create_analyzer(settings.analyzer)
    analyzer.tokens("쿠버네티스 포럼 서울에서 발표했다.")
    mark("Korean analyser (Kiwi)")
    encoders = create_encoders(settings, for_queries=True)  # as Services makes them
    encoders[EMBEDDING].encode_queries([FIRST_QUERY])
    mark("e5 query encoder")
    if USE in encoders:
        encoders[USE].encode_queries([FIRST_QUERY])
    mark("USE encoder")
    snapshot = require_snapshot(settings.store_dir)
    mark("records (documents, passages, entities)")
    for name in snapshot.vector_sets:
        snapshot.vectors(name)
    mark("vectors (e5 + USE, FAISS)")
    snapshot.lexical()
    mark("lexical index (BM25)")
    graph = snapshot.graph()
    graph.start_query_workers(wait=True)  # type: ignore[attr-defined]
    from forumgraph.graph.sparql import run_query

    run_query(graph, SPARQL, timeout_s=30, max_results=10)
    mark("graph (Oxigraph) and a SPARQL query")
    from forumgraph.search.ask import Asker
    from forumgraph.search.facts import FactFinder
    from forumgraph.search.service import SearchService

    search = SearchService(snapshot, encoders, analyzer, settings)
    asker = Asker(search, FactFinder(snapshot, settings.base_iri))
    mark("search service (entity names into the analyser)")
    asker.ask(FIRST_QUESTION, 5)
    asker.ask(FIRST_QUERY, 5)
    mark("first questions (tables built on first use)")
    for text in devset_queries():
        asker.ask(text, 5)
    mark("the development-set questions")
    workers = [memory(pid) for pid in graph.query_worker_pids]  # type: ignore[attr-defined]
    print(json.dumps({"rows": rows, "workers": workers}))


def bench_parts(store: Path, src: Path) -> dict[str, Any]:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--parts-child",
        "--store",
        str(store),
    ]
    done = subprocess.run(
        command, env=_env(src), capture_output=True, check=True, timeout=START_TIMEOUT_S
    )
    result: dict[str, Any] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return result


# --- a large store -----------------------------------------------------------------------


def grow_store(store: Path, out: Path, passages: int) -> None:
    """Write a store at `out` whose one generation holds `passages` passages (see module doc)."""
    import shutil

    sys.path.insert(0, str(HERE))
    from bench_search import grow, grow_use_index
    from forumgraph.config import load_settings
    from forumgraph.index.encoders import EMBEDDING, USE, create_encoders
    from forumgraph.snapshot import require_snapshot
    from forumgraph.snapshot.layout import StoreLayout
    from forumgraph.snapshot.reader import DOCUMENTS, LEXICAL, META, PASSAGES, VECTORS
    from forumgraph.snapshot.records import (
        document_to_json,
        passage_to_json,
        write_json,
        write_jsonl,
    )

    settings = load_settings(store_dir=store)
    snapshot = require_snapshot(store)
    synthetic = grow(snapshot, passages, settings.exact_search_limit)
    use = create_encoders(settings.with_overrides(second_encoder="use"), for_queries=True)[USE]
    use_index = grow_use_index(snapshot, synthetic, use, settings.exact_search_limit)
    shutil.rmtree(out, ignore_errors=True)
    layout = StoreLayout(out)
    layout.generations.mkdir(parents=True)
    target = layout.generations / snapshot.name
    shutil.copytree(snapshot.path, target)
    shutil.rmtree(target / VECTORS, ignore_errors=True)
    synthetic.dense_index.save(target / VECTORS / EMBEDDING, model_name=snapshot.model_name)
    use_index.save(target / VECTORS / USE, model_name=use.model_name)
    shutil.rmtree(target / LEXICAL)
    synthetic.lexical_index.save(target / LEXICAL)
    stored = synthetic.passages.values()
    ordered = sorted(stored, key=lambda s: (s.passage.doc_id, s.passage.index))
    write_jsonl(target / PASSAGES, (passage_to_json(p) for p in ordered))
    docs = synthetic.documents
    write_json(target / DOCUMENTS, [document_to_json(docs[d]) for d in sorted(docs)])
    meta = json.loads((target / META).read_text(encoding="utf-8"))
    meta.update(
        vector_sets={
            EMBEDDING: {"model": snapshot.model_name, "dim": snapshot.dim},
            USE: {"model": use.model_name, "dim": use.dim},
        },
        passages=len(synthetic.passages),
        documents=len(docs),
        next_vector_id=1 + max(s.vector_id for s in stored),
    )
    write_json(target / META, meta)
    layout.publish(snapshot.name)
    print(f"wrote {out} with {len(synthetic.passages)} passages")


def drop_page_cache(folder: Path) -> None:
    """Ask the kernel to forget the cached pages of every file under `folder`."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


# --- report ------------------------------------------------------------------------------


def report_serve(result: dict[str, Any], label: str) -> None:
    print(f"\n== {label}")
    if "serving_log_s" in result:
        print(f"'serving' logged    : {result['serving_log_s']:6.2f} s after start")
        print(f"/healthz ok         : {result['healthz_ok_s']:6.2f} s after start")
    else:
        print(f"handshake           : {result['handshake_s']:6.2f} s after start")
        print(f"first ask answered  : {result['first_answer_s']:6.2f} s after start")
    first = result["first_ms"]
    print("first calls         : " + "  ".join(f"{k} {v:.0f} ms" for k, v in first.items()))
    print(f"steady search       : {summary(result['search_ms'])}  (n={len(result['search_ms'])})")
    print(f"steady ask          : {summary(result['ask_ms'])}  (n={len(result['ask_ms'])})")
    if result.get("sparql_ms"):
        print(f"steady sparql       : {summary(result['sparql_ms'])}")
    mem = result["memory"]
    for row in mem["processes"]:
        print(
            f"  {row['role']:<14} pid {row['pid']:>7}: RSS {row['rss']:7.1f} MiB  "
            f"PSS {row['pss']:7.1f} MiB (anon {row['pss_anon']:6.1f})"
        )
    total = mem["total"]
    print(f"  total               RSS {total['rss']:7.1f} MiB  PSS {total['pss']:7.1f} MiB")


def report_parts(result: dict[str, Any]) -> None:
    print("\n== parts (one process, loaded in this order; what each adds)")
    previous = None
    for row in result["rows"]:
        if previous is None:
            print(
                f"  {row['part']:<48} RSS {row['rss']:7.1f}  PSS {row['pss']:7.1f}  "
                f"anon {row['pss_anon']:7.1f} MiB"
            )
        else:
            print(
                f"  {row['part']:<48} RSS {row['rss'] - previous['rss']:+7.1f}  "
                f"PSS {row['pss'] - previous['pss']:+7.1f}  "
                f"anon {row['pss_anon'] - previous['pss_anon']:+7.1f} MiB"
            )
        previous = row
    if previous is not None:
        print(
            f"  {'process total':<48} RSS {previous['rss']:7.1f}  PSS {previous['pss']:7.1f}  "
            f"anon {previous['pss_anon']:7.1f} MiB"
        )
    for i, worker in enumerate(result["workers"], 1):
        print(f"  query worker {i:<35} RSS {worker['rss']:7.1f}  PSS {worker['pss']:7.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="Code to measure.")
    parser.add_argument("--rounds", type=int, default=2, help="Passes over the devset queries.")
    parser.add_argument("--only", choices=("serve", "mcp", "parts"), action="append")
    parser.add_argument("--json", type=Path, help="Also write the raw figures here.")
    parser.add_argument("--log", type=Path, default=Path("bench_serve.log"))
    parser.add_argument("--grow", type=int, help="Write a store of this many passages to --out.")
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--drop-cache",
        type=Path,
        action="append",
        default=[],
        help="Drop the files under this folder from the page cache first (the store, the model "
        "cache): files written moments ago sit in large folios that a mapping takes in whole.",
    )
    parser.add_argument("--parts-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.parts_child:
        parts_child(args.store)
        return
    if args.grow:
        grow_store(args.store, args.out, args.grow)
        return
    for folder in args.drop_cache:
        drop_page_cache(folder)
    only = set(args.only or ("serve", "mcp", "parts"))
    results: dict[str, Any] = {"src": str(args.src), "store": str(args.store)}
    print(f"code: {args.src}\nstore: {args.store}")
    if "serve" in only:
        results["serve"] = bench_serve(args.store, args.src, args.rounds, args.log)
        report_serve(results["serve"], "forumgraph serve")
    if "mcp" in only:
        results["mcp"] = bench_mcp(args.store, args.src, args.rounds, args.log)
        report_serve(results["mcp"], "forumgraph mcp")
    if "parts" in only:
        results["parts"] = bench_parts(args.store, args.src)
        report_parts(results["parts"])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
