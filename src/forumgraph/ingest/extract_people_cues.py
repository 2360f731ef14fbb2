"""People known by the words around a Latin name: a job title or role before or after it
(`release lead Jane Doe`, `Jane Doe, principal engineer`, `Jane Doe (Acme, Software Engineer)`,
`공동 의장 중 한 명인 Jane Doe는`), a quotation credited to it (`— Acme News, Jane Doe`), and
lists that hold people (`Jane Doe, John Roe and Ann Lee` beside a person already known, or with
an organisation or handle in parentheses after each name).
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_named import add_named, known_entry, take_back_a_guess
from forumgraph.ingest.extract_people import (
    HANDLE_IN_BRACKETS,
    LATIN_NAME,
    LOWER,
    NOT_NAME_WORDS,
    ROLE_HEADS,
    UPPER,
    add_person_span,
    is_person_name,
    person,
    person_name_from,
    title_words_only,
    without_opening_word,
)
from forumgraph.ingest.extract_records import Draft, normal_key
from forumgraph.ingest.extract_text import FUNCTION_WORDS, word_set
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType

# Roles written in capitals (`CTO Jane Doe`).
_UPPER_ROLES = r"CEO|CTO|CIO|COO|CISO|VP"
_END = rf"(?![\w-]|\s[{UPPER}][{LOWER}]|\s?[.][A-Za-z])"  # the name does not go on
_ROLE_BEFORE = re.compile(
    rf"(?<![\w-])(?P<role>[a-z][a-z-]+|{_UPPER_ROLES})\s(?P<name>{LATIN_NAME}){_END}"
)
_ROLE_AFTER = re.compile(
    rf"\b(?P<name>{LATIN_NAME})(?:{HANDLE_IN_BRACKETS})?,\s(?:(?:a|an|the)\s)?"
    r"(?P<role>[\w/&.-]+(?:\s[\w/&.-]+){0,4})"
)
# `Ananya Krishnan is a principal engineer at Kitepay`: a name said to hold a role.
_IS_A_ROLE = re.compile(
    rf"\b(?P<name>{LATIN_NAME})\s(?:is|was|has been)\s(?:a|an|the)\s"
    r"(?P<role>[\w/&.-]+(?:\s[\w/&.-]+){0,4})"
)
# Where a role phrase after a name ends: `SRE lead at Acme`, `head of platforms`.
_ROLE_PHRASE_END = word_set("at of with for from in on and who")
# `Reporting by Jane Doe`, `photos by Jane Doe`: a credit names a person (`in production by
# Acme` says who runs something).
_CREDITED_BY = re.compile(
    r"\b(?<!\bin\s)(?:[Rr]eport(?:ing|ed)|[Ww]ritten|[Ee]dit(?:ing|ed)|[Pp]hotos?|[Pp]hotographs?"
    r"|[Tt]ranslat(?:ion|ed)|[Ii]llustrat(?:ion|ions|ed)|[Ii]nterview(?:ed)?|[Pp]roduc(?:ed|tion)"
    r"|[Hh]osted|[Mm]oderated|[Pp]resented|[Rr]eviewed|[Aa]dditional reporting|[Ll]ed)\sby\s"
    rf"(?P<name>{LATIN_NAME}){_END}"
)
# `Jane Doe (@jdoe)`: a name with a handle in brackets.
_WITH_HANDLE = re.compile(rf"\b(?P<name>{LATIN_NAME})\s?\(@[A-Za-z0-9][\w.-]{{1,38}}\)")
# `Jane Doe (Acme, Software Engineer)`, `Jane Doe(Software Engineer, Acme)`
_PAREN_TITLE = re.compile(
    rf"\b(?P<name>{LATIN_NAME})\s?\((?P<first>[^()@,]{{1,40}}),\s?(?P<second>[^()@,]{{1,40}})\)"
)
# Korean: a role, optionally `중 한 명` (one of the people), then `인` and the name.
_KO_ROLE_BEFORE = re.compile(
    r"(?P<role>[가-힣]+)(?P<one>\s?중\s?한\s?(?:명|사람))?(?:인|이자)\s"
    rf"(?P<name>{LATIN_NAME}|[A-Z][a-z]+(?:[A-Z][a-z]+)?)(?=\s?[가-힣]{{0,2}}(?:\s|[,.]|$))"
)
KO_ROLE_HEADS = tuple(
    word_set(
        "개발자 의장 창시자 설립자 창업자 저자 발표자 연사 멤버 기여자 관리자 디자이너 엔지니어 "
        "아키텍트 리드 리더 메인테이너 연구원 교수 기자 대표 이사 매니저 에반젤리스트 컨설턴트 "
        "편집자 편집장 에디터 모더레이터 공동창업자 코디네이터 CTO CEO"
    )
)
# `SpaceNet의 Richard Hartmann`, `구글의 Jane Doe`: a Latin name after an organisation's `의`.
_KO_ORG_POSSESSIVE = re.compile(
    rf"(?<![\w.&-])(?P<org>[A-Z][\w.&-]*|[가-힣]{{2,}})의\s(?P<name>{LATIN_NAME})"
    r"(?=[\s,.)]|[은는이가의와과도를을])"
)
# `— Acme News, Jane Doe` closing a quotation.
_ATTRIBUTION = re.compile(
    rf"[–—]\s?(?:[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){{0,3}},\s)?(?P<name>{LATIN_NAME})[\"”’']?\s*$",
    re.MULTILINE,
)

# A heading, or a line opening with a name in bold: what a dash ends it with is no credit.
_A_HEADING_OR_NAMED_LINE = re.compile(
    r"[ \t]*#|[ \t>*-]*\*\*[^*\n]+\*\*\s?(?:\([^()\n]*\)\s?)?[—–]"
)
# Lists of names: `A, B and C`, `A (SIG X), B (Acme)`; an item may be four words long.
_WORD = (
    rf"[{UPPER}][{LOWER}]+(?:[-'’][{UPPER}]?[{LOWER}]+)*|Mc[A-Z][a-z]+"
    rf"|[{UPPER}][{LOWER}]+[{UPPER}][{LOWER}]+|[A-Z]\."
)
_ITEM = rf"(?:{_WORD})(?: (?:van |von |de |del |da )?(?:{_WORD})){{1,3}}(?:\s?\([^()]{{1,40}}\))?"
_LIST = re.compile(
    rf"(?<![\w-])(?:{_ITEM})(?:,\s(?:{_ITEM}))*,?\s(?:and|&)\s(?:{_ITEM})|"
    rf"(?<![\w-])(?:{_ITEM})(?:,\s(?:{_ITEM})){{2,}}"
)
_ITEM_RE = re.compile(
    rf"(?P<name>(?:{_WORD})(?: (?:van |von |de |del |da )?(?:{_WORD})){{1,3}})"
    r"(?:\s?\((?P<paren>[^()]{1,40})\))?"
)
# Words after which prose names where someone works, not a person.
_EMPLOYER_CUE = re.compile(r"\b(?:from|of|at|joined|joins)\s(?:the\s)?$")
_PEOPLE_LABEL = re.compile(
    r"(?:speakers?|editors?|authors?|hosts?|panell?ists?|moderators?|presenters?|reviewers?"
    r"|translators?|contributors?|maintainers?|leads|co-?chairs|members|thanks? (?:you )?to"
    r"|led by|written by|edited by|presented by|hosted by)\s?:?\s$",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"^@?[a-z0-9][a-z0-9_.-]{1,38}$")


def add_cued_people(draft: Draft, gazetteer: Gazetteer) -> None:
    """People named beside a job title or role, credited for a quotation, or listed."""
    for passage in draft.passages:
        text = passage.text
        for match in _ROLE_BEFORE.finditer(text):
            if _is_role(match.group("role")):
                _add(draft, gazetteer, match.group("name"), passage.start + match.start("name"))
        for match in (*_ROLE_AFTER.finditer(text), *_IS_A_ROLE.finditer(text)):
            if is_role_phrase(match.group("role")):
                _add(draft, gazetteer, match.group("name"), passage.start + match.start("name"))
        for match in _CREDITED_BY.finditer(text):
            _add(draft, gazetteer, match.group("name"), passage.start + match.start("name"))
        for match in _WITH_HANDLE.finditer(text):
            _add(draft, gazetteer, match.group("name"), passage.start + match.start("name"))
        for match in _PAREN_TITLE.finditer(text):
            if _is_title(match.group("first")) or _is_title(match.group("second")):
                _add(draft, gazetteer, match.group("name"), passage.start + match.start("name"))
        for match in _KO_ROLE_BEFORE.finditer(text):
            _korean_cue(draft, gazetteer, match, passage.start)
        for match in _KO_ORG_POSSESSIVE.finditer(text):
            _korean_possessive(draft, gazetteer, match, passage.start)
        for match in _ATTRIBUTION.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            if _A_HEADING_OR_NAMED_LINE.match(text, line_start):
                continue  # `### Mikko Rantanen — Documentation Hero`: a title after a name
            name = person_name_from(match.group("name"), gazetteer)
            if name is not None:
                start = passage.start + match.start("name")
                add_person_span(draft, gazetteer, name, name, start, start + len(name))
        for match in _LIST.finditer(text):
            _list(draft, gazetteer, text, match, passage.start)


def _korean_possessive(
    draft: Draft, gazetteer: Gazetteer, match: re.Match[str], offset: int
) -> None:
    """The person after `Org의`, and the organisation itself when it is a new Latin name."""
    org, org_start = match["org"], offset + match.start("org")
    if not _names_an_organisation(draft, gazetteer, org, org_start):
        return
    _add(draft, gazetteer, match["name"], offset + match.start("name"))
    if org.isascii() and draft.mentioned_at(org_start) is None:
        add_named(draft, gazetteer, EntityType.ORGANIZATION, org, org_start, org_start + len(org))


def _names_an_organisation(draft: Draft, gazetteer: Gazetteer, name: str, start: int) -> bool:
    """An organisation the document or the gazetteer knows, or a Latin name the gazetteer does
    not know as anything else (`SpaceNet`; not `Kubernetes의 Pod Security`)."""
    spans = draft.spans_in(start, start + len(name))
    if spans:
        return spans[0].type == EntityType.ORGANIZATION
    entry = gazetteer.lookup(name)
    if entry is not None:
        return entry.kind == EntityType.ORGANIZATION.value
    return name[0].isascii() and name not in NOT_NAME_WORDS


# What stands where an employer would and says there is none: `(Independent)`, `(프리랜서)`, a
# dash in a table's cell.
_NO_EMPLOYER = re.compile(
    r"(?:an?\s)?(?:independent|freelancer?|self[- ]employed|unaffiliated|retired|student"
    r"|individual(?:\scontributor)?|none|n/a|무소속|개인|독립|[-–—]+|없음"
    # (`프리랜서 테크니컬 라이터`: a freelancer, whatever their trade)
    r"|프리랜서(?:\s[가-힣A-Za-z]+){0,3})"
    r"(?:\s(?:consultant|contributor|developer|engineer|researcher|maintainer|contractor)"
    r"|\s?(?:개발자|컨설턴트|연구자|엔지니어|메인테이너|참가자?|참여))?",
    re.IGNORECASE,
)


def names_no_employer(text: str) -> bool:
    """Whether `text`, where an organisation would stand, says the person has none."""
    return _NO_EMPLOYER.fullmatch(text.strip()) is not None


def _is_role(word: str) -> bool:
    return word.lower() in ROLE_HEADS


def is_role_phrase(phrase: str) -> bool:
    """`SRE lead at`, `staff engineer with`, `head of developer platforms`: the words before the
    first preposition name a role; a capitalised word after the role goes on a name (`Lead
    Developer Bob Smith`)."""
    words = phrase.split()
    for i, word in enumerate(words):
        if word in _ROLE_PHRASE_END:
            return i > 0 and (
                any(_is_role(w) for w in words[:i]) or (words[0] == "head" and word == "of")
            )
    return bool(words) and _is_role(words[-1].rstrip(".,;:")) and len(words) <= 4


def _is_title(text: str) -> bool:
    """`Senior Software Engineer`, `Sr Architect`: a few words ending with a role."""
    words = text.split()
    return 1 <= len(words) <= 5 and _is_role(words[-1])


def _add(draft: Draft, gazetteer: Gazetteer, name: str, start: int) -> None:
    trimmed = without_opening_word(name)
    name, start = trimmed, start + len(name) - len(trimmed)
    if is_person_name(name, gazetteer):
        take_back_a_guess(draft, gazetteer, start, start + len(name))
        add_person_span(draft, gazetteer, name, name, start, start + len(name))


def _korean_cue(draft: Draft, gazetteer: Gazetteer, match: re.Match[str], offset: int) -> None:
    """`개발자 중 한 명인 Doe는` (a lone surname only with the counter for people), `의장인 Jane
    Doe가`."""
    if not match.group("role").endswith(KO_ROLE_HEADS):
        return
    name, start = match.group("name"), offset + match.start("name")
    if " " in name:
        _add(draft, gazetteer, name, start)
    elif (
        match.group("one")
        and name not in NOT_NAME_WORDS | FUNCTION_WORDS
        and gazetteer.lookup(name) is None
    ):
        add_person_span(draft, gazetteer, name, name, start, start + len(name))


def _list(draft: Draft, gazetteer: Gazetteer, text: str, match: re.Match[str], offset: int) -> None:
    """Every name of a list that holds people: one of them is already a person, a label before
    the list says so (`Speakers:`), or each name carries a handle or an organisation."""
    if _EMPLOYER_CUE.search(text[max(0, match.start() - 12) : match.start()]):
        return  # `Piotr Nowak from Grupa Pracuj and Jane Doe`: an organisation starts the list
    items = list(_ITEM_RE.finditer(match.group()))
    names = [i.group("name") for i in items]
    known = {normal_key(n.text) for k in draft.keys(EntityType.PERSON) for n in draft.names_of(k)}
    line_start = text.rfind("\n", 0, match.start()) + 1
    labelled = bool(_PEOPLE_LABEL.search(text[max(line_start, match.start() - 30) : match.start()]))
    with_parens = all(i.group("paren") and _paren_fits_person(i.group("paren")) for i in items)
    if not (labelled or with_parens or any(normal_key(n) in known for n in names)):
        return
    if not all(list_name(n, gazetteer) for n in names):
        return
    for item in items:
        name = item.group("name")
        words = name.split()
        if words[-1].lower() in ROLE_HEADS and title_words_only(" ".join(words[:-1])):
            continue  # `Jane Doe, a Senior Engineer, and Bob Roe`: a title between the names
        if len(name.split()) <= 3 and is_person_name(name, gazetteer):
            start = offset + match.start() + item.start("name")
            add_person_span(draft, gazetteer, name, name, start, start + len(name))
        else:
            person(draft, name)


def _paren_fits_person(text: str) -> bool:
    """A handle or a capitalised organisation, not an acronym's expansion or a version."""
    text = text.strip()
    return bool(_HANDLE.match(text)) or (text[:1].isupper() and not text.isupper())


