"""Where people work, from what prose says of their moves: the organisation they join, leave,
come back to or spent years at, in English and Korean.

    Daniel Okafor joins Fastly as VP of Engineering, after six years at Shopify.
    Grace Mwangi, having most recently been at Civo, ...   Pieter de Vries (ING → Adyen)
    카카오엔터프라이즈 출신 문가영 씨가 AI 반도체 기업 리벨리온에 합류했다.

An organisation both past and present is an affiliation (schema.org's is not limited to the
present). The person is the one named last before the words of the move in the same sentence,
with no other name between them (`Jane Doe said Acme joined the CNCF` names Acme's move).
"""

from __future__ import annotations

import re

from forumgraph.ingest.dates import MONTHS_PATTERN
from forumgraph.ingest.extract_affiliations import AND_RESPECTIVELY, PRONOUN_REACH
from forumgraph.ingest.extract_employers import ORG_NAME, employer_at
from forumgraph.ingest.extract_named import known_entry
from forumgraph.ingest.extract_orgs_by_kind import APPOINTS
from forumgraph.ingest.extract_orgs_ko import HANGUL_NAME_GLOSS, name_form
from forumgraph.ingest.extract_people import ROLE_HEAD_PATTERN
from forumgraph.ingest.extract_people_ko import KO_PERSON_MARKERS
from forumgraph.ingest.extract_records import Draft, Span
from forumgraph.ingest.extract_sections import HEADING, person_of_section
from forumgraph.ingest.extract_text import sentences, word_set
from forumgraph.ingest.extract_writers import writer_at
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType
from forumgraph.text.analyze import Analyzer

