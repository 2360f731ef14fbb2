"""Paragraphs, sentences and passages as character offsets into `Article.text` (for citations).

Passages pack whole sentences up to a budget: Korean words cost their length over `chars_ko`,
other words cost one over `words_en` (more if longer than 20 characters, for runs without spaces),
so that mixed text is measured fairly. Only a sentence over the budget is cut, at whitespace (or
anywhere, if it has none). All scanning is linear: a 1 MB line costs no more than 1 MB of prose.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from forumgraph.errors import ConfigError
from forumgraph.models import Article, Passage
from forumgraph.text.hangul import HANGUL, HANGUL_RANGES
from forumgraph.text.language import detect_language

# Possessive quantifiers and the look-behind keep these linear on runs of dots or spaces.
BLANK_LINES = re.compile(r"\n(?:[^\S\n]*+\n)++")
WORD = re.compile(r"\S+")
NON_SPACE = re.compile(r"\S")
# Terminal punctuation with the quotes and brackets that close the sentence, then a space or end.
SENTENCE_END = re.compile(r"(?<![.!?…。！？])[.!?…。！？]++[\"'”’)\]」』]*+(?=\s|$)")
# "Mr. Smith", "e.g. this", "v. 2": a period after these does not end a sentence.
ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "al", "e.g", "i.e", "cf", "fig"}
    | {"no", "nos", "vol", "pp", "approx", "dept", "est", "inc", "ltd", "co", "corp", "mt"}
    | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
    | {"ave", "gen", "gov", "sen", "rep", "u.s", "a.m", "p.m"}
)
LIST_MARKER = re.compile(r"(?:[-*+•·]|\d{1,3}[.)])\s")
HEADING_MAX_CHARS = 80
# A word costs one up to this many characters (URLs, long identifiers), then more in proportion,
# which bounds passages of text without spaces.
CHARS_PER_WORD_CAP = 20
# Words holding Hangul, and long words without it; the look-behind anchors both at word starts and
# the possessive quantifiers forbid backtracking, so both scan in linear time.
KOREAN_WORD = re.compile(rf"(?<!\S)[^\s{HANGUL_RANGES}]*+[{HANGUL_RANGES}]\S*+")
LONG_OTHER_WORD = re.compile(rf"(?<!\S)[^\s{HANGUL_RANGES}]{{{CHARS_PER_WORD_CAP},}}+(?!\S)")
BUDGET = 1.0 + 1e-9  # one passage; the slack absorbs float rounding of summed word costs


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blocks separated by blank lines, without surrounding whitespace."""
    spans = []
    start = 0
    for gap in BLANK_LINES.finditer(text):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text)))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e)) is not None]


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end]: after . ! ? (not abbreviations) and at line breaks."""
    cuts = [start]
    for match in SENTENCE_END.finditer(text, start, end):
        if _ends_sentence(text, match.start(), match.end(), start, end):
            cuts.append(match.end())
    line_break = text.find("\n", start, end)
    while line_break >= 0:
        if not _is_soft_wrap(text, line_break, start, end):
            cuts.append(line_break)
        line_break = text.find("\n", line_break + 1, end)
    cuts.append(end)
    cuts = sorted(set(cuts))
    spans = [_trim(text, a, b) for a, b in itertools.pairwise(cuts)]
    return [span for span in spans if span is not None]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    first = NON_SPACE.search(text, start, end)
    if first is None:
        return None
    last = end
    while text[last - 1].isspace():
        last -= 1
    return first.start(), last


def _ends_sentence(text: str, dot: int, after: int, start: int, end: int) -> bool:
    if dot > start and HANGUL.match(text, dot - 1):
        return True  # "있다. gRPC는": a Korean ending, whatever the next word looks like
    following = NON_SPACE.search(text, after, end)
    if following is not None and following.group().islower() and following.group().isascii():
        return False  # "approx. five", "“Go.” she said"
    if text[dot] != "." or (after - dot > 1 and text[dot + 1] == "."):
        return True
    word_start = dot
    while word_start > start and dot - word_start < 20 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lstrip("([\"'“‘").lower()
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word.isascii()):
        return False  # "Dr. Kohn", "J. Smith"
    if not word.isdigit():
        return True
    # "1. Introduction" at the start of a line is a list number, not the end of a sentence.
    before = word_start
    while before > start and text[before - 1] in " \t":
        before -= 1
    return not (before == start or text[before - 1] == "\n")


def _is_soft_wrap(text: str, newline: int, start: int, end: int) -> bool:
    """A newline inside English prose: a letter or comma before it, a lower-case word after."""
    before = text[newline - 1] if newline > start else ""
    after = text[newline + 1 : newline + 4]
    if not after or LIST_MARKER.match(after + " "):
        return False
    return (before.isalpha() or before in ",;") and after[0].islower() and after[0].isascii()


@dataclass(frozen=True)
class _Unit:
    """A sentence, a piece of an over-long sentence, or a heading: what passages are packed from."""

    start: int
    end: int
    cost: float
    heading: bool = False


def split_passages(
    article: Article, chars_ko: int = 400, words_en: int = 200, overlap: float = 0.15
) -> list[Passage]:
    """Passages of whole sentences, about `chars_ko` Korean characters or `words_en` English words,
    each repeating about `overlap` of the previous one; `text[start:end] == passage.text`.

    A talk list is one passage per line, without overlap: its heading, each line of its prose,
    and each talk (title and credit), so that a talk is a search result of its own.
    """
    if chars_ko <= 0 or words_en <= 0 or not 0 <= overlap < 1:
        raise ConfigError(
            f"Passage sizes must be positive and overlap in [0, 1); got chars_ko={chars_ko}, "
            f"words_en={words_en}, overlap={overlap}.",
            hint="Check the passage_chars_ko and passage_words_en settings.",
        )
    text = article.text
    by_line = article.talk_list is not None
    if by_line:
        overlap = 0.0
    units = _units(text, chars_ko, words_en, by_line)
    passages: list[Passage] = []
    first = 0
    while first < len(units):
        last = first + 1 if by_line else _pack(units, first)
        start, end = units[first].start, units[last - 1].end
        passages.append(
            Passage(
                passage_id=f"{article.doc_id}#p{len(passages)}",
                doc_id=article.doc_id,
                index=len(passages),
                start=start,
                end=end,
                text=text[start:end],
                lang=detect_language(text[start:end]),
            )
        )
        if last >= len(units):
            break
        first = _overlap_start(units, first, last, overlap)
    return passages


def _group_end(units: list[_Unit], index: int) -> int:
    """Headings are packed with the units after them, so that they never end a passage
    (a run of headings only as far as the budget goes)."""
    end, cost = index + 1, units[index].cost
    while units[end - 1].heading and end < len(units) and cost + units[end].cost <= BUDGET:
        cost += units[end].cost
        end += 1
    return end


def _pack(units: list[_Unit], first: int) -> int:
    """The end (exclusive) of the passage starting at `first`: units while the budget lasts."""
    total, index = 0.0, first
    while index < len(units):
        take = _group_end(units, index)
        cost = sum(unit.cost for unit in units[index:take])
        if index > first and total + cost > BUDGET:
            break
        total, index = total + cost, take
    return index


def _overlap_start(units: list[_Unit], first: int, last: int, overlap: float) -> int:
    """Where the next passage starts: the trailing units closest to `overlap` of this passage,
    never the whole passage and never so many that the next unit no longer fits."""
    target = overlap * sum(unit.cost for unit in units[first:last])
    following = sum(unit.cost for unit in units[last : _group_end(units, last)])
    best, best_gap = last, target
    repeated = 0.0
    for start in range(last - 1, first, -1):
        repeated += units[start].cost
        if repeated + following > BUDGET:
            break
        if abs(repeated - target) < best_gap:
            best, best_gap = start, abs(repeated - target)
    return best


def _units(text: str, chars_ko: int, words_en: int, by_line: bool = False) -> list[_Unit]:
    units: list[_Unit] = []
    for para_start, para_end in split_paragraphs(text):
        if _is_heading(text, para_start, para_end):
            cost = _cost(text, para_start, para_end, chars_ko, words_en)
            units.append(_Unit(para_start, para_end, cost, heading=True))
            continue
        spans = _lines(text, para_start, para_end) if by_line else None
        for start, end in spans or split_sentences(text, para_start, para_end):
            cost = _cost(text, start, end, chars_ko, words_en)
            if cost <= BUDGET:
                units.append(_Unit(start, end, cost))
            else:
                units.extend(_fit(text, start, end, chars_ko, words_en))
    return units


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines of text[start:end], trimmed."""
    spans, cursor = [], start
    while cursor < end:
        newline = text.find("\n", cursor, end)
        stop = end if newline < 0 else newline
        trimmed = _trim(text, cursor, stop)
        if trimmed is not None:
            spans.append(trimmed)
        cursor = stop + 1
    return spans


