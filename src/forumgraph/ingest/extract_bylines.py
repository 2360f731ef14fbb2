"""The author line of the header: authors, translators and editors with their organisations.

`author: Jane Doe (Acme), Bob Roe (Initech); 번역: 김민수 (가나다), 이영희 (ETRI)`,
`Ann Lee, Acme Research`, `박지성 (jspark), 어느회사 플랫폼 부문`, `Kubernetes 1.40 Release Team
(Editors: Ann Lee, Bob Roe)`. Groups are separated by `;`, people by `,`, `and` or `및`; a role
label (`번역:`, `Editors:`) opens a group. In parentheses after a person: a handle (one lower-case
word) or an organisation; after a group: its members. An organisation listed after people who
have none is theirs. The header is not part of the text, so these facts cite no passage.
"""

from __future__ import annotations

import re

from forumgraph.ingest.dates import find_dates
from forumgraph.ingest.extract_named import known_entry, record_for
from forumgraph.ingest.extract_orgs import add_entry
from forumgraph.ingest.extract_orgs_by_kind import GROUP_KINDS
from forumgraph.ingest.extract_people import ROLE_HEADS, is_person_name, person, person_name_from
from forumgraph.ingest.extract_people_cues import (
    KO_ROLE_HEADS,
    a_function,
    list_name,
    names_no_employer,
)
from forumgraph.ingest.extract_people_ko import (
    IN_CHARACTERS,
    KO_PERSON_MARKERS,
    known_person,
    spells_name,
)
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.extract_text import word_set
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.ingest.korean_names import is_korean_name
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer
from forumgraph.text.hangul import has_hangul

