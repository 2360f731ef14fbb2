"""Organisations and products named by the words around a Latin name.

- In Korean prose: a company word after the name (`Acme(은행) 회사의`, `Acme사의`, `Acme 기업`),
  work or study at it (`Acme에서 근무하는`, `Acme에서 시스템 관리자 역할을`, `Acme 박사과정`)
  or its officers (`Acme의 CTO`).
- A list of three or more names whose known names are all organisations (`구글, Microsoft,
  ZentaOS 등`): its other Latin names in the form of a coined name are organisations too.
- In English prose: where software was made (`a tool created at Acme`), a name in apposition
  to a kind of company (`Kaivo, a two-year-old startup`), and customers, adopters, investors
  or sponsors listed (`Customers include Miro, Personio and the bank Millennium BCP`, a line
  `Gold: Sword Health, OutSystems`).
- In news headlines (a line of its own, often a list item): `Acme Launches FooBar 2.0`,
  `Acme and Bar Collaborate on Baz`, `Acme Acquires Qux`: the subjects are companies, what
  they launch is a product and what they acquire a company.

A name the gazetteer knows keeps its type (see `add_named`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from forumgraph.ingest.extract_named import (
    NOT_AN_ORGANISATION_GUESSES,
    add_named,
    take_back_a_guess,
)
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.extract_text import FUNCTION_WORDS, GENERIC_ACRONYMS, word_set
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.hangul import has_hangul

_CAPITALISED = r"[A-Z][A-Za-z0-9&'’.-]*[A-Za-z0-9]"
_CODE_CASE = r"[a-z]+[A-Z][A-Za-z0-9]*"
_PARTICLE_NEXT = r"(?=[\s,.)]|$|[의는은가이를을에와과도로])"
_KO_PATTERNS = [
    # `Acme(은행) 회사의`, `acmebank 회사의`, `Acme 기업`
    re.compile(
        rf"(?<![A-Za-z0-9_.-])(?<![A-Za-z0-9] )(?P<name>{_CAPITALISED}|{_CODE_CASE}|[a-z]{{4,}})"
        rf"(?:\s?\([^()\n]{{1,30}}\))?\s?(?:회사|기업|스타트업){_PARTICLE_NEXT}"
    ),
    # `네덜란드 물류회사 Vandermeer Logistics의`: the kind of company, then its Latin name
    re.compile(
        r"(?:회사|기업|스타트업|업체|은행|보험사|증권사|카드사|운용사|핀테크)\s"
        rf"(?P<name>{_CAPITALISED}(?:\s{_CAPITALISED}){{0,2}})(?=[의는은가이와과도]|에서|[\s,.)]|$)"
    ),
    # `Acme사의`: the company suffix written onto the name
    re.compile(rf"(?P<name>{_CAPITALISED}|{_CODE_CASE})사(?=[의는가에와과를도])"),
    # `Acme에서 근무하는`, `FPT Software에서 일했다`, `Acme에서 시스템 관리자 역할을 맡고` (not
    # `Foo에서 관리자 권한`)
    re.compile(
        rf"(?<![A-Za-z0-9&'’.-])(?P<name>{_CAPITALISED}(?:\s{_CAPITALISED}){{0,2}}|{_CODE_CASE})"
        r"에서\s(?:\S+\s){0,3}?"
        r"(?:근무|재직|일하|일한|일했|인턴"
        r"|(?:엔지니어|개발자|관리자|매니저|아키텍트|연구원|디렉터)\s역할)"
    ),
    # `Acme 박사과정 학생`, `Acme 연구원`: a place of study or research
    re.compile(
        rf"(?P<name>{_CAPITALISED}|{_CODE_CASE})\s(?:박사\s?과정|석사\s?과정|대학원생|교수|연구원)"
        r"(?=[\s,.)]|$|[의는은가이를을에와과도로])"
    ),
    # `Acme의 CTO`, `Acme의 공동 창업자`
    re.compile(
        rf"(?P<name>{_CAPITALISED}|{_CODE_CASE})의\s(?:CEO|CTO|COO|CFO|VP|부사장|사장|회장"
        r"|창업자|공동\s?창업자|창립자|대표|임원|직원)"
    ),
]
# `구글, Microsoft, ZentaOS 등`, `Acme, Bar and Baz`: a list of three or more names.
_LIST_ITEM = rf"(?:{_CAPITALISED}|{_CODE_CASE}|[가-힣]{{2,}})"
_LIST = re.compile(
    rf"(?<![\w.-])(?<![A-Za-z] )(?P<list>{_LIST_ITEM}(?:(?:,\s?|\s(?:and|or|및|와|과)\s)"
    rf"{_LIST_ITEM}){{2,}})(?![\w-])(?!\s[A-Za-z])"
)
_SUBJECT = rf"{_CAPITALISED}(?:\s{_CAPITALISED}){{0,2}}"
_SUBJECTS = rf"(?P<subjects>{_SUBJECT}(?:,\s{_SUBJECT})*(?:,?\sand\s{_SUBJECT})?)"
_HEADLINE = re.compile(
    rf"^(?:\s*(?:\d+[.)]|[-*#]+)\s+)?{_SUBJECTS}\s"
    r"(?P<verb>Launch(?:es)?|Announces?|Unveils?|Introduces?|Releases?|Debuts?|Extends?"
    r"|Acquires?|Collaborates?\son|Partners?\son)\s"
    rf"(?P<object>{_CAPITALISED}(?:\s{_CAPITALISED}){{0,3}}(?:\sv?\d+(?:\.\d+)*)?)"
)
# `a tool created at Acme`, `open-sourced by Acme Labs`: where software was made.
_MADE_AT = re.compile(
    r"\b(?:created|developed|built|started|born|incubated|open[- ]sourced|donated)\s(?:at|by)\s"
    rf"(?P<name>{_CAPITALISED}(?:\s{_CAPITALISED}){{0,2}})(?=[\s,.;:)]|$)"
)
# `from Northfold's platform team`, `Acme's SRE group`: the owner of a team is an organisation
# (a person's team is not: the owner must not open with a given name).
_OWNS_A_TEAM = re.compile(
    rf"(?<![\w.-])(?P<name>{_CAPITALISED}(?:\s{_CAPITALISED}){{0,2}})['’]s\s(?:[\w-]+\s){{0,3}}?"
    r"(?:team|group|division|department|squad)\b"
)
_VERSION = re.compile(r"\s(?:v?\d+(?:\.\d+)*)$")
# `Kaivo, a two-year-old startup based in Lisbon`, `Quillstack, the Oslo-based networking
# startup`: a name in apposition to a kind of company.
_APPOSED_COMPANY = re.compile(
    rf"(?<![\w&.-])(?P<name>{_CAPITALISED}(?:\s{_CAPITALISED}){{0,2}}),\s(?:a|an|the)\s"
    r"(?:[\w-]+\s){0,4}?(?:startup|start-up|company|firm|vendor|provider|consultancy|bank"
    r"|insurer|retailer|nonprofit|non-profit|publisher|university|agency)\b"
    r"(?!\s(?:founder|co-founder|veteran|alum|employee|engineer|executive|investor))"
)
# `the Dutch insurer Zilverlijn Verzekeringen`, `a payments startup called Paylance`: a name
# after the kind of company it is.
COMPANY_KINDS = (
    r"startup|start-up|company|firm|vendor|provider|consultancy|bank|insurer|retailer|lender"
    r"|nonprofit|non-profit|publisher|agency|marketplace|broker|carrier|airline|fintech"
    r"|broadcaster|telco|manufacturer|newspaper|magazine"
)
_KIND_THEN_COMPANY = re.compile(
    rf"\b(?:a|an|the)\s(?:[\w-]+\s){{0,3}}?(?:{COMPANY_KINDS})(?:\s(?:called|named))?\s"
    rf"(?P<name>{_CAPITALISED}(?:\s{_CAPITALISED}){{0,2}})(?=[\s,.;:)]|$)"
)
# `Customers include Miro, Personio and the Portuguese bank Millennium BCP`: who uses or backs
# a company or project are organisations.
_BACKERS = re.compile(
    r"\b(?:[Cc]ustomers|[Cc]lients|[Aa]dopters|[Ii]nvestors|[Bb]ackers|[Ss]ponsors|[Mm]erchants"
    r"|[Rr]etailers|[Ii]nsurers|[Bb]anks)"
    # `Two of our larger merchants, Kaffeehaus Brandt and Mercado Sol, saw failures`
    r"(?:\s(?:include|including|such as|like|are)|,(?=\s[A-Z][^,.;:\n]{1,40}\sand\s[A-Z]))"
    r"\s(?P<list>[^.;:\n]{3,200})"
)
# `Gold: Sword Health, OutSystems`, `Community partners: Women in Tech Portugal`: a line of
# sponsors or partners by tier; each item is a name.
_TIERED = re.compile(
    r"^[\s>*_-]*(?:(?:Platinum|Gold|Silver|Bronze|Diamond|Titanium|Startup)"
    r"(?:\s(?:[Ss]ponsors?|[Pp]artners?|[Tt]ier))?"
    r"|(?:Community|Media|Venue|Diversity|Ecosystem)\s(?:[Ss]ponsors?|[Pp]artners?)"
    r"|[Ss]ponsors?|[Pp]artners?|[Ss]upporters?|[Ss]ponsored by|[Hh]osted by"
    r"|(?:플래티넘|다이아몬드|골드|실버|브론즈|커뮤니티|미디어)(?:\s?(?:후원사?|스폰서|파트너))?"
    r"|후원사?|스폰서|협찬|주최|주관|파트너사?)"
    r"[*_]*\s*[:：]\s*[*_]*\s*(?P<list>[^\n]{2,300})$",
    re.MULTILINE,
)
_TIERED_ITEM = re.compile(
    r"(?:the\s)?(?P<name>[A-Z][\w&'’.-]*(?:\s(?:(?:of|in|for|and|the|&)\s)?[A-Z0-9][\w&'’.-]*){0,5}"
    # `레드햇 코리아`, `SK텔레콤`: a Korean name of one to three words
    r"|[가-힣A-Z][가-힣A-Za-z0-9&]*[가-힣](?:\s[가-힣A-Z][가-힣A-Za-z0-9&]*){0,2})"
)
_BACKER = re.compile(rf"(?P<name>{_CAPITALISED}(?:\s{_CAPITALISED}){{0,3}})\s*$")
# Words that describe the product rather than name it (`Foo Hybrid Cloud Solution`).
_DESCRIPTIVE = word_set(
    "Solution Solutions Platform Service Services Suite Edition Hybrid Cloud Tool Tools Engine "
    "Framework Support Features Version"
)


def add_organisations_by_context(draft: Draft, gazetteer: Gazetteer) -> None:
    """Organisations (and launched products) from the words around Latin names."""
    for passage in draft.passages:
        if has_hangul(passage.text):
            for pattern in _KO_PATTERNS:
                for match in pattern.finditer(passage.text):
                    _add(draft, gazetteer, EntityType.ORGANIZATION, passage.start, match, "name")
        for match in _MADE_AT.finditer(passage.text):
            if not draft.spans_in(passage.start + match.start("name"), passage.start + match.end()):
                _add(draft, gazetteer, EntityType.ORGANIZATION, passage.start, match, "name")
        for match in _LIST.finditer(passage.text):
            _add_list(draft, gazetteer, passage.start + match.start("list"), match["list"])
        for match in _OWNS_A_TEAM.finditer(passage.text):
            start = passage.start + match.start("name")
            first = match["name"].split()[0]
            if first not in gazetteer.given_names and not draft.spans_over(
                start, start + len(match["name"])
            ):
                _add(draft, gazetteer, EntityType.ORGANIZATION, passage.start, match, "name")
        for match in _APPOSED_COMPANY.finditer(passage.text):
            if match["name"].split()[0] not in gazetteer.given_names:
                _add(draft, gazetteer, EntityType.ORGANIZATION, passage.start, match, "name")
        for match in _KIND_THEN_COMPANY.finditer(passage.text):
            start = passage.start + match.start("name")
            # the recogniser may have taken it for a person (`Zilverlijn Verzekeringen`)
            end = start + len(match["name"])
            take_back_a_guess(draft, gazetteer, start, end, NOT_AN_ORGANISATION_GUESSES)
            _add(draft, gazetteer, EntityType.ORGANIZATION, passage.start, match, "name")
        for match in _BACKERS.finditer(passage.text):
            _add_backers(draft, gazetteer, passage.start + match.start("list"), match["list"])
        for match in _TIERED.finditer(passage.text):
            _add_tiered(draft, gazetteer, passage.start + match.start("list"), match["list"])
        offset = 0
        for line in passage.text.split("\n"):
            headline = _HEADLINE.match(line)
            if headline is not None and _ends_line(line, headline):
                _add_headline(draft, gazetteer, passage.start + offset, headline)
            offset += len(line) + 1


def is_headline(text: str, offset: int) -> bool:
    """Whether the line around `offset` is a news headline (`Acme Launches Foo`)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else None]
    match = _HEADLINE.match(line)
    return match is not None and _ends_line(line, match)


