"""Person -> organisation links and job titles, from the words between a person and an org.

Korean: `IBM의 브랜든 럼`, `CNCF 상임이사인 댄 컨`, `CNCF에서 에코시스템을 담당하는 셰릴 헝`,
`아쿠아 시큐리티(Aqua Security)의 기술 에반젤리스트인 리즈 라이스`, `가나다 소속 김민수`,
`가나다에서 온 김민수`, `존 보이드(John Boyd) 대령`.
English: `Paris Pittman (Google)`, `Ricardo Rocha from CERN`, `Liz Rice, Aqua Security`,
`Jane Doe, CTO of Acme`, `Jane is a software engineer at the Acme`, `Acme's Jane Doe`, and
membership: `Jane was involved in SIG Foo and the Bar Team`, `The SIG Foo leads are Jane Doe
and John Roe`. Each fact cites the passage of the person's mention.
"""

from __future__ import annotations

import itertools
import re

from forumgraph.ingest.extract_employers import (
    COLLEAGUE,
    PRONOUNS,
    TITLE_WORDS,
    WHO_VERBS,
    a_role,
    add_employers_beside_people,
    role_between,
)
from forumgraph.ingest.extract_memberships import add_memberships
from forumgraph.ingest.extract_named import add_named, is_a_guess, take_back_a_guess
from forumgraph.ingest.extract_org_context import COMPANY_KINDS
from forumgraph.ingest.extract_people import HANDLE_IN_BRACKETS, ROLE_HEAD_PATTERN, ROLE_HEADS
from forumgraph.ingest.extract_people_cues import (
    KO_ROLE_HEADS,
    is_role_phrase,
)
from forumgraph.ingest.extract_records import Draft, Span
from forumgraph.ingest.extract_text import sentences
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.hangul import HANGUL

