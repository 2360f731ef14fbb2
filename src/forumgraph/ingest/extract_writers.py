"""The writer's own employer and colleagues, in a first-person text with one author:

    Thanks to my employer, Acme, for sending me.     I work at Acme.
    저는 당근 SRE팀에서 클러스터 운영을 맡고 있고, 팀 동료 오재훈 님과 ...

The author is the byline's one person (`sole_author`); a colleague of theirs (`같은 팀 박지민
님`, `my teammate Jane Doe`) works where they work, when that is one organisation. In an
interview whose title names one person, the answers are that person's.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_affiliations import KOREAN_INSTITUTES, a_school, sole_employer
from forumgraph.ingest.extract_bylines import byline_authors, sole_author
from forumgraph.ingest.extract_company_voice import in_own_voice
from forumgraph.ingest.extract_coref import COMMENT_HEADER
from forumgraph.ingest.extract_employers import COLLEAGUE, ORG_NAME, employer_at
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.extract_sections import person_of_section
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType

_FIRST_PERSON_EMPLOYER = re.compile(
    r"\b(?:[Mm]y (?:employer|company),?|I (?:work|worked) (?:at|for)"
    # `Friday is my last day at Pennant Financial`
    r"|my (?:last|first) (?:day|week|month) (?:at|with)"
    # `I was a very stubborn Computer Engineering student at`
    r"|I(?:'m|’m| am| was) (?:still |now |currently )?(?:(?:a|an) (?:[\w-]+ ){0,5}?"
    # `I'm still on the platform team at Banco Aurora`
    r"|on (?:the|a|our) (?:[\w-]+ ){0,3}?team )(?:at|with)"
    # `We're the platform team at Wayfarer Logistics`, `My team at Red Hat`, `our whole
    # infrastructure group at Bloomberg` (not `our account team at Google Cloud`, a vendor's)
    r"|[Ww]e(?:'re|’re| are) (?:the|a) (?:[\w-]+ ){0,3}?team (?:at|with)"
    # `I run the platform team at Nordvik Bank`
    r"|\bI (?:run|lead|manage|head|ran|led|managed|headed) (?:the|a|our) (?:[\w-]+ ){0,3}?"
    r"(?:team|group|department) (?:at|for)"
    r"|\b[Mm]y (?:[\w-]+ )?team (?:at|with)"
    r"|\b[Oo]ur (?:whole |entire )?(?:[\w-]+ )?group (?:at|with))"
    r"\s(?:the\s)?"
    + ORG_NAME
    # (with what it is before it: `저는 판교의 이커머스 회사 한빛커머스에서 … 맡고 있어요`)
    + r"|(?:저는|제가|나는|내가)\s(?P<what>(?:[^\s.,]+\s){0,3}?)(?P<org_ko>[A-Za-z가-힣][\w.&-]*?)"
    # the unit after the company: `저는 당근 SRE팀에서 ... 맡고 있고`
    r"(?P<unit>\s(?:[A-Za-z가-힣]+\s)?[A-Za-z가-힣]*(?:팀|실|본부|센터|랩|파트|셀|그룹))?에서\s"
    r"(?:[^.,]{0,40}?\s)?(?:일하|일한|근무|재직|맡고|맡아|담당하)"
)


def add_writers_employer(draft: Draft, gazetteer: Gazetteer) -> None:
    """`Thanks to my employer, Acme, for sending me`, `I work at Acme`, `저는 Acme에서 일하고`:
    where the one author of a first-person text works; and the author's colleagues (`같은 팀
    박지민 님`, `my teammate Jane Doe`) work there too."""
    author = sole_author(draft)
    for passage in draft.passages:
        for match in _FIRST_PERSON_EMPLOYER.finditer(passage.text):
            name = match["org"] or match["org_ko"]
            start = passage.start + match.start("org" if match["org"] else "org_ko")
            read = draft.mentioned_at(start)
            read_here = read is not None and read.type == EntityType.ORGANIZATION
            known = gazetteer.lookup(name, EntityType.ORGANIZATION.value)
            if match["what"] and not read_here:
                continue  # `저는 작년 여름 회사에서`: what stands before is no organisation's
            if not (name[0].isupper() or known or match["unit"] or read_here):
                continue  # `저는 회사에서 일하고`: a common noun; `당근 SRE팀에서`: a company
            _the_writers_place(draft, gazetteer, name, start)
        for match in _GRADUATED.finditer(passage.text):
            sentence_end = passage.text.find(".", match.end())
            end = passage.start + (sentence_end if sentence_end >= 0 else len(passage.text))
            if not draft.spans_in(passage.start + match.start(), end, EntityType.PERSON):
                _the_writers_place(
                    draft, gazetteer, match["school"], passage.start + match.start("school")
                )
        for match in _FIRST_PERSON_STUDENT.finditer(passage.text):
            _the_writers_place(
                draft, gazetteer, match["school"], passage.start + match.start("school")
            )
    if author is None:
        _authors_colleagues(draft, None)  # the colleagues of those who answer an interview
        return
    _authors_colleagues(draft, author)  # before the groups: colleagues share the employer
    _authors_groups(draft, author)
    _teams_of_the_writers_company(draft, author)


def _the_writers_place(draft: Draft, gazetteer: Gazetteer, name: str, start: int) -> None:
    """The organisation `name` at `start` is where the one writing `I` there works or studies
    (in an interview, the one who answers)."""
    writer = writer_at(draft, start)
    org = employer_at(draft, gazetteer, name, start) if writer else None
    if writer is not None and org is not None:
        draft.fact(writer, "affiliation", org.key, passage_id=org.passage_id)


# A Korean school by its name: `한양대`, `고려대학교`, `KAIST`.
_SCHOOL = rf"(?P<school>[가-힣A-Za-z]{{1,12}}(?:대학교|대학|대)|{KOREAN_INSTITUTES})"
# `나는 한양대 컴퓨터소프트웨어학부 3학년이다`, `저는 KAIST 박사과정생입니다`: where the writer
# studies.
_FIRST_PERSON_STUDENT = re.compile(
    r"(?<![가-힣])(?:저는|나는|제가|내가)\s" + _SCHOOL + r"\s(?:\S+(?:학부|학과|대학원|전공)\s)?"
    r"(?:\d\s?학년|학부생|학생|재학|박사과정|석사과정|대학원생)"
)
# A sentence of the writer's that leaves out its subject, opening with the school they finished:
# `고려대학교 컴퓨터학과를 졸업하고 4월에 입사했으니`.
_GRADUATED = re.compile(
    r"(?:^|(?<=[.!?]\s))" + _SCHOOL + r"(?:\s\S+(?:학과|학부|대학원))?(?:을|를)\s졸업"
)
# A team named by itself, without its company: `SRE팀`, `결제개발팀`, `보안플랫폼실`.
_BARE_TEAM = re.compile(r"[A-Za-z가-힣]{1,12}(?:팀|실|파트|셀)")


def _teams_of_the_writers_company(draft: Draft, author: str) -> None:
    """`SRE팀 이수진 님` in a post its writer signs for one company (`글: 정예린 · 하루마켓
    플랫폼팀`): a team named without a company is that company's, and so is its member."""
    if not in_own_voice(draft.article.text):
        return  # a reporter's article: the teams are the company's it reports on, not theirs
    companies = {
        f.value
        for f in draft.facts_of(author, "affiliation")
        if not _bare_team(draft, f.value) and not a_school(draft, f.value)
    }
    if len(companies) != 1:
        return
    company = companies.pop()
    for person in draft.keys(EntityType.PERSON):
        facts = draft.facts_of(person, "affiliation")
        teams = [f for f in facts if _bare_team(draft, f.value)]
        if teams and all(_bare_team(draft, f.value) for f in facts):
            draft.fact(person, "affiliation", company, passage_id=teams[0].passage_id)
    # `보안팀 길로운 님`, `정산개발팀 Jacob Reyes 님`: a team word right before the name
    text = draft.article.text
    for span in draft.spans:
        team = _TEAM_BEFORE.search(text, max(0, span.start - 20), span.start)
        if (
            span.type == EntityType.PERSON
            and team is not None
            and not draft.facts_of(span.key, "affiliation")
            and not draft.spans_over(team.start(), team.end())
            and not _organisation_right_before(draft, team.start())
        ):
            draft.fact(span.key, "affiliation", company, passage_id=span.passage_id)


# A team named right before a person, at the start of a word (`보안팀 길로운`).
_TEAM_BEFORE = re.compile(r"(?:^|(?<=[\s*_(]))[A-Za-z가-힣]{1,12}팀\s$", re.MULTILINE)


def _organisation_right_before(draft: Draft, offset: int) -> bool:
    """Whether an organisation's name ends right before `offset` (`카카오 보안팀`)."""
    span = draft.mentioned_at(offset - 2)
    return span is not None and span.type == EntityType.ORGANIZATION


def _bare_team(draft: Draft, key: str) -> bool:
    return draft.type_of(key) == EntityType.ORGANIZATION and all(
        _BARE_TEAM.fullmatch(n.text) for n in draft.names_of(key)
    )


def writer_at(draft: Draft, offset: int) -> str | None:
    """Who writes `I` at `offset`: the speaker whose label opens the line (an interview's
    answer), else the one whose comment of a thread holds it, else the one a quotation's
    closing line credits (`> — Nadia Rahimi`), else the byline's one author,
    else the one person the heading of the section
    names (a collection of posts: `## 2. X — @yusuf_codes (Yusuf Adebayo)`)."""
    return (
        speaker_of_line(draft, offset)
        or commenter_at(draft, offset)
        or quoted_at(draft, offset)
        or interviewee_at(draft, offset)
        or sole_author(draft)
        or person_of_section(draft, offset)
    )


