"""The founders of an organisation, as company news writes them:

    Founded in 2023 by Mira Kaltenbach (CEO) and Dev Iyer (CTO), Lanternfish attaches …
    Lanternfish, which was co-founded by Mira Kaltenbach and Dev Iyer in 2023, …
    Lanternfish was founded by Mira Kaltenbach.

Every person named in the `by` phrase belongs to the organisation.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_employers import ORG_NAME, employer_at
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType

# The founders: names, maybe with a role in brackets each, joined by commas and `and`.
_FOUNDERS = r"(?P<people>[^.;:\n]{3,160}?)"
_FOUNDED = r"(?:[Cc]o-)?[Ff]ounded\s(?:in\s(?:\w+\s)?\d{4}\s)?by\s"
# `Founded in 2023 by A (CEO) and B (CTO), Lanternfish …`: the organisation is the subject after.
_FOUNDED_BY_THEN_ORG = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))" + _FOUNDED + _FOUNDERS + r",\s(?:the\s)?" + ORG_NAME
)
# `Lanternfish, which was founded by …`, `Lanternfish was co-founded by …`.
_ORG_FOUNDED_BY = re.compile(
    ORG_NAME
    + r"(?:,\s(?:which|that)\s|\s)(?:was\s|is\s)?"
    + _FOUNDED
    + _FOUNDERS
    + r"(?=,|\.|\sin\s\d{4}|$)"
)


def add_founders(draft: Draft, gazetteer: Gazetteer) -> None:
    """Affiliations of the people an organisation was founded by (see the module)."""
    text = draft.article.text
    for pattern in (_FOUNDED_BY_THEN_ORG, _ORG_FOUNDED_BY):
        for found in pattern.finditer(text):
            people = draft.spans_in(*found.span("people"), EntityType.PERSON)
            if not people:
                continue
            org = employer_at(draft, gazetteer, found["org"], found.start("org"))
            if org is None:
                continue
            for person in people:
                draft.fact(person.key, "affiliation", org.key, passage_id=person.passage_id)
