"""The entity gold of one document: every person, organisation, event and project it names.

One YAML file per document (the schema is documented in tests/fixtures/heldout/README.md):
`document`, `language`, `people`, `organizations`, `events`, `projects`, `affiliations` and
`optional`. `load_gold` reads a file, checks it against the schema and, given the document's
text, checks that every name said to be written in it is written in it. A bad file raises
`GoldError` naming the file, the entry and the field.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from forumgraph.ingest.resolve import name_key

# Gold list -> the graph type its entries are scored against.
TYPES = {
    "people": "person",
    "organizations": "organization",
    "events": "event",
    "projects": "project",
}
_NAME_LISTS = ("also", "handles")
_FIELDS = {
    "people": {"en", "ko", "handles", "also", "standard", "affiliation", "role"},
    "organizations": {"name", "also", "standard", "kind", "accept_as"},
    "events": {
        "name",
        "also",
        "standard",
        "kind",
        "series",
        "place",
        "year",
        "month",
        "start",
        "end",
        "evidence",
    },
    "projects": {"name", "also", "standard", "kind", "accept_as"},
}
_TOP = {"document", "language", *TYPES, "affiliations", "optional"}


class GoldError(ValueError):
    """A gold file that does not follow the schema."""


@dataclass(frozen=True)
class GoldEntity:
    """One annotated entity: the names the document writes, and official forms it does not."""

    type: str  # person, organization, event or project
    written: tuple[str, ...]
    standard: tuple[str, ...] = ()
    accept_as: tuple[str, ...] = ()  # other graph types a node naming it may have
    affiliations: tuple[str, ...] = ()  # people only: organisation names as annotated
    evidence: str | None = None

    @property
    def label(self) -> str:
        return (self.written or self.standard)[0]

    @property
    def keys(self) -> frozenset[str]:
        """Name keys of every form, the way the graph normalises names."""
        return frozenset(name_key(n) for n in (*self.written, *self.standard)) - {""}


@dataclass(frozen=True)
class GoldDocument:
    """The gold of one document."""

    doc_id: str
    language: str
    source: Path
    entities: dict[str, tuple[GoldEntity, ...]]  # by graph type
    affiliations: frozenset[tuple[GoldEntity, GoldEntity]]  # (person, organisation)
    optional: frozenset[str] = field(default_factory=frozenset)  # name keys


def load_gold(path: Path, text: str | None = None) -> GoldDocument:
    """The gold in `path`; with `text` (the whole document file), names are checked against it."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = str(path)
    if not isinstance(raw, dict):
        raise GoldError(f"{where}: expected a mapping with `document`, `language`, `people`, ...")
    _check_keys(raw, _TOP, set(_TOP), where)
    doc_id = _string(raw, "document", where, required=True)
    language = _string(raw, "language", where, required=True)
    if language not in {"ko", "en"}:
        raise GoldError(f"{where}: `language` must be ko or en, not {language!r}")
    entities: dict[str, tuple[GoldEntity, ...]] = {}
    for section, type_ in TYPES.items():
        items = _list(raw, section, where)
        parse = _person if section == "people" else _entity
        entities[type_] = tuple(
            parse(item, type_, f"{where}: {section}[{i}]") for i, item in enumerate(items)
        )
        _check_unique(entities[type_], f"{where}: {section}")
    optional = _optional(raw, where)
    affiliations = _affiliations(raw, entities, where)
    doc = GoldDocument(doc_id, language, path, entities, affiliations, optional)
    if text is not None:
        check_written(doc, raw, text)
    return doc


def check_written(doc: GoldDocument, raw: dict[str, Any], text: str) -> None:
    """Every written name, evidence span and optional name occurs in the document's text."""
    for type_, items in doc.entities.items():
        for entity in items:
            for name in (*entity.written, *([entity.evidence] if entity.evidence else [])):
                if name not in text:
                    raise GoldError(
                        f"{doc.source}: {type_} {entity.label!r}: {name!r} does not occur in the"
                        " document; move a form the text does not write to `standard`"
                    )
    for entry in raw.get("optional") or []:
        for name in entry["names"]:
            if name not in text:
                raise GoldError(f"{doc.source}: optional name {name!r} does not occur in the text")


def _person(item: Any, type_: str, where: str) -> GoldEntity:
    _check_keys(item, _FIELDS["people"], set(), where)
    written = [n for n in (_string(item, "en", where), _string(item, "ko", where)) if n]
    written += _strings(item, "handles", where) + _strings(item, "also", where)
    if not any(item.get(k) for k in ("en", "ko", "handles")):
        raise GoldError(f"{where}: a person needs `en`, `ko` or `handles`")
    _string(item, "role", where)
    return GoldEntity(
        type_,
        tuple(written),
        tuple(_strings(item, "standard", where)),
        affiliations=tuple(_strings(item, "affiliation", where)),
    )


