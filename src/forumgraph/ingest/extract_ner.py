"""English names the recogniser proposes, checked and typed before they become records.

The recogniser reads English passages, and the Latin lines of Korean ones (quotes, lists). What
it proposes is only a candidate: a name the gazetteer knows keeps the gazetteer's type (a model
tags `Helm` as a person); a person needs a first and a last name that look like names; an
organisation or product needs the form of a name (`MathWorks`, `Acme Cloud`) and no version,
heading or common word; one-word person spans are left to coreference (`Boris` after
`Boris Zotkin`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from forumgraph.ingest.extract_named import add_named, known_entry
from forumgraph.ingest.extract_org_context import COMPANY_KINDS, is_headline
from forumgraph.ingest.extract_people import (
    COMPANY_WORDS,
    NOT_SURNAME_WORDS,
    ROLE_HEADS,
    add_person_span,
    person_name_from,
    title_words_only,
)
from forumgraph.ingest.extract_people_cues import an_award, an_unknown_function
from forumgraph.ingest.extract_records import Draft, normal_key
from forumgraph.ingest.extract_text import (
    EMOJI,
    FUNCTION_WORDS,
    GENERIC_ACRONYMS,
    LIST_ITEM_MARK,
    on_heading,
    title_case_line,
    word_set,
)
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.hangul import HANGUL
from forumgraph.text.ner import NamedSpan, Recognizer

_LATIN_LINE = 0.7  # share of letters in Latin script for a line of a Korean passage to be read
_VERSION = re.compile(r"^v?\d+(?:\.\d+)*$")
# A name in the form of a Kubernetes API kind: words run together, ending as kinds do.
_API_KIND = re.compile(
    r"(?:[A-Z][a-z]+)+(?:Map|Set|Pool|Claim|Class|Policy|Binding|Account|Template|Budget|Quota"
    r"|Range|Definition|Config|Configuration|Request|Slice|Lease|Endpoint|Ingress|Route)s?"
)
_CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]*)+$|^[a-z]+[A-Z][A-Za-z]*$")
_TRAILING = re.compile(r"(?:['’]s|[.,:;!?)\]’'\"”])+$")
# Words before an organisation in prose: `at MathWorks`, `joined Acme`, `by Acme`.
# Words before an organisation's name: where an employer's goes, and `and` in a list.
_EMPLOYER_WORDS = r"at|from|of|by|with|joined|joins|for|on|via"
_ORG_BEFORE = re.compile(rf"(?:\b(?:{_EMPLOYER_WORDS}|and)\s(?:the\s)?)$", re.IGNORECASE)
# Where an employer's name goes (not `and`, which joins people too: `Aditi Sharma and Vikram Nair`).
_EMPLOYER_BEFORE = re.compile(rf"\b(?:{_EMPLOYER_WORDS})\s(?:the\s)?$", re.IGNORECASE)
# Last words of job titles and document parts, which a model often tags as organisations.
_NOT_ORG_LAST = word_set(
    "Engineer Engineers Architect Architects Administrator Developer Developers Manager Managers "
    "Director Directors Officer Officers Evangelist Advocate Designer Consultant Analyst "
    "Scientist Researcher Specialist Lead Leads Maintainers Reviewers Approvers Head President "
    "Intern Program Programs Update Updates Highlights FAQ Guide Notes Blog Home Page "
    # programmes and the spaces of a venue (`LFX Mentorship`, `Project Pavilion`)
    "Mentorship Pavilion Showcase Lounge Booth Booths Stage Lobby Ballroom Foyer Atrium Expo "
    "Arena "
    # kinds of group in the plural (`Special Interest Groups`, `Working Groups`)
    "Groups Teams Committees Communities Companies Organizations Organisations"
)
# Last words of the names of software features, which the recogniser reads as organisations.
_FEATURE_LAST = word_set(
    "Admission Allocation Resize Resizing Autoscaling Autoscaler Scheduling Scheduler Preemption "
    "Eviction Affinity Topology Webhook Webhooks Controller Controllers Quota Quotas Probe Probes "
    "Snapshot Snapshots Plugin Plugins Runtime Sidecar Sidecars Mode Gates Gate Policy Policies"
)
# The halls of a venue (`Alfândega Congress Centre`, `Austin Convention Center`).
_VENUE = re.compile(
    r"\b(?:Congress|Convention|Conference|Exhibition|Events?|Expo|Trade)\s(?:Centre|Center|Halls?)$"
)
_JOINED = re.compile(r",?\s(?:and|&)\s|,\s")
# A title set in emphasis (`_Managing Helm Deployments at CERN_`, `*Scaling Foo*`): four words
# or more between underscores or asterisks.
_EMPHASISED = re.compile(r"(?<![\w*_])([_*]{1,2})(?=[A-Z])[^_*\n]{10,150}?(?<=\S)\1(?![\w*_])")
_DASH = re.compile(r"\s[-–—|]\s")
_INNER_POSSESSIVE = re.compile(r"['’]s\s(?=[A-Z])")
# A list inside one span: a comma not before a legal form, or a trailing conjunction.
_LISTED = re.compile(r",\s(?!(?:Inc|LLC|Ltd|Co)\b)|\s(?:and|or|&)$")
_HYPHENATED_TAIL = re.compile(r"-(?P<tail>[A-Z]\w*)")
# After a CamelCase word: a word for a part of software (`the ApplicationSet generator`).
_BEFORE_A_PART = re.compile(
    r"`?\s(?:generator|adapter|controller|resource|object|field|API|CRD|plugin|interface|kind"
    r"|spec|type|webhook|annotation|label)s?\b"
)
# An executive's title (`CFO`, `co-founder`), which an organisation's name may precede.
_EXECUTIVE = r"(?:C[A-Z]?[EFIOPMRT]O|CISO|S?VP|EVP|President|Chair|[Cc]o-?[Ff]ounder|Founder)"
_ORG_AFTER = re.compile(
    r"^(?:['’]s\b|\s(?:announced|acquired|launched|released|is\s+a\s+company)"
    rf"|\s{_EXECUTIVE}\s[A-Z])"
)


def add_recognised_names(draft: Draft, gazetteer: Gazetteer, recognizer: Recognizer) -> None:
    """People, organisations and products from the recogniser's spans."""
    segments = list(_segments(draft))
    if not segments:
        return
    article = draft.article.text
    for (offset, text), found in zip(
        segments, recognizer.spans([t for _, t in segments]), strict=True
    ):
        spans = _split_organisation_spans(_joined_organisations(text, found), gazetteer)
        for span in spans:
            if on_heading(text, span.start):
                continue
            if title_case_line(text, span.start) and not _credited(text, span, gazetteer):
                continue
            if is_headline(text, span.start):
                continue  # `Acme Launches Foo`: typed by the headline's own rule
            if span.label == "PERSON" and _in_emphasised_title(text, span):
                continue  # `presenting _Managing Helm Deployments with Gitops at CERN_`
            if span.label == "PERSON" and _spelled_out(text, span):
                continue  # `Common Expression Language (CEL)`: people have no acronym
            if span.label == "PERSON" and _WHICH_AFTER.match(text, span.end):
                continue  # `**Grace Planner**, which recommends`: a thing
            if span.label == "PERSON" and (
                _after_a_role(text, span.start)
                or _listed_with_organisations(text, span, spans, gazetteer)
                or _company_word_last(span)
            ):
                _organisation_or_product(
                    draft, gazetteer, offset, text, replace(span, label="ORG"), article
                )
            elif (
                span.label == "PERSON"
                or _joined_to_a_person(text, span, spans, gazetteer)
                or _before_an_employer(text, span, gazetteer)
                or _before_who(text, span, gazetteer)
                or _a_given_name_first(text, span, gazetteer)
            ):
                _person(draft, gazetteer, offset, span)
            elif span.label in {"ORG", "PRODUCT"}:
                # `Fujitsu, NTT DATA, Sony and Cybozu`: listed with an organisation
                listed = _joined_to_a("ORG", text, span, spans)
                _organisation_or_product(draft, gazetteer, offset, text, span, article, listed)