_SPAN = r"(?:an?\s|the\s|\w+\s|\w+-\w+\s){0,3}?"
_EN_MOVE = re.compile(
    r"\b(?:(?:has\s|have\s)?(?:joins|joined|rejoins|rejoined|returns\sto|returned\sto"
    r"|(?:co-)?founded|(?:co-)?founds|(?:co-)?organi[sz]es|(?:co-)?organi[sz]ed"
    r"|(?:one\sof\sthe\s)?(?:co-)?organi[sz]ers?\sof|(?:[Bb]efore|[Aa]fter)\sjoining"
    # `He joins from VMware`, `her team at Toss`, `works as a developer advocate at Nimbara`,
    # `joined the project from the FinOps team at Allegro`
    r"|(?:joins|joined|comes|came)\s(?:us\s)?from"
    r"|(?:his|her|their)\s(?:[\w-]+\s){0,2}?team\s(?:at|from)"
    r"|(?:works|working|worked)\sas\s(?:an?\s)?(?:[\w-]+\s){0,4}?(?:at|for)"
    # `Piotr works on Gardener at SAP`, `works on the infrastructure team at Sabre`
    r"|works\s(?:on|in)\s(?:the\s)?(?:[\w-]+\s){0,3}?(?:at|for)"
    # `who moved from Intuit to Akuity`: where the person went
    r"|(?:moved|moves|moving|switched|went)\sfrom\s(?:the\s)?[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}"
    r"\s(?:over\s)?to"
    # `(then at Sumo Logic, now a developer advocate with Datadog)`
    r"|(?:(?<=\()|(?<=,\s))then\s(?:at|with)"
    r"|(?<=,\s)now\s(?:an?\s|the\s)?(?:[\w-]+\s){0,4}?(?:at|with)"
    r"|from\sthe\s(?:[\w-]+\s){0,3}?team\sat"
    # `is joining the research computing group at the Wellcome Sanger Institute`, `while on
    # the edge team at Shopify`
    r"|(?:joins|joined|joining|on)\sthe\s(?:[\w-]+\s){0,3}?"
    r"(?:team|group|lab|division|unit|department)\sat"
    r"|left|leaves|has\sleft|['’]m\s(?:leaving|joining))"
    r"|is\s(?:joining|leaving|returning\sto)"
    rf"|(?:[Aa]fter|[Ff]ollowing|[Ss]pent|[Ss]pending|[Bb]efore\sthat,?)\s{_SPAN}"
    r"(?:years?|months?|summers?|semesters?|decade|stint|tenure)\s(?:at|with)"
    # `co-runs the Warsaw Kubernetes Meetup`: a group the person organises
    r"|co-(?:runs|ran|hosts|hosted|leads|led)"
    r"|(?:[Pp]reviously|[Ff]ormerly|most\srecently|until\srecently)\s(?:(?:been|was|worked|working)\s)?"
    r"(?:(?:an?|the)\s)?(?:[\w-]+\s){0,4}?(?:at|with|(?<=ormerly\s)of)"
    r"|has\sbeen\s(?:at|with)"
    r"|is\snow\s(?:(?:an?|the)\s)?(?:[\w-]+\s){0,4}?(?:at|with)"
    # `joined our platform team from Allegro`, `two months into the job at Acme`, `Selam's
    # employer, Zemen Logistics`
    r"|joined\s(?:our|the|their|his|her)\s(?:[\w-]+\s){0,3}team\sfrom"
    r"|into\sthe\s(?:new\s)?job\sat"
    # `did a PhD on XDP at the University of Tokyo`, `is finishing a PhD … at INESC TEC`
    r"|(?:did|does|doing|completed|finished|finishing|earned|pursuing)\s(?:a|an|her|his|their)\s"
    r"(?:PhD|doctorate|master['’]s(?:\sdegree)?|MSc|degree)(?:\s[\w-]+){0,5}?\s(?:at|from)"
    # `was elected to the CNCF Technical Oversight Committee`
    r"|(?:was|were|is|has\sbeen|got)\s(?:re-?)?(?:elected|appointed|named)\sto"
    # `now leads developer relations at Kestrel`: where the person works today
    r"|(?:now|currently)\s(?:leads|runs|heads|manages|works\son|works\sin)\s(?:[\w-]+\s){0,4}?"
    r"(?:at|for)"
    r"|(?:['’]s|\b(?:his|her|their))\s(?:(?:previous|former|old|current|new)\s)?(?:employer|company),"
    # `covers cloud infrastructure for CloudWire`, `writes for The Register`: a reporter's
    r"|(?:covers|covered|reports|reported)\s(?:on\s)?(?:[\w-]+\s){0,4}?for|writes\sfor"
    # `has moved on to a role at Datadog`
    r"|moved\son\sto\s(?:an?\s)?(?:[\w-]+\s){0,3}?(?:at|with)"
    # `has since moved to Vercel`, `who moved to Trendyol from Hepsiburada`, `while at Datadog`
    r"|(?:has\s(?:since\s)?|have\s(?:since\s)?|since\s)?(?:moved|moves|moving|switched)\sto"
    r"(?=\s(?:the\s)?[A-Z])"
    r"|while\s(?:at|with)"
    # `alongside his day job at NVIDIA`, `who spends his days on batch scheduling at Cerebrum`
    # (`Her day job is developer advocacy at Grafana Labs`)
    r"|(?:[Hh]is|[Hh]er|[Tt]heir)\sday\sjob\s(?:is\s(?:[\w-]+\s){1,4}?)?(?:at|with)"
    r"|spends\s(?:his|her|their)\sdays\s(?:[\w-]+\s){0,4}?(?:at|with)"
    # `where she leads the developer platform team at Razorpay`
    r"|(?:(?<=\b[Hh]e\s)|(?<=\b[Ss]he\s))(?:leads|runs|heads|manages)\s(?:[\w-]+\s){1,5}?(?:at|for)"
    # `She's running platform at Mercado Livre now`
    r"|(?:(?<=\b[Hh]e['’]s\s)|(?<=\b[Ss]he['’]s\s))(?:now\s)?(?:leading|running|heading|managing)"
    r"\s(?:[\w-]+\s){1,5}?(?:at|for)"
    # `who spent four years as a software engineer at SAP`
    rf"|(?:[Ss]pent|[Ss]pending)\s{_SPAN}(?:years?|months?|decade)\sas\s(?:an?\s)?(?:[\w-]+\s){{0,3}}?"
    r"(?:at|with|for)"
    # `he spent five years on the search infrastructure team at Allegro`
    rf"|(?:[Ss]pent|[Ss]pending)\s{_SPAN}(?:years?|months?|summers?|decade)\s(?:on|in|with)\s(?:the\s)?"
    r"(?:[\w-]+\s){0,3}?(?:team|group)\s(?:at|of)"
    # `He came to us from Rakuten`, `came to Rheinfeld in 2022 from`
    r"|(?:came|comes)\sto\s(?:us|[A-Z][\w-]*)(?:\sin\s\d{4})?\sfrom"
    # `After an internship at Trendyol`, `interned at Preferred Networks`
    r"|internship\s(?:at|with)|interned\s(?:at|with)"
    # `He is a member of Kubernetes SIG Docs`, `a volunteer with Women in Cloud Native`
    r"|(?:is|was|became)\s(?:also\s)?(?:an?\s)?(?:active\s|long-time\s)?(?:member|volunteer)\s(?:of|with)"
    # `by day he is an SRE at MoMo`, `she was an SRE at iFood`: a role held there
    rf"|(?:(?<=\b[Hh]e\s)|(?<=\b[Ss]he\s))(?:is|was)\s(?:an?|the)\s(?:[\w-]+\s){{0,3}}?(?i:{ROLE_HEAD_PATTERN})s?\s(?:at|with|for)"
    # `By day I'm an engineering manager at Brückner`, `I co-organise Cloud Native Munich`
    r"|(?:(?<=\bI['’]m\s)|(?<=\bI\sam\s)|(?<=\bI\swas\s))(?:an?|the)\s(?:[\w-]+\s){0,3}?"
    rf"(?i:{ROLE_HEAD_PATTERN})s?\s(?:at|with|for)"
    r"|(?:(?<=\bI\s)|(?<=\bI\salso\s))(?:co-)?organi[sz]e"
    # `Dorota, his co-maintainer, is at Red Hat`, `now works at Grafana Labs`
    r"|(?<=,\s)(?:is|was)\s(?:now\s)?(?:at|with)|works\s(?:at|for)"
    # `is finishing her master's at TU Delft`: where someone studies
    r"|(?:finishing|completing|completed|doing|did|earned|received)\s(?:her|his|their|my|a)\s"
    r"(?:master['’]s|bachelor['’]s|PhD|doctorate)(?:\sdegree)?\s(?:at|from)"
    r"|graduated\sfrom|(?:studies|studied|studying)\s(?:[\w-]+\s){0,2}?at)"
    r"\s(?:the\s)?[*_]{0,2}" + ORG_NAME
)
# `he was at Thoughtworks for seven years`, `He was at Elastic back then`: an employer with the
# time spent there.
_EN_WAS_AT = re.compile(
    r"\b(?:was|were)\s(?:at|with)\s(?:the\s)?"
    + ORG_NAME
    + r"\s(?:for\s(?:\w+\s){1,2}(?:years?|months?)|back\sthen|at\sthe\stime|until\b|during\b)"
)
# `she worked on Mercari's payments infrastructure`, `works in EPAM's Medellín office`, `who runs
# Red Hat's consulting practice`: what the organisation owns.
_EN_WORKED_ON_ITS = re.compile(
    r"\b(?:(?:works|worked|working)\s(?:on|in)|(?:runs|ran|leads|led|heads|headed|manages|managed))"
    r"\s(?:the\s)?" + ORG_NAME + r"['’]s\s(?=\w)"
)
# `Selin came to Ferrolux from Red Hat`: where the person came, from another organisation (not
# `came to Lodestar from the Backstage plugin community`; `moved to` is a move of its own).
_EN_CAME_TO = re.compile(
    r"\b(?:came|comes)\sto\s(?:the\s)?"
    + ORG_NAME
    + r"(?:\sin\s\d{4})?(?=\sfrom\s(?:the\s)?[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}"
    r"(?:[,.;)]|\s(?:where|and|in|after|as|to)\b))"
)
# `she spent six years on SAP's internal networking team`, `staff engineer on Nubank's platform
# team`: the organisation owns the team.
_EN_ON_ITS_TEAM = re.compile(
    rf"\b(?:(?:spent|spending)\s{_SPAN}(?:years?|months?|decade)|(?i:{ROLE_HEAD_PATTERN})s?)"
    r"\s(?:on|in|with)\s(?:the\s)?"
    + ORG_NAME
    + r"['’]s\s(?:[\w-]+\s){0,3}?(?:team|group|division|organi[sz]ation|department|office)\b"
)
# `joined Mercado Livre from Nubank`: where the person came from.
_EN_JOINED_FROM = re.compile(
    r"\b(?:joins|joined|rejoined|moved\sto|moves\sto)\s(?:the\s)?[A-Z][\w&.-]*"
    # (`joined iFood's developer experience team from Stone`)
    r"(?:\s[A-Z][\w&.-]*){0,3}(?:['’]s\s(?:[\w-]+\s){0,3}team)?(?:\sin\s\d{4})?\sfrom\s(?:the\s)?"
    + ORG_NAME
)
# `moved from Intuit to Akuity`: where the person came from.
_EN_MOVED_FROM = re.compile(
    r"\b(?:moved|moves|moving|switched|went)\sfrom\s(?:the\s)?" + ORG_NAME + r"\s(?:over\s)?to\b"
)
# `who left Mercado Libre for Grafana Labs`: where the person went (where they left is read
# as a move of its own)
_EN_LEFT_FOR = re.compile(
    r"\bleft\s(?:the\s)?[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}\sfor\s(?:the\s)?" + ORG_NAME
)
_EX = re.compile(r"\bex-(?=[A-Z])" + ORG_NAME)
# `(ING → Adyen)`, `(토스 → 당근)`: from one organisation to the other, right after the name.
_ARROW = re.compile(r"\s?\((?P<before>[^()→\n]{1,40}?)\s?(?:→|->|⇒)\s?(?P<after>[^()→\n]{1,40}?)\)")
# `Oğuz Demir → Helmsman Labs`: where the person went, after an arrow.
_ARROW_TO = re.compile(
    r"[*_]{0,2}\s(?:→|->|⇒)\s[*_]{0,2}(?P<org>(?:[A-Z]|[가-힣])[^\s().,;:→*]*"
    r"(?:\s[A-Z][^\s().,;:→*]*){0,3})"
)
# (a word with a genitive is what the name belongs to: `이스탄불의 Trendyol`)
# (and a second word only goes on a Latin name: `FPT Software`, not `시작해 Andela`)
# (`으` of `으로` is no part of it: `Tessaline으로 옮긴`)
_KO_NAME = (
    r"(?<![\w&+.-])(?P<org>(?:[A-Za-z][\w&+.-]*(?:\s[A-Z][\w&+.-]*){0,3}"
    r"|[가-힣][\w&+.-]*(?<!의))(?<!으))"
)
# `루멘폴드(Lumenfold)에서`: the Latin spelling after a Hangul name
# (or a closing quotation mark: `스타트업 '모아데이터랩'에서`)
_KO_GLOSS = rf"(?:{HANGUL_NAME_GLOSS}|['’\"”](?=에|을|를|와|과|으로|로))?"
# `<org> 출신 <name>`, `<org> 출신인 <name>`: where the person came from.
_KO_FROM = re.compile(_KO_NAME + r"\s?출신(?:인|의)?\s")
# Up to three bare words (no particle ends them) between that and the name.
_WORDS_OF_WHAT_THEY_ARE = re.compile(r"(?:[가-힣A-Za-z]+(?<![은는이가을를의에와과도로])\s){0,3}")
# A unit of the organisation between it and the verb: `삼성SDS 클라우드 사업부에서 일했고`,
# `네이버클라우드 AI 인프라팀에 합류`, `메루카리(Mercari) 플랫폼 팀에 합류`.
_UNIT_WORDS = "팀|실|본부|센터|랩|파트|셀|사업부|부문|그룹|본사|지사|법인"
_KO_UNIT_LAST = re.compile(rf"(?:{_UNIT_WORDS})$")
_KO_UNIT = (
    # (not after a word with a particle: `이번 달부터 라인플러스 ...실에서`, `대표는 KAIST
    # 전산학과에서`)
    r"(?P<unit>(?<!부터)(?<!까지)(?<!에서)(?<!에는)(?<!으로)(?<!에게)(?<![은는을를])"
    r"(?:\s(?:[A-Z][A-Za-z0-9]*\s)?[가-힣A-Za-z0-9]*"
    rf"(?:{_UNIT_WORDS}|학과|학부|대학원)"
    r"|(?:\s[가-힣A-Za-z0-9]+)?\s(?:팀|사업부|본부)))?"
)
# A word for a company before its Hangul name (`AI 반도체 기업 리벨리온`).
_COMPANY_WORD = r"(?:기업|스타트업|회사)\s"
# `<name> ... (기업|스타트업) <org>에 합류`, `<org>에서 7년간`: joined, or spent years at.
_KO_MOVE = re.compile(
    rf"(?:{_COMPANY_WORD})?" + _KO_NAME + _KO_GLOSS + _KO_UNIT + r"(?:에\s(?:\S+\s){0,2}?합류"
    # `작년까지 FPT Software에서 일했다고`: where the person worked
    r"|에서\s(?:\S+\s){0,2}?(?:일했|근무했|재직했|일한|근무한|재직한|일하고|근무하고|재직\s?중"
    r"|일하며|근무하며|일합니다|근무합니다|운영합니다|운영하고\s있|일하다가?\s|근무하다가?\s"
    r"|만들고\s있|개발하고\s있"
    r"|일하게|근무하게|일하시|근무하시|일하셨|근무하셨"
    # `쿠버네티스 문서 한글화 팀에서 5년째 활동 중이며`: a group the person is active in
    r"|활동\s?중|활동하고\s있|활동해\s?왔)(?!던)"
    # `토스를 떠나`, `당근을 떠났다`: where the person left; `스텔라옵스를 공동 창업했고`
    r"|(?:을|를)\s(?:떠나|떠났|떠납|(?:공동\s?)?(?:창업|설립)(?:했|하고|하여|한\s뒤))"
    # `삼성SDS에서 4년 정도 사내 APM을 개발했어요`: what the person made there
    r"|에서\s(?:\S+\s){0,4}?\S+(?:을|를)\s(?:개발|운영|담당)(?:했|하다가?\s|하며|하고\s있)"
    # `라인플러스에서 Prometheus 운영을 오래 하셔서`: the work done there
    r"|에서\s(?:\S+\s){0,3}?\S*(?:운영|개발|관리|업무|일)(?:을|를)\s(?:\S+\s)?"
    r"(?:했|하셨|하셔서|하다가|하며|하고\s있|하는\s|하시는\s|하시고|하시며)"
    # `삼성SDS에서 쿠버네티스 플랫폼을 운영하시고`
    r"|에서\s(?:\S+\s){0,3}?\S+(?:을|를)\s(?:운영|개발|관리)하(?:시고|시며|며|고\s|는\s|시는\s)"
    # `LINE 재직 시절`, `네이버 시절 동료였던`: the years at a company
    r"|\s(?:재직\s|근무\s)?시절(?=\s|에|의)"
    # `삼성SDS에서 프라이빗 클라우드 구축으로 경력을 시작했고`
    r"|에서\s(?:\S+\s){0,3}?(?:경력을|커리어를)\s시작"
    # `티몬에서 야놀자로 이직`: where the person came from
    r"|에서\s(?=(?:\S+\s)?\S+(?:으로|로)\s(?:자리를\s)?(?:이직|옮기|옮겼|옮긴|옮깁|옮길|옮겨))"
    # `네이버에서 5년 있다가`: where the person was before
    r"|에서\s(?:(?:\d+|[일이삼사오육칠팔구십]+)\s?(?:년|개월)\s?(?:간|동안)?\s)?있다가"
    # `다온페이 신입 공채로 입사`, `당근에 입사했다`: a company joined
    r"|(?:에|\s(?:\S+\s){0,2}?\S+(?:으로|로))\s입사"
    # `서울대학교에서 박사 학위를 마치고`, `KAIST 전산학부 졸업 후`: where someone studied
    r"|에서\s(?:\S+\s)?(?:학위|과정)(?:을|를)\s(?:마치|마쳤|받|취득|수료)"
    # `마드리드 공과대학교에서 컴퓨터공학을 전공했다`
    r"|(?<=교)에서\s(?:\S+\s)?\S+(?:을|를)\s전공"
    # (a school's: not `CNCF 졸업 프로젝트`)
    r"|(?:\s\S+(?:학부|학과|대학원))?(?:(?:을|를)|(?<=학부)|(?<=학과)|(?<=대학원)|(?<=대)|(?<=교))"
    r"\s졸업(?!\s?프로젝트)"
    # `Flipkart에서 개발자 경험 팀을 이끌었고`: the work led there
    # (not `맡았던 한도윤 님`, which says it of the name after)
    r"|에서\s(?:\S+\s){0,3}?\S+(?:을|를)\s(?:이끌었|이끌고|이끌며|맡았|맡고|담당했|담당하고|담당하며"
    r"|담당합니다|개발한다|개발하고|개발하며|개발했|개발합니다)(?!던)"
    # `TAG App Delivery에서 … 문서 작업에 참여하고 있으며`: taking part there (not in what was
    # held there: `카카오에서 열린 밋업에 참여했다`)
    r"|에서\s(?![^.]{0,30}?(?:열린|열리는|열렸|개최))(?:\S+\s){0,6}?\S*(?:참여|활동|기여)"
    r"(?:하고|하며|해\s|했|한다|합니다|하는\s|\s?중)"
    # `Splunk에 있을 때부터`, `지금은 삼성SDS에 계신데`: where the person was, or is
    r"|에\s(?:있을\s때|있던|있었|계신|계시|계셨|계실\s때)"
    # `카카오뱅크와 토스증권을 거쳐`: where the person worked before
    r"|(?:와|과)\s(?=\S+(?:을|를)\s거쳐)|(?:을|를)\s거쳐"
    # `루마로(Lumaro)의 스태프 엔지니어로 일한다`: a role held there
    r"|의\s(?:\S+\s){0,2}?\S+로\s(?:일한|일하|일했|근무)"
    # `6월에 당근으로 이직하셨어요`, `당근으로 자리를 옮깁니다`: where the person went
    r"|(?:으로|로)\s(?:자리를\s)?(?:이직|옮기|옮겼|옮깁|옮길|옮긴|옮겨|합류)"
    r"|(?:에서|에)\s(?:\d+|[일이삼사오육칠팔구십]+)여?\s?(?:년|개월)\s?(?:간|동안)?)"
)
_PATTERNS = (
    _EN_MOVE,
    _EN_JOINED_FROM,
    _EN_MOVED_FROM,
    _EN_LEFT_FOR,
    _EN_WAS_AT,
    _EN_ON_ITS_TEAM,
    _EN_WORKED_ON_ITS,
    _EN_CAME_TO,
    _EX,
    _KO_MOVE,
)
# `배지훈 전 야놀자 CTO가`: a former title, right after the name.
_KO_FORMER = re.compile(r"\s전\s(?P<org>[A-Za-z가-힣][\w&+.-]*)\s")
_MAX_GAP = 120
# (not a month: `Arjun joined in March after four years at Red Hat`)
_A_NAME_RIGHT_BEFORE = re.compile(rf"\s(?!(?:{MONTHS_PATTERN})\s)[A-Z][A-Za-z0-9&.-]*\s$")
_SUBJECTS = frozenset({EntityType.PERSON, EntityType.ORGANIZATION})
# The verb of a move the organisation right before it is the object of.
_MOVED_INTO = re.compile(
    r"\b(?:joined|joins|rejoined|(?:co-)?founded|(?:co-)?founds|left|leaves|started|starts)\s"
    r"(?:the\s)?$"
)
# An organisation right before the words of a move is what moved (`Acme, which joined`).
_RIGHT_BEFORE = re.compile(r"[\s*_]*(?:,\s(?:which|that|who)\s)?|(?:는|은|가|이)?\s")


