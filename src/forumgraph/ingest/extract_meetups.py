"""Meetups of user communities as events: a community's meetup of a given month.

- Named with the community: `쿠버네티스 코리아 그룹 6월 온라인 밋업`, `Cloud Native Lisbon
  March meetup`: an edition named as written.
- Named by month alone where the document names one community: `7월 밋업은`, `the July
  meetup` is that community's (`쿠버네티스 코리아 그룹 7월 밋업`).

A meetup without a month is the community's series of meetups, not an edition, and is left to
the community itself. The community organises its meetups.
"""

from __future__ import annotations

import re

from forumgraph.ingest.dates import year_of
from forumgraph.ingest.extract_records import Draft, Span, normal_key
from forumgraph.models import EntityType, Name
from forumgraph.text.hangul import has_hangul

_MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]
_EN_MONTH = "|".join(_MONTHS)
# After a community's name, or alone: `6월 (온라인) 밋업`, `March (online) meetup`.
_KO_MEETUP = re.compile(
    r"(?P<month>1[0-2]|[1-9])월\s?(?:(?:온라인|오프라인|정기)\s?)?(?:밋업|모임)"
)
_EN_MEETUP = re.compile(rf"(?P<month>{_EN_MONTH})\s(?:(?:online|in-person|virtual)\s)?[Mm]eetup\b")
# Words that end the names of user communities.
_COMMUNITY_END = re.compile(
    r"(?:그룹|모임|밋업|커뮤니티|[Uu]sers?\s[Gg]roup|[Mm]eetup|[Cc]ommunity|Group)$"
)


def add_meetups(draft: Draft) -> None:
    """Month meetups of the document's user communities, with their organiser and month."""
    communities = [
        s
        for s in draft.spans
        if s.type == EntityType.ORGANIZATION
        and any(
            _COMMUNITY_END.search(n.text)
            for n in (*draft.names_of(s.key), *draft.variants_of(s.key))
        )
    ]
    if not communities:
        return
    only = {s.key for s in communities}
    text = draft.article.text
    year = year_of(draft.article.date)
    _from_title(draft, only, year)
    for passage in draft.passages:
        for pattern in (_KO_MEETUP, _EN_MEETUP):
            for match in pattern.finditer(passage.text):
                start, end = passage.start + match.start(), passage.start + match.end()
                before = _community_before(text, communities, start)
                if before is None and len(only) != 1:
                    continue
                month = _month(match.group("month"))
                if before is not None:
                    _meetup(draft, before.key, text[before.start : end], before.start, end)
                    key = before.key
                else:
                    key = next(iter(only))
                    name = f"{_community_name(draft, key, match.group())} {match.group()}"
                    _meetup(draft, key, name, start, end)
                if year is not None:
                    event = _event_key(draft, key, month)
                    draft.fact(event, "startDate", f"{year}-{month:02d}", "month")


def _from_title(draft: Draft, communities: set[str], year: int | None) -> None:
    """`쿠버네티스 코리아 그룹 6월 온라인 밋업 안내`: a title's meetup named with its community."""
    title = draft.article.title
    for key in sorted(communities):
        for name in draft.names_of(key):
            at = title.find(name.text)
            after = at + len(name.text) + 1
            meetup = _KO_MEETUP.match(title, after) or _EN_MEETUP.match(title, after)
            if at < 0 or meetup is None:
                continue
            month = _month(meetup.group("month"))
            event = _event_key(draft, key, month)
            written = title[at : meetup.end()]
            draft.entity(event, EntityType.EVENT, [Name(written, _lang(written))])
            draft.fact(event, "organizer", key)
            if year is not None:
                draft.fact(event, "startDate", f"{year}-{month:02d}", "month")


def _community_before(text: str, communities: list[Span], start: int) -> Span | None:
    """The community named right before a meetup (`쿠버네티스 코리아 그룹 6월 밋업`)."""
    return next(
        (s for s in communities if s.end <= start and not text[s.end : start].strip()), None
    )


def _community_name(draft: Draft, key: str, written: str) -> str:
    """The community's name in the script the meetup is written in."""
    names = draft.names_of(key)
    same = [n.text for n in names if has_hangul(n.text) == has_hangul(written)]
    return (same or [names[0].text])[0]


def _meetup(draft: Draft, community: str, name: str, start: int, end: int) -> None:
    month = _month_in(name)
    if month is None:
        return
    key = draft.entity(
        _event_key(draft, community, month), EntityType.EVENT, [Name(name, _lang(name))]
    )
    passage_id = draft.mention(key, start, end)
    draft.fact(key, "organizer", community, passage_id=passage_id)


def _event_key(draft: Draft, community: str, month: int) -> str:
    return f"event:meetup:{normal_key(draft.names_of(community)[0].text)}:{month}"


def _month_in(name: str) -> int | None:
    found = _KO_MEETUP.search(name) or _EN_MEETUP.search(name)
    return _month(found.group("month")) if found else None


def _month(written: str) -> int:
    return int(written) if written.isdigit() else _MONTHS.index(written) + 1


def _lang(name: str) -> str:
    return "ko" if has_hangul(name) else "en"