# A person credited at the start of a line, then a separator and what they do or where:
# `Jane Doe — Staff Engineer, Acme`, `- Jane Doe, Acme`, `**Jane Doe** (Acme)`.
_LINE_START = re.compile(LIST_ITEM_MARK + rf"(?:{EMOJI}[ \t]*)?[*_]{{0,2}}")
_CREDIT_AFTER = re.compile(r"[*_]{0,2}(?:\s[-–—|·]\s|,\s|\s\()")


def _credited(text: str, span: NamedSpan, gazetteer: Gazetteer) -> bool:
    """A person's name that opens a line and is followed by a separator: a credit line, which
    is written in capitals like a title but names its person. After an emoji, which opens
    headings of awards too (`🏆 Top Documentarian — ...`), it must open with a given name."""
    line_start = text.rfind("\n", 0, span.start) + 1
    if (
        span.label != "PERSON"
        or _LINE_START.fullmatch(text, line_start, span.start) is None
        or _CREDIT_AFTER.match(text, span.end) is None
    ):
        return False
    emoji = re.search(EMOJI, text[line_start : span.start]) is not None
    return not emoji or span.text.split()[0] in gazetteer.given_names


# An organisation, an executive's title and a person, which the recogniser may take for one
# organisation: `Fernhaus CFO Katrin Albers`, `Acme co-founder Jane Doe`.
_ORG_TITLE_PERSON = re.compile(
    rf"(?P<org>\S.*?)\s{_EXECUTIVE}\s(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){{1,2}})"
)


