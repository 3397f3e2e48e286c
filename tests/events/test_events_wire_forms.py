"""Wire-copy forms the coder used to miss, each on sentences we wrote: repeated verbs
("reimposed"), counts led by "up to", participles of state ("is opposed to"), weapons
between a nationality and an event noun ("US drone strikes"), crowds that gather for an
event noun, diplomatic protests, alerts, and how sure a doer-only act is."""

from __future__ import annotations

import pytest

from sitrep.events.syntax import is_passive, is_stative


def triples(result):
    return {
        (tuple(sorted(a.code for a in e.source)), e.type, tuple(sorted(a.code for a in e.target)))
        for e in result.events
    }


def by_trigger(result, trigger):
    return [e for e in result.events if e.trigger == trigger]


def test_a_repeated_verb_reads_as_the_verb_it_repeats(analyse_text):
    result = analyse_text("Israel reimposed a blockade on the West Bank on Friday.")
    events = by_trigger(result, "reimposed")
    assert events and events[0].type == "COERCE"
    assert [a.code for a in events[0].source] == ["ISR"]
    redeployed = analyse_text("The Turkish army redeployed troops to the border.")
    assert [e.type for e in by_trigger(redeployed, "redeployed")] == ["MOBILIZE"]


def test_a_look_alike_prefix_is_not_a_repetition(resources):
    book = resources.patterns
    assert book.fix_lemma("reimposed", "reimpose") == "impose"
    assert book.fix_lemma("reclaimed", "reclaim") == "reclaim"  # not a second "claim"
    assert book.fix_lemma("resided", "reside") == "reside"
    assert book.fix_lemma("rejected", "reject") == "reject"  # the book has it


def test_a_count_led_by_up_to_is_the_object(analyse_text, nlp):
    doc = nlp("Rebels kidnapped up to 16 Russian advisers from a bazaar.")
    advisers = next(t for t in doc if t.text == "advisers")
    assert advisers.dep_ == "dobj" and advisers.head.text == "kidnapped"
    result = analyse_text("Afghan rebels kidnapped up to 16 Russian advisers from a bazaar.")
    kidnapped = by_trigger(result, "kidnapped")
    assert kidnapped and [a.code[:3] for a in kidnapped[0].target] == ["RUS"]


def test_a_verb_with_its_own_object_keeps_its_parse(nlp):
    doc = nlp("Police arrested three men up to the border.")
    men = next(t for t in doc if t.text == "men")
    assert men.dep_ == "dobj"
    assert next(t for t in doc if t.text == "border").dep_ == "pobj"


@pytest.mark.parametrize(
    "sentence, verb",
    [
        ("Israel is opposed to French mediation.", "opposed"),
        ("Vietnam is committed to opening up its economy.", "committed"),
        ("Serb forces were engaged in ethnic cleansing.", "engaged"),
    ],
)
def test_a_participle_of_state_is_not_passive(nlp, sentence, verb):
    token = next(t for t in nlp(sentence) if t.text == verb)
    assert is_stative(token) and not is_passive(token)


def test_a_participle_with_an_agent_stays_passive(nlp):
    token = next(t for t in nlp("The plan was opposed by the army.") if t.text == "opposed")
    assert is_passive(token) and not is_stative(token)


def test_the_state_in_a_stative_clause_is_the_doer(analyse_text):
    result = analyse_text("Israel is opposed to French mediation in the talks with Syria.")
    assert (("ISR",), "REJECT", ("FRA",)) in triples(result)
    engaged = analyse_text("Serb forces were engaged in ethnic cleansing against Albanians.")
    cleansing = by_trigger(engaged, "cleansing")
    assert cleansing and [a.code for a in cleansing[0].source] == ["SRBMIL"]


def test_a_nationality_before_the_weapon_names_the_doer(analyse_text):
    result = analyse_text("US drone strikes killed eight al-Qaeda fighters in Yemen.")
    killed = by_trigger(result, "killed")
    assert killed and [a.code for a in killed[0].source] == ["USAMIL"]
    assert [a.code for a in killed[0].target] == ["IMGREB"]
    missiles = analyse_text("Russian missile strikes hit Kyiv overnight.")
    hit = by_trigger(missiles, "hit")
    assert hit and [a.code for a in hit[0].source] == ["RUSMIL"]