def commenter_at(draft: Draft, offset: int) -> str | None:
    """The person whose comment of a thread (`**anjali-d** (Maintainer) commented`) holds
    `offset`: the last comment header before it, with no rule (`---`) between."""
    text = draft.article.text
    headers = list(COMMENT_HEADER.finditer(text, 0, offset))
    if not headers or _RULE.search(text, headers[-1].end(), offset):
        return None
    person = draft.mentioned_at(headers[-1].start("handle"))
    return person.key if person is not None and person.type == EntityType.PERSON else None


def quoted_at(draft: Draft, offset: int) -> str | None:
    """The person a block quotation credits on its closing line (`> — Nadia Rahimi`), where
    `offset` lies in the quotation."""
    text = draft.article.text
    line_start = text.rfind("\n", 0, offset) + 1
    if not text.startswith(">", line_start):
        return None
    end = line_start
    while end < len(text) and text.startswith(">", end):
        credit = _QUOTE_CREDIT.match(text, end)
        if credit is not None:
            person = draft.mentioned_at(credit.start("name"))
            return person.key if person is not None and person.type == EntityType.PERSON else None
        next_line = text.find("\n", end)
        end = len(text) if next_line < 0 else next_line + 1
    return None


_QUOTE_CREDIT = re.compile(r">[ \t]*[—–-]{1,2}[ \t]*(?P<name>\S)")
_RULE = re.compile(r"(?m)^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$")


