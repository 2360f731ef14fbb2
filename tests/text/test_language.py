"""Language detection from scripts: ko, en, mixed; declared languages normalised."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumgraph.text.language import detect_language, normalize_language, script_of

DATA = Path(__file__).resolve().parents[2] / "data" / "articles"


@pytest.mark.parametrize(
    ("word", "script"),
    [
        ("쿠버네티스", "ko"),
        ("CNCF의", "ko"),  # a particle on a Latin name makes the word Korean
        ("ㅋㅋ", "ko"),  # compatibility jamo
        ("Kubernetes", "en"),
        ("café", "en"),
        ("Ｋｕｂｅ", "en"),  # full-width Latin
        ("2019", "other"),
        ("—", "other"),
        ("ハル", "other"),
        ("", "other"),
    ],
)
def test_script_of_words(word: str, script: str) -> None:
    assert script_of(word) == script


def test_detect_korean_prose() -> None:
    text = "쿠버네티스 포럼이 지난 2019년 12월 서울에서 열렸다. 많은 개발자가 참석했다."
    assert detect_language(text) == "ko"


def test_detect_english_prose() -> None:
    assert detect_language("The Kubernetes Forum was held in Seoul in December 2019.") == "en"


def test_korean_quoting_english_names_stays_korean() -> None:
    text = (
        "CNCF 상임이사인 댄 컨(Dan Kohn), 에코시스템을 담당하는 셰릴 헝(Cheryl Hung), 그리고 "
        "아쿠아 시큐리티(Aqua Security)의 리즈 라이스(Liz Rice)가 서울과 시드니에서 모두 "
        "오프닝 키노트를 진행했다."
    )
    assert detect_language(text) == "ko"


def test_half_korean_half_english_is_mixed() -> None:
    text = "Helm 3 was released today. 헬름 3가 오늘 출시되었습니다."
    assert detect_language(text) == "mixed"


def test_minority_script_under_threshold_is_not_mixed() -> None:
    # 3 Latin words of 11: 27%, under the 30% share that makes text mixed.
    text = "Helm Tiller Kubernetes 헬름 3에서 틸러가 제거되고 보안이 정말 크게 좋아졌다"
    assert detect_language(text) == "ko"


@pytest.mark.parametrize("text", ["", "   \n", "2019-12-10 12:00", "— … !!", "ハルの日"])
def test_text_without_hangul_or_latin_is_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.stem)
def test_detection_agrees_with_the_declared_language_of_bundled_articles(path: Path) -> None:
    header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    declared = next(
        line.split(":", 1)[1].strip()
        for line in header.splitlines()
        if line.startswith("language:")
    )
    assert detect_language(body) == declared


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ko", "ko"),
        ("ko-KR", "ko"),
        ("ko_KR", "ko"),
        ("Korean", "ko"),
        ("한국어", "ko"),
        ("EN-us", "en"),
        ("english", "en"),
        ("ja", None),
        ("ko, en", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_declared_language(value: str | None, expected: str | None) -> None:
    assert normalize_language(value) == expected
