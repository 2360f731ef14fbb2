"""Organisations and projects written in Hangul by sound (`도커`, `넷플릭스`, `마이크로소트`), found
through the gazetteer's sound index: a proper noun the analyser finds in Korean text that no
gazetteer name matched is linked when it sounds like exactly one
English gazetteer name (words the analyser's dictionary knows need a closer match: Korean
borrows many English words). The
Hangul spelling becomes the entity's Korean name, or a variant when it already has one.
"""

from __future__ import annotations

import re
import unicodedata

from forumgraph.ingest.extract_named import add_named
from forumgraph.ingest.extract_records import Draft, name_of
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer
from forumgraph.text.hangul import has_hangul, is_hangul_word
from forumgraph.text.particles import is_particle


def _ends_word(text: str, end: int) -> bool:
    """Whether a word ends at `end`, or only particles follow up to its end."""
    rest = re.match(r"\S*", text[end:])
    tail = rest.group() if rest else ""
    while tail and unicodedata.category(tail[-1]).startswith("P"):
        tail = tail[:-1]  # closing punctuation, an ellipsis (`화웨이…`)
    return not tail or is_particle(tail)


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not text[start - 1].isalnum()


def _known_word_and_particle(analyzer: Analyzer, form: str) -> bool:
    """`포트만`: a common noun the dictionary knows (`포트`) with a particle (`만`) the analyser
    did not split off."""
    for cut in (1, 2):
        head, tail = form[:-cut], form[-cut:]
        if len(head) >= 2 and is_particle(tail):
            tokens = analyzer.tokens(head)
            if len(tokens) == 1 and tokens[0].tag == "NNG" and not tokens[0].unknown:
                return True
    return False


def add_sound_matches(draft: Draft, analyzer: Analyzer, gazetteer: Gazetteer) -> None:
    """Mentions of gazetteer entries written in Hangul by sound."""
    linked: dict[str, str] = {}
    for passage in draft.passages:
        if not has_hangul(passage.text):
            continue
        for token in analyzer.tokens(passage.text):
            # A proper noun, or a noun of three syllables or more that the dictionary does not
            # know (`그라파나`, `링커드`); such a noun may be a loanword spelt freely (`프락시`)
            # or a piece of one (`딜레` of `딜레이`), so its key must equal the name's.
            unknown_noun = token.tag == "NNG" and token.unknown and len(token.form) >= 3
            if unknown_noun and _known_word_and_particle(analyzer, token.form):
                continue
            if not (token.tag == "NNP" or unknown_noun):
                continue
            if not is_hangul_word(token.form) or len(token.form) < 2:
                continue
            if not _ends_word(passage.text, token.end):
                continue  # a piece of a longer word (`오케스트레이` of `오케스트레이션`)
            start, end = passage.start + token.start, passage.start + token.end
            if gazetteer.lookup(token.form) is not None or any(
                s.start < end and start < s.end for s in draft.spans
            ):
                continue
            # A long whole word the dictionary does not know may be spelt freely
            # (`큐브스케이프`); a piece of a longer word, or a short loanword spelt freely
            # (`프락시`), must sound exactly like the name.
            whole = (
                len(token.form) >= 4
                and _starts_word(passage.text, token.start)
                and _ends_word(passage.text, token.end)
            )
            entry = gazetteer.sounds.match(
                token.form, known_word=not token.unknown, exact=unknown_noun and not whole
            )
            if entry is None:
                continue
            key = add_named(draft, gazetteer, EntityType(entry.kind), entry.canonical, start, end)
            if key is None:
                continue
            linked[token.form] = key
            if any(n.lang == "ko" for n in draft.names_of(key)):
                draft.add_variant(key, token.form)
            else:
                draft.entity(key, draft.type_of(key), [name_of(token.form)])
    _add_repeats(draft, linked)


def _add_repeats(draft: Draft, linked: dict[str, str]) -> None:
    """Other occurrences of a spelling linked once: the analyser tags the same word as a proper
    noun in one sentence and as a common noun in the next."""
    for form, key in linked.items():
        pattern = re.compile(rf"(?<![가-힣]){re.escape(form)}")
        for passage in draft.passages:
            for match in pattern.finditer(passage.text):
                if not _ends_word(passage.text, match.end()):
                    continue
                start, end = passage.start + match.start(), passage.start + match.end()
                if not any(s.start < end and start < s.end for s in draft.spans):
                    draft.mention(key, start, end)
