"""The search signals, by name: how each is built and its weight in the fusion.

A new signal is a module with a `build(env)` function and one line here (or a call to
`register` from a plugin or a test).
"""

from __future__ import annotations

from forumgraph.index.encoders import EMBEDDING, USE
from forumgraph.search.signals import bm25, graph
from forumgraph.search.signals.base import SignalEntry, SignalEnv
from forumgraph.search.signals.dense import DenseSignal, dense_signal


def _dense(env: SignalEnv) -> DenseSignal | None:
    return dense_signal("dense", EMBEDDING, env)


def _use(env: SignalEnv) -> DenseSignal | None:
    return dense_signal("use", USE, env)


# Weights measured on the development set (scripts/eval_search.py): with one short passage per
# talk, the entity and lexical evidence must outweigh sentence encoders, which find generic
# talk titles ("Keynote: Opening Remarks") close to any query about talks.
SIGNALS: dict[str, SignalEntry] = {
    "dense": SignalEntry(_dense),  # meaning, across languages (the embedding set)
    "use": SignalEntry(_use, 0.5),  # meaning again, from a second encoder (the use set)
    "bm25": SignalEntry(bm25.build, 1.5),  # exact names, numbers, rare terms
    "graph": SignalEntry(graph.build, 2.0),  # passages naming the query's entities
}


def register(name: str, entry: SignalEntry) -> None:
    """Add (or replace) a signal; services built afterwards run it by default."""
    SIGNALS[name] = entry


def unregister(name: str) -> None:
    """Remove a signal added by `register`."""
    SIGNALS.pop(name, None)
