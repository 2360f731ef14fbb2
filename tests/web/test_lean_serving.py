"""The serving path in a fresh process: queries are answered without torch ever being imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from forumgraph.config import Settings

SRC = Path(__file__).resolve().parents[2] / "src"
HEAVY = ("torch", "sentence_transformers", "transformers")

# Builds the services on the store, then searches, asks and runs SPARQL, as `serve` and `mcp`
# do; then the `search` command as a user runs it. Prints what was imported and the answers.
SCRIPT = """
import json, runpy, sys
from forumgraph.config import load_settings
from forumgraph.graph.sparql import run_query
from forumgraph.serving.services import Services
import forumgraph.mcp_server, forumgraph.web.server

settings = load_settings(environ={}, store_dir=sys.argv[1])
services = Services(settings)
generation = services.current()
hits = generation.search.search("리즈 라이스는 어느 회사 소속인가?", 3).hits
answer = generation.asker.ask("Who gave the keynote about the OODA loop?", 3)
rows = run_query(
    services.graph(), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout_s=30, max_results=5
)
sys.argv = ["forumgraph", "search", "--store", sys.argv[1], "Helm 3 Tiller", "-k", "2"]
try:
    runpy.run_module("forumgraph", run_name="__main__")
except SystemExit as exit:
    assert not exit.code, exit.code
heavy = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY_MODULES)
print(json.dumps({
    "heavy": heavy,
    "hits": [h.passage.doc_id for h in hits],
    "answer": len(answer.to_json(settings.base_iri)["passages"]),
    "sparql": rows.kind,
    "backend": services.encoders["embedding"].query_backend,
}))
"""


def _run(script: str, *args: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORUMGRAPH_")}
    env.update(PYTHONPATH=str(SRC), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    done = subprocess.run(
        [sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_serving_answers_without_importing_torch(
    built_store: Settings, query_embedder: Any
) -> None:
    # query_embedder: the checked export the serving process needs is in the model cache.
    result = _run(SCRIPT.replace("HEAVY_MODULES", repr(HEAVY)), str(built_store.store_dir))
    assert result["heavy"] == []
    assert result["backend"] == "onnx"
    assert result["hits"] and result["answer"] > 0 and result["sparql"] == "select"


def test_query_encoder_torch_loads_torch_explicitly() -> None:
    script = (
        "import json, sys\n"
        "from forumgraph.config import load_settings\n"
        "from forumgraph.index.query_encoder import create_query_embedder\n"
        "embedder = create_query_embedder(load_settings(environ={}, query_encoder='torch'))\n"
        "embedder.encode_queries(['서울 포럼'])\n"
        "print(json.dumps({'torch': 'torch' in sys.modules, 'backend': embedder.query_backend}))\n"
    )
    assert _run(script) == {"torch": True, "backend": "torch"}
