"""What the command line prints: a bad file named once, no progress bars in a log, a short
token refused before `serve` builds anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
