"""Where a speaker worked, from the career lines of a profile: the lines under a label such as
`발표자 프로필`, `약력`, `Bio` or `Experience`, each opening with an organisation, maybe after a
period or a marker of the present or the past.

    발표자: 우현석
    발표자 프로필
    현) 네이버클라우드 Kubernetes Service 개발 리드
    전) 카카오엔터프라이즈 클라우드 플랫폼 개발
    2018 – 2022: Amazon Web Services, EKS 팀 Senior SDE

The person is the one the section names (its heading, or a `발표자:` line), else the person
named last before the label in the section.

A section headed by one person's name (a mentor, speaker or team page) may open its text with
such lines written as a sentence, the person left unsaid:

    ### 정하람 멘토 · Argo CD
    現 네이버클라우드 Kubernetes Service 개발, 前 삼성SDS 클라우드 아키텍트. 2021년부터 ...
    ### 윤서진 멘토
    토스에서 일하는 관측성 엔지니어입니다. ...

So may a paragraph whose first line names its person (`**Adaeze Okonkwo** · Enugu, Nigeria`),
in either language: `Platform engineer at Paystack`, `2023년 솔빛페이에 합류했습니다`.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_bylines import credited_organisation, is_title
from forumgraph.ingest.extract_employers import ORG_NAME, employer_at
from forumgraph.ingest.extract_orgs_ko import HANGUL_NAME_GLOSS, name_form
from forumgraph.ingest.extract_people import ROLE_HEADS
from forumgraph.ingest.extract_people_cues import KO_ROLE_HEADS, is_role_phrase
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.extract_sections import HEADING, person_of_section
from forumgraph.ingest.extract_text import Sentence, sentences
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer
from forumgraph.text.hangul import has_hangul
from forumgraph.text.particles import strip_particles

# A line that labels a profile (`**발표자 프로필**`, `Speaker bio:`).
_LABEL = re.compile(
    r"(?im)^[ \t*_#-]*(?:발표자\s?|연사\s?|speaker\s)?"
    r"(?:프로필|약력|경력|이력|bio(?:graphy)?|profile|career|experience)[ \t*_:：]*$"
)
# A heading that introduces the speaker (`슬라이드 2 — 연사 소개`, `About the speaker`).
_HEADING_LABEL = re.compile(
    r"(?im)^[^\n]{0,40}?(?:(?:연사|발표자)\s?(?:소개|프로필)|about\sthe\sspeakers?"
    r"|speaker\sprofiles?)[ \t*_:：]*$"
)
# What may open a career line before the organisation: a list mark, a period, `현)`, `전)`,
# `이전`, `Previously`.
_OPENING = re.compile(
    r"[ \t]*(?:[-*+•][ \t]+)?"
    r"(?:(?P<marker>현|전|前|現)\)\s*|(?:前|現)\s*"
    r"|\d{4}(?:\.\d{1,2})?\s*[–~-]\s*(?:\d{4}(?:\.\d{1,2})?|현재|present|now|Present|Now)?\s*[:：]?\s*"
    r"|(?:이전|현재|previously|Previously|formerly|Formerly)[,:]?\s+)?"
)
# A Latin organisation at the start: capitalised words up to a comma or a lower-case word.
_LATIN_ORG = re.compile(r"[A-Z][\w&.'’-]*(?:\s(?:of\s)?[A-Z][\w&.'’-]*){0,4}")
# A Hangul organisation at the start: one word, maybe with its Latin spelling in brackets.
_HANGUL_ORG = re.compile(
    r"(?P<name>[가-힣][\w&.-]*?)(?:\((?P<latin>[A-Za-z][^()]{0,30})\))?(?=\s|,|$|에서|의)"
)
_A_LABELLED_LINE = re.compile(r"[^:：\n]{1,24}[:：]\s")
_MAX_LINES = 12
_MAX_LINE = 100
_PROSE_END = re.compile(r"(?:[.!?]|[다요])\s*$")


def add_career_lines(draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer) -> None:
    """Affiliations of a profile's person with the organisations its career lines open with."""
    text = draft.article.text
    labels = sorted([*_LABEL.finditer(text), *_HEADING_LABEL.finditer(text)], key=_start)
    for label in labels:
        # a heading that introduces speakers names whom on the line below (it may introduce
        # several, in a table of their own)
        person = (
            _named_right_after(draft, label.end())
            if label.re is _HEADING_LABEL
            else person_of_section(draft, label.start()) or _named_before(draft, label.start())
        )
        if person is None:
            continue
        position = label.end() + 1
        table_lines: list[tuple[int, str]] = []
        for _ in range(_MAX_LINES):
            line_end = text.find("\n", position)
            line_end = len(text) if line_end < 0 else line_end
            line = text[position:line_end]
            if not line.strip():
                if position > label.end() + 1:
                    break  # the lines run up to a blank line
                position = line_end + 1
                continue
            if "|" in line:
                table_lines.append((position, line))
            else:
                career_line(draft, gazetteer, analyzer, person, position, line)
            position = line_end + 1
            if position >= len(text):
                break

        _career_table(draft, gazetteer, analyzer, person, table_lines)


