"""Write routes: `POST /api/documents` adds or replaces a document, `DELETE` removes one.

Writes need `Authorization: Bearer <api_token>`; with no token configured they are disabled
(403). The write runs in this process with the models it already loaded, through the same
pipeline as `forumgraph ingest`, and the new generation is being served before the response
leaves, so a client that reads after its write sees it. A second writer (another request, or
a CLI ingest) holds the store's write lock: the request fails at once with 409.
"""

from __future__ import annotations

import hmac
import threading
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, cast

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from forumgraph.config import Settings
from forumgraph.errors import Forbidden, InputError, NotFound, Unauthorized
from forumgraph.serving.services import Services

if TYPE_CHECKING:
    from forumgraph.ingest.pipeline import Ingester, IngestReport
    from forumgraph.models import Article

bp = Blueprint("documents", __name__)

JSON_FIELDS = frozenset({"id", "text", "header", "media_type"})
MAX_HEADER_KEYS = 50
MAX_HEADER_VALUE_CHARS = 2_000
WRITER_KEY = "forumgraph.documents.writer"
_writer_lock = threading.Lock()
JSON_EXAMPLE = '{"id": "kcd-seoul-2031", "text": "...", "header": {"title": "...", "date": "..."}}'


@bp.post("/api/documents")
def upload() -> tuple[Response, int]:
    """Add or replace one document from a multipart file upload or a JSON body."""
    services = _services()
    _authorize()
    article = _article_from_request()
    report = _writer(current_app).ingest_articles([article])
    services.refresh()
    status = "added" if report.added else "replaced" if report.replaced else "unchanged"
    return jsonify(_report_json(services, article.doc_id, status, report)), (
        201 if report.added else 200
    )


@bp.delete("/api/documents/<path:doc_id>")
def delete(doc_id: str) -> Response:
    """Remove one document; entities no other document names disappear with it."""
    services = _services()
    _authorize()
    report = _writer(current_app).remove([_checked_id(doc_id)])
    services.refresh()
    return jsonify(_report_json(services, doc_id, "removed", report))


@bp.get("/api/documents/<path:doc_id>")
def document(doc_id: str) -> Response:
    """One stored document's record: title, language, date, passages (no token needed)."""
    snapshot = _services().current().snapshot
    info = snapshot.documents.get(_checked_id(doc_id))
    if info is None:
        raise NotFound(
            f"No document with id '{doc_id}' is in the store.",
            hint="POST it to /api/documents first, or search for the right id.",
        )
    return jsonify(
        {
            "doc_id": info.doc_id,
            "title": info.title,
            "lang": info.lang,
            "date": info.date,
            "url": info.url,
            "content_hash": info.content_hash,
            "passages": [
                {"passage_id": s.passage.passage_id, "lang": s.passage.lang, "text": s.passage.text}
                for s in snapshot.passages_of(info.doc_id)
            ],
            "generation": snapshot.name,
        }
    )


@bp.after_request
def _ask_for_a_token(response: Response) -> Response:
    if response.status_code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="forumgraph"'
    return response


# ---------------------------------------------------------------------------- authorisation


def _authorize() -> None:
    """Writes need the configured bearer token; compared in constant time."""
    expected = _settings().api_token
    if not expected:
        raise Forbidden(
            "Writes are disabled on this server: no API token is configured.",
            hint="Set api_token (FORUMGRAPH_API_TOKEN) and restart to allow writes.",
        )
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    valid = hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8"))
    if scheme.lower() != "bearer" or not valid:
        raise Unauthorized(
            "This route needs a valid bearer token.",
            hint="Send the header 'Authorization: Bearer <api_token>'.",
        )


# ---------------------------------------------------------------------------- request bodies


def _article_from_request() -> Article:
    if request.mimetype == "multipart/form-data":
        return _article_from_upload()
    if request.is_json:
        return _article_from_json()
    raise InputError(
        f"A document must be sent as multipart/form-data or application/json, not "
        f"'{request.mimetype or 'no media type'}'.",
        hint=f"Upload a file in the form field 'file', or send {JSON_EXAMPLE}.",
    )


