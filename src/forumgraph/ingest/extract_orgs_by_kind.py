"""Korean organisations named right after the kind of organisation they are (`베를린의 스타트업
루멘폴드(Lumenfold)에서`, `터키 이커머스 기업 헵시부라다에서`, `핀테크 업체 모아페이의`), or as the
subject of a sentence that says they hired or appointed someone (`가온클라우드는 15일 한지민 ...을
영입했다`); and the Hangul spelling before an organisation's Latin name in brackets
(`클라우드네이티브 부산 (Cloud Native Busan)`).

The word must have the form of a name (a proper noun, or a word no dictionary knows) with only
particles after it, so that `스타트업 생태계` or `기업 고객` name nothing. A group's name in Latin
letters after its kind (`저희 학회 NIMBUS가`) is one too, and the kind alone then means it; an
acronym in brackets after a Hangul name (`클라우드 네이티브 광주(CNGJ)`) is its short name.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_named import add_named
from forumgraph.ingest.extract_orgs_ko import LATIN_GLOSS
from forumgraph.ingest.extract_people_ko import KO_PERSON_MARKERS
from forumgraph.ingest.extract_records import Draft, Span
from forumgraph.ingest.extract_text import sentences
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer
from forumgraph.text.hangul import has_hangul
from forumgraph.text.names import hangul_latin_pairs, transliteration_similarity

_KIND_THEN_NAME = re.compile(
    # (kinds may follow each other: `핀테크 기업 누리뱅크는`)
    r"(?<![가-힣])(?:(?:스타트업|기업|회사|업체|벤처|핀테크|은행|보험사|증권사|컨설팅사)\s)+"
    rf"(?P<word>[가-힣][가-힣A-Za-z0-9]{{0,20}})(?P<gloss>{LATIN_GLOSS})?"
)
# A group's kind, then its name in Latin letters: `저희 학회 CLOUDY가`, `동아리 KUCC의`.
GROUP_KINDS = ("학회", "동아리", "소모임", "모임", "스터디", "커뮤니티", "스타트업", "기업", "회사")
_GROUP_KIND_THEN_LATIN = re.compile(
    rf"(?<![가-힣])(?P<kind>{'|'.join(GROUP_KINDS)})\s"
    r"(?P<name>[A-Z][A-Za-z0-9&.+-]{1,30})(?=(?:은|는|이|가|을|를|의|에서|와|과|도)?(?:[\s,.)]|$))"
)
# A word after which a kind opens a phrase: `저희`, `우리`, a particle or a stop (`올해의`).
_OPENS_A_PHRASE = re.compile(
    r"^(?:저희|우리)$|(?:은|는|이|가|을|를|의|에서|와|과|도|로)$|[.,!?:)]$"
)
# The Latin spelling in brackets right after a Hangul name, maybe with more (`(CloudHeim, 대표 …)`).
_SPELLED_AFTER = re.compile(r"\((?P<latin>[A-Za-z][\w .&-]{1,30}?)[,)]")
# Words of business that end company names (`누리뱅크`, `모아페이`, `하늘소프트`): with one, two
# common nouns after a kind word are a name.
_BUSINESS_END = re.compile(
    r"(?:뱅크|페이|증권|캐피탈|카드|클라우드|모빌리티|커머스|헬스케어|랩스|테크|소프트|시스템즈"
    r"|네트웍스|게임즈|솔루션즈?|데이터)(?:은|는|이|가|을|를|의|에서|와|과)?$"
)
_NOUN_TAGS = frozenset({"NNP", "NNG", "SL", "SN"})
_UNITS = ("팀", "실", "본부", "부", "국", "과", "센터")
# Verbs of hiring and appointing: what only an organisation does to a person.
APPOINTS = re.compile(r"(?:영입|선임|임명|발탁|채용|기용)(?:했|하였|한다|하기로)")
_OPENING_SUBJECT = re.compile(r"(?P<word>[가-힣][가-힣A-Za-z0-9]{1,20}(?:은|는|이|가))\s")


def add_organisations_after_their_kind(
    draft: Draft, analyzer: Analyzer, gazetteer: Gazetteer
) -> None:
    """Organisation mentions for names written after a word for their kind (see the module)."""
    for passage in draft.passages:
        if not has_hangul(passage.text):
            continue
        for match in _KIND_THEN_NAME.finditer(passage.text):
            name = _name_before_particles(
                match["word"],
                analyzer,
                gazetteer,
                compound=bool(_BUSINESS_END.search(match["word"])),
            )
            if name is not None and match["gloss"] and _spelled_whole(match["word"], name, match):
                name = match["word"]  # `루마로(Lumaro)`: not `루마` and the particle `로`
            spelled = _SPELLED_AFTER.match(passage.text, match.end("word"))
            if name is None and spelled and _spelled_as(match["word"], spelled["latin"]):
                name = match["word"]  # `클라우드하임(CloudHeim, 대표 김태윤)`: whatever the words
            if name is None or name in KO_PERSON_MARKERS:
                continue
            entry = gazetteer.lookup(name)
            if entry is not None and entry.kind != EntityType.ORGANIZATION.value:
                continue  # `기업 서울`: a place
            start = passage.start + match.start("word")
            end = start + len(name)
            if draft.spans_over(start, end):
                continue  # read already, as this or as something else
            key = add_named(draft, gazetteer, EntityType.ORGANIZATION, name, start, end)
            if key is not None and match["gloss"] and name == match["word"]:
                draft.add_variant(key, match["latin"])  # `루멘폴드(Lumenfold)`
        for match in _GROUP_KIND_THEN_LATIN.finditer(passage.text):
            before = passage.text[: match.start()].split()
            if before and not _OPENS_A_PHRASE.search(before[-1]):
                continue  # `쿠버네티스 커뮤니티 Days`: the kind is part of a longer name
            start = passage.start + match.start("name")
            end = start + len(match["name"])
            entry = gazetteer.lookup(match["name"])
            if (entry is None or entry.kind == EntityType.ORGANIZATION.value) and not (
                draft.spans_over(start, end)
            ):
                add_named(draft, gazetteer, EntityType.ORGANIZATION, match["name"], start, end)
        for sentence in sentences(passage.text, passage.start):
            if APPOINTS.search(draft.article.text, sentence.start, sentence.end):
                _subject_of_appointing(draft, analyzer, gazetteer, sentence.start)


def add_hangul_names_of_organisations(draft: Draft) -> None:
    """`클라우드네이티브 부산 (Cloud Native Busan)`: the Hangul before an organisation's Latin name
    in brackets, spelling it, is the same organisation's name."""
    for passage in draft.passages:
        if not has_hangul(passage.text):
            continue
        for pair in hangul_latin_pairs(passage.text):
            latin = draft.mentioned_at(passage.start + pair.latin_start)
            start = passage.start + pair.hangul_start
            end = start + len(pair.hangul)
            if (
                latin is None
                or latin.type != EntityType.ORGANIZATION
                or draft.spans_over(start, end)
            ):
                continue
            draft.add_variant(latin.key, pair.hangul)
            draft.mention(latin.key, start, end)


