"""Where prose puts a person's employer, the name there is an organisation, and the person works
there: `Jane Doe (Acme)`, `Mei Chen from Globex`, `Carlos Mendes, who leads the SRE team at
Hooli`, `Jane Doe, a staff engineer at Acme`, `Amara Nwosu, Brimvale's VP of Engineering`,
`가나다 소속 김민수`, `가나다에서 온 김민수`, `김민수는 Acme에서 근무한다`, `씨는 X(Latin)의 CTO로`.
Also the organisation a person runs (`who organises the X meetup`) and a colleague's place.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_bylines import (
    TOPIC_OPENING,
    a_title_alone,
    is_title,
    without_title,
)
from forumgraph.ingest.extract_coref import company_of_short_form
from forumgraph.ingest.extract_named import add_named, known_entry, take_back_a_guess
from forumgraph.ingest.extract_org_context import COMPANY_KINDS
from forumgraph.ingest.extract_orgs_by_kind import GROUP_KINDS, organisation_of_its_kind
from forumgraph.ingest.extract_people import (
    COMPANY_WORDS,
    HANDLE_IN_BRACKETS,
    ROLE_HEAD_PATTERN,
    ROLE_HEADS,
    title_words_only,
)
from forumgraph.ingest.extract_people_cues import (
    KO_ROLE_HEADS,
    a_function,
    an_award,
    an_unknown_function,
    is_role_phrase,
    names_no_employer,
)
from forumgraph.ingest.extract_people_ko import KO_PERSON_MARKERS
from forumgraph.ingest.extract_records import Draft, Span
from forumgraph.ingest.extract_text import FUNCTION_WORDS, word_set
from forumgraph.ingest.gazetteer import PLACE_KINDS, Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.hangul import has_hangul

# Pronouns in brackets after a name (`Elena Petrova (she/her) from Fjordbank`).
PRONOUNS = r"(?:\s?\((?:she|he|they|ze|xe)/\w+\))?"


# (no object of a verb: `, who designed it with help from the CNCF design team`)
TITLE_WORDS = r"(?:(?!and\s|or\s|but\s|it\s)[\w/&.-]+\s){0,6}?"


WHO_VERBS = r"(?:leads|led|heads|headed|runs|ran|manages|managed|works|worked|is|was)"


# Where an unknown name after a person is an organisation: `Mei Chen from Globex`, `Carlos
# Mendes, who leads the SRE team at Hooli`, `Lena ... worked at Contoso`.
ORG_NAME = (
    # `Lagos-based Crestway Bank`, `Norwegian broadcaster NRK`: where it is, what it is
    r"(?:[A-Z][\w]*-based\s(?:(?:[\w-]+\s)?(?:" + COMPANY_KINDS + r")\s)?"
    r"|[A-Z][a-z]+(?:an|ese|ish|ic|ch|i)\s(?:[\w-]+\s)?(?:" + COMPANY_KINDS + r")\s"
    # `a Lagos fintech called Ayoledger`
    r"|an?\s(?:[\w-]+\s){0,2}?(?:" + COMPANY_KINDS + r")\s(?:called|named)\s)?"
    # `Politecnico di Milano`, `Universidad de Chile`: a particle between capitalised words
    # (with the accented letters of European names: `Brückner Logistik`, `Çelik Yazılım`)
    r"(?P<org>(?:[A-ZÀ-ÖØ-Þ]|[a-z](?=[A-Z][a-z]))[A-Za-zÀ-ÖØ-öø-ɏ0-9&-]*"  # `Acme`, `iFood`
    # `Warsaw University of Technology`, `Bank of America`: `of` after an institution's word
    r"(?:[ ](?:(?:di|de|del|della|da|do|der|van|von"
    r"|(?:(?<=University)|(?<=Institute)|(?<=School)|(?<=College)|(?<=Academy)|(?<=Bank))"
    r"[ ]of"
    # `Hanoi University of Science and Technology`
    r"|(?:(?<=Science)|(?<=Sciences)|(?<=Arts)|(?<=Engineering))[ ]and)[ ])?"
    r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ0-9&-]*){0,3}"
    r"(?:(?<=Inc)\.|(?<=Ltd)\.|(?<=Co)\.|(?<=Corp)\.)?)(?=[\s,.;:)]|['’]s\s|$)"
)


_EN_FROM = re.compile(PRONOUNS + r"\s(?:from|at|of)\s" + ORG_NAME)


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


# `Sakura Yamamoto, a senior SRE on Halden's checkout team`, `Rohan Iyer is a research associate
# on Meridian's infrastructure team`: the organisation owns the team.
_EN_ROLE_ON_ITS_TEAM = re.compile(
    r"(?:,\s|\s(?:is|was)\s)(?:an?|the)\s(?:[\w-]+\s){0,4}?(?:on|in)\s(?:the\s)?"
    r"(?P<org>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})['’]s\s(?:[\w-]+\s){0,3}"
    r"(?:team|group|unit|division)\b"
)


# `Hannah Becker, who organises the Platform Engineering Berlin meetup`, `who also runs the
# Porto Kubernetes meetup`: a group the person runs.
# `Hiroshi Sato, who splits his time between Preferred Networks and WG Serving`.
_SPLITS_TIME = re.compile(
    r",\swho\s(?:splits|divides)\s(?:his|her|their)\s(?:time|week)\sbetween\s"
    + ORG_NAME
    + r"\sand\s"
    + ORG_NAME.replace("(?P<org>", "(?P<second>")
)
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
    + WHO_VERBS
    + r"(?:\s[^,.;()]{0,40}?)?"
    # `Joana has co-organised since 2023 and runs the platform team at Vinhedo Pay`: a clause
    # of the same subject before
    + r"|(?:\s(?:has\s|had\s|also\s)?[a-z][a-z-]+(?:\s[\w-]+){0,4}?\sand)?"
    + r"(?:\s(?:[a-z]+\s)?(?:works?|worked|working)"
    # `Rohan Mehta leads platform engineering at Kestrelbyte`
    + r"|\s(?:leads|heads|runs|manages)(?:\s[\w-]+){1,5}?))"
    r"\s(?:at|for)\s(?:the\s)?" + ORG_NAME
)


# `Anjali is also a SIG Docs approver`, `Ben is a Datadog engineer`: a role the organisation
# named before it owns, after `is`.
_EN_IS_ITS_ROLE = re.compile(
    r"[*_]{0,2}\s(?:is|was)\s(?:also\s|now\s)?(?:an?|the)\s"
    r"(?P<org>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})\s(?:[a-z-]+\s){0,2}"
    rf"(?:{ROLE_HEAD_PATTERN})s?\b"
)


# `(Acme)`, `(Acme, Software Engineer)`, `(Software Engineer, Acme)`
# `(Acme)` after a name, also after a Korean honorific (`송예린 님(무신사)`)
_PARENS = re.compile(r"\s?(?:(?:님|씨)\s?)?\((?P<inside>[^()]{1,90})\)")


_KO_ORG_BEFORE = re.compile(
    # (`레드햇 한국지사 출신 강민혁`: where the person comes from)
    r"(?<![\w.&])(?P<org>[A-Za-z가-힣][\w.&]*)\s?(?:소속(?:의|인)?|에서 온|출신(?:의|인)?)\s$"
    # `당근 플랫폼팀에서 일하고 있는 이도현`: where the person works, a unit of it between
    # (`AWS 코리아에서`: a company's branch in a country)
    r"|(?<![\w.&])(?P<employer>[A-Za-z가-힣][\w.&]*)(?:\s(?:코리아|한국|Korea)(?=에서))?"
    r"(?:\s[가-힣A-Za-z]*(?:팀|실|본부|센터|랩|파트|셀))?"
    # `네이버에서 검색 인프라를 맡았던 한도윤`: the work done there between
    r"에서\s(?:[^\s,.]+\s){0,3}?(?:일하고\s있는|일하는|근무하는|근무하고\s있는|재직\s?중인|일했던"
    r"|근무했던|맡았던|맡고\s있는|담당했던|담당하는|이끌었던|이끄는|지낸|지냈던|총괄하는|총괄했던"
    r"|이끌던|맡던|담당하던|일하던|근무하던"
    r"|이끌고\s있는|개발하는"
    # in the honorific (`당근 SRE팀에서 일하시는 남궁현 님`)
    r"|일하시는|근무하시는|일하셨던|근무하셨던|일하시던|맡고\s계신|이끄시는)\s$"
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
# After `is`: a role with its article, or owned (`is Ferrybox's community manager and ...`).
_WHOSE_ROLE = r"(?:a|an|the)\s|[A-Z][\w-]*['’]s\s"


def _role_at(prepositions: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:{HANDLE_IN_BRACKETS})?[*_]{{0,2}}"
        rf"(?:,\s|\s(?:is|was|has\sbeen|had\sbeen|works\sas)\s(?={_WHOSE_ROLE}))"
        r"(?:(?:a|an|the)\s)?(?P<role>[A-Za-z'’-]+(?:\s[A-Za-z'’-]+){0,9}?)"
        rf"\s(?P<preposition>{prepositions})\s(?P<org>(?:[A-Z]|[a-z](?=[A-Z]))[A-Za-z0-9&-]*"
        r"(?:\.[A-Za-z0-9&-]+)*"
        r"(?:[ ][A-Z][A-Za-z0-9&-]*(?:\.[A-Za-z0-9&-]+)*){0,3}"
        # a full stop ends the sentence, but for a legal form's (`Acme Inc.`)
        r"(?:(?<=Inc)\.|(?<=Ltd)\.|(?<=Co)\.|(?<=Corp)\.)?)(?=[\s,.;:)]|$)"
    )


_EN_ROLE_AT = _role_at("at|with|of|in")
# A group a role is held in (`a reviewer in SIG Scheduling`), not a place or a field.
_A_GROUP = re.compile(r".*\b(?:SIG|WG|TAG)\b.*|.*\b(?:Group|Committee|Team|Council|Board)")
# `VP of Engineering at Brimstack`: the role's unit after `of`, its employer after `at`.
_EN_ROLE_OF_A_UNIT_AT = _role_at("at|with")


# `Brimstack's VP`: the organisation that owns a role, before it.
_OWNER_OF_ROLE = re.compile(r"(?P<owner>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})['’]s\s(?=\S)")


# `, now Pagalume's head of platform engineering`: an organisation's role, after a name.
# (after a comma or a verb of being: `Kenji Morimoto is Grafana Labs' new head of developer
# relations`; a name ending in `s` takes the apostrophe alone)
_OWNED_ROLE_AFTER = re.compile(
    r"[*_]{0,2}(?:,|\s(?:is|was|has\sbeen|becomes|became))\s"
    r"(?:(?:now|currently|formerly|then|also)\s)?"
    r"(?P<owner>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})(?:['’]s|(?<=s)['’])\s(?:new\s)?"
    r"(?:[\w-]+\s){0,3}?"
    rf"(?i:{ROLE_HEAD_PATTERN})\b"
)


# `Jane Doe, a Google engineer`, `Rui Sampaio, a CNCF Ambassador`, `Maya Chen and Arjun Patel,
# both UBC Computer Science students`, `herself a UBC alumna`: the organisation before a role.
_APPOSED_ORG_ROLE = re.compile(
    # (an article or `both` opens it: not `Cisco's Vijoy Pandey, IBM Fellow Jason McGee`)
    r"[*_]{0,2},\s(?:(?P<both>both|all)\s|(?:(?:herself|himself|themselves)\s)?(?:a|an|the)\s)"
    r"(?:former\s|longtime\s|long-time\s)?"
    r"(?P<owner>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,1}?)\s(?:[A-Za-z-]+\s){0,2}?"
    rf"(?i:{ROLE_HEAD_PATTERN}|alumn(?:a|us|i|ae)|majors?|graduates?)s?\b"
)
# Between the people of a list the words after the last one describe (`A and B, both …`).
_LIST_JOIN = re.compile(r",\s|,?\s(?:and|&)\s")


def _listed_before(draft: Draft, text: str, person: Span, said: re.Match[str]) -> list[str]:
    """The people listed before `person` when the words after it speak of all (`both`)."""
    if "both" not in said.groupdict() or not said["both"]:
        return []
    people = [s for s in draft.spans if s.type == EntityType.PERSON and s.end <= person.start]
    listed, end = [], person.start
    for other in reversed(people):
        if not _LIST_JOIN.fullmatch(text, other.end, end):
            break
        listed.append(other.key)
        end = other.start
    return listed


# `Quellwerk's Selin Aydın`: the owner before a person, in an organisation's place.
_OWNER_BEFORE = re.compile(r"(?P<owner>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})['’]s\s[*_]{0,2}$")


def _owner_before(draft: Draft, gazetteer: Gazetteer, person: Span) -> None:
    """An unknown name whose person this is (`Quellwerk's Selin Aydın`) is an organisation; not
    a person's (`Tomasz's colleague`) or a word opening a sentence (`Here's Jane Doe`)."""
    text = draft.article.text
    found = _OWNER_BEFORE.search(text, max(0, person.start - 40), person.start)
    if found is None:
        return
    owner, start = found["owner"], found.start("owner")
    first = owner.split()[0]
    if first in FUNCTION_WORDS or first in gazetteer.given_names or known_entry(gazetteer, owner):
        return
    if draft.spans_over(start, start + len(owner)):
        return  # read already, as an organisation or as something else
    _organisation_at(draft, gazetteer, owner, start)


