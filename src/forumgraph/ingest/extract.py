"""Extraction of events, talks, people, organisations, projects and topics from one article.

`build_context` loads the gazetteer, the analyser and the recogniser once; `extract` runs the
rules in order (gazetteer names, name pairs, names by their form and context, the recogniser's
names, people, Hangul spellings by sound, the author line, short forms, affiliations, events,
talks) and returns an `Extraction`. Talk lists (see talklist.py and schedules.py) are imported
row by row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from forumgraph.config import Settings
from forumgraph.ingest.dates import text_date
from forumgraph.ingest.extract_affiliations import add_affiliations
from forumgraph.ingest.extract_bold_lists import add_organisations_of_bold_lists
from forumgraph.ingest.extract_bylines import add_bylines
from forumgraph.ingest.extract_careers import add_bio_openings, add_career_lines
from forumgraph.ingest.extract_clauses_ko import add_clauses_before_korean_people
from forumgraph.ingest.extract_company_voice import add_people_of_the_writing_company
from forumgraph.ingest.extract_coref import add_short_forms
from forumgraph.ingest.extract_credit_lines import add_credit_lines, add_flairs
from forumgraph.ingest.extract_events import add_events
from forumgraph.ingest.extract_fact_sheets import add_fact_sheets
from forumgraph.ingest.extract_first_names import add_people_by_given_name_alone
from forumgraph.ingest.extract_founders import add_founders
from forumgraph.ingest.extract_given_names import add_people_by_given_name
from forumgraph.ingest.extract_groups import add_group_names, add_groups_named_in_the_title
from forumgraph.ingest.extract_meetups import add_meetups
from forumgraph.ingest.extract_moves import add_moves
from forumgraph.ingest.extract_named import add_other_occurrences
from forumgraph.ingest.extract_ner import add_recognised_names, yield_to_people
from forumgraph.ingest.extract_org_context import add_organisations_by_context
from forumgraph.ingest.extract_orgs import (
    add_gazetteer_mentions,
    add_products_of_named_makers,
    add_title_entries,
    entry_key,
)
from forumgraph.ingest.extract_orgs_by_kind import (
    add_acronyms_in_brackets,
    add_hangul_names_of_organisations,
    add_organisations_after_their_kind,
    add_other_hangul_occurrences,
)
from forumgraph.ingest.extract_orgs_ko import (
    add_korean_organisation_lists,
    add_organisations_before_korean_people,
    add_places_in_marked_brackets,
)
from forumgraph.ingest.extract_people import (
    add_english_people,
    add_pairs,
    add_people_with_nicknames,
    add_person_mentions,
    known_people_matcher,
)
from forumgraph.ingest.extract_people_cues import add_cued_people
from forumgraph.ingest.extract_people_ko import add_korean_given_names_alone, add_korean_people
from forumgraph.ingest.extract_projects import add_project_names
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.extract_sections import (
    add_attendees_of_minutes,
    add_members_listed_under_a_committee,
    add_members_of_the_page,
    add_people_of_booths,
    add_people_under_an_organisation_label,
)
from forumgraph.ingest.extract_senses import add_product_senses
from forumgraph.ingest.extract_signatures import add_signatures
from forumgraph.ingest.extract_sounds import add_sound_matches
from forumgraph.ingest.extract_speaker_labels import add_speaker_labels
from forumgraph.ingest.extract_tables import add_table_rows
from forumgraph.ingest.extract_talks import add_talks
from forumgraph.ingest.extract_text import PhraseMatcher
from forumgraph.ingest.extract_writers import add_writers_employer
from forumgraph.ingest.gazetteer import DEFAULT_LANDSCAPE, Gazetteer, load_gazetteer
from forumgraph.models import Article, Entity, EntityType, Extraction, Passage
from forumgraph.text.analyze import Analyzer, create_analyzer
from forumgraph.text.ner import Recognizer, create_recognizer


@dataclass
class ExtractionContext:
    """What extraction needs across documents: built once, reused for every article."""

    gazetteer: Gazetteer
    analyzer: Analyzer
    settings: Settings = field(default_factory=Settings)
    known_people: PhraseMatcher | None = None
    recognizer: Recognizer | None = None  # None: the one the settings name, made on first use

    def english_recognizer(self) -> Recognizer:
        """The recogniser of the settings (its model loads with the first English text)."""
        if self.recognizer is None:
            self.recognizer = create_recognizer(self.settings.recognizer)
        return self.recognizer

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
    draft = Draft(_dated(article), sorted(passages, key=lambda p: p.start))
    gazetteer, analyzer = context.gazetteer, context.analyzer
    add_gazetteer_mentions(draft, gazetteer)
    add_title_entries(draft, gazetteer)
    add_pairs(draft, gazetteer)
    add_group_names(draft, gazetteer)
    add_groups_named_in_the_title(draft, gazetteer)
    add_project_names(draft, gazetteer)
    add_recognised_names(draft, gazetteer, context.english_recognizer())
    add_organisations_by_context(draft, gazetteer)
    add_english_people(draft, gazetteer, context.known_people)
    add_people_with_nicknames(draft, gazetteer)
    add_cued_people(draft, gazetteer)
    add_people_by_given_name(draft, gazetteer)
    yield_to_people(draft, gazetteer)
    add_other_occurrences(draft, gazetteer)
    add_korean_people(draft, analyzer, gazetteer)
    add_organisations_after_their_kind(draft, analyzer, gazetteer)
    add_hangul_names_of_organisations(draft)
    add_other_hangul_occurrences(draft)
    add_organisations_before_korean_people(draft, analyzer, gazetteer)
    add_clauses_before_korean_people(draft, analyzer, gazetteer)
    add_sound_matches(draft, analyzer, gazetteer)
    add_korean_organisation_lists(draft, analyzer, gazetteer)
    add_organisations_of_bold_lists(draft, gazetteer)
    add_products_of_named_makers(draft, gazetteer)
    add_bylines(draft, gazetteer, analyzer)
    add_speaker_labels(draft, gazetteer, analyzer)
    add_table_rows(draft, gazetteer, analyzer)
    add_credit_lines(draft, gazetteer, analyzer)
    add_career_lines(draft, gazetteer, analyzer)
    add_people_by_given_name_alone(draft, gazetteer)
    add_person_mentions(draft)
    add_korean_given_names_alone(draft)
    add_places_in_marked_brackets(draft, gazetteer)
    add_short_forms(draft, gazetteer)
    add_bio_openings(draft, gazetteer, analyzer)
    add_fact_sheets(draft, gazetteer, analyzer)
    add_signatures(draft, gazetteer)
    add_flairs(draft, gazetteer)
    add_product_senses(draft)
    add_other_hangul_occurrences(draft)  # of the organisations read since
    add_affiliations(draft, gazetteer)
    add_writers_employer(draft, gazetteer)
    add_founders(draft, gazetteer)
    add_members_of_the_page(draft)
    add_attendees_of_minutes(draft)
    add_members_listed_under_a_committee(draft)
    add_people_under_an_organisation_label(draft)
    add_people_of_the_writing_company(draft, gazetteer)
    add_moves(draft, gazetteer, analyzer)
    add_people_of_booths(draft)  # after the moves, which give people organisations of their own
    add_acronyms_in_brackets(draft, gazetteer)
    book = add_events(draft, gazetteer)
    add_meetups(draft)
    add_talks(draft, book)
    return draft.build()


def _dated(article: Article) -> Article:
    """The article with the date its own text gives (`text_date`: a dateline, a byline, a
    sign-off) when its header gives none: the years and months it leaves out (`KCD Warsaw — 14
    April`, `last year`) count from that date."""
    if article.date:
        return article
    date = text_date(article.text)
    return article if date is None else replace(article, header={**article.header, "date": date})


__all__ = ["ExtractionContext", "build_context", "entry_key", "extract"]
