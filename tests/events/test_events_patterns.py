"""Tests for the event coder's knowledge files and their loader (sitrep.events.patterns)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import DataFileError
from sitrep.events.patterns import (
    NOT_AN_EVENT,
    PLOVER_TYPES,
    PatternBook,
    UnknownEventTypeError,
    VerbContext,
    find_phrases,
    normalize_lemma,
    phrase_words,
    spelling_variants,
)
from sitrep.models import Modality

DATA = Path(__file__).resolve().parents[2] / "src" / "sitrep" / "data"


@pytest.fixture(scope="module")
def book() -> PatternBook:
    return PatternBook.load()


def write(tmp_path: Path, text: str, name: str = "extra.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- loading


def test_load_builds_a_versioned_book(book):
    assert len(book.verbs) >= 400
    assert book.version.startswith("1.") and "+" in book.version
    assert [t.name for t in book.types] == list(PLOVER_TYPES)


def test_every_type_has_verbs_and_nouns(book):
    for name in PLOVER_TYPES:
        verbs = [v for v in book.verbs if v.type == name]
        nouns = [n for n in book.nouns if n.type == name]
        assert len(verbs) >= 8, name
        assert len(nouns) >= 2, name


def test_type_info_quads_scores_and_modes(book):
    assault = book.type_info("ASSAULT")
    assert assault.quad == "material_conflict"
    assert assault.score_for("aerial") == -10.0
    assert assault.score_for(None) == assault.score
    assert "targeted" in assault.modes
    assert book.type_info("agree").quad == "verbal_coop"
    for info in book.types:
        assert -10 <= info.score <= 10
    coop = [t.score for t in book.types if t.quad.endswith("coop")]
    conflict = [t.score for t in book.types if t.quad.endswith("conflict")]
    assert min(coop) > 0 > max(conflict)
    assert book.score("PROTEST", "boycott") > book.score("ASSAULT")
    with pytest.raises(UnknownEventTypeError, match="current_name"):
        book.type_info("FIGHT")


def test_modes_of_entries_belong_to_their_type(book):
    for pattern in [*book.verbs, *book.nouns]:
        if pattern.mode is not None:
            assert pattern.mode in book.type_info(pattern.type).modes, pattern.origin


# ----------------------------------------------------------------------------- lookups


def test_clash_with_targets_the_prepositional_object(book):
    pattern = book.match_verb(
        VerbContext("clash", prep_objects=(("with", ("protester",)),)),
    )
    assert (pattern.type, pattern.prep, pattern.target, pattern.symmetric) == (
        "ASSAULT",
        "with",
        "prep",
        True,
    )
    bare = book.match_verb(VerbContext("clash"))
    assert bare.type == "ASSAULT" and bare.target == "none"


def test_pull_out_is_a_withdrawal_and_particle_may_come_as_a_preposition(book):
    assert book.match_verb(VerbContext("pull", particle="out")).mode == "withdraw"
    # spaCy often labels "out" in "pulled out of" as a preposition
    context = VerbContext("pull", prep_objects=(("out", ()), ("of", ("syria",))))
    pattern = book.match_verb(context)
    assert (pattern.type, pattern.target, pattern.prep) == ("RETREAT", "prep", "of")
    treaty = VerbContext("pull", particle="out", prep_objects=(("of", ("treaty",)),))
    assert book.match_verb(treaty).type == "SANCTION"


def test_sign_needs_an_agreement_object(book):
    signed = book.match_verb(VerbContext("sign", objects=("peace deal", "deal")))
    assert signed.type == "AGREE"
    with_partner = VerbContext("sign", objects=("accord",), prep_objects=(("with", ("iran",)),))
    assert book.match_verb(with_partner).target == "prep"
    assert book.match_verb(VerbContext("sign", objects=("bill",))) is None


def test_object_specific_readings_beat_bare_ones(book):
    assert book.match_verb(VerbContext("strike", objects=("deal",))).type == "AGREE"
    assert book.match_verb(VerbContext("strike", objects=("depot",))).type == "ASSAULT"
    toned = book.match_verb(VerbContext("strike", objects=("tone",)))
    assert toned.type == NOT_AN_EVENT and not toned.is_event
    curfew = book.match_verb(VerbContext("impose", objects=("curfew",)))
    assert (curfew.type, curfew.mode) == ("COERCE", "curfew")
    sanctions = book.match_verb(
        VerbContext("impose", objects=("sanction",), prep_objects=(("on", ("russia",)),))
    )
    assert (sanctions.type, sanctions.target) == ("SANCTION", "prep")
    fire = book.match_verb(
        VerbContext("open", objects=("fire",), prep_objects=(("on", ("crowd",)),))
    )
    assert (fire.type, fire.mode, fire.target) == ("ASSAULT", "firearms", "prep")
    # easing administrative restrictions concedes; easing a blockade opens access at once
    assert book.match_verb(VerbContext("lift", objects=("sanction",))).type == "CONCEDE"
    assert book.match_verb(VerbContext("lift", objects=("blockade",))).type == "RETREAT"


def test_preposition_objects_select_the_reading(book):
    strike = VerbContext("go", prep_objects=(("on", ("strike",)),))
    assert book.match_verb(strike).type == "PROTEST"
    talks = VerbContext("call", prep_objects=(("for", ("talk",)),))
    assert (book.match_verb(talks).type, book.match_verb(talks).mode) == ("REQUEST", "meet")
    appeal = VerbContext("call", prep_objects=(("on", ("iran",)),))
    assert book.match_verb(appeal).target == "prep"


def test_known_particle_blocks_the_bare_reading(book):
    assert book.match_verb(VerbContext("call", particle="off", objects=("search",))) is None
    off = book.match_verb(VerbContext("call", particle="off", objects=("talk",)))
    assert off.type == "SANCTION"
    assert book.match_verb(VerbContext("fight", particle="back")).type == "ASSAULT"


def test_negate_and_passive_flags(book):
    rule_out = VerbContext("rule", particle="out", objects=("force",))
    assert book.match_verb(rule_out).type == "REJECT"
    negated = VerbContext("rule", particle="out", objects=("force",), negated=True)
    assert book.match_verb(negated).type == "THREATEN"
    assert book.match_verb(VerbContext("meet", passive=True)) is None
    assert book.match_verb(VerbContext("attack", passive=True)).type == "ASSAULT"


def test_infinitive_complements_select_the_reading(book):
    """ "declined to send troops" is a refusal, "declined to comment" is no event, and
    "exports declined" (no infinitive) matches neither reading."""
    send = book.match_verb(VerbContext("decline", infinitive="send"))
    assert (send.type, send.infinitives) == ("REJECT", ("any",))
    assert not book.match_verb(VerbContext("decline", infinitive="comment")).is_event
    assert not book.match_verb(VerbContext("refuse", infinitive="comment")).is_event
    assert book.match_verb(VerbContext("refuse", infinitive="negotiate")).type == "REJECT"
    assert book.match_verb(VerbContext("decline")) is None


def test_infinitive_field_must_list_single_words(tmp_path):
    error = load_error(
        tmp_path, "schema: 1\nverbs:\n  - {lemma: balk, infinitive: [give up], type: REJECT}\n"
    )
    assert "field 'infinitive' must list single words" in error.problem


def test_crack_down_on(book):
    context = VerbContext("crack", particle="down", prep_objects=(("on", ("protester",)),))
    pattern = book.match_verb(context)
    assert (pattern.type, pattern.target) == ("COERCE", "prep")


def test_verb_patterns_are_most_specific_first(book):
    patterns = book.verb_patterns("strike")
    scores = [p.specificity for p in patterns]
    assert scores == sorted(scores, reverse=True)
    assert patterns[-1].objects == () and patterns[-1].prep is None


def test_spelling_variants_and_normalisation(book):
    assert "criticize" in spelling_variants("criticise")
    assert book.verb_patterns("Criticise")[0].type == "ACCUSE"
    assert book.verb_patterns("militarize")  # listed
    assert book.verb_patterns("organise") == book.verb_patterns("organize")
    assert normalize_lemma("Sit - In") == "sit in" == normalize_lemma("sit-in")
    assert normalize_lemma("chargé d\u2019affaires") == "chargé d'affaires"
    assert book.verb_patterns("frobnicate") == []


def test_nouns_including_multiword(book):
    civil = book.noun_pattern("civil strike")
    assert (civil.type, civil.mode) == ("PROTEST", "strike")
    assert book.noun_pattern("strike").type == "ASSAULT"
    assert book.noun_pattern("sit-in").type == "PROTEST"
    assert book.noun_pattern("cease - fire").mode == "ceasefire"
    assert book.noun_pattern("airstrike").mode == "aerial"
    assert book.noun_pattern("talk").symmetric
    assert "with" in book.noun_pattern("clash").target_preps
    assert book.noun_pattern("attack").source_preps == ("by",)
    assert book.noun_pattern("missile") is None  # weapons are not events


def test_match_noun_premodifiers(book):
    assert book.match_noun("strike", ["general"]).mode == "strike"
    assert book.match_noun("bombing", ["deadly", "car"]).mode == "explosives"
    assert book.match_noun("strike", ["israeli"]).type == "ASSAULT"
    assert book.match_noun("release", ["press"], has_compound=True).type == NOT_AN_EVENT
    assert book.match_noun("release", ["embassy"], has_compound=True) is None
    assert book.match_noun("release", ["swift"]).type == "RETREAT"
    assert book.match_noun("state", of_object="emergency").mode == "martial-law"


def test_light_verbs(book):
    assert book.is_light_verb("launch")
    assert book.is_light_verb("carry", "out")
    assert not book.is_light_verb("carry")
    assert book.is_light_verb("step", particle="up")
    assert book.is_light_verb("engage", prep="in")
    assert not book.is_light_verb("call", prep="for")
    assert book.light_verb("organise") is not None


def test_old_names_map_to_current(book):
    assert book.current_name("FIGHT") == ("ASSAULT", None)
    assert book.current_name("investigate") == ("ACCUSE", "investigate")
    assert book.current_name("DEMAND") == ("REQUEST", None)
    assert book.current_name("DISAPPROVE") == ("ACCUSE", None)
    assert book.current_name("ASSAULT") == ("ASSAULT", None)
    with pytest.raises(UnknownEventTypeError, match="retired"):
        book.current_name("CRIME")
    with pytest.raises(UnknownEventTypeError, match="neither"):
        book.current_name("DOCUMENT")
    assert book.current_mode("PROTEST", "strike-hun") == "hunger"
    assert book.current_mode("ASSAULT", "assassinate") == "targeted"
    assert book.current_mode("ASSAULT", "aerial") == "aerial"
    assert book.current_mode("CONSULT", "host") == "visit"
    assert book.current_mode("COERCE", "firearms") is None


def test_lemma_fixes(book):
    assert book.fix_lemma("Waged", "wag") == "wage"
    assert book.fix_lemma("attacked", "attack") == "attack"


# ----------------------------------------------------------------------------- cues


def test_cues_lists_and_precedence(book):
    cues = book.cues
    assert {"say", "tell", "deny"} <= cues.speech_verbs
    assert "according to" in cues.speech_phrases
    assert {"may", "reportedly"} <= cues.hedges
    assert "will" in cues.prediction and "be going to" in cues.prediction_phrases
    assert "if" in cues.conditional and "would" in cues.conditional_modals
    assert {"not", "never", "n't"} <= cues.negation
    assert "deny" in cues.negating_verbs
    assert cues.precedence[0] == "question" and cues.precedence[-1] == "asserted"
    assert cues.strongest(["speculated", "predicted"]) is Modality.PREDICTED
    assert cues.strongest(["reported", "negated", "predicted"]) is Modality.NEGATED
    assert cues.strongest([]) is Modality.ASSERTED
    assert cues.is_question('Will the army pull back?"')
    assert not cues.is_question("Why the army pulled back")


def test_phrase_words_split_like_spacy():
    assert phrase_words("I'm guessing") == ("i", "'m", "guessing")
    assert phrase_words("didn't") == ("did", "n't")
    assert phrase_words("prediction:") == ("prediction", ":")


# ----------------------------------------------------------------------------- user files


def test_user_file_adds_overrides_and_disables(tmp_path, book):
    extra = write(
        tmp_path,
        """schema: 1