# A person and where they work, which the recogniser may take for one organisation:
# `Georgi Petrov of SiteGround`, `Jane Doe from Acme Bank`.
_PERSON_OF_ORG = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,2})\s(?:of|from|at)\s(?P<org>[A-Z].*)"
)


def _split_organisation_spans(spans: list[NamedSpan], gazetteer: Gazetteer) -> list[NamedSpan]:
    """An organisation span that holds a person and their organisation, as the two it names:
    `Fernhaus CFO Katrin Albers`, `Georgi Petrov of SiteGround` (a given name first)."""
    out: list[NamedSpan] = []
    for span in spans:
        found = _person_in(span, gazetteer)
        if found is None:
            out.append(span)
            continue
        pieces = sorted(
            [(found.start("org"), "ORG", "org"), (found.start("name"), "PERSON", "name")]
        )
        for at, label, group in pieces:
            start = span.start + at
            out.append(NamedSpan(found[group], label, start, start + len(found[group])))
    return out


def _person_in(span: NamedSpan, gazetteer: Gazetteer) -> re.Match[str] | None:
    if span.label != "ORG":
        return None
    found = _ORG_TITLE_PERSON.fullmatch(span.text)
    if found is None:
        found = _PERSON_OF_ORG.fullmatch(span.text)
        if found is not None and found["name"].split()[0] not in gazetteer.given_names:
            return None
    return found


def _joined_organisations(text: str, spans: list[NamedSpan]) -> list[NamedSpan]:
    """`the Polish` + `Financial Supervision Authority`: an organisation the recogniser cut in
    two (a nationality or name, a space, an organisation) is one."""
    out: list[NamedSpan] = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None
            and span.label == "ORG"
            and last.label in {"ORG", "NORP"}
            and text[last.end : span.start] == " "
        ):
            out[-1] = NamedSpan(text[last.start : span.end], "ORG", last.start, span.end)
        else:
            out.append(span)
    return out


# `Kohei Ota of Hewlett Packard`, `Jane Doe from the Acme Agency`: where a person works.
_EMPLOYER_AFTER = re.compile(r"\s(?:of|from)\s(?:the\s)?[A-Z]")
_PLACE_OR_EMPLOYER_BEFORE = re.compile(r"\b(?:at|in|for|joined|joins|left)\s(?:the\s)?$")


_ACRONYM_AFTER = re.compile(r"\s?\((?P<acronym>[A-Z][A-Za-z]{1,7})\)")


def _spelled_out(text: str, span: NamedSpan) -> bool:
    """A name followed by the acronym of its words in brackets is a term or an organisation."""
    after = _ACRONYM_AFTER.match(text, span.end)
    if after is None:
        return False
    initials = "".join(w[0] for w in span.text.split() if w[0].isupper())
    return after["acronym"].upper() == initials.upper()


def _in_emphasised_title(text: str, span: NamedSpan) -> bool:
    for match in _EMPHASISED.finditer(
        text, max(0, span.start - 150), min(len(text), span.end + 150)
    ):
        if (
            match.start() < span.start
            and span.end < match.end()
            and len(match.group().split()) >= 4
        ):
            return True
    return False


def _before_an_employer(text: str, span: NamedSpan, gazetteer: Gazetteer) -> bool:
    """A name of a person's form that the recogniser called something else, before `of` or
    `from` and an organisation, is a person (a place or organisation after `at`/`in` is not)."""
    if span.label == "PERSON" or not _EMPLOYER_AFTER.match(text, span.end):
        return False
    name = person_name_from(_clean(span)[0], gazetteer)
    if name is None or not 2 <= len(name.split()) <= 3 or name.split()[-1] in NOT_SURNAME_WORDS:
        return False
    return not _PLACE_OR_EMPLOYER_BEFORE.search(text[max(0, span.start - 16) : span.start])


