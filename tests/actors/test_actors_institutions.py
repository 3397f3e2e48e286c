"""Institutions and forces named by common words, on sentences we wrote: a state body
the base lists under a name other countries also use, police words that open a
sentence, and an unknown officer beside a force whose country is not named."""

from __future__ import annotations


def mentions(result):
    return {(m.text, m.actor.code if m.actor else None) for m in result.mentions}


def code_of(result, text):
    found = [code for t, code in mentions(result) if t == text]
    assert found, (text, mentions(result))
    return found[0]


def test_an_institution_seated_in_another_country_is_that_country_s(analyse_text):
    result = analyse_text("The Ministry of Defence in Moscow said two drones were shot down.")
    assert code_of(result, "The Ministry of Defence") == "RUSMIL"


def test_a_bare_institution_name_on_a_page_about_another_country(analyse_text):
    result = analyse_text(
        "Lula met Bolsonaro's lawyers in Rio de Janeiro on Monday. "
        "The Federal Police said three suspects were detained in Sao Paulo."
    )
    assert code_of(result, "The Federal Police") == "BRACOP"


def test_the_base_s_own_country_keeps_its_institution(analyse_text):
    result = analyse_text(
        "The Federal Police said three suspects were detained in Baghdad and Basra."
    )
    assert code_of(result, "The Federal Police") == "IRQCOP"


def test_a_force_with_its_country_in_its_name_is_not_moved_by_a_place(analyse_text):
    result = analyse_text("The U.S. embassy in Mogadishu condemned the attack.")
    assert code_of(result, "The U.S. embassy") == "USAGOV"


def test_police_words_that_open_a_sentence_are_police(analyse_text):
    result = analyse_text(
        "Gendarmes arrested five men in Bamako. Carabineros detained students in Santiago."
    )
    assert code_of(result, "Gendarmes") == "MLICOP"
    assert code_of(result, "Carabineros") == "CHLCOP"


def test_an_unknown_officer_beside_a_force_of_no_named_country_gets_no_false_country(
    analyse_text,
):
    result = analyse_text("Chief of Army Staff Hemant Varadkar said the army was ready.")
    for text, code in mentions(result):
        if "Varadkar" in text:
            # the army's sector, and no country made of it ("MILCVL" was)
            assert code in (None, "MIL"), code


def test_soldiers_in_power_by_other_words_are_a_junta(analyse_text):
    result = analyse_text(
        "Niger's military rulers expelled the French ambassador. "
        "The ruling military council in Khartoum dissolved the cabinet."
    )
    assert code_of(result, "Niger's military rulers") == "NERMIL"
    assert code_of(result, "ruling military council") == "SDNMIL"


def test_a_government_in_a_named_country_is_that_country_s(analyse_text):
    result = analyse_text("The military government in Niger expelled the French ambassador.")
    assert code_of(result, "military government") == "NERMIL"


def test_forces_a_state_sends_are_that_state_s(analyse_text):
    result = analyse_text(
        "Haitian gangs attacked the airport on Monday. Kenya sent police officers to Port-au-Prince."
    )
    assert code_of(result, "police officers") == "KENCOP"


def test_a_surname_that_is_also_the_place_of_an_act_is_the_place(analyse_text):
    result = analyse_text("JNIM fighters ambushed a convoy near Djibo on Saturday.")
    assert not any("Djibo" in text for text, _ in mentions(result))
    assert any(p.text == "Djibo" and p.country == "BFA" for p in result.places)


def test_a_transnational_group_lends_the_page_no_country(analyse_text):
    result = analyse_text(
        "JNIM fighters ambushed a convoy near Djibo on Saturday and killed 20 soldiers. "
        "The army said it had killed dozens of the attackers."
    )
    assert code_of(result, "army") == "BFAMIL"


def test_a_count_of_people_is_not_a_count_of_states(analyse_text):
    result = analyse_text(
        "Israeli jets struck military sites in Iran on Saturday. "
        "Iran's army said two soldiers were killed."
    )
    assert code_of(result, "soldiers") == "IRNMIL"
    # military sites in a country are that country's forces
    assert code_of(result, "military sites") == "IRNMIL"


def test_equipment_named_by_a_sector_word_is_that_sector_s(analyse_text):
    result = analyse_text(
        "Rebels shot down an army helicopter near Kidal. Protesters stormed government "
        "offices in Bamako."
    )
    assert code_of(result, "army helicopter") == "MLIMIL"
    assert code_of(result, "government offices") == "MLIGOV"


