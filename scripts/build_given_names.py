"""Write data/gazetteer/given_names.txt: given names of many countries in Latin script.

    pip install faker==40.63.0 && python scripts/build_given_names.py

Source: the person providers of the Faker package (MIT): the first names of every locale,
including the romanised Japanese and Chinese ones, as Faker lists them; and the family names of the
locales that write the family name first (`Nguyễn Văn An`, `Zhang Wei`, `Nagy Péter`), since there
the family name is the word that opens a person's name. A name is kept when it is one word (or two
joined by a hyphen or an apostrophe) in Latin script, of two letters or more.
Names that are also common English words (`Will`, `May`, `Hope`: Faker's own English word list)
are left out, since a sentence may start with the word.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata
from pathlib import Path

import faker.providers.person as person_providers
from faker.providers.lorem.en_US import Provider as EnglishWords

OUT = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "given_names.txt"
LATIN_NAME = re.compile(r"[^\W\d_]{2,}(?:[-'’][^\W\d_]+)?")
# Family names open a person's name in these locales' own order.
FAMILY_NAME_FIRST = ("vi_VN", "zh_CN", "zh_TW", "ja_JP", "hu_HU")
HEADER = (
    "# Given names in Latin script, one per line: written by scripts/build_given_names.py from\n"
    "# the person providers of the Faker package (MIT). See data/gazetteer/SOURCE.md.\n"
)


def _latin(name: str) -> bool:
    """Every letter is a Latin one, with or without diacritics (Vietnamese `ễ` too)."""
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name)


def _opening_lists(locale: str, provider: type) -> list[object]:
    wanted = [a for a in dir(provider) if a.startswith("first_") and a.endswith("names")]
    if locale in FAMILY_NAME_FIRST:
        wanted += [a for a in dir(provider) if a.startswith("last_") and a.endswith("names")]
    return [getattr(provider, attribute) for attribute in wanted]


def given_names() -> set[str]:
    common = {w.capitalize() for w in EnglishWords.word_list}
    names: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        provider = importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider
        for values in _opening_lists(module.name, provider):
            if not isinstance(values, (dict, list, tuple, set, frozenset)):
                continue  # a property computed from other lists
            for value in values.keys() if isinstance(values, dict) else values:
                name = unicodedata.normalize("NFC", str(value).strip())
                if (
                    LATIN_NAME.fullmatch(name)
                    and name[0].isupper()
                    and not name.isupper()  # `CHAN`, `HO`: romanised in capitals, like acronyms
                    and _latin(name)
                    and name not in common
                ):
                    names.add(name)
    return names


def main() -> None:
    names = sorted(given_names())
    OUT.write_text(HEADER + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} given names -> {OUT}")


if __name__ == "__main__":
    main()
