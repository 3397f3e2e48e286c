"""Pronouns and role nouns -> the actor they refer to, on the parse.

No coreference model is available, so this is a salience rule set in the tradition of
Hobbs and Lappin-Leass, kept small: the antecedent of "he", "they", "the cleric" or "the
group" is the most recent earlier mention, in the same thread of text (the article body
with its quotes, or one reader comment) and at most ``MAX_SENTENCES_BACK`` sentences
back, whose actor type (and sector, for role nouns) fits the word. Subjects are preferred
over other mentions at the same distance, and an object pronoun never takes the subject
of its own clause ("Trump threatened him": him is not Trump).
"""

from __future__ import annotations

import dataclasses

from sitrep.actors.anaphora import Anaphora, Referent
from sitrep.actors.context import phrase_start
from sitrep.actors.kb import ActorBase
from sitrep.actors.mentions import STATE_SECTORS
from sitrep.actors.owners import followers
from sitrep.actors.resolve import ActorIndex, ActorMention
from sitrep.models import GENERIC_ACTOR_PREFIX, NON_COUNTRY_PREFIXES, ActorType, SegmentKind
from sitrep.nlp.repairs import CLOSING_SPEECH_VERBS

MAX_SENTENCES_BACK = 4
PRONOUN_DEPS = {
    "nsubj",
    "nsubjpass",
    "dobj",
    "pobj",
    "poss",
    "dative",
    "agent",
    "attr",
    "conj",
    "appos",
}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# what a subject recalls, withdraws, sends or evacuates of its own: "recalled its diplomats"
OWN_SIDE_NOUNS = frozenset(
    {"diplomat", "ambassador", "envoy", "embassy", "mission", "citizen", "national", "staff",
     "personnel", "force", "troop", "soldier", "official", "delegation", "negotiator"}
)  # fmt: skip
# the speaker's own words in a quotation: "'We will respond,' the minister said"
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "i", "me", "my"})
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})
SINGULAR_PRONOUNS = frozenset({"it", "its", "itself"})
# a body's named office-holder is a person to "he" and "she" even when the knowledge base
# can only give the body's code: "the UN special envoy said she would travel", "a senior
# Iraqi official said he had not been told"
PERSON_HEADS = frozenset(
    {"envoy", "spokesman", "spokeswoman", "spokesperson", "minister", "ambassador",
     "president", "chief", "leader", "commander", "official", "diplomat", "secretary",
     "chancellor", "governor", "mayor", "senator", "lawmaker", "negotiator", "mediator",
     "representative", "emissary", "prosecutor", "judge", "coordinator", "commissioner",
     "rapporteur", "chairman", "chairwoman", "director", "officer", "general", "premier",
     "aide", "adviser", "advisor", "monarch", "king", "queen", "emir", "prince", "cleric"}
)  # fmt: skip
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
# "both sides", "the two countries", "the two neighbours": the pair the page has just named
PAIR_NOUNS = frozenset(
    {"side", "sides", "country", "countries", "nation", "nations", "neighbour", "neighbours",
     "neighbor", "neighbors", "party", "parties", "rival", "rivals", "foe", "foes",
     "adversary", "adversaries", "enemy", "enemies", "government", "governments", "capital",
     "capitals", "two"}
)  # fmt: skip


# pair words that name the two states, not their forces or governments
STATE_PAIR_NOUNS = frozenset(
    {"countries", "nations", "neighbours", "neighbors", "states", "capitals"}
)
# military ranks (and their abbreviations) that a page may use alone for the person it
# introduced with one: "Captain Ibrahim Traore ... the captain"
RANKS = {
    "captain": "captain", "capt": "captain", "colonel": "colonel", "col": "colonel",
    "general": "general", "gen": "general", "major": "major", "maj": "major",
    "lieutenant": "lieutenant", "lt": "lieutenant", "admiral": "admiral", "adm": "admiral",
    "commander": "commander", "cmdr": "commander", "marshal": "marshal",
    "brigadier": "brigadier", "sergeant": "sergeant", "sgt": "sergeant",
}  # fmt: skip


