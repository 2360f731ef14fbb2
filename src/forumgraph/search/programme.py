"""An edition's programme: its talks grouped by kind, with speakers and video links.

Two SELECTs: the talks with their Chinese titles, kinds, speakers and links; then, for each
speaker, the organisation named on the same line of the talk list (the affiliation statement
derived from the same passage as the performer statement), since a speaker's affiliation
changes over the years.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from forumgraph.search.facts import PREFIXES

if TYPE_CHECKING:
    from forumgraph.search.views import GraphViews

# Talk kinds in the order an edition's programme lists them; other kinds follow by name.
KIND_ORDER = ("keynote", "session", "lightning", "panel", "tutorial", "bof", "workshop")
OTHER_KIND = "other"
MAX_PROGRAMME_TALKS = 1000


@dataclass(frozen=True)
class Speaker:
    """A speaker of one talk and the organisation the talk's line names for them."""

    id: str
    organization_id: str | None = None


@dataclass(frozen=True)
class ProgrammeTalk:
    """One talk of an edition's programme."""

    id: str
    title: str
    title_zh: str | None
    kind: str
    speakers: tuple[Speaker, ...]
    videos: tuple[str, ...]


@dataclass(frozen=True)
class Programme:
    """An edition's talks grouped by kind (keynotes first), at most MAX_PROGRAMME_TALKS."""

    edition_id: str
    groups: tuple[tuple[str, tuple[ProgrammeTalk, ...]], ...]
    total: int

    @property
    def shown(self) -> int:
        return sum(len(talks) for _kind, talks in self.groups)


def programme(views: GraphViews, edition_id: str) -> Programme:
    """The talks of an edition grouped by kind (keynotes first), with speakers, the
    organisation each speaker's line names, and web links to videos."""
    talks: dict[str, dict[str, Any]] = {}
    for row in views.select(_PROGRAMME, edition_id):
        talk_id = views.entity_id(row["t"])
        if talk_id is None:
            continue
        talk = talks.setdefault(talk_id, {"zh": None, "kind": None, "sp": {}, "url": {}})
        name = row.get("name")
        if name is not None and getattr(name, "language", None) == "zh":
            talk["zh"] = name.value
        if row.get("kind") is not None:
            talk["kind"] = row["kind"].value
        if (speaker := views.entity_id(row.get("sp"))) is not None:
            talk["sp"].setdefault(speaker, None)
        url = row.get("url")
        # Only web links become links on a page (an IRI may be `javascript:`).
        if url is not None and url.value.startswith(("https://", "http://")):
            talk["url"][url.value] = None
    organizations: dict[tuple[str, str], str] = {}
    for row in views.select(_PROGRAMME_AFFILIATIONS, edition_id):
        talk_id, speaker, org = (views.entity_id(row[k]) for k in ("t", "sp", "org"))
        if talk_id and speaker and org:
            organizations.setdefault((talk_id, speaker), org)
    groups: dict[str, list[ProgrammeTalk]] = {}
    for talk_id, found in talks.items():
        entity = views.snapshot.entities[talk_id]
        speakers = sorted(found["sp"], key=lambda s: views.snapshot.entities[s].label())
        kind = found["kind"] or OTHER_KIND
        groups.setdefault(kind, []).append(
            ProgrammeTalk(
                id=talk_id,
                title=entity.label(),
                title_zh=found["zh"] if found["zh"] != entity.label() else None,
                kind=kind,
                speakers=tuple(Speaker(s, organizations.get((talk_id, s))) for s in speakers),
                videos=tuple(sorted(found["url"])),
            )
        )
    ordered: list[tuple[str, tuple[ProgrammeTalk, ...]]] = []
    budget = MAX_PROGRAMME_TALKS
    for kind in sorted(groups, key=_kind_rank):
        listed = sorted(groups[kind], key=lambda t: (t.title.casefold(), t.id))[:budget]
        budget -= len(listed)
        if listed:
            ordered.append((kind, tuple(listed)))
    return Programme(edition_id, tuple(ordered), len(talks))


def _kind_rank(kind: str) -> tuple[int, str]:
    return (KIND_ORDER.index(kind), kind) if kind in KIND_ORDER else (len(KIND_ORDER), kind)


_PROGRAMME = (
    PREFIXES
    + """
SELECT ?t ?name ?kind ?sp ?url WHERE {
  ?t a fg:Talk ; schema:superEvent ?entity .
  OPTIONAL { ?t schema:name ?name FILTER(lang(?name) = "zh") }
  OPTIONAL { ?t fg:talkKind ?kind }
  OPTIONAL { ?t schema:performer ?sp }
  OPTIONAL { ?t schema:url ?url }
}"""
)

# The organisation a speaker is credited with on the same line (passage) as the talk.
_PROGRAMME_AFFILIATIONS = (
    PREFIXES
    + """
SELECT ?t ?sp ?org WHERE {
  ?t a fg:Talk ; schema:superEvent ?entity .
  ?performs a fg:Statement ; rdf:subject ?t ; rdf:predicate schema:performer ; rdf:object ?sp ;
            prov:wasDerivedFrom ?line .
  ?works a fg:Statement ; rdf:subject ?sp ; rdf:predicate schema:affiliation ; rdf:object ?org ;
         prov:wasDerivedFrom ?line .
}"""
)