# An acronym in brackets right after a name: `클라우드 네이티브 대구(CNDG)`.
_ACRONYM_AFTER = re.compile(r"\s?\((?P<acronym>[A-Z][A-Z0-9&]{1,7})\)")


def add_acronyms_in_brackets(draft: Draft, gazetteer: Gazetteer) -> None:
    """`클라우드 네이티브 대구(CNDG)`: an acronym no gazetteer knows, in brackets right after an
    organisation's Hangul name, is that organisation's short name wherever the text writes it."""
    text = draft.article.text
    hangul_names = {
        n.text: key
        for key in draft.keys(EntityType.ORGANIZATION)
        for n in draft.names_of(key)
        if has_hangul(n.text)
    }
    for found in _ACRONYM_AFTER.finditer(text):
        before = text[: found.start()]
        named = [(name, key) for name, key in hangul_names.items() if before.endswith(name)]
        if not named or gazetteer.lookup(found["acronym"]) is not None:
            continue
        name, key = max(named, key=lambda n: len(n[0]))
        start = found.start() - len(name)
        for inside in draft.spans_over(start, found.start()):
            if start <= inside.start and inside.end <= found.start() and inside.key != key:
                draft.unmention(inside)  # `클라우드 네이티브` + `대구`: the name, read in parts
        if not draft.spans_over(start, found.start()):
            draft.mention(key, start, found.start())
        if not draft.spans_over(found.start("acronym"), found.end("acronym")):
            draft.mention(key, found.start("acronym"), found.end("acronym"))
        draft.add_variant(key, found["acronym"])
        for other in draft.keys(EntityType.ORGANIZATION):  # read as a name of its own elsewhere
            if other != key and [n.text for n in draft.names_of(other)] == [found["acronym"]]:
                draft.fold(other, key)


