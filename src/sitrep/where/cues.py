"""The local grammar around a name that says it is a place.

spaCy's small model often tags well-known places as people or organisations ("in Kyiv",
"Kut and Hilla"). These helpers read the words around a name: a locative preposition
before it ("in", "near", "towards"), a place noun in apposition ("the capital X", "the
town of X"), a feature word after it ("X province", "X air base", "X river"), and a
compass word before it ("southern Israel"). They look only at tokens, never at the
gazetteer, so that ``geoparse`` decides what the gazetteer must also know.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio
from spacy.tokens import Doc, Token

from sitrep.where.names import loose_key

# Prepositions after which a proper name is most often a place. "to" and "from" are left
# out on purpose: "a letter to Bush", "a statement from Hamas".
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "into", "across", "towards",
     "toward", "through", "throughout", "within", "via", "nearby"}
)  # fmt: skip
# Verbs whose direct object, when a known place name, is the place: "rebels took Goma",
# "troops entered Wad Madani". Verbs that as often take a person ("met", "told") are out.
TAKING_VERBS = frozenset(
    {"take", "capture", "seize", "retake", "recapture", "overrun", "storm", "enter",
     "reach", "besiege", "encircle", "surround", "shell", "bomb", "bombard", "liberate",
     "occupy", "invade", "annex", "raid", "evacuate", "flee", "leave", "control", "visit",
     "tour"}
)  # fmt: skip
# Nouns of attack after which "on X" names a place: "the attack on Rafah", "a raid on
# Jenin" ("talks on Syria" is a topic, so only these nouns count).
ATTACK_NOUNS = frozenset(
    {"attack", "assault", "strike", "airstrike", "raid", "offensive", "bombardment", "advance",
     "march", "push", "incursion", "shelling", "bombing"}
)  # fmt: skip
# Verbs of going after which "to X" names a place: "flew to Kherson", "troops were
# redeployed to Odesa" ("to" alone is too often a recipient: "wrote to Macron").
GOING_VERBS = frozenset(
    {"travel", "fly", "go", "come", "return", "head", "drive", "sail", "deploy", "redeploy",
     "rush", "flee", "move", "relocate", "evacuate", "march", "walk", "retreat", "withdraw",
     "arrive", "escape", "transfer", "airlift"}
)  # fmt: skip
# Verbs of leaving after which "from X" names a place: "fled from Goma", "withdrew from
# Kherson" (a bare "from" too often names a sender: "a statement from Hamas").
LEAVING_VERBS = frozenset(
    {"flee", "withdraw", "retreat", "return", "evacuate", "escape", "travel", "come",
     "arrive", "drive", "fly", "move", "deport", "expel", "displace", "pull", "push",
     "oust", "relocate", "transfer"}
)  # fmt: skip
# Nouns of people after which "from X" names where they come from: "fighters from
# Misrata", "armed groups from Zintan" ("a letter from Biden" names a sender).
ORIGIN_NOUNS = frozenset(
    {"fighter", "militia", "militiaman", "group", "force", "troop", "brigade", "unit",
     "militant", "volunteer", "reinforcement", "resident", "refugee", "villager", "family",
     "civilian", "tribesman", "convoy", "column"}
)  # fmt: skip
# Verbs of advancing after which "on X" names a place: "rebels would march on Bukavu",
# "columns advanced on Tripoli" ("on" alone is too often a topic: "talks on Syria").
ADVANCING_VERBS = frozenset(
    {"march", "advance", "move", "converge", "close", "push", "descend", "bear", "press"}
)  # fmt: skip
# Lower-case nouns after a name, singular or plural, that make it a region's name
# ("Oromia and Amhara regions", "Borno state", "the Nakhchivan exclave").
REGION_NOUNS = frozenset(
    {"province", "provinces", "region", "regions", "state", "states", "governorate",
     "governorates", "oblast", "oblasts", "prefecture", "prefectures", "district",
     "districts", "county", "counties", "exclave", "enclave", "municipality"}
)  # fmt: skip
# Nouns that introduce a place name: "the capital Naypyitaw", "the town of Al Qaim".
PLACE_NOUNS = frozenset(
    {"capital", "city", "town", "village", "province", "region", "state", "district",
     "governorate", "oblast", "port", "outskirts", "suburb", "suburbs", "towns", "cities",
     "villages", "hamlet", "enclave", "area", "border", "frontier", "settlement"}
)  # fmt: skip
# Words after a name that make the phrase an administrative area named after it.
# Plurals ("Kharkiv and Luhansk regions") are left out: the name stays the place.
ADMIN_FEATURES = (
    ("province",), ("governorate",), ("state",), ("region",), ("oblast",), ("prefecture",),
)  # fmt: skip
# Words after a name that make the phrase a built site at or next to the named place.
BUILT_FEATURES = (
    ("international", "airport"), ("airport",), ("air", "base"), ("airbase",),
    ("airfield",), ("air", "field"), ("naval", "base"), ("military", "base"), ("base",),
    ("bridge",), ("border", "crossing"), ("crossing",), ("square",),
    ("nuclear", "power", "plant"), ("power", "plant"), ("nuclear", "plant"),
    ("power", "station"), ("dam",), ("refinery",), ("oil", "field"), ("oilfield",),
    ("refugee", "camp"), ("camp",), ("seaport",), ("harbour",), ("harbor",),
)  # fmt: skip
# Words after a name that make the phrase a natural feature: only a gazetteer entry for
# the feature itself will do ("the Dnipro river" is not the city of Dnipro).
NATURAL_FEATURES = (
    ("river",), ("valley",), ("lake",), ("sea",), ("gulf",), ("strait",), ("mountains",),
    ("mountain",), ("desert",), ("peninsula",), ("island",), ("islands",),
)  # fmt: skip
FEATURE_KINDS = (
    ("admin1", ADMIN_FEATURES),
    ("site", BUILT_FEATURES),
    ("natural", NATURAL_FEATURES),
)
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
     "northwestern", "southeastern", "southwestern", "north-east", "north-west",
     "south-east", "south-west", "north-eastern", "north-western", "south-eastern",
     "south-western"}
)  # fmt: skip
# Main name and query must be this alike (0-100) for a tagger-rejected name to count.
MIN_SPELLING_SIMILARITY = 80


@dataclass(frozen=True)
class Feature:
    """Feature words right after a name: how many tokens, and which kind."""

    length: int
    kind: str  # "admin1", "site" or "natural"


def has_locative_cue(tokens: Sequence[Token]) -> bool:
    """Whether the words around ``tokens`` (one whole name) say that it is a place: a
    locative preposition or place noun before it ("in Kut", "the capital Naypyitaw",
    "the town of Al Qaim"), "from" after a verb of leaving ("fled from Goma") or a noun of people ("fighters from Misrata"), "on"
    after a verb of advancing ("march on Bukavu"), "to" after a verb of going ("flew to
    Kherson"), the object of a verb of taking or visiting ("rebels took Goma"), a region noun after it ("Amhara
    region"), or a place noun in apposition after it ("X, the capital")."""
    doc = tokens[0].doc
    k = tokens[0].i - 1
    while k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k >= 0:
        before = doc[k]
        if before.lower_ in LOCATIVE_PREPOSITIONS or before.lower_ in PLACE_NOUNS:
            return True
        if before.lower_ == "of" and k > 0 and doc[k - 1].lower_ in PLACE_NOUNS:
            return True
        if before.lower_ == "from" and before.head.lemma_ in LEAVING_VERBS | ORIGIN_NOUNS:
            return True
        if before.lower_ == "on" and before.head.lemma_ in ADVANCING_VERBS | ATTACK_NOUNS:
            return True
        if before.lower_ == "to" and before.head.lemma_ in GOING_VERBS:
            return True
    if _object_of_taking(tokens):
        return True
    if region_noun_after(doc, tokens[-1].i + 1):
        return True
    after = doc[tokens[-1].i + 1 : tokens[-1].i + 5]
    if len(after) > 1 and after[0].text == ",":
        for word in after[1:]:
            if word.lower_ in PLACE_NOUNS:
                return True  # "Wad Madani, the capital of ..."
            if word.pos_ not in ("DET", "ADJ"):
                break
    return False


def _object_of_taking(tokens: Sequence[Token]) -> bool:
    """Whether the name is the direct object of a verb of taking ("took Goma")."""
    head = tokens[-1]
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "Wad Madani": the name's last word carries the relation
    return head.dep_ in ("dobj", "obj") and head.head.lemma_ in TAKING_VERBS


def region_noun_after(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a lower-case region noun ("region", "provinces")."""
    return k < len(doc) and doc[k].text.islower() and doc[k].lower_ in REGION_NOUNS


def has_possessive(tokens: Sequence[Token]) -> bool:
    """Whether the name is followed by a possessive ("Mali's coup")."""
    following = tokens[0].doc[tokens[-1].i + 1 : tokens[-1].i + 2]
    return bool(following) and following[0].tag_ == "POS"


def is_whole_name(tokens: Sequence[Token]) -> bool:
    """Whether ``tokens`` are a whole name, not part of a longer one ("the University
    of Manitoba", "Wal-Mart", "Kentucky State Police")."""
    doc = tokens[0].doc
    first, last = tokens[0], tokens[-1]
    if first.i > 0 and doc[first.i - 1].text[:1].isupper() and doc[first.i - 1].pos_ == "PROPN":
        return False
    if last.i + 1 < len(doc):
        after = doc[last.i + 1]
        if after.text[:1].isupper() and after.pos_ == "PROPN" or after.text in ("-", "&"):
            return False
        if after.lower_ == "of" and last.i + 2 < len(doc) and doc[last.i + 2].text[:1].isupper():
            return False
        if last.ent_iob_ in ("B", "I") and after.ent_iob_ == "I":
            return False  # the tagger's entity goes on
    return first.ent_iob_ != "I" or doc[first.i - 1].lower_ == "the"


def feature_after(doc: Doc, end: int) -> Feature | None:
    """Feature words starting at token ``end`` ("province", "air base"), longest first."""
    if end >= len(doc):
        return None
    candidates = _FEATURES_BY_FIRST_WORD.get(doc[end].lower_)
    if not candidates:
        return None
    words = tuple(t.lower_ for t in doc[end : end + 3])
    best: Feature | None = None
    for kind, feature in candidates:
        if words[: len(feature)] == feature and (best is None or len(feature) > best.length):
            best = Feature(len(feature), kind)
    return best


def _features_by_first_word() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """First word -> (kind, feature words), in FEATURE_KINDS order (earlier wins a tie)."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for kind, features in FEATURE_KINDS:
        for feature in features:
            out.setdefault(feature[0], []).append((kind, feature))
    return {word: tuple(found) for word, found in out.items()}


_FEATURES_BY_FIRST_WORD = _features_by_first_word()


def compass_before(doc: Doc, start: int) -> Token | None:
    """A lower-case compass word right before token ``start`` ("southern" Israel)."""
    if start == 0:
        return None
    before = doc[start - 1]
    if before.text.islower() and before.lower_ in COMPASS_WORDS:
        return before
    return None


def coordinated(doc: Doc, start: int, end: int, others: Iterable[tuple[int, int]]) -> bool:
    """Whether tokens ``start:end`` are listed next to one of ``others`` (token spans):
    "Kut and Hilla", "Chernihiv, Sumy, Kharkiv"."""
    links = {",", "and", "or", "&"}
    for o_start, o_end in others:
        gap = doc[o_end:start] if o_end <= start else doc[end:o_start]
        if 1 <= len(gap) <= 2 and all(t.lower_ in links for t in gap):
            return True
    return False


def person_name_words(docs: Iterable[Doc], is_place: Callable[[str], bool]) -> frozenset[str]:
    """Keys of the words of multi-word person names on a page ("Hassan Rouhani"): the
    same word alone later on names the person, not a place called Hassan. Entities that
    the tagger calls people but ``is_place`` knows as a whole ("Tal Abyad") do not count.
    """
    words = set()
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = [*ent, *_surname_left_out(ent)]
            if not 1 < len(name) <= 5 or is_place(ent.text):
                continue
            if any(t.pos_ == "DET" or t.tag_ == "POS" for t in ent):
                continue  # "the Tigray People's Liberation Front": a body, not a person
            words.update(loose_key(t.text) for t in name if t.text[:1].isupper())
    words.discard("")
    return frozenset(words)


def _surname_left_out(ent) -> list[Token]:
    """The proper nouns right after a person's name that the tagger left out of it but
    the parse makes its head ("Maria Corina" tagged, "Machado" not: one name)."""
    out: list[Token] = []
    last = ent[-1]
    doc = ent.doc
    while last.i + 1 < len(doc):
        nxt = doc[last.i + 1]
        if nxt.ent_type_ or nxt.pos_ != "PROPN" or not nxt.text[:1].isupper():
            break
        if last.head.i != nxt.i or last.dep_ != "compound":
            break
        out.append(nxt)
        last = nxt
    return out


def spelled_like(text: str, name: str) -> bool:
    """Whether ``text`` is a spelling of ``name`` itself ("Kharkov", "Kharkiv") rather
    than an unrelated alternate name that GeoNames files under it."""
    a, b = loose_key(text), loose_key(name)
    return bool(a) and (a == b or ratio(a, b) >= MIN_SPELLING_SIMILARITY)


# Venues named after anything at all ("the Pearl Beach hotel", "the Beach View hotel"):
# a name before one is a place only when it is a well-known one ("a Kabul hotel")
VENUE_NOUNS = frozenset(
    {"hotel", "restaurant", "cafe", "café", "club", "nightclub", "mall", "cinema", "theatre",
     "theater", "bar", "resort", "supermarket", "stadium", "arena", "casino"}
)  # fmt: skip


# Nouns that end organisations' names and are also the names of small towns somewhere
ORG_HEAD_NOUNS = frozenset(
    {"union", "league", "front", "council", "party", "army", "alliance", "assembly",
     "authority", "congress", "movement", "commission", "bank", "court", "guard", "ministry",
     "committee", "agency", "corporation", "company", "group", "institute", "federation",
     "coalition", "brigade", "brigades", "forces", "force", "organization", "organisation"}
)  # fmt: skip


def inside_organisation(token: Token) -> bool:
    """The head noun ending an organisation's name: "Union" in "African Union", "Front"
    in "Popular Front" are not the towns of Union or Front. Places inside such names stay
    places ("Statistics Canada", "Toronto Police")."""
    if token.ent_type_ != "ORG" or token.ent_iob_ != "I" or token.lower_ not in ORG_HEAD_NOUNS:
        return False
    after = token.i + 1
    return after >= len(token.doc) or token.doc[after].ent_iob_ != "I"


# nouns for a kind of place that a nationality word can qualify: "the Syrian town of X"
PLACE_KIND_NOUNS = frozenset(
    {"town", "city", "village", "port", "district", "province", "region", "camp", "border",
     "capital", "island", "enclave", "governorate", "state", "county", "oasis"}
)  # fmt: skip


def nationality_of_kind(token: Token) -> str | None:
    """The nationality word that qualifies the kind of place a name is ("Mozambican" in
    "the Mozambican town of Palma", "Iraqi" in "the Iraqi border town of Qaim"), or None."""
    root = token
    while root.dep_ in ("compound", "flat") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        kind = root.head.head
    elif root.dep_ == "appos":
        kind = root.head
    else:
        return None
    if kind.lemma_.lower() not in PLACE_KIND_NOUNS:
        return None
    words = [c for c in kind.children if c.dep_ in ("amod", "compound") and c.i < kind.i]
    words += [g for c in words for g in c.children if g.dep_ in ("amod", "compound")]
    found = [w.text for w in words if w.text[:1].isupper()]
    return found[0] if found else None
