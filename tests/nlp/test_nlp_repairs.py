"""The parse repairs added after spaCy's parser (``sitrep.nlp.repairs``), on our own
sentences: wire datelines, ledes misread as participles, counts led by "up to"."""

from __future__ import annotations

import pytest

from sitrep.nlp.repairs import COMPONENT, DATELINE_COMPONENT


def test_the_repairs_are_in_the_pipeline_around_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index(DATELINE_COMPONENT) == names.index("parser") - 1
    assert names[-1] == COMPONENT


@pytest.mark.parametrize(
    "text, lede",
    [
        ("NIAMEY, March 22 (Reuters) - Militants killed 40 soldiers.", "Militants"),
        ("KYIV, Ukraine (AP) -- Russian forces shelled the city overnight.", "Russian"),
        ("BASRA, Iraq, March 26, 2008 (our wire) - Iraqi troops battled militias.", "Iraqi"),
        ("GAZA CITY \u2014 Israeli jets struck the camp.", "Israeli"),
        # a lede whose first word the parser would leave as a sentence of its own
        (
            "OUAGADOUGOU, Dec 22 - Burkina Faso's junta on Thursday expelled two diplomats.",
            "Burkina",
        ),
    ],
)
def test_a_wire_dateline_is_a_sentence_of_its_own(nlp, text, lede):
    sentences = list(nlp(text).sents)
    assert len(sentences) == 2
    assert sentences[1][0].text == lede


@pytest.mark.parametrize(
    "text", ["U.S. forces struck again - twice.", "Iran - as I said - is weak.", "Fine - go."]
)
def test_a_dash_in_a_sentence_is_no_dateline(nlp, text):
    assert len(list(nlp(text).sents)) == 1


def test_a_lede_read_as_a_participle_is_the_reported_clause(nlp):
    doc = nlp(
        "Islamist militants killed at least 40 soldiers in an attack on an army post in "
        "western Niger on Wednesday, the defence ministry said on Friday."
    )
    killed = next(t for t in doc if t.text == "killed")
    militants = next(t for t in doc if t.text == "militants")
    assert killed.head.lemma_ == "say" and killed.dep_ == "ccomp"
    assert militants.head.i == killed.i and militants.dep_ == "nsubj"


def test_a_participle_without_an_object_is_left_alone(nlp):
    doc = nlp("Soldiers wounded in the clash, the army said, were flown to the capital.")
    wounded = next(t for t in doc if t.text == "wounded")
    assert wounded.dep_ != "ccomp"


@pytest.mark.parametrize(
    "text, obj, name",
    [
        ("Putin called the mutineers traitors.", "mutineers", "traitors"),
        ("He called the Houthis terrorists.", "Houthis", "terrorists"),
    ],
)
def test_an_object_and_its_name_are_two_nouns(nlp, text, obj, name):
    doc = nlp(text)
    obj_token = next(t for t in doc if t.text == obj)
    name_token = next(t for t in doc if t.text == name)
    assert obj_token.dep_ == "dobj" and obj_token.head.lemma_ == "call"
    assert name_token.dep_ == "oprd"


def test_a_compound_object_of_another_verb_is_left_alone(nlp):
    doc = nlp("The army arrested the arms dealers.")
    dealers = next(t for t in doc if t.text == "dealers")
    assert dealers.dep_ == "dobj"
    assert next(t for t in doc if t.text == "arms").dep_ == "compound"


def test_a_name_alone_after_call_is_whom_was_called(nlp):
    doc = nlp("Pakistani Prime Minister Shehbaz Sharif called Indian Prime Minister Narendra Modi.")
    modi = next(t for t in doc if t.text == "Modi")
    assert modi.dep_ == "dobj" and modi.head.lemma_ == "call"


def test_a_headline_verb_tagged_as_a_noun_is_a_verb(nlp):
    doc = nlp("Protesters storm parliament in Nairobi as police open fire")
    assert next(t for t in doc if t.text == "storm").pos_ == "VERB"
    assert next(t for t in doc if t.text == "open").pos_ == "VERB"


def test_two_names_joined_by_a_comma_are_a_headline_s_subject(nlp):
    doc = nlp("Pakistan, India agree to ceasefire after four days of fighting")
    pakistan = next(t for t in doc if t.text == "Pakistan")
    india = next(t for t in doc if t.text == "India")
    assert pakistan.dep_ == "nsubj" and india.dep_ == "conj" and india.head.i == pakistan.i


def test_the_means_of_a_response_is_the_verb_s_own(nlp):
    doc = nlp("Pyongyang said it would respond to any provocation with force.")
    means = next(t for t in doc if t.lower_ == "with")
    assert means.head.lemma_ == "respond"


