"""The JSON API for chatbots: /api/search, /api/talks, /api/ask, /api/entities, plus /healthz
and the docs."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from forumgraph.errors import InputError
from forumgraph.graph.terms import entity_iri
from forumgraph.serving import validate
from forumgraph.serving.services import Generation, Services
from forumgraph.web.openapi import openapi_spec, server_url
from forumgraph.web.ui import check_entity_id, jsonld_response

bp = Blueprint("api", __name__)


@bp.get("/api/search")
def search() -> Response:
    """Talks and passages best first for `q`, with optional filters."""
    args = request.args
    checked = validate.search_request(_required_text(args.getlist("q"), "q"), args)
    return jsonify(checked.run(_generation().search).to_json())


@bp.get("/api/talks")
def talks() -> Response:
    """Talks of the talk lists by speaker, event, topic, organisation and year."""
    checked = validate.talks_request(request.args)
    return jsonify(checked.run(_generation().search).to_json())


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
    result = _generation().asker.ask(question, validate.ask_k(body.get("k")))
    return jsonify(result.to_json(_settings().base_iri))


@bp.get("/api/entities")
def entities() -> Response:
    """Entities whose names match `q` (either script), optionally of one `type`."""
    query = validate.name_query(request.args.get("q"), _settings())
    limit = validate.entity_limit(request.args.get("limit"))
    entity_type = validate.entity_type(request.args.get("type"))
    found = _generation().facts.find(query, entity_type, limit)
    base = _settings().base_iri
    return jsonify(
        {
            "query": query,
            "type": None if entity_type is None else entity_type.value,
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
    return text
