"""Moves told in passing: a contracted pronoun, a possessive pronoun opening the move, and a
second place joined to the first."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType


def test_a_contracted_pronoun_running_a_team_at_a_company_the_recogniser_took_for_a_person():
    text = (
        "Ran into my old manager Beatriz Santos yesterday. She's running platform at Mercado "
        "Livre now and hiring."
    )
    extraction = extract_text(text)
    assert "Mercado Livre" not in names_of(extraction, EntityType.PERSON)
    assert ("Beatriz Santos", "Mercado Livre") in affiliations_of(extraction)


def test_a_possessive_pronoun_opening_a_former_employer_after_a_handle():
    text = (
        "- @mbenali asked how the controller counts pods. At his previous employer, Criteo, "
        "counting pods caused a deadlock.\n"
        "- Ann Lee thanked Quellmark. Her company, Brimstack, paid for the trip."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("@mbenali", "Criteo") in affiliations
    assert not any(person == "Ann Lee" for person, _ in affiliations)


def test_a_second_place_after_and_later():
    text = (
        "Kenji Morimoto, an independent consultant who previously worked at LINE and later at "
        "Mercari, said most teams are slow. Aiko Mori works at Sakura Labs and then goes home."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Kenji Morimoto", "LINE") in affiliations
    assert ("Kenji Morimoto", "Mercari") in affiliations