def _ranked_people(index: ActorIndex) -> list[tuple[str, ActorMention]]:
    """Each person mention introduced with a rank ("Captain Ibrahim Traore", "Col. Assimi
    Goita"), with that rank, in page order."""
    out: list[tuple[str, ActorMention]] = []
    for m in index.sorted():
        if m.actor.type != ActorType.PERSON or m.via in ("pronoun", "role_noun"):
            continue
        doc = index.segments[m.seg].doc
        before = list(doc[max(m.start - 2, 0) : m.start + 1])  # "Col. Assimi Goita"
        if len(before) == 3 and before[1].text != ".":
            before = before[1:]
        rank = next((RANKS[w] for t in before if (w := t.lower_.rstrip(".")) in RANKS), None)
        if rank is not None:
            out.append((rank, m))
    return out


def _ranked_antecedent(index: ActorIndex, ranked, seg_i: int, tok) -> ActorMention | None:
    """ "the captain", "the colonel": the latest person the page introduced with that rank
    before ``tok``, in the same thread of text."""
    if tok.tag_ != "NN" or not any(c.lower_ == "the" for c in tok.children if c.dep_ == "det"):
        return None
    earlier = [m for rank, m in ranked if rank == tok.lower_ and (m.seg, m.start) < (seg_i, tok.i)]
    return earlier[-1] if earlier else None


def _threads(index: ActorIndex) -> list[int]:
    """A thread id per segment: the body and its quotes are one thread, each comment its own."""
    ids, current = [], 0
    for i, ps in enumerate(index.segments):
        if ps.kind == SegmentKind.COMMENT or (
            i and index.segments[i - 1].kind == SegmentKind.COMMENT
        ):
            current += 1
        ids.append(current)
    return ids


def _fits(mention: ActorMention, referent: Referent, date: str | None) -> bool:
    actor = mention.actor
    if actor.type not in referent.types:
        return False
    if referent.sectors:
        code = actor.code_on(date)
        return any(code.endswith(s) or code[3:6] == s for s in referent.sectors)
    return True


def _office_holder(mention: ActorMention, head, referent: Referent) -> bool:
    """A singular office-holder noun ("the envoy", "an official") heading a mention the
    knowledge base gave a body's code: a person to "he" or "she"."""
    return (
        referent.types == (ActorType.PERSON,)
        and mention.actor.type != ActorType.PERSON
        and head.tag_ == "NN"
        and head.lemma_.lower() in PERSON_HEADS
    )


def _sentence_ordinals(index: ActorIndex) -> dict[tuple[int, int], int]:
    """(segment, token) of each sentence start -> a running sentence number."""
    order: dict[tuple[int, int], int] = {}
    n = 0
    for seg_i, ps in enumerate(index.segments):
        for sent in ps.doc.sents:
            order[(seg_i, sent.start)] = n
            n += 1
    return order


def resolve_anaphora(
    index: ActorIndex, anaphora: Anaphora, date: str | None, kb: ActorBase | None = None
) -> None:
    """Add pronoun and role-noun mentions to ``index`` in place; with ``kb``, a leader's
    men ("his fighters") are the armed group the leader commands on ``date``."""
    threads = _threads(index)
    ordinals = _sentence_ordinals(index)
    first_person: list = []
    ranked = _ranked_people(index)
    for seg_i, ps in enumerate(index.segments):
        doc = ps.doc
        for tok in doc:
            person = _ranked_antecedent(index, ranked, seg_i, tok) if ranked else None
            if person is not None and threads[person.seg] == threads[seg_i]:
                generic = index.at(seg_i, tok.i)  # "the colonel": not just any officer
                if generic is not None and generic.via in ("generic", "implied"):
                    index.remove(generic)
                if index.at(seg_i, tok.i) is None:
                    start = _phrase_start(tok)
                    text = doc[start : tok.i + 1].text
                    index.add(
                        ActorMention(
                            seg_i, start, tok.i + 1, person.actor, text, "role_noun", tok.i
                        )
                    )
                continue
            if index.at(seg_i, tok.i) is not None:
                continue
            if _pair_phrase(tok):
                here = ordinals[(seg_i, tok.sent.start)]
                pair = _recent_pair(index, seg_i, tok, threads, ordinals, here, date)
                if pair is not None and kb is not None and _states_meant(tok, pair, date):
                    pair = tuple(_as_state(kb, a, date) for a in pair)  # "both countries"
                if pair is not None:
                    start = _phrase_start(tok)
                    text = doc[start : tok.i + 1].text
                    index.add(
                        ActorMention(
                            seg_i, start, tok.i + 1, pair[0], text, "pronoun", tok.i, pair[1:]
                        )  # fmt: skip
                    )
                continue
            if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON":
                first_person.append((seg_i, tok))  # after "he said" has its referent
                continue
            referent, via = None, ""
            if tok.pos_ == "PRON" and tok.lower_ in anaphora.pronouns and tok.dep_ in PRONOUN_DEPS:
                referent, via = anaphora.pronouns[tok.lower_], "pronoun"
            elif (
                tok.pos_ in ("NOUN", "PROPN")
                and _definite_role_noun(tok, anaphora)
                and not _named_modifier(index, seg_i, tok, kb)
            ):
                referent, via = anaphora.role_nouns[_role_key(tok, anaphora)], "role_noun"
            if referent is None:
                continue
            here = ordinals[(seg_i, tok.sent.start)]
            antecedent = (
                _partitive_antecedent(index, seg_i, tok)
                or (_clause_binder(index, seg_i, tok, referent, date) if via == "pronoun" else None)
                or _antecedent(
                    index,
                    seg_i,
                    tok,
                    referent,
                    threads,
                    ordinals,
                    here,
                    date,
                    type_first=via == "role_noun",
                )
            )
            if antecedent is None:
                continue
            start = tok.i if via == "pronoun" else _phrase_start(tok)
            partners = _partners(index, antecedent, tok) if tok.lower_ in PLURAL_PRONOUNS else ()
            index.add(
                ActorMention(
                    seg_i,
                    start,
                    tok.i + 1,
                    antecedent.actor,
                    doc[start : tok.i + 1].text,
                    via,
                    tok.i,
                    partners,
                )
            )
            if tok.dep_ == "poss":
                _own_generic_head(index, seg_i, tok, antecedent, partners, kb, date)
    _quoted_first_person(index, first_person)