# Words that end a job title or role in parentheses after a name, not an organisation.
_ROLE_WORDS = word_set(
    "Chair Co-chair Lead Leads CTO CEO COO CIO VP Founder Maintainer Maintainers Engineer "
    "Architect Developer Manager Director Moderator Host Speaker Keynote Emeritus Retired"
)


_HANDLE_IN_BRACKETS = re.compile(HANDLE_IN_BRACKETS)
COLLEAGUE = r"colleagues?|teammates?|team-mates?|co-?workers?"


def add_employers_beside_people(draft: Draft, gazetteer: Gazetteer) -> None:
    """Where prose puts a person's organisation, an unknown name is one: `Jane Doe (Acme)`,
    `가나다 소속 김민수`, `가나다에서 온 김민수`, `김민수는 Acme에서 근무한다`."""
    text = draft.article.text
    for person in [s for s in draft.spans if s.type == EntityType.PERSON]:
        after = _PARENS.match(text, person.end)
        org = _org_in_parentheses(after.group("inside")) if after else None
        if after and org is not None:
            at = after.start("inside") + org[1]
            if org[0] in GROUP_KINDS:  # `(학회 스터디장)`: the group of that kind the text names
                of_its_kind = organisation_of_its_kind(draft, org[0])
                if of_its_kind is not None and not draft.spans_over(at, at + len(org[0])):
                    draft.mention(of_its_kind.key, at, at + len(org[0]))
            else:
                _organisation_at(draft, gazetteer, org[0], at)
        _owner_before(draft, gazetteer, person)
        # `Karthik Murali (@kmurali), platform lead at Atlassian`: after the handle
        handle = _HANDLE_IN_BRACKETS.match(text, person.end)
        name_end = handle.end() if handle else person.end
        owned_role = _OWNED_ROLE_AFTER.match(text, name_end) or _APPOSED_ORG_ROLE.match(
            text, person.end
        )
        if owned_role is not None and title_words_only(owned_role["owner"]):
            owned_role = None  # `Ann Lee, a Staff Engineer at Acme`: a title, read below
        if (
            owned_role is not None
            and owned_role.re is _OWNED_ROLE_AFTER
            and not owned_role.group().lstrip("*_").startswith(",")
            and not _an_organisation_at(draft, gazetteer, owned_role)
        ):
            owned_role = None  # `Dorota is Ferrybox's community manager`: maybe a project's
        if owned_role is not None:  # `Juliana Prado, now Pagalume's head of platform engineering`
            held_at = employer_at(draft, gazetteer, owned_role["owner"], owned_role.start("owner"))
            if held_at is not None:
                draft.fact(person.key, "affiliation", held_at.key, passage_id=person.passage_id)
                for other in _listed_before(draft, text, person, owned_role):
                    draft.fact(other, "affiliation", held_at.key, passage_id=person.passage_id)
        role_at = _EN_ROLE_AT.match(text, name_end)
        if role_at and role_at["preposition"] == "in" and not _A_GROUP.fullmatch(role_at["org"]):
            role_at = None  # `an engineer in Berlin`: where, not whom with
        if (
            role_at
            and role_at["preposition"] == "of"
            and not _A_GROUP.fullmatch(role_at["org"])  # `co-chair of SIG Contributor Experience`
            and (
                not _heads_a_company(role_at["role"])
                or _ROLE_GOES_ON.match(text, role_at.end())
                or a_function(role_at["org"])
            )
        ):
            # `author of Kubernetes Patterns`: of a book; `VP of Engineering at Acme`, `VP of
            # Product`: of a unit
            role_at = _EN_ROLE_OF_A_UNIT_AT.match(text, name_end)
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
            if held_at is None and role_at["preposition"] in ("in", "of"):
                held_at = _group_ending(draft, role_at["org"], role_at.start("org"))
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
            _EN_ROLE_ON_ITS_TEAM,
            _EN_ORGANISES,
        ):
            found = pattern.match(text, name_end)
            words = found["org"].split() if found and found["org"] else []
            if found is None or not words or words[0] in FUNCTION_WORDS:
                continue
            if words[-1] in _ROLE_WORDS or a_role(found["org"]):
                continue
            if title_words_only(found["org"]):
                continue  # `Jane Doe — Senior Backend Engineer`: words of a title
            if an_unknown_function(found["org"], gazetteer):
                continue  # `of the Customer Engineering team`: a function inside a company
            if an_award(found["org"]) and known_entry(gazetteer, found["org"]) is None:
                continue  # `Rasmus Holm — Rising Star`: the award the person won
            if pattern is _EN_DASHED and len(words) < 2:
                continue  # `Jane Doe - Welcome` in an agenda: one word after a dash may be a title
            _organisation_for(draft, gazetteer, found["org"], found.start("org"))
            held_at = draft.mentioned_at(found.start("org"))
            if pattern is _EN_WORKS_AT and held_at and held_at.type == EntityType.ORGANIZATION:
                # (the words between may be long: `who runs the platform team at a Lagos
                # fintech called Ayoledger`)
                draft.fact(person.key, "affiliation", held_at.key, passage_id=person.passage_id)
        split = _SPLITS_TIME.match(text, name_end)
        between = [(split[g], split.start(g)) for g in ("org", "second")] if split else []
        for name, at in between:
            held_at = employer_at(draft, gazetteer, name, at)
            if held_at is not None:
                draft.fact(person.key, "affiliation", held_at.key, passage_id=person.passage_id)
        runs = _EN_ORGANISES.match(text, name_end)
        if runs is not None and runs["group"]:
            run_group = employer_at(draft, gazetteer, runs["group"], runs.start("group"))
            if run_group is not None:
                draft.fact(person.key, "affiliation", run_group.key, passage_id=person.passage_id)
        for pattern in (_EN_ROLE_THEN_ORG, _EN_ROLE_AT_SIGN):
            role_then_org = pattern.match(text, name_end)
            if role_then_org and a_role(role_then_org["role"]):
                start = role_then_org.start("org")
                _organisation_for(draft, gazetteer, role_then_org["org"], start)
        is_role_at = _KO_IS_ROLE_AT.match(text, name_end) or _ko_role_of(
            draft, gazetteer, person.end
        )
        if is_role_at:
            held_at = employer_at(draft, gazetteer, is_role_at["org"], is_role_at.start("org"))
            if held_at is not None:
                draft.fact(person.key, "affiliation", held_at.key, passage_id=person.passage_id)
        group_role = _EN_IS_ITS_ROLE.match(text, name_end)
        if group_role is not None and not title_words_only(group_role["org"]):
            # `Anjali is also a SIG Docs approver`, not `is a Senior engineer`
            held_at = employer_at(draft, gazetteer, group_role["org"], group_role.start("org"))
            if held_at is not None:
                draft.fact(person.key, "affiliation", held_at.key, passage_id=person.passage_id)
        works_at = _KO_WORKS_AT.match(text, name_end)
        if works_at:
            _organisation_at(draft, gazetteer, works_at.group("org"), works_at.start("org"))
        _organisation_before_role(draft, gazetteer, person)
        _colleague_at(draft, gazetteer, person)
        before = _KO_ORG_BEFORE.search(text[max(0, person.start - 40) : person.start])
        if before:
            group = next(g for g in ("org", "employer", "company") if before.group(g))
            start = person.start - (before.end() - before.start(group))
            name = before.group(group)
            if is_title(name):
                continue  # `솔루션즈 아키텍트 출신인 정 책임`: a title, not where the person was
            if _KO_OFFICE.fullmatch(name):
                continue  # `서울 오피스에서 온 권나래 님`: whose office the text leaves unsaid
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


