"""People and their organisations in English prose: a role between an organisation and a
person, a handle in brackets, a role before where it is held, names joined to a person, roles
written before names, and lists the recogniser reads as one name."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType


def test_a_role_between_an_organisation_and_a_person():
    text = "Google engineer Wendell Brightwater showed the demo, and IBM Fellow Orla Quince spoke."
    affiliations = affiliations_of(extract_text(text))
    assert ("Wendell Brightwater", "Google") in affiliations
    assert ("Orla Quince", "IBM") in affiliations


def test_no_affiliation_when_the_words_between_are_no_role():
    text = "At Google yesterday Wendell Brightwater (Acme Labs) showed the demo."
    assert ("Wendell Brightwater", "Google") not in affiliations_of(extract_text(text))


def test_a_name_with_a_handle_and_a_role_at_an_unknown_organisation():
    text = (
        "Guests:\n- Idris Okonkwo (@idriso), SRE lead at Fernhill Analytics, who runs the "
        "platform team\n- Petra Lund, developer advocate at Stonecrop Data"
    )
    extraction = extract_text(text)
    assert {"Idris Okonkwo", "Petra Lund"} <= names_of(extraction, EntityType.PERSON)
    affiliations = affiliations_of(extraction)
    assert ("Idris Okonkwo", "Fernhill Analytics") in affiliations
    assert ("Petra Lund", "Stonecrop Data") in affiliations


def test_roles_before_names_are_not_part_of_them():
    text = "Co-chairs Bryan Liles of VMware and Janet Kuo of Google opened the keynotes."
    extraction = extract_text(text)
    people = names_of(extraction, EntityType.PERSON)
    assert {"Bryan Liles", "Janet Kuo"} <= people
    assert not any(p.startswith("Co-chairs") for p in people)


def test_a_list_read_as_one_name_is_no_organisation():
    text = "The specification lets tools work across Istio, Linkerd and Consul without changes."
    orgs = names_of(extract_text(text), EntityType.ORGANIZATION)
    assert not any("," in o or o.endswith(" and") for o in orgs)


def test_a_first_name_of_a_person_is_that_person_not_an_organisation():
    text = (
        "Our guest is Daniel Hoffmann, developer advocate at Stonecrop Data. Later Ines and "
        "Daniel compare notes on the booth experience."
    )
    extraction = extract_text(text)
    assert "Daniel" not in names_of(extraction, EntityType.ORGANIZATION)


def test_employers_where_prose_puts_them():
    extraction = extract_text(
        "Guest: Dr. Lena Fischer, principal engineer, Northwind Traders. Lena previously worked "
        "at Contoso.\n\nThe panel featured Raj Patel (Initech), Mei Chen from Globex and "
        "Northwind's own Tom Becker, moderated by Aisha Bello, VP of Engineering at Umbrella "
        "Corp. Joining them was Carlos Mendes, who leads the SRE team at Hooli."
    )
    assert {
        ("Lena Fischer", "Northwind Traders"),
        ("Raj Patel", "Initech"),
        ("Mei Chen", "Globex"),
        ("Aisha Bello", "Umbrella Corp."),
        ("Carlos Mendes", "Hooli"),
    } <= affiliations_of(extraction)
    assert ("Mei Chen", "Initech") not in affiliations_of(extraction)
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    assert {"Contoso", "Globex", "Hooli"} <= organisations
    assert not any(name.startswith("of ") for name in organisations)


def test_a_company_is_known_by_its_name_without_the_company_word():
    extraction = extract_text(
        "Lena Fischer, principal engineer, Northwind Traders, joined us. Northwind runs 300 "
        "clusters, and Northwind's own Tom Becker leads the platform team."
    )
    assert "Northwind" not in {
        r.names[0].text for r in extraction.entities if r.type == EntityType.ORGANIZATION
    }
    assert ("Tom Becker", "Northwind Traders") in affiliations_of(extraction)


def test_people_listed_each_with_an_organisation_keep_their_own():
    text = (
        "The jury (Ottilie Brandvold of Kestrel Analytics, Emeka Obi from Lantern Freight and "
        "Ruth Ambers, an SRE at Tidewater) met twice."
    )
    extraction = extract_text(text)
    assert "Lantern Freight" not in names_of(extraction, EntityType.PERSON)
    affiliations = affiliations_of(extraction)
    assert ("Emeka Obi", "Lantern Freight") in affiliations
    assert ("Emeka Obi", "Kestrel Analytics") not in affiliations


def test_a_one_word_name_in_a_list_of_organisations_is_one():
    text = "Sponsors this year are Fujitsu, Hitachi, Brightwell and Cybozu."
    assert "Brightwell" in names_of(extract_text(text), EntityType.ORGANIZATION)


def test_a_given_name_makes_a_person_the_recogniser_missed_or_took_for_something_else():
    text = (
        "Questions came from Priya Raman and from Emeka Obi, who runs the platform group. "
        "Later, Yusuf Demir showed a demo."
    )
    people = names_of(extract_text(text), EntityType.PERSON)
    assert {"Emeka Obi", "Yusuf Demir"} <= people


def test_given_names_in_places_and_longer_names_are_no_people():
    text = (
        "We met at Austin Convention Center, walked in Victoria Park, and read the Grace Hopper "
        "Celebration notes. Sponsors include Morgan Stanley Capital."
    )
    people = names_of(extract_text(text), EntityType.PERSON)
    assert not {"Austin Convention", "Victoria Park", "Grace Hopper", "Morgan Stanley"} & people


def test_a_name_before_of_or_from_an_organisation_is_a_person_whatever_the_recogniser_said():
    text = (
        "The track is chaired by Haruto Kimura of Hewlett Packard Enterprise, and Zofia "
        "Lewandowska from the Polish Financial Supervision Authority will talk about policies."
    )
    extraction = extract_text(text)
    people = names_of(extraction, EntityType.PERSON)
    assert {"Haruto Kimura", "Zofia Lewandowska"} <= people
    assert not any("Authority" in p for p in people)
    assert ("Haruto Kimura", "Hewlett Packard Enterprise") in affiliations_of(extraction)


def test_an_organisation_the_recogniser_cut_in_two_is_one():
    text = "Her team at the Danish Maritime Safety Authority moved to Kubernetes last year."
    organisations = names_of(extract_text(text), EntityType.ORGANIZATION)
    assert "Danish" not in organisations


def test_a_contractor_named_before_the_role():
    text = "Sungmin Yoo, an independent contractor based in Lisbon, joined the project in 2021."
    assert "Sungmin Yoo" in names_of(extract_text(text), EntityType.PERSON)


def test_korean_names_in_latin_letters_by_surname_and_romanised_given_name():
    text = "The fix came from Yeonsu Park and Ji-hoon Kim. We walked in Olympic Park."
    people = names_of(extract_text(text), EntityType.PERSON)
    assert {"Yeonsu Park", "Ji-hoon Kim"} <= people
    assert "Olympic Park" not in people


def test_a_talk_title_in_emphasis_names_no_person():
    text = (
        "For example, Ivo Marsh from Fjordbank will be presenting _Managing Valet Deployments "
        "with GitOps at Fjordbank_. Xiaoming Zhang will join him."
    )
    people = names_of(extract_text(text), EntityType.PERSON)
    assert "Managing Valet" not in people
    assert {"Ivo Marsh", "Xiaoming Zhang"} <= people


def test_a_given_name_that_is_a_word_of_the_trade_opens_no_person_where_an_organisation_was_seen():
    text = "Ask your questions on Server Fault or Stack Overflow, or write to Grant Okafor."
    extraction = extract_text(text)
    people = names_of(extraction, EntityType.PERSON)
    assert "Server Fault" not in people
    assert "Grant Okafor" in people


def test_a_relative_clause_with_an_object_is_no_title_before_an_organisation():
    text = (
        "The logo is by Ilse Marwick, who drew it with help from the Fennick Systems design "
        "team. Odile Brand, senior engineer at Fennick Systems, reviewed it."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Ilse Marwick", "Fennick Systems") not in affiliations
    assert ("Odile Brand", "Fennick Systems") in affiliations


def test_a_name_spelled_out_before_its_acronym_is_no_person():
    text = (
        "The policy uses Common Expression Language (CEL) rules, and Grant Okafor (Acme) "
        "wrote them. Ask in #kubernetes-users on Slack."
    )
    extraction = extract_text(text)
    assert "Common Expression Language" not in names_of(extraction, EntityType.PERSON)
    assert "CEL" not in names_of(extraction, EntityType.PERSON)
    assert "kubernetes-users" not in names_of(extraction, EntityType.PROJECT)


def test_speaker_lines_of_a_slide_with_a_role_at_an_organisation():
    text = (
        "Ilse Marwick, Staff SRE @ Porto Data Foundry\n"
        "Odile Brand | Principal Engineer @ Fennick Systems\n"
        "Questions: @imarwick on Slack"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert ("Ilse Marwick", "Porto Data Foundry") in affiliations
    assert ("Odile Brand", "Fennick Systems") in affiliations
    people = [r for r in extraction.entities if r.type == EntityType.PERSON]
    assert len(people) == 2  # the handle spells Ilse Marwick's name
    marwick = next(r for r in people if r.names[0].text == "Ilse Marwick")
    assert "@imarwick" in {n.text for n in (*marwick.names, *marwick.variants)}


def test_organisers_credited_a_title_after_a_name_and_a_city_s_given_name():
    text = (
        "A fireside chat with Sofia Marwick, CNCF Ambassador and Golden Kubestronaut.\n\n"
        "Organizers: Ilse Brand (Fennick Systems), Odile Okafor"
    )
    extraction = extract_text(text, {"author": "KCD Porto organizers"})
    people = names_of(extraction, EntityType.PERSON)
    assert {"Sofia Marwick", "Ilse Brand", "Odile Okafor"} <= people
    assert "Golden Kubestronaut" not in people
    assert ("Ilse Brand", "Fennick Systems") in affiliations_of(extraction)
    assert "KCD Porto" not in names_of(extraction, EntityType.ORGANIZATION)


def test_members_of_a_group_by_its_officers_the_editors_it_credits_and_its_roles():
    text = (
        "Editors: Ilse Brand, Odile Okafor\n\n"
        "Thanks to our release lead, Grant Marwick, and to the SIG Widgets leads, Amara Stone "
        "and Tomas Berg."
    )
    extraction = extract_text(text, {"author": "Kubernetes v1.50 Release Team"})
    affiliations = affiliations_of(extraction)
    for member in ("Ilse Brand", "Odile Okafor", "Grant Marwick"):
        assert (member, "Kubernetes v1.50 Release Team") in affiliations
    assert ("Amara Stone", "SIG Widgets") in affiliations
    assert ("Tomas Berg", "SIG Widgets") in affiliations
    assert ("Amara Stone", "Kubernetes v1.50 Release Team") not in affiliations


def test_the_last_role_of_a_list_at_an_organisation_with_another_named_between():
    text = "Giorgi Marwick, a CNCF Ambassador and SRE at Fennick Bank, opened the day."
    assert ("Giorgi Marwick", "Fennick Bank") in affiliations_of(extract_text(text))


def test_a_company_named_short_after_its_full_name_and_a_unit_the_role_heads():
    text = (
        'Corvane Freight runs four depots. "We needed boring deploys," said Ilka Brandauer, '
        'CTO at Corvane. "Nobody pages us now," said Teodor Wyss, Head of Site Reliability.'
    )
    extraction = extract_text(text)
    assert ("Ilka Brandauer", "Corvane Freight") in affiliations_of(extraction)
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    assert "Corvane" not in organisations and "Corvane." not in organisations
    assert "Site Reliability" not in organisations


def test_a_possessive_after_a_plural_name_and_the_last_role_of_a_coordinated_list():
    text = (
        "Tinder Labs' Maria Verhoeven opened the day. Later Ruslan Petrakov, Quorra's "
        "co-creator and a staff engineer at Hollin Networks, showed the roadmap."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Maria Verhoeven", "Tinder Labs") in affiliations
    assert ("Ruslan Petrakov", "Hollin Networks") in affiliations


def test_surnames_with_particles():
    text = (
        "On the panel, Mirte van der Linden and Paolo di Stefano joined Anouk de Groot, who "
        "moderated."
    )
    people = names_of(extract_text(text), EntityType.PERSON)
    assert {"Mirte van der Linden", "Paolo di Stefano", "Anouk de Groot"} <= people


def test_a_person_who_leads_an_organisation_s_team():
    text = "Ilka Brandauer, who leads Corvane's developer experience team, had the answer."
    extraction = extract_text(text)
    assert ("Ilka Brandauer", "Corvane") in affiliations_of(extraction)


def test_where_people_work_in_lists_brackets_and_executive_titles():
    text = (
        "Moderator Chiara Lombardi, principal analyst at RedMoss Research, opened the panel. "
        "Hosts Owen Gallagher and Ritu Bansal (SRE at Zendesk) sat down with the guests. "
        "Costs fell by a fifth, according to Fernhaus CFO Katrin Albers.\n\n"
        "Panelists:\n\n"
        "- Sofía Herrera, platform lead at Mercado Libre\n"
        "- Ken Tanabe, SRE at Sakura Mobility\n\n"
        "Programme committee:\n\n"
        "- Sigrun Halvorsen, Principal Engineer, Telenor (co-chair)\n"
        "- Oskar Lindqvist, Head of Platform, Ikano Bank\n"
    )
    extraction = extract_text(text)
    assert {
        ("Chiara Lombardi", "RedMoss Research"),
        ("Ritu Bansal", "Zendesk"),
        ("Katrin Albers", "Fernhaus"),
        ("Sofía Herrera", "Mercado Libre"),
        ("Ken Tanabe", "Sakura Mobility"),
        ("Sigrun Halvorsen", "Telenor"),
        ("Oskar Lindqvist", "Ikano Bank"),
    } <= affiliations_of(extraction)
    people = names_of(extraction, EntityType.PERSON)
    assert "Moderator Chiara Lombardi" not in people
    # an organisation's name ends at its line, not in the name on the next one
    assert not any("\n" in o for o in names_of(extraction, EntityType.ORGANIZATION))


def test_a_company_after_its_kind_and_a_colleague_of_the_writer():
    text = (
        "I was a junior SRE at a payments startup called Paylance. Later I met Anouk de Vries, "
        "a product manager at the Dutch insurer Zilverlijn Verzekeringen, and my Allegro "
        "teammate Tomasz Wrona came along."
    )
    extraction = extract_text(text)
    orgs = names_of(extraction, EntityType.ORGANIZATION)
    assert {"Paylance", "Zilverlijn Verzekeringen", "Allegro"} <= orgs
    assert "Zilverlijn Verzekeringen" not in names_of(extraction, EntityType.PERSON)
    pairs = affiliations_of(extraction)
    assert {("Anouk de Vries", "Zilverlijn Verzekeringen"), ("Tomasz Wrona", "Allegro")} <= pairs
    # no kind of company before it: a capitalised word is no company
    assert "Monday" not in names_of(
        extract_text("The bank said on Monday it was fine."), EntityType.ORGANIZATION
    )


def test_a_name_said_to_hold_a_role():
    text = "Ananya Krishnan is a principal engineer at Kitepay. Kubernetes is a container platform."
    extraction = extract_text(text)
    assert ("Ananya Krishnan", "Kitepay") in affiliations_of(extraction)
    assert "Kubernetes" not in names_of(extraction, EntityType.PERSON)


def test_the_head_of_a_company_of_it_and_a_company_apposed_to_the_kind_it_is():
    text = (
        '"Relay is ready," said Ingrid Solberg, co-founder and CEO of Quillstack. Jane Doe, '
        "author of Kubernetes Patterns, agreed. Kwame Mensah, VP of Engineering at Asante Trust "
        "Bank, was there. Nordvik, the Oslo-based networking startup, joined too."
    )
    extraction = extract_text(text)
    pairs = affiliations_of(extraction)
    assert {("Ingrid Solberg", "Quillstack"), ("Kwame Mensah", "Asante Trust Bank")} <= pairs
    orgs = names_of(extraction, EntityType.ORGANIZATION)
    assert "Nordvik" in orgs
    assert not orgs & {"Kubernetes Patterns", "Engineering"}


def test_a_colleague_named_right_after_a_person_works_where_they_work():
    text = (
        "Maren Koch of Zalando and her colleague Jonas Brandt spoke first. "
        "Zalando의 마렌 코흐(Maren Koch)와 동료 요나스 브란트(Jonas Brandt)가 공동 발표했다."
    )
    assert ("Jonas Brandt", "Zalando") in affiliations_of(extract_text(text))


def test_an_organisation_named_with_a_particle_between_its_words():
    text = "The session was by Chiara Bellandi of Politecnico di Milano, on SBOMs."
    extraction = extract_text(text)
    assert ("Chiara Bellandi", "Politecnico di Milano") in affiliations_of(extraction)
    assert "Politecnico" not in names_of(extraction, EntityType.ORGANIZATION)


def test_where_an_organisation_is_or_what_it_is_before_its_name():
    text = (
        "The best question came from Bola Oyelaran, who runs the platform team at Lagos-based "
        "Crestway Bank. Ingrid Solberg, who leads SRE at Norwegian broadcaster NRK, followed. "
        "Jane Doe works at Norwegian Air now."
    )
    extraction = extract_text(text)
    assert {
        ("Bola Oyelaran", "Crestway Bank"),
        ("Ingrid Solberg", "NRK"),
        ("Jane Doe", "Norwegian Air"),
    } <= affiliations_of(extraction)
    assert "Bola Oyelaran" in names_of(extraction, EntityType.PERSON)
    assert "Norwegian" not in names_of(extraction, EntityType.ORGANIZATION)


def test_more_words_that_end_a_company_s_name_and_no_person_s():
    text = (
        "Hana recommends a session by Kenji Murata of Sakura Internet on GPUs, and one by "
        "Meera Pillai of Kaveri Pay."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {("Kenji Murata", "Sakura Internet"), ("Meera Pillai", "Kaveri Pay")} <= affiliations
    assert not {"Sakura Internet", "Kaveri Pay"} & names_of(extraction, EntityType.PERSON)


def test_a_role_or_a_contraction_opening_a_sentence_is_no_part_of_the_name():
    text = (
        "Moderator Adaeze Okafor of Brightmoor is joined by two maintainers.\n\n"
        "We're Zofia Kowalczyk, Mateus Ribeiro and Elif Arslan, the volunteers behind "
        "Cloud Native Gdańsk."
    )
    people = names_of(extract_text(text), EntityType.PERSON)
    assert {"Adaeze Okafor", "Zofia Kowalczyk"} <= people
    assert not any(p.startswith(("Moderator", "We're")) for p in people)


def test_a_given_name_after_an_owner_or_at_the_start_of_a_paragraph_after_a_heading():
    text = (
        "## Keynotes\n\n"
        "Hannah Lindqvist works on Thanos at Quillfeather.\n\n"
        "Sablewood's Fernanda Ruiz walked through node autoprovisioning."
    )
    extraction = extract_text(text)
    assert {"Hannah Lindqvist", "Fernanda Ruiz"} <= names_of(extraction, EntityType.PERSON)
    assert ("Hannah Lindqvist", "Quillfeather") in affiliations_of(extraction)


def test_colleagues_named_by_a_pronoun_and_one_of_someone_s_team():
    text = (
        "Kenji Mori, a staff engineer at Brightmoor, told the story. He credits his teammates "
        "Aiko Sato and Ren Ito for the debugging.\n\n"
        "- Shopify's Lucas Moreau wrote the integration; his colleague Inès Petit "
        "wrote the docs.\n\n"
        "His first hire was Camila Rocha, now Tessaline's head of platform engineering. "
        "Diego Alves, a staff engineer on Rocha's team, wrote the first version."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Aiko Sato", "Brightmoor"),
        ("Ren Ito", "Brightmoor"),
        ("Inès Petit", "Shopify"),
        ("Camila Rocha", "Tessaline"),
        ("Diego Alves", "Tessaline"),
    } <= affiliations


def test_an_unknown_name_owning_a_person_is_their_organisation():
    text = (
        "Sablewood's Lucas Moreau wrote the integration. Here's Jane Doe with a demo. "
        "Tomasz's colleague Marta Nowak came, and Berlin's Anna Schmidt spoke."
    )
    extraction = extract_text(text)
    assert ("Lucas Moreau", "Sablewood") in affiliations_of(extraction)
    assert not names_of(extraction, EntityType.ORGANIZATION) & {"Here", "Tomasz", "Berlin"}


def test_a_given_name_opens_a_person_the_recogniser_called_an_organisation():
    text = (
        "The best conversation of the day happened in the queue at the booth, where I got "
        "talking to Lukas Brandt about running Cilium in air-gapped environments."
    )
    extraction = extract_text(text)
    assert "Lukas Brandt" in names_of(extraction, EntityType.PERSON)
    assert "Lukas Brandt" not in names_of(extraction, EntityType.ORGANIZATION)


def test_people_sharing_an_organisation_after_both_and_a_longer_team_led():
    text = (
        "Ilse Vermeer and Tobias Brandl, both from Corvanta's payments SRE group, built the "
        "plugin. Marit Olsen spoke next. Marit leads the delivery platform team at Sablewood."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Ilse Vermeer", "Corvanta"),
        ("Tobias Brandl", "Corvanta"),
        ("Marit Olsen", "Sablewood"),
    } <= affiliations


def test_credit_lines_after_an_emoji_and_a_bio_line_without_its_subject():
    text = (
        "Meet the speakers:\n\n"
        "👩‍💻 Ilse Vermeer — Staff SRE @ Corvanta\n\n"
        "Ilse has run Kubernetes since 1.4. Previously at Sablewood.\n\n"
        "👨‍💻 Tobias Brandl — Founder, Kesselhaus Labs\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Ilse Vermeer", "Corvanta"),
        ("Ilse Vermeer", "Sablewood"),
        ("Tobias Brandl", "Kesselhaus Labs"),
    } <= affiliations


def test_a_given_name_written_otherwise_than_a_known_project():
    text = "Our case-study track is new. Kaito Yamamoto of Corvanta will walk through batch jobs."
    extraction = extract_text(text)
    assert "Kaito Yamamoto" in names_of(extraction, EntityType.PERSON)
    assert ("Kaito Yamamoto", "Corvanta") in affiliations_of(extraction)


def test_who_clauses_of_work_groups_and_days_spent_somewhere():
    text = (
        "Rafael Nunes, who co-chairs SIG Network, hosted a Q&A. Marit Olsen, who works at "
        "Corvanta and mentors new contributors in SIG Docs, ran a session. Tobias Brandl, who "
        "spends his days on batch scheduling at Sablewood, asked for reviewers. Ilse Vermeer "
        "(formerly of Kesselhaus, now Head of DevRel at Fjordlys) wrote a thread. Anjali Rao "
        "spoke. She flew in from Pune, where she leads the developer platform team at Tessaline."
        "\n\nSelin Aydın, Burak Şahin and Elif Koç lead Cloud Native Porto."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Rafael Nunes", "SIG Network"),
        ("Marit Olsen", "Corvanta"),
        ("Marit Olsen", "SIG Docs"),
        ("Tobias Brandl", "Sablewood"),
        ("Ilse Vermeer", "Kesselhaus"),
        ("Ilse Vermeer", "Fjordlys"),
        ("Anjali Rao", "Tessaline"),
        ("Selin Aydın", "Cloud Native Porto"),
        ("Elif Koç", "Cloud Native Porto"),
    } <= affiliations


def test_a_job_title_after_a_dash_and_where_a_company_is_based_are_no_organisations():
    text = (
        "Please welcome them:\n\n"
        "Deniz Arslan — Staff SRE\n\nDeniz joins the platform group.\n\n"
        "Vo Hoang Nam — Senior Backend Engineer\n\nNam joins payments.\n\n"
        "Yuto Nakamura — Software Engineer\n\nYuto joins search.\n\n"
        "Whitfield introduces Selin Aydın, CTO of Berlin-based Quellwerk GmbH."
    )
    extraction = extract_text(text)
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    assert not {"Staff SRE", "Senior Backend", "Software"} & organisations
    assert ("Selin Aydın", "Quellwerk GmbH") in affiliations_of(extraction)


def test_a_name_apposed_to_a_role_held_somewhere_after_a_sentence_adverb():
    text = (
        "Then Adebayo Okonkwo, a principal engineer at Microsoft, spoke. Quellmark, the "
        "sponsor of the track, paid for lunch. Later Bola Ade, the head of platform at Kobo, "
        "joined us."
    )
    extraction = extract_text(text)
    assert {("Adebayo Okonkwo", "Microsoft"), ("Bola Ade", "Kobo")} <= affiliations_of(extraction)
    people = names_of(extraction, EntityType.PERSON)
    assert not {"Quellmark", "Later Bola Ade"} & people
    assert not {"Adebayo Okonkwo", "Later Bola Ade"} & names_of(extraction, EntityType.ORGANIZATION)


def test_panelists_listed_with_a_role_their_teams_earlier_employers_and_groups_they_run():
    text = (
        "Who was on stage:\n\n"
        "- **Tiago Brandão**, staff engineer on Nubank's platform team\n"
        "- **Femke de Wit**, principal engineer at Adyen, and before that six years at ING\n"
        "- **Rashid Chaudhry**, independent consultant and a regular at the meetup\n"
        "- **Quarry Labs**, which sponsored the coffee\n\n"
        "Ola Nowak (SRE on Allegro's search team) took notes. Ola also co-runs the Krakow "
        "Kubernetes Meetup."
    )
    extraction = extract_text(text)
    assert {
        ("Tiago Brandão", "Nubank"),
        ("Femke de Wit", "Adyen"),
        ("Femke de Wit", "ING"),
        ("Ola Nowak", "Allegro"),
        ("Ola Nowak", "Krakow Kubernetes Meetup"),
    } <= affiliations_of(extraction)
    people = names_of(extraction, EntityType.PERSON)
    assert "Rashid Chaudhry" in people
    assert "Quarry Labs" not in people


def test_an_imperative_a_school_and_a_function_open_or_make_no_name():
    text = (
        "- **Tessellate Labs** (S2) — Backstage plugins. Find Giulia Romano, a platform engineer "
        "at Tessellate Labs.\n"
        "- **Codebridge Academy** (S3) — Kubernetes courses in Portuguese.\n"
        "- **Instituto Superior Técnico** — student volunteers run the information desk.\n\n"
        "Your hosts are Marta Figueiredo and Tomás Rebelo of the Customer Engineering team. "
        "Ana Paiva, who runs Red Hat's consulting practice, is there too."
    )
    extraction = extract_text(text)
    people = names_of(extraction, EntityType.PERSON)
    assert "Giulia Romano" in people
    assert not {"Find Giulia Romano", "Codebridge Academy", "Instituto Superior Técnico"} & people
    assert "Customer Engineering" not in names_of(extraction, EntityType.ORGANIZATION)
    affiliations = affiliations_of(extraction)
    assert {("Giulia Romano", "Tessellate Labs"), ("Ana Paiva", "Red Hat")} <= affiliations


def test_a_move_after_joining_a_company_is_the_person_s():
    text = (
        "We met Priya Raman of Ferrolux Systems.\n\n"
        "- Priya joined Ferrolux after six years at Farfetch and is happy to talk.\n"
        "- Lena said Quillfeather has left the CNCF.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Priya Raman", "Farfetch") in affiliations
    assert not any(o == "CNCF" for _, o in affiliations)


def test_an_organisation_before_a_role_in_apposition_and_one_said_of_both():
    text = (
        "We talked to Jane Doe, a Google engineer, about it. The table is hosted by Rui Sampaio, "
        "a CNCF Ambassador from Porto. Maya Chen and Arjun Patel, both UBC Computer Science "
        "students, built Tern. Sarah Lindgren, herself a UBC alumna, judged. Ann Lee, a Staff "
        "Engineer at Acme, and Bob Roe, the Kubernetes maintainer, came too. Keynotes came from "
        "Cisco's Vijay Pande, IBM Fellow Jason McGill, and others."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {
        ("Jane Doe", "Google"),
        ("Rui Sampaio", "Cloud Native Computing Foundation"),
        ("Maya Chen", "UBC"),
        ("Arjun Patel", "UBC"),
        ("Sarah Lindgren", "UBC"),
        ("Ann Lee", "Acme"),
    } <= affiliations
    assert not any(o in {"Staff", "Kubernetes", "UBC Computer"} for _, o in affiliations)
    assert ("Vijay Pande", "IBM") not in affiliations


def test_a_title_between_the_names_of_a_list_is_no_person():
    text = "We met Jane Doe, a Senior Engineer, and Bob Roe, the Kubernetes maintainer."
    people = names_of(extract_text(text), EntityType.PERSON)
    assert {"Jane Doe", "Bob Roe"} <= people
    assert "Senior Engineer" not in people


def test_a_given_name_before_a_word_of_the_calendar_is_no_person():
    text = "Thanks to Takumi, who translated the docs during Golden Week, and to Grace Kim."
    people = names_of(extract_text(text), EntityType.PERSON)
    assert "Golden Week" not in people
    assert "Grace Kim" in people


def test_a_person_who_splits_their_time_between_two_organisations():
    text = "On stage: Hiroshi Sato, who splits his time between Preferred Networks and WG Serving."
    affiliations = affiliations_of(extract_text(text))
    assert {("Hiroshi Sato", "Preferred Networks"), ("Hiroshi Sato", "WG Serving")} <= affiliations


def test_what_a_relative_clause_says_of_the_organisation_is_not_the_person_s():
    text = (
        "We were paired with Hannah Whitcombe, who works on Cilium at Isovalent (which is now "
        "part of Cisco, as she reminded us). Ravi Menon, who is part of Cisco's team, spoke."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Hannah Whitcombe", "Isovalent") in affiliations
    assert ("Hannah Whitcombe", "Cisco") not in affiliations


def test_who_works_at_a_company_named_after_its_kind_and_a_freelancer_s_cell():
    text = (
        "- **Priscilla Adeyemi**, who runs the platform team at a Lagos fintech called Ayoledger "
        "and invited me to speak.\n\n"
        "| 이름 | 소속 | 트랙 |\n|---|---|---|\n| 손가영 | 프리랜서 테크니컬 라이터 | 입문 |\n"
    )
    extraction = extract_text(text)
    assert ("Priscilla Adeyemi", "Ayoledger") in affiliations_of(extraction)
    assert not any("프리랜서" in o for o in names_of(extraction, EntityType.ORGANIZATION))


def test_a_technical_advisory_group_named_with_and():
    text = (
        "Maya Goldberg, speaking for TAG Security and Compliance, asks every maintainer to sign. "
        "SIG Network and SIG Storage met after."
    )
    extraction = extract_text(text)
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    assert {"TAG Security and Compliance", "SIG Network", "SIG Storage"} <= organisations
    assert "SIG Network and SIG Storage" not in organisations
