"""Settings: load order, coercion, errors, and the README's configuration table."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumgraph.config import ENV_PREFIX, Settings, load_settings, setting_help
from forumgraph.errors import ConfigError

README = Path(__file__).resolve().parent.parent / "README.md"


def test_defaults_then_file_then_environment_then_flags(tmp_path: Path) -> None:
    config = tmp_path / "forumgraph.toml"
    config.write_text('[forumgraph]\nport = 9001\nhost = "0.0.0.0"\nthreads = 3\n')
    environ = {"FORUMGRAPH_PORT": "9002", "FORUMGRAPH_THREADS": "5"}
    settings = load_settings(config, environ=environ, threads=7)
    assert settings.host == "0.0.0.0"  # from the file
    assert settings.port == 9002  # the environment beats the file
    assert settings.threads == 7  # a flag beats both
    assert settings.analyzer == Settings().analyzer  # untouched default


def test_config_file_may_be_named_in_the_environment(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("sparql_timeout_s = 2.5\n")
    settings = load_settings(environ={"FORUMGRAPH_CONFIG": str(config)})
    assert settings.sparql_timeout_s == 2.5


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"FORUMGRAPH_PROT": "1"}, "FORUMGRAPH_PROT"),
        ({"FORUMGRAPH_PORT": "eighty"}, "port"),
    ],
)
def test_bad_environment_values_name_the_variable(environ: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(environ=environ)


def test_bad_config_file_is_named(tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("port = \n")
    with pytest.raises(ConfigError, match=r"broken\.toml"):
        load_settings(config, environ={})
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "missing.toml", environ={})


def test_secrets_are_masked_in_descriptions() -> None:
    described = Settings().with_overrides(api_token="s3cret").describe()
    assert described["api_token"] == "***"
    assert "s3cret" not in str(described)


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    for name in setting_help():
        assert f"`{name}`" in readme, f"setting {name} is missing from README.md"
        assert f"`{ENV_PREFIX}{name.upper()}`" in readme