def test_people_who_gather_for_a_protest_hold_it(analyse_text):
    result = analyse_text("Thousands of students gathered for a protest against the government.")
    protests = [e for e in result.events if e.type == "PROTEST"]
    assert protests and all(e.source for e in protests)
    nothing = analyse_text("The minister arrived for a meeting in Lagos.")
    assert not [e for e in nothing.events if e.trigger == "meeting" and e.source]


def test_a_protest_made_to_a_state_is_an_accusation(analyse_text):
    result = analyse_text("China protested to Japan over the visit to the shrine.")
    assert (("CHN",), "ACCUSE", ("JPN",)) in triples(result)
    street = analyse_text("Thousands of Kenyans protested against the finance bill in Nairobi.")
    assert "PROTEST" in {e.type for e in street.events}


def test_forces_kept_on_alert_are_mobilised(analyse_text):
    result = analyse_text("Israeli troops remained on high alert in the West Bank.")
    assert ("MOBILIZE", ("ISRMIL",)) in {
        (e.type, tuple(a.code for a in e.source)) for e in result.events
    }


def test_workers_who_stop_work_are_on_strike(analyse_text):
    result = analyse_text("Dock workers stopped work in Mombasa on Monday over unpaid wages.")
    assert any(e.type == "PROTEST" and e.mode == "strike" for e in result.events)


def test_an_act_that_has_no_recipient_is_not_less_sure_for_lacking_one(analyse_text):
    result = analyse_text("The prime minister resigned on Sunday to allow new elections.")
    resigned = by_trigger(result, "resigned")
    allow = by_trigger(result, "allow")
    assert resigned and resigned[0].type == "RETREAT"
    assert not allow or resigned[0].confidence > allow[0].confidence
    attack = analyse_text("Gunmen opened fire in the market.")
    fired = by_trigger(attack, "opened")
    assert fired and fired[0].confidence < 0.85  # an attack has a target; none is named


def test_goods_confiscated_from_a_group_make_it_the_recipient(analyse_text):
    result = analyse_text(
        "Palestinian police confiscated weapons from Palestinian armed groups in Jericho."
    )
    assert (("PSECOP",), "COERCE", ("PSEREB",)) in triples(result)


def test_vowing_to_continue_an_offensive_is_a_threat(analyse_text):
    result = analyse_text("The defence minister vowed to continue the offensive against Hamas.")
    assert "THREATEN" in {e.type for e in result.events if e.trigger == "vowed"}


def test_a_force_that_strikes_back_strikes_whoever_attacked_its_country(analyse_text):
    result = analyse_text(
        "Hezbollah fired rockets at northern Israel, and the Israeli army struck back."
    )
    struck = by_trigger(result, "struck")
    assert struck and [a.code for a in struck[0].target] == ["LBNREB"]


def test_airstrikes_on_a_capital_hit_the_city(analyse_text):
    result = analyse_text("The Saudi-led coalition launched airstrikes on Sanaa on Friday.")
    strikes = [e for e in result.events if e.type == "ASSAULT"]
    assert strikes and all(a.code == "YEM" for e in strikes for a in e.target)


def test_ordering_foreign_troops_out_is_an_expulsion(analyse_text):
    result = analyse_text("Niger's junta ordered the last French troops out of the country.")
    ordered = by_trigger(result, "ordered")
    assert ordered and ordered[0].type == "SANCTION" and ordered[0].mode == "expel"
    assert [a.code for a in ordered[0].target] == ["FRAMIL"]


def test_taking_a_regional_capital_is_an_assault(analyse_text):
    result = analyse_text("The jihadists will take another regional capital by Christmas.")
    take = by_trigger(result, "take")
    assert take and take[0].type == "ASSAULT" and take[0].modality.value == "predicted"


def test_the_antecedent_of_which_does_what_it_is_accused_of(analyse_text):
    result = analyse_text("Mali blamed Ukraine, which it accused of helping the rebels.")
    helping = by_trigger(result, "helping")
    assert helping and [a.code for a in helping[0].source] == ["UKR"]


