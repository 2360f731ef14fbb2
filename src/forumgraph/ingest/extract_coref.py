"""Within-document coreference of short forms: a surname, a first name, a nickname, a handle, an
acronym or the shorter name of a group, used after (or beside) the full name, is that entity.

- People: `Jane Doe ... Doe said` and `... Jane's`; only a short form that exactly one person
  of the document has, and that names nothing in the gazetteer.
- Acronyms: `Open Container Initiative (OCI)` or `OCI (Open Container Initiative)` makes `OCI`
  a name of that organisation; a definition whose long form is an organisation by its form
  (`... Initiative`, `... Foundation`) creates it.
- Groups: `Release Team` after `Kubernetes Release Team` is the longer group.
- Companies: `Northwind` beside `Northwind Traders` is the company, when the longer name ends
  in a company word and neither is in the gazetteer.
- Handles: `Jane Doe (@jdoe)` gives her the handle; a bare `@handle` elsewhere is the person
  whose name it spells (`@rcosta`, or a long enough start: `@dostrov`), else a person of its own.
  A commenter's bold handle in a thread (`**anjali-d** (Maintainer) commented`) is read alike;
  bots are no one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from forumgraph.ingest.extract_bylines import sole_author
from forumgraph.ingest.extract_named import NAMED, add_named, known_entry
from forumgraph.ingest.extract_people import (
    COMPANY_WORDS,
    NOT_NAME_WORDS,
    PROGRAMME_ROLES,
    ROLE_HEADS,
)
from forumgraph.ingest.extract_people_cues import names_no_employer
from forumgraph.ingest.extract_people_ko import KO_PERSON_MARKERS
from forumgraph.ingest.extract_records import Draft, Span, name_of
from forumgraph.ingest.extract_text import written_in_lower_case
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.hangul import has_hangul, is_hangul_word

_ACRONYM_AFTER = re.compile(
    r"(?P<long>(?:[A-Z][\w-]*\s(?:(?:of|for|and|the)\s)?){1,5}[A-Z][\w-]*)\s?\((?P<short>[A-Z][A-Za-z0-9]{1,7})\)"
)
_ACRONYM_BEFORE = re.compile(
    r"\b(?P<short>[A-Z][A-Z0-9]{1,7})\s?\((?P<long>(?:[A-Z][\w-]*\s(?:(?:of|for|and|the)\s)?){1,5}[A-Z][\w-]*)\)"
)
_ORG_HEADS = re.compile(
    r"(?:Initiative|Foundation|Consortium|Alliance|Association|Agency|Institute|Council|Committee"
    r"|Organi[sz]ation|Society|University|Group|Corporation|Administration|Authority)$"
)
# A list of who is who: a handle, a dash, then the person's name.
_HANDLE_THEN_NAME = re.compile(
    r"(?m)^[ \t>*-]*(?P<handle>(?:@|u/)[A-Za-z0-9][A-Za-z0-9_-]{1,38})[*_]*\s[—–-]\s"
    r"[*_]*(?P<name>[^\n*_]{3,40}?)[*_]*\s*$"
)
_HANDLE_AFTER_NAME = re.compile(r"\s?(?:님|씨)?\s?\(@?(?P<handle>[A-Za-z0-9][\w.-]{1,38})\)")
# (a handle is ASCII: a Korean particle after it is no part of it, `@minsu-docs로`; a forum's
# users are written `u/name`); dots may join its parts (`@nessa.v`, `@lin.qiao`), not end it,
# and a domain (`@example.com`) or an address on a server (`@ana@hachyderm.io`) is none
_HANDLE = re.compile(
    r"(?<![\w@/.])(?P<mark>@|u/)"
    r"(?P<handle>[A-Za-z0-9][A-Za-z0-9_-]{1,38}(?:\.[A-Za-z0-9_-]+)*)(?![A-Za-z0-9_@-])"
)
_DOMAIN = re.compile(r"\.(?:com|org|net|dev|io|co|kr|jp|ai|app|me|social|cloud)$")
# The label of a line of contact handles, right before the handle.
_CONTACT_LABEL = re.compile(
    r"(?:GitHub|Twitter|트위터|X|Mastodon|Bluesky|LinkedIn|Slack|Discord|Contact|연락처)"
    r"(?:\s?/\s?[\w가-힣]+)*\s?[:：]\s*$"
)
_BRACKETED_NAME = re.compile(r"\s?\((?P<inside>[^()\n]{2,60})\)")
_BRACKETED_ACRONYM = re.compile(r"\s?\((?P<short>[A-Z][A-Z0-9]{1,6})\)")
_GROUP_WORDS = ("Team", "Committee", "Group", "Board", "Council")
# Last words of company names that writers drop (`Northwind Traders` -> `Northwind`).


def add_short_forms(draft: Draft, gazetteer: Gazetteer) -> None:
    """Mentions (and names) from the short forms of the document's entities."""
    _acronyms(draft, gazetteer)
    _handles(draft, gazetteer)
    _commenters(draft, gazetteer)
    _group_short_forms(draft)
    _company_short_forms(draft, gazetteer)
    _person_short_forms(draft, gazetteer)
    _hangul_short_forms(draft, gazetteer)
    _surnames_with_titles(draft)
    _korean_given_names(draft)


