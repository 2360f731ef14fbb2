"""No SPARQL text makes the server call out: the real server (waitress) over GET, POST form and
POST application/sparql-query, and the MCP `sparql` tool, against a loopback listener.

Also: the size and memory limits answer with the shared JSON error shape.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
import requests
from flask.testing import FlaskClient
from mcp import Client
from mcp.client.stdio import StdioServerParameters

from forumgraph.config import Settings
from forumgraph.serving.services import Services
from forumgraph.web import create_app
from loopback import Listener, loopback_listener
from tricky_queries import Tricky, tricky_queries

SRC = Path(__file__).resolve().parents[2] / "src"
TRANSPORTS = ("get", "post-form", "post-query")
ACCEPT = {"Accept": "application/sparql-results+json"}
NAMES = [tricky.name for tricky in tricky_queries("http://127.0.0.1:1")]


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    with loopback_listener() as heard:
        requests.post(f"{heard.url}/probe", data="x", timeout=10)
        assert heard.requests == [("POST", "/probe")]  # it does hear what is sent to it
        heard.requests.clear()
        yield heard


def _tricky(listener: Listener, name: str) -> Tricky:
    return next(t for t in tricky_queries(listener.url) if t.name == name)


def _send(live_server: str, transport: str, text: str) -> requests.Response:
    url = f"{live_server}/sparql"
    if transport == "get":
        return requests.get(url, params={"query": text}, headers=ACCEPT, timeout=60)
    if transport == "post-form":
        return requests.post(url, data={"query": text}, headers=ACCEPT, timeout=60)
    headers = {**ACCEPT, "Content-Type": "application/sparql-query; charset=utf-8"}
    return requests.post(url, data=text.encode("utf-8"), headers=headers, timeout=60)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_no_query_makes_the_server_call_out(
    live_server: str, listener: Listener, transport: str, name: str
) -> None:
    tricky = _tricky(listener, name)
    response = _send(live_server, transport, tricky.text)
    if tricky.allowed:
        assert response.status_code == 200, response.text
        values = [row["x"]["value"] for row in response.json()["results"]["bindings"]]
        assert values and "leaked" not in response.text
    else:
        assert response.status_code in (400, 403), response.text
        error = response.json()["error"]
        assert error["code"] in ("bad_query", "query_refused")
    assert listener.requests == []


def _mcp_server(settings: Settings) -> StdioServerParameters:
    return StdioServerParameters(
        command=sys.executable,
        args=["-m", "forumgraph", "mcp", "--store", str(settings.store_dir)],
        env={"PYTHONPATH": str(SRC), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
    )


@pytest.fixture(scope="module")
def mcp_answers(web_settings: Settings, listener: Listener) -> dict[str, Any]:
    """Every tricky text sent to the `sparql` tool of a real `forumgraph mcp` process."""

    async def session() -> dict[str, Any]:
        async with Client(_mcp_server(web_settings), read_timeout_seconds=120) as client:
            return {
                tricky.name: await client.call_tool("sparql", {"query": tricky.text})
                for tricky in tricky_queries(listener.url)
            }

    answers: dict[str, Any] = anyio.run(session)
    return answers


def test_the_mcp_sparql_tool_does_not_call_out(
    mcp_answers: dict[str, Any], listener: Listener
) -> None:
    for tricky in tricky_queries(listener.url):
        answer = mcp_answers[tricky.name]
        text = answer.content[0].text
        if tricky.allowed:
            assert not answer.is_error, (tricky.name, text)
            assert "leaked" not in text
        else:
            assert answer.is_error, (tricky.name, text)
            assert "SERVICE" in text or "parsers do not all read" in text or "escape" in text
    assert listener.requests == []


def test_a_query_over_the_size_limit_is_a_json_400(
    client: FlaskClient, web_settings: Settings, error_of: Any
) -> None:
    limit = web_settings.sparql_max_query_bytes
    query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #"
    fits = client.get("/sparql", query_string={"query": query.ljust(limit, "x")}, headers=ACCEPT)
    assert fits.status_code == 200
    over = client.get("/sparql", query_string={"query": query.ljust(limit + 1, "x")})
    assert over.status_code == 400
    assert "sparql_max_query_bytes" in error_of(over)["hint"]


def test_a_query_past_the_memory_limit_is_a_503_like_a_timeout(
    web_settings: Settings, services: Services, error_of: Any
) -> None:
    app = create_app(web_settings.with_overrides(sparql_memory_mb=256), services=services)
    client = app.test_client()
    digits = " ".join(str(n) for n in range(10))
    huge = (
        "SELECT (STRLEN(GROUP_CONCAT(?s)) AS ?n) WHERE { "
        + " ".join(f"VALUES ?{v} {{ {digits} }}" for v in "abcdef")
        + ' BIND(CONCAT(STR(?a), STR(?b), STR(?c), STR(?d), STR(?e), STR(?f), "'
        + "x" * 80
        + '") AS ?s) }'
    )
    response = client.get("/sparql", query_string={"query": huge}, headers=ACCEPT)
    assert response.status_code == 503
    error = error_of(response)
    assert error["code"] == "memory_limit" and "256 MB" in error["message"]
    after = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}, headers=ACCEPT)
    assert after.status_code == 200 and after.json["boolean"] is True