def add_moves(draft: Draft, gazetteer: Gazetteer, analyzer: Analyzer) -> None:
    """Affiliations of people with the organisations prose says they moved to or from."""
    text = draft.article.text
    for i, passage in enumerate(draft.passages):
        # a pronoun may stand for a person the paragraph before named (`... 치디 오니에카는 ...`
        # then `현재 그는 ...`)
        reach = draft.passages[i - 1].start if i else passage.start
        for sentence in sentences(passage.text, passage.start):
            spans = draft.spans_in(sentence.start, sentence.end)
            earlier = draft.spans_in(reach, sentence.start)
            for pattern in _PATTERNS:
                for match in pattern.finditer(text, sentence.start, sentence.end):
                    person = (
                        _subject(text, spans, match.start())
                        or _pronoun_subject(text, spans, earlier, sentence.start, match.start())
                        or _owner_of_the_possessive(spans, earlier, match)
                    )
                    key = person.key if person is not None else None
                    if key is None and pattern is _KO_MOVE and _HONOURING.search(match.group()):
                        key = _honoured(spans, earlier, passage.start)
                    elif (
                        key is None
                        and pattern is _KO_MOVE
                        and _KO_PRONOUN_AFTER.match(text, match.end())
                    ):
                        # `2022년 쿠팡에 합류한 그는`: whom the paragraph named last
                        key = _named_last_in_paragraph(text, [*earlier, *spans], match.start())
                    elif key is None and pattern is _KO_MOVE:
                        key = _left_out_subject(
                            draft, text, spans, earlier, sentence.start, match.start()
                        )
                    if key is None and pattern is _EN_MOVE:
                        # `Previously at Hepsiburada.`: a line of a bio with its subject left out
                        key = _bio_subject(draft, text, earlier, sentence.start, match.start())
                    if (
                        key is None
                        and _the_writer_moved(text, spans, sentence.start, match)
                        and _a_job(text, sentence.start, match)
                    ):
                        # `In 2018 I moved to Berlin and joined Zalando`
                        key = writer_at(draft, match.start())
                    if pattern is _KO_MOVE:
                        # `카카오에서 일하다가 ... Tessellate로 옮긴 구본찬 님`: the name the clause
                        # describes
                        key = _described(text, spans, match) or key
                    pairs = _respectively(text, spans, match)
                    if pairs is not None:
                        for person_key, name, at in pairs:
                            _affiliate(draft, gazetteer, person_key, name, at)
                    elif key is not None:
                        # a unit of it, or being hired, says a Hangul name is a company's
                        company = pattern is _KO_MOVE and (
                            match["unit"] is not None
                            or _JOINED_OR_LEFT.search(match.group()) is not None
                        )
                        named = company and name_form(match["org"], analyzer, gazetteer)
                        # a group one belongs to or organises may be named after a
                        # project (`Kubernetes SIG Docs`, `Kubernetes Türkiye`)
                        member = _MEMBER.search(match.group()) is not None
                        _affiliate(
                            draft,
                            gazetteer,
                            key,
                            match["org"],
                            match.start("org"),
                            named,
                            inner=member,
                        )
                        later = _AND_LATER_AT.match(text, match.end())
                        if later is not None and pattern is not _KO_MOVE:
                            # `worked at LINE and later at Mercari`: the next place too
                            _affiliate(draft, gazetteer, key, later["org"], later.start("org"))
            for match in _KO_FROM.finditer(text, sentence.start, sentence.end):
                after = [s for s in spans if s.start >= match.end()]
                if (
                    after
                    and after[0].type == EntityType.PERSON
                    # (a few words of what they are between: `출신인 팀 동료 이수빈 님`)
                    and _WORDS_OF_WHAT_THEY_ARE.fullmatch(text, match.end(), after[0].start)
                ):
                    _affiliate(draft, gazetteer, after[0].key, match["org"], match.start("org"))
            for person in (s for s in spans if s.type == EntityType.PERSON):
                _right_after(draft, gazetteer, person)
            _appointed(draft, text, spans, sentence.start, sentence.end)


