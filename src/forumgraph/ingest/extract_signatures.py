"""The block that signs an email or a letter: a line with the person's name alone, then a line
of what they are, its parts split by a comma, a middle dot or a bar:

    Arjun Mehta                          Paolo Ricci
    Azure Kubernetes Service, Microsoft  Cloud Platform Team, SUSE

The organisation is the last part that names one (a team or a product before it is a unit of
it); a role alone (`Brindle maintainer`) names none.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_employers import employer_at
from forumgraph.ingest.extract_people_cues import is_role_phrase
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType

# A line holding a name alone, then the next line.
_NAME_LINE_THEN = re.compile(
    r"(?m)^[ \t>*_]*(?P<name>[^\n]{3,40}?)[ \t*_]*\n(?P<next>[^\n]{3,80})$"
)
# A part of the line, between its separators.
_A_PART = re.compile(r"[^\s,·|—–](?:[^,·|—–]*[^\s,·|—–])?")
# A capitalised name of a few words (`SUSE`, `Fjordline Cloud`), not a sentence.
_A_NAME = re.compile(r"[A-Z][\w&.'’-]*(?:\s(?:of\s|de\s)?[A-Z][\w&.'’-]*){0,3}")


def add_signatures(draft: Draft, gazetteer: Gazetteer) -> None:
    """Where the person signing works, from the line under their name."""
    text = draft.article.text
    for block in _NAME_LINE_THEN.finditer(text):
        named = draft.spans_in(*block.span("name"), EntityType.PERSON)
        if len(named) != 1 or (named[0].start, named[0].end) != block.span("name"):
            continue
        if block["next"].rstrip().endswith((".", "!", "?", ":")):
            continue  # a sentence, not a signature
        person = named[0]
        parts = [(m.start(), m.end()) for m in _A_PART.finditer(block["next"])]
        for start, end in reversed(parts):
            part = block["next"][start:end]
            at = block.start("next") + start
            if is_role_phrase(part + " at") or not _A_NAME.fullmatch(part):
                continue
            read = draft.mentioned_at(at)
            if read is not None and read.type != EntityType.ORGANIZATION:
                continue  # a product (`Azure Kubernetes Service`): a unit, not the employer
            org = read if read is not None else employer_at(draft, gazetteer, part, at)
            if org is not None:
                draft.fact(person.key, "affiliation", org.key, passage_id=org.passage_id)
                break