def _ends_line(line: str, match: re.Match[str]) -> bool:
    """The headline is the whole line, or goes on after the object with a comma or a phrase
    in lower case (`Dive, a control plane`, `Kubernetes to the Edge`)."""
    rest = line[match.end() :]
    return not rest.strip() or rest[0] in ",:(" or rest.startswith((" to ", " for ", " as "))


def _add_headline(draft: Draft, gazetteer: Gazetteer, start: int, match: re.Match[str]) -> None:
    subjects = match["subjects"]
    base = start + match.start("subjects")
    for part in re.finditer(_SUBJECT, subjects):
        _add_name(draft, gazetteer, EntityType.ORGANIZATION, base + part.start(), part.group())
    verb = match["verb"]
    acquired = verb.startswith("Acquire")
    type_ = EntityType.ORGANIZATION if acquired else EntityType.PROJECT
    name = _product_name(match["object"]) if not acquired else match["object"]
    if name:
        _add_name(draft, gazetteer, type_, start + match.start("object"), name)


def _add_list(draft: Draft, gazetteer: Gazetteer, start: int, text: str) -> None:
    """The unknown Latin names of a list that names organisations and nothing else known."""
    known = {s.type for s in draft.spans_in(start, start + len(text))}
    if known != {EntityType.ORGANIZATION}:
        return
    for item in re.finditer(_LIST_ITEM, text):
        name = item.group()
        if has_hangul(name) or not _coined(name):
            continue  # `Fallback`: a plain word may be a term rather than a company
        item_start = start + item.start()
        if not draft.spans_in(item_start, item_start + len(name)):
            _add_name(draft, gazetteer, EntityType.ORGANIZATION, item_start, name)


