"""Relations between actors that a page states, read off the dependency parse.

The page's ``ActorIndex`` says which tokens are actor mentions; this module looks for the
constructions that link two of them:

- a hyphenated participle: "Iran-backed militias" (militias backed_by Iran),
  "Sadr-allied lawmakers" (allied_with), "U.S.-led coalition" (U.S. leads coalition);
- a relation noun with its two sides: "X, the leader of Y", "Y leader X", "X, head of
  Y", "X is a member of Y", "Y member X", "his coalition allies, the Iraqi Communist
  Party", "X's rival Y", "Y, opponents of X";
- a possessed group: "Sadr's Mahdi Army" (a person's armed group or party: he leads it);
- a participle clause: "the militia, backed by Iran", "a coalition led by Saudi Arabia",
  "the party, allied with the Sadrists".

Only mentions of actors (known or not, pronouns resolved by coreference included) take
part, so "the leader of the protests" states nothing. The subject and object of a
relation are never the same actor.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.actors.resolve import ActorIndex, ActorMention
from sitrep.models import ActorType, Relation, SegmentKind
from sitrep.nlp import ParsedSegment

log = logging.getLogger(__name__)

LEADS, MEMBER_OF, ALLIED_WITH, BACKED_BY, OPPOSES = (
    "leads",
    "member_of",
    "allied_with",
    "backed_by",
    "opposes",
)
PREDICATES = (LEADS, MEMBER_OF, ALLIED_WITH, BACKED_BY, OPPOSES)

# "X-backed Y": the participle after the hyphen -> (predicate, whether Y is the subject)
HYPHEN_PARTICIPLES = {
    "backed": (BACKED_BY, True),
    "supported": (BACKED_BY, True),
    "sponsored": (BACKED_BY, True),
    "funded": (BACKED_BY, True),
    "armed": (BACKED_BY, True),
    "trained": (BACKED_BY, True),
    "allied": (ALLIED_WITH, True),
    "aligned": (ALLIED_WITH, True),
    "affiliated": (MEMBER_OF, True),
    "led": (LEADS, False),
}
# "Y, backed by X": participle -> (predicate, preposition naming X, whether Y is the subject)
CLAUSE_PARTICIPLES = {
    "backed": (BACKED_BY, "by", True),
    "supported": (BACKED_BY, "by", True),
    "sponsored": (BACKED_BY, "by", True),
    "funded": (BACKED_BY, "by", True),
    "armed": (BACKED_BY, "by", True),
    "led": (LEADS, "by", False),
    "headed": (LEADS, "by", False),
    "commanded": (LEADS, "by", False),
    "allied": (ALLIED_WITH, "with", True),
    "aligned": (ALLIED_WITH, "with", True),
    "affiliated": (MEMBER_OF, "with", True),
}
# Relation nouns: holder <predicate> owner ("X, the leader of Y": X leads Y). A reversed
# noun states it the other way round ("Y's backer X": Y backed_by X).
RELATION_NOUNS: dict[str, tuple[str, bool]] = {
    "leader": (LEADS, False),
    "head": (LEADS, False),
    "chief": (LEADS, False),
    "chairman": (LEADS, False),
    "chairwoman": (LEADS, False),
    "founder": (LEADS, False),
    "commander": (LEADS, False),
    "secretary-general": (LEADS, False),
    "member": (MEMBER_OF, False),
    "members": (MEMBER_OF, False),
    "ally": (ALLIED_WITH, False),
    "allies": (ALLIED_WITH, False),
    "partner": (ALLIED_WITH, False),
    "partners": (ALLIED_WITH, False),
    "proxy": (BACKED_BY, False),
    "proxies": (BACKED_BY, False),
    "backer": (BACKED_BY, True),
    "backers": (BACKED_BY, True),
    "patron": (BACKED_BY, True),
    "patrons": (BACKED_BY, True),
    "sponsor": (BACKED_BY, True),
    "sponsors": (BACKED_BY, True),
    "opponent": (OPPOSES, False),
    "opponents": (OPPOSES, False),
    "rival": (OPPOSES, False),
    "rivals": (OPPOSES, False),
    "enemy": (OPPOSES, False),
    "enemies": (OPPOSES, False),
    "foe": (OPPOSES, False),
    "foes": (OPPOSES, False),
    "adversary": (OPPOSES, False),
    "adversaries": (OPPOSES, False),
}
# who may hold each relation
HOLDER_TYPES = {
    LEADS: frozenset({ActorType.PERSON, ActorType.STATE}),
    MEMBER_OF: frozenset(
        {
            ActorType.PERSON,
            ActorType.STATE,
            ActorType.PARTY,
            ActorType.ARMED_GROUP,
            ActorType.ORGANISATION,
            ActorType.GROUP,
        }
    ),
}
# what a person may lead by possession ("Sadr's Mahdi Army")
LED_BY_POSSESSOR = frozenset({ActorType.ARMED_GROUP, ActorType.PARTY, ActorType.ORGANISATION})
OWNER_PREPS = frozenset({"of", "for", "to", "in", "within"})
# "X leads Y", "X, who heads Y": (predicate, the object is the relation's subject)
RELATION_VERBS: dict[str, tuple[str, bool]] = {
    "lead": (LEADS, False),
    "head": (LEADS, False),
    "command": (LEADS, False),
    "chair": (LEADS, False),
    "back": (BACKED_BY, True),
    "arm": (BACKED_BY, True),
    "fund": (BACKED_BY, True),
    "finance": (BACKED_BY, True),
    "sponsor": (BACKED_BY, True),
    "join": (MEMBER_OF, False),
}
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
MAX_CLIMB = 3


@dataclass(frozen=True)
class _Link:
    """One stated relation in token terms, before it becomes a ``Relation``."""

    subject: ActorMention
    predicate: str
    object: ActorMention
    first: int  # token span of the words that state it, within the segment's Doc
    last: int


def _mention(index: ActorIndex, seg: int, tok: Token | None) -> ActorMention | None:
    return index.at(seg, tok.i) if tok is not None else None


def _up_to_mention(index: ActorIndex, seg: int, tok: Token) -> ActorMention | None:
    """The mention covering ``tok``, or one reached by climbing compound/amod heads
    ("militia leader Hadi al-Amiri": from "militia" up to the name)."""
    for _ in range(MAX_CLIMB + 1):
        found = index.at(seg, tok.i)
        if found is not None:
            return found
        if tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _holder(index: ActorIndex, seg: int, noun: Token) -> ActorMention | None:
    """Who holds the relation a noun names: its apposition ("X, the leader of Y"; "his
    allies, the ICP"), the name it is compounded into ("Badr leader Hadi al-Amiri"),
    the subject of a copula ("X is a member of Y") or the mention the noun itself is."""
    if noun.dep_ == "appos":
        found = _mention(index, seg, noun.head)
        if found is not None:
            return found
    for child in noun.children:
        if child.dep_ == "appos":
            found = _mention(index, seg, child)
            if found is not None:
                return found
    if noun.dep_ in ("compound", "nmod") and noun.head.i > noun.i:
        found = _up_to_mention(index, seg, noun.head)
        if found is not None:
            return found
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        for child in noun.head.children:
            if child.dep_ == "nsubj":
                found = _mention(index, seg, child)
                if found is not None:
                    return found
    own = index.at(seg, noun.i)
    if own is not None and own.via not in ("role_noun", "title"):
        return own
    return None


def _owners(index: ActorIndex, seg: int, noun: Token) -> Iterator[tuple[ActorMention, Token]]:
    """Who the relation noun is relative to: "X's", "of X", or a name before it ("Badr
    leader")."""
    for child in noun.children:
        if child.dep_ == "poss":
            found = _mention(index, seg, child)
            if found is not None:
                yield found, child
        elif child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = _mention(index, seg, pobj)
                    if found is not None:
                        yield found, pobj
        elif child.dep_ in ("compound", "nmod") and child.i < noun.i:
            # "Santos and FARC leader X" is parsed with FARC as a conjunct of Santos
            adjacent = [c for c in child.conjuncts if c.i == noun.i - 1]
            found = _mention(index, seg, adjacent[0] if adjacent else child)
            # the name right before the noun ("FARC leader"), not a conjunct before it
            # ("Santos and FARC leader"), nor a lone unknown word of a title ("Supreme
            # Leader")
            if (
                found is not None
                and found.end == noun.i
                and (found.actor.known or found.end - found.start > 1)
            ):
                yield found, child


def _noun_links(index: ActorIndex, seg: int, sent: Span) -> Iterator[_Link]:
    for noun in sent:
        spec = RELATION_NOUNS.get(noun.lower_)
        if spec is None or noun.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        predicate, reversed_ = spec
        holder = _holder(index, seg, noun)
        if holder is None:
            continue
        for owner, owner_tok in _owners(index, seg, noun):
            if owner is holder:
                continue
            subject, obj = (owner, holder) if reversed_ else (holder, owner)
            toks = [noun.i, owner_tok.i, holder.start, holder.end - 1, owner.start]
            yield _Link(subject, predicate, obj, min(toks), max(toks))


def _hyphen_links(index: ActorIndex, seg: int, sent: Span) -> Iterator[_Link]:
    """ "Iran-backed militias", "U.S.-led coalition"."""
    doc = sent.doc
    for tok in sent:
        spec = HYPHEN_PARTICIPLES.get(tok.lower_)
        if spec is None or tok.i < 2 or doc[tok.i - 1].text not in ("-", "\u2010", "\u2011"):
            continue
        agent = index.at(seg, tok.i - 2)
        if agent is None:
            continue
        modified = tok.head if tok.head.i != tok.i else None
        if modified is None or modified.i < tok.i:
            continue
        patient = _up_to_mention(index, seg, modified)
        if patient is None or patient is agent:
            continue
        predicate, patient_is_subject = spec
        subject, obj = (patient, agent) if patient_is_subject else (agent, patient)
        first = agent.start
        last = max(patient.end - 1, modified.i)
        yield _Link(subject, predicate, obj, first, last)


def _clause_links(index: ActorIndex, seg: int, sent: Span) -> Iterator[_Link]:
    """ "the militia, backed by Iran", "a coalition led by Saudi Arabia"."""
    for verb in sent:
        spec = CLAUSE_PARTICIPLES.get(verb.lower_)
        if spec is None or verb.dep_ not in ("acl", "relcl", "amod") or verb.tag_ != "VBN":
            continue
        predicate, prep_word, described_is_subject = spec
        described = index.at(seg, verb.head.i)
        if described is None:
            continue
        for prep in verb.children:
            if prep.lower_ != prep_word or prep.dep_ not in ("agent", "prep"):
                continue
            for pobj in prep.children:
                other = _mention(index, seg, pobj) if pobj.dep_ == "pobj" else None
                if other is None or other is described:
                    continue
                subject, obj = (described, other) if described_is_subject else (other, described)
                yield _Link(subject, predicate, obj, described.start, other.end - 1)


def _verb_links(index: ActorIndex, seg: int, sent: Span) -> Iterator[_Link]:
    """ "X leads Y", "X, who heads Y", "Iran arms the Houthis" (stated in the present or
    past, not negated)."""
    for verb in sent:
        spec = RELATION_VERBS.get(verb.lemma_.lower())
        if spec is None or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        subject_tok = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        object_tok = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if subject_tok is None or object_tok is None:
            continue
        if subject_tok.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            subject_tok = verb.head
        agent, patient = _mention(index, seg, subject_tok), _mention(index, seg, object_tok)
        if agent is None or patient is None:
            continue
        predicate, reversed_ = spec
        subject, obj = (patient, agent) if reversed_ else (agent, patient)
        first, last = min(agent.start, patient.start), max(agent.end, patient.end) - 1
        yield _Link(subject, predicate, obj, first, last)


def _possessive_links(index: ActorIndex, seg: int, sent: Span) -> Iterator[_Link]:
    """ "Sadr's Mahdi Army": a person's armed group, party or organisation."""
    for tok in sent:
        if tok.dep_ != "poss":
            continue
        owner = index.at(seg, tok.i)
        owned = index.at(seg, tok.head.i)
        if owner is None or owned is None or owner is owned:
            continue
        if (
            owner.actor.type is ActorType.PERSON
            and owned.actor.type in LED_BY_POSSESSOR
            and (owned.actor.known or owned.via == "alias")
        ):
            yield _Link(owner, LEADS, owned, owner.start, owned.end - 1)


def _allowed(link: _Link) -> bool:
    if link.subject.actor.id == link.object.actor.id:
        return False
    holders = HOLDER_TYPES.get(link.predicate)
    return holders is None or link.subject.actor.type in holders


def extract_relations(
    doc_id: str,
    segments: Sequence[ParsedSegment],
    index: ActorIndex,
    date: str | None,
) -> list[Relation]:
    """Every relation between two actor mentions that the page's sentences state.

    ``segments`` are the page's parsed segments (those ``index`` was built on), ``date``
    is the page's date: it dates the relations and chooses the actors' codes. Titles and
    boilerplate are skipped.
    """
    out: list[Relation] = []
    seen: set[tuple[str, str, str, int]] = set()
    for seg, ps in enumerate(segments):
        if ps.kind in (SegmentKind.BOILERPLATE,):
            continue
        for sent in ps.doc.sents:
            links = [
                *_noun_links(index, seg, sent),
                *_hyphen_links(index, seg, sent),
                *_clause_links(index, seg, sent),
                *_possessive_links(index, seg, sent),
                *_verb_links(index, seg, sent),
            ]
            for link in links:
                if not _allowed(link):
                    continue
                key = (link.subject.actor.id, link.predicate, link.object.actor.id, sent.start)
                if key in seen:
                    continue
                seen.add(key)
                out.append(_relation(doc_id, ps, sent, link, index, date))
    log.debug("%s: %d stated relations", doc_id, len(out))
    return out


def _relation(
    doc_id: str,
    ps: ParsedSegment,
    sent: Span,
    link: _Link,
    index: ActorIndex,
    date: str | None,
) -> Relation:
    words = ps.doc[link.first : link.last + 1]
    return Relation(
        doc_id=doc_id,
        subject=index.to_ref(link.subject, date),
        predicate=link.predicate,
        object=index.to_ref(link.object, date),
        start=ps.offset + sent.start_char,
        end=ps.offset + sent.end_char,
        sentence=sent.text,
        text=words.text,
        segment=ps.kind,
        date=date,
    )
