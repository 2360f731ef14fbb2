"""A forum thread, on a thread written for these tests: users by their `u/` handles, a list of
who is who, and the flair after a user's name that says where they work."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType

THREAD = (
    "**u/mod_jess** [Mod] · Pinned\n"
    "Welcome to today's AMA with the maintainers of Shoal:\n\n"
    "- u/nkarimi — Nadia Karimi\n"
    "- u/oskl — Oskar Lindahl\n\n"
    "**u/yaml_enjoyer** · 412 points\n"
    "How is this different from Hubble?\n\n"
    "> **u/nkarimi** [Shoal maintainer | Fastly] · 388 points\n"
    "> Fair question.\n\n"
    "**u/kiwi_ops** [Platform eng @ Xero] · 203 points\n"
    "Does it see ambient mode?\n\n"
    "> **u/oskl** [Shoal maintainer | ex-Spotify, now independent] · 140 points\n"
    "> It does. See [the docs](https://example.com) for more.\n"
)


def test_users_by_their_handles_and_the_people_a_list_pairs_them_with():
    people = names_of(extract_text(THREAD), EntityType.PERSON)
    assert {"u/mod_jess", "u/yaml_enjoyer", "u/kiwi_ops", "Nadia Karimi", "Oskar Lindahl"} <= people
    assert not {"u/nkarimi", "u/oskl"} & people  # the handles of people named in full


def test_a_flair_after_a_user_says_where_they_work():
    extraction = extract_text(THREAD)
    affiliations = affiliations_of(extraction)
    assert {
        ("Nadia Karimi", "Fastly"),
        ("u/kiwi_ops", "Xero"),
        ("Oskar Lindahl", "Spotify"),
    } <= affiliations
    assert not any(p == "u/mod_jess" for p, _ in affiliations)
    assert "the docs" not in names_of(extraction, EntityType.ORGANIZATION)
