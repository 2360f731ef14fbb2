"""Organisations known by the form of their name, in either language: legal and institutional
suffixes (`Acme Labs`, `Foo Inc.`, `University of Bar`, `주식회사 가나`, `㈜다라`, `가나협회`),
named groups (SIGs, working groups, committees, teams: `SIG Network`, `Steering Committee`,
`Kubernetes 1.30 Release Team`, `쿠버네티스 문서 한글화 팀`) and credited sources
(`(그림출처: Acme)`, `Source: Acme News`).
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_named import add_named, known_entry
from forumgraph.ingest.extract_records import Draft, name_of
from forumgraph.ingest.extract_text import FUNCTION_WORDS, on_heading, word_set
from forumgraph.ingest.gazetteer import PLACE_KINDS, Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.hangul import SYLLABLE_FIRST, SYLLABLE_LAST, has_hangul
from forumgraph.text.particles import is_particle, strip_particles

# a capitalised word (a full stop only inside it: `Node.js`, not `Labs.` ending a sentence) or
# a version
_CAP = r"(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ0-9_&'’+-]*(?:\.[A-Za-z0-9_&'’+-]+)*|v?\d+(?:\.\d+)+|\d+)"
_SUFFIX = (
    r"Inc\.?|Incorporated|Labs?|Laborator(?:y|ies)|Ltd\.?|Limited|LLC|GmbH|Corp\.?|Corporation"
    r"|Foundation|University|Institute|Technologies|Consortium|Initiative|Alliance|Association"
    r"|Agency|Networks|Systems|Media|Group|Ventures|Capital|Partners|Holdings"
)
# Legal forms written after a comma (`Acme, Inc.`); a comma before other words ends a list item.
_LEGAL_FORM = r"(?:Inc|Incorporated|Ltd|Limited|LLC|GmbH|Corp)\b"
_MONTH_WORDS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# Fields of study that end an institution's name after `and`.
_FIELDS = (
    r"Technology|Sciences?|Engineering|Arts|Design|Economics|Medicine|Management|Business"
    r"|Humanities|Mathematics|Commerce|Education"
)
_GROUP = r"Working Group|Special Interest Group|Committee|Team|Council|Board|Subproject"
_EN_PATTERNS = [
    # `Open Container Initiative`, `Acme, Inc.`, `Foo Labs` (also before a Korean particle)
    re.compile(
        # (not where it is: `Berlin-based Quellwerk GmbH`)
        rf"\b(?P<name>(?:(?![\w.-]+-based\s){_CAP}\s){{0,3}}(?![\w.-]+-based\s){_CAP}"
        rf"(?:,\s(?={_LEGAL_FORM})|\s)(?:{_SUFFIX})"
        # `Warsaw University of Technology`
        # `Hanoi University of Science and Technology`
        r"(?:(?:(?<=University)|(?<=Institute))\sof(?:\sthe)?(?:\s[A-Z][A-Za-z-]+){1,2}"
        rf"(?:\sand\s(?:{_FIELDS}))?)?)(?![A-Za-z0-9_-])"
    ),
    re.compile(
        r"\b(?P<name>(?:University|Institute) of(?: the)?(?: [A-Z][A-Za-z-]+){1,3}"
        rf"(?: and (?:{_FIELDS}))?)"
    ),
    # `Kubernetes 1.22 Release Team`, `Steering Committee`, `Code of Conduct Committee`
    re.compile(
        rf"\b(?P<name>{_CAP}\s(?:(?:of|for)\s{_CAP}\s|{_CAP}\s){{0,3}}(?:{_GROUP}))(?![A-Za-z0-9_-])"
    ),
    # `Python Slovenia user group`, `Cloud Native Lisbon Meetup`: a local community by its kind
    # (`the March meetup` is a meetup of the month, not a community)
    re.compile(
        rf"\b(?P<name>(?:{_CAP}\s){{0,3}}(?!(?:{_MONTH_WORDS})\s){_CAP}\s"
        r"(?:[Uu]sers?\s[Gg]roup|[Mm]eetup(?:\s[Gg]roup)?))(?![\w-])"
    ),
    # `SIG Network`, `SIG etcd`, `WG Device Management`, `TAG Security` (CNCF technical advisory
    # groups), `TAG Security and Compliance`
    re.compile(
        r"\b(?P<name>(?:SIG|WG|TAG)[ -][A-Za-z][A-Za-z0-9-]*"
        r"(?: (?:and (?!(?:Deep|Intro|Updates?|Sessions?)\b))?(?!(?:Leads?|Chairs?|Members?"
        r"|Meetings?|Meet|Tech|Team|Managers?|Approvers?|Reviewers?|Shadows?|Release\sManagers?"
        r"|I|SIG|WG|TAG)\b)[A-Z][A-Za-z0-9-]*){0,2})"
    ),
]
# A capitalised word that ends no sentence (`Hub.` before `Our` does).
_CAP_IN_SENTENCE = r"(?:[A-Z][A-Za-z0-9_&'’+-]*(?:\.[A-Za-z0-9]+)*)"
# `Cloud Native Lisbon March meetup`: a community named before a meetup of the month;
# `the June meetup of Cloud Native Lisbon`: after it.
_BEFORE_MONTH_MEETUP = re.compile(
    rf"\b(?P<name>(?:(?!(?:{_MONTH_WORDS})\s){_CAP_IN_SENTENCE}\s){{2,4}})(?:{_MONTH_WORDS})\s"
    r"(?:(?:online|in-person|virtual)\s)?[Mm]eetup\b"
)
_AFTER_MONTH_MEETUP = re.compile(
    rf"\b(?:{_MONTH_WORDS})\s(?:(?:online|in-person|virtual)\s)?[Mm]eetup\sof\s(?:the\s)?"
    rf"(?P<name>{_CAP_IN_SENTENCE}(?:\s{_CAP_IN_SENTENCE}){{1,3}})"
)
# `클라우드 네이티브 부산 6월 밋업`: a Korean community named before its meetup of the month.
_KO_BEFORE_MONTH_MEETUP = re.compile(
    r"(?<![\w.])(?P<name>(?:[가-힣A-Za-z0-9.+-]+\s){1,4}?)(?:1[0-2]|[1-9])월\s?"
    r"(?:(?:온라인|오프라인|정기)\s?)?(?:밋업|모임)"
)
# `(그림출처: Acme)`, `Source: Acme News`: the credited source of a figure or quote.
_SOURCE = re.compile(
    r"(?:출처|Source|Credit|Image credit|Photo credit)\s?[:：]\s?"
    r"(?P<name>[A-Z][A-Za-z0-9&.-]*[A-Za-z0-9](?: [A-Z][A-Za-z0-9&.-]*[A-Za-z0-9]){0,3})"
    r"(?=[\s),;]|$)"
)
_HANGUL = f"{SYLLABLE_FIRST}-{SYLLABLE_LAST}"
# (a full stop inside a word, `Node.js`, not one ending a sentence)
_KO_WORD = rf"[{_HANGUL}A-Za-z0-9+-]+(?:\.[{_HANGUL}A-Za-z0-9+-]+)*"
_KO_PATTERNS = [
    re.compile(rf"주식회사\s?(?P<name>[{_HANGUL}A-Za-z][{_HANGUL}A-Za-z0-9]*)"),
    re.compile(rf"(?P<name>[{_HANGUL}A-Za-z][{_HANGUL}A-Za-z0-9]*)\s?(?:주식회사|\(주\))"),
    re.compile(rf"(?:㈜|\(주\))\s?(?P<name>[{_HANGUL}A-Za-z][{_HANGUL}A-Za-z0-9]*)"),
    # `쿠버네티스 문서 한글화 팀`, `SIG 문서 위원회`, `쿠버네티스 코리아 그룹`: a team, committee or
    # community named after something
    re.compile(
        rf"(?P<name>(?:{_KO_WORD} ){{1,3}}"
        r"(?:팀|위원회|워킹\s?그룹|작업\s?그룹|그룹|모임|밋업|커뮤니티))"
        r"(?=[\s,.()]|$|[이가은는을를의에와과도로만])"
    ),
]
# Where a Korean name ends: a space, punctuation, or one particle ending the word.
_KO_NAME_END = (
    r"(?=[\s,.()'\"’”]|$|(?:은|는|이|가|을|를|의|에서|에|와|과|도|로|으로|측)(?![가-힣]))"
)
# Korean institutions named by their kind at the end of one word (`한국핀테크산업협회`,
# `신한은행`, `가나대학교`), not a generic one (`시중은행`, `국립대학교`).
_KO_INSTITUTION = re.compile(
    rf"(?<![{_HANGUL}A-Za-z0-9])(?P<name>(?P<stem>[{_HANGUL}A-Za-z0-9]{{2,12}}?)"
    r"(?:협회|재단|학회|연구회|연구소|진흥원|협의회|연합회|은행|증권|대학교|위원회|공사|공단))"
    + _KO_NAME_END
)
_GENERIC_INSTITUTION = word_set(
    "시중 지방 인터넷 외국계 중앙 국책 저축 사립 국립 공립 관련 해당 민간 주요 대형 국내 해외 "
    "글로벌 지역 전국 산하 소속 모든 여러 다른 우리 각종 일부 기존 신규 대표 전문 부설 "
    "인터넷전문 디지털 모바일 온라인 "
    # committees of an event or a process, not institutions (`조직위원회`, `심사위원회`)
    "운영 조직 준비 심사 자문 선정 평가 기획 프로그램 실행 추진 집행"
)
# A company named after a known one with a word of business (`카카오뱅크`, `네이버클라우드`):
# an affiliate of that company.
_KO_AFFILIATE = re.compile(
    rf"(?<![{_HANGUL}A-Za-z0-9])(?P<name>(?P<stem>[{_HANGUL}A-Za-z]{{2,8}}?)"
    r"(?:뱅크|페이|증권|손해보험|생명|캐피탈|카드|클라우드|엔터프라이즈|모빌리티|커머스|헬스케어"
    r"|랩스|테크|소프트|시스템즈|네트웍스|게임즈|엔터테인먼트))" + _KO_NAME_END
)
_COMMUNITY_KIND = re.compile(r"\s(?:[Uu]sers?\s[Gg]roup|[Mm]eetup(?:\s[Gg]roup)?)$")
_KO_GROUP_WORDS = ("팀", "위원회", "그룹", "모임", "밋업", "커뮤니티")
_COMMUNITY_WORDS = ("그룹", "모임", "밋업", "커뮤니티")
# Words before `그룹`/`모임` in the names of user communities (`쿠버네티스 사용자 모임`).
_USERS = ("사용자", "유저", "이용자")


# `CNCG Seoul`, `Cloud Native Toronto`: a community group of the CNCF named after its place (not
# an event named so: `Cloud Native Days Tokyo`, `CNCF Seoul Summit`).
_PLACE_GROUP = re.compile(
    r"(?<![+&] )(?<![\w-])(?P<name>(?:CNCG|Cloud[ -]Native|CNCF)\s"
    r"(?P<place>[A-Z][A-Za-zÀ-ÿĀ-ſ'’.-]*[A-Za-zÀ-ÿĀ-ſ](?:\s[A-Z][A-Za-zÀ-ÿĀ-ſ'’-]*)?))"
    r"(?!\s(?:Days?|Forum|Summit|Con|Conference|Festival|Week|Fest)\b)(?![A-Za-zÀ-ÿ-])"
)


def _place_groups(draft: Draft, gazetteer: Gazetteer, text: str, offset: int) -> None:
    for match in _PLACE_GROUP.finditer(text):
        place, name = match["place"], match["name"]
        if gazetteer.lookup(place) is None:
            place = place.split()[0]  # `Cloud Native Kochi Meetup`: the place is the first word
            name = name[: match.start("place") - match.start("name") + len(place)]
        entry = gazetteer.lookup(place)
        if entry is None or entry.kind not in PLACE_KINDS:
            continue
        start = offset + match.start("name")
        add_named(draft, gazetteer, EntityType.ORGANIZATION, name, start, start + len(name))


def add_group_names(draft: Draft, gazetteer: Gazetteer) -> None:
    """Organisation records for names whose form says they are organisations."""
    for passage in draft.passages:
        text = passage.text
        for pattern in _EN_PATTERNS:
            for match in pattern.finditer(text):
                if on_heading(text, match.start()):
                    continue
                name, shift = _trim(match.group("name"))
                start = passage.start + match.start("name") + shift
                name += _place_after_a_community(text, match.end("name"), name, gazetteer)
                if _acceptable(name, gazetteer):
                    key = add_named(
                        draft, gazetteer, EntityType.ORGANIZATION, name, start, start + len(name)
                    )
                    _community_short_name(draft, key, name)
        for pattern in (_BEFORE_MONTH_MEETUP, _AFTER_MONTH_MEETUP):
            for match in pattern.finditer(text):
                name, shift = _trim(match.group("name").strip())
                start = passage.start + match.start("name") + shift
                _add_community(draft, gazetteer, name, start, f"{name} meetup")
        for match in _KO_BEFORE_MONTH_MEETUP.finditer(text):
            words = match["name"].split()
            first = _first_known(words, gazetteer)
            if first == len(words) or any(strip_particles(w) != w for w in words[first:]):
                continue  # no known name or place among the words, or a phrase ends there
            name = " ".join(words[first:])
            start = passage.start + match.start("name") + match["name"].index(words[first])
            _add_community(draft, gazetteer, name, start, f"{name} 밋업")
        for match in _SOURCE.finditer(text):
            name, start = match.group("name"), passage.start + match.start("name")
            if name.split()[0] not in FUNCTION_WORDS:
                add_named(draft, gazetteer, EntityType.ORGANIZATION, name, start, start + len(name))
        for match in _KO_INSTITUTION.finditer(text):
            if match["stem"] not in _GENERIC_INSTITUTION:
                name, start = match["name"], passage.start + match.start("name")
                add_named(draft, gazetteer, EntityType.ORGANIZATION, name, start, start + len(name))
        for match in _KO_AFFILIATE.finditer(text):
            stem = match["stem"]
            owner = gazetteer.lookup(stem, EntityType.ORGANIZATION.value) or (
                gazetteer.sounds.match(stem) if has_hangul(stem) else None
            )
            known = owner is not None and owner.kind == EntityType.ORGANIZATION.value
            if known and gazetteer.lookup(match["name"]) is None:
                name, start = match["name"], passage.start + match.start("name")
                add_named(draft, gazetteer, EntityType.ORGANIZATION, name, start, start + len(name))
        for pattern in _KO_PATTERNS:
            for match in pattern.finditer(text):
                found = _korean_name(match.group("name").strip(), gazetteer)
                if found is not None:
                    name, shift = found
                    start = passage.start + match.start("name") + shift
                    add_named(
                        draft, gazetteer, EntityType.ORGANIZATION, name, start, start + len(name)
                    )
        _place_groups(draft, gazetteer, text, passage.start)


def _first_known(words: list[str], gazetteer: Gazetteer) -> int:
    """The first word that starts a known name or place (`클라우드` of `클라우드 네이티브 부산`),
    or len(words)."""
    for j in range(len(words)):
        if any(gazetteer.lookup(" ".join(words[j:k])) for k in range(len(words), j, -1)):
            return j
    return len(words)


def _add_community(draft: Draft, gazetteer: Gazetteer, name: str, start: int, meetup: str) -> None:
    """A user community named with its meetups, also known as `<name> meetup`."""
    key = add_named(draft, gazetteer, EntityType.ORGANIZATION, name, start, start + len(name))
    if key is not None and draft.type_of(key) == EntityType.ORGANIZATION:
        draft.entity(key, EntityType.ORGANIZATION, [], [name_of(meetup)])


def _community_short_name(draft: Draft, key: str | None, name: str) -> None:
    """`Cloud Native Lisbon meetup` is also called `Cloud Native Lisbon`."""
    short = _COMMUNITY_KIND.sub("", name)
    if key is not None and short != name and len(short.split()) >= 2:
        draft.entity(key, draft.type_of(key), [name_of(short)])


_NEXT_WORD = re.compile(r" [A-Z][\w'’-]+(?![\w-])")


def _place_after_a_community(text: str, end: int, name: str, gazetteer: Gazetteer) -> str:
    """` Tokyo` of `Kubernetes Meetup Tokyo`: a place after a community's kind names it too."""
    after = _NEXT_WORD.match(text, end)
    if after is None or not _COMMUNITY_KIND.search(name):
        return ""
    place = gazetteer.lookup(after.group().strip())
    return after.group() if place is not None and place.kind in PLACE_KINDS else ""


