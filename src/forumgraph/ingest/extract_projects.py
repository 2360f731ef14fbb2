"""Projects and tools beyond the gazetteer, from how tech writing introduces them.

- `a tool called Foo`, `the foo CLI`, `the Bar library`;
- a list that holds a known project (`kaniko, foo and bar`) or follows a kind of software
  (`managed services like ABC or XYZ`, `ABC, XYZ 또는 QRS와 같은 관리형 서비스`): its other
  items are projects too;
- one example of a kind of software (`a version control system like Foo`), and a name in
  apposition to one (`foo, a command-line tool`);
- the first word of an inline command (`` `foo get pods` ``), and a command in code after a verb
  of using it (`` used `foo` and `bar` ``);
- in Korean, a Latin name with a word for a kind of software after it (`Foo 프로젝트`,
  `Bar라는 도구`, `바즈(Baz)라는 도구`), or after one (`커맨드라인 도구 foo를`);
- two or three capitalised words before `project`/`프로젝트` (`the Foo BAR project`);
- a programming language by what is done in it (`written in Go`, `Go로 작성`, `Rust 언어`);
- lower-case hyphenated names of components (`kube-state-metrics`, `node-exporter`,
  `prometheus-operator`);
- names in the form of software: JavaScript libraries (`Foo.js`) and control or admin CLIs
  (`fooctl`, `fooadm`), and a name with a version (`Ubuntu 22.04`, `Foo v1.2`).
"""

from __future__ import annotations

import re

from forumgraph.ingest.extract_named import add_named, known_entry
from forumgraph.ingest.extract_people import NOT_NAME_WORDS
from forumgraph.ingest.extract_records import Draft
from forumgraph.ingest.extract_text import (
    FUNCTION_WORDS,
    GENERIC_ACRONYMS,
    word_set,
    written_in_lower_case,
)
from forumgraph.ingest.gazetteer import Gazetteer
from forumgraph.models import EntityType

