"""Events held with another edition: in the sentence that places the host (`the Kubernetes
Contributor Summit, held the Sunday before KubeCon ... 2023`, `KubeCon 북미 2025(애틀랜타)와 그
전날 열리는 기여자 서밋`), or elsewhere in the text: in a recap or an announcement of the edition
its title names, a summit, day or `-Con` named without a place or a year of its own (`the week
started early at Cloud Native Rejekts`) is held where and when that edition is; one said to be
held the day before `the conference` (`본 행사 전날 열린`) with the edition named last before it."""

from __future__ import annotations

import re

from forumgraph.ingest.dates import find_dates
from forumgraph.ingest.extract_event_names import prose_sentences
from forumgraph.ingest.extract_events_state import Edition, EventBook, places_in, region_of
from forumgraph.ingest.extract_records import Draft, Span
from forumgraph.models import EntityType

# `next year`, `in the future`, `someday`: a wish or a plan, not the edition the text is about.
_ANOTHER_TIME = re.compile(
    r"\b(?:next|last|previous|past|future|someday|upcoming|every)\b|다음|내년|작년|지난|매년",
    re.IGNORECASE,
)


# `the day before the conference opens`, `the weekend before.`, `본 행사 전날`: held beside the
# edition spoken of.
_BESIDE_THE_MAIN_EVENT = re.compile(
    r"\b(?:day|night|weekend|morning|evening|[A-Z][a-z]+day)\s(?:before|after)"
    r"(?:\s(?:the\s(?:main\s)?(?:conference|event|show)|it)\b|(?=[,.;:!?)]|$))"
    r"|\b[Cc]o-located\b|(?:본|메인)\s?(?:행사|컨퍼런스|콘퍼런스)\s?(?:전날|전일|다음\s?날|기간)"
)


def add_editions_held_with_the_title(book: EventBook) -> None:
    """Editions of series held beside another edition, for those the text names with no place
    or date of their own: the title's edition, else the one named last before a sentence that
    says the series is held beside `the conference`; only series that are held with a larger
    event (a co-located series of the gazetteer, or one the text names by its form) count."""
    titled = [e for e in book.editions.values() if e.from_title]
    title_host = titled[0] if len(titled) == 1 else None
    draft = book.draft
    for passage in draft.passages:
        for sentence in prose_sentences(passage.text, passage.start):
            spans = draft.spans_in(sentence.start, sentence.end)
            if any(s.type == EntityType.EVENT for s in spans) or _ANOTHER_TIME.search(
                sentence.text
            ):
                continue
            if places_in(book, book.gazetteer, sentence.start, sentence.end):
                continue
            host = title_host
            if host is None and _BESIDE_THE_MAIN_EVENT.search(sentence.text):
                host = _named_last_before(book, sentence.start)
            if host is None:
                host = _named_last_before(
                    book, sentence.start, _paragraph_start(draft, sentence.start)
                )
            if host is None:
                continue
            if any(d.explicit_year for d in find_dates(sentence.text, host.year, host.year)):
                continue
            for span in (s for s in spans if s.type == EntityType.SERIES):
                series = book.series_entry(span.key)
                if series is None or series == host.series or series.by_region:
                    continue
                if not (series.held_with_others or span.key in book.own_series):
                    continue
                edition = book.held_with(series, host)
                draft.mention(edition.key, span.start, span.end)


def _named_last_before(book: EventBook, offset: int, since: int | None = None) -> Edition | None:
    """The edition whose mention ends last before `offset` (and after `since`); with `since`,
    only an edition of a series others are held with (`KubeCon ... Europe 2026 — Amsterdam.
    ... The Kubernetes Contributor Summit runs on Sunday`), not another co-located one."""
    mentioned = [
        (span.end, book.editions[span.key])
        for span in book.draft.spans_in(since or 0, offset, EntityType.EVENT)
        if span.key in book.editions
    ]
    if since is not None:
        mentioned = [m for m in mentioned if not m[1].series.held_with_others]
    return max(mentioned, key=lambda m: m[0])[1] if mentioned else None


