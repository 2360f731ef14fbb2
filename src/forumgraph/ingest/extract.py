"""Extraction of events, talks, people, organisations, projects and topics from one article.

`build_context` loads the gazetteer and the analyser once; `extract` runs the rules in order
(gazetteer names, name pairs, people, affiliations, events, talks) and returns an `Extraction`.
Talk lists (see talklist.py and schedules.py) are imported row by row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from forumgraph.config import Settings
from forumgraph.ingest.extract_affiliations import add_affiliations
from forumgraph.ingest.extract_events import add_events
from forumgraph.ingest.extract_orgs import add_entry, add_gazetteer_mentions, entry_key
from forumgraph.ingest.extract_people import (
    add_english_people,
    add_korean_people,
    add_pairs,
    add_person_mentions,
    is_person_name,
    known_people_matcher,
    person,
)
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.extract_talks import add_talks
from forumgraph.ingest.extract_text import PhraseMatcher
from forumgraph.ingest.gazetteer import DEFAULT_LANDSCAPE, Gazetteer, load_gazetteer
from forumgraph.models import Article, Entity, EntityType, Extraction, Passage
from forumgraph.text.analyze import Analyzer, create_analyzer

_AUTHOR = re.compile(r"(?P<name>[^,()]+?)\s*(?:\((?P<org>[^()]+)\))?\s*(?:,|$)")


@dataclass
class ExtractionContext:
    """What extraction needs across documents: built once, reused for every article."""

    gazetteer: Gazetteer
    analyzer: Analyzer
    settings: Settings = field(default_factory=Settings)
    known_people: PhraseMatcher | None = None

    @classmethod
    def create(cls, settings: Settings | None = None) -> ExtractionContext:
        """The context for `settings` (see `build_context`)."""
        return build_context(settings)

    def add_known_entities(self, entities: Iterable[Entity]) -> None:
        """Let later documents recognise people named in earlier ones (Latin names)."""
        names = [
            n.text
            for e in entities
            if e.type == EntityType.PERSON
            for n in (*e.names, *e.alternate_names)
        ]
        self.known_people = known_people_matcher(names)
        self.analyzer.add_words(n for n in names if " " not in n)


def build_context(
    settings: Settings | None = None,
    analyzer: Analyzer | None = None,
    landscape: Path | None = None,
) -> ExtractionContext:
    """The gazetteer (parsed once per process) and an analyser whose user dictionary holds
    every Hangul gazetteer name, so that `쿠버네티스가` splits into `쿠버네티스` + `가`."""
    settings = settings or Settings()
    default = settings.data_dir / "gazetteer" / "landscape.yml"
    gazetteer = load_gazetteer(landscape or (default if default.exists() else DEFAULT_LANDSCAPE))
    analyzer = analyzer or create_analyzer(settings.analyzer)
    analyzer.add_words(gazetteer.hangul_words())
    analyzer.tokens("쿠버네티스 포럼")  # loads the model now rather than inside the first document
    return ExtractionContext(gazetteer, analyzer, settings)


def extract(
    article: Article, passages: Sequence[Passage], context: ExtractionContext
) -> Extraction:
    """Entities, mentions and facts of one article (a talk list is imported row by row)."""
    from forumgraph.ingest.schedules import extract_schedule, is_schedule

    if is_schedule(article):
        return extract_schedule(article, passages, context.gazetteer)
    draft = Draft(article, sorted(passages, key=lambda p: p.start))
    gazetteer = context.gazetteer
    add_gazetteer_mentions(draft, gazetteer)
    add_pairs(draft, gazetteer)
    add_english_people(draft, gazetteer, context.known_people)
    add_korean_people(draft, context.analyzer, gazetteer)
    add_person_mentions(draft)
    add_affiliations(draft, gazetteer)
    _add_authors(draft, gazetteer)
    book = add_events(draft, gazetteer)
    add_talks(draft, book)
    return draft.build()


def _add_authors(draft: Draft, gazetteer: Gazetteer) -> None:
    """`author: Paris Pittman (Google), Jeffrey Sica (Red Hat)` -> people with affiliations."""
    for match in _AUTHOR.finditer(draft.article.header.get("author", "")):
        name = match.group("name").strip()
        if not is_person_name(name, gazetteer):
            continue
        key = person(draft, name)
        org = (match.group("org") or "").strip()
        entry = gazetteer.lookup(org, EntityType.ORGANIZATION.value) if org else None
        if entry is not None:
            draft.fact(key, "affiliation", add_entry(draft, entry))


__all__ = ["ExtractionContext", "build_context", "entry_key", "extract"]
