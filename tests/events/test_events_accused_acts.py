"""Whose act a verbal reaction is aimed at, on sentences we wrote: an investigation into
crimes "committed by" someone, a complaint "over" someone's raids (even when it is made
"to" a third party), a denunciation whose object the parse hangs from its "as" phrase,
demands owned by their makers, and forces mobilised "for a war against" an enemy."""

from __future__ import annotations


def events_at(result, trigger):
    return [e for e in result.events if e.trigger == trigger]


def target_countries(event):
    return sorted(a.code[:3] for a in event.target)


def test_an_investigation_into_crimes_committed_by_a_force_targets_that_force(analyse_text):
    result = analyse_text(
        "Bosnian prosecutors opened an investigation into killings committed by Serbian "
        "paramilitaries near Srebrenica."
    )
    found = [e for e in result.events if e.type == "ACCUSE"]
    assert found and "SRB" in target_countries(found[0])


def test_a_participle_without_an_agent_names_no_target(analyse_text):
    result = analyse_text(
        "Bosnian prosecutors opened an investigation into killings reported in May."
    )
    found = [e for e in result.events if e.type == "ACCUSE"]
    assert found and not found[0].target


def test_a_complaint_over_raids_targets_the_raider_not_only_the_addressee(analyse_text):
    alone = analyse_text("Syria complained bitterly over the Turkish air strikes.")
    found = events_at(alone, "complained")
    assert found and found[0].type == "ACCUSE" and target_countries(found[0]) == ["TUR"]
    told = analyse_text(
        "Syria complained to the Security Council on Monday over the Turkish air strikes."
    )
    found = events_at(told, "complained")
    assert found and "TUR" in target_countries(found[0])


def test_an_object_after_an_as_phrase_is_the_object(analyse_text, nlp):
    sentence = "Norway denounced as a grave crime Russia's bombing of the hospital."
    bombing = next(t for t in nlp(sentence) if t.text == "bombing")
    assert bombing.dep_ == "dobj" and bombing.head.text == "denounced"
    found = events_at(analyse_text(sentence), "denounced")
    assert found and found[0].type == "ACCUSE" and target_countries(found[0]) == ["RUS"]


def test_an_as_phrase_with_its_own_object_is_left_alone(nlp):
    doc = nlp("Officials described the raid as a success.")
    raid = next(t for t in doc if t.text == "raid")
    assert raid.dep_ == "dobj" and raid.head.text == "described"


def test_meeting_someones_demands_concerns_their_makers(analyse_text):
    result = analyse_text("The ministry refused to meet the kidnappers' demands.")
    found = [e for e in result.events if e.type in ("REJECT", "CONCEDE")]
    assert any([a.code[-3:] for a in e.target] == ["REB"] for e in found)


def test_a_hyphenated_sector_noun_is_an_actor(analyse_text):
    result = analyse_text("Police in Manila said the hostage-takers released two nurses.")
    assert any(m.text == "hostage-takers" and m.actor.code.endswith("REB") for m in result.mentions)


def test_forces_mobilised_for_a_war_against_a_state_target_it(analyse_text):
    result = analyse_text("Greece mobilised its reservists for a war against Turkey in 1974.")
    found = [e for e in result.events if e.type == "MOBILIZE"]
    assert found and target_countries(found[0]) == ["TUR"]
    plain = analyse_text("Greece mobilised its reservists on Monday.")
    found = [e for e in plain.events if e.type == "MOBILIZE"]
    assert found and not found[0].target


def test_a_truce_brokered_by_a_mediator_is_not_the_mediators_act(analyse_text):
    result = analyse_text("The rebels accepted a truce brokered by Norwegian diplomats.")
    accepted = [e for e in result.events if e.type == "AGREE"]
    assert accepted and all(a.code[:3] != "NOR" for a in accepted[0].target)


def test_a_speaker_closing_the_sentence_says_it(analyse_text, nlp):
    sentence = (
        "Serbian police are failing to protect the homes of Roma families, "
        "an Amnesty researcher charged on Monday."
    )
    doc = nlp(sentence)
    charged = next(t for t in doc if t.text == "charged")
    assert charged.dep_ == "ROOT" and len(list(doc.sents)) == 1
    assert next(t for t in doc if t.text == "researcher").head.i == charged.i
    found = events_at(analyse_text(sentence), "charged")
    assert found and found[0].type == "ACCUSE"
    assert found[0].modality.value == "asserted"  # "failing" belongs to what is said
    assert [a.code for a in found[0].target] == ["SRBCOP"]


