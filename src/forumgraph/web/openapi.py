"""The OpenAPI 3.1 description of the JSON routes (served at /openapi.json and shown at /docs)."""

from __future__ import annotations

from typing import Any

from forumgraph import __version__
from forumgraph.config import Settings
from forumgraph.search.filters import LANGUAGES, RESULT_TYPES
from forumgraph.search.query import MAX_K
from forumgraph.serving.validate import (
    DEFAULT_ENTITY_LIMIT,
    DEFAULT_K,
    DEFAULT_SUGGEST_LIMIT,
    DEFAULT_TALK_LIMIT,
    MAX_ENTITY_LIMIT,
    MAX_FILTER_CHARS,
    MAX_SUGGEST_CHARS,
    MAX_SUGGEST_LIMIT,
    MAX_TALK_LIMIT,
)
from forumgraph.web.openapi_schemas import ENTITY_TYPES, SCHEMAS

ERROR_REF = {"$ref": "#/components/responses/Error"}


def _param(
    name: str, where: str, description: str, schema: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    return {"name": name, "in": where, "description": description, "schema": schema, **extra}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


# The write routes (web/documents.py): bearer token, multipart file or JSON body.
_WRITE_ERRORS = {str(code): ERROR_REF for code in (400, 401, 403, 409, 413, 503)}
_DOC_ID = _param("id", "path", "A document id (file stem).", {"type": "string"}, required=True)
SCHEMAS["DocumentWrite"] = {
    "type": "object",
    "required": ["doc_id", "status", "generation"],
    "properties": {
        "doc_id": {"type": "string"},
        "status": {"type": "string", "enum": ["added", "replaced", "unchanged", "removed"]},
        "generation": {"type": ["string", "null"], "description": "Now being served."},
        "passages": {"type": "integer"},
        "triples": {"type": "integer"},
        "entities": {"type": "object", "additionalProperties": {"type": "integer"}},
    },
}
_SPARQL_RESULTS = {
    media_type: {"schema": {"type": "string"} if media_type.startswith("text/") else {}}
    for media_type in (
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
        "text/turtle",
        "application/n-triples",
        "application/ld+json",
        "application/rdf+xml",
    )
}
_SPARQL_PARAMS = [
    _param(
        "default-graph-uri",
        "query",
        "A graph of the default graph (repeatable); default: the union of all articles.",
        {"type": "array", "items": {"type": "string", "format": "iri"}},
        explode=True,
    ),
    _param(
        "named-graph-uri",
        "query",
        "A graph GRAPH patterns may reach (repeatable); default: every article's graph.",
        {"type": "array", "items": {"type": "string", "format": "iri"}},
        explode=True,
    ),
    _param(
        "format",
        "query",
        "A result format name that overrides the Accept header.",
        {"enum": ["json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld", "rdfxml"]},
    ),
]
_SPARQL_RESPONSES = {
    "200": {
        "description": "The results, in the format Accept asks for.",
        "content": _SPARQL_RESULTS,
    },
    "400": ERROR_REF,
    "403": ERROR_REF,
    "413": ERROR_REF,
    "503": ERROR_REF,
}
SPARQL_PATH: dict[str, Any] = {
    "get": {
        "summary": "SPARQL 1.1 query (read-only; updates, LOAD and SERVICE are refused with 403)",
        "operationId": "sparqlGet",
        "parameters": [
            _param("query", "query", "A SPARQL 1.1 query.", {"type": "string"}, required=True),
            *_SPARQL_PARAMS,
        ],
        "responses": _SPARQL_RESPONSES,
    },
    "post": {
        "summary": "SPARQL 1.1 query by POST (urlencoded form or application/sparql-query)",
        "operationId": "sparqlPost",
        "parameters": _SPARQL_PARAMS,
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "required": ["query"],
                        "properties": {"query": {"type": "string"}},
                    }
                },
                "application/sparql-query": {"schema": {"type": "string"}},
            },
        },
        "responses": _SPARQL_RESPONSES,
    },
}