# A tool-like name: `kubectl`, `CRI-O`, `Node.js`, `DevStats`, `img`, `ABC`.
_TOOL = r"[A-Za-z][A-Za-z0-9_.+-]*[A-Za-z0-9_+]|[A-Za-z]"
_KINDS = (
    r"tools?|projects?|librar(?:y|ies)|plugins?|utilit(?:y|ies)|frameworks?|runtimes?|services?"
    r"|platforms?|products?|distributions?|engines?|CLIs?|SDKs?|operators?|options?|things"
)
_CALLED = re.compile(
    rf"\b(?:{_KINDS}|command|binary|component)\s(?:called|named)\s(?P<name>{_TOOL})(?![\w-])"
)
_THE_X_TOOL = re.compile(
    rf"\bthe\s`?(?P<name>{_TOOL})`?\s(?:CLI|command-line tool|command line tool|tool|library"
    r"|plugin|SDK|binary|project)\b"
)
# `the Foo DevStats project`, `FooBar tool`: a name in the form of code before a kind of software.
_NAMED_KIND = re.compile(
    r"(?<![\w.-])(?P<name>[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)"
    r"\s(?:project|tool|CLI|library|plugin|SDK|operator|controller|store|database|engine)\b"
)
_ITEM = rf"(?:{_TOOL})"
_LIST = rf"(?P<list>{_ITEM}(?:,\s{_ITEM})*,?\s(?:and|or)\s{_ITEM})"
_SUCH_AS = re.compile(rf"\b(?:{_KINDS})\s(?:like|such as|including)\s{_LIST}(?![\w-])")
_ANY_LIST = re.compile(rf"(?<![\w.-]){_LIST}(?![\w-])")
_KO_AND = r"(?:,\s?|\s?(?:와|과|및|또는|이나|나)\s?)"
_KO_LIST = re.compile(
    rf"(?P<list>{_ITEM}(?:{_KO_AND}{_ITEM})+)"
    r"(?:\([^()]{0,40}\))?(?:와|과)?\s?같은"
)
_KO_PLAIN_LIST = re.compile(
    rf"(?<![\w.-])(?P<list>{_ITEM}(?:,\s?{_ITEM})*(?:,\s?|\s?(?:와|과|및|또는)\s?){_ITEM})"
)
_KO_SOFTWARE_KINDS = (
    r"프로젝트|도구|툴|플러그인|라이브러리|프레임워크|엔진|런타임|CLI|스크립트|오퍼레이터"
)
# `Foo 도구`, `` `otel-diff`라는 작은 CLI ``; the kind first: `CLI인 kctx-tour를`, `스크립트
# ko-docs-lint를`.
_KO_KIND = re.compile(
    rf"(?<![\w.-])`?(?P<name>{_TOOL})`?(?:\s|이?라는\s(?:[가-힣]{{1,4}}\s)?)(?:{_KO_SOFTWARE_KINDS})"
    rf"|(?:CLI|도구|툴|플러그인|라이브러리|스크립트|오퍼레이터)(?:인)?\s`?(?P<after>{_TOOL})`?"
    r"(?=(?:을|를|이|가|은|는|의|도|와|과|로|으로)?(?:[\s,.]|$))"
)
# `바즈(Baz)라는 도구`: a Hangul name with its Latin spelling, introduced as software.
_KO_GLOSSED_KIND = re.compile(
    rf"[가-힣]+\((?P<name>{_TOOL})\)이?라는\s(?:[가-힣]+\s)?"
    r"(?:프로젝트|도구|툴|플러그인|라이브러리|프레임워크|엔진|런타임)"
)
# `렌즈박스(Lensbox)는 ... 오픈소스 도구다`: a name said to be a kind of software.
_KO_IS_A = re.compile(
    rf"(?:[가-힣]+\((?P<name>{_TOOL})\)|(?<![\w.-])(?P<bare>[A-Z][A-Za-z0-9.+-]*[A-Za-z0-9+]))"
    r"(?:은|는)\s[^.\n]{0,60}?(?:도구|툴|프로젝트|라이브러리|프레임워크|엔진|런타임|오퍼레이터"
    r"|컨트롤러|데이터베이스)(?:다|이다|입니다|예요|이에요)(?=[\s.,]|$)"
)
# `kube-state-metrics`, `node-exporter`, `prometheus-operator`: a lower-case hyphenated name that
# starts with a known project or `kube`/`k8s`, or ends with a kind of software component (not a
# channel: `#kubernetes-users`).
_HYPHENATED = re.compile(r"(?<![\w./@#-])(?P<name>[a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?![\w/@-]|\.\w)")
# (Endings that also make generic terms, `api-server`, `reverse-proxy`, are left out.)
_COMPONENT_ENDINGS = word_set("operator exporter metrics provisioner autoscaler toolkit runtime")
# Names only software has: JavaScript libraries and the control or admin CLIs of a system.
_SOFTWARE_FORM = re.compile(
    r"(?<![\w./-])(?P<name>[A-Z][A-Za-z0-9]*\.js|[a-z]{2,}(?:ctl|adm))(?![\w/-]|\.\w)"
)
# `Ubuntu 22.04`, `Foo v1.2`: one name with a version, not inside a longer capitalised phrase.
_VERSIONED = re.compile(
    r"(?<![\w.-])(?P<name>[A-Z][A-Za-z0-9+-]*[A-Za-z0-9+]|[a-z]+[A-Z][A-Za-z0-9]*)"
    r"\s(?:v\d+(?:\.\d+)+|\d+\.\d+(?:\.\d+)*)(?![\w.])"
)
# Words numbered like versions in prose (`Section 3.2`, `Web 2.0`).
_NUMBERED = word_set(
    "Section Chapter Table Figure Fig Step Phase Part Stage Level Tier Page Appendix Note "
    "Release Version Web Round Item Rule Article Volume Edition Grade Class Type Option Score "
    "Rating"
)
# `a version control system like Foo`: one example of a kind of software (lists are `_SUCH_AS`).
_ONE_EXAMPLE = re.compile(
    r"\b(?:tools?|librar(?:y|ies)|frameworks?|databases?|runtimes?|registr(?:y|ies)|editors?"
    r"|(?:control|build|storage|messaging|monitoring|logging)\ssystems?)"
    r"\s(?:like|such as)\s(?P<name>[A-Z][A-Za-z0-9.+-]*[A-Za-z0-9+]|[a-z]+[A-Z][A-Za-z0-9]*)"
    r"(?![\w-]|,?\s(?:and|or)\s|,\s[A-Za-z]+,)"
)
# `foo, a command-line tool`: a name in apposition to a kind of software.
_SOFTWARE_KIND = (
    r"(?:tool|CLI|library|plugin|SDK|controller|utility|framework|database|scanner|linter"
    r"|(?:open[\s-]source|sandbox|incubating|graduated)\sproject"
    r"|registry|proxy|runtime|orchestrator|engine|operator|(?:key-value|object|data)\sstore"
    r"|(?:build|operating|monitoring|logging|storage|messaging|workflow|version control"
    r"|package management|configuration management)\ssystem)\b"
    # (not the kind of a company: `the search engine giant`)
    r"(?!\s(?:company|companies|giant|maker|vendor|startup|firm|provider))"
)
# Words between an article and the kind of software, not a phrase of their own (`Acme, the
# company behind the framework`).
_KIND_WORDS = r"(?:(?!(?:the|a|an|of|behind|for|that|which|who)\s)[\w-]+\s){0,3}?"
_APPOSED = re.compile(
    rf"(?<![\w.-])(?P<name>{_TOOL}),\s(?:a|an|the)\s{_KIND_WORDS}{_SOFTWARE_KIND}"
)
# `Quillon is a small policy engine`: a name said to be a kind of software.
_IS_A = re.compile(
    rf"(?<![\w.-])(?P<name>[A-Z][A-Za-z0-9.+-]*[A-Za-z0-9+]|[a-z]+[A-Z][A-Za-z0-9]*)"
    rf"\sis\s(?:a|an)\s(?:open[\s-]source\s)?{_KIND_WORDS}{_SOFTWARE_KIND}"
)
# `replaced Kaniko with buildah`, `Kustomize rather than Helm`: one software in place of
# another is software too.
_IN_PLACE = rf"`?(?P<{{}}>{_TOOL})`?"
_ALTERNATIVES = (
    re.compile(
        r"\b(?:replac(?:ed|ing|es|e)|swap(?:ped|ping)?|switch(?:ed|ing)? from"
        rf"|migrat(?:ed|ing|e) from|mov(?:ed|ing|e) from)\s(?:the\s)?{_IN_PLACE.format('one')}"
        r"\s(?:with|to|for|by)\s"
        rf"(?:the\s)?{_IN_PLACE.format('other')}(?![\w-])"
    ),
    re.compile(
        rf"(?<![\w.-]){_IN_PLACE.format('one')}\s(?:rather than|instead of|over)\s"
        rf"{_IN_PLACE.format('other')}(?![\w-])"
    ),
)
# Words before a noun that is no name: `In production, a tool`, `For this, a library`.
_BEFORE_APPOSED = re.compile(r"\b(?:in|on|for|with|of|at|by|from|to|into|as)\s$", re.IGNORECASE)
# `커맨드라인 도구 foo를`: a Latin name after a Korean word for a kind of software.
_KO_KIND_BEFORE = re.compile(
    rf"(?:도구|툴|라이브러리|플러그인|프레임워크|유틸리티)\s(?P<name>{_TOOL})"
    r"(?:을|를|은|는|이|가|의|와|과|로|으로|에)?(?=[\s.,])"
)
# `the Foo BAR project`, `Foo Bar 프로젝트`: two or three capitalised words named as a project.
_MULTIWORD_PROJECT = re.compile(
    r"(?:\bthe\s|(?<![\w.-]))(?P<name>[A-Z][A-Za-z0-9-]*(?:\s[A-Z][A-Za-z0-9-]*){1,2})"
    r"\s(?:project\b|프로젝트)"
)
_CODE = re.compile(r"`(?P<name>[a-z][\w-]{1,30}) [^`\n]+`")
# A programming language by what is done in it: `written in Go`, `Go로 다시 작성`, `Rust 언어`.
_LANGUAGE_NAME = r"[A-Z][A-Za-z]*(?:\+\+|#)?"
_WRITTEN_IN = re.compile(
    r"\b(?:(?:written|implemented|built|coded|rewritten|developed|programmed)\sin"
    r"|lines\sof(?:\scode\sin)?)\s"
    rf"(?!(?:Code|Text|Output|Config|Configuration|Logs?|YAML|JSON)\b)"
    rf"(?P<name>{_LANGUAGE_NAME})(?![\w-])(?!\s[A-Z])"
)
_KO_WRITTEN_IN = re.compile(
    rf"(?<![\w.-])(?P<name>{_LANGUAGE_NAME})(?:(?:로|으로)\s(?:\S+\s)?(?:작성|개발|구현|재작성|만들|만든)"
    r"|\s?(?:언어|프로그래밍\s언어)(?=[\s,.]|[로은는이가를의와과에]))"
)
# Words that head a list in prose without naming software.
_PLAIN = frozenset({"and", "or", "the", "a", "an", "of", "to", "in", "on", "for", "with"})


