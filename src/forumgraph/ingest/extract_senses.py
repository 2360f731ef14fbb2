"""A company named like its product: which one the document means.

The gazetteer lists some names as organisations that writers use mostly for the software
(`Docker images`, `use Docker as a runtime`, `도커 이미지`, `도커가 생성한 컨테이너`). When a
document uses such a name as software at least twice and never as a company (`Docker, Inc.`,
`Docker's CEO`, `도커의 CEO`, an affiliation, `도커사`), the document's record is the project,
not the organisation.
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_records import Draft, normal_key
from forumgraph.models import EntityType

_SOFTWARE_AFTER = re.compile(
    r"^(?:[-\s](?:images?|containers?|runtimes?|engine|daemon|CLI|client|Desktop|Compose|files?"
    r"|build|socket|commands?|installation|support|shim)\b"
    r"|\s?(?:이미지|컨테이너|런타임|엔진|데몬|파일|빌드|명령|설치|지원|기반|스택)"
    # `도커가 생성한 컨테이너`, `도커에 대한 지원`, `도커를 사용`
    r"|(?:가|이)\s생성|에\s대한\s지원|(?:를|을)\s(?:사용|설치|실행|컨테이너\s런타임)"
    r"|\sas\s(?:a|an|the)\s(?:[\w-]+\s){0,2}(?:runtime|tool|engine|platform))",
    re.IGNORECASE,
)
_SOFTWARE_BEFORE = re.compile(
    r"(?:\b(?:use|uses|using|used|run|runs|running|install|installing|with|without|on)"
    r"|사용하는|런타임인|런타임으로)\s$",
    re.IGNORECASE,
)
_COMPANY_AFTER = re.compile(
    r"^(?:,?\sInc\b|['’]s\s(?:CEO|CTO|founder|employees?|engineers?)|\s?사(?:의|는|가|에서)?\s"
    r"|\s(?:announced|acquired|hired|employs|raised|the company)"
    r"|의\s(?:CEO|CTO|창업자|공동\s?창업자|대표|직원|임원))"
)
_COMPANY_BEFORE = re.compile(r"\b(?:at|joined|acquired|company|CEO of|founder of)\s$")
MIN_SOFTWARE_USES = 2


def add_product_senses(draft: Draft) -> None:
    """Organisation records used only as software become project records."""
    text = draft.article.text
    for key in draft.keys(EntityType.ORGANIZATION):
        spans = [s for s in draft.spans if s.key == key]
        if not spans or draft.facts_about(key, "affiliation"):
            continue
        software = company = 0
        for span in spans:
            after = text[span.end : span.end + 40]
            before = text[max(0, span.start - 20) : span.start]
            if _COMPANY_AFTER.match(after) or _COMPANY_BEFORE.search(before):
                company += 1
            elif _SOFTWARE_AFTER.match(after) or _SOFTWARE_BEFORE.search(before):
                software += 1
        if company == 0 and software >= MIN_SOFTWARE_USES:
            _as_project(draft, key)


def _as_project(draft: Draft, key: str) -> None:
    names = draft.names_of(key)
    project = draft.entity(
        f"{EntityType.PROJECT.value}:{normal_key(names[0].text)}",
        EntityType.PROJECT,
        names,
        draft.variants_of(key),
    )
    for span in [s for s in draft.spans if s.key == key]:
        draft.unmention(span)
        draft.mention(project, span.start, span.end)
    draft.discard(key)
