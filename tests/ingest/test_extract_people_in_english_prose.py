"""People and their organisations in English prose: a role between an organisation and a
person, a handle in brackets, a role before where it is held, names joined to a person, roles
written before names, and lists the recogniser reads as one name."""

from __future__ import annotations

from extraction_support import context

from forumgraph.ingest.extract import extract
from forumgraph.ingest.segment import split_passages
from forumgraph.models import Article, EntityType, Extraction
from forumgraph.text.language import detect_language


def _extract(text: str) -> Extraction:
    article = Article("doc", text, detect_language(text), "", {})
    return extract(article, split_passages(article), context())


def _names(extraction: Extraction, type_: EntityType) -> set[str]:
    return {n.text for r in extraction.entities if r.type == type_ for n in r.names}


def _affiliations(extraction: Extraction) -> set[tuple[str, str]]:
    names = {r.key: r.names[0].text for r in extraction.entities}
    return {
        (names.get(f.subject, f.subject), names.get(f.value, f.value))
        for f in extraction.facts
        if f.predicate == "affiliation"
    }


def test_a_role_between_an_organisation_and_a_person():
    text = "Google engineer Wendell Brightwater showed the demo, and IBM Fellow Orla Quince spoke."
    affiliations = _affiliations(_extract(text))
    assert ("Wendell Brightwater", "Google") in affiliations
    assert ("Orla Quince", "IBM") in affiliations


def test_no_affiliation_when_the_words_between_are_no_role():
    text = "At Google yesterday Wendell Brightwater (Acme Labs) showed the demo."
    assert ("Wendell Brightwater", "Google") not in _affiliations(_extract(text))


def test_a_name_with_a_handle_and_a_role_at_an_unknown_organisation():
    text = (
        "Guests:\n- Idris Okonkwo (@idriso), SRE lead at Fernhill Analytics, who runs the "
        "platform team\n- Petra Lund, developer advocate at Stonecrop Data"
    )
    extraction = _extract(text)
    assert {"Idris Okonkwo", "Petra Lund"} <= _names(extraction, EntityType.PERSON)
    affiliations = _affiliations(extraction)
    assert ("Idris Okonkwo", "Fernhill Analytics") in affiliations
    assert ("Petra Lund", "Stonecrop Data") in affiliations


def test_roles_before_names_are_not_part_of_them():
    text = "Co-chairs Bryan Liles of VMware and Janet Kuo of Google opened the keynotes."
    extraction = _extract(text)
    people = _names(extraction, EntityType.PERSON)
    assert {"Bryan Liles", "Janet Kuo"} <= people
    assert not any(p.startswith("Co-chairs") for p in people)


def test_a_list_read_as_one_name_is_no_organisation():
    text = "The specification lets tools work across Istio, Linkerd and Consul without changes."
    orgs = _names(_extract(text), EntityType.ORGANIZATION)
    assert not any("," in o or o.endswith(" and") for o in orgs)


def test_a_first_name_of_a_person_is_that_person_not_an_organisation():
    text = (
        "Our guest is Daniel Hoffmann, developer advocate at Stonecrop Data. Later Ines and "
        "Daniel compare notes on the booth experience."
    )
    extraction = _extract(text)
    assert "Daniel" not in _names(extraction, EntityType.ORGANIZATION)