# A title of an interview, and the line of a question in it (in bold, or marked `Q.`, `질문:`).
_INTERVIEW_TITLE = re.compile(r"인터뷰|[Ii]nterview|Q&A")
_QUESTION = re.compile(r"(?m)^[ \t>]*(?:\*\*[^\n]+\*\*[ \t]*$|Q\s?[.:：]|질문\s?[.:：])")


def interviewee_at(draft: Draft, offset: int) -> str | None:
    """The one person an interview's title names, where `offset` lies in an answer: a paragraph
    after the first question that is no question itself."""
    title = draft.article.title
    if not _INTERVIEW_TITLE.search(title):
        return None
    named = {
        key
        for key in draft.keys(EntityType.PERSON)
        if any(n.text in title for n in draft.names_of(key))
    }
    if len(named) != 1:
        return None
    text = draft.article.text
    paragraph = text.rfind("\n\n", 0, offset) + 2 if "\n\n" in text[:offset] else 0
    first_question = _QUESTION.search(text)
    if first_question is None or first_question.start() >= paragraph:
        return None  # the interviewer's introduction
    if _QUESTION.match(text, paragraph):
        return None
    return named.pop()


# `Cloud Native São Paulo, the group I co-organise with Juliana Ferreira and Thiago Lopes`.
_GROUP_I_RUN = re.compile(
    r",\s(?:the|a|our)\s(?:[\w-]+\s){0,2}?(?:group|meetup|community|chapter|user\sgroup)\s"
    r"(?:that\s)?I\s(?:co-)?(?:organi[sz]e|run|lead|host|founded)\b(?P<with>\swith\s)?"
)