def _is_heading(text: str, start: int, end: int) -> bool:
    """A short single line that does not end like a sentence: a heading or a caption."""
    return (
        end - start <= HEADING_MAX_CHARS
        and "\n" not in text[start:end]
        and text[end - 1] not in ".!?…。！？:;,"
    )


def _word_costs(
    text: str, start: int, end: int, chars_ko: int, words_en: int
) -> list[tuple[int, int, float]]:
    """(start, end, cost) of each word; the hot loop of splitting, so kept lean."""
    has_hangul = HANGUL.search
    per_char_ko, per_word_en = 1.0 / chars_ko, 1.0 / words_en
    costs = []
    for word in WORD.finditer(text, start, end):
        word_start, word_end = word.span()
        size = word_end - word_start + 1  # the word and the space after it
        if has_hangul(text, word_start, word_end):
            costs.append((word_start, word_end, size * per_char_ko))
        else:
            costs.append((word_start, word_end, max(1.0, size / CHARS_PER_WORD_CAP) * per_word_en))
    return costs


def _cost(text: str, start: int, end: int, chars_ko: int, words_en: int) -> float:
    """The sum of the word costs of text[start:end], counted with regexes rather than a loop."""
    span = text[start:end]
    korean = KOREAN_WORD.findall(span)
    korean_cost = (sum(map(len, korean)) + len(korean)) / chars_ko
    other_words = len(span.split()) - len(korean)
    # Each long word costs (len + 1) / cap instead of 1.
    extra = sum((len(w) + 1) / CHARS_PER_WORD_CAP - 1 for w in LONG_OTHER_WORD.findall(span))
    return korean_cost + (other_words + extra) / words_en


