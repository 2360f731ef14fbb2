"""Talks: keynotes and sessions with their speakers, or with the organisation of an unnamed
speaker (`삼성SDS의 엔지니어`), titles in quotes, kind, topics and the edition they were given at.

One talk per speaker set (or organisation) and title within a document; the same keynote given
at two editions (`서울과 시드니 두 곳에서 모두 오프닝 키노트`) is one talk with both editions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from forumgraph.ingest.extract_events_state import Edition, EventBook
from forumgraph.ingest.extract_records import Draft, Span, name_of, normal_key
from forumgraph.ingest.extract_text import Sentence, sentences
from forumgraph.models import EntityType, Name

_CUE = re.compile(
    r"키노트|기조연설|발표|세션|강연|keynote|\btalks?\b(?!\s(?:to|with)\b)|\bsessions?\b|\bpanel\b"
    r"|presentation"
    r"|will (?:be )?(?:present|lead|help|share|conduct|run|give|host|speak|moderate|collaborat)",
    re.IGNORECASE,
)
# A purpose after a speaking verb (`will be collaborating with X to share`): X speaks too. Alone,
# `to share` is too common in prose to mark a talk.
_PURPOSE_CUE = re.compile(r"\bto (?:share|present|demo|teach|show)\b", re.IGNORECASE)
_KINDS = [
    ("keynote", re.compile(r"키노트|기조연설|keynote", re.I)),
    ("lightning", re.compile(r"라이트닝|lightning", re.I)),
    ("panel", re.compile(r"패널|\bpanel\b", re.I)),
    ("tutorial", re.compile(r"튜토리얼|tutorial|workshop", re.I)),
]
_JOINED = re.compile(r"^\)?\s*(?:과|와|,?\s*and\s|\s*&\s)")
_UNNAMED = re.compile(
    r"^\)?\s*(?:의|에서|소속(?:의)?)?\s*(?:[^\s,.'’]{1,12}\s)?"
    r"(?:엔지니어|아키텍트|개발자|연구원|engineers?|architects?|developers?)"
)
# A Korean particle may follow an underlined title (`_제목_을 발표한다`); a Latin letter or digit
# after the closing mark is a snake_case word, not a title.
_TITLE = re.compile(r"[“\"]([^”\"\n]{4,120})[”\"]|(?<![\w])_([^_\n]{4,120})_(?![A-Za-z0-9_])")
_PROVIDED = re.compile(r"^\s*(?:이|가)?\s*제공하는|^\s*(?:이|가)?\s*후원하는")
_SPONSOR_CUE = re.compile(r"스폰서|sponsor|제공하는 .{0,20}세션", re.I)
_DAY = re.compile(r"(\d)\s*일차|\b[Dd]ay (\d)\b")
_LEADING_ARTICLE = re.compile(
    r"^(?:(?:keynote|lightning talk|panel discussion|tutorial)\s*:\s*)?(?:(?:an?|the)\s+)?", re.I
)
_GENERIC_TOPICS = {"project:kubernetes", "topic:open source"}
_KIND_RANK = {"keynote": 0, "lightning": 1, "panel": 2, "tutorial": 3, "sponsor-session": 4}


@dataclass
class _Talk:
    key: str
    kind: str
    performers: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    title: str | None = None
    passage_id: str = ""
    day: int | None = None


def title_key(title: str) -> str:
    """A title without case, spacing or a leading article: "An Introduction to Helm" ->
    "introduction to helm"."""
    return normal_key(_LEADING_ARTICLE.sub("", title.strip().rstrip(".…")))


def add_talks(draft: Draft, book: EventBook) -> None:
    """Talks of the document, as entity records with performer, kind, event and topic facts."""
    talks: dict[str, _Talk] = {}
    for passage in draft.passages:
        para = sentences(passage.text, passage.start)
        found = []
        for i, sentence in enumerate(para):
            previous = para[i - 1] if i and para[i - 1].paragraph == sentence.paragraph else None
            found.append(_talks_in(draft, book, sentence, previous, passage.passage_id))
        starts = [i for i, talks_here in enumerate(found) if talks_here]
        for i in starts:
            for talk in found[i]:
                merged = _merge(talks, talk)
                _add_topics(draft, merged, para, i, set(starts))
    for talk in talks.values():
        _write(draft, book, talk)


def _talks_in(
    draft: Draft, book: EventBook, sentence: Sentence, previous: Sentence | None, passage_id: str
) -> list[_Talk]:
    text = draft.article.text
    spans = draft.spans_in(sentence.start, sentence.end)
    cues = list(_CUE.finditer(sentence.text))
    kind = _kind(sentence.text) or "session"
    # An unnamed speaker's talk is often introduced in the sentence before (`키노트 발표로 소개`).
    unnamed_kind = _kind(sentence.text) or (_kind(previous.text) if previous else None) or kind
    quoted = [m for m in _TITLE.finditer(sentence.text) if not _is_speech(sentence.text, m)]
    titles = [m.group(1) or m.group(2) for m in quoted]
    out: list[_Talk] = []
    if _SPONSOR_CUE.search(sentence.text) or any(
        _PROVIDED.match(text[s.end : s.end + 10])
        for s in spans
        if s.type == EntityType.ORGANIZATION
    ):
        sponsors = [s.key for s in spans if s.type == EntityType.ORGANIZATION]
        if len(sponsors) >= 2 and cues:
            day = _DAY.search(sentence.text)
            talk = _Talk(
                f"talk:sponsor|{'|'.join(sponsors)}", "sponsor-session", passage_id=passage_id
            )
            talk.orgs = sponsors
            talk.events = _events_near(draft, book, sentence, sentence.start, previous)
            talk.day = int(day.group(1) or day.group(2)) if day else None
            return [talk]
    if not cues:
        return out
    last_cue = sentence.start + max(
        [cues[-1].start()] + [m.start() for m in _PURPOSE_CUE.finditer(sentence.text)]
    )
    people = [s for s in spans if s.type == EntityType.PERSON and s.end <= last_cue]
    people += _given_by(text, [s for s in spans if s.type == EntityType.PERSON], last_cue)
    groups = _speaker_groups(text, _distinct(people))
    for group in groups:
        talk = _Talk(
            "talk:" + "|".join(sorted({s.key for s in group})), kind, passage_id=passage_id
        )
        talk.performers = sorted({s.key for s in group})
        talk.events = _events_near(draft, book, sentence, group[0].start, None)
        talk.title = _title_of(text, sentence.start, quoted, group, len(groups))
        out.append(talk)
    for span in spans:
        if span.type == EntityType.ORGANIZATION and _UNNAMED.match(text[span.end : span.end + 24]):
            talk = _Talk(f"talk:org:{span.key}", unnamed_kind, passage_id=passage_id)
            talk.orgs = [span.key]
            talk.events = _events_near(draft, book, sentence, span.start, None)
            talk.title = titles[0] if len(titles) == 1 else None
            out.append(talk)
    if not out:
        for title in titles:
            talk = _Talk(f"talk:title:{title_key(title)}", kind, passage_id=passage_id)
            talk.title = title
            talk.events = _events_near(draft, book, sentence, sentence.start, None)
            out.append(talk)
    return out


_SAID = re.compile(
    r"^\s*,?\s*(?:(?:he|she|they)\s)?(?:said|says|told|tells|added|adds|explained|noted|asked)\b"
    r"|^\s*(?:고|라고|라며)\s"
)


def _is_speech(text: str, quote: re.Match[str]) -> bool:
    """A quotation someone said (`"We stopped ...," said Jane`), not a title: it ends with a
    comma or full stop inside the marks, or a verb of saying follows."""
    inside = (quote.group(1) or quote.group(2) or "").rstrip()
    return inside.endswith((",", ".")) or bool(_SAID.match(text[quote.end() :]))


def _title_of(
    text: str, offset: int, quoted: list[re.Match[str]], group: list[Span], groups: int
) -> str | None:
    """The one title of a sentence with one group of speakers; with several, the title written
    right before `by` and the group (`"Scaling Policy" by Jane Doe`)."""
    if groups == 1:
        return (quoted[0].group(1) or quoted[0].group(2)) if len(quoted) == 1 else None
    for match in quoted:
        if _BY_AFTER_TITLE.fullmatch(text, offset + match.end(), group[0].start):
            return match.group(1) or match.group(2)
    return None


_BY_AFTER_TITLE = re.compile(r"\s*,?\s*by\s")
_BY = re.compile(r"\bby\s$")
_AND = re.compile(r"^(?:\s\([^()]{1,40}\))?(?:,\s|,?\sand\s|\s&\s)$")


def _given_by(text: str, people: list[Span], cue: int) -> list[Span]:
    """`a talk by Lin Sun (Acme) on ...`, `keynote was by Jane Doe and Joe Roe`: the people
    after `by` behind a talk's cue."""
    out: list[Span] = []
    for span in people:
        if span.start < cue:
            continue
        if _BY.search(text, max(0, span.start - 4), span.start) or (
            out and _AND.match(text[out[-1].end : span.start])
        ):
            out.append(span)
    return out


