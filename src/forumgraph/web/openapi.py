"""The OpenAPI 3.1 description of the JSON routes (served at /openapi.json and shown at /docs)."""

from __future__ import annotations

from typing import Any

from forumgraph import __version__
from forumgraph.models import EntityType

ERROR_REF = {"$ref": "#/components/responses/Error"}


def _param(
    name: str, where: str, description: str, schema: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    return {"name": name, "in": where, "description": description, "schema": schema, **extra}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ENTITY_TYPES = [t.value for t in EntityType]

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message", "hint", "status"],
                "properties": {
                    "code": {"type": "string", "examples": ["bad_input"]},
                    "message": {"type": "string"},
                    "hint": {"type": ["string", "null"]},
                    "status": {"type": "integer"},
                },
            }
        },
    },
    "EntityRef": {
        "type": "object",
        "required": ["id", "type", "label"],
        "properties": {
            "id": {"type": "string", "examples": ["person/liz-rice"]},
            "type": {"type": "string", "enum": ENTITY_TYPES},
            "label": {"type": "string"},
        },
    },
    "SearchHit": {
        "type": "object",
        "required": [
            "doc_id",
            "passage_id",
            "title",
            "lang",
            "score",
            "text",
            "snippet",
            "source",
            "url",
            "entities",
        ],
        "properties": {
            "doc_id": {"type": "string", "description": "The article's id (its file stem)."},
            "passage_id": {"type": "string", "examples": ["kubernetes-forum-seoul-2019.ko#p3"]},
            "title": {"type": "string"},
            "lang": {"type": "string", "enum": ["ko", "en", "mixed"]},
            "score": {"type": "number"},
            "text": {"type": "string", "description": "The whole passage."},
            "snippet": {"type": "string", "description": "A short window around the match."},
            "start": {"type": "integer", "description": "Character offset in the article."},
            "end": {"type": "integer"},
            "source": {"type": "string", "description": "The file the article was read from."},
            "url": {"type": ["string", "null"], "description": "The original article."},
            "date": {"type": ["string", "null"]},
            "entities": {"type": "array", "items": {"$ref": "#/components/schemas/EntityRef"}},
            "signals": {"type": "object", "additionalProperties": {"type": "number"}},
        },
    },
    "SearchResult": {
        "type": "object",
        "required": ["query", "results", "took_ms"],
        "properties": {
            "query": {"type": "string"},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/SearchHit"}},
            "entities": {
                "type": "array",
                "description": "Entities the query names.",
                "items": {"$ref": "#/components/schemas/EntityRef"},
            },
            "took_ms": {"type": "number"},
        },
    },
    "Citation": {
        "type": "object",
        "properties": {
            "doc_id": {"type": "string"},
            "title": {"type": "string"},
            "url": {"type": ["string", "null"]},
            "passage_id": {"type": ["string", "null"]},
            "start": {"type": ["integer", "null"]},
            "end": {"type": ["integer", "null"]},
        },
    },
    "Fact": {
        "type": "object",
        "properties": {
            "field": {"type": "string", "examples": ["affiliation"]},
            "property": {"type": "string", "description": "The RDF property (an IRI)."},
            "inverse": {"type": "boolean", "description": "True when the value is the subject."},
            "value": {"type": "string"},
            "entity_id": {"type": ["string", "null"]},
            "entity_type": {"type": ["string", "null"]},
            "lang": {"type": ["string", "null"]},
            "datatype": {"type": ["string", "null"]},
            "iri": {"type": ["string", "null"]},
            "sources": {"type": "array", "items": {"$ref": "#/components/schemas/Citation"}},
        },
    },
    "EntityFacts": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "iri": {"type": "string"},
            "type": {"type": "string", "enum": ENTITY_TYPES},
            "label": {"type": "string"},
            "names": {"type": "array", "items": {"type": "object"}},
            "alternate_names": {"type": "array", "items": {"type": "object"}},
            "facts": {"type": "array", "items": {"$ref": "#/components/schemas/Fact"}},
            "documents": {"type": "array", "items": {"type": "string"}},
        },
    },
    "AskRequest": {
        "type": "object",
        "required": ["question"],
        "properties": {
            "question": {"type": "string", "examples": ["리즈 라이스는 어느 회사 소속인가?"]},
            "k": {"type": "integer", "minimum": 1, "maximum": 20, "default": 5},
        },
    },
    "AskResult": {
        "type": "object",
        "required": ["question", "passages", "entities", "focus"],
        "properties": {
            "question": {"type": "string"},
            "focus": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Fact fields the question asks about (e.g. affiliation).",
            },
            "answers": {
                "type": "array",
                "description": "The focused facts of the named entities, with their sources.",
                "items": {
                    "type": "object",
                    "properties": {
                        "entity_id": {"type": "string"},
                        "label": {"type": "string"},
                        "field": {"type": "string"},
                        "values": {"type": "array", "items": {"$ref": "#/components/schemas/Fact"}},
                    },
                },
            },
            "passages": {
                "type": "array",
                "items": {
                    "allOf": [{"$ref": "#/components/schemas/Citation"}],
                    "properties": {
                        "rank": {"type": "integer"},
                        "lang": {"type": "string"},
                        "score": {"type": "number"},
                        "text": {"type": "string"},
                    },
                },
            },
            "entities": {"type": "array", "items": {"$ref": "#/components/schemas/EntityFacts"}},
            "took_ms": {"type": "number"},
        },
    },
    "EntityList": {
        "type": "object",
        "properties": {
            "query": {"type": "string"},
            "type": {"type": ["string", "null"]},
            "results": {
                "type": "array",
                "items": {
                    "allOf": [{"$ref": "#/components/schemas/EntityRef"}],
                    "properties": {"iri": {"type": "string"}, "names": {"type": "array"}},
                },
            },
        },
    },
    "Health": {
        "type": "object",
        "required": ["status", "generation"],
        "properties": {
            "status": {"type": "string", "enum": ["ok", "starting"]},
            "generation": {"type": ["string", "null"]},
            "documents": {"type": "integer"},
            "passages": {"type": "integer"},
            "entities": {"type": "integer"},
            "embedding_model": {"type": ["string", "null"]},
        },
    },
}

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


