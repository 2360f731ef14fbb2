"""People: Hangul-Latin pairs, English name patterns, Korean names the analyser tags, mentions.

A person is only made from a name; "an engineer of Samsung SDS" stays a talk with an
organisation (see extract_talks).
"""

from __future__ import annotations

import re
from collections import Counter

from forumgraph.ingest.extract_named import add_named, take_back_a_guess
from forumgraph.ingest.extract_orgs import add_entry
from forumgraph.ingest.extract_records import Draft, normal_key
from forumgraph.ingest.extract_text import FUNCTION_WORDS, PhraseMatcher, word_set
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType, Name
from forumgraph.text.hangul import has_hangul
from forumgraph.text.names import NamePair, hangul_latin_pairs

# The last words of job titles and roles (`platform engineer`, `co-chair`).
ROLE_HEADS = word_set(
    "analyst engineer developer architect lead chair co-chair cochair maintainer founder "
    "co-founder cofounder ceo cto cio coo ciso cso cfo cmo cpo cro svp evp vp president director "
    "manager researcher "
    "scientist professor evangelist advocate author contributor reviewer editor speaker "
    "consultant journalist reporter designer administrator organizer organiser co-organizer "
    "co-organiser owner contractor freelancer programmer technologist "
    "strategist officer fellow emeritus shadow intern student sre ambassador kubestronaut head "
    "associate specialist coordinator approver producer liaison instructor lecturer teacher "
    "partner trainer tutor candidate postdoc"
)
# Words that open job titles (`Senior Backend Engineer`, `Principal Software Engineer`).
TITLE_OPENING_WORDS = word_set(
    "senior staff principal lead junior chief head software backend frontend full-stack "
    "platform site reliability developer cloud data security solutions product engineering "
    "technical associate distinguished"
)


def title_words_only(text: str) -> bool:
    """`Senior Backend`, `Staff`: words that open a job title, and nothing else."""
    return all(word.lower() in TITLE_OPENING_WORDS for word in text.split())


# The role words as one alternation of a pattern, longest first.
ROLE_HEAD_PATTERN = "|".join(sorted(ROLE_HEADS, key=len, reverse=True))

