"""Edition names as people write them, for linking: "KubeCon Barcelona", "KubeCon North America
2019" for the edition the graph calls "KubeCon + CloudNativeCon Europe 2019" (held in Barcelona)
or "KubeCon + CloudNativeCon North America 2019".

An edition's name is its series' name, where it was held (a city or a region) and its year.
Any other name of the series may stand in for the series' name, and the city the edition's
talks were given in for the region; the place may come first and the year may be left out.
The aliases serve linking only: the linked entity is the stored one, with its own names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from forumgraph.models import Entity, EntityType, Name, TalkRecord
from forumgraph.text.hangul import has_hangul

_YEAR = re.compile(r"\s+((?:19|20)\d\d)$")


def with_edition_aliases(
    entities: Mapping[str, Entity], talks: Iterable[TalkRecord]
) -> list[Entity]:
    """The entities, editions with the other ways of writing their names as alternate names."""
    places: dict[str, set[str]] = {}
    for talk in talks:
        if talk.event_id is not None:
            places.setdefault(talk.event_id, set()).update(talk.place_ids)
    series = [e for e in entities.values() if e.type == EntityType.SERIES]
    out = []
    for entity in entities.values():
        if entity.type != EntityType.EVENT:
            out.append(entity)
            continue
        cities = [entities[p] for p in sorted(places.get(entity.id, ())) if p in entities]
        aliases = _aliases(entity, series, cities)
        known = {n.text for n in (*entity.names, *entity.alternate_names)}
        extra = tuple(Name(a, "ko" if has_hangul(a) else "en") for a in aliases if a not in known)
        out.append(
            replace(entity, alternate_names=entity.alternate_names + extra) if extra else entity
        )
    return out


def _aliases(edition: Entity, series: list[Entity], cities: list[Entity]) -> list[str]:
    aliases: list[str] = []
    for name in edition.names:
        found = [
            (prefix, owner)
            for owner in series
            for prefix in _names(owner)
            if name.text.startswith(prefix + " ")
        ]
        if not found:
            continue
        prefix, owner = max(found, key=lambda item: len(item[0]))  # the whole series name
        rest = name.text[len(prefix) + 1 :]
        year = _YEAR.search(rest)
        wheres = [rest[: year.start()] if year else rest]
        wheres += [c.text for city in cities for c in city.names if c.lang == name.lang]
        for short in _names(owner):
            if has_hangul(short) != has_hangul(name.text):
                continue
            for where in dict.fromkeys(wheres):
                # "KubeCon Barcelona" and "바르셀로나 큐브콘", with or without the year
                for written in (f"{short} {where}", f"{where} {short}"):
                    aliases.append(written)
                    if year:
                        aliases.append(f"{written} {year.group(1)}")
    return list(dict.fromkeys(aliases))


def _names(entity: Entity) -> list[str]:
    return [n.text for n in (*entity.names, *entity.alternate_names)]