def test_a_threat_s_own_side_is_not_its_recipient(analyse_text):
    result = analyse_text(
        "Biden warned that Washington would stop supplying weapons if Israel launched "
        "a major assault on Rafah.",
        date="2024-05-12",
    )
    warned = by_trigger(result, "warned")
    assert warned and [a.code for a in warned[0].target] == ["ISR"]
    assault = by_trigger(result, "assault")
    assert assault and [a.code for a in assault[0].target] == ["PSE"]


def test_a_threat_to_end_a_group_s_rallies_is_aimed_at_the_group(analyse_text):
    result = analyse_text(
        "The Egyptian security chief warned that police would no longer tolerate rallies "
        "by the Muslim Brotherhood."
    )
    threat = [e for e in result.events if e.type == "THREATEN"]
    assert threat and [a.code for a in threat[0].target] == ["EGYOPP"]


def test_sending_the_army_is_a_mobilisation(analyse_text):
    result = analyse_text(
        "Erdogan sent the army across the border on Wednesday.", date="2019-10-14"
    )
    sent = by_trigger(result, "sent")
    assert sent and sent[0].type == "MOBILIZE" and [a.code for a in sent[0].source] == ["TURGOV"]


def test_begging_for_help_is_a_request(analyse_text):
    result = analyse_text("The Kurdish leaders begged Washington for help.")
    begged = by_trigger(result, "begged")
    assert (
        begged and begged[0].type == "REQUEST" and [a.code for a in begged[0].target] == ["USAGOV"]
    )


def test_cutting_a_deal_is_an_agreement(analyse_text):
    result = analyse_text("The Kurdish militia has cut a deal with Assad.", date="2019-10-14")
    assert "AGREE" in {e.type for e in by_trigger(result, "cut")}


def test_pausing_an_arms_shipment_is_a_sanction(analyse_text):
    result = analyse_text("The United States paused a shipment of bombs to Israel.")
    assert (("USA",), "SANCTION", ("ISR",)) in triples(result)


def test_sabotaging_talks_is_no_assault(analyse_text):
    result = analyse_text(
        "Hamas accused Netanyahu of sabotaging the negotiations.", date="2024-05-12"
    )
    assert "ASSAULT" not in {e.type for e in by_trigger(result, "sabotaging")}


def test_each_naming_in_a_sentence_judges_by_its_own_name(analyse_text):
    result = analyse_text(
        "The YPG held the town. Ankara calls them terrorists; Europe calls them allies."
    )
    types = sorted(e.type for e in by_trigger(result, "calls"))
    assert types == ["ACCUSE", "SUPPORT"]
    accuse = next(e for e in result.events if e.type == "ACCUSE")
    assert [a.code for a in accuse.target] == ["SYRREB"]


def test_leaders_of_a_people_are_its_government(analyse_text):
    result = analyse_text(
        "Palestinian leaders said they would boycott all official contact with the United States."
    )
    threat = [e for e in result.events if e.type == "THREATEN"]
    assert threat and [a.code for a in threat[0].source] == ["PSEGOV"]
    assert [a.code for a in threat[0].target] == ["USA"]


def test_tightening_a_blockade_is_the_blockade(analyse_text):
    result = analyse_text("Israel tightened its blockade of Gaza on Monday.")
    blockade = [e for e in result.events if e.type == "COERCE"]
    assert blockade and [a.code for a in blockade[0].source] == ["ISR"]


def test_protesting_that_something_is_so_is_an_accusation(analyse_text):
    said = analyse_text("The opposition protested that the vote was rigged.")
    assert [e.type for e in by_trigger(said, "protested")] == ["ACCUSE"]
    marched = analyse_text("Students protested against the government in Dhaka.")
    assert [e.type for e in by_trigger(marched, "protested")] == ["PROTEST"]


def test_calling_the_mutineers_traitors_accuses_them(analyse_text):
    result = analyse_text("Putin called the mutineers traitors.", date="2023-06-24")
    called = by_trigger(result, "called")
    assert called and called[0].type == "ACCUSE"
    assert [a.code for a in called[0].source] == ["RUSGOV"]
    assert [a.code[-3:] for a in called[0].target] == ["REB"]


def test_sending_fighters_towards_a_city_is_a_mobilisation(analyse_text):
    result = analyse_text("Prigozhin sent his fighters towards Moscow.", date="2023-06-24")
    assert [e.type for e in by_trigger(result, "sent")] == ["MOBILIZE"]