def _quoted_first_person(index: ActorIndex, first_person: list) -> None:
    """Give each quoted "we", "our" or "I" its speaker (``_quoted_speaker``)."""
    for seg_i, tok in first_person:
        speaker = _quoted_speaker(index, seg_i, tok)
        if speaker is not None:
            mention = ActorMention(
                seg_i, tok.i, tok.i + 1, speaker.actor, tok.text, "pronoun", tok.i, speaker.partners
            )
            index.add(mention)


def _quoted(tok) -> bool:
    """``tok`` stands between quotation marks in its sentence."""
    marks = sum(1 for t in tok.doc[tok.sent.start : tok.i] if t.text in QUOTE_MARKS)
    return marks % 2 == 1


def _quoted_speaker(index: ActorIndex, seg_i: int, tok) -> ActorMention | None:
    """ "'We will not allow anyone to use Afghan soil against Pakistan,' Asif told
    reporters": a first-person pronoun in a quotation is whoever the sentence says
    spoke it, the subject of the speech verb outside the quotation."""
    if not _quoted(tok):
        return None
    verb = tok.head
    for _ in range(8):
        if verb.lemma_.lower() in CLOSING_SPEECH_VERBS and not _quoted(verb):
            for subject in verb.children:
                found = index.at(seg_i, subject.i) if subject.dep_ == "nsubj" else None
                if found is not None:
                    return found
            return None
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _own_generic_head(
    index: ActorIndex,
    seg_i: int,
    pronoun,
    antecedent: ActorMention,
    partners: tuple = (),
    kb: ActorBase | None = None,
    date: str | None = None,
) -> None:
    """ "his men", "their fighters": a sector noun owned by a resolved pronoun belongs to
    the pronoun's actor (a state's men are that state's sector); "their troops" after
    "India and Pakistan" are the troops of both."""
    head = index.at(seg_i, pronoun.head.i)
    if head is None or head.via != "implied":
        return  # only a phrase with no country of its own ("his men", not "his Iraqi allies")
    owners = [antecedent.actor, *partners]
    if kb is not None:  # "his fighters" after Hemedti: the RSF
        owners = [followers(kb, owner, head.actor.code, date) for owner in owners]
    actors = [_owned(head.actor, owner) for owner in owners]
    index.remove(head)
    index.add(dataclasses.replace(head, actor=actors[0], via="pronoun", partners=tuple(actors[1:])))