def _trim(name: str) -> tuple[str, int]:
    """Drop a leading article or pronoun and a trailing comma; returns the name and the shift."""
    shift = 0
    while " " in name and name.split(" ", 1)[0] in FUNCTION_WORDS:
        cut = name.index(" ") + 1
        shift += cut
        name = name[cut:]
    return name.rstrip(", "), shift


# The kinds of Kubernetes and CNCF groups that open their names (`SIG Network`, `TAG Security`).
_GROUP_KINDS = ("SIG", "WG", "TAG")


def _acceptable(name: str, gazetteer: Gazetteer) -> bool:
    words = name.replace(",", "").split()
    if len(words) < 2 or known_entry(gazetteer, name) is not None:
        return len(words) >= 2
    if words[0] in _GROUP_KINDS and words[1].islower() and gazetteer.lookup(words[1]) is None:
        return False  # `the SIG has been`, `the WG published`: a verb, not `SIG etcd`
    # The name of a group must carry more than its kind (`Release Team` alone is named by the
    # text; `Our Team` was trimmed to `Team`).
    return any(w[0].isupper() for w in words[:-1])


def _ends_a_phrase(word: str) -> bool:
    """A word with a particle after it (`도쿄에서`, `2025에서`)."""
    if strip_particles(word) != word:
        return True
    latin = re.match(r"[A-Za-z0-9.+-]+", word)
    return latin is not None and latin.end() < len(word) and is_particle(word[latin.end() :])


