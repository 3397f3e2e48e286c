"""Acts a sentence names back, announces or waits on, on sentences we wrote: a
condemnation of "what he called an attack" or of "the offensive" (read as an adjective)
aims at the attacker; "the strike" as a subject is the strike the page told; warnings of
a danger threaten no one; deployments announced stay deployments; a vow to keep
fighting is a threat; an act awaited "until" it happens is a condition."""

from __future__ import annotations

from sitrep.events.merge import tellings


def events_at(result, trigger):
    """Each telling of an event by ``trigger`` (merged mentions included)."""
    return [t for e in result.events for t in tellings(e) if t.trigger == trigger]


def codes(refs):
    return sorted(a.code[:3] for a in refs)


def test_condemning_what_the_speaker_called_an_attack_targets_the_attacker(analyse_text):
    result = analyse_text(
        "Russian troops attacked Kharkiv on Monday. President Macron condemned what he "
        "called an unprovoked attack."
    )
    found = events_at(result, "condemned")
    assert found and found[0].type == "ACCUSE"
    assert codes(found[0].target) == ["RUS"]


def test_an_offensive_read_as_an_adjective_is_still_the_offensive_told(analyse_text):
    result = analyse_text(
        "Turkey launched an offensive into northern Syria on Wednesday. The Syrian "
        "government called the offensive a flagrant violation of Syrian sovereignty."
    )
    found = events_at(result, "called")
    assert found and found[0].type == "ACCUSE"
    assert codes(found[0].target) == ["TUR"]


def test_the_strike_as_a_subject_is_done_by_whoever_struck(analyse_text):
    result = analyse_text(
        "Israeli jets bombed a building in Beirut on Monday. The strike targeted a "
        "Hezbollah commander."
    )
    found = events_at(result, "targeted")
    assert found and found[0].type == "ASSAULT"
    assert [a.code for a in found[0].source] == ["ISRMIL"]


def test_an_indefinite_strike_as_a_subject_borrows_no_doer(analyse_text):
    result = analyse_text(
        "Israeli jets bombed a building in Beirut on Monday. A strike targeted a Hezbollah "
        "commander in Homs on Tuesday."
    )
    found = events_at(result, "targeted")
    assert found and not found[0].source


def test_a_warning_of_a_danger_threatens_no_one(analyse_text):
    result = analyse_text("Aid agencies warned of a cholera outbreak in Goma.")
    assert not [e for e in result.events if e.type == "THREATEN"]
    famine = analyse_text("The United Nations warned of famine and disease in Gaza.")
    assert not [e for e in famine.events if e.type == "THREATEN"]


def test_a_warning_of_a_response_still_threatens(analyse_text):
    result = analyse_text("Iran warned of a harsh response if Israel attacked its embassy.")
    assert [e.type for e in events_at(result, "warned")] == ["THREATEN"]


def test_a_deployment_announced_by_its_sender_is_a_mobilisation(analyse_text):
    result = analyse_text("The Pentagon said it would send 3,000 more troops to the region.")
    found = events_at(result, "send")
    assert found and found[0].type == "MOBILIZE"
    assert found[0].modality.value == "asserted"


def test_a_vow_to_keep_fighting_is_a_threat(analyse_text):
    result = analyse_text("Hezbollah vowed to keep fighting Israel.")
    found = events_at(result, "vowed")
    assert found and found[0].type == "THREATEN"
    assert codes(found[0].target) == ["ISR"]


def test_an_act_awaited_until_it_happens_is_a_condition(analyse_text):
    result = analyse_text("Hezbollah vowed to keep fighting until Israel ends its war in Gaza.")
    found = events_at(result, "ends")
    assert found and found[0].modality.value == "hypothetical"


def test_an_act_told_until_another_happened_is_told(analyse_text):
    result = analyse_text("The rebels fought until the army withdrew from the town.")
    found = events_at(result, "withdrew")
    assert found and found[0].modality.value == "asserted"


