"""People and their organisations from the rows of a table whose header names the columns, as
speaker lists and line-ups are written:

    시간 | 발표자 | 소속 / 직함 | 제목
    10:50 | 서다인 (Seo Dain) | 한빛은행 클라우드플랫폼부 / 차장 | 망분리 환경에서 ...
    | Speaker | Company | Talk |

A cell under a person's column (`발표자`, `Speaker`, `Name`) is a person where it reads as a name;
the cell under the organisation's column (`소속`, `Company`, `Affiliation`) is where they work,
without the title after a slash and the unit after the name (`한빛은행`). Without such a column, an
organisation in brackets after the name is theirs (`Ann Lee (Acme)`). A column of teams (`팀명`,
`Team`) makes each row's people members of the team the row names. Facts cite the row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from forumgraph.ingest.extract_bylines import (
    LEGAL_FORM_AFTER_COMMA,
    NAME_AND_BRACKETS,
    credited_organisation,
    credited_person,
    spells_in_other_script,
)
from forumgraph.ingest.extract_careers import read_bio
from forumgraph.ingest.extract_credit_lines import organisation_in_parts
from forumgraph.ingest.extract_named import (
    NOT_AN_ORGANISATION_GUESSES,
    known_entry,
    take_back_a_guess,
)
from forumgraph.ingest.extract_orgs_ko import name_form
from forumgraph.ingest.extract_people import (
    COMPANY_WORDS,
    INSTITUTION,
    PROGRAMME_ROLES,
    ROLE_HEADS,
    person,
)
from forumgraph.ingest.extract_people_cues import KO_ROLE_HEADS, names_no_employer
from forumgraph.ingest.extract_people_ko import KO_PERSON_MARKERS
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer
from forumgraph.text.hangul import has_hangul

_PERSON_COLUMN = re.compile(
    # (`진행`, `사회` as the whole header: not `진행 언어`)
    r"발표자|연사|스피커|강연자|이름|성명|패널리스트|패널|진행자|사회자|진행\s*$|사회\s*$|저자"
    r"|메인테이너|팀원|구성원"
    r"|speakers?|presenters?|names?|panell?ists?|moderators?|hosts?|authors?|maintainers?|who"
    r"|(?:team\s)?members?|winners?|수상자|mentees?|멘티|(?:booth\s)?staff|스태프"
    r"|기여자|contributors?|recipients?|honou?rees?|nominees?",
    re.IGNORECASE,
)
# A column of the team each row's people form (`팀명`, `Team`), as a hackathon's results give it.
_TEAM_COLUMN = re.compile(r"^(?:팀명?|팀\s?이름|(?i:team(?:\sname)?))$")
# Brackets after the last of a cell's people that speak for all of them: `조은비, 황지훈 (이상
# 숭실대학교)`, `Ann Lee, Bo Kim (both Acme)`.
_FOR_ALL = re.compile(r"(?:이상|모두|all|both|all\sfrom|both\sfrom)\s+(?P<org>.+)", re.IGNORECASE)
_ORG_COLUMN = re.compile(
    r"소속|회사|기관|단체|직장|affiliations?|compan(?:y|ies)|organi[sz]ations?|employers?|orgs?"
    r"|day\s?jobs?|works?\s(?:at|for)|workplace"
    # where the people were before, or studied: `이전 경력`, `전 직장`, `학교`, `Previously`
    r"|이전\s?경력|전\s?직장|이전\s?회사|학교|출신|previously|previous\s(?:company|employer)"
    # whose booth or stand a row is: `| Sponsor | Booth | Booth staff |`
    r"|sponsors?|exhibitors?|스폰서|후원사",
    re.IGNORECASE,
)
# A column of short bios beside the people (`한 줄 소개`, `Bio`, `About`).
_BIO_COLUMN = re.compile(r"(?:한\s?줄\s?)?소개|약력|프로필|(?i:bio(?:graphy)?|about|profile)")
_NAMES_COLUMN = re.compile(r"이름|성명|(?i:names?)")
_HANGUL_GIVEN_NAME = re.compile(r"[가-힣]{2,4}")
# A header cell is a label, not a sentence.
_HEADER_CELL_CHARS = 24
# The `|---|:--:|` line under a Markdown header.
_RULE = re.compile(r"[\s|:-]+")
# The title after the organisation in one cell: `한빛은행 / 차장`, `Kumobit / CTO`.
_TITLE_AFTER = re.compile(r"\s*/\s*")
# Between two people of one cell.
_PEOPLE = re.compile(r"\s*(?:,|·|&|\band\b|및)\s*")


@dataclass(frozen=True)
class _Cell:
    text: str
    start: int
    end: int


def add_table_rows(draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer) -> None:
    """People, organisations and affiliations of tables that have a person's column."""
    # The whole text, not passage by passage: a long table runs over a passage's end.
    for header, rows in _tables(draft.article.text, 0):
        person_column = _column(header, _PERSON_COLUMN)
        org_column = _column(
            header, _ORG_COLUMN, besides=-1 if person_column is None else person_column
        )
        if person_column is None and org_column is not None:
            # `| Working group | Chair | Employer |`: a role's column beside an employer's
            person_column = _role_column(header, besides=org_column)
        if person_column is None:
            continue
        # a column of names (`이름`, `Name`): a Hangul given name alone is a person there
        names = _NAMES_COLUMN.fullmatch(header[person_column].text.strip(" *_`")) is not None
        bio_column = next(
            (i for i, c in enumerate(header) if _BIO_COLUMN.fullmatch(c.text.strip(" *_`"))),
            None,
        )
        team_column = next(
            (i for i, c in enumerate(header) if _TEAM_COLUMN.match(c.text.strip(" *_`"))), None
        )
        for row in rows:
            passage = draft.passage_at(row[0].start)
            org_cell = row[org_column] if org_column is not None else None
            passage_id = passage.passage_id if passage is not None else None
            cell = row[person_column]
            if (
                names
                and _HANGUL_GIVEN_NAME.fullmatch(cell.text)
                and not gazetteer.lookup(cell.text)
            ):
                draft.mention(person(draft, None, cell.text), cell.start, cell.end)
            members = _row(draft, gazetteer, analyzer, cell, org_cell, passage_id)
            if team_column is not None and row[team_column].text.strip(" *_`"):
                _team(draft, gazetteer, row[team_column], members, passage_id)
            if org_cell is None:
                others = [c for i, c in enumerate(row) if i != person_column]
                _employer_in_a_bio(draft, gazetteer, analyzer, cell, others, passage_id)
            # (`'kube도사' 오민석 님`: a cell whose one person another rule read)
            members = members or [
                s.key for s in draft.spans_in(cell.start, cell.end, EntityType.PERSON)
            ]
            if bio_column is not None and len(set(members)) == 1 and bio_column < len(row):
                bio = row[bio_column]
                read_bio(draft, gazetteer, analyzer, members[0], bio.start, bio.end)


