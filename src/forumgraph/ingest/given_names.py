"""Given names in Latin script (`given_names.txt` beside the landscape, made by
scripts/build_given_names.py): evidence that two capitalised words are a person's name when the
recogniser calls them something else or nothing (`Emeka Obi from Lantern Freight`)."""

from __future__ import annotations

import re
from pathlib import Path

from forumgraph.errors import InputError

GIVEN_NAMES_FILE = "given_names.txt"


def load_given_names(path: Path) -> frozenset[str]:
    """The names of the file, one per line (`#` starts a comment); empty without the file."""
    if not path.is_file():
        return frozenset()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"Cannot read the given-name list {path}: {exc}.",
            hint="Rebuild it with scripts/build_given_names.py or delete it.",
        ) from exc
    return frozenset(s for line in lines if (s := line.strip()) and not s.startswith("#"))


# Korean names written in Latin letters (`Yeonsu Park`, `Ji-hoon Kim`): a common Korean
# surname after a given name of two romanised syllables, which no list of given names holds.
_KOREAN_SURNAMES = (
    "Kim Lee Yi Rhee Park Pak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon Yun Jang Chang "
    "Lim Im Han Oh Seo Suh Shin Sin Kwon Hwang Ahn An Song Yoo Yu Ryu Hong Jeon Jun Ko Go "
    "Moon Mun Yang Son Sohn Bae Baek Paik Heo Hur Nam Sim Shim Noh Roh Ha Kwak Sung Seong "
    "Cha Joo Ju Woo Min Na Jin Ji Eom Um Chae Won Cheon Chun Bang Gong Kong Hyun Byun Byeon "
    "Yeom Yeo Chu Do Seok Seol Ma Gil Pyo Ki Ban Wang Geum Ok Yook Maeng Tak Kook Ryoo"
)
_SURNAMES = frozenset(_KOREAN_SURNAMES.split())
_ROMANISED_SYLLABLE = (
    r"(?:kk|tt|pp|ss|jj|ch|g|k|n|d|t|r|l|m|b|p|s|j|h)?"
    r"(?:yeo|yae|wae|woo|yoo|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ou|a|e|i|o|u)"
    r"(?:ng|k|n|t|l|m|p)?"
)
_ROMANISED_GIVEN = re.compile(rf"(?i:{_ROMANISED_SYLLABLE})(?:-?(?i:{_ROMANISED_SYLLABLE}))")


def romanised_korean_name(first: str, last: str) -> bool:
    """`Yeonsu Park`, `Ji-hoon Kim`: a given name of two romanised Korean syllables and a
    common Korean surname."""
    return (
        last in _SURNAMES
        and first[:1].isupper()
        and 3 <= len(first.replace("-", "")) <= 8
        and _ROMANISED_GIVEN.fullmatch(first) is not None
    )
