"""The one place that turns exceptions into HTTP responses.

API and SPARQL routes (and linked-data requests for JSON) get one JSON shape,
`{"error": {"code", "message", "hint", "status"}}`; pages get an HTML page. Unexpected errors are
logged with their traceback and answered with a generic 500: exception text never reaches clients.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from forumgraph.errors import ForumgraphError

log = logging.getLogger(__name__)

JSON_PREFIXES = ("/api/", "/sparql", "/healthz", "/openapi.json")

# Messages and hints for the HTTP errors Werkzeug raises before a view runs.
HTTP_MESSAGES: dict[int, tuple[str, str, str | None]] = {
    400: ("bad_request", "The request could not be understood.", None),
    404: ("not_found", "There is nothing at this address.", "Start from the search page at /."),
    405: (
        "method_not_allowed",
        "This address does not accept the {method} method.",
        "See /openapi.json for the methods each route accepts.",
    ),
    406: ("not_acceptable", "None of the formats in the Accept header can be produced.", None),
    413: (
        "too_large",
        "The request is larger than this server accepts.",
        "Send a shorter query or body (see the max_request_bytes setting).",
    ),
    415: ("unsupported_media_type", "The request body has an unsupported media type.", None),
}


def error_body(code: str, message: str, hint: str | None, status: int) -> dict[str, object]:
    """The JSON error shape shared by every JSON route."""
    return {"error": {"code": code, "message": message, "hint": hint, "status": status}}


def wants_json() -> bool:
    """JSON for API and SPARQL routes and for clients that prefer JSON(-LD) over HTML."""
    if request.path.startswith(JSON_PREFIXES) or request.path == "/sparql":
        return True
    best = request.accept_mimetypes.best_match(
        ["text/html", "application/json", "application/ld+json"], default="text/html"
    )
    return best != "text/html"


def register_error_handlers(app: Flask) -> None:
    """Install the handlers for our errors, HTTP errors and anything unexpected."""
    app.register_error_handler(ForumgraphError, _forumgraph_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)


def _forumgraph_error(exc: ForumgraphError) -> Response:
    if exc.status >= 500:
        log.warning("%s %s: %s", request.method, request.path, exc.message)
    return _respond(exc.code, exc.message, exc.hint, exc.status)


def _http_error(exc: HTTPException) -> Response:
    status = exc.code or 500
    code, message, hint = HTTP_MESSAGES.get(
        status, ("http_error", exc.name or "The request failed.", None)
    )
    response = _respond(code, message.format(method=request.method), hint, status)
    if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
        response.headers["Allow"] = ", ".join(exc.valid_methods)
    return response


def _unexpected_error(exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.path, exc_info=exc)
    return _respond(
        "internal_error",
        "The server hit an unexpected error while answering this request.",
        "The error has been logged; try again, and report it if it persists.",
        500,
    )


def _respond(code: str, message: str, hint: str | None, status: int) -> Response:
    if wants_json():
        response = jsonify(error_body(code, message, hint, status))
    else:
        html = render_template("error.html", status=status, message=message, hint=hint)
        response = Response(html, mimetype="text/html")
    response.status_code = status
    if request.path.startswith("/sparql"):
        # Browser tools on other origins must be able to read SPARQL errors too.
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response
