"""Where people work, from what prose says of their moves: the organisation they join, leave,
come back to or spent years at, in English and Korean.

    Daniel Okafor joins Fastly as VP of Engineering, after six years at Shopify.
    Grace Mwangi, having most recently been at Civo, ...   Pieter de Vries (ING → Adyen)
    카카오엔터프라이즈 출신 문가영 씨가 AI 반도체 기업 리벨리온에 합류했다.

An organisation both past and present is an affiliation (schema.org's is not limited to the
present). The person is the one named last before the words of the move in the same sentence,
with no other name between them (`Jane Doe said Acme joined the CNCF` names Acme's move). The
words of a move are in extract_move_words.py; this module finds whose move each is.
"""

from __future__ import annotations

import re

from forumgraph.ingest.dates import MONTHS_PATTERN
from forumgraph.ingest.extract_affiliations import AND_RESPECTIVELY, PRONOUN_REACH
from forumgraph.ingest.extract_employers import ORG_NAME, employer_at
from forumgraph.ingest.extract_move_words import (
    ARROW,
    ARROW_TO,
    COMPANY_WORD,
    EN_MOVE,
    KO_FROM,
    KO_MOVE,
    KO_UNIT_LAST,
    MOVE_PATTERNS,
    WORDS_OF_WHAT_THEY_ARE,
)
from forumgraph.ingest.extract_named import known_entry
from forumgraph.ingest.extract_orgs_by_kind import APPOINTS
from forumgraph.ingest.extract_orgs_ko import name_form
from forumgraph.ingest.extract_people_ko import KO_PERSON_MARKERS
from forumgraph.ingest.extract_records import Draft, Span
from forumgraph.ingest.extract_sections import HEADING, person_of_section
from forumgraph.ingest.extract_text import sentences, word_set
from forumgraph.ingest.extract_writers import writer_at
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer

# `배지훈 전 야놀자 CTO가`: a former title, right after the name.
_KO_FORMER = re.compile(r"\s전\s(?P<org>[A-Za-z가-힣][\w&+.-]*)\s")
_MAX_GAP = 120
# (not a month: `Arjun joined in March after four years at Red Hat`)
_A_NAME_RIGHT_BEFORE = re.compile(rf"\s(?!(?:{MONTHS_PATTERN})\s)[A-Z][A-Za-z0-9&.-]*\s$")
_SUBJECTS = frozenset({EntityType.PERSON, EntityType.ORGANIZATION})
# The verb of a move the organisation right before it is the object of.
_MOVED_INTO = re.compile(
    r"\b(?:joined|joins|rejoined|(?:co-)?founded|(?:co-)?founds|left|leaves|started|starts)\s"
    r"(?:the\s)?$"
)
# An organisation right before the words of a move is what moved (`Acme, which joined`).
_RIGHT_BEFORE = re.compile(r"[\s*_]*(?:,\s(?:which|that|who)\s)?|(?:는|은|가|이)?\s")


