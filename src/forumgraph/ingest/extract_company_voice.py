"""People of the company that writes a post in its own voice: a vendor's recap, a company's
engineering blog (`Here's what the Driftwood Labs team got up to ... we ...`), a hiring post.

The company is the one the post calls `the X team` (or `X's team`) while speaking as `we`, or the
one its byline names (`author: 하늘곳간 피플팀`) in a post written in the first person or in the
polite endings a company uses rather than a report's `-다.`
Its people are its one author and those the post calls ours: listed under a heading that says so
(`Talks from our team`, `Meet our speakers`) with no other employer, or under one about the
people of the team (`함께 일할 사람들`, `Meet the team`) whatever else their bios say; described as
`our newest developer advocate` or `our CTO, Jane Doe`, or said to have `joined us`; in Korean,
named after a team or a title alone (`피플팀 오하늘 님`, `CTO 배지훈 님`).
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_bylines import sole_author
from forumgraph.ingest.extract_named import add_named, known_entry
from forumgraph.ingest.extract_people import ROLE_HEAD_PATTERN
from forumgraph.ingest.extract_records import Draft, Span
from forumgraph.ingest.extract_sections import HEADING, section_end
from forumgraph.ingest.extract_text import without_quotations, word_set
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType

_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
_THE_TEAM = re.compile(r"\bthe\s$|['’]s\s$")
# `Yuki Sato from the SIG Docs Japanese team`: someone else's team, not the writer's.
_SOMEONE_ELSES_TEAM = re.compile(r"\b(?:from|of|with|at|on|in|joined)\sthe\s$")
_TEAM_AFTER = re.compile(r"[*_]{0,2}\s(?:engineering\s|platform\s|devrel\s)?team\b")
# A heading over the company's own people: `Talks from our team`, `At the booth`, `The team`.
# (not those of ours of another kind: `Obrigada to our hosts`, `Our sponsors`)
_OUR_HEADING = re.compile(
    r"\b(?:[Oo]ur\b(?!\s(?:[\w-]+\s)?(?:hosts?|sponsors?|partners?|venues?|friends|thanks)\b)"
    r"|[Bb]ooth\b|[Tt]eam\b)|우리|저희|팀원|구성원|동료"
)
# A heading about the people of the team, whose bios name where else they have been.
_OUR_PEOPLE_HEADING = re.compile(
    r"함께\s?(?:일할|일하는|하는)\s(?:사람|동료|분)|팀원|구성원|(?:우리|저희)\s?팀|팀\s?소개"
    r"|^[#*_\s]*(?:(?:Meet|Introducing)\s(?:the|our)|Our|The)\s(?:[\w-]+\s)?(?:[Tt]eam|[Pp]eople)"
    r"[*_\s]*$"
)
# `our newest developer advocate`, `our CTO`: one of ours, by the role the post gives them.
_OUR_ROLE_AFTER = re.compile(
    rf"^[*_]*\s?(?:—|–|-|,)\s(?:is\s)?our\s(?:new(?:est)?\s)?(?:[\w-]+\s){{0,3}}?(?:{ROLE_HEAD_PATTERN})s?\b",
    re.IGNORECASE,
)
_OUR_ROLE_BEFORE = re.compile(
    rf"\bour\s(?:new(?:est)?\s)?(?:[\w-]+\s){{0,3}}?(?:{ROLE_HEAD_PATTERN}),?\s[*_]*$"
    r"|\bour\sown\s[*_]*$",  # `Our own Daniel Ferris moves to …`
    re.IGNORECASE,
)
_A_PART_IN_THE_PROGRAMME = re.compile(
    r"\b(?:speakers?|keynote|hosts?|guests?|moderators?|panell?ists?|emcees?)\b", re.IGNORECASE
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
    community = any(_A_COMMUNITY.search(n.text) for n in draft.names_of(company))
    ours = {p.key: p for p in people if _called_ours(draft, p, community)}
    for heading in HEADING.finditer(text):
        about_the_team = _OUR_PEOPLE_HEADING.search(heading.group()) is not None
        if not (about_the_team or _OUR_HEADING.search(heading.group())):
            continue
        end = section_end(text, heading)
        for person in people:
            # (not a guest the section names with their own employer: `Jonas Weber from Grafana`)
            if heading.end() <= person.start < end and (
                about_the_team or not _employed_elsewhere(draft, person.key, company)
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
        return _company_of_the_byline(draft) if in_own_voice(text) else None
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
        and not _SOMEONE_ELSES_TEAM.search(text, max(0, s.start - 12), s.start)
    }
    if len(teams) == 1:
        return teams.pop()
    return _company_of_the_byline(draft) if in_own_voice(text) else None


# A unit after the company in a byline: `하늘곳간 피플팀`, `Acme Engineering`, `Acme 기술블로그`.
_BYLINE_UNIT = re.compile(
    r"(?:\s(?:[가-힣A-Za-z]*팀|기술\s?블로그|블로그|운영진|사무국|일동"
    r"|(?:[\w-]+\s)?(?:[Tt]eam|[Ee]ngineering|[Bb]log|[Oo]rgani[sz]ers)))+$"
)


def _company_of_the_byline(draft: Draft) -> str | None:
    """The organisation the byline names, with a unit of it or alone, or in brackets after the
    writer's name (`한지민 (클라우드네이티브 한국 사용자 모임)`), if the text names it."""
    author = draft.article.header.get("author", "").strip()
    bracketed = _BRACKETS_AT_THE_END.search(author)
    for written in (author, bracketed["inside"] if bracketed else ""):
        name = _BYLINE_UNIT.sub("", written.strip())
        found = None
        for form in (name, re.sub(r"^[Tt]he\s", "", name)) if name else ():
            found = found or draft.named(EntityType.ORGANIZATION, form)
        if found is not None:
            return found
    return None