# A role label opening a group of the byline (`번역:`, `Editors:`, `Interview by`).
_LABEL_WORDS = (
    r"(?:번역|역자|옮긴이|감수|편집|글|글쓴이|저자|작성자|정리|기고|취재|인터뷰|원문"
    r"|Translat(?:ors?|ed by)|Editors?|Reviewers?|Authors?"
    r"|(?:Written|Interview(?:ed)?|Curated|Compiled|Reported|Words|Text|Story) by|By)"
)
_LABEL = re.compile(rf"^\s*{_LABEL_WORDS}\s*[:：]?\s+", re.IGNORECASE)
# Between a person and their organisation in a byline: `Ann Lee | Acme`, `김민수 / 가나다`.
_PERSON_ORG_SEPARATOR = re.compile(r"\s+(?:[|—–/]|-)\s+")
# A role and where it is held: `Platform Engineer at Acme`, `editor of The Daily Pod`.
_ROLE_AT = re.compile(r"^(?P<role>(?:[\w-]+\s){0,3}?(?P<head>[\w-]+))\s(?:at|of|@)\s(?P<org>\S.*)$")
# Words before a title that belong to it (`플랫폼 엔지니어`, `DevOps 엔지니어`, `공동 진행자`).
_TITLE_MODIFIERS = word_set(
    "플랫폼 인프라 데이터 백엔드 프론트엔드 보안 클라우드 공동 수석 책임 선임 시니어 주니어 "
    "소프트웨어 솔루션 기술 개발 운영 네트워크 시스템 풀스택 모바일 엔지니어링 프로덕트 제품 "
    "디자인 마케팅 테크니컬 데브옵스 머신러닝 고객 DevOps SRE ML AI"
)
_TITLE_JOINERS = word_set("겸 및 and &")
# Between a department and its first member, or one member and the next: a title, a comma.
_MEMBER_GAP = re.compile(r"^\s?(?:[가-힣A-Za-z]{1,5}\s?)?(?:,|및|와|과)?\s?$")
# A line of the text that credits people: a label and a colon, then names.
CREDIT_LABELS = (
    r"(?:(?:인터뷰|취재|글|사진)\s?[·/]\s?(?:정리|글|사진)"  # `인터뷰·정리`
    r"|글|번역|역자|옮긴이|감수|편집|작성자?|저자|필자|참석자|발표자?|연사|기고|정리|취재|인터뷰"
    r"|진행자?|사회자?|게스트|출연진?|패널|호스트|모더레이터"
    r"|Speakers?|Authors?|Editors?|Translators?|Reviewers?|Presenters?|Panell?ists?|Moderators?"
    r"|Hosts?|Guests?|Organi[sz]ers?|Organi[sz]ing team|Volunteers?|운영진|Written by"
    r"|Translated by|Edited by|Reviewed by"
    # the people of a project or a programme: `**Maintainers:** Hana Sato (@hanasato, Lumenrail)`
    r"|Maintainers?|Contributors?|Mentors?|Mentees?|Judges?|메인테이너|기여자|멘토|멘티|심사위원)"
)
_CREDIT_LINE = re.compile(
    rf"^[\s>*#_-]*{CREDIT_LABELS}\s*[*_]*\s*[:：]\s*[*_]*\s*"
    r"(?P<names>[^:：]{2,300}?)\s*[*_]*\s*$",
    re.IGNORECASE,
)
# Where a second credit starts on one line (`진행: 권도현 게스트: 황보석진`, lines a Markdown
# paragraph joined).
_NEXT_CREDIT = re.compile(rf"\s+(?=[*_]*{CREDIT_LABELS}\s*[*_]*\s*[:：])", re.IGNORECASE)
_EDITORS = re.compile(r"^[\s>*#_-]*(?:Editors?|Edited by|편집)\s*[*_]*\s*[:：]", re.IGNORECASE)
# Sentences after a credit's last brackets: `편집: 마은지(…), 도건우(…). 클네레터는 …`.
_SENTENCES_AFTER = re.compile(r"(?<=\))[.。]\s+\S.*$")
# `일동` (all of), `등` (and others) or a full stop after the last name.
_CREDIT_END = re.compile(r"\s*(?:일동|등|외\s?\d+\s?(?:명|인))?\s*[.。]?$")
# An entry: a name, maybe with brackets after it (`Ann Lee (Acme)`, `서다인 (Seo Dain)`).
NAME_AND_BRACKETS = re.compile(r"^(?P<name>[^()]+?)\s*(?:\((?P<paren>[^()]*)\))?$")
_HANDLE = re.compile(r"^@?[a-z0-9][a-z0-9_.-]{1,38}$")
# The people a group credits in brackets: `(Editors: ...)`, `(번역: 오세린)`, a show's hosts.
_MEMBERS = re.compile(
    r"^\s*(?:editors?|members?|leads?|translators?|translated by|hosted by|hosts?|편집|편집자"
    r"|번역|번역자)"
    r"\s*[:：]?\s*",
    re.IGNORECASE,
)
# The staff of an organisation credited as a whole (`가나 그룹 운영진`, `Acme organisers`, `SIG
# Foo Leads`), or a publication's desk (`가나뉴스 편집부`).
# A publication's desks in Korean, which bylines name instead of a person or after the
# publication.
_KO_DESKS = ("편집부", "편집팀", "편집국", "취재팀", "뉴스룸")
_STAFF = re.compile(
    rf"(?:\s(?:운영진|운영팀|사무국|일동|{'|'.join(_KO_DESKS)}|제작팀|staff|organi[sz]ers"
    r"|(?:tech\s)?leads|(?:co-)?chairs|members|리드|리더|의장|공동\s?의장|멤버))+$",
    re.IGNORECASE,
)
# A Korean unit written as one word (`플랫폼팀`, `인프라실`, `전산학부`), after the organisation's
# name.
_GLUED_UNIT = re.compile(r"[가-힣A-Za-z]{2,8}(?:팀|실|본부|센터|랩|파트|셀|부|학부|학과)")
# A mark of a past or present employer before its name: `前 LINE Plus`, `전 하이퍼커넥트`,
# `ex-Google`.
# A Korean word as the topic before what a credit says: `본업은 NHN클라우드 SRE`, `현재는 …`.
TOPIC_OPENING = re.compile(r"^[가-힣]{1,4}(?:은|는)\s(?=\S)")
PAST_OR_PRESENT = re.compile(r"^(?:前|現|(?:전|현)(?=[\s)])|[Ee]x-(?=[A-Z]))\)?\s*")
# The last word of a unit of an organisation (`그룹`, `플랫폼팀`, `Team`).
_KO_UNIT = re.compile(r"(?:팀|그룹|랩|파트|셀|Team|Group|Lab)$")
# A department after the organisation's name: `Acme 플랫폼 부문`, `Initech Cloud Division`.
_DEPARTMENT = re.compile(
    r"\s(?:\S+\s)*?(?:\S*(?:부문|본부|사업부|센터|연구소|실|사무국)|Division|Department|Unit)$"
)
# A student's department and year after the school: `UNIST 컴퓨터공학과 4학년`, `서울대학교
# 교환학생`, `KAIST 전산학부 박사과정`.
_STUDY = re.compile(
    r"(?:\s\S+(?:학과|학부|전공|대학원))?"
    r"(?:\s?\d{1,2}\s?(?:학년|학번)|\s(?:교환학생|재학생?|졸업생?|학부생|대학원생"
    r"|(?:석사|박사|학사|석박사)(?:\s?(?:과정|과정생|후\s?연구원))?))+$"
)


