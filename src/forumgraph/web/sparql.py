"""`/sparql`: a read-only SPARQL 1.1 Protocol endpoint over the current store generation.

Queries arrive by GET `?query=`, by POST of an urlencoded form, or by POST of
`application/sparql-query`; `default-graph-uri` and `named-graph-uri` set the dataset. Updates
(`update=` forms, `application/sparql-update`) are refused with 403. A bare GET from a browser
gets the query page. Pages on other origins may read GET results (CORS); POST answers carry no
CORS headers, so a page elsewhere cannot read what it makes a visitor's browser send.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, current_app, render_template, request

from forumgraph.errors import InputError, QueryRefused
from forumgraph.serving.validate import parse_int
from forumgraph.web.sparql_examples import sparql_examples

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
QUERY_MEDIA_TYPE = "application/sparql-query"
UPDATE_MEDIA_TYPE = "application/sparql-update"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET",
    "Access-Control-Allow-Headers": "Accept",
    "Access-Control-Max-Age": "86400",
}
PAGE_FORMATS = ("json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld", "rdfxml")
UPDATE_REFUSED_HINT = "This endpoint is read-only; change the store with `forumgraph ingest`."


@dataclass(frozen=True)
class ProtocolRequest:
    """A query operation as the SPARQL 1.1 Protocol defines it."""

    query: str
    default_graph_uris: tuple[str, ...] = ()
    named_graph_uris: tuple[str, ...] = ()


@bp.route("/sparql", methods=["GET", "POST"], provide_automatic_options=False)
def endpoint() -> Response:
    """Run one SPARQL query and answer in the format the Accept header (or ?format=) asks for."""
    from forumgraph.graph.sparql import media_type_for, negotiate, serialize
    from forumgraph.serving.sparql import limited_query

    if request.method == "GET" and _is_bare_browser_visit():
        return _query_page()
    operation = read_protocol_request()
    settings = current_app.config["FORUMGRAPH_SETTINGS"]
    result = limited_query(
        settings,
        current_app.extensions["forumgraph"].graph(),
        operation.query,
        default_graph_uris=operation.default_graph_uris,
        named_graph_uris=operation.named_graph_uris,
    )
    format_name = request.values.get("format", "").strip()
    if format_name:
        media_type = media_type_for(format_name, result.kind)
    else:
        media_type = negotiate(request.headers.get("Accept", ""), result.kind)
    body, content_type = serialize(result, media_type)
    response = Response(body, content_type=content_type)
    response.headers["Vary"] = "Accept"
    if result.truncated:
        response.headers["X-Forumgraph-Truncated"] = str(settings.sparql_max_results)
    if request.method == "GET":
        response.headers.update(CORS_HEADERS)
    return response


@bp.route("/sparql", methods=["OPTIONS"])
def preflight() -> Response:
    """CORS preflight: browser tools on other origins may send GET queries (and read them)."""
    response = Response(status=204)
    response.headers.update(CORS_HEADERS)
    return response


def read_protocol_request() -> ProtocolRequest:
    """The query operation of the current request, or an error naming what is wrong with it."""
    if request.method == "GET":
        if "update" in request.args:
            raise QueryRefused("SPARQL Update is not accepted here.", hint=UPDATE_REFUSED_HINT)
        return _operation(request.args.getlist("query"), request.args.to_dict(flat=False))
    media_type = request.mimetype
    if media_type == FORM:
        if "update" in request.form:
            raise QueryRefused("SPARQL Update is not accepted here.", hint=UPDATE_REFUSED_HINT)
        params = request.args.to_dict(flat=False)
        for key, values in request.form.to_dict(flat=False).items():
            params.setdefault(key, []).extend(values)
        return _operation(request.form.getlist("query"), params)
    if media_type == UPDATE_MEDIA_TYPE:
        raise QueryRefused("SPARQL Update is not accepted here.", hint=UPDATE_REFUSED_HINT)
    if media_type == QUERY_MEDIA_TYPE:
        if "query" in request.args:
            raise InputError(
                "A direct POST of a query must not also carry a query= parameter.",
                hint="Send the query either in the body or in the URL, not both.",
            )
        return _operation([_utf8_body()], request.args.to_dict(flat=False))
    raise InputError(
        f"A POST to /sparql must be {FORM} or {QUERY_MEDIA_TYPE}, not "
        f"'{media_type or 'no media type'}'.",
        hint="Set the Content-Type header (SPARQL 1.1 Protocol, section 2.1).",
    )


def _operation(queries: list[str], params: dict[str, list[str]]) -> ProtocolRequest:
    if not queries:
        raise InputError(
            "The request has no query parameter.",
            hint="Send ?query=SELECT ... (URL-encoded), or POST it; see the examples at /sparql.",
        )
    if len(queries) > 1:
        raise InputError(
            f"The request has {len(queries)} query parameters; exactly one is allowed.",
            hint="Send a single query per request.",
        )
    query = queries[0]
    if not query.strip():
        raise InputError("The query is empty.", hint="Send a SELECT, ASK, CONSTRUCT or DESCRIBE.")
    return ProtocolRequest(
        query=query,
        default_graph_uris=tuple(_graph_uris(params, "default-graph-uri")),
        named_graph_uris=tuple(_graph_uris(params, "named-graph-uri")),
    )


def _graph_uris(params: dict[str, list[str]], name: str) -> list[str]:
    uris = params.get(name, [])
    for uri in uris:
        if not uri or any(c.isspace() or c in '<>"{}|\\^`' for c in uri):
            raise InputError(
                f"The {name} parameter {uri!r} is not an IRI.",
                hint="Pass absolute IRIs such as https://forumgraph.org/doc/<doc id>.",
            )
    return uris


def _utf8_body() -> str:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise InputError(
            f"The query body is declared as {charset}; SPARQL requests must be UTF-8.",
            hint="Encode the query as UTF-8 (SPARQL 1.1 Protocol, section 2.1.3).",
        )
    try:
        return request.get_data(cache=False).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"The query body is not valid UTF-8 (byte {exc.start}).",
            hint="Encode the query as UTF-8.",
        ) from exc


def _query_page() -> Response:
    base = current_app.config["FORUMGRAPH_SETTINGS"].base_iri
    examples = sparql_examples(base)
    index = parse_int(request.args.get("example", "0"), "example", 0, len(examples) - 1)
    html = render_template(
        "sparql.html",
        examples=examples,
        query_text=examples[index].query,
        formats=PAGE_FORMATS,
    )
    return Response(html, mimetype="text/html")


def _is_bare_browser_visit() -> bool:
    if "query" in request.args or "update" in request.args:
        return False
    best = request.accept_mimetypes.best_match(["text/html", "application/sparql-results+json"])
    return bool(best == "text/html")