_WHO_AFTER = re.compile(r",\s(?:who|whom)\s")
_WHICH_AFTER = re.compile(r"[*_]*,\swhich\s")
# `Inês Albuquerque is a staff engineer at`, `Adebayo Okonkwo, a principal engineer at`: a name
# that holds a role somewhere.
_HOLDS_A_ROLE_AFTER = re.compile(
    r"(?:\s(?:is|was)|,)\s(?:a|an|the)\s(?:[\w-]+\s){0,3}?(?P<role>[\w-]+)\s(?:at|with|for|of)\s"
)


# `Red Hat has hired Nkem Obi as principal product manager`: whom a company takes on.
_HIRED_BEFORE = re.compile(r"\b(?:hired|appointed|named|promoted|welcomed?s?)\s$")
_AS_AFTER = re.compile(r"\sas\s(?:its\s|their\s|the\s|a\s|an\s)?[a-zA-Z]")


def _before_who(text: str, span: NamedSpan, gazetteer: Gazetteer) -> bool:
    """`Bola Oyelaran, who runs the platform team`, `Inês Albuquerque is a staff engineer at
    Cravina`: a name of a person's form that the recogniser called an organisation, before
    `who` (an organisation takes `which`) or a role held somewhere, is a person."""
    if span.label not in {"ORG", "PRODUCT"}:
        return False
    role = _HOLDS_A_ROLE_AFTER.match(text, span.end)
    hired = _HIRED_BEFORE.search(text, max(0, span.start - 16), span.start) and _AS_AFTER.match(
        text, span.end
    )
    if (
        not _WHO_AFTER.match(text, span.end)
        and not hired
        and not (role is not None and role["role"].lower() in ROLE_HEADS)
    ):
        return False
    name = _clean(span)[0]
    words = name.split()
    return (
        2 <= len(words) <= 3
        and known_entry(gazetteer, name) is None
        and words[-1] not in COMPANY_WORDS
        and person_name_from(name, gazetteer) is not None
    )


def _a_given_name_first(text: str, span: NamedSpan, gazetteer: Gazetteer) -> bool:
    """`talking to Lukas Brandt about`: a name the recogniser called an organisation that opens
    with a given name and has a person's form is a person, unless prose puts it where an
    employer or a place goes (`at Morgan Stanley`)."""
    if span.label not in {"ORG", "PRODUCT"}:
        return False
    name = _clean(span)[0]
    words = name.split()
    return (
        2 <= len(words) <= 3
        and words[0] in gazetteer.given_names
        and words[-1] not in COMPANY_WORDS
        and known_entry(gazetteer, name) is None
        and person_name_from(name, gazetteer) is not None
        and not _PLACE_OR_EMPLOYER_BEFORE.search(text[max(0, span.start - 16) : span.start])
        and not _ORG_AFTER.match(text[span.end : span.end + 24])
        and not _WHICH_AFTER.match(text, span.end)
        # a given name that is also a common word (`Fleet Advisor`) is no evidence
        and re.search(rf"\b{re.escape(words[0].lower())}\b", text) is None
    )


# (and where it is and what it is: `head of infrastructure at Lagos fintech Kobo Ledger`)
_ROLE_THEN_PLACE = re.compile(
    r"\b(?P<role>[A-Za-z-]+)\s(?:at|with|for)\s(?:the\s)?"
    rf"(?:(?:[A-Z][\w-]*\s)?(?:{COMPANY_KINDS})\s)?$"
)


def _company_word_last(span: NamedSpan) -> bool:
    """`Corvane Freight`, `Tinder Labs'`: a company's name, which the recogniser took for a
    person's."""
    words = _clean(span)[0].split()
    return len(words) >= 2 and words[-1] in COMPANY_WORDS


def _after_a_role(text: str, start: int) -> bool:
    """`a staff engineer with Kaizen Mobility`: what follows a role and `at`/`with` is where it
    is held, not a person; nor is what someone joins or leaves (`joined Mercado Livre from
    Nubank`) or works at (`running platform at Mercado Livre`)."""
    before = _ROLE_THEN_PLACE.search(text[max(0, start - 60) : start])
    if before is not None and before["role"].lower() in ROLE_HEADS:
        return True
    return _JOINED_BEFORE.search(text[max(0, start - 60) : start]) is not None