# The words between an organisation and the person after it.
_KO_GAP = re.compile(
    # (brackets about the organisation may follow it: `LY Corporation(옛 라인) 소속`)
    r"^(?:\([^()]{1,20}\)\s?(?:회사)?)?\)?\s*(?:의|에서 온|에서|소속(?:의|인)?|,)?\s*"
    r"(?:(?P<role>[^\s,.()“”\"][^,.()“”\"]{0,28}?)\s*(?:인|이자|이며|(?:으)?로\s(?:활동|일)(?:하는|하고\s있는|중인))"
    r"|(?P<duty>[^\s,.()][^,.()]{0,18}?)(?:을|를) 담당하(?:고 있)?는)?\s*$"
)
# `래블업(대표 신정규)`, `Acme (CEO Jane Doe)`: a role opening brackets before the name.
_BRACKETED_ROLE = re.compile(r"^\s?\(\s*(?P<role>[^\s()]{1,12}(?:\s[^\s()]{1,12})?)\s$")
_EN_GAP_AFTER = re.compile(
    rf"^[*_]{{0,2}}(?:{HANDLE_IN_BRACKETS})?{PRONOUNS}"
    r"(?:\s*\((?:[^(),]{1,40},\s?)?|,\s|,\s(?:(?:the|a|an)\s)?"
    + TITLE_WORDS
    + r"(?:at|of|from|with|for|@)\s(?:the\s)?"
    # `a product manager at the Dutch insurer Zilverlijn Verzekeringen`, `at Lagos-based Acme`
    + rf"(?:[A-Z][\w]*-based\s)?(?:(?:[\w-]+\s){{0,2}}?(?:{COMPANY_KINDS})\s)?"
    r"|\s(?:from|of|at)\s(?:the\s)?"
    r"|\s*\("
    + TITLE_WORDS
    + r"(?:at|@)\s(?:the\s)?"  # `Ritu Bansal (SRE at Zendesk)`
    + r"|\s(?:is|was|works\sas)\s(?:a|an|the)\s"
    + TITLE_WORDS
    + r"(?:at|of|with|for)\s(?:the\s)?"
    # `Rohan Mehta leads platform engineering at Kestrelbyte`
    + r"|\s(?:leads|heads|runs|manages)\s(?:[\w-]+\s){1,5}?at\s(?:the\s)?"
    # `Carlos Mendes, who leads the SRE team at Hooli`
    r"|,\swho\s(?:[a-z]+ly\s)?" + WHO_VERBS + r"(?:\s[^,.;()]{0,40}?)?\s(?:at|for)\s(?:the\s)?"
    # `Maria Okafor - Quillon Media`, `Chen Wei | Halden Robotics`: a name, a dash, its employer
    r"|\s[-–—|]\s"
    # `송예린 님(무신사)`: an honorific, then the organisation in brackets
    r"|\s?(?:님|씨)\s?\("
    # `Jonas Weber | Principal Engineer @ Nordlicht Energie`
    r"|\s[-–—|]\s" + TITLE_WORDS + r"(?:at|@)\s(?:the\s)?)$"
)
# `Lena Fischer, principal engineer, Northwind Traders`: a role between commas.
_EN_ROLE_COMMAS = re.compile(r"^,\s(?:[\w-]+\s){0,3}(?P<head>[\w-]+),\s$")
# (not what someone never did: `has never worked for Nubank`)
_MEMBER_GAP = re.compile(
    # (not after `which`: `at Isovalent (which is now part of Cisco`, the company's, not hers)
    # (nor in brackets about the company: `at Isovalent (now part of Cisco)`)
    r"^(?![^.;]*?\b(?:never|not|n['’]t)\s)(?![^.;]*?\bwhich\s)(?![^.;]*\((?:now\s|since\s)?part\sof)"
    r"[^.;]{0,60}?\b(?:member of|part of|involved in|joined|works? (?:at|for)|working (?:at|for)"
    r"|worked (?:at|for)"
    r"|serv(?:es|ed|ing) (?:on|in)|lead(?:s|er)? of|chair of|maintainer of|employed (?:at|by)"
    r"|(?:co-)?organi[sz]ers? of|(?:co-)?organi[sz]es|(?:co-)?founder of|(?:co-)?founded"
    r"|writes|edits|curates|(?:co-)?chairs|co-leads|mentors\s(?:[\w-]+\s){0,3}?in)"
    r"\s(?:the\s)?(?:[^.;]{0,50}?\s(?:and|,)\s(?:the\s)?)?$"
)
_GROUP_MEMBERS = re.compile(
    r"^\s(?:(?:tech(?:nical)?\s)?leads?|co-?chairs?|chairs?|maintainers|members)"
    r"(?:\s(?:are|were|include|included)|:)\s"
)
# `Jane Doe, consultant and co-organiser of the Foo meetup`: two roles, the last held there.
_EN_ROLES_AND = re.compile(
    rf"^(?:{HANDLE_IN_BRACKETS})?,\s(?:(?:a|an|the)\s)?(?:[\w-]+\s){{0,2}}?(?P<first>[\w-]+)"
    r"\sand\s(?:[\w-]+\s){0,2}?(?P<head>[\w-]+)\s(?:at|of|for|with)\s(?:the\s)?$"
)
# `Priyanka Sharma's first KubeCon as general manager of the CNCF`: a role held `as`.
_EN_AS_ROLE = re.compile(
    r"^(?:'s|’s)?\s(?:[^,.;()]{0,30}?\s)?as\s(?:(?:the|a|an|its)\s)?(?:[\w-]+\s){0,3}?"
    r"(?P<head>[\w-]+)\s(?:at|of|for)\s(?:the\s)?$"
)
# `Cheryl Hung, the foundation's director of ecosystem`: the foundation named before.
_FOUNDATIONS_ROLE = re.compile(
    r",\s(?:the|its)\s(?:foundation|Foundation)(?:'s|’s)\s(?P<role>(?:[\w-]+\s){0,3}[\w-]+)"
)
_POSSESSIVE_ROLE = re.compile(r"(?:'s|’s)\s(?P<role>(?:[\w-]+\s){0,3}[\w-]+)")
# `Kasper Nissen, the CNCF's developer advocate`, `Marta Nowak, who leads Allegro's platform
# team`: the organisation owns the role or the team.
# `Sakura Yamamoto, a senior SRE on Halden's checkout team`: a role in the organisation's team.
_THE_GAP = re.compile(
    r"^,\s(?:the\s|who\s(?:leads|runs|heads|manages|co-leads)\s"
    rf"|(?:an?|the)\s(?:[\w-]+\s){{0,3}}?(?i:{ROLE_HEAD_PATTERN})s?\s(?:on|in)\s(?:the\s)?)?$"
    # `Rohan Iyer is a research associate on Meridian's infrastructure team`
    rf"|^\s(?:is|was)\s(?:an?|the)\s(?:[\w-]+\s){{0,3}}?(?i:{ROLE_HEAD_PATTERN})s?\s(?:on|in)\s"
    r"(?:the\s)?$"
)
_JOINED_PEOPLE = re.compile(rf"^(?:{HANDLE_IN_BRACKETS})?(?:,\s|,?\sand\s|\s&\s)$")
# (`Aditi Sharma and Vikram Nair, both from Zalando's payments SRE group`)
# `Selin Aydın, Burak Şahin and Elif Koç lead Cloud Native Istanbul`: a group they run together.
_SHARED_RUN = re.compile(
    r"^\s(?:(?:co-)?(?:lead|run|organi[sz]e|host|founded)|(?:co-)?organi[sz]ed|ran|led)\s(?:the\s)?$"
)
_SHARED_FROM = re.compile(
    rf"^(?:{HANDLE_IN_BRACKETS})?(?:,\s(?:both|all|each)\s|\s)(?:from|of|at)\s(?:the\s)?$"
)
_SHARED_BY_ROLE = re.compile(r"^,\s(?:both|all|each)\s(?:the\s)?$")
_ROLE_AFTER = re.compile(rf"(?:['’]s)?\s(?:[\w-]+\s){{0,2}}(?i:{ROLE_HEAD_PATTERN})s?\b")
# `SIG Release chairs Jane Doe and John Roe`: a group's role, then its holders.
_GROUP_ROLE_LIST = re.compile(
    r"^\s(?:(?:tech(?:nical)?\s)?leads|co-?chairs|chairs|maintainers|organi[sz]ers)\s$"
)
# `Grafana Labs' Amara Okafor`: a bare apostrophe after a name ending in s.
_EN_GAP_BEFORE = re.compile(
    r"^(?:(?:'s|’s|['’])\s(?:own\s)?"
    # `the Spotify engineering blog, by Signe Holm`: the company's blog, by its engineer
    r"|\s(?:(?:engineering|tech|technology|developer)\s)?blog,?\s(?:post\s)?by\s)$"
)
MAX_GAP = 40
# Roles held in a project rather than at an employer: `a maintainer of Valet`.
_WORKS_ON = re.compile(
    r"\b(?:maintainers?|contributors?|creators?|authors?|reviewers?|approvers?|committers?)"
    r"\s(?:of|to)\s(?:the\s)?$"
)