def _distinct(people: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in people:
        if not any(o.key == span.key for o in out):
            out.append(span)
    return out


def _speaker_groups(text: str, people: list[Span]) -> list[list[Span]]:
    """People joined by `과`/`and`/`&` give one talk together; others give one each."""
    groups: list[list[Span]] = []
    for span in people:
        if groups and _JOINED.match(_between(text, groups[-1][-1], span)):
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _between(text: str, first: Span, second: Span) -> str:
    return text[first.end : second.start]


def _kind(text: str) -> str | None:
    return next((kind for kind, pattern in _KINDS if pattern.search(text)), None)


def _events_near(
    draft: Draft, book: EventBook, sentence: Sentence, anchor: int, previous: Sentence | None
) -> list[str]:
    """Editions of the cities in the anchor's clause, else of the sentence (or the previous
    one), else of a series named here, else the document's main edition."""
    text = draft.article.text
    clause_start = max(text.rfind(",", sentence.start, anchor) + 1, sentence.start)
    clause_end = text.find(",", anchor, sentence.end)
    clause_end = sentence.end if clause_end < 0 else clause_end
    for start, end in ((clause_start, clause_end), (sentence.start, sentence.end)):
        found = _editions_at(draft, book, start, end)
        if found:
            return found
    if previous is not None:
        found = _editions_at(draft, book, previous.start, previous.end)
        if found:
            return found
    series = [s.key for s in draft.spans_in(sentence.start, sentence.end, EntityType.SERIES)]
    main = _main_edition(book)
    if series and (main is None or main.series.canonical.casefold() not in series[0]):
        return series[:1]
    return [main.key] if main else []


def _editions_at(draft: Draft, book: EventBook, start: int, end: int) -> list[str]:
    out: list[str] = []
    for span in draft.spans_in(start, end, EntityType.PLACE):
        for edition in book.editions.values():
            if edition.city is not None and normal_key(edition.city.canonical) in span.key:
                if edition.key not in out:
                    out.append(edition.key)
                break
    return out


def _main_edition(book: EventBook) -> Edition | None:
    titled = [e for e in book.editions.values() if e.from_title]
    if titled:
        return titled[0]
    held = [e for e in book.editions.values() if e.status == "held"]
    editions = held or list(book.editions.values())
    return editions[0] if editions else None


def _merge(talks: dict[str, _Talk], talk: _Talk) -> _Talk:
    existing = talks.get(talk.key)
    if existing is None:
        talks[talk.key] = talk
        return talk
    if _KIND_RANK.get(talk.kind, 9) < _KIND_RANK.get(existing.kind, 9):
        existing.kind = talk.kind
    existing.events += [e for e in talk.events if e not in existing.events]
    existing.title = existing.title or talk.title
    return existing


def _add_topics(
    draft: Draft, talk: _Talk, para: list[Sentence], i: int, talk_sentences: set[int]
) -> None:
    """Topics and projects of the talk's sentence and the following ones of its paragraph, up
    to the next talk; if there are none, those of the sentence before."""
    window = [para[i]]
    for j in range(i + 1, len(para)):
        if para[j].paragraph != para[i].paragraph or j in talk_sentences:
            break
        window.append(para[j])
    found = _topics(draft, window, talk.title)
    if not found and i and para[i - 1].paragraph == para[i].paragraph:
        found = _topics(draft, [para[i - 1]], talk.title)
    for key in found:
        draft.fact(talk.key, "about", key, passage_id=talk.passage_id)


def _topics(draft: Draft, window: list[Sentence], title: str | None) -> list[str]:
    keys: list[str] = []
    for sentence in window:
        for span in draft.spans_in(sentence.start, sentence.end):
            if span.type not in {EntityType.TOPIC, EntityType.PROJECT} or span.key in keys:
                continue
            if span.key in _GENERIC_TOPICS and not (
                title and span.key.split(":")[1] in title.lower()
            ):
                continue
            keys.append(span.key)
    return keys


def _write(draft: Draft, book: EventBook, talk: _Talk) -> None:
    names = _talk_names(draft, talk)
    event_refs = [e for e in talk.events if e in book.editions]
    reference = None
    if event_refs and talk.title:
        reference = f"talk:{event_refs[0]}|{title_key(talk.title)}"
    elif event_refs and talk.performers:
        people = "|".join(sorted(normal_key(draft.names_of(p)[0].text) for p in talk.performers))
        reference = f"talk:{event_refs[0]}|speakers:{people}|{talk.kind}"
    draft.entity(talk.key, EntityType.TALK, names, reference=reference)
    pid = talk.passage_id
    draft.fact(talk.key, "talkKind", talk.kind, "string", passage_id=pid)
    if talk.title:
        draft.fact(talk.key, "name", talk.title, "string", names[0].lang, pid)
    for person in talk.performers:
        draft.fact(talk.key, "performer", person, passage_id=pid)
    predicate = "sponsor" if talk.kind == "sponsor-session" else "performerOrg"
    for org in talk.orgs:
        draft.fact(talk.key, predicate, org, passage_id=pid)
    for event in talk.events:
        draft.fact(talk.key, "superEvent", event, passage_id=pid)
    if talk.day is not None:
        draft.fact(talk.key, "day", str(talk.day), "integer", passage_id=pid)


_KIND_KO = {
    "keynote": "키노트",
    "session": "세션",
    "lightning": "라이트닝 토크",
    "panel": "패널",
    "tutorial": "튜토리얼",
    "sponsor-session": "스폰서 세션",
}


def _talk_names(draft: Draft, talk: _Talk) -> list[Name]:
    """The title, else names made from the kind and the speakers (or organisations)."""
    if talk.title:
        return [name_of(talk.title)]
    who = talk.performers or talk.orgs
    en = [_label(draft, k, "en") for k in who]
    ko = [_label(draft, k, "ko") for k in who]
    kind_en = talk.kind.replace("-", " ").capitalize()
    if talk.performers:
        names = [Name(f"{kind_en} by {' & '.join(en)}", "en")]
    elif talk.kind == "sponsor-session":
        names = [Name(f"{kind_en} by {', '.join(en)}", "en")]
    else:
        names = [Name(f"{kind_en} by an engineer of {' & '.join(en)}", "en")]
    if all(ko):
        names.append(Name(f"{', '.join(ko)} {_KIND_KO.get(talk.kind, '발표')}", "ko"))
    return names


def _label(draft: Draft, key: str, lang: str) -> str:
    names = draft.names_of(key)
    return next((n.text for n in names if n.lang == lang), "" if lang == "ko" else names[0].text)
