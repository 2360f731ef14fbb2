"""Whether a Hangul word can be a Korean personal name: a surname of the inventory, then a given
name the analyser does not read as a known word (`김민수`, `남궁다인`; not `정문`, `지역의`).
"""

from __future__ import annotations

import itertools

from forumgraph.ingest.extract_people_cues import KO_ROLE_HEADS
from forumgraph.ingest.extract_text import word_set
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.text.analyze import Analyzer, Token
from forumgraph.text.hangul import is_hangul_word

# Korean surnames: one syllable, and the two-syllable ones.
KO_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진지엄채원천방공"
    "현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈"
    "동온호범좌팽승간상갈나라"
)
# The surnames most Koreans bear (some forty cover nine in ten).
_COMMON_SURNAMES = frozenset(
    "김박최정강조윤장임오서신권황안송류유전홍고문양손배백허남심노곽성차주우구민진엄채원"
)
KO_DOUBLE_SURNAMES = word_set("남궁 황보 제갈 선우 독고 사공 서문 동방 을지 어금")
_NOT_NAME_TAGS = ("J", "E", "X", "V")  # particles, endings, affixes, verbs


def is_korean_name(
    text: str, analyzer: Analyzer, gazetteer: Gazetteer, *, in_a_names_place: bool = False
) -> bool:
    """Whether `text` can be a Korean personal name (surname + given name) and is no known name
    or ordinary word. `in_a_names_place`: a title, honorific or byline says a name stands
    there, so the analyser's reading of the last syllables as a particle or an ending (`김유나`
    as `김유` + `나`) does not stop it."""
    if not is_hangul_word(text) or gazetteer.lookup(text) is not None:
        return False
    double = text[:2] in KO_DOUBLE_SURNAMES
    if not (2 <= len(text) <= (4 if double else 3)) or not (double or text[0] in KO_SURNAMES):
        return False
    if any(_loanword_syllable(c) for c in text):
        return False
    tokens = analyzer.tokens(text)
    if any(t.tag.startswith(_NOT_NAME_TAGS) for t in tokens):
        # `류하나 님`, `최아린 님`: three syllables with a common surname, in a name's place, are
        # a name however the analyser reads them alone
        # (not a common noun of two syllables, then a particle or an ending: `주제로`, `신청은`,
        # `정리해`)
        common = (
            len(text) == 3
            and text[0] in _COMMON_SURNAMES
            and not (tokens[0].tag == "NNG" and not tokens[0].unknown and len(tokens[0].form) >= 2)
        )
        return in_a_names_place and (
            common or _split_name(text, tokens, gazetteer) or _read_with_a_copula(text, tokens)
        )
    if len(tokens) > 1 and all(
        t.tag == "NNG" and not t.unknown and len(t.form) >= 2 for t in tokens
    ):
        return False  # a compound of common nouns (`전산학부`; `정문` + `석` may be a name)
    if len(tokens) == 1 and not tokens[0].unknown:
        # One known morpheme: a common noun is a word, and so is a short proper noun (a place)
        # or a role the dictionary lists as a proper noun (`기여자`).
        return tokens[0].tag == "NNP" and len(text) >= 3 and text not in KO_ROLE_HEADS
    return True


def _loanword_syllable(char: str) -> bool:
    """A consonant with the vowel ㅡ and no final (`드`, `브`, `스`): how Korean spells English
    consonant clusters (`백엔드`, `하이브`), and never a syllable of a Korean given name."""
    code = ord(char) - 0xAC00
    return 0 <= code < 11172 and (code % 588) // 28 == 18 and code % 28 == 0 and code // 588 != 11


# Suffixes and endings that make a word an adjective or a verb (`동일한`, `정확한`).
_WORD_FORMING_TAGS = ("XS", "ETM", "ETN")


def _split_name(text: str, tokens: list[Token], gazetteer: Gazetteer) -> bool:
    """`김유나` read as `김유` + `나`, `오민지` as `오미` + `이` + `ㄴ지`: a name the analyser cut
    into a proper noun and a particle or an ending; not an adjective (`동일한`), a common noun
    (`지역의`) or a known name (`도커의`) with a particle."""
    if not (3 <= len(text) <= 4 and text[0] in KO_SURNAMES):
        return False
    nouns = list(itertools.takewhile(lambda t: t.tag.startswith("NN"), tokens))
    if not nouns or not (
        any(t.tag == "NNP" or t.unknown for t in nouns) or all(len(t.form) == 1 for t in nouns)
    ):
        return False  # a common noun with a particle (`지역의`; `남` + `유` + `나` is a name)
    if any(t.tag.startswith(_WORD_FORMING_TAGS) for t in tokens):
        return False
    base = "".join(t.form for t in nouns)
    return gazetteer.lookup(base) is None and gazetteer.sounds.match(base) is None


def _read_with_a_copula(text: str, tokens: list[Token]) -> bool:
    """`정세라` read as `정세` + `이` + `라` (`it is 정세`): three syllables with a common surname,
    the last read as the ending of a copula the text does not write."""
    return (
        len(text) == 3
        and text[0] in _COMMON_SURNAMES
        and len(tokens) >= 3
        and len(tokens[0].form) == 2
        and tokens[1].tag == "VCP"
        and all(t.tag.startswith("E") for t in tokens[2:])
    )


def surname_and_given(name: str, analyzer: Analyzer) -> bool:
    """A surname and a given name of three or four syllables that the analyser does not read as
    one known common noun (it may read them as a verb: `임하람` as `임하-` + `-람`)."""
    if not (3 <= len(name) <= 4 and name[0] in KO_SURNAMES):
        return False
    tokens = analyzer.tokens(name)
    return not (len(tokens) == 1 and tokens[0].tag.startswith("NN") and not tokens[0].unknown)