def add_affiliations(draft: Draft, gazetteer: Gazetteer) -> None:
    """`affiliation` and `jobTitle` facts for each person mention next to an organisation."""
    add_employers_beside_people(draft, gazetteer)
    for passage in draft.passages:
        for sentence in sentences(passage.text, passage.start):
            spans = draft.spans_in(sentence.start, sentence.end)
            for i, span in enumerate(spans):
                if span.type == EntityType.PERSON:
                    _link(draft, gazetteer, spans, i)
                    _foundation_staff(draft, span)
                    _role_after(draft, gazetteer, span)
            _memberships(draft, gazetteer, spans)
            add_memberships(draft, spans)
    _colleagues_of_people(draft)
    _roles_of_the_organisation_named_before(draft)


# A role the organisation named before holds, by `their` or `its`: `Accepting is their platform
# lead, Jakub Wiśniewski`, `Samir Haddad, one of their solutions engineers`, `Ben from their
# field team`.
_THEIR_ROLE_BEFORE = re.compile(
    rf"\b(?:their|its)\s(?:[\w-]+\s){{0,3}}?(?:{ROLE_HEAD_PATTERN})s?,?\s[*_]{{0,2}}$",
    re.IGNORECASE,
)
_THEIR_ROLE_AFTER = re.compile(
    rf"[*_]{{0,2}}(?:,\s(?:one\sof\s)?(?:their|its)\s(?:[\w-]+\s){{0,3}}?(?:{ROLE_HEAD_PATTERN})s?\b"
    r"|\sfrom\s(?:their|its)\s(?:[\w-]+\s){0,2}"
    r"(?:team|group|unit|office|guild|division|department|branch|lab)\b)",
    re.IGNORECASE,
)