def _paragraph_start(draft: Draft, offset: int) -> int:
    """Where the paragraph holding `offset` starts (after a blank line, or the text's start)."""
    return draft.article.text.rfind("\n\n", 0, offset) + 1


# `the Contributor Summit, held the Sunday before KubeCon Europe`: an event held with another.
_HELD_WITH = re.compile(
    r",?\s(?:(?:held|taking place|which takes place)\s)?(?:on\s)?(?:the\s\w+\s)?"
    r"(?:before|after|ahead of|alongside|during|at|co-located with)\s(?:the\s)?$"
)


# `... KubeCon Europe in Amsterdam, and the Contributor Summit the day before`: after the host.
_HELD_AROUND = re.compile(
    r",?\s(?:(?:is\s|was\s|will\sbe\s)?(?:held\s)?(?:on\s)?the\s\w+\s(?:before|after)"
    r"|(?:is\s|was\s)?co-located)\b"
)


# `KubeCon 북미 2025(애틀랜타)와 그 전날 열리는 기여자 서밋`: held with the host named before.
_KO_HELD_WITH_HOST = re.compile(
    r"[^.。()\n]{0,12}(?:\([^()]{0,40}\))?[^.。()\n]{0,12}?"
    r"(?:(?:전날|전일|다음\s?날|이튿날|같은\s?주|기간|앞서|함께|동시에)"
    r"[^.。\n]{0,8}?(?:열리는|열린|개최되는|개최된|진행되는|진행된)\s"
    # `... Europe 2025 기간 중 쿠버네티스 컨트리뷰터 서밋에서` (a project's name may open it)
    r"|기간\s?(?:중|동안|중에)\s(?:[가-힣A-Za-z]+\s)?)"
)


def add_co_located(
    book: EventBook, series_spans: list[Span], made: list[tuple[Edition, Span]]
) -> None:
    """A series held right before, after or at the one edition the sentence places is held
    where and when that edition is (`the Kubernetes Contributor Summit, held the Sunday before
    KubeCon + CloudNativeCon North America 2023`, `... in Amsterdam, and the Contributor Summit
    the day before`)."""
    hosts = sorted(
        {edition.key: (edition, span) for edition, span in made}.values(), key=lambda h: h[1].start
    )
    if not hosts:
        return
    text = book.draft.article.text
    for span in series_spans:
        series = book.series_entry(span.key)
        # The host is the edition named next after the event, else the last one before it.
        after = [h for h in hosts if h[1].start >= span.end]
        host, host_span = after[0] if after else hosts[-1]
        if len(hosts) > 1 and not after and hosts[-1][1].end > span.start:
            continue
        if series is None or series == host.series:
            continue
        before_host = span.end <= host_span.start
        if before_host and not _HELD_WITH.fullmatch(text, span.end, host_span.start):
            continue
        if not before_host and not (
            _HELD_AROUND.match(text, span.end)
            or _KO_HELD_WITH_HOST.fullmatch(text, host_span.end, span.start)
        ):
            continue
        edition = book.held_with(series, host)
        book.draft.mention(edition.key, span.start, span.end)


def add_hosts_of_co_located(
    book: EventBook, series_spans: list[Span], made: list[tuple[Edition, Span]]
) -> None:
    """A sentence that places a co-located event places the larger event it names with it,
    where the table of known editions holds that one in the same city that year (`Last year in
    Salt Lake City you went to Rejekts, the co-located day and then all three days of KubeCon`)."""
    placed = {edition.series for edition, _ in made}
    for edition, _ in made:
        city = edition.city
        if not edition.series.held_with_others or city is None:
            continue
        region = region_of(city, book.gazetteer)
        if region is None:
            continue
        names = {n.text.casefold() for n in city.names}
        for span in series_spans:
            series = book.series_entry(span.key)
            if series is None or not series.by_region or series in placed:
                continue
            known = book.gazetteer.editions.city_of(
                series.canonical, region.canonical, edition.year
            )
            if known is None or known.casefold() not in names:
                continue
            host = book.edition(series, city, edition.year)
            book.draft.mention(host.key, span.start, span.end)
            placed.add(series)