def add_moves(draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer) -> None:
    """Affiliations of people with the organisations prose says they moved to or from."""
    text = draft.article.text
    for i, passage in enumerate(draft.passages):
        # a pronoun may stand for a person the paragraph before named (`... 치디 오니에카는 ...`
        # then `현재 그는 ...`)
        reach = draft.passages[i - 1].start if i else passage.start
        for sentence in sentences(passage.text, passage.start):
            spans = draft.spans_in(sentence.start, sentence.end)
            earlier = draft.spans_in(reach, sentence.start)
            for pattern in MOVE_PATTERNS:
                for match in pattern.finditer(text, sentence.start, sentence.end):
                    person = (
                        _subject(text, spans, match.start())
                        or _pronoun_subject(text, spans, earlier, sentence.start, match.start())
                        or _owner_of_the_possessive(spans, earlier, match)
                    )
                    key = person.key if person is not None else None
                    if key is None and pattern is KO_MOVE and _HONOURING.search(match.group()):
                        key = _honoured(spans, earlier, passage.start)
                    elif (
                        key is None
                        and pattern is KO_MOVE
                        and _KO_PRONOUN_AFTER.match(text, match.end())
                    ):
                        # `2022년 쿠팡에 합류한 그는`: whom the paragraph named last
                        key = _named_last_in_paragraph(text, [*earlier, *spans], match.start())
                    elif key is None and pattern is KO_MOVE:
                        key = _left_out_subject(
                            draft, text, spans, earlier, sentence.start, match.start()
                        )
                    if key is None and pattern is EN_MOVE:
                        # `Previously at Hepsiburada.`: a line of a bio with its subject left out
                        key = _bio_subject(draft, text, earlier, sentence.start, match.start())
                    if (
                        key is None
                        and _the_writer_moved(text, spans, sentence.start, match)
                        and _a_job(text, sentence.start, match)
                    ):
                        # `In 2018 I moved to Berlin and joined Zalando`
                        key = writer_at(draft, match.start())
                    if pattern is KO_MOVE:
                        # `카카오에서 일하다가 ... Tessellate로 옮긴 구본찬 님`: the name the clause
                        # describes
                        key = _described(text, spans, match) or key
                    pairs = _respectively(text, spans, match)
                    if pairs is not None:
                        for person_key, name, at in pairs:
                            _affiliate(draft, gazetteer, person_key, name, at)
                    elif key is not None:
                        # a unit of it, or being hired, says a Hangul name is a company's
                        company = pattern is KO_MOVE and (
                            match["unit"] is not None
                            or _JOINED_OR_LEFT.search(match.group()) is not None
                        )
                        named = company and name_form(match["org"], analyzer, gazetteer)
                        # a group one belongs to or organises may be named after a
                        # project (`Kubernetes SIG Docs`, `Kubernetes Türkiye`)
                        member = _MEMBER.search(match.group()) is not None
                        _affiliate(
                            draft,
                            gazetteer,
                            key,
                            match["org"],
                            match.start("org"),
                            named,
                            inner=member,
                        )
                        later = _AND_LATER_AT.match(text, match.end())
                        if later is not None and pattern is not KO_MOVE:
                            # `worked at LINE and later at Mercari`: the next place too
                            _affiliate(draft, gazetteer, key, later["org"], later.start("org"))
            for match in KO_FROM.finditer(text, sentence.start, sentence.end):
                after = [s for s in spans if s.start >= match.end()]
                if (
                    after
                    and after[0].type == EntityType.PERSON
                    # (a few words of what they are between: `출신인 팀 동료 이수빈 님`)
                    and WORDS_OF_WHAT_THEY_ARE.fullmatch(text, match.end(), after[0].start)
                ):
                    _affiliate(draft, gazetteer, after[0].key, match["org"], match.start("org"))
            for person in (s for s in spans if s.type == EntityType.PERSON):
                _right_after(draft, gazetteer, person)
            _appointed(draft, text, spans, sentence.start, sentence.end)


# `카카오엔터프라이즈는 20일 이정민 전 ... 센터장을 ... 영입했다`, `비바리퍼블리카는 인프라 총괄에
# 문가영 리드를 선임했다`: the organisation opening the sentence hires whom its object names.
_TOPIC_PARTICLE = r"(?:은|는|이|가)\s"
# (after its brackets: `세이프레인(SafeLane, 대표 권나래)은`)
_KO_TOPIC = re.compile(r"(?:\s?\([^()\n]{1,40}\))?" + _TOPIC_PARTICLE)
_KO_OBJECT = re.compile(r"[^.,\n]{0,40}?(?:을|를)\s")


_MEMBER = re.compile(
    r"\b(?:member|volunteer|(?:co-)?organi[sz](?:ers?|es|ed|e))\s|(?<![가-힣])활동\s?(?:중|하고|해)"
)
# Joining or leaving a company: what a Hangul name is then (`라온페이 신입 공채로 입사`).
_JOINED_OR_LEFT = re.compile(r"입사$|(?:을|를)\s(?:떠나|거쳐)|에서\s$")
# A Korean verb in the form that describes the noun after it (`옮긴`, `일하던`, `맡은`).
# (marks of emphasis may open the name after it: `개발을 하는 **조은채** 님`)
_DESCRIBING_END = re.compile(
    r"(?:한|던|는|은|긴|간|온|된|인|운|맡은|신)\s[*_]{0,3}$"
)  # (`계신`: honouring)
_NO_CLAUSE_BREAK = re.compile(r"[^,.!?;\n]{0,40}")


def _described(text: str, spans: list[Span], match: re.Match[str]) -> str | None:
    """The person right after a clause of the move that ends in a describing verb form."""
    later = next((s for s in spans if s.type == EntityType.PERSON and s.start >= match.end()), None)
    if later is None or not _NO_CLAUSE_BREAK.fullmatch(text, match.end(), later.start):
        return None
    if _DESCRIBING_END.search(text, match.start(), later.start) is None:
        return None
    return later.key


