"""deploy/compose.yaml: the services of the multi-machine setup and how they are wired."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from forumgraph.config import ENV_PREFIX, Settings

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
REPLICAS = ("forumgraph-1", "forumgraph-2")


def _compose() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def test_compose_runs_milvus_standalone_on_etcd_and_minio() -> None:
    services = _compose()["services"]
    milvus = services["milvus"]
    assert milvus["image"].startswith("milvusdb/milvus:v2.")
    assert milvus["command"] == ["milvus", "run", "standalone"]
    assert milvus["environment"]["ETCD_ENDPOINTS"] == "etcd:2379"
    assert milvus["environment"]["MINIO_ADDRESS"] == "minio:9000"
    assert set(milvus["depends_on"]) == {"etcd", "minio"}
    assert "2379" in services["etcd"]["command"]
    assert "minio server" in services["minio"]["command"]


def test_compose_replicas_share_milvus_and_the_sparql_server_behind_the_proxy() -> None:
    compose = _compose()
    services = compose["services"]
    oxigraph = services["oxigraph"]
    assert oxigraph["image"].startswith("ghcr.io/oxigraph/oxigraph")
    bind = oxigraph["command"][oxigraph["command"].index("--bind") + 1]
    port = bind.rsplit(":", 1)[1]
    known = {f"{ENV_PREFIX}{name.upper()}" for name in Settings.__dataclass_fields__}
    for name in (*REPLICAS, "ingest"):
        env = services[name]["environment"]
        assert set(env) <= known, set(env) - known  # only real settings
        assert env[f"{ENV_PREFIX}INDEX_BACKEND"] == "milvus"
        assert env[f"{ENV_PREFIX}MILVUS_URI"] == "http://milvus:19530"
        assert env[f"{ENV_PREFIX}GRAPH_BACKEND"] == "remote"
        assert env[f"{ENV_PREFIX}REMOTE_QUERY_URL"] == f"http://oxigraph:{port}/query"
        assert env[f"{ENV_PREFIX}REMOTE_UPDATE_URL"] == f"http://oxigraph:{port}/update"
        Settings(index_backend=env[f"{ENV_PREFIX}INDEX_BACKEND"])  # an allowed value
    # Each replica has a store folder of its own (settings and a pointer only).
    volumes = {services[name]["volumes"][0].split(":")[0] for name in REPLICAS}
    assert len(volumes) == len(REPLICAS) and volumes <= set(compose["volumes"])
    # The replicas start once the one writer has ingested.
    for name in REPLICAS:
        assert services[name]["depends_on"]["ingest"]["condition"] == (
            "service_completed_successfully"
        )
    proxy = services["proxy"]
    assert set(proxy["depends_on"]) == set(REPLICAS)
    config = proxy["volumes"][0].split(":")[0]
    upstream = (DEPLOY / config).read_text(encoding="utf-8")
    for name in REPLICAS:
        assert f"server {name}:8000" in upstream
    assert "proxy_pass http://forumgraph;" in upstream
