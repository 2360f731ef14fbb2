"""People credited one to a line, as title slides, reviewer lists and line-ups write them:

    Sofía Benítez — Staff Platform Engineer, Banco Austral
    - Thomas Keller, Principal Engineer, SAP
    - Oluwaseun Adeyemi (Microsoft; CNCF Ambassador)
    - **정하늘** — 당근 SRE

A line that opens with a person's name, then brackets or a separator and a few words, says who
they are: the last of those words that is no role is their organisation. A line that runs on
into a sentence (`Sofía: six years on platform teams`) is prose, left to the other rules.

A forum user's flair after their name says the same in square brackets:

    **u/nkarimi** [Shoal maintainer | Fastly] · 388 points
"""

from __future__ import annotations

import re

from forumgraph.ingest.dates import find_dates
from forumgraph.ingest.extract_bylines import (
    CREDIT_LABELS,
    PAST_OR_PRESENT,
    a_title_alone,
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
from forumgraph.ingest.extract_people import (
    COMPANY_WORDS,
    INSTITUTION,
    PROGRAMME_ROLES,
    ROLE_HEAD_PATTERN,
    ROLE_HEADS,
    person,
)
from forumgraph.ingest.extract_people_cues import KO_ROLE_HEADS, is_role_phrase, names_no_employer
from forumgraph.ingest.extract_people_ko import (
    IN_CHARACTERS,
    KO_PERSON_MARKERS,
    KO_PROGRAMME_PARTS,
    foreign_name_in_hangul,
)
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.extract_text import EMOJI, FUNCTION_WORDS, LIST_ITEM_MARK, word_set
from forumgraph.ingest.gazetteer import PLACE_KINDS, Gazetteer
from forumgraph.ingest.gazetteer_loanwords import is_loanword
from forumgraph.ingest.korean_names import is_korean_name
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer
from forumgraph.text.hangul import has_hangul, is_hangul_word

_CREDITED = (
    LIST_ITEM_MARK
    # an emoji before the name (`👩‍💻 **Jane Doe** — ...`), which opens headings of awards too
    + rf"(?P<emoji>{EMOJI}[ \t]*)?"
    # a label of people before the name: `발표:`, `Speaker:`
    + rf"(?:[*_]{{0,2}}{CREDIT_LABELS}[*_]{{0,2}}[ \t]?[:：][ \t]*"
    + r"|[*_]{0,2}(?P<by>By|Written by)[ \t])?[*_]{0,2}"
    r"(?P<name>[^\s,—–|()*_:;@][^,—–|()*_:;@\n]{1,40}?)[*_]{0,2}"
)
_BRACKETS = r"(?:[ \t]*\((?P<paren>[^()\n]{1,80})\)[*_]{0,2})"
_SEPARATOR = r"(?:[ \t][-–—|·→][ \t]|,[ \t])"
_CREDIT = re.compile(
    _CREDITED
    + _BRACKETS
    + r"?(?:[ \t]?(?:님|씨))?"  # `라훌 샤르마(Rahul Sharma) 님 — Microsoft`
    + rf"(?:{_SEPARATOR}(?P<rest>[^\n]{{1,400}}?))?[ \t]*"
)
# `하칸 일디림 (SAP) — Gardener로 수천 개 클러스터를 ...`: a name and its organisation in brackets
# open a line that goes on at length.
_BRACKETED_CREDIT = re.compile(_CREDITED + _BRACKETS + _SEPARATOR)
# `카카오 → 토스`, `Microsoft -> Cubelift`: where the person was, then where they went.
_MOVE = r"\s?(?:→|->|⇒|➔|➡)\s?"
# What they did there, written after the new organisation: `큐브리프 공동 창업`.
_MOVE_ACTION = re.compile(r"\s(?:공동\s?)?(?:창업|합류|이직|입사)$")
# What follows the name is a few parts, each a role or a name: not a sentence.
_MAX_PART_WORDS = 6
_PARTS = re.compile(rf"\s*[,;]\s*|\s[-–—|·]\s|{_MOVE}")
_REMARK = re.compile(r"\s*\([^()]*\)\s*$")
# A Korean word with a case particle or ending: `카카오페이에서 ... 운영`, a sentence.
_KO_PARTICLE = re.compile(r"[가-힣](?:에서|에게|으로|부터|까지|하고|했다|한다|입니다)(?:\s|$)")
_SENTENCE = re.compile(
    r"^(?:which|that)\s|[.!?:]\s|[.!?]$|\s(?:and|is|was|who|on|in|the|for|to|with)\s"
)


def add_credit_lines(draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer) -> None:
    """A person, and where they work, from each line that credits one person, and from a
    name on a line of its own over its organisation's line (a title slide)."""
    lines, position = [], 0
    for line in draft.article.text.split("\n"):
        lines.append((position, line))
        position += len(line) + 1
    below_lines = [*lines[1:], (position, "")]
    above_lines = [(0, ""), *lines[:-1]]
    for (_, above), (start, line), (below_start, below) in zip(
        above_lines, lines, below_lines, strict=True
    ):
        if _cells(line) >= 3 and _cells(line) in (_cells(above), _cells(below)):
            continue  # a table's row: its header says what each cell is
        match = _CREDIT.fullmatch(line)
        bracketed = _BRACKETED_CREDIT.match(line) if match is None else None
        if bracketed is not None:
            for credited in _credited_all(draft, gazetteer, analyzer, bracketed, start):
                for org in _organisations(
                    draft, gazetteer, analyzer, credited, bracketed, start, None
                ):
                    draft.fact(credited, "affiliation", org, passage_id=_passage_id(draft, start))
            continue
        if (
            match is not None
            and not match["rest"]
            and _name_over_organisation(
                draft, gazetteer, analyzer, match, start, below, below_start
            )
        ):
            continue
        if match is not None and match["by"] and not (match["paren"] or match["rest"]):
            _credited(draft, gazetteer, analyzer, match, start)  # `*By Joana Prates*`
            continue
        if match is None or not (match["paren"] or match["rest"]):
            continue
        if match["emoji"] and not _described_person(match, gazetteer):
            continue  # `🏆 Top Documentarian — Mai Thanh Hương`: an award, not its winner
        rest = match["rest"]
        head = _FIRST_SENTENCE.match(rest) if rest else None
        if (
            head is not None
            and rest is not None
            and _prose(rest)
            and not _prose(head["head"])
            and "(" not in head["head"]  # `Ida Moreau (Freelance), Tomas Berg (Vantaro). ...`
            and not _KO_SENTENCE_END.search(head["head"])  # `— OTLP 내보내기를 구현했습니다.`
            and not _AFTER_A_COMMA.match(line, match.start("rest") - 2)
        ):
            # `**박서연** · 우아한형제들 SRE. 사내에서 ...`: a credit, then a bio in sentences
            rest = head["head"]
        if rest and (_prose(rest) or _names_people(rest, analyzer, gazetteer)):
            if not match["paren"]:
                if _described_person(match, gazetteer):
                    # `- **Ana Beatriz Lemos**, who leads ...`: a person, whom prose describes
                    _credited(draft, gazetteer, analyzer, match, start)
                continue
            rest = None  # `정가람 (당근) — Cilium 도입 후 ...`: the brackets, then a talk's title
        for key in _credited_all(
            draft, gazetteer, analyzer, match, start, foreign=bool(match["paren"])
        ):
            for org in _organisations(draft, gazetteer, analyzer, key, match, start, rest):
                draft.fact(key, "affiliation", org, passage_id=_passage_id(draft, start))


def _cells(line: str) -> int:
    """The cells of a line written as a table's row (`A | B | C`), 1 for any other line."""
    return line.strip(" |").count("|") + 1


def _described_person(match: re.Match[str], gazetteer: Gazetteer) -> bool:
    """A name that opens a line, with a given name first or described by a role (`**Rahim
    Choudhury**, independent consultant (…) and a regular in …`), by a clause that is not
    about a thing (`, which`): a list of panelists or speakers."""
    name, rest = match["name"].strip(), match["rest"] or ""
    if re.match(r"(?:which|that)\b", rest):
        return False
    if name.split()[0] in gazetteer.given_names:
        return True
    # (not `Moderator Chiara Lombardi, principal analyst at …`: a role before the name)
    first = name.split()[0].lower()
    if name.split()[-1] in COMPANY_WORDS or INSTITUTION.search(name):
        return False  # `**Codebridge Academy** — Kubernetes courses …`
    return (
        _ROLE_OPENING.match(rest) is not None
        and first not in ROLE_HEADS
        and first not in PROGRAMME_ROLES
        and first.capitalize() not in FUNCTION_WORDS
    )


# A description opening with a role: `independent consultant`, `a staff engineer on`.
# (the role ends its phrase: not `student volunteers run the desk`)
_ROLE_OPENING = re.compile(
    rf"(?:an?\s|my\s|our\s)?(?:[\w-]+\s){{0,3}}?(?i:{ROLE_HEAD_PATTERN})"
    r"(?=\s(?:at|of|for|with|on|in|from|and)\b|\s?[,(;]|\s?$)"
)


# Two people credited together: `Emre Yıldız & Priya Raghunathan`, `아마카 은워수 & 응우옌 티 란`.
_AMPERSAND = re.compile(r"\s&\s")


def _credited_all(
    draft: Draft,
    gazetteer: Gazetteer,
    analyzer: Analyzer,
    match: re.Match[str],
    start: int,
    *,
    foreign: bool = True,
) -> list[str]:
    """The people a credit line opens with, mentioned where it writes them: one, or two joined
    by `&` when both are names (not `Tom & Jerry`)."""
    name, name_start = match["name"], start + match.start("name")
    parts = _AMPERSAND.split(name)
    if len(parts) != 2:
        parts, foreign_ok = [name], foreign
    else:
        foreign_ok = True
    found = []
    for part in parts:
        at = name_start + name.index(part) + len(part) - len(part.lstrip())
        key = _credited_person(draft, gazetteer, analyzer, part.strip(), foreign=foreign_ok)
        if key is None:
            return []
        found.append((key, at, len(part.strip())))
    for key, at, length in found:
        # the recogniser's guess of another kind for the name goes (`Tunde Bakare` as a company)
        take_back_a_guess(draft, gazetteer, at, at + length)
        draft.mention(key, at, at + length)
    return [key for key, _, _ in found]


def _credited(
    draft: Draft,
    gazetteer: Gazetteer,
    analyzer: Analyzer,
    match: re.Match[str],
    start: int,
    *,
    foreign: bool = False,
) -> str | None:
    """The one person a credit line at `start` opens with, mentioned where it writes them."""
    name = match["name"].strip()
    key = _credited_person(draft, gazetteer, analyzer, name, foreign=foreign)
    if key is not None:
        name_start = start + match.start("name")
        take_back_a_guess(draft, gazetteer, name_start, name_start + len(name))
        draft.mention(key, name_start, name_start + len(name))
    return key


def _credited_person(
    draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer, name: str, *, foreign: bool
) -> str | None:
    key = credited_person(draft, gazetteer, analyzer, name)
    if key is None and foreign and foreign_name_in_hangul(name, analyzer, gazetteer):
        key = person(draft, None, name)  # `하칸 일디림 (SAP) — ...`
    return key


def _passage_id(draft: Draft, at: int) -> str | None:
    passage = draft.passage_at(at)
    return passage.passage_id if passage is not None else None


# The last word of an organisation's line under a name: a unit or a legal form.
_UNIT_OR_FORM = re.compile(
    r"(?:[가-힣A-Za-z]+(?:팀|파트|실|그룹|랩|본부|센터|연구소)|Team|Lab|Labs|Group|Inc\.?|GmbH"
    r"|Ltd\.?|LLC|주식회사|㈜)$"
)


def _name_over_organisation(
    draft: Draft,
    gazetteer: Gazetteer,
    analyzer: Analyzer,
    match: re.Match[str],
    start: int,
    below: str,
    below_start: int,
) -> bool:
    """`구민서 (Minseo Koo)` over `카카오페이 클라우드플랫폼파트`: a known organisation, or a name
    with a unit or legal form after it, on the line under a name."""
    words = below.strip(" \t*_").split()
    paren = match["paren"]
    if not 1 <= len(words) <= 4 or _prose(below):
        return False
    if paren and not spells_in_other_script(match["name"].strip(), paren.strip()):
        return False
    known = known_entry(gazetteer, without_title(" ".join(words)))
    if (known is None or known.kind != EntityType.ORGANIZATION.value) and not (
        len(words) >= 2 and _UNIT_OR_FORM.search(words[-1])
    ):
        return False
    key = _credited(draft, gazetteer, analyzer, match, start)
    if key is None:
        return False
    if paren:
        draft.add_variant(key, paren.strip())  # `구민서 (Minseo Koo)`
    at = below_start + below.index(words[0])
    org = _organisation(draft, gazetteer, " ".join(words), at)
    if org is not None:
        draft.fact(key, "affiliation", org, passage_id=_passage_id(draft, start))
    return True


_AFTER_A_COMMA = re.compile(r",[ \t]")
_KO_SENTENCE_END = re.compile(r"[다요]\s*$")
# A credit's words up to the first full stop of a sentence (not `Inc.`, `3.5`).
_FIRST_SENTENCE = re.compile(r"(?P<head>[^\n]+?)(?<!\bInc)(?<!\bLtd)(?<!\bCo)(?<=[^\d\s])\.\s")


def _prose(rest: str) -> bool:
    parts = [p for p in _PARTS.split(rest) if p]
    return (
        any(len(p.split()) > _MAX_PART_WORDS for p in parts)
        or bool(_SENTENCE.search(rest))
        or bool(_KO_PARTICLE.search(rest))
    )


def _names_people(rest: str, analyzer: Analyzer, gazetteer: Gazetteer) -> bool:
    """`유다은, 장태오 — 같은 파트 동료들`: a list of people, not one person's credit."""
    return any(
        has_hangul(part) and is_korean_name(part, analyzer, gazetteer, in_a_names_place=True)
        for part, _ in _parts(rest, 0)
    )


def _organisations(
    draft: Draft,
    gazetteer: Gazetteer,
    analyzer: Analyzer,
    key: str,
    match: re.Match[str],
    line_start: int,
    rest: str | None,
) -> list[str]:
    paren = (match["paren"] or "").strip()
    if paren and spells_in_other_script(match["name"].strip(), paren):
        draft.add_variant(key, paren)  # `이준호 (Junho Lee)`
        paren = ""
    out = []
    for part, at in _parts(paren, line_start + (match.start("paren") if paren else 0)):
        if part in (*KO_PERSON_MARKERS, *KO_ROLE_HEADS, *KO_PROGRAMME_PARTS):
            continue  # `윤채원 (모더레이터) | ...`, `오현석 (진행) — …`: the role, then where
        if _initials_of(match["name"], part):
            continue  # `Aidan Burke (AB)`: the person's initials, as minutes write them
        if _a_word_of_the_language(part, analyzer):
            continue  # `정다온 (막내)`, `차은호 (옵저버빌리티)`: what the person is or does
        org = _organisation(draft, gazetteer, part, at)
        if org is not None:
            out.append(org)
    parts = _parts(rest, line_start + match.start("rest")) if rest and not _a_note(rest) else []
    named = [(_BLOG.sub("", p), at) for p, at in _naming_parts(parts)]
    # After a move, both sides name an organisation; otherwise the last name does.
    moved = rest is not None and re.search(_MOVE, rest) is not None
    for part, at in named if moved else named[-1:]:
        if out and not moved:
            break
        org = _organisation(draft, gazetteer, _MOVE_ACTION.sub("", part), at)
        if org is not None:
            out.append(org)
    return out


def _a_word_of_the_language(part: str, analyzer: Analyzer) -> bool:
    """One Hangul word the dictionary knows as a common noun (`막내`), or an English word Korean
    borrows (`옵저버빌리티`): no organisation's name."""
    if not is_hangul_word(part):
        return False
    if is_loanword(part):
        return True
    tokens = analyzer.tokens(part)
    return len(tokens) == 1 and tokens[0].tag == "NNG" and not tokens[0].unknown


# Words in lower case that names of organisations hold (`University of Porto`, `Banco de Chile`).
_NAME_PARTICLES = word_set("of de del della da do dos das der van von and for the du di la le y e")
# `github.com/dohyun-kim`, `https://example.com`: where to find the person, after the credit.
_LINK = re.compile(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?")
# `7 min read`, `4 April 2024`: what a byline says of the piece, not of its writer.
_READING_TIME = re.compile(r"\d+\s?(?:min(?:ute)?s?|분)(?:\s(?:read|읽기))?", re.IGNORECASE)
# `Lumora Payments engineering blog`: the company whose blog it is.
_BLOG = re.compile(r"\s(?:(?:engineering|tech|technology|developer|company|official)\s)?blog$")


def _a_note(part: str) -> bool:
    dates = find_dates(part)
    return bool(_READING_TIME.fullmatch(part) or part.strip().isdigit()) or (
        bool(dates) and not (part[: dates[0].begin] + part[dates[-1].stop :]).strip(" ,.")
    )


def _initials_of(name: str, part: str) -> bool:
    """`AB` of `Aidan Burke`, `MZ` or `MLZ` of `Mei-Lin Zhou`."""
    words = name.strip(" *_").split()
    if not part.isupper() or not part.isalpha() or len(words) < 2:
        return False
    pieces = [p for w in words for p in w.split("-") if p]
    return part in {"".join(w[0] for w in words), "".join(p[0] for p in pieces)}


def _parts(text: str, start: int) -> list[tuple[str, int]]:
    out, at = [], 0
    for part in _PARTS.split(text):
        at = text.find(part, at) if part else at
        kept = _REMARK.sub("", part.rstrip("*_")).strip()  # `Telenor (co-chair)`
        if kept.endswith(".") and not re.search(r"\b(?:Inc|Ltd|Co|Corp)\.$", kept):
            kept = kept[:-1]  # `Oğuz Demir → Helmsman Labs.`: the full stop of a heading
        if kept:
            out.append((kept, start + at + len(part) - len(part.lstrip())))
        at += len(part)
    return out


def _a_role(part: str) -> bool:
    """`Staff Engineer`, `운영진`: a role, not where it is held."""
    words = part.split()
    if len(words) == 1 and words[0] in (*KO_PERSON_MARKERS, *KO_ROLE_HEADS):
        return True
    if words and words[-1].endswith(("담당", "담당자", "코디네이터")):
        return True  # `스폰서 담당`, `자원봉사 코디네이터`: a duty
    if a_title_alone(part):
        return True  # `시니어 SRE`
    # (`메르카리 SRE`: a Korean name before the title is where it is held)
    return (
        bool(words)
        and words[-1].lower() in ROLE_HEADS
        and " at " not in part
        and not has_hangul(" ".join(words[:-1]))
    )


def _naming_parts(parts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The parts that may name an organisation: not a role, a note or a link."""
    return [
        (p, at) for p, at in parts if not _a_role(p) and not _a_note(p) and not _LINK.fullmatch(p)
    ]


def organisation_in_parts(draft: Draft, gazetteer: Gazetteer, text: str, start: int) -> str | None:
    """The organisation of a cell or credit of several parts (`CTO, Tessera Cloud GmbH (Berlin)`,
    `SRE — Getir`, `ex-Insider, currently freelancing`): the last part that names one."""
    for part, at in reversed(_naming_parts(_parts(text, start))):
        org = _organisation(draft, gazetteer, part, at)
        if org is not None:
            return org
    return None


# A role on a team the organisation owns: `staff engineer on Nubank's platform team`.
_ON_ITS_TEAM = re.compile(
    r"\s(?:on|in)\s(?:the\s)?(?P<org>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})['’]s\s"
    r"(?:[\w-]+\s){0,3}?(?:team|group|org|organi[sz]ation)$"
)


def _organisation(draft: Draft, gazetteer: Gazetteer, part: str, start: int) -> str | None:
    """The organisation a part names: `SAP`, `SRE lead at Vinted`, `CNCF Ambassador`, `당근 SRE`;
    none for `independent` or a role alone."""
    marked = PAST_OR_PRESENT.match(part)
    if marked is not None and marked.end() < len(part):
        start, part = start + marked.end(), part[marked.end() :]  # `ex-Insider`: where it was
    if names_no_employer(part) or IN_CHARACTERS.fullmatch(part):
        return None  # `田中莉奈`: a name in Chinese characters
    if part.split() and names_no_employer(part.split()[0]):
        return None  # `프리랜서 DevOps 컨설턴트`, `Independent SRE consultant`
    place = gazetteer.lookup(part.strip())
    if place is not None and place.kind in PLACE_KINDS:
        return None  # `Chiamaka Nwosu — Nigeria`: where the person is from
    its_team = _ON_ITS_TEAM.search(part)
    if its_team is not None:  # `staff engineer on Nubank's platform team`
        start, part = start + its_team.start("org"), its_team["org"]
    at = re.search(r"\s(?:at|@)\s", part) if its_team is None else None
    if at is not None:
        if not is_role_phrase(part[: at.start()].strip() + " at"):  # (`SRE @ Acme` too)
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
    lower = [w for w in part.split()[1:] if w.isascii() and w.isalpha() and w.islower()]
    if any(w not in _NAME_PARTICLES for w in lower) and known_entry(gazetteer, part) is None:
        return None  # `OpenShift security`: a unit or a field, which no name writes in lower case
    take_back_a_guess(draft, gazetteer, start, start + len(part), NOT_AN_ORGANISATION_GUESSES)
    org = credited_organisation(draft, gazetteer, part)
    if draft.type_of(org) != EntityType.ORGANIZATION:
        return None
    draft.mention(org, start, start + len(part))
    return org


# A forum user's flair in square brackets after their name: `**u/nkarimi** [Shoal maintainer |
# Fastly]`, `[Platform eng @ Xero]`, `[SRE | Deutsche Bahn]`.
_FLAIR = re.compile(r"[*_]{0,2}\s?\[(?P<flair>[^\[\]\n]{2,80})\](?!\()")


def add_flairs(draft: Draft, gazetteer: Gazetteer) -> None:
    """Where a person works, from the flair after their name (the last part that names an
    organisation)."""
    text = draft.article.text
    for named in [s for s in draft.spans if s.type == EntityType.PERSON]:
        flair = _FLAIR.match(text, named.end)
        if flair is None:
            continue
        parts = re.sub(r"\s[@|]\s", " | ", flair["flair"])
        if not _PARTS.search(parts) and known_entry(gazetteer, parts) is None:
            continue  # `[Mod]`: one part says nothing of an organisation unless it is a known one
        org = organisation_in_parts(draft, gazetteer, parts, flair.start("flair"))
        if org is not None:
            draft.fact(named.key, "affiliation", org, passage_id=named.passage_id)