def add_bylines(draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer) -> None:
    """People, organisations and affiliations of the header's author line and of credit lines
    in the text (`참석자: 김민수, 이영희 일동`, `Speakers: Ann Lee (Acme), Bob Roe`)."""
    before = set(draft.keys())
    for group in _split(_groups_of(draft.article.header.get("author", "")), ";"):
        _group(draft, gazetteer, analyzer, _organisation_in_brackets(_LABEL.sub("", group)))
    credited = [k for k in draft.keys() if k not in before]  # noqa: SIM118 (Draft is not a mapping)
    # `author: Kubernetes v1.41 Release Team` and `Editors: Ann Lee, Bob Roe` in the text: the
    # editors are members of the group that signs.
    signing = credited[0] if len(credited) == 1 else None
    if signing is not None and draft.type_of(signing) != EntityType.ORGANIZATION:
        signing = None
    _department_members(draft, gazetteer)
    _reporters(draft, gazetteer, analyzer)
    _group_members(draft, gazetteer, analyzer)
    for passage in draft.passages:
        lines = passage.text.splitlines()
        for line in (part for whole in lines for part in _NEXT_CREDIT.split(whole)):
            credit = _CREDIT_LINE.match(_SENTENCES_AFTER.sub("", line))
            if credit is not None:
                names = _organisation_in_brackets(
                    _CREDIT_END.sub("", _without_date(credit.group("names")))
                )
                editors = signing if _EDITORS.match(line) else None
                _group(draft, gazetteer, analyzer, names, in_text=True, members_of=editors)


# `클라우드 네이티브 부산 운영진: 배수진(파도소프트), 하미래`, `Cloud Native Porto organisers: ...`:
# the people who run a named group, with their own organisations in brackets.
_GROUP_MEMBERS_LINE = re.compile(
    r"^[ \t>*#_-]*(?P<group>[A-Z가-힣][^:：\n*]{1,40}?)\s(?:운영진|조직위원회|준비위원회"
    r"|[Oo]rgani[sz]ers|[Oo]rgani[sz]ing\s(?:[Tt]eam|[Cc]ommittee)|[Cc]ore\s[Tt]eam)"
    r"(?:[*_]*\s*[:：][*_]*\s*(?P<names>[^:：\n]{2,300}?)"
    # a sign-off: `클라우드 네이티브 대구 운영진 김민호, 류소연 드림`
    r"|\s(?P<signed>[^:：\n]{2,100}?)\s(?:드림|올림))\s*[*_]*\s*$",
    re.MULTILINE,
)


def _group_members(draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer) -> None:
    text = draft.article.text
    for line in _GROUP_MEMBERS_LINE.finditer(text):
        start, end = line.start("group"), line.end("group")
        if any(
            s.type in (EntityType.EVENT, EntityType.SERIES) for s in draft.spans_over(start, end)
        ):
            continue  # `KCD Seoul 2025 organisers`: an event's, not a group's
        group = record_for(draft, EntityType.ORGANIZATION, line["group"])
        if draft.type_of(group) != EntityType.ORGANIZATION:
            continue
        draft.mention(group, start, end)
        names = _organisation_in_brackets(_CREDIT_END.sub("", line["names"] or line["signed"]))
        _group(draft, gazetteer, analyzer, names, in_text=True, members_of=group)


# `Acme, Inc.`: a legal form after a comma is part of the name.
LEGAL_FORM_AFTER_COMMA = re.compile(r",\s(?=(?:Inc|LLC|Ltd|GmbH|Corp|Co)\b\.?)")
# `Acme via Business Wire`, `원문: ... / 번역: ...`: where a new group of the byline starts.
_NEW_GROUP = re.compile(rf"\svia\s|\s+[|—–/]\s+(?={_LABEL_WORDS}\s*[:：]?\s)", re.IGNORECASE)


