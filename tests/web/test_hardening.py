"""Odd digits give a 400 (never a 500), /openapi.json ignores the Host header, tokens are long."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from forumgraph.config import Settings
from forumgraph.errors import ConfigError
from forumgraph.serving.services import Services
from forumgraph.web import create_app
from forumgraph.web.openapi import server_url

HTML = {"Accept": "text/html"}


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/", {"q": "helm", "year": "²²²²"}),
        ("/", {"q": "helm", "year": "٢٠١٩"}),
        ("/sparql", {"example": "²"}),
        ("/sparql", {"example": "99"}),
    ],
)
def test_odd_digits_on_pages_are_a_400(
    client: FlaskClient, path: str, params: dict[str, str]
) -> None:
    response = client.get(path, query_string=params, headers=HTML)
    assert response.status_code == 400
    assert "must be" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "helm", "year": "²²²²"},
        {"q": "helm", "k": "٣"},
        {"q": "helm", "k": "1_0"},
        {"q": "helm", "k": "³"},
        {"q": "helm", "limit": "²"},
    ],
)
def test_odd_digits_in_the_api_are_a_json_400(
    client: FlaskClient, params: dict[str, str], error_of: Any
) -> None:
    path = "/api/entities" if "limit" in params else "/api/search"
    response = client.get(path, query_string=params)
    assert response.status_code == 400
    assert "must be an integer" in error_of(response)["message"]


def test_the_query_page_still_opens_a_chosen_example(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"example": " 1 "}, headers=HTML)
    assert response.status_code == 200


def test_openapi_names_the_configured_server_not_the_host_header(
    web_settings: Settings, services: Services
) -> None:
    spoofed = {"Host": "attacker.example"}
    client = create_app(web_settings, services=services).test_client()
    spec = client.get("/openapi.json", headers=spoofed).get_json()
    assert spec["servers"] == [{"url": "http://127.0.0.1:8000"}]
    assert "attacker.example" not in client.get("/docs", headers=spoofed).get_data(as_text=True)
    public = web_settings.with_overrides(public_url="https://graph.example.org/")
    client = create_app(public, services=services).test_client()
    spec = client.get("/openapi.json", headers=spoofed).get_json()
    assert spec["servers"] == [{"url": "https://graph.example.org"}]


@pytest.mark.parametrize(
    ("host", "port", "url"),
    [
        ("0.0.0.0", 8000, "/"),
        ("::1", 8080, "http://[::1]:8080"),
        ("localhost", 80, "http://localhost:80"),
    ],
)
def test_server_url_of_listen_addresses(host: str, port: int, url: str) -> None:
    assert server_url(Settings(host=host, port=port)) == url


def test_a_short_api_token_is_refused_at_start_up(
    web_settings: Settings, services: Services
) -> None:
    with pytest.raises(ConfigError, match="at least 32") as info:
        create_app(web_settings.with_overrides(api_token="x" * 31), services=services)
    assert "secrets.token_urlsafe" in str(info.value.hint)
    assert create_app(web_settings.with_overrides(api_token="x" * 32), services=services)
