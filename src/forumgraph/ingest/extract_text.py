"""Text helpers for extraction: script-aware word tokens, sentences and phrase matching.

Words are split where the script changes (`삼성SDS의` -> `삼성`, `SDS`, `의`), so that names written
with or without a space (`삼성 SDS`) and names followed by a Korean particle match alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from forumgraph.text.hangul import SYLLABLE_FIRST, SYLLABLE_LAST
from forumgraph.text.particles import is_particle

_SYLLABLES = f"{SYLLABLE_FIRST}-{SYLLABLE_LAST}"
_TOKEN = re.compile(
    rf"(?P<hangul>[{_SYLLABLES}]+)|(?P<latin>(?:(?![{_SYLLABLES}])[^\W\d_])+)|(?P<digit>\d+)"
    r"|(?P<punct>[^\s\w]|_)"
)


def word_set(words: str) -> frozenset[str]:
    """The set of the space-separated words of `words` (for word lists kept as prose)."""
    return frozenset(words.split())


# Capitalised words that open a sentence or clause in English and are never part of a name.
FUNCTION_WORDS = word_set(
    "A An The This That These Those Our We You They It Its His Her Their My Your In On At For "
    "From With And Or But If When While Since During After Before Today Yesterday Tomorrow Next "
    "Last Every Each All Both Many Some Most Several Thanks Please Also Here There Then Now Why "
    "How What Who Where Which As By To Of Into Via Per About Like Unlike Because So Yet Not No "
    "Dear Hi Hello Welcome Congratulations Later Earlier Finally Meanwhile Afterwards Recently "
    "Currently Previously Instead Again Besides Otherwise Indeed "
    # imperatives that open a sentence (`Find Giulia Romano at booth S2`)
    "Find Ask Meet Say Join Visit Contact Follow Check See Talk Thank Look Grab Catch Stop"
)
# Acronyms of technology in general, never the name of one project or organisation.
GENERIC_ACRONYMS = word_set(
    "API APIs CLI SDK UI UX CPU GPU TPU RAM HTTP HTTPS TCP UDP DNS IP VM VMs OS AI ML LLM LLMs CI "
    "CD PR PRs IT SaaS PaaS IaaS JSON YAML XML SQL CRD CRDs URL TLS SSL RBAC IAM FAQ PoC GA RC "
    "CVE CVEs KEP KEPs QA SLA SLO SRE IoT VPN SSH GUI IDE OSS"
)
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|(?<=다\.)|\n+")


@dataclass(frozen=True)
class Word:
    """A script-uniform run of characters with its offsets."""

    text: str
    start: int
    end: int
    script: str  # hangul, latin, digit or punct


def written_in_lower_case(name: str, text: str) -> bool:
    """Whether `text` also writes `name` in lower case as a word of its own (`Go` and `go`):
    then the capitalised form may be an ordinary word. A channel, handle, path or host
    (`#foo`, `@foo`, `foo.io`) is written in lower case whatever the name."""
    lower = name.lower()
    word = rf"(?<![A-Za-z#@/.-]){re.escape(lower)}(?![A-Za-z]|[./-]\w)"
    return lower != name and re.search(word, text) is not None


def words(text: str) -> list[Word]:
    """The script-split words of `text` with character offsets."""
    return [
        Word(m.group(), m.start(), m.end(), m.lastgroup or "punct") for m in _TOKEN.finditer(text)
    ]


def phrase_key(text: str) -> tuple[str, ...]:
    """The tuple of words of a name, ignoring the spacing between them."""
    return tuple(w.text for w in words(text))


@dataclass(frozen=True)
class Sentence:
    """A sentence of a passage, with offsets into the article."""

    text: str
    start: int
    end: int
    paragraph: int  # index of the paragraph within the passage


def sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of `text` (split at ., ?, ! followed by space, after `다.` and at line breaks)."""
    out: list[Sentence] = []
    paragraph = 0
    cursor = 0
    for match in _SENTENCE_END.finditer(text + "\n"):
        chunk = text[cursor : match.start()]
        stripped = chunk.strip()
        if stripped:
            start = cursor + chunk.index(stripped)
            out.append(
                Sentence(stripped, offset + start, offset + start + len(stripped), paragraph)
            )
        if match.group().count("\n") >= 2:
            paragraph += 1
        cursor = match.end()
    return out


@dataclass(frozen=True)
class PhraseMatch:
    """A phrase found in text: its span (particles excluded) and the value registered for it."""

    start: int
    end: int
    value: str


