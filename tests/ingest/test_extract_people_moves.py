"""A news roundup of people's moves: a company's new role holder, elections and appointments to a
board or committee, a group's new chair, and the publication's own staff."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text

_ROUNDUP = (
    "We round up who moved where every month, and we always miss someone.\n\n"
    "Kenji Mori is Grafana Labs' new head of developer relations for Asia-Pacific. "
    "Maria Lopez is Datadog's new VP of engineering.\n\n"
    "Leonie Fischer was elected to the CNCF Technical Oversight Committee in August, and "
    "Ana Lee was appointed to the Governing Board. Fischer told The Control Plane Weekly her "
    "priority is kinder reviews.\n\n"
    "- Tunde Bakare is the new co-chair of Kubernetes SIG Contributor Experience.\n"
    "- Our own Daniel Ferris moves from the news desk to the podcast team.\n"
)


def test_moves_elections_and_new_roles_in_a_roundup():
    header = {"author": "Rebecca Osei, senior editor (The Control Plane Weekly)"}
    affiliations = affiliations_of(extract_text(_ROUNDUP, header))
    assert {
        ("Kenji Mori", "Grafana Labs"),
        ("Maria Lopez", "Datadog"),
        ("Leonie Fischer", "CNCF Technical Oversight Committee"),
        ("Ana Lee", "Governing Board"),
        ("Tunde Bakare", "SIG Contributor Experience"),
    } <= affiliations
    assert {p for p, o in affiliations if o.endswith("Control Plane Weekly")} >= {"Daniel Ferris"}


def test_owning_a_project_or_a_book_is_no_affiliation():
    text = (
        "Maria Lopez is Kubernetes' biggest fan. Ana Lee, author of Kubernetes Patterns, spoke. "
        "Ana Lee was named to the list of top speakers."
    )
    assert not affiliations_of(extract_text(text))


def test_left_one_company_for_another_a_degree_and_a_company_s_new_owner():
    text = (
        "Bruno Costa, an SRE at Mercado Libre, shared the stage with Aiko Tanabe, who left "
        "Mercado Libre for Grafana Labs in January. Dr. Yuki Hashida is a principal engineer at "
        "Isovalent (now part of Cisco). Before that she did a PhD on XDP at the University of "
        "Tokyo. Rui Castro is finishing a PhD on scheduling at INESC TEC."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Aiko Tanabe", "Grafana Labs"),
        ("Aiko Tanabe", "Mercado Libre"),
        ("Yuki Hashida", "Isovalent"),
        ("Yuki Hashida", "University of Tokyo"),
        ("Rui Castro", "INESC TEC"),
    } <= affiliations
    assert ("Yuki Hashida", "Cisco") not in affiliations


def test_the_subject_of_a_list_s_items_is_the_person_its_opening_line_names():
    text = (
        "I'm nominating Yusuf Demir as a maintainer. Yusuf started contributing in 2024 and has "
        "since:\n\n"
        "* reviewed 96 PRs over the last six months, second only to Arjun Mehta\n"
        "* co-runs the Istanbul Kubernetes Meetup\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Arjun Mehta", "Istanbul Kubernetes Meetup") not in affiliations
    assert ("Yusuf Demir", "Istanbul Kubernetes Meetup") in affiliations


def test_a_manager_or_colleague_at_an_organisation_named_before_them():
    text = (
        "My manager at Mercado Libre, Camila Rojas, lets me spend Fridays on Falco rules. "
        "My colleague at the Linux Foundation, Ana Lee, agreed. My manager, Tom Berg, did not."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {("Camila Rojas", "Mercado Libre"), ("Ana Lee", "Linux Foundation")} <= affiliations
    assert not {o for p, o in affiliations if p == "Tom Berg"}


def test_the_writer_runs_a_team_at_an_organisation():
    text = "Usual disclaimer: I run the platform team at Nordvik Bank, so my taste is boring."
    affiliations = affiliations_of(extract_text(text, {"author": "Hanna Lind"}))
    assert ("Hanna Lind", "Nordvik Bank") in affiliations