# Patterns whose `name` group is a project wherever they match.
# `we used `stern``, `install it with `hey``: a command in code after a verb of using it,
# and the commands listed with it (`used `stern` and `k9s``).
_USED_CODE = re.compile(
    r"\b(?:uses?|used|using|with|via|runs?|ran|running|installs?|installed|installing|tried)"
    r"\s(?:the\s)?(?P<list>`[a-z][a-z0-9-]{1,24}`(?:(?:,\s(?:and\s)?|\sand\s|\sor\s)"
    r"`[a-z][a-z0-9-]{1,24}`)*)(?!\.\w)"
)
# Values written in code, not commands (`run with `true``).
_CODE_VALUES = word_set("true false null none nil yes no on off default auto always never")
_CODE_ITEM = re.compile(r"`(?P<name>[a-z][a-z0-9-]{1,24})`")
_NAMING_PATTERNS = (
    _CALLED,
    _CODE,
    _ONE_EXAMPLE,
    _NAMED_KIND,
    _KO_KIND_BEFORE,
    _KO_GLOSSED_KIND,
    _SOFTWARE_FORM,
    _WRITTEN_IN,
    _KO_WRITTEN_IN,
    _IS_A,
)


def add_project_names(draft: Draft, gazetteer: Gazetteer) -> None:
    """Project records for names that the text introduces as software."""
    for passage in draft.passages:
        text = passage.text
        for pattern in _NAMING_PATTERNS:
            for match in pattern.finditer(text):
                _add(draft, gazetteer, passage.start + match.start("name"), match.group("name"))
        for match in _KO_IS_A.finditer(text):
            group = "name" if match["name"] else "bare"
            _add(draft, gazetteer, passage.start + match.start(group), match[group])
        for match in _USED_CODE.finditer(text):
            for item in _CODE_ITEM.finditer(match["list"]):
                if item["name"] in _CODE_VALUES:
                    continue
                start = passage.start + match.start("list") + item.start("name")
                _add(draft, gazetteer, start, item["name"])
        for match in _HYPHENATED.finditer(text):
            if _component_name(match["name"], gazetteer):
                _add(draft, gazetteer, passage.start + match.start("name"), match["name"])
        for match in _VERSIONED.finditer(text):
            name = match["name"]
            if name in _NUMBERED or name.isupper():  # `CVSS 9.8`, `USD 1.5` are no versions
                continue
            if re.search(r"[A-Z][\w.-]*\s$", text[max(0, match.start() - 40) : match.start()]):
                continue  # `Acme Cloud Foo 2.1`: where the name starts is unclear
            if not written_in_lower_case(name, draft.article.text):  # `Go 1.24` and `go`
                _add(draft, gazetteer, passage.start + match.start("name"), name)
        for pattern in (_THE_X_TOOL, _KO_KIND):
            for match in pattern.finditer(text):
                group = "name" if match["name"] else "after"
                name = match[group]
                if not _lower_word(name) and not _inside_phrase(text, match.start(group), name):
                    _add(draft, gazetteer, passage.start + match.start(group), name)
        for pattern in (_SUCH_AS, _KO_LIST):
            for match in pattern.finditer(text):
                _add_list(draft, gazetteer, passage.start + match.start("list"), match["list"])
        _add_alternatives(draft, gazetteer, passage.start, text)
        _add_apposed(draft, gazetteer, passage.start, text)
        _add_multiword(draft, gazetteer, passage.start, text)
        # A comma alone joins two items only in Korean (`A, B와 같은`); in English it also
        # joins clauses (`use kubectl, because ...`).
        lists = (_ANY_LIST,) if passage.lang == "en" else (_ANY_LIST, _KO_PLAIN_LIST)
        for pattern in lists:
            for match in pattern.finditer(text):
                start, listed = passage.start + match.start("list"), match["list"]
                # A comma may end a clause before the list (`For local development, Tilt and
                # Skaffold`): the items after it are tried alone.
                while True:
                    if _lists_known_projects(draft, start, listed):
                        _add_list(draft, gazetteer, start, listed)
                        break
                    if ", " not in listed:
                        break
                    cut = listed.index(", ") + 2
                    start, listed = start + cut, listed[cut:]