def _fit(text: str, start: int, end: int, chars_ko: int, words_en: int) -> list[_Unit]:
    """The sentence as one unit, or cut at whitespace into pieces that each fit the budget."""
    pieces: list[_Unit] = []
    piece_start, piece_end, piece_cost = start, start, 0.0
    for word_start, word_end, cost in _word_costs(text, start, end, chars_ko, words_en):
        if piece_cost > 0 and piece_cost + cost > BUDGET:
            pieces.append(_Unit(piece_start, piece_end, piece_cost))
            piece_start, piece_cost = word_start, 0.0
        if cost > BUDGET:  # one "word" over the budget: cut it into chunks that cost 1 each
            pieces.extend(_chunks(text, word_start, word_end, chars_ko, words_en))
            piece_start, piece_cost = word_end, 0.0
            continue
        piece_cost += cost
        piece_end = word_end
    if piece_cost > 0:
        pieces.append(_Unit(piece_start, piece_end, piece_cost))
    return pieces


def _chunks(text: str, start: int, end: int, chars_ko: int, words_en: int) -> list[_Unit]:
    korean = HANGUL.search(text, start, end) is not None
    size = max(1, chars_ko - 1 if korean else words_en * CHARS_PER_WORD_CAP - 1)
    return [
        _Unit(a, min(a + size, end), _cost(text, a, min(a + size, end), chars_ko, words_en))
        for a in range(start, end, size)
    ]
