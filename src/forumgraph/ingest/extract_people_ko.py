"""People named in Hangul only.

A Korean name is a surname from the inventory below and one or two more syllables (two or three
after a two-syllable surname); it is taken as a person only where Korean writing marks one: a
title, role or honorific right after it (`김민수 팀장`, `이영희 님`, `박지성씨가`). A foreign
name written in Hangul is two or three words the analyser tags as proper nouns, with the same
kind of marker after it (`크리스 아니즈칙 CTO`). Ordinary words never qualify: a candidate that the
analyser reads as one known common noun (`대표 이사`), or that inflects, is not a name.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_people import is_person_name, person
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.extract_text import LIST_ITEM_MARK, word_set
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.ingest.korean_names import (
    KO_DOUBLE_SURNAMES,
    KO_SURNAMES,
    is_korean_name,
)
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer, Token
from forumgraph.text.hangul import has_hangul, is_hangul_word
from forumgraph.text.names import romanize, transliteration_similarity
from forumgraph.text.particles import is_particle, strip_particles

# Titles, roles and honorifics written after a name, longest first when matched.
KO_PERSON_MARKERS = tuple(
    sorted(
        word_set(
            "멘티 인턴 심사역 "
            "님 씨 팀장 부문장 본부장 실장 센터장 소장 원장 사장 부사장 회장 의장 대표 "
            "대표이사 이사 상무 전무 부장 차장 과장 대리 주임 교수 박사 연구원 책임 선임 수석 "
            "매니저 엔지니어 아키텍트 개발자 기자 위원 위원장 리더 리드 메인테이너 에반젤리스트 "
            "컨설턴트 운영진 운영자 오거나이저 진행자 사회자 발표자 연사 강사 멘토 앰배서더 디렉터 "
            "총괄 창업자 설립자 담당자 팀원 석사과정 박사과정 학생 테크리드 팀리드 파트장 그룹장 "
            "셀장 프로 책임연구원 선임연구원 수석연구원 CTO CEO CSO CIO COO CFO CPO CISO VP SRE "
            "PM PD SA TAM DA DBA EM PO TL "
            "최고기술책임자 최고경영자 최고운영책임자 최고정보책임자 최고제품책임자 부대표 단장 "
            "사무국장 사무총장 이사장 국장 처장 스터디장 모임장 동아리장 학회장 부회장 총무 "
            "학우 선배 후배 동문"
        ),
        key=len,
        reverse=True,
    )
)
_WORD = re.compile(r"\S+")
# Credit labels of programmes and pages: `진행: 오승민`, `게스트: 레나 피셔`.
# People's roles in a programme (`진행자`, `게스트`).
_PROGRAMME_ROLES = word_set("진행자 사회자 발표자 연사 패널 패널리스트 게스트 호스트")
KO_PROGRAMME_PARTS = _PROGRAMME_ROLES | word_set("진행 사회 출연 발표 좌장")
_LABELLED = re.compile(
    r"(?m)^[ \t]*[-*]?[ \t]*(?:"
    + "|".join(sorted(KO_PROGRAMME_PARTS, key=len, reverse=True))
    + r")"
    r"[ \t]*[:：][ \t]*(?P<name>[가-힣]{2,5})(?=[ \t]*(?:$|[,(/]))"
)
# A paragraph that is a name alone (a heading: `박준영`, `이하늘 (Haneul Lee)`), or a name as
# the label of a line (`- 송예린: KAIST 졸업 후 ...`).
_NAME_ALONE = re.compile(
    r"(?:(?<=\n\n)|^)(?P<heading>[가-힣]{2,4})[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?=\n\n|\Z)"
    r"|(?m:^)" + LIST_ITEM_MARK + r"[*_]{0,2}(?P<label>[가-힣]{2,4})[*_]{0,2}[ \t]*[:：]"
)
_BRACKETS = re.compile(r"[ \t]{0,4}\((?P<inside>[^()\n]{1,60})\)")
# Marks of emphasis right around a Hangul word (`**이지호**`).
_EMPHASIS = re.compile(r"(?:(?<=\s)|^)[*_]{1,3}(?=[가-힣])|(?<=[가-힣])[*_]{1,3}(?=[\s(,.]|$)")
# A name in bold opening a line of a profile, then a dash or its brackets: `**박윤재** — 라인에서`.
# Or a name crediting a quotation on the line after it: `> — 홍석진, 네이버 클라우드 … 리더`.
_PROFILE_NAME = re.compile(
    r"(?m)^[ \t>-]*[*_]{2}(?P<name>[가-힣]{2,4})[*_]{2}\s?(?:[—–:|·]|-\s|\()"
    r"|^[ \t>]*[—–]\s?(?P<credited>[가-힣]{2,4})(?=,\s|\s?\()"
)
# The writer introducing themselves: `플랫폼팀에서 일하고 있는 이도현입니다`, `저는 이도현입니다`.
_SELF_INTRODUCED = re.compile(
    r"(?:(?<=[가-힣]는)|(?<=저는)|(?<=이름은))\s(?P<name>[가-힣]{2,4})"
    r"(?:입니다|이라고\s합니다|라고\s합니다)"
)


def add_korean_people(draft: Draft, analyzer: Analyzer, gazetteer: Gazetteer) -> None:
    """Hangul names followed by a title, role or honorific."""
    for passage in draft.passages:
        if not has_hangul(passage.text):
            continue
        # `김민수(Minsu Kim) 매니저는`: the romanised name in brackets stands aside, so that the
        # title after it follows the name
        # `**황보준** 멘토님은`: the marks of emphasis around a name stand aside too
        text = _EMPHASIS.sub(_blank_brackets, passage.text)
        spelled = {m.start(): m["latin"] for m in _ROMANISED.finditer(text)}
        words = list(_WORD.finditer(_ROMANISED.sub(_blank_brackets, text)))
        profiled = {
            m.start("name" if m["name"] else "credited"): m["name"] or m["credited"]
            for m in _PROFILE_NAME.finditer(passage.text)
        }
        for i, word in enumerate(words):
            marked = _name_with_marker(
                word.group(), words[i + 1].group() if i + 1 < len(words) else ""
            )
            owned = _name_after_possessive(
                words[i - 1].group() if i else "",
                word.group(),
                [w.group() for w in words[i + 1 : i + 4]],
                analyzer,
            )
            after_role = _name_after_role(
                words[i - 1].group() if i else "",
                word.group(),
                words[i - 2].group() if i >= 2 else "",
            )
            after_title = _name_after_title(words[i - 1].group() if i else "", word.group())
            profile = profiled.get(word.start())
            found = (
                marked
                or owned
                or after_role
                or profile
                or after_title
                or _name_before_brackets(text, word, analyzer, gazetteer)
                or (
                    _name_before_organisation_and_title(
                        word.group(), [w.group() for w in words[i + 1 : i + 6]], analyzer
                    )
                    if i + 2 < len(words)
                    else None
                )
            )
            # a title or honorific right after the word says a name stands there, as does a
            # known company then a title (`오상훈 네이버클라우드 ... 리드`)
            named_place = found in (marked, owned, after_role, profile) or (
                found is not None
                and len(found) == 3
                and i + 1 < len(words)
                and _known_organisation(words[i + 1].group(), gazetteer)
            )
            if found is None or not is_korean_name(
                found, analyzer, gazetteer, in_a_names_place=named_place
            ):
                continue
            start = passage.start + word.start()
            if _inside_a_longer_name(draft, start, start + len(found)):
                continue  # `라훌` of `라훌 샤르마 님`, a name already read whole
            latin = spelled.get(word.start() + len(found))
            if latin is not None and " " not in latin and spells_name(found, latin):
                continue  # `라모라(Lamora)`: one Latin word spells a company, not a Korean name
            key = person(draft, None, found)
            draft.mention(key, start, start + len(found))
            if latin is not None and spells_name(found, latin):
                draft.add_variant(key, latin)
        for match in _SELF_INTRODUCED.finditer(passage.text):
            if is_korean_name(match["name"], analyzer, gazetteer, in_a_names_place=True):
                start = passage.start + match.start("name")
                draft.mention(person(draft, None, match["name"]), start, start + len(match["name"]))
        for match in _LABELLED.finditer(passage.text):
            if is_korean_name(match["name"], analyzer, gazetteer):
                start = passage.start + match.start("name")
                draft.mention(person(draft, None, match["name"]), start, start + len(match["name"]))
        for match in _NAME_ALONE.finditer(passage.text):
            group = "heading" if match["heading"] else "label"
            name = match[group]
            start = passage.start + match.start(group)
            if is_korean_name(name, analyzer, gazetteer) and not draft.spans_over(
                start, start + len(name)
            ):
                draft.mention(person(draft, None, name), start, start + len(name))
        _foreign_names(draft, passage.text, passage.start, analyzer, gazetteer)
        _names_in_characters(draft, passage.text, passage.start, gazetteer)
        _latin_names_with_honorifics(draft, passage.text, passage.start, gazetteer)


# `Ananya Rao 님과는`: a Latin name of two or three words with a Korean honorific after it.
_LATIN_NAME_WITH_HONORIFIC = re.compile(
    r"(?<![\w@.-])(?P<name>[A-Z][a-zà-ÿĀ-ſ'’-]+(?: [A-Z][a-zà-ÿĀ-ſ'’-]+){1,2})\s?(?:님|씨)"
    r"(?:은|는|이|가|을|를|과|와|의|도|께|께서|에게|만)*(?![가-힣])"
)


def _latin_names_with_honorifics(
    draft: Draft, text: str, offset: int, gazetteer: Gazetteer
) -> None:
    for match in _LATIN_NAME_WITH_HONORIFIC.finditer(text):
        name = match["name"]
        start, end = offset + match.start("name"), offset + match.end("name")
        if draft.spans_over(start, end) or not is_person_name(name, gazetteer):
            continue
        draft.mention(person(draft, name), start, end)


# Chinese characters, their repeat mark and kana: `山田 里奈`, `佐々木`.
CJK = r"[\u3005\u3040-\u30ff\u4e00-\u9fff]"
# Words in Chinese characters or kana only (`高橋結衣`, `山田 里奈`).
IN_CHARACTERS = re.compile(rf"(?:{CJK}|\s)+")
# A Hangul name, then the same name in Chinese characters or kana: `사사키 유토 (佐々木 悠斗)`,
# `타나카 리나 (田中莉奈)`, `김민수(金民洙)`.
_NAME_IN_CHARACTERS = re.compile(
    rf"(?<![가-힣])(?P<name>[가-힣]{{1,5}}(?: [가-힣]{{1,5}}){{0,2}})"
    rf"\s?\((?P<chars>{CJK}{{1,6}}(?: {CJK}{{1,6}})?)\)"
)


def _names_in_characters(draft: Draft, text: str, offset: int, gazetteer: Gazetteer) -> None:
    """A person for each Hangul name spelled again in Chinese characters or kana: as many
    syllables as characters for a Korean name, and one or two words for a foreign one."""
    for match in _NAME_IN_CHARACTERS.finditer(text):
        chars = match["chars"]
        words = match["name"].split()
        groups = chars.split()
        # as many words as groups of characters (`사사키 유토 (佐々木 悠斗)`); one group is a Korean
        # name of as many syllables (`김민수(金民洙)`) or a Japanese one of two words (`田中莉奈`)
        korean = len(groups) == 1 and len(words[-1]) == len(chars) and len(chars) >= 3
        count = 1 if korean else 2
        if len(words) < count or (korean and words[-1][0] not in KO_SURNAMES):
            continue  # `삼성(三星)` is no person's name
        words = words[-count:]
        name = " ".join(words)
        if gazetteer.lookup(name) or any(gazetteer.lookup(w) for w in words):
            continue  # (what a word sounds like counts for less than the characters after it)
        end = offset + match.end("name")
        start = end - len(name)
        if any(s.type != EntityType.PERSON for s in draft.spans_over(start, end)):
            continue
        key = known_person(draft, name) or person(draft, None, name)
        _take_in_its_parts(draft, key, start, end)  # `사사키` read alone is part of this name
        if draft.mentioned_at(start) is None:
            draft.mention(key, start, end)


def _take_in_its_parts(draft: Draft, key: str, start: int, end: int) -> None:
    """Other people read inside [start, end) are parts of the name `key` there: their mentions
    go and their records fold into it."""
    for part in draft.spans_in(start, end, EntityType.PERSON):
        if part.key != key:
            draft.unmention(part)
            draft.fold(part.key, key)


def _inside_a_longer_name(draft: Draft, start: int, end: int) -> bool:
    """Whether [start, end) is part of a longer name of a person the document already has."""
    text = draft.article.text
    for key in draft.keys(EntityType.PERSON):
        for name in draft.names_of(key) + draft.variants_of(key):
            longer = len(name.text) > end - start
            if longer and " " in name.text and has_hangul(name.text):
                at = text.find(name.text, max(0, end - len(name.text)), start + len(name.text))
                if at != -1 and at <= start and end <= at + len(name.text):
                    return True
    return False


# A Latin spelling in brackets right after a Hangul word: `김민수(Minsu Kim)`, `엘리프
# 차을라르(Elif Çağlar)`; or the name in Chinese characters or kana: `야마다 리나(山田 里奈)`.
_LATIN_WORD = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ'’-]*"
_ROMANISED = re.compile(
    rf"(?<=[가-힣])\((?:(?P<latin>{_LATIN_WORD}(?: {_LATIN_WORD}){{0,3}})"
    rf"|{CJK}{{1,6}}(?: {CJK}{{1,6}})?)\)"
)


# How close a Hangul name and a Latin one must sound to be one name in two scripts.
_SPELLING_FLOOR = 0.6


def spells_name(hangul: str, latin: str) -> bool:
    """`임다온` and `Daon Lim` or `Lim Daon`, `모리 켄지` and `Kenji Mori`: one name in two
    scripts, in either order of its words."""
    reversed_order = " ".join(reversed(latin.split()))
    return any(
        transliteration_similarity(hangul, written, _SPELLING_FLOOR) >= _SPELLING_FLOOR
        for written in (latin, reversed_order)
    )


def _blank_brackets(match: re.Match[str]) -> str:
    return " " * len(match.group())


# An age in brackets after a name, as news writes it: `김하준(34) 씨`.
_AGE = re.compile(r"\((?:만\s?)?\d{1,3}(?:세)?\)$")


# The head of a unit, written as one word with it: `클라우드플랫폼팀장`, `데이터사업본부장`.
_UNIT_HEAD = re.compile(r"[가-힣A-Za-z]{1,12}(?:팀|실|본부|센터|파트|그룹|셀|랩)장")


def _name_with_marker(word: str, following: str) -> str | None:
    """The name part of `word` when a marker ends it (`박지성씨가`) or starts the next word."""
    word = _AGE.sub("", word)
    stripped = word.rstrip(",.")
    for marker in KO_PERSON_MARKERS:
        cut = stripped.find(marker, 2)
        if 2 <= cut <= 5 and is_hangul_word(stripped[:cut]):
            rest = stripped[cut + len(marker) :]
            if not rest or is_particle(rest):
                return stripped[:cut]
    if is_hangul_word(stripped) and 2 <= len(stripped) <= 5 and stripped == word.rstrip(","):
        following = following.rstrip(",.)")
        after = _after_title(following)
        head = _UNIT_HEAD.match(following)
        if after is None and head is not None:
            after = following[head.end() :]  # `클라우드플랫폼팀장은`
        if after is not None and (not after or is_particle(after) or not has_hangul(after[:1])):
            return stripped
    return None


# Roles written before a name (`진행자 권태윤과`, `사회자 이영희가`): people's roles in a
# programme, not titles of a job, which also stand before words (`엔지니어 채용`).
_ROLES_BEFORE = _PROGRAMME_ROLES | word_set("좌장 모더레이터")


# The head of an organisation in brackets after its name, as news writes it: `누리온(대표 김하준)`.
HEADS_IN_BRACKETS = word_set("대표 대표이사 공동대표 의장 회장 사장 원장 이사장 CEO")


def _name_after_role(before: str, word: str, opened: str = "") -> str | None:
    """The name of `word` (less a particle) when a programme role stands before it, or the
    head of an organisation in its brackets (`(대표 김하준)은`, `(SafeLane, 대표 권나래)은`)."""
    after_its_gloss = before in HEADS_IN_BRACKETS and "(" in opened and opened.endswith(",")
    if (before.rpartition("(")[2] in HEADS_IN_BRACKETS and "(" in before) or after_its_gloss:
        name, bracket, rest = word.partition(")")
        if bracket and (not rest or is_particle(rest.rstrip(",."))):
            return name if 2 <= len(name) <= 4 and is_hangul_word(name) else None
        return None
    if before not in _ROLES_BEFORE:
        return None
    name = strip_particles(word.rstrip(",."))
    return name if 2 <= len(name) <= 4 and is_hangul_word(name) else None


# Titles of the head of a group or a company written before a name (`회장 최도윤을`, `대표
# 김하준은`); the word after them is a name only where it looks like one alone.
_TITLES_BEFORE = word_set("회장 부회장 총무 지도교수 교수 대표 이사 사장 원장 단장 학회장 동아리장")


def _name_after_title(before: str, word: str) -> str | None:
    if before.lstrip("(*_") not in _TITLES_BEFORE:
        return None
    name = strip_particles(word.rstrip(",.)"))
    return name if 2 <= len(name) <= 4 and is_hangul_word(name) else None


def _after_title(word: str) -> str | None:
    """What follows the title that starts `word`, which may join two markers (`책임연구원이`,
    `수석엔지니어`); None when no marker starts it."""
    for marker in KO_PERSON_MARKERS:
        if word.startswith(marker):
            rest = word[len(marker) :]
            # (another title, or the honorific: `교수님(한양대학교 …)과`)
            second = next(
                (m for m in KO_PERSON_MARKERS if (len(m) >= 2 or m == "님") and rest.startswith(m)),
                "",
            )
            return rest[len(second) :]
    return None


def _compound_title(word: str) -> bool:
    """`IT인프라본부장(상무)은`, `최고기술책임자(CTO)는`: words run together that end with a title,
    maybe with another title in brackets."""
    bare = strip_particles(re.sub(r"\([^()]{1,20}\)", "", word.rstrip(",.")))
    return any(len(bare) > len(m) and bare.endswith(m) for m in _COMPOUND_TITLE_ENDS)


# Titles that end a compound title (two syllables or more, so as not to end ordinary words).
_COMPOUND_TITLE_ENDS = (
    *(m for m in KO_PERSON_MARKERS if len(m) >= 2 and has_hangul(m)),
    "책임자",
)


def _name_before_brackets(
    text: str, word: re.Match[str], analyzer: Analyzer, gazetteer: Gazetteer
) -> str | None:
    """`김민수 (가나 운영진)`, `김민수(ETRI)`: a name with its role or organisation in brackets."""
    name = word.group().split("(", 1)[0]
    brackets = _BRACKETS.match(text, word.start() + len(name))
    if not name or brackets is None or not is_hangul_word(name):
        return None
    inside = brackets["inside"].strip()
    if is_person_name(inside):
        return None  # `켈시 하이타워(Kelsey Hightower)`: the Latin spelling of a longer name
    if len(inside.split()) == 1 and transliteration_similarity(name, inside, 0.8) >= 0.8:
        return None  # `옥타린(Octarine)`: the word's own Latin spelling, no organisation
    # `백승민 (연구회 회장, 삼성SDS 클라우드플랫폼그룹)`: any part a role or an organisation
    for part in (p.strip() for p in inside.split(", ")):
        last = part.split()[-1] if part.split() else ""
        if last in KO_PERSON_MARKERS or _organisation_name(part, analyzer, gazetteer):
            return name
    # `박지현(누리온) 님`: an honorific after the brackets says whose they are.
    if re.match(
        r"\s?(?:님|씨)(?![가-힣])|\s?(?:님|씨)(?:은|는|이|가|을|를|과|와|의|도)",
        text[brackets.end() :],
    ):
        return name
    return None


# A unit of an organisation, before a title (`플랫폼팀`, `데이터플랫폼실`).
KO_UNIT = r"[가-힣A-Za-z]{1,8}(?:팀|부|실|본부|센터|랩|그룹|파트|셀)"


def _name_after_possessive(
    before: str, word: str, after: list[str], analyzer: Analyzer
) -> str | None:
    """`AWS코리아의 신유나 파트너 솔루션즈 아키텍트는`: a name after an organisation's `의`, then
    up to two words of a title before the title itself."""
    if len(before) < 3 or not before.endswith("의") or not is_hangul_word(word):
        return None
    for k, following in enumerate(after):
        if _after_title(following.rstrip(",.")) is not None:
            return word if k > 0 else None  # right after: the marker rule's
        if not is_title_word(following, analyzer) and not _LOANWORD_TITLE.fullmatch(following):
            return None
    return None


# A loanword of a title written apart (`파트너 솔루션즈 아키텍트`).
_LOANWORD_TITLE = re.compile(r"[가-힣]{2,6}즈|[A-Za-z]{2,12}")


def _name_before_organisation_and_title(
    word: str, after: list[str], analyzer: Analyzer
) -> str | None:
    """`김민수 가온데이터 엔지니어가`: a bare name, a noun (an organisation or a field), then a
    title (maybe a former one, `전 야놀자 CTO`), maybe after a unit (`이준호 당근 플랫폼팀
    리드는`) or words of the title (`최민석 모아페이 기술총괄 이사는`, `오상훈 네이버클라우드
    쿠버네티스 플랫폼 리드`)."""
    if re.fullmatch(KO_UNIT, word):
        return None  # `오로라클라우드 홍보팀 변지수 매니저`: a unit, then the name
    if after[0] == "전":
        after = after[1:]  # `배지훈 전 야놀자 CTO가`: a former title
    if len(after) < 2:
        return None
    following, title = after[0], after[1]
    # up to two words of the title or a unit before it (`쿠버네티스 플랫폼 리드`)
    for next_word in after[2:4]:
        if _after_title(title.rstrip(",.")) is not None:
            break
        if not (re.fullmatch(KO_UNIT, title) or is_title_word(title, analyzer)):
            break
        title = next_word
    if not is_hangul_word(word) or not (
        _after_title(title.rstrip(",.")) is not None or _compound_title(title)
    ):
        return None
    if following in KO_PERSON_MARKERS or not (has_hangul(following) or following.isupper()):
        return None
    if word.endswith("대") and len(following) == 3 and is_hangul_word(following):
        return None  # `서울대 이정우 교수님`: a university's short name, then the name
    tokens = analyzer.tokens(following)
    # nouns, or a compound the analyser splits oddly (`한결증권`: an adverb, then a noun)
    nouns = tokens and tokens[-1].tag in ("NNP", "NNG", "SL")
    return word if nouns and all(t.tag in _NAME_PART_TAGS for t in tokens) else None


_NAME_PART_TAGS = ("NNP", "NNG", "SL", "MAG", "XPN", "XSN")


_BRACKETS_THEN_PARTICLE = re.compile(
    r"\((?P<inside>[^()\n]{1,40})\)(?:이|가|은|는|의|와|과|도|을|를)"
)


def _organisation_in_brackets(after: str, gazetteer: Gazetteer) -> bool:
    """`마티외 르그랑(Red Hat)이`: a known organisation in brackets, then a particle, after a
    name."""
    found = _BRACKETS_THEN_PARTICLE.match(after)
    return found is not None and _known_organisation(found["inside"].strip(), gazetteer)


def _known_organisation(word: str, gazetteer: Gazetteer) -> bool:
    entry = gazetteer.lookup(strip_particles(word))
    return entry is not None and entry.kind == "organization"


def is_title_word(word: str, analyzer: Analyzer) -> bool:
    """A noun before a title that belongs to it (`기술총괄`, `시니어`), no particle after it."""
    if not is_hangul_word(word) or len(word) > 10:
        return False
    tokens = analyzer.tokens(word)
    return bool(tokens) and all(t.tag in ("NNG", "NNP") for t in tokens)


def _organisation_name(text: str, analyzer: Analyzer, gazetteer: Gazetteer) -> bool:
    """A known organisation, a capitalised Latin name (`ETRI`, `Supergate`) or one Hangul
    proper noun (`삼성전자`)."""
    entry = gazetteer.lookup(text)
    if entry is not None:
        return entry.kind == "organization"
    if re.fullmatch(r"[A-Z][A-Za-z0-9&.-]*(?: [A-Z][A-Za-z0-9&.-]*){0,2}", text):
        return True
    tokens = analyzer.tokens(text) if is_hangul_word(text) else []
    return len(tokens) == 1 and tokens[0].tag == "NNP" and len(text) >= 2


def _foreign_names(
    draft: Draft, text: str, offset: int, analyzer: Analyzer, gazetteer: Gazetteer
) -> None:
    """Two or three Hangul proper nouns with a marker after them (`크리스 아니즈칙 CTO`) or a
    cue before them: a role (`부사장 아이샤 벨로`), `소속`, or an organisation's possessive
    (`이니텍의 라즈 파텔`)."""
    tokens = analyzer.tokens(text)
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].tag == "NNP" and has_hangul(tokens[j].form):
            j += 1
        if j > i:
            surface = text[tokens[i].start : tokens[j - 1].end]
            # `야마다 리나(山田 里奈) 님`: the name in Chinese characters stands aside, and says
            # the words are one foreign name
            after = text[tokens[j - 1].end :].lstrip()
            in_characters = _CJK_GLOSS.match(after)
            after = after[in_characters.end() :] if in_characters else after
            words = surface.split()
            if (
                2 <= len(words) <= 3
                # not read yet (`Dan Kohn`'s `댄 컨`), or read in part as a person when the
                # characters after say it is one name (`사사키` of `사사키 하루토(佐々木 陽翔)`)
                and (
                    draft.mentioned_at(offset + tokens[i].start) is None
                    or (
                        in_characters
                        and _a_part(draft, offset + tokens[i].start, offset + tokens[j - 1].end)
                    )
                )
                and gazetteer.lookup(surface) is None
                # `한국 커뮤니티 발표자`: a word the dictionary knows is no part of a foreign name,
                # nor one that sounds exactly like a curated name (`알리바바 클라우드 엔지니어들`)
                and not any(
                    gazetteer.lookup(w) or _sounds_like_a_curated_name(w, gazetteer) for w in words
                )
                and (
                    any(after.startswith(m) for m in KO_PERSON_MARKERS)
                    or _cue_before(draft, tokens, i, offset, analyzer, gazetteer)
                    or _organisation_in_brackets(after, gazetteer)
                )
                # `온누리커머스 최현석 CTO`; but `야마모토 하루카 님`: a given name of another
                # language that merely has the shape of a Korean name
                # `김하람 센트리클라우드 대표`: a Korean name, then the organisation of the title
                and not (len(words) == 2 and not in_characters and _name_then_company(words))
                and (
                    not is_korean_name(words[-1], analyzer, gazetteer)
                    or _foreign_given_name(words[-1], gazetteer)
                    or in_characters
                )
                # `황보석진 (페이브릭 엔지니어)`: brackets after a name hold where they work
                and not _OPENS_BRACKETS_AFTER_A_NAME.search(text, 0, tokens[i].start)
            ):
                key = known_person(draft, surface) or person(draft, None, surface)
                start, end = offset + tokens[i].start, offset + tokens[j - 1].end
                # `하루카` read alone is the given name of this name
                _take_in_its_parts(draft, key, start, end)
                draft.mention(key, start, end)
        i = max(j, i + 1)


_CJK_GLOSS = re.compile(rf"^\((?:{CJK}| ){{1,13}}\)\s?")


# Endings of Korean company names (`센트리클라우드`, `가온랩스`).
_COMPANY_NAME_ENDS = tuple(word_set("클라우드 랩스 테크 소프트 시스템즈 데이터 커머스 네트웍스"))


def _name_then_company(words: list[str]) -> bool:
    """A Korean-shaped name (three syllables, a surname first), then a word of five syllables
    or more or one ending as company names do."""
    first, last = words
    korean = len(first) == 3 and first[0] in KO_SURNAMES
    return korean and (len(last) >= 5 or last.endswith(_COMPANY_NAME_ENDS))


def _sounds_like_a_curated_name(word: str, gazetteer: Gazetteer) -> bool:
    """`알리바바`: a word that sounds exactly like a name of the curated lists (not any of the
    landscape's thousands, which `크라우스` or `유키` may happen to sound like)."""
    entry = gazetteer.sounds.match(word, exact=True)
    return entry is not None and entry.curated


def _a_part(draft: Draft, start: int, end: int) -> bool:
    """Whether the mention at `start` is a person's, shorter than [start, end)."""
    found = draft.mentioned_at(start)
    return found is not None and found.type == EntityType.PERSON and found.end < end


def foreign_name_in_hangul(text: str, analyzer: Analyzer, gazetteer: Gazetteer) -> bool:
    """`하칸 일디림`, where a name stands (a credit line): two or three Hangul words, each a
    proper noun to the analyser, none a name the gazetteer knows or a Korean name."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not all(is_hangul_word(w) and len(w) >= 2 for w in words):
        return False
    if any(
        gazetteer.lookup(w) or _sounds_like_a_curated_name(w, gazetteer) for w in (*words, text)
    ):
        return False
    tokens = analyzer.tokens(text)
    return len(tokens) == len(words) and all(t.tag == "NNP" for t in tokens)


def _foreign_given_name(word: str, gazetteer: Gazetteer) -> bool:
    """`하루카`, `라훌`: a Hangul word of three syllables or more that reads as a Latin given
    name (Haruka, Rahul), not as a Korean surname and given name."""
    return len(word) >= 3 and romanize(word).capitalize() in gazetteer.given_names


_OPENS_BRACKETS_AFTER_A_NAME = re.compile(r"[가-힣A-Za-z]\s?\(\s*$")


def known_person(draft: Draft, name: str) -> str | None:
    """The person already named `name` (`댄 컨` of `댄 컨(Dan Kohn)`), if any."""
    return draft.named(EntityType.PERSON, name)


def _cue_before(
    draft: Draft, tokens: list[Token], i: int, offset: int, analyzer: Analyzer, gazetteer: Gazetteer
) -> bool:
    """A role, `소속` or an organisation's `의` right before the proper nouns from tokens[i]
    (`부사장 아이샤 벨로`, `글로벡스 소속 메이 첸`, `이니텍의 라즈 파텔`); the owner must be an
    organisation (`gRPC의 로드 밸런싱` is no person)."""
    if i == 0:
        return False
    before = tokens[i - 1]
    if before.form in KO_PERSON_MARKERS or before.form == "소속":
        return True
    owner = tokens[i - 2] if i >= 2 else None
    if before.form in (":", "：") and owner is not None and owner.form in KO_PROGRAMME_PARTS:
        return True  # `게스트: 레나 피셔`
    if before.tag != "JKG" or owner is None:
        return False
    span = draft.mentioned_at(offset + owner.start)
    if span is not None:
        return span.type == EntityType.ORGANIZATION
    entry = gazetteer.lookup(owner.form)
    if entry is not None:
        return entry.kind == EntityType.ORGANIZATION.value
    # A name the dictionary does not know (`이니텍`), not a known noun (`인스턴스의`).
    alone = analyzer.tokens(owner.form) if has_hangul(owner.form) else []
    return len(alone) == 1 and alone[0].unknown


# A Korean given name of two syllables alone, before an honorific: `하윤 님`, `도현 님과`.
_BEFORE_AN_HONORIFIC = r"(?=\s?(?:님|씨)(?![가-힣]{2}))"


def add_korean_given_names_alone(draft: Draft) -> None:
    """`하윤 님(前 카카오)` after `신하윤 님`: the given name with an honorific is that person,
    when one person of the document has it."""
    owners: dict[str, set[str]] = {}
    for key in draft.keys(EntityType.PERSON):
        for name in draft.names_of(key):
            surname = name.text[:-2]
            if is_hangul_word(name.text) and (
                (len(surname) == 1 and surname in KO_SURNAMES) or surname in KO_DOUBLE_SURNAMES
            ):
                owners.setdefault(name.text[-2:], set()).add(key)
    text = draft.article.text
    for given, keys in owners.items():
        if len(keys) != 1:
            continue
        for found in re.finditer(rf"(?<![가-힣]){given}{_BEFORE_AN_HONORIFIC}", text):
            if not draft.spans_over(found.start(), found.end()):
                draft.mention(next(iter(keys)), found.start(), found.end())
