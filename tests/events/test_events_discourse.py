"""Recipients and agents implied by what the page told before (events/discourse.py):
verbal acts that refer back to an event, forces acting on ground their enemy holds,
agentless passives, and the PageContext record itself."""

from __future__ import annotations

from sitrep.events.discourse import PageContext
from sitrep.models import ActorRef, Event, Modality, SegmentKind


def events_at(result, trigger):
    found = [e for e in result.events if e.trigger == trigger]
    assert found, f"no event at {trigger!r}: {[(e.trigger, e.type) for e in result.events]}"
    return found


def codes(refs):
    return {a.code[:3] for a in refs}


def test_condemning_the_strikes_targets_whoever_struck(analyse_text):
    result = analyse_text(
        "Norwegian jets bombed rebel camps in Libya on Monday. "
        "On Tuesday, Egypt condemned the strikes."
    )
    condemned = events_at(result, "condemned")[0]
    assert condemned.type == "ACCUSE"
    assert codes(condemned.target) == {"NOR"}


def test_rejecting_the_charge_answers_the_accuser(analyse_text):
    result = analyse_text(
        "Chile accused Peru of spying on its navy. Peru rejected the charge on Friday."
    )
    rejected = events_at(result, "rejected")[0]
    assert rejected.type == "REJECT"
    assert codes(rejected.target) == {"CHL"}


def test_an_indefinite_noun_does_not_refer_back(analyse_text):
    result = analyse_text(
        "Norwegian jets bombed rebel camps in Libya on Monday. Egypt condemned strikes in general."
    )
    for event in result.events:
        if event.trigger == "condemned":
            assert "NOR" not in codes(event.target)


def test_a_force_taking_a_town_acts_on_the_enemy_it_fought(analyse_text):
    result = analyse_text(
        "Kenyan troops attacked al-Shabaab fighters near the border on Monday. "
        "On Wednesday the Kenyan troops took control of the town."
    )
    took = [e for e in events_at(result, "took") if e.type == "ASSAULT"]
    assert took, [(e.trigger, e.type) for e in result.events]
    assert {a.code[:3] for a in took[0].target} != set()
    assert "KEN" not in codes(took[0].target)


def test_attacking_a_named_thing_does_not_borrow_an_enemy(analyse_text):
    result = analyse_text(
        "Kenyan troops attacked al-Shabaab fighters near the border on Monday. "
        "Al-Shabaab fighters later bombed a market."
    )
    for event in events_at(result, "bombed"):
        assert not event.target


def ref(code: str) -> ActorRef:
    return ActorRef(code.lower(), code, code, code)


def told_event(type_: str, source: list[str], target: list[str]) -> Event:
    return Event(
        event_id=f"{type_}{source}{target}",
        doc_id="d",
        type=type_,
        mode=None,
        source=tuple(ref(c) for c in source),
        target=tuple(ref(c) for c in target),
        date=None,
        location=None,
        modality=Modality.ASSERTED,
        segment=SegmentKind.BODY,
        sentence="s",
        start=0,
        end=1,
        trigger="t",
        trigger_start=0,
        trigger_end=1,
        confidence=1.0,
    )


def test_page_context_answers_from_the_newest_fitting_event():
    told = PageContext()
    told.add(told_event("ASSAULT", ["AAAMIL"], ["AAAREB"]), 0)
    told.add(told_event("ACCUSE", ["BBBGOV"], ["AAAMIL"]), 0)
    assert {r.code for r in told.latest({"ASSAULT"}).source} == {"AAAMIL"}
    assert {r.code for r in told.latest().source} == {"BBBGOV"}
    # an actor does not answer itself
    assert {r.code for r in told.latest(None, [ref("BBBGOV")]).source} == {"AAAMIL"}
    assert {r.code for r in told.adversary([ref("AAAREB")])} == {"AAAMIL"}
    assert {r.code for r in told.adversary([ref("AAAMIL")])} == {"AAAREB"}
    assert told.adversary([ref("CCC")]) == ()


