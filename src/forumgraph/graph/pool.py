"""A small pool of query worker processes with a hard per-query time limit.

pyoxigraph has no way to cancel a running query and releases the GIL while it works, so a
runaway query in a thread would keep a core busy forever. Each query therefore runs in a worker
process (`forumgraph.graph.worker`) that reads the store read-only; a query past its limit gets
its worker killed and replaced, and the caller gets QueryTimeout. A worker that runs out of
its memory limit dies (pyoxigraph aborts) or says so; it is replaced too, and the caller gets
QueryMemoryLimit. Workers cannot open network connections (see sandbox.py).
"""

from __future__ import annotations

import logging
import signal
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from forumgraph.errors import (
    ForumgraphError,
    InputError,
    QueryError,
    QueryMemoryLimit,
    QueryRefused,
    QueryTimeout,
    StoreError,
)
from forumgraph.graph.results import QueryResult
from forumgraph.graph.worker import MEMORY_ERROR, ClassifyRequest, QueryRequest

log = logging.getLogger(__name__)

# Starting a worker imports rdflib's SPARQL parser (~0.7 s); this bounds a broken start.
BOOT_TIMEOUT_S = 60.0
# The worker imports forumgraph from wherever this process did, even when it is not installed.
_PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])
_WORKER_BOOT = (
    f"import sys; sys.path.insert(0, {_PACKAGE_PARENT!r}); "
    "from forumgraph.graph.worker import main; main(sys.argv[1:])"
)
_ERRORS: dict[str, type[ForumgraphError]] = {
    cls.__name__: cls for cls in (QueryError, QueryRefused, StoreError, InputError)
}


class _Worker:
    """One worker process and the parent's end of its socket."""

    def __init__(self) -> None:
        parent_end, child_end = socket.socketpair()
        command = [sys.executable, "-c", _WORKER_BOOT, str(child_end.fileno())]
        # Our own interpreter and module; no user input reaches the command line.
        self.process = subprocess.Popen(  # noqa: S603
            command,
            pass_fds=(child_end.fileno(),),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
        )
        child_end.close()
        self.connection = Connection(parent_end.detach())
        self.ready = False
        self.sandboxed = False

    def wait_ready(self, timeout_s: float) -> None:
        if self.ready:
            return
        if not self.connection.poll(timeout_s):
            raise StoreError(
                f"A SPARQL query worker did not start within {timeout_s:.0f} s.",
                hint="The machine may be overloaded; try again.",
            )
        message = self.connection.recv()
        if isinstance(message, tuple) and message[:1] == ("failed",):
            raise StoreError(
                f"A SPARQL query worker refused to start: {message[1]}.",
                hint="Query workers need seccomp (Linux); check the container's security profile.",
            )
        if not (isinstance(message, tuple) and len(message) == 2 and message[0] == "ready"):
            raise StoreError("A SPARQL query worker sent an unexpected greeting.")
        self.sandboxed = message[1] is True
        self.ready = True

    def died_of_memory(self) -> bool:
        """After the connection broke: did the process abort (a failed allocation)?"""
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return False
        return code == -signal.SIGABRT

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.connection.close()


