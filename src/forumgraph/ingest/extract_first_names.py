"""People the prose names by their given name alone, where it says a person stands there:

    my colleague Ingrid sat in the front row      Ola, our team lead, watched the stream
    mostly from Kari, who ran the on-call rota    Thanks to Bartek, whom I'd met the day before

The word must be a known given name, capitalised, and no name the gazetteer knows; where the
document names a person whose first name it is (`Fiona` after `Fiona Gallagher`), it is that
person.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_people import add_person_span
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType

_WORD = r"[A-Z][^\W\d_]{1,20}(?:['’-][^\W\d_]{1,20})?"  # `Ingrid`, `Ayşe`, `O'Neil`
_GIVEN = rf"(?P<name>{_WORD})"
# Someone's relation to the writer or to another person, before or after the name.
_RELATION = (
    r"(?:colleagues?|teammates?|team-mates?|co-?workers?|manager|boss|(?:tech\s|team\s)?lead"
    r"|mentor|friend|co-?speaker|co-?presenter|co-?host|co-?founder|co-?organi[sz]er|partner"
    r"|editor|intern)"
)
_OWNER = r"(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)"
_CUES = (
    # `my colleague Ingrid`, `our old manager Kari`
    re.compile(rf"\b{_OWNER}\s(?:(?:old|former|new|fellow|first)\s)?{_RELATION}\s{_GIVEN}\b"),
    # `Ola, our team lead`, `Sunita, my tech lead there`
    re.compile(rf"(?<![\w'’-]){_GIVEN},\s{_OWNER}\s(?:[\w-]+\s){{0,2}}?{_RELATION}\b"),
    # `from Kari, who ran`, `Bartek, whom I'd met`
    re.compile(rf"(?<![\w'’-]){_GIVEN},\s(?:who|whom)\s"),
)
# `my colleagues on the Banco Aurora platform team, Larissa and Pedro`: a list after the cue.
_LISTED = re.compile(
    rf"\b{_OWNER}\s(?:(?:old|former|new|fellow)\s)?(?:{_RELATION}|volunteers|organi[sz]ers|hosts)"
    r"(?:\s(?:on|in|at|from)\s[^,.;:\n]{1,40}?)?,?\s"
    rf"(?P<list>{_WORD}(?:(?:,\s|,?\sand\s){_WORD}){{1,5}})\b"
)


def add_people_by_given_name_alone(draft: Draft, gazetteer: Gazetteer) -> None:
    """Person mentions for lone given names in the cues above."""
    if not gazetteer.given_names:
        return
    text = draft.article.text
    for passage in draft.passages:
        for cue in _CUES:
            for match in cue.finditer(text, passage.start, passage.end):
                _add(draft, gazetteer, match["name"], match.start("name"))
        for match in _LISTED.finditer(text, passage.start, passage.end):
            words = list(re.finditer(_WORD, match["list"]))
            # a list that is mostly known given names vouches for the others (`Ayşe, Mert`)
            known = sum(w.group() in gazetteer.given_names for w in words)
            for word in words:
                start = match.start("list") + word.start()
                _add(draft, gazetteer, word.group(), start, vouched=2 * known >= len(words))


def _add(
    draft: Draft, gazetteer: Gazetteer, name: str, start: int, *, vouched: bool = False
) -> None:
    text, end = draft.article.text, start + len(name)
    if not (vouched or name in gazetteer.given_names) or gazetteer.lookup(name) is not None:
        return
    if _not_a_name_there(text, start, end) or draft.spans_over(start, end):
        return
    owner = _person_of_first_name(draft, name)
    if owner is not None:
        draft.mention(owner, start, end)
    else:
        add_person_span(draft, gazetteer, name, name, start, end)


def _not_a_name_there(text: str, start: int, end: int) -> bool:
    """A capitalised word right before or after it: part of a longer name (`Ingrid Berg`)."""
    before = text[max(0, start - 30) : start]
    return bool(re.match(r"\s[A-Z]", text[end : end + 2])) or bool(
        re.search(r"[A-Z][\w'’.-]*\s$", before) and not re.search(rf"\b(?:{_RELATION})\s$", before)
    )


def _person_of_first_name(draft: Draft, given: str) -> str | None:
    owners = {
        key
        for key in draft.keys(EntityType.PERSON)
        for n in draft.names_of(key)
        if len(n.text.split()) >= 2 and n.text.split()[0] == given
    }
    return owners.pop() if len(owners) == 1 else None
