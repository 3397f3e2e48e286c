"""Find place names in parsed segments and resolve them against the gazetteer.

Toponyms come from spaCy's GPE/LOC/FAC entities, and from runs of capitalised proper
nouns that the gazetteer knows (only well-known places: countries, provinces, curated
sites and cities of some size, so that surnames and ordinary words stay out). Each
toponym is then resolved with a prior (population, level, capital status) plus the page's
context: the countries and provinces that the page's other toponyms point to.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.models import Place
from sitrep.nlp import ParsedSegment
from sitrep.where.gazetteer import Gazetteer, GazetteerEntry, Match
from sitrep.where.names import exact_key

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities whose words are not place mentions. NORP (demonyms such as "Iraqi") words are
# let through only when they are known place names: the tagger sometimes puts cities there.
NON_PLACE_LABELS = frozenset(
    {"PERSON", "NORP", "DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "PERCENT",
     "LANGUAGE", "LAW", "WORK_OF_ART", "EVENT", "PRODUCT"}
)  # fmt: skip
CALENDAR_WORDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec"}
)  # fmt: skip
# Words that narrow a known place without naming another ("Northern Syria").
QUALIFIERS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
     "northwestern", "southeastern", "southwestern", "greater", "upper", "lower", "downtown",
     "inner", "outer", "rural", "metro", "metropolitan"}
)  # fmt: skip
# Lower-case words and marks inside multi-word names ("Ain al-Asad", "Bab el-Mandeb").
NAME_PARTICLES = frozenset(
    {"-", "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es", "ed", "of", "de",
     "du", "la", "le", "upon", "on", "the", "del", "da", "di"}
)  # fmt: skip
MAX_NAME_TOKENS = 6
# A capitalised word outside any place entity is taken as a place only when it names a
# country, province, curated place, or a city at least this big.
MIN_POPULATION_UNTAGGED = 50_000
LEVEL_BONUS = {"country": 2.0, "admin1": 0.5, "city": 0.0, "site": 0.0}
CAPITAL_BONUS = 1.5
EXACT_BONUS = 0.5
CURATED_BONUS = 0.5
COUNTRY_CONTEXT_BONUS = 2.5
ADMIN1_CONTEXT_BONUS = 1.5


@dataclass(frozen=True)
class Toponym:
    """A name in the text with its gazetteer candidates (best prior first)."""

    start: int  # document offsets
    end: int
    text: str
    matches: tuple[Match, ...]
    tagged: bool  # inside a spaCy GPE/LOC/FAC entity


def find_places(
    segments: Sequence[ParsedSegment], doc_id: str, gazetteer: Gazetteer
) -> list[Place]:
    """Every place mention in ``segments``, resolved, in text order."""
    toponyms = [t for seg in segments for t in find_toponyms(seg.doc, seg.offset, gazetteer)]
    # One sense per page: a name the page uses as a place is a place wherever it recurs,
    # even where the tagger took it for a person or an organisation.
    known = {exact_key(t.text) for t in toponyms}
    taken = {(t.start, t.end) for t in toponyms}
    for seg in segments:
        for toponym in find_repeats(seg.doc, seg.offset, gazetteer, known):
            if not any(s < toponym.end and toponym.start < e for s, e in taken):
                toponyms.append(toponym)
    toponyms.sort(key=lambda t: t.start)
    chosen = resolve_toponyms(toponyms)
    return [
        Place(
            doc_id=doc_id,
            start=t.start,
            end=t.end,
            text=t.text,
            name=e.name,
            lat=e.lat,
            lon=e.lon,
            country=e.country,
            geonames_id=e.geonames_id,
            precision=e.precision,
        )
        for t, e in zip(toponyms, chosen, strict=True)
    ]


def find_toponyms(doc: Doc, offset: int, gazetteer: Gazetteer) -> list[Toponym]:
    """Place names in one parsed segment, with candidates, in text order."""
    found: list[Toponym] = []
    used: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        tokens = _trim(list(ent))
        spans = _longest_matches(tokens, gazetteer, tagged=True)
        if not _covers_name(tokens, spans):
            continue  # "Metcalfe County", "Pearson Airport": a place we do not know
        for i, j, matches in spans:
            found.append(_toponym(doc, offset, tokens[i : j + 1], matches, tagged=True))
            used.update(t.i for t in tokens[i : j + 1])
    for token in doc:
        if token.i not in used and "-" in token.text:
            prefix = _hyphen_prefix(doc, offset, token, gazetteer)
            if prefix is not None:
                found.append(prefix)
                used.add(token.i)
    run: list[Token] = []
    for token in [*doc, None]:
        if (
            token is not None
            and token.i not in used
            and (_could_be_name(token) or (run and token.lower_ in NAME_PARTICLES))
        ):
            run.append(token)
            continue
        for i, j, matches in _longest_matches(run, gazetteer, tagged=False):
            found.append(_toponym(doc, offset, run[i : j + 1], matches, tagged=False))
        run = []
    found.sort(key=lambda t: t.start)
    return found


def find_repeats(doc: Doc, offset: int, gazetteer: Gazetteer, known: set[str]) -> list[Toponym]:
    """Single capitalised words whose names are in ``known``, outside multi-word entities."""
    found = []
    for token in doc:
        if not token.text[:1].isupper() or exact_key(token.text) not in known:
            continue
        if token.ent_type_ and len(_entity_of(token)) > 1:
            continue
        if token.ent_type_ == "NORP" or token.pos_ == "ADJ":
            continue
        matches = tuple(gazetteer.lookup(token.text))
        if matches:
            found.append(_toponym(doc, offset, [token], matches, tagged=False))
    return found


def _entity_of(token: Token) -> Sequence[Token]:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return [token]


def resolve_toponyms(toponyms: Sequence[Toponym]) -> list[GazetteerEntry]:
    """Choose one entry per toponym using the prior and the page's other toponyms."""
    first_choice = [max(t.matches, key=_prior).entry for t in toponyms]
    countries: dict[str, set[str]] = {}
    provinces: dict[tuple[str, str], set[str]] = {}
    for toponym, entry in zip(toponyms, first_choice, strict=True):
        name = toponym.text.casefold()
        if entry.country:
            countries.setdefault(entry.country, set()).add(name)
            if entry.admin1 and entry.precision in ("admin1", "city"):
                provinces.setdefault((entry.country, entry.admin1), set()).add(name)

    def score(match: Match, name: str) -> float:
        entry = match.entry
        value = _prior(match)
        if entry.country and countries.get(entry.country, set()) - {name}:
            value += COUNTRY_CONTEXT_BONUS
        if entry.admin1 and provinces.get((entry.country or "", entry.admin1), set()) - {name}:
            value += ADMIN1_CONTEXT_BONUS
        return value

    chosen = []
    for toponym in toponyms:
        name = toponym.text.casefold()
        chosen.append(max(toponym.matches, key=lambda m: score(m, name)).entry)
    return chosen


