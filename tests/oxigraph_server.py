"""`oxigraph serve` on loopback for the tests of the remote graph backend."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import requests


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def oxigraph_binary() -> str:
    """The server binary of the `oxigraph` package, beside this interpreter or on PATH."""
    # The virtual environment's bin folder is not on PATH when make calls .venv/bin/pytest.
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    assert found, "the oxigraph server binary is missing: pip install oxigraph"
    return found


@contextlib.contextmanager
def oxigraph_server(folder: Path, timeout_s: int = 10) -> Iterator[str]:
    """A server with its own data folder that stops queries itself after `timeout_s`; its URL."""
    port = free_port()
    command = [oxigraph_binary(), "serve", "--location", str(folder)]
    process = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}", "--timeout-s", str(timeout_s)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, f"oxigraph serve exited with {process.returncode}"
            try:
                requests.get(f"{url}/query", params={"query": "ASK {}"}, timeout=10)
                break
            except (requests.ConnectionError, requests.Timeout):
                assert time.monotonic() < deadline, "oxigraph serve did not start in 120 s"
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
