"""A generation that a live process reads is never pruned: readers hold a lease (a shared flock).

First with the real pipeline in this process, then as a user meets it: a `forumgraph serve`
process sits idle on its generation while `forumgraph ingest` runs again and again.
"""

from __future__ import annotations

import gc
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from living_support import SUMMIT

from forumgraph.config import Settings
from forumgraph.ingest.pipeline import Ingester
from forumgraph.snapshot import StoreLayout, open_snapshot
from forumgraph.snapshot.layout import KEEP_GENERATIONS

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 600


def _edit(corpus: Path, round_: int) -> None:
    """Change one article, so that the next ingest writes a new generation."""
    path = corpus / f"{SUMMIT}.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"\nUpdate {round_}: the summit added a session.\n", encoding="utf-8")


def _generations(store: Path) -> list[str]:
    return sorted(p.name for p in (store / "generations").iterdir())


def test_pruning_skips_a_leased_generation_until_it_is_let_go(
    corpus: Path, settings: Settings, ingester: Ingester
) -> None:
    ingester.ingest_paths([corpus])
    reader = open_snapshot(settings.store_dir)  # holds the first generation, like a server
    assert reader is not None
    first = reader.path
    for round_ in range(KEEP_GENERATIONS + 1):
        _edit(corpus, round_)
        assert ingester.ingest_paths([corpus]).replaced == [SUMMIT]
    assert first.is_dir()  # older than the newest three, but leased
    assert len(_generations(settings.store_dir)) == KEEP_GENERATIONS + 1
    assert reader.passages_of(SUMMIT)  # still readable, graph included
    assert reader.graph().documents()

    del reader
    gc.collect()
    removed = StoreLayout(settings.store_dir).prune()
    assert first.name in removed and not first.exists()
    assert len(_generations(settings.store_dir)) == KEEP_GENERATIONS


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "forumgraph", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_S,
        check=False,
    )


def _wait_for_health(url: str, server: subprocess.Popen[bytes]) -> dict[str, object]:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited while starting"
        try:
            response = requests.get(f"{url}/healthz", timeout=5)
            if response.status_code == 200:
                body: dict[str, object] = response.json()
                return body
        except requests.ConnectionError:
            pass
        time.sleep(1)
    raise AssertionError(f"the server did not answer within {START_TIMEOUT_S} s")


@pytest.mark.slow
def test_an_idle_server_keeps_its_generation_through_repeated_cli_ingests(
    corpus: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HF_HUB_OFFLINE": "1"}
    built = _cli("ingest", str(corpus), "--store", str(store), env=env)
    assert built.returncode == 0, built.stderr
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = ["serve", "--store", str(store), "--port", str(port)]
    with (tmp_path / "serve.log").open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "forumgraph", *command], env=env, stdout=log, stderr=log
        )
        try:
            served = str(_wait_for_health(url, server)["generation"])
            for round_ in range(KEEP_GENERATIONS):
                _edit(corpus, round_)
                done = _cli("ingest", str(corpus), "--store", str(store), env=env)
                assert done.returncode == 0, done.stderr
                assert (store / "generations" / served).is_dir(), round_
            assert len(_generations(store)) == KEEP_GENERATIONS + 1

            # The server moves to the newest generation and answers from it.
            query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
            for _ in range(3):
                answer = requests.get(f"{url}/sparql", params={"query": query}, timeout=60)
                assert answer.status_code == 200, answer.text
                hits = requests.get(f"{url}/api/search", params={"q": "summit"}, timeout=60)
                assert hits.status_code == 200, hits.text
            newest = _generations(store)[-1]
            assert requests.get(f"{url}/healthz", timeout=10).json()["generation"] == newest

            # Once the server has let its old generation go, the next ingest prunes it.
            _edit(corpus, KEEP_GENERATIONS)
            done = _cli("ingest", str(corpus), "--store", str(store), env=env)
            assert done.returncode == 0, done.stderr
            assert not (store / "generations" / served).exists()
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert "Traceback" not in (tmp_path / "serve.log").read_text(encoding="utf-8")