def _add_alternatives(draft: Draft, gazetteer: Gazetteer, offset: int, text: str) -> None:
    """The unknown side of `replaced X with Y` / `Y rather than X` where the other is a known
    project."""
    for pattern in _ALTERNATIVES:
        for match in pattern.finditer(text):
            sides = [(match[g], match.start(g)) for g in ("one", "other")]
            known = [_known_project(gazetteer, name) for name, _ in sides]
            for (name, start), other_known in zip(sides, reversed(known), strict=True):
                if other_known and not _plain_capitalised_at_start(text, name, start):
                    _add(draft, gazetteer, offset + start, name)


def _known_project(gazetteer: Gazetteer, name: str) -> bool:
    entry = known_entry(gazetteer, name)
    return entry is not None and entry.kind == EntityType.PROJECT.value


def _plain_capitalised_at_start(text: str, name: str, start: int) -> bool:
    return _plain_capitalised(name) and _sentence_start(text, start)


def _add_apposed(draft: Draft, gazetteer: Gazetteer, offset: int, text: str) -> None:
    """`announcing foo, a command-line tool`, but not `Today, a tool` or `in production, a tool`."""
    for match in _APPOSED.finditer(text):
        name, start = match["name"], match.start("name")
        if _lower_word(name) and _BEFORE_APPOSED.search(text[max(0, start - 8) : start]):
            continue  # `in production, a tool` (a name after a preposition is one: `with Foo`)
        if _plain_capitalised_at_start(text, name, start) and not _named_elsewhere(
            draft, name, offset + start
        ):
            continue
        _add(draft, gazetteer, offset + start, name)