def test_a_demand_to_end_the_siege_goes_to_who_laid_the_siege(analyse_text):
    result = analyse_text(
        "The Rapid Support Forces tightened their siege of El Fasher. The army bombed RSF "
        "positions around the city. The Security Council demanded an end to the siege.",
        date="2024-06-20",
    )
    demanded = by_trigger(result, "demanded")
    assert demanded and [a.code for a in demanded[0].target] == ["SDNREB"]


def test_a_warning_about_how_things_are_threatens_no_one(analyse_text):
    famine = analyse_text("The World Food Programme warned that famine had taken hold in Zamzam.")
    assert not by_trigger(famine, "warned")
    threat = analyse_text("Iran warned that any attack would be met with a crushing response.")
    assert [e.type for e in by_trigger(threat, "warned")] == ["THREATEN"]


def test_using_a_banned_or_crowd_weapon_is_the_attack(analyse_text):
    chemical = analyse_text("Russia may have used chemical weapons in Avdiivka.")
    used = by_trigger(chemical, "used")
    assert used and used[0].type == "ASSAULT" and used[0].modality.value == "speculated"
    gas = analyse_text("Kenyan police used tear gas against protesters in Nairobi.")
    assert (("KENCOP",), "ASSAULT", ("KENOPP",)) in triples(gas)
    watching = analyse_text("The army used drones to monitor the border.")
    assert not by_trigger(watching, "used")


def test_no_evidence_negates_and_never_confirmed_leaves_it_open(analyse_text):
    none = analyse_text("There is no evidence that Rwanda armed the M23.")
    armed = by_trigger(none, "armed")
    assert armed and armed[0].modality.value == "negated"
    open_ = analyse_text("Israel never confirmed that it killed the commander.")
    killed = by_trigger(open_, "killed")
    assert killed and killed[0].modality.value == "speculated"


def test_slapping_tariffs_and_hitting_back_with_curbs_are_sanctions(analyse_text):
    result = analyse_text(
        "Washington slapped new tariffs on Chinese steel, and Beijing hit back with curbs "
        "on rare earth exports."
    )
    sanctions = {tuple(a.code for a in e.source) for e in result.events if e.type == "SANCTION"}
    assert {("USAGOV",), ("CHNGOV",)} <= sanctions
    assert "ASSAULT" not in {e.type for e in result.events}


def test_an_arrest_warrant_for_someone_targets_them(analyse_text):
    result = analyse_text("The ICC issued an arrest warrant for Vladimir Putin.", date="2023-03-17")
    warrant = [e for e in result.events if e.type == "COERCE"]
    assert warrant and [a.code for a in warrant[0].target] == ["RUSGOV"]


def test_summoning_a_charge_d_affaires_is_a_protest_to_their_state(analyse_text):
    result = analyse_text("Tehran summoned the British charge d'affaires on Monday.")
    assert [e.type for e in by_trigger(result, "summoned")] == ["ACCUSE"]


def test_an_act_someone_is_kept_from_does_not_happen(analyse_text):
    result = analyse_text("The EU banned them from travelling to the bloc.")
    assert not by_trigger(result, "travelling")
    marched = analyse_text("Police prevented the students from marching to parliament.")
    assert not by_trigger(marched, "marching")


def test_an_act_against_someone_s_property_is_aimed_at_them(analyse_text):
    result = analyse_text("The EU froze the assets of three Russian oligarchs.")
    assert (("IGO",), "SANCTION", ("RUSBUS",)) in triples(result)
    raid = analyse_text("Police in Dhaka raided the offices of the opposition party.")
    raided = by_trigger(raid, "raided")
    assert raided and [a.code[-3:] for a in raided[0].target] == ["OPP"]


def test_condemning_the_coup_condemns_those_who_staged_it(analyse_text):
    result = analyse_text(
        "Gabonese army officers said they had seized power. France condemned the coup.",
        date="2023-08-30",
    )
    condemned = by_trigger(result, "condemned")
    assert condemned and [a.code for a in condemned[0].target] == ["GABMIL"]


