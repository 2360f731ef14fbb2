"""Texts that try to make the SPARQL engine call out (imported by name by the SPARQL tests).

Each one names the listener URL with its own path, so a call that got through says which text
let it out. `\\u` sequences written with a doubled backslash reach the server as the six
characters of a SPARQL codepoint escape, not as the character.
"""

from __future__ import annotations

from dataclasses import dataclass

PATTERN = "{ ?a ?b ?c }"


@dataclass(frozen=True)
class Tricky:
    """One query text and whether it must run (it only mentions SERVICE as data)."""

    name: str
    text: str
    allowed: bool = False


def tricky_queries(url: str) -> list[Tricky]:
    """The table of texts, each aimed at `url`/<name>."""

    def at(name: str) -> str:
        return f"<{url}/{name}>"

    escaped = url.replace(":", "\\u003A")  # http\u003A//127.0.0.1\u003A<port>

    return [
        Tricky("bare-cr", f"SELECT ?a WHERE {{ # x\r SERVICE {at('bare-cr')} {PATTERN} \n }}"),
        Tricky("cr-lf", f"SELECT ?a WHERE {{ # x\r\n SERVICE {at('cr-lf')} {PATTERN} }}"),
        Tricky("cr-cr-lf", f"SELECT ?a WHERE {{ # x\r\r\n SERVICE {at('cr-cr-lf')} {PATTERN} }}"),
        Tricky("u2028", f"SELECT ?a WHERE {{ # x\u2028 SERVICE {at('u2028')} {PATTERN} \n }}"),
        Tricky("u2029", f"SELECT ?a WHERE {{ # x\u2029 SERVICE {at('u2029')} {PATTERN} \n }}"),
        Tricky("u0085", f"SELECT ?a WHERE {{ # x\x85 SERVICE {at('u0085')} {PATTERN} \n }}"),
        Tricky("vtab", f"SELECT ?a WHERE {{ # x\x0b SERVICE {at('vtab')} {PATTERN} \n }}"),
        Tricky("formfeed", f"SELECT ?a WHERE {{ # x\x0c SERVICE {at('formfeed')} {PATTERN} \n }}"),
        Tricky(
            "escaped-cr",
            f"SELECT ?a WHERE {{ # x\\u000D SERVICE {at('escaped-cr')} {PATTERN} \n }}",
        ),
        Tricky("lower-case", f"select ?a where {{ service {at('lower-case')} {PATTERN} }}"),
        Tricky("mixed-case", f"SELECT ?a WHERE {{ SeRvIcE {at('mixed-case')} {PATTERN} }}"),
        Tricky("silent", f"SELECT ?a WHERE {{ SERVICE SILENT {at('silent')} {PATTERN} }}"),
        Tricky("tabs", f"SELECT ?a WHERE {{\tSERVICE\t{at('tabs')}\t{PATTERN} }}"),
        Tricky("escaped-iri", f"SELECT ?a WHERE {{ SERVICE <{escaped}/escaped-iri> {PATTERN} }}"),
        Tricky(
            "escaped-keyword",
            f"SELECT ?a WHERE {{ \\u0053ERVICE {at('escaped-keyword')} {PATTERN} }}",
        ),
        Tricky(
            "escaped-escape",
            f"SELECT ?a WHERE {{ \\u005Cu0053ERVICE {at('escaped-escape')} {PATTERN} }}",
        ),
        Tricky(
            "long-escape",
            f"SELECT ?a WHERE {{ \\U00000053ERVICE {at('long-escape')} {PATTERN} }}",
        ),
        Tricky(
            "optional", f"SELECT ?a WHERE {{ OPTIONAL {{ SERVICE {at('optional')} {PATTERN} }} }}"
        ),
        Tricky(
            "subquery",
            f"SELECT ?a WHERE {{ {{ SELECT ?a WHERE {{ SERVICE {at('subquery')} {PATTERN} }} }} }}",
        ),
        Tricky(
            "variable-endpoint",
            f"SELECT ?a WHERE {{ BIND({at('variable-endpoint')} AS ?u) SERVICE ?u {PATTERN} }}",
        ),
        Tricky(
            "after-long-string",
            f'SELECT ?a WHERE {{ BIND("""a"b""" AS ?x) SERVICE {at("after-long-string")} '
            f"{PATTERN} }}",
        ),
        Tricky("ask", f"ASK {{ SERVICE {at('ask')} {PATTERN} }}"),
        Tricky(
            "construct",
            f"CONSTRUCT {{ ?a ?b ?c }} WHERE {{ SERVICE {at('construct')} {PATTERN} }}",
        ),
        Tricky(
            "in-a-string",
            f'SELECT ?x WHERE {{ BIND("SERVICE {at("in-a-string")} {PATTERN}" AS ?x) }}',
            allowed=True,
        ),
        Tricky(
            "in-a-long-string",
            f"SELECT ?x WHERE {{ BIND('''line\nSERVICE {at('in-a-long-string')} {PATTERN}''' "
            "AS ?x) }",
            allowed=True,
        ),
        Tricky(
            "in-a-comment",
            f"SELECT ?x WHERE {{ BIND(1 AS ?x) }} # SERVICE {at('in-a-comment')} {PATTERN}",
            allowed=True,
        ),
    ]