def list_name(name: str, gazetteer: Gazetteer) -> bool:
    """A name of two to four capitalised words, none a word of titles or organisations, that
    names nothing known."""
    parts = name.replace(".", "").split()
    if any(p in NOT_NAME_WORDS for p in parts):
        return False
    return not any(gazetteer.lookup(p) for p in (name, parts[0], parts[-1]))


# What a company's executive heads inside it (`VP of Product`, `Head of Developer Relations`).
FUNCTIONS = word_set(
    "product products engineering marketing sales operations infrastructure platform platforms "
    "research design security technology people finance growth developer developers relations "
    "devrel partnerships partner customer customers success data community communities strategy "
    "ecosystem open source cloud talent communications programs solutions support quality and &"
)


def a_function(name: str) -> bool:
    """`Product`, `Developer Relations`: a function inside a company, not a company."""
    return all(word.lower() in FUNCTIONS for word in name.split())


# Words that end the names of awards and their winners (`Rising Star`, `Community Heroes`).
_AWARD_WORDS = word_set(
    "award awards prize hero heroes star stars champion champions winner winners mvp honoree "
    "honouree legend legends rookie"
)


def an_award(name: str) -> bool:
    """`Rising Star`, `Community Heroes`, `Organizer of the Year`: an award or its holders."""
    words = name.lower().split()
    return bool(words) and (words[-1] in _AWARD_WORDS or name.endswith(" of the Year"))


def an_unknown_function(name: str, gazetteer: Gazetteer) -> bool:
    """`Customer Engineering`: a function, where no known organisation has that name."""
    return a_function(name) and known_entry(gazetteer, name) is None