def _named_elsewhere(draft: Draft, name: str, start: int) -> bool:
    """`Tarn, a secrets operator, ...` where the title or another sentence writes `Tarn` too,
    not where the word only opens this sentence (`Finally, a tool ...`)."""
    if name.endswith("ly") or name in FUNCTION_WORDS:
        return False
    word = re.compile(rf"(?<![\w.-]){re.escape(name)}(?![\w-])")
    if word.search(draft.article.title):
        return True
    text = draft.article.text
    return any(
        m.start() != start and not _sentence_start(text, m.start()) for m in word.finditer(text)
    )


def _add_multiword(draft: Draft, gazetteer: Gazetteer, offset: int, text: str) -> None:
    """`the Foo Bar project`, unless its words are those of groups, events or generic phrases
    (`the Cloud Native project`) or it starts with a known name (`the Kubernetes Docs project`)."""
    for match in _MULTIWORD_PROJECT.finditer(text):
        name = match["name"]
        words = name.split()
        if any(w in NOT_NAME_WORDS for w in words) or known_entry(gazetteer, words[0]):
            continue
        if _sentence_start(text, match.start("name")) and words[0] in FUNCTION_WORDS:
            continue
        start = offset + match.start("name")
        add_named(draft, gazetteer, EntityType.PROJECT, name, start, start + len(name))


