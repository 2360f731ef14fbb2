"""Organisations a list names in bold, one per item, as thank-you and host lists write them:

    - **Critical Software**, our most frequent host, and especially Helena Duarte …
    - **Blip**, for the rooftop summer edition in 2024.
    - The **Cloud Native Computing Foundation**, whose meetup programme covers our fees.

The items of one list name things of one kind: where some of its bold names are organisations
read already and none is a person, a project or an event, the others that are capitalised names
no rule read are organisations too.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_named import add_named, known_entry
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType

# A list item that names something in bold near its start (`- **Blip**,`, `- The **CNCF**,`).
_ITEM = re.compile(
    r"(?m)^[ \t]*(?:[-*+•]|\d+[.)])[ \t]+(?:[Tt]he[ \t]+)?\*\*(?P<name>[^*\n]{2,60})\*\*"
)
_CAPITALISED_NAME = re.compile(r"[A-Z][\w&.'’-]*(?:\s(?:of\s|de\s|do\s)?[A-Z0-9][\w&.'’-]*){0,4}")
_MIN_ITEMS = 3


def add_organisations_of_bold_lists(draft: Draft, gazetteer: Gazetteer) -> None:
    """Organisation mentions for the unread bold names of a list of organisations."""
    text = draft.article.text
    for items in _lists(text):
        read = [draft.mentioned_at(item.start("name")) for item in items]
        types = {span.type for span in read if span is not None}
        if EntityType.ORGANIZATION not in types or types - {EntityType.ORGANIZATION}:
            continue
        for item, span in zip(items, read, strict=True):
            name = item["name"].strip()
            if span is not None or not _CAPITALISED_NAME.fullmatch(name):
                continue
            if known_entry(gazetteer, name) is not None:
                continue  # a known name of another kind
            start = item.start("name")
            add_named(draft, gazetteer, EntityType.ORGANIZATION, name, start, start + len(name))


def _lists(text: str) -> list[list[re.Match[str]]]:
    """Runs of bold-named items on consecutive lines (blank lines between items allowed)."""
    runs: list[list[re.Match[str]]] = []
    for item in _ITEM.finditer(text):
        previous = runs[-1][-1] if runs else None
        gap = text[previous.end() : item.start()] if previous is not None else ""
        lines_between = [line for line in gap.split("\n")[1:] if line.strip()]
        if previous is not None and not lines_between:
            runs[-1].append(item)
        else:
            runs.append([item])
    return [run for run in runs if len(run) >= _MIN_ITEMS]
