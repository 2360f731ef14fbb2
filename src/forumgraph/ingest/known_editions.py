"""Known editions of region-named series (`known_editions.yaml`): which city held which year's
edition, and the official name of an edition where it is more than series, region and year."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from forumgraph.errors import InputError

SOURCE = "forumgraph/ingest/known_editions.yaml"


@dataclass(frozen=True)
class KnownEdition:
    year: int
    region: str
    month: int
    city: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class KnownEditions:
    """Editions by series name (casefolded)."""

    by_series: Mapping[str, tuple[KnownEdition, ...]]

    def find(self, series: str, region: str, year: int) -> KnownEdition | None:
        """The series' edition in the region that year, if the table lists it."""
        return next(
            (e for e in self._of(series) if e.year == year and _same(e.region, region)), None
        )

    def official_name(self, series: str, region: str, year: int) -> str | None:
        found = self.find(series, region, year)
        return found.name if found else None

    def city_of(self, series: str, region: str, year: int) -> str | None:
        """The city of the series' in-person edition in the region that year, if known."""
        found = self.find(series, region, year)
        return found.city if found else None

    def years_in(self, series: str, city_names: set[str]) -> list[int]:
        """Years the series held an edition in the city (any of its names), oldest first."""
        return sorted(
            e.year for e in self._of(series) if e.city and e.city.casefold() in city_names
        )

    def _of(self, series: str) -> tuple[KnownEdition, ...]:
        return self.by_series.get(series.casefold(), ())


def known_editions(data: Any) -> KnownEditions:
    """The parsed table; a malformed row fails with the field and what to write instead."""
    if not isinstance(data, dict):
        raise InputError(f"{SOURCE}: expected a mapping of series name to a list of editions")
    out: dict[str, tuple[KnownEdition, ...]] = {}
    for series, rows in data.items():
        if not isinstance(rows, list):
            raise InputError(f"{SOURCE}: {series}: expected a list of editions")
        out[str(series).casefold()] = tuple(
            _edition(str(series), i, row) for i, row in enumerate(rows)
        )
    return KnownEditions(out)


def _edition(series: str, index: int, row: Any) -> KnownEdition:
    where = f"{SOURCE}: {series}, edition {index + 1}"
    if not isinstance(row, dict):
        raise InputError(f"{where}: expected a mapping with year, region and month")
    unknown = set(row) - {"year", "region", "month", "city", "name"}
    if unknown:
        raise InputError(f"{where}: unknown field(s) {sorted(unknown)}")
    year, month, region = row.get("year"), row.get("month"), row.get("region")
    if not isinstance(year, int) or not 1900 < year < 2100:
        raise InputError(f"{where}: `year` must be a four-digit year, got {year!r}")
    if not isinstance(month, int) or not 1 <= month <= 12:
        raise InputError(f"{where}: `month` must be 1-12, got {month!r}")
    if not isinstance(region, str) or not region:
        raise InputError(f"{where}: `region` must name the region the edition is named after")
    city, name = row.get("city"), row.get("name")
    return KnownEdition(
        year, region, month, str(city) if city else None, str(name) if name else None
    )


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()
