"""Headless Chromium (Debian `chromium`, driven by Playwright) for the browser tests: where it
is, where screenshots go, the marks that skip a browser test without it, and what a page did
that it must not. The fixtures are in conftest.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

BROWSER_MARKS = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists() and shutil.which("chromium") is None,
        reason="Debian chromium is not installed (apt-get install -y chromium)",
    ),
]


def chromium_path() -> str:
    """Debian's chromium, where it is installed."""
    return str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))


class Events:
    """What a page did that it must not: dialogs (a script ran) and console errors (e.g. CSP)."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.console_errors: list[str] = []