def test_a_phone_call_between_leaders_under_their_titles(analyse_text):
    result = analyse_text(
        "Pakistani Prime Minister Shehbaz Sharif called Indian Prime Minister Narendra Modi.",
        date="2024-06-10",
    )
    assert (("PAKGOV",), "CONSULT", ("INDGOV",)) in triples(result)


def test_a_leader_named_beside_his_state_speaks_for_himself(analyse_text):
    result = analyse_text(
        "Iran's supreme leader Ayatollah Ali Khamenei vowed revenge for the killing.",
        date="2024-02-01",
    )
    vowed = by_trigger(result, "vowed")
    assert vowed and [a.code for a in vowed[0].source] == ["IRNGOV"]


def test_regretting_a_decision_and_confirming_a_deal(analyse_text):
    regret = analyse_text("France, Germany and the UK regret the U.S. decision to leave the deal.")
    assert [e.type for e in by_trigger(regret, "regret")] == ["ACCUSE"]
    confirm = analyse_text("Pakistan's foreign minister confirmed the deal on Saturday.")
    assert [e.type for e in by_trigger(confirm, "confirmed")] == ["AGREE"]


def test_shutting_down_the_internet_is_censorship(analyse_text):
    result = analyse_text("The Iranian government shut down the internet on Friday.")
    shut = by_trigger(result, "shut")
    assert shut and shut[0].type == "COERCE" and shut[0].mode == "censor"


def test_arresting_another_journalist_targets_the_press(analyse_text):
    result = analyse_text("Turkish police arrested another journalist in Istanbul.")
    arrested = by_trigger(result, "arrested")
    assert arrested and [a.code for a in arrested[0].target] == ["TURMED"]


def test_headlines_code_like_sentences(analyse_text):
    storm = analyse_text("Protesters storm parliament in Nairobi as police open fire")
    assert {"PROTEST", "ASSAULT"} <= {e.type for e in storm.events}
    agree = analyse_text("Pakistan, India agree to ceasefire after four days of fighting")
    agreed = by_trigger(agree, "agree")
    assert agreed and sorted(a.code for a in agreed[0].source) == ["IND", "PAK"]


def test_a_verb_coordinated_with_a_rejection_is_not_negated_by_it(analyse_text):
    result = analyse_text(
        "Opposition leader Raila Odinga rejected the results and called for mass protests.",
        date="2022-08-20",
    )
    called = by_trigger(result, "called")
    assert called and called[0].type == "REQUEST" and called[0].modality.value == "asserted"
    said = analyse_text("Kenya said it rejected the results and would call for new talks.")
    assert all(e.modality.value != "negated" for e in by_trigger(said, "call"))


def test_declaring_someone_the_winner_supports_them(analyse_text):
    result = analyse_text(
        "The electoral commission declared President William Ruto the winner with 50.5 "
        "percent of the vote.",
        date="2022-08-20",
    )
    declared = by_trigger(result, "declared")
    assert declared and declared[0].type == "SUPPORT"
    assert [a.code for a in declared[0].target] == ["KENGOV"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # a frame noun lets its modifier name the act: ending mediation breaks off relations
        ("Egyptian envoys ended mediation efforts between Chad and Sudan.", "ended", "SANCTION"),
        # a measure of goods handed over is aid, not a concession
        ("Norwegian doctors handed over medicine and tents to the Red Cross.", "handed", "AID"),
        ("The World Bank reduced funding to Malawi on Monday.", "reduced", "SANCTION"),
    ],
)
def test_framed_and_measured_objects_choose_the_reading(analyse_text, sentence, trigger, expected):
    events = by_trigger(analyse_text(sentence), trigger)
    assert [e.type for e in events] == [expected], sentence


def test_a_sea_named_after_a_country_is_a_place_and_an_owner_participle_names_the_owner(
    analyse_text,
):
    result = analyse_text("Iran seized a Greek-owned tanker in the Gulf of Oman on Friday.")
    assert not any(m.actor and m.actor.code == "OMN" for m in result.mentions)
    assert any(p.text == "Gulf of Oman" for p in result.places)
    seized = by_trigger(result, "seized")
    assert seized and [a.code for a in seized[0].target] == ["GRC"]


