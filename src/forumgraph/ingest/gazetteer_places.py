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
from collections.abc import Iterable, Iterator
from pathlib import Path

from forumgraph.errors import InputError
from forumgraph.ingest.extract_text import written_in_lower_case
from forumgraph.models import Name

CITIES_FILE = "cities.tsv"
COUNTRIES_FILE = "countries.tsv"
_CITY_COLUMNS = ("geonameid", "name", "country", "continent")
_COUNTRY_COLUMNS = ("code", "en", "ko", "continent")
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
    taken = set(taken)
    out = []
    for line, row in _table(path, "city", "build_cities.py", _CITY_COLUMNS):
        names = _names(row, path, line)
        if not any(n.text.casefold() in taken for n in names):
            reference = REFERENCE_PREFIX + row["geonameid"]
            out.append((reference, names, row["country"], row["continent"]))
    return out


def country_rows(path: Path, taken: Iterable[str]) -> list[tuple[tuple[Name, ...], str, str]]:
    """(names with the English ones first, code, continent) per country of the table whose code
    is not `taken` (codes of curated countries); empty when there is no table."""
    taken = set(taken)
    out = []
    for line, row in _table(path, "country", "build_countries.py", _COUNTRY_COLUMNS):
        english = [n for n in row["en"].split("|") if n]
        if not english:
            raise InputError(f"{path}, line {line}: the `en` column is empty.")
        if row["code"] in taken:
            continue
        names = [Name(n, "en") for n in english]
        names += [Name(row["ko"], "ko")] if row["ko"] else []
        out.append((tuple(names), row["code"], row["continent"]))
    return out


def _table(
    path: Path, kind: str, script: str, columns: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of a tab-separated table; nothing when there is no table. A table
    that cannot be read or lacks one of `columns` fails naming the file and how to rebuild it."""
    if not path.is_file():
        return
    hint = f"Rebuild it with scripts/{script} or delete it."
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t")
            missing = [c for c in columns if c not in (reader.fieldnames or ())]
            if missing:
                raise InputError(f"Cannot read the {kind} table {path}: {missing[0]!r}.", hint=hint)
            yield from enumerate(reader, start=2)
    except OSError as exc:
        raise InputError(f"Cannot read the {kind} table {path}: {exc}.", hint=hint) from exc


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