def add_bio_openings(draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer) -> None:
    """Where the person of a section works, from each sentence of its first paragraph that is
    a career line written as prose (`SAP 소속으로 원격으로 참여합니다`); and from each
    sentence of a bio after a name in bold and a dash (`**윤서진** — 토스에서 배포 플랫폼을
    책임지는 SRE. 쿠팡 출신으로, …`)."""
    text = draft.article.text
    for heading in HEADING.finditer(text):
        body = heading.end()
        while text.startswith("\n", body):
            body += 1
        person = person_of_section(draft, body)
        if person is None:
            continue
        for sentence in sentences(text[body : body + _MAX_OPENING], body):
            if sentence.paragraph:
                break  # the bio is the section's first paragraph
            _bio_sentence(draft, gazetteer, analyzer, person, sentence)
        paragraph_end = text.find("\n\n", body)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        for item in _LIST_ITEM.finditer(text, body, paragraph_end):
            named = draft.spans_in(item.start(), item.end(), EntityType.PERSON)
            if any(s.key != person for s in named):
                continue  # `- Gabriel Roy (GR) — venue, Kinaxis`: someone else's line
            # a career in a list: `- 현) 카카오 플랫폼 엔지니어`, `- CNCF 앰배서더, KKG 운영진`
            for part in _PARTS.finditer(item["line"]):
                written = part.group().strip()
                at = item.start("line") + part.start() + part.group().index(written[:1])
                career_line(draft, gazetteer, analyzer, person, at, written)
    for line in _BOLD_NAME_AND_BIO.finditer(text):
        group = "name" if line["name"] is not None else "item"
        named = draft.spans_in(*line.span(group), EntityType.PERSON)
        if len(named) == 1 and (named[0].start, named[0].end) == line.span(group):
            # (a list item's bio runs to the line's end, with or without a full stop)
            bounded = group == "item"
            for sentence in sentences(line["bio"], line.start("bio")):
                _bio_sentence(draft, gazetteer, analyzer, named[0].key, sentence, bounded)
    for person, start, end in _profile_paragraphs(draft):
        for sentence in sentences(text[start:end], start):
            _bio_sentence(draft, gazetteer, analyzer, person, sentence)


# A paragraph of two lines or more.
_PARAGRAPH = re.compile(r"(?:(?<=\n\n)|^)[^\n]+\n(?:[^\n]+(?:\n|$))+")


def _profile_paragraphs(draft: Draft) -> list[tuple[str, int, int]]:
    """Paragraphs whose first line names their person with a label at most (`**Adaeze Okonkwo**
    · Enugu, Nigeria`), the bio on the lines below: the person, and where the bio starts and
    ends."""
    text = draft.article.text
    out = []
    for paragraph in _PARAGRAPH.finditer(text):
        bio = text.index("\n", paragraph.start()) + 1
        person = person_of_section(draft, bio)
        on_the_first_line = draft.spans_in(paragraph.start(), bio, EntityType.PERSON)
        if person is not None and any(s.key == person for s in on_the_first_line):
            out.append((person, bio, paragraph.end()))
    return out