def test_a_second_appeal_after_an_infinitive_is_the_speakers_own(analyse_text):
    result = analyse_text(
        "France and the United States urged Rwanda to withdraw its forces and called on "
        "the M23 rebels to halt their advance."
    )
    urged, called = events_at(result, "urged"), events_at(result, "called")
    assert urged and codes(urged[0].source) == ["FRA", "USA"]
    assert called and called[0].type == "REQUEST"
    assert codes(called[0].source) == ["FRA", "USA"]


def test_a_call_for_a_captives_release_is_addressed_to_the_captors(analyse_text):
    result = analyse_text(
        "Soldiers detained President Bazoum in Niamey on Wednesday. Antony Blinken called "
        "for Bazoum's release."
    )
    called = events_at(result, "called")
    assert called and called[0].type == "REQUEST"
    assert [a.code for a in called[0].target] == ["NERMIL"]
    assert not events_at(result, "release")  # the request's content, not an act of its own


def test_a_release_told_on_its_own_is_done_by_the_captors(analyse_text):
    result = analyse_text(
        "Soldiers detained President Bazoum in Niamey on Wednesday. Bazoum's release on "
        "Friday surprised diplomats."
    )
    release = events_at(result, "release")
    assert release and [a.code for a in release[0].source] == ["NERMIL"]


def test_a_demand_for_a_release_with_no_captor_told_names_the_captives(analyse_text):
    result = analyse_text("The United Nations demanded the release of the Reuters journalists.")
    found = events_at(result, "demanded")
    assert found and [a.code[3:] for a in found[0].target] == ["MED"]


def test_an_agentless_coercion_does_not_retell_one_of_another_kind(analyse_text):
    result = analyse_text(
        "General Tchiani detained President Bazoum on Wednesday. The borders have been "
        "closed since the coup."
    )
    closed = events_at(result, "closed")
    assert not any(a.code.endswith("ELI") for e in closed for a in e.target)


def test_not_going_to_do_an_act_is_negated(analyse_text):
    result = analyse_text("Hamas is not going to release the hostages.")
    found = events_at(result, "release")
    assert found and found[0].modality.value == "negated"


def test_a_sanction_its_actor_says_is_coming_is_the_sanction(analyse_text):
    result = analyse_text(
        "The United States announced on Wednesday that it would prohibit all aid to "
        "Albanian rebels in Macedonia."
    )
    assert [e.type for e in events_at(result, "prohibit")] == ["SANCTION"]


def test_a_sanction_promised_is_still_a_threat(analyse_text):
    result = analyse_text("Biden promised further sanctions against Russia on Tuesday.")
    assert [e.type for e in events_at(result, "promised")] == ["THREATEN"]


def test_a_states_territory_stands_for_the_state(analyse_text):
    airspace = analyse_text("Russian jets violated Turkish airspace on Monday.")
    found = events_at(airspace, "violated")
    assert found and codes(found[0].target) == ["TUR"]
    entered = analyse_text("Turkish troops entered Syrian territory on Wednesday.")
    found = events_at(entered, "entered")
    assert found and codes(found[0].target) == ["SYR"]


def test_repelling_the_assault_is_aimed_at_the_assailants(analyse_text):
    result = analyse_text(
        "On Tuesday the RSF overran the city's eastern neighbourhoods. The Sudanese army "
        "says it repelled the assault.",
        date="2024-06-14",
    )
    found = events_at(result, "repelled")
    assert found and [a.code for a in found[0].target] == ["SDNREB"]


def test_setting_a_place_on_fire_or_ablaze_is_an_attack_on_it(analyse_text):
    fire = analyse_text("Rebel fighters set the Abu Shouk market on fire in El Fasher.")
    assert [e.type for e in events_at(fire, "set")] == ["ASSAULT"]
    ablaze = analyse_text("Gunmen set two police cars ablaze in Kut.")
    found = events_at(ablaze, "set")
    assert found and [a.code[3:] for a in found[0].target] == ["COP"]