# `카카오엔터프라이즈는 20일 이정민 전 ... 센터장을 ... 영입했다`, `비바리퍼블리카는 인프라 총괄에
# 문가영 리드를 선임했다`: the organisation opening the sentence hires whom its object names.
_TOPIC_PARTICLE = r"(?:은|는|이|가)\s"
# (after its brackets: `세이프레인(SafeLane, 대표 권나래)은`)
_KO_TOPIC = re.compile(r"(?:\s?\([^()\n]{1,40}\))?" + _TOPIC_PARTICLE)
_KO_OBJECT = re.compile(r"[^.,\n]{0,40}?(?:을|를)\s")


_MEMBER = re.compile(
    r"\b(?:member|volunteer|(?:co-)?organi[sz](?:ers?|es|ed|e))\s|(?<![가-힣])활동\s?(?:중|하고|해)"
)
# Joining or leaving a company: what a Hangul name is then (`라온페이 신입 공채로 입사`).
_JOINED_OR_LEFT = re.compile(r"입사$|(?:을|를)\s(?:떠나|거쳐)|에서\s$")
# A Korean verb in the form that describes the noun after it (`옮긴`, `일하던`, `맡은`).
# (marks of emphasis may open the name after it: `개발을 하는 **조은채** 님`)
_DESCRIBING_END = re.compile(
    r"(?:한|던|는|은|긴|간|온|된|인|운|맡은|신)\s[*_]{0,3}$"
)  # (`계신`: honouring)
_NO_CLAUSE_BREAK = re.compile(r"[^,.!?;\n]{0,40}")