def _row(
    draft: Draft,
    gazetteer: Gazetteer,
    analyzer: Analyzer,
    person_cell: _Cell,
    org_cell: _Cell | None,
    passage_id: str | None,
) -> list[str]:
    """The people of a row's cell, each with their organisation; returns their keys."""
    people = list(_people(person_cell.text))
    orgs: list[str | None] = [None] * len(people)
    for_all = _FOR_ALL.fullmatch(people[-1][1] or "") if people else None
    if for_all is not None:
        people = [(name, for_all["org"]) for name, _ in people]
    if org_cell is not None:
        # one cell may be everyone's: its organisation is read once
        cells = _cells_of(org_cell, len(people))
        read = {c.start: _organisation(draft, gazetteer, c) for c in cells}
        orgs = [read[c.start] for c in cells]
    keys: list[str] = []
    for (name, paren), org in zip(people, orgs, strict=True):
        if keys and paren is None and org is None and _an_organisation(name, gazetteer):
            # `Tobias Ferreira, Universidade de São Paulo`: the organisation after the person
            org_key = credited_organisation(draft, gazetteer, name)
            if draft.type_of(org_key) == EntityType.ORGANIZATION:
                draft.fact(keys[-1], "affiliation", org_key, passage_id=passage_id)
            continue
        key = credited_person(draft, gazetteer, analyzer, name)
        if key is None and paren and spells_in_other_script(name, paren):
            # `모리 켄지 (Kenji Mori)`: a name of another language, spelled in both scripts
            key = credited_person(draft, gazetteer, analyzer, paren)
            name, paren = paren, name
        if key is None:
            continue
        keys.append(key)
        start = draft.article.text.find(name, person_cell.start, person_cell.end)
        if start >= 0:
            draft.mention(key, start, start + len(name))
        own = org
        if paren and (spells_in_other_script(name, paren) or _HANDLE.fullmatch(paren)):
            draft.add_variant(key, paren)  # `서다인 (Seo Dain)`, `Kwame Mensah (@kmensah)`
        elif (
            paren
            and own is None
            and not names_no_employer(paren)
            and paren.lower() not in PROGRAMME_ROLES  # `Haruka Ito (moderator)`: a part played
        ):
            own = credited_organisation(draft, gazetteer, paren)  # `Ann Lee (Acme)`
        if own is not None:
            draft.fact(key, "affiliation", own, passage_id=passage_id)
    return keys