def test_asking_someone_for_something_is_a_request_to_them(analyse_text):
    result = analyse_text("The Afghan government asked Washington for more help.")
    found = events_at(result, "asked")
    assert found and [a.code for a in found[0].target] == ["USAGOV"]


def test_a_demand_that_someone_act_is_addressed_to_them(analyse_text):
    result = analyse_text("Baku issued a demand that Armenia change its constitution.")
    found = events_at(result, "demand")
    assert found and found[0].type == "REQUEST"
    assert codes(found[0].target) == ["ARM"]


def test_a_call_reiterated_is_the_call(analyse_text):
    result = analyse_text("Iran reiterated its call for an immediate ceasefire in Gaza.")
    assert [e.type for e in events_at(result, "call")] == ["REQUEST"]


def test_the_speakers_own_side_named_as_an_owner_is_no_recipient(analyse_text):
    result = analyse_text(
        "Azerbaijan's foreign minister, Jeyhun Bayramov, welcomed the breakthrough but "
        "repeated Baku's demand that Armenia drop a reference to Nagorno-Karabakh.",
        date="2025-03-13",
    )
    found = events_at(result, "welcomed")
    assert found and not any(a.code == "AZEGOV" for a in found[0].target)


def test_a_subject_interrupted_by_a_clause_still_acts(analyse_text):
    result = analyse_text(
        "The ELN killed nine soldiers in Arauca on Thursday. Venezuela, which has hosted "
        "the negotiations, called on both sides to return to the table.",
        date="2025-01-17",
    )
    found = events_at(result, "called")
    assert found and codes(found[0].source) == ["VEN"]


def test_people_at_work_who_strike_stop_work(analyse_text):
    doctors = analyse_text("Doctors in Kenya will strike next week.", date="2024-06-25")
    found = events_at(doctors, "strike")
    assert found and (found[0].type, found[0].mode) == ("PROTEST", "strike")
    staged = analyse_text("Dock workers staged a strike at the port of Mombasa.")
    assert [e.type for e in events_at(staged, "strike")] == ["PROTEST"]


def test_fighters_who_strike_attack(analyse_text):
    result = analyse_text("Rebels struck an army post at dawn.")
    assert [e.type for e in events_at(result, "struck")] == ["ASSAULT"]


def test_an_assault_they_could_try_is_an_assault_not_yet_made(analyse_text):
    result = analyse_text(
        "The Russians could try an amphibious assault on Odesa within days.",
        date="2022-03-02",
    )
    found = events_at(result, "assault")
    assert found and found[0].type == "ASSAULT"
    assert found[0].modality.value != "asserted"


def test_people_killed_in_a_citys_square_are_that_countrys(analyse_text):
    result = analyse_text(
        "Ukrainian officials say Russian shelling killed at least 21 people in Kharkiv's "
        "Freedom Square.",
        date="2022-03-02",
    )
    found = events_at(result, "killed")
    assert found and [a.code for a in found[0].target] == ["UKRCVL"]


def test_launching_what_one_calls_a_military_operation_is_an_assault(analyse_text):
    result = analyse_text(
        "Russia launched what it called a special military operation in Ukraine.",
        date="2022-02-24",
    )
    found = events_at(result, "operation")
    assert found and found[0].type == "ASSAULT"
    assert codes(found[0].source) == ["RUS"] and codes(found[0].target) == ["UKR"]


def test_a_bare_operation_is_no_event(analyse_text):
    result = analyse_text("The hospital completed a difficult operation on Monday.")
    assert not events_at(result, "operation")


def test_people_captured_are_detained_places_captured_are_taken(analyse_text):
    people = analyse_text("Russian forces captured three Ukrainian soldiers near Bakhmut.")
    found = events_at(people, "captured")
    assert found and (found[0].type, found[0].mode) == ("COERCE", "arrest")
    town = analyse_text("M23 rebels captured the town of Sake on Thursday.")
    assert [e.type for e in events_at(town, "captured")] == ["ASSAULT"]