def _add_backers(draft: Draft, gazetteer: Gazetteer, start: int, text: str) -> None:
    """Each item of the list ends with the organisation's name (`the Portuguese bank X`)."""
    for at, item in _items_of(text, r",\s(?:and\s)?|\s(?:and|&)\s"):
        found = _BACKER.search(item)
        if found is not None:
            # the recogniser may have taken a company for a person (`Kaffeehaus Brandt`)
            name_start = start + at + found.start()
            end = name_start + len(found["name"])
            take_back_a_guess(draft, gazetteer, name_start, end, NOT_AN_ORGANISATION_GUESSES)
        if found is not None and draft.spans_over(start + at, start + at + len(item)) == []:
            _add_name(
                draft, gazetteer, EntityType.ORGANIZATION, start + at + found.start(), found["name"]
            )


def _add_tiered(draft: Draft, gazetteer: Gazetteer, start: int, text: str) -> None:
    """Each comma-separated item of a sponsor line that is a name as a whole."""
    for at, item in _items_of(text.rstrip(". "), r",\s?|\s(?:and|&|및)\s(?=[A-Z가-힣])|\s?·\s?"):
        found = _TIERED_ITEM.fullmatch(item.strip())
        if found is not None and found["name"] not in FUNCTION_WORDS:
            name_start = start + at + item.index(found["name"])
            spans = draft.spans_over(name_start, name_start + len(found["name"]))
            if all(s.type == EntityType.PLACE for s in spans):  # `GDG Porto` holds a place
                _add_name(draft, gazetteer, EntityType.ORGANIZATION, name_start, found["name"])