def _surnames_with_titles(draft: Draft) -> None:
    """`최 CTO는`, `박 상무는` after `최은정`, `박지훈`: a Korean surname with a title is the one
    person of the document with that surname."""
    owners: dict[str, set[str]] = {}
    for key in draft.keys(EntityType.PERSON):
        for name in draft.names_of(key) + draft.variants_of(key):
            if name.lang == "ko" and len(name.text) == 3 and has_hangul(name.text):
                owners.setdefault(name.text[0], set()).add(key)
    unique = {s: keys.pop() for s, keys in owners.items() if len(keys) == 1}
    if not unique:
        return
    pattern = re.compile(
        r"(?<![가-힣A-Za-z])(?P<surname>["
        + "".join(unique)
        + r"])\s(?="
        + "|".join(sorted(KO_PERSON_MARKERS, key=len, reverse=True))
        + r")"
    )
    for passage in draft.passages:
        for match in pattern.finditer(passage.text):
            start = passage.start + match.start("surname")
            if not draft.spans_over(start, start + 1):
                draft.mention(unique[match["surname"]], start, start + 1)


def _korean_given_names(draft: Draft) -> None:
    """`태민 님은`, `민호님이` after `강태민`, `강민호`: the given name of a Korean name with an
    honorific is the one person of the document with that given name."""
    owners: dict[str, set[str]] = {}
    for key in draft.keys(EntityType.PERSON):
        for name in draft.names_of(key) + draft.variants_of(key):
            if name.lang == "ko" and len(name.text) == 3 and is_hangul_word(name.text):
                owners.setdefault(name.text[1:], set()).add(key)
    unique = {given: keys.pop() for given, keys in owners.items() if len(keys) == 1}
    if not unique:
        return
    for key in draft.keys(EntityType.PERSON):
        names = {n.text for n in draft.names_of(key) + draft.variants_of(key)}
        if len(names) == 1 and (given := names.pop()) in unique and unique[given] != key:
            draft.fold(key, unique[given])  # `태윤님은` read as a name of its own
    pattern = re.compile(
        r"(?<![가-힣A-Za-z])(?P<given>" + "|".join(sorted(unique)) + r")(?=\s?(?:님|씨))"
    )
    for passage in draft.passages:
        for match in pattern.finditer(passage.text):
            start = passage.start + match.start("given")
            end = start + len(match["given"])
            if not draft.spans_over(start, end):
                draft.mention(unique[match["given"]], start, end)


def _hangul_short_forms(draft: Draft, gazetteer: Gazetteer) -> None:
    """`마티외는`, `응우옌 씨는`, `일드즈 총괄은` after `마티외 르그랑`, `응우옌 반 안`, `에르잔
    일드즈`: a word of a foreign name written in Hangul (its words apart, unlike a Korean name)
    is that person where a particle, an honorific or a title follows it, when no other person of
    the document has that word."""
    forms: Counter[str] = Counter()
    owner: dict[str, str] = {}
    for key in draft.keys(EntityType.PERSON):
        words = {
            w
            for n in draft.names_of(key) + draft.variants_of(key)
            if n.lang == "ko" and len(n.text.split()) >= 2
            for w in n.text.split()
        }
        for word in words:
            if len(word) >= 2 and has_hangul(word) and gazetteer.lookup(word) is None:
                forms[word] += 1
                owner[word] = key
    unique = {w: owner[w] for w, n in forms.items() if n == 1}
    if not unique:
        return
    particles = "|".join(_HANGUL_PARTICLES)
    pattern = re.compile(
        r"(?<![\w@-])("
        + "|".join(re.escape(f) for f in sorted(unique, key=len, reverse=True))
        + rf")(?=\s?(?:씨|님)|(?:{particles})(?![가-힣])"
        # `일드즈 총괄은`: a title after the word
        + r"|\s(?:"
        + "|".join(sorted(KO_PERSON_MARKERS, key=len, reverse=True))
        + rf")(?:{particles})?(?![가-힣]))"
    )
    for passage in draft.passages:
        for match in pattern.finditer(passage.text):
            start, end = passage.start + match.start(), passage.start + match.end()
            if not draft.spans_over(start, end):
                draft.mention(unique[match.group()], start, end)