def test_describing_someone_as_a_criminal_accuses_them(analyse_text):
    result = analyse_text("Dagalo described the army chief as a criminal.", date="2023-04-20")
    found = events_at(result, "described")
    assert found and found[0].type == "ACCUSE"
    assert [a.code for a in found[0].target] == ["SDNMIL"]


def test_a_town_surrounded_by_fighters_is_under_attack(analyse_text):
    result = analyse_text(
        "The MNDAA said its fighters had surrounded Lashio, the largest city in northern "
        "Shan state.",
        date="2024-07-25",
    )
    assert [e.type for e in events_at(result, "surrounded")] == ["ASSAULT"]


def test_a_denial_about_ones_own_army_answers_the_accuser(analyse_text):
    result = analyse_text(
        "Residents said the army bombed a village in Sagaing on Wednesday. The junta's "
        "spokesman denied that the army had targeted civilians.",
        date="2024-07-25",
    )
    found = events_at(result, "denied")
    assert found and not any(a.code.endswith("MIL") for a in found[0].target)


def test_two_acts_sharing_one_object_both_reach_it(analyse_text):
    result = analyse_text(
        "The Philippines accused China's coast guard of ramming and boarding a Philippine "
        "navy supply boat.",
        date="2024-06-17",
    )
    rammed = events_at(result, "ramming")
    assert rammed and [a.code for a in rammed[0].target] == ["PHLMIL"]


def test_people_armed_with_knives_were_given_nothing(analyse_text):
    result = analyse_text("Coast guard personnel armed with knives seized two rifles.")
    assert not [e for e in result.events if e.type == "AID"]
    given = analyse_text("The Houthis, armed by Iran, fired missiles at ships.")
    assert [e.type for e in events_at(given, "armed")] == ["AID"]


def test_a_speech_act_after_a_comma_and_is_the_speakers(analyse_text):
    result = analyse_text(
        "Beijing said its coast guard had taken control measures against vessels that "
        "intruded into Chinese waters, and blamed Manila for the confrontation.",
        date="2024-06-17",
    )
    found = events_at(result, "blamed")
    assert found and [a.code for a in found[0].source] == ["CHNGOV"]


def test_paying_for_it_is_a_threat_by_the_speaker(analyse_text):
    result = analyse_text(
        "Netanyahu said Iran had made a big mistake and would pay for it.", date="2024-10-01"
    )
    found = events_at(result, "pay")
    assert found and found[0].type == "THREATEN"
    assert [a.code for a in found[0].source] == ["ISRGOV"] and codes(found[0].target) == ["IRN"]


def test_closing_ones_own_embassy_abroad_is_a_sanction_on_the_host(analyse_text):
    result = analyse_text("Canada closed its embassy in Tehran.")
    found = events_at(result, "closed")
    assert found and found[0].type == "SANCTION" and codes(found[0].target) == ["IRN"]


def test_two_nationality_adjectives_name_two_states(analyse_text):
    result = analyse_text("Saudi Arabia hosted Ukrainian and Russian delegations in Jeddah.")
    found = events_at(result, "hosted")
    assert found and codes(found[0].target) == ["RUS", "UKR"]


def test_naming_someone_to_an_office_backs_them(analyse_text):
    result = analyse_text(
        "Haiti's transitional council on Sunday named Alix Didier Fils-Aime as prime minister.",
        date="2024-11-11",
    )
    assert [e.type for e in events_at(result, "named")] == ["SUPPORT"]


def test_people_accused_of_an_act_are_its_accused(analyse_text):
    result = analyse_text(
        "Washington imposed sanctions on two Haitian politicians accused of financing gangs.",
        date="2024-11-11",
    )
    found = events_at(result, "accused")
    assert found and not found[0].source
    assert [a.code for a in found[0].target] == ["HTIGOV"]


def test_an_oath_of_office_announces_nothing(analyse_text):
    result = analyse_text(
        "The council was sworn in at the end of April, and it picked Garry Conille as "
        "prime minister.",
        date="2024-06-26",
    )
    assert not [e for e in result.events if e.type == "AGREE"]


