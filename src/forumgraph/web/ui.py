"""The pages: search with facets and entity cards, entity pages (HTML or JSON-LD), articles."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from forumgraph.errors import InputError, NotFound
from forumgraph.models import EntityType
from forumgraph.search.ask import editions_named_by
from forumgraph.search.facts import EntityFacts
from forumgraph.search.filters import (
    LANGUAGES,
    ORGANIZATION_TYPES,
    PASSAGE,
    SPEAKER_TYPES,
    TALK,
    TOPIC_TYPES,
    SearchFilters,
)
from forumgraph.search.result import DocumentGroup
from forumgraph.serving import validate
from forumgraph.serving.linked_data import JSONLD_MEDIA_TYPE, entity_jsonld
from forumgraph.serving.services import Generation
from forumgraph.web.i18n import choose_language
from forumgraph.web.pictures import entity_pictures

bp = Blueprint("ui", __name__)

PAGE_PASSAGES = 20
PASSAGES_PER_ARTICLE = 3
ENTITY_FILTERS = ("speaker", "organization", "topic")
FACET_VALUES_SHOWN = 8
MAX_CARDS = 4
CARD_VALUES = 4
# Document ids are file stems: no separators, no leading dot, nothing path-like.
DOC_ID = re.compile(r"^[^\s/\\.\x00-\x1f][^/\\\x00-\x1f]{0,199}$")


@dataclass(frozen=True)
class Filters:
    """The facet selection of a search page (`language`, since `lang` picks the interface's)."""

    language: str | None = None
    event: str | None = None
    year: int | None = None
    entity_type: str | None = None
    result: str | None = None  # talk or passage
    speaker: str | None = None
    organization: str | None = None
    topic: str | None = None

    def active(self) -> bool:
        return any(getattr(self, f.name) is not None for f in fields(self))

    def search_filters(self) -> SearchFilters:
        """The same selection as the search service takes it."""
        return SearchFilters(
            lang=self.language,
            event=self.event,
            year=self.year,
            entity_type=self.entity_type,
            result_type=self.result,
            speaker=self.speaker,
            organization=self.organization,
            topic=self.topic,
        )

    def entity_filters(self) -> list[tuple[str, str]]:
        """The speaker, organisation and topic chosen, as (parameter, value)."""
        chosen = (("speaker", self.speaker), ("organization", self.organization))
        return [(name, value) for name, value in (*chosen, ("topic", self.topic)) if value]


@bp.route("/")
def search() -> str:
    """The search box; with `q`, talks and passages grouped under their articles, facets and
    cards."""
    generation = _generation()
    query = request.args.get("q", "").strip()
    filters = read_filters()
    page = {
        "filters": filters,
        "chosen": _chosen(generation, filters),
        "facets": _facets(generation),
        "facet_limit": FACET_VALUES_SHOWN,
    }
    if not query:
        return render_template("search.html", query="", **page)
    result = generation.search.search(query, PAGE_PASSAGES, filters=filters.search_filters())
    cards = _cards(generation, [link.entity.id for link in result.entities])
    groups = result.grouped()
    return render_template(
        "search.html",
        query=query,
        **page,
        result=result,
        groups=groups,
        counts=_counts(groups),
        documents=generation.snapshot.documents,
        names=generation.snapshot.entities,
        cards=cards,
        terms=result.highlight_terms,
        passages_per_article=PASSAGES_PER_ARTICLE,
    )


@bp.route("/id/<path:entity_id>")
def entity(entity_id: str) -> Response | str:
    """An entity's page at its IRI: HTML for browsers, JSON-LD for `Accept: application/ld+json`."""
    generation = _generation()
    facts = generation.facts.facts(check_entity_id(entity_id))
    if wants_jsonld():
        return jsonld_response(facts)
    return render_template(
        "entity.html",
        facts=facts,
        documents=generation.snapshot.documents,
        entities=generation.snapshot.entities,
        pictures=entity_pictures(generation, facts, choose_language(request)),
    )


@bp.route("/doc/<doc_id>")
def document(doc_id: str) -> str:
    """An article as its passages, each anchored `#p<index>` so that citations resolve."""
    generation = _generation()
    snapshot = generation.snapshot
    info = snapshot.documents.get(check_doc_id(doc_id))
    if info is None:
        raise NotFound(
            f"No article with id '{doc_id}' is in the store.",
            hint="Search for it from the search page.",
        )
    sections = []
    previous_end = -1
    for stored in snapshot.passages_of(doc_id):
        p = stored.passage
        # Passages overlap; show each character once, anchored where its passage starts.
        skip = max(0, previous_end - p.start)
        entities = [snapshot.entities[e] for e in stored.entity_ids if e in snapshot.entities]
        sections.append({"passage": p, "text": p.text[skip:], "entities": entities})
        previous_end = max(previous_end, p.end)
    return render_template("document.html", info=info, sections=sections)


def read_filters() -> Filters:
    """The facet parameters of the request, checked."""
    args = request.args
    checked = validate.search_filters(
        {name: args.get(name) for name in (*ENTITY_FILTERS, "event", "year", "type", "result")}
    )
    return Filters(
        language=validate.optional_text(args.get("language"), "language"),
        event=checked.event,
        year=checked.year,
        entity_type=checked.entity_type,
        result=checked.result_type,
        speaker=checked.speaker,
        organization=checked.organization,
        topic=checked.topic,
    )


def check_entity_id(entity_id: str) -> str:
    """An entity id from a URL, refusing path tricks (`..`, backslashes, control characters)."""
    segments = entity_id.split("/")
    if (
        len(entity_id) > 300
        or len(segments) < 2
        or any(s in ("", ".", "..") for s in segments)
        or any(c == "\\" or ord(c) < 0x20 for c in entity_id)
    ):
        raise InputError(
            f"{entity_id[:80]!r} is not an entity id.",
            hint="Entity ids look like 'person/liz-rice'; find them with /api/entities?q=NAME.",
        )
    return entity_id


def check_doc_id(doc_id: str) -> str:
    """A document id from a URL, refusing anything path-like."""
    if not DOC_ID.match(doc_id) or ".." in doc_id:
        raise InputError(
            f"{doc_id[:80]!r} is not a document id.",
            hint="A document id is an article's file name without its extension.",
        )
    return doc_id


def wants_jsonld() -> bool:
    """True when the client prefers JSON-LD (or JSON) to HTML, or asks with ?format=jsonld."""
    if request.args.get("format") in ("jsonld", "json"):
        return True
    best = request.accept_mimetypes.best_match(
        ["text/html", JSONLD_MEDIA_TYPE, "application/json"], default="text/html"
    )
    return best != "text/html"


def jsonld_response(facts: EntityFacts) -> Response:
    settings = current_app.config["FORUMGRAPH_SETTINGS"]
    response = jsonify(entity_jsonld(facts, settings.base_iri))
    response.mimetype = JSONLD_MEDIA_TYPE
    response.headers["Vary"] = "Accept"
    return response


def _generation() -> Generation:
    generation: Generation = current_app.extensions["forumgraph"].current()
    return generation


def _cards(generation: Generation, entity_ids: list[str]) -> list[EntityFacts]:
    """Cards for the entities the query names: a series named with a place brings the edition
    held there (first), and a named talk brings its speakers."""
    named = [generation.facts.facts(entity_id) for entity_id in dict.fromkeys(entity_ids)]
    editions = [generation.facts.facts(e) for e in editions_named_by(named)]
    cards: dict[str, EntityFacts] = {}
    for facts in [*editions, *named]:
        if len(cards) >= MAX_CARDS:
            break
        cards.setdefault(facts.entity.id, facts)
        if facts.entity.type == EntityType.TALK:
            for speaker in facts.values("performer"):
                if speaker.entity_id and len(cards) < MAX_CARDS:
                    cards.setdefault(speaker.entity_id, generation.facts.facts(speaker.entity_id))
    return list(cards.values())


def _chosen(generation: Generation, filters: Filters) -> list[tuple[str, str, str]]:
    """The speaker, organisation and topic filters as (parameter, value, label): the label is
    the entity's name when the value names one entity."""
    types = {"speaker": SPEAKER_TYPES, "organization": ORGANIZATION_TYPES, "topic": TOPIC_TYPES}
    entities = generation.snapshot.entities
    chosen = []
    for param, value in filters.entity_filters():
        found = generation.search.filters.resolve(value, types[param])
        label = entities[found[0]].label(choose_language(request)) if len(found) == 1 else value
        chosen.append((param, value, label))
    return chosen


def _counts(groups: list[DocumentGroup]) -> dict[str, int]:
    """Talks, article passages and articles among the results."""
    articles = [g for g in groups if g.talk is None]
    return {
        "talks": len(groups) - len(articles),
        "passages": sum(len(g.hits) for g in articles),
        "documents": len(articles),
    }


def _facets(generation: Generation) -> dict[str, list[tuple[str, str, int]]]:
    """Facet values as (value, label, number of articles, talks or entities), for the filter
    links."""
    snapshot = generation.snapshot
    docs = list(snapshot.documents.values())
    languages = [(lang, sum(1 for d in docs if d.lang == lang)) for lang in LANGUAGES]
    years: dict[int, int] = {}
    events: dict[str, int] = {}
    lists = {snapshot.passages[pid].passage.doc_id for pid in snapshot.talks}
    for doc in docs:
        if doc.doc_id in lists:
            continue  # its talks count one by one below
        if doc.year is not None:
            years[doc.year] = years.get(doc.year, 0) + 1
        for event_id in doc.event_ids:
            events[event_id] = events.get(event_id, 0) + 1
    for talk in snapshot.talks.values():
        if talk.year is not None:
            years[talk.year] = years.get(talk.year, 0) + 1
        if talk.event_id is not None:
            events[talk.event_id] = events.get(talk.event_id, 0) + 1
    results = [(TALK, len(snapshot.talks)), (PASSAGE, len(docs) - len(lists))]
    types: dict[str, int] = {}
    for item in snapshot.entities.values():
        types[item.type.value] = types.get(item.type.value, 0) + 1

    def label(event_id: str) -> str:
        found = snapshot.entities.get(event_id)
        return found.label() if found else event_id

    facets: dict[str, Any] = {
        "language": [(lang, f"lang_{lang}", n) for lang, n in languages if n],
        "year": [(str(y), str(y), n) for y, n in sorted(years.items(), reverse=True)],
        "event": sorted(
            ((e, label(e), n) for e, n in events.items()), key=lambda item: (-item[2], item[1])
        ),
        "type": [(t.value, f"type_{t.value}", types[t.value]) for t in EntityType if t in types],
        "result": [(kind, f"result_{kind}", n) for kind, n in results if n],
    }
    return facets
