"""Talk lists (TSV from cncf/presentations) as structured input: one article line per talk.

`read_schedule` renders the rows as text ("Keynote: Closing Remarks — Vicki Cheung (Lyft)") so
that passages and citations work as for any article; `extract_schedule` reads the same rows
again and turns them into an edition, its talks, their speakers and affiliations.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from forumgraph.errors import InputError
from forumgraph.ingest.extract_events_state import EventBook
from forumgraph.ingest.extract_orgs import add_entry
from forumgraph.ingest.extract_people import person
from forumgraph.ingest.extract_records import Draft, name_of
from forumgraph.ingest.extract_talks import title_key
from forumgraph.ingest.gazetteer import Gazetteer, load_gazetteer
from forumgraph.models import Article, EntityType, Extraction, Passage

COLUMNS = ("event", "city", "sched_slug", "kind", "title_en", "speakers_raw", "title_zh", "youtube")
_ORG_WORDS = re.compile(
    r"\b(?:Inc|Ltd|LLC|Co|Corp|Corporation|Technologies|Technology|Systems|Labs|Software|"
    r"Foundation|University|Group|Networks?|Solutions|Computing|Institute|Bank|Media|Services|"
    r"AG|GmbH|SE|AB|BV|SA|Independent|SIG|Cloud|Team|Community|Project)\b\.?|\.com\b|\.io\b"
)
_TITLE_WORDS = re.compile(
    r"\b(?:Engineer|Manager|Director|Executive|Head|VP|President|CTO|CEO|COO|CIO|Officer|Chief|"
    r"Architect|Lead|Founder|Co-Founder|Advocate|Evangelist|Developer|Scientist|Principal|"
    r"Senior|Staff|Maintainer|Chair|Fellow|Researcher|Consultant|Analyst|Product|Member)\b"
)
_HONORIFIC = re.compile(r"^(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+")
_NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$|^(?:van|von|de|del|da|der|St\.)(?:[A-Z][\w'’-]*)?$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Speaker:
    """One speaker of a talk-list row."""

    name: str
    organization: str | None = None
    job_title: str | None = None


def read_schedule(path: Path) -> Article:
    """The talk list at `path` as an article: a heading line, then one line per talk."""
    rows = _rows(path)
    text, _ = render(rows)
    first = rows[0] if rows else {}
    raw = path.read_bytes()
    year = _YEAR.search(first.get("event", ""))
    header = {
        "title": f"{first.get('event', path.stem)} — talk list",
        "source": str(path),
        "language": "en",
        "format": "talk-list",
        "date": year.group() if year else "",
    }
    return Article(
        doc_id=path.stem,
        text=text,
        lang="en",
        title=header["title"],
        header=header,
        source_path=str(path),
        content_hash=hashlib.sha256(raw).hexdigest(),
        media_type="text/tab-separated-values",
    )


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = [
                c
                for c in ("event", "city", "kind", "title_en", "speakers_raw")
                if c not in (reader.fieldnames or [])
            ]
            if missing:
                raise InputError(
                    f"Talk list {path} lacks the column(s) {', '.join(missing)}.",
                    hint=f"Expected tab-separated columns: {', '.join(COLUMNS)}.",
                )
            return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Cannot read the talk list {path}: {exc}.") from exc


def render(
    rows: list[dict[str, str]],
) -> tuple[str, list[tuple[int, int, list[tuple[Speaker, int]]]]]:
    """The article text of the rows and, per row, its line span and each speaker's offset."""
    first = rows[0] if rows else {}
    lines = [f"{first.get('event', '')}, {first.get('city', '')}: talk list"]
    spans = []
    offset = len(lines[0]) + 1
    for row in rows:
        line = row["title_en"]
        placed: list[tuple[Speaker, int]] = []
        speakers = parse_speakers(row["speakers_raw"], load_gazetteer())
        if speakers:
            line += " — "
            for i, speaker in enumerate(speakers):
                if i:
                    line += "; "
                placed.append((speaker, offset + len(line)))
                line += speaker.name + (
                    f" ({speaker.organization})" if speaker.organization else ""
                )
        spans.append((offset, offset + len(line), placed))
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines) + "\n", spans


def parse_speakers(raw: str, gazetteer: Gazetteer | None = None) -> list[Speaker]:
    """`Name, Org & Name, Org`, `Name, Title, Org`, `Name & Name, Org` (shared org), `Name`.

    A piece the gazetteer knows as an organisation (`Samsung SDS`, `Blood Orange`) is never a
    name; a piece that starts with one (`VMware Bryan Liles`) is that organisation."""
    pieces = [p.strip(" ,\u200e\u200f") for p in re.split(r"\s*&\s*|,\s+(?!Ltd|Inc)", raw)]
    people: list[dict[str, str | None]] = []
    pending: list[dict[str, str | None]] = []
    for piece in filter(None, pieces):
        piece = _HONORIFIC.sub("", piece)
        org = _known_org(piece, gazetteer)
        if org and people:
            for entry in pending or people[-1:]:
                entry["organization"] = entry["organization"] or org
            pending = []
        elif _TITLE_WORDS.search(piece) and people:
            people[-1]["job_title"] = piece
        elif _is_person(piece):
            entry: dict[str, str | None] = {"name": piece, "organization": None, "job_title": None}
            people.append(entry)
            pending.append(entry)
        elif people:
            for entry in pending or people[-1:]:
                entry["organization"] = entry["organization"] or piece
            pending = []
    return [Speaker(str(p["name"]), _org(p["organization"]), p["job_title"]) for p in people]


