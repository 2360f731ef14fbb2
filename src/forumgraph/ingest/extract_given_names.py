"""People by their given name: two capitalised words whose first is a known given name
(`Emeka Obi from Lantern Freight`) are a person's name where the recogniser saw nothing or
guessed an organisation or product the gazetteer does not know.

The pair must stand alone: not among other capitalised words (`Victoria Harbour Bridge`), not
before a word of places or institutions (`Austin Convention Center`, `Grace Hopper
Celebration`), not after a word that puts an organisation or place there (`at Morgan
Stanley`, `in Victoria Park`), and not on a heading or a title-case line.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_named import GUESSED_TYPES, take_back_a_guess
from forumgraph.ingest.extract_people import (
    NAME_WORD,
    NOT_SURNAME_WORDS,
    ROLES_BEFORE_A_NAME,
    SURNAME,
    UPPER,
    add_person_span,
    is_person_name,
)
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.extract_text import EMOJI, FUNCTION_WORDS, on_heading, title_case_line
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.ingest.given_names import romanised_korean_name
from forumgraph.models import EntityType

# Every pair, overlapping (`Moderator Adaeze Okafor` holds `Adaeze Okafor`); the first word is
# no owner (`Microsoft's Fernanda Costa`).
_PAIR = re.compile(
    rf"(?<![\w'’.@/-])(?=(?P<name>(?P<first>{NAME_WORD})(?<!'s)(?<!’s) (?P<last>{SURNAME})))"
)
_CAPITALISED_BEFORE = re.compile(rf"(?P<word>[{UPPER}][\w'’.-]*)[^\S\n]\Z")
_CAPITALISED_AFTER = re.compile(rf"\s[{UPPER}0-9]")
# Words before which a name stands for a place or an organisation.
_PLACE_BEFORE = re.compile(r"\b(?:at|in|joined|joins|near|to)\s(?:the\s)?$", re.IGNORECASE)
_WHICH_AFTER = re.compile(r"[*_]*,?\s(?:which)\s")
# A relative pronoun for people after the name.
_WHO_AFTER = re.compile(r",?\s(?:who|whom)\b")


def add_people_by_given_name(draft: Draft, gazetteer: Gazetteer) -> None:
    """Person records for lone `Given Surname` pairs (see the module's docstring)."""
    if not gazetteer.given_names:
        return
    for passage in draft.passages:
        text = passage.text
        for match in _PAIR.finditer(text):
            # `Yeonsu Park`, and the surname first: `Lee Jun-ho`
            korean = romanised_korean_name(match["first"], match["last"]) or (
                "-" in match["last"] and romanised_korean_name(match["last"], match["first"])
            )
            korean = korean and gazetteer.lookup(match["first"]) is None
            if not (korean or match["first"] in gazetteer.given_names):
                continue
            if not _stands_alone(text, match) or _WHICH_AFTER.match(text, match.end("name")):
                continue  # `**Fleet Advisor**, which recommends`: a thing
            start, end = passage.start + match.start("name"), passage.start + match.end("name")
            if _a_word_of_the_trade(draft, gazetteer, match["first"], start, end):
                continue
            name = match["name"]
            # `Park` ends place names, and a Korean name (`Yeonsu Park`)
            if match["last"] in NOT_SURNAME_WORDS and not korean:
                continue
            if not is_person_name(name, gazetteer):
                continue
            if any(s.type == EntityType.PERSON for s in draft.spans_over(start, end)):
                continue
            take_back_a_guess(draft, gazetteer, start, end)
            for part in draft.spans_in(start, end):
                # `Fernanda` of `Fernanda Lima`, read alone as an organisation
                take_back_a_guess(draft, gazetteer, part.start, part.end)
            add_person_span(draft, gazetteer, name, name, start, end)


def _a_word_of_the_trade(
    draft: Draft, gazetteer: Gazetteer, first: str, start: int, end: int
) -> bool:
    """`on Server Fault or Stack Overflow`: a given name that is also a word of the trade
    (`Server`, `Fleet`, `Trace`) opens no person where the recogniser saw an organisation or a
    product."""
    return first.lower() in gazetteer.trade_words and any(
        (s.start, s.end) == (start, end) and s.type in GUESSED_TYPES for s in draft.spans
    )


# A Markdown heading that is a name with at most a label after it (`### 🌱 Lukas Brenner 멘토 ·
# Gardener`, `## 2. Priya Raman — Staff SRE`): the heading of a person's profile.
_PROFILE_HEADING_BEFORE = re.compile(
    rf"[ \t]*#+[ \t]+(?:{EMOJI}[ \t]*)?(?:\d+[.)][ \t]+)?[*_]{{0,2}}"
)
_PROFILE_HEADING_AFTER = re.compile(r"[*_]{0,2}[ \t]*(?:\n|$|[—–|·:(,]|-\s|[가-힣])")


def _heads_a_profile(text: str, match: re.Match[str]) -> bool:
    start = match.start("name")
    line_start = text.rfind("\n", 0, start) + 1
    return bool(
        _PROFILE_HEADING_BEFORE.fullmatch(text, line_start, start)
        and _PROFILE_HEADING_AFTER.match(text, match.end("name"))
    )


def _stands_alone(text: str, match: re.Match[str]) -> bool:
    if match["last"].isupper():
        return False
    if on_heading(text, match.start("name")):
        return _heads_a_profile(text, match)
    if title_case_line(text, match.start("name")):
        return False
    if _CAPITALISED_AFTER.match(text, match.end("name")):
        return False  # part of a longer name
    before = text[max(0, match.start("name") - 24) : match.start("name")]
    if _PLACE_BEFORE.search(before) and not _WHO_AFTER.match(text, match.end("name")):
        return False  # `joined Morgan Stanley`, but `joined Anouk de Groot, who ...`
    capitalised = _CAPITALISED_BEFORE.search(before)
    # A capitalised word before may start the sentence, end the one before (`in June. Ivo
    # Petrov`), be a role (`Host Marcus Boyd`) or the owner whose person this is (`Microsoft's
    # Fernanda Costa`).
    return capitalised is None or (
        capitalised["word"] in FUNCTION_WORDS
        or capitalised["word"].endswith(".")
        or capitalised["word"].lower() in ROLES_BEFORE_A_NAME
        or capitalised["word"].endswith(("'s", "’s"))
    )
