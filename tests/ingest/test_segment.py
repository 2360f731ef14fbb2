"""Paragraphs, sentences and passages: offsets into Article.text, sizes, overlap, headings."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from forumgraph.errors import ConfigError
from forumgraph.ingest.readers import ReadLimits, read_article
from forumgraph.ingest.segment import split_paragraphs, split_passages, split_sentences
from forumgraph.models import Article, Passage
from growth import assert_linear_growth

DATA = Path(__file__).resolve().parents[2] / "data" / "articles"
FOUNDING = DATA / "kubernetes-forum-seoul-2019.ko.txt"

KO_SENTENCE = "쿠버네티스 포럼이 서울에서 처음 열렸고 많은 개발자가 이틀 동안 참석했다."  # 40 chars
EN_SENTENCE = "The forum brought together many contributors from the Korean community."  # 10 words


def article(text: str, doc_id: str = "doc") -> Article:
    return Article(doc_id=doc_id, text=text, lang="ko", title=doc_id)


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


def assert_offsets(source: Article, passages: list[Passage]) -> None:
    for index, passage in enumerate(passages):
        assert source.text[passage.start : passage.end] == passage.text
        assert passage.passage_id == f"{source.doc_id}#p{index}"
        assert passage.index == index
        assert passage.doc_id == source.doc_id


def test_split_paragraphs_on_blank_lines_with_trimmed_offsets() -> None:
    text = "  첫 문단입니다.\n둘째 줄.\n\n \t\n두 번째 문단.  \n\n\n"
    spans = split_paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["첫 문단입니다.\n둘째 줄.", "두 번째 문단."]


def test_split_paragraphs_of_blank_text_is_empty() -> None:
    assert split_paragraphs("") == []
    assert split_paragraphs(" \n\n \t ") == []


def test_korean_sentences_end_after_da_and_yo() -> None:
    text = "행사가 열렸다. 참가자가 많았어요! 다음 행사는 언제일까요? 기대된다."
    assert sentences(text) == [
        "행사가 열렸다.",
        "참가자가 많았어요!",
        "다음 행사는 언제일까요?",
        "기대된다.",
    ]


def test_korean_sentence_before_a_lower_case_latin_word_ends() -> None:
    text = "어렵게 만드는 측면도 있다. gRPC는 HTTP/2로 구축되었다."
    assert sentences(text) == ["어렵게 만드는 측면도 있다.", "gRPC는 HTTP/2로 구축되었다."]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = '그는 "쿠버네티스가 캐즘을 넘어섰다." 라고 말했다. 청중이 박수를 쳤다.'
    assert sentences(text)[-1] == "청중이 박수를 쳤다."
    assert sentences(text)[0] == '그는 "쿠버네티스가 캐즘을 넘어섰다."'


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Cheryl Hung spoke about the ecosystem.",
        "Many projects, e.g. Helm and Prometheus, graduated.",
        "Kubernetes v1.37 was released in 2026.",
        "J. Smith gave the keynote.",
        "It costs approx. five dollars.",
        "The U.S. event was in San Diego.",
    ],
)
def test_english_abbreviations_and_numbers_do_not_end_sentences(text: str) -> None:
    assert sentences(text) == [text]


def test_english_sentences_split_at_terminal_punctuation() -> None:
    text = "Helm 3 is out! Did you try it? Tiller is gone... Upgrade now."
    assert sentences(text) == [
        "Helm 3 is out!",
        "Did you try it?",
        "Tiller is gone...",
        "Upgrade now.",
    ]


def test_list_lines_are_sentences_and_soft_wraps_are_not() -> None:
    text = (
        "The agenda:\n- keynotes\n- sponsor sessions\n1. Introduction to Helm\n"
        "This sentence is wrapped\nover two lines."
    )
    assert sentences(text) == [
        "The agenda:",
        "- keynotes",
        "- sponsor sessions",
        "1. Introduction to Helm",
        "This sentence is wrapped\nover two lines.",
    ]


def test_sentence_offsets_are_relative_to_the_whole_text() -> None:
    text = "Intro.\n\nFirst one. Second one."
    start = text.index("First")
    spans = split_sentences(text, start, len(text))
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]
    assert spans[0][0] == start


def test_passages_keep_the_offset_invariant_on_the_founding_article() -> None:
    source = read_article(FOUNDING, ReadLimits())
    passages = split_passages(source)
    assert len(passages) > 10
    assert_offsets(source, passages)
    assert {p.lang for p in passages} == {"ko"}


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.stem)
def test_passages_of_bundled_articles_cover_every_sentence(path: Path) -> None:
    source = read_article(path, ReadLimits())
    passages = split_passages(source)
    assert_offsets(source, passages)
    for para_start, para_end in split_paragraphs(source.text):
        for start, end in split_sentences(source.text, para_start, para_end):
            assert any(p.start <= start and end <= p.end for p in passages)


def test_korean_passages_are_about_the_target_size() -> None:
    text = "\n\n".join(" ".join([KO_SENTENCE] * 3) for _ in range(20))  # 2,400+ characters
    passages = split_passages(article(text), chars_ko=400, overlap=0.0)
    sizes = [len(p.text) for p in passages]
    assert all(300 <= size <= 420 for size in sizes[:-1]), sizes
    assert len(passages) == pytest.approx(len(text) / 400, abs=2)


def test_english_passages_are_about_the_target_word_count() -> None:
    text = " ".join([EN_SENTENCE] * 100)  # 1,000 words in one paragraph
    passages = split_passages(article(text), words_en=200, overlap=0.0)
    words = [len(p.text.split()) for p in passages]
    assert words == [200] * 5
    assert {p.lang for p in passages} == {"en"}


def test_passages_start_and_end_on_sentence_boundaries() -> None:
    text = " ".join([KO_SENTENCE, EN_SENTENCE] * 30)
    source = article(text)
    bounds = split_sentences(text, 0, len(text))
    starts, ends = {s for s, _ in bounds}, {e for _, e in bounds}
    for passage in split_passages(source, chars_ko=200, words_en=50):
        assert passage.start in starts
        assert passage.end in ends


def test_overlap_repeats_about_the_requested_share() -> None:
    text = " ".join([KO_SENTENCE] * 50)
    passages = split_passages(article(text), chars_ko=400, overlap=0.25)
    for previous, following in itertools.pairwise(passages):
        repeated = previous.end - following.start
        assert following.start > previous.start
        assert 0 < repeated <= 0.4 * len(previous.text)


def test_no_overlap_gives_contiguous_passages() -> None:
    text = " ".join([KO_SENTENCE] * 50)
    passages = split_passages(article(text), overlap=0.0)
    for previous, following in itertools.pairwise(passages):
        assert text[previous.end : following.start].strip() == ""


def test_long_sentence_is_cut_at_whitespace() -> None:
    text = " ".join(["word"] * 1000) + "."
    passages = split_passages(article(text), words_en=200, overlap=0.0)
    assert [len(p.text.split()) for p in passages] == [200] * 5
    assert all(not p.text[0].isspace() and not p.text[-1].isspace() for p in passages)


def test_text_without_whitespace_is_cut_into_bounded_pieces() -> None:
    text = "가" * 5000
    passages = split_passages(article(text), chars_ko=400, overlap=0.0)
    assert "".join(p.text for p in passages) == text
    assert max(len(p.text) for p in passages) <= 400


def test_short_heading_joins_the_following_paragraph() -> None:
    body = " ".join([KO_SENTENCE] * 9)  # 368 characters: one heading plus this overflows 400
    text = f"{body}\n\n행사 개요\n\n{body}"
    passages = split_passages(article(text), chars_ko=400, overlap=0.0)
    assert not any(p.text.endswith("행사 개요") for p in passages)
    assert any(p.text.startswith("행사 개요\n\n") for p in passages)


def test_passage_language_is_detected_per_passage() -> None:
    text = " ".join([KO_SENTENCE] * 12) + "\n\n" + " ".join([EN_SENTENCE] * 25)
    langs = [p.lang for p in split_passages(article(text), overlap=0.0)]
    assert langs[0] == "ko"
    assert langs[-1] == "en"


@pytest.mark.parametrize("text", ["", "   \n\n\t"])
def test_article_without_text_has_no_passages(text: str) -> None:
    assert split_passages(article(text)) == []


@pytest.mark.parametrize(
    "kwargs", [{"chars_ko": 0}, {"words_en": -1}, {"overlap": 1.0}, {"overlap": -0.1}]
)
def test_invalid_sizes_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ConfigError, match="Passage sizes"):
        split_passages(article("본문."), **kwargs)  # type: ignore[arg-type]


def pathological_text(size: int) -> str:
    """Runs of dots, many tiny sentences and blank-ish lines: `size` is the number of sentences."""
    return ("a" + "." * (2 * size) + " ") + ("ab. " * size) + ("\n" + " " * 1000) * (size // 500)


def test_pathological_text_is_split() -> None:
    text = pathological_text(100_000)
    assert_offsets(article(text), split_passages(article(text)))


def test_pathological_text_is_split_in_linear_time() -> None:
    def step_for_size(size: int) -> Callable[[], object]:
        text = article(pathological_text(size))
        return lambda: split_passages(text)

    assert_linear_growth(step_for_size, 10_000)
