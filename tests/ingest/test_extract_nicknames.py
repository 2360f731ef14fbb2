"""A nickname in quotes inside a name (`Rosalind "Roz" Achterberg`) is that person's, and the
nickname alone later on is her; groups and teams one joins or works on at an organisation."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType

_FAREWELL = (
    'After seven years, Rosalind "Roz" Achterberg (@rozach) is stepping back from Weir. '
    "Weir began as a prototype Roz wrote while on the edge team at Shopify. Roz is joining the "
    "research computing group at the Wellcome Sanger Institute."
)


def test_a_nickname_in_quotes_inside_a_name_is_the_person_s():
    extraction = extract_text(_FAREWELL)
    assert "Rosalind Achterberg" in names_of(extraction, EntityType.PERSON)
    assert {
        ("Rosalind Achterberg", "Shopify"),
        ("Rosalind Achterberg", "Wellcome Sanger Institute"),
    } <= affiliations_of(extraction)


def test_quoted_words_between_capitalised_words_are_no_person():
    text = 'The "Best" Award went to the Kubernetes docs team this year.'
    assert not names_of(extract_text(text), EntityType.PERSON)


def test_speaking_about_a_team_at_an_organisation_is_no_move():
    text = "Jane Doe spoke about the platform team at Spotify."
    assert ("Jane Doe", "Spotify") not in affiliations_of(extract_text(text))


def test_a_hangul_name_surname_first_beside_its_latin_given_name_first():
    text = "발표는 다나카 유이치(Yuichi Tanaka) 씨가 맡았다. 다나카 씨는 라쿠텐에서 일한다."
    extraction = extract_text(text)
    assert "Yuichi Tanaka" in names_of(extraction, EntityType.PERSON)
    assert not {"다나카", "Yuichi Tanaka"} & names_of(extraction, EntityType.ORGANIZATION)


def test_a_particle_before_a_one_word_hangul_name_pairs_with_nothing():
    text = "니르마타(Nirmata)의 자오수팅(Shuting Zhao)이 카이버노를 소개했다."
    people = names_of(extract_text(text), EntityType.PERSON)
    assert not any(name.startswith("의 ") for name in people)
