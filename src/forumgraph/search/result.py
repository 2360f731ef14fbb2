"""What a search returns: talks and passages best first, the entities the query named, and
timing."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from forumgraph.models import DocumentInfo, Entity, Hit, TalkRecord
from forumgraph.search.filters import PASSAGE, TALK
from forumgraph.search.linking import LinkedEntity
from forumgraph.search.talks import talk_json

SNIPPET_CHARS = 240


@dataclass(frozen=True)
class DocumentGroup:
    """The hits of one document, best first; `score` is its best passage's score. A talk is a
    group of its own (`talk` set, one hit), not a passage of its talk list."""

    doc_id: str
    title: str
    url: str | None
    score: float
    hits: tuple[Hit, ...]
    talk: TalkRecord | None = None


@dataclass(frozen=True)
class SearchResult:
    """Hits best first, with the query's linked entities and the time the search took."""

    query: str
    hits: tuple[Hit, ...]
    took_ms: float
    entities: tuple[LinkedEntity, ...] = ()
    documents: dict[str, DocumentInfo] = field(default_factory=dict, compare=False, repr=False)
    highlight_terms: tuple[str, ...] = ()
    # The snapshot's entities, which name a talk's edition, speakers and topics.
    names: Mapping[str, Entity] = field(default_factory=dict, compare=False, repr=False)

    def grouped(self) -> list[DocumentGroup]:
        """Article hits grouped per document and each talk on its own, in order of their best
        hit."""
        order: list[str | Hit] = []
        by_doc: dict[str, list[Hit]] = {}
        for hit in self.hits:
            doc_id = hit.passage.doc_id
            if hit.talk is not None:
                order.append(hit)
            elif doc_id not in by_doc:
                order.append(doc_id)
                by_doc[doc_id] = [hit]
            else:
                by_doc[doc_id].append(hit)
        return [
            _talk_group(item) if isinstance(item, Hit) else _document_group(by_doc[item])
            for item in order
        ]

    def snippet(self, hit: Hit) -> str:
        """About SNIPPET_CHARS of the passage around the first query term or linked name."""
        return make_snippet(hit.passage.text, self.highlight_terms)

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of the search API and `forumgraph search --json`."""
        results = []
        for hit in self.hits:
            info = self.documents.get(hit.passage.doc_id)
            results.append(
                {
                    "type": PASSAGE if hit.talk is None else TALK,
                    "doc_id": hit.passage.doc_id,
                    "passage_id": hit.passage.passage_id,
                    "title": hit.title,
                    "lang": hit.passage.lang,
                    "score": round(hit.score, 6),
                    "text": hit.passage.text,
                    "snippet": self.snippet(hit),
                    "start": hit.passage.start,
                    "end": hit.passage.end,
                    "source": info.source_path if info else "",
                    "url": hit.url,
                    "date": info.date if info else None,
                    "entities": [
                        {"id": e.id, "type": str(e.type), "label": e.label()} for e in hit.entities
                    ],
                    "signals": {k: round(v, 6) for k, v in hit.signals.items()},
                    **(talk_json(hit.talk, self.names) if hit.talk is not None else {}),
                }
            )
        return {
            "query": self.query,
            "results": results,
            "entities": [
                {
                    "id": link.entity.id,
                    "type": str(link.entity.type),
                    "label": link.entity.label(),
                    "surface": link.surface,
                    "method": link.method,
                }
                for link in self.entities
            ],
            "took_ms": round(self.took_ms, 2),
        }


def _document_group(hits: list[Hit]) -> DocumentGroup:
    first = hits[0]
    return DocumentGroup(first.passage.doc_id, first.title, first.url, first.score, tuple(hits))


def _talk_group(hit: Hit) -> DocumentGroup:
    return DocumentGroup(hit.passage.doc_id, hit.title, hit.url, hit.score, (hit,), hit.talk)


def make_snippet(text: str, terms: tuple[str, ...], size: int = SNIPPET_CHARS) -> str:
    """A whitespace-collapsed window of `text` that starts shortly before the first term found."""
    flat = " ".join(text.split())
    if len(flat) <= size:
        return flat
    lowered = flat.lower()
    positions = [p for p in (lowered.find(t.lower()) for t in terms if t.strip()) if p >= 0]
    start = max(0, min(positions) - size // 4) if positions else 0
    start = _word_start(flat, start)
    window = flat[start : start + size]
    return ("…" if start else "") + window + ("…" if start + size < len(flat) else "")


def _word_start(text: str, position: int) -> int:
    if position <= 0:
        return 0
    match = re.compile(r"\s").search(text, position)
    return match.end() if match and match.end() - position < 20 else position