def _prior(match: Match) -> float:
    entry = match.entry
    value = math.log10(entry.population + 10) + LEVEL_BONUS[entry.precision]
    if entry.capital:
        value += CAPITAL_BONUS
    if match.exact:
        value += EXACT_BONUS
    if entry.curated:
        value += CURATED_BONUS
    return value


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop a leading determiner and a trailing possessive from an entity's tokens."""
    while tokens and (tokens[0].lower_ == "the" or tokens[0].pos_ == "DET"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


def _hyphen_prefix(doc: Doc, offset: int, token: Token, gazetteer: Gazetteer) -> Toponym | None:
    """The place in a compound such as "U.S.-led" or "Canada-wide"."""
    head, _, tail = token.text.partition("-")
    if not head[:1].isupper() or not tail[:1].islower():
        return None
    matches = tuple(gazetteer.lookup(head))
    if not matches or not _known_enough(matches):
        return None
    start = token.idx
    return Toponym(
        start=offset + start,
        end=offset + start + len(head),
        text=head,
        matches=matches,
        tagged=False,
    )


def _covers_name(tokens: Sequence[Token], spans: Sequence[tuple[int, int, object]]) -> bool:
    """Whether every capitalised word of an entity is in a matched span or a qualifier."""
    covered = {k for i, j, _ in spans for k in range(i, j + 1)}
    return all(
        k in covered or not tok.text[:1].isupper() or tok.lower_ in QUALIFIERS
        for k, tok in enumerate(tokens)
    )


def _could_be_name(token: Token) -> bool:
    """A capitalised proper noun (or an all-capitals word, as in datelines)."""
    text = token.text
    if not text[:1].isupper() or token.ent_type_ in NON_PLACE_LABELS - {"NORP", "PERSON"}:
        return False
    if token.lower_.rstrip(".") in CALENDAR_WORDS or token.pos_ == "ADJ":
        return False
    return token.pos_ == "PROPN" or (text.isupper() and len(text) > 2 and text.isalpha())


def _longest_matches(
    tokens: Sequence[Token], gazetteer: Gazetteer, tagged: bool
) -> list[tuple[int, int, tuple[Match, ...]]]:
    """Greedy left-to-right longest spans of ``tokens`` that name a known place."""
    found = []
    i = 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + MAX_NAME_TOKENS) - 1, i - 1, -1):
            if tokens[j].i - tokens[i].i != j - i:
                continue  # not contiguous in the text
            if not tokens[i].text[:1].isupper() or tokens[j].is_punct:
                continue
            doc = tokens[i].doc
            text = doc[tokens[i].i : tokens[j].i + 1].text
            if tokens[j].lower_ in NAME_PARTICLES:
                continue
            matches = tuple(gazetteer.lookup(text))
            if tagged:
                accepted = bool(matches)
            elif any(tokens[k].ent_type_ == "PERSON" for k in range(i, j + 1)):
                # The tagger's "person" may be a curated site ("Ain al-Asad"), nothing else.
                accepted = j > i and any(m.exact and m.entry.curated for m in matches)
            else:
                accepted = _known_enough(matches)
            if matches and accepted:
                found.append((i, j, matches))
                i = j
                break
        i += 1
    return found


def _known_enough(matches: Sequence[Match]) -> bool:
    for match in matches:
        entry = match.entry
        if not match.exact:
            continue
        if entry.curated or entry.precision in ("country", "admin1"):
            return True
        if entry.population >= MIN_POPULATION_UNTAGGED:
            return True
    return False


def _toponym(
    doc: Doc, offset: int, tokens: Sequence[Token], matches: tuple[Match, ...], tagged: bool
) -> Toponym:
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    return Toponym(
        start=offset + start,
        end=offset + end,
        text=doc.text[start:end],
        matches=matches,
        tagged=tagged,
    )
