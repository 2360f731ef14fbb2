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

from forumgraph.ingest.extract_bylines import without_title
from forumgraph.ingest.extract_coref import company_of_short_form
from forumgraph.ingest.extract_memberships import add_memberships
from forumgraph.ingest.extract_named import add_named, is_a_guess, known_entry, take_back_a_guess
from forumgraph.ingest.extract_org_context import COMPANY_KINDS
from forumgraph.ingest.extract_people import HANDLE_IN_BRACKETS, ROLE_HEADS
from forumgraph.ingest.extract_people_cues import (
    KO_ROLE_HEADS,
    is_role_phrase,
    names_no_employer,
)
from forumgraph.ingest.extract_people_ko import KO_PERSON_MARKERS
from forumgraph.ingest.extract_records import Draft, Span
from forumgraph.ingest.extract_text import FUNCTION_WORDS, sentences, word_set
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.hangul import HANGUL, has_hangul

# The words between an organisation and the person after it.
_KO_GAP = re.compile(
    r"^(?:\([^()]{1,20}\)\s?회사)?\)?\s*(?:의|에서 온|에서|소속(?:의|인)?|,)?\s*"
    r"(?:(?P<role>[^\s,.()“”\"][^,.()“”\"]{0,28}?)\s*(?:인|이자|이며|(?:으)?로\s(?:활동|일)(?:하는|하고\s있는|중인))"
    r"|(?P<duty>[^\s,.()][^,.()]{0,18}?)(?:을|를) 담당하(?:고 있)?는)?\s*$"
)
# `래블업(대표 신정규)`, `Acme (CEO Jane Doe)`: a role opening brackets before the name.
_BRACKETED_ROLE = re.compile(r"^\s?\(\s*(?P<role>[^\s()]{1,12}(?:\s[^\s()]{1,12})?)\s$")
# Pronouns in brackets after a name (`Elena Petrova (she/her) from Fjordbank`).
_PRONOUNS = r"(?:\s?\((?:she|he|they|ze|xe)/\w+\))?"
# (no object of a verb: `, who designed it with help from the CNCF design team`)
_TITLE_WORDS = r"(?:(?!and\s|or\s|but\s|it\s)[\w/&.-]+\s){0,6}?"
_WHO = r"(?:leads|led|heads|headed|runs|ran|manages|managed|works|worked|is|was)"
# Where an unknown name after a person is an organisation: `Mei Chen from Globex`, `Carlos
# Mendes, who leads the SRE team at Hooli`, `Lena ... worked at Contoso`.
ORG_NAME = (
    # `Lagos-based Crestway Bank`, `Norwegian broadcaster NRK`: where it is, what it is
    r"(?:[A-Z][\w]*-based\s(?:(?:[\w-]+\s)?(?:" + COMPANY_KINDS + r")\s)?"
    r"|[A-Z][a-z]+(?:an|ese|ish|ic|ch|i)\s(?:[\w-]+\s)?(?:" + COMPANY_KINDS + r")\s)?"
    # `Politecnico di Milano`, `Universidad de Chile`: a particle between capitalised words
    r"(?P<org>(?:[A-Z]|[a-z](?=[A-Z][a-z]))[A-Za-z0-9&-]*"  # `Acme`, `iFood`
    r"(?:[ ](?:(?:di|de|del|della|da|do|der|van|von)[ ])?[A-Z][A-Za-z0-9&-]*){0,3}"
    r"(?:(?<=Inc)\.|(?<=Ltd)\.|(?<=Co)\.|(?<=Corp)\.)?)(?=[\s,.;:)]|['’]s\s|$)"
)
_EN_FROM = re.compile(_PRONOUNS + r"\s(?:from|at|of)\s" + ORG_NAME)
# `Ravi Kumar of the Tessaly platform team`: a team of the organisation.
_EN_OF_THE_TEAM = re.compile(
    r"\s(?:from|of|on|in)\s(?:the\s)?" + ORG_NAME + r"\s(?:[a-z-]+\s){0,2}(?:team|group|division)\b"
)
# `Marta Nowak, who leads Allegro's platform team`: the organisation owns the team.
_EN_LEADS_ITS_TEAM = re.compile(
    r",\swho\s(?:leads|runs|heads|manages|co-leads)\s"
    r"(?P<org>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})['’]s\s(?:[\w-]+\s){0,3}"
    r"(?:team|group|unit|division)\b"
)
# `Hannah Becker, who organises the Platform Engineering Berlin meetup`, `who also runs the
# Porto Kubernetes meetup`: a group the person runs.
_EN_ORGANISES = re.compile(
    r",\swho\s(?:also\s)?(?:(?:co-)?(?:organi[sz]es|organi[sz]ed|founded)\s(?:the\s)?"
    + ORG_NAME
    + r"|(?:runs|ran|leads|co-leads|hosts)\s(?:the\s)?"
    + ORG_NAME.replace("(?P<org>", "(?P<group>")
    + r"(?=\s(?:meetup|user\sgroup|community|chapter)\b))"
)
_EN_DASHED = re.compile(r"\s[-–—|]\s" + ORG_NAME + r"(?=\s[-–—|]\s|[.;]?\s*$)", re.MULTILINE)
# `Oskar Lind, Senior SRE, Lumen Grid`: a role between commas, then the employer.
_EN_ROLE_THEN_ORG = re.compile(
    r",\s(?P<role>(?:[\w-]+\s){0,3}[\w-]+),\s" + ORG_NAME + r"(?=\s*[;.\n)(]|\s*$)"
)
# `Rafael Costa, Staff SRE @ Verdant Retail` on a slide or a speaker line.
_EN_ROLE_AT_SIGN = re.compile(r"(?:,|\s[-–—|])\s(?P<role>(?:[\w-]+\s){0,3}?[\w-]+)\s@\s" + ORG_NAME)
_EN_WORKS_AT = re.compile(
    r"[*_]{0,2}(?:,\swho\s(?:[a-z]+ly\s)?"
    + _WHO
    + r"(?:\s[^,.;()]{0,40}?)?|\s(?:[a-z]+\s)?(?:works?|worked|working)"
    # `Rohan Mehta leads platform engineering at Kestrelbyte`
    + r"|\s(?:leads|heads|runs|manages)(?:\s[\w-]+){1,3}?)"
    r"\s(?:at|for)\s(?:the\s)?" + ORG_NAME
)
_EN_GAP_AFTER = re.compile(
    rf"^[*_]{{0,2}}(?:{HANDLE_IN_BRACKETS})?{_PRONOUNS}"
    r"(?:\s*\((?:[^(),]{1,40},\s?)?|,\s|,\s(?:(?:the|a|an)\s)?"
    + _TITLE_WORDS
    + r"(?:at|of|from|with|for|@)\s(?:the\s)?"
    # `a product manager at the Dutch insurer Zilverlijn Verzekeringen`, `at Lagos-based Acme`
    + rf"(?:[A-Z][\w]*-based\s)?(?:(?:[\w-]+\s){{0,2}}?(?:{COMPANY_KINDS})\s)?"
    r"|\s(?:from|of|at)\s(?:the\s)?"
    r"|\s*\("
    + _TITLE_WORDS
    + r"(?:at|@)\s(?:the\s)?"  # `Ritu Bansal (SRE at Zendesk)`
    + r"|\s(?:is|was|works\sas)\s(?:a|an|the)\s"
    + _TITLE_WORDS
    + r"(?:at|of|with|for)\s(?:the\s)?"
    # `Rohan Mehta leads platform engineering at Kestrelbyte`
    + r"|\s(?:leads|heads|runs|manages)\s(?:[\w-]+\s){1,3}?at\s(?:the\s)?"
    # `Carlos Mendes, who leads the SRE team at Hooli`
    r"|,\swho\s(?:[a-z]+ly\s)?" + _WHO + r"(?:\s[^,.;()]{0,40}?)?\s(?:at|for)\s(?:the\s)?"
    # `Maria Okafor - Quillon Media`, `Chen Wei | Halden Robotics`: a name, a dash, its employer
    r"|\s[-–—|]\s"
    # `송예린 님(무신사)`: an honorific, then the organisation in brackets
    r"|\s?(?:님|씨)\s?\("
    # `Jonas Weber | Principal Engineer @ Nordlicht Energie`
    r"|\s[-–—|]\s" + _TITLE_WORDS + r"(?:at|@)\s(?:the\s)?)$"
)
# `Lena Fischer, principal engineer, Northwind Traders`: a role between commas.
_EN_ROLE_COMMAS = re.compile(r"^,\s(?:[\w-]+\s){0,3}(?P<head>[\w-]+),\s$")
_MEMBER_GAP = re.compile(
    r"^[^.;]{0,60}?\b(?:member of|part of|involved in|joined|works? (?:at|for)|working (?:at|for)"
    r"|worked (?:at|for)"
    r"|serv(?:es|ed|ing) (?:on|in)|lead(?:s|er)? of|chair of|maintainer of|employed (?:at|by)"
    r"|(?:co-)?organi[sz]ers? of|(?:co-)?organi[sz]es|(?:co-)?founder of|(?:co-)?founded"
    r"|writes|edits|curates)"
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
_THE_GAP = re.compile(r"^,\s(?:the\s|who\s(?:leads|runs|heads|manages|co-leads)\s)?$")
_JOINED_PEOPLE = re.compile(rf"^(?:{HANDLE_IN_BRACKETS})?(?:,\s|,?\sand\s|\s&\s)$")
_SHARED_FROM = re.compile(rf"^(?:{HANDLE_IN_BRACKETS})?\s(?:from|of|at)\s(?:the\s)?$")
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
# `CNCF executive director Dan Kohn`, `Spotify engineer David Xia`: a role between them.
_EN_ROLE_BETWEEN = re.compile(
    r"^(?:'s|’s|['’])?\s(?P<role>(?:[A-Za-z-]+\s){0,3}(?P<head>[A-Za-z-]+)),?\s$"
)
# `Spotify engineer David Xia`, `Brisko's CTO, Ama Mensah`: an unknown organisation before a
# role and the name (with a possessive, or inside a sentence: `Senior engineer Ann` opens one).
_EN_ORG_ROLE_BEFORE = re.compile(
    r"(?<![\w&.-])(?P<org>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})"
    r"(?P<possessive>['’]s)?\s(?:[A-Za-z-]+\s){0,3}[A-Za-z-]+,?\s$"
)
MAX_GAP = 40
# Roles held in a project rather than at an employer: `a maintainer of Valet`.
_WORKS_ON = re.compile(
    r"\b(?:maintainers?|contributors?|creators?|authors?|reviewers?|approvers?|committers?)"
    r"\s(?:of|to)\s(?:the\s)?$"
)
_ORG_TEXT = re.compile(r"[A-Z][A-Za-z0-9&.'’ -]{0,40}[A-Za-z0-9.]")
# `(Acme)`, `(Acme, Software Engineer)`, `(Software Engineer, Acme)`
# `(Acme)` after a name, also after a Korean honorific (`송예린 님(무신사)`)
_PARENS = re.compile(r"\s?(?:(?:님|씨)\s?)?\((?P<inside>[^()]{1,90})\)")
_KO_ORG_BEFORE = re.compile(
    r"(?<![\w.&])(?P<org>[A-Za-z가-힣][\w.&]*)\s?(?:소속(?:의|인)?|에서 온)\s$"
    # `당근 플랫폼팀에서 일하고 있는 이도현`: where the person works, a unit of it between
    r"|(?<![\w.&])(?P<employer>[A-Za-z가-힣][\w.&]*)(?:\s[가-힣A-Za-z]*(?:팀|실|본부|센터|랩|파트|셀))?"
    r"에서\s(?:일하고\s있는|일하는|근무하는|근무하고\s있는|재직\s?중인)\s$"
    # `Acme(bank) 회사의 백엔드 엔지니어인 Jane Doe`: a company named in Latin letters
    r"|(?<![\w.&])(?P<company>[A-Za-z][\w.&-]*)(?:\([^()]{1,20}\))?\s?회사의\s"
    r"[^,.()]{1,24}?(?:인|이자)\s$"
)
# `김민수는 Acme에서 운영 업무를 맡고 있다`, `김민수는 Acme에서 근무한다`: where one works.
_KO_WORKS_AT = re.compile(
    r"(?:은|는|이|가)\s(?P<org>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2})"
    r"(?=에서\s(?:[^.]{0,40}?(?:역할|업무|일)[을를]\s(?:맡|담당)|근무|재직|일하)|에\s(?:소속|재직))"
)
# `마이크 첸(Mike Chen) 님은 AWS 솔루션즈 아키텍트로`: the person is a role at a Latin-named
# organisation.
_KO_IS_ROLE_AT = re.compile(
    r"(?:\s?\([^()]{1,40}\))?\s?(?:님|씨)?(?:은|는)\s"
    r"(?P<org>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2})\s(?:[^\s,.]+\s){0,2}?[^\s,.]*?"
    r"(?:" + "|".join(KO_ROLE_HEADS) + r")(?:로|으로|이다|이며|이자|인|로서)(?![가-힣])"
)
# `응우옌 씨는 베트남 스타트업 비엣클라우드(VietCloud)의 CTO로`: a role of an organisation.
_KO_IS_ROLE_OF = re.compile(
    r"(?:\s?\([^()]{1,40}\))?\s?(?:님|씨)?(?:은|는)\s(?:[^\s,.]+\s){0,2}?"
    r"(?P<org>[A-Za-z가-힣][\w.&-]*)(?:\([^()]{1,30}\))?의\s(?:[^\s,.]+\s)?[^\s,.]*?"
    r"(?:" + "|".join(KO_ROLE_HEADS) + r")(?:로|으로|이다|이며|이자|인|로서)(?![가-힣])"
)
# `Jane Doe (@jdoe), platform engineer at Acme Bank`: a role, then where it is held.
_EN_ROLE_AT = re.compile(
    rf"(?:{HANDLE_IN_BRACKETS})?[*_]{{0,2}}(?:,\s|\s(?:is|was|works\sas)\s(?=(?:a|an|the)\s))"
    r"(?:(?:a|an|the)\s)?(?P<role>[A-Za-z'’-]+(?:\s[A-Za-z'’-]+){0,9}?)"
    r"\s(?P<preposition>at|with|of)\s(?P<org>(?:[A-Z]|[a-z](?=[A-Z]))[A-Za-z0-9&-]*"
    r"(?:\.[A-Za-z0-9&-]+)*"
    r"(?:[ ][A-Z][A-Za-z0-9&-]*(?:\.[A-Za-z0-9&-]+)*){0,3}"
    # a full stop ends the sentence, but for a legal form's (`Acme Inc.`)
    r"(?:(?<=Inc)\.|(?<=Ltd)\.|(?<=Co)\.|(?<=Corp)\.)?)(?=[\s,.;:)]|$)"
)
# `Brimstack's VP`: the organisation that owns a role, before it.
_OWNER_OF_ROLE = re.compile(r"(?P<owner>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})['’]s\s(?=\S)")
# Words that end a job title or role in parentheses after a name, not an organisation.
_ROLE_WORDS = word_set(
    "Chair Co-chair Lead Leads CTO CEO COO CIO VP Founder Maintainer Maintainers Engineer "
    "Architect Developer Manager Director Moderator Host Speaker Keynote Emeritus Retired"
)


def add_affiliations(draft: Draft, gazetteer: Gazetteer) -> None:
    """`affiliation` and `jobTitle` facts for each person mention next to an organisation."""
    _organisations_beside_people(draft, gazetteer)
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


COLLEAGUE = r"colleagues?|teammates?|team-mates?|co-?workers?"
# Between a person and their colleague: `Maren Koch and her colleague Jonas Brandt`, `마렌
# 코흐(Maren Koch)와 동료 요나스 브란트`.
_AND_COLLEAGUE = re.compile(
    rf"^(?:\s?\([^()]{{1,40}}\))?(?:,?\sand\s(?:his|her|their)\s(?:{COLLEAGUE})\s"
    rf"|['’]s\s(?:{COLLEAGUE})\s"  # `Tomasz's colleague Marta`
    r"|\s?(?:님|씨)?(?:와|과)\s(?:같은\s팀\s)?동료(?:인)?\s)$"
)


def _colleagues_of_people(draft: Draft) -> None:
    """A person's colleague, named right after them, works where they work (one place)."""
    text = draft.article.text
    people = sorted((s for s in draft.spans if s.type == EntityType.PERSON), key=lambda s: s.start)
    for first, second in itertools.pairwise(people):
        if second.start - first.end > 60 or first.key == second.key:
            continue
        if not _AND_COLLEAGUE.match(text[first.end : second.start]):
            continue
        employer = sole_employer(draft, first.key)
        if employer is not None:
            draft.fact(second.key, "affiliation", employer, passage_id=second.passage_id)


def sole_employer(draft: Draft, person: str) -> str | None:
    """The one organisation the document says `person` works at, if it says exactly one."""
    employers = {f.value for f in draft.facts_of(person, "affiliation")}
    return employers.pop() if len(employers) == 1 else None


def _organisations_beside_people(draft: Draft, gazetteer: Gazetteer) -> None:
    """Where prose puts a person's organisation, an unknown name is one: `Jane Doe (Acme)`,
    `가나다 소속 김민수`, `가나다에서 온 김민수`, `김민수는 Acme에서 근무한다`."""
    text = draft.article.text
    for person in [s for s in draft.spans if s.type == EntityType.PERSON]:
        after = _PARENS.match(text, person.end)
        org = _org_in_parentheses(after.group("inside")) if after else None
        if after and org is not None:
            _organisation_at(draft, gazetteer, org[0], after.start("inside") + org[1])
        role_at = _EN_ROLE_AT.match(text, person.end)
        if (
            role_at
            and role_at["preposition"] == "of"
            and (not _heads_a_company(role_at["role"]) or _ROLE_GOES_ON.match(text, role_at.end()))
        ):
            # `author of Kubernetes Patterns`: of a book; `VP of Engineering at Acme`: of a unit
            role_at = None
        role_owner = (
            _OWNER_OF_ROLE.match(role_at["role"])
            if role_at is not None and role_at["preposition"] == "of"
            else None
        )
        if role_at is not None and role_owner is not None:
            # `Amara Nwosu, Brimstack's VP of Engineering`: the owner holds the role
            held_at = employer_at(draft, gazetteer, role_owner["owner"], role_at.start("role"))
            if held_at is not None:
                draft.fact(person.key, "affiliation", held_at.key, passage_id=person.passage_id)
            role_at = None
        # `Tollgate's co-creator and a principal engineer at Kumo`: the last role's employer
        if role_at and is_role_phrase(role_at["role"].rsplit(" and ", 1)[-1] + " at"):
            held_at = employer_at(draft, gazetteer, role_at["org"], role_at.start("org"))
            # `Giorgi Doe, a CNCF Ambassador and SRE at Bank of Georgia`: the last role's
            # employer, with another organisation named between
            if held_at is not None and _a_role_held(role_at["role"]):
                draft.fact(person.key, "affiliation", held_at.key, passage_id=person.passage_id)
        for pattern in (
            _EN_FROM,
            _EN_WORKS_AT,
            _EN_DASHED,
            _EN_OF_THE_TEAM,
            _EN_LEADS_ITS_TEAM,
            _EN_ORGANISES,
        ):
            found = pattern.match(text, person.end)
            words = found["org"].split() if found and found["org"] else []
            if found is None or not words or words[0] in FUNCTION_WORDS:
                continue
            if words[-1] in _ROLE_WORDS:
                continue
            if pattern is _EN_DASHED and len(words) < 2:
                continue  # `Jane Doe - Welcome` in an agenda: one word after a dash may be a title
            _organisation_for(draft, gazetteer, found["org"], found.start("org"))
        runs = _EN_ORGANISES.match(text, person.end)
        if runs is not None and runs["group"]:
            run_group = employer_at(draft, gazetteer, runs["group"], runs.start("group"))
            if run_group is not None:
                draft.fact(person.key, "affiliation", run_group.key, passage_id=person.passage_id)
        for pattern in (_EN_ROLE_THEN_ORG, _EN_ROLE_AT_SIGN):
            role_then_org = pattern.match(text, person.end)
            if role_then_org and _a_role(role_then_org["role"]):
                start = role_then_org.start("org")
                _organisation_for(draft, gazetteer, role_then_org["org"], start)
        is_role_at = _KO_IS_ROLE_AT.match(text, person.end) or _ko_role_of(
            draft, gazetteer, person.end
        )
        if is_role_at:
            held_at = employer_at(draft, gazetteer, is_role_at["org"], is_role_at.start("org"))
            if held_at is not None:
                draft.fact(person.key, "affiliation", held_at.key, passage_id=person.passage_id)
        works_at = _KO_WORKS_AT.match(text, person.end)
        if works_at:
            _organisation_at(draft, gazetteer, works_at.group("org"), works_at.start("org"))
        _organisation_before_role(draft, gazetteer, person)
        _colleague_at(draft, gazetteer, person)
        before = _KO_ORG_BEFORE.search(text[max(0, person.start - 40) : person.start])
        if before:
            group = next(g for g in ("org", "employer", "company") if before.group(g))
            start = person.start - (before.end() - before.start(group))
            name = before.group(group)
            owner = _owner_of_unit(draft, gazetteer, name, start)
            if group == "employer":
                # a name already read as an organisation, or one the gazetteer knows (not
                # `회사에서 일하는`)
                workplace = draft.mentioned_at(start)
                if workplace is None and known_entry(gazetteer, name) is not None:
                    workplace = employer_at(draft, gazetteer, name, start)
                if workplace is not None and workplace.type == EntityType.ORGANIZATION:
                    draft.fact(
                        person.key, "affiliation", workplace.key, passage_id=person.passage_id
                    )
            elif owner is not None:
                draft.fact(person.key, "affiliation", owner, passage_id=person.passage_id)
            else:
                _organisation_at(draft, gazetteer, name, start)


# A unit of an organisation, or its branch: `인프라팀`, `한국지사`.
_KO_UNIT_WORD = re.compile(r"[가-힣A-Za-z]*(?:팀|실|본부|센터|랩|파트|셀|그룹|지사|법인|지점)")
_WORDS_BEFORE_A_UNIT = 3


def _owner_of_unit(draft: Draft, gazetteer: Gazetteer, unit: str, start: int) -> str | None:
    """`SK텔레콤 클라우드 인프라팀 소속`, `레드햇 한국지사 소속`: the organisation a few words
    before a unit, known to the document or the gazetteer, is the person's."""
    if not _KO_UNIT_WORD.fullmatch(unit):
        return None
    text = draft.article.text
    words = list(re.finditer(r"\S+", text[max(0, start - 40) : start]))[-_WORDS_BEFORE_A_UNIT:]
    for word in reversed(words):
        at = max(0, start - 40) + word.start()
        spans = draft.spans_in(at, at + len(word.group()), EntityType.ORGANIZATION)
        if spans and spans[0].start == at:
            return spans[0].key
        entry = known_entry(gazetteer, word.group())
        if entry is not None and entry.kind == EntityType.ORGANIZATION.value:
            org = employer_at(draft, gazetteer, word.group(), at)
            return org.key if org is not None else None
    return None


# `my Allegro teammate Tomasz Wrona`, `our Adyen colleague Pieter de Vries`: a person of the
# organisation the writer shares with them.
_COLLEAGUE_BEFORE = re.compile(
    r"\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s(?P<org>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})"
    rf"\s(?:{COLLEAGUE}|manager|boss)\s$"
)


def _colleague_at(draft: Draft, gazetteer: Gazetteer, person: Span) -> None:
    text = draft.article.text
    before = _COLLEAGUE_BEFORE.search(text, max(0, person.start - 60), person.start)
    if before is None or before["org"].split()[0] in FUNCTION_WORDS:
        return
    org = employer_at(draft, gazetteer, before["org"], before.start("org"))
    if org is not None:
        draft.fact(person.key, "affiliation", org.key, passage_id=person.passage_id)


def _a_role(words: str) -> bool:
    """`Staff SRE`, `Principal Engineer`, `Head of Platform`: a role by its last or first word."""
    split = words.lower().split()
    return split[-1] in ROLE_HEADS or (
        len(split) > 2 and split[0] in ROLE_HEADS and split[1] == "of"
    )


def _organisation_before_role(draft: Draft, gazetteer: Gazetteer, person: Span) -> None:
    text = draft.article.text
    window = max(0, person.start - 60)
    before = _EN_ORG_ROLE_BEFORE.search(text, window, person.start)
    if before is None or not _role_between(text[before.end("org") : person.start]):
        return
    org, start = before["org"], before.start("org")
    at_start = not text[:start].rstrip(" ") or text[:start].rstrip(" ")[-1] in ".!?:\n"
    if org.split()[0] in FUNCTION_WORDS or (at_start and not before["possessive"]):
        return
    _organisation_at(draft, gazetteer, org, start)


_ROLE_AT_IN_BRACKETS = re.compile(
    r"(?:[\w/&-]+\s){0,4}?[\w/&-]+\s(?:at|@)\s(?P<org>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})"
)


def _org_in_parentheses(inside: str) -> tuple[str, int] | None:
    """The organisation in `(Acme)`, `(Acme, Software Engineer)` or `(Software Engineer,
    Acme)`, with its offset; None when the parentheses hold a job title alone or no name."""
    role_at = _ROLE_AT_IN_BRACKETS.fullmatch(inside)
    if role_at is not None:
        return role_at["org"], role_at.start("org")  # `(SRE at Zendesk)`
    parts = inside.split(", ")
    if len(parts) > 2:
        return None
    words = inside.split()
    if len(parts) == 1 and len(words) >= 2 and words[-1] in KO_PERSON_MARKERS:
        # `(가나 운영진)`: its organiser; `(루프탑랩스 백엔드 개발자)`: the words of the title go
        org = without_title(inside)
        return None if names_no_employer(org) else (org, 0)
    for i, part in enumerate(parts):
        others = parts[:i] + parts[i + 1 :]
        if _ORG_TEXT.fullmatch(part) is None or part.split()[-1] in _ROLE_WORDS:
            continue
        if names_no_employer(part):
            return None
        if all(o.split() and o.split()[-1].lower() in ROLE_HEADS for o in others):
            return part, inside.index(part)
    return None


def _ko_role_of(draft: Draft, gazetteer: Gazetteer, at: int) -> re.Match[str] | None:
    """`씨는 베트남 스타트업 비엣클라우드(VietCloud)의 CTO로`: a Latin name, a Hangul one spelt in
    Latin letters beside it, or a known organisation (not `인도의 개발자로`, a country)."""
    found = _KO_IS_ROLE_OF.match(draft.article.text, at)
    if found is None or not has_hangul(found["org"]):
        return found
    glossed = draft.article.text.startswith("(", found.end("org"))
    entry = known_entry(gazetteer, found["org"])
    known = entry is not None and entry.kind == EntityType.ORGANIZATION.value
    return found if known or (glossed and gazetteer.lookup(found["org"]) is None) else None


def _organisation_at(draft: Draft, gazetteer: Gazetteer, name: str, start: int) -> None:
    end = start + len(name)
    inside = draft.spans_over(start, end)
    if inside and all(
        s.type == EntityType.TOPIC
        and start <= s.start
        and s.end <= end
        and s.end - s.start < len(name)
        for s in inside
    ):
        for topic in inside:  # `co-founded Cloud Native Izmir`: a topic inside the name
            draft.unmention(topic)
            draft.discard(topic.key)
    elif inside:
        return
    company = company_of_short_form(draft, gazetteer, name)  # `Brightwater` of `... Logistics`
    if company is not None:
        draft.mention(company, start, end)
    else:
        add_named(draft, gazetteer, EntityType.ORGANIZATION, name, start, end)


def employer_at(draft: Draft, gazetteer: Gazetteer, name: str, start: int) -> Span | None:
    """The organisation mention at `start`, made if new; None where something else is there."""
    _organisation_at(draft, gazetteer, name, start)
    found = draft.mentioned_at(start)
    return found if found is not None and found.type == EntityType.ORGANIZATION else None


_PLACE_WORDS = word_set(
    "City County State Province Prefecture Region Area Bay Metro District Island Islands Valley"
)


def _organisation_for(draft: Draft, gazetteer: Gazetteer, name: str, start: int) -> None:
    """An organisation where prose puts a person's employer; a name read as software there
    that the gazetteer does not know is the organisation (`Mei Chen from Globex`)."""
    end = start + len(name)
    take_back_a_guess(draft, gazetteer, start, end, frozenset({EntityType.PROJECT}))
    # `Wei Zhang from Hangzhou Cloud Shield`: a place opening a longer name is part of it
    # (not `New York City`, `the Bay Area`: a place with a word of places after it).
    places = draft.spans_over(start, end)
    rest = draft.article.text[places[-1].end : end].split() if places else []
    if (
        places
        and all(p.type == EntityType.PLACE and p.end < end for p in places)
        and not all(w in _PLACE_WORDS for w in rest)
    ):
        for place in places:
            draft.unmention(place)
            draft.discard(place.key)
    _organisation_at(draft, gazetteer, name, start)


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
        if match is None and (_EN_GAP_BEFORE.match(gap) or _role_between(gap)):
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
        if _EN_GAP_AFTER.match(gap) or _role_gap(gap) or _possessive_role(text, gap, after):
            draft.fact(person.key, "affiliation", after.key, passage_id=person.passage_id)
    elif after is not None and _JOINED_PEOPLE.match(text[person.end : after.start]):
        _shared_organisation(draft, spans, i)


# `... at Google and Microsoft respectively`: two organisations, one for each of two people
# (paired where the moves are read).
AND_RESPECTIVELY = re.compile(
    r"\s(?:and|&)\s(?:the\s)?(?P<second>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}),?\srespectively\b"
)
_ROLE_GOES_ON = re.compile(r"\s(?:at|with|@|in|for)\s")
# Roles that head a company: `co-founder and CEO of Quillstack`.
_EXECUTIVES = word_set(
    "ceo cto coo cfo cio ciso cmo cpo vp svp evp president founder co-founder cofounder chair "
    "chairman chairwoman owner"
)


# `principal engineer on the developer experience group`: a role in a unit of the employer.
_ROLE_IN_A_UNIT = re.compile(
    r"(?P<role>.+?)\s(?:on|in|of|with)\s(?:the\s|a\s|its\s)?(?:[\w-]+\s){0,3}"
    r"(?:team|group|unit|division|squad|department|org)"
)


def _a_role_held(role: str) -> bool:
    """`SRE lead`, `principal engineer on the developer experience group`: a role (in a unit)."""
    in_a_unit = _ROLE_IN_A_UNIT.fullmatch(role)
    if in_a_unit is not None:
        role = in_a_unit["role"]
    return role.split()[-1].lower() in ROLE_HEADS


def _heads_a_company(role: str) -> bool:
    """`co-founder and CEO of Acme`, `a co-organiser of Cloud Native Hamburg`: a role held of
    an organisation or a group."""
    return role.split()[-1].lower() in _EXECUTIVES | _ORGANISERS


_ORGANISERS = word_set("organiser organizer co-organiser co-organizer")


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
    if "who" in gap:
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
    if _SHARED_FROM.match(text[run[-1].end : spans[after].start]):
        person = spans[i]
        draft.fact(person.key, "affiliation", spans[after].key, passage_id=person.passage_id)


def _role_gap(gap: str) -> bool:
    """A role between a person and an organisation: between commas, after `as`, or two roles
    joined by `and`; the role must end in a job word (`as part of the` is none)."""
    between = _EN_ROLE_COMMAS.match(gap)
    roles = (between, _EN_AS_ROLE.match(gap), _EN_ROLES_AND.match(gap))
    if any(m is not None and m["head"].lower() in ROLE_HEADS for m in roles):
        return True
    # `Oskar Lindqvist, Head of Platform, Ikano Bank`: a role by its first word
    return between is not None and _a_role(gap.strip(" ,"))


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


def _role_between(gap: str) -> bool:
    """`CNCF executive director Dan Kohn`: the words between an organisation and a person are
    a job title, lower-case or capitalised, ending in a role (`engineer`, `Fellow`)."""
    match = _EN_ROLE_BETWEEN.match(gap)
    if match is None or match["head"].lower() not in ROLE_HEADS:
        return False
    words = [w for w in match["role"].split() if w != "and"]
    # `engineer`, `co-founder and CEO`, `Senior Fellow`: one case, acronyms going with either
    return all(w.islower() or w.isupper() for w in words) or all(w[0].isupper() for w in words)


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
