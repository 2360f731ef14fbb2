"""Where a Korean clause before a name says the person works, worked, leads or came from:

    오픈소스 컨설팅사 브리지랩을 이끌고 있는 유경민 대표      (leads: the organisation)
    스타트업 누리온을 창업한 김도현 대표                       (founded)
    가온데이터에서 플랫폼 엔지니어로 일하는 박하늘 님          (works there)
    네이버클라우드에서 NKS 개발을 이끌던 오승민 씨             (worked there)
    삼성SDS 출신으로 … 유경민 대표가                           (came from: a past place of work)
    로지브릿지에서는 … 이태양 SRE 리드가 연단에 올랐다         (the one put up for it)

The organisation is one read there already, a word with a name's form, or a compound of nouns
that such a clause puts in an organisation's place (`가온데이터에서 일하는`); a common noun alone
(`같은 회사에서 일하는`, `서비스를 운영하는`) and a project or a place are none. `출신` gives the
first person named after it in the sentence.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_orgs_ko import affiliate, headed_name, name_form
from forumgraph.ingest.extract_people_ko import KO_PERSON_MARKERS
from forumgraph.ingest.extract_records import Draft, Span
from forumgraph.ingest.extract_text import word_set
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer
from forumgraph.text.hangul import is_hangul_word

# The organisation, then a verb of leading or founding right before the name.
_LEADS = re.compile(
    r"(?P<org>[가-힣A-Za-z][가-힣A-Za-z0-9&.]{1,20}?)(?:을|를)\s"
    r"(?:(?:공동\s?)?(?:창업한|설립한|세운)|이끄는|이끌고\s있는|이끌어\s온|맡고\s있는)\s$"
)
# The organisation with `에서`, a few words, then a verb of working right before the name.
# (maybe in its head office or a unit: `구글 본사에서 GKE 네트워킹을 맡아 온`)
_WORKS = re.compile(
    r"(?P<org>[가-힣A-Za-z][가-힣A-Za-z0-9&.]{1,20}?)(?:\s(?:본사|지사|법인|\S+팀|\S+조직))?"
    r"에서\s(?:\S+\s){0,5}?"
    r"(?:일하는|일하던|일했던|일하고\s있는|근무하는|근무하던|근무했던|근무하고\s있는|재직\s?중인"
    r"|재직하던|재직했던|이끄는|이끌던|이끌었던|맡고\s있는|맡았던|맡아\s온|담당하는|담당하던"
    r"|담당했던)\s$"
)
# The organisation a person came from, then the rest of the clause.
_CAME_FROM = re.compile(
    r"(?<![가-힣])(?P<org>[가-힣A-Za-z][가-힣A-Za-z0-9&.]{1,20})\s출신(?:으로|이며|이자|인)\s"
)
# A sentence opening with an organisation as its topic (`로지브릿지에서는`).
_FROM_THE_ORGANISATION = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<org>[가-힣A-Za-z][가-힣A-Za-z0-9&.]{1,20}?)에서는\s"
)
# A title after a name (`이태양 SRE 리드가`, `배소연 매니저는`).
_TITLE_AFTER = re.compile(
    r"\s(?:[A-Z]{2,5}\s)?(?:"
    + "|".join(KO_PERSON_MARKERS)
    + r")(?:은|는|이|가|을|를|의|도)?(?![가-힣])"
)
_SENTENCE_END = re.compile(r"[.!?。]\s|[다요]\.")
# Nouns that such a clause may put where an organisation would be, naming none.
_NO_NAME = word_set("회사 팀 곳 현업 업계 본사 사내 스타트업 기업 대기업 같은 다른 해외 국내")


def add_clauses_before_korean_people(
    draft: Draft, analyzer: Analyzer, gazetteer: Gazetteer
) -> None:
    """Affiliations of people named in Korean prose (in Hangul or in Latin letters: `… 맡아 온
    Ethan Cho(조이산) 씨`) from the clauses before them (see the module)."""
    text = draft.article.text
    people = [s for s in draft.spans if s.type == EntityType.PERSON]
    for person in people:
        line_start = text.rfind("\n", 0, person.start) + 1
        before = text[max(line_start, person.start - 80) : person.start]
        offset = person.start - len(before)
        for pattern in (_LEADS, _WORKS):
            clause = pattern.search(before)
            if clause is not None:
                _affiliate_if_named(draft, analyzer, gazetteer, person, clause, offset)
    for topic in _FROM_THE_ORGANISATION.finditer(text):
        # `로지브릿지에서는 … 이태양 SRE 리드가 연단에 올랐다`: the one the sentence puts up for it
        end = _SENTENCE_END.search(text, topic.end())
        stop = end.start() if end else len(text)
        titled = [
            p for p in people if topic.end() <= p.start < stop and _TITLE_AFTER.match(text, p.end)
        ]
        if titled:
            _affiliate_if_named(draft, analyzer, gazetteer, min(titled, key=_start), topic, 0)
    for came in _CAME_FROM.finditer(text):
        end = _SENTENCE_END.search(text, came.end())
        stop = end.start() if end else len(text)
        after = [p for p in people if came.end() <= p.start < stop]
        if after:
            _affiliate_if_named(draft, analyzer, gazetteer, min(after, key=_start), came, 0)


def _affiliate_if_named(
    draft: Draft,
    analyzer: Analyzer,
    gazetteer: Gazetteer,
    person: Span,
    clause: re.Match[str],
    offset: int,
) -> None:
    name, start = clause["org"], offset + clause.start("org")
    read = draft.mentioned_at(start)
    if read is not None and read.start == start:
        if read.type == EntityType.ORGANIZATION:
            affiliate(draft, gazetteer, person, (draft.article.text[read.start : read.end], start))
        return  # a project or a place read there
    if name in _NO_NAME or not _a_name(name, analyzer, gazetteer):
        return
    affiliate(draft, gazetteer, person, (name, start))


def _a_name(word: str, analyzer: Analyzer, gazetteer: Gazetteer) -> bool:
    """A name's form, or nouns of more than one piece where a clause puts an organisation."""
    if name_form(word, analyzer, gazetteer):
        return True
    entry = gazetteer.lookup(word)
    if entry is not None or not is_hangul_word(word):
        return False
    return len(analyzer.tokens(word)) > 1 and headed_name(word, analyzer, gazetteer)


def _start(span: Span) -> int:
    return span.start