def _subject_of_appointing(
    draft: Draft, analyzer: Analyzer, gazetteer: Gazetteer, start: int
) -> None:
    """The name opening a sentence of hiring (`가온클라우드는 ... 영입했다`)."""
    opening = _OPENING_SUBJECT.match(draft.article.text, start)
    if opening is None:
        return
    # a compound will do (`가온` + `클라우드`), as a single common noun will not (`회사는`)
    name = _name_before_particles(opening["word"], analyzer, gazetteer, compound=True)
    if name is None or name in KO_PERSON_MARKERS or gazetteer.lookup(name) is not None:
        return
    if name.endswith(_UNITS):
        return  # `인사팀은`: a part of an organisation
    if not draft.spans_over(start, start + len(name)):
        add_named(draft, gazetteer, EntityType.ORGANIZATION, name, start, start + len(name))


def _spelled_as(word: str, latin: str) -> bool:
    """Whether the Latin letters spell the Hangul word (`클라우드하임`, `CloudHeim`)."""
    return transliteration_similarity(word, latin) >= _SPELLED


_SPELLED = 0.5


def _spelled_whole(word: str, stem: str, match: re.Match[str]) -> bool:
    """Whether the Latin spelling in brackets spells the whole word better than its stem."""
    latin = match["latin"]
    return transliteration_similarity(word, latin) > transliteration_similarity(stem, latin)


def _name_before_particles(
    word: str, analyzer: Analyzer, gazetteer: Gazetteer, *, compound: bool = False
) -> str | None:
    """`헵시부라다에서` -> `헵시부라다`: the nouns opening `word`, when only particles follow and
    one of them is a proper noun or unknown to the dictionary (read in the word, since a name
    alone may read as a verb: `헵시부라` + `이다`); with `compound`, two nouns of any kind do."""
    tokens = analyzer.tokens(word)
    nouns = 0
    while nouns < len(tokens) and (tokens[nouns].tag in _NOUN_TAGS or tokens[nouns].unknown):
        nouns += 1
    if nouns == 0 or not all(t.tag.startswith("J") for t in tokens[nouns:]):
        return None
    parts = gazetteer.hangul_name_parts  # proper only inside a longer name (`커뮤니티`)
    if not (compound and nouns >= 2) and not any(
        (t.tag == "NNP" and t.form not in parts) or t.unknown or t.tag == "SL"
        for t in tokens[:nouns]
    ):
        return None  # `스타트업 생태계`: common nouns
    return word[: tokens[nouns - 1].end]


# A particle or a word's end after an organisation's Hangul name (`클라우드하임은`, `누리뱅크`).
_AFTER_A_HANGUL_NAME = (
    r"(?=[\s,.)·'’\"”/]|$|(?:은|는|이|가|을|를|의|에서|에|와|과|도|측|로|으로)(?![가-힣]))"
)


def add_other_hangul_occurrences(draft: Draft) -> None:
    """An organisation named in Hangul that a rule found once (`스타트업 클라우드하임(CloudHeim)은`)
    is that organisation wherever the document writes the name as a word of its own (`클라우드하임
    이준혁 CTO`)."""
    names = {
        name.text: key
        for key in draft.keys(EntityType.ORGANIZATION)
        if draft.mentioned(key)
        for name in draft.names_of(key)
        if name.lang == "ko" and len(name.text) >= 3 and " " not in name.text
    }
    if not names:
        return
    pattern = re.compile(
        r"(?<![가-힣A-Za-z0-9])("
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + ")"
        + _AFTER_A_HANGUL_NAME
    )
    for match in pattern.finditer(draft.article.text):
        if not draft.spans_over(match.start(), match.end()):
            draft.mention(names[match.group(1)], match.start(), match.end())


_PARTICLE_OR_STOP = re.compile(r"(?:은|는|이|가|을|를|의|에서|와|과|도|로|으로)|[,.)]|$")


def organisation_of_its_kind(draft: Draft, kind: str) -> Span | None:
    """The one organisation the text names right after `kind` (`저희 학회 CLOUDY가`), which the
    kind alone then refers to (`노경민 (학회 스터디장)`)."""
    text = draft.article.text
    named = {}
    for found in re.finditer(rf"(?<![가-힣]){re.escape(kind)}\s", text):
        span = draft.mentioned_at(found.end())
        if (
            span is not None
            and span.start == found.end()
            and span.type == EntityType.ORGANIZATION
            # the name ends the phrase (`학회 CLOUDY가`), not `학회 인스타그램 DM`
            and _PARTICLE_OR_STOP.match(text, span.end)
        ):
            named[span.key] = span
    return next(iter(named.values())) if len(named) == 1 else None