def test_a_protest_said_after_its_content_is_an_accusation(analyse_text):
    result = analyse_text("The army is shelling our villages, the Karen union protested.")
    found = events_at(result, "protested")
    assert found and found[0].type == "ACCUSE"
    march = analyse_text("Thousands protested in Yangon on Sunday, witnesses said.")
    assert [e.type for e in events_at(march, "protested")] == ["PROTEST"]


def test_sworn_to_fight_is_a_threat_and_sworn_in_is_no_event(analyse_text, nlp):
    doc = nlp("The militia has sworn to fight until the last village is free.")
    assert next(t for t in doc if t.text == "fight").dep_ == "xcomp"
    result = analyse_text("The militia has sworn to fight until the last village is free.")
    assert [e.type for e in events_at(result, "sworn")] == ["THREATEN"]
    inaugurated = analyse_text("Ruto was sworn in as president of Kenya on Tuesday.")
    assert events_at(inaugurated, "sworn") == []


def test_aid_cut_or_banned_to_someone_is_a_sanction_on_them(analyse_text):
    cut = analyse_text("Sweden cut development aid to Uganda after the vote.")
    found = [e for e in cut.events if e.type == "SANCTION"]
    assert found and target_countries(found[0]) == ["UGA"]
    ties = analyse_text("Morocco cut diplomatic ties with Iran in May.")
    found = [e for e in ties.events if e.type == "SANCTION"]
    assert found and target_countries(found[0]) == ["IRN"]
    banned = analyse_text("Norway banned all arms sales to Saudi Arabia.")
    found = events_at(banned, "banned")
    assert found and found[0].type == "SANCTION" and target_countries(found[0]) == ["SAU"]


def test_homes_and_shops_with_no_owner_named_are_the_civilians(analyse_text):
    burned = analyse_text(
        "Rebels burned dozens of homes in Beni, Congo, on Sunday, officials said."
    )
    found = events_at(burned, "burned")
    assert found and [a.code for a in found[0].target] == ["CODCVL"]
    looted = analyse_text("The market in Goma was looted overnight.")
    found = events_at(looted, "looted")
    assert found and [a.code for a in found[0].target] == ["CODCVL"]
    owned = analyse_text("Police raided the opposition party's offices in Kinshasa.")
    found = events_at(owned, "raided")
    assert found and not any(a.code.endswith("CVL") for a in found[0].target)


def test_a_country_after_a_town_is_where_not_who(analyse_text):
    result = analyse_text("Gunmen attacked a church in Kaya, Burkina Faso, on Sunday.")
    assert "BFA" not in [m.actor.code for m in result.mentions]
    attacked = events_at(result, "attacked")
    assert attacked and [a.code for a in attacked[0].target] == ["BFACVL"]


def test_a_nationality_word_before_an_actor_is_no_actor_of_its_own(analyse_text):
    result = analyse_text("Islamist insurgents stormed the town of Palma.")
    assert [m.text for m in result.mentions] == ["insurgents"]


def test_an_attack_on_a_base_that_killed_soldiers_was_made_by_its_claimant(analyse_text):
    result = analyse_text(
        "The rebels claimed a rocket attack on an army post in Dori that killed four soldiers."
    )
    killed = events_at(result, "killed")
    assert killed and [a.code[-3:] for a in killed[0].source] == ["REB"]
    assert any(m.text == "army post" and m.actor.code.endswith("MIL") for m in result.mentions)


def test_a_speaker_who_said_something_and_ordered_something_did_both(analyse_text, nlp):
    sentence = (
        'President Ruto said the raid "is an act of war" and ordered the army to secure the border.'
    )
    ordered = next(t for t in nlp(sentence) if t.text == "ordered")
    assert ordered.head.text == "said"
    found = events_at(analyse_text(sentence), "ordered")
    assert found and found[0].type == "REQUEST"
    assert [a.code for a in found[0].source] == ["KENGOV"]
    # a told past act keeps its own subject ("the army ... killed")
    told = nlp("He said the army attacked the town and killed 20 people.")
    assert next(t for t in told if t.text == "killed").head.text == "attacked"


def test_blaming_someone_for_an_act_reports_the_act_as_theirs(analyse_text):
    result = analyse_text(
        "The ministry in Baku blamed Armenian forces for the shelling of Ganja on Sunday."
    )
    shelling = events_at(result, "shelling")
    assert shelling and shelling[0].type == "ASSAULT"
    assert [a.code for a in shelling[0].source] == ["ARMMIL"]
    assert shelling[0].modality.value == "reported"


def test_blame_for_what_is_no_event_reports_no_act(analyse_text):
    result = analyse_text("Azerbaijan's government blamed Armenia for the delay in the talks.")
    assert [e for e in result.events if e.type == "ACCUSE"]
    assert not [e for e in result.events if e.trigger == "delay"]