_HANDLE = re.compile(r"@[A-Za-z0-9_.-]{2,39}")


def _an_organisation(name: str, gazetteer: Gazetteer) -> bool:
    """A known organisation, an institution or a company by its last word."""
    entry = known_entry(gazetteer, name)
    if entry is not None:
        return entry.kind == EntityType.ORGANIZATION.value
    return bool(INSTITUTION.search(name)) or name.split()[-1] in COMPANY_WORDS


def _team(
    draft: Draft, gazetteer: Gazetteer, cell: _Cell, members: list[str], passage_id: str | None
) -> None:
    """The team a row names, a group its people belong to."""
    name = cell.text.strip(" *_`")
    team = credited_organisation(draft, gazetteer, name)
    if draft.type_of(team) != EntityType.ORGANIZATION:
        return
    start = draft.article.text.find(name, cell.start, cell.end)
    if start >= 0 and not draft.spans_over(start, start + len(name)):
        draft.mention(team, start, start + len(name))
    for member in members:
        draft.fact(member, "affiliation", team, passage_id=passage_id)


def _employer_in_a_bio(
    draft: Draft,
    gazetteer: Gazetteer,
    analyzer: Analyzer,
    person_cell: _Cell,
    others: list[_Cell],
    passage_id: str | None,
) -> None:
    """`| 지민 | 당근 백엔드 개발자, 스터디장 |`: a cell beside a person that opens with an
    organisation's name, then a role, says where the person works."""
    person_span = draft.mentioned_at(person_cell.start)
    if person_span is None or person_span.type != EntityType.PERSON:
        return
    for cell in others:
        words = _BIO_FIRST_PART.split(cell.text.strip(" *_`"), maxsplit=1)[0].split()
        if len(words) < 2 or not any(_a_role_word(w) for w in words[1:3]):
            continue
        name = words[0]
        entry = gazetteer.lookup(name)
        known = entry is not None and entry.kind == EntityType.ORGANIZATION.value
        if not known and not (has_hangul(name) and name_form(name, analyzer, gazetteer)):
            continue  # (`Principal Engineer`: a Latin word before a role may be its modifier)
        org = credited_organisation(draft, gazetteer, name)
        start = draft.article.text.find(name, cell.start, cell.end)
        if start >= 0 and not draft.spans_over(start, start + len(name)):
            draft.mention(org, start, start + len(name))
        draft.fact(person_span.key, "affiliation", org, passage_id=passage_id)


_BIO_FIRST_PART = re.compile(r"\s*[,(/·]\s*")


def _a_role_word(word: str) -> bool:
    """A role, or a student's place at a school (`4학년`, `석사과정`, `컴퓨터학과`)."""
    return (
        _a_role_head(word)
        or word.endswith(KO_ROLE_HEADS)
        or word.endswith(("학년", "과정", "학생", "학과", "학부", "대학원"))
    )


def _a_role_head(word: str) -> bool:
    """A role's word, singular or plural, in any case (`Chair`, `Co-chairs`)."""
    word = word.lower()
    return word in ROLE_HEADS or word.removesuffix("s") in ROLE_HEADS


def _cells_of(cell: _Cell, people: int) -> list[_Cell]:
    """The organisation of each of the cell's people: `Alpenlicht Retail / SUSE` beside two
    people is one each; otherwise the cell is everyone's (`한빛은행 / 차장`: a title after it)."""
    parts = [p for p in _TITLE_AFTER.split(cell.text) if p.strip()]
    if people < 2 or len(parts) != people:
        return [cell] * people
    out, at = [], cell.start
    for part in parts:
        begin = cell.start + cell.text.index(part, at - cell.start)
        out.append(_Cell(part.strip(), begin, begin + len(part.strip())))
        at = begin + len(part)
    return out


