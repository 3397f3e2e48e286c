"""What a speaker says, promises and warns, on sentences we wrote: a denial does not
negate what its speaker goes on to say; promising a hostile act named by a noun is a
threat; a warning that only judges an outcome threatens no one; a clause the parse read
as one noun phrase ("The SAF bombed markets") is a clause."""

from __future__ import annotations


def events_at(result, trigger):
    return [e for e in result.events if e.trigger == trigger]


def test_a_denial_does_not_negate_what_the_speaker_says_next(analyse_text):
    result = analyse_text(
        "The Houthis denied any role in the attack and said they remained committed to the truce."
    )
    remained = events_at(result, "remained")
    assert remained and remained[0].modality.value == "asserted"
    failed = analyse_text("Hamas and Fatah failed to reach a deal in Cairo.")
    deal = [e for e in failed.events if e.type == "AGREE"]
    assert deal and deal[0].modality.value == "negated"


def test_promising_an_offensive_is_a_threat(analyse_text):
    result = analyse_text("The junta keeps promising a counteroffensive in the north.")
    assert [e.type for e in events_at(result, "promising")] == ["THREATEN"]
    aid = analyse_text("Egypt pledged more support for the government.")
    assert [e.type for e in events_at(aid, "pledged")] == ["AGREE"]


def test_a_warning_that_judges_an_outcome_threatens_no_one(analyse_text):
    result = analyse_text(
        "The Jordanian king warned that a wider war would be a catastrophe for the region "
        "and urged Washington to restrain Israel."
    )
    assert events_at(result, "warned") == []
    urged = events_at(result, "urged")
    assert urged and urged[0].type == "REQUEST"
    threat = analyse_text("Iran warned that it would strike any base used in an attack.")
    assert [e.type for e in events_at(threat, "warned")] == ["THREATEN"]


def test_a_clause_read_as_a_noun_phrase_is_repaired(nlp, analyse_text):
    doc = nlp("The SAF bombed markets in Nyala.")
    bombed = next(t for t in doc if t.text == "bombed")
    assert bombed.dep_ == "ROOT" and bombed.pos_ == "VERB"
    assert [c.text for c in bombed.children if c.dep_ == "nsubj"] == ["SAF"]
    found = events_at(analyse_text("The SAF bombed markets in Nyala."), "bombed")
    assert found and found[0].type == "ASSAULT"
    assert [a.code for a in found[0].source] == ["SDNMIL"]
    phrase = nlp("The bombed markets in Nyala.")
    assert next(t for t in phrase if t.text == "bombed").dep_ == "amod"


def test_exercises_held_together_are_cooperation_and_alone_a_show_of_force(analyse_text):
    joint = analyse_text(
        "Indian and French warships began five days of war games in the Arabian Sea."
    )
    games = [e for e in joint.events if e.trigger == "games"]
    assert games and games[0].type == "COOPERATE"
    assert {a.code[:3] for a in games[0].source} == {"IND", "FRA"}
    alone = analyse_text("China held military drills around Taiwan on Monday.")
    drills = [e for e in alone.events if e.trigger == "drills"]
    assert drills and drills[0].type == "MOBILIZE"
    assert [a.code for a in drills[0].target] == ["TWN"]


def test_ordering_patrols_is_a_mobilisation_by_whoever_ordered_them(analyse_text):
    result = analyse_text(
        "The provincial government ordered patrols by police after the riots in Karachi."
    )
    found = [e for e in result.events if e.type == "MOBILIZE"]
    assert found and [a.code for a in found[0].source] == ["PAKGOV"]


def test_a_blackout_told_without_a_place_is_the_government_of_the_pages_country(analyse_text):
    result = analyse_text(
        "Students marched in Dhaka, Sylhet and Chittagong on Monday. "
        "By evening the internet had been cut."
    )
    cut = [e for e in result.events if e.trigger == "cut"]
    assert cut and cut[0].type == "COERCE" and [a.code for a in cut[0].source] == ["BGDGOV"]
    mixed = analyse_text("Talks in Geneva and Doha stalled. The internet had been cut.")
    assert not [e for e in mixed.events if e.trigger == "cut"]


def test_a_reported_clause_of_be_is_read(analyse_text):
    result = analyse_text("France said it was deeply disappointed by the ruling.")
    found = [e for e in result.events if e.type == "ACCUSE"]
    assert found and [a.code for a in found[0].source] == ["FRA"]


def test_a_future_kept_up_act_announced_by_its_actor_is_a_promise(analyse_text):
    result = analyse_text("India said it would keep cooperating with Russia on energy.")
    found = [e for e in result.events if e.trigger == "cooperating"]
    assert found and found[0].type == "AGREE" and found[0].modality.value == "asserted"
    done = analyse_text("India kept cooperating with Russia on energy.")
    found = [e for e in done.events if e.trigger == "cooperating"]
    assert found and found[0].type == "COOPERATE"