def _roles_of_the_organisation_named_before(draft: Draft) -> None:
    """The organisation `their` means is the one the paragraph named last before the person,
    or the one labelling the line (`- **Isovalent** (now part of Cisco): Samir Haddad, one of
    their …`)."""
    text = draft.article.text
    for person in [s for s in draft.spans if s.type == EntityType.PERSON]:
        line_start = text.rfind("\n", 0, person.start) + 1
        if not (
            _THEIR_ROLE_BEFORE.search(text, max(line_start, person.start - 80), person.start)
            or _THEIR_ROLE_AFTER.match(text, person.end)
        ):
            continue
        paragraph = text.rfind("\n\n", 0, person.start) + 2
        before = draft.spans_in(paragraph, person.start, EntityType.ORGANIZATION)
        if not before:
            continue
        labelling = [
            s
            for s in before
            if s.start >= line_start and _LABEL_OPENING.fullmatch(text, line_start, s.start)
        ]
        organisation = labelling[0] if labelling else before[-1]
        draft.fact(person.key, "affiliation", organisation.key, passage_id=person.passage_id)


# What stands before the organisation labelling a line: a list mark, emphasis.
_LABEL_OPENING = re.compile(r"[ \t>*_-]*")


# Between a person and their colleague: `Maren Koch and her colleague Jonas Brandt`, `마렌
# 코흐(Maren Koch)와 동료 요나스 브란트`.
_AND_COLLEAGUE = re.compile(
    rf"^(?:\s?\([^()]{{1,40}}\))?(?:,?\sand\s(?:his|her|their)\s(?:{COLLEAGUE})\s"
    rf"|['’]s\s(?:{COLLEAGUE})\s"  # `Tomasz's colleague Marta`
    r"|\s?(?:님|씨)?(?:와|과)\s(?:같은\s팀\s)?동료(?:인)?\s)$"
)


# `He credits his teammates Yuki Hamada and Daichi Ono`: colleagues of whom the pronoun
# stands for, the person the passage named last before it.
_PRONOUN_COLLEAGUE = re.compile(
    rf"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s(?:[\w-]+\s)?(?:{COLLEAGUE})\s[*_]*$"
)
# `Thiago Ramos, a staff engineer on Prado's team`: one of someone's team.
_ON_SOMEONES_TEAM = re.compile(r"^,\s(?:an?\s)?(?:[\w-]+\s){0,4}?(?:on|in|from|of)\s$")
_TEAM_AFTER = re.compile(r"['’]s\s(?:[\w-]+\s){0,2}?(?:team|group|squad)\b")
# Between two colleagues of a list: `Yuki Hamada and Daichi Ono`.
_NEXT_COLLEAGUE = re.compile(r"^[*_]*(?:,\s|,?\sand\s)[*_]*$")
# How far back a pronoun may stand for the person named before it.
PRONOUN_REACH = 400


def _colleagues_of_people(draft: Draft) -> None:
    """A person's colleague, named right after them or by a pronoun for them, and one of their
    team, works where they work (one place)."""
    text = draft.article.text
    people = sorted((s for s in draft.spans if s.type == EntityType.PERSON), key=lambda s: s.start)
    colleague_of: str | None = None  # whose colleagues a list names, going on
    for i, second in enumerate(people):
        first = people[i - 1] if i else None
        if (
            first is not None
            and colleague_of
            and _NEXT_COLLEAGUE.match(text[first.end : second.start])
        ):
            _share_employer(draft, colleague_of, second)
            continue
        colleague_of = None
        if first is None or first.key == second.key:
            continue
        gap = text[first.end : second.start]
        if _colleague_after(text, first, second):
            colleague_of = first.key
            _share_employer(draft, colleague_of, second)
        if _ON_SOMEONES_TEAM.match(gap) and _TEAM_AFTER.match(text, second.end):
            _share_employer(draft, second.key, first)  # `X, ... on Prado's team`