# An office or a branch, named alone: `오피스`, `본사`.
_KO_OFFICE = re.compile(r"오피스|본사|사무소|사무실|지사|지점|캠퍼스")
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


# `My manager at Mercado Libre, Camila Rojas, …`: a person of the organisation named before.
_COLLEAGUE_AT_BEFORE = re.compile(
    r"\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s(?:former\s|old\s|then\s)?"
    rf"(?:{COLLEAGUE}|manager|boss|mentor|team\slead|lead)\s(?:at|from)\s(?:the\s)?"
    r"(?P<org>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2}),\s$"
)


def _colleague_at(draft: Draft, gazetteer: Gazetteer, person: Span) -> None:
    text = draft.article.text
    before = _COLLEAGUE_BEFORE.search(
        text, max(0, person.start - 60), person.start
    ) or _COLLEAGUE_AT_BEFORE.search(text, max(0, person.start - 60), person.start)
    if before is None or before["org"].split()[0] in FUNCTION_WORDS:
        return
    org = employer_at(draft, gazetteer, before["org"], before.start("org"))
    if org is not None:
        draft.fact(person.key, "affiliation", org.key, passage_id=person.passage_id)


def a_role(words: str) -> bool:
    """`Staff SRE`, `Principal Engineer`, `Head of Platform`: a role by its last or first word."""
    split = words.lower().split()
    return split[-1] in ROLE_HEADS or (
        len(split) > 2 and split[0] in ROLE_HEADS and split[1] == "of"
    )


