"""Schemas of the JSON bodies the API reads and writes, for the OpenAPI document."""

from __future__ import annotations

from typing import Any

from forumgraph.models import EntityType

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
    "NamedRef": {
        "type": "object",
        "required": ["id", "label"],
        "properties": {
            "id": {"type": "string", "examples": ["organization/aqua-security"]},
            "label": {"type": "string"},
            "names": {
                "type": "object",
                "description": "The entity's name in each script, by language tag (en, ko).",
                "additionalProperties": {"type": "string"},
            },
        },
    },
    "Talk": {
        "type": "object",
        "required": ["talk_id", "title", "kind", "speakers", "topics", "videos"],
        "properties": {
            "talk_id": {
                "type": "string",
                "description": "The talk's entity id (its page is /id/<talk_id>).",
                "examples": [
                    "talk/kubecon-cloudnativecon-europe-2019/keynote-stitching-things-together"
                ],
            },
            "title": {"type": "string", "description": "The English title, as listed."},
            "title_zh": {"type": ["string", "null"], "description": "The Chinese title."},
            "kind": {
                "type": "string",
                "enum": ["keynote", "session", "lightning", "panel", "bof", "tutorial", "workshop"],
            },
            "event": {
                "oneOf": [{"$ref": "#/components/schemas/NamedRef"}, {"type": "null"}],
                "description": "The edition the talk was given at.",
            },
            "year": {"type": ["integer", "null"]},
            "speakers": {
                "type": "array",
                "items": {
                    "allOf": [{"$ref": "#/components/schemas/NamedRef"}],
                    "properties": {
                        "organization": {
                            "oneOf": [{"$ref": "#/components/schemas/NamedRef"}, {"type": "null"}]
                        }
                    },
                },
            },
            "topics": {"type": "array", "items": {"$ref": "#/components/schemas/NamedRef"}},
            "videos": {"type": "array", "items": {"type": "string", "format": "uri"}},
        },
    },
    "TalkList": {
        "type": "object",
        "required": ["total", "results"],
        "properties": {
            "total": {"type": "integer", "description": "Talks matching, beyond the limit too."},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Talk"}},
        },
    },
    "SearchHit": {
        "type": "object",
        "description": (
            "A talk (type talk: the fields of Talk as well) or a passage of an article "
            "(type passage)."
        ),
        "required": [
            "type",
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
            "type": {"type": "string", "enum": ["talk", "passage"]},
            "doc_id": {
                "type": "string",
                "description": "The article's id (its file stem); for a talk, its talk list's.",
            },
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
            **{
                name: {**schema, "description": "A talk's field (type talk only)."}
                for name, schema in (
                    ("talk_id", {"type": "string"}),
                    ("title_zh", {"type": ["string", "null"]}),
                    ("kind", {"type": "string"}),
                    ("event", {"type": ["object", "null"]}),
                    ("year", {"type": ["integer", "null"]}),
                    ("speakers", {"type": "array", "items": {"type": "object"}}),
                    ("topics", {"type": "array", "items": {"type": "object"}}),
                    ("videos", {"type": "array", "items": {"type": "string"}}),
                )
            },
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
    "SuggestList": {
        "type": "object",
        "required": ["query", "results"],
        "properties": {
            "query": {"type": "string"},
            "results": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "type", "name", "lang", "label", "match", "url"],
                    "properties": {
                        "id": {"type": "string"},
                        "type": {"enum": ENTITY_TYPES},
                        "name": {"type": "string", "description": "The name that matched."},
                        "lang": {"type": "string", "description": "Its language tag."},
                        "label": {"type": "string", "description": "The preferred name."},
                        "match": {"enum": ["exact", "prefix", "word", "inside"]},
                        "url": {"type": "string", "description": "The entity's page."},
                    },
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
