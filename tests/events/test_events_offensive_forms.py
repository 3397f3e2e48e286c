"""Forms met in reports of an offensive on a capital, on sentences we wrote: an armed
force marching on a city attacks it; an armed group's leader ordering his own forces
to act is the act; a word inside an actor's name is no event; arms sent with drones are
arms given; blocking a statement is a veto."""

from __future__ import annotations

from coded import codes, events_at

DATE = "2019-04-09"


def test_armed_forces_marching_on_a_city_attack_it(analyse_text):
    result = analyse_text("Haftar's forces marched on Tripoli.", DATE)
    marched = events_at(result, "marched")
    assert marched and marched[0].type == "ASSAULT"
    assert codes(marched[0].source) == ["LBYREB"] and codes(marched[0].target) == ["LBYGOV"]


def test_protesters_marching_on_parliament_still_protest(analyse_text):
    result = analyse_text("Protesters marched on parliament in Tbilisi.", DATE)
    marched = events_at(result, "marched")
    assert marched and marched[0].type == "PROTEST"


def test_a_rebel_leader_ordering_his_own_forces_to_attack_is_the_attack(analyse_text):
    result = analyse_text("Haftar ordered his forces to attack Tripoli.", DATE)
    assert not [e for e in result.events if e.type == "REQUEST"]
    attack = events_at(result, "attack")
    assert attack and attack[0].type == "ASSAULT" and codes(attack[0].source) == ["LBYREB"]


def test_a_word_inside_an_actors_name_is_no_event(analyse_text):
    result = analyse_text(
        "Haftar ordered his forces to march on Tripoli, the seat of the UN-backed Government "
        "of National Accord.",
        DATE,
    )
    assert not events_at(result, "Accord")


def test_weapons_and_drones_sent_are_arms_given(analyse_text):
    result = analyse_text(
        "The United Arab Emirates and Egypt have sent Haftar weapons and drones for years.", DATE
    )
    sent = events_at(result, "sent")
    assert sent and sent[0].type == "AID"
    result = analyse_text("Russia sent swarms of drones across the border.", DATE)
    sent = events_at(result, "sent")
    assert sent and sent[0].type == "ASSAULT"


def test_blocking_a_statement_is_a_veto(analyse_text):
    result = analyse_text("Russia blocked a statement that would have named Haftar.", DATE)
    blocked = events_at(result, "blocked")
    assert blocked and blocked[0].type == "REJECT"


def test_weapons_handed_over_are_goods_not_a_force(analyse_text):
    result = analyse_text("Turkey supplies the GNA with armoured vehicles.", DATE)
    assert not [m for m in result.mentions if "vehicles" in m.text]
    result = analyse_text("Russian drones struck Kyiv overnight.", "2022-11-10")
    assert {m.actor.code for m in result.mentions if "drones" in m.text} == {"RUSMIL"}


def test_a_promise_to_respond_with_force_threatens_the_enemy_the_page_showed(analyse_text):
    result = analyse_text(
        "Haftar's forces attacked Tripoli on Thursday. The GNA said it would respond with force.",
        DATE,
    )
    respond = events_at(result, "respond")
    assert respond and respond[0].type == "THREATEN"
    assert codes(respond[0].target) == ["LBYREB"]


def test_a_place_said_to_be_held_by_a_group_is_taken_from_that_group(analyse_text):
    result = analyse_text(
        "BAGHOUZ, Syria (test wire) - The Syrian Democratic Forces said they had captured "
        "Baghouz, the last scrap of territory held by Islamic State in Syria.",
        "2019-03-23",
    )
    captured = events_at(result, "captured")
    assert captured and captured[0].type == "ASSAULT"
    assert codes(captured[0].source) == ["SYRREB"] and codes(captured[0].target) == ["IMGREB"]


def test_answering_with_an_attack_is_the_answerers_attack(analyse_text):
    result = analyse_text(
        "Iraqi militias fired rockets at the U.S. base at Erbil last month. The militias "
        "will answer within two weeks with another rocket attack on a base in western Iraq.",
        "2021-03-01",
    )
    attack = [e for e in result.events if e.trigger == "attack"]
    assert [e.type for e in attack] == ["ASSAULT"]
    assert [a.code for a in attack[0].source] == ["IRQPRM"]
    assert attack[0].modality.value == "predicted"


def test_rocketing_a_base_is_an_attack_with_heavy_weapons(analyse_text):
    result = analyse_text("Militias rocketed the Balad air base on Monday.", "2021-03-01")
    rocketed = [e for e in result.events if e.trigger == "rocketed"]
    assert [(e.type, e.mode) for e in rocketed] == [("ASSAULT", "heavy-weapons")]


def test_sailing_warships_into_waters_deploys_them(analyse_text):
    result = analyse_text("Ukraine sailed warships into Russian waters.", "2018-11-27")
    sailed = [e for e in result.events if e.trigger == "sailed"]
    assert [(e.type, e.mode) for e in sailed] == [("MOBILIZE", "troops")]
    assert [a.code for a in sailed[0].target] == ["RUS"]


def test_sailing_a_seized_ship_to_port_deploys_no_one(analyse_text):
    result = analyse_text(
        "The Houthis seized a car carrier and were sailing the ship to Hodeidah.", "2023-11-20"
    )
    assert [e for e in result.events if e.trigger == "sailing"] == []


def test_clashes_breaking_out_between_two_forces_are_between_them(analyse_text):
    result = analyse_text(
        "Clashes erupted in Khartoum between the army and the Rapid Support Forces.",
        "2023-04-16",
    )
    clashes = [e for e in result.events if e.trigger == "Clashes"]
    assert [e.type for e in clashes] == ["ASSAULT"]
    assert sorted(a.code for a in clashes[0].source) == ["SDNMIL", "SDNREB"]
    assert sorted(a.code for a in clashes[0].target) == ["SDNMIL", "SDNREB"]


def test_libyan_brigades_of_tripoli_are_known(analyse_text):
    result = analyse_text(
        "Fighting broke out in Tripoli between the 444 Brigade and the Rada force.",
        "2023-08-16",
    )
    named = {m.text: m.actor.name for m in result.mentions if m.actor}
    assert named.get("444 Brigade") == "444 Combat Brigade"
    assert named.get("Rada force") == "Rada Special Deterrence Force"


def test_a_coalition_they_call_by_a_name_is_no_phone_call(analyse_text):
    result = analyse_text(
        "In late February the gangs joined forces in a coalition they call Viv Ansanm.",
        "2024-06-26",
    )
    assert [e for e in result.events if e.trigger == "call"] == []