# The particles that may follow a person's name (longest first, so that `에게` wins over `에`).
_HANGUL_PARTICLES = (
    *("에게서", "에게", "처럼", "이나"),
    *("은", "는", "이", "가", "을", "를", "의", "와", "과", "도", "만"),
)


def _acronyms(draft: Draft, gazetteer: Gazetteer) -> None:
    defined: dict[str, str] = {}
    for passage in draft.passages:
        for pattern in (_ACRONYM_AFTER, _ACRONYM_BEFORE):
            for match in pattern.finditer(passage.text):
                long_, short = match.group("long"), match.group("short")
                long_ = _tail_matching(long_, short)
                if long_ is None:
                    continue
                start = passage.start + match.start("long") + match.group("long").rfind(long_)
                key = _entity_at(draft, start, start + len(long_))
                if key is None and (_ORG_HEADS.search(long_) or known_entry(gazetteer, long_)):
                    key = add_named(
                        draft, gazetteer, EntityType.ORGANIZATION, long_, start, start + len(long_)
                    )
                if key is not None and draft.type_of(key) in NAMED:
                    draft.entity(key, draft.type_of(key), [name_of(short)])
                    defined[short] = key
    defined.update(_acronyms_after_hangul_names(draft, gazetteer))
    _mention_all(draft, defined)


def _acronyms_after_hangul_names(draft: Draft, gazetteer: Gazetteer) -> dict[str, str]:
    """`쿠버네티스 코리아 그룹(KKG)`: Latin capitals in brackets right after an organisation or
    project written in Hangul are its acronym (initials cannot be checked across scripts); an
    organisation named in the brackets (`보안 대응 위원회(Security Response Committee)`,
    `정보통신산업진흥원(NIPA)`) is the one the Hangul name translates."""
    text, found = draft.article.text, {}
    for span in [s for s in draft.spans if s.type in (EntityType.ORGANIZATION, EntityType.PROJECT)]:
        hangul = text[span.start : span.end]
        if not has_hangul(hangul):
            continue
        bracket = _BRACKETED_NAME.match(text, span.end)
        if bracket is not None:
            inside = draft.spans_over(bracket.start("inside"), bracket.end("inside"))
            if len(inside) == 1 and _translates(inside[0], span, bracket, hangul, gazetteer):
                draft.fold(span.key, inside[0].key)
                continue
        match = _BRACKETED_ACRONYM.match(text, span.end)
        if match is None:
            continue
        short = match["short"]
        start = match.start("short")
        if draft.spans_over(start, start + len(short)):
            continue  # the brackets hold a name of its own
        draft.entity(span.key, span.type, [name_of(short)])
        found[short] = span.key
    return found


def _translates(
    latin: Span, hangul_span: Span, bracket: re.Match[str], hangul: str, gazetteer: Gazetteer
) -> bool:
    """The one organisation filling the brackets, another record than the Hangul name's, which
    the gazetteer does not know as an entity of its own."""
    return (
        (latin.start, latin.end) == (bracket.start("inside"), bracket.end("inside"))
        and latin.type == hangul_span.type == EntityType.ORGANIZATION
        and latin.key != hangul_span.key
        and gazetteer.lookup(hangul) is None
    )


def _tail_matching(long_: str, short: str) -> str | None:
    """The last words of `long_` whose initials spell `short` (`OCI`: Open Container Initiative),
    ignoring `of`, `for`, `and` and `the`."""
    words = long_.split()
    for first in range(len(words)):
        tail = words[first:]
        initials = "".join(w[0] for w in tail if w not in {"of", "for", "and", "the"})
        if initials.upper() == short.upper().rstrip("s"):
            return " ".join(tail)
    return None


def _entity_at(draft: Draft, start: int, end: int) -> str | None:
    spans = [s for s in draft.spans if s.start == start and s.end == end and s.type in NAMED]
    return spans[0].key if spans else None