def test_page_context_prefers_a_side_over_a_bare_country():
    told = PageContext()
    told.add(told_event("ASSAULT", ["AAAMIL"], ["BBBMIL"]), 0)
    told.add(told_event("ASSAULT", ["AAAMIL"], ["BBB"]), 0)
    assert {r.code for r in told.adversary([ref("AAAMIL")])} == {"BBBMIL"}


def test_the_agent_of_a_passive_comes_from_the_same_paragraph():
    told = PageContext()
    told.add(told_event("COERCE", ["AAAMIL"], ["AAAGOV"]), 0)
    assert {r.code for r in told.agent("COERCE", [ref("AAAGOV")], 0)} == {"AAAMIL"}
    assert told.agent("ASSAULT", [ref("AAAGOV")], 0) == ()


def test_a_later_paragraph_takes_the_agent_of_harm_to_the_same_kind_of_party():
    told = PageContext()
    told.add(told_event("ASSAULT", ["AAAMIL"], ["BBBPRM"]), 0)
    told.add(told_event("ASSAULT", ["BBBREB"], ["CCCCVL"]), 0)
    told.add(told_event("REQUEST", ["DDDGOV"], ["EEEGOV"]), 0)
    # "22 fighters were killed" two paragraphs on: another of the country's armed groups
    assert {r.code for r in told.agent("ASSAULT", [ref("BBBREB")], 2)} == {"AAAMIL"}
    # harm to civilians does not borrow an agent from afar: who killed them is open
    assert told.agent("ASSAULT", [ref("CCCCVL")], 2) == ()
    # nor does a verbal act, nor a party of another kind
    assert told.agent("REQUEST", [ref("EEEGOV")], 2) == ()
    assert told.agent("ASSAULT", [ref("BBBGOV")], 2) == ()


def test_a_denial_answers_the_accusation_against_the_denier(analyse_text):
    result = analyse_text(
        "Chilean officials accused Peru of arming the smugglers. Lima denied any role."
    )
    denied = events_at(result, "denied")[0]
    assert denied.type == "REJECT"
    assert codes(denied.target) == {"CHL"}


def test_a_denial_with_no_accusation_before_it_has_no_recipient(analyse_text):
    result = analyse_text("Norwegian jets bombed rebel camps in Libya. Peru denied any role.")
    for denied in events_at(result, "denied"):
        assert not denied.target


def test_calls_on_all_sides_and_about_the_fighting_address_both_sides(analyse_text):
    result = analyse_text(
        "Ethiopian troops shelled Eritrean army positions near Badme on Monday. "
        "Kenya condemned the outbreak of fighting. "
        "Egypt called on all sides to show restraint."
    )
    for trigger in ("condemned", "called"):
        event = events_at(result, trigger)[0]
        assert codes(event.target) == {"ETH", "ERI"}, (trigger, event.target)


def test_fighting_only_against_civilians_has_no_sides_to_address(analyse_text):
    result = analyse_text(
        "Soldiers shot dead six Ethiopian villagers near Badme on Monday. "
        "Egypt called on all sides to show restraint."
    )
    for event in events_at(result, "called"):
        assert "ETH" not in codes(event.target)


def test_page_context_belligerents_and_accuser():
    told = PageContext()
    told.add(told_event("ASSAULT", ["AAAMIL"], ["BBBREB"]), 0)
    told.add(told_event("ASSAULT", ["AAACOP"], ["AAACVL"]), 0)
    told.add(told_event("ACCUSE", ["CCCGOV"], ["DDD"]), 0)
    assert {r.code for r in told.belligerents()} == {"AAAMIL", "BBBREB"}
    # the accused state answers for its government
    assert {r.code for r in told.accuser([ref("DDDGOV")])} == {"CCCGOV"}
    assert told.accuser([ref("EEEGOV")]) == ()