def _appointed(draft: Draft, text: str, spans: list[Span], start: int, end: int) -> None:
    verb = APPOINTS.search(text, start, end)
    if verb is None:
        return
    opening = [s for s in spans if s.end <= verb.start()]
    first = next((s for s in opening if s.type in _SUBJECTS), None)
    if first is None or first.type != EntityType.ORGANIZATION:
        return
    employer = first
    # the organisation is what the sentence is about, maybe after what kind it is (`클라우드
    # 보안 스타트업 센트리클라우드는`)
    if len(text[start : employer.start].split()) > 4 or not _KO_TOPIC.match(text, employer.end):
        return
    people = [s for s in opening if s.type == EntityType.PERSON]
    for i, person in enumerate(people):
        hired = _KO_OBJECT.match(text, person.end, verb.start())
        if hired and (i + 1 == len(people) or people[i + 1].start >= hired.end()):
            draft.fact(person.key, "affiliation", employer.key, passage_id=person.passage_id)


def _right_after(draft: Draft, gazetteer: Gazetteer, person: Span) -> None:
    text = draft.article.text
    moved_to = ARROW_TO.match(text, person.end)
    if moved_to is not None:  # `Oğuz Demir → Helmsman Labs.`: a heading of a roundup
        _affiliate(draft, gazetteer, person.key, moved_to["org"], moved_to.start("org"))
    arrow = ARROW.match(text, person.end)
    if arrow is not None:
        for group in ("before", "after"):
            name = arrow[group].strip()
            _affiliate(draft, gazetteer, person.key, name, text.index(name, arrow.start(group)))
    former = _KO_FORMER.match(text, person.end)
    if former is not None:
        _affiliate(draft, gazetteer, person.key, former["org"], former.start("org"))


_AND_BETWEEN = re.compile(r",?\s(?:and|&)\s")


def _respectively(
    text: str, spans: list[Span], match: re.Match[str]
) -> list[tuple[str, str, int]] | None:
    """`Founded by Ada Obi and Marek Nowak, previously engineers at Google and Microsoft
    respectively`: the first person with the first organisation, the second with the second;
    an empty list when the two people are not there to pair."""
    second = AND_RESPECTIVELY.match(text, match.end("org"))
    if second is None:
        return None
    people = [s for s in spans if s.type == EntityType.PERSON and s.end <= match.start()]
    if len(people) < 2 or not _AND_BETWEEN.fullmatch(text, people[-2].end, people[-1].start):
        return []
    return [
        (people[-2].key, match["org"], match.start("org")),
        (people[-1].key, second["second"], second.start("second")),
    ]


# Who speaks of themselves, or points to someone, before the move in a Korean sentence.
_KO_SUBJECT_WORDS = re.compile(
    r"(?<![가-힣])(?:저는|제가|저희|우리|그는|그녀는|그가|그녀가|이\s분)"
    r"|\s?(?:님|씨)(?:은|는|이|가)\s"  # someone the sentence names (`란 님은`)
)


def _left_out_subject(
    draft: Draft, text: str, spans: list[Span], earlier: list[Span], start: int, at: int
) -> str | None:
    """A Korean sentence that leaves its subject out, when no person and no word for someone
    stands before the move: it goes on about the topic of a sentence before in the paragraph
    (`치아마카 오비(Chiamaka Obi)는 ... 메인테이너다. ... Andela를 거쳐 ...`), or, in a profile,
    about the person of the section (`부산의 스타트업 파도랩스에서 DevOps 엔지니어로 일하고
    있습니다`). A topic the sentence names itself (`파블로는`), other than a time, is its own."""
    if any(s.type == EntityType.PERSON for s in spans):
        return None  # a person the sentence names (`쿠팡에서 일했던 배준호 님이`) is its own
    if _KO_SUBJECT_WORDS.search(text, start, at):
        return None
    for topic in _KO_NAMED_TOPIC.finditer(text, start, at):
        word = topic["word"]
        if word not in _TIME_WORDS and not word.endswith(_NOT_A_SUBJECT):
            return None
    topics = [
        s for s in earlier if s.type == EntityType.PERSON and _KO_TOPIC_AFTER.match(text, s.end)
    ]
    paragraph = text.rfind("\n\n", 0, start)
    this_paragraph = [s for s in topics if s.start > paragraph]
    if this_paragraph:
        return this_paragraph[-1].key
    section = person_of_section(draft, at)
    if section is not None or not topics:
        return section
    if HEADING.search(text, topics[-1].end, start):
        return None  # a heading between: another section, whose person no rule read
    return topics[-1].key