def _items(text: str) -> list[tuple[int, str]]:
    return [
        (m.start(), m.group())
        for m in re.finditer(_TOOL, text)
        if m.group() not in {"and", "or", "및", "또는"}
    ]


def _add_list(draft: Draft, gazetteer: Gazetteer, start: int, text: str) -> None:
    items = _items(text)
    if (
        items
        and _sentence_start(draft.article.text, start)
        and known_entry(gazetteer, items[0][1]) is None
        and _plain_capitalised(items[0][1])
    ):
        items = items[1:]  # `However, Foo and Bar`: an opening word, not an item
    if len(items) < 2 or any(not _tool_like(name) for _, name in items):
        return
    for offset, name in items:
        _add(draft, gazetteer, start + offset, name)


def _lists_known_projects(draft: Draft, start: int, text: str) -> bool:
    """Whether the list names a known project, written in the same style as its unknown items:
    `kaniko, foo and bar` (all lower-case, like code) lists tools; `Helm, Prometheus and more`
    does not make `more` one."""
    known = [
        draft.article.text[s.start : s.end]
        for s in draft.spans_in(start, start + len(text))
        if s.type == EntityType.PROJECT
    ]
    if not known:
        return False
    if all(_lower_word(k) for k in known):
        return True
    return not any(_lower_word(name) for _, name in _items(text))


# `etcd-dev`, `kubernetes-announce`: mailing lists and channels named after a project.
_LIST_ENDINGS = word_set("dev devel users announce discuss maintainers contributors security")


def _component_name(name: str, gazetteer: Gazetteer) -> bool:
    parts = name.split("-")
    if parts[-1] in _LIST_ENDINGS:
        return False
    if parts[0] in {"kube", "k8s"} or parts[-1] in _COMPONENT_ENDINGS:
        return True
    return _known_project(gazetteer, parts[0])


def _sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset].rstrip(" \t")
    return not before or before[-1] in ".!?:\n-*#"


def _plain_capitalised(word: str) -> bool:
    """`However`, `Then`: a word capitalised only because it opens a sentence."""
    return word.isalpha() and word[0].isupper() and word[1:].islower()


def _inside_phrase(text: str, start: int, name: str) -> bool:
    """`Service Mesh 툴`: a plain word ending a longer English phrase is no name."""
    return _plain_capitalised(name) and re.search(r"[A-Za-z]\s$", text[:start]) is not None


def _generic_term(name: str, text: str) -> bool:
    """Words of the trade rather than names: `DataPlane` where the text also writes
    `data plane`, and an acronym that ends another word of the text (`SQL` of `MySQL`)."""
    parts = re.findall(r"[A-Z][a-z]+", name)
    if len(parts) > 1 and "".join(parts) == name:
        spaced = r"\s".join(parts)
        if re.search(rf"(?<![A-Za-z]){spaced}(?![A-Za-z])", text, re.IGNORECASE):
            return True
    inside = rf"[A-Za-z]{re.escape(name)}(?![A-Za-z0-9])"
    return name.isupper() and re.search(inside, text) is not None


def _lower_word(name: str) -> bool:
    return name.isalpha() and name.islower()


def _tool_like(name: str) -> bool:
    """Not an ordinary word: function words and acronyms of technology in general are not
    tools, and neither are very long lower-case words."""
    if name in FUNCTION_WORDS or name in GENERIC_ACRONYMS or name.lower() in _PLAIN:
        return False
    return len(name) <= 30 and not (_lower_word(name) and len(name) > 16)


def _add(draft: Draft, gazetteer: Gazetteer, start: int, name: str) -> None:
    name = name.rstrip(".-")
    if not _tool_like(name) or (len(name) < 2 and known_entry(gazetteer, name) is None):
        return
    if known_entry(gazetteer, name) is None and _generic_term(name, draft.article.text):
        return
    add_named(draft, gazetteer, EntityType.PROJECT, name, start, start + len(name))