def _authors_groups(draft: Draft, author: str) -> None:
    """The group the writer says they organise, and the people they organise it with."""
    text = draft.article.text
    spans = sorted(draft.spans, key=lambda s: s.start)
    for i, group in enumerate(spans):
        if group.type != EntityType.ORGANIZATION:
            continue
        found = _GROUP_I_RUN.match(text, group.end)
        if found is None:
            continue
        draft.fact(author, "affiliation", group.key, passage_id=group.passage_id)
        at = found.end()
        for person in spans[i + 1 :]:
            if not found["with"] or person.type != EntityType.PERSON:
                break
            between = text[at : person.start]
            if between and not _NEXT_IN_LIST.fullmatch(between):
                break
            draft.fact(person.key, "affiliation", group.key, passage_id=person.passage_id)
            at = person.end


# The roles of an organisation's own staff (not `our speaker`, `our reviewers`).
_STAFF = (
    r"engineer|developer|architect|manager|director|producer|editor|designer|SRE|analyst"
    r"|researcher|scientist|intern|CTO|CEO|COO|CFO|VP|head\sof\s[\w-]+|co-?founder|founder"
)
# Before a colleague of the writer: `같은 팀 박지민 님`, `팀 동료 배지민`, `my teammate Jane Doe`.
_WRITERS_COLLEAGUE = re.compile(
    # (a few words of what they are, or of joining, may stand between: `같은 팀 7년 차 시니어
    # 김태현 님`, `저희 팀에 합류한 손예린 님`)
    r"(?:(?:같은|우리|저희)\s?(?:[가-힣A-Za-z]+\s?)?팀(?:의|에)?\s"
    r"(?:[^\s.,!?]+(?<![을를은는이가])\s){0,4}?"
    r"|(?:팀\s?)?동료(?:인)?\s"
    r"|(?<![가-힣])팀\s?(?:리드|리더|장)(?:인|이신)\s"  # `팀 리드인 박지훈 리드가`
    # `팀장 김태오 님은`, `팀 창립 멤버였던 오승현 님`: the writer's own team's
    r"|(?:^|(?<=[\s*_]))(?:팀장|팀원)\s[*_]{0,2}|(?<![가-힣])팀\s(?:\S+\s)?멤버(?:였던|인)\s"
    # `my colleagues on the Banco Aurora platform team, Larissa and Pedro`
    rf"|\b[Mm]y\s(?:{COLLEAGUE})(?:\s(?:on|in)\s(?:the|our)\s[^,.;]{{1,40}}?\steam,)?\s"
    # `our former teammate Ruth Adeyemi`, `our producer Kenji`: the writers' organisation's,
    # past or present
    rf"|\b[Oo]ur\s(?:former\s|new\s|own\s)?(?:{COLLEAGUE})\s"
    rf"|\b[Oo]ur\s(?:(?:former|new|own|senior|lead|chief|staff|principal)\s)?(?:{_STAFF})\s)$"
)
# After the name: `Greg Holloway, our VP of Engineering`, `Kofi Mensah, our resident Argo CD
# whisperer`, `Marta, who joined us from Spotify`, `Aisha, who has been on this team longest`
# (not `our keynote speaker` or `our guest`, whom a host invites).
_WRITERS_COLLEAGUE_AFTER = re.compile(
    r"[*_]{0,2},\s(?:(?:is|was)\s)?our\s(?!(?:keynote|guest|host|speaker|sponsor|friend)s?\b)"
    r"(?:[\w-]+\s){0,4}?[\w-]+(?=[,.;:)]|\s(?:and|who|for)\b)"
    r"|[*_]{0,2},\swho\s(?:(?:has|had)\s)?(?:joined\sus|joined\s(?:the|our)\steam"
    r"|been\son\s(?:the|this|our)\steam)\b"
)
# Between two colleagues of a list: `Larissa and Pedro`, `박지민, 오재훈 님`.
_NEXT_IN_LIST = re.compile(r"(?:\s?(?:님|씨))?(?:,\s?|,?\sand\s|\s?(?:와|과)\s)")