def _colleague_after(text: str, first: Span, second: Span) -> bool:
    """`Maren Koch and her colleague Jonas Brandt`, or a colleague by a pronoun for the person
    named last before it in the passage (`... He credits his teammates Yuki Hamada`)."""
    if second.start - first.end <= 60 and _AND_COLLEAGUE.match(text[first.end : second.start]):
        return True
    pronoun = _PRONOUN_COLLEAGUE.search(text, max(first.end, second.start - 40), second.start)
    return (
        pronoun is not None
        and first.passage_id == second.passage_id
        and pronoun.start() - first.end <= PRONOUN_REACH
    )


def _share_employer(draft: Draft, person: str, colleague: Span) -> None:
    employer = sole_employer(draft, person)
    if employer is not None:
        draft.fact(colleague.key, "affiliation", employer, passage_id=colleague.passage_id)


def sole_employer(draft: Draft, person: str) -> str | None:
    """The one organisation the document says `person` works at, if it says exactly one (a
    school they studied at is none)."""
    employers = {
        f.value for f in draft.facts_of(person, "affiliation") if not a_school(draft, f.value)
    }
    return employers.pop() if len(employers) == 1 else None


def a_school(draft: Draft, key: str) -> bool:
    """Whether the organisation `key` is by its name a school (`고려대학교`, `KAIST`)."""
    return any(_SCHOOL.search(n.text) for n in draft.names_of(key))


# Korean institutes of science and technology, known by their acronyms.
KOREAN_INSTITUTES = "KAIST|UNIST|POSTECH|DGIST|GIST"
_SCHOOL = re.compile(
    r"(?:대학교|대학|대)$|\b(?:University|College|Universidad|Universidade|Università|Universität)\b"
    rf"|^(?:{KOREAN_INSTITUTES}|MIT|EPFL|ETH Zurich)$"
)


def _link(draft: Draft, gazetteer: Gazetteer, spans: list[Span], i: int) -> None:
    text = draft.article.text
    person = spans[i]
    before = _nearest(spans, i, -1)
    if before is not None and _in_someone_elses_brackets(text, spans, before):
        before = None  # `Raj Patel (Initech), Mei Chen`: Initech is Raj Patel's
    if before is not None and before.type == EntityType.ORGANIZATION:
        gap = text[before.end : person.start]
        match = _KO_GAP.match(gap) if len(gap) <= MAX_GAP else None
        if match is not None and "," in gap and not HANGUL.search(text[person.start : person.end]):
            match = None  # `Wróbel of Allegro, Piotr Nowak`: a list of people, not `X, 김민수`
        if match is None and (_EN_GAP_BEFORE.match(gap) or role_between(gap)):
            match = _KO_GAP.match("")
        bracketed = _BRACKETED_ROLE.match(gap)
        if match is None and bracketed and bracketed["role"].endswith(KO_ROLE_HEADS):
            # `래블업(대표 신정규)`: the organisation's head named in brackets after it.
            draft.fact(person.key, "affiliation", before.key, passage_id=person.passage_id)
            _job_title(draft, gazetteer, person, bracketed["role"])
            return
        if match is not None:
            draft.fact(person.key, "affiliation", before.key, passage_id=person.passage_id)
            role = match.group("role") or (
                f"{match.group('duty')} 담당" if match.group("duty") else None
            )
            if role:
                _job_title(draft, gazetteer, person, role.strip())
            return
    after = _nearest(spans, i, 1)
    if after is not None and after.type == EntityType.ORGANIZATION:
        gap = text[person.end : after.start]
        if _WORKS_ON.search(gap):
            return  # `a maintainer of Valet`: what the person works on, not for
        if "|" in gap and _a_table_row(text, person.start):
            return  # the cells of a table row: its columns say who works where
        if AND_RESPECTIVELY.match(text, after.end):
            return
        if _A_CLAUSE_S_SUBJECT_OR_OBJECT.match(text, after.end):
            return  # `**한유리** — 카카오가 후원하는 스터디를`: a clause about the organisation
        if _EN_GAP_AFTER.match(gap) or _role_gap(gap) or _possessive_role(text, gap, after):
            draft.fact(person.key, "affiliation", after.key, passage_id=person.passage_id)
    elif after is not None and _JOINED_PEOPLE.match(text[person.end : after.start]):
        _shared_organisation(draft, spans, i)