class PhraseMatcher:
    """Longest, non-overlapping matches of many phrases by word n-grams (fast for thousands).

    Latin words match case-sensitively and whole; a Hangul word may carry a trailing particle.
    """

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def add(self, phrase: str, value: str) -> None:
        key = phrase_key(phrase)
        if key:
            self._by_first.setdefault(key[0], []).append((key, value))

    def add_all(self, pairs: Iterable[tuple[str, str]]) -> None:
        for phrase, value in pairs:
            self.add(phrase, value)
        for candidates in self._by_first.values():
            candidates.sort(key=lambda kv: -len(kv[0]))

    def find(self, text: str, offset: int = 0) -> list[PhraseMatch]:
        """All longest matches in `text`, left to right, with offsets shifted by `offset`."""
        tokens = words(text)
        out: list[PhraseMatch] = []
        i = 0
        while i < len(tokens):
            found = self._match_at(tokens, i)
            if found is None:
                i += 1
                continue
            length, end, value = found
            out.append(PhraseMatch(offset + tokens[i].start, offset + end, value))
            i += length
        return out

    def _match_at(self, tokens: list[Word], i: int) -> tuple[int, int, str] | None:
        best: tuple[int, int, str] | None = None
        for first in _heads(tokens[i]):
            for key, value in self._by_first.get(first, ()):
                if best is not None and len(key) <= best[0]:
                    break
                end = _match_key(tokens, i, key)
                if end is not None and _left_boundary(tokens, i):
                    best = (len(key), end, value)
        return best


def _heads(token: Word) -> Iterator[str]:
    """The token itself and, for Hangul, each prefix that leaves only particles behind."""
    yield token.text
    if token.script == "hangul":
        for cut in range(len(token.text) - 1, 0, -1):
            if is_particle(token.text[cut:]):
                yield token.text[:cut]


def _match_key(tokens: list[Word], i: int, key: tuple[str, ...]) -> int | None:
    if i + len(key) > len(tokens):
        return None
    for j, part in enumerate(key):
        token = tokens[i + j]
        if token.text == part:
            continue
        last = j == len(key) - 1
        rest = token.text[len(part) :]
        if last and token.script == "hangul" and token.text.startswith(part) and is_particle(rest):
            return token.start + len(part)
        return None
    end_token = tokens[i + len(key) - 1]
    following = tokens[i + len(key)] if i + len(key) < len(tokens) else None
    # Whole words only: `Helm` must not match inside `Helm-based`'s neighbour `Helmwave`.
    if following is not None and following.start == end_token.end:
        if following.script == end_token.script and end_token.script in {"latin", "digit"}:
            return None
        if end_token.script == "hangul" and following.script == "hangul":
            return None
    return end_token.end


def _left_boundary(tokens: list[Word], i: int) -> bool:
    if i == 0:
        return True
    before, token = tokens[i - 1], tokens[i]
    return not (before.end == token.start and before.script == token.script != "punct")


_LINE_HEADING = re.compile(r"^\s*#")
# What may open a line before its first words: indentation and a list item's mark (`- `, `2. `).
LIST_ITEM_MARK = r"[ \t]*(?:[-*+•][ \t]+|\d+[.)][ \t]+)?"
# An emoji, which may open a line too (`👩‍💻 **Jane Doe** — ...`, `🏆 Top Documentarian — ...`).
EMOJI = r"[\u2600-\u27BF\U0001F000-\U0001FAFF][\u200d\ufe0f\u2600-\u27BF\U0001F000-\U0001FAFF]*"


def on_heading(text: str, offset: int) -> bool:
    """Whether `offset` lies on a Markdown heading line."""
    line_start = text.rfind("\n", 0, offset) + 1
    return bool(_LINE_HEADING.match(text[line_start : line_start + 4]))


# A quotation on one line: someone else's words, not the writer's.
_QUOTED = re.compile(r"[\"“][^\"”\n]{0,400}[\"”]")


def without_quotations(text: str) -> str:
    """`text` with each quotation on a line blanked (`"We built it," said ...` -> ` said ...`)."""
    return _QUOTED.sub(" ", text)


_BYLINE_START = re.compile(r"[\s>*_-]*(?:[Bb]y|[Pp]osted\sby|[Ww]ritten\sby)\s")


def title_case_line(text: str, offset: int) -> bool:
    """A line of four or more words nearly all capitalised: a title or a list of headlines,
    where a model takes capitals for names (not a byline: `Posted by Jane Doe, Developer
    Relations`)."""
    line_start = text.rfind("\n", 0, offset) + 1
    if _BYLINE_START.match(text, line_start):
        return False
    line_end = text.find("\n", offset)
    words = [
        w for w in text[line_start : line_end if line_end >= 0 else None].split() if w[0].isalpha()
    ]
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)