def _described(text: str, spans: list[Span], match: re.Match[str]) -> str | None:
    """The person right after a clause of the move that ends in a describing verb form."""
    later = next((s for s in spans if s.type == EntityType.PERSON and s.start >= match.end()), None)
    if later is None or not _NO_CLAUSE_BREAK.fullmatch(text, match.end(), later.start):
        return None
    if _DESCRIBING_END.search(text, match.start(), later.start) is None:
        return None
    return later.key


def _appointed(draft: Draft, text: str, spans: list[Span], start: int, end: int) -> None:
    verb = APPOINTS.search(text, start, end)
    if verb is None:
        return
    opening = [s for s in spans if s.end <= verb.start()]
    first = next((s for s in opening if s.type in _SUBJECTS), None)
    if first is None or first.type != EntityType.ORGANIZATION:
        return
    employer = first
    # the organisation is what the sentence is about, maybe after what kind it is (`클라우드
    # 보안 스타트업 센트리클라우드는`)
    if len(text[start : employer.start].split()) > 4 or not _KO_TOPIC.match(text, employer.end):
        return
    people = [s for s in opening if s.type == EntityType.PERSON]
    for i, person in enumerate(people):
        hired = _KO_OBJECT.match(text, person.end, verb.start())
        if hired and (i + 1 == len(people) or people[i + 1].start >= hired.end()):
            draft.fact(person.key, "affiliation", employer.key, passage_id=person.passage_id)