def _organisation_before_role(draft: Draft, gazetteer: Gazetteer, person: Span) -> None:
    text = draft.article.text
    window = max(0, person.start - 60)
    before = _EN_ORG_ROLE_BEFORE.search(text, window, person.start)
    if before is None or not role_between(text[before.end("org") : person.start]):
        return
    if "\n" in text[before.start("org") : person.start]:
        return  # `Software Engineer` closing the line above the name
    org, start = before["org"], before.start("org")
    at_start = not text[:start].rstrip(" ") or text[:start].rstrip(" ")[-1] in ".!?:\n"
    if org.split()[0] in FUNCTION_WORDS or (at_start and not before["possessive"]):
        return
    if org.split()[0] in _TITLE_OPENINGS:
        return  # `Chief Revenue Officer Grant Whitfield`: the opening of a title
    _organisation_at(draft, gazetteer, org, start)


# Words that open a title (`Chief Revenue Officer`, `Senior Staff Engineer`), never a name.
_TITLE_OPENINGS = word_set(
    "Chief Senior Junior Head Vice Executive Principal Staff Deputy Assistant Associate Managing"
)


_ROLE_AT_IN_BRACKETS = re.compile(
    r"(?:[\w/&-]+\s){0,4}?[\w/&-]+\s(?:at|@)\s(?P<org>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})"
)