def read_bio(
    draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer, person: str, start: int, end: int
) -> None:
    """Where the person of a bio written in [start, end) works, from each of its sentences; its
    last may end without a full stop, as a table's cell does (`前 쿠팡, 現 당근 플랫폼
    엔지니어`)."""
    for sentence in sentences(draft.article.text[start:end], start):
        _bio_sentence(draft, gazetteer, analyzer, person, sentence, bounded=True)


def _bio_sentence(
    draft: Draft,
    gazetteer: Gazetteer,
    analyzer: Analyzer,
    person: str,
    sentence: Sentence,
    bounded: bool = False,
) -> None:
    if not bounded and not sentence.text.endswith("."):
        return  # a label or a heading, not a sentence
    if any(
        s.key != person for s in draft.spans_in(sentence.start, sentence.end, EntityType.PERSON)
    ):
        return  # someone else's sentence
    if not has_hangul(sentence.text):
        _english_bio_sentence(draft, gazetteer, person, sentence)
        return
    words = _SENTENCE_STOP.sub("", sentence.text)
    for part in words.split(", "):
        bio = _A_BIO_PART.match(part) if has_hangul(part) else None  # Korean forms
        if bio is None or (bio["doing"] and not is_title(part.split()[-1])):
            continue  # `토스에서 … 책임지는 SRE`, but not `… 책임지는 일`
        if bio["cue"] or bio["doing"] or not _KO_PREDICATE_END.search(part):
            start = sentence.start + words.index(part)
            career_line(draft, gazetteer, analyzer, person, start, part, as_prose=True)
    if has_hangul(sentence.text):
        _joined_or_studied(draft, gazetteer, analyzer, person, sentence)


# A role held somewhere, in a bio that leaves out its subject: `Platform engineer at Paystack`,
# `Four years as an SRE at Alibaba Cloud`, `as a bootcamp instructor with Laboratoria`, and at the
# start of a sentence after a comma (`Final-year computer science student, Universidade Federal
# de Pernambuco`).
_EN_BIO_ROLE = re.compile(
    r"(?:(?P<opening>^)|,\s|;\s|\bas\s|\bnow\s)(?:an?\s|the\s)?"
    r"(?P<role>[A-Za-z'’-]+(?:\s[A-Za-z'’-]+){0,6}?)(?P<gap>\s(?:at|with|@)\s|,\s)" + ORG_NAME
)


def _english_bio_sentence(
    draft: Draft, gazetteer: Gazetteer, person: str, sentence: Sentence
) -> None:
    for role in _EN_BIO_ROLE.finditer(sentence.text):
        if role["gap"] == ", " and role["opening"] is None:
            continue  # `…, engineers, Acme`: a list, not a role and where it is held
        if not is_role_phrase(role["role"] + " at"):
            continue
        org = employer_at(draft, gazetteer, role["org"], sentence.start + role.start("org"))
        if org is not None:
            draft.fact(person, "affiliation", org.key, passage_id=org.passage_id)
    opening = _PERSON_OPENS.match(sentence.text)
    if opening is None:
        return
    subject = draft.mentioned_at(sentence.start + opening.start("name"))
    if subject is None or subject.key != person:
        return
    # `Marek writes Cilium network policies for a living at Kiwi.com and runs the Kubernetes
    # Brno meetup on the side`, `By day, Rohan keeps the payments clusters at Razorpay upright`
    for found in (
        _DOES_AT.match(sentence.text, opening.end()),
        _AND_RUNS.search(sentence.text, opening.end()),
    ):
        if found is None or _A_VISIT.search(found.group()):
            continue  # `Marek spoke at Cloud Native Brno`: a visit, no employer
        org = employer_at(draft, gazetteer, found["org"], sentence.start + found.start("org"))
        if org is not None:
            draft.fact(person, "affiliation", org.key, passage_id=org.passage_id)