def test_a_run_participle_names_whose_offices_were_closed(analyse_text):
    result = analyse_text("Kosovo police closed four Serbian-run bank branches in the north.")
    closed = by_trigger(result, "closed")
    assert closed and closed[0].type == "COERCE"
    assert [a.code for a in closed[0].target] == ["SRB"]


def test_the_accused_does_the_act_when_of_hangs_from_the_object(analyse_text):
    result = analyse_text("Manila accused Chinese vessels of ramming Philippine boats.")
    rammed = by_trigger(result, "ramming")
    assert rammed and [a.code for a in rammed[0].source] == ["CHNMIL"]


def test_the_actors_a_law_is_about_are_not_its_recipients(analyse_text):
    result = analyse_text(
        "The Georgian government passed the bill on Tuesday. Thousands of opposition "
        "supporters rallied in Tbilisi on Sunday against a law on foreign agents."
    )
    rallied = by_trigger(result, "rallied")
    assert rallied and rallied[0].type == "PROTEST"
    assert [a.code for a in rallied[0].target] == ["GEOGOV"]


def test_crowd_violence_against_other_civilians_is_no_riot(analyse_text):
    torched = by_trigger(
        analyse_text("Armenian villagers torched Azerbaijani cars near the border overnight."),
        "torched",
    )
    assert torched and torched[0].type == "ASSAULT"
    stormed = by_trigger(analyse_text("Protesters stormed the parliament in Baghdad."), "stormed")
    assert stormed and stormed[0].type == "PROTEST"


def test_a_claimed_attack_s_recipient_is_the_claim_s(analyse_text):
    result = analyse_text("Al-Shabaab claimed responsibility for the attack on Kenyan troops.")
    claimed = by_trigger(result, "claimed")
    assert claimed and claimed[0].type == "ASSAULT"
    assert [a.code for a in claimed[0].target] == ["KENMIL"]


def test_harm_in_a_fight_is_done_by_the_other_side_of_the_fight(analyse_text):
    result = analyse_text(
        "Five Malian soldiers were killed in clashes with JNIM fighters near Gao."
    )
    killed = by_trigger(result, "killed")
    assert killed and [a.code for a in killed[0].target] == ["MLIMIL"]
    assert [a.code for a in killed[0].source] == ["IMGREB"]


def test_every_coordinated_owner_is_a_recipient(analyse_text):
    embassies = by_trigger(
        analyse_text("Protesters attacked the embassies of Rwanda, France and Belgium."),
        "attacked",
    )
    assert embassies and {a.code for a in embassies[0].target} == {"RWAGOV", "FRAGOV", "BELGOV"}
    looted = by_trigger(
        analyse_text("Rebels looted the warehouses of the World Food Programme and the Red Cross."),
        "looted",
    )
    assert looted and {a.code for a in looted[0].target} == {"UNO", "NGO"}


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        (
            "Congolese soldiers abandoned their positions around the airport.",
            "abandoned",
            ["RETREAT"],
        ),
        ("The ministry said the fighting posed a serious threat to its security.", "threat", []),
    ],
)
def test_abandoned_positions_and_posed_threats(analyse_text, sentence, trigger, expected):
    assert [e.type for e in by_trigger(analyse_text(sentence), trigger)] == expected


def test_reserving_the_right_to_respond_is_a_threat(analyse_text):
    result = analyse_text(
        "Pakistani jets struck army posts in India on Monday. "
        "India said it reserved the right to respond."
    )
    reserved = by_trigger(result, "reserved")
    assert reserved and reserved[0].type == "THREATEN"
    assert [a.code[:3] for a in reserved[0].target] == ["PAK"]


def test_resuming_relations_is_mutual_support(analyse_text):
    events = by_trigger(analyse_text("Turkey and Egypt resumed diplomatic relations."), "resumed")
    assert events and events[0].type == "SUPPORT"
    assert {a.code for a in events[0].source} == {"TUR", "EGY"}


