"""Speakers, organisations and job titles from talk-list credits.

Formats: `Name, Org & Name, Org`, `Name, Title, Org`, `Name & Name, Org` (shared organisation),
`Name, Name & Name` (names only), `Name + Name`, `Name and Name, Org`, `Name, None`.
A piece is an organisation when the gazetteer or its words say so (`Labs`, `Inc.`, `.com`), a job
title when it holds title words (`Director of Ecosystem`), else a person when it looks like a
name. `Name, Treasure Data` is ambiguous by shape alone; the whole list decides: a piece written
after `A & B,` is an organisation, and so is every other use of the same words in the list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.ingest.talk_credits import (
    clean_name,
    has_title_words,
    is_known_org,
    is_no_org,
    is_single_name,
    looks_like_name,
    looks_like_org,
    name_span,
    org_name,
)
from forumgraph.models import EntityType, ListedSpeaker

# Runs of separators; `&`, `+` and `and` only between spaces (`AT&T` is one word), and a comma
# not before a legal suffix (`CoreOS, Inc.`).
_SEPARATORS = re.compile(
    r"(?:\s*(?:;|,(?!\s*(?:Inc|Ltd|LLC|Corp|Co|GmbH)(?:\.|(?=[\s,;&]|$)))"
    r"|(?<=\s)(?:&|\+|and)(?=\s)|和)\s*)+"
)
_JOINING = ("&", "+", "and", "和")


@dataclass(frozen=True)
class _Piece:
    text: str
    start: int
    sep: str  # the separator before it: "", ",", ";" or one of _JOINING


@dataclass
class _Speaker:
    name: str
    start: int
    end: int
    sep: str
    organization: str | None = None
    organization_start: int | None = None
    job_title: str | None = None
    stated_no_org: bool = False


@dataclass
class CreditBook:
    """What the credits of one list say for certain: these words are people, those orgs."""

    people: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)


def parse_credits(credits: Sequence[str], gazetteer: Gazetteer) -> list[tuple[ListedSpeaker, ...]]:
    """Speakers of every credit of one list (the list is read twice: certain pieces first)."""
    split = [_pieces(c, gazetteer) for c in credits]
    book = CreditBook()
    for pieces in split:
        _learn(pieces, book, gazetteer)
    return [_speakers(pieces, book, gazetteer) for pieces in split]


def parse_credit(credit: str, gazetteer: Gazetteer) -> tuple[ListedSpeaker, ...]:
    """Speakers of one credit on its own."""
    return parse_credits([credit], gazetteer)[0]


def _pieces(credit: str, gazetteer: Gazetteer) -> list[_Piece]:
    pieces: list[_Piece] = []
    cursor, sep = 0, ""
    for match in _SEPARATORS.finditer(credit):
        _add_piece(pieces, credit, cursor, match.start(), sep, gazetteer)
        cursor, sep = match.end(), _separator_kind(match.group())
    _add_piece(pieces, credit, cursor, len(credit), sep, gazetteer)
    return pieces


def _separator_kind(text: str) -> str:
    for kind in _JOINING:
        if re.search(rf"(?<![^\s,]){re.escape(kind)}(?!\S)", text):
            return kind
    return ";" if ";" in text else ","


def _add_piece(
    pieces: list[_Piece], credit: str, start: int, end: int, sep: str, gazetteer: Gazetteer
) -> None:
    text = credit[start:end].strip()
    if not text:
        return
    start = credit.index(text, start)
    previous = pieces[-1] if pieces else None
    # `+` and `and` join two names; elsewhere they belong to the piece (`KubeCon + CloudNativeCon`).
    if (
        previous is not None
        and sep in ("+", "and", "和")
        and not (
            looks_like_name(clean_name(previous.text), gazetteer)
            and looks_like_name(clean_name(text), gazetteer)
        )
    ):
        pieces[-1] = _Piece(
            credit[previous.start : start + len(text)], previous.start, previous.sep
        )
        return
    pieces.append(_Piece(text, start, sep))


def _learn(pieces: list[_Piece], book: CreditBook, gazetteer: Gazetteer) -> None:
    for i, piece in enumerate(pieces):
        name = clean_name(piece.text)
        if not looks_like_name(name, gazetteer):
            continue
        if i == 0 or piece.sep in _JOINING:
            book.people.add(name.casefold())
        elif (
            piece.sep == ","
            and pieces[i - 1].sep in _JOINING
            and (i == len(pieces) - 1 or pieces[i + 1].sep in _JOINING)
        ):
            book.orgs.add(name.casefold())  # `A & B, X`: X is their organisation


def _speakers(
    pieces: list[_Piece], book: CreditBook, gazetteer: Gazetteer
) -> tuple[ListedSpeaker, ...]:
    people: list[_Speaker] = []
    group: list[_Speaker] = []  # people still waiting for their organisation
    previous = ""  # what the previous piece was: person, org or title
    chain = 0  # people in a row joined by commas
    for i, piece in enumerate(pieces):
        last = i == len(pieces) - 1
        kind = _classify(pieces, i, people, previous, chain, last, book, gazetteer)
        if kind == "person":
            start, end = name_span(piece.text)
            speaker = _Speaker(
                clean_name(piece.text), piece.start + start, piece.start + end, piece.sep
            )
            chain = chain + 1 if previous == "person" and piece.sep in (",", ";") else 1
            people.append(speaker)
            group.append(speaker)
        elif kind == "none":
            for speaker in group or people[-1:]:
                speaker.stated_no_org = True
            group = []
        elif kind == "title":
            target = people[-1]
            joint = " & " if piece.sep in _JOINING else ", "  # `Co-founder & CEO` stays one
            target.job_title = (
                f"{target.job_title}{joint}{piece.text}" if target.job_title else piece.text
            )
        elif kind == "org":
            org = org_name(_org_part(piece.text, gazetteer))
            for speaker in group or people[-1:]:
                if speaker.organization is None and not speaker.stated_no_org:
                    speaker.organization = org
                    # Cited where it is written as such (not `IBM (China Lab) Research`).
                    written = piece.text.startswith(org)
                    speaker.organization_start = piece.start if written else None
            group = []
        if kind != "skip":
            previous = kind if kind != "none" else "org"
    return tuple(
        ListedSpeaker(p.name, p.start, p.end, p.organization, p.organization_start, p.job_title)
        for p in people
    )


def _classify(
    pieces: list[_Piece],
    i: int,
    people: list[_Speaker],
    previous: str,
    chain: int,
    last: bool,
    book: CreditBook,
    gazetteer: Gazetteer,
) -> str:
    piece = pieces[i]
    name = clean_name(piece.text)
    if not people:
        single = is_single_name(name, gazetteer) and not last and pieces[i + 1].sep == ","
        if looks_like_name(name, gazetteer) or (
            single and looks_like_org(pieces[i + 1].text, gazetteer)
        ):
            return "person"
        return "skip"
    if is_no_org(piece.text):
        return "none"
    if gazetteer.lookup(org_name(piece.text), EntityType.ORGANIZATION.value):
        return "org"
    if has_title_words(piece.text):
        return "title"
    if _org_prefix(piece.text, gazetteer):
        return "org"  # `VMware Bryan Liles`: the organisation, then a repeated name
    if _org_division(piece.text, gazetteer):
        return "org"  # `Microsoft Azure`, `Google Cloud`: a part of a known organisation
    if not looks_like_name(name, gazetteer) or is_known_org(piece.text, gazetteer):
        return "org"
    if piece.sep in ("&", "+", "and") or previous != "person":
        return "person"
    key = name.casefold()
    if key in book.orgs:
        return "org"
    if key in book.people:
        return "person"
    if people[-1].sep in _JOINING and (last or pieces[i + 1].sep in _JOINING):
        return "org"  # `A & B, X`, but `A & B, C, Org` lists three people
    # `A, X` at the end is a person and their organisation; `A, B, C` is a list of names.
    return "org" if last and chain == 1 else "person"


def _org_prefix(piece: str, gazetteer: Gazetteer) -> str | None:
    words = piece.split()
    for cut in range(len(words) - 1, 0, -1):
        head = " ".join(words[:cut])
        if gazetteer.lookup(head, EntityType.ORGANIZATION.value) and looks_like_name(
            " ".join(words[cut:]), gazetteer
        ):
            return head
    return None


def _org_division(piece: str, gazetteer: Gazetteer) -> bool:
    """Whether `piece` is a known organisation's name followed by one more word that is not a
    person's name (a division or product line named after its company)."""
    words = piece.split()
    return (
        len(words) == 2
        and bool(gazetteer.lookup(words[0], EntityType.ORGANIZATION.value))
        and not looks_like_name(words[1], gazetteer)
    )


def _org_part(piece: str, gazetteer: Gazetteer) -> str:
    return _org_prefix(piece, gazetteer) or piece