def _entity(item: Any, type_: str, where: str) -> GoldEntity:
    section = next(s for s, t in TYPES.items() if t == type_)
    _check_keys(item, _FIELDS[section], set(), where)
    name = _string(item, "name", where)
    standard = _strings(item, "standard", where)
    evidence = _string(item, "evidence", where)
    if not name and not (type_ == "event" and standard):
        needs = "`name` or `standard`" if type_ == "event" else "`name`"
        raise GoldError(f"{where}: needs {needs}")
    for key in ("kind", "series", "place"):
        _string(item, key, where)
    for key in ("year", "month", "start", "end"):
        if key in item and not isinstance(item[key], int | str | datetime.date):
            raise GoldError(f"{where}: `{key}` must be a year, YYYY-MM or a date")
    accept = _strings(item, "accept_as", where)
    for other in accept:
        if other not in TYPES.values() or other == type_:
            raise GoldError(f"{where}: `accept_as` lists {other!r}; use another graph type")
    written = ([name] if name else []) + _strings(item, "also", where)
    return GoldEntity(type_, tuple(written), tuple(standard), tuple(accept), evidence=evidence)


def _affiliations(
    raw: dict[str, Any], entities: dict[str, tuple[GoldEntity, ...]], where: str
) -> frozenset[tuple[GoldEntity, GoldEntity]]:
    """The top-level pairs, which must be exactly those the people list implies."""
    people, orgs = entities["person"], entities["organization"]
    implied = {
        (p, _find(orgs, org, f"{where}: people {p.label!r} affiliation"))
        for p in people
        for org in p.affiliations
    }
    listed = set()
    for i, pair in enumerate(_list(raw, "affiliations", where)):
        at = f"{where}: affiliations[{i}]"
        _check_keys(pair, {"person", "organization"}, {"person", "organization"}, at)
        person = _find(people, _string(pair, "person", at, required=True), at)
        org = _find(orgs, _string(pair, "organization", at, required=True), at)
        listed.add((person, org))
    if listed != implied:
        diff = sorted(f"{p.label} -> {o.label}" for p, o in listed ^ implied)
        raise GoldError(
            f"{where}: `affiliations` and the people's `affiliation` fields disagree on {diff}"
        )
    return frozenset(listed)


def _find(items: tuple[GoldEntity, ...], name: str, where: str) -> GoldEntity:
    key = name_key(name)
    for item in items:
        if key in item.keys:
            return item
    raise GoldError(f"{where}: {name!r} names no entry of that list")


def _optional(raw: dict[str, Any], where: str) -> frozenset[str]:
    keys = set()
    for i, entry in enumerate(_list(raw, "optional", where)):
        _check_keys(entry, {"names"}, {"names"}, f"{where}: optional[{i}]")
        keys |= {name_key(n) for n in _strings(entry, "names", f"{where}: optional[{i}]")}
    return frozenset(keys)


def _check_unique(items: tuple[GoldEntity, ...], where: str) -> None:
    """No name twice in one entry, and no two entries of a list sharing a name."""
    seen: dict[str, str] = {}
    for item in items:
        forms = [name_key(n) for n in (*item.written, *item.standard)]
        if len(forms) != len(set(forms)):
            raise GoldError(f"{where}: {item.label!r} lists the same name twice (after name_key)")
        for key in forms:
            if key in seen:
                raise GoldError(f"{where}: {item.label!r} and {seen[key]!r} share a name")
            seen[key] = item.label


def _check_keys(item: Any, allowed: set[str], required: set[str], where: str) -> None:
    if not isinstance(item, dict):
        raise GoldError(f"{where}: expected a mapping, got {type(item).__name__}")
    unknown = set(item) - allowed
    if unknown:
        raise GoldError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    missing = required - set(item)
    if missing:
        raise GoldError(f"{where}: missing field(s) {sorted(missing)}")


def _string(item: dict[str, Any], key: str, where: str, *, required: bool = False) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise GoldError(f"{where}: `{key}` must be a non-empty string")
    return value


def _strings(item: dict[str, Any], key: str, where: str) -> list[str]:
    """A string or a list of strings (`handles`, `also`, `standard`, `affiliation`, ...)."""
    value = item.get(key)
    if value is None:
        return []
    values = [value] if isinstance(value, str) and key not in _NAME_LISTS else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise GoldError(f"{where}: `{key}` must be a list of non-empty strings")
    return values


def _list(raw: dict[str, Any], key: str, where: str) -> list[Any]:
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise GoldError(f"{where}: `{key}` must be a list")
    return value