verbs:
  - {lemma: shell, type: ASSAULT, mode: explosives, note: replaced}
  - {lemma: torpedo, object: [talk, deal], type: REJECT}
  - {lemma: sign, object: [deal], type: SUPPORT}
  - {lemma: target, disable: true}
nouns:
  - {lemma: drone swarm, type: ASSAULT, mode: drone, target_preps: [on]}
  - {lemma: threat, type: NONE}
light_verbs:
  - {lemma: attempt}
lemma_fixes:
  shelld: shell
""",
    )
    custom = PatternBook.load([extra])
    assert custom.verb_patterns("shell")[0].mode == "explosives"
    assert custom.verb_patterns("shell")[0].note == "replaced"
    assert len(custom.verb_patterns("shell")) == 1
    assert custom.match_verb(VerbContext("torpedo", objects=("talk",))).type == "REJECT"
    # a user entry ties with the built-in sign + [deal, ...] entry and wins the tie
    assert custom.match_verb(VerbContext("sign", objects=("deal",))).type == "SUPPORT"
    assert custom.match_verb(VerbContext("sign", objects=("treaty",))).type == "AGREE"
    assert custom.verb_patterns("target") != book.verb_patterns("target")
    assert all(p.objects for p in custom.verb_patterns("target"))
    assert custom.noun_pattern("drone swarm").mode == "drone"
    assert not custom.noun_pattern("threat").is_event
    assert custom.is_light_verb("attempt") and not book.is_light_verb("attempt")
    assert custom.fix_lemma("shelld", "shelld") == "shell"
    assert custom.version != book.version
    assert book.verb_patterns("shell")[0].mode == "heavy-weapons"  # built-in untouched


# ----------------------------------------------------------------------------- validation


def load_error(tmp_path: Path, text: str) -> DataFileError:
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        PatternBook.load([path])
    assert str(path) in str(caught.value)
    return caught.value


def test_unknown_type_is_named(tmp_path):
    error = load_error(tmp_path, "schema: 1\nverbs:\n  - {lemma: bash, type: ATACK}\n")
    assert error.entry.startswith("verbs #1 'bash'") and "line 3" in error.entry
    assert "field 'type'" in error.problem and "'ATACK'" in error.problem
    old = load_error(tmp_path, "schema: 1\nverbs:\n  - {lemma: bash, type: FIGHT}\n")
    assert "use 'ASSAULT'" in old.problem


def test_unknown_mode_for_type(tmp_path):
    error = load_error(
        tmp_path, "schema: 1\nverbs:\n  - {lemma: bash, type: PROTEST, mode: aerial}\n"
    )
    assert "field 'mode'" in error.problem and "not a mode of PROTEST" in error.problem
    no_modes = load_error(
        tmp_path, "schema: 1\nnouns:\n  - {lemma: pact2, type: AGREE, mode: visit}\n"
    )
    assert "remove 'mode'" in no_modes.problem and no_modes.entry.startswith("nouns #1")


def test_bad_target(tmp_path):
    error = load_error(tmp_path, "schema: 1\nverbs:\n  - {lemma: bash, type: ASSAULT, target: iobj}\n")  # fmt: skip
    assert "field 'target'" in error.problem and "dobj, prep, none" in error.problem
    missing_prep = load_error(
        tmp_path, "schema: 1\nverbs:\n  - {lemma: bash, type: ASSAULT, target: prep}\n"
    )
    assert "'prep'" in missing_prep.problem


def test_duplicate_entry_and_duplicate_yaml_key(tmp_path):
    error = load_error(
        tmp_path,
        "schema: 1\nverbs:\n  - {lemma: bash, type: ASSAULT}\n  - {lemma: Bash, type: COERCE}\n",
    )
    assert error.entry.startswith("verbs #2") and "duplicate of verbs #1" in error.problem
    key = load_error(tmp_path, "schema: 1\nverbs: []\nverbs: []\n")
    assert "duplicate key 'verbs'" in key.problem and "line 3" in key.problem
    overlap = load_error(
        tmp_path,
        "schema: 1\nverbs:\n  - {lemma: bash, object: [a, b], type: ASSAULT}\n"
        "  - {lemma: bash, object: [b, c], type: COERCE}\n",
    )
    assert "'b' is also listed by verbs #1" in overlap.problem


def test_missing_lemma_and_unknown_field(tmp_path):
    error = load_error(tmp_path, "schema: 1\nverbs:\n  - {type: ASSAULT}\n")
    assert error.problem == "missing field 'lemma'" and error.entry.startswith("verbs #1")
    field = load_error(tmp_path, "schema: 1\nverbs:\n  - {lemma: bash, type: ASSAULT, objects: [x]}\n")  # fmt: skip
    assert "unknown field 'objects'" in field.problem


def test_yaml_syntax_error_reports_line(tmp_path):
    error = load_error(tmp_path, "schema: 1\nverbs:\n  - {lemma: bash, type: ASSAULT\n")
    assert "invalid YAML at line" in error.problem


def test_schema_and_sections_are_checked(tmp_path):
    assert "set 'schema: 1'" in load_error(tmp_path, "schema: 2\nverbs: []\n").problem
    types = load_error(tmp_path, "schema: 1\ntypes: {}\n")
    assert "unknown section 'types'" in types.problem
    with pytest.raises(DataFileError, match="file not found"):
        PatternBook.load([tmp_path / "absent.yaml"])


def test_yaml_booleans_do_not_eat_words(tmp_path):
    path = write(tmp_path, "schema: 1\nverbs:\n  - {lemma: pile, prep: on, particle: off, type: ASSAULT, target: prep}\n")  # fmt: skip
    pattern = PatternBook.load([path]).verb_patterns("pile")[0]
    assert (pattern.prep, pattern.particle) == ("on", "off")


def test_builtin_type_section_errors(tmp_path):
    verbs = (DATA / "verbs.yaml").read_text(encoding="utf-8")
    cues = DATA / "cues.yaml"
    broken = write(tmp_path, verbs.replace("    score: -9.5\n", "    score: -19.5\n"), "v.yaml")
    with pytest.raises(DataFileError, match=r"types\.ASSAULT.*\[-10, 10\]"):
        PatternBook.from_files(broken, cues)
    missing = write(tmp_path, verbs.replace("  AGREE:\n", "  AGREEMENT:\n"), "v2.yaml")
    with pytest.raises(DataFileError, match="'AGREEMENT' is not a current PLOVER type"):
        PatternBook.from_files(missing, cues)


def test_cue_file_errors(tmp_path):
    verbs = DATA / "verbs.yaml"
    cues = (DATA / "cues.yaml").read_text(encoding="utf-8")
    spaced = write(tmp_path, cues.replace("hedges: [\n", 'hedges: [\n  "my guess",\n'), "c.yaml")
    with pytest.raises(DataFileError, match="move it to hedge_phrases"):
        PatternBook.from_files(verbs, spaced)
    order = write(tmp_path, cues.replace(", reported, asserted]", ", asserted]"), "c2.yaml")
    with pytest.raises(DataFileError, match="each modality exactly once"):
        PatternBook.from_files(verbs, order)


# ----------------------------------------------------------------------------- spaCy


# One sentence per type (several for tricky forms); the word whose lemma is looked up.
LEMMA_SENTENCES = [
    ("The two ministers agreed to cooperate on border security.", "agreed", "AGREE"),
    ("Both parties pledged to respect the truce.", "pledged", "AGREE"),
    ("The envoy met his counterpart in Muscat on Tuesday.", "met", "CONSULT"),
    ("The president telephoned the king late on Sunday.", "telephoned", "CONSULT"),
    ("Several governments praised the agreement.", "praised", "SUPPORT"),
    ("Paris recognised the new government.", "recognised", "SUPPORT"),
    ("The junta conceded defeat after the vote.", "conceded", "CONCEDE"),
    ("The prime minister apologised to the families.", "apologised", "CONCEDE"),
    ("Spain extradited the suspect to France.", "extradited", "COOPERATE"),
    ("The two navies collaborated on the rescue.", "collaborated", "COOPERATE"),
    ("The agency airlifted medicine to the valley.", "airlifted", "AID"),
    ("Donors funded the new clinic.", "funded", "AID"),
    ("The battalion withdrew from the town at dawn.", "withdrew", "RETREAT"),
    ("The militia freed twelve hostages.", "freed", "RETREAT"),
    ("The opposition demanded fresh elections.", "demanded", "REQUEST"),
    ("The council urged both sides to show restraint.", "urged", "REQUEST"),
    ("The minister criticised the generals.", "criticised", "ACCUSE"),
    ("The minister criticized the generals.", "criticized", "ACCUSE"),
    ("Prosecutors indicted the former governor.", "indicted", "ACCUSE"),
    ("The assembly rejected the proposal.", "rejected", "REJECT"),
    ("Moscow vetoed the draft resolution.", "vetoed", "REJECT"),
    ("The militants threatened the village elders.", "threatened", "THREATEN"),
    ("Students protested against the new law.", "protested", "PROTEST"),
    ("Youths rioted after the verdict.", "rioted", "PROTEST"),
    ("Washington sanctioned three banks.", "sanctioned", "SANCTION"),
    ("The tribunal fined the broadcaster.", "fined", "SANCTION"),
    ("The army deployed troops to the frontier.", "deployed", "MOBILIZE"),
    ("The government mobilised its reservists.", "mobilised", "MOBILIZE"),
    ("The government mobilized its reservists.", "mobilized", "MOBILIZE"),
    ("Police arrested twenty demonstrators.", "arrested", "COERCE"),
    ("Police raided the party offices.", "raided", "COERCE"),
    ("The regime outlawed the movement.", "outlawed", "COERCE"),
    ("Government forces shelled the village.", "shelled", "ASSAULT"),
    ("Rebels kidnapped two engineers.", "kidnapped", "ASSAULT"),
    ("Police clashed with stone-throwing youths.", "clashed", "ASSAULT"),
    ("The army retook the airport.", "retook", "ASSAULT"),
    ("The insurgents waged a long campaign.", "waged", "ASSAULT"),
]

NOUN_SENTENCES = [
    ("The airstrikes continued overnight.", "airstrikes", "ASSAULT"),
    ("The talks collapsed on Monday.", "talks", "CONSULT"),
    ("New sanctions took effect.", "sanctions", "SANCTION"),
    ("The hostilities resumed.", "hostilities", "ASSAULT"),
    ("The arrests angered the opposition.", "arrests", "COERCE"),
    ("The ceasefire held for a week.", "ceasefire", "RETREAT"),
]


@pytest.fixture(scope="module")
def parsed(nlp):
    texts = [s for s, _, _ in LEMMA_SENTENCES + NOUN_SENTENCES]
    return list(nlp.pipe(texts))


def test_spacy_verb_lemmas_exist_in_the_book(book, parsed):
    missing = []
    for doc, (sentence, word, expected) in zip(parsed, LEMMA_SENTENCES, strict=False):
        token = next(t for t in doc if t.text == word)
        lemma = book.fix_lemma(token.text, token.lemma_)
        if expected not in {p.type for p in book.verb_patterns(lemma)}:
            missing.append(f"{sentence!r}: {word} -> {lemma!r}")
    assert not missing, missing


def test_spacy_noun_lemmas_exist_in_the_book(book, parsed):
    for doc, (_, word, expected) in zip(parsed[len(LEMMA_SENTENCES) :], NOUN_SENTENCES, strict=True):  # fmt: skip
        token = next(t for t in doc if t.text == word)
        pattern = book.noun_pattern(token.lemma_)
        assert pattern is not None and pattern.type == expected, (word, token.lemma_)


def test_cue_phrases_match_spacy_tokens(book, nlp):
    doc = nlp("I'm guessing the army is set to withdraw, according to officials.")
    hedges = find_phrases(doc, book.cues.hedge_phrases)
    assert [(doc[s:e].text, p) for s, e, p in hedges] == [("I'm guessing", "i 'm guessing")]
    predictions = [p for _, _, p in find_phrases(doc, book.cues.prediction_phrases)]
    assert "be set to" in predictions
    speech = [p for _, _, p in find_phrases(doc, book.cues.speech_phrases)]
    assert speech == ["according to"]
    negated = nlp("The rebels didn't withdraw.")
    assert any(t.lemma_ in book.cues.negation or t.lower_ in book.cues.negation for t in negated)


def test_premod_role_is_validated(tmp_path):
    import pytest

    from sitrep.errors import DataFileError
    from sitrep.events.patterns import PatternBook

    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "schema: 1\nnouns:\n  - {lemma: incursion, type: ASSAULT, premod_role: victim}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        PatternBook.load([extra])
    assert "premod_role" in str(caught.value) and "incursion" in str(caught.value)