def _groups_of(byline: str) -> str:
    """The byline with a `;` between its groups, and no comma before a legal form."""
    return _NEW_GROUP.sub("; ", LEGAL_FORM_AFTER_COMMA.sub(" ", byline))


def _without_date(names: str) -> str:
    """`오세진 / 페이루트 팀장 2024년 12월 27일`: a date the credit's line ends with (a line a
    Markdown paragraph joined to it) is no part of it."""
    dates = find_dates(names)
    last = dates[-1] if dates else None
    if last is not None and not names[last.stop :].strip(" .)"):
        return names[: last.begin].rstrip(" ,|·—-")
    return names


_LATIN_GLOSS = re.compile(r"(?<=[가-힣])\([A-Za-z][^()]{0,30}\)")


def _organisation_in_brackets(group: str) -> str:
    """`Ann Lee | Acme`, `김민수 / 가나다 SRE`: what follows the separator is the person's
    organisation, written as brackets say it (`Ann Lee (Acme)`)."""
    parts = _PERSON_ORG_SEPARATOR.split(group)
    if len(parts) == 2:
        parts[1] = _LATIN_GLOSS.sub("", parts[1])  # `페이루트(PayRoute) 플랫폼팀 팀장`
    if len(parts) == 2 and "(" not in "".join(parts) and "," not in parts[0]:
        return f"{parts[0]} ({parts[1]})"
    return _PERSON_ORG_SEPARATOR.sub(", ", group)


# A Korean news story opens with its publication and reporter: `[테크데일리 박서윤 기자]`,
# `(서울=가나뉴스) 박서윤 기자 =`.
_REPORTER = re.compile(
    r"^[ \t*_>]*(?:\[(?P<credit>[^\[\]()=\n]{2,30}\s[가-힣]{2,4}\s(?:기자|특파원))\]"
    r"|\([가-힣]{2,10}=(?P<org>[^()=\n]{2,20})\)\s(?P<name>[가-힣]{2,4})\s(?:기자|특파원)\s?=)",
    re.MULTILINE,
)


def _reporters(draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer) -> None:
    """The reporter and publication a news story opens with are a person of that publication."""
    text = draft.article.text[:_REPORTER_REACH]
    for match in _REPORTER.finditer(text):
        if match["credit"]:
            _org_name_and_title(draft, gazetteer, analyzer, match["credit"])
        else:
            _org_name_and_title(draft, gazetteer, analyzer, f"{match['org']} {match['name']} 기자")


# How far into a text its opening credit may stand.
_REPORTER_REACH = 300


def _department_members(draft: Draft, gazetteer: Gazetteer) -> None:
    """`author: ..., Acme 플랫폼 부문` and, in the text, `플랫폼 부문 김민수 부문장, 이영희 팀장`:
    the people the text names right after the author's department belong to that organisation."""
    for item in _split(draft.article.header.get("author", ""), ","):
        department = _DEPARTMENT.search(item.strip())
        if department is None or "(" in item:
            continue
        org = credited_organisation(draft, gazetteer, item.strip())
        name = department.group().strip()
        for found in re.finditer(re.escape(name), draft.article.text):
            previous = found.end()
            for span in draft.spans_in(found.end(), found.end() + 200, EntityType.PERSON):
                if span.start < previous:
                    continue
                if not _MEMBER_GAP.match(draft.article.text[previous : span.start]):
                    break
                draft.fact(span.key, "affiliation", org, passage_id=span.passage_id)
                previous = span.end


def _group(
    draft: Draft,
    gazetteer: Gazetteer,
    analyzer: Analyzer,
    group: str,
    *,
    in_text: bool = False,
    members_of: str | None = None,
) -> None:
    people_without_org: list[str] = []
    first_org = True
    for item in _split(group, ","):
        for part in _outside_brackets(_JOINED, item):
            org = _item(
                draft,
                gazetteer,
                analyzer,
                part.strip(),
                people_without_org,
                in_text=in_text,
                members_of=members_of,
            )
            if org is None:
                continue
            if first_org:
                # `Ann Lee, Bob Roe (Acme)`: one organisation stated for all the names before it
                for key in people_without_org:
                    draft.fact(key, "affiliation", org)
            people_without_org.clear()
            first_org = False