def _owned(generic, owner):
    """The generic sector actor ``generic`` as owned by ``owner``: a state's or its
    government's "men" are that country's sector; anyone else's are the owner itself."""
    if owner.country and (owner.type == ActorType.STATE or owner.code[3:6] in STATE_SECTORS):
        sector = generic.code[-3:]
        return dataclasses.replace(
            generic,
            id=f"{GENERIC_ACTOR_PREFIX}{(owner.country + sector).lower()}",
            code=owner.country + sector,
            country=owner.country,
            name=f"{owner.name} {sector}",
        )
    return owner


def _partners(index: ActorIndex, antecedent: ActorMention, pronoun=None) -> tuple:
    """The actors coordinated with a plural pronoun's antecedent ("Cuba and Norway said
    they ..."): its own partners and the mentions joined to it by "and", not one whose
    phrase holds the pronoun ("militiamen and their supporters")."""
    doc = index.segments[antecedent.seg].doc
    head = doc[antecedent.head]
    group = {head.i, *(t.i for t in head.conjuncts)}
    if pronoun is not None and pronoun.doc is doc:
        group = {i for i in group if pronoun not in list(doc[i].subtree)}
    out = list(antecedent.partners)
    for i in sorted(group - {head.i}):
        other = index.at(antecedent.seg, i)
        if other is not None and other.actor.id != antecedent.actor.id:
            out.extend([other.actor, *other.partners])
    seen = {antecedent.actor.id}
    return tuple(a for a in out if not (a.id in seen or seen.add(a.id)))


def _pair_phrase(tok) -> bool:
    """ "both sides", "the two countries", "the two" (as an argument)."""
    if tok.lower_ not in PAIR_NOUNS or tok.pos_ not in ("NOUN", "NUM", "PROPN"):
        return False
    words = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod", "quantmod")}
    if tok.lower_ == "two":
        return "the" in words and tok.dep_ in PRONOUN_DEPS
    return "both" in words or {"the", "two"} <= words


def _recent_pair(index, seg_i, tok, threads, ordinals, here, date=None) -> tuple | None:
    """The two actors the page named last, in one sentence at most ``MAX_SENTENCES_BACK``
    back (the current sentence before ``tok`` included): a sentence with exactly two
    distinct actors, or a coordinated pair."""
    by_sentence: dict[int, list[ActorMention]] = {}
    # "Trump said he would work with both countries": the pair is others than the doer
    present = {
        m.actor.id for m in index.mentions if m.seg == seg_i and tok.sent.start <= m.start < tok.i
    }
    for m in index.mentions:
        if threads[m.seg] != threads[seg_i] or (m.seg, m.start) >= (seg_i, tok.i):
            continue
        sent = index.segments[m.seg].doc[m.head].sent
        distance = here - ordinals[(m.seg, sent.start)]
        if 1 <= distance <= MAX_SENTENCES_BACK:
            by_sentence.setdefault(distance, []).append(m)
    for distance in sorted(by_sentence):
        sides: dict[str, object] = {}
        for m in sorted(by_sentence[distance], key=lambda m: (m.seg, m.start)):
            for actor in (m.actor, *m.partners):
                if actor.id in present:
                    continue
                side = _side(actor, date)
                if side is not None and (side not in sides or actor.type == ActorType.STATE):
                    sides[side] = actor  # a country's own name stands best for its side
        if len(sides) == 2:
            return tuple(sides.values())
    return None


def _states_meant(tok, pair: tuple, date: str | None) -> bool:
    """Whether a pair word names the two states: "both countries", or "both sides" when
    the page named the sides by different bodies (one's minister, the other's army)."""
    if tok.lower_ in STATE_PAIR_NOUNS:
        return True
    codes = [a.code_on(date) if hasattr(a, "code_on") else a.code for a in pair]
    state_bodies = all(c[3:6] in STATE_SECTORS or len(c) == 3 for c in codes)
    return state_bodies and len({c[3:6] for c in codes}) > 1


def _as_state(kb: ActorBase, actor, date: str | None):
    """The state of a side's country ("both countries": India and Pakistan, not India and
    the Pakistani army), else the actor itself."""
    side = _side(actor, date)
    info = kb.country(side) if side is not None and len(side) == 3 else None
    state = kb.find(info.actor_id) if info is not None else None
    return state if state is not None else actor