@pytest.mark.parametrize(
    ("sentence", "trigger", "source", "target"),
    [
        # the speaker threatens the subject; the condition does not make the threat a guess
        (
            "Biden said Iran would pay a heavy price if it attacked U.S. forces.",
            "pay",
            "USA",
            "IRN",
        ),
        ("Blinken said Moscow would face serious consequences.", "face", "USA", "RUS"),
        ("ECOWAS gave Niger's junta a one-week ultimatum.", "gave", "IGO", "NER"),
    ],
)
def test_threats_told_as_what_the_threatened_will_suffer(
    analyse_text, sentence, trigger, source, target
):
    events = by_trigger(analyse_text(sentence), trigger)
    assert events and events[0].type == "THREATEN", sentence
    assert events[0].modality.value == "asserted"
    assert [a.code[:3] for a in events[0].source] == [source]
    assert [a.code[:3] for a in events[0].target] == [target]


def test_force_promised_to_an_intervention_is_the_speaker_s_threat(analyse_text):
    result = analyse_text("Niger's junta said any intervention would be met with force.")
    met = by_trigger(result, "met")
    assert met and met[0].type == "THREATEN"
    assert [a.code for a in met[0].source] == ["NERMIL"]


def test_a_state_protests_in_words_and_a_people_in_the_streets(analyse_text):
    summoned = analyse_text("Pakistan summoned the Afghan envoy to protest the border attacks.")
    assert not any(e.type == "PROTEST" for e in summoned.events)
    assert any(e.type == "ACCUSE" for e in summoned.events)
    protested = by_trigger(
        analyse_text("Police officers protested over unpaid wages in Lagos."), "protested"
    )
    assert protested and protested[0].type == "PROTEST"


def test_a_response_with_force_announced_is_a_threat(analyse_text):
    result = analyse_text("North Korea said it would respond to any provocation with force.")
    respond = by_trigger(result, "respond")
    assert respond and respond[0].type == "THREATEN"
    assert [a.code for a in respond[0].source] == ["PRK"]
    gas = by_trigger(
        analyse_text("Kenyan police responded to the protest with tear gas."), "responded"
    )
    assert gas and gas[0].type == "ASSAULT" and gas[0].mode == "crowd-control"


def test_headline_counts_protest_and_what_they_flee_is_no_act_of_theirs(analyse_text):
    rally = by_trigger(
        analyse_text("Thousands rally in Tbilisi against foreign agent law"), "rally"
    )
    assert rally and rally[0].type == "PROTEST"
    fled = analyse_text("Hundreds flee fighting in Goma")
    assert not any(e.source and e.type == "ASSAULT" for e in fled.events)


def test_a_lone_compass_word_is_no_place(analyse_text):
    result = analyse_text("Putin warns West over long-range missiles")
    assert not any(p.text == "West" for p in result.places)


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Iraq said it would review its cooperation with the coalition.", "review", "THREATEN"),
        ("Rouhani said Iran would remain in the deal for now.", "remain", "AGREE"),
        ("Islamabad remained committed to the truce.", "remained", "AGREE"),
    ],
)
def test_promises_and_threats_announced_are_made_now(analyse_text, sentence, trigger, expected):
    events = by_trigger(analyse_text(sentence), trigger)
    assert events and events[0].type == expected
    assert events[0].modality.value == "asserted"


def test_a_preposition_of_place_is_no_particle(analyse_text):
    result = analyse_text("Maliki gave the gunmen in Basra until Friday to surrender.")
    assert not any(e.type == "CONCEDE" for e in by_trigger(result, "gave"))


def test_a_state_measure_with_no_agent_is_the_state_s(analyse_text):
    cut = by_trigger(analyse_text("Phones and internet in Tigray were cut the same day."), "cut")
    assert cut and cut[0].type == "COERCE" and [a.code for a in cut[0].source] == ["ETHGOV"]
    # no place, no country: no one is made up
    assert not analyse_text("The internet was cut.").events


def test_forces_placed_in_a_foreign_country_are_put_there(analyse_text):
    placed = by_trigger(
        analyse_text("Israel has strengthened its forces in Lebanon."), "strengthened"
    )
    assert placed and placed[0].type == "MOBILIZE" and [a.code for a in placed[0].target] == ["LBN"]
    home = by_trigger(analyse_text("The Iraqi army deployed tanks in Mosul."), "deployed")
    assert home and "IRQ" not in [a.code for a in home[0].target]


def test_leaving_ground_in_a_foreign_country_concerns_that_country(analyse_text):
    left = by_trigger(
        analyse_text("Israel will evacuate all 21 settlements in the Gaza Strip."), "evacuate"
    )
    assert left and left[0].type == "RETREAT" and [a.code for a in left[0].target] == ["PSE"]