def _item(
    draft: Draft,
    gazetteer: Gazetteer,
    analyzer: Analyzer,
    text: str,
    waiting: list[str],
    *,
    in_text: bool = False,
    members_of: str | None = None,
) -> str | None:
    """Record one entry of an author or credit line; returns the organisation given to a
    person in parentheses, if any."""
    match = NAME_AND_BRACKETS.match(text)
    if match is None or not match.group("name").strip():
        return None
    name, paren = match.group("name").strip(), (match.group("paren") or "").strip()
    name = _after_role(name)  # `editor of The Daily Pod`: the organisation
    if not paren and _org_name_and_title(draft, gazetteer, analyzer, name):
        return None
    key = credited_person(draft, gazetteer, analyzer, name)
    if key is not None and members_of is not None:
        draft.fact(key, "affiliation", members_of)
    if key is None and (in_text or not _org_like(name)):
        return None  # in the text, only people open an entry of a credit line
    if key is None and _an_events_team(gazetteer, name):
        return None  # `KCD Porto organizers`: the team of an event, no organisation
    maintained = _MAINTAINERS.match(name) if key is None else None
    if maintained is not None:
        # `Lattice maintainers`: the people of a project, which is no organisation
        entry = known_entry(gazetteer, maintained["project"])
        if entry is not None:
            add_entry(draft, entry)
        else:
            record_for(draft, EntityType.PROJECT, maintained["project"])
        return None
    if key is not None:
        for handle in _handles_among(paren):
            draft.add_variant(key, handle)  # `(프리랜서 개발자, @sora_yoon)`
        if paren and spells_in_other_script(name, paren):
            draft.add_variant(key, paren)  # `이준호(Junho Lee)`: the name in the other script
            waiting.append(key)
        elif paren and IN_CHARACTERS.fullmatch(paren):
            draft.add_variant(key, paren)  # `타카하시 유이 (高橋結衣)`: the name in characters
            waiting.append(key)
        elif paren and (names_no_employer(paren) or names_no_employer(without_title(paren))):
            pass  # `(Independent)`: none, and none of the organisations listed after
        elif paren and _HANDLE.match(paren):
            draft.add_variant(key, paren)
            waiting.append(key)  # `Jane Doe (jdoe), Acme`: the organisation comes after
        elif paren and not _note(paren) and (parts := _paren_organisations(paren)):
            orgs = [credited_organisation(draft, gazetteer, part) for part in parts]
            for org in orgs:
                draft.fact(key, "affiliation", org)
            return orgs[0]
        else:
            waiting.append(key)
        return None
    project = known_entry(gazetteer, without_title(name))
    if project is not None and project.kind == EntityType.PROJECT.value:
        add_entry(draft, project)  # `Jaeger maintainer`: a project's people, no employer
        return None
    org = credited_organisation(draft, gazetteer, name)
    for member in _members(paren, staff=_STAFF.search(name) is not None):
        member_key = credited_person(draft, gazetteer, analyzer, member)
        if member_key is not None:
            draft.fact(member_key, "affiliation", org)
    for person_key in waiting:
        draft.fact(person_key, "affiliation", org)
    waiting.clear()
    return None


def credited_person(
    draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer, text: str
) -> str | None:
    if has_hangul(text):
        words = text.split()
        if len(words) == 2 and words[1] in KO_PERSON_MARKERS:
            text = words[0]  # `박민경 기자`: a name and a title
        known = known_person(draft, text)  # `라훌 샤르마`, read already as a foreign name
        if known is not None:
            return known
        named = is_korean_name(text, analyzer, gazetteer, in_a_names_place=True)
        return person(draft, None, text) if named else None
    if text.split() and text.split()[-1].lower() in ROLE_HEADS:
        return None  # `Developer Advocate`: a title between the commas of a credit
    if len(text.split()) > 1 and a_function(text.split()[-1]):
        return None  # `Lanternfish Communications`: a company's function, no person
    name = person_name_from(text, gazetteer) or (text if is_person_name(text) else None)
    if name is None and _FOUR_PART_NAME.match(text) and list_name(text, gazetteer):
        name = text  # `Ana María López Ruiz`: four parts, written where only names stand
    if name is None:
        return None
    key = person(draft, name)
    if text != name:
        draft.add_variant(key, text)
    return key