# Letters of Latin names, with the accented ones of European languages (`Käldström`, `Tjaša`).
# Latin letters with accents, Vietnamese ones too (`Phạm Văn Trung`, `Nguyễn`).
UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f\u01a0-\u01b0\u1e00-\u1eff"
LOWER = "a-zß-öø-ÿ\u0100-\u017f\u01a0-\u01b0\u1e00-\u1eff"
# A Latin personal name: two or three capitalised words (`CJ Cullen`, `Ricardo Aravena`).
NAME_WORD = (
    rf"(?:[{UPPER}][{LOWER}]+(?:[-'’][{UPPER}]?[{LOWER}]+)*|[A-Z]{{2}}|Mc[A-Z][a-z]+"
    rf"|[{UPPER}]['’][{UPPER}][{LOWER}]+"  # `O'Neill`, `D'Souza`
    rf"|[{UPPER}][{LOWER}]+[{UPPER}][{LOWER}]+)"
)
# An optional middle initial: `Chad M. Crowell`.
# A surname may open with particles: `de Vries`, `van der Berg`, `di Marco`, `de la Cruz`.
_PARTICLES = (
    r"(?:(?:van|von|de|del|della|da|di|du|dos|das|ter|ten|St\.) (?:(?:der|den|la|los|las) )?)?"
)
SURNAME = rf"{_PARTICLES}{NAME_WORD}"
LATIN_NAME = rf"{NAME_WORD}(?: [A-Z]\.)?(?: {SURNAME}){{1,2}}"
_LATIN_NAME_RE = re.compile(rf"^{LATIN_NAME}$")
# A handle in brackets after a name: `Jane Doe (@jdoe), engineer at Acme`.
HANDLE_IN_BRACKETS = r"\s?\((?:\*\*|__)?@[\w.-]{1,39}(?:\*\*|__)?\)"
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
    # (not what someone joined or left: `joined Mercado Livre from Nubank`)
    re.compile(
        rf"(?<!joined\s)(?<!joins\s)(?<!left\s)\b{_NAME}\s(?:from|of|at)\s"
        r"(?P<org>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})"
    ),
    re.compile(rf"\b{_NAME}\s\((?P<org>[A-Z][^()@]{{1,40}})\)"),
    # `Jonas Weber | Principal Engineer @ Nordlicht Energie`: a speaker line of a slide
    re.compile(rf"^{_NAME}(?:,|\s[-–—|])\s(?:[\w-]+\s){{0,3}}?[\w-]+\s@\s[A-Z]", re.MULTILINE),
]
# Weaker cues: the same forms fit a project or company the document names as such
# (`Agent Sandbox는`, `Health Checking described`). A Latin name inside Korean text followed by
# a particle (`Taylor Thomas는`), and a name before a reporting verb.
_WEAK_PATTERNS = (
    re.compile(rf"(?<![\w]){_NAME}\s?(?:는|은|이|가|의|에게|와|과)(?=\s)"),
    re.compile(rf"\b{_NAME}\s(?:described|noted|suggested|commented|blogged)\b"),
)
# Capitalised words that head or end phrases of these texts but are not parts of personal names:
# function words, days and months, words for events, groups and programmes, generic technology
# words and regions.
# The last word of a company's name (`Acme Media`, `Foo Labs`, `Northwind Traders`).
COMPANY_WORDS = word_set(
    "Media Labs Lab Networks Systems Technologies Technology Solutions Software Inc Corp "
    "Corporation Co Ltd LLC GmbH Group Bank Capital Partners Holdings Ventures Studio Studios "
    "Digital Analytics Works Consulting Logics Dynamics Robotics Insurance Telecom Energy Health "
    "Freight Logistics Payments Commerce Traders Industries Motors Airlines Games Financial "
    "Services Cloud Data Security Company Internet Pay Retail Mobility Kommunikation Santé "
    # and in other languages' company names (`Alpenrück Versicherung`, `Nordbank AG`)
    "AG SA SE NV BV Oy AB ASA SpA Versicherung Versicherungen Gruppe Bank"
)
# Words that make a name a school's or an institute's (`Universidade de São Paulo`, `IIT Roorkee`,
# `Codebridge Academy`).
INSTITUTION = re.compile(
    r"\b(?:Univ\w*|Institut\w*|College|School|Academy|Academia|Polytechnic|Politecnico|Escola"
    r"|Faculdade|Faculty|IIT|MIT|TU)\b"
)
# Words of events, roles, institutions and sentence openings, which no personal name has.
_NOT_IN_NAMES = word_set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Summit Keynote Session Sessions Panel "
    "Talk Talks Workshop Meetup Day Days Event Events Conference Registration Schedule Agenda "
    "Lightning Intro Introduction Deep Dive Update Updates Team Project Projects Community Release "
    "Releases SIG WG Foundation Committee Group Working Contributor Contributors Maintainer "
    "Maintainers Users User Docs Hub Lead Leads Chair Chairs Cloud Native Open Source Security "
    "Data Service Services Network Networking Storage Platform Engineering North South East West "
    "America Europe Asia Africa China Slack "
    # roles written before names (`Co-chairs Jane Doe and ...`)
    "Co-chair Co-chairs Hosts Speakers Organizer Organizers Organiser Organisers Panelists "
    "Panellists Moderators Editors Authors Reviewers Maintainers Engineers Founders Co-founders "
    # tiers of membership and sponsorship (`a Silver Member of the CNCF`)
    "Member Members Sponsor Sponsors Supporter Supporters "
    # the last word of an institution's name (`Acme University`)
    "University Institute Authority Agency Commission Ministry Bureau Administration Association "
    "Federation Consortium Academy College School Universidade Universidad Université Instituto "
    "Institut Técnico Politecnico "
    # the last word of a publication's name (`Business Wire`, `Cloud Native Times`)
    "Wire Newswire News Times Journal Magazine Radio Podcast Weekly Gazette Herald Tribune "
    "Dispatch "
    # adverbs that open a sentence before a name (`Later Ruslan Petrov spoke`)
    "Later Earlier Then Finally Meanwhile Also Today Yesterday Tomorrow Afterwards Next Recently "
    "Previously Currently Now Lastly Separately Additionally Similarly Instead Again Soon"
)
NOT_NAME_WORDS = FUNCTION_WORDS | COMPANY_WORDS | _NOT_IN_NAMES

