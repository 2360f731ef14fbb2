"""Affiliations stated by membership or by a role, across a sentence rather than beside the name.

- Korean: `김민수는 SIG Foo 및 가나 팀에 활발히 참여했다`, `김민수는 가나다에서 운영을 맡고 있다`.
- A team's role before a name: `the release lead Jane Doe`, `릴리스 리드 Jane Doe` is a member of
  the document's `... Release Team` / `... 릴리스 팀`.
- A list of people after their organisation: `가나다의 김민수, 이영희`, `Acme's Jane Doe and
  John Roe`: the organisation is every listed person's.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_records import Draft, Span
from forumgraph.models import EntityType

_KO_TOPIC = re.compile(r"^(?:은|는|이|가)\s(?:현재\s|지금\s|당시\s)?$")
_KO_LIST_SEP = re.compile(r"^\s?(?:및|,|와|과|와\s|과\s)\s?$")
_KO_JOINED = re.compile(
    r"^(?:에서?|의)\s(?:[^\s.,]+\s){0,2}?(?:활발히\s|적극적으로\s)?"
    r"(?:참여|참가|소속|합류|몸담|근무|재직|활동|일하|일했)"
)
_KO_ROLE_AT = re.compile(r"^에서\s[^.]{0,40}?(?:역할|업무|일)[을를]\s(?:맡|담당)")
_TEAM_ROLE = re.compile(
    r"(?<![A-Za-z가-힣])(?<!SIG\s)(?<!WG\s)(?<!TAG\s)"  # `the SIG Release leads`: the SIG's
    r"(?P<team>[A-Za-z]+|[가-힣]+)\s(?:team\s|팀\s)?(?:lead|leads|shadow|member|리드|리더|멤버)"
    r",?\s$",
    re.IGNORECASE,
)
# `Jane Doe, a member of the release team`, `Jane Doe on the docs team`
_ON_TEAM = re.compile(
    r"^,?\s(?:(?:a|an|the)\s)?(?:(?:member|lead|part|shadow)\s)?(?:of|on)\s(?:the|our)\s"
    r"(?P<team>[A-Za-z]+)\s[Tt]eam\b"
)
# Between two listed people: a Korean title of the first (`팀장`), then a comma or a conjunction.
_PERSON_LIST_SEP = re.compile(r"^\s?(?:[가-힣]{1,4}\s?)?(?:,|및|와|과|and|&)\s?(?:and\s)?$")


# `the SIG Release leads, Jane Doe and John Roe`, `SIG Foo chairs are ...`: a group's officers.
_GROUP_OFFICERS = re.compile(
    r"^\s(?:tech\s|technical\s)?(?:leads|chairs|co-chairs|maintainers|members)"
    r"(?:\s(?:are|were|include))?(?:,|:)?\s$"
)


def add_memberships(draft: Draft, spans: list[Span]) -> None:
    """Affiliation facts from the sentence whose mentions are `spans`."""
    _korean_membership(draft, spans)
    _team_roles(draft, spans)
    _listed_after_organisation(draft, spans)
    _group_officers(draft, spans)


def _group_officers(draft: Draft, spans: list[Span]) -> None:
    """The people listed right after `<group> leads`, `<group> chairs are`: its members."""
    for i, group in enumerate(spans):
        if group.type == EntityType.ORGANIZATION:
            for other in _people_listed_after(draft.article.text, spans, i, _GROUP_OFFICERS):
                draft.fact(other.key, "affiliation", group.key, passage_id=other.passage_id)


def _people_listed_after(
    text: str, spans: list[Span], i: int, opening: re.Pattern[str]
) -> list[Span]:
    """The people listed after spans[i]: the first after a gap `opening` matches, each next
    one after a list separator."""
    listed: list[Span] = []
    end, gap_pattern = spans[i].end, opening
    for other in spans[i + 1 :]:
        if other.start < end:
            continue
        if other.type != EntityType.PERSON or not gap_pattern.match(text[end : other.start]):
            break
        listed.append(other)
        end, gap_pattern = other.end, _PERSON_LIST_SEP
    return listed


def _korean_membership(draft: Draft, spans: list[Span]) -> None:
    """A person as topic, then organisations joined by `및`/`,`, then a verb of membership."""
    text = draft.article.text
    for i, person in enumerate(spans):
        if person.type != EntityType.PERSON:
            continue
        chain: list[Span] = []
        previous_end = person.end
        for other in spans[i + 1 :]:
            if other.start < previous_end:
                continue
            gap = text[previous_end : other.start]
            fits = _KO_TOPIC.match(gap) if not chain else _KO_LIST_SEP.match(gap)
            if other.type != EntityType.ORGANIZATION or not fits:
                break
            chain.append(other)
            previous_end = other.end
            after = text[other.end : other.end + 60]
            if _KO_JOINED.match(after) or _KO_ROLE_AT.match(after):
                for org in chain:
                    draft.fact(person.key, "affiliation", org.key, passage_id=person.passage_id)
                break


def _team_roles(draft: Draft, spans: list[Span]) -> None:
    """`release lead Jane Doe`, `Jane Doe, a member of the release team`: a member of the
    document's team named `... Release Team`."""
    text = draft.article.text
    for person in (s for s in spans if s.type == EntityType.PERSON):
        cue = _TEAM_ROLE.search(text[max(0, person.start - 40) : person.start])
        cue = cue or _ON_TEAM.match(text[person.end : person.end + 60])
        if cue is None:
            continue
        teams = _teams_named(draft, cue.group("team"))
        if teams:
            draft.fact(person.key, "affiliation", teams[0], passage_id=person.passage_id)


def _teams_named(draft: Draft, word: str) -> list[str]:
    """Organisations whose name ends with `<word> Team` or `<word> 팀`, the standing team first
    (`Kubernetes Release Team` before `Kubernetes 1.30 Release Team` and `Release Team`)."""
    wanted = (f"{word} team".lower(), f"{word} 팀")
    found = [
        (name.text, key)
        for key in draft.keys(EntityType.ORGANIZATION)
        for name in draft.names_of(key)
        if name.text.lower().endswith(wanted)
    ]
    found.sort(key=lambda f: (any(c.isdigit() for c in f[0]), -len(f[0])))
    return [key for _, key in found]


def _listed_after_organisation(draft: Draft, spans: list[Span]) -> None:
    """The organisation of the first person of a list is every listed person's."""
    text = draft.article.text
    for i, first in enumerate(spans):
        if first.type != EntityType.PERSON:
            continue
        org = _org_just_before(spans, i)
        stated = {f.value for f in draft.facts_of(first.key, "affiliation")}
        if org is None or org.key not in stated:
            continue
        for other in _people_listed_after(text, spans, i, _PERSON_LIST_SEP):
            draft.fact(other.key, "affiliation", org.key, passage_id=other.passage_id)


def _org_just_before(spans: list[Span], i: int) -> Span | None:
    """The mention before spans[i] when it is an organisation (`Acme's Jane`, `가나다의 김민수`)."""
    for other in reversed(spans[:i]):
        if other.end <= spans[i].start:
            return other if other.type == EntityType.ORGANIZATION else None
    return None