def _an_events_team(gazetteer: Gazetteer, text: str) -> bool:
    words = _STAFF.sub("", text).split()
    return any(
        (entry := gazetteer.lookup(" ".join(words[:n]))) is not None
        and entry.kind == EntityType.SERIES.value
        for n in range(1, min(len(words), 4) + 1)
    )


def _org_name_and_title(draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer, text: str) -> bool:
    """`테크월드뉴스 이도윤 기자`: an organisation, a Korean name and a title make a person of
    that organisation."""
    words = text.split()
    if len(words) < 3 or words[-1] not in KO_PERSON_MARKERS:
        return False
    if not is_korean_name(words[-2], analyzer, gazetteer):
        return False
    employer = " ".join(words[:-2])
    if not _org_like(employer) or is_korean_name(employer, analyzer, gazetteer):
        return False
    key = person(draft, None, words[-2])
    draft.fact(key, "affiliation", credited_organisation(draft, gazetteer, employer))
    return True


_MAINTAINERS = re.compile(r"^(?P<project>\S.{0,40}?)\s(?:maintainers|contributors)$", re.IGNORECASE)
_FOUR_PART_NAME = re.compile(r"^(?:[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?\s){3}[A-Z][a-zà-ÿ]+$")


def _org_like(text: str) -> bool:
    """A name, not a phrase: it starts with a capital letter or Hangul and has few words; not
    the desk of the publication itself (`편집부`, `Editorial Staff`)."""
    if text.strip().casefold() in _DESKS:
        return False
    return (text[:1].isupper() or has_hangul(text[:1])) and len(text.split()) <= 6


# The publication's own desks, which bylines name instead of a person.
_DESKS = frozenset(
    [
        *_KO_DESKS,
        "기자단",
        *("staff", "editors", "newsroom", "editorial staff", "editorial team", "the editors"),
    ]
)


def _after_role(text: str) -> str:
    """`Platform Engineer at Acme` -> `Acme`: the organisation after a role held there."""
    role_at = _ROLE_AT.match(text)
    return role_at["org"] if role_at and role_at["head"].lower() in ROLE_HEADS else text


def without_title(text: str) -> str:
    """`토스 DevOps 엔지니어` -> `토스`, `라인플러스 SRE` -> `라인플러스`: an organisation with the
    title of the person after it (a title word and the words that belong to it)."""
    words = text.split()
    if len(words) < 2 or not is_title(words[-1]):
        return text
    cut = len(words) - 1
    # (`공동 창업자 겸 CTO`: titles joined, each with its words)
    while cut > 1 and (
        words[cut - 1] in _TITLE_MODIFIERS
        or _tech_word(words[cut - 1])
        or is_title(words[cut - 1])
        or words[cut - 1] in _TITLE_JOINERS
    ):
        cut -= 1
    return " ".join(words[:cut])


def a_title_alone(text: str) -> bool:
    """`시니어 SRE`, `플랫폼 엔지니어`: a title and the words that belong to it, no organisation."""
    words = text.split()
    if len(words) >= 2 and is_title(words[-1]) and _PROGRAMME_PART.fullmatch(words[-2]):
        return True  # `클라우드 네이티브 트랙 코디네이터`: a part of a programme, no organisation
    return (
        len(words) >= 2
        and is_title(words[-1])
        # (an acronym in capitals may name the organisation: `CNKC 대표`)
        and all(w in _TITLE_MODIFIERS or (_tech_word(w) and not w.isupper()) for w in words[:-1])
    )


# The parts of a programme whose people a title names (`트랙 코디네이터`, `Track Chair`).
_PROGRAMME_PART = re.compile(r"트랙|세션|과정|프로그램|(?i:track|session|programme|program)")


def is_title(word: str) -> bool:
    """`엔지니어`, `리드`, `engineer`: a word of a person's title, in either language."""
    return word.lower() in ROLE_HEADS or word in KO_PERSON_MARKERS or word in KO_ROLE_HEADS


def _tech_word(word: str) -> bool:
    """`SRE`, `DevOps`, `ML`: a Latin word in capitals or with a capital inside."""
    return word.isascii() and word[:1].isupper() and any(c.isupper() for c in word[1:])