# A Korean particle making the organisation a clause's subject or object: `카카오가 후원하는`.
_A_CLAUSE_S_SUBJECT_OR_OBJECT = re.compile(r"(?:이|가|을|를|와|과)\s")
# `... at Google and Microsoft respectively`: two organisations, one for each of two people
# (paired where the moves are read).
AND_RESPECTIVELY = re.compile(
    r"\s(?:and|&)\s(?:the\s)?(?P<second>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}),?\srespectively\b"
)


def _a_table_row(text: str, offset: int) -> bool:
    """Whether the line around `offset` has three cells or more."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else None].strip(" |").count("|") >= 2


def _possessive_role(text: str, gap: str, org: Span) -> bool:
    """`Kasper Nissen, the CNCF's developer advocate`: the organisation owns the role (or the
    team the person leads: `who leads Allegro's platform team`)."""
    role = _POSSESSIVE_ROLE.match(text, org.end)
    gap_match = _THE_GAP.match(gap)
    if gap_match is None or role is None:
        return False
    if "who" in gap or re.search(r"\s(?:on|in)\s(?:the\s)?$", gap):
        return role["role"].split()[-1] in {"team", "group", "unit", "division", "organisation"}
    return is_role_phrase(role["role"])


def _shared_organisation(draft: Draft, spans: list[Span], i: int) -> None:
    """`Anders Holm and Meera Pillai from Telenor`: people joined by `and` or commas share the
    organisation written after the last of them with `from`/`of`/`at`."""
    text = draft.article.text
    people = list(itertools.takewhile(lambda s: s.type == EntityType.PERSON, spans[i:]))
    run = _joined_run(text, people)
    after = i + len(run)
    if len(run) < 2 or after >= len(spans) or spans[after].type != EntityType.ORGANIZATION:
        return
    gap = text[run[-1].end : spans[after].start]
    # a group run together has a name of two words or more (`lead Ingest` names a team's work)
    group = len(text[spans[after].start : spans[after].end].split()) >= 2
    # `Marek Dvořák and Sasha Ivanova, both SIG Release Release Managers`: a group's role
    of_the_group = _SHARED_BY_ROLE.match(gap) and _ROLE_AFTER.match(text, spans[after].end)
    if _SHARED_FROM.match(gap) or (_SHARED_RUN.match(gap) and group) or of_the_group:
        for person in run:
            draft.fact(person.key, "affiliation", spans[after].key, passage_id=person.passage_id)


def _role_gap(gap: str) -> bool:
    """A role between a person and an organisation: between commas, after `as`, or two roles
    joined by `and`; the role must end in a job word (`as part of the` is none)."""
    between = _EN_ROLE_COMMAS.match(gap)
    roles = (between, _EN_AS_ROLE.match(gap), _EN_ROLES_AND.match(gap))
    if any(m is not None and m["head"].lower() in ROLE_HEADS for m in roles):
        return True
    # `Oskar Lindqvist, Head of Platform, Ikano Bank`: a role by its first word
    return between is not None and a_role(gap.strip(" ,"))


def _foundation_staff(draft: Draft, person: Span) -> None:
    """`Cheryl Hung, the foundation's director of ecosystem`: the foundation is the latest one
    named before the person."""
    role = _FOUNDATIONS_ROLE.match(draft.article.text, person.end)
    words = role["role"].lower().split() if role else []
    if not any(w in ROLE_HEADS or w == "head" for w in words):
        return  # `head of community` is a role too
    foundations = [
        s
        for s in draft.spans
        if s.type == EntityType.ORGANIZATION
        and s.end <= person.start
        and any("foundation" in n.text.casefold() for n in draft.names_of(s.key))
    ]
    if foundations:
        latest = max(foundations, key=lambda s: s.start)
        draft.fact(person.key, "affiliation", latest.key, passage_id=person.passage_id)


def _in_someone_elses_brackets(text: str, spans: list[Span], org: Span) -> bool:
    """Whether `org` stands in brackets right after another person (`Raj Patel (Initech)`)."""
    opening = text[: org.start].rstrip()
    if not opening.endswith("("):
        return False
    owner = next((s for s in reversed(spans) if s.end <= len(opening) - 1), None)
    return (
        owner is not None
        and owner.type == EntityType.PERSON
        and not text[owner.end : len(opening) - 1].strip()
    )


def _memberships(draft: Draft, gazetteer: Gazetteer, spans: list[Span]) -> None:
    """`Jane ... was involved in Acme and the Foo Team`; `The Foo Team leads are Jane and Joe`."""
    text = draft.article.text
    people = [s for s in spans if s.type == EntityType.PERSON]
    for org in (s for s in spans if s.type == EntityType.ORGANIZATION):
        before = [p for p in people if p.end <= org.start]
        gap = text[before[-1].end : org.start] if before else ""
        if _WORKS_ON.search(gap) and _project_guess(draft, gazetteer, org):
            # `a maintainer of Valet`: the recogniser's organisation is the project maintained
            take_back_a_guess(draft, gazetteer, org.start, org.end)
            name = text[org.start : org.end]
            add_named(draft, gazetteer, EntityType.PROJECT, name, org.start, org.end)
            continue
        if before and _MEMBER_GAP.match(gap):
            draft.fact(before[-1].key, "affiliation", org.key, passage_id=before[-1].passage_id)
        if _GROUP_MEMBERS.match(text[org.end : org.end + 40]):
            for member in (p for p in people if p.start > org.end):
                draft.fact(member.key, "affiliation", org.key, passage_id=member.passage_id)
        following = [p for p in people if p.start > org.end]
        if following and _GROUP_ROLE_LIST.match(text[org.end : following[0].start]):
            for member in _joined_run(text, following):
                draft.fact(member.key, "affiliation", org.key, passage_id=member.passage_id)


def _project_guess(draft: Draft, gazetteer: Gazetteer, org: Span) -> bool:
    """A name only the recogniser calls an organisation, without a group's or company's form."""
    name = draft.article.text[org.start : org.end]
    return is_a_guess(draft, gazetteer, org) and not re.search(
        r"\b(?:Team|Committee|Group|Board|Council|Foundation|Inc|Labs?|Corp|SIG|WG|TAG)\b", name
    )


def _joined_run(text: str, people: list[Span]) -> list[Span]:
    """The first person and those joined to them by commas or `and`."""
    run = people[:1]
    for person in people[1:]:
        if not _JOINED_PEOPLE.match(text[run[-1].end : person.start]):
            break
        run.append(person)
    return run


def _nearest(spans: list[Span], i: int, step: int) -> Span | None:
    """The closest person or organisation before (step -1) or after (+1) spans[i] that does not
    overlap it; names of projects and topics inside a job title (`Helm maintainer at`) are
    passed over."""
    j = i + step
    while 0 <= j < len(spans):
        other = spans[j]
        overlaps = other.start < spans[i].end and spans[i].start < other.end
        linkable = other.type in {EntityType.PERSON, EntityType.ORGANIZATION}
        if not overlaps and other.key != spans[i].key and linkable:
            return other
        j += step
    return None


def _role_after(draft: Draft, gazetteer: Gazetteer, person: Span) -> None:
    """A Korean title right after the name: `존 보이드(John Boyd) 대령이`."""
    after = draft.article.text[person.end : person.end + 12].lstrip()
    for role in sorted(gazetteer.roles, key=len, reverse=True):
        if after.startswith(role) and " " not in role:
            _job_title(draft, gazetteer, person, role)
            return


def _job_title(draft: Draft, gazetteer: Gazetteer, person: Span, role: str) -> None:
    draft.fact(person.key, "jobTitle", role, "string", "ko", person.passage_id)
    english = gazetteer.roles.get(role) or gazetteer.roles.get(role.split()[-1])
    if english:
        draft.fact(person.key, "jobTitle", english, "string", "en", person.passage_id)
