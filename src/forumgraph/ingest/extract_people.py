"""People: Hangul-Latin pairs, English name patterns, Korean names the analyser tags, mentions.

A person is only made from a name; "an engineer of Samsung SDS" stays a talk with an
organisation (see extract_talks).
"""

from __future__ import annotations

import re
from collections import Counter

from forumgraph.ingest.extract_orgs import add_entry
from forumgraph.ingest.extract_records import Draft, normal_key
from forumgraph.ingest.extract_text import PhraseMatcher
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType, Name
from forumgraph.text.analyze import Analyzer
from forumgraph.text.hangul import has_hangul
from forumgraph.text.names import hangul_latin_pairs

# A Latin personal name: two or three capitalised words (`CJ Cullen`, `Ricardo Aravena`).
_WORD = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]{2}|Mc[A-Z][a-z]+|[A-Z][a-z]+[A-Z][a-z]+)"
LATIN_NAME = rf"{_WORD}(?: (?:van |von |de |del |da |St\. )?{_WORD}){{1,2}}"
_LATIN_NAME_RE = re.compile(rf"^{LATIN_NAME}$")
_NAME = rf"(?P<name>{LATIN_NAME})"
_CUE_AFTER = (
    r"(?:,\s(?:one|a|an|the)\s[^,]{3,80},)?\s"
    r"(?:will\s(?:be\s)?(?:present|lead|help|share|conduct|run|give|host|speak|talk|moderate"
    r"|join|keynote|collaborat)|wrote|said|says|presented|spoke|led|gave|announced|explained)"
)
_EN_PATTERNS = [
    re.compile(rf"\b{_NAME}(?:,?\s(?:and|&)\s(?P<name2>{LATIN_NAME}))?{_CUE_AFTER}"),
    re.compile(
        rf"\b(?:invited by|collaborating with|presented by|led by|hosted by|thanks to)\s{_NAME}"
    ),
    re.compile(rf"\b{_NAME}\s(?:from|of|at)\s(?P<org>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){{0,3}})"),
    re.compile(rf"\b{_NAME}\s\((?P<org>[A-Z][^()@]{{1,40}})\)"),
    # A Latin name inside Korean text, followed by a particle: `Taylor Thomas는`.
    re.compile(rf"(?<![\w]){_NAME}\s?(?:는|은|이|가|의|에게|와|과)(?=\s)"),
]
# Words that start capitalised phrases but are never part of a personal name.
_NOT_NAME_WORDS = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "Our",
        "We",
        "You",
        "They",
        "It",
        "In",
        "On",
        "At",
        "For",
        "From",
        "With",
        "And",
        "Or",
        "But",
        "If",
        "When",
        "While",
        "Since",
        "During",
        "After",
        "Before",
        "Today",
        "Next",
        "Last",
        "Team",
        "Project",
        "Community",
        "Release",
        "SIG",
        "Day",
        "Days",
        "Summit",
        "Contributor",
        "Contributors",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Event",
        "Events",
        "Hub",
        "Slack",
        "Foundation",
        "Committee",
        "Cloud",
        "Native",
        "Open",
        "Source",
        "Chart",
        "Charts",
        "Classic",
        "Deep",
        "Dive",
        "Intro",
        "Introduction",
        "Keynote",
        "Lightning",
        "Talk",
        "Session",
        "Panel",
        "Support",
        "Plan",
        "Future",
        "Relation",
        "Conclusion",
        "Docs",
        "Security",
        "Vision",
        "Reviewing",
        "Git",
        "Prow",
        "Users",
        "Helm",
        "Kubernetes",
        "North",
        "America",
        "Europe",
        "China",
        "Registration",
        "Schedule",
        "Evening",
        "Celebration",
        "All",
        "Address",
        "Time",
        "Check",
        "End",
    ]
)
# Words after a Korean name that mark it as a person (titles and honorifics).
_KO_PERSON_MARKERS = [
    "님",
    "씨",
    "팀장",
    "부문장",
    "대표",
    "이사",
    "상무",
    "전무",
    "부장",
    "차장",
    "과장",
    "교수",
    "연구원",
    "매니저",
    "엔지니어",
    "아키텍트",
    "대령",
    "CTO",
    "CEO",
    "CSO",
    "VP",
]
_KO_SURNAMES = set(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈동온호범좌팽승간상갈"
)


