"""People named by their given name alone, where prose says a person stands there."""

from __future__ import annotations

from extraction_support import extract_text, names_of

from forumgraph.models import EntityType


def test_people_named_by_their_given_name_alone_where_prose_says_a_person_stands_there():
    text = (
        "On the day, my colleague Ingrid sat in the front row. Ola, our team lead, watched the "
        "stream. I learned it from Kari, who ran the on-call rota. Fiona Gallagher edits the "
        "digest; thanks to my friend Fiona for the help. We met in Austin, who knew."
    )
    extraction = extract_text(text)
    people = names_of(extraction, EntityType.PERSON)
    assert {"Ingrid", "Ola", "Kari", "Fiona Gallagher"} <= people
    assert "Fiona" not in people and "Austin" not in people