def _right_after(draft: Draft, gazetteer: Gazetteer, person: Span) -> None:
    text = draft.article.text
    moved_to = _ARROW_TO.match(text, person.end)
    if moved_to is not None:  # `Oğuz Demir → Helmsman Labs.`: a heading of a roundup
        _affiliate(draft, gazetteer, person.key, moved_to["org"], moved_to.start("org"))
    arrow = _ARROW.match(text, person.end)
    if arrow is not None:
        for group in ("before", "after"):
            name = arrow[group].strip()
            _affiliate(draft, gazetteer, person.key, name, text.index(name, arrow.start(group)))
    former = _KO_FORMER.match(text, person.end)
    if former is not None:
        _affiliate(draft, gazetteer, person.key, former["org"], former.start("org"))


_AND_BETWEEN = re.compile(r",?\s(?:and|&)\s")


def _respectively(
    text: str, spans: list[Span], match: re.Match[str]
) -> list[tuple[str, str, int]] | None:
    """`Founded by Ada Obi and Marek Nowak, previously engineers at Google and Microsoft
    respectively`: the first person with the first organisation, the second with the second;
    an empty list when the two people are not there to pair."""
    second = AND_RESPECTIVELY.match(text, match.end("org"))
    if second is None:
        return None
    people = [s for s in spans if s.type == EntityType.PERSON and s.end <= match.start()]
    if len(people) < 2 or not _AND_BETWEEN.fullmatch(text, people[-2].end, people[-1].start):
        return []
    return [
        (people[-2].key, match["org"], match.start("org")),
        (people[-1].key, second["second"], second.start("second")),
    ]


# Who speaks of themselves, or points to someone, before the move in a Korean sentence.
_KO_SUBJECT_WORDS = re.compile(
    r"(?<![가-힣])(?:저는|제가|저희|우리|그는|그녀는|그가|그녀가|이\s분)"
    r"|\s?(?:님|씨)(?:은|는|이|가)\s"  # someone the sentence names (`란 님은`)
)


def _left_out_subject(
    draft: Draft, text: str, spans: list[Span], earlier: list[Span], start: int, at: int
) -> str | None:
    """A Korean sentence that leaves its subject out, when no person and no word for someone
    stands before the move: it goes on about the topic of a sentence before in the paragraph
    (`치아마카 오비(Chiamaka Obi)는 ... 메인테이너다. ... Andela를 거쳐 ...`), or, in a profile,
    about the person of the section (`부산의 스타트업 파도랩스에서 DevOps 엔지니어로 일하고
    있습니다`). A topic the sentence names itself (`파블로는`), other than a time, is its own."""
    if any(s.type == EntityType.PERSON for s in spans):
        return None  # a person the sentence names (`쿠팡에서 일했던 배준호 님이`) is its own
    if _KO_SUBJECT_WORDS.search(text, start, at):
        return None
    for topic in _KO_NAMED_TOPIC.finditer(text, start, at):
        word = topic["word"]
        if word not in _TIME_WORDS and not word.endswith(_NOT_A_SUBJECT):
            return None
    topics = [
        s for s in earlier if s.type == EntityType.PERSON and _KO_TOPIC_AFTER.match(text, s.end)
    ]
    paragraph = text.rfind("\n\n", 0, start)
    this_paragraph = [s for s in topics if s.start > paragraph]
    if this_paragraph:
        return this_paragraph[-1].key
    section = person_of_section(draft, at)
    if section is not None or not topics:
        return section
    if HEADING.search(text, topics[-1].end, start):
        return None  # a heading between: another section, whose person no rule read
    return topics[-1].key


def _bio_subject(draft: Draft, text: str, earlier: list[Span], start: int, at: int) -> str | None:
    """`Previously at Hepsiburada.`: an English sentence that opens with the move and names no
    subject is about the person the paragraph named last, else the person of the section."""
    if re.search(r"\w", text[start:at]):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    if _LIST_ITEM.match(text, line_start):
        return _subject_of_the_list(text, earlier, line_start)
    paragraph = text.rfind("\n\n", 0, start)
    people = [s for s in earlier if s.type == EntityType.PERSON and s.start > paragraph]
    if people:
        return people[-1].key
    return person_of_section(draft, at)


_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•]|\d+[.)])[ \t]")