def test_a_with_phrase_of_the_responded_thing_stays_when_the_verb_has_one(nlp):
    doc = nlp("The army responded with artillery to attacks with drones.")
    withs = [t for t in doc if t.lower_ == "with"]
    assert withs[0].head.lemma_ == "respond"


def test_a_headline_opened_by_a_count_has_the_count_as_subject(nlp):
    doc = nlp("Thousands rally in Tbilisi against foreign agent law")
    rally = doc[1]
    assert rally.pos_ == "VERB" and doc[0].dep_ == "nsubj"
    untouched = nlp("Thousands of people joined the rally.")
    assert untouched[0].dep_ != "nsubj" or untouched[0].head.lower_ == "joined"


def test_a_subject_hung_from_an_auxiliary_is_the_verbs(nlp):
    doc = nlp("Egypt and Qatar are mediating between Israel and Hamas.")
    egypt = next(t for t in doc if t.text == "Egypt")
    assert egypt.dep_ == "nsubj" and egypt.head.text == "mediating"


def test_mediators_coordinated_before_an_auxiliary_are_the_source(analyse_text):
    result = analyse_text("Oman and Qatar are mediating between Iran and the United States.")
    found = [e for e in result.events if e.trigger == "mediating"]
    assert found and {a.code for a in found[0].source} == {"OMN", "QAT"}


def test_a_finite_verb_after_an_infinitive_joins_the_infinitives_head(nlp):
    doc = nlp("France urged Rwanda to withdraw its forces and called on the rebels to halt.")
    called = next(t for t in doc if t.text == "called")
    assert called.head.text == "urged"


def test_an_infinitive_joined_to_an_infinitive_is_left_alone(nlp):
    doc = nlp("France urged Rwanda to withdraw its forces and return home.")
    back = next(t for t in doc if t.text == "return")
    assert back.head.text == "withdraw"


def test_a_speech_act_after_a_clause_about_a_thing_is_the_speakers(nlp):
    doc = nlp(
        "Mujahid said the strikes violated Afghan sovereignty and warned that Kabul would respond."
    )
    warned = next(t for t in doc if t.text == "warned")
    assert warned.head.text == "said"


def test_a_speech_act_after_a_clause_about_people_is_left_alone(nlp):
    doc = nlp("Officials said the rebels seized the town and warned that they would advance.")
    warned = next(t for t in doc if t.text == "warned")
    assert warned.head.text != "said"


def test_a_name_interrupted_by_a_relative_clause_is_the_verbs_subject(nlp):
    doc = nlp(
        "Venezuela, which has hosted several rounds of the negotiations, called on both "
        "parties to return to the table."
    )
    called = next(t for t in doc if t.text == "called")
    venezuela = doc[0]
    assert called.dep_ == "ROOT" and venezuela.head.i == called.i and venezuela.dep_ == "nsubj"


def test_an_agency_alone_in_brackets_is_a_dateline(nlp):
    doc = nlp("(AFP) \u2014 Myanmar's military carried out air strikes on a village on Wednesday.")
    lede = next(t for t in doc if t.text == "Myanmar")
    assert lede.is_sent_start


def test_a_speakers_act_after_a_passive_report_is_the_speakers(analyse_text):
    result = analyse_text(
        "Islamabad said two children were killed, recalled its ambassador from Tehran and "
        "told Iran's envoy not to return."
    )
    recalled = [e for e in result.events if e.trigger == "recalled"]
    assert recalled and [a.code for a in recalled[0].source] == ["PAKGOV"]


def test_a_comment_header_line_is_not_part_of_the_first_sentence(nlp):
    sentences = [
        s.text.strip()
        for s in nlp(
            "Hamid May 12, 2024 at 11:02 am\nThe RSF will take the city within a month."
        ).sents
    ]
    assert sentences == [
        "Hamid May 12, 2024 at 11:02 am",
        "The RSF will take the city within a month.",
    ]


def test_a_number_opening_the_line_after_a_header_stays_in_its_sentence(nlp):
    sentences = [
        s.text.strip()
        for s in nlp(
            "Hana_M Nov 24, 2023 22:19\n39 prisoners freed, most of them never charged."
        ).sents
    ]
    assert sentences[-1] == "39 prisoners freed, most of them never charged."


def test_a_line_broken_inside_a_sentence_stays_one_sentence(nlp):
    text = "The army said on Friday that\nthe rebels had withdrawn from the town."
    assert len(list(nlp(text).sents)) == 1