DOCUMENT_PATHS: dict[str, Any] = {
    "/api/documents": {
        "post": {
            "summary": "Add or replace a document (file stem or `id` is the document id)",
            "operationId": "putDocument",
            "security": [{"bearerAuth": []}],
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["file"],
                            "properties": {
                                "file": {
                                    "type": "string",
                                    "contentMediaType": "application/octet-stream",
                                    "description": "A .txt, .md or .html article.",
                                }
                            },
                        }
                    },
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["id", "text"],
                            "properties": {
                                "id": {"type": "string"},
                                "text": {"type": "string"},
                                "header": {"type": "object", "additionalProperties": True},
                                "media_type": {
                                    "enum": ["text/plain", "text/markdown", "text/html"]
                                },
                            },
                        }
                    },
                },
            },
            "responses": {
                "201": _json({"$ref": "#/components/schemas/DocumentWrite"}, "Added."),
                "200": _json({"$ref": "#/components/schemas/DocumentWrite"}, "Replaced."),
                **_WRITE_ERRORS,
            },
        }
    },
    "/api/documents/{id}": {
        "get": {
            "summary": "One stored document and its passages",
            "operationId": "getDocument",
            "parameters": [_DOC_ID],
            "responses": {
                "200": _json({"type": "object"}, "The document."),
                "400": ERROR_REF,
                "404": ERROR_REF,
            },
        },
        "delete": {
            "summary": "Remove a document",
            "operationId": "deleteDocument",
            "security": [{"bearerAuth": []}],
            "parameters": [_DOC_ID],
            "responses": {
                "200": _json({"$ref": "#/components/schemas/DocumentWrite"}, "Removed."),
                "404": ERROR_REF,
                **_WRITE_ERRORS,
            },
        },
    },
}


WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::", "[::]"})  # noqa: S104 - names, not binds


def server_url(settings: Settings) -> str:
    """Where clients reach this server: `public_url`, else the configured host and port.

    Never the request's Host header, which any client sets. For a wildcard listen address the
    URL is relative ("/"), which resolves against wherever the document was fetched from.
    """
    if settings.public_url:
        return settings.public_url.rstrip("/")
    if settings.host in WILDCARD_HOSTS:
        return "/"
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    return f"http://{host}:{settings.port}"