def _items_of(text: str, separator: str) -> Iterator[tuple[int, str]]:
    """(offset, item) of each item of a list split at `separator`."""
    at = 0
    for item in re.split(separator, text):
        at = text.index(item, at)
        yield at, item
        at += len(item)


def _coined(name: str) -> bool:
    """`ZentaOS`, `ACME`, `k8sOps`: a capital inside the word or all capitals."""
    inner = any(c.isupper() for c in name[1:])
    return " " not in name and (inner and len(name) >= 3)


def _product_name(phrase: str) -> str:
    """The name within `FooBar Studio 2.0` or `Foo Hybrid Cloud Solution`."""
    phrase = _VERSION.sub("", phrase)
    words = phrase.split()
    while len(words) > 1 and words[-1] in _DESCRIPTIVE:
        words.pop()
    return " ".join(words)


def _add(
    draft: Draft,
    gazetteer: Gazetteer,
    type_: EntityType,
    offset: int,
    match: re.Match[str],
    group: str,
) -> None:
    _add_name(draft, gazetteer, type_, offset + match.start(group), match[group])


def _add_name(draft: Draft, gazetteer: Gazetteer, type_: EntityType, start: int, name: str) -> None:
    if not _name_like(name):
        return
    add_named(draft, gazetteer, type_, name, start, start + len(name))


def _name_like(name: str) -> bool:
    """Not a function word, a technology acronym or a two-letter abbreviation."""
    words = name.split()
    if any(w in FUNCTION_WORDS for w in words) or name in GENERIC_ACRONYMS:
        return False
    return not (name.isupper() and len(name) < 3)