def _org_in_parentheses(inside: str) -> tuple[str, int] | None:
    """The organisation in `(Acme)`, `(Acme, Software Engineer)` or `(Software Engineer,
    Acme)`, with its offset; None when the parentheses hold a job title alone or no name."""
    if is_title(inside) or a_title_alone(inside):
        return None  # `(SRE)`, `(주니어 엔지니어)`: a title alone
    role_at = _ROLE_AT_IN_BRACKETS.fullmatch(inside)
    if role_at is not None:
        return role_at["org"], role_at.start("org")  # `(SRE at Zendesk)`
    topic = TOPIC_OPENING.match(inside)
    if topic is not None:  # `(본업은 NHN클라우드 SRE)`: what the word is, then the organisation
        found = _org_in_parentheses(inside[topic.end() :])
        return None if found is None else (found[0], found[1] + topic.end())
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


def _an_organisation_at(draft: Draft, gazetteer: Gazetteer, owned: re.Match[str]) -> bool:
    """Whether the owner of a role is a known organisation or a company by its last word (the
    recogniser's guess alone may be a project's name)."""
    entry = known_entry(gazetteer, owned["owner"])
    if entry is not None:
        return entry.kind == EntityType.ORGANIZATION.value
    return owned["owner"].split()[-1] in COMPANY_WORDS