def _known_org(piece: str, gazetteer: Gazetteer | None) -> str | None:
    if gazetteer is None:
        return None
    if gazetteer.lookup(piece, EntityType.ORGANIZATION.value):
        return piece
    words = piece.split()
    for cut in range(len(words) - 1, 0, -1):
        head = " ".join(words[:cut])
        if gazetteer.lookup(head, EntityType.ORGANIZATION.value):
            return head
    return None


def _is_person(piece: str) -> bool:
    words = piece.split()
    if not 2 <= len(words) <= 4 or _ORG_WORDS.search(piece) or piece.startswith("The "):
        return False
    return all(_NAME_WORD.match(w) for w in words)


def _org(value: str | None) -> str | None:
    if not value or value.casefold() == "independent":
        return None
    return value


def is_schedule(article: Article) -> bool:
    """Whether `article` is a talk list made by `read_schedule`."""
    return article.header.get("format") == "talk-list"


def extract_schedule(
    article: Article, passages: Sequence[Passage], gazetteer: Gazetteer | None = None
) -> Extraction:
    """The edition, its talks, speakers and their affiliations from a talk-list article."""
    gazetteer = gazetteer or load_gazetteer()
    rows = _rows(Path(article.source_path))
    text, spans = render(rows)
    if text != article.text:
        raise InputError(
            f"Talk list {article.source_path} changed since it was read.",
            hint="Read it again with read_schedule before extracting.",
        )
    draft = Draft(article, sorted(passages, key=lambda p: p.start))
    book = EventBook(draft, gazetteer)
    edition_key = _edition(draft, book, rows, gazetteer)
    for number, (row, (start, end, placed)) in enumerate(zip(rows, spans, strict=True)):
        talk = f"talk:{number}"
        title = row["title_en"]
        reference = f"talk:{edition_key}|{title_key(title)}" if edition_key else None
        draft.entity(talk, EntityType.TALK, [name_of(title)], reference=reference)
        pid = draft.mention(talk, start, end)
        draft.fact(talk, "name", title, "string", "en", pid)
        draft.fact(talk, "talkKind", row["kind"] or "session", "string", passage_id=pid)
        if edition_key:
            draft.fact(talk, "superEvent", edition_key, passage_id=pid)
        if row.get("youtube", "").startswith("https://"):
            draft.fact(talk, "url", row["youtube"], "iri", passage_id=pid)
        for speaker, offset in placed:
            key = person(draft, speaker.name)
            draft.mention(key, offset, offset + len(speaker.name))
            draft.fact(talk, "performer", key, passage_id=pid)
            _affiliate(draft, gazetteer, key, speaker, pid)
    book.finish()
    return draft.build()


def _edition(
    draft: Draft, book: EventBook, rows: list[dict[str, str]], gazetteer: Gazetteer
) -> str | None:
    if not rows:
        return None
    name, city = rows[0]["event"], rows[0]["city"]
    found = [gazetteer.entries[m.value] for m in gazetteer.matcher.find(name)]
    series = next((e for e in found if e.kind == EntityType.SERIES.value), None)
    place = gazetteer.lookup(city, EntityType.PLACE.value)
    year = _YEAR.search(name)
    if series is None or place is None or year is None:
        return None
    edition = book.edition(series, place, int(year.group()))
    draft.entity(edition.key, EntityType.EVENT, [name_of(name)])
    edition.status = "held"
    first_line = len(draft.article.text.split("\n", 1)[0])
    book.describe(edition, None, "held", 0, min(len(name), first_line))
    draft.fact(edition.key, "location", add_entry(draft, place), passage_id=edition.passage_id)
    return edition.key


def _affiliate(
    draft: Draft, gazetteer: Gazetteer, key: str, speaker: Speaker, pid: str | None
) -> None:
    if speaker.job_title:
        draft.fact(key, "jobTitle", speaker.job_title, "string", "en", pid)
    if not speaker.organization:
        return
    entry = gazetteer.lookup(speaker.organization, EntityType.ORGANIZATION.value)
    if entry is not None:
        org = add_entry(draft, entry, speaker.organization)
    else:
        org = draft.entity(
            f"organization:{speaker.organization.casefold()}",
            EntityType.ORGANIZATION,
            [name_of(speaker.organization)],
        )
    draft.fact(key, "affiliation", org, passage_id=pid)