def spells_in_other_script(name: str, paren: str) -> bool:
    """Whether the brackets after a name hold its spelling in the other script."""
    if has_hangul(name) == has_hangul(paren):
        return False
    hangul, latin = (name, paren) if has_hangul(name) else (paren, name)
    return spells_name(hangul, latin)


def _handles_among(paren: str) -> list[str]:
    return [p for p in paren.split(", ") if p.startswith("@") and _HANDLE.match(p)]


def _paren_organisations(paren: str) -> list[str]:
    """The organisations of brackets that also hold roles: `Skiff maintainer, Aiven` gives
    `Aiven`; `클라우드 수다방 운영자, 前 LINE Plus 인프라 엔지니어` gives both, each with its title
    (which `credited_organisation` takes off); `Acme, Inc.` stays one name."""
    parts = [p.strip() for p in paren.split(", ")]
    if len(parts) < 2 or LEGAL_FORM_AFTER_COMMA.search(paren):
        return [] if a_title_alone(paren) else [paren]  # `(시니어 DevOps 엔지니어)`: no employer
    kept = [
        p
        for p in parts
        if p
        and p.split()[-1].lower() not in ROLE_HEADS
        and not names_no_employer(p.split()[0])
        and not _HANDLE.match(p)
        and not a_title_alone(p)
        and not a_function(p)  # `(Platform Engineering, Larkspur Health)`: a unit of it
    ]
    if len(kept) == 1:
        return kept
    # Each part a name with a title or a unit after it, or a past or present employer.
    titled = [
        p
        for p in kept
        if PAST_OR_PRESENT.match(p)
        or without_title(p) != p
        or (len(p.split()) > 1 and _GLUED_UNIT.fullmatch(p.split()[-1]))
        or (len(p.split()) > 1 and _KO_UNIT.search(p.split()[-1]))
        or _DEPARTMENT.search(p)
        or _GROUP_NAME.search(p)  # `(Mentoring WG, CNCF TAG Contributor Strategy)`
    ]
    return titled if len(titled) == len(kept) else [paren]


# A part that names a group by its kind: `Mentoring WG`, `SIG Docs`, `Program Committee`.
_GROUP_NAME = re.compile(r"\b(?:WG|SIG|TAG|Working\sGroup|Committee|Special\sInterest\sGroup)\b")


def _note(text: str) -> bool:
    """`(translated by the team)`: a remark in lower-case words, not an organisation (which may
    start in lower case, `eBay`, but is not a run of plain lower-case words)."""
    words = text.split()
    return len(words) >= 3 and all(w.isalpha() and w.islower() for w in words)


_GROUP_AFTER_ITS_KIND = re.compile(
    rf"(?<![가-힣])(?:{'|'.join(GROUP_KINDS)})\s(?P<name>[A-Z][A-Za-z0-9&.+-]{{1,30}})(?!\S)"
)


def credited_organisation(draft: Draft, gazetteer: Gazetteer, text: str) -> str:
    """The organisation named `text`, without a department after it (`Acme 플랫폼 부문`), a
    title (`토스 DevOps 엔지니어`) or a role before it (`Platform Engineer at Acme`): a gazetteer
    entry, else a record of its own; a group named after its kind (`한양대학교 클라우드 컴퓨팅 학회
    CLOUDY 부회장`) is the group the text names so."""
    group = _GROUP_AFTER_ITS_KIND.search(text)
    of_its_kind = draft.named(EntityType.ORGANIZATION, group["name"]) if group else None
    if of_its_kind is not None:
        return of_its_kind
    text = without_title(_after_role(PAST_OR_PRESENT.sub("", TOPIC_OPENING.sub("", text))))
    text = _STAFF.sub("", text).strip() or text
    text = _DEPARTMENT.sub("", text).strip() or text
    text = _STUDY.sub("", text).strip() or text
    words = text.split()
    glued = len(words) > 1 and _GLUED_UNIT.fullmatch(words[-1]) is not None
    if glued:
        text, words = " ".join(words[:-1]), words[:-1]  # `라온페이 플랫폼팀`: the company's unit
    if (glued and len(words) > 1) or (len(words) > 1 and _KO_UNIT.search(words[-1])):
        # `삼성전자 클라우드 인프라 그룹`, `쿠팡 클라우드 플랫폼팀`: a unit of a known organisation
        # (the longest known), whose name may open with words of its own (`클라우드`)
        for size in range(len(words) if glued else len(words) - 1, 0, -1):
            known = known_entry(gazetteer, " ".join(words[:size]))
            if known is not None and known.kind == EntityType.ORGANIZATION.value:
                text = " ".join(words[:size])
                break
    entry = known_entry(gazetteer, text)
    if entry is None:
        text = _without_a_function(text)  # `Corvid Labs Customer Marketing`: its marketing
        entry = known_entry(gazetteer, text)
    if entry is not None and entry.kind == EntityType.ORGANIZATION.value:
        return add_entry(draft, entry)
    return record_for(draft, EntityType.ORGANIZATION, text)


