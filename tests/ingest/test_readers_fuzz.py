"""Hostile input through the readers and the passage splitter: a clear InputError or a valid
article whose passages keep the offset invariant; never another exception, never a hang."""

from __future__ import annotations

import re
from datetime import timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from forumgraph.errors import InputError
from forumgraph.ingest.readers import ReadLimits, article_from_bytes, article_from_text
from forumgraph.ingest.segment import split_passages
from forumgraph.models import Article

MEDIA_TYPES = st.sampled_from(["text/plain", "text/markdown", "text/html"])
LIMITS = ReadLimits()
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\r]")
# Bounded runs: a few hundred cases per property; no example database in the checkout. The
# deadlines only catch a hang: a case normally takes milliseconds (SMALL) or a second or two
# (LARGE), and a busy machine must not fail it. How the cost grows with the input is checked by
# the linear-growth tests of test_readers.py and test_segment.py.
SMALL = settings(max_examples=200, deadline=timedelta(seconds=10), database=None)
LARGE = settings(
    max_examples=15,
    deadline=timedelta(seconds=120),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HANGUL_SYLLABLES = st.integers(0xAC00, 0xD7A3).map(chr)
WORDS = st.sampled_from(["쿠버네티스", "포럼", "열렸다.", "KubeCon", "Helm", "e.g.", "Dr.", "2019"])
MARKUP = "<>/[]()!*_`#-|:=\"'&;.?\n \t가나aZ0"


def check_bytes(data: bytes, media_type: str, limits: ReadLimits = LIMITS) -> Article | None:
    """Read and split; an InputError is a valid outcome, anything else must be a sound article."""
    article: Article | None = None
    try:
        article = article_from_bytes("fuzz", data, media_type, limits)
    except InputError as exc:
        assert exc.message.startswith("fuzz")
        assert "\n" not in exc.message
        assert exc.hint
    if article is not None:
        check_article(article)
    return article


def check_article(article: Article) -> None:
    assert article.lang in {"ko", "en", "mixed"}
    assert article.title
    assert len(article.title) <= 120
    assert re.fullmatch("[0-9a-f]{64}", article.content_hash)
    assert not CONTROL.search(article.text)
    passages = split_passages(article)
    for index, passage in enumerate(passages):
        assert article.text[passage.start : passage.end] == passage.text
        assert passage.passage_id == f"fuzz#p{index}"
        assert passage.text.strip()
        assert passage.lang in {"ko", "en", "mixed"}
    if article.text.strip():
        assert passages


@SMALL
@given(st.binary(max_size=4096), MEDIA_TYPES)
def test_random_bytes(data: bytes, media_type: str) -> None:
    check_bytes(data, media_type)


@SMALL
@given(st.text(max_size=2000), st.integers(min_value=1, max_value=3), MEDIA_TYPES)
def test_truncated_utf8(text: str, cut: int, media_type: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    check_bytes(data[: max(0, len(data) - cut)], media_type)


@SMALL
@given(st.lists(st.one_of(HANGUL_SYLLABLES, st.sampled_from(" .\n가나다ABC12")), max_size=800))
def test_cp949_encoded_hangul(chars: list[str]) -> None:
    text = "".join(chars)
    data = text.encode("cp949")
    article = check_bytes(data, "text/plain")
    # Bytes that are also valid UTF-8 (possible for one or two syllables) are read as UTF-8.
    if text.strip() and not _is_utf8(data):
        assert article is not None
        assert article.text == text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@SMALL
@given(
    st.binary(max_size=512),
    st.sampled_from(
        [
            *("utf-8", "UTF-16", "euc-kr", "latin-1", "utf-7", "idna", "punycode"),
            *("unicode_escape", "base64", "rot13", "zlib", "no-such-codec", '"utf-8"', ""),
        ]
    ),
)
def test_declared_charsets(data: bytes, charset: str) -> None:
    check_bytes(data, f"text/plain; charset={charset}")


@SMALL
@given(st.text(alphabet=MARKUP, max_size=3000), MEDIA_TYPES)
def test_markup_soup(text: str, media_type: str) -> None:
    check_bytes(text.encode("utf-8"), media_type)


@SMALL
@given(
    st.lists(
        st.one_of(
            st.from_regex(r"[A-Za-z_]{1,12}: [^\n]{0,30}", fullmatch=True),
            st.sampled_from(["---", "...", "", "title: [x", "date: 2019-13-45", "a: &a [1]"]),
            st.text(max_size=40),
        ),
        max_size=12,
    ),
    MEDIA_TYPES,
)
def test_headers_and_front_matter(lines: list[str], media_type: str) -> None:
    check_bytes("\n".join(lines).encode("utf-8", errors="surrogatepass"), media_type)


@SMALL
@given(st.lists(WORDS, max_size=600), st.sampled_from([" ", "\n", "\n\n", ""]))
def test_prose_through_article_from_text(words: list[str], separator: str) -> None:
    text = separator.join(words)
    try:
        article = article_from_text("fuzz", text, None)
    except InputError:
        assert not text.strip()
        return
    check_article(article)


@LARGE
@given(
    st.text(min_size=1, max_size=16).filter(lambda s: "\n" not in s and "\r" not in s), MEDIA_TYPES
)
def test_one_megabyte_single_line(piece: str, media_type: str) -> None:
    data = (piece * (1_000_000 // len(piece) + 1)).encode("utf-8", errors="surrogatepass")
    check_bytes(data[:1_000_000], media_type)
    # Without the line limit the same text must still be read and split.
    check_bytes(data[:1_000_000], media_type, ReadLimits(max_line_chars=2_000_000))


@LARGE
@given(
    st.sampled_from(["div", "span", "b", "table", "ul", "p", "section", "a"]),
    st.integers(min_value=1, max_value=100_000),
    st.booleans(),
)
@example(tag="div", depth=100_000, closed=True)
def test_deeply_nested_html(tag: str, depth: int, closed: bool) -> None:
    html = f"<{tag}>" * depth + "깊은 텍스트 deep text" + (f"</{tag}>" * depth if closed else "")
    check_bytes(html.encode("utf-8"), "text/html")


@LARGE
@given(st.integers(min_value=0, max_value=2_048), st.integers(min_value=1, max_value=1_024))
def test_zero_byte_and_over_limit_data(size: int, limit: int) -> None:
    data = b"a " * (size // 2)
    article = check_bytes(data, "text/plain", ReadLimits(max_bytes=limit))
    if len(data) > limit or not data:
        assert article is None


@settings(LARGE, max_examples=8)  # the slowest property: a megabyte through markdown-it each time
@given(
    st.text(alphabet="[]()!*_`<>&\\#-|: a가", min_size=1, max_size=12),
    st.integers(min_value=1_000, max_value=50_000),
)
@example(piece="![", line_chars=50_000)
@example(piece="[abcdefgh ", line_chars=50_000)
def test_pathological_markdown_megabyte(piece: str, line_chars: int) -> None:
    line = (piece * (line_chars // len(piece) + 1))[:line_chars]
    text = "\n".join([line] * (1_000_000 // line_chars))
    check_bytes(text.encode("utf-8"), "text/markdown")