def _korean_name(name: str, gazetteer: Gazetteer) -> tuple[str, int] | None:
    """A team or committee from its first word that is a known name or written in Latin
    (`쿠버네티스 릴리스 팀`, not `우리 팀`), or a company named beside its legal form; with the
    offset of the name in the match."""
    if not name.endswith(_KO_GROUP_WORDS):
        stem = strip_particles(name)
        return (stem, 0) if len(stem) >= 2 else None
    words = name.split()
    if words[-1] in _COMMUNITY_WORDS and not _community(words, gazetteer):
        return None
    for i, word in enumerate(words[:-1]):
        first = strip_particles(word)
        if first != word or (has_hangul(word) and re.match(r"[A-Za-z]", word)):
            continue  # a particle ends a phrase before the name
        if any(_ends_a_phrase(w) for w in words[i + 1 : -1]):
            continue  # `Japan 2025에서 일본어 팀`: a phrase ends inside, the name starts after
        # A known name of one word or more starts it (`클라우드 네이티브 코리아 커뮤니티`).
        known = any(
            known_entry(gazetteer, " ".join(words[i:k])) for k in range(len(words) - 1, i, -1)
        ) or (
            # a user community named after a project spelled by its sound (`오픈텔레메트리 한국
            # 사용자 모임`; not `트래픽 팀`)
            words[-1] in _COMMUNITY_WORDS
            and has_hangul(first)
            and gazetteer.sounds.match(first) is not None
        )
        if known or re.match(r"[A-Za-z]", first):
            opening = _known_words_before(words, i, gazetteer)
            if known_entry(gazetteer, " ".join(words[opening:-1])) is not None:
                return None  # `Kubecost 팀`: the team of a known project or company is that name
            rest = " ".join(words[opening:])
            if words[opening] in {"SIG", "WG", "TAG"} and len(words) - opening > 2:
                # `SIG Release 팀`: the group's own name, then its kind
                return rest[: -len(words[-1])].rstrip(), len(name) - len(rest)
            return rest, len(name) - len(rest)
    return None