def test_foretelling_someone_will_be_punished_threatens_them(analyse_text):
    result = analyse_text('Khamenei said Israel "will be punished".', date="2024-04-03")
    found = events_at(result, "punished")
    assert found and found[0].type == "THREATEN"
    assert [a.code for a in found[0].source] == ["IRNGOV"] and codes(found[0].target) == ["ISR"]


def test_foretelling_ones_own_troops_will_be_sent_threatens_no_one(analyse_text):
    result = analyse_text(
        "U.S. officials said 3,000 more soldiers would be sent to the region.",
        date="2020-01-03",
    )
    assert not [e for e in result.events if e.type == "THREATEN"]


def test_a_ceasefire_agreed_to_or_called_for_is_the_acts_content(analyse_text):
    agreed = analyse_text("Hamas and Israel agreed to a ceasefire in Gaza.")
    assert [e.type for e in agreed.events] == ["AGREE"]
    called = analyse_text("The United Nations called for a ceasefire in Gaza.")
    assert [e.type for e in called.events] == ["REQUEST"]


def test_vowing_to_confront_an_offensive_threatens_its_doer(analyse_text):
    result = analyse_text(
        "Turkey launched an offensive into Syria. The Syrian foreign ministry called the "
        "offensive a flagrant violation and vowed to confront it by all legitimate means.",
        date="2019-10-10",
    )
    found = events_at(result, "vowed")
    assert found and found[0].type == "THREATEN" and codes(found[0].target) == ["TUR"]


def test_a_demand_for_an_inquiry_is_addressed_to_the_government_that_must_answer(analyse_text):
    forces = analyse_text(
        "Security forces shot dead 40 protesters in Nasiriyah. Amnesty International "
        "demanded an independent investigation.",
        date="2019-11-29",
    )
    found = events_at(forces, "demanded")
    assert found and [a.code for a in found[0].target] == ["IRQGOV"]
    rebels = analyse_text(
        "Jihadists killed 200 villagers in Barsalogho. Human Rights Watch demanded an inquiry.",
        date="2024-08-28",
    )
    found = events_at(rebels, "demanded")
    assert found and [a.code for a in found[0].target] == ["BFAGOV"]


def test_an_act_named_again_by_its_noun_as_the_subject_of_its_course_has_its_doers(
    analyse_text,
):
    result = analyse_text(
        "Turkish jets shelled Kurdish positions on Monday. The shelling continued overnight, "
        "residents said."
    )
    found = [t for e in result.events for t in tellings(e) if t.trigger == "shelling"]
    assert found and [a.code for a in found[0].source] == ["TURMIL"]


def test_a_noun_of_another_word_borrows_no_doer(analyse_text):
    result = analyse_text(
        "Turkish jets shelled Kurdish positions on Monday. The bombing continued overnight, "
        "residents said."
    )
    found = [t for e in result.events for t in tellings(e) if t.trigger == "bombing"]
    assert not found or not found[0].source


def test_a_vow_to_continue_a_battle_against_someone_threatens_them(analyse_text):
    result = analyse_text("Hezbollah vowed to continue its battle against Israel.")
    vowed = [e for e in result.events if e.trigger == "vowed"]
    assert vowed and vowed[0].type == "THREATEN"
    assert [a.code for a in vowed[0].target] == ["ISR"]


def test_a_vow_to_continue_the_fight_against_corruption_threatens_no_one(analyse_text):
    result = analyse_text("Ukraine's president vowed to continue the fight against corruption.")
    assert not [e for e in result.events if e.type == "THREATEN"]


def test_jets_that_kept_up_attacks_are_their_doers(analyse_text):
    result = analyse_text("Israeli jets kept up attacks on southern Lebanon overnight.")
    attacks = [e for e in result.events if e.type == "ASSAULT"]
    assert attacks and [a.code for a in attacks[0].source] == ["ISRMIL"]
