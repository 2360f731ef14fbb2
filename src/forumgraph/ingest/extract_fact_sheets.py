"""Where a person works and takes part, from the labelled lines of a profile (a fact sheet):

    ### Adaeze Nwosu
    **Based in:** Lagos, Nigeria
    **Day job:** Senior DevOps Engineer, Paystack
    **Community:** co-organiser, Cloud Native Lagos

    - 이름: 김하람
    - 소속: 카카오페이 플랫폼팀

Only labels of work and groups count (`Day job`, `Company`, `Community`, `Previously`, `소속`,
`회사`, `활동`); a place (`Based in`), a handle or a topic says nothing of an employer. Each part
of the value (between `;` and `,`) gives the organisations read in it, else the one after `at`,
`with`, `in` or a verb of running a group (`runs Cloud Native Kansai`), else the one in its
brackets (`independent consultant (Hashira Works)`), else the organisation it opens with. The
person is the one the section names (its heading), or the one a `Name:` line above gives.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_careers import career_line
from forumgraph.ingest.extract_employers import ORG_NAME, employer_at
from forumgraph.ingest.extract_named import NOT_AN_ORGANISATION_GUESSES, take_back_a_guess
from forumgraph.ingest.extract_people import add_person_span, is_person_name, person
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.extract_sections import HEADING, person_of_section
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.ingest.korean_names import is_korean_name
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer

# A line of a label and its value: `**Day job:** …`, `- 소속: …`, `Company — …` is not one.
_LABELLED = re.compile(
    r"(?m)^[ \t>*_-]*(?:\*\*|__)?(?P<label>[A-Za-z가-힣][^:：*_\n]{0,23}?)[ \t]*(?:\*\*|__)?"
    r"[ \t]*[:：][ \t]*(?:\*\*|__)?[ \t]*(?P<value>\S[^\n]*)$"
)
_WORK_LABEL = re.compile(
    r"(?:(?:day|current|previous|past|former|other|main)\s)?"
    r"(?:jobs?|work|employers?|compan(?:y|ies)|organi[sz]ations?|affiliations?|roles?"
    r"|positions?|communit(?:y|ies)|groups?|teams?|currently|previously|formerly|before"
    r"|works?\s(?:at|for)|member\sof|involved\sin|experience)"
    r"|(?:현\s?)?소속|회사|직장|현직|전직|이전\s?(?:직장|회사|경력)?|경력|근무지?|활동|커뮤니티"
    r"|직함|역할|현재",
    re.IGNORECASE,
)
_NAME_LABEL = re.compile(r"names?|이름|성명", re.IGNORECASE)
# Where a part names a place of work or a group after a word: `at Rakuten`, `with Rappi`,
# `in Kubernetes SIG Docs`, `runs Cloud Native Kansai`.
_AFTER_A_WORD = re.compile(
    r"(?:\b(?:at|with|for|in|of)|@|\b(?:runs|leads|organi[sz]es|co-organi[sz]es|founded"
    r"|co-founded|maintains))\s(?:the\s)?" + ORG_NAME
)
_IN_BRACKETS = re.compile(r"\(" + ORG_NAME + r"\)")
_PART = re.compile(r"[^;,·|]+")


def add_fact_sheets(draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer) -> None:
    """Affiliations of a profile's person with the organisations its work lines name."""
    text = draft.article.text
    for line in _LABELLED.finditer(text):
        if not _WORK_LABEL.fullmatch(line["label"].strip()):
            continue
        _person_of_the_heading(draft, gazetteer, line.start())
        profiled = person_of_section(draft, line.start()) or _person_of_a_name_line(
            draft, analyzer, gazetteer, line.start()
        )
        if profiled is None:
            continue
        for part in _PART.finditer(text, line.start("value"), line.end("value")):
            _part(draft, gazetteer, analyzer, profiled, part)


def _part(
    draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer, person: str, part: re.Match[str]
) -> None:
    start, end = part.span()
    named = _AFTER_A_WORD.search(part.group()) or _IN_BRACKETS.search(part.group())
    if named is not None:
        # `(Kumo Dojo)` on a line of work names a place of work, whatever the recogniser guessed
        at = start + named.start("org")
        guessed = NOT_AN_ORGANISATION_GUESSES
        take_back_a_guess(draft, gazetteer, at, at + len(named["org"]), guessed)
    if draft.spans_in(start, end, EntityType.PERSON):
        return  # `Manager: Camila Rojas`: someone else
    passage = draft.passage_at(start)
    passage_id = passage.passage_id if passage is not None else None
    read = draft.spans_in(start, end, EntityType.ORGANIZATION)
    if not read and named is not None:
        found = employer_at(draft, gazetteer, named["org"], start + named.start("org"))
        read = [found] if found is not None else []
    if read:
        for org in read:
            draft.fact(person, "affiliation", org.key, passage_id=passage_id)
        return
    stripped = part.group().strip(" *_")
    if stripped:
        # `Senior DevOps Engineer, Paystack`, `카카오페이 SRE`: a part that opens with its name
        at = start + part.group().index(stripped)
        career_line(draft, gazetteer, analyzer, person, at, stripped)


def _person_of_a_name_line(
    draft: Draft, analyzer: Analyzer, gazetteer: Gazetteer, offset: int
) -> str | None:
    """The person of a `Name:` line above `offset`, with no blank line between; the line is a
    name's place, so a Hangul name alone there is a person (`- 이름: 김하람`)."""
    text = draft.article.text
    block_start = text.rfind("\n\n", 0, offset) + 2 if "\n\n" in text[:offset] else 0
    found = None
    for line in _LABELLED.finditer(text, block_start, offset):
        if not _NAME_LABEL.fullmatch(line["label"].strip()):
            continue
        start, end = line.span("value")
        spans = draft.spans_in(start, end, EntityType.PERSON)
        name = _HANGUL_NAME.match(line["value"])
        if spans:
            found = spans[0].key
        elif name is not None and is_korean_name(
            name["name"], analyzer, gazetteer, in_a_names_place=True
        ):
            found = person(draft, None, name["name"])
            draft.mention(found, start, start + len(name["name"]))
    return found


# A Hangul name alone on a name's line, maybe with an honorific or its Latin spelling after.
_HANGUL_NAME = re.compile(r"(?P<name>[가-힣]{2,4})(?:\s?님)?(?:\s?\([^()\n]{1,30}\))?[ \t*_]*$")


# A heading's words besides the name: its marks and a number.
_HEADING_MARKS = re.compile(r"^[#*_\s]*(?:\d+[.)]\s+)?|[*_\s]+$")


def _person_of_the_heading(draft: Draft, gazetteer: Gazetteer, offset: int) -> None:
    """The heading right above labelled lines of work (only such lines between) is the profile's
    person where it has a personal name's form and no known name reads it (`### Haruto Mori`)."""
    text = draft.article.text
    headings = list(HEADING.finditer(text, 0, offset))
    if not headings:
        return
    heading = headings[-1]
    between = text[heading.end() : offset].strip()
    if any(not _LABELLED.fullmatch(line.strip()) for line in between.splitlines() if line.strip()):
        return
    name = _HEADING_MARKS.sub("", heading.group())
    start = text.find(name, heading.start(), heading.end())
    end = start + len(name)
    if start < 0 or " " not in name or not is_person_name(name, gazetteer):
        return
    if any(s.type == EntityType.PERSON for s in draft.spans_over(start, end)):
        return
    take_back_a_guess(draft, gazetteer, start, end, covering=True)
    if not draft.spans_over(start, end):
        add_person_span(draft, gazetteer, name, name, start, end)