_A_COMMUNITY = re.compile(
    r"(?:모임|그룹|커뮤니티|밋업|학회|동아리|위원회|운영진)$"
    r"|\b(?:[Cc]ommunity|[Gg]roup|[Mm]eetup|[Cc]ommittee|[Cc]hapter)$"
)
_BRACKETS_AT_THE_END = re.compile(r"\((?P<inside>[^()]{2,60})\)\s*$")


# The writer speaking for themselves or their company, outside quotations: in the first person,
# or (in Korean) in the polite endings a company's post uses rather than a report's `-다.`
_FIRST_PERSON = re.compile(r"(?<![가-힣])(?:저희|저는|제가)(?![가-힣])|\b(?:[Ww]e|[Oo]ur|I)\b")
_POLITE_END = re.compile(r"(?:니다|요)[.!?]")
_PLAIN_END = re.compile(r"(?<!니)다[.!?]")


def in_own_voice(text: str) -> bool:
    """Whether the text, outside quotations, speaks in the first person or a company's polite
    endings."""
    text = without_quotations(text)
    if _FIRST_PERSON.search(text):
        return True
    return len(_POLITE_END.findall(text)) > len(_PLAIN_END.findall(text))


def _employed_elsewhere(draft: Draft, person: str, company: str) -> bool:
    return any(f.value != company for f in draft.facts_of(person, "affiliation"))


def _called_ours(draft: Draft, person: Span, community: bool) -> bool:
    text = draft.article.text
    line_start = text.rfind("\n", 0, person.start) + 1
    role = _OUR_ROLE_AFTER.match(text[person.end : person.end + 80]) or _OUR_ROLE_BEFORE.search(
        text, max(line_start, person.start - 60), person.start
    )
    if role is not None and _A_PART_IN_THE_PROGRAMME.search(role.group()):
        role = None  # `our keynote speaker`, `our host`: a part played at the event, no staff
    return bool(
        role
        or _JOINED_US.match(text, person.end)
        or _a_unit_or_title_of_ours(draft, person, community)
    )


# Titles an organisation gives its own people (not a student's or a speaker's).
_OWN_TITLES = word_set(
    "CTO CEO CFO COO CPO CISO VP 대표이사 부대표 대표 이사 상무 전무 팀장 실장 본부장 센터장 "
    "파트장 그룹장 셀장 테크리드 팀리드 리드 매니저 운영진 운영자 오거나이저"
)
_ORGANISERS_TITLES = word_set("운영진 운영자 오거나이저")
# A team or a title right before a Korean name, at the start of a word (`피플팀 오하늘 님`,
# `CTO 배지훈 님`).
_KO_UNIT_OR_TITLE_BEFORE = re.compile(
    r"(?:^|(?<=[\s*_(]))(?:[A-Za-z가-힣]{1,12}팀|"
    + "|".join(sorted(_OWN_TITLES, key=len, reverse=True))
    + r")\s$",
    re.MULTILINE,
)


# A clause before a Korean name making them one of ours: `우리 커뮤니티 창립 멤버이자 3년째
# 운영진으로 함께하고 있는 신하윤 님`.
_KO_OURS_BEFORE = re.compile(
    r"(?:우리|저희)\s?(?:커뮤니티|모임|회사|팀|학회|동아리)의?\s(?:[^\s.!?]+\s){0,6}?$"
)
_KO_MEMBER_WORDS = re.compile(r"멤버|운영진|팀원|동료|직원|구성원|창립|리더")


def _a_unit_or_title_of_ours(draft: Draft, person: Span, community: bool) -> bool:
    """`피플팀 오하늘 님` in the company's own post: of no organisation the text names there; or a
    clause before the name saying they are one of ours. The titles of a community's organisers
    (`운영진 김태호 님`) make one of ours only in a community's post: in a company's, they are
    another group's organisers."""
    text = draft.article.text
    clause = _KO_OURS_BEFORE.search(text, max(0, person.start - 60), person.start)
    if clause is not None and _KO_MEMBER_WORDS.search(clause.group()):
        return True
    before = _KO_UNIT_OR_TITLE_BEFORE.search(text, max(0, person.start - 20), person.start)
    if before is None or draft.spans_over(before.start(), before.end()):
        return False
    if before.group().strip() in _ORGANISERS_TITLES and not community:
        return False
    owner = draft.mentioned_at(before.start() - 2)
    return owner is None or owner.type != EntityType.ORGANIZATION