def _handles(draft: Draft, gazetteer: Gazetteer) -> None:
    text = draft.article.text
    for line in _HANDLE_THEN_NAME.finditer(text):
        named = [
            k
            for k in draft.keys(EntityType.PERSON)
            if any(n.text == line["name"] for n in draft.names_of(k))
        ]
        if len(named) == 1:
            draft.add_variant(named[0], line["handle"])  # `- u/oskl — Oskar Lindahl`
    for span in [s for s in draft.spans if s.type == EntityType.PERSON]:
        match = _HANDLE_AFTER_NAME.match(text, span.end)
        if match and " " not in match.group("handle"):
            handle = match.group("handle")
            if names_no_employer(handle):
                continue  # `(independent)`: a remark on where they work
            if handle.lower() in ROLE_HEADS or handle.lower() in PROGRAMME_ROLES:
                continue  # `(moderator)`: the part the person plays
            if handle.islower() or "(@" in match.group():
                draft.add_variant(span.key, handle if "@" not in match.group() else "@" + handle)
    for passage in draft.passages:
        for match in _HANDLE.finditer(passage.text):
            start = passage.start + match.start()
            end = passage.start + match.end()
            handle, written = match.group("handle"), match.group()
            if known_entry(gazetteer, handle) is not None or _DOMAIN.search(handle):
                continue
            owner = _owner_of_handle(draft, handle, written)
            if owner is None and _CONTACT_LABEL.search(passage.text, 0, match.start()):
                owner = sole_author(draft)  # `GitHub / 트위터: @jdoe` in the author's slides
                if owner is not None:
                    draft.add_variant(owner, written)
            if owner is not None:
                draft.mention(owner, start, end)
            else:
                add_named(
                    draft,
                    gazetteer,
                    EntityType.PERSON,
                    written,
                    start,
                    end,
                    trust_gazetteer=False,
                )


def _owner_of_handle(draft: Draft, handle: str, written: str) -> str | None:
    """The person a handle is a name of, or whose name it spells."""
    owners = [
        k
        for k in draft.keys(EntityType.PERSON)
        if any(
            n.text.lstrip("@") == handle or n.text == written
            for n in (*draft.names_of(k), *draft.variants_of(k))
        )
    ]
    # the person named in full before a record of the handle alone (`u/oskl` in a byline)
    owners.sort(key=lambda k: draft.names_of(k)[0].text in (written, "@" + handle))
    owner = owners[0] if owners else None
    if owner is None:
        owner = _spelled_by_handle(draft, handle)
        if owner is not None:
            draft.add_variant(owner, written)
    return owner


# The header of a comment in a thread (an issue, a forum): the commenter's handle in bold, maybe
# their role, then what they did: `**anjali-d** (Maintainer) commented`.
COMMENT_HEADER = re.compile(
    r"(?m)^[ \t]*\*\*(?P<handle>[A-Za-z0-9][\w.-]{1,38})\*\*(?:[ \t]\([^()\n]{1,30}\))?[ \t]"
    r"(?:commented|replied|wrote|answered|opened|reviewed|approved|responded)\b"
)
_BOT = re.compile(r"(?i)bot$|\[bot\]")


def _commenters(draft: Draft, gazetteer: Gazetteer) -> None:
    """The commenters of a thread: people by their handles, or the people the handles spell."""
    for header in COMMENT_HEADER.finditer(draft.article.text):
        handle, (start, end) = header["handle"], header.span("handle")
        if _BOT.search(handle) or draft.spans_over(start, end):
            continue  # `quayside-bot`, `dependabot[bot]`: no person
        if known_entry(gazetteer, handle) is not None:
            continue
        owner = _owner_of_handle(draft, handle, handle)
        if owner is not None:
            draft.mention(owner, start, end)
        else:
            add_named(
                draft, gazetteer, EntityType.PERSON, handle, start, end, trust_gazetteer=False
            )


def _spelled_by_handle(draft: Draft, handle: str) -> str | None:
    """`@rcosta`, `@rafael_costa`, `@costar`: the one person of the document whose Latin
    first name and surname the handle spells (whole or by an initial)."""
    bare = _letters(handle)
    if len(bare) < 4:
        return None
    owners = set()
    for key in draft.keys(EntityType.PERSON):
        for name in draft.names_of(key):
            words = name.text.split()
            if name.lang != "en" or len(words) < 2:
                continue
            first, last = _letters(words[0]), _letters(words[-1])
            if not first or not last:
                continue
            forms = {first + last, first[0] + last, first + last[0], last + first, last + first[0]}
            # (or the start of one of them, long enough: `dostrov`, Dmitri Ostrovsky)
            prefix = len(bare) >= _HANDLE_PREFIX and any(f.startswith(bare) for f in forms)
            if bare in forms or prefix:
                owners.add(key)
    return owners.pop() if len(owners) == 1 else None