def test_an_owned_word_read_as_an_adjective_before_a_past_verb_is_the_subject(nlp):
    # "military" after a possessive, tagged as an adjective, and "seized" read as an
    # adjective of "power": the whole sentence one noun phrase with a participle after it
    doc = nlp("Myanmar's military seized power in a coup on Monday, detaining the leader.")
    seized = next(t for t in doc if t.text == "seized")
    assert seized.dep_ == "ROOT"
    assert [c.text for c in seized.children if c.dep_ == "nsubj"] == ["military"]
    assert [c.text for c in seized.children if c.dep_ == "dobj"] == ["power"]
    detaining = next(t for t in doc if t.text == "detaining")
    assert detaining.head.i == seized.i


def test_a_sentence_with_its_own_verb_keeps_its_parse(nlp):
    doc = nlp("The army said elected officials were detained.")
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "ROOT"


def test_a_noun_hung_from_the_verb_after_its_object_joins_the_object(nlp):
    doc = nlp("The bombing killed 13 U.S. service members and at least 170 Afghans.")
    afghans = next(t for t in doc if t.text == "Afghans")
    assert afghans.dep_ == "conj" and afghans.head.text == "members"


def test_a_capitalised_name_read_as_a_verb_is_the_subject(nlp):
    doc = nlp("ECOWAS imposed sanctions on Niger and suspended all commercial transactions.")
    ecowas, imposed = doc[0], doc[1]
    assert imposed.dep_ == "ROOT" and ecowas.dep_ == "nsubj" and ecowas.head == imposed
    assert next(t for t in doc if t.text == "suspended").head == imposed


def test_a_writers_aside_read_as_the_main_clause_is_set_beside_it(nlp):
    doc = nlp("Congo accused Rwanda of backing the rebels, a charge Kigali denies.")
    accused = next(t for t in doc if t.text == "accused")
    denies = next(t for t in doc if t.text == "denies")
    assert accused.dep_ == "ROOT"
    assert denies.dep_ == "relcl" and denies.head.text == "charge"
    assert next(t for t in doc if t.text == "Kigali").head == denies


def test_a_speaker_after_a_comma_is_no_aside(nlp):
    doc = nlp("Congo accused Rwanda of backing the rebels, a spokesman said.")
    assert next(t for t in doc if t.text == "said").dep_ == "ROOT"


def test_a_past_verb_read_as_a_clause_of_its_subject_is_the_verb(nlp):
    doc = nlp("A UN report accused Rwanda of supporting the M23.")
    accused = next(t for t in doc if t.text == "accused")
    assert accused.dep_ == "ROOT"
    assert next(t for t in doc if t.text == "report").head == accused


def test_a_capitalised_name_read_as_a_noun_before_a_past_verb_is_the_subject(nlp):
    doc = nlp("ECOWAS slapped sanctions on Mali in January.")
    assert doc[1].dep_ == "ROOT" and doc[0].dep_ == "nsubj" and doc[0].head == doc[1]


def test_a_feeling_read_as_a_passive_is_an_adjective_after_be(nlp):
    doc = nlp("Germany was deeply shocked by the killings.")
    shocked = next(t for t in doc if t.text == "shocked")
    assert shocked.dep_ == "acomp" and shocked.head.lemma_ == "be"
    assert next(t for t in doc if t.text == "by").head == shocked
    assert doc[0].dep_ == "nsubj"


def test_a_speakers_act_after_a_subordinate_clause_is_joined_to_the_speech(nlp):
    doc = nlp(
        "Prime Minister Tomas Varga said the war would resume once the truce ended and "
        "vowed to destroy the rebels."
    )
    vowed = next(t for t in doc if t.text == "vowed")
    assert vowed.head.text == "said"
    # a second act of the clause's own subject stays in the clause
    doc = nlp("Varga said the rebels would return once the army left and attacked the town.")
    attacked = next(t for t in doc if t.text == "attacked")
    assert attacked.head.text != "said"


def test_an_acronym_set_beside_its_noun_is_the_subject_not_a_verb(nlp):
    doc = nlp("The West African bloc ECOWAS threatened military intervention in Niger.")
    threatened = next(t for t in doc if t.text == "threatened")
    assert threatened.dep_ == "ROOT"
    assert {c.text for c in threatened.children if c.dep_ == "nsubj"} == {"bloc"}
    assert next(t for t in doc if t.text == "ECOWAS").dep_ == "appos"


def test_a_relative_clause_without_that_after_a_noun_and_its_apposed_subject(nlp):
    doc = nlp(
        "Moscow annexed four regions, a move the United Nations General Assembly condemned "
        "by a large majority."
    )
    verb = next(t for t in doc if t.text == "condemned")
    subject = next(t for t in doc if t.text == "Assembly")
    assert verb.dep_ == "relcl" and verb.head.text == "move"
    assert subject.dep_ == "nsubj" and subject.head.i == verb.i
