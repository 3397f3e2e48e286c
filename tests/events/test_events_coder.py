"""The PLOVER coder: (source, type, target) triples, modality and attribution."""

from __future__ import annotations

from sitrep.models import Modality, SegmentKind


def triples(result):
    return {
        (
            tuple(sorted(a.code for a in e.source)),
            e.type,
            tuple(sorted(a.code for a in e.target)),
        )
        for e in result.events
    }


def event(result, trigger):
    found = [e for e in result.events if e.trigger == trigger]
    assert found, f"no event at {trigger!r}: {[(e.trigger, e.type) for e in result.events]}"
    return found[0]


def test_coordinated_verbs_and_objects_give_separate_events(analyse_text):
    result = analyse_text(
        "Iraqi police battled Mahdi Army fighters in Karbala and carried out arrests and "
        "raids overnight.",
        date="2008-03-27",
    )
    assert (("IRQCOP",), "ASSAULT", ("IRQREB",)) in triples(result)
    # the pipeline may merge the two COERCE tellings (events/merge.py); both stay findable
    tellings = {m.trigger: e for e in result.events for m in (e.mentions or ())}
    tellings.update({e.trigger: e for e in result.events})
    for noun in ("raids", "arrests"):
        assert tellings[noun].type == "COERCE"
        assert tellings[noun].source[0].code == "IRQCOP"


def test_passive_swaps_source_and_target(analyse_text):
    result = analyse_text("Two Turkish soldiers were killed by Kurdish militants near Afrin.")
    killed = event(result, "killed")
    assert killed.type == "ASSAULT"
    assert [a.code for a in killed.target] == ["TURMIL"]
    assert killed.source and killed.source[0].code.endswith("REB")


def test_nominal_event_with_by_and_on(analyse_text):
    result = analyse_text("A missile strike by Iran on U.S. troops damaged the base.")
    strike = event(result, "strike")
    assert (strike.type, strike.source[0].code, strike.target[0].code) == (
        "ASSAULT",
        "IRN",
        "USAMIL",
    )


def test_light_verb_takes_its_event_from_the_noun(analyse_text):
    result = analyse_text(
        "Moqtada al-Sadr spoke in Najaf. On Monday his supporters began a civil strike "
        "across Basra.",
        date="2008-03-27",
    )
    strike = event(result, "strike")
    assert (strike.type, strike.mode) == ("PROTEST", "strike")
    # his supporters are the movement he leads, not the man himself
    assert strike.source[0].name == "Sadrist movement"


def test_naming_is_an_event_only_when_it_judges(analyse_text):
    judged = analyse_text("Iran's foreign ministry called the raid a flagrant violation.")
    accuse = event(judged, "called")
    assert (accuse.type, accuse.mode) == ("ACCUSE", "disapprove")
    assert accuse.source[0].code == "IRNGOV"
    plain = analyse_text("Iran's foreign ministry called the operation Charge of the Knights.")
    assert not [e for e in plain.events if e.trigger == "called"]
    other = analyse_text("Iran condemned what the United States called a defensive strike.")
    assert not [e for e in other.events if e.trigger == "called"]


def test_call_on_is_a_request(analyse_text):
    result = analyse_text("The European Union called on Turkey to halt its offensive.")
    called = event(result, "called")
    assert called.type == "REQUEST"
    assert called.target[0].code == "TUR"


def test_question(analyse_text):
    result = analyse_text("Did Trump threaten Iran?")
    assert event(result, "threaten").modality == Modality.QUESTION


def test_prediction(analyse_text):
    result = analyse_text("Prediction: Iran will attack U.S. troops before the summer.")
    assert event(result, "attack").modality == Modality.PREDICTED


def test_conditional(analyse_text):
    result = analyse_text("If the U.S. withdraws its troops, Erdogan will attack the Kurds.")
    assert event(result, "attack").modality == Modality.HYPOTHETICAL


def test_negation(analyse_text):
    result = analyse_text("Iran did not attack U.S. troops on Friday.")
    assert event(result, "attack").modality == Modality.NEGATED


def test_speculation(analyse_text):
    result = analyse_text("I'm guessing Iran may strike U.S. forces again.")
    assert event(result, "strike").modality == Modality.SPECULATED


def test_reported_speech_is_attributed(analyse_text):
    result = analyse_text("Abdul-Mahdi accused Trump of threatening him.", date="2020-01-11")
    accused = event(result, "accused")
    assert (accused.type, accused.modality) == ("ACCUSE", Modality.ASSERTED)
    assert (accused.source[0].code, accused.target[0].code) == ("IRQGOV", "USAGOV")
    threat = event(result, "threatening")
    assert threat.type == "THREATEN"
    assert threat.source[0].code == "USAGOV"
    assert threat.modality == Modality.REPORTED
    assert threat.attributed_to is not None and threat.attributed_to.code == "IRQGOV"


def test_agreement_content_is_not_a_second_event(analyse_text):
    result = analyse_text("Russia agreed to withdraw its troops from Kherson.", date="2022-11-11")
    assert event(result, "agreed").type == "AGREE"
    assert not [e for e in result.events if e.trigger == "withdraw"]