def openapi_spec(server_url: str) -> dict[str, Any]:
    """The OpenAPI 3.1 document for a server reachable at `server_url`."""
    filters = [
        _param("lang", "query", "Only passages in this language.", {"enum": ["ko", "en", "mixed"]}),
        _param("event", "query", "Only articles about this event id.", {"type": "string"}),
        _param("year", "query", "Only articles from this year.", {"type": "integer"}),
        _param("type", "query", "Only passages naming this entity type.", {"enum": ENTITY_TYPES}),
    ]
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
            "/api/search": {
                "get": {
                    "summary": "Search passages (Korean, English or mixed queries)",
                    "operationId": "search",
                    "parameters": [
                        _param("q", "query", "The query.", {"type": "string"}, required=True),
                        _param(
                            "k",
                            "query",
                            "How many passages (1-100).",
                            {"type": "integer", "minimum": 1, "maximum": 100, "default": 10},
                        ),
                        *filters,
                    ],
                    "responses": {
                        "200": _json({"$ref": "#/components/schemas/SearchResult"}, "Hits."),
                        "400": ERROR_REF,
                        "503": ERROR_REF,
                    },
                }
            },
            "/api/ask": {
                "post": {
                    "summary": "Cited passages and graph facts for a question (no language model)",
                    "operationId": "ask",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/AskRequest"}
                            }
                        },
                    },
                    "responses": {
                        "200": _json({"$ref": "#/components/schemas/AskResult"}, "Material."),
                        "400": ERROR_REF,
                        "413": ERROR_REF,
                        "503": ERROR_REF,
                    },
                }
            },
            "/api/entities": {
                "get": {
                    "summary": "Find entities by name in either script",
                    "operationId": "findEntities",
                    "parameters": [
                        _param("q", "query", "A name or part of one.", {"type": "string"}),
                        _param("type", "query", "An entity type.", {"enum": ENTITY_TYPES}),
                        _param(
                            "limit",
                            "query",
                            "How many entities (1-500).",
                            {"type": "integer", "minimum": 1, "maximum": 500, "default": 50},
                        ),
                    ],
                    "responses": {
                        "200": _json({"$ref": "#/components/schemas/EntityList"}, "Entities."),
                        "400": ERROR_REF,
                    },
                }
            },
            "/api/entities/{id}": {
                "get": {
                    "summary": "One entity as JSON-LD (schema.org context)",
                    "operationId": "getEntity",
                    "parameters": [
                        _param(
                            "id",
                            "path",
                            "An entity id such as person/liz-rice.",
                            {"type": "string"},
                            required=True,
                        )
                    ],
                    "responses": {
                        "200": {
                            "description": "The entity.",
                            "content": {"application/ld+json": {"schema": {"type": "object"}}},
                        },
                        "400": ERROR_REF,
                        "404": ERROR_REF,
                    },
                }
            },
            **DOCUMENT_PATHS,
            "/healthz": {
                "get": {
                    "summary": "Health and the store generation being served",
                    "operationId": "health",
                    "responses": {
                        "200": _json({"$ref": "#/components/schemas/Health"}, "Serving."),
                        "503": _json({"$ref": "#/components/schemas/Health"}, "No store yet."),
                    },
                }
            },
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