# A move's object: `joined Mercado Livre`, `has left Loja Azul`, `is joining Acme as`; where
# years were spent: `six years at Mercado Livre`; where someone came from: `joined Nubank from
# Mercado Livre`.
_JOINED_BEFORE = re.compile(
    r"\b(?:joined|joins|joining|rejoined|left|leaves|leaving|(?:years?|months?)\s(?:at|with)"
    r"|(?:joined|joins)\s[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3}\sfrom"
    # `works at`, `running platform at`: where the work is done
    r"|(?:works|worked|working|running|leading|heading|managing)\s(?:[a-z-]+\s){0,3}?(?:at|for))\s$"
)


# The words between two items of one list: other capitalised items, commas, `and`/`or`.
_LIST_BETWEEN = re.compile(
    r"(?:,\s(?:the\s)?(?:[A-Z][\w&.'’-]*\s?){1,4})*(?:,\s|,?\s(?:and|or|&)\s)(?:the\s)?"
)


def _listed_with_organisations(
    text: str, span: NamedSpan, spans: list[NamedSpan], gazetteer: Gazetteer
) -> bool:
    """`Deutsche Telekom, Volvo Cars and the UK Ministry of Justice`: a name the recogniser
    calls a person, listed with organisations, that does not start with a given name is one of
    them."""
    given = gazetteer.given_names
    if not given or _clean(span)[0].split()[0] in given:
        return False
    for other in spans:
        # The other item is no person either (`Lucas Doe` read as an organisation).
        if other.label != "ORG" or _clean(other)[0].split()[0] in given:
            continue
        gap = _between(text, span, other)
        # A list that `and`/`or` closes (`Cisco's Jane Doe, IBM Fellow John Roe` is none).
        if _LIST_BETWEEN.fullmatch(gap) and re.search(r"\s(?:and|or|&)\s", gap):
            return True
    return False


def _joined_to_a_person(
    text: str, span: NamedSpan, spans: list[NamedSpan], gazetteer: Gazetteer
) -> bool:
    """`Lucas Doe and Nikhita Roe`: a name of a person's form joined by `and` or a comma to a
    name the recogniser calls a person is a person too, whatever label it was given."""
    if span.label not in {"ORG", "PRODUCT"} or person_name_from(_clean(span)[0], gazetteer) is None:
        return False
    if _EMPLOYER_BEFORE.search(text[max(0, span.start - 12) : span.start]):
        return False  # `engineer at Brightfield Bank, and Jane Doe`
    return _joined_to_a("PERSON", text, span, spans)


def _joined_to_a(label: str, text: str, span: NamedSpan, spans: list[NamedSpan]) -> bool:
    """Whether `span` is joined by `and` or a comma to another span the recogniser gave
    `label`."""
    for other in spans:
        if other is span or other.label != label:
            continue
        gap = _between(text, span, other)
        if _JOINED.fullmatch(gap):
            return True
    return False


def _between(text: str, first: NamedSpan, second: NamedSpan) -> str:
    """The text between two spans, in either order."""
    if second.start >= first.end:
        return text[first.end : second.start]
    return text[second.end : first.start]


def _segments(draft: Draft) -> Iterator[tuple[int, str]]:
    """(offset, text) of each English passage and of each mostly-Latin line elsewhere."""
    for passage in draft.passages:
        if passage.lang == "en":
            yield passage.start, passage.text
            continue
        cursor = 0
        for line in passage.text.split("\n"):
            letters = [c for c in line if c.isalpha()]
            hangul = sum(1 for c in letters if HANGUL.match(c))
            if len(line.split()) >= 4 and letters and 1 - hangul / len(letters) >= _LATIN_LINE:
                yield passage.start + cursor, line
            cursor += len(line) + 1


def _clean(span: NamedSpan) -> tuple[str, int]:
    """The span without a leading article or role (`Co-chairs Jane Doe`) and trailing
    punctuation or possessive."""
    text, shift = span.text, 0
    while " " in text and _leading_word(text.split(" ", 1)[0]):
        cut = text.index(" ") + 1
        text, shift = text[cut:], shift + cut
    return _TRAILING.sub("", text).strip(), shift