# A bio's sentence whose subject is the person: their name opening it, maybe after a time
# (`By day, Rohan …`).
_PERSON_OPENS = re.compile(r"(?:(?:By day|These days|Today|Now),\s)?(?P<name>[A-Z][\w'’-]+)\s")
# What the subject does at an organisation (not after a comma: `…, at KubeCon`), or a group it
# runs.
_DOES_AT = re.compile(
    r"[a-z][\w-]*(?:\s(?:[a-z][\w-]*|[A-Z][\w.-]*)){0,7}?\sat\s(?:the\s)?" + ORG_NAME
)
_A_VISIT = re.compile(
    r"\b(?:spoke|speaks|speaking|presented|presents|talked|talks|gave|gives|attended|attends"
    r"|visited|visits|met|meets|volunteered|volunteers|won|wins)\b"
)
_AND_RUNS = re.compile(
    r"\band\s(?:runs|organi[sz]es|co-organi[sz]es|co-runs)\s(?:the\s)?" + ORG_NAME
)


# Where a Korean bio says the person went or studies, anywhere in the sentence: `2022년
# 하늘곳간에 합류했습니다`, `KAIST 전산학부를 졸업하고`, `연세대학교 대학원생`.
_JOINED_OR_STUDIED = re.compile(
    r"(?:\s\S+(?:학부|학과|대학원))?"
    r"(?:에\s(?:\S+\s)?(?:합류|입사|이직)|(?:을|를)\s졸업"
    r"|\s(?:대학원생|학부생|박사과정생?|석사과정생?|재학생|\d학년)(?![가-힣]))"
)
# Where it says the person takes part or worked, after an organisation read already (not a place
# the text names in passing: `독일 발도르프에서 원격으로 참여합니다`): `한글화 팀에서 번역에
# 참여해`, `SIG Scheduling 멤버로 활동 중인`, `쿠팡에서 인턴을 했다`, `네이버에서 4년을 보낸`.
_UNIT_OF_IT = r"(?:\s\S+){0,2}?\s\S*(?:조직|팀|본부|부문|사업부|센터|연구소|연구실)"
_TAKES_PART = re.compile(
    # (maybe after its Latin spelling or in a unit of it: `라인플러스(LINE Plus)에서 인턴을
    # 했다`, `네이버 검색 인프라 조직에서 4년을 보낸 뒤`)
    rf"(?:{HANGUL_NAME_GLOSS})?(?:{_UNIT_OF_IT})?에서\s(?:\S+\s){{0,3}}?\S*"
    r"(?:참여|활동|기여|인턴|근무|재직|일했|일하)"
    rf"|(?:{HANGUL_NAME_GLOSS})?(?:{_UNIT_OF_IT})?에서\s(?:\S+\s){{0,2}}?\d+년(?:을|간|\s동안)?\s(?:\S+\s)?보낸"
    r"|\s(?:멤버|회원|일원|운영진|운영자)(?:로|으로)?\s(?:\S+\s)?(?:활동|참여)"
)
# A role held there, anywhere in the sentence: `올해 3월부터는 Datadog 서울 오피스의 솔루션
# 엔지니어`, `현장에서 섭외한 Intuit 엔지니어이자`.
_A_ROLE_THERE = re.compile(
    rf"(?:{HANGUL_NAME_GLOSS})?(?:\s(?:\S+\s)?\S*(?:오피스|지사|본사|법인|팀|조직))?(?:의)?"
    rf"\s(?:\S+\s)?\S*(?:{'|'.join(KO_ROLE_HEADS)})(?:이자|이며|이고|입니다|이다|로|으로)?"
    r"(?=[\s.,]|$)"
)
_WORD_START = re.compile(r"(?:^|(?<=\s))(?=[가-힣A-Z])")


def _joined_or_studied(
    draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer, person: str, sentence: Sentence
) -> None:
    text = draft.article.text
    for word in _WORD_START.finditer(text, sentence.start, sentence.end):
        at = word.start()
        read = draft.mentioned_at(at)
        if read is not None and read.start == at:
            end = read.end
            takes_part = read.type == EntityType.ORGANIZATION and (
                _TAKES_PART.match(text, end) or _A_ROLE_THERE.match(text, end)
            )
            if takes_part:
                career_line(draft, gazetteer, analyzer, person, at, text[at:end], as_prose=True)
        else:
            name = _organisation_name(text[at : sentence.end], gazetteer)
            if name is None:
                continue
            end = at + len(name)
        if _JOINED_OR_STUDIED.match(text, end):
            career_line(
                draft, gazetteer, analyzer, person, at, text[at : sentence.end], as_prose=True
            )