def test_an_event_noun_with_no_act_of_its_word_refers_to_the_story_s_first_act(analyse_text):
    result = analyse_text(
        "Norwegian jets bombed rebel camps in Libya on Monday. "
        "Libyan rebels shelled the airport in Misrata. "
        "On Tuesday, Egypt condemned the strikes."
    )
    condemned = events_at(result, "condemned")[0]
    assert codes(condemned.target) == {"NOR"}


def test_an_event_noun_prefers_the_act_told_with_its_word(analyse_text):
    result = analyse_text(
        "Norwegian jets bombed rebel camps in Libya on Monday. "
        "Libyan rebels shelled the airport in Misrata. "
        "On Tuesday, Egypt condemned the shelling."
    )
    condemned = events_at(result, "condemned")[0]
    assert "NOR" not in codes(condemned.target)


def test_avenging_a_death_threatens_whoever_killed(analyse_text):
    result = analyse_text(
        "Turkish drones killed a PKK commander near Qandil on Monday. "
        "The PKK vowed to avenge his death."
    )
    vowed = events_at(result, "vowed")[0]
    assert vowed.type == "THREATEN"
    assert codes(vowed.target) == {"TUR"}


def test_dissolving_parties_is_coercion(analyse_text):
    result = analyse_text("Mali's junta dissolved all political parties on Tuesday.")
    dissolved = events_at(result, "dissolved")[0]
    assert dissolved.type == "COERCE"


def test_rebels_taking_a_town_with_no_enemy_told_act_on_their_state_s_army(analyse_text):
    result = analyse_text("M23 rebels said on Monday they had captured Goma.")
    captured = events_at(result, "captured")[0]
    assert captured.type == "ASSAULT"
    assert [a.code for a in captured.target] == ["CODMIL"]


def test_an_alliance_of_groups_is_an_actor_and_takes_ground_from_the_army(analyse_text):
    result = analyse_text(
        "An alliance of ethnic armed groups in Myanmar said on Sunday it had seized "
        "the town of Chinshwehaw on the Chinese border."
    )
    seized = events_at(result, "seized")[0]
    assert [a.code for a in seized.source] == ["MMRREB"]
    assert [a.code for a in seized.target] == ["MMRMIL"]
    # a town named only by "the town of" is a place, not an unknown actor
    assert not any("Chinshwehaw" in m.text for m in result.mentions)


def test_threats_of_violence_and_calls_for_a_ceasefire_find_the_fight(analyse_text):
    result = analyse_text(
        "Myanmar's army shelled rebel positions near Lashio on Monday. "
        "The rebels vowed to launch counter-attacks. "
        "China called for a ceasefire and urged all parties to resolve their differences."
    )
    vowed = events_at(result, "vowed")[0]
    assert vowed.type == "THREATEN" and [a.code for a in vowed.target] == ["MMRMIL"]
    for trigger in ("called", "urged"):
        event = events_at(result, trigger)[0]
        assert {a.code for a in event.target} == {"MMRMIL", "MMRREB"}, trigger
    assert not any(m.actor and m.actor.code.endswith("PTY") for m in result.mentions)


def test_talks_between_the_two_sides_are_between_the_fight_s_sides(analyse_text):
    result = analyse_text(
        "Myanmar's army shelled rebel positions near Lashio on Monday. "
        "Beijing hosted talks between the two sides in Kunming."
    )
    talks = [e for e in result.events if e.type == "CONSULT"]
    assert any({a.code for a in e.target} >= {"MMRMIL", "MMRREB"} for e in talks), talks


def test_an_accusation_of_a_kind_of_actor_with_no_country_answers_its_members():
    # "Washington blamed Iran-backed militias (PRM) ... Kataib Hezbollah (IRQPRM) denied"
    told = PageContext()
    told.add(told_event("ACCUSE", ["USAGOV"], ["PRM"]), 0)
    assert {r.code for r in told.accuser([ref("IRQPRM")])} == {"USAGOV"}
    assert told.accuser([ref("IRQREB")]) == ()
