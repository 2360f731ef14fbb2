"""Grounded material for a chatbot: the best passages with citations and graph facts, no model.

`ask` runs the hybrid search for the question, takes the entities the question names (linked
by the search in either script), and attaches each entity's graph facts with the passages they
came from. Words in the question that say what is asked ("소속", "when", "speakers", ...) put the
matching fact fields first and are reported as `focus`, so a chatbot can quote the right fact.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from forumgraph.models import EntityType
from forumgraph.search.facts import EntityFacts, FactFinder

if TYPE_CHECKING:
    from forumgraph.search.service import SearchService

DEFAULT_K = 5
MAX_ENTITIES = 5

# Question words (Korean and English) and the fact fields they ask about.
FOCUS_WORDS: dict[str, tuple[str, ...]] = {
    "affiliation": (
        "소속",
        "회사",
        "근무",
        "일하",
        "다니",
        "affiliat",
        "company",
        "work for",
        "works for",
        "employer",
        "works at",
    ),
    "jobTitle": ("직함", "직책", "직위", "역할", "job", "title", "position", "role"),
    "startDate": ("언제", "날짜", "일정", "when", "date", "what day"),
    "location": ("어디", "도시", "장소", "where", "city", "venue", "location"),
    "speakers": ("누가", "연사", "발표자", "키노트", "who", "speaker", "keynote"),
    "talks": ("발표", "세션", "강연", "talk", "session", "present"),
    "events": ("행사", "컨퍼런스", "참석", "event", "conference", "attend"),
    "people": ("사람", "인물", "직원", "people", "who works", "employees"),
    "maturity": (
        "성숙도",
        "졸업",
        "인큐베이",
        "샌드박스",
        "maturity",
        "graduat",
        "incubat",
        "sandbox",
    ),
    "editions": ("개최", "회차", "edition"),
}
ENGLISH_ENDINGS = "(?:s|es|d|ed|ing|ion|ions|ation|ations|ees|ies)?"
# A field a question asks about may be stored under a related field for some entity types.
RELATED_FIELDS = {
    "speakers": ("speakers", "performer"),
    "startDate": ("startDate", "endDate", "day"),
    "location": ("location", "country"),
    "talks": ("talks",),
    "events": ("events", "superEvent", "editions"),
}


@dataclass(frozen=True)
class CitedPassage:
    """A passage to quote, with everything needed to cite it."""

    rank: int
    doc_id: str
    title: str
    url: str | None
    passage_id: str
    start: int
    end: int
    lang: str
    score: float
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "doc_id": self.doc_id,
            "title": self.title,
            "url": self.url,
            "passage_id": self.passage_id,
            "start": self.start,
            "end": self.end,
            "lang": self.lang,
            "score": round(self.score, 6),
            "text": self.text,
        }


@dataclass(frozen=True)
class AskResult:
    """The material for one question: passages, entity facts and the fields asked about."""

    question: str
    passages: tuple[CitedPassage, ...]
    entities: tuple[EntityFacts, ...]
    focus: tuple[str, ...]
    took_ms: float

    def answers(self) -> list[tuple[EntityFacts, str, list[Any]]]:
        """(entity, field, values) for each focused field some named entity has."""
        found = []
        for entity in self.entities:
            for name in self.focus:
                for candidate in RELATED_FIELDS.get(name, (name,)):
                    values = entity.values(candidate)
                    if values:
                        found.append((entity, candidate, values))
        return found

    def to_json(self, base_iri: str) -> dict[str, Any]:
        return {
            "question": self.question,
            "focus": list(self.focus),
            "answers": [
                {
                    "entity_id": entity.entity.id,
                    "label": entity.entity.label(),
                    "field": name,
                    "values": [v.to_json() for v in values],
                }
                for entity, name, values in self.answers()
            ],
            "passages": [p.to_json() for p in self.passages],
            "entities": [e.to_json(base_iri) for e in self.entities],
            "took_ms": round(self.took_ms, 2),
        }


class Asker:
    """Answers `ask` from one generation's search service and fact finder."""

    def __init__(self, search: SearchService, facts: FactFinder) -> None:
        self.search = search
        self.facts = facts

    def ask(self, question: str, k: int = DEFAULT_K) -> AskResult:
        """Top `k` passages for `question` with citations, plus facts about the named entities."""
        start = time.perf_counter()
        result = self.search.search(question, k)
        focus = question_focus(question)
        named = [self.facts.facts(i) for i in dict.fromkeys(e.entity.id for e in result.entities)]
        # "Kubernetes Forum" + "Seoul" means the Seoul edition: put it first.
        editions = [self.facts.facts(i) for i in editions_named_by(named)]
        chosen = {f.entity.id: f for f in [*editions, *named]}
        entities = [_focused(facts, focus) for facts in list(chosen.values())[:MAX_ENTITIES]]
        passages = tuple(
            CitedPassage(
                rank=rank,
                doc_id=hit.passage.doc_id,
                title=hit.title,
                url=hit.url,
                passage_id=hit.passage.passage_id,
                start=hit.passage.start,
                end=hit.passage.end,
                lang=hit.passage.lang,
                score=hit.score,
                text=hit.passage.text,
            )
            for rank, hit in enumerate(result.hits, 1)
        )
        took = (time.perf_counter() - start) * 1000
        return AskResult(question, passages, tuple(entities), focus, took)


def editions_named_by(named: list[EntityFacts]) -> list[str]:
    """Editions of a named series held in a named place ("쿠버네티스 포럼" + "서울")."""
    held_in = {
        event.entity_id
        for place in named
        if place.entity.type == EntityType.PLACE
        for event in place.values("events")
    }
    found: list[str] = []
    for series in named:
        if series.entity.type != EntityType.SERIES:
            continue
        for edition in series.values("editions"):
            entity_id = edition.entity_id
            if entity_id is not None and entity_id in held_in and entity_id not in found:
                found.append(entity_id)
    return found


def question_focus(question: str) -> tuple[str, ...]:
    """The fact fields a question asks about, from its question words, in a stable order."""
    text = re.sub(r"\s+", " ", question.lower())
    return tuple(
        name for name, words in FOCUS_WORDS.items() if any(_says(text, word) for word in words)
    )


def _says(text: str, word: str) -> bool:
    # Korean words may carry particles and endings; English ones are whole words or stems with
    # a common ending ("speaker" -> "speakers", "graduat" -> "graduated"), never a word's head.
    if word.isascii():
        return re.search(rf"\b{re.escape(word)}{ENGLISH_ENDINGS}\b", text) is not None
    return word in text


def _focused(facts: EntityFacts, focus: tuple[str, ...]) -> EntityFacts:
    """The same facts with the asked-about fields first."""
    if not focus:
        return facts
    wanted = [f for name in focus for f in RELATED_FIELDS.get(name, (name,))]
    first = [fact for name in wanted for fact in facts.facts if fact.field == name]
    rest = [fact for fact in facts.facts if fact not in first]
    return EntityFacts(facts.entity, tuple(first + rest), facts.documents)
