"""Web fixtures: the bundled store plus one hostile article, shared services, app and client.

The store is built once per run (a copy of the shared `built_store` with `en_hostile_markup`
ingested on top), and the embedder, analyser and search services load once per run too.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import Events, chromium_path
from flask import Flask
from flask.testing import FlaskClient

from forumgraph.config import Settings
from forumgraph.serving.services import Services
from forumgraph.web import create_app

HERE = Path(__file__).resolve().parent
HOSTILE_ARTICLE = HERE / "data" / "en_hostile_markup.txt"
HOSTILE_DOC_ID = "en_hostile_markup"


@pytest.fixture(scope="session")
def models(shared_models: dict[str, Any], query_encoders: dict[str, Any]) -> dict[str, Any]:
    """The serving encoders (queries by onnxruntime, passages by the shared models) and the
    Korean analyser of the test run, for ingest and serving."""
    return {"encoders": query_encoders, "analyzer": shared_models["analyzer"]}


@pytest.fixture(scope="session")
def web_settings(
    built_store: Settings, models: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    """Settings whose store holds the bundled corpus and the hostile article."""
    from forumgraph.ingest.pipeline import Ingester

    store = tmp_path_factory.mktemp("web") / "store"
    shutil.copytree(built_store.store_dir, store)
    settings = built_store.with_overrides(store_dir=store, sparql_timeout_s=2.0)
    report = Ingester(settings, **models).ingest_paths([HOSTILE_ARTICLE])
    assert report.ok, report.failed
    assert report.added == [HOSTILE_DOC_ID]
    return settings


@pytest.fixture(scope="session")
def services(web_settings: Settings, models: dict[str, Any]) -> Services:
    return Services(web_settings, **models)


@pytest.fixture(scope="session")
def app(web_settings: Settings, services: Services) -> Flask:
    return create_app(web_settings, services=services)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def live_server(web_settings: Settings, services: Services) -> Iterator[str]:
    """The app behind the real waitress server on 127.0.0.1 (a free port), in a thread."""
    from forumgraph.web.server import make_server

    server = make_server(web_settings.with_overrides(port=0), services=services)
    thread = threading.Thread(target=server.run, name="waitress", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian chromium, one per test module (browser tests only)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def events() -> Events:
    return Events()


@pytest.fixture
def page(browser: Any, events: Events) -> Iterator[Any]:
    """A fresh English page (1400×1000) that records dialogs and console errors."""
    context = browser.new_context(locale="en-US", viewport={"width": 1400, "height": 1000})
    page = context.new_page()

    def on_dialog(dialog: Any) -> None:
        events.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_console(message: Any) -> None:
        if message.type == "error":
            events.console_errors.append(message.text)

    page.on("dialog", on_dialog)
    page.on("console", on_console)
    yield page
    context.close()


@pytest.fixture(scope="session")
def error_of() -> Any:
    """Checks the shared JSON error shape and returns the `error` object."""
    return check_error


def check_error(response: Any) -> dict[str, Any]:
    """The `error` object of a JSON error response, checking the shared shape on the way."""
    body = response.get_json()
    assert set(body) == {"error"}, body
    error: dict[str, Any] = body["error"]
    assert set(error) == {"code", "message", "hint", "status"}, error
    assert error["status"] == response.status_code
    assert isinstance(error["message"], str) and error["message"]
    return error
