"""The filter values a search is restricted by, for indexes that filter on fields of their own."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Where:
    """Passages in one of `langs` (any when empty), about `event`, of `year`, mentioning an
    entity of `entity_type`, among `vector_ids`; None means no restriction on that value."""

    langs: tuple[str, ...] = ()
    event: str | None = None
    year: int | None = None
    entity_type: str | None = None
    vector_ids: tuple[int, ...] | None = None

    def with_langs(self, langs: tuple[str, ...]) -> Where:
        """The same restriction for these languages."""
        return Where(langs, self.event, self.year, self.entity_type, self.vector_ids)
