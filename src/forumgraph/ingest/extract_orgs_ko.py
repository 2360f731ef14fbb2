"""Organisations named right before a Korean person, as Korean news and event pages write
them: `온누리커머스 최현석 CTO`, `라인플러스의 김도현 님`, `모아페이 플랫폼팀 박서연 님`,
`카이스트 전산학부 석사과정 최유진 님`, `플랫폼엔지니어링팀 이수진 팀장`.

The word before the person (and before a department or course of study, if any) is an
organisation when it has the form of a name: a proper noun or a word the analyser's dictionary
does not know, or a capitalised Latin name; a known common noun (`지난달`, `우리 팀의`), a verb
(`활동하는`) or a place is not. The person is affiliated with it, citing the person's passage.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_named import add_named
from forumgraph.ingest.extract_people_cues import KO_ROLE_HEADS
from forumgraph.ingest.extract_people_ko import (
    HEADS_IN_BRACKETS,
    KO_PERSON_MARKERS,
    KO_UNIT,
    is_title_word,
)
from forumgraph.ingest.extract_records import Draft, Span
from forumgraph.ingest.extract_text import GENERIC_ACRONYMS, word_set
from forumgraph.ingest.gazetteer import COUNTRY, REGION, Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer
from forumgraph.text.hangul import is_hangul_word
from forumgraph.text.particles import fits_particle, stems

# Units of an organisation and courses of study between it and a member's name.
_UNIT_ENDINGS = (
    "팀",
    "부",
    "실",
    "센터",
    "연구소",
    "연구실",
    "학부",
    "학과",
    "대학원",
    "본부",
    "사업부",
    "랩",
    "부문",
)
_STUDY = ("석사과정", "박사과정", "학부생", "대학원생")
_WORD = re.compile(r"\S+")
# A Latin spelling in brackets after a Hangul name, spaces and all: `네이버클라우드(NAVER Cloud)`.
HANGUL_NAME_GLOSS = r"\([A-Za-z][^()\n]{0,30}\)"
_BRACKETS = re.compile(rf"(?<=[가-힣]){HANGUL_NAME_GLOSS}")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9&.-]*[A-Za-z0-9]")
# Names of Latin capitals and Hangul: `KB국민은행`, `SK텔레콤`, `우리FIS`.
_LATIN_THEN_HANGUL = re.compile(r"[A-Z]{1,4}[가-힣]{2,}|[가-힣]{1,4}[A-Z]{2,5}")
_MAX_UNITS = 2
# A title or honorific right after the name (`이준혁 엔지니어`, `윤서진 님`).
_TITLE_AFTER = re.compile(
    r"\s?(?:" + "|".join(KO_PERSON_MARKERS) + r")(?:은|는|이|가|을|를|과|와|의|도|께서)?(?![가-힣])"
)
_WORKING = frozenset({"일하는", "근무하는", "근무중인", "재직중인", "활동하는", "일하고"})
_ITEM_BEFORE = (",", "는", "은", "와", "과", "및", "고", "서", "로")
_SENTENCE_END = re.compile(r"[다요][.!?]|[.!?]\s")


def add_organisations_before_korean_people(
    draft: Draft, analyzer: Analyzer, gazetteer: Gazetteer
) -> None:
    """Organisations (and the person's affiliation) written before Hangul-named people."""
    text = draft.article.text
    # `네이버클라우드(NAVER Cloud)의`: a gloss with a space in it stays one word
    one_word_glosses = _BRACKETS.sub(lambda m: m.group().replace(" ", "_"), text)
    affiliated: list[Span] = []
    common: list[tuple[Span, tuple[str, int]]] = []
    for person in [s for s in draft.spans if s.type == EntityType.PERSON]:
        # `다니엘 오르테가(Daniel Ortega)`: a name with its Latin spelling in brackets
        surface = _GLOSS.sub("", text[person.start : person.end])
        if not all(is_hangul_word(w) for w in surface.split()):
            continue  # a name in Hangul, Korean (`김도현`) or foreign (`라즈 파텔`)
        line_start = text.rfind("\n", 0, person.start) + 1
        words = list(_WORD.finditer(one_word_glosses, line_start, person.start))
        glossed = surface != text[person.start : person.end]
        if glossed and not (words and words[-1].group().endswith(("의", "인"))):
            continue  # such a name takes only an owner (`코버리(Coverly)의 다니엘 오르테가(...)`)
        org, plain = _organisation_before(words, analyzer, gazetteer)
        org = _with_the_name_before_its_suffix(text, words, org, analyzer, gazetteer)
        if org is not None:
            affiliate(draft, gazetteer, person, org)
            affiliated.append(person)
        elif plain is not None and _TITLE_AFTER.match(text, person.end):
            common.append((person, plain))
    for person in [s for s in draft.spans if s.type == EntityType.PERSON]:
        if all(is_hangul_word(w) for w in text[person.start : person.end].split()):
            org = _organisation_after(text, person.end, analyzer, gazetteer)
            org = org or _organisation_read_after(draft, person.end)
            if org is not None:
                affiliate(draft, gazetteer, person, org)
    for person, plain in common:
        word, start = plain
        # `토스의 김도윤 님` where the text writes its people so (`라인플러스의 오지훈 님`): the
        # owner of a titled name is the organisation a common noun names.
        genitive = affiliated and text.startswith("의", start + len(word))
        if _DETERMINER_BEFORE.search(text, max(0, start - 6), start):
            continue  # `같은 매체의 토마스 리히터 기자`: a common noun pointed at, no name
        if genitive or any(_listed_together(text, person, other) for other in affiliated):
            affiliate(draft, gazetteer, person, plain)


# Words that end a company's name written apart from it (`넥스트웨이브 랩스`, `가나 테크`).
_NAME_SUFFIXES = word_set(
    "랩스 랩 테크 소프트 시스템즈 코리아 컴퍼니 파트너스 솔루션즈 네트웍스 스튜디오 벤처스 그룹"
)


# Kinds of company written onto the end of a Korean company's name.
_COMPANY_KIND_ENDS = tuple(
    word_set(
        "증권 은행 보험 생명 화재 카드 캐피탈 저축은행 자산운용 건설 전자 통신 물산 제약 항공 물류"
    )
)


def _with_the_name_before_its_suffix(
    text: str,
    words: list[re.Match[str]],
    org: tuple[str, int] | None,
    analyzer: Analyzer,
    gazetteer: Gazetteer,
) -> tuple[str, int] | None:
    """`넥스트웨이브 랩스 오수빈 님`: the organisation is both words, not `랩스` (which alone is
    none)."""
    if org is None or org[0] not in _NAME_SUFFIXES:
        return org
    at = next((i for i, w in enumerate(words) if w.start() == org[1]), None)
    if at is None or at == 0 or not name_form(words[at - 1].group(), analyzer, gazetteer):
        return None  # `우리 랩스 김하준 님`: the ending of a name alone names nobody's employer
    start = words[at - 1].start()
    return text[start : org[1] + len(org[0])], start


# After a Korean name: its organisation and title (`김민수 가온데이터 엔지니어가`), or its
# organisation, maybe with a role or unit, in brackets (`박지현(누리온) 님`, `윤태식 님(바름테크 SRE
# 리드)`, `정세린 님(에이블랩스 플랫폼팀)`).
_ORG_TITLE_AFTER = re.compile(
    rf"\s(?P<org>[^\s()]{{2,15}})\s(?:{KO_UNIT}\s|(?P<modifier>[가-힣]{{2,10}}(?:\s[가-힣]{{2,10}})?)\s)?(?:"
    + "|".join(KO_PERSON_MARKERS)
    + r")(?:은|는|이|가|을|를|과|와|의|도)?(?![가-힣])"
    # `박지훈 한결증권 IT인프라본부장(상무)은`: a title of words run together, a title in brackets
    + r"|\s(?P<org2>[^\s()]{2,15})\s[A-Za-z가-힣]{1,12}(?:"
    + "|".join(m for m in KO_PERSON_MARKERS if len(m) >= 2)
    + r"|책임자)\([^()\s]{1,10}\)(?:은|는|이|가|을|를|과|와|의|도)?(?![가-힣])"
)
# (after the marks of emphasis closing the name: `**이지호**(숭실대)`)
# (after a title too: `한정우 교수님(한양대학교 컴퓨터소프트웨어학부)`)
_BRACKETS_AFTER = re.compile(
    r"[*_]{0,3}\s?(?:(?:"
    + "|".join(m for m in KO_PERSON_MARKERS if m not in ("님", "씨"))
    + r")\s?)?(?:님|씨)?\s?\((?P<org>[^\s()]{2,15})(?P<role>\s[^()]{1,20})?\)"
)


def _organisation_read_after(draft: Draft, end: int) -> tuple[str, int] | None:
    """`서정아 누리뱅크 대표는`: an organisation the document has read, between a Korean name and
    a title, whatever its words (`누리뱅크` is two common nouns); or in brackets after it
    (`한정수 교수님(한빛대학교 컴퓨터공학부)`)."""
    text = draft.article.text
    titled = _ORG_TITLE_AFTER.match(text, end)
    if titled is not None and (titled["org"] or titled["org2"]):
        at = titled.start("org" if titled["org"] else "org2")
    else:
        bracketed = _BRACKETS_AFTER.match(text, end)
        if bracketed is None:
            return None
        at = bracketed.start("org")
    read = draft.mentioned_at(at)
    if read is None or read.type != EntityType.ORGANIZATION or read.start != at:
        return None
    return text[read.start : read.end], read.start


def _organisation_after(
    text: str, end: int, analyzer: Analyzer, gazetteer: Gazetteer
) -> tuple[str, int] | None:
    """The organisation written after a Korean name, with its offset, if any."""
    titled = _ORG_TITLE_AFTER.match(text, end)
    # A technology acronym there is a field (`김민수 SRE 엔지니어`).
    org = (titled["org"] or titled["org2"]) if titled is not None else ""
    if titled is not None and titled["org2"] and name_form(org, analyzer, gazetteer):
        return org, titled.start("org2")
    if (
        titled is not None
        and titled["modifier"]
        and not all(is_title_word(w, analyzer) for w in titled["modifier"].split())
    ):
        titled = None  # `김민수 가온데이터에서 엔지니어로`: no word of the title there
    if titled is not None and org not in GENERIC_ACRONYMS and name_form(org, analyzer, gazetteer):
        return org, titled.start("org")
    bracketed = _BRACKETS_AFTER.match(text, end)
    if bracketed is None:
        return None
    role = (bracketed["role"] or "").split()
    # `(가나 운영진)` and such are read elsewhere; a role or a unit (`플랫폼팀`) must end them
    if role and not role[-1].endswith(KO_PERSON_MARKERS) and not _unit(role[-1]):
        return None
    titles = (*KO_PERSON_MARKERS, *KO_ROLE_HEADS)
    if bracketed["org"] in titles or bracketed["org"].endswith(_HEADS_OF_UNITS):
        # `이서윤 님 (SRE)`, `여하람 (모더레이터)`, `최성민 전무(IT본부장)`: a title or a role
        return None
    if name_form(bracketed["org"], analyzer, gazetteer):
        return bracketed["org"], bracketed.start("org")
    # `송예린 님(무신사)`: after an honorific the brackets hold the organisation, whose name
    # may be common nouns run together
    honoured = bracketed.group().lstrip().startswith(("님", "씨"))
    if honoured and _nouns_only(bracketed["org"], analyzer, gazetteer):
        return bracketed["org"], bracketed.start("org")
    return None


# Titles of heads that end a word of a unit (`IT본부장`, `플랫폼팀장`).
_HEADS_OF_UNITS = tuple(m for m in KO_PERSON_MARKERS if len(m) >= 2 and m.endswith("장"))


def _nouns_only(word: str, analyzer: Analyzer, gazetteer: Gazetteer) -> bool:
    """Hangul nouns run together, two or more of them (`무신사`), that are no unit (`플랫폼팀`)
    and name no place."""
    if not is_hangul_word(word) or _unit(word) or gazetteer.lookup(word) is not None:
        return False
    tokens = analyzer.tokens(word)
    return len(tokens) >= 2 and all(t.tag in ("NNP", "NNG") for t in tokens)


# Words that point at a common noun (`같은 매체`, `이 회사`, `해당 기업`).
_DETERMINER_BEFORE = re.compile(
    r"(?<![가-힣])(?:같은|이|그|저|해당|한|어느|모든|여러|다른|본|당)\s$"
)


def _listed_together(text: str, first: Span, second: Span) -> bool:
    """Two people in one list of the same sentence (`A사 김 리더, B 이 엔지니어 등`)."""
    start, end = sorted((first.start, second.start))
    between = text[start:end]
    return "\n" not in between and not _SENTENCE_END.search(between) and "," in between


def _a_role_with_copula(word: str) -> bool:
    """`리드인`, `엔지니어이자`, `공동창업자이자`: a role, then the copula that makes it the next
    name's."""
    for ending in ("이자", "이며", "인"):
        role = word[: -len(ending)]
        if word.endswith(ending) and (
            role in KO_PERSON_MARKERS or role.endswith(_COMPOUND_ROLE_ENDS)
        ):
            return True
    return False


# Roles that end a compound one (`공동창업자`, `플랫폼엔지니어`).
_COMPOUND_ROLE_ENDS = tuple(m for m in KO_PERSON_MARKERS if len(m) >= 3)


def _a_relation_with_copula(words: list[re.Match[str]]) -> bool:
    """`채원 님의 버디인`: a noun with the copula after someone's `의` is what the next name is
    to them (a buddy, a mentor), not an organisation."""
    last = words[-1].group()
    return len(words) >= 2 and last.endswith("인") and words[-2].group().endswith("의")


def _owner_of_the_role(
    words: list[re.Match[str]], analyzer: Analyzer, gazetteer: Gazetteer
) -> tuple[str, int] | None:
    """`루멘폴드의 공동창업자이자 CEO인`: the organisation whose roles, joined by the copula,
    the person holds."""
    i = len(words) - 1
    while i >= 1 and (i == len(words) - 1 or _a_role_with_copula(words[i].group())):
        i -= 1
    word = words[i].group()
    if i == len(words) - 1 or not word.endswith("의") or _unit(word):
        return None
    if not _owner(words, i, analyzer, gazetteer):
        return None
    return _without_genitive(word), words[i].start()


def _organisation_before(
    words: list[re.Match[str]], analyzer: Analyzer, gazetteer: Gazetteer
) -> tuple[tuple[str, int] | None, tuple[str, int] | None]:
    """The organisation's name and offset among the last words before a person, if any; else
    a common noun standing where the organisation would (`토스 이준혁 엔지니어`), which a list
    of people with their organisations may confirm."""
    if not words:
        return None, None
    if _a_role_with_copula(words[-1].group()) or _a_relation_with_copula(words):
        # `팀 리드인 박지훈 리드`: a role the person holds, not a place; but the owner of the
        # role is one (`루멘폴드의 공동창업자이자 CEO인 카타리나 뮐러`)
        return _owner_of_the_role(words, analyzer, gazetteer), None
    headed = _HEADED.fullmatch(words[-1].group())
    if headed is not None and headed_name(headed["org"], analyzer, gazetteer):
        return (headed["org"], words[-1].start()), None  # `누리온(대표 김하준)`
    glossed = _HEADED_AFTER_ITS_GLOSS.fullmatch(words[-1].group())
    if glossed is not None and headed_name(glossed["org"], analyzer, gazetteer):
        return (glossed["org"], words[-1].start()), None  # `세이프레인(SafeLane, 대표 권나래)`
    workplace = _workplace(words, analyzer, gazetteer)
    if workplace is not None:
        return workplace, None
    last = words[-1]
    owned_by = _without_genitive(last.group())
    if owned_by != last.group() and not _unit(owned_by):
        if _owner(words, len(words) - 1, analyzer, gazetteer):
            return (owned_by, last.start()), None  # `라인플러스의 김도현 님`
        # `레드햇 코리아의 유민서 상무`: a company's branch in a country is the company's.
        branch = len(words) >= 2 and _country(owned_by, gazetteer)
        if branch and _owner(words, len(words) - 2, analyzer, gazetteer):
            return (words[-2].group(), words[-2].start()), None
    college = _without_genitive(last.group())
    if college.endswith("대학") and len(words) >= 2 and words[-2].group().endswith("대학교"):
        return (words[-2].group(), words[-2].start()), None  # `고려대학교 정보대학 황보석진 교수`
    i, team, units = len(words) - 1, None, []
    while i >= 0 and len(words) - 1 - i < _MAX_UNITS and _unit(words[i].group()):
        word = _without_genitive(words[i].group())
        if team is None and _named_team(word, analyzer):
            team = (word, words[i].start())  # `플랫폼엔지니어링팀 이수진 팀장`
        units.append(word)
        i -= 1
    if i < 0:
        return team, None
    word = _without_genitive(words[i].group())
    if i >= 1 and _country(word, gazetteer) and _owner(words, i - 1, analyzer, gazetteer):
        return (words[i - 1].group(), words[i - 1].start()), None  # `레드햇 코리아 이수진 상무`
    if _owner(words, i, analyzer, gazetteer):
        return (word, words[i].start()), None
    # `토스증권 보안팀 조현우 매니저`: the owner of a named unit (a bare `부문` is named by the
    # words before it: `웹서비스 부문`).
    named_unit = units and units[-1] not in (*KO_PERSON_MARKERS, *_UNIT_ENDINGS)
    if named_unit and _compound_noun(word, analyzer, gazetteer):
        return (word, words[i].start()), None
    # A role of two words (`클라우드 아키텍트`, `백엔드 개발자`) after the organisation.
    two_word_role = units and units[-1] in KO_PERSON_MARKERS and i >= 1 and _plain_word(word)
    if two_word_role and _owner(words, i - 1, analyzer, gazetteer):
        return (_without_genitive(words[i - 1].group()), words[i - 1].start()), None
    # It must start the item (`..., 토스 이준혁`), not go on a name (`카카오 클라우드 이준혁`).
    starts_item = i == 0 or words[i - 1].group().endswith(_ITEM_BEFORE)
    if team is None and starts_item and _common_noun(word, analyzer, gazetteer):
        return None, (word, words[i].start())
    return team, None


# Common nouns that stand before a name for another reason: a part in the programme, a time,
# a relation (`사회 김민수 교수`, `이날 이준혁 엔지니어`, `동료 윤서진 님`).
_NOT_AN_EMPLOYER = word_set(
    "사회 좌장 패널 발표 진행 기조 기조연설 축사 환영사 개회사 폐회사 토론 토론자 모더레이터 "
    "이날 당시 최근 당일 그날 다음날 올해 작년 내년 "
    "동료 친구 후배 선배 동기 가족 고객 사용자 참가자 참석자 청중 초청 특별 초대 게스트"
)


# An organisation with its head in brackets after it, as news writes it: `누리온(대표 김하준)`.
_HEADS = "|".join(sorted(HEADS_IN_BRACKETS, key=len, reverse=True))
_HEADED = re.compile(rf"(?P<org>[^\s()]{{2,20}})\((?:{_HEADS})")
# `세이프레인(SafeLane, 대표 `: the name with its Latin spelling, then its head after a comma
# (the spaces of the brackets joined, as a gloss is read).
_HEADED_AFTER_ITS_GLOSS = re.compile(
    rf"(?P<org>[^\s()]{{2,20}})\([A-Za-z][^()\s]{{0,30}},_(?:{_HEADS})_"
)


def headed_name(word: str, analyzer: Analyzer, gazetteer: Gazetteer) -> bool:
    """A name before a head's brackets: any noun that is no place or other known non-organisation
    (the brackets say it is an organisation)."""
    entry = gazetteer.lookup(word)
    if entry is not None:
        return entry.kind == EntityType.ORGANIZATION.value
    if _LATIN_NAME.fullmatch(word) or _LATIN_THEN_HANGUL.fullmatch(word):
        return True
    tokens = analyzer.tokens(word) if is_hangul_word(word) else []
    # a name built of ordinary words ends with a noun (`한결` + `페이`), with no ending or particle
    return (
        bool(tokens)
        and tokens[-1].tag in ("NNP", "NNG")
        and not any(t.tag.startswith(("V", "E", "J", "X")) for t in tokens)
    )


def _workplace(
    words: list[re.Match[str]], analyzer: Analyzer, gazetteer: Gazetteer
) -> tuple[str, int] | None:
    """`라인플러스에서 플랫폼 엔지니어로 일하는 서지훈 님`: where the person works, as a name."""
    if words[-1].group() not in _WORKING:
        return None
    for word in reversed(words[-6:-1]):
        stem = word.group()[:-2]
        if word.group().endswith("에서") and name_form(stem, analyzer, gazetteer):
            return stem, word.start()
    return None


def _common_noun(word: str, analyzer: Analyzer, gazetteer: Gazetteer) -> bool:
    """Hangul nouns only, none a title, person word or known place (`토스`, `당근마켓`)."""
    if not is_hangul_word(word) or len(word) < 2 or word in KO_PERSON_MARKERS:
        return False
    if word in _NOT_AN_EMPLOYER:
        return False
    if gazetteer.lookup(word) is not None:
        return False
    tokens = analyzer.tokens(word)
    parts = gazetteer.hangul_name_parts
    return bool(tokens) and all(
        t.tag == "NNG" or (t.tag == "NNP" and t.form in parts) for t in tokens
    )


def _named_team(word: str, analyzer: Analyzer) -> bool:
    """`플랫폼엔지니어링팀`: a team named by what it does, not `우리팀` or `이팀`."""
    if not (word.endswith("팀") and len(word) >= 4 and is_hangul_word(word)):
        return False
    # Named by two words or more before `팀`: `플랫폼엔지니어링팀`, not `플랫폼팀` or `우리팀`.
    tokens = analyzer.tokens(word)
    return len(tokens) >= 3 and all(t.tag in ("NNP", "NNG") for t in tokens)


# Kinds of organisation written before a name (`스타트업 모요의`, `보안 기업 라온의`).
_ORGANISATION_KINDS = word_set("스타트업 기업 회사 업체 벤처 스타트업인 기업인 회사인 업체인")


def _owner(words: list[re.Match[str]], i: int, analyzer: Analyzer, gazetteer: Gazetteer) -> bool:
    """Whether word `i` (less a genitive `의`) names an organisation: it has the form of a
    name, or follows the kind of organisation it is (`스타트업 모요의`)."""
    word = _without_genitive(words[i].group())
    if name_form(word, analyzer, gazetteer):
        return True
    kind = i >= 1 and words[i - 1].group() in _ORGANISATION_KINDS
    if not (kind and is_hangul_word(word) and len(word) >= 2 and gazetteer.lookup(word) is None):
        return False
    tokens = analyzer.tokens(word)
    # (not one common noun: `회사 동료 서지안 님` is a colleague at the company)
    return not (len(tokens) == 1 and tokens[0].tag == "NNG" and not tokens[0].unknown)


def _country(word: str, gazetteer: Gazetteer) -> bool:
    entry = gazetteer.lookup(word)
    return entry is not None and entry.kind in (COUNTRY, REGION)


def _unit(word: str) -> bool:
    word = _without_genitive(word)
    return word.endswith(_UNIT_ENDINGS) or word in _STUDY or word in KO_PERSON_MARKERS


# A Latin gloss after a Hangul name: `코버리(Coverly)의`.
LATIN_GLOSS = r"\((?P<latin>[A-Za-z][\w .&-]{0,30})\)"
_GLOSS = re.compile(rf"(?<=[가-힣]){LATIN_GLOSS}$")


def _without_genitive(word: str) -> str:
    """`인프라팀의` -> `인프라팀`, `코버리(Coverly)의` -> `코버리`."""
    if not (word.endswith("의") and len(word) > 2):
        return word
    return _GLOSS.sub("", word[:-1])


def _plain_word(word: str) -> bool:
    """A bare word (no particle, no punctuation) that may qualify a role: `클라우드`, `AI`."""
    return bool(_LATIN_NAME.fullmatch(word)) or (
        is_hangul_word(word) and not word.endswith(_ITEM_BEFORE)
    )


def _compound_noun(word: str, analyzer: Analyzer, gazetteer: Gazetteer) -> bool:
    """Two nouns or more making one name (`당근마켓`, `토스증권`), not one common noun (`회사`)."""
    return _common_noun(word, analyzer, gazetteer) and len(analyzer.tokens(word)) >= 2


# Languages, which the analyser reads as proper nouns (`영어 세션 진행 담당`).
_LANGUAGES = word_set(
    "한국어 영어 일본어 중국어 독일어 프랑스어 스페인어 러시아어 베트남어 포르투갈어 이탈리아어 "
    "아랍어 힌디어 태국어 인도네시아어 네덜란드어 터키어 튀르키예어 폴란드어 우크라이나어 광둥어"
)


def name_form(word: str, analyzer: Analyzer, gazetteer: Gazetteer) -> bool:
    """A proper noun, a word no dictionary knows, or a capitalised Latin name; not a place."""
    entry = gazetteer.lookup(word)
    if entry is not None:
        return entry.kind == EntityType.ORGANIZATION.value
    if word in gazetteer.employers_in_context:
        return True  # `라인`: a company whose name is a word, where a name stands
    if _LATIN_NAME.fullmatch(word) or _LATIN_THEN_HANGUL.fullmatch(word):
        return True  # `Acme`, `KB국민은행`, `SK텔레콤`
    if is_hangul_word(word) and any(
        len(word) >= len(kind) + 2 and word.endswith(kind) for kind in _COMPANY_KIND_ENDS
    ):
        return True  # `한결증권`, `바다생명`: a name, then the kind of company it is
    if not is_hangul_word(word) or len(word) < 2 or word in _LANGUAGES:
        return False
    # Nouns only, at least one a proper noun or unknown to the dictionary (`스텔라데이터`,
    # `온누리커머스`), not common nouns alone (`지난달`, `플랫폼팀`).
    tokens = analyzer.tokens(word)
    if not tokens or not all(t.tag in ("NNP", "NNG") for t in tokens):
        return False
    parts = gazetteer.hangul_name_parts  # proper only inside a longer name (`커뮤니티`)
    return any((t.tag == "NNP" and t.form not in parts) or t.unknown for t in tokens)


def affiliate(draft: Draft, gazetteer: Gazetteer, person: Span, org: tuple[str, int]) -> None:
    """The person affiliated with the organisation named at `org` (name, offset), read or made."""
    name, start = org
    end = start + len(name)
    covering = [s for s in draft.spans if s.start <= start and end <= s.end]
    if covering:
        key: str | None = covering[0].key
    else:
        key = add_named(draft, gazetteer, EntityType.ORGANIZATION, name, start, end)
    if key is not None and draft.type_of(key) == EntityType.ORGANIZATION:
        draft.fact(person.key, "affiliation", key, passage_id=person.passage_id)
        gloss = _GLOSS_AFTER.match(draft.article.text, end)
        if gloss is not None and not covering:
            draft.add_variant(key, gloss["latin"])  # `코버리(Coverly)`: its Latin spelling


def add_places_in_marked_brackets(draft: Draft, gazetteer: Gazetteer) -> None:
    """`문태희 데브오름 CTO(前 카카오)`, `하윤 님(前 카카오, 現 라인플러스)`, `서민호 님은
    前 네이버, 現 당근 SRE`: where a person named in Hangul was or is, in brackets later on the
    name's line or after the name as the topic (read once every mention of the person is, a
    given name alone too)."""
    text = draft.article.text
    for person in [s for s in draft.spans if s.type == EntityType.PERSON]:
        if not all(is_hangul_word(w) for w in text[person.start : person.end].split()):
            continue
        past = _MARKED_IN_BRACKETS.match(text, person.end) or _MARKED_AFTER_THE_TOPIC.match(
            text, person.end
        )
        if past is None or draft.spans_in(person.end, past.start("parts"), EntityType.PERSON):
            continue
        for part in _A_MARKED_PART.finditer(text, past.start("parts"), past.end("parts")):
            affiliate(draft, gazetteer, person, (part["org"], part.start("org")))


_GLOSS_AFTER = re.compile(LATIN_GLOSS)
# Places marked past or present in brackets after the words that follow a name on its line
# (`하윤 님(前 카카오, 現 라인플러스)`: each a place the person was or is).
_MARKED_IN_BRACKETS = re.compile(
    r"(?:(?![.!?]\s)[^\n()]){0,40}?\((?P<parts>(?:前|現|전|현)\s?[^\s(),]{2,20}"
    r"(?:,\s?(?:前|現|전|현)\s?[^\s(),]{2,20})*)\)"
)
# Or after the name as the sentence's topic, without brackets (`서민호 님은 前 네이버, 現 당근
# SRE`): the characters alone, which no Korean word opens with.
_MARKED_AFTER_THE_TOPIC = re.compile(
    r"\s?(?:님|씨)?(?:은|는|이|가)\s(?P<parts>(?:前|現)\s?[^\s(),]{2,20}"
    r"(?:,\s?(?:前|現)\s?[^\s(),]{2,20})*)"
)
_A_MARKED_PART = re.compile(r"(?:前|現|전|현)\s?(?P<org>[^\s(),]{2,20})")


# How a Korean list joins its items: `A와 B`, `A, B`, `A 및 B`.
_JOINED_AFTER = re.compile(r"(?:와|과|,| 및| 그리고)\s+(?P<word>[^\s,]+)")
_JOINED_BEFORE = re.compile(r"(?P<word>[^\s,]+?)(?:와|과|,| 및| 그리고)\s+$")


def add_korean_organisation_lists(draft: Draft, analyzer: Analyzer, gazetteer: Gazetteer) -> None:
    """Names listed with an organisation in a Korean sentence (`삼성SDS와 NHN클라우드,
    메가존클라우드가`) are organisations when they have the form of a name."""
    text = draft.article.text
    queue = [s for s in draft.spans if s.type == EntityType.ORGANIZATION and _hangul_at(text, s)]
    seen = {(s.start, s.end) for s in queue}
    while queue:
        org = queue.pop()
        for found in (_item_after(text, org.end), _item_before(text, org.start)):
            if found is None or found in seen:
                continue
            seen.add(found)
            start, end = found
            word = text[start:end]
            if draft.mentioned_at(start) is not None or not _listed_name(
                text, start, end, analyzer, gazetteer
            ):
                continue
            key = add_named(draft, gazetteer, EntityType.ORGANIZATION, word, start, end)
            span = draft.mentioned_at(start)
            if key is not None and span is not None and span.type == EntityType.ORGANIZATION:
                queue.append(span)


def _listed_name(text: str, start: int, end: int, analyzer: Analyzer, gazetteer: Gazetteer) -> bool:
    """A Hangul name (`NHN클라우드`, `카카오페이`) that is an item of the list: nouns and the
    particles after them only (not `개발하거나`), and a particle or the next item after it (not
    `도커와 상호 작용`)."""
    word = text[start:end]
    if not (is_hangul_word(word) or _LATIN_THEN_HANGUL.fullmatch(word)):
        return False
    if not name_form(word, analyzer, gazetteer):
        return False
    whole = _WORD.match(text, start)
    tail = whole.group()[len(word) :] if whole else ""
    if not tail and not re.match(r"\s*(?:,|및\s|그리고\s)", text[end:]):
        return False
    tokens = analyzer.tokens(word + tail)
    nouns = [t for t in tokens if not t.tag.startswith(("J", "SP", "SF"))]
    return all(t.tag in ("NNP", "NNG", "SL", "SN") for t in nouns)


def _hangul_at(text: str, span: Span) -> bool:
    """A mention in Korean prose: Hangul right around it."""
    return bool(re.search(r"[가-힣]", text[max(0, span.start - 8) : span.end + 4]))


def _item_after(text: str, end: int) -> tuple[int, int] | None:
    return _list_item(_JOINED_AFTER.match(text, end))


def _item_before(text: str, start: int) -> tuple[int, int] | None:
    line_start = text.rfind("\n", 0, start) + 1
    return _list_item(_JOINED_BEFORE.search(text, line_start, start))


def _list_item(match: re.Match[str] | None) -> tuple[int, int] | None:
    """Where the name of a list item stands, less the particles that end it (`메가존클라우드가`)."""
    if match is None:
        return None
    word, at = match["word"], match.start("word")
    for stem in stems(word):
        if len(stem) >= 2 and fits_particle(stem, word[len(stem) :]):
            return at, at + len(stem)
    return (at, at + len(word)) if len(word) >= 2 else None