def _organisation(draft: Draft, gazetteer: Gazetteer, cell: _Cell) -> str | None:
    """The organisation a cell names, without the title after a slash; none for `프리랜서`."""
    text = _TITLE_AFTER.split(cell.text.strip(" *_`"))[0].strip()
    if text.count("(") > text.count(")"):
        # `CTO, Tessera Cloud GmbH (Berlin / Istanbul)`: the slash was inside the brackets
        text = _TRAILING_BRACKETS.sub("", cell.text.strip(" *_`")).strip()
    if not text or names_no_employer(text) or text in {"-", "—"}:
        return None
    if _SEVERAL_PARTS.search(text) and not LEGAL_FORM_AFTER_COMMA.search(text):
        # `CTO, Tessera Cloud GmbH (Berlin)`, `SRE — Getir`: a role and where it is held
        at = draft.article.text.find(text, cell.start, cell.end)
        return organisation_in_parts(draft, gazetteer, text, at if at >= 0 else cell.start)
    match = NAME_AND_BRACKETS.match(text)
    name, paren = (match["name"].strip(), match["paren"]) if match else (text, None)
    if names_no_employer(name):
        # `independent (previously OVHcloud)`: none now, and where the person was
        before = _PREVIOUSLY.fullmatch(paren or "")
        if before is None:
            return None
        name, paren = before["org"], None
    start = draft.article.text.find(name, cell.start, cell.end)
    if start >= 0:  # the column says what it is (`Bankhaus Lindqvist` is no person)
        end = start + len(name)
        take_back_a_guess(draft, gazetteer, start, end, NOT_AN_ORGANISATION_GUESSES)
    key = credited_organisation(draft, gazetteer, name)
    if draft.type_of(key) != EntityType.ORGANIZATION:
        return None
    if paren and spells_in_other_script(name, paren):
        draft.add_variant(key, paren)  # `오픈필드(OpenField)`
    if start >= 0:
        draft.mention(key, start, start + len(name))
    return key


_TRAILING_BRACKETS = re.compile(r"\s*\([^()]*\)$")
_PREVIOUSLY = re.compile(r"(?:previously|formerly|ex-|前|전)\s?(?:at\s)?(?P<org>\S.{0,40})", re.I)
_SEVERAL_PARTS = re.compile(r",\s|\s[-–—·]\s")


def _people(text: str) -> Iterator[tuple[str, str | None]]:
    for part in _PEOPLE.split(text.strip(" *_`")):
        match = NAME_AND_BRACKETS.match(part.strip())
        if match is not None:
            yield match["name"].strip(), match["paren"]


def _column(header: list[_Cell], pattern: re.Pattern[str], besides: int = -1) -> int | None:
    return next(
        (
            i
            for i, cell in enumerate(header)
            if i != besides
            and len(cell.text) <= _HEADER_CELL_CHARS
            and pattern.search(cell.text) is not None
        ),
        None,
    )


def _role_column(header: list[_Cell], besides: int) -> int | None:
    """The column headed by a role, singular or plural (`Chair`, `Co-chairs`, `멘토`)."""
    for i, cell in enumerate(header):
        word = cell.text.strip(" *_`")
        if i != besides and (_a_role_head(word) or word.lower() in KO_PERSON_MARKERS):
            return i
    return None


def _tables(text: str, offset: int) -> Iterator[tuple[list[_Cell], list[list[_Cell]]]]:
    """Runs of two lines or more with the same number of cells (two or more): the first line
    is the header, the others the rows."""
    run: list[list[_Cell]] = []
    position = 0
    for line in [*text.split("\n"), ""]:
        start, position = position, position + len(line) + 1
        if _RULE.fullmatch(line) and "-" in line:
            continue
        cells = _cells(line, offset + start)
        if len(cells) >= 2 and (not run or len(cells) == len(run[0])):
            run.append(cells)
            continue
        if len(run) >= 2:
            yield run[0], run[1:]
        run = [cells] if len(cells) >= 2 else []


def _cells(line: str, start: int) -> list[_Cell]:
    """The cells of a line split at `|` (the pipes that open or close it are no separators)."""
    if "|" not in line:
        return []
    parts, positions, position = [], [], 0
    for part in line.split("|"):
        parts.append(part)
        positions.append(position)
        position += len(part) + 1
    if not parts[0].strip():
        parts, positions = parts[1:], positions[1:]
    if parts and not parts[-1].strip():
        parts, positions = parts[:-1], positions[:-1]
    cells = []
    for part, at in zip(parts, positions, strict=True):
        stripped = part.strip()
        begin = start + at + (part.index(stripped) if stripped else 0)
        cells.append(_Cell(stripped, begin, begin + len(stripped)))
    return cells
