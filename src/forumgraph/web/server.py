"""`forumgraph serve`: build a store on first run if there is none, then serve with waitress."""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from forumgraph.config import Settings, check_api_token
from forumgraph.errors import StoreError
from forumgraph.snapshot.access import store_access

log = logging.getLogger(__name__)


def run_server(settings: Settings) -> None:
    """Serve the app on `settings.host:settings.port` until interrupted."""
    server = make_server(settings)
    log.info("forumgraph is serving on http://%s:%s", settings.host, server.effective_port)
    try:
        server.run()
    except KeyboardInterrupt:
        log.info("stopped")
    finally:
        server.close()


def make_server(settings: Settings, *, services: Any | None = None) -> Any:
    """A waitress server for the app, bound but not yet running (`port=0` picks a free port)."""
    from waitress import create_server

    from forumgraph.web import create_app

    for name, value in settings.describe().items():
        log.info("setting %s = %s", name, value)
    check_api_token(settings)  # before a first run spends minutes building the store
    if services is None and store_access(settings).current_name() is None:
        build_initial_store(settings)
    app = create_app(settings, services=services)
    return create_server(
        app,
        host=settings.host,
        port=settings.port,
        threads=settings.threads,
        max_request_body_size=settings.max_request_bytes,
        ident="forumgraph",
        clear_untrusted_proxy_headers=True,
    )


def build_initial_store(settings: Settings) -> None:
    """Ingest `settings.data_dir` into an empty store, showing progress on stderr.

    The ingest runs in a child process: it loads torch and the passage model, which the
    serving process never needs, and which would stay resident in it otherwise.
    """
    inputs = input_paths(settings.data_dir)
    log.info(
        "the store %s is empty; building it from %s (first run only)",
        settings.store_dir,
        ", ".join(str(p) for p in inputs),
    )
    spawn = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as child:
            failed, summary = child.submit(_ingest, settings, inputs).result()
    except BrokenProcessPool as exc:
        raise StoreError(
            "The first ingest stopped unexpectedly.",
            hint=f"Run `forumgraph ingest {settings.data_dir}` to see why.",
        ) from exc
    for line in failed:
        log.warning("skipped %s", line)
    for line in summary.splitlines():
        log.info("%s", line)


def _ingest(settings: Settings, inputs: list[Path]) -> tuple[list[str], str]:
    """Runs in the child: ingest `inputs`; the failures and the summary for the parent."""
    from forumgraph.cli_progress import ProgressBars
    from forumgraph.ingest.pipeline import Ingester

    with ProgressBars() as bars:
        report = Ingester(settings, progress=bars.update).ingest_paths(inputs)
    return report.failure_lines(), report.summary()


def input_paths(data_dir: Path) -> list[Path]:
    """What to ingest from a data directory: its articles and schedules (talk lists) folders.

    Notes beside them (README.md, SOURCE.md) and the gazetteer are not articles. A directory
    without those folders is ingested as it is.
    """
    found = [data_dir / name for name in ("articles", "schedules") if (data_dir / name).is_dir()]
    return found or [data_dir]