def add_pairs(draft: Draft, gazetteer: Gazetteer) -> None:
    """`댄 컨(Dan Kohn)` makes a person with both names; `아쿠아 시큐리티(Aqua Security)` adds the
    Hangul name to a gazetteer entity."""
    for passage in draft.passages:
        for pair in hangul_latin_pairs(passage.text):
            start, end = passage.start + pair.hangul_start, passage.start + pair.end
            entry = gazetteer.lookup(pair.latin) or gazetteer.lookup(pair.hangul)
            if entry is not None and entry.kind in set(EntityType):
                key = add_entry(draft, entry)
                draft.entity(key, entry.type, [Name(pair.hangul, "ko"), Name(pair.latin, "en")])
                draft.mention(key, start, end)
            elif is_person_name(pair.latin) and len(pair.hangul.split()) >= 2:
                key = person(draft, pair.latin, pair.hangul)
                draft.mention(key, start, end)


def is_person_name(text: str, gazetteer: Gazetteer | None = None) -> bool:
    """Whether `text` looks like a Latin personal name and names nothing in the gazetteer."""
    if not _LATIN_NAME_RE.match(text):
        return False
    parts = text.replace(".", "").split()
    if any(p in _NOT_NAME_WORDS for p in parts):
        return False
    return gazetteer is None or not any(gazetteer.lookup(p) for p in (text, parts[0], parts[-1]))


def person(draft: Draft, latin: str | None, hangul: str | None = None) -> str:
    """The person record keyed by the Latin name (else the Hangul one)."""
    names = [Name(n, lang) for n, lang in ((latin, "en"), (hangul, "ko")) if n]
    key = f"person:{normal_key(latin or hangul or '')}"
    return draft.entity(key, EntityType.PERSON, names)


def add_english_people(draft: Draft, gazetteer: Gazetteer, known: PhraseMatcher | None) -> None:
    """Latin names next to a speaking verb, `Name (Org)`, `Name from Org`, and known people."""
    for passage in draft.passages:
        for pattern in _EN_PATTERNS:
            for match in pattern.finditer(passage.text):
                org = match.groupdict().get("org")
                if org and gazetteer.lookup(org, EntityType.ORGANIZATION.value) is None:
                    continue
                for group in ("name", "name2"):
                    text = match.groupdict().get(group)
                    if text and is_person_name(text, gazetteer):
                        person(draft, text)
        if known is not None:
            for match in known.find(passage.text, passage.start):
                person(draft, match.value)


def add_korean_people(draft: Draft, analyzer: Analyzer, gazetteer: Gazetteer) -> None:
    """Hangul names the analyser tags as proper nouns (NNP) and a title or honorific follows:
    `박승필 팀장`, `크리스 아니즈칙 CTO`."""
    for passage in draft.passages:
        if not has_hangul(passage.text):
            continue
        tokens = analyzer.tokens(passage.text)
        i = 0
        while i < len(tokens):
            j = i
            while j < len(tokens) and tokens[j].tag == "NNP" and has_hangul(tokens[j].form):
                j += 1
            if j > i:
                surface = passage.text[tokens[i].start : tokens[j - 1].end]
                after = passage.text[tokens[j - 1].end :].lstrip()
                if _looks_korean_person(surface, after, gazetteer):
                    key = person(draft, None, surface)
                    start = passage.start + tokens[i].start
                    draft.mention(key, start, start + len(surface))
            i = max(j, i + 1)


def _looks_korean_person(surface: str, after: str, gazetteer: Gazetteer) -> bool:
    if gazetteer.lookup(surface) or not any(after.startswith(m) for m in _KO_PERSON_MARKERS):
        return False
    words = surface.split()
    if len(words) == 1:  # a Korean name: a surname syllable and one or two more
        return len(surface) in {2, 3, 4} and surface[0] in _KO_SURNAMES
    return 2 <= len(words) <= 3 and all(len(w) >= 1 for w in words)


def add_person_mentions(draft: Draft) -> None:
    """Mentions of each person's full names, and of a Hangul given name used alone (`셰릴의`)
    when it belongs to one person of the document."""
    matcher = PhraseMatcher()
    pairs: list[tuple[str, str]] = []
    given: Counter[str] = Counter()
    owner: dict[str, str] = {}
    for key in draft.keys(EntityType.PERSON):
        for name in draft.names_of(key):
            pairs.append((name.text, key))
            if name.lang == "ko" and len(name.text.split()) >= 2:
                first = name.text.split()[0]
                given[first] += 1
                owner[first] = key
    pairs += [(first, owner[first]) for first, count in given.items() if count == 1]
    matcher.add_all(pairs)
    taken = [(s.start, s.end) for s in draft.spans if s.type == EntityType.PERSON]
    for passage in draft.passages:
        for match in matcher.find(passage.text, passage.start):
            if not any(s <= match.start < e for s, e in taken):
                draft.mention(match.value, match.start, match.end)


def known_people_matcher(names: list[str]) -> PhraseMatcher:
    """A matcher of personal names known from earlier documents or talk lists."""
    matcher = PhraseMatcher()
    matcher.add_all((n, n) for n in names if _LATIN_NAME_RE.match(n) and not has_hangul(n))
    return matcher