_HANDLE_PREFIX = 6


def _letters(text: str) -> str:
    """The Latin letters of `text` in lower case, accents dropped (`Tomás_1` -> `tomas`)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if "a" <= c <= "z")


def _group_short_forms(draft: Draft) -> None:
    """`Release Team` is the document's `Kubernetes Release Team` when it is the only longer
    group ending so."""
    orgs = {k: [n.text for n in draft.names_of(k)] for k in draft.keys(EntityType.ORGANIZATION)}
    shorter: dict[str, str] = {}
    for key, names in orgs.items():
        for name in names:
            if not name.endswith(_GROUP_WORDS):
                continue
            words = name.split()
            for cut in range(1, len(words) - 1):
                tail = " ".join(words[cut:])
                shorter[tail] = key if tail not in shorter else ""
    for tail, key in shorter.items():
        other = next((k for k, names in orgs.items() if tail in names and k != key), None)
        if key and other is not None:
            draft.fold(other, key)
        if key:
            _mention_all(draft, {tail: key})


def company_of_short_form(draft: Draft, gazetteer: Gazetteer, short: str) -> str | None:
    """The document's one company whose name is `short` and a company word (`Northwind` of
    `Northwind Traders`), unless the gazetteer knows `short` as something else."""
    key = _company_heads(draft).get(short)
    return key if key and known_entry(gazetteer, short) is None else None


def _company_heads(draft: Draft) -> dict[str, str]:
    """Company names without their last company word, with the company ("" for two)."""
    heads: dict[str, str] = {}
    for key in draft.keys(EntityType.ORGANIZATION):
        for name in draft.names_of(key):
            words = name.text.split()
            if len(words) >= 2 and words[-1].rstrip(".") in COMPANY_WORDS:
                head = " ".join(words[:-1]).rstrip(",")  # `Stratafold, Inc.`
                heads[head] = key if heads.get(head, key) == key else ""
    return heads


def _company_short_forms(draft: Draft, gazetteer: Gazetteer) -> None:
    """`Northwind` is the document's `Northwind Traders` (its only company so named),
    wherever the text writes it, unless the text also writes it as an ordinary word."""
    orgs = {k: [n.text for n in draft.names_of(k)] for k in draft.keys(EntityType.ORGANIZATION)}
    forms = {}
    for head, key in _company_heads(draft).items():
        if not key or known_entry(gazetteer, head) is not None:
            continue
        for other in [k for k, names in orgs.items() if head in names and k != key]:
            draft.fold(other, key)
        if _usable_short_form(head, gazetteer) and not written_in_lower_case(
            head, draft.article.text
        ):
            forms[head] = key
    _mention_all(draft, forms)


def _person_short_forms(draft: Draft, gazetteer: Gazetteer) -> None:
    forms: Counter[str] = Counter()
    owner: dict[str, str] = {}
    for key in draft.keys(EntityType.PERSON):
        seen = set()
        for name in draft.names_of(key) + draft.variants_of(key):
            words = [w for w in re.split(r"[\s“”\"]+", name.text) if w]
            if name.lang != "en" or len(words) < 2:
                continue
            for word in {words[0], words[-1], *words[1:-1]}:
                seen.add(word)
        for word in seen:
            if _usable_short_form(word, gazetteer):
                forms[word] += 1
                owner[word] = key
    _mention_all(draft, {w: owner[w] for w, n in forms.items() if n == 1})


def _usable_short_form(word: str, gazetteer: Gazetteer) -> bool:
    return (
        len(word) >= 3
        and word[0].isupper()
        and word not in NOT_NAME_WORDS
        and gazetteer.lookup(word) is None
    )


def _mention_all(draft: Draft, forms: dict[str, str]) -> None:
    """A mention of the entity at every whole-word use of each short form outside other names."""
    if not forms:
        return
    pattern = re.compile(
        r"(?<![\w@-])("
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![A-Za-z0-9_-])"  # a Korean particle may follow: `Doe는`
    )
    for passage in draft.passages:
        for match in pattern.finditer(passage.text):
            start, end = passage.start + match.start(), passage.start + match.end()
            if draft.spans_over(start, end):
                continue
            draft.mention(forms[match.group()], start, end)