def _bio_subject(draft: Draft, text: str, earlier: list[Span], start: int, at: int) -> str | None:
    """`Previously at Hepsiburada.`: an English sentence that opens with the move and names no
    subject is about the person the paragraph named last, else the person of the section."""
    if re.search(r"\w", text[start:at]):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    if _LIST_ITEM.match(text, line_start):
        return _subject_of_the_list(text, earlier, line_start)
    paragraph = text.rfind("\n\n", 0, start)
    people = [s for s in earlier if s.type == EntityType.PERSON and s.start > paragraph]
    if people:
        return people[-1].key
    return person_of_section(draft, at)


_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•]|\d+[.)])[ \t]")


def _subject_of_the_list(text: str, earlier: list[Span], line_start: int) -> str | None:
    """The subject of a list's items: the person its opening line names last, when that line
    ends with a colon (`Yusuf … has since:`), not one a previous item names (`second only to
    Arjun`)."""
    while line_start > 0:
        previous = text.rfind("\n", 0, line_start - 1) + 1
        line = text[previous : line_start - 1]
        if line.strip() and not _LIST_ITEM.match(line):
            if not line.rstrip().endswith(":"):
                return None
            people = [
                s
                for s in earlier
                if s.type == EntityType.PERSON and previous <= s.start < line_start
            ]
            return people[-1].key if people else None
        line_start = previous
    return None


# A pronoun that the move's clause describes: `쿠팡에 합류한 그는`.
_KO_PRONOUN_AFTER = re.compile(r"[가-힣]{0,3}\s(?:그|그녀)(?:는|가|도|의)\s")


def _named_last_in_paragraph(text: str, spans: list[Span], at: int) -> str | None:
    paragraph = text.rfind("\n\n", 0, at)
    people = [s for s in spans if s.type == EntityType.PERSON and paragraph < s.start < at]
    return people[-1].key if people else None


# A verb of respect (`계신데`) speaks of someone else than the speaker: the one named last.
_HONOURING = re.compile(r"계신|계시|계셨|계실")


def _honoured(spans: list[Span], earlier: list[Span], passage_start: int) -> str | None:
    """The person named last before the sentence in its passage, when the sentence names none."""
    if any(s.type == EntityType.PERSON for s in spans):
        return None
    people = [s for s in earlier if s.type == EntityType.PERSON and s.start >= passage_start]
    return people[-1].key if people else None


# A word as the topic of the sentence (`파블로는`, `지금은`), and the words of time among them.
# (a title with its Latin form in brackets too: `최고기술책임자(CTO)는`)
_KO_NAMED_TOPIC = re.compile(
    r"(?<![가-힣])(?P<word>[가-힣]{2,8}?)(?:\([^()\n]{1,20}\))?(?:은|는)\s"
)
_TIME_WORDS = word_set(
    "지금 현재 요즘 최근 작년 올해 내년 당시 그때 이번 지난해 오늘 어제 이후 그동안 처음 원래 "
    "예전 이전 다음 앞으로 한편 특히 또 또한 이제 전 그전"
)
# Particles before `는` that make the word a place, time or means, not the subject (`전에는`).
# (not `로`, which ends names too: `베드로는`)
_NOT_A_SUBJECT = ("에", "에서", "으로", "까지", "부터")
# A name as the topic or subject: `치아마카 오비(Chiamaka Obi)는`, `김민수 님이`.
_KO_TOPIC_AFTER = re.compile(
    r"(?:\([^()\n]{1,40}\))?(?:\s?(?:님|씨)|\s(?:[A-Z]{2,4}|"
    + "|".join(sorted(KO_PERSON_MARKERS, key=len, reverse=True))
    + r"))?"
    + _TOPIC_PARTICLE
)