_MAX_OPENING = 400
_LIST_ITEM = re.compile(r"(?m)^[ \t]*[-*+•][ \t]+(?P<line>[^\n]+)$")
# The parts of a list item: `CNCF 앰배서더, KKG 운영진` (not a bracket's inside)
_PARTS = re.compile(r"(?:[^,(]|\([^()]*\))+")
# A name in bold opening a line, maybe its role or handle in brackets, then a dash and a bio.
# (or a list item opening with the name, not in bold: `• Jake Lim(임재경) — 우아한형제들에서 6년,
# 올해 3월부터는 Datadog 서울 오피스의 솔루션 엔지니어`)
_BOLD_NAME_AND_BIO = re.compile(
    r"(?m)^(?:[ \t>*-]*\*\*(?P<name>[^*(\n]{2,30}?)(?:\s?\([^()\n]{1,30}\))?\*\*"
    r"|[ \t]*[-*•][ \t]+(?:[^\s:—–]{1,10}(?:\s[^\s:—–]{1,10})?:\s)?"
    r"(?P<item>[^*(\n—–:]{2,30}?)(?:\s?\([^()\n]{1,30}\))?)"
    r"(?:\s?\([^()\n]{1,20}\))?\s[—–-]\s"
    r"(?P<bio>[^\n]+)"
)
_SENTENCE_STOP = re.compile(r"(?:입니다|이에요|예요)?\.$")
# What follows the organisation in such a part: where the person works, belongs or comes
# from (`토스에서 일하는`, `SAP 소속으로`, `카카오엔터프라이즈 출신으로`), what they do there and
# their title (`토스에서 배포 플랫폼을 책임지는 SRE`), or a unit and a title only (`KAIST 전산학부
# 박사과정생`, `라인플러스(LINE Plus)의 네트워크 플랫폼 엔지니어`).
_A_BIO_PART = re.compile(
    r"(?:(?:前|現|전|현)\s)?[^\s(]+(?:\([^()]{1,30}\))?"
    r"(?:(?P<cue>에서\s(?:일하는|근무하는|일하고|근무하고|재직\s?중)"
    r"|\s(?:소속|출신)(?:으로|이며|이고|입니다)?(?:\s|$))"
    r"|(?P<doing>에서\s(?:\S+\s){0,4}?\S+는\s(?:\S+\s)?\S+$)"
    r"|의?(?:\s[^\s]+){1,4}$)"
)
# A part that ends as a clause does (`카카오가 후원하는 스터디를 운영합니다`) is no fragment.
_KO_PREDICATE_END = re.compile(r"(?:다|요|죠|며|고)$")


def _career_table(
    draft: Draft,
    gazetteer: Gazetteer,
    analyzer: Analyzer,
    person: str,
    lines: list[tuple[int, str]],
) -> None:
    """`| 기간 | 소속 | 역할 |` under a profile: the organisation of each row."""
    rows = [(at, line) for at, line in lines if not _TABLE_RULE.fullmatch(line)]
    if len(rows) < 2:
        return
    header = [c.strip(" *_") for c in rows[0][1].strip().strip("|").split("|")]
    column = next((i for i, c in enumerate(header) if _ORG_HEADER.search(c)), None)
    if column is None:
        return
    for at, line in rows[1:]:
        cells = line.strip().strip("|").split("|")
        if column < len(cells) and cells[column].strip():
            cell = cells[column].strip(" *_")
            # the column says the cell names an organisation
            career_line(draft, gazetteer, analyzer, person, line.index(cell) + at, cell, True)


_TABLE_RULE = re.compile(r"[\s|:-]+")
_ORG_HEADER = re.compile(r"소속|회사|기관|(?i:compan(?:y|ies)|organi[sz]ations?|employers?)")


def _start(match: re.Match[str]) -> int:
    return match.start()


