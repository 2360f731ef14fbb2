"""The world's larger cities as gazetteer places (`cities.tsv` beside the landscape, made by
scripts/build_cities.py from GeoNames) and its countries (`countries.tsv`, made by
scripts/build_countries.py from CLDR and GeoNames), below every curated and landscape entry.

A curated place keeps its own entry: a city of the table that shares one of its names is left
out. In text, such a city reads as a place unless the writing says otherwise: a Latin name the
text also writes in lower case (`nice`) is a word, and one followed by another capitalised word
(`Charlotte Smith`, `Aurora Serverless`) is part of a longer name.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path

from forumgraph.errors import InputError
from forumgraph.ingest.extract_text import written_in_lower_case
from forumgraph.models import Name

CITIES_FILE = "cities.tsv"
COUNTRIES_FILE = "countries.tsv"
REFERENCE_PREFIX = "geonames:"
_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")
_BY_BEFORE = re.compile(r"\b[Bb]y\s$")


def is_generated_place(reference: str) -> bool:
    """Whether the entry comes from the city table rather than from a curated list."""
    return reference.startswith(REFERENCE_PREFIX)


def city_rows(path: Path, taken: Iterable[str]) -> list[tuple[str, tuple[Name, ...], str, str]]:
    """(reference, names with the English one first, country code, continent) per city of
    the table whose names are not `taken` (casefolded names of curated places); empty when
    there is no table."""
    if not path.is_file():
        return []
    taken = set(taken)
    out = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh, delimiter="\t"), start=2):
                names = _names(row, path, line)
                if not any(n.text.casefold() in taken for n in names):
                    reference = REFERENCE_PREFIX + row["geonameid"]
                    out.append((reference, names, row["country"], row["continent"]))
    except (OSError, KeyError) as exc:
        raise InputError(
            f"Cannot read the city table {path}: {exc}.",
            hint="Rebuild it with scripts/build_cities.py or delete it.",
        ) from exc
    return out


def country_rows(path: Path, taken: Iterable[str]) -> list[tuple[tuple[Name, ...], str, str]]:
    """(names with the English ones first, code, continent) per country of the table whose code
    is not `taken` (codes of curated countries); empty when there is no table."""
    if not path.is_file():
        return []
    taken = set(taken)
    out = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh, delimiter="\t"), start=2):
                english = [n for n in row["en"].split("|") if n]
                if not english:
                    raise InputError(f"{path}, line {line}: the `en` column is empty.")
                if row["code"] in taken:
                    continue
                names = [Name(n, "en") for n in english]
                names += [Name(row["ko"], "ko")] if row["ko"] else []
                out.append((tuple(names), row["code"], row["continent"]))
    except (OSError, KeyError) as exc:
        raise InputError(
            f"Cannot read the country table {path}: {exc}.",
            hint="Rebuild it with scripts/build_countries.py or delete it.",
        ) from exc
    return out


def _names(row: dict[str, str], path: Path, line: int) -> tuple[Name, ...]:
    name = (row.get("name") or "").strip()
    if not name:
        raise InputError(f"{path}, line {line}: the `name` column is empty.")
    names = [Name(name, "en")]
    if row.get("ascii"):
        names.append(Name(row["ascii"], "en"))
    names += [Name(ko, "ko") for ko in (row.get("ko") or "").split("|") if ko]
    return tuple(names)


def first_name_after_by(text: str, start: int, end: int) -> bool:
    """`Reporting by Sofia Brandt`: a city's name after `by`, followed by a capitalised word, is
    a person's first name."""
    return bool(_BY_BEFORE.search(text, max(0, start - 4), start)) and bool(
        _CAPITALISED_NEXT.match(text, end)
    )


def reads_as_place(text: str, start: int, end: int) -> bool:
    """Whether a table city's name at text[start:end] is the place, not a word or part of a
    longer name."""
    surface = text[start:end]
    if not surface.isascii():
        return True
    if _CAPITALISED_NEXT.match(text, end):
        return False
    return not written_in_lower_case(surface, text)
