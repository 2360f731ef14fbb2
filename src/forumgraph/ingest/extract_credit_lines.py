"""People credited one to a line, as title slides, reviewer lists and line-ups write them:

    Sofía Benítez — Staff Platform Engineer, Banco Austral
    - Thomas Keller, Principal Engineer, SAP
    - Oluwaseun Adeyemi (Microsoft; CNCF Ambassador)
    - **정하늘** — 당근 SRE

A line that opens with a person's name, then brackets or a separator and a few words, says who
they are: the last of those words that is no role is their organisation. A line that runs on
into a sentence (`Sofía: six years on platform teams`) is prose, left to the other rules.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_bylines import (
    credited_organisation,
    credited_person,
    spells_in_other_script,
    without_title,
)
from forumgraph.ingest.extract_named import (
    NOT_AN_ORGANISATION_GUESSES,
    known_entry,
    take_back_a_guess,
)
from forumgraph.ingest.extract_people import ROLE_HEADS
from forumgraph.ingest.extract_people_cues import is_role_phrase, names_no_employer
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer

_CREDIT = re.compile(
    r"[ \t]*(?:[-*+•][ \t]+|\d+[.)][ \t]+)?[*_]{0,2}"
    r"(?P<name>[^\s,—–|()*_:;@][^,—–|()*_:;@\n]{1,40}?)[*_]{0,2}"
    r"(?:[ \t]*\((?P<paren>[^()\n]{1,80})\))?"
    r"(?:(?:[ \t][-–—|·][ \t]|,[ \t])(?P<rest>[^\n]{1,100}?))?[ \t]*"
)
# What follows the name is a few parts, each a role or a name: not a sentence.
_MAX_PART_WORDS = 6
_PARTS = re.compile(r"\s*[,;]\s*|\s[-–—|·]\s")
_REMARK = re.compile(r"\s*\([^()]*\)\s*$")
_SENTENCE = re.compile(r"[.!?:]\s|[.!?]$|\s(?:and|is|was|who|on|in|the|for|to|with)\s")


def add_credit_lines(draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer) -> None:
    """A person, and where they work, from each line that credits one person."""
    text = draft.article.text
    position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        match = _CREDIT.fullmatch(line)
        if match is None or not (match["paren"] or match["rest"]):
            continue
        if match["rest"] and _prose(match["rest"]):
            continue
        key = credited_person(draft, gazetteer, analyzer, match["name"].strip())
        if key is None:
            continue
        passage = draft.passage_at(start)
        passage_id = passage.passage_id if passage is not None else None
        name_start = start + match.start("name")
        draft.mention(key, name_start, name_start + len(match["name"].strip()))
        for org in _organisations(draft, gazetteer, key, match, start):
            draft.fact(key, "affiliation", org, passage_id=passage_id)


def _prose(rest: str) -> bool:
    parts = [p for p in _PARTS.split(rest) if p]
    return any(len(p.split()) > _MAX_PART_WORDS for p in parts) or bool(_SENTENCE.search(rest))


def _organisations(
    draft: Draft, gazetteer: Gazetteer, key: str, match: re.Match[str], line_start: int
) -> list[str]:
    paren = (match["paren"] or "").strip()
    if paren and spells_in_other_script(match["name"].strip(), paren):
        draft.add_variant(key, paren)  # `이준호 (Junho Lee)`
        paren = ""
    out = []
    for part, at in _parts(paren, line_start + (match.start("paren") if paren else 0)):
        org = _organisation(draft, gazetteer, part, at)
        if org is not None:
            out.append(org)
    rest = [p for p in _parts(match["rest"] or "", line_start + match.start("rest"))]
    named = [(p, at) for p, at in rest if not _a_role(p)]
    if named and not out:
        org = _organisation(draft, gazetteer, *named[-1])
        if org is not None:
            out.append(org)
    return out


def _parts(text: str, start: int) -> list[tuple[str, int]]:
    out, at = [], 0
    for part in _PARTS.split(text):
        at = text.find(part, at) if part else at
        kept = _REMARK.sub("", part).strip()  # `Telenor (co-chair)`
        if kept:
            out.append((kept, start + at + len(part) - len(part.lstrip())))
        at += len(part)
    return out


def _a_role(part: str) -> bool:
    words = part.split()
    return bool(words) and words[-1].lower() in ROLE_HEADS and " at " not in part


def _organisation(draft: Draft, gazetteer: Gazetteer, part: str, start: int) -> str | None:
    """The organisation a part names: `SAP`, `SRE lead at Vinted`, `CNCF Ambassador`, `당근 SRE`;
    none for `independent` or a role alone."""
    if names_no_employer(part):
        return None
    at = re.search(r"\s(?:at|@)\s", part)
    if at is not None:
        if not is_role_phrase(part[: at.end()].strip()):
            return None  # `Scaling Envoy at Lyft`: a title, not a role
        start += at.end()
        part = part[at.end() :]
    elif _a_role(part):
        # `CNCF Ambassador`: a role held in a known organisation; `Staff Engineer` alone
        held_in = without_title(part)
        entry = known_entry(gazetteer, held_in) if held_in != part else None
        if entry is None or entry.kind != EntityType.ORGANIZATION.value:
            return None
        part = held_in
    part = without_title(part)
    if not part[:1].isupper() and not part[:1].isdigit() and part[:1].isascii():
        return None  # a part in lower case is a remark, not a name
    take_back_a_guess(draft, gazetteer, start, start + len(part), NOT_AN_ORGANISATION_GUESSES)
    org = credited_organisation(draft, gazetteer, part)
    if draft.type_of(org) != EntityType.ORGANIZATION:
        return None
    draft.mention(org, start, start + len(part))
    return org