def openapi_spec(server_url: str) -> dict[str, Any]:
    """The OpenAPI 3.1 document for a server reachable at `server_url`."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "forumgraph",
            "version": __version__,
            "description": (
                "Search Korean and English articles about CNCF community events, ask for cited "
                "material, and read the knowledge graph. The SPARQL 1.1 endpoint is at /sparql."
            ),
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/api/search": _search_path(),
            "/api/talks": _talks_path(),
            "/api/ask": _ask_path(),
            **_entity_paths(),
            **DOCUMENT_PATHS,
            "/healthz": _health_path(),
            "/sparql": SPARQL_PATH,
            "/openapi.json": {
                "get": {
                    "summary": "This document",
                    "operationId": "openapi",
                    "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1.")},
                }
            },
        },
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
            "responses": {
                "Error": _json(
                    {"$ref": "#/components/schemas/Error"}, "An error, with a hint for what to do."
                )
            },
        },
    }


def _search_path() -> dict[str, Any]:
    k_schema = {"type": "integer", "minimum": 1, "maximum": MAX_K, "default": DEFAULT_K}
    return {
        "get": {
            "summary": "Search talks and article passages (Korean, English or mixed queries)",
            "operationId": "search",
            "parameters": [
                _param("q", "query", "The query.", {"type": "string"}, required=True),
                _param("k", "query", f"How many results (1-{MAX_K}).", k_schema),
                _param(
                    "lang", "query", "Only passages in this language.", {"enum": list(LANGUAGES)}
                ),
                _param(
                    "event",
                    "query",
                    "Only talks at, and articles about, this event (an id or a name).",
                    {"type": "string"},
                ),
                _param(
                    "year",
                    "query",
                    "Only talks of editions of this year and articles from it.",
                    {"type": "integer"},
                ),
                _param(
                    "type",
                    "query",
                    "Only passages naming this entity type.",
                    {"enum": ENTITY_TYPES},
                ),
                _param(
                    "result",
                    "query",
                    "Only talks (talk) or only article passages (passage).",
                    {"enum": list(RESULT_TYPES)},
                ),
                *_entity_filter_params(),
            ],
            "responses": {
                "200": _json({"$ref": "#/components/schemas/SearchResult"}, "Hits."),
                "400": ERROR_REF,
                "503": ERROR_REF,
            },
        }
    }


def _entity_filter_params(talks_only: bool = False) -> list[dict[str, Any]]:
    text = {"type": "string", "maxLength": MAX_FILTER_CHARS}
    also = "" if talks_only else ", and passages naming,"
    return [
        _param(
            "speaker",
            "query",
            f"Only talks by{also} this person (an id such as person/liz-rice or a name in "
            "either script).",
            text,
        ),
        _param(
            "organization",
            "query",
            f"Only talks of speakers credited with{also} this organisation (id or name).",
            text,
        ),
        _param("topic", "query", f"Only talks about{also} this project or topic.", text),
    ]


def _talks_path() -> dict[str, Any]:
    limit_schema = {
        "type": "integer",
        "minimum": 1,
        "maximum": MAX_TALK_LIMIT,
        "default": DEFAULT_TALK_LIMIT,
    }
    return {
        "get": {
            "summary": "List talks of the talk lists, newest edition first",
            "operationId": "listTalks",
            "parameters": [
                *_entity_filter_params(talks_only=True),
                _param("event", "query", "An edition (an id or a name).", {"type": "string"}),
                _param("year", "query", "The year of the edition.", {"type": "integer"}),
                _param("limit", "query", f"How many talks (1-{MAX_TALK_LIMIT}).", limit_schema),
            ],
            "responses": {
                "200": _json({"$ref": "#/components/schemas/TalkList"}, "Talks."),
                "400": ERROR_REF,
                "503": ERROR_REF,
            },
        }
    }


def _ask_path() -> dict[str, Any]:
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/AskRequest"}}}
    return {
        "post": {
            "summary": "Cited passages and graph facts for a question (no language model)",
            "operationId": "ask",
            "requestBody": {"required": True, "content": body},
            "responses": {
                "200": _json({"$ref": "#/components/schemas/AskResult"}, "Material."),
                "400": ERROR_REF,
                "413": ERROR_REF,
                "503": ERROR_REF,
            },
        }
    }


def _entity_paths() -> dict[str, Any]:
    limit_schema = {
        "type": "integer",
        "minimum": 1,
        "maximum": MAX_ENTITY_LIMIT,
        "default": DEFAULT_ENTITY_LIMIT,
    }
    entity_id = _param(
        "id", "path", "An entity id such as person/liz-rice.", {"type": "string"}, required=True
    )
    jsonld = {"application/ld+json": {"schema": {"type": "object"}}}
    return {
        "/api/entities": {
            "get": {
                "summary": "Find entities by name in either script",
                "operationId": "findEntities",
                "parameters": [
                    _param("q", "query", "A name or part of one.", {"type": "string"}),
                    _param("type", "query", "An entity type.", {"enum": ENTITY_TYPES}),
                    _param(
                        "limit", "query", f"How many entities (1-{MAX_ENTITY_LIMIT}).", limit_schema
                    ),
                ],
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/EntityList"}, "Entities."),
                    "400": ERROR_REF,
                },
            }
        },
        "/api/suggest": {
            "get": {
                "summary": "Complete an entity name (either script, any alias), best first",
                "operationId": "suggest",
                "parameters": [
                    _param(
                        "q",
                        "query",
                        f"The start of a name, or part of one ({MAX_SUGGEST_CHARS} characters "
                        "at most).",
                        {"type": "string", "maxLength": MAX_SUGGEST_CHARS},
                        required=True,
                    ),
                    _param("type", "query", "An entity type.", {"enum": ENTITY_TYPES}),
                    _param(
                        "limit",
                        "query",
                        f"How many names (1-{MAX_SUGGEST_LIMIT}).",
                        {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": MAX_SUGGEST_LIMIT,
                            "default": DEFAULT_SUGGEST_LIMIT,
                        },
                    ),
                ],
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/SuggestList"}, "Names."),
                    "400": ERROR_REF,
                    "503": ERROR_REF,
                },
            }
        },
        "/api/entities/{id}": {
            "get": {
                "summary": "One entity as JSON-LD (schema.org context)",
                "operationId": "getEntity",
                "parameters": [entity_id],
                "responses": {
                    "200": {"description": "The entity.", "content": jsonld},
                    "400": ERROR_REF,
                    "404": ERROR_REF,
                },
            }
        },
    }


def _health_path() -> dict[str, Any]:
    health = {"$ref": "#/components/schemas/Health"}
    return {
        "get": {
            "summary": "Health and the store generation being served",
            "operationId": "health",
            "responses": {
                "200": _json(health, "Serving."),
                "503": _json(health, "No store yet."),
            },
        }
    }
