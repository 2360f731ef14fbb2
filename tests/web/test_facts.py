"""Graph facts for cards and `ask` (search/facts.py, search/ask.py) on the bundled corpus."""

from __future__ import annotations

from typing import Any

import pytest

from forumgraph.models import EntityType
from forumgraph.search.ask import question_focus
from forumgraph.search.facts import EntityFacts, FactValue


def _facts(services: Any, entity_id: str) -> EntityFacts:
    facts: EntityFacts = services.current().facts.facts(entity_id)
    return facts


def _texts(values: list[FactValue]) -> set[str]:
    return {v.text for v in values}


def _cited_text(services: Any, value: FactValue) -> list[str]:
    """The article text at each citation's offsets, read back from the stored passages."""
    snapshot = services.current().snapshot
    out = []
    for citation in value.citations:
        assert citation.passage_id is not None
        passage = snapshot.passages[citation.passage_id].passage
        assert (passage.start, passage.end) == (citation.start, citation.end)
        out.append(passage.text)
    return out


def test_person_card_has_both_scripts_affiliation_talks_and_events(services: Any) -> None:
    liz = _facts(services, "person/liz-rice")
    assert {(n.text, n.lang) for n in liz.entity.names} == {
        ("Liz Rice", "en"),
        ("리즈 라이스", "ko"),
    }
    aqua = next(v for v in liz.values("affiliation") if v.text == "Aqua Security")
    assert aqua.entity_id == "organization/aqua-security"
    texts = _cited_text(services, aqua)
    assert any("Aqua Security" in t or "아쿠아 시큐리티" in t for t in texts)
    assert "Keynote by Liz Rice" in _texts(liz.values("talks"))
    assert "Kubernetes Forum Seoul 2019" in _texts(liz.values("events"))
    fields = [name for name, _values in liz.fields()]
    assert fields.index("affiliation") < fields.index("talks") < fields.index("events")


def test_event_card_has_dates_city_series_speakers_and_talks(services: Any) -> None:
    seoul = _facts(services, "event/kubernetes-forum-seoul-2019")
    assert _texts(seoul.values("startDate")) == {"2019-12-09"}
    assert _texts(seoul.values("endDate")) == {"2019-12-10"}
    assert seoul.values("startDate")[0].datatype == "http://www.w3.org/2001/XMLSchema#date"
    assert _texts(seoul.values("location")) & {"Seoul", "서울"}
    assert seoul.values("superEvent")[0].entity_type == "series"
    speakers = _texts(seoul.values("speakers"))
    assert {"Liz Rice", "Dan Kohn", "Cheryl Hung"} <= speakers
    assert "Keynote by Dan Kohn" in _texts(seoul.values("talks"))


def test_organisation_lists_its_people(services: Any) -> None:
    aqua = _facts(services, "organization/aqua-security")
    assert "Liz Rice" in _texts(aqua.values("people"))


def test_project_has_its_cncf_maturity(services: Any) -> None:
    helm = services.current().facts.find("Helm", EntityType.PROJECT, 5)
    assert helm, "Helm is a project in the gazetteer"
    maturity = _facts(services, helm[0].id).values("maturity")
    assert _texts(maturity) & {"graduated", "incubating", "sandbox"}


def test_series_lists_its_editions(services: Any) -> None:
    series = services.current().facts.find("Kubernetes Forum", EntityType.SERIES, 1)[0]
    editions = _texts(_facts(services, series.id).values("editions"))
    assert {"Kubernetes Forum Seoul 2019", "Kubernetes Forum Sydney 2019"} <= editions


def test_every_fact_is_cited(services: Any) -> None:
    for entity_id in ("person/liz-rice", "event/kubernetes-forum-seoul-2019"):
        for value in _facts(services, entity_id).facts:
            assert value.citations, (entity_id, value)


def test_find_ranks_exact_names_first_in_either_script(services: Any) -> None:
    finder = services.current().facts
    assert finder.find("리즈 라이스")[0].id == "person/liz-rice"
    assert finder.find("liz rice")[0].id == "person/liz-rice"
    assert finder.find("LizRice")[0].id == "person/liz-rice"
    assert finder.find("", EntityType.SERIES, 100)
    assert finder.find("no such name anywhere") == []


def test_unknown_entity_is_not_found(services: Any) -> None:
    from forumgraph.errors import NotFound

    with pytest.raises(NotFound):
        _facts(services, "person/nobody-at-all")


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("리즈 라이스는 어느 회사 소속인가?", ("affiliation",)),
        ("Which company does Liz Rice work for?", ("affiliation",)),
        ("쿠버네티스 포럼 서울은 언제 어디서 열렸나?", ("startDate", "location")),
        ("Who were the speakers at KubeCon San Diego?", ("speakers",)),
        ("Is Helm a graduated project?", ("maturity",)),
        ("Helm 3", ()),
    ],
)
def test_question_focus(question: str, focus: tuple[str, ...]) -> None:
    assert question_focus(question) == focus


def test_question_words_must_start_a_word_in_english() -> None:
    assert "speakers" not in question_focus("Tell me about the whole schedule")
    assert "jobTitle" not in question_focus("Kubernetes control plane")


def test_ask_puts_the_asked_field_first(services: Any) -> None:
    result = services.current().asker.ask("리즈 라이스는 어느 회사 소속인가?", 3)
    liz = next(e for e in result.entities if e.entity.id == "person/liz-rice")
    assert liz.facts[0].field == "affiliation"
    _entity, field, values = next(a for a in result.answers() if a[0].entity.id == liz.entity.id)
    assert field == "affiliation"
    assert "Aqua Security" in _texts(values)
    assert len(result.passages) == 3
    assert result.passages[0].rank == 1


def test_ask_resolves_a_series_and_a_place_to_the_edition(services: Any) -> None:
    result = services.current().asker.ask("쿠버네티스 포럼 서울은 언제 어디서 열렸나?", 3)
    assert result.entities[0].entity.id == "event/kubernetes-forum-seoul-2019"
    answers = {
        (entity.entity.id, name): _texts(values) for entity, name, values in result.answers()
    }
    assert answers[("event/kubernetes-forum-seoul-2019", "startDate")] == {"2019-12-09"}
    assert answers[("event/kubernetes-forum-seoul-2019", "location")] & {"Seoul", "서울"}
