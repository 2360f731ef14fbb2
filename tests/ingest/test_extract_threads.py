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
    "I can reproduce on kind. My team at Allegro runs bigger nodes.\n\n"
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


def test_first_person_in_a_quotation_is_the_one_its_closing_line_credits():
    text = (
        "Thank you, Roz. Here is what people said.\n\n"
        '> "She convinced our whole infrastructure group at Bloomberg to adopt Weir."\n'
        "> — Nadia Rahimi\n\n"
        "We will miss her.\n"
    )
    affiliations = affiliations_of(extract_text(text, {"author": "Mateo Quiroga"}))
    assert ("Nadia Rahimi", "Bloomberg") in affiliations
    assert ("Mateo Quiroga", "Bloomberg") not in affiliations


def test_a_list_item_of_a_name_a_dash_and_a_korean_bio():
    text = (
        "이번 에피소드 출연자입니다.\n\n"
        "• Jake Lim(임재경) — 우아한형제들에서 6년, 올해 3월부터는 Datadog 서울 오피스의 솔루션 "
        "엔지니어\n"
        "• 최윤하 — 네이버클라우드 엔지니어이자 KCD 서울 운영진\n"
    )
    assert {
        ("Jake Lim", "Woowa Brothers"),
        ("Jake Lim", "Datadog"),
        ("최윤하", "Naver Cloud"),
    } <= affiliations_of(extract_text(text))


def test_our_account_team_at_a_vendor_is_the_vendor_s_team():
    text = (
        "I took over as engineering manager at Tidewater Freight in January. We also had a call "
        "with our account team at Google Cloud about costs, and we liked it."
    )
    affiliations = affiliations_of(extract_text(text, {"author": "Dana Whitfield"}))
    assert ("Dana Whitfield", "Google Cloud") not in affiliations
