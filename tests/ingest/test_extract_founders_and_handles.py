"""Company news and chat digests: the founders of a company, handles with dots, a handle in
brackets between a name and its role, and titles that open no name."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType


def test_the_founders_of_a_company_belong_to_it():
    text = (
        "BERLIN, June 24, 2025 — Lanternfish today announced a Series A. Founded in 2023 by Mira "
        "Kaltenbach (CEO) and Dev Iyer (CTO), Lanternfish attaches an agent to each node. "
        "Separately, Quillbyte, which was co-founded by Tomas Berg and Ana Ruiz in 2021, opened "
        "an office. Ferrowave was founded by Lena Vogt."
    )
    assert {
        ("Mira Kaltenbach", "Lanternfish"),
        ("Dev Iyer", "Lanternfish"),
        ("Tomas Berg", "Quillbyte"),
        ("Ana Ruiz", "Quillbyte"),
        ("Lena Vogt", "Ferrowave"),
    } <= affiliations_of(extract_text(text))


def test_a_project_founded_by_people_is_no_employer():
    text = "Founded in 2014 by Joe Beda and Brendan Burns, Kubernetes grew fast."
    affiliations = affiliations_of(extract_text(text))
    assert not {p for p, _ in affiliations} & {"Joe Beda", "Brendan Burns"}


def test_handles_with_dots_are_whole():
    text = (
        "The short version from **@nessa.v**, who works at Intuit: use ApplicationSets. Later "
        "**@lin.qiao** asked for a checklist. Thanks @ahmed.s. Write to @example.com for more."
    )
    extraction = extract_text(text)
    people = names_of(extraction, EntityType.PERSON)
    assert {"@nessa.v", "@lin.qiao", "@ahmed.s"} <= people
    assert not {"@nessa", "@lin", "@ahmed", "@example", "@example.com"} & people
    assert ("@nessa.v", "Intuit") in affiliations_of(extraction)


def test_a_handle_in_brackets_between_a_name_and_its_role():
    text = (
        "Karthik Murali (**@kmurali**), platform lead at Atlassian, asked about sync waves. "
        "Priya Nair (@pnair), staff engineer at Shopify, answered."
    )
    assert {("Karthik Murali", "Atlassian"), ("Priya Nair", "Shopify")} <= affiliations_of(
        extract_text(text)
    )


def test_words_of_a_title_open_no_organisation_and_name_no_person():
    text = (
        "The team grows under Chief Revenue Officer Grant Whitfield, who joined in January. "
        "Sasha Lindqvist, General Partner at Northgate Ventures, joins the board."
    )
    extraction = extract_text(text)
    assert "Chief Revenue" not in names_of(extraction, EntityType.ORGANIZATION)
    assert "General Partner" not in names_of(extraction, EntityType.PERSON)
    assert ("Sasha Lindqvist", "Northgate Ventures") in affiliations_of(extraction)


def test_a_byline_of_a_company_s_function_is_no_person():
    text = (
        "BERLIN — Quillbyte today announced a Series A. Founded in 2022 by Tomas Berg (CEO), "
        "Quillbyte builds cost dashboards."
    )
    extraction = extract_text(text, {"author": "Quillbyte Communications"})
    assert "Quillbyte Communications" not in names_of(extraction, EntityType.PERSON)
    assert ("Tomas Berg", "Quillbyte") in affiliations_of(extraction)