def _leading_word(word: str) -> bool:
    """An article or a role before a name, singular or plural (`Co-chairs`)."""
    role = word.lower()
    return word in FUNCTION_WORDS | {"the"} or role in ROLE_HEADS or role[:-1] in ROLE_HEADS


def _person(draft: Draft, gazetteer: Gazetteer, offset: int, span: NamedSpan) -> None:
    text, shift = _clean(span)
    text = _DASH.split(text, maxsplit=1)[0]  # `Maria Okafor - Quillon`: a name, then its employer
    name = person_name_from(text, gazetteer)
    if name is not None and not _opens_with_an_organisation(draft, name):
        start = offset + span.start + shift
        given = _GIVEN_NAME_BEFORE.search(draft.article.text, max(0, start - 20), start)
        if given is not None and given["word"] in gazetteer.given_names and shift == 0:
            # `**Ana Clara Souza**` read as `Clara Souza`: the first given name goes with it
            text, name, start = f"{given['word']} {text}", f"{given['word']} {name}", given.start()
        add_person_span(draft, gazetteer, name, text, start, start + len(text))


# A capitalised word right before a name on its line (not a heading's last word above it), at
# the start of the line or after emphasis or a space.
_GIVEN_NAME_BEFORE = re.compile(
    r"(?:(?<=^)|(?<=[\s*_]))(?P<word>[A-Z][a-zà-ÿ]+)[^\S\n]$", re.MULTILINE
)


def _opens_with_an_organisation(draft: Draft, name: str) -> bool:
    """`Stratafold Fleet` beside `Stratafold, Inc.`: a product named after its maker."""
    first = name.split()[0]
    return any(
        n.text.split()[0].rstrip(",") == first and n.text != name
        for k in draft.keys(EntityType.ORGANIZATION)
        for n in draft.names_of(k)
    )


# A full stop and a capital inside a name: not an initial (`J. Doe`) or a legal form (`Inc.`).
_SENTENCE_END_INSIDE = re.compile(r"(?<![A-Z])(?<!Inc)(?<!Ltd)(?<!Corp)(?<!Co)\.\s+(?=[A-Z])")


# A role that heads a unit, right before the unit's name.
_HEAD_OF = re.compile(
    r"\b(?:[Hh]ead|VP|[Vv]ice [Pp]resident|[Dd]irector|[Ll]ead|[Mm]anager|Officer)\sof\s"
    r"(?:the\s)?$"
)


def _organisation_or_product(
    draft: Draft,
    gazetteer: Gazetteer,
    offset: int,
    text: str,
    span: NamedSpan,
    article: str,
    listed: bool = False,
) -> None:
    name, shift = _clean(span)
    start = offset + span.start + shift
    if _LISTED.search(name):
        return  # `Istio, Linkerd and`: several names read as one
    if an_unknown_function(name, gazetteer):
        return  # `of the Customer Engineering team`: a function inside a company
    sentence_end = _SENTENCE_END_INSIDE.search(name)
    if sentence_end is not None:
        # `Helmsman Labs. Helmsman Labs`: the recogniser ran over a sentence's end
        at = span.start + shift
        for part, part_start in (
            (name[: sentence_end.start()], at),
            (name[sentence_end.end() :], at + sentence_end.end()),
        ):
            piece = NamedSpan(part, span.label, part_start, part_start + len(part))
            _organisation_or_product(draft, gazetteer, offset, text, piece, article, listed)
        return
    owner = _INNER_POSSESSIVE.search(name)
    if owner is not None:
        # `Red Hat's OpenShift`: the owner, and what it owns, each a name of its own.
        at = span.start + shift
        for part, part_start in (
            (name[: owner.start()], at),
            (name[owner.end() :], at + owner.end()),
        ):
            piece = NamedSpan(part, span.label, part_start, part_start + len(part))
            _organisation_or_product(draft, gazetteer, offset, text, piece, article, listed)
        return
    if name.startswith("of ") and shift:
        return  # `VP of Engineering`: a role, not an organisation
    tail = _HYPHENATED_TAIL.match(text, span.end)
    if tail is not None and tail["tail"] in _NOT_ORG_LAST:
        return  # `the AsiaWorld-Expo`: a venue the recogniser cut at its hyphen
    known = known_entry(gazetteer, name) is not None
    if not known and _HEAD_OF.search(text, max(0, span.start - 24), span.start):
        return  # `Head of Platform Engineering`: a unit the role heads, not an organisation
    if not known and not _name_form(name, gazetteer, article):
        return
    if not known and _extends_a_name(draft, name):
        return
    in_code = text[span.start - 1 : span.start] == "`" or _BEFORE_A_PART.match(text, span.end)
    if not known and _CAMEL.match(name) and in_code:
        return  # `the ApplicationSet generator`, `` `FluxSource` ``: a kind of the API
    if not known and _API_KIND.fullmatch(name):
        return  # `the old ConfigMap`, `Unified NodePools`: how Kubernetes names its kinds
    if not known and (name.split()[-1].lower() in ROLE_HEADS or title_words_only(name)):
        return  # `Staff SRE`, `Senior Backend` of `Senior Backend Engineer`: a role's words
    if not known and an_award(name):
        return  # `Community Heroes`: an award, or those who won it
    if len(name.split()) == 1 and not _CAMEL.match(name):
        # One plain capitalised word is a name only where prose puts an organisation.
        before = text[max(0, span.start - 12) : span.start]
        after = text[span.end : span.end + 24]
        if not (listed or _ORG_BEFORE.search(before) or _ORG_AFTER.match(after)):
            return
    type_ = EntityType.PROJECT if span.label == "PRODUCT" else EntityType.ORGANIZATION
    add_named(draft, gazetteer, type_, name, start, start + len(name))


