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
from forumgraph.ingest.extract_text import word_set
from forumgraph.ingest.gazetteer import Gazetteer, GazetteerEntry
from forumgraph.models import EntityType, Passage
from forumgraph.text.analyze import Analyzer, Token
from forumgraph.text.hangul import has_hangul, is_hangul_word
from forumgraph.text.particles import fits_particle, is_particle, stems, without_case_particle

# Unicode categories of closing brackets, quotes and other punctuation that may end a word.
_CLOSING = ("Pe", "Pf", "Po")


# Loanwords of event and community writing that the dictionary may lack and that sound like some
# product's name (`웨비나`, Webiny): ordinary words, never names.
_ORDINARY_LOANWORDS = word_set(
    "웨비나 웨비나르 세미나 워크숍 워크샵 밋업 컨퍼런스 콘퍼런스 해커톤 키노트 세션 트랙 부스 "
    "스폰서 파트너 네트워킹 스트리밍 라이브 데모 핸즈온 패널 라운드테이블 에반젤리스트 "
    # the words of incident response (`인시던트 커맨더`, Komodor)
    "인시던트 커맨더 온콜 포스트모템 런북 에스컬레이션"
)


def _ends_word(text: str, end: int) -> bool:
    """Whether a word ends at `end`, or only particles follow up to its end (also after a
    closing quote or bracket: `실리움"을`)."""
    tail = _tail(text, end)
    return not tail or is_particle(tail)


def _tail(text: str, end: int) -> str:
    """The rest of the word from `end` up to an opening bracket (`래블업(대표`), without
    punctuation around it."""
    rest = re.match(r"[^\s(\[{（「『]*", text[end:])
    tail = rest.group() if rest else ""
    while tail and unicodedata.category(tail[0]) in _CLOSING:
        tail = tail[1:]
    while tail and unicodedata.category(tail[-1]).startswith("P"):
        tail = tail[:-1]  # closing punctuation, an ellipsis (`화웨이…`)
    return tail


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


# An ordinary English word in brackets after a Hangul word: its gloss.
_GLOSSED_IN_LOWER_CASE = re.compile(r"\s?\((?P<word>(?:[a-z]+[ -])*[a-z]+)\)")


def add_sound_matches(draft: Draft, analyzer: Analyzer, gazetteer: Gazetteer) -> None:
    """Mentions of gazetteer entries written in Hangul by sound."""
    linked: dict[str, str] = {}
    for passage in draft.passages:
        if not has_hangul(passage.text):
            continue
        tokens = analyzer.tokens(passage.text)
        for token in tokens:
            tail = _tail(passage.text, token.end)
            ends_word = not tail or is_particle(tail)
            whole = (
                _starts_word(passage.text, token.start)
                and ends_word
                and fits_particle(token.form, tail)
            )
            # A proper noun, or a noun that the dictionary does not know of three syllables or
            # more (`그라파나`, `링커드`) or standing as a word of its own (`팔코로`); such a
            # noun may be a loanword spelt freely (`프락시`) or a piece of one (`딜레` of
            # `딜레이`), so its key must equal the name's.
            unknown_noun = token.tag == "NNG" and token.unknown and (len(token.form) >= 3 or whole)
            if unknown_noun and _known_word_and_particle(analyzer, token.form):
                continue
            if not (token.tag == "NNP" or unknown_noun):
                continue
            if not is_hangul_word(token.form) or len(token.form) < 2:
                continue
            if token.form in _ORDINARY_LOANWORDS:
                continue
            if not ends_word:
                continue  # a piece of a longer word (`오케스트레이` of `오케스트레이션`)
            gloss = _GLOSSED_IN_LOWER_CASE.match(passage.text, token.end)
            if gloss and gazetteer.lookup(gloss["word"]) is None:
                continue  # `인플레이스(in-place)`: an ordinary word, as its gloss says
            # A long whole word the dictionary does not know may be spelt freely
            # (`큐브스케이프`); a piece of a longer word, or a short loanword spelt freely
            # (`프락시`), must sound exactly like the name.
            exact = unknown_noun and not (whole and len(token.form) >= 4)
            start = passage.start + token.start
            # An unknown word may hold a particle the analyser did not split off (`팔코로`).
            stemmed = without_case_particle(token.form) if token.unknown else None
            for form in (token.form, *([stemmed] if stemmed else [])):
                if len(form) < 2 or not _available(draft, gazetteer, form, start):
                    continue
                entry = gazetteer.sounds.match(
                    form, known_word=not token.unknown, exact=exact or form != token.form
                )
                if entry is not None:
                    _link(draft, gazetteer, entry, form, start, linked)
                    break
                place = gazetteer.sounds.place(form, proper_noun=token.tag == "NNP")
                if place is not None:  # `KCD 재팬`: a country written by sound, a cue
                    draft.cues.append((start, start + len(form), place.reference))
                    break
        _add_split_words(draft, gazetteer, passage, tokens, linked)
        _add_names_of_loanwords(draft, gazetteer, passage, linked)
    _add_repeats(draft, linked)


