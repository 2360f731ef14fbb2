"""Index tokens: Kiwi morphemes for Korean, stemmed words for English, normalised numbers."""

from __future__ import annotations

import pytest

from forumgraph.text.analyze import Analyzer, create_analyzer
from forumgraph.text.particles import fits_particle
from forumgraph.text.tokenize import english_tokens, normalise_number, tokenize_for_index


@pytest.fixture(scope="module")
def kiwi() -> Analyzer:
    return create_analyzer("kiwi")


def test_korean_particles_and_endings_are_dropped(kiwi: Analyzer) -> None:
    tokens = tokenize_for_index("쿠버네티스가 캐즘을 넘어섰다", "ko", kiwi)
    assert tokens == ["쿠버네티스", "캐즘", "넘어서"]


def test_korean_names_nouns_and_foreign_words_are_kept(kiwi: Analyzer) -> None:
    tokens = tokenize_for_index("셰릴 헝의 키노트에서 Kubernetes 보안을 다뤘다", "ko", kiwi)
    assert {"셰릴", "헝", "키노트", "kubernet", "보안"} <= set(tokens)
    assert "의" not in tokens and "에서" not in tokens


def test_latin_words_in_korean_text_match_english_tokens(kiwi: Analyzer) -> None:
    korean = tokenize_for_index("헬름은 Charts와 Releases를 관리한다", "ko", kiwi)
    english = tokenize_for_index("Helm manages charts and releases", "en", kiwi)
    assert {"chart", "releas"} <= set(korean) & set(english)


def test_numbers_with_and_without_separators_match(kiwi: Analyzer) -> None:
    korean = tokenize_for_index("총 1,100명을 대상으로 한 조사", "ko", kiwi)
    english = tokenize_for_index("a survey of 1100 people", "en", kiwi)
    assert "1100" in korean and "1100" in english
    assert normalise_number("35,000") == "35000"
    assert normalise_number("1.37") == "1.37"


@pytest.mark.parametrize(
    ("korean", "number"),
    [
        ("컨트리뷰터 3만 5천명", "35000"),
        ("3만5천 명", "35000"),
        ("1천100명이 응답했다", "1100"),
        ("1.5만 명", "15000"),
        ("1억 2천만 달러", "120000000"),
    ],
)
def test_korean_unit_numerals_match_digits(kiwi: Analyzer, korean: str, number: str) -> None:
    assert number in tokenize_for_index(korean, "ko", kiwi)
    assert number in tokenize_for_index(f"{int(number):,} people", "en", kiwi)


def test_dates_and_a_unit_without_a_number_are_left_alone(kiwi: Analyzer) -> None:
    assert tokenize_for_index("2019년 12월 9일", "ko", kiwi) == ["2019", "12", "9"]
    assert "천" in tokenize_for_index("천 명이 모였다", "ko", kiwi)


def test_english_words_are_lowercased_stemmed_and_stop_words_dropped() -> None:
    assert english_tokens("The Contributors were running the Summit") == [
        "contributor",
        "run",
        "summit",
    ]


def test_mixed_text_keeps_both_scripts(kiwi: Analyzer) -> None:
    tokens = tokenize_for_index("Helm 3 릴리스에서 Tiller가 제거되었다", "mixed", kiwi)
    assert {"helm", "3", "릴리스", "tiller", "제거"} <= set(tokens)


@pytest.mark.parametrize("text", ["", "   \n\t", "🙂🙂", "\x00\x07", "?!…"])
def test_text_without_words_gives_no_tokens(kiwi: Analyzer, text: str) -> None:
    assert tokenize_for_index(text, None, kiwi) == []


def test_other_scripts_give_tokens_without_crashing(kiwi: Analyzer) -> None:
    assert "привет" in tokenize_for_index("Привет мир", None, kiwi)
    assert "你好" in tokenize_for_index("你好 쿠버네티스", None, kiwi)


def test_a_particle_must_agree_with_the_syllable_before_it():
    assert fits_particle("헬름", "을") and fits_particle("도커", "를")
    assert not fits_particle("딜레", "이") and not fits_particle("헬름", "는")
    assert fits_particle("레일", "로") and fits_particle("도커", "로")
    assert fits_particle("팔코", "")
