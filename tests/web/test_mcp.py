"""`forumgraph mcp` as a subprocess, driven by the official `mcp` client over stdio."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters

from forumgraph.config import Settings

SRC = Path(__file__).resolve().parents[2] / "src"
TOOLS = {"search", "talks", "ask", "find_entities", "entity", "sparql"}


def _server(settings: Settings) -> StdioServerParameters:
    return StdioServerParameters(
        command=sys.executable,
        args=["-m", "forumgraph", "mcp", "--store", str(settings.store_dir)],
        env={"PYTHONPATH": str(SRC), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
    )


def _payload(result: Any) -> dict[str, Any]:
    assert not result.is_error, result.content
    if result.structured_content is not None:
        return dict(result.structured_content)
    return dict(json.loads(result.content[0].text))


@pytest.fixture(scope="module")
def mcp_calls(web_settings: Settings) -> dict[str, Any]:
    """Start the server once and make every call the tests look at."""

    async def session() -> dict[str, Any]:
        async with Client(_server(web_settings), read_timeout_seconds=120) as client:
            tools = await client.list_tools()
            calls: dict[str, Any] = {"tools": {tool.name: tool for tool in tools.tools}}
            calls["search"] = await client.call_tool("search", {"query": "리즈 라이스", "k": 3})
            calls["ask"] = await client.call_tool(
                "ask", {"question": "리즈 라이스는 어느 회사 소속인가?"}
            )
            calls["find"] = await client.call_tool("find_entities", {"name": "Liz Rice"})
            calls["entity"] = await client.call_tool("entity", {"entity_id": "person/liz-rice"})
            calls["sparql"] = await client.call_tool(
                "sparql",
                {
                    "query": "PREFIX schema: <https://schema.org/> "
                    "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } LIMIT 3"
                },
            )
            calls["update"] = await client.call_tool("sparql", {"query": "CLEAR ALL"})
            calls["bad_k"] = await client.call_tool("search", {"query": "helm", "k": 0})
            calls["missing"] = await client.call_tool("entity", {"entity_id": "person/nobody"})
            calls["talks"] = await client.call_tool("talks", {"speaker": "셰릴 헝", "limit": 3})
            calls["talk_search"] = await client.call_tool(
                "search", {"query": "리즈 라이스 발표", "result": "talk", "k": 5}
            )
            calls["bad_speaker"] = await client.call_tool("talks", {"speaker": "Nobody Known"})
            return calls

    result: dict[str, Any] = anyio.run(session)
    return result


def test_mcp_lists_the_tools_with_descriptions(mcp_calls: dict[str, Any]) -> None:
    tools = mcp_calls["tools"]
    assert set(tools) == TOOLS
    for tool in tools.values():
        assert tool.description
        assert tool.input_schema["type"] == "object"
    assert "query" in tools["search"].input_schema["required"]


def test_mcp_search_returns_cited_passages(mcp_calls: dict[str, Any]) -> None:
    body = _payload(mcp_calls["search"])
    assert len(body["results"]) == 3
    assert body["results"][0]["passage_id"].startswith(body["results"][0]["doc_id"])


def test_mcp_ask_gives_the_affiliation_with_its_source(mcp_calls: dict[str, Any]) -> None:
    body = _payload(mcp_calls["ask"])
    answer = next(a for a in body["answers"] if a["field"] == "affiliation")
    assert answer["label"] == "Liz Rice"
    values = {v["value"]: v for v in answer["values"]}
    assert values["Aqua Security"]["sources"]


def test_mcp_entity_tools(mcp_calls: dict[str, Any]) -> None:
    found = _payload(mcp_calls["find"])
    assert found["results"][0]["id"] == "person/liz-rice"
    entity = _payload(mcp_calls["entity"])
    assert entity["entity"]["label"] == "Liz Rice"
    assert entity["jsonld"]["@id"].endswith("/id/person/liz-rice")


def test_mcp_sparql_reads_and_refuses_updates(mcp_calls: dict[str, Any]) -> None:
    body = _payload(mcp_calls["sparql"])
    assert body["variables"] == ["n"] and len(body["rows"]) == 3
    refused = mcp_calls["update"]
    assert refused.is_error
    assert "read-only" in refused.content[0].text or "Update" in refused.content[0].text


def test_mcp_errors_are_readable_tool_errors(mcp_calls: dict[str, Any]) -> None:
    assert mcp_calls["bad_k"].is_error
    assert "between 1 and 100" in mcp_calls["bad_k"].content[0].text
    assert mcp_calls["missing"].is_error
    assert "No entity" in mcp_calls["missing"].content[0].text


def test_mcp_talks_lists_a_persons_talks_by_their_hangul_name(mcp_calls: dict[str, Any]) -> None:
    body = _payload(mcp_calls["talks"])
    assert len(body["results"]) == 3 and body["total"] >= 5
    for talk in body["results"]:
        assert "person/cheryl-hung" in {s["id"] for s in talk["speakers"]}
        assert talk["event"]["label"] and talk["title"]
    refused = mcp_calls["bad_speaker"]
    assert refused.is_error and "speaker" in refused.content[0].text


def test_mcp_search_filters_talks(mcp_calls: dict[str, Any]) -> None:
    body = _payload(mcp_calls["talk_search"])
    assert body["results"] and {r["type"] for r in body["results"]} == {"talk"}
    assert all("person/liz-rice" in {s["id"] for s in r["speakers"]} for r in body["results"][:3])
