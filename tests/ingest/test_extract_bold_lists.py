"""Lists that name one organisation in bold per item (hosts, sponsors thanked), and the people
such items and prose name with them."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType

_HOSTS = (
    "We have never paid for a venue, thanks to the companies that opened their doors:\n\n"
    "- **Quintal Systems**, our most frequent host, and especially Lia Moura from their Braga "
    "office, who signed for the badges.\n"
    "- **Brisa Labs**, for the rooftop edition. Rui Sousa from their SRE guild organised it.\n"
    "- **Tejo Digital**, for hosting our joint session.\n"
    "- The **Cloud Native Computing Foundation**, whose programme covers our fees.\n"
)


def test_the_unread_bold_names_of_a_list_of_organisations_are_organisations():
    extraction = extract_text(_HOSTS)
    assert {"Quintal Systems", "Brisa Labs", "Tejo Digital"} <= names_of(
        extraction, EntityType.ORGANIZATION
    )
    assert {("Lia Moura", "Quintal Systems"), ("Rui Sousa", "Brisa Labs")} <= affiliations_of(
        extraction
    )


def test_a_bold_list_of_people_or_projects_names_no_organisation():
    text = (
        "Thanks to everyone who helped this year:\n\n"
        "- **Marta Lopes**, who ran registration.\n"
        "- **Kubernetes**, for existing.\n"
        "- **Duarte Ramos**, for the photos.\n"
        "- **Cloud Native Computing Foundation**, for the grant.\n"
    )
    organisations = names_of(extract_text(text), EntityType.ORGANIZATION)
    assert not {"Marta Lopes", "Duarte Ramos", "Kubernetes"} & organisations


def test_a_clause_of_the_same_subject_before_where_the_person_works():
    text = (
        "**Joana Ribeiro** takes over as lead organiser.\n\n"
        "Joana has co-organised since 2023 and runs the platform engineering team at Vinhedo Pay, "
        "where she moved forty services to Argo CD. Maria Lopez spoke next. Maria has maintained "
        "Flux since 2020 and works at Weaveworks."
    )
    assert {("Joana Ribeiro", "Vinhedo Pay"), ("Maria Lopez", "Weaveworks")} <= affiliations_of(
        extract_text(text)
    )
