"""An app over its own small writable store, for the write-API tests (imported by name)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from flask import Flask

from forumgraph.config import Settings
from forumgraph.serving.services import Services
from forumgraph.web import create_app

LIVING = Path(__file__).resolve().parent.parent / "fixtures" / "living"
TOKEN = "s3cret-token-for-tests-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@dataclass(frozen=True)
class Writable:
    """An app over its own small store (the living corpus), with writes enabled."""

    app: Flask
    services: Services
    settings: Settings


def make_writable(shared: Services, base: Settings, folder: Path, **overrides: object) -> Writable:
    """Ingest the living corpus into `folder`/store and serve it with `shared`'s models."""
    from forumgraph.ingest.pipeline import Ingester

    shutil.copytree(LIVING / "v1", folder / "corpus")
    settings = base.with_overrides(store_dir=folder / "store", api_token=TOKEN, **overrides)
    models = {"encoders": shared.encoders, "analyzer": shared.analyzer}
    report = Ingester(settings, **models).ingest_paths([folder / "corpus"])
    assert report.ok, report.failed
    own = Services(settings, **models)
    return Writable(create_app(settings, services=own), own, settings)
