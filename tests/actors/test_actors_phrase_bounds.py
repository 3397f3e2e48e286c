"""How far a sector noun's phrase reaches to the left, on sentences we wrote and one
misparse built by hand: premodifiers and coordinated nationalities belong to it, a clause
that a misparse hangs from the noun does not; a bloc coordinated after a named state is
its own actor; new sector words."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.actors.context import phrase_start


def test_premodifiers_and_coordinated_nationalities_are_in_the_phrase(nlp):
    doc = nlp("The Iraqi and U.S. forces entered the city.")
    forces = next(t for t in doc if t.text == "forces")
    assert phrase_start(forces) == 0


def test_a_clause_hung_from_the_noun_is_not_in_the_phrase(nlp):
    words = ["Army", "faced", "questions", ",", "many", "of", "them", "villagers"]
    heads = [1, 7, 1, 7, 7, 4, 5, 7]
    deps = ["nsubj", "ccomp", "dobj", "punct", "nsubj", "prep", "pobj", "ROOT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    villagers = doc[7]
    assert villagers.left_edge.i == 0
    assert phrase_start(villagers) == 7


def test_a_bloc_coordinated_after_a_state_is_its_own_actor(analyse_text):
    result = analyse_text("It was a vote that Georgia and Western governments condemned as rigged.")
    found = {m.text: m.actor.code for m in result.mentions}
    assert found.get("Georgia") == "GEO"
    assert found.get("Western governments") == "IGO"


def test_new_sector_words(analyse_text):
    result = analyse_text(
        "Chinese coast guard ships chased Taiwanese fishing boats, and a US congressional "
        "delegation arrived in Taipei as tourists left."
    )
    found = {m.text: m.actor.code for m in result.mentions}
    assert found.get("Taiwanese fishing boats") == "TWNCVL"
    assert found.get("US congressional delegation") == "USALEG"
    assert found.get("tourists", "").endswith("CVL")
    judge = analyse_text("A Venezuelan prosecutor obtained a warrant on Monday.")
    assert [m.actor.code for m in judge.mentions] == ["VENJUD"]


def test_them_in_a_partitive_is_the_group_just_named(analyse_text):
    result = analyse_text(
        "Kenyan officials said the blast killed 19 people, most of them students, in Garissa."
    )
    them = [m.actor.code for m in result.mentions if m.text == "them"]
    assert them and them[0].endswith("CVL")


def test_people_from_generically_named_organisations_are_theirs(analyse_text):
    result = analyse_text(
        "Nurses from two British aid groups delivered medicine to clinics in Mosul."
    )
    nurses = [m.actor.code for m in result.mentions if m.text == "Nurses"]
    assert nurses == ["GBRNGO"]
    families = analyse_text("Families of the soldiers protested in Kyiv on Friday.")
    assert [m.actor.code for m in families.mentions if m.text == "Families"] == ["UKRCVL"]


def test_settlers_herders_negotiators_and_politicians_are_sector_nouns(resources):
    kb = resources.actors
    assert kb.sector_for("settlers") == "CVL"
    assert kb.sector_for("herders") == "CVL"
    assert kb.sector_for("negotiators") == "GOV"
    assert kb.sector_for("politicians") == "GOV"
    assert kb.sector_for("govts") == "GOV"


def test_an_unknown_one_word_name_where_something_happened_is_no_actor(analyse_text):
    result = analyse_text("Gunmen attacked a police station in Kut on Friday.")
    assert "Kut" not in [m.text for m in result.mentions]
    person = analyse_text("Police arrested Hamdi Kut in Basra on Friday.")
    assert any("Kut" in m.text for m in person.mentions)


def test_a_possessive_is_bound_by_its_own_clauses_subject(analyse_text):
    result = analyse_text(
        "Congo's government accused Rwanda of helping M23 rebels advance on Goma and "
        "recalled its diplomats from Kigali."
    )
    its = [m.actor.code for m in result.mentions if m.text == "its"]
    assert its == ["CODGOV"]


def test_a_possessive_in_an_appeal_is_the_one_appealed_to(analyse_text):
    result = analyse_text(
        "France and the United States urged Rwanda to withdraw its forces from Congo."
    )
    its = [m.actor.code for m in result.mentions if m.text == "its"]
    assert its == ["RWA"]


def test_a_possessive_with_no_fitting_binder_looks_back(analyse_text):
    result = analyse_text(
        "The army said on Monday that it had pushed the rebels out of Sake. Residents "
        "said its soldiers looted shops."
    )
    its = [m.actor.code for m in result.mentions if m.text == "its"]
    assert len(its) == 1 and its[0].endswith("MIL")


def test_the_bloc_and_the_union_refer_back_to_international_bodies(analyse_text):
    result = analyse_text(
        "ECOWAS threatened to use force in Niger. On Thursday the bloc's leaders ordered "
        "the activation of a standby force."
    )
    assert [m.actor.code for m in result.mentions if m.text == "bloc"] == ["IGO"]
    union = analyse_text(
        "The European Union imposed sanctions on Minsk. The union also banned Belarusian flights."
    )
    assert [m.actor.code for m in union.mentions if m.text == "union"] == ["IGO"]
