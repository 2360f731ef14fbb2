"""IRI minting and its inverse functions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forumgraph.errors import InputError
from forumgraph.graph.terms import (
    ENTITY_CLASSES,
    FG,
    PREDICATES,
    SDO,
    doc_id_of,
    document_iri,
    entity_id_of,
    entity_iri,
    entity_type_of,
    local_node_iri,
    name_language,
    passage_id_of,
    passage_iri,
    passage_iri_for_id,
)
from forumgraph.models import EntityType

BASE = "https://forumgraph.org/"


def test_entity_iri_follows_the_id_pattern() -> None:
    assert entity_iri("person/dan-kohn", BASE).value == "https://forumgraph.org/id/person/dan-kohn"


@pytest.mark.parametrize(
    "entity_id",
    ["person/dan-kohn", "talk/kubecon-na-2019/opening-remarks", "person/홍길동", "topic/c++&go?#%"],
)
def test_entity_iri_round_trips(entity_id: str) -> None:
    iri = entity_iri(entity_id, BASE)
    assert entity_id_of(iri.value, BASE) == entity_id


@pytest.mark.parametrize(
    "bad", ["", "dan-kohn", "person/", "person/a b", "/person/x", "person/../x"]
)
def test_entity_iri_refuses_malformed_ids(bad: str) -> None:
    with pytest.raises(InputError, match="type/slug"):
        entity_iri(bad, BASE)


@given(st.text(min_size=1).filter(lambda s: s.strip() == s and s))
def test_document_iri_round_trips_any_doc_id(doc_id: str) -> None:
    iri = document_iri(doc_id, BASE)
    assert iri.value.startswith(f"{BASE}doc/")
    assert "#" not in iri.value
    assert doc_id_of(iri.value, BASE) == doc_id


def test_passage_iri_is_the_article_iri_with_a_fragment() -> None:
    iri = passage_iri("kubernetes-forum-seoul-2019.ko", 3, BASE)
    assert iri.value == "https://forumgraph.org/doc/kubernetes-forum-seoul-2019.ko#p3"
    assert passage_iri_for_id("kubernetes-forum-seoul-2019.ko#p3", BASE) == iri
    assert passage_id_of(iri.value, BASE) == "kubernetes-forum-seoul-2019.ko#p3"


def test_inverse_functions_reject_foreign_iris() -> None:
    assert entity_id_of("https://example.org/id/person/x", BASE) is None
    assert doc_id_of(f"{BASE}id/person/x", BASE) is None
    assert doc_id_of(f"{BASE}doc/a#p1", BASE) is None
    assert passage_id_of(f"{BASE}doc/a#fact-0123", BASE) is None
    assert entity_id_of(f"{BASE}doc/a", BASE) is None


def test_base_iri_is_respected() -> None:
    base = "http://localhost:8000/kg/"
    assert entity_iri("place/seoul", base).value == "http://localhost:8000/kg/id/place/seoul"
    assert doc_id_of(document_iri("x", base).value, base) == "x"


def test_local_node_iri_is_stable_and_content_addressed() -> None:
    first = local_node_iri("doc", "fact", "a", "b", base_iri=BASE)
    assert first == local_node_iri("doc", "fact", "a", "b", base_iri=BASE)
    assert first != local_node_iri("doc", "fact", "a", "c", base_iri=BASE)
    assert first.value.startswith(f"{BASE}doc/doc#fact-")


def test_predicates_cover_the_extraction_vocabulary() -> None:
    assert PREDICATES["affiliation"] == SDO.affiliation
    assert PREDICATES["performerOrg"] == FG.performerOrganization
    assert PREDICATES["country"] == SDO.addressCountry
    assert set(ENTITY_CLASSES) == set(EntityType)
    assert ENTITY_CLASSES[EntityType.TALK] == (SDO.Event, FG.Talk)


def test_entity_type_of_reads_the_id_prefix() -> None:
    assert entity_type_of("person/dan-kohn") is EntityType.PERSON
    assert entity_type_of("figure/x") is None


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [("댄 컨", None, "ko"), ("Dan Kohn", None, "en"), ("삼성SDS", None, "ko"), ("Dan", "ko", "ko")],
)
def test_name_language_follows_the_script(text: str, declared: str | None, expected: str) -> None:
    assert name_language(text, declared) == expected