# Last words of places, venues, institutions and events: after a given name (`Austin
# Convention Center`, `Victoria Park`), weaker evidence of a person than other capitalised words.
NOT_SURNAME_WORDS = word_set(
    "Street Road Avenue Lane Park Center Centre Hall Square Bay Beach Island Islands Harbour "
    "Harbor Station Airport Hotel Tower Bridge River Lake Valley Hill Hills College School "
    "University Institute Hospital Museum Stadium Arena Convention Celebration Awards Award "
    "Prize Fellowship Scholarship Fund Capital Partners Ventures Holdings Bank Airlines "
    "Authority Agency Commission Ministry Department Bureau Administration Association Society "
    "Federation Union Council Office Alliance Consortium Initiative Week Weekend Days Month "
    "Holiday Holidays Festival"
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
            elif len(pair.hangul.split()) >= 2 and (
                is_person_name(pair.latin, gazetteer) or _spelled_alike(pair, gazetteer)
            ):
                key = person(draft, pair.latin, pair.hangul)
                draft.mention(key, start, end)


# How alike two spellings must sound for capitalised words in brackets to be a person's name
# (`응우옌 반 안(Nguyen Van An)`) when the words alone do not look like one.
_CLOSE_SPELLING = 0.8
# Two to four capitalised words of Latin letters, accents included (`Lê Thị Thu Hà`).
_LATIN_CAPITALISED = r"[A-ZÀ-ÖØ-ÞĀ-ỿ][a-zß-öø-ÿĀ-ỿ]+"
_CAPITALISED_WORDS = re.compile(rf"{_LATIN_CAPITALISED}(?: {_LATIN_CAPITALISED}){{1,3}}")


def _spelled_alike(pair: NamePair, gazetteer: Gazetteer) -> bool:
    """Two to four capitalised words spelling a Hangul name closely, none a word of a company,
    a place or an event, and the whole unknown to the gazetteer: a person's name in two scripts
    (`Nguyen Van An`, whose `An` opens sentences too)."""
    words = pair.latin.split()
    return (
        pair.score >= _CLOSE_SPELLING
        and _CAPITALISED_WORDS.fullmatch(pair.latin) is not None
        and not any(w in COMPANY_WORDS or w in _NOT_IN_NAMES or gazetteer.lookup(w) for w in words)
        and gazetteer.lookup(pair.latin) is None
        and gazetteer.lookup(pair.hangul) is None
    )


def is_person_name(text: str, gazetteer: Gazetteer | None = None) -> bool:
    """Whether `text` looks like a Latin personal name and names nothing in the gazetteer; a
    first name may be a city's (`Sofia Brandt`, `Austin Lee`)."""
    if not _LATIN_NAME_RE.match(text):
        return False
    parts = text.replace(".", "").split()
    if _no_name_word(parts):
        return False
    if gazetteer is None:
        return True
    first = gazetteer.lookup(parts[0])
    if first is not None and first.kind != EntityType.PLACE.value:
        return False
    opening = " ".join(parts[:2]) if len(parts) > 2 else text  # `New York City`
    if any(gazetteer.lookup(p) for p in (text, opening)):
        return False
    # a surname that is also the name of a city or a tool, after a known given name
    # (`Fernanda Lima`)
    return gazetteer.lookup(parts[-1]) is None or parts[0] in gazetteer.given_names


def _no_name_word(parts: list[str]) -> bool:
    """A word no personal name has (`Team`, `Summit`), or a title at the end (`Golden
    Kubestronaut`)."""
    words = [p.rstrip("'’") for p in parts]  # `Tinder Labs'`: a possessive after the name
    return any(w in NOT_NAME_WORDS for w in words) or words[-1].lower() in ROLE_HEADS


_NICKNAME = re.compile(r"\s[“\"‘'][^“”\"‘’']{1,20}[”\"’']\s")


def person_name_from(text: str, gazetteer: Gazetteer) -> str | None:
    """The personal name in a span a recogniser tagged as a person, or None when it is not
    one: `Dan “Pops” Doe` gives `Dan Doe`; `Helm`, `Release Logo` and `Kubernetes Team` none.
    A surname that is also a known name (`Jane Bloomberg`) does not stop it."""
    name = _NICKNAME.sub(" ", text).strip()
    if not _LATIN_NAME_RE.match(name):
        return None
    parts = name.replace(".", "").split()
    if _no_name_word(parts) or gazetteer.lookup(name):
        return None
    first = gazetteer.lookup(parts[0])
    # A first name may be a city's, when it is a given name (`Sofia Almeida`), or a known name
    # written otherwise (`Kaito Yamamoto` beside the project `KAITO`).
    given = parts[0] in gazetteer.given_names
    if first is not None and not (
        (given and first.kind == EntityType.PLACE.value)
        or all(n.text != parts[0] for n in (*first.names, *first.variants))
    ):
        return None
    return name


def add_person_span(
    draft: Draft, gazetteer: Gazetteer, name: str, surface: str, start: int, end: int
) -> str | None:
    """The person `name` written as `surface` at [start, end); a longer name already there
    wins, and known names inside this one give way."""
    if surface == name:
        name = surface = without_opening_word(name)
        start = end - len(name)
    key = add_named(draft, gazetteer, EntityType.PERSON, name, start, end, trust_gazetteer=False)
    if key is not None and surface != name:
        draft.add_variant(key, surface)
    return key


def person(draft: Draft, latin: str | None, hangul: str | None = None) -> str:
    """The person record keyed by the Latin name (else the Hangul one)."""
    names = [Name(n, lang) for n, lang in ((latin, "en"), (hangul, "ko")) if n]
    key = f"person:{normal_key(latin or hangul or '')}"
    return draft.entity(key, EntityType.PERSON, names)


def add_english_people(draft: Draft, gazetteer: Gazetteer, known: PhraseMatcher | None) -> None:
    """Latin names next to a speaking verb, `Name (Org)`, `Name from Org`, and known people."""
    for passage in draft.passages:
        for pattern in (*_EN_PATTERNS, *_WEAK_PATTERNS):
            for match in pattern.finditer(passage.text):
                org = match.groupdict().get("org")
                if org and not _known_organisation(draft, gazetteer, org):
                    continue
                for group in ("name", "name2"):
                    text = without_opening_word(match.groupdict().get(group) or "")
                    if not text or not is_person_name(text, gazetteer):
                        continue
                    if pattern in _WEAK_PATTERNS and _named_other(draft, text):
                        continue
                    person(draft, text)
        if known is not None:
            for found in known.find(passage.text, passage.start):
                person(draft, found.value)


# Words that open a sentence before a name and are no part of it: a role (`Moderator Jane
# Doe`, `Analyst Rachel Stephens`) or a pronoun with its verb (`We're Jane Doe, ...`).
ROLES_BEFORE_A_NAME = ROLE_HEADS | word_set("moderator host guest panelist panellist keynote")
# Parts people play in a programme, written in brackets after their names (`(moderator)`): no
# employer, no handle.
PROGRAMME_ROLES = word_set(
    "moderator host co-host guest panelist panellist keynote emcee mc interviewer interviewee "
    "translator presenter facilitator"
)
_CONTRACTION = re.compile(r"[A-Za-z]+['’](?:re|m|s|ll|ve)")


def without_opening_word(name: str) -> str:
    """`Moderator Ifeoma Eze` -> `Ifeoma Eze`: the name after a role or a contraction before
    it, when two words are left."""
    first, _, rest = name.partition(" ")
    opening = first.lower() in ROLES_BEFORE_A_NAME or _CONTRACTION.fullmatch(first)
    return rest if opening and " " in rest else name


def _named_other(draft: Draft, text: str) -> bool:
    """`Foo Bar는` where the text calls Foo Bar a project or organisation: not a person."""
    wanted = normal_key(text)
    return any(
        normal_key(n.text) == wanted
        for type_ in (EntityType.PROJECT, EntityType.ORGANIZATION)
        for key in draft.keys(type_)
        for n in draft.names_of(key)
    )


def _known_organisation(draft: Draft, gazetteer: Gazetteer, text: str) -> bool:
    """`text` names an organisation of the gazetteer or of the document (`Acme Labs`)."""
    if gazetteer.lookup(text, EntityType.ORGANIZATION.value) is not None:
        return True
    wanted = normal_key(text)
    return any(
        normal_key(n.text) == wanted
        for key in draft.keys(EntityType.ORGANIZATION)
        for n in draft.names_of(key)
    )


# A nickname in quotes between a given name and a surname: `Rosalind "Roz" Achterberg`.
_NICKNAMED = re.compile(
    r"(?<![\w@])(?P<first>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s[“\"‘'](?P<nick>[A-Z][\w.-]{1,15})[”\"’']"
    r"\s(?P<last>[A-Z][\w'’-]+)\b"
)


def add_people_with_nicknames(draft: Draft, gazetteer: Gazetteer) -> None:
    """`Rosalind "Roz" Achterberg`: the person `Rosalind Achterberg`, the whole written form a
    variant of the name (so that `Roz` alone is her later on)."""
    for passage in draft.passages:
        for match in _NICKNAMED.finditer(passage.text):
            name = f"{match['first']} {match['last']}"
            if not is_person_name(name, gazetteer):
                continue
            start, end = passage.start + match.start(), passage.start + match.end()
            if any(s.type == EntityType.PERSON for s in draft.spans_over(start, end)):
                continue
            take_back_a_guess(draft, gazetteer, start, end, covering=True)
            for part in draft.spans_in(start, end):
                take_back_a_guess(draft, gazetteer, part.start, part.end)
            key = add_named(
                draft, gazetteer, EntityType.PERSON, name, start, end, trust_gazetteer=False
            )
            if key is not None:
                draft.add_variant(key, match.group())


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
