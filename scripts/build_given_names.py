"""Write data/gazetteer/given_names.txt: given names of many countries in Latin script.

    pip install faker==40.63.0 && python scripts/build_given_names.py

Source: the person providers of the Faker package (MIT): the first names of every locale,
including the romanised Japanese and Chinese ones, as Faker lists them. A name is kept when it is
one word (or two joined by a hyphen or an apostrophe) in Latin script, of two letters or more.
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
LATIN_END = 0x250  # Latin letters with diacritics end before the IPA block
HEADER = (
    "# Given names in Latin script, one per line: written by scripts/build_given_names.py from\n"
    "# the person providers of the Faker package (MIT). See data/gazetteer/SOURCE.md.\n"
)


def given_names() -> set[str]:
    common = {w.capitalize() for w in EnglishWords.word_list}
    names: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        provider = importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider
        for attribute in dir(provider):
            if not (attribute.startswith("first_") and attribute.endswith("names")):
                continue
            values = getattr(provider, attribute)
            if not isinstance(values, (dict, list, tuple, set, frozenset)):
                continue  # a property computed from other lists
            for value in values.keys() if isinstance(values, dict) else values:
                name = unicodedata.normalize("NFC", str(value).strip())
                if (
                    LATIN_NAME.fullmatch(name)
                    and name[0].isupper()
                    and all(ord(c) < LATIN_END for c in name)
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
