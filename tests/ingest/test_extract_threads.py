"""A thread of comments (an issue, a forum): the commenters by their handles, the people the
handles spell, and what each says of where they work in their own comment."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType

_THREAD = (
    "**Open** · mkowal opened this issue on Aug 19, 2025\n\n"
    "---\n\n"
    "**mkowal** commented\n\n"
    "After upgrading the chart the agent pods get OOMKilled. We're the platform team at "
    "Tidewater Freight, about 60 clusters.\n\n"
    "---\n\n"
    "**ferry-bot** added the `needs-triage` label\n\n"
    "---\n\n"
    "**nadia-r** (Maintainer) commented\n\n"
    "I can reproduce on kind. That default came straight from our setup at Allegro.\n\n"
    "---\n\n"
    "**jlee-dev** commented\n\n"
    "Same here on GKE, +1.\n\n"
    "---\n\n"
    "> Released in v0.14.1. Thanks to Marek Kowalczyk and Nadia Rahimi for this fix.\n"
)


def test_commenters_and_where_their_own_comments_say_they_work():
    extraction = extract_text(_THREAD)
    assert {("Marek Kowalczyk", "Tidewater Freight"), ("Nadia Rahimi", "Allegro")} <= (
        affiliations_of(extraction)
    )
    people = names_of(extraction, EntityType.PERSON)
    assert "jlee-dev" in people
    assert "ferry-bot" not in people
