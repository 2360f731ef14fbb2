"""The writer's own employer and colleagues, in a first-person text with one author:

    Thanks to my employer, Acme, for sending me.     I work at Acme.
    저는 당근 SRE팀에서 클러스터 운영을 맡고 있고, 팀 동료 오재훈 님과 ...

The author is the byline's one person (`sole_author`); a colleague of theirs (`같은 팀 박지민
님`, `my teammate Jane Doe`) works where they work, when that is one organisation.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_affiliations import COLLEAGUE, employer_at, sole_employer
from forumgraph.ingest.extract_bylines import sole_author
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType

_FIRST_PERSON_EMPLOYER = re.compile(
    r"\b(?:[Mm]y (?:employer|company),?|I (?:work|worked) (?:at|for)"
    r"|I(?:'m| am) (?:a|an) (?:[\w-]+ ){0,3}?(?:at|with))\s(?:the\s)?"
    r"(?P<org>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})(?=[\s,.;:)]|$)"
    r"|(?:저는|제가|나는|내가)\s(?P<org_ko>[A-Za-z가-힣][\w.&-]*?)"
    # the unit after the company: `저는 당근 SRE팀에서 ... 맡고 있고`
    r"(?P<unit>\s(?:[A-Za-z가-힣]+\s)?[A-Za-z가-힣]*(?:팀|실|본부|센터|랩|파트|셀|그룹))?에서\s"
    r"(?:[^.,]{0,40}?\s)?(?:일하|일한|근무|재직|맡고|맡아|담당하)"
)


def add_writers_employer(draft: Draft, gazetteer: Gazetteer) -> None:
    """`Thanks to my employer, Acme, for sending me`, `I work at Acme`, `저는 Acme에서 일하고`:
    where the one author of a first-person text works; and the author's colleagues (`같은 팀
    박지민 님`, `my teammate Jane Doe`) work there too."""
    author = sole_author(draft)
    if author is None:
        return
    for passage in draft.passages:
        for match in _FIRST_PERSON_EMPLOYER.finditer(passage.text):
            name = match["org"] or match["org_ko"]
            known = gazetteer.lookup(name, EntityType.ORGANIZATION.value)
            if not (name[0].isupper() or known or match["unit"]):
                continue  # `저는 회사에서 일하고`: a common noun; `당근 SRE팀에서`: a company
            start = passage.start + match.start("org" if match["org"] else "org_ko")
            org = employer_at(draft, gazetteer, name, start)
            if org is not None:
                draft.fact(author, "affiliation", org.key, passage_id=org.passage_id)
    _authors_colleagues(draft, author)


# Before a colleague of the writer: `같은 팀 박지민 님`, `팀 동료 배지민`, `my teammate Jane Doe`.
_WRITERS_COLLEAGUE = re.compile(
    r"(?:(?:같은|우리|저희)\s?팀(?:의)?\s|(?:팀\s?)?동료(?:인)?\s"
    rf"|\b[Mm]y\s(?:{COLLEAGUE})\s)$"
)


def _authors_colleagues(draft: Draft, author: str) -> None:
    employer = sole_employer(draft, author)
    if employer is None:
        return
    text = draft.article.text
    for person in draft.spans:
        if person.type != EntityType.PERSON or person.key == author:
            continue
        if _WRITERS_COLLEAGUE.search(text, max(0, person.start - 12), person.start):
            draft.fact(person.key, "affiliation", employer, passage_id=person.passage_id)