# The writer as the subject of a move: `I moved to Berlin and joined`, `I've joined`, `저는 ...
# 합류`; or a clause of the move that `I` goes on from: `After four years at Infosys, where I`.
_I_BEFORE = re.compile(
    # (the nearest `I`: no other between)
    r"(?:\bI(?:['’](?:ve|m|d|ll))?\s(?:(?!I\b)[\w'’,-]+\s){0,8}|\bI|(?:저는|제가|나는|내가)\s(?:\S+\s){0,8}"
    # `저를 포함한 팀 전원이 당근 인프라실로 합류했습니다`: the writer among those who moved
    r"|(?:저를|나를)\s(?:포함한|비롯한)\s(?:\S+\s){0,3})$"
)
_I_AFTER = re.compile(r"[^.;!?\n]{0,20}?,\s(?:where|when)\sI\b|,\sI\b")


def _the_writer_moved(text: str, spans: list[Span], start: int, match: re.Match[str]) -> bool:
    """The writer is the one who moved: `I` opens the clause before the move, or the clause
    after the move's opening phrase, with no name between."""
    before = _I_BEFORE.search(text, start, match.start())
    if before is None:
        after = _I_AFTER.match(text, match.end())
        opening = not re.search(r"\w", text[start : match.start()])  # the sentence opens with it
        if after is None or not opening:
            return False
        return not any(
            s.type == EntityType.PERSON and match.start() <= s.start < after.end() for s in spans
        )
    return not any(s.type in _SUBJECTS and before.start() <= s.start < match.start() for s in spans)


# What says a move is a job: `as an SRE`, `where I work`, a move to a city before it.
_JOB_AFTER = re.compile(r"[*_]*(?:,?\s(?:as\s|where\sI\s(?:work|worked|lead|led|run|ran)\b))")
_JOINED = re.compile(r"(?:has\s|have\s)?(?:joins|joined|rejoins|rejoined|left|leaves)\b")