def _authors_employer(draft: Draft) -> str | None:
    """The one organisation every author of the byline works at (`Noor Haddad and Felix Ambrose
    (Platform Engineering, Larkspur Health)`), if they share exactly one."""
    authors = byline_authors(draft)
    if not authors:
        return None
    shared = set.intersection(
        *({f.value for f in draft.facts_of(a, "affiliation")} for a in authors)
    )
    return shared.pop() if len(shared) == 1 else None


def _authors_colleagues(draft: Draft, author: str | None) -> None:
    text = draft.article.text
    people = sorted((s for s in draft.spans if s.type == EntityType.PERSON), key=lambda s: s.start)
    previous = None  # the colleague named last, whom a list may go on from
    shared = _authors_employer(draft)
    for person in people:
        # in an interview, `my teammate` in an answer is the one who answers
        speaker = (
            speaker_of_line(draft, person.start) or interviewee_at(draft, person.start) or author
        )
        employer = sole_employer(draft, speaker) if speaker is not None else shared
        listed = previous is not None and _NEXT_IN_LIST.fullmatch(text, previous.end, person.start)
        if (
            employer is not None
            and person.key != speaker
            and (
                listed
                or _WRITERS_COLLEAGUE.search(text, max(0, person.start - 80), person.start)
                or _WRITERS_COLLEAGUE_AFTER.match(text, person.end)
            )
        ):
            draft.fact(person.key, "affiliation", employer, passage_id=person.passage_id)
            previous = person
        else:
            previous = None


# A speaker's label opening a line of an interview: `**Mariana Lopes:**`, `김서연:`, or a name in
# bold before the answer (`**배성우** 쿠팡에서는 …`, as Korean round tables write it).
_SPEAKER_LABEL = re.compile(
    r"[ \t>*_-]*(?P<label>[^\s:*_\n][^:*_\n]{0,40}?)[*_]*\s?[:：][*_]*\s"
    r"|[ \t>]*\*\*(?P<bold>[^*\n]{2,40})\*\*\s"
)


def speaker_of_line(draft: Draft, offset: int) -> str | None:
    """The person whose label opens the line around `offset`, if one does."""
    text = draft.article.text
    start = text.rfind("\n", 0, offset) + 1
    label = _SPEAKER_LABEL.match(text, start)
    if label is None or label.end() > offset:
        return None
    if label["bold"] is not None:
        bold = draft.spans_in(*label.span("bold"), EntityType.PERSON)
        whole = len(bold) == 1 and (bold[0].start, bold[0].end) == label.span("bold")
        return bold[0].key if whole else None
    span = draft.mentioned_at(label.start("label"))
    if span is not None and span.type == EntityType.PERSON:
        return span.key
    # `HOST (Marisol Vega):`: the person the label names in brackets
    inside = {s.key for s in draft.spans_in(*label.span("label"), EntityType.PERSON)}
    return inside.pop() if len(inside) == 1 else None
