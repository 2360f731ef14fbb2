"""Numbers from requests: ASCII digits only, in range, with errors that name the field."""

from __future__ import annotations

import pytest

from forumgraph.errors import InputError
from forumgraph.serving.validate import check_int, parse_int


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
