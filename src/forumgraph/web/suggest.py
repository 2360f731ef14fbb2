"""Name completion for the search box: /api/suggest?q= (entities by name, either script)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from forumgraph.errors import InputError
from forumgraph.models import EntityType
from forumgraph.search.suggest import MATCH_NAMES
from forumgraph.serving import validate
from forumgraph.serving.services import Services
from forumgraph.web.i18n import Translator

bp = Blueprint("suggest", __name__)


@bp.get("/api/suggest")
def suggest() -> Response:
    """Entities whose names (in either script, or any alias) complete `q`, best first."""
    args = request.args
    if len(args.getlist("q")) > 1:
        raise InputError("The parameter 'q' is given more than once.", hint="Send it once.")
    checked = validate.suggest_request(args.get("q"), args.get("limit"), args.get("type"))
    services: Services = current_app.extensions["forumgraph"]
    found = services.current().suggester.suggest(checked.prefix, checked.limit, checked.entity_type)
    return jsonify(
        {
            "query": checked.prefix,
            "results": [
                {
                    "id": item.entity.id,
                    "type": item.entity.type.value,
                    "name": item.name.text,
                    "lang": item.name.lang,
                    "label": item.entity.label(),
                    "match": MATCH_NAMES[item.match],
                    "url": url_for("ui.entity", entity_id=item.entity.id),
                }
                for item in found
            ],
        }
    )


def labels(t: Translator) -> dict[str, Any]:
    """The words the completion list shows and announces, in the page's language."""
    return {
        "heading": t("suggest_heading"),
        "count": t("suggest_count", count="{count}"),
        "none": t("suggest_none"),
        "types": {kind.value: t(f"type_{kind.value}") for kind in EntityType},
    }
