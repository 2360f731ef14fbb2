"""Progress bars for long CLI commands (stderr, one bar per stage), on a terminal only.

Redrawn bars are control sequences; in a log file or a pipe they would be hundreds of lines of
noise, so without a terminal on stderr nothing is drawn.
"""

from __future__ import annotations

import sys
from types import TracebackType

from tqdm import tqdm

STAGE_LABELS = {
    "read": "reading",
    "extract": "extracting",
    "embed embedding": "embedding",
    "embed use": "embedding (USE)",
}


class ProgressBars:
    """Receives (stage, done, total) callbacks and draws a tqdm bar per stage."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bars: dict[str, tqdm] = {}

    def update(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        bar = self._bars.get(stage)
        if bar is None:
            bar = tqdm(total=total, desc=STAGE_LABELS.get(stage, stage), unit="", leave=False)
            self._bars[stage] = bar
        bar.total = total
        bar.n = done
        bar.refresh()

    def __enter__(self) -> ProgressBars:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for bar in self._bars.values():
            bar.close()
