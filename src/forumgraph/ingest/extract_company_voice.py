"""People of the company that writes a post in the first person plural: a vendor's recap, a
company's engineering blog (`Here's what the Driftwood Labs team got up to ... we ...`).

The company is the one the post calls `the X team` (or `X's team`) while speaking as `we`.
Its people are its one author and those the post calls ours: listed under a heading that says so
(`Talks from our team`, `Meet our speakers`) with no other employer, described as `our newest
developer advocate` or `our CTO, Jane Doe`, or said to have `joined us`.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_bylines import sole_author
from forumgraph.ingest.extract_named import add_named, known_entry
from forumgraph.ingest.extract_people import ROLE_HEAD_PATTERN
from forumgraph.ingest.extract_records import Draft, Span
from forumgraph.ingest.extract_sections import HEADING
from forumgraph.ingest.extract_text import without_quotations
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType

_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
_THE_TEAM = re.compile(r"\bthe\s$|['’]s\s$")
_TEAM_AFTER = re.compile(r"[*_]{0,2}\s(?:engineering\s|platform\s|devrel\s)?team\b")
# A heading over the company's own people: `Talks from our team`, `At the booth`, `The team`.
_OUR_HEADING = re.compile(r"\b(?:[Oo]ur|[Bb]ooth|[Tt]eam)\b")
# `our newest developer advocate`, `our CTO`: one of ours, by the role the post gives them.
_OUR_ROLE_AFTER = re.compile(
    rf"^[*_]*\s?(?:—|–|-|,)\s(?:is\s)?our\s(?:new(?:est)?\s)?(?:[\w-]+\s){{0,3}}?(?:{ROLE_HEAD_PATTERN})s?\b",
    re.IGNORECASE,
)
_OUR_ROLE_BEFORE = re.compile(
    rf"\bour\s(?:new(?:est)?\s)?(?:[\w-]+\s){{0,3}}?(?:{ROLE_HEAD_PATTERN}),?\s[*_]*$",
    re.IGNORECASE,
)
_JOINED_US = re.compile(r"^[*_]*\s(?:has\s)?(?:joined|joins)\sus\b")
_THE_NAME_TEAM = re.compile(r"\bthe\s(?P<name>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})\steam\b")
_WE_COUNT = 3  # a post speaking as `we` does so more than in passing


def add_people_of_the_writing_company(draft: Draft, gazetteer: Gazetteer) -> None:
    """Affiliations of the people a company's own post calls its own (see the module)."""
    company = _writing_company(draft, gazetteer)
    if company is None:
        return
    text = draft.article.text
    people = [s for s in draft.spans if s.type == EntityType.PERSON]
    ours = {p.key: p for p in people if _called_ours(text, p)}
    for heading in HEADING.finditer(text):
        if not _OUR_HEADING.search(heading.group()):
            continue
        following = HEADING.search(text, heading.end())
        end = following.start() if following else len(text)
        for person in people:
            # (not a guest the section names with their own employer: `Jonas Weber from Grafana`)
            if heading.end() <= person.start < end and not _employed_elsewhere(
                draft, person.key, company
            ):
                ours.setdefault(person.key, person)
    author = sole_author(draft)
    if author is not None:
        draft.fact(author, "affiliation", company, passage_id=draft.passages[0].passage_id)
    for person in ours.values():
        draft.fact(person.key, "affiliation", company, passage_id=person.passage_id)


def _writing_company(draft: Draft, gazetteer: Gazetteer) -> str | None:
    """The organisation the post calls `the X team` while speaking as `we`, if it is one; a
    name the title also gives (`Quillfeather at KCD Lisbon`) is one when nothing else is."""
    text = draft.article.text
    if len(_WE.findall(without_quotations(text))) < _WE_COUNT:
        return None
    title = text[: text.find("\n")] if "\n" in text else text
    for named in _THE_NAME_TEAM.finditer(text):
        name, start, end = named["name"], named.start("name"), named.end("name")
        unread = not draft.spans_over(start, end) and known_entry(gazetteer, name) is None
        if unread and name in title:
            add_named(draft, gazetteer, EntityType.ORGANIZATION, name, start, end)
    teams = {
        s.key
        for s in draft.spans
        if s.type == EntityType.ORGANIZATION
        and _TEAM_AFTER.match(text, s.end)
        and _THE_TEAM.search(text, max(0, s.start - 4), s.start)
    }
    return teams.pop() if len(teams) == 1 else None


def _employed_elsewhere(draft: Draft, person: str, company: str) -> bool:
    return any(f.value != company for f in draft.facts_of(person, "affiliation"))


def _called_ours(text: str, person: Span) -> bool:
    line_start = text.rfind("\n", 0, person.start) + 1
    return bool(
        _OUR_ROLE_AFTER.match(text[person.end : person.end + 80])
        or _OUR_ROLE_BEFORE.search(text, max(line_start, person.start - 60), person.start)
        or _JOINED_US.match(text, person.end)
    )
