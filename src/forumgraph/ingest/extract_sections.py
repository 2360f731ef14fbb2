"""The person a section of a document belongs to, when its heading is that person's name with
at most a label beside it: a post of a collection (`2. X — @yusuf_codes (Yusuf Adebayo)`), a
profile on a team or organisers' page (`배수진 · 대표 오거나이저`, `Priya Raman — Staff SRE`).

Under such a heading, `I` is that person, and so is the subject a Korean bio leaves out
(`부산의 스타트업 파도랩스에서 DevOps 엔지니어로 일하고 있습니다`). A heading about a person
(`Keynote by Jane Doe`, `김민수 님의 발표`) is no such heading.

Sections also give people their groups: the people profiled on a page about one organisation's
people, those on a line labelled with an organisation, those at a sponsor's booth, and those
attending a committee's meeting.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_named import record_for
from forumgraph.ingest.extract_people_ko import CJK
from forumgraph.ingest.extract_records import Draft
from forumgraph.models import EntityType
from forumgraph.text.particles import strip_particles

# A heading as reading leaves it: a short line of its own between blank lines, with no full stop;
# or a Markdown heading, or a line all in bold, which the text may follow on the next line.
HEADING = re.compile(
    r"(?:(?<=\n\n)|^)(?![^\n]*[a-z][.!?]\s)[^\n]{3,100}(?<![.!?:,;])(?=\n\n)"
    r"|(?m:^#{1,6}[ \t][^\n]{2,100}$)"
    r"|(?m:(?<=\n\n)\*\*[^*\n]{2,80}\*\*[ \t]*$)"
)
# Besides the name: a number, a platform or title in capitals, a handle, the name in other
# letters in brackets, punctuation, and Korean words of a role (`대표 오거나이저`, `스폰서 담당`).
_A_LABEL = re.compile(rf"(?:[\W\d_]+|\b[A-Z][\w.]*\b|@[\w.-]+|{CJK}+|[가-힣]+){{0,16}}")
_HANGUL_WORD = re.compile(r"[가-힣]+")
# A list item or line that opens with a name, then a dash or colon.
_NAMED_LINE = re.compile(
    r"[\s>*_-]*(?P<name>[^\s*_][^\n—:|·]{1,60}?)[*_]*\s?(?:\([^()\n]{1,40}\)\s?)?[—:–|·]"
)


def person_of_section(draft: Draft, offset: int) -> str | None:
    """The person of the nearest heading before `offset`, if it names one with no more than a
    label beside; a handle beside the name is the same person's. A line starting with a person's
    name and a dash (`- **석민호** — 2022~2024년 운영진. ...`) is a section of its own."""
    text = draft.article.text
    # the line itself, or the first line of its paragraph (`**윤채원** (모더레이터) | ...` above a
    # bio)
    for line_start in (text.rfind("\n", 0, offset) + 1, text.rfind("\n\n", 0, offset) + 2):
        line = _NAMED_LINE.match(text, line_start)
        if line is not None:
            found = draft.mentioned_at(line.start("name"))
            if found is not None and found.type == EntityType.PERSON and found.end <= line.end():
                return found.key
    for heading in reversed(list(HEADING.finditer(text, 0, offset))):
        spans = [
            s for s in draft.spans_in(heading.start(), heading.end()) if s.type == EntityType.PERSON
        ]
        if not spans:
            if text[heading.start()].islower():
                continue  # a post's own first line (`personal news`), not a section's heading
            return None
        rest = text[heading.start() : heading.end()]
        for span in spans:
            rest = rest.replace(text[span.start : span.end], " ")
        if not _a_label(rest):
            return None
        people = {s.key for s in spans}
        named = {key for key in people if not draft.names_of(key)[0].text.startswith("@")}
        people = named or people
        return people.pop() if len(people) == 1 else None
    return None


def section_end(text: str, heading: re.Match[str]) -> int:
    """Where the section under `heading` ends: at the next heading of its level or above (a
    person's bold line heads a part of it)."""
    level = _level(heading.group())
    for following in HEADING.finditer(text, heading.end()):
        if _level(following.group()) <= level:
            return following.start()
    return len(text)


def _level(heading: str) -> int:
    """1-6 for Markdown headings, 7 for a line of its own or in bold."""
    hashes = len(heading) - len(heading.lstrip("#"))
    return hashes if 1 <= hashes <= 6 else 7


def _a_label(rest: str) -> bool:
    """Words of a label only; Korean ones without particles (not `님의 발표`)."""
    if not _A_LABEL.fullmatch(rest):
        return False
    # (in brackets, a spelling or a role: `Sarah Nguyen (사라 응우옌)`)
    outside = _IN_BRACKETS.sub(" ", rest)
    return all(strip_particles(w) == w for w in _HANGUL_WORD.findall(outside))


_IN_BRACKETS = re.compile(r"\([^()\n]*\)")


# Words of a page about the people of one organisation (`운영진 소개`, `Meet the team`).
_PEOPLE_PAGE = re.compile(
    r"운영진|오거나이저|팀원|구성원|멤버|\b(?:[Tt]eam|[Oo]rgani[sz]ers|[Ss]taff|[Pp]eople|[Mm]eet)\b"
)
# A role on such a page that makes the person one of the organisation's.
_MEMBER_ROLE = re.compile(
    r"운영진|오거나이저|코디네이터|대표|리드|팀장|팀원|멤버"
    r"|\b(?:[Cc]o-?)?[Oo]rgani[sz]er\b|\b[Oo]rgani[sz]ing\s(?:team|committee)\b"
    r"|\b(?:[Ll]ead|[Cc]hair|[Vv]olunteer|[Mm]ember)s?\b"
)


def add_members_of_the_page(draft: Draft) -> None:
    """On a page about the people of one organisation, its title naming it (`운영진 소개 —
    클라우드네이티브 부산`, `Meet the Platform Group`), each person whose section or line gives
    them a role of it (`배수진 · 대표 오거나이저`, `석민호 — 2022~2024년 운영진`) is one of its
    people."""
    text = draft.article.text
    title_end = text.find("\n")
    title_end = len(text) if title_end < 0 else title_end
    title = draft.article.title
    if not (_PEOPLE_PAGE.search(text, 0, title_end) or _PEOPLE_PAGE.search(title)):
        return
    groups = {s.key for s in draft.spans_in(0, title_end) if s.type == EntityType.ORGANIZATION}
    groups |= {
        key
        for key in draft.keys(EntityType.ORGANIZATION)
        if any(_named_in(n.text, title) for n in draft.names_of(key))
    }
    if len(groups) != 1:
        return
    group = groups.pop()
    organisers = _people_heading_sections_of_organisers(draft)
    for person in [s for s in draft.spans if s.type == EntityType.PERSON]:
        line_start = text.rfind("\n", 0, person.start) + 1
        line_end = text.find("\n", person.end)
        line = text[person.end : line_end if line_end >= 0 else len(text)]
        opens = not re.search(r"\w", text[line_start : person.start])
        if (opens and _MEMBER_ROLE.search(line[:60])) or person.key in organisers:
            draft.fact(person.key, "affiliation", group, passage_id=person.passage_id)


def _named_in(name: str, title: str) -> bool:
    return re.search(rf"(?<![\w가-힣]){re.escape(name)}(?!\w)", title) is not None


# A heading over the organisers' profiles: `운영진을 소개합니다`, `Meet the organisers`.
_ORGANISERS_HEADING = re.compile(
    r"운영진|오거나이저|스태프|\b(?:[Oo]rgani[sz](?:ers|ing\s(?:[Tt]eam|[Cc]ommittee))"
    r"|[Cc]ore\s[Tt]eam)\b"
)


def _people_heading_sections_of_organisers(draft: Draft) -> set[str]:
    """The people whose profiles stand under a heading over the organisers."""
    text = draft.article.text
    people: set[str] = set()
    for heading in HEADING.finditer(text):
        if not _ORGANISERS_HEADING.search(heading.group()):
            continue
        end = section_end(text, heading)
        for person in draft.spans_in(heading.end(), end, EntityType.PERSON):
            if person_of_section(draft, person.start) == person.key:
                people.add(person.key)
    return people


# A line labelled with an organisation, then the people of it: `**Inside Larkspur:** Priti Sandhu
# and Gus Okonkwo …`, `**At Google:** …`, `Toss: …` (not `Outside Larkspur:`).
_ORGANISATION_LABEL = re.compile(
    r"(?m)^[ \t>*_-]*(?:(?:From|At|Inside|Within|Team|Our\sfriends\sat)\s)?"
    r"(?P<label>[^\s:*_\n][^:*_\n]{0,40}?)[*_]*\s?[:：][*_]*\s(?P<rest>[^\n]+)"
)


def add_people_under_an_organisation_label(draft: Draft) -> None:
    """The people of a line whose label is an organisation's name are its people."""
    text = draft.article.text
    for line in _ORGANISATION_LABEL.finditer(text):
        label = draft.mentioned_at(line.start("label"))
        if (
            label is None
            or label.type != EntityType.ORGANIZATION
            or (label.start, label.end) != line.span("label")
        ):
            continue
        for person in draft.spans_in(*line.span("rest"), EntityType.PERSON):
            draft.fact(person.key, "affiliation", label.key, passage_id=person.passage_id)


# A page about sponsors' or exhibitors' booths: its title or a heading says so.
_BOOTHS_PAGE = re.compile(r"부스|후원사|스폰서|전시|\b(?:[Bb]ooths?|[Ss]ponsors?|[Ee]xhibitors?)\b")


def add_people_of_booths(draft: Draft) -> None:
    """On a page about sponsors' booths, a section headed by one organisation (`### 4. 데이터독 —
    한국어 가능!`, `### Google Cloud · Booth P1`), or a list item opening with its name in bold
    (`- **OVHcloud** (S1) — … Staffed by Hugo Lefèvre`), has as its people those it names with no
    organisation of their own (where they came from is none); not the writer."""
    text = draft.article.text
    headings = list(HEADING.finditer(text))
    if not (
        _BOOTHS_PAGE.search(draft.article.title)
        or any(_BOOTHS_PAGE.search(h.group()) for h in headings)
    ):
        return
    writers = {
        key
        for key in draft.keys(EntityType.PERSON)
        if any(n.text in draft.article.header.get("author", "") for n in draft.names_of(key))
    }
    sections = [(h.start(), h.end(), section_end(text, h)) for h in headings]
    sections += [
        (i.start(), i.end("name"), i.end()) for i in _ITEM_OF_AN_ORGANISATION.finditer(text)
    ]
    for start, head_end, end in sections:
        named = {s.key for s in draft.spans_in(start, head_end)}
        organisations = {k for k in named if draft.type_of(k) == EntityType.ORGANIZATION}
        if len(organisations) != 1 or any(draft.type_of(k) == EntityType.PERSON for k in named):
            continue
        organisation = organisations.pop()
        for person in draft.spans_in(head_end, end, EntityType.PERSON):
            if person.key not in writers and not _employed_elsewhere(draft, person.key):
                draft.fact(person.key, "affiliation", organisation, passage_id=person.passage_id)


# A list item opening with a name in bold: `- **OVHcloud** (S1) — Managed Kubernetes …`.
_ITEM_OF_AN_ORGANISATION = re.compile(r"(?m)^[ \t]*[-*]\s\*\*(?P<name>[^*\n]{2,40})\*\*[^\n]*$")
# What says an organisation is where a person came from: `came over from SUSE`, `쿠팡 출신`.
_CAME_FROM = re.compile(r"\b(?:from|ex-|formerly\s(?:at|of))\s?(?:the\s)?$|前\s?$")


def _employed_elsewhere(draft: Draft, person: str) -> bool:
    """Whether the text says where the person works, not only where they came from."""
    text = draft.article.text
    for fact in draft.facts_of(person, "affiliation"):
        mentions = [s for s in draft.spans if s.key == fact.value]
        if not any(
            _CAME_FROM.search(text, max(0, s.start - 20), s.start)
            or text.startswith((" 출신", "출신"), s.end)
            for s in mentions
        ):
            return True
    return False


# The minutes of a committee's meeting, by their title: `KCD Halifax 2026 organizing committee —
# call #7 minutes`, `… 준비위원회 3차 회의록`.
_MINUTES_OF = re.compile(
    r"^(?P<group>[^\n—–:|]{3,60}?\s(?:(?:[Oo]rgani[sz]ing|[Pp]rogram(?:me)?|[Ss]teering)\s"
    r"[Cc]ommittee|준비위원회|조직위원회|운영위원회))\b.*(?:[Mm]inutes|[Nn]otes|회의록)"
)
# A label over those who attended, or sent their regrets: `**Attendees**`, `Present:`, `참석자`.
_ATTENDED = re.compile(
    r"(?mi)^[ \t>*_#-]*(?:attendees|attending|present|regrets|apologies|참석자?|불참)"
    r"[*_]*\s*[:：]?[*_]*"
)
# A label that ends their list: the next one (`**Guest:**`, `**Notes:**`) or a heading.
_NEXT_LABEL = re.compile(r"(?m)^[ \t>*_]*(?:\*\*[^*\n]+\*\*|[A-Z][\w ]{1,20}:|#|---)")


def add_attendees_of_minutes(draft: Draft) -> None:
    """In a committee's minutes, the people listed as attending or sending their regrets are the
    committee's (not its guests)."""
    found = _MINUTES_OF.match(draft.article.title)
    if found is None:
        return
    group = record_for(draft, EntityType.ORGANIZATION, found["group"].strip())
    if draft.type_of(group) != EntityType.ORGANIZATION:
        return
    text = draft.article.text
    for label in _ATTENDED.finditer(text):
        following = _NEXT_LABEL.search(text, label.end() + 1)
        end = following.start() if following else len(text)
        for person in draft.spans_in(label.end(), end, EntityType.PERSON):
            draft.fact(person.key, "affiliation", group, passage_id=person.passage_id)


# A heading that names a committee or team by its kind (`## 올해 준비위원회`, `## Program
# committee`); the document names the body itself in full elsewhere (`CNCD 대전 준비위원회`).
_COMMITTEE_HEADING = re.compile(
    r"(?P<kind>준비위원회|조직위원회|운영위원회|프로그램\s?위원회|심사위원단|심사위원회"
    r"|(?i:organi[sz]ing\scommittee|program(?:me)?\scommittee|steering\scommittee))"
)
_COMMITTEE_HEADING_WORDS = 4
_LIST_LINE = re.compile(r"[ \t]*(?:[-*+•|]|\d+[.)])")


def add_members_listed_under_a_committee(draft: Draft) -> None:
    """The people listed under a heading that names a committee by its kind are members of the
    one organisation the document names with that kind at its end."""
    text = draft.article.text
    for heading in HEADING.finditer(text):
        kind = _COMMITTEE_HEADING.search(heading.group())
        if kind is None or len(heading.group().strip("#*_ \n").split()) > _COMMITTEE_HEADING_WORDS:
            continue  # (`KCD Fundy 2026 — Organizing Committee Call #3`: a meeting of it)
        ending = re.sub(r"\s", "", kind["kind"]).lower()
        bodies = {
            key
            for key in draft.keys(EntityType.ORGANIZATION)
            if any(
                re.sub(r"\s", "", n.text).lower().endswith(ending)
                and len(re.sub(r"\s", "", n.text)) > len(ending)
                for n in draft.names_of(key)
            )
        }
        if len(bodies) != 1:
            continue
        body = bodies.pop()
        for person in draft.spans_in(heading.end(), section_end(text, heading), EntityType.PERSON):
            line_start = text.rfind("\n", 0, person.start) + 1
            if _LIST_LINE.match(text, line_start):
                draft.fact(person.key, "affiliation", body, passage_id=person.passage_id)