def _organisation_at(draft: Draft, gazetteer: Gazetteer, name: str, start: int) -> None:
    end = start + len(name)
    place = gazetteer.lookup(name)
    if place is not None and place.kind in PLACE_KINDS:
        return  # `일본에서 온 야마다 리나`: where the person came from, no employer
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


def _group_ending(draft: Draft, name: str, start: int) -> Span | None:
    """The group a name ends with, named after a project (`Kubernetes SIG Auth`)."""
    end = start + len(name)
    ending = [s for s in draft.spans_over(start, end) if s.end == end and s.start > start]
    return ending[0] if ending and ending[0].type == EntityType.ORGANIZATION else None


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
    return a_role(role)


def _heads_a_company(role: str) -> bool:
    """`co-founder and CEO of Acme`, `a co-organiser of Cloud Native Hamburg`: a role held of
    an organisation or a group."""
    return role.split()[-1].lower() in _EXECUTIVES | _ORGANISERS


_ORGANISERS = word_set("organiser organizer co-organiser co-organizer")
# `CNCF executive director Dan Kohn`, `Spotify engineer David Xia`: a role between them.
_EN_ROLE_BETWEEN = re.compile(
    r"^(?:'s|’s|['’])?\s(?P<role>(?:[A-Za-z-]+\s){0,3}(?P<head>[A-Za-z-]+)),?\s$"
)


# `Spotify engineer David Xia`, `Brisko's CTO, Ama Mensah`: an unknown organisation before a
# role and the name (with a possessive, or inside a sentence: `Senior engineer Ann` opens one).
_EN_ORG_ROLE_BEFORE = re.compile(
    r"(?<![\w&.-])(?P<org>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})"
    r"(?P<possessive>['’]s|(?<=s)['’])?\s(?:[A-Za-z-]+\s){0,3}[A-Za-z-]+,?\s$"
)


_ORG_TEXT = re.compile(r"[A-Z][A-Za-z0-9&.'’ -]{0,40}[A-Za-z0-9.]")


def role_between(gap: str) -> bool:
    """`CNCF executive director Dan Kohn`: the words between an organisation and a person are
    a job title, lower-case or capitalised, ending in a role (`engineer`, `Fellow`)."""
    match = _EN_ROLE_BETWEEN.match(gap)
    if match is None or not a_role(match["role"]):  # `engineer`, `VP of engineering`
        return False
    words = [w for w in match["role"].split() if w != "and"]
    # `engineer`, `co-founder and CEO`, `Senior Fellow`: one case, acronyms going with either
    return all(w.islower() or w.isupper() for w in words) or all(w[0].isupper() for w in words)