def _subject_of_the_list(text: str, earlier: list[Span], line_start: int) -> str | None:
    """The subject of a list's items: the person its opening line names last, when that line
    ends with a colon (`Yusuf … has since:`), not one a previous item names (`second only to
    Arjun`)."""
    while line_start > 0:
        previous = text.rfind("\n", 0, line_start - 1) + 1
        line = text[previous : line_start - 1]
        if line.strip() and not _LIST_ITEM.match(line):
            if not line.rstrip().endswith(":"):
                return None
            people = [
                s
                for s in earlier
                if s.type == EntityType.PERSON and previous <= s.start < line_start
            ]
            return people[-1].key if people else None
        line_start = previous
    return None


# A pronoun that the move's clause describes: `쿠팡에 합류한 그는`.
_KO_PRONOUN_AFTER = re.compile(r"[가-힣]{0,3}\s(?:그|그녀)(?:는|가|도|의)\s")


def _named_last_in_paragraph(text: str, spans: list[Span], at: int) -> str | None:
    paragraph = text.rfind("\n\n", 0, at)
    people = [s for s in spans if s.type == EntityType.PERSON and paragraph < s.start < at]
    return people[-1].key if people else None


# A verb of respect (`계신데`) speaks of someone else than the speaker: the one named last.
_HONOURING = re.compile(r"계신|계시|계셨|계실")


def _honoured(spans: list[Span], earlier: list[Span], passage_start: int) -> str | None:
    """The person named last before the sentence in its passage, when the sentence names none."""
    if any(s.type == EntityType.PERSON for s in spans):
        return None
    people = [s for s in earlier if s.type == EntityType.PERSON and s.start >= passage_start]
    return people[-1].key if people else None


# A word as the topic of the sentence (`파블로는`, `지금은`), and the words of time among them.
# (a title with its Latin form in brackets too: `최고기술책임자(CTO)는`)
_KO_NAMED_TOPIC = re.compile(
    r"(?<![가-힣])(?P<word>[가-힣]{2,8}?)(?:\([^()\n]{1,20}\))?(?:은|는)\s"
)
_TIME_WORDS = word_set(
    "지금 현재 요즘 최근 작년 올해 내년 당시 그때 이번 지난해 오늘 어제 이후 그동안 처음 원래 "
    "예전 이전 다음 앞으로 한편 특히 또 또한 이제 전 그전"
)
# Particles before `는` that make the word a place, time or means, not the subject (`전에는`).
# (not `로`, which ends names too: `베드로는`)
_NOT_A_SUBJECT = ("에", "에서", "으로", "까지", "부터")
# A name as the topic or subject: `치아마카 오비(Chiamaka Obi)는`, `김민수 님이`.
_KO_TOPIC_AFTER = re.compile(
    r"(?:\([^()\n]{1,40}\))?(?:\s?(?:님|씨)|\s(?:[A-Z]{2,4}|"
    + "|".join(sorted(KO_PERSON_MARKERS, key=len, reverse=True))
    + r"))?"
    + _TOPIC_PARTICLE
)


# The writer as the subject of a move: `I moved to Berlin and joined`, `I've joined`, `저는 ...
# 합류`; or a clause of the move that `I` goes on from: `After four years at Infosys, where I`.
_I_BEFORE = re.compile(
    # (the nearest `I`: no other between)
    r"(?:\bI(?:['’](?:ve|m|d|ll))?\s(?:(?!I\b)[\w'’,-]+\s){0,8}|\bI|(?:저는|제가|나는|내가)\s(?:\S+\s){0,8}"
    # `저를 포함한 팀 전원이 당근 인프라실로 합류했습니다`: the writer among those who moved
    r"|(?:저를|나를)\s(?:포함한|비롯한)\s(?:\S+\s){0,3})$"
)
_I_AFTER = re.compile(r"[^.;!?\n]{0,20}?,\s(?:where|when)\sI\b|,\sI\b")


def _the_writer_moved(text: str, spans: list[Span], start: int, match: re.Match[str]) -> bool:
    """The writer is the one who moved: `I` opens the clause before the move, or the clause
    after the move's opening phrase, with no name between."""
    before = _I_BEFORE.search(text, start, match.start())
    if before is None:
        after = _I_AFTER.match(text, match.end())
        opening = not re.search(r"\w", text[start : match.start()])  # the sentence opens with it
        if after is None or not opening:
            return False
        return not any(
            s.type == EntityType.PERSON and match.start() <= s.start < after.end() for s in spans
        )
    return not any(s.type in _SUBJECTS and before.start() <= s.start < match.start() for s in spans)


# What says a move is a job: `as an SRE`, `where I work`, a move to a city before it.
_JOB_AFTER = re.compile(r"[*_]*(?:,?\s(?:as\s|where\sI\s(?:work|worked|lead|led|run|ran)\b))")
_JOINED = re.compile(r"(?:has\s|have\s)?(?:joins|joined|rejoins|rejoined|left|leaves)\b")


