"""Given names in Latin script (`given_names.txt` beside the landscape, made by
scripts/build_given_names.py): evidence that two capitalised words are a person's name when the
recogniser calls them something else or nothing (`Emeka Obi from Lantern Freight`)."""

from __future__ import annotations

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
