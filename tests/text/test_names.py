import pytest

from forumgraph.text.names import hangul_latin_pairs, romanize, transliteration_similarity


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("댄 컨", "Dan Kohn"),
        ("셰릴 헝", "Cheryl Hung"),
        ("리즈 라이스", "Liz Rice"),
        ("브랜든 럼", "Brandon Lum"),
        ("리카르도 아라비나", "Ricardo Aravena"),
        ("이안 루이스", "Ian Lewis"),
        ("아쿠아 시큐리티", "Aqua Security"),
        ("마이크로소프트", "Microsoft"),
    ],
)
def test_transliteration_similarity_matches_hangul_spellings_of_latin_names(hangul, latin):
    assert transliteration_similarity(hangul, latin) >= 0.9


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("관찰", "Observe"),
        ("의사결정", "Decide"),
        ("댄 컨", "Liz Rice"),
        ("셰릴 헝", "Brandon Lum"),
    ],
)
def test_transliteration_similarity_rejects_glosses_and_other_names(hangul, latin):
    assert transliteration_similarity(hangul, latin) < 0.6


def test_romanize_follows_revised_romanization():
    assert romanize("서울") == "seoul"
    assert romanize("셰릴 헝") == "syeril heong"


def test_pairs_trim_the_hangul_side_to_the_name_and_skip_glosses():
    text = "CNCF 상임이사인 댄 컨(Dan Kohn), 관찰(Observe), 화해(reconciliation) 루프"
    pairs = hangul_latin_pairs(text)
    assert [(p.hangul, p.latin) for p in pairs] == [("댄 컨", "Dan Kohn")]
    assert text[pairs[0].hangul_start : pairs[0].end] == "댄 컨(Dan Kohn)"


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("리카르도 아라비나", "Ricardo Aravena"),
        ("브렌던 럼", "Brandon Lum"),
        ("관찰", "Observe"),
        ("참석 인원", "James Condon"),
        ("셰릴 헝", "Cheryl Hung"),
        ("쿠버네티스", "Kubernetes"),
    ],
)
def test_a_floor_only_cuts_scores_below_it(hangul: str, latin: str) -> None:
    exact = transliteration_similarity(hangul, latin)
    for floor in (0.3, 0.6, 0.8, 0.9, 0.99):
        cut = transliteration_similarity(hangul, latin, floor)
        assert cut == exact or (cut == 0.0 and exact < floor)
