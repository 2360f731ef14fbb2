"""Talks as results: the JSON shape of a talk (search hits, /api/talks, MCP) and a listing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from forumgraph.models import Entity, TalkRecord


def talk_json(talk: TalkRecord, names: Mapping[str, Entity]) -> dict[str, Any]:
    """A talk's fields with the names of its edition, speakers, organisations and topics."""
    return {
        "talk_id": talk.talk_id,
        "title": talk.title,
        "title_zh": talk.title_zh,
        "kind": talk.kind,
        "event": _ref(talk.event_id, names) if talk.event_id else None,
        "year": talk.year,
        "speakers": [
            {
                **_ref(s.person_id, names),
                "organization": _ref(s.organization_id, names) if s.organization_id else None,
            }
            for s in talk.speakers
        ],
        "topics": [_ref(t, names) for t in talk.topic_ids],
        "videos": list(talk.videos),
    }


def _ref(entity_id: str, names: Mapping[str, Entity]) -> dict[str, Any]:
    """An entity as id, label and its names in each script (`en`, `ko`)."""
    entity = names.get(entity_id)
    if entity is None:
        return {"id": entity_id, "label": entity_id.rpartition("/")[2], "names": {}}
    return {
        "id": entity_id,
        "label": entity.label(),
        "names": {name.lang: name.text for name in entity.names},
    }


@dataclass(frozen=True)
class TalkListing:
    """Talks that match a listing's filters: the first `limit` and how many match in all."""

    talks: tuple[TalkRecord, ...]
    total: int
    names: Mapping[str, Entity] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of /api/talks and the MCP `talks` tool."""
        return {
            "total": self.total,
            "results": [talk_json(talk, self.names) for talk in self.talks],
        }