def _named_right_after(draft: Draft, offset: int) -> str | None:
    """The person a short line right after a label names (`- **이서연** (Seoyeon Lee)`)."""
    text = draft.article.text
    start = offset
    while text.startswith("\n", start):
        start += 1  # past the blank lines after the label
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if end - start > _MAX_NAME_LINE:
        return None
    people = draft.spans_in(start, end, EntityType.PERSON)
    return people[0].key if people else None


_MAX_NAME_LINE = 60


def _named_before(draft: Draft, offset: int) -> str | None:
    """The person named last in the 300 characters before `offset`, with no heading between."""
    text = draft.article.text
    people = [
        s
        for s in draft.spans
        if s.type == EntityType.PERSON
        and offset - 300 <= s.end <= offset
        and "\n\n" not in text[s.end : offset].strip("\n")
    ]
    return max(people, key=lambda s: s.end).key if people else None


def career_line(
    draft: Draft,
    gazetteer: Gazetteer,
    analyzer: Analyzer,
    person: str,
    start: int,
    line: str,
    in_its_column: bool = False,
    as_prose: bool = False,
) -> None:
    if not as_prose and (len(line) > _MAX_LINE or _PROSE_END.search(line)):
        return  # a sentence of prose
    opening = _OPENING.match(line)
    rest = line[opening.end() :] if opening else line
    at = start + len(line) - len(rest)
    if _A_LABELLED_LINE.match(rest) and not in_its_column:
        return  # `GitHub / 트위터: @daeun_ops`, `관심사: 모니터링`: a label and what it says
    if opening is not None and opening["marker"] and ", " in rest:
        # `전) 네이버클라우드 쿠버네티스 서비스 개발, 우아한형제들 SRE`: one place after another
        for part in rest.split(", "):
            career_line(draft, gazetteer, analyzer, person, at + rest.index(part), part)
        return
    read = draft.mentioned_at(at)
    if read is not None and read.start == at and read.type == EntityType.ORGANIZATION:
        # `쿠버네티스 코리아 그룹(KKG) 운영진`: a name of several words, read already
        passage = draft.passage_at(at)
        draft.fact(
            person, "affiliation", read.key, passage_id=passage.passage_id if passage else None
        )
        return
    name = rest.strip() if in_its_column else _organisation_name(rest, gazetteer)
    if name is None:
        return
    entry = gazetteer.lookup(name)
    if entry is not None and entry.kind != EntityType.ORGANIZATION.value:
        return  # `Karpenter 기여자`, `KubeCon 발표자`: a project or an event
    if (
        entry is None
        and has_hangul(name)
        and not in_its_column
        and not name_form(name, analyzer, gazetteer)
        and draft.named(EntityType.ORGANIZATION, name) is None  # not named elsewhere (`하늘곳간은`)
    ):
        return  # `사내 PaaS 개발`: no name
    if entry is None and any(w.lower() in ROLE_HEADS for w in name.split()):
        return  # `Staff Software Engineer`: a role, not where it is held
    found = draft.article.text.find(name, at, at + len(rest))
    read = draft.mentioned_at(found) if found >= 0 else None
    if read is not None and read.type != EntityType.ORGANIZATION:
        return  # a person or a project read there
    org = credited_organisation(draft, gazetteer, name)
    if draft.type_of(org) != EntityType.ORGANIZATION:
        return
    if found >= 0 and not draft.spans_over(found, found + len(name)):
        draft.mention(org, found, found + len(name))
    passage = draft.passage_at(at)
    draft.fact(person, "affiliation", org, passage_id=passage.passage_id if passage else None)


def _organisation_name(rest: str, gazetteer: Gazetteer) -> str | None:
    """The organisation a career line opens with, if it opens with a name."""
    latin = _LATIN_ORG.match(rest)
    if latin is not None:
        return latin.group().rstrip(".,")
    hangul = _HANGUL_ORG.match(rest)
    if hangul is None:
        return None
    if gazetteer.lookup(hangul["name"]) is not None:
        return hangul["name"]  # `우아한형제들`: a known name that ends like a particle
    name = strip_particles(hangul["name"])
    return name if len(name) >= 2 else None
