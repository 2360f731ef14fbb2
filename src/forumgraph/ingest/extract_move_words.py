"""The words of a move, in English and Korean, as `add_moves` (extract_moves.py) reads them:
joining, leaving, coming back to or spending years at an organisation, working there or on its
team, and the Korean forms of each (`에 합류`, `에서 일했`, `을 떠나`, `출신`, `으로 이직`). Each
pattern's `org` group is the organisation moved to or from.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_employers import ORG_NAME
from forumgraph.ingest.extract_orgs_ko import HANGUL_NAME_GLOSS
from forumgraph.ingest.extract_people import ROLE_HEAD_PATTERN

_SPAN = r"(?:an?\s|the\s|\w+\s|\w+-\w+\s){0,3}?"
EN_MOVE = re.compile(
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
ARROW = re.compile(r"\s?\((?P<before>[^()→\n]{1,40}?)\s?(?:→|->|⇒)\s?(?P<after>[^()→\n]{1,40}?)\)")
# `Oğuz Demir → Helmsman Labs`: where the person went, after an arrow.
ARROW_TO = re.compile(
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
KO_FROM = re.compile(_KO_NAME + r"\s?출신(?:인|의)?\s")
# Up to three bare words (no particle ends them) between that and the name.
WORDS_OF_WHAT_THEY_ARE = re.compile(r"(?:[가-힣A-Za-z]+(?<![은는이가을를의에와과도로])\s){0,3}")
# A unit of the organisation between it and the verb: `삼성SDS 클라우드 사업부에서 일했고`,
# `네이버클라우드 AI 인프라팀에 합류`, `메루카리(Mercari) 플랫폼 팀에 합류`.
_UNIT_WORDS = "팀|실|본부|센터|랩|파트|셀|사업부|부문|그룹|본사|지사|법인"
KO_UNIT_LAST = re.compile(rf"(?:{_UNIT_WORDS})$")
_KO_UNIT = (
    # (not after a word with a particle: `이번 달부터 라인플러스 ...실에서`, `대표는 KAIST
    # 전산학과에서`)
    r"(?P<unit>(?<!부터)(?<!까지)(?<!에서)(?<!에는)(?<!으로)(?<!에게)(?<![은는을를])"
    r"(?:\s(?:[A-Z][A-Za-z0-9]*\s)?[가-힣A-Za-z0-9]*"
    rf"(?:{_UNIT_WORDS}|학과|학부|대학원)"
    r"|(?:\s[가-힣A-Za-z0-9]+)?\s(?:팀|사업부|본부)))?"
)
# A word for a company before its Hangul name (`AI 반도체 기업 리벨리온`).
COMPANY_WORD = r"(?:기업|스타트업|회사)\s"
# `<name> ... (기업|스타트업) <org>에 합류`, `<org>에서 7년간`: joined, or spent years at.
KO_MOVE = re.compile(
    rf"(?:{COMPANY_WORD})?" + _KO_NAME + _KO_GLOSS + _KO_UNIT + r"(?:에\s(?:\S+\s){0,2}?합류"
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
MOVE_PATTERNS = (
    EN_MOVE,
    _EN_JOINED_FROM,
    _EN_MOVED_FROM,
    _EN_LEFT_FOR,
    _EN_WAS_AT,
    _EN_ON_ITS_TEAM,
    _EN_WORKED_ON_ITS,
    _EN_CAME_TO,
    _EX,
    KO_MOVE,
)
