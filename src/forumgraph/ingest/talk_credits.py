"""The English side of a talk-list row: title, speaker credit, level marker and kind.

`Title [I] - Name, Org & Name, Org (Any Skill Level)` gives the title `Title`, the credit
`Name, Org & Name, Org` and the level `intermediate`. The credit starts after the last ` - `,
` by ` or `...` whose tail begins with a personal name, so that dashes inside titles
(`Open Match - Matchmaking Framework - Robert Bailey, Google`) and titles cut with `...` directly
before the name (`Strict... Brian Bagdzinski`) split where the speakers begin. Speakers are
parsed from the credit by `talk_speakers.py`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Where a credit may start: ` by `, a dash with a space on at least one side, or an ellipsis.
_CREDIT_START = re.compile(
    r"\s+(?i:by)\s+|\s*(?:--|[-–—])\s+|\s+(?:--|[-–—])(?=\S)|(?P<cut>\.\.\.|…)\s+"
)
_LEVELS = {"a": "advanced", "b": "beginner", "i": "intermediate"}
_LEVEL_MARK = re.compile(
    r"\s*\[(?P<mark>[ABI])\]|\s*\((?P<words>Any|Beginner|Intermediate|Advanced) Skill Level\)",
    re.IGNORECASE,
)
# Words that introduce the credit and belong to neither title nor speaker.
_CREDIT_VERB = re.compile(
    r"[\s,:–—-]*\b(?:presented|hosted|moderated|led|facilitated|introduced)$", re.IGNORECASE
)
_LABEL = re.compile(r"^([^:]{2,40}):\s+")
_PIECE_END = re.compile(r",|;|\s&\s|\s\+\s|\sand\s|\s和\s")
_KIND_PREFIX = re.compile(
    r"^(?:[\w-]+\s+){0,2}keynote\b|^(?:主题演讲|主论坛演讲|赞助主论坛演讲)", re.I
)
_KIND_WORDS = (
    ("lightning", re.compile(r"\blightning\b|快闪|闪电", re.I)),
    ("bof", re.compile(r"\bbof\b|\bbirds of a feather\b", re.I)),
    ("tutorial", re.compile(r"\btutorial\b|教程", re.I)),
    ("workshop", re.compile(r"\bworkshop\b|工作坊", re.I)),
    ("panel", re.compile(r"^panel\b|\bpanel(?: discussion)?\s*[:–—-]|小组讨论|圆桌", re.I)),
    ("keynote", re.compile(r"\b(?:opening|closing|welcome) remarks\b", re.I)),
)
TALK_KINDS = ("keynote", "session", "lightning", "panel", "bof", "tutorial", "workshop")

# Words of organisation names, job titles and talk titles: such a piece is not a person.
ORG_WORDS = _word_set(
    "Inc Ltd LLC Co Corp Corporation Company Technologies Technology Systems Labs Lab Software "
    "Foundation University Group Network Networks Solutions Computing Institute Bank Media "
    "Services AG GmbH SE AB BV SA Cloud Team Community Project Data Research Energy Fund "
    "Consulting Capital Enterprises Partners Academy College Agency Studio Studios Games "
    "Digital Security Analytics Coop Ventures Holdings Mobile Telecom Electronics Financial "
    "Insurance Health Perception Swarm Hat Karma Plane Yard Works Platform Center Centre"
)
TITLE_WORDS = _word_set(
    "Engineer Engineering Manager Director Executive Head VP SVP EVP President CTO CEO COO CIO "
    "CISO CPO CMO Officer Chief Architect Lead Leader Founder Co-Founder Co-founder Cofounder "
    "Advocate Evangelist Developer Scientist Principal Senior Staff Maintainer Chair Co-Chair "
    "Fellow Researcher Consultant Analyst Member Professor Student Intern Specialist "
    "Strategist Technologist Owner Programmer SRE Freelancer Contributor Committer Manager "
    "Marketing Product Program Programs Representative Ambassador Creator"
)
_TITLE_ONLY_WORDS = _word_set(
    "A An The Of For And To In On With From At By Or Is Are Be How Why What When Where Who "
    "Your Our My We You It This That Practice Practices Update Updates Overview Intro "
    "Introduction Dive Lessons Learned Future Journey Study Demo Panel Keynote Lightning Talk "
    "Talks Remarks Opening Closing Welcome Awards Edition Track Summit Session Framework "
    "Kubernetes Cloud Native Open Source Containers Container Service Mesh Serverless Security "
    "Edge Scale Scaling Production Everything Nothing Discussion Q&A Anything Office Hours "
    "Meetup Lunch Party Reception Break Maintainers Users User Beginners Advanced Getting "
    "Started"
) | _word_set(  # title verbs: a credit never starts with `Enabling High Performance …`
    "Accelerating Achieving Automating Bringing Building Creating Debugging Deploying "
    "Designing Developing Enabling Evolving Exploring Extending Getting Introducing "
    "Leveraging Making Managing Migrating Monitoring Moving Observing Operating Optimizing "
    "Rethinking Running Scaling Securing Simplifying Taking Testing Understanding Using "
    "Writing"
)
_NAME_PARTICLES = _word_set(
    "van von der den de da das dos del della di du la le bin binti al ter ten y"
)
_HONORIFIC = re.compile(r"^(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+")
_NICKNAME = re.compile(r"\s*\([^()]*\)|\s*[\"“][^\"“”]*[\"”]")
# `Co.` alone stays (`The Walt Disney Co.`); `Co., Ltd` goes with its `Ltd`.
_TRAILING_NICKNAME = re.compile(r"\s*(?:\([^()]*\)|[\"“][^\"“”]*[\"”])$")
_LEGAL_SUFFIX = re.compile(r",?\s+(?:Co\.?,?\s+)?(?:Inc|Ltd|LLC|Corp|GmbH|S\.A|B\.V)\.?$")
_NO_ORG = frozenset({"none", "independent", "n/a", "na", "self", "self-employed", "unaffiliated"})


@dataclass(frozen=True)
class SplitRow:
    """The English side of a row: title, speaker credit and level."""

    title: str
    credit: str
    level: str | None = None


def split_english(text: str, gazetteer: Gazetteer) -> SplitRow:
    """Title, speaker credit and level of `Title [I] - Speakers (Beginner Skill Level)`.

    A credit that starts with a full name wins over one that starts with a single word
    (`Grant Shipley, Director - OpenShift, Red Hat`). Last resorts: `Title, Name` (one name after
    a comma) and `Label: Name, Org`, whose label is the title (`KubeFlow BoF: David Aronchick,
    Microsoft`)."""
    text, level = strip_level(" ".join(text.split()))
    candidates = list(reversed(list(_CREDIT_START.finditer(text))))
    for single_word in (False, True):
        for match in candidates:
            tail = text[match.end() :].strip(" ,")
            if tail and starts_with_person(tail, gazetteer, single_word=single_word):
                cut = match.group("cut")
                title_end = match.start() + (len(cut) if cut else 0)
                return SplitRow(_clean_title(text[:title_end]), tail, level)
    comma = text.rfind(", ")
    if comma > 0 and looks_like_name(clean_name(text[comma + 2 :]), gazetteer):
        return SplitRow(_clean_title(text[:comma]), text[comma + 2 :].strip(), level)
    label = _LABEL.match(text)
    tail = text[label.end() :].strip(" ,") if label else ""
    if label and _PIECE_END.search(tail) and starts_with_person(tail, gazetteer):
        return SplitRow(label.group(1).strip(), tail, level)
    return SplitRow(_clean_title(text), "", level)


def strip_level(text: str) -> tuple[str, str | None]:
    """The text without `[A]/[B]/[I]` or `(… Skill Level)` markers, and the level they give."""
    level = None
    for match in _LEVEL_MARK.finditer(text):
        mark = match.group("mark")
        level = _LEVELS[mark.lower()] if mark else match.group("words").lower()
    return _LEVEL_MARK.sub("", text).strip(), level


def _clean_title(title: str) -> str:
    title = _CREDIT_VERB.sub("", title.strip())
    return title.rstrip(" -–—:,;").strip()


def talk_kind(title: str, title_zh: str | None = None) -> str:
    """keynote (also sponsored), lightning, bof, tutorial, workshop, panel or session."""
    for text in (title, title_zh or ""):
        if _KIND_PREFIX.search(text.strip()):
            return "keynote"
    for text in (title, title_zh or ""):
        for kind, pattern in _KIND_WORDS:
            if pattern.search(text):
                return kind
    return "session"


def starts_with_person(credit: str, gazetteer: Gazetteer, single_word: bool = False) -> bool:
    """Whether a credit begins with a personal name; with `single_word`, also with one word
    before an organisation (`Flynn, Datawire`, `LiuFan, Pivotal`)."""
    end = _PIECE_END.search(credit)
    first = clean_name(credit[: end.start()] if end else credit)
    if looks_like_name(first, gazetteer):
        return True
    if not single_word or end is None or end.group() != ",":
        return False
    rest = credit[end.end() :]
    following = _PIECE_END.search(rest)
    return is_single_name(first, gazetteer) and looks_like_org(
        (rest[: following.start()] if following else rest).strip(), gazetteer
    )


def looks_like_org(piece: str, gazetteer: Gazetteer | None) -> bool:
    """A known organisation, or a few capitalised words that are no name or job title."""
    if is_known_org(piece, gazetteer):
        return True
    words = piece.split()
    return (
        0 < len(words) <= 3
        and all(w[0].isupper() or w[0].isdigit() for w in words)
        and not has_title_words(piece)
        and not looks_like_name(piece, gazetteer)
    )


def is_single_name(word: str, gazetteer: Gazetteer | None) -> bool:
    """One capitalised word that is no title word or gazetteer name (`Flynn`, `LiuFan`)."""
    return (
        word.isalpha()
        and len(word) > 2
        and _is_name_word(word)
        and any(c.islower() for c in word)
        and word not in _TITLE_ONLY_WORDS | ORG_WORDS | TITLE_WORDS
        and (gazetteer is None or gazetteer.lookup(word) is None)
    )


def clean_name(piece: str) -> str:
    """A name without honorific and nicknames: `Dr. Ying Xiong`, `Richard "RichiH" Hartmann`."""
    return " ".join(_NICKNAME.sub(" ", _HONORIFIC.sub("", piece.strip())).split()).strip(" ,")


def name_span(piece: str) -> tuple[int, int]:
    """Where the name of `clean_name` is written in `piece`: without an honorific or a
    trailing nickname, with a nickname inside (`Richard (RichiH) Hartmann`)."""
    honorific = _HONORIFIC.match(piece)
    start = honorific.end() if honorific else 0
    end = len(_TRAILING_NICKNAME.sub("", piece.rstrip(" ,")))
    return start, end


def looks_like_name(piece: str, gazetteer: Gazetteer | None = None) -> bool:
    """Two to four name words (`Frederick F. Kautz IV`, `Franziska von der Goltz`), none of them
    an organisation, job title or common title word, and not a gazetteer name."""
    words = piece.split()
    if not 2 <= len(words) <= 4 or not any(w[0].isupper() and _has_lower(w) for w in words):
        return False
    if words[0] in _NAME_PARTICLES or not all(
        _is_name_word(w, last=i == len(words) - 1) or w in _NAME_PARTICLES
        for i, w in enumerate(words)
    ):
        return False
    if any(w.strip(".") in ORG_WORDS | TITLE_WORDS or w in _TITLE_ONLY_WORDS for w in words):
        return False
    if gazetteer is None:
        return True
    # A CNCF project's name is a title word here (`Jaeger UI`), not a surname.
    return gazetteer.lookup(piece) is None and not any(
        _is_cncf_project(w, gazetteer) for w in words
    )


def _is_cncf_project(word: str, gazetteer: Gazetteer) -> bool:
    entry = gazetteer.lookup(word, EntityType.PROJECT.value)
    # Case matters: the project `ko` is not the surname `Ko`.
    return bool(entry and entry.maturity and any(n.text == word for n in entry.names))


def _is_name_word(word: str, last: bool = False) -> bool:
    """`Kautz`, `O'Neil`, `Snell-feikema`, `Šafránek`, `vonThenen`, initials `C.S.`, `J`,
    numerals `IV`, and a surname in capitals at the end (`Zhenqin LIAO`)."""
    if not word or word.isdigit() or not all(c.isalpha() or c in ".'’-" for c in word):
        return False
    if not word[0].isupper():
        particle = next((p for p in _NAME_PARTICLES if word.startswith(p)), None)
        return particle is not None and word[len(particle) : len(particle) + 1].isupper()
    letters = [c for c in word if c.isalpha()]
    # All-capital words are initials or numerals only when short (`SZ`, `IV`), not `NGINX`.
    return last or not (len(letters) > 3 and all(c.isupper() for c in letters))


def _has_lower(word: str) -> bool:
    return any(c.islower() for c in word) or len(word.strip(".")) <= 3


def is_known_org(piece: str, gazetteer: Gazetteer | None) -> bool:
    """An organisation by the gazetteer or by its words (`Labs`, `Inc.`, `.com`)."""
    if not piece:
        return False
    if gazetteer is not None and gazetteer.lookup(org_name(piece), EntityType.ORGANIZATION.value):
        return True
    return has_org_words(piece)


def has_org_words(piece: str) -> bool:
    words = [w.strip(".,()") for w in piece.split()]
    return any(w in ORG_WORDS for w in words) or bool(re.search(r"\w\.(?:com|io|org|ai)\b", piece))


def has_title_words(piece: str) -> bool:
    return any(w.strip(".,()") in TITLE_WORDS for w in re.split(r"[\s/]+", piece))


def is_no_org(piece: str) -> bool:
    """`None`, `Independent`: the speaker states no organisation."""
    return piece.strip(" .").casefold() in _NO_ORG


def org_name(piece: str) -> str:
    """An organisation without a legal suffix or a parenthesis: `CoreOS, Inc.` -> `CoreOS`."""
    piece = re.sub(r"\s*\([^()]*\)", "", piece).strip(" ,")
    while (shorter := _LEGAL_SUFFIX.sub("", piece).strip(" ,")) != piece and shorter:
        piece = shorter
    return unicodedata.normalize("NFC", piece)