def _without_a_function(name: str) -> str:
    """The organisation before a function of two words or more that ends its name (`Corvid Labs
    Customer Marketing`, `Spotify Developer Relations`)."""
    words = name.split()
    for cut in range(1, len(words) - 1):
        if a_function(" ".join(words[cut:])):
            return " ".join(words[:cut])
    return name


def _members(paren: str, staff: bool = False) -> list[str]:
    """The people in brackets after a group: after a label (`Editors:`), or bare after the
    group's staff (`CNCG 서울 운영진 (오세영, 류지호)`)."""
    if not paren or not (staff or _MEMBERS.match(paren)):
        return []
    names = _MEMBERS.sub("", paren)
    return [n.strip() for part in _split(names, ",") for n in re.split(r"\s+and\s+", part)]


# Between two people of one item: `and`, `&`, `및`, a middle dot.
_JOINED = re.compile(r"\s+(?:and|&|및)\s+|\s*[·・]\s*")


def _outside_brackets(pattern: re.Pattern[str], text: str) -> list[str]:
    """`text` split where `pattern` matches outside parentheses."""
    parts, start = [], 0
    for match in pattern.finditer(text):
        if text[: match.start()].count("(") == text[: match.start()].count(")"):
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return parts


def _split(text: str, separator: str) -> list[str]:
    """`text` split at `separator` outside parentheses."""
    parts = _outside_brackets(re.compile(re.escape(separator)), text)
    return [p.strip() for p in parts if p.strip()]


__all__ = [
    "LEGAL_FORM_AFTER_COMMA",
    "NAME_AND_BRACKETS",
    "PAST_OR_PRESENT",
    "a_title_alone",
    "add_bylines",
    "credited_organisation",
    "credited_person",
    "is_title",
    "spells_in_other_script",
    "without_title",
]


def sole_author(draft: Draft) -> str | None:
    """The person record of the byline's one author, if it names exactly one."""
    authors = byline_authors(draft)
    return authors[0] if len(authors) == 1 else None


def byline_authors(draft: Draft) -> list[str]:
    """The person records the byline names: the header's `author`, else a writer's credit line
    that opens the text (`글: 이준서 / 그린마켓`)."""
    byline = draft.article.header.get("author", "")
    if not byline:
        # a writer's line opens the text, or signs it at the end
        text = draft.article.text
        opening = _WRITER_LINE.search(text[:_WRITER_LINE_REACH])
        closing = [
            m["names"]
            for m in _WRITER_LINE.finditer(text, max(0, len(text) - _WRITER_LINE_REACH))
            if m["names"]  # a labelled one (`글: 정유진 · 브릿지랩스`), not a dated line
        ]
        byline = (opening["names"] or opening["dated"]) if opening else ""
        byline = byline or (closing[-1] if closing else "")
    authors = [
        key
        for key in draft.keys(EntityType.PERSON)
        if byline and any(n.text in byline for n in draft.names_of(key))
    ]
    return authors


_WRITER_LINE = re.compile(
    r"^[\s>*_-]*(?:(?:글|작성자?|글쓴이|필자|By|Written by|Posted by)\s*[*_]*\s*[:：]?\s*[*_]*\s*"
    r"(?P<names>[^\n]{2,80})"
    # `*Gabriel Nascimento · 29 December 2024 · 7 min read*`: a name, then the date
    r"|[*_]*(?P<dated>[^\n·|]{2,40}?)\s[·|]\s[^\n]{0,40}?\b\d{4}\b)",
    re.MULTILINE,
)
# How far into the text a writer's credit line may stand.
_WRITER_LINE_REACH = 400
