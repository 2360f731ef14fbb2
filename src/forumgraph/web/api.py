"""The JSON API for chatbots: /api/search, /api/ask, /api/entities, plus /healthz and the docs."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from forumgraph.errors import InputError
from forumgraph.graph.terms import entity_iri
from forumgraph.models import EntityType
from forumgraph.serving.validate import check_int, parse_int
from forumgraph.web.openapi import openapi_spec, server_url
from forumgraph.web.services import Generation, Services
from forumgraph.web.ui import check_entity_id, jsonld_response

bp = Blueprint("api", __name__)

MAX_K = 100
MAX_ASK_K = 20
MAX_ENTITY_LIMIT = 500


@bp.get("/api/search")
def search() -> Response:
    """Passages best first for `q`, with optional filters."""
    query = _required_text(request.args.getlist("q"), "q")
    k = _integer(request.args.get("k"), "k", default=10, low=1, high=MAX_K)
    year = _integer(request.args.get("year"), "year", default=None, low=1900, high=2200)
    result = _generation().search.search(
        query,
        k,
        lang=_optional(request.args.get("lang")),
        event=_optional(request.args.get("event")),
        year=year,
        entity_type=_entity_type(request.args.get("type")),
    )
    return jsonify(result.to_json())


@bp.post("/api/ask")
def ask() -> Response:
    """Top passages with citations plus graph facts about the entities the question names."""
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # nested deeper than the parser follows; not a question anyway
        body = None
    if not request.is_json or not isinstance(body, dict):
        raise InputError(
            "The request body must be a JSON object.",
            hint='Send Content-Type: application/json and {"question": "...", "k": 5}.',
        )
    question = body.get("question")
    if not isinstance(question, str):
        raise InputError(
            "The field 'question' is missing or not a string.",
            hint='Send {"question": "리즈 라이스는 어느 회사 소속인가?"}.',
        )
    question = _required_text([question], "question")
    k = check_int(body.get("k", 5), "k", 1, MAX_ASK_K)
    result = _generation().asker.ask(question, k)
    return jsonify(result.to_json(_settings().base_iri))


@bp.get("/api/entities")
def entities() -> Response:
    """Entities whose names match `q` (either script), optionally of one `type`."""
    query = request.args.get("q", "").strip()
    limit_default = 50
    limit = _integer(request.args.get("limit"), "limit", limit_default, 1, MAX_ENTITY_LIMIT)
    if len(query) > _settings().max_query_chars:
        raise InputError(
            f"The parameter 'q' is longer than {_settings().max_query_chars} characters.",
            hint="Send a name or part of one.",
        )
    entity_type = _entity_type(request.args.get("type"))
    generation = _generation()
    found = generation.facts.find(query, EntityType(entity_type) if entity_type else None, limit)
    base = _settings().base_iri
    return jsonify(
        {
            "query": query,
            "type": entity_type,
            "results": [
                {
                    "id": item.id,
                    "type": str(item.type),
                    "label": item.label(),
                    "names": [{"text": n.text, "lang": n.lang} for n in item.names],
                    "iri": entity_iri(item.id, base).value,
                }
                for item in found
            ],
        }
    )


@bp.get("/api/entities/<path:entity_id>")
def entity(entity_id: str) -> Response:
    """One entity as JSON-LD with a schema.org context."""
    return jsonld_response(_generation().facts.facts(check_entity_id(entity_id)))


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    """Liveness and what is being served: the generation and its counts."""
    services: Services = current_app.extensions["forumgraph"]
    generation = services.holder.get()
    if generation is None:
        return jsonify({"status": "starting", "generation": None}), 503
    snapshot = generation.snapshot
    return jsonify(
        {
            "status": "ok",
            "generation": snapshot.name,
            "documents": len(snapshot.documents),
            "passages": len(snapshot.passages),
            "entities": len(snapshot.entities),
            "embedding_model": snapshot.meta.get("embedding_model"),
        }
    ), 200


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of every JSON route."""
    return jsonify(openapi_spec(server_url(_settings())))


@bp.get("/docs")
def docs() -> str:
    """A page rendering the OpenAPI description, served locally."""
    return render_template("docs.html", spec=openapi_spec(server_url(_settings())))


def _generation() -> Generation:
    services: Services = current_app.extensions["forumgraph"]
    return services.current()


def _settings() -> Any:
    return current_app.config["FORUMGRAPH_SETTINGS"]


def _required_text(values: list[str], name: str) -> str:
    if len(values) > 1:
        raise InputError(
            f"The parameter '{name}' is given {len(values)} times.", hint="Send it once."
        )
    text = values[0].strip() if values else ""
    if not text:
        raise InputError(
            f"The parameter '{name}' is missing or empty.",
            hint=f"Send a non-empty {name}, e.g. {name}=Liz Rice keynote.",
        )
    limit = _settings().max_query_chars
    if len(text) > limit:
        raise InputError(
            f"The parameter '{name}' is {len(text)} characters long; the limit is {limit}.",
            hint="Shorten it (see the max_query_chars setting).",
        )
    return text


def _integer(raw: str | None, name: str, default: Any, low: int, high: int) -> Any:
    if raw is None or raw == "":
        return default
    return parse_int(raw, name, low, high)


def _optional(raw: str | None) -> str | None:
    return raw.strip() or None if raw is not None else None


def _entity_type(raw: str | None) -> str | None:
    value = _optional(raw)
    if value is not None and value not in {t.value for t in EntityType}:
        raise InputError(
            f"The parameter 'type' must be an entity type, not {value[:40]!r}.",
            hint="Use one of: " + ", ".join(t.value for t in EntityType) + ".",
        )
    return value
