"""Paths and records shared by the store-update tests (imported by name, like a conftest)."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

LIVING = Path(__file__).resolve().parent.parent / "fixtures" / "living"
V1 = LIVING / "v1"
V2 = LIVING / "v2"
SUMMIT, MEETUP, KOREAN = "living_summit", "living_meetup", "living_seoul_ko"


@dataclass(frozen=True)
class Models:
    """The real embedder and Korean analyser, shared by every test of the package."""

    embedder: Any
    analyzer: Any


@contextlib.contextmanager
def oxigraph_server(folder: Path, timeout_s: int = 10) -> Iterator[str]:
    """`oxigraph serve` (the binary of the oxigraph package) on a free port; its base URL."""
    binary = shutil.which("oxigraph")
    assert binary, "the oxigraph server binary is missing: pip install oxigraph"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    command = [binary, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        [*command, "--timeout-s", str(timeout_s)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, f"oxigraph serve exited with {process.returncode}"
            try:
                requests.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "oxigraph serve did not start in 30 s"
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