def test_events_carry_offsets_dates_and_segments(analyse_text):
    text = "BAGHDAD, Jan 11 - Iraqi troops arrested five militants on Friday.\n"
    result = analyse_text(text, date="2020-01-11")
    arrested = event(result, "arrested")
    assert result.document.text[arrested.start : arrested.end] == arrested.sentence
    assert result.document.text[arrested.trigger_start : arrested.trigger_end] == "arrested"
    assert (arrested.date, arrested.date_precision) == ("2020-01-10", "day")
    assert arrested.segment == SegmentKind.BODY
    assert arrested.quad == "material_conflict" and arrested.score < 0


def test_a_passive_allegation_names_nobody(analyse_text):
    result = analyse_text(
        "The Mahdi Army was accused of carrying out killings of Sunni civilians.", date="2007-05-01"
    )
    killings = event(result, "killings")
    assert killings.modality == Modality.SPECULATED
    assert killings.attributed_to is None


def test_a_passive_allegation_with_its_accuser(analyse_text):
    result = analyse_text(
        "The Mahdi Army was accused by the Iraqi government of attacking U.S. troops.",
        date="2007-05-01",
    )
    attack = event(result, "attacking")
    assert attack.modality == Modality.REPORTED
    assert attack.attributed_to is not None and attack.attributed_to.code == "IRQGOV"


def test_passive_harm_takes_its_source_from_the_event_it_happened_in(analyse_text):
    result = analyse_text("Five militiamen were killed in a U.S. drone strike near Qaim.")
    killed = event(result, "killed")
    assert [a.code for a in killed.source] == ["USA"]
    assert killed.target and killed.target[0].code[3:] in ("REB", "PRM")  # an armed group


def test_an_actor_stating_its_own_stance_asserts_it(analyse_text):
    result = analyse_text("Saudi Arabia said it supported the agreement with Iran.")
    supported = event(result, "supported")
    assert supported.type == "SUPPORT"
    assert supported.modality == Modality.ASSERTED
    assert supported.attributed_to is not None and supported.attributed_to.code == "SAU"


def test_a_phone_call_needs_someone_called(analyse_text):
    called = analyse_text("Erdogan called Putin on Tuesday to discuss the ceasefire.")
    call = event(called, "called")
    assert (call.type, call.mode) == ("CONSULT", "phone")
    assert call.target[0].code.startswith("RUS")
    naming = analyse_text("Turkey sent drones, called Bayraktars, to the front.")
    assert not [e for e in naming.events if e.trigger == "called"]


def test_helping_to_do_something_is_not_aid(analyse_text):
    result = analyse_text("Qatar helped broker the exchange of prisoners.")
    assert not [e for e in result.events if e.trigger == "helped" and e.type == "AID"]
    aid = analyse_text("Qatar helped Gaza with food and fuel.")
    assert event(aid, "helped").type == "AID"


def test_a_denial_is_a_rejection_not_a_negated_event(analyse_text):
    result = analyse_text("The Kremlin denied any involvement in the attack on the pipeline.")
    denied = event(result, "denied")
    assert (denied.type, denied.modality) == ("REJECT", Modality.ASSERTED)


def test_expressing_concern_is_disapproval(analyse_text):
    result = analyse_text(
        "Japan expressed concern over the detention of the journalists by Myanmar."
    )
    concern = event(result, "expressed")
    assert (concern.type, concern.mode) == ("ACCUSE", "disapprove")
    assert concern.source[0].code == "JPN"


def test_crossing_a_border_is_a_deployment(analyse_text):
    result = analyse_text("Turkish armored columns crossed the border into Syria on Wednesday.")
    crossed = event(result, "crossed")
    assert (crossed.type, crossed.mode) == ("MOBILIZE", "troops")


def test_a_compound_country_is_what_was_invaded(analyse_text):
    result = analyse_text(
        "Sadr gained fame for attacks on U.S. troops after the 2003 Iraq invasion.",
        date="2018-05-20",
    )
    invasion = event(result, "invasion")
    assert not invasion.source or invasion.source[0].code != "IRQ"
    assert invasion.target and invasion.target[0].code == "IRQ"
    doer = analyse_text("Russia's invasion of Ukraine began on 24 February.", date="2022-03-01")
    assert event(doer, "invasion").source[0].code == "RUS"


def test_a_possessor_of_a_killing_is_its_victim(analyse_text):
    result = analyse_text("Soleimani's killing by a U.S. drone angered Iran.", date="2020-01-05")
    killing = event(result, "killing")
    assert [a.code for a in killing.target] == ["IRNMIL"]
    assert all(a.code != "IRNMIL" for a in killing.source)


def test_a_title_before_a_name_adds_no_second_actor(analyse_text):
    result = analyse_text(
        "Turkish President Recep Tayyip Erdogan agreed with Putin to open talks.",
        date="2016-12-20",
    )
    agreed = event(result, "agreed")
    assert len(agreed.source) == 1
    assert agreed.source[0].name.startswith("Recep Tayyip Erdo")


def test_a_nationality_on_what_was_hit_is_the_target(analyse_text):
    result = analyse_text("Hezbollah fired rockets at Israeli towns near the border.")
    fired = event(result, "fired")
    assert [a.code for a in fired.target] == ["ISR"]
    # positions are held by armed forces: the state's forces (a later, narrower rule)
    result = analyse_text("Hezbollah fired rockets at Israeli positions near the border.")
    fired = event(result, "fired")
    assert [a.code for a in fired.target] == ["ISRMIL"]
    located = analyse_text("Protesters marched through Iraqi towns on Friday.")
    assert not [m for m in located.mentions if m.text == "Iraqi"]
