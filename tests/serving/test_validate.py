"""Numbers from requests: ASCII digits only, in range, with errors that name the field."""

from __future__ import annotations

import pytest

from forumgraph.errors import InputError
from forumgraph.models import EntityType
from forumgraph.serving.validate import (
    DEFAULT_SUGGEST_LIMIT,
    MAX_SUGGEST_CHARS,
    MAX_SUGGEST_LIMIT,
    check_int,
    parse_int,
    suggest_request,
)


@pytest.mark.parametrize(
    ("text", "number"), [("2019", 2019), (" 7 ", 7), ("+3", 3), ("-2", -2), ("007", 7)]
)
def test_parse_int_reads_ascii_digits(text: str, number: int) -> None:
    assert parse_int(text, "k", -10, 3000) == number


@pytest.mark.parametrize(
    "text",
    [
        "²",
        "²²²²",
        "٣",
        "१२",
        "１２",
        "1_000",
        "1e3",
        "1.0",
        "",
        " ",
        "0x10",
        "9" * 19,
        "--1",
        "1 2",
    ],
)
def test_parse_int_refuses_what_is_not_plain_digits(text: str) -> None:
    with pytest.raises(InputError, match="'year' must be an integer") as info:
        parse_int(text, "year", 1000, 9999)
    assert info.value.status == 400
    assert "1000 to 9999" in str(info.value.hint)


def test_parse_int_checks_the_range() -> None:
    with pytest.raises(InputError, match="'k' must be between 1 and 100, not 101"):
        parse_int("101", "k", 1, 100)


@pytest.mark.parametrize("value", [True, "3", 3.0, None, [3]])
def test_check_int_wants_a_real_integer(value: object) -> None:
    with pytest.raises(InputError, match="'k' must be an integer"):
        check_int(value, "k", 1, 20)


def test_check_int_checks_the_range() -> None:
    assert check_int(20, "k", 1, 20) == 20
    with pytest.raises(InputError, match="between 1 and 20, not 21"):
        check_int(21, "k", 1, 20)


def test_suggest_request_takes_a_prefix_a_limit_and_a_type() -> None:
    checked = suggest_request("  리즈 ", "3", "person")
    assert (checked.prefix, checked.limit, checked.entity_type) == ("리즈", 3, EntityType.PERSON)
    assert suggest_request("helm").limit == DEFAULT_SUGGEST_LIMIT
    assert suggest_request("helm", 5, typed=True).limit == 5


@pytest.mark.parametrize(
    ("prefix", "limit", "kind", "message"),
    [
        (None, None, None, "'q' is missing or empty"),
        ("   ", None, None, "'q' is missing or empty"),
        ("x" * (MAX_SUGGEST_CHARS + 1), None, None, f"at most {MAX_SUGGEST_CHARS}"),
        ("helm", "0", None, "'limit' must be between 1"),
        ("helm", str(MAX_SUGGEST_LIMIT + 1), None, "'limit' must be between 1"),
        ("helm", "²", None, "'limit' must be an integer"),
        ("helm", None, "people", "'type' must be an entity type"),
    ],
)
def test_suggest_request_names_the_field_at_fault(
    prefix: object, limit: object, kind: object, message: str
) -> None:
    with pytest.raises(InputError, match=message) as info:
        suggest_request(prefix, limit, kind)
    assert info.value.status == 400 and info.value.hint


def test_search_filters_read_every_filter_by_its_request_name() -> None:
    from forumgraph.search.filters import SearchFilters
    from forumgraph.serving.validate import search_filters

    fields = {
        "lang": "ko",
        "event": " KubeCon Barcelona ",
        "year": "2019",
        "type": "person",
        "result": "TALK",
        "speaker": "셰릴 헝",
        "organization": "organization/cncf",
        "topic": "",
        "q": "ignored here",
    }
    assert search_filters(fields) == SearchFilters(
        lang="ko",
        event="KubeCon Barcelona",
        year=2019,
        entity_type="person",
        result_type="talk",
        speaker="셰릴 헝",
        organization="organization/cncf",
    )
    assert not search_filters({}).active()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"result": "video"}, "'result' must be a result type"),
        ({"speaker": "x" * 301}, "'speaker' is 301 characters long"),
        ({"topic": 3}, "'topic' must be text"),
        ({"year": "2019"}, "'year' must be an integer"),  # typed: a string is refused
    ],
)
def test_search_filters_refuse_bad_fields(fields: dict[str, object], message: str) -> None:
    from forumgraph.serving.validate import search_filters

    with pytest.raises(InputError, match=message) as info:
        search_filters(fields, typed=True)
    assert info.value.hint or "must be text" in info.value.message


def test_talks_request_takes_only_its_filters_and_a_limit() -> None:
    from forumgraph.serving.validate import MAX_TALK_LIMIT, talks_request

    checked = talks_request({"speaker": "Liz Rice", "lang": "ko", "result": "passage"})
    assert checked.filters.speaker == "Liz Rice"
    assert checked.filters.lang is None and checked.filters.result_type is None
    assert talks_request({"limit": str(MAX_TALK_LIMIT)}).limit == MAX_TALK_LIMIT
    with pytest.raises(InputError, match="'limit' must be between"):
        talks_request({"limit": str(MAX_TALK_LIMIT + 1)})
