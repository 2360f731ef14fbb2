"""The Flask application: the search page, the SPARQL 1.1 endpoint and the JSON API."""

from __future__ import annotations

from typing import Any, cast

from flask import Flask, Response, request, url_for
from flask.json.provider import DefaultJSONProvider

from forumgraph.config import Settings, check_api_token, load_settings
from forumgraph.serving.services import Services
from forumgraph.web.highlight import highlight
from forumgraph.web.i18n import COOKIE, LANGUAGES, choose_language, translator

LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600
# Everything the pages need is served by the app itself; nothing inline, nothing third-party.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


def create_app(settings: Settings | None = None, *, services: Services | None = None) -> Flask:
    """Build the app; `services` lets tests and the server share loaded models and stores."""
    from forumgraph.web import api, documents, pictures, sparql, suggest, ui
    from forumgraph.web.errors import register_error_handlers

    settings = settings or load_settings()
    check_api_token(settings)
    app = Flask(__name__)
    app.config.update(
        FORUMGRAPH_SETTINGS=settings,
        MAX_CONTENT_LENGTH=settings.max_request_bytes,
        MAX_FORM_MEMORY_SIZE=settings.max_request_bytes,
    )
    json_provider = cast(DefaultJSONProvider, app.json)
    json_provider.ensure_ascii = False
    json_provider.sort_keys = False
    app.extensions["forumgraph"] = services or Services(settings)
    register_error_handlers(app)
    app.register_blueprint(ui.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(documents.bp)
    app.register_blueprint(pictures.bp)
    app.register_blueprint(suggest.bp)
    app.add_template_filter(highlight, "highlight")
    app.add_template_filter(pictures.video_host, "video_host")
    app.add_template_global(suggest.labels, "suggest_labels")
    app.context_processor(_template_context)
    app.after_request(_finish_response)
    return app


def _template_context() -> dict[str, Any]:
    lang = choose_language(request)
    t = translator(lang)
    return {
        "ui_lang": lang,
        "t": t,
        "fact_text": lambda fact: t.value(fact.text),
        "other_lang": next(code for code in LANGUAGES if code != lang),
        "url_with": _url_with,
        "cite_url": _cite_url,
        "entity_url": lambda entity_id: url_for("ui.entity", entity_id=entity_id),
    }


def _url_with(**changes: Any) -> str:
    """The current page's URL with some query parameters changed (None removes one)."""
    args = {k: v for k, v in request.args.items() if k not in changes}
    args.update({k: v for k, v in changes.items() if v is not None})
    endpoint = request.endpoint or "ui.search"
    values: dict[str, Any] = {**(request.view_args or {}), **args}
    return url_for(endpoint, **values)


def _cite_url(doc_id: str, passage_id: str | None = None) -> str:
    """The document page, anchored at the passage when there is one."""
    base = url_for("ui.document", doc_id=doc_id)
    if passage_id and "#" in passage_id:
        return f"{base}#{passage_id.rsplit('#', 1)[1]}"
    return base


def _finish_response(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        # On pages `lang` is the interface language (on the API it filters passages).
        asked = request.args.get("lang", "")
        if asked in LANGUAGES and request.cookies.get(COOKIE) != asked:
            response.set_cookie(
                COOKIE, asked, max_age=LANGUAGE_COOKIE_SECONDS, samesite="Lax", httponly=True
            )
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers["Content-Language"] = choose_language(request)
        response.vary.add("Accept-Language")
        response.vary.add("Cookie")
    return response


__all__ = ["create_app"]