def _side(actor, date: str | None = None) -> str | None:
    """Which side of a conflict or a negotiation an actor can be: a state (its government,
    army and police are one side, also an armed group while it governs: the Taliban in
    2024), an armed group, a party or an international body; civilians, protesters and
    the press are no side."""
    code = actor.code_on(date) if hasattr(actor, "code_on") else actor.code
    if actor.type == ActorType.STATE or (actor.country and code[3:6] in STATE_SECTORS):
        return actor.country or code[:3]
    governing = code[3:6] in STATE_SECTORS and code[:3] not in NON_COUNTRY_PREFIXES
    if governing and actor.type != ActorType.PERSON:
        return code[:3]
    if actor.type in (ActorType.ARMED_GROUP, ActorType.PARTY, ActorType.BODY):
        return actor.id
    if code[3:6] in ("REB", "PRM", "INS"):
        return actor.id
    return None


def _role_key(tok, anaphora: Anaphora) -> str:
    if tok.i > 0:
        two = f"{tok.doc[tok.i - 1].lower_} {tok.lower_}"
        if two in anaphora.role_nouns:
            return two
    return tok.lower_


def _definite_role_noun(tok, anaphora: Anaphora) -> bool:
    if _role_key(tok, anaphora) not in anaphora.role_nouns:
        return False
    if (
        tok.dep_ in ("compound", "amod")
        or tok.tag_ in ("NNS", "NNPS")
        and tok.lower_ not in ("rebels", "insurgents")
    ):
        return False
    return any(c.lower_ in ("the", "this", "that") for c in tok.children if c.dep_ == "det")


def _named_modifier(index: ActorIndex, seg_i: int, tok, kb: ActorBase | None = None) -> bool:
    """ "the autonomous Azerbaijani republic": a role noun whose modifier names an actor
    says whose it is; it does not point back to the last one named."""
    named = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
    # "the first contingent of Russia's Africa Corps": whose it is, named after it
    named += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    if any(index.at(seg_i, c.i) is not None for c in named):
        return True
    # "the Turkish leader" after Aliyev: a nationality says whose leader it is
    return kb is not None and any(
        c.dep_ == "amod" and kb.country_by_demonym(c.text) is not None for c in tok.children
    )


def _phrase_start(tok) -> int:
    start = phrase_start(tok)
    while start < tok.i and tok.doc[start].dep_ in ("det", "punct"):
        start += 1
    return start


def _main_clause(verb) -> bool:
    """The verb heads its sentence, or is joined to the verb that does."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


# plural in form, one body in meaning: "the morality police ... accusing it of abuse"
BODY_PLURALS = frozenset({"police"})


def _clause_subject(tok):
    """The subject of the clause ``tok`` is an object in; for a participle or conjunct with
    none of its own ("imposed sanctions on X, accusing it of abuse"), its head's."""
    verb = tok.head
    while verb.dep_ in ("prep", "agent") and verb.head.i != verb.i:
        verb = verb.head
    own = {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS}
    if not own and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # a participle ("..., accusing it") shares its head's subject
        own = {c.i for c in verb.head.children if c.dep_ in SUBJECT_DEPS}
    while not own and verb.dep_ == "conj" and verb.head.i != verb.i:
        # "Beijing warned Manila ... and accused it": the first verb's subject
        verb = verb.head
        own = {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS}
    return own


# "26 people, most of them tourists": a part of the group just named
PARTITIVE_WORDS = frozenset(
    {"many", "most", "some", "all", "several", "few", "none", "both", "each", "half", "one",
     "two", "three", "four", "five", "dozens", "hundreds", "thousands"}
)  # fmt: skip


def _partitive_antecedent(index: ActorIndex, seg_i: int, tok) -> ActorMention | None:
    """ "killed 26 people, most of them tourists": "them" in a partitive after a comma is
    the plural noun named last before it in the sentence."""
    of = tok.head
    if tok.lower_ != "them" or tok.dep_ != "pobj" or of.lower_ != "of":
        return None
    part = of.head
    if part.lower_ not in PARTITIVE_WORDS or part.i != of.i - 1 or part.i == tok.sent.start:
        return None
    if tok.doc[part.i - 1].text != ",":
        return None
    before = [
        m
        for m in index.mentions
        if m.seg == seg_i
        and tok.sent.start <= m.head < part.i
        and index.segments[seg_i].doc[m.head].tag_ in ("NNS", "NNPS")
    ]
    return max(before, key=lambda m: m.head) if before else None


