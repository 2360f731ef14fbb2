"""`forumgraph mcp`: the search, ask, entity and SPARQL tools for chat assistants (MCP, stdio).

Built on the official `mcp` package (`MCPServer`, formerly FastMCP) over the same services as
the web app. stdout carries the protocol; logs go to stderr.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

from forumgraph import __version__
from forumgraph.config import Settings
from forumgraph.errors import ForumgraphError, StoreError
from forumgraph.serving import validate
from forumgraph.serving.linked_data import entity_jsonld
from forumgraph.serving.services import Generation, Services
from forumgraph.serving.validate import check_int

log = logging.getLogger(__name__)

INSTRUCTIONS = (
    "forumgraph answers questions about CNCF community events (KubeCon, Kubernetes Forums, "
    "KCDs, project releases) from Korean and English articles and every KubeCon talk list. "
    "Use `ask` for a question (cited passages plus graph facts), `search` for talks and "
    "passages, `talks` to list a person's or an edition's talks, `find_entities` and `entity` "
    "for people, organisations, events, talks and projects, and `sparql` for the graph. "
    "Quote the passages and cite doc_id and passage_id."
)
MAX_SPARQL_ROWS = 1000


class BackgroundServices:
    """Loads the services in a thread, so that the MCP handshake does not wait for the models."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._ready = threading.Event()
        self._services: Services | None = None
        self._error: ForumgraphError | None = None
        threading.Thread(target=self._load, name="forumgraph-models", daemon=True).start()

    def __call__(self) -> Services:
        """The loaded services (waiting for them), or the error that stopped the loading."""
        self._ready.wait()
        if self._services is None:
            raise self._error or StoreError("The search services could not be loaded.")
        return self._services

    def _load(self) -> None:
        try:
            self._services = Services(self.settings)
        except ForumgraphError as exc:
            self._error = exc
        except Exception:
            log.exception("loading the search services failed")
        finally:
            self._ready.set()


class Tools:
    """The MCP tools, answering from the current store generation of `load()`."""

    def __init__(self, load: Callable[[], Services], settings: Settings) -> None:
        self._load = load
        self._settings = settings

    def search(  # one flat argument per filter, as the JSON API has
        self,
        query: str,
        k: int = validate.DEFAULT_K,
        lang: str | None = None,
        event: str | None = None,
        year: int | None = None,
        entity_type: str | None = None,
        result: str | None = None,
        speaker: str | None = None,
        organization: str | None = None,
        topic: str | None = None,
    ) -> dict[str, Any]:
        """Search talks (of every KubeCon talk list) and passages of Korean and English articles,
        with any language query. Results have "type": "talk" (title, speakers with
        affiliations, edition, year, kind, videos, topics) or "passage".

        Filters: lang (ko, en, mixed), event (an event id or name), year, entity_type (of an
        entity the passage names), result (talk or passage), speaker, organization and topic
        (each an entity id such as person/liz-rice, or a name in either script).
        """
        with _tool_errors():
            fields = {
                "k": k,
                "lang": lang,
                "event": event,
                "year": year,
                "type": entity_type,
                "result": result,
                "speaker": speaker,
                "organization": organization,
                "topic": topic,
            }
            checked = validate.search_request(query, fields, typed=True)
            return checked.run(self._current().search).to_json()

    def talks(
        self,
        speaker: str | None = None,
        event: str | None = None,
        topic: str | None = None,
        year: int | None = None,
        organization: str | None = None,
        limit: int = validate.DEFAULT_TALK_LIMIT,
    ) -> dict[str, Any]:
        """List talks of the KubeCon talk lists, newest edition first: by speaker (a person id
        or a name in either script, e.g. 셰릴 헝), event (an edition id or name), topic (a
        project or topic), organization and year. Returns the total and the talks."""
        with _tool_errors():
            fields = {
                "speaker": speaker,
                "event": event,
                "topic": topic,
                "year": year,
                "organization": organization,
                "limit": limit,
            }
            checked = validate.talks_request(fields, typed=True)
            return checked.run(self._current().search).to_json()

    def ask(self, question: str, k: int = validate.DEFAULT_ASK_K) -> dict[str, Any]:
        """Cited material for a question: top passages plus graph facts with their sources."""
        with _tool_errors():
            result = self._current().asker.ask(question, validate.ask_k(k))
            return result.to_json(self._settings.base_iri)

    def find_entities(
        self, name: str = "", entity_type: str | None = None, limit: int = 20
    ) -> dict[str, Any]:
        """Entities whose names (Hangul or Latin) contain `name`, optionally of one type."""
        with _tool_errors():
            found = self._current().facts.find(
                validate.name_query(name, self._settings),
                validate.entity_type(entity_type, "entity_type"),
                validate.entity_limit(limit, typed=True),
            )
            return {
                "results": [
                    {"id": e.id, "type": str(e.type), "label": e.label(), "names": _names(e)}
                    for e in found
                ]
            }

    def entity(self, entity_id: str) -> dict[str, Any]:
        """One entity (e.g. person/liz-rice): names, facts with sources, and its JSON-LD."""
        with _tool_errors():
            facts = self._current().facts.facts(entity_id)
            base_iri = self._settings.base_iri
            return {"entity": facts.to_json(base_iri), "jsonld": entity_jsonld(facts, base_iri)}

    def sparql(self, query: str, max_rows: int = 200) -> dict[str, Any]:
        """Run a read-only SPARQL 1.1 query; the default graph is the union of all articles."""
        from forumgraph.graph.sparql import serialize
        from forumgraph.serving.sparql import limited_query

        settings = self._settings
        with _tool_errors():
            limit = check_int(max_rows, "max_rows", 1, MAX_SPARQL_ROWS)
            result = limited_query(settings, self._load().graph(), query, max_results=limit)
            if result.kind == "ask":
                return {"kind": "ask", "boolean": result.boolean}
            if result.is_graph:
                body, _ = serialize(result, "text/turtle")
                return {"kind": result.kind, "turtle": body.decode("utf-8")}
            rows = [
                {k: getattr(v, "value", str(v)) for k, v in row.items()}
                for row in result.bindings()
            ]
            return {
                "kind": "select",
                "variables": result.variables,
                "rows": rows,
                "truncated": result.truncated,
            }

    def _current(self) -> Generation:
        return self._load().current()


def create_mcp_server(load: Callable[[], Services], settings: Settings) -> MCPServer:
    """An MCP server whose tools answer from the current store generation of `load()`."""
    server: MCPServer = MCPServer(name="forumgraph", instructions=INSTRUCTIONS, version=__version__)
    tools = Tools(load, settings)
    for tool in (
        tools.search,
        tools.talks,
        tools.ask,
        tools.find_entities,
        tools.entity,
        tools.sparql,
    ):
        server.tool()(tool)
    return server


def run_mcp(settings: Settings) -> None:
    """Serve the tools over stdio until the client disconnects."""
    create_mcp_server(BackgroundServices(settings), settings).run("stdio")


@contextlib.contextmanager
def _tool_errors() -> Iterator[None]:
    """Our errors become tool errors the model can read (message and hint)."""
    try:
        yield
    except ForumgraphError as exc:
        raise ToolError(f"{exc.message} {exc.hint or ''}".strip()) from exc


def _names(entity: Any) -> list[dict[str, str]]:
    return [{"text": n.text, "lang": n.lang} for n in entity.names]