def _known_words_before(words: list[str], i: int, gazetteer: Gazetteer) -> int:
    """Where the name starting at word `i` begins: at the first of the words before it that
    together are a known name or place (`한국 쿠버네티스 사용자 그룹`, `클라우드 네이티브 서울
    밋업`)."""
    for j in range(i):
        before = words[j:i]
        if all(strip_particles(w) == w for w in before) and gazetteer.lookup(" ".join(before)):
            return j
    return i


def _community(words: list[str], gazetteer: Gazetteer) -> bool:
    """A user community named by its users or its place (`쿠버네티스 사용자 그룹`, `쿠버네티스
    코리아 그룹`, `클라우드 네이티브 서울 밋업`), not any group (`API 그룹`, `페이스북 그룹`)."""
    before = words[-2] if len(words) >= 2 else ""
    if before in ("워킹", "작업"):
        return True  # a working group
    entry = gazetteer.lookup(before)
    return before in _USERS or (entry is not None and entry.kind in PLACE_KINDS)


# A group the title names in quotes after its kind: `스터디 '코읽쿠' 4기 모집`, `모임 "클네모"`.
_QUOTED_AFTER_ITS_KIND = re.compile(
    r"(?:스터디|모임|소모임|동아리|학회|커뮤니티)\s?['‘\"“](?P<name>[^'’\"”\s][^'’\"”\n]{0,18}[^'’\"”\s])['’\"”]"
)


def add_groups_named_in_the_title(draft: Draft, gazetteer: Gazetteer) -> None:
    """The group the title names in quotes after its kind, where the text writes its name."""
    for match in _QUOTED_AFTER_ITS_KIND.finditer(draft.article.title):
        name = match["name"]
        if gazetteer.lookup(name) is not None:
            continue
        found = re.search(rf"(?<![\w가-힣]){re.escape(name)}(?![\w])", draft.article.text)
        if found is not None and not draft.spans_over(found.start(), found.end()):
            add_named(draft, gazetteer, EntityType.ORGANIZATION, name, found.start(), found.end())