def _clause_binder(
    index: ActorIndex, seg_i: int, tok, referent: Referent, date: str | None
) -> ActorMention | None:
    """A possessive is bound inside its own clause first: "Congo recalled its diplomats"
    (the clause's subject, also through "accused X and recalled its ..."), "urged Rwanda to
    withdraw its forces", "called on the rebels to halt their advance" (the actor told to
    do the act). None when the clause names no fitting actor there."""
    if tok.dep_ != "poss":
        return None
    owned = tok.head
    while owned.dep_ == "conj" and owned.head.i != owned.i:
        owned = owned.head
    verb = owned.head
    # only the verb's own object: "called for their release" is someone else's release
    if owned.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    binders = []
    if verb.dep_ in ("xcomp", "ccomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        asker = verb.head
        binders += [c for c in asker.children if c.dep_ == "dobj"]
        binders += [
            g
            for c in asker.children
            if c.dep_ == "prep" and c.lower_ == "on"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    if not binders and owned.lemma_.lower() not in OWN_SIDE_NOUNS:
        return None  # "the army shelled their positions": someone else's, very likely
    if not binders:
        clause = verb
        while not any(c.dep_ in SUBJECT_DEPS for c in clause.children) and clause.dep_ == "conj":
            clause = clause.head
        binders = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    for binder in binders:
        found = index.at(seg_i, binder.i)
        if found is None or not _fits(found, referent, date):
            continue
        plural = tok.doc[found.head].tag_ in ("NNS", "NNPS")
        if tok.lower_ in SINGULAR_PRONOUNS and found.actor.type == ActorType.GROUP and plural:
            continue
        return found
    return None


def _antecedent(
    index, seg_i, tok, referent, threads, ordinals, here, date, type_first
) -> ActorMention | None:
    """Rank by distance in sentences, then grammatical role and the word's preferred
    actor types (listed first in anaphora.yaml); role nouns weigh the type before the role."""
    thread = threads[seg_i]
    own_subjects = _clause_subject(tok) if tok.dep_ in ("dobj", "pobj", "dative") else set()
    # "Ankara calls them terrorists": nor is "them" whoever the subject is ("Turkish
    # officials" a sentence before)
    subjects = [found.actor for i in own_subjects if (found := index.at(seg_i, i)) is not None]
    subject_actors = {actor.id for actor in subjects}
    # a body named two ways ("Turkish officials", "Ankara") is one actor; two people
    # of one government are not
    subject_codes = {actor.code for actor in subjects if actor.type != ActorType.PERSON}
    # ... and a state's body stands for its state ("the Syrian foreign ministry vowed to
    # confront it": not Syria)
    subject_codes |= {c[:3] for c in subject_codes if len(c) == 6 and c[3:] in STATE_SECTORS}
    best: tuple[tuple[int, int, int], ActorMention] | None = None
    main_subject = tok.dep_ in SUBJECT_DEPS and _main_clause(tok.head)
    for m in index.mentions:
        if m.actor.id in subject_actors:
            continue
        if m.actor.type != ActorType.PERSON and m.actor.code in subject_codes:
            continue
        if threads[m.seg] != thread or (m.seg, m.start) >= (seg_i, tok.i):
            continue
        ps = index.segments[m.seg]
        sent = ps.doc[m.head].sent
        distance = here - ordinals[(m.seg, sent.start)]
        if distance > MAX_SENTENCES_BACK:
            continue
        head = ps.doc[m.head]
        office_holder = _office_holder(m, head, referent)
        if not office_holder and not _fits(m, referent, date):
            continue
        if m.seg == seg_i and m.head in own_subjects:
            continue
        if (
            tok.lower_ in SINGULAR_PRONOUNS
            and m.actor.type == ActorType.GROUP
            and head.tag_ in ("NNS", "NNPS")
            and head.lower_ not in BODY_PLURALS
        ):
            continue  # "the protesters ... it": "it" takes one body ("the army")
        # the subject of a main clause is the most salient; one of a clause inside it
        # ("demanded that the rebels withdraw") less so
        role = 0 if head.dep_ in SUBJECT_DEPS else 1
        if role == 0 and main_subject and not _main_clause(head.head):
            role = 1  # a main clause's subject pronoun ("It also imposed ...") takes one
        kind = 0 if office_holder else referent.types.index(m.actor.type)
        middle = (kind, role) if type_first else (role, kind)
        rank = (distance, *middle, -(m.seg * 100000 + m.start))
        if best is None or rank < best[0]:
            best = (rank, m)
    return best[1] if best else None