# One to three Hangul words in a row, from each word's start.
_HANGUL_WORDS = re.compile(r"(?<![가-힣A-Za-z0-9])(?=(?P<words>[가-힣]+(?:\s[가-힣]+){0,2}))")


def _add_names_of_loanwords(
    draft: Draft, gazetteer: Gazetteer, passage: Passage, linked: dict[str, str]
) -> None:
    """`구글 클라우드`, `데이터독`: a name built of English words, spelt as Korean borrows them
    (a longer name wins over a shorter one read inside it: `구글` of `구글 클라우드`)."""
    for run in _HANGUL_WORDS.finditer(passage.text):
        words = run["words"].split()
        for size in range(len(words), 0, -1):
            spelt = words[:size]
            last = spelt[-1]
            for stem in dict.fromkeys((last, *stems(last))):
                entry = gazetteer.loanwords.match([*spelt[:-1], stem])
                if entry is None:
                    continue
                form = " ".join([*spelt[:-1], stem])
                start = passage.start + run.start()
                end = start + len(form)
                inside = draft.spans_over(start, end)
                if any(s.start < start or s.end > end for s in inside) or any(
                    s.type not in (EntityType.ORGANIZATION, EntityType.PROJECT) for s in inside
                ):
                    break  # something longer, or of another kind, is read there
                for shorter in inside:
                    draft.unmention(shorter)
                    if not draft.mentioned(shorter.key):
                        draft.discard(shorter.key)
                _link(draft, gazetteer, entry, form, start, linked)
                break


# A run of four Hangul syllables or more starting a word.
_LONG_HANGUL_WORD = re.compile(r"(?<![가-힣A-Za-z0-9])[가-힣]{4,}")
# Tags of verbs, adjectives, endings and particles: a word holding one is no name.
_NOT_IN_A_NAME = ("V", "E", "J")


def _add_split_words(
    draft: Draft,
    gazetteer: Gazetteer,
    passage: Passage,
    tokens: list[Token],
    linked: dict[str, str],
) -> None:
    """A long word the analyser cut into pieces (`오픈텔레메트리` as `오픈`+`텔레`+`메`+`트리`,
    `시그스토어` as `시`+`그`+`스토어`) that, whole, sounds exactly like a name."""
    text = passage.text
    for match in _LONG_HANGUL_WORD.finditer(text):
        word = match.group()
        for form in [word, *reversed(list(stems(word)))]:
            if len(form) < 4:
                break
            if not _ends_word(text, match.start() + len(form)):
                continue
            start = passage.start + match.start()
            if not _available(draft, gazetteer, form, start):
                break
            entry = gazetteer.sounds.match(form, exact=True)
            if entry is None:
                continue
            end = match.start() + len(form)
            pieces = [t for t in tokens if match.start() <= t.start and t.end <= end]
            # The last piece may be read as a one-syllable particle after proper or unknown
            # nouns (`그라파나` as `그라파` + `나`), not after a common word (`사이트에`).
            ending = bool(pieces) and pieces[-1].tag.startswith("J") and len(pieces[-1].form) == 1
            common = any(t.tag == "NNG" and not t.unknown for t in pieces[:-1])
            inner = pieces[:-1] if ending and not common else pieces
            if len(pieces) >= 2 and not any(t.tag.startswith(_NOT_IN_A_NAME) for t in inner):
                _link(draft, gazetteer, entry, form, start, linked)
            break


def _available(draft: Draft, gazetteer: Gazetteer, form: str, start: int) -> bool:
    """A Hangul form no gazetteer name matched and no mention covers yet."""
    end = start + len(form)
    if gazetteer.lookup(form) is not None:
        return False
    return not draft.spans_over(start, end)


def _link(
    draft: Draft,
    gazetteer: Gazetteer,
    entry: GazetteerEntry,
    form: str,
    start: int,
    linked: dict[str, str],
) -> None:
    """A mention of `entry` spelt `form`, which becomes its Korean name or a variant of it."""
    key = add_named(
        draft, gazetteer, EntityType(entry.kind), entry.canonical, start, start + len(form)
    )
    if key is None:
        return
    linked[form] = key
    if any(n.lang == "ko" for n in draft.names_of(key)):
        draft.add_variant(key, form)
    else:
        draft.entity(key, draft.type_of(key), [name_of(form)])


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
                if not draft.spans_over(start, end):
                    draft.mention(key, start, end)