def _extends_a_name(draft: Draft, name: str) -> bool:
    """`Foo Deprecation FAQ` after the project `Foo`: a known name with more words after it."""
    first = name.split()[0]
    return len(name.split()) > 1 and any(
        n.text == first
        for k in draft.keys()  # noqa: SIM118 (Draft is not a mapping)
        for n in draft.names_of(k)
    )


def _name_form(name: str, gazetteer: Gazetteer, text: str) -> bool:
    """Capitalised words, no version or number, no technology acronym, not a known name plus
    more words (`Kubernetes 1.22`), and a one-word name that prose never writes in lower case."""
    words = name.split()
    if not words or len(words) > 4 or HANGUL.search(name):
        return False
    if any(_VERSION.match(w) or not w[0].isupper() for w in words if w not in {"of", "and"}):
        return False
    if name in GENERIC_ACRONYMS or any(w in FUNCTION_WORDS for w in words):
        return False
    if words[-1] in _NOT_ORG_LAST or "/" in name or _VENUE.search(name):
        return False
    if len(words) > 1 and words[-1] in _FEATURE_LAST:
        return False  # `Pod Security Admission`, `In-place Pod Resize`: a feature
    if name.isupper() and len(name) <= 4:
        return False  # an acronym is named by its expansion (coreference)
    if len(words) > 1 and known_entry(gazetteer, words[0]) is not None:
        return False
    if len(words) == 1 and name.lower() != name:
        # A word the document also writes in lower case is a common word (`Upcoming`).
        lower = re.compile(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])")
        return lower.search(text) is None
    return True


def yield_to_people(draft: Draft, gazetteer: Gazetteer) -> None:
    """An organisation the gazetteer does not know that carries exactly the name of a person
    the document names by a cue (`Jane Doe (Acme) said`), or the first name or surname of
    exactly one of them (`Jane and Joe compare ...`), was the recogniser's guess: its mentions
    become the person's."""
    people = {
        normal_key(n.text): k for k in draft.keys(EntityType.PERSON) for n in draft.names_of(k)
    }
    people.update(_short_forms(draft, people))
    for key in draft.keys(EntityType.ORGANIZATION):
        names = draft.names_of(key)
        if len(names) != 1 or known_entry(gazetteer, names[0].text) is not None:
            continue
        owner = people.get(normal_key(names[0].text))
        if owner is None:
            continue
        for span in [s for s in draft.spans if s.key == key]:
            draft.unmention(span)
            draft.mention(owner, span.start, span.end)
        draft.discard(key)


def _short_forms(draft: Draft, full: dict[str, str]) -> dict[str, str]:
    """First names and surnames that exactly one person of the document has (Latin names)."""
    owners: dict[str, set[str]] = {}
    for key in draft.keys(EntityType.PERSON):
        for name in draft.names_of(key):
            words = name.text.split()
            if name.lang == "en" and len(words) >= 2:
                for word in (words[0], words[-1]):
                    owners.setdefault(normal_key(word), set()).add(key)
    return {w: next(iter(k)) for w, k in owners.items() if len(k) == 1 and w not in full}
