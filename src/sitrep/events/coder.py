"""PLOVER coder: who did what to whom, from the dependency parse.

For each sentence of each parsed segment the coder finds event triggers and arguments:

- a verb with a pattern in the pattern book ("attack", "clash with", "pull out",
  "sign" + agreement): its subject is the source and its object, or the object of the
  pattern's preposition, the target. Passives swap them ("was killed by X"). A verb
  without a subject of its own takes the subject of the verb it is coordinated with or
  depends on ("clashed with X and conducted raids", "vowed to retaliate"), and an object
  it shares with the verb after it ("ramming and boarding a boat");
- a light verb whose object is an event noun ("launched an offensive", "carried out
  raids and arrests"): one event per coordinated noun, source from the verb's subject,
  target from the noun's prepositions ("an offensive against X");
- an event noun on its own ("the killing of Soleimani", "a missile strike by Iran",
  "Iran's strike on Ain al-Asad"): source from "by" or a possessive/compound actor,
  target from the noun's prepositions.

Arguments are resolved through the page's ``ActorIndex``; events with neither source nor
target are dropped, since nothing can be said about who did what to whom.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from sitrep.actors.kb import ActorBase
from sitrep.actors.resolve import ActorIndex
from sitrep.events.arguments import ArgumentReader
from sitrep.events.calls import (
    CONTENT_TYPES,
    call_trigger,
    embedded,
    obligation_trigger,
    quoted_speaker,
    ruled_out,
    ruled_out_act,
    ruling_copulas,
)
from sitrep.events.clauses import (
    OFFICE_NOUNS,
    announced_type,
    announcer,
    context_of,
    deadline_given,
    death_in_custody,
    future_blame,
    has_unless_condition,
    is_purpose,
    is_subordinate,
    mere_notice,
    names_what,
    not_an_act,
    preparing_verb,
    says_that,
    standing_accord,
    walkout,
    warned_fate,
    warned_of_a_state,
    within_scope,
    workplace,
)
from sitrep.events.discourse import HOSTILE_TYPES, POPULATION_MODES, PageContext
from sitrep.events.folding import (
    acts_of_event_nouns,
    agents_of_when_clauses,
    agreed_concessions,
    blamed_for,
    bodies_left,
    casualty_tolls,
    considered_acts,
    crushing_verbs,
    is_restatement,
    own_orders,
    promised_threats,
    protest_aims,
    talk_topics,
)
from sitrep.events.implied import (
    armed_march,
    crowd_act,
    crowd_noun,
    deployed_forces,
    forces_arriving,
    home_visit,
    joint_exercise,
    moved_by_force,
    names_a_coup,
    names_each_other,
    own_voice,
    reciprocal_parts,
)
from sitrep.events.modality import read_modality
from sitrep.events.patterns import NounPattern, PatternBook, VerbContext, VerbPattern
from sitrep.events.recipient_words import is_definite
from sitrep.events.recipients import (
    RecipientFinder,
    fallback_targets,
    same_state,
    told_source,
)
from sitrep.events.syntax import adjective_complements as _adjective_complements
from sitrep.events.syntax import agentless as _agentless
from sitrep.events.syntax import (
    antecedent,
    complement_sources_targets,
    doers_of,
    noun_targets,
    preps_under,
    prevented_act,
    speech_verb,
    verb_particle,
)
from sitrep.events.syntax import children as _children
from sitrep.events.syntax import content_subjects as _content_subjects
from sitrep.events.syntax import distributive as _distributive
from sitrep.events.syntax import event_location as _event_location
from sitrep.events.syntax import gathered_for as _gathered_for
from sitrep.events.syntax import infinitive as _infinitive
from sitrep.events.syntax import is_content_clause as _is_content_clause
from sitrep.events.syntax import is_passive as _is_passive
from sitrep.events.syntax import is_time as _is_time
from sitrep.events.syntax import object_lemmas as _object_lemmas
from sitrep.events.syntax import object_predicates as _object_predicates
from sitrep.events.syntax import place_tokens as _place_tokens
from sitrep.events.syntax import pobjs as _pobjs
from sitrep.events.syntax import run_together as _run_together
from sitrep.events.syntax import shared_object as _shared
from sitrep.events.syntax import subjects as _subjects
from sitrep.events.syntax import with_conjuncts as _with_conjuncts
from sitrep.events.trigger import Trigger
from sitrep.models import (
    ActorRef,
    Event,
    Modality,
    Place,
    SegmentKind,
)
from sitrep.nlp import ParsedSegment

OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")
PREPOSITION_PARTICLES = frozenset({"on", "for", "with", "against", "to", "upon", "at"})
CODED_KINDS = (SegmentKind.BODY, SegmentKind.QUOTE, SegmentKind.COMMENT)

# (date, precision, the words it came from) for a sentence at an offset, or a function
# giving it for each trigger token of the sentence (a date belongs to the trigger's clause)
DateTriple = tuple[str | None, str | None, str | None]
DateResolver = Callable[[Span, int], DateTriple | Callable[[Token], DateTriple]]

# verbs whose gerund object is what the subject gets away from ("flee fighting")
FLEEING_VERBS = frozenset({"flee", "escape", "avoid", "evade", "dodge", "fear"})


class EventCoder(RecipientFinder, ArgumentReader):
    """Codes PLOVER events from parsed segments. Build once; call ``code`` per page."""

    def __init__(self, book: PatternBook, actors: ActorBase | None = None) -> None:
        self.book = book
        self.actors = actors  # names the country of a place that is an event's recipient

    # -- triggers ---------------------------------------------------------------------

    def _lemma(self, tok: Token) -> str:
        return self.book.fix_lemma(tok.text, tok.lemma_.lower())

    def _verb_pattern(
        self, verb: Token, places: frozenset[int] = frozenset()
    ) -> VerbPattern | None:
        passive = _is_passive(verb)
        particle = verb_particle(verb)
        objects = _object_lemmas(_children(verb, "nsubjpass" if passive else "dobj"), places)
        preps = [p for p in verb.children if p.dep_ in ("prep", "agent", "dative")]
        preps += preps_under(verb, (particle,))  # "pull out of the deal"
        prep_objects = tuple(
            (prep.lower_, _object_lemmas(_children(prep, "pobj")))
            for prep in preps
            if not _is_time(prep)
        )
        if particle in PREPOSITION_PARTICLES:
            # "called on people to leave": the parser's particle is the pattern's preposition
            prep_objects += ((particle, objects),)
        if any(c.dep_ == "advcl" and _is_content_clause(c) for c in verb.children):
            # "pushing hard for the US to support its plan": a "for" clause is the "for"
            prep_objects += (("for", ()),)
        negated = any(c.dep_ == "neg" for c in verb.children)
        comps = tuple(w for c in _adjective_complements(verb) for w in (c.lower_, c.lemma_.lower()))
        infinitive = _infinitive(verb)
        context = VerbContext(
            self._lemma(verb),
            particle,
            objects,
            prep_objects,
            negated,
            passive,
            comps,
            self._lemma(infinitive) if infinitive is not None else None,
        )
        return self.book.match_verb(context)

    def _naming_trigger(self, verb: Token, together: Sequence[Token] = ()) -> list[Trigger]:
        """ "called the raid a crime", "called Putin a dictator": naming is an accusation
        when the name judges (cues: disapproval), support when it praises (approval), and
        no event otherwise. "what he called an attack" names something else: no event."""
        if any(c.lower_ == "what" for c in verb.children):
            return []
        # the verb's own name for the object first: a clause before a semicolon
        # ("Ankara calls them terrorists; Europe calls them allies") is another naming
        predicate = _children(verb, "oprd") or _object_predicates(verb) or _children(verb, "ccomp")
        # ``together``: "called [the landing] [state-sponsored terrorism]" read as one phrase
        predicate = predicate or [n.head for n in together]
        words = {w for c in predicate for t in c.subtree for w in (t.lower_, t.lemma_.lower())}
        cues = self.book.cues
        if words & cues.disapproval:
            type_, mode = "ACCUSE", "disapprove"
        elif words & cues.approval or words & OFFICE_NOUNS:
            type_, mode = "SUPPORT", None  # also "named X as prime minister": an appointment
        else:
            return []
        sources, targets = tuple(_subjects(verb)), tuple(together or _children(verb, "dobj"))
        return [Trigger(verb, type_, mode, sources, targets, 0.6)]

    def _verb_trigger(self, verb: Token, places: frozenset[int] = frozenset()) -> list[Trigger]:
        named = _children(verb, "oprd") or _object_predicates(verb)
        together = [n for o in _children(verb, "dobj") for n in o.children if _run_together(n)]
        if ((named or together) and self._lemma(verb) in self.book.cues.naming_verbs) or (
            verb.dep_ == "relcl" and any(c.lower_ == "what" for c in verb.children)
        ):
            return self._naming_trigger(verb, together)
        if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
            return []  # "struck without seeking approval": an act said not to happen
        if (deadline := deadline_given(verb)) is not None:
            # "gave the junta one week to reinstate Bazoum or face military action"
            type_, mode, given = deadline
            return [Trigger(verb, type_, mode, tuple(_subjects(verb)), tuple(given), 0.8)]
        if prevented_act(verb):
            return []  # "banned them from travelling": the act kept from happening
        if (keepers := death_in_custody(verb)) is not None:
            # "a prisoner died in Israeli police custody": a harm by those who held him
            return [Trigger(verb, "ASSAULT", None, tuple(keepers), tuple(_subjects(verb)), 0.7)]
        if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and self._lemma(verb.head) in FLEEING_VERBS:
            return []  # "hundreds flee fighting": what they flee, not what they do
        pattern = self._verb_pattern(verb, places)
        if pattern is not None and not pattern.is_event:
            return []
        if pattern is not None and pattern.type == "PROTEST" and says_that(verb):
            # "the opposition protested that the vote was rigged": said, not marched
            pattern = replace(pattern, type="ACCUSE", mode="disapprove", target="none")
        if pattern is not None and not_an_act(verb, pattern):
            return []
        if pattern is not None and mere_notice(verb, pattern, self.book.cues, self._lemma(verb)):
            pattern = replace(pattern, type="CONSULT", mode=None, target="dobj")
        if pattern is not None and warned_of_a_state(
            verb, pattern, self.book.cues, self._lemma(verb)
        ):
            return []  # "warned that famine had taken hold": a report, not a threat
        light = self._light_verb_triggers(verb)
        if pattern is not None and pattern.type == "AGREE":
            # "agreed to US mediation" is intent to cooperate (AGREE); "agreed to new
            # sanctions" decides the hostile measure itself
            light = [t for t in light if "conflict" in self.book.type_info(t.type).quad]
        if light and (
            pattern is None
            or not pattern.objects
            or any(" " in (self._noun_pattern(t.token) or pattern).lemma for t in light)
        ):
            return light  # "staged a general strike": the multiword noun is more specific
        if pattern is None:
            return []
        passive = _is_passive(verb)
        subjects = _subjects(verb)
        if pattern.target == "speaker":
            # "Trump said Iran would pay a heavy price": the speaker threatens the subject
            said = speech_verb(verb)
            sources = _subjects(said) if said is not None else []
            if not sources:
                return []
            return [replace(Trigger.of(verb, pattern, sources, subjects, 0.8), spoken_by=said)]
        if pattern.complements:
            sources, targets = complement_sources_targets(verb, pattern)
            trig = Trigger.of(verb, pattern, sources, targets, 0.8, fallback_targets(verb))
            if pattern.type == "ACCUSE" and future_blame(verb):
                trig = replace(trig, type="THREATEN", mode=None)  # "will be held responsible"
            return [trig]
        if passive:
            sources = _pobjs(verb, ("by",))
            targets = subjects
            if not sources:
                sources = self._means_actors(verb)
        else:
            sources, targets = subjects, []
            if pattern.target == "prep" and pattern.prep:
                targets = _pobjs(verb, (pattern.prep,))
                if not targets and pattern.prep in {c.lower_ for c in _children(verb, "prt")}:
                    targets = _children(verb, "dobj")
            elif pattern.target == "dobj":
                targets = [antecedent(t) for t in _children(verb, "dobj", "dative")] or _pobjs(
                    verb, ("against", "on", "at", "with")
                )
                targets = targets or [o for c in _children(verb, "conj") for o in _shared(c)]
        if pattern.type == "REQUEST" and not targets and not passive:
            # "pressed for Russia to release them": who is asked is the clause's subject
            targets = [  # not the patient of a passive: "for the killers to be tried"
                s for c in verb.children if _is_content_clause(c) for s in _children(c, "nsubj")
            ]
        if pattern.type == "ASSAULT" and (ready := preparing_verb(verb)) is not None:
            # "troops are preparing to storm the city": a move short of force (MOBILIZE)
            return [
                Trigger(ready, "MOBILIZE", "troops", tuple(_subjects(ready)), tuple(targets), 0.8)
            ]
        # a missing actor is penalised once, by ``_confidence``, when the event is built
        return [Trigger.of(verb, pattern, sources, targets, 0.85, fallback_targets(verb))]

    def _means_actors(self, verb: Token) -> list[Token]:
        """ "were killed in a U.S. drone strike", "died in an Israeli raid": with no agent,
        whoever carried out the event noun the verb happened in is the source; in a mutual
        fight, the other side ("killed in clashes with the rebels")."""
        out: list[Token] = []
        nouns = _pobjs(verb, ("in", "by", "during"))
        told_in = [verb.head for n in nouns if n.lower_ == "which" and verb.dep_ == "relcl"]
        for noun in [n for n in nouns if n.lower_ != "which"] + told_in:
            pattern = self._noun_pattern(noun)
            if pattern is None:
                continue
            out.extend(
                _with_conjuncts(_pobjs(noun, ("by", "with") if pattern.symmetric else ("by",)))
            )
            out.extend(
                c
                for c in noun.children
                if c.dep_ in ("poss", "compound", "amod", "nmod") and c.ent_type_ != "DATE"
            )
            if not out and noun in told_in and noun.dep_ in ("dobj", "pobj"):
                # "carried out a raid in which six were killed", "took the town after an
                # assault in which dozens died": of whoever carried it out or took it
                out.extend(_subjects(noun.head if noun.dep_ == "dobj" else noun.head.head))
        return out

    def _light_verb_triggers(self, verb: Token) -> list[Trigger]:
        out = []
        subjects = _subjects(verb)
        passive = _is_passive(verb)
        lemma = self._lemma(verb)
        particle = verb_particle(verb, out_of=False)
        nouns: list[Token] = []
        if self.book.is_light_verb(lemma, particle):
            nouns = _with_conjuncts(_children(verb, "nsubjpass" if passive else "dobj"))
            # "launched what it called a special military operation": the named noun
            nouns += [
                o for c in _children(verb, "ccomp") if names_what(c) for o in _children(c, "oprd")
            ]
        for prep in verb.children:
            if prep.dep_ == "prep" and self.book.is_light_verb(lemma, particle, prep.lower_):
                nouns.extend(_with_conjuncts(_children(prep, "pobj")))
        # "staged a general strike calling protests", parsed as one compound noun phrase:
        # a compound that is itself a multiword event noun is an object too
        nouns += [
            c
            for noun in list(nouns)
            for c in noun.subtree
            if c.dep_ == "compound"
            and c.i < noun.i
            and " " in getattr(self._noun_pattern(c), "lemma", "")
        ]
        for holder in nouns:
            noun = holder
            pattern = self._noun_pattern(noun)
            if pattern is None:
                noun = self._inner_event_noun(holder)
                pattern = self._noun_pattern(noun) if noun is not None else None
            if noun is None or pattern is None:
                continue
            sources = _pobjs(verb, ("by",)) if passive else subjects
            targets = (
                noun_targets(noun, pattern.target_preps)
                or _pobjs(holder, pattern.target_preps)
                or _pobjs(verb, pattern.target_preps)
                or _content_subjects(noun)  # "issued a demand that Armenia change ..."
                or _content_subjects(verb)  # the same, with the clause parsed as the verb's
            )
            if pattern.symmetric and not targets:
                targets = _pobjs(noun, ("between",)) or _pobjs(holder, ("between",))
            out.append(Trigger.of(noun, pattern, sources, targets, 0.8))
        return out

    def _inner_event_noun(self, holder: Token) -> Token | None:
        """The event noun inside a light verb's object that is not one itself: a noun
        premodifier ("launched a mediation effort", "undertook a peace mission") or what a
        measure noun counts ("began three days of talks", "a new round of strikes")."""
        for child in holder.children:
            if (
                child.dep_ == "compound"
                and child.i < holder.i
                and child.pos_ == "NOUN"
                and self._noun_pattern(child) is not None
            ):
                return child
        # "$11.5 million in humanitarian aid": an amount counts what its "in" phrase names
        measures = ("of", "in") if holder.pos_ == "NUM" else ("of",)
        for obj in _pobjs(holder, measures):
            if obj.pos_ == "NOUN" and self._noun_pattern(obj) is not None:
                return obj
        return None

    def _noun_pattern(self, noun: Token) -> NounPattern | None:
        premods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        of_object = next(
            (
                p.lemma_.lower()
                for prep in noun.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in _children(prep, "pobj")
            ),
            None,
        )
        pattern = self.book.match_noun(
            noun.lemma_.lower(),
            premods=[c.lower_ for c in premods],
            has_compound=any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in premods),
            of_object=of_object,
        )
        return pattern if pattern is not None and pattern.is_event else None

    def _noun_trigger(self, noun: Token, index: ActorIndex, seg: int) -> Trigger | None:
        pattern = self._noun_pattern(noun)
        if pattern is None:
            return None
        sources = _pobjs(noun, pattern.source_preps or ("by",)) or _gathered_for(noun)
        targets = noun_targets(noun, pattern.target_preps) or _content_subjects(noun)
        premods = self._premod_actors(noun, index, seg)
        if pattern.premod_role != "source" and not targets:
            # "the 2003 Iraq invasion": a compound name is what was invaded, while a
            # possessive ("Russia's invasion") is still the doer unless the noun is done
            # to its possessor ("Soleimani's killing": premod_role patient)
            moved = (
                ("compound", "nmod", "poss")
                if pattern.premod_role == "patient"
                else ("compound", "nmod")
            )
            targets = [c for c in premods if c.dep_ in moved]
            premods = [c for c in premods if c.dep_ not in moved]
        if not sources:
            sources = premods or blamed_for(noun)  # "blamed Israel for the attack"
        return Trigger.of(noun, pattern, sources, targets, 0.6)

    def triggers(
        self, sentence: Span, index: ActorIndex, seg: int, places: frozenset[int] = frozenset()
    ) -> list[Trigger]:
        """The event words of a sentence; ``places``: indices of tokens inside a place."""
        found: list[Trigger] = []
        light_nouns: set[int] = set()
        for tok in sentence:
            # a clause's own "be" ("said it was disappointed"), not an auxiliary
            clause_be = tok.pos_ == "AUX" and any(
                c.dep_ in ("nsubj", "csubj") for c in tok.children
            )
            if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT") or clause_be:
                coded = self._verb_trigger(tok, places)
                if (rejection := ruled_out(tok, self.book.cues)) is not None:
                    coded = [rejection]  # "talks with Russia are out of the question"
                call = call_trigger(tok, self.book.cues)
                if call is not None:
                    coded = [call]  # "its leader must surrender": the act is the call's content
                for trig in coded:
                    found.append(trig)
                    if trig.token.i != tok.i:
                        light_nouns.add(trig.token.i)
                if not coded:
                    found.extend(obligation_trigger(tok, self.book.cues))
                    light_nouns.update(self._blocked_objects(tok, places))
        nouns: list[Trigger] = []
        for tok in sentence:
            if (
                tok.pos_ in ("NOUN", "PROPN")
                and tok.i not in light_nouns
                and tok.dep_ != "compound"
                and not _inside_a_name(index, seg, tok)  # "Government of National Accord"
            ):
                trig = self._noun_trigger(tok, index, seg)
                if trig is not None:
                    nouns.append(trig)
        # an act blamed on someone is told as theirs when it harms ("blamed X for the
        # shelling"); other acts blamed ("for repeated violations") stay the blame's content
        nouns = [t for t in nouns if t.type in HOSTILE_TYPES or not blamed_for(t.token)]
        found, nouns = acts_of_event_nouns(found, nouns)
        found, nouns = (considered_acts(f, self.book, doers_of) for f in (found, nouns))
        is_noun = {id(t) for t in nouns}
        folded = [*found, *nouns]
        verbs = [t for t in folded if id(t) not in is_noun]  # a folded noun counts as a verb's
        verbs, agreed = agreed_concessions(verbs, self.book.cues, self._lemma)
        verbs = talk_topics(promised_threats(verbs, self.book, self._lemma), self.book)
        verbs = protest_aims(verbs, self.book)
        verbs = agents_of_when_clauses(casualty_tolls(verbs))
        code_at = functools.partial(self._code_at, index, seg)
        verbs = bodies_left(own_orders(verbs, self._lemma, code_at), sentence, code_at)
        verbs = [
            t
            for t in verbs
            if id(t) in agreed or not embedded(t, verbs, self.book.cues.negating_verbs)
        ]
        # nouns that a coded verb acts on are not told again, even when that verb was
        # folded away ("rallied to demand the prime minister's resignation")
        acting = {t.token.i for t in (*verbs, *found) if t.token.pos_ in ("VERB", "AUX")}
        acting -= crushing_verbs(verbs, nouns)  # "protests ... were put down": both told
        ruled = ruling_copulas(verbs)  # "talks ... are out of the question": no act
        return [
            *verbs,
            *(
                t
                for t in folded
                if id(t) in is_noun
                and not is_restatement(t.token, acting)
                and not ruled_out_act(t.token, ruled)
                and not standing_accord(t.token, self.book.cues.accord_nouns)
                and not within_scope(t.token)
            ),
        ]

    def _blocked_objects(self, verb: Token, places: frozenset[int]) -> list[int]:
        """Objects a not-an-event reading names are no events of their own either ("the
        fighting posed a threat": no threat was made)."""
        pattern = self._verb_pattern(verb, places)
        if pattern is None or pattern.is_event or not pattern.objects:
            return []
        return [t.i for t in _children(verb, "dobj")]

    # -- arguments -----------------------------------------------------------------

    def _premod_actors(self, noun: Token, index: ActorIndex, seg: int) -> list[Token]:
        """The modifiers of an event noun that name an actor, also through a noun that
        names the weapon ("US drone strikes", "Russian missile attacks")."""
        out = []
        for c in noun.children:
            if c.dep_ not in ("poss", "compound", "amod", "nmod"):
                continue
            if index.at(seg, c.i) is not None or self._demonym_state(c) is not None:
                out.append(c)
            elif c.dep_ == "compound" and c.pos_ == "NOUN":
                out.extend(
                    g
                    for g in c.children
                    if g.dep_ in ("compound", "amod", "poss")
                    and g.i < c.i
                    and (index.at(seg, g.i) is not None or self._demonym_state(g) is not None)
                )
        return out

    # -- events ------------------------------------------------------------------------

    def code(
        self,
        doc_id: str,
        segments: Sequence[ParsedSegment],
        index: ActorIndex,
        places: Sequence[Place],
        resolve_date: DateResolver,
    ) -> list[Event]:
        events: list[Event] = []
        told = PageContext()
        for seg_i, ps in enumerate(segments):
            if ps.kind not in CODED_KINDS:
                continue
            place_tokens = _place_tokens(ps, places)
            for sentence in ps.doc.sents:
                dated = resolve_date(sentence, ps.offset)
                for trig in self.triggers(sentence, index, seg_i, place_tokens):
                    when = dated(trig.token) if callable(dated) else dated
                    event = self._event(
                        doc_id, ps, seg_i, sentence, trig, index, places, when, told
                    )
                    for part in reciprocal_parts(event, trig.token) if event else ():
                        events.append(part)
                        told.add(part, seg_i)
        # an attack whose doers were only guessed, later claimed: the claimers did it
        return [replace(e, source=by) if (by := told.claimed_by(e)) else e for e in events]

    def _event(
        self, doc_id, ps, seg_i, sentence, trig, index, places, dated, told=None
    ) -> Event | None:
        date, precision, date_text = dated
        source = self._refs(index, seg_i, trig.source_tokens, date)
        source = self._armed_doers(trig.token, trig.type, trig.source_tokens, source)
        # "accused each other": one event per side (reciprocal_parts); "both held
        # meetings", "each signed": each side did it on its own
        mutual = (
            trig.symmetric
            and not names_each_other(trig.token)
            and not _distributive(trig.token, trig.source_tokens)
        )
        named = mutual and bool(self._refs(index, seg_i, trig.target_tokens, date))
        if mutual and len(source) >= 2 and not named:
            target = ()  # the sides are each other's recipients, not a place they met in
        else:
            target = self._recipient(ps, seg_i, trig, index, places, date, told, source)
        target = tuple(t for t in target if t.id not in {s.id for s in source})
        if trig.type in ("RETREAT", "ASSAULT"):
            # "ending America's longest war": a state's own forces do not withdraw from
            # or attack that state
            target = tuple(t for t in target if not any(same_state(t, s) for s in source))
        if trig.type == "ACCUSE" and self._lemma(trig.token) in self.book.cues.naming_verbs:
            # "Beijing called the drills punishment for separatist acts": a state naming
            # its own acts judges someone else, not itself
            target = tuple(t for t in target if not any(same_state(t, s) for s in source))
        if trig.type == "MOBILIZE" and joint_exercise(trig.token, source):
            trig, target = replace(trig, type="COOPERATE", mode=None), source  # joint drills
        if mutual and len(source) + len(target) >= 2 and not (source and target):
            # "India and Pakistan traded fire", "talks between A and B": every side is a
            # doer and a recipient of the mutual act
            source = target = source or target
        if not source and target and trig.type == "MOBILIZE" and _agentless(trig.token):
            source, target = deployed_forces(target, trig.mode)  # "troops were deployed": theirs
        lent = not source  # actors the page told before lend the act its day too
        if not source and target and told is not None and _agentless(trig.token):
            # "more leaders were detained": whoever the page said detained them before
            source = told.agent(trig.type, target, seg_i)
        if not source and told is not None:  # "the strike targeted", "Bazoum's release"
            source = told_source(trig, told, target, self._noun_pattern)
        if not source and not target and told is not None and _agentless(trig.token):
            # "seven bombs were dropped": the act the page has just told, told again
            before = told.retold(trig.type, seg_i, trig.mode)
            if before is not None:
                source, target = before.source, before.target
        # an attack told with no day of its own, by those whose attack the page dated a
        # paragraph before ("... on Thursday. Gunmen then opened fire"), is on that day
        retold = lent or trig.type == "ASSAULT"
        if retold and source and precision == "page" and told is not None:
            date, precision, date_text = told.day_of(trig.type, source, seg_i) or dated
        quad = self.book.type_info(trig.type).quad
        if not source and target and (said := warned_fate(trig, quad)):  # "Israel will be punished"
            speaker = self._refs(index, seg_i, _subjects(said), date)
            if speaker and not {a.code[:3] for a in speaker} & {a.code[:3] for a in target}:
                trig, source = replace(trig, type="THREATEN", mode=None, spoken_by=said), speaker
        if not source and trig.mode in POPULATION_MODES and _agentless(trig.token):
            # "the internet had been cut", "a curfew was imposed in Dhaka": only a state
            # does that; the government of the country it was done in
            source = self._measure_state(ps, sentence, target, places)
        if trig.mode in POPULATION_MODES and source:
            target = self._population(ps, sentence, source, target, places)
        if trig.mode == "seize" and source and not target and names_a_coup(trig.token):
            target = self._ousted_government(ps, sentence, source, places)
        if not source and trig.type == "PROTEST" and crowd_noun(trig.token):
            # "the protests came a day after ...": those told before; "protests spread
            # across Iran": the people of the country they spread in
            told_it = told is not None and is_definite(trig.token)
            before = told.latest({"PROTEST"}, (), (trig.token.lemma_,)) if told_it else None
            if before is not None:
                source, target = before.source, target or before.target
            else:
                source, target = self._crowd_of(ps, sentence, target, places)
        if not source and trig.called_for and (said := quoted_speaker(sentence, self.book.cues)):
            source = self._refs(index, seg_i, [said], date)  # "... will have to leave Iraq."
        if not source and not target:
            return None
        if trig.type == "RETREAT" and not moved_by_force(
            self._lemma(trig.token), source, self.book.cues
        ):
            return None  # "residents fled", "the president left Kabul": no withdrawal
        if trig.mode == "phone" and not target:
            return None  # "called provincial demands unrealistic": nobody was called
        if trig.mode == "visit" and home_visit(source, target):
            return None  # "Maliki flew to Basra": a leader inside his own country meets no one
        if trig.mode == "visit" and forces_arriving(trig.source_tokens):
            # "the first Kenyan police officers arrived in Haiti": a deployment, not a visit
            trig = replace(trig, type="MOBILIZE", mode="troops")
        if trig.type == "ASSAULT" and walkout(self._lemma(trig.token), source, target):
            trig = replace(trig, type="PROTEST", mode="strike")  # "doctors will strike"
            target = tuple(t for t in target if not workplace(t))
        if trig.type == "PROTEST" and (marched := armed_march(trig.token, source)):
            trig = replace(trig, type=marched[0], mode=marched[1])  # "forces marched on Tripoli"
        reading = read_modality(trig.spoken_by or trig.token, sentence, self.book.cues)
        attributed = None
        if reading.speaker is not None:
            refs = self._refs(index, seg_i, [reading.speaker], date)
            attributed = refs[0] if refs else None
        type_, mode, modality = trig.type, trig.mode, reading.modality
        if modality == Modality.NEGATED and trig.negation_read:
            modality = Modality.ASSERTED  # the negation is part of what the words mean
        if trig.called_for and modality in (Modality.HYPOTHETICAL, Modality.PREDICTED):
            modality = Modality.ASSERTED  # "Ruto should bring them home": the call is made
        if modality == Modality.REPORTED and own_voice(attributed, source):
            # "the ministry said Islamabad remained committed and blamed Indian troops",
            # "the RSF said they had taken Wad Madani", "Trump announced the United States
            # would reimpose sanctions": an actor telling of its own act, not a claim
            # about someone else's
            modality = Modality.ASSERTED
        announced = self._announced(seg_i, trig, index, source, reading.modality, date)
        if announced is not None:
            type_, mode, modality, by = announced
            attributed = by if by is not None else attributed
        if crowd_act(self._lemma(trig.token), type_, source, target, self.book.cues):
            type_, mode = "PROTEST", "riot"
        elif type_ == "PROTEST" and source and all(map(self._speaks_for_a_state, source)):
            # "Pakistan summoned the envoy to protest the attacks": a state protests in
            # words, a diplomatic protest, not in the streets
            type_, mode = "ACCUSE", "disapprove"
        info = self.book.type_info(type_)
        if (
            modality == Modality.REPORTED
            and attributed is not None
            and attributed.id in {a.id for a in source}
            and info.quad.startswith("verbal")
        ):
            # "Saudi Arabia said it supported the move": saying so is the act itself
            modality = Modality.ASSERTED
        context = context_of(
            trig.token,
            sentence,
            self.book.cues,
            type_,
            trig.type in CONTENT_TYPES,
            frozenset(t.i for t in (*trig.source_tokens, *trig.target_tokens)),
        )
        start = ps.offset + sentence.start_char
        trigger_start = ps.offset + trig.token.idx
        event_id = hashlib.sha1(f"{doc_id}:{trigger_start}:{trig.type}".encode()).hexdigest()[:16]
        return Event(
            event_id=event_id,
            doc_id=doc_id,
            type=type_,
            mode=mode,
            source=source,
            target=target,
            date=date,
            location=_event_location(ps, sentence, trig.token, places),
            modality=modality,
            segment=ps.kind,
            sentence=sentence.text,
            start=start,
            end=ps.offset + sentence.end_char,
            trigger=trig.token.text,
            trigger_start=trigger_start,
            trigger_end=trigger_start + len(trig.token.text),
            confidence=self._confidence(trig, bool(source and (target or trig.no_recipient))),
            quad=info.quad,
            score=info.score_for(mode),
            attributed_to=attributed,
            date_precision=precision,
            date_text=date_text,
            context=context,
        )

    @staticmethod
    def _confidence(trig: Trigger, both: bool) -> float:
        """The trigger's confidence, less when an actor is missing (the recipient only where
        the reading has one), a little less in a subordinate clause (inherited arguments,
        background), less again in a purpose clause ("resigned to allow elections")."""
        value = trig.confidence if both else trig.confidence - 0.2
        if is_purpose(trig.token):
            value -= 0.15
        elif is_subordinate(trig.token):
            value -= 0.05
        return round(value, 2)

    def _announced(self, seg_i, trig, index, source, modality, date):
        """An actor announcing its own future act (``clauses.announcer``): the type, mode
        and modality of the announcement, and who made it when not the act's source.
        None when the event is not announced by its own actor."""
        if not source or modality == Modality.QUESTION:
            return None
        found = announcer(trig.token, self.book.cues)
        if found is None:
            return None

        def own(ref: ActorRef) -> bool:
            # the actor, one of its own code (a group's leader for its fighters), or its
            # state for a state's body ("Iran said it would ..."); not a foe of the same
            # country ("the rebels said they would fight until the army withdrew")
            return any(ref.id == a.id or ref.code == a.code or same_state(ref, a) for a in source)

        by = None
        if found.speaker is not None:
            refs = self._refs(index, seg_i, [found.speaker], date)
            if not refs or not own(refs[0]):
                return None  # someone else says what the actor will do: a report
            by = refs[0]
        elif found.subject is not None:
            refs = self._refs(index, seg_i, [found.subject], date)
            if refs and not own(refs[0]):
                return None
        info = self.book.type_info(trig.type)
        verb = trig.token if trig.token.pos_ in ("VERB", "AUX") else trig.token.head
        negated = modality == Modality.NEGATED or any(c.dep_ == "neg" for c in verb.children)
        unless, decided = has_unless_condition(trig.token), found.speaker is not None
        coded = announced_type(trig.type, info.quad, trig.mode, negated, unless, decided)
        if coded is None:
            return None
        return (*coded, Modality.ASSERTED, by)


def _inside_a_name(index: ActorIndex, seg: int, tok: Token) -> bool:
    """The word is part of an actor's name ("Accord" in "Government of National Accord",
    "Resistance" in "Islamic Resistance in Iraq"): no event of its own."""
    mention = index.at(seg, tok.i)
    return (
        mention is not None
        and mention.end - mention.start > 1
        and mention.via in ("alias", "short_name", "unknown")
    )
