"""Reading .txt, .md and .html articles: encodings, headers, markup, limits and document ids."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from forumgraph.config import Settings
from forumgraph.errors import InputError
from forumgraph.ingest.readers import (
    ReadLimits,
    article_from_bytes,
    article_from_text,
    iter_article_paths,
    read_article,
    validate_doc_id,
)
from forumgraph.models import Article
from growth import assert_linear_growth

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
LIMITS = ReadLimits()
KOREAN = "쿠버네티스 포럼이 서울에서 열렸다. 댄 컨(Dan Kohn)이 기조연설을 했다."


def from_bytes(data: bytes, media_type: str = "text/plain", **limits: int) -> Article:
    return article_from_bytes("doc", data, media_type, ReadLimits(**limits))


# --- the fixture files -------------------------------------------------------------------------


def test_cp949_korean_file_is_detected_and_its_header_read() -> None:
    path = FIXTURES / "ko_cp949.txt"
    article = read_article(path, LIMITS)
    assert article.doc_id == "ko_cp949"
    assert article.lang == "ko"
    assert article.title == "쿠버네티스 포럼 서울 2019 참관기"
    assert article.header["date"] == "2019-12-10"
    assert article.header["author"] == "테스트 작성자"
    assert article.text.startswith("쿠버네티스 포럼 서울 2019가 12월 9일과 10일")
    assert "\r" not in article.text
    assert "댄 컨(Dan Kohn)" in article.text
    assert article.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert article.media_type == "text/plain"
    assert article.source_path == str(path)


def test_markdown_with_bom_and_front_matter() -> None:
    article = read_article(FIXTURES / "bom_front_matter.md", LIMITS)
    assert article.media_type == "text/markdown"
    assert article.title == "Helm at the Kubernetes Forum"
    assert article.header == {
        "title": "Helm at the Kubernetes Forum",
        "date": "2019-12-09",
        "language": "en",
        "tags": "helm, kubecon",
    }
    assert article.lang == "en"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Helm 3 at the Forum"
    assert paragraphs[1] == (
        "Helm 3 was presented at the Kubernetes Forum Seoul. The talk covered the removal of "
        "Tiller and the new chart repository workflow."
    )
    assert "Introduction to Helm\nHelm 3 Deep Dive" in paragraphs
    assert "Day | Session\n1 | Keynotes\n2 | Sponsor sessions" in paragraphs
    assert "helm install my-release ./chart" in paragraphs
    for markup in ("**", "https://", "diagram", "![", "|---", "\ufeff", "---"):
        assert markup not in article.text


def test_html_with_meta_tags() -> None:
    article = read_article(FIXTURES / "meta_tags.html", LIMITS)
    assert article.media_type == "text/html"
    assert article.title == "KubeCon + CloudNativeCon 2019 & 쿠버네티스 포럼"
    assert article.header == {
        "date": "2019-11-22",
        "author": "박지은",
        "language": "ko-KR",
        "url": "https://example.org/kubecon-2019",
    }
    assert article.lang == "ko"
    assert article.url == "https://example.org/kubecon-2019"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "KubeCon 북미 2019 참가기"
    assert "헬름 3가 출시되었고 <Tiller>가 제거되었다.\n많은 세션이 보안을 다루었다." in paragraphs
    assert "기조연설\n메인테이너 트랙" in paragraphs
    for dropped in ("tracking", "color", "홈", "자바스크립트", "숨은 템플릿", "©"):
        assert dropped not in article.text


def test_headerless_text_is_kept_as_is() -> None:
    path = FIXTURES / "no_header.txt"
    article = read_article(path, LIMITS)
    assert article.header == {}
    assert article.text == path.read_text(encoding="utf-8")
    assert article.title == "The Kubernetes Forum Sydney followed the Seoul forum in December 2019."
    assert article.lang == "en"


def test_empty_file_is_refused_naming_the_file() -> None:
    with pytest.raises(InputError, match=r"empty\.txt: the file is empty") as info:
        read_article(FIXTURES / "empty.txt", LIMITS)
    assert info.value.hint


def test_binary_file_is_refused_naming_the_file() -> None:
    with pytest.raises(InputError, match=r"binary\.txt: this is binary data") as info:
        read_article(FIXTURES / "binary.txt", LIMITS)
    assert "\n" not in info.value.message


# --- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp949", "euc-kr"]
)
def test_encodings_are_detected(encoding: str) -> None:
    data = KOREAN.encode(encoding)
    if encoding in ("utf-16-be",):
        data = b"\xfe\xff" + data  # with its BOM: UTF-16 is read only with one
    article = from_bytes(data)
    assert article.text == KOREAN


def test_short_cp949_text_is_still_korean() -> None:
    assert from_bytes("포럼".encode("cp949")).text == "포럼"


def test_latin1_text_is_refused_with_a_conversion_hint() -> None:
    data = "Café résumé: the naïve façade of Zürich's jalapeño piñata.".encode("latin-1")
    with pytest.raises(InputError, match="neither UTF-8 nor Korean CP949") as info:
        from_bytes(data)
    assert "iconv" in (info.value.hint or "")


def test_utf8_cut_inside_its_last_character_keeps_the_rest() -> None:
    data = KOREAN.encode("utf-8")[:-1]
    assert from_bytes(data).text == KOREAN[:-1]


def test_utf8_broken_in_the_middle_is_refused() -> None:
    data = KOREAN.encode("utf-8")
    with pytest.raises(InputError, match="neither UTF-8 nor Korean"):
        from_bytes(data[:10] + data[11:])


def test_declared_charset_is_used() -> None:
    article = from_bytes(KOREAN.encode("euc-kr"), "text/plain; charset=EUC-KR")
    assert article.text == KOREAN


def test_wrong_declared_charset_is_refused() -> None:
    with pytest.raises(InputError, match="not valid utf-8"):
        from_bytes(KOREAN.encode("cp949"), "text/plain; charset=utf-8")


@pytest.mark.parametrize("charset", ["base64", "unicode_escape", "idna", "no-such-codec"])
def test_a_declared_charset_that_is_no_text_encoding_is_refused(charset: str) -> None:
    # unicode_escape would turn the backslashes of C:\new into a newline.
    with pytest.raises(InputError, match="unknown text encoding"):
        from_bytes(b"C:\\new \\x01", f"text/plain; charset={charset}")


def test_line_endings_are_normalised_and_controls_removed() -> None:
    data = "one\r\ntwo\rthree\u2028four\x85five\x07\x1b[0m\tsix\u2029seven".encode()
    assert from_bytes(data).text == "one\ntwo\nthree\nfour\nfive[0m\tsix\n\nseven"


def test_mostly_control_characters_is_binary() -> None:
    with pytest.raises(InputError, match="are control characters"):
        from_bytes(b"\x01\x02\x03\x04 text \x05\x06\x07\x08")


def test_whitespace_only_file_is_empty() -> None:
    with pytest.raises(InputError, match="empty"):
        from_bytes(b" \n\t\r\n ")


# --- limits ------------------------------------------------------------------------------------


def test_file_over_the_byte_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2_000)
    with pytest.raises(
        InputError, match=r"big\.txt: the file is 2,000 bytes, over the limit of 1,000"
    ):
        read_article(path, ReadLimits(max_bytes=1_000))


def test_overlong_line_is_refused() -> None:
    with pytest.raises(InputError, match="line 2 is 2,000 characters long"):
        from_bytes(b"first\n" + b"x" * 2_000, max_line_chars=1_000)


def test_limits_come_from_settings() -> None:
    assert ReadLimits.from_settings(Settings(max_file_bytes=1234)).max_bytes == 1234


def nested_html(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + "deep" + "</div>" * depth).encode()


def test_deeply_nested_html_is_refused() -> None:
    with pytest.raises(InputError, match="nested more than 512 elements deep"):
        from_bytes(nested_html(100_000), "text/html")


def test_deeply_nested_html_is_refused_in_linear_time() -> None:
    def refuse(data: bytes) -> None:
        with pytest.raises(InputError, match="nested more than 512 elements deep"):
            from_bytes(data, "text/html")

    def step_for_size(depth: int) -> Callable[[], object]:
        data = nested_html(depth)
        return lambda: refuse(data)

    assert_linear_growth(step_for_size, 50_000)


def test_moderately_nested_html_is_read() -> None:
    data = ("<div>" * 300 + "<p>deep text</p>" + "</div>" * 300).encode()
    assert from_bytes(data, "text/html").text == "deep text"


def test_html_with_too_many_elements_is_refused() -> None:
    with pytest.raises(InputError, match="more than 1,000 elements"):
        from_bytes(b"<p>x</p>" * 2_000, "text/html", max_html_elements=1_000)


# --- headers -----------------------------------------------------------------------------------


def test_header_keys_are_lower_cased_and_values_keep_colons() -> None:
    text = "Title: kustomize: 템플릿 없는 구성\nLanguage: Korean\nNote: a\nnote: b\n\n본문입니다."
    article = article_from_text("doc", text, None)
    assert article.header == {
        "title": "kustomize: 템플릿 없는 구성",
        "language": "Korean",
        "note": "a; b",
    }
    assert article.lang == "ko"
    assert article.text == "본문입니다."


@pytest.mark.parametrize(
    "text",
    [
        "Update: the venue moved to COEX.\n\nMore text.",  # no known header key
        "title: A\nthis line is not a header line\n\nBody.",
        "\ntitle: A\n\nBody.",  # not at the very top
        "title:A\n\nBody.",  # no space after the colon (a URL scheme looks like this)
    ],
)
def test_text_that_is_not_a_header_stays_text(text: str) -> None:
    article = article_from_text("doc", text, None)
    assert article.header == {}
    assert article.text == text


def test_header_only_file_has_empty_text_and_header_title() -> None:
    article = article_from_text("doc", "title: Only a header\ndate: 2019\n", None)
    assert article.text == ""
    assert article.title == "Only a header"


def test_declared_language_wins_over_detection_only_for_ko_and_en() -> None:
    english = "The forum was held in Seoul."
    assert article_from_text("a", f"language: ko-KR\n\n{english}", None).lang == "ko"
    assert article_from_text("b", f"language: ja\n\n{english}", None).lang == "en"


def test_malformed_front_matter_is_refused() -> None:
    with pytest.raises(InputError, match=r"front matter is malformed at line 2"):
        article_from_text("doc", "---\ntitle: [unclosed\n---\nBody.", None, "text/markdown")


def test_front_matter_with_an_impossible_date_is_refused() -> None:
    with pytest.raises(InputError, match="invalid value"):
        article_from_text("doc", "---\ndate: 2019-13-45\n---\nBody.", None, "text/markdown")


def test_front_matter_keeps_flat_values_only() -> None:
    text = "---\ntitle: T\nnested: {a: 1}\ndeep: [[1, 2]]\ndraft: false\n---\nBody."
    article = article_from_text("doc", text, None, "text/markdown")
    assert article.header == {"title": "T", "draft": "false"}


def test_thematic_break_is_not_front_matter() -> None:
    article = article_from_text("doc", "---\nJust a line.\n---\nBody.", None, "text/markdown")
    assert article.header == {}
    assert "Just a line." in article.text


def test_front_matter_is_only_read_in_markdown() -> None:
    text = "---\ntitle: T\n---\nBody."
    assert article_from_text("doc", text, None).text == text


# --- titles ------------------------------------------------------------------------------------


def test_title_falls_back_to_the_first_line_trimmed() -> None:
    words = " ".join(["Kubernetes"] * 30)
    article = article_from_text("doc", f"\n# {words}\n\nBody.", None)
    assert article.title.endswith("…")
    assert len(article.title) <= 120
    assert article.title.startswith("Kubernetes Kubernetes")


def test_markdown_title_is_the_first_h1() -> None:
    article = article_from_text("doc", "Intro.\n\n# The Title\n\n## Sub", None, "text/markdown")
    assert article.title == "The Title"


def test_title_falls_back_to_the_doc_id() -> None:
    assert article_from_text("my-doc", "title:\n\n", None).title == "my-doc"


# --- text from HTTP ----------------------------------------------------------------------------


def test_given_header_replaces_the_header_in_the_text() -> None:
    text = "title: In text\n\nBody text."
    article = article_from_text("doc", text, {"Title": "Given", "Date": 2019})  # type: ignore[dict-item]
    assert article.header == {"title": "Given", "date": "2019"}
    assert article.title == "Given"
    assert article.text == text


def test_content_hash_covers_text_and_given_header() -> None:
    first = article_from_text("doc", "Body text.", {"title": "One"})
    assert article_from_text("doc", "Body text.", {"title": "One"}).content_hash == (
        first.content_hash
    )
    assert article_from_text("doc", "Body text.", {"title": "Two"}).content_hash != (
        first.content_hash
    )
    assert article_from_text("doc", "Body text!", {"title": "One"}).content_hash != (
        first.content_hash
    )


def test_html_text_from_http() -> None:
    article = article_from_text(
        "doc", "<title>T</title><p>Hello <b>there</b>.</p>", None, "text/html"
    )
    assert (article.title, article.text, article.media_type) == ("T", "Hello there.", "text/html")


def test_lone_surrogates_in_text_are_removed() -> None:
    assert article_from_text("doc", "ok\ud800 text", None).text == "ok text"


@pytest.mark.parametrize("media_type", ["application/pdf", "", "text", "image/png; charset=utf-8"])
def test_unsupported_media_type_is_refused(media_type: str) -> None:
    with pytest.raises(InputError, match="unsupported media type"):
        from_bytes(b"text", media_type)


def test_media_type_aliases_are_accepted() -> None:
    assert from_bytes(b"# T", "text/x-markdown").media_type == "text/markdown"
    assert from_bytes(b"<p>x</p>", "application/xhtml+xml").media_type == "text/html"


# --- document ids and paths --------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc_id", ["kubernetes-forum-seoul-2019.ko", "쿠버네티스 포럼 2019", "en_helm3_released", "a.b"]
)
def test_valid_doc_ids(doc_id: str) -> None:
    assert validate_doc_id(doc_id) == doc_id


@pytest.mark.parametrize(
    ("doc_id", "reason"),
    [
        ("", "is empty"),
        ("   ", "is empty"),
        ("x" * 201, "201 characters long"),
        ("a/b", "path separator"),
        ("a\\b", "path separator"),
        ("..", "'..'"),
        ("a..b", "'..'"),
        (".hidden", "starts with a dot"),
        ("a#b", "'#'"),
        ("a\x00b", "control"),
        ("a\nb", "control"),
        (" padded", "whitespace"),
    ],
)
def test_unsafe_doc_ids_are_refused(doc_id: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason) as info:
        validate_doc_id(doc_id)
    assert "letters of any script" in (info.value.hint or "")


def test_unsafe_doc_id_is_refused_by_article_from_bytes() -> None:
    with pytest.raises(InputError, match="path separator"):
        article_from_bytes("../etc/passwd", b"text", "text/plain", LIMITS)


def test_iter_article_paths_walks_folders_sorted_and_skips_hidden(tmp_path: Path) -> None:
    names = ["b.txt", "a.md", "sub/c.html", "sub/d.htm", "e.markdown", "notes.tsv", "README"]
    for name in [*names, ".hidden.txt", ".git/f.txt", "sub/.cache/g.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = iter_article_paths([tmp_path, tmp_path / "b.txt", tmp_path / "notes.tsv"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.md",
        "b.txt",
        "e.markdown",
        "sub/c.html",
        "sub/d.htm",
    ]


def test_iter_article_paths_refuses_missing_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        iter_article_paths([tmp_path / "missing"])


def test_unsupported_suffix_is_refused_by_read_article(tmp_path: Path) -> None:
    path = tmp_path / "talks.tsv"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"unsupported file type '\.tsv'"):
        read_article(path, LIMITS)


def test_bundled_articles_all_read() -> None:
    data = Path(__file__).resolve().parents[2] / "data" / "articles"
    articles = [read_article(p, LIMITS) for p in iter_article_paths([data])]
    assert len(articles) >= 5
    for article in articles:
        assert article.lang == article.header["language"]
        assert article.title == article.header["title"]
        assert not article.text.startswith(("source:", "\n"))


def test_pathological_markdown_is_read_in_linear_time() -> None:
    def step_for_size(lines: int) -> Callable[[], object]:
        data = "\n".join(["![" * 500 + "[abcdefgh " * 100] * lines).encode()
        return lambda: from_bytes(data, "text/markdown")

    assert_linear_growth(step_for_size, 200)


def test_a_slide_deck_opening_with_a_rule_is_not_front_matter() -> None:
    text = "---\n**[1]**\n\n# Policy as code\n\nAnn Lee\n\n---\n\n**[2]**\n\nBody."
    article = article_from_text("doc", text, None, "text/markdown")
    assert article.header == {}
    assert "Policy as code" in article.text