def _a_job(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether the writer's joining or leaving is a job (not a community, a channel or an
    event): the sentence says so after the organisation, or puts a move to a city before it
    (`I moved to Berlin and joined Zalando`). Years spent there say it themselves."""
    if not _JOINED.match(match.group()):
        return True
    return bool(_JOB_AFTER.match(text, match.end())) or "moved to" in text[start : match.start()]


def _subject(text: str, spans: list[Span], at: int) -> Span | None:
    """The person named last before `at`: not when an organisation, or a capitalised name, is
    right before the words of the move (what moved is that one)."""
    before = [s for s in spans if s.end <= at and s.type in _SUBJECTS]
    if (
        before
        and before[-1].type == EntityType.ORGANIZATION
        and _RIGHT_BEFORE.fullmatch(text, before[-1].end, at)
        # (not the object of a move before: `Priya joined Ferrolux after six years at`)
        and not _MOVED_INTO.search(text, max(0, before[-1].start - 24), before[-1].start)
    ):
        return None  # `... said Acme joined the CNCF`: the organisation moved
    people = [s for s in before if s.type == EntityType.PERSON]
    if not people or at - people[-1].end > _MAX_GAP:
        return None
    if _REPORTED_PRONOUN.search(text, people[-1].end, at):
        return None  # `Oluwaseun pointed out he has moved`: `he` may be someone else
    if _I_BETWEEN.search(text, people[-1].end, at):
        return None  # `I met Jane Doe. I'm an engineer at Acme`: the writer is the subject
    named = _A_NAME_RIGHT_BEFORE.search(text, people[-1].end, at)
    if named is not None and not _MOVED_INTO.search(text, people[-1].end, named.start() + 1):
        return None  # `said Quillfeather has left`: another name is what moved
    return people[-1]


_I_BETWEEN = re.compile(
    r"\bI(?:['’](?:m|ve|d)|\s(?:am|was|have|had|also))\b|(?<![가-힣])(?:저는|제가|나는|내가)\s"
)
# A pronoun after a verb of saying: whom it stands for is not told (`Oluwaseun pointed out he has
# moved from Weaveworks`).
_REPORTED_PRONOUN = re.compile(
    r"\b(?:said|says|noted|notes|pointed\sout|mentioned|told\s\w+|explained|added|recalled)"
    r"\s(?:that\s)?(?:he|she|they)\b"
)
# `she`, `he`, `그는` opening the clause of the move: the person the passage named last.
_PRONOUN_BEFORE = re.compile(
    r"(?:\b(?:[Ss]he|[Hh]e)(?:['’]s)?|(?<![가-힣])(?:그|그녀)(?:는|가|도))\s(?:[\w'’()-]+\s){0,10}$"
)
# `Before joining Vantari in 2021 she spent ...`: a clause, then the pronoun it belongs to.
_PRONOUN_AFTER_A_CLAUSE = re.compile(
    r"[\s*_]*(?:[Bb]efore|[Aa]fter)\sjoining\s[^,.;]{1,60}?,?\s(?:[Ss]he|[Hh]e)\b"
)


def _pronoun_subject(
    text: str, spans: list[Span], earlier: list[Span], start: int, at: int
) -> Span | None:
    """`Before that she spent five years at Loja Azul`: a pronoun is the subject, with no
    name of a person or organisation between it and the move; it stands for the last person
    named before it, in this sentence or earlier in the passage."""
    pronoun = _PRONOUN_BEFORE.search(text, start, at) or _PRONOUN_AFTER_A_CLAUSE.match(text, start)
    if pronoun is None or any(
        s.type in _SUBJECTS and pronoun.start() <= s.start < at for s in spans
    ):
        return None
    people = [s for s in (*earlier, *spans) if s.type == EntityType.PERSON and s.end <= at]
    if not people or pronoun.start() - people[-1].end > PRONOUN_REACH:
        return None
    if _REPORTED_PRONOUN.search(text, people[-1].end, at):
        return None
    # a name no rule read, between them, may be whom the pronoun stands for
    named = [(s.start, s.end) for s in (*earlier, *spans)]
    for unread in _TWO_CAPITALISED.finditer(text, people[-1].end, pronoun.start()):
        if not any(a <= unread.start() < b for a, b in named):
            return None
    return people[-1]


_AND_LATER_AT = re.compile(
    r",?\s(?:and\s)?(?:later|then|afterwards|subsequently|now)\s(?:at|with)\s(?:the\s)?" + ORG_NAME
)


def _owner_of_the_possessive(
    spans: list[Span], earlier: list[Span], match: re.Match[str]
) -> Span | None:
    """`At his previous employer, Criteo, ...`: the move opens with a possessive pronoun, which
    stands for the last person named before it, with no other name between."""
    if not _POSSESSIVE_PRONOUN.match(match.group()):
        return None
    named = [s for s in (*earlier, *spans) if s.type in _SUBJECTS and s.end <= match.start()]
    if not named or named[-1].type != EntityType.PERSON:
        return None
    return named[-1] if match.start() - named[-1].end <= PRONOUN_REACH else None


_POSSESSIVE_PRONOUN = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir)\s")
_TWO_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][a-z]+\s[A-Z][a-z]+")


def _affiliate(
    draft: Draft,
    gazetteer: Gazetteer,
    person: str,
    name: str,
    start: int,
    company_said: bool = False,
    *,
    inner: bool = False,
) -> None:
    entry = known_entry(gazetteer, name)
    if entry is not None and entry.kind != EntityType.ORGANIZATION.value:
        return  # `joined KubeCon`, `left Kubernetes`: no employer
    read = draft.mentioned_at(start)
    if (
        read is not None
        and read.end > start + len(name)
        and KO_UNIT_LAST.search(draft.article.text, read.start, read.end)
    ):
        if inner and read.type == EntityType.ORGANIZATION:
            # `쿠버네티스 코리아 그룹에서 활동 중`: the group the person is active in
            draft.fact(person, "affiliation", read.key, passage_id=read.passage_id)
        return  # `Azure DevOps 팀에 있었습니다`: a unit of an organisation is read there
    already = read is not None and read.type == EntityType.ORGANIZATION  # `한결증권`, read so
    if (
        entry is None
        and not already
        and not company_said
        and not _unknown_name_fits(draft, name, start)
    ):
        return
    org = employer_at(draft, gazetteer, name, start)
    if org is None and inner:
        # `Kubernetes SIG Docs`: the organisation read at the end of the name
        end = start + len(name)
        ends = [
            s
            for s in draft.spans_over(start, end)
            if s.type == EntityType.ORGANIZATION and s.end == end
        ]
        org = ends[0] if ends else None
    if org is not None:
        draft.fact(person, "affiliation", org.key, passage_id=org.passage_id)


def _unknown_name_fits(draft: Draft, name: str, start: int) -> bool:
    """An organisation the gazetteer does not know: a Latin name, or a Hangul one right after
    a word for a company (`기업 리벨리온`)."""
    if name[:1].isascii():
        return name[:1].isupper() or name[1:2].isupper()  # `Acme`, `iFood`
    before = draft.article.text[max(0, start - 8) : start]
    return bool(re.search(COMPANY_WORD + "['‘\"“]?$", before))  # `스타트업 '모아데이터랩'`
