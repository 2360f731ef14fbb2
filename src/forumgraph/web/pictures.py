"""The pictures: the events time line (/events), and on entity pages a topic's talks per
edition, the neighbourhood graph and an edition's programme. Each comes with the same data as
a table or list, for readers who would rather read and for screen readers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, current_app, render_template, request

from forumgraph.models import Entity, EntityType
from forumgraph.search.facts import EntityFacts
from forumgraph.search.neighbourhood import TYPE_ORDER, Neighbourhood
from forumgraph.search.programme import Programme
from forumgraph.search.views import Edition, TrendPoint
from forumgraph.serving.services import Generation
from forumgraph.web import charts, radial
from forumgraph.web.i18n import Translator, choose_language, translator

bp = Blueprint("pictures", __name__)

TREND_TYPES = frozenset({EntityType.PROJECT, EntityType.TOPIC})


@bp.route("/events")
def events() -> str:
    """Every edition on a time line, one lane per series, with the same data as a table."""
    generation = _generation()
    lang = choose_language(request)
    entities = generation.snapshot.entities
    editions = generation.views.editions()
    series = {e.series_id for e in editions}
    series_label = {s: entities[s].label(lang) if s else "" for s in series}
    drawing = charts.timeline(
        editions, series_label, {e.id: short_label(e, entities, lang) for e in editions}
    )
    t = translator(lang)
    return render_template(
        "events.html",
        timeline=drawing,
        descriptions={e.id: describe(e, entities, t, lang) for e in editions},
        editions=editions,
        entities=entities,
        documents=generation.snapshot.documents,
    )


@dataclass(frozen=True)
class EntityPictures:
    """What an entity page shows beyond its facts (each part None when it does not apply)."""

    trend: list[TrendPoint] | None = None
    bars: charts.Bars | None = None
    hood: Neighbourhood | None = None
    drawing: radial.Drawing | None = None
    hood_groups: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()
    programme: Programme | None = None
    edition: Edition | None = None


def entity_pictures(generation: Generation, facts: EntityFacts, lang: str) -> EntityPictures:
    """The trend (projects and topics with talks), the neighbourhood (any entity with links)
    and the programme (editions with talks) of one entity."""
    entity = facts.entity
    views = generation.views
    entities = generation.snapshot.entities
    parts: dict[str, Any] = {}
    if entity.type in TREND_TYPES:
        trend = views.trend(entity.id)
        if any(point.count for point in trend):
            labels = {p.edition.id: short_label(p.edition, entities, lang) for p in trend}
            parts.update(trend=trend, bars=charts.bars(trend, labels))
    hood = views.neighbourhood(entity.id)
    if hood.first:
        labels = {node: _node_label(generation, node, lang) for node in hood.nodes()}
        parts.update(
            hood=hood,
            drawing=radial.radial(hood, entities, labels),
            hood_groups=_by_kind(hood, entities),
        )
    if entity.type == EntityType.EVENT:
        parts["edition"] = views.edition(entity.id)
        programme = views.programme(entity.id)
        if programme.total:
            parts["programme"] = programme
    return EntityPictures(**parts)


def describe(edition: Edition, entities: Mapping[str, Entity], t: Translator, lang: str) -> str:
    """One line about an edition for its mark's label and tooltip."""
    place = entities[edition.place_id].label(lang) if edition.place_id else ""
    where = ", ".join(part for part in (place, edition.country or "") if part)
    parts = (
        entities[edition.id].label(lang),
        where,
        edition.period(),
        t("talks_count", count=edition.talks),
        t("articles_count", count=len(edition.documents)),
    )
    return " · ".join(part for part in parts if part)


def short_label(edition: Edition, entities: Mapping[str, Entity], lang: str) -> str:
    """An edition as a chart names it: its city, else its name without its series' name."""
    if edition.place_id:
        return entities[edition.place_id].label(lang)
    name = entities[edition.id].label(lang)
    if edition.series_id:
        series = entities[edition.series_id].label(lang)
        if name.startswith(series) and name[len(series) :].strip():
            return name[len(series) :].strip(" -–:")
    return name


def _node_label(generation: Generation, node: str, lang: str) -> str:
    """A node's name in the picture: an edition as its city and year (`Barcelona 2019`),
    which tells editions of one series apart where their full names would be cut short."""
    entities = generation.snapshot.entities
    edition = generation.views.edition(node) if entities[node].type == EntityType.EVENT else None
    if edition is None:
        return entities[node].label(lang)
    short = short_label(edition, entities, lang)
    year = str(edition.year or "")
    return short if year in short else f"{short} {year}".strip()


def video_host(url: str) -> str:
    """The site a video link points at, for its label (`youtube.com`, `v.qq.com`)."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _by_kind(
    hood: Neighbourhood, entities: Mapping[str, Entity]
) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(kind, first-ring ids, second-ring ids) for the list beside the picture."""
    groups = []
    for kind in TYPE_ORDER:
        first = tuple(n for n in hood.first if entities[n].type == kind)
        second = tuple(n for n in hood.second if entities[n].type == kind)
        if first or second:
            groups.append((kind.value, first, second))
    return tuple(groups)


def _generation() -> Generation:
    generation: Generation = current_app.extensions["forumgraph"].current()
    return generation