def test_forces_arriving_are_deployed_and_an_envoy_arriving_visits(analyse_text):
    police = by_trigger(
        analyse_text("The first Kenyan police officers arrived in Haiti."), "arrived"
    )
    assert police and police[0].type == "MOBILIZE"
    envoy = by_trigger(analyse_text("Kenya's foreign minister arrived in Haiti."), "arrived")
    assert envoy and envoy[0].type == "CONSULT"


def test_an_accusation_after_a_denied_gerund_is_told_beside_the_denial(analyse_text):
    # parsed with "accused" hanging from "targeting": a past tense the gerund cannot share
    result = analyse_text(
        "The RSF shelled districts of El Fasher, residents said. The group denied "
        "targeting civilians and accused the army of using the hospital as a base.",
        "2024-05-12",
    )
    accused = by_trigger(result, "accused")
    assert accused and accused[0].type == "ACCUSE"
    assert [a.code for a in accused[0].target] == ["SDNMIL"]
    assert accused[0].modality.value == "asserted"  # not the content of the denial


def test_a_threat_told_as_made_keeps_its_condition_inside(analyse_text):
    made = by_trigger(
        analyse_text("The United States threatened new sanctions if the assault continued."),
        "threatened",
    )
    assert made and (made[0].type, made[0].modality.value) == ("THREATEN", "asserted")
    # a threat that is itself only conditional stays hypothetical
    maybe = by_trigger(
        analyse_text("Russia would threaten Ukraine with new strikes if the talks failed."),
        "threaten",
    )
    assert maybe and maybe[0].modality.value == "hypothetical"


def test_vowing_to_defeat_an_enemy_is_a_threat(analyse_text):
    result = analyse_text("Nigeria's president vowed to defeat the insurgents in Borno.")
    assert (("NGAGOV",), "THREATEN", ("NGAREB",)) in triples(result)
    # a defeat at the polls threatens no one
    result = analyse_text("The Labour leader vowed to defeat the Conservatives in the election.")
    assert not [e for e in result.events if e.type == "THREATEN"]


def test_an_accord_in_force_is_no_agreement_made(analyse_text, event_triples):
    found = event_triples(
        analyse_text(
            "The United States reaffirmed that its mutual defence treaty with the Philippines "
            "covers attacks on Philippine vessels. Under its defence pact with Armenia, Russia "
            "keeps a base in Gyumri.",
            "2024-03-23",
        )
    )
    assert not [f for f in found if f[1] in ("AGREE", "ASSAULT")], found
    # an accord signed is one made
    found = event_triples(analyse_text("Russia and Armenia signed a defence pact on Friday."))
    assert any(f[1] == "AGREE" for f in found)


def test_holding_someone_to_account(analyse_text, event_triples):
    # in the passive, the speaker holds the subject to account
    found = event_triples(analyse_text("Trump said Iran will be held accountable.", "2019-12-31"))
    assert (("USAGOV",), "THREATEN", ("IRN",)) in found
    # blame told as to come is a threat; told as done, an accusation
    found = event_triples(
        analyse_text("Trump said Iran would be held fully responsible.", "2019-12-31")
    )
    assert (("USAGOV",), "THREATEN", ("IRN",)) in found
    found = event_triples(
        analyse_text("Washington held Iran responsible for the attack.", "2019-12-31")
    )
    assert (("USAGOV",), "ACCUSE", ("IRN",)) in found


def test_a_hostile_act_weighed_is_a_threat_of_it(analyse_text, event_triples):
    found = event_triples(analyse_text("Washington is considering strikes on Syria."))
    assert (("USAGOV",), "THREATEN", ("SYR",)) in found
    assert not any(f[1] == "ASSAULT" for f in found)  # no strike has happened
    result = analyse_text("The EU is weighing new sanctions against Russia.")
    weighed = by_trigger(result, "weighing")
    assert weighed and (weighed[0].type, weighed[0].mode) == ("THREATEN", "relations")
    # talks weighed are no threat
    found = event_triples(analyse_text("Washington is considering talks with Syria."))
    assert not any(f[1] == "THREATEN" for f in found)