def test_a_people_s_nationality_word_names_its_country(analyse_text):
    result = analyse_text("Syrian Kurds clashed with Turkish troops near Kobani.")
    assert code_of(result, "Kurds") == "SYRCVL"


def test_the_state_department_is_americas_on_a_page_about_another_country(analyse_text):
    result = analyse_text(
        "China launched drills around Taiwan on Thursday. The State Department said it "
        "was deeply concerned.",
        "2024-05-25",
    )
    found = [m.actor.code for m in result.mentions if m.text.endswith("State Department")]
    assert found == ["USAGOV"]


def test_one_who_leads_a_group_is_the_groups(analyse_text, event_triples):
    result = analyse_text(
        "Syrian troops captured the rebel commander near Idlib. Police in Aleppo detained "
        "a militia leader on Tuesday."
    )
    # the group word before the role says whose: not the army a bare "commander" names
    assert code_of(result, "rebel commander") == "SYRREB"
    assert code_of(result, "militia leader") == "SYRPRM"
    assert (("SYRMIL",), "COERCE", ("SYRREB",)) in event_triples(result)
    result = analyse_text("Haitian police arrested a gang leader in Port-au-Prince.")
    assert code_of(result, "gang leader") == "HTIREB"
    # a role with no group word keeps its own sector
    result = analyse_text("The army commander in Idlib said Syrian troops held the town.")
    assert code_of(result, "army commander") == "SYRMIL"


def test_a_title_right_before_a_name_is_the_persons_not_a_second_actor(analyse_text, event_triples):
    # parsed as two subjects, "army chief" and the name: one actor acts
    result = analyse_text(
        "Sudan's army chief Abdel Fattah al-Burhan rejected talks with the RSF.", "2024-05-12"
    )
    assert [m.text for m in result.mentions if m.actor and m.actor.code == "SDNMIL"] == [
        "Abdel Fattah al-Burhan"
    ]
    assert (("SDNMIL",), "REJECT", ("SDNREB",)) in event_triples(result)
    # set off by commas, the title is a mention of its own
    result = analyse_text(
        "Sudan's army chief, Abdel Fattah al-Burhan, rejected talks.", "2024-05-12"
    )
    assert "Sudan's army chief" in {m.text for m in result.mentions}


def test_an_object_pronoun_is_not_the_subject_its_verb_shares(analyse_text):
    # "accused" has no subject of its own: Beijing's, so "it" is Manila
    result = analyse_text(
        "Beijing warned Manila not to provoke China and accused it of acting for Washington.",
        "2024-03-23",
    )
    assert code_of(result, "it") == "PHLGOV"


def test_forces_a_leader_orders_are_that_leaders_states(analyse_text):
    result = analyse_text(
        "China's coast guard fired water cannon at a boat. President Ferdinand Marcos Jr. "
        "ordered the navy to step up patrols.",
        "2024-03-23",
    )
    assert code_of(result, "navy") == "PHLMIL"


def test_a_studio_named_by_its_broadcaster_is_the_broadcasters(analyse_text, event_triples):
    result = analyse_text(
        "Masked gunmen stormed a television studio in Guayaquil. Inmates took prison guards "
        "hostage in Quito.",
        "2024-01-10",
    )
    assert code_of(result, "television studio") == "ECUMED"
    assert code_of(result, "Inmates") == "ECUCVL"


def test_a_plural_in_men_opening_a_wire_lede_is_a_group_noun(analyse_text):
    # after the dateline the tagger takes "Gunmen" for a name
    result = analyse_text(
        "BAMAKO, June 20 - Gunmen killed at least 12 civilians in an attack on a village in "
        "Mali, local officials said.",
        "2022-06-20",
    )
    assert code_of(result, "Gunmen") == "MLIREB"


def test_fighters_of_a_named_group_are_the_groups_whatever_their_nationality(analyse_text):
    result = analyse_text(
        "Rights groups accused Malian troops and Russian fighters of the Wagner group of "
        "executions. An Iraqi lawmaker from the Fatah bloc said the strike was a crime.",
        "2022-06-20",
    )
    assert code_of(result, "Russian fighters") == "RUSPRM"
    assert code_of(result, "Iraqi lawmaker") == "IRQLEG"


def test_positions_named_by_a_nationality_are_that_states_forces(analyse_text, event_triples):
    result = analyse_text("Hezbollah fired anti-tank missiles at Israeli positions near Shtula.")
    assert code_of(result, "Israeli positions") == "ISRMIL"
    assert (("LBNREB",), "ASSAULT", ("ISRMIL",)) in event_triples(result)
