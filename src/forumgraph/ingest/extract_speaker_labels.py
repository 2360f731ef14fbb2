"""Speakers of a transcript: the names that open its lines (`Marek: I went to my first KubeCon`,
`**김민수:** 네, 맞습니다`).

A label is a speaker when it opens two lines or more and another label opens lines too (a
dialogue, not one `Note:`), and it reads as a name: a Latin label starts with a given name, a
Hangul label is a Korean name. A label that is the first name or surname of a person the
document already names (the author `Lina Okafor` as `Lina:`) is that person.
"""

from __future__ import annotations

import re
from collections import Counter

from forumgraph.ingest.extract_people import add_person_span
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.ingest.korean_names import is_korean_name, surname_and_given
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer
from forumgraph.text.hangul import has_hangul

# Question lines of an interview (`Q.`, `Q:`, `질문:`).
_QUESTIONS = re.compile(r"^[ \t>*_]*(?:Q\d*[.:)]|질문\s?[.:])", re.MULTILINE)
_LABEL = re.compile(
    r"^[ \t>*_]*(?P<name>[A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+){0,2}|[가-힣]{2,4}"
    # in capitals, as transcripts write them: `TOM:`, `ADAEZE:`
    r"|[A-Z]{2,}(?:[ -][A-Z]{2,}){0,2})[ \t*_]*[:：][ \t*_]*\S",
    re.MULTILINE,
)


def add_speaker_labels(draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer) -> None:
    """People named by the labels that open the lines of a dialogue."""
    text = draft.article.text
    labels = [m for m in _LABEL.finditer(text) if not draft.spans_over(*m.span("name"))]
    counts = Counter(m["name"] for m in labels)
    speakers = {
        name
        for name, n in counts.items()
        if n >= 2 and _reads_as_a_name(_written_as_a_name(name), gazetteer, analyzer)
    }
    repeated = [name for name, n in counts.items() if n >= 2]
    if len(repeated) < 2 and not (repeated and _QUESTIONS.search(text)):
        return  # one repeated label is a heading style (`Note:`), not a dialogue or interview
    for match in labels:
        name = match["name"]
        if name not in speakers:
            continue
        start, end = match.span("name")
        known = _person_named(draft, _written_as_a_name(name))
        if known is not None:
            draft.mention(known, start, end)
        elif not name.isupper():  # a label in capitals is only a person the text names
            add_person_span(draft, gazetteer, name, name, start, end)


def _written_as_a_name(label: str) -> str:
    """`TOM` as `Tom`: a label in capitals, as a name is written."""
    return label.title() if label.isupper() else label


def _reads_as_a_name(name: str, gazetteer: Gazetteer, analyzer: Analyzer) -> bool:
    if gazetteer.lookup(name) is not None:
        return False
    if has_hangul(name):
        # A label is a name's place: a surname and a given name the analyser may read as a
        # verb (`임하람` as `임하-` + `-람`) will do, a common noun will not.
        return is_korean_name(name, analyzer, gazetteer) or surname_and_given(name, analyzer)
    return name.split()[0] in gazetteer.given_names


def _person_named(draft: Draft, label: str) -> str | None:
    """The one person of the document whose name is `label` or starts or ends with it."""
    found = {
        key
        for key in draft.keys(EntityType.PERSON)
        for n in draft.names_of(key)
        if n.text == label or n.text.split()[0] == label or n.text.split()[-1] == label
    }
    return found.pop() if len(found) == 1 else None