class QueryPool:
    """Runs queries in `size` worker processes, killing any that runs past its time limit."""

    def __init__(self, size: int = 2) -> None:
        if size < 1:
            raise InputError(f"The query pool needs at least one worker, got {size}.")
        self.size = size
        self._lock = threading.Condition()
        self._idle: list[_Worker] = []
        self._workers: list[_Worker] = []
        self._closed = False
        self._warned = False

    def start(self, wait: bool = False) -> None:
        """Start the worker processes now; with `wait`, return once idle ones have booted."""
        with self._lock:
            self._check_open()
            while len(self._workers) < self.size:
                worker = _Worker()
                self._workers.append(worker)
                self._idle.append(worker)
            booting = [worker for worker in self._idle if not worker.ready] if wait else []
            for worker in booting:
                self._idle.remove(worker)
        for worker in booting:
            healthy = False
            try:
                self._wait_ready(worker)
                healthy = True
            finally:
                self._release(worker, healthy)

    @property
    def pids(self) -> list[int]:
        """Process ids of the current workers (for tests and diagnostics)."""
        with self._lock:
            return [worker.process.pid for worker in self._workers]

    @property
    def busy(self) -> int:
        """How many workers are running a query now (for tests and diagnostics)."""
        with self._lock:
            return len(self._workers) - len(self._idle)

    def run(self, request: QueryRequest, timeout_s: float) -> QueryResult:
        """Run one query; QueryTimeout after `timeout_s` of waiting for a worker or of running."""
        reply, elapsed_ms = self._ask(request, timeout_s)
        return _result_from(reply, elapsed_ms)

    def classify(
        self, query: str, timeout_s: float, memory_mb: int | None = None
    ) -> tuple[str, str]:
        """The canonical text and form of a query, classified in a worker under `timeout_s`."""
        reply, elapsed_ms = self._ask(ClassifyRequest(query, memory_mb), timeout_s)
        result = _result_from(reply, elapsed_ms)
        return result.payload.decode("utf-8"), result.kind

    def _ask(self, request: QueryRequest | ClassifyRequest, timeout_s: float) -> tuple[Any, float]:
        """Send one request to an idle worker and wait up to `timeout_s` for its reply."""
        self.start()
        worker = self._acquire(time.monotonic() + timeout_s, timeout_s)
        healthy = False
        try:
            self._wait_ready(worker)
            started = time.monotonic()
            worker.connection.send(request)
            if not worker.connection.poll(timeout_s):
                raise QueryTimeout(
                    f"The SPARQL query ran past the time limit of {timeout_s:g} s and was stopped.",
                    hint="Add LIMIT, narrow the patterns or avoid cross products.",
                )
            reply = worker.connection.recv()
            elapsed_ms = (time.monotonic() - started) * 1000
            healthy = reply[:2] != ("error", MEMORY_ERROR)
        except (EOFError, OSError) as exc:
            if request.memory_mb and worker.died_of_memory():
                raise _memory_limit(request.memory_mb) from None
            raise StoreError(
                "The SPARQL query worker stopped unexpectedly.",
                hint="Simplify the query and try again.",
            ) from exc
        finally:
            self._release(worker, healthy)
        if not healthy:
            raise _memory_limit(request.memory_mb)
        return reply, elapsed_ms

    def close(self, grace_s: float = 5.0) -> None:
        """Stop all workers, giving running queries up to `grace_s` to finish."""
        deadline = time.monotonic() + grace_s
        with self._lock:
            self._closed = True
            while len(self._idle) < len(self._workers) and time.monotonic() < deadline:
                self._lock.wait(max(0.0, deadline - time.monotonic()))
            workers, self._workers, self._idle = self._workers, [], []
        for worker in workers:
            worker.stop()

    def _wait_ready(self, worker: _Worker) -> None:
        worker.wait_ready(BOOT_TIMEOUT_S)
        if not worker.sandboxed and not self._warned:
            self._warned = True
            log.warning(
                "SPARQL query workers run without their network wall on this platform (it "
                "needs Linux seccomp); SERVICE is refused by the query check alone."
            )

    def _acquire(self, deadline: float, timeout_s: float) -> _Worker:
        with self._lock:
            while True:
                self._check_open()
                if self._idle:
                    ready = [worker for worker in self._idle if worker.ready]
                    worker = (ready or self._idle)[0]
                    self._idle.remove(worker)
                    return worker
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise QueryTimeout(
                        f"Every SPARQL query worker stayed busy for {timeout_s:g} s.",
                        hint="The endpoint is overloaded; try again shortly.",
                    )
                self._lock.wait(remaining)

    def _release(self, worker: _Worker, healthy: bool) -> None:
        if not healthy:
            worker.stop()  # the only way to stop a runaway query
        with self._lock:
            if worker in self._workers and not healthy:
                self._workers.remove(worker)
                if not self._closed:
                    replacement = _Worker()
                    self._workers.append(replacement)
                    self._idle.append(replacement)
            elif worker in self._workers:
                self._idle.append(worker)
            self._lock.notify_all()

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("The graph store is closed.", hint="Open the store again.")


def _memory_limit(memory_mb: int | None) -> QueryMemoryLimit:
    limit = f"the memory limit of {memory_mb} MB" if memory_mb else "the memory available"
    return QueryMemoryLimit(
        f"The SPARQL query needed more than {limit} and was stopped.",
        hint="Add LIMIT, avoid cross products and huge GROUP_CONCAT or string results "
        "(see the sparql_memory_mb setting).",
    )


def _result_from(reply: tuple[object, ...], elapsed_ms: float) -> QueryResult:
    if reply[0] == "ok":
        _, kind, payload, truncated, _worker_ms = reply
        if isinstance(payload, bytes):
            return QueryResult(str(kind), payload, truncated is True, elapsed_ms)
        raise StoreError("A SPARQL query worker sent a malformed reply.")
    _, name, message, hint = reply
    error = _ERRORS.get(str(name), QueryError)
    raise error(str(message), hint=None if hint is None else str(hint))