def _article_from_upload() -> Article:
    from forumgraph.ingest.readers import (
        SUFFIX_MEDIA_TYPES,
        ReadLimits,
        article_from_bytes,
        validate_doc_id,
    )

    uploads = request.files.getlist("file")
    if len(uploads) != 1 or not uploads[0].filename:
        raise InputError(
            f"The form must carry exactly one file in the field 'file', not {len(uploads)}.",
            hint="curl -F file=@article.txt ...",
        )
    upload = uploads[0]
    filename = str(upload.filename)
    if "/" in filename or "\\" in filename:
        raise InputError(
            f"The file name {filename[:80]!r} is a path; send a plain file name.",
            hint="The document id is the file name without its extension.",
        )
    name = PurePosixPath(filename)
    media_type = SUFFIX_MEDIA_TYPES.get(name.suffix.lower())
    if media_type is None:
        raise InputError(
            f"The file {filename[:80]!r} has an unsupported type '{name.suffix or '(none)'}'.",
            hint="Upload one of: " + ", ".join(SUFFIX_MEDIA_TYPES) + ".",
        )
    charset = upload.mimetype_params.get("charset")
    declared = f"{media_type}; charset={charset}" if charset else media_type
    settings = _settings()
    data = upload.stream.read(settings.max_file_bytes + 1)
    return article_from_bytes(
        validate_doc_id(name.stem), data, declared, ReadLimits.from_settings(settings)
    )


def _article_from_json() -> Article:
    from forumgraph.ingest.readers import ReadLimits, article_from_text, validate_doc_id

    try:
        body = request.get_json(silent=True)
    except RecursionError:  # nested deeper than the parser follows; not a document anyway
        body = None
    if not isinstance(body, dict):
        raise InputError("The request body must be a JSON object.", hint=f"Send {JSON_EXAMPLE}.")
    unknown = sorted(set(body) - JSON_FIELDS)
    if unknown:
        raise InputError(
            f"Unknown field {unknown[0][:40]!r} in the document.",
            hint="Fields: " + ", ".join(sorted(JSON_FIELDS)) + ".",
        )
    doc_id = _string_field(body, "id")
    text = _string_field(body, "text")
    media_type = _string_field(body, "media_type", "text/plain")
    header = _json_header(body.get("header"))
    settings = _settings()
    return article_from_text(
        validate_doc_id(doc_id), text, header, media_type, ReadLimits.from_settings(settings)
    )


def _string_field(body: dict[str, Any], field: str, default: str | None = None) -> str:
    value = body.get(field, default)
    if not isinstance(value, str):
        raise InputError(
            f"The field '{field}' is missing or not a string.", hint=f"Send {JSON_EXAMPLE}."
        )
    return value


def _json_header(raw: Any) -> dict[str, str] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or len(raw) > MAX_HEADER_KEYS:
        raise InputError(
            f"The field 'header' must be a JSON object of at most {MAX_HEADER_KEYS} keys.",
            hint='Send e.g. {"title": "...", "date": "2031-05-14", "language": "ko"}.',
        )
    header = {}
    for key, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise InputError(
                f"The header value of {key[:40]!r} must be a string or a number.",
                hint="Nested objects and lists are not metadata.",
            )
        text = str(value)
        if len(text) > MAX_HEADER_VALUE_CHARS or len(key) > 100:
            raise InputError(
                f"The header entry {key[:40]!r} is too long.",
                hint=f"Keys up to 100 characters, values up to {MAX_HEADER_VALUE_CHARS}.",
            )
        header[key] = text
    return header


def _checked_id(doc_id: str) -> str:
    from forumgraph.ingest.readers import validate_doc_id

    return validate_doc_id(doc_id)


# ---------------------------------------------------------------------------- the writer


def _writer(app: Flask) -> Ingester:
    """One Ingester per app, sharing the serving process's encoders and analyser."""
    from forumgraph.ingest.pipeline import Ingester

    with _writer_lock:
        writer = app.extensions.get(WRITER_KEY)
        if writer is None:
            services = _services()
            writer = Ingester(_settings(), encoders=services.encoders, analyzer=services.analyzer)
            app.extensions[WRITER_KEY] = writer
        return writer


def _services() -> Services:
    return cast(Services, current_app.extensions["forumgraph"])


def _settings() -> Settings:
    """The app's settings (the token and limits of this app, whoever built its services)."""
    return cast(Settings, current_app.config["FORUMGRAPH_SETTINGS"])


def _report_json(
    services: Services, doc_id: str, status: str, report: IngestReport
) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "status": status,
        "generation": services.holder.generation,
        "passages": report.passages,
        "triples": report.triples,
        "entities": dict(sorted(report.entities.items())),
    }
