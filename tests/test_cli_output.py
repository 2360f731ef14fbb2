"""What the command line prints: a bad file named once, no progress bars in a log, a short
token refused before `serve` builds anything, talks found with their filters."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _forumgraph(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "forumgraph", *args],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "HF_HUB_OFFLINE": "1", **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_bad_file_is_named_once_and_a_log_gets_no_progress_bars(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    binary = corpus / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text \x00" * 50)
    empty = corpus / "empty.md"
    empty.write_bytes(b"")
    done = _forumgraph("ingest", str(corpus), "--store", str(tmp_path / "store"))
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2, done.stderr
    for path, line in zip(sorted((str(binary), str(empty))), sorted(errors), strict=True):
        assert line.count(path) == 1, line
    assert "\r" not in done.stderr and "\x1b[" not in done.stderr  # stderr is a pipe here
    assert "reading" not in done.stderr


def test_serve_refuses_a_short_token_before_building_a_store(tmp_path: Path) -> None:
    store = tmp_path / "store"
    token = "guessable-31-characters-token!!"
    done = _forumgraph(
        "serve", "--store", str(store), "--port", "0", env={"FORUMGRAPH_API_TOKEN": token}
    )
    assert done.returncode == 1
    assert "at least 32" in done.stderr and "secrets.token_urlsafe" in done.stderr
    assert token not in done.stderr
    assert not store.exists()


def test_search_lists_talks_with_their_filters(built_store: Any) -> None:
    store = str(built_store.store_dir)
    done = _forumgraph(
        "search", "발표", "--store", store, "--result", "talk", "--speaker", "셰릴 헝", "--json"
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)["results"]
    assert results and {r["type"] for r in results} == {"talk"}
    assert all("person/cheryl-hung" in {s["id"] for s in r["speakers"]} for r in results)
    shown = _forumgraph("search", "셰릴 헝 발표 목록", "--store", store, "-k", "5")
    assert shown.returncode == 0, shown.stderr
    assert re.search(r"talk/\S+\s+\[talk \d{4}\]", shown.stdout)
    refused = _forumgraph("search", "Helm", "--store", store, "--speaker", "Nobody Known")
    assert refused.returncode == 1
    assert "speaker" in refused.stderr and "Traceback" not in refused.stderr
