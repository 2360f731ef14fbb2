"""JSON forms of the records a snapshot keeps: documents, passages, entities and talks."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from forumgraph.files import atomic_write_text
from forumgraph.models import (
    DocumentInfo,
    Entity,
    EntityType,
    Name,
    Passage,
    StoredPassage,
    TalkRecord,
    TalkSpeaker,
)


def document_to_json(doc: DocumentInfo) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "lang": doc.lang,
        "content_hash": doc.content_hash,
        "passage_ids": list(doc.passage_ids),
        "date": doc.date,
        "year": doc.year,
        "url": doc.url,
        "source_path": doc.source_path,
        "event_ids": list(doc.event_ids),
    }


def document_from_json(row: dict[str, Any]) -> DocumentInfo:
    return DocumentInfo(
        doc_id=row["doc_id"],
        title=row["title"],
        lang=row["lang"],
        content_hash=row["content_hash"],
        passage_ids=tuple(row["passage_ids"]),
        date=row.get("date"),
        year=row.get("year"),
        url=row.get("url"),
        source_path=row.get("source_path", ""),
        event_ids=tuple(row.get("event_ids", ())),
    )


def passage_to_json(stored: StoredPassage) -> dict[str, Any]:
    p = stored.passage
    return {
        "passage_id": p.passage_id,
        "doc_id": p.doc_id,
        "index": p.index,
        "start": p.start,
        "end": p.end,
        "text": p.text,
        "lang": p.lang,
        "vector_id": stored.vector_id,
        "entity_ids": list(stored.entity_ids),
    }


def passage_from_json(row: dict[str, Any]) -> StoredPassage:
    # Ids that many passages repeat (entities, documents, languages) are interned: one string
    # each instead of one per mention, 40% of the records' memory at 100k passages.
    passage = Passage(
        passage_id=row["passage_id"],
        doc_id=sys.intern(row["doc_id"]),
        index=row["index"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        lang=sys.intern(row["lang"]),
    )
    entity_ids = tuple(sys.intern(e) for e in row.get("entity_ids", ()))
    return StoredPassage(passage, int(row["vector_id"]), entity_ids)


def entity_to_json(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "type": entity.type.value,
        "names": [[n.text, n.lang] for n in entity.names],
        "alternate_names": [[n.text, n.lang] for n in entity.alternate_names],
    }


def entity_from_json(row: dict[str, Any]) -> Entity:
    return Entity(
        id=row["id"],
        type=EntityType(row["type"]),
        names=tuple(Name(text, lang) for text, lang in row["names"]),
        alternate_names=tuple(Name(text, lang) for text, lang in row["alternate_names"]),
    )


def talk_to_json(talk: TalkRecord) -> dict[str, Any]:
    return {
        "talk_id": talk.talk_id,
        "passage_id": talk.passage_id,
        "title": talk.title,
        "title_zh": talk.title_zh,
        "kind": talk.kind,
        "event_id": talk.event_id,
        "year": talk.year,
        "speakers": [[s.person_id, s.organization_id] for s in talk.speakers],
        "topic_ids": list(talk.topic_ids),
        "place_ids": list(talk.place_ids),
        "videos": list(talk.videos),
    }


def talk_from_json(row: dict[str, Any]) -> TalkRecord:
    return TalkRecord(
        talk_id=row["talk_id"],
        passage_id=row["passage_id"],
        title=row["title"],
        kind=row["kind"],
        title_zh=row.get("title_zh"),
        event_id=row.get("event_id"),
        year=row.get("year"),
        speakers=tuple(TalkSpeaker(person, org) for person, org in row.get("speakers", ())),
        topic_ids=tuple(row.get("topic_ids", ())),
        place_ids=tuple(row.get("place_ids", ())),
        videos=tuple(row.get("videos", ())),
    )


def write_json(path: Path, data: Any) -> None:
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    lines = (json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows)
    atomic_write_text(path, "".join(line + "\n" for line in lines))


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
