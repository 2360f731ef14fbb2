"""Paths and records shared by the store-update tests (imported by name, like a conftest)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

LIVING = Path(__file__).resolve().parent.parent / "fixtures" / "living"
V1 = LIVING / "v1"
V2 = LIVING / "v2"
SUMMIT, MEETUP, KOREAN = "living_summit", "living_meetup", "living_seoul_ko"


@dataclass(frozen=True)
class Models:
    """The real encoders (by vector set) and Korean analyser, shared by the package's tests."""

    encoders: dict[str, Any]
    analyzer: Any

    @property
    def embedder(self) -> Any:
        return self.encoders["embedding"]
