"""A real HTTP listener on 127.0.0.1 that records every request it gets (imported by name).

The SPARQL tests point SERVICE calls at it: whatever the query says, it must hear nothing.
It answers like a SPARQL endpoint with one row, so a call that did get through would also
show up in the results.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ONE_ROW = (
    b'{"head":{"vars":["a","b","c"]},"results":{"bindings":[{"a":{"type":"literal",'
    b'"value":"leaked"},"b":{"type":"literal","value":"x"},"c":{"type":"literal","value":"y"}}]}}'
)


class Listener:
    """The listener's base URL and the (method, path) of each request it received."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.requests: list[tuple[str, str]] = []


@contextlib.contextmanager
def loopback_listener() -> Iterator[Listener]:
    """A listener on a free loopback port for the duration of the block."""
    heard: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def _record(self) -> None:
            heard.append((self.command, self.path))
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(ONE_ROW)))
            self.end_headers()
            self.wfile.write(ONE_ROW)

        do_GET = do_POST = _record  # noqa: N815 - http.server's naming

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="loopback", daemon=True)
    thread.start()
    listener = Listener(f"http://127.0.0.1:{server.server_address[1]}")
    listener.requests = heard
    try:
        yield listener
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
