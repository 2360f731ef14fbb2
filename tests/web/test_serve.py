"""`forumgraph serve` as a user runs it: no store yet, so it builds one first, then serves."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from forumgraph.config import Settings
from forumgraph.web.server import input_paths

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ("en_helm_at_kubecon_na2019.txt", "ko_helm_at_kubecon_na2019.txt")
START_TIMEOUT_S = 600


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.mark.slow
def test_serve_builds_a_missing_store_then_answers(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    for name in ARTICLES:
        shutil.copy(ROOT / "data" / "articles" / name, data / "articles" / name)
    (data / "README.md").write_text("# notes, not an article\n", encoding="utf-8")
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "HF_HUB_OFFLINE": "1",
        "FORUMGRAPH_DATA_DIR": str(data),
        "FORUMGRAPH_API_TOKEN": "not-a-real-secret-but-long-enough-for-serve",
    }
    command = [sys.executable, "-m", "forumgraph", "serve", "--store", str(tmp_path / "store")]
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [*command, "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT
        )
        try:
            url = f"http://127.0.0.1:{port}"
            health = _wait_for_health(url, server)
            assert health["documents"] == 2
            page = requests.get(url, params={"q": "Helm KubeCon"}, timeout=60)
            assert page.status_code == 200
            assert "en_helm_at_kubecon_na2019" in page.text
        finally:
            server.terminate()
            server.wait(timeout=30)
    output = log.read_text(encoding="utf-8", errors="replace")
    assert "is empty; building it from" in output
    assert "documents: 2 added" in output
    assert "setting api_token = ***" in output
    assert "not-a-real-secret" not in output
    assert f"serving on http://127.0.0.1:{port}" in output


def test_serve_is_healthy_only_once_warm(
    built_store: Settings, query_embedder: object, tmp_path: Path
) -> None:
    # query_embedder: the checked query encoder export that serving needs is in the cache.
    store = tmp_path / "store"
    shutil.copytree(built_store.store_dir, store)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HF_HUB_OFFLINE": "1"}
    command = [sys.executable, "-m", "forumgraph", "serve", "--store", str(store)]
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [*command, "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT
        )
        try:
            url = f"http://127.0.0.1:{port}"
            health = _wait_for_health(url, server)
            logged_by_then = log.read_text(encoding="utf-8", errors="replace")
            first = requests.get(f"{url}/api/search", params={"q": "헬름 3 틸러"}, timeout=60)
        finally:
            server.terminate()
            server.wait(timeout=30)
    # The first answer /healthz ever gave was "ok", and the warm-up had finished by then.
    assert health["status"] == "ok"
    assert "warmed up: 2 questions answered" in logged_by_then
    assert first.status_code == 200 and first.json()["results"]
    output = log.read_text(encoding="utf-8", errors="replace")
    order = [output.index(s) for s in ("warmed up", "serving generation", "is serving on")]
    assert order == sorted(order)


def test_serve_ingests_articles_and_talk_lists_but_not_notes(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "schedules").mkdir()
    (tmp_path / "gazetteer").mkdir()
    (tmp_path / "schedules" / "SOURCE.md").write_text("# where the lists come from\n")
    assert input_paths(tmp_path) == [tmp_path / "articles", tmp_path / "schedules"]
    assert input_paths(tmp_path / "articles") == [tmp_path / "articles"]


def _wait_for_health(url: str, server: subprocess.Popen[bytes]) -> dict[str, object]:
    """The first answer of /healthz (any status), once the server answers at all."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited while starting"
        try:
            response = requests.get(f"{url}/healthz", timeout=30)
            body: dict[str, object] = response.json()
            return body
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.2)
    raise AssertionError(f"the server did not answer within {START_TIMEOUT_S} s")