def _a_job(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether the writer's joining or leaving is a job (not a community, a channel or an
    event): the sentence says so after the organisation, or puts a move to a city before it
    (`I moved to Berlin and joined Zalando`). Years spent there say it themselves."""
    if not _JOINED.match(match.group()):
        return True
    return bool(_JOB_AFTER.match(text, match.end())) or "moved to" in text[start : match.start()]


def _subject(text: str, spans: list[Span], at: int) -> Span | None:
    """The person named last before `at`: not when an organisation, or a capitalised name, is
    right before the words of the move (what moved is that one)."""
    before = [s for s in spans if s.end <= at and s.type in _SUBJECTS]
    if (
        before
        and before[-1].type == EntityType.ORGANIZATION
        and _RIGHT_BEFORE.fullmatch(text, before[-1].end, at)
        # (not the object of a move before: `Priya joined Ferrolux after six years at`)
        and not _MOVED_INTO.search(text, max(0, before[-1].start - 24), before[-1].start)
    ):
        return None  # `... said Acme joined the CNCF`: the organisation moved
    people = [s for s in before if s.type == EntityType.PERSON]
    if not people or at - people[-1].end > _MAX_GAP:
        return None
    if _REPORTED_PRONOUN.search(text, people[-1].end, at):
        return None  # `Oluwaseun pointed out he has moved`: `he` may be someone else
    if _I_BETWEEN.search(text, people[-1].end, at):
        return None  # `I met Jane Doe. I'm an engineer at Acme`: the writer is the subject
    named = _A_NAME_RIGHT_BEFORE.search(text, people[-1].end, at)
    if named is not None and not _MOVED_INTO.search(text, people[-1].end, named.start() + 1):
        return None  # `said Quillfeather has left`: another name is what moved
    return people[-1]


_I_BETWEEN = re.compile(
    r"\bI(?:['’](?:m|ve|d)|\s(?:am|was|have|had|also))\b|(?<![가-힣])(?:저는|제가|나는|내가)\s"
)
# A pronoun after a verb of saying: whom it stands for is not told (`Oluwaseun pointed out he has
# moved from Weaveworks`).
_REPORTED_PRONOUN = re.compile(
    r"\b(?:said|says|noted|notes|pointed\sout|mentioned|told\s\w+|explained|added|recalled)"
    r"\s(?:that\s)?(?:he|she|they)\b"
)
# `she`, `he`, `그는` opening the clause of the move: the person the passage named last.
_PRONOUN_BEFORE = re.compile(
    r"(?:\b(?:[Ss]he|[Hh]e)(?:['’]s)?|(?<![가-힣])(?:그|그녀)(?:는|가|도))\s(?:[\w'’()-]+\s){0,10}$"
)
# `Before joining Vantari in 2021 she spent ...`: a clause, then the pronoun it belongs to.
_PRONOUN_AFTER_A_CLAUSE = re.compile(
    r"[\s*_]*(?:[Bb]efore|[Aa]fter)\sjoining\s[^,.;]{1,60}?,?\s(?:[Ss]he|[Hh]e)\b"
)


def _pronoun_subject(
    text: str, spans: list[Span], earlier: list[Span], start: int, at: int
) -> Span | None:
    """`Before that she spent five years at Loja Azul`: a pronoun is the subject, with no
    name of a person or organisation between it and the move; it stands for the last person
    named before it, in this sentence or earlier in the passage."""
    pronoun = _PRONOUN_BEFORE.search(text, start, at) or _PRONOUN_AFTER_A_CLAUSE.match(text, start)
    if pronoun is None or any(
        s.type in _SUBJECTS and pronoun.start() <= s.start < at for s in spans
    ):
        return None
    people = [s for s in (*earlier, *spans) if s.type == EntityType.PERSON and s.end <= at]
    if not people or pronoun.start() - people[-1].end > PRONOUN_REACH:
        return None
    if _REPORTED_PRONOUN.search(text, people[-1].end, at):
        return None
    # a name no rule read, between them, may be whom the pronoun stands for
    named = [(s.start, s.end) for s in (*earlier, *spans)]
    for unread in _TWO_CAPITALISED.finditer(text, people[-1].end, pronoun.start()):
        if not any(a <= unread.start() < b for a, b in named):
            return None
    return people[-1]


_AND_LATER_AT = re.compile(
    r",?\s(?:and\s)?(?:later|then|afterwards|subsequently|now)\s(?:at|with)\s(?:the\s)?" + ORG_NAME
)


def _owner_of_the_possessive(
    spans: list[Span], earlier: list[Span], match: re.Match[str]
) -> Span | None:
    """`At his previous employer, Criteo, ...`: the move opens with a possessive pronoun, which
    stands for the last person named before it, with no other name between."""
    if not _POSSESSIVE_PRONOUN.match(match.group()):
        return None
    named = [s for s in (*earlier, *spans) if s.type in _SUBJECTS and s.end <= match.start()]
    if not named or named[-1].type != EntityType.PERSON:
        return None
    return named[-1] if match.start() - named[-1].end <= PRONOUN_REACH else None


_POSSESSIVE_PRONOUN = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir)\s")
_TWO_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][a-z]+\s[A-Z][a-z]+")


def _affiliate(
    draft: Draft,
    gazetteer: Gazetteer,
    person: str,
    name: str,
    start: int,
    company_said: bool = False,
    *,
    inner: bool = False,
) -> None:
    entry = known_entry(gazetteer, name)
    if entry is not None and entry.kind != EntityType.ORGANIZATION.value:
        return  # `joined KubeCon`, `left Kubernetes`: no employer
    read = draft.mentioned_at(start)
    if (
        read is not None
        and read.end > start + len(name)
        and _KO_UNIT_LAST.search(draft.article.text, read.start, read.end)
    ):
        if inner and read.type == EntityType.ORGANIZATION:
            # `쿠버네티스 코리아 그룹에서 활동 중`: the group the person is active in
            draft.fact(person, "affiliation", read.key, passage_id=read.passage_id)
        return  # `Azure DevOps 팀에 있었습니다`: a unit of an organisation is read there
    already = read is not None and read.type == EntityType.ORGANIZATION  # `한결증권`, read so
    if (
        entry is None
        and not already
        and not company_said
        and not _unknown_name_fits(draft, name, start)
    ):
        return
    org = employer_at(draft, gazetteer, name, start)
    if org is None and inner:
        # `Kubernetes SIG Docs`: the organisation read at the end of the name
        end = start + len(name)
        ends = [
            s
            for s in draft.spans_over(start, end)
            if s.type == EntityType.ORGANIZATION and s.end == end
        ]
        org = ends[0] if ends else None
    if org is not None:
        draft.fact(person, "affiliation", org.key, passage_id=org.passage_id)


def _unknown_name_fits(draft: Draft, name: str, start: int) -> bool:
    """An organisation the gazetteer does not know: a Latin name, or a Hangul one right after
    a word for a company (`기업 리벨리온`)."""
    if name[:1].isascii():
        return name[:1].isupper() or name[1:2].isupper()  # `Acme`, `iFood`
    before = draft.article.text[max(0, start - 8) : start]
    return bool(re.search(_COMPANY_WORD + "['‘\"“]?$", before))  # `스타트업 '모아데이터랩'`
