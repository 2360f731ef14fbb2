"""Name completion (search/suggest.py): scripts, aliases, Korean typing, ranking and bounds."""

from __future__ import annotations

import unicodedata

import pytest

from forumgraph.models import Entity, EntityType, Name
from forumgraph.search.suggest import EXACT, INSIDE, MAX_CANDIDATES, PREFIX, WORD, Suggester
from forumgraph.text.hangul import typed_alternatives


def _entity(entity_id: str, kind: EntityType, *names: str, aliases: tuple[str, ...] = ()) -> Entity:
    def name(text: str) -> Name:
        return Name(text, "ko" if any("\uac00" <= c <= "\ud7a3" for c in text) else "en")

    return Entity(entity_id, kind, tuple(name(n) for n in names), tuple(name(a) for a in aliases))


ENTITIES = {
    e.id: e
    for e in (
        _entity("person/liz-rice", EntityType.PERSON, "Liz Rice", "리즈 라이스"),
        _entity("person/lizan-zhou", EntityType.PERSON, "Lizan Zhou"),
        _entity("person/eric-rice", EntityType.PERSON, "Eric Ricehouse"),
        _entity(
            "organization/linux-foundation",
            EntityType.ORGANIZATION,
            "Linux Foundation",
            "리눅스재단",
            aliases=("The Linux Foundation", "리눅스 파운데이션"),
        ),
        _entity(
            "organization/cncf",
            EntityType.ORGANIZATION,
            "Cloud Native Computing Foundation",
            aliases=("CNCF",),
        ),
        _entity("project/helm", EntityType.PROJECT, "Helm", "헬름"),
        _entity("talk/helm-deep-dive", EntityType.TALK, "Helm Deep Dive"),
        _entity("topic/helm-3", EntityType.TOPIC, "Helm 3", "헬름 3"),
        _entity(
            "event/forum-seoul", EntityType.EVENT, "Kubernetes Forum Seoul", "쿠버네티스 포럼 서울"
        ),
    )
}


@pytest.fixture(scope="module")
def suggester() -> Suggester:
    # The talk is talked about more than the topic; Liz Rice more than Lizan Zhou.
    weights = {
        "project/helm": 20,
        "topic/helm-3": 5,
        "talk/helm-deep-dive": 9,
        "person/liz-rice": 4,
    }
    return Suggester(ENTITIES, weights)


def _ids(suggester: Suggester, query: str, **options: object) -> list[str]:
    return [s.entity.id for s in suggester.suggest(query, **options)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("liz", "person/liz-rice"),
        ("LIZ R", "person/liz-rice"),
        ("리즈", "person/liz-rice"),
        ("리즈 라", "person/liz-rice"),
        ("헬", "project/helm"),
        ("cncf", "organization/cncf"),
        ("리눅스 파운", "organization/linux-foundation"),
        ("the linux", "organization/linux-foundation"),
    ],
)
def test_names_in_either_script_and_aliases_complete(
    suggester: Suggester, typed: str, expected: str
) -> None:
    assert _ids(suggester, typed)[0] == expected


def test_the_name_that_matched_is_reported_in_its_script(suggester: Suggester) -> None:
    found = suggester.suggest("리즈")[0]
    assert (found.name.text, found.name.lang, found.match) == ("리즈 라이스", "ko", PREFIX)
    alias = suggester.suggest("CNC")[0]
    assert alias.name.text == "CNCF"


def test_a_syllable_still_being_typed_matches_the_word_it_becomes(suggester: Suggester) -> None:
    # A Korean input method shows 맂 (리 with a final ㅈ) on the way to 리즈.
    composing = unicodedata.normalize("NFC", "\u1105\u1175\u11bd")
    assert composing == "맂"
    assert len(typed_alternatives(composing)) == 2
    assert _ids(suggester, composing)[0] == "person/liz-rice"
    # A lone consonant is the start of every syllable it begins.
    assert "person/liz-rice" in _ids(suggester, "ㄹ")


def test_exact_then_prefix_then_word_then_inside(suggester: Suggester) -> None:
    matches = {s.entity.id: s.match for s in suggester.suggest("helm", limit=20)}
    assert matches["project/helm"] == EXACT
    assert matches["topic/helm-3"] == PREFIX
    assert _ids(suggester, "helm", limit=20)[0] == "project/helm"
    rice = suggester.suggest("rice", limit=20)
    # A later word starts with it; the one talked about more comes first.
    assert [(s.entity.id, s.match) for s in rice] == [
        ("person/liz-rice", WORD),
        ("person/eric-rice", WORD),
    ]
    # Korean compounds: 재단 is inside 리눅스재단.
    inside = suggester.suggest("재단")
    assert [(s.entity.id, s.match) for s in inside] == [("organization/linux-foundation", INSIDE)]


def test_ties_go_to_what_is_talked_about_and_talks_come_last(suggester: Suggester) -> None:
    ranked = _ids(suggester, "liz")
    assert ranked.index("person/liz-rice") < ranked.index("person/lizan-zhou")
    prefixed = [s.entity.id for s in suggester.suggest("helm", limit=20) if s.match == PREFIX]
    # The talk is talked about more, but talk titles are long: the topic comes first.
    assert prefixed == ["topic/helm-3", "talk/helm-deep-dive"]


def test_type_filter_limit_and_nothing_to_complete(suggester: Suggester) -> None:
    assert _ids(suggester, "helm", entity_type=EntityType.TALK) == ["talk/helm-deep-dive"]
    assert len(_ids(suggester, "l", limit=2)) == 2
    assert suggester.suggest("   ") == []
    assert suggester.suggest("?!") == []
    assert suggester.suggest("zzzz") == []
    assert len(suggester) == sum(len(e.names) + len(e.alternate_names) for e in ENTITIES.values())


def test_one_letter_is_bounded_but_still_ranked() -> None:
    many = {
        f"person/p{i}": _entity(f"person/p{i}", EntityType.PERSON, f"Kim Number{i}")
        for i in range(3 * MAX_CANDIDATES)
    }
    # Sorted by name, Kyle comes after every Kim; by how much it is talked about, first.
    popular = _entity("person/kyle", EntityType.PERSON, "Kyle Zed")
    exact = _entity("project/k", EntityType.PROJECT, "K")
    big = Suggester({**many, popular.id: popular, exact.id: exact}, {popular.id: 50})
    assert _ids(big, "k")[:2] == ["project/k", "person/kyle"]
    assert len(_ids(big, "k", limit=20)) == 20
    assert _ids(big, "ky") == ["person/kyle"]
    assert _ids(big, "k", entity_type=EntityType.PERSON)[0] == "person/kyle"
