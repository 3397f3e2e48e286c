"""Find place names in parsed segments and resolve them against the gazetteer.

Toponyms come from spaCy's GPE/LOC/FAC entities, and from runs of capitalised proper
nouns that the gazetteer knows (only well-known places: countries, provinces, curated
sites and cities of some size, so that surnames and ordinary words stay out). Each
toponym is then resolved with a prior (population, level, capital status) plus the page's
context: the countries and provinces that the page's other toponyms point to.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.models import Place
from sitrep.nlp import ParsedSegment
from sitrep.where import cues
from sitrep.where.disambiguate import named_nationality, prior, resolve_toponyms, stranded
from sitrep.where.gazetteer import Gazetteer, GazetteerEntry, Match
from sitrep.where.names import exact_key, loose_key

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
LONE_DIRECTIONS = frozenset({"west", "east", "north", "south", "the west", "the east"})
# Lower-case words and marks inside multi-word names ("Ain al-Asad", "Bab el-Mandeb").
NAME_PARTICLES = frozenset(
    {"-", "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es", "ed", "of", "de",
     "du", "la", "le", "upon", "on", "the", "del", "da", "di"}
)  # fmt: skip
MAX_NAME_TOKENS = 6
# A capitalised word outside any place entity is taken as a place only when it names a
# country, province, curated place, or a city at least this big.
MIN_POPULATION_UNTAGGED = 50_000
# A name the tagger took for a person or an organisation is a place when the words around
# it say so ("in Kut") and the gazetteer knows a country, province, curated place or a
# city at least this big under that very spelling.
MIN_POPULATION_CUED = 20_000
# A city the tagger took for a person is still a place, on its own name alone, when it is
# a capital or this big (and no full person name on the page contains the word).
MIN_POPULATION_PERSON_TAGGED = 1_000_000
# Entity labels whose whole span may still be a place when the grammar says so.
CUEABLE_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
# A name that the gazetteer knows only as a small place, or under a loose spelling, is
# still a place when the grammar says so ("down to Goris") and the page's other places
# are in a country that has a place of that name at least this big.
MIN_POPULATION_PAGE_COUNTRY = 1_000
# Words that join a controlling country to a place ("Pakistan-administered Kashmir").
CONTROL_WORDS = frozenset({"administered", "controlled", "held", "occupied", "annexed", "run"})


@dataclass(frozen=True)
class Toponym:
    """A name in the text with its gazetteer candidates (best prior first)."""

    start: int  # document offsets
    end: int
    text: str
    matches: tuple[Match, ...]
    tagged: bool  # inside a spaCy GPE/LOC/FAC entity
    # Set when the text names a feature at or around the matched place ("Basra airport",
    # "Anbar province"): the place's precision and the feature words.
    precision: str | None = None
    feature: str = ""
    core: str = ""  # the words the gazetteer matched, when they differ from ``text``
    # A place on grammar alone that is kept only where the page's other places are in the
    # country of one of its candidates (see ``MIN_POPULATION_PAGE_COUNTRY``).
    weak: bool = False


@dataclass(frozen=True)
class _Hit:
    """A matched name as a token span [start, end) of one Doc, before it becomes a Toponym."""

    start: int
    end: int
    matches: tuple[Match, ...]
    tagged: bool
    precision: str | None = None
    feature: str = ""
    core: tuple[int, int] | None = None
    weak: bool = False


def find_places(
    segments: Sequence[ParsedSegment],
    doc_id: str,
    gazetteer: Gazetteer,
    nationalities: Mapping[str, GazetteerEntry] | None = None,
) -> list[Place]:
    """Every place mention in ``segments``, resolved, in text order; ``nationalities``
    (nationality word -> the country's entry) settles "the Mozambican town of Palma"."""
    person_words = cues.person_name_words((seg.doc for seg in segments), gazetteer.__contains__)
    toponyms = [
        t for seg in segments for t in find_toponyms(seg.doc, seg.offset, gazetteer, person_words)
    ]
    # One sense per page: a name the page uses as a place is a place wherever it recurs,
    # even where the tagger took it for a person or an organisation.
    known = {exact_key(t.core or t.text) for t in toponyms}
    taken = {(t.start, t.end) for t in toponyms}
    for seg in segments:
        for toponym in find_repeats(seg.doc, seg.offset, gazetteer, known):
            if not any(s < toponym.end and toponym.start < e for s, e in taken):
                toponyms.append(toponym)
    toponyms.sort(key=lambda t: t.start)
    # "Putin warns West": a lone compass word is a bloc or a direction, not West, Texas
    toponyms = [t for t in toponyms if t.text.lower() not in LONE_DIRECTIONS]
    toponyms = _confirm_weak(toponyms)
    if nationalities:
        toponyms = named_nationality(toponyms, segments, nationalities)
    chosen = resolve_toponyms(toponyms)
    dropped = stranded(toponyms, chosen)
    return [
        _place(doc_id, t, e) for t, e, d in zip(toponyms, chosen, dropped, strict=True) if not d
    ]


def _confirm_weak(toponyms: Sequence[Toponym]) -> list[Toponym]:
    """Keep a weak toponym only with its candidates in the countries that the page's other
    toponyms point to; drop it where there are none."""
    countries = {max(t.matches, key=prior).entry.country for t in toponyms if not t.weak} - {None}
    kept = []
    for toponym in toponyms:
        if not toponym.weak:
            kept.append(toponym)
            continue
        local = tuple(m for m in toponym.matches if m.entry.country in countries)
        if local:
            kept.append(dataclasses.replace(toponym, matches=local, weak=False))
    return kept


def _place(doc_id: str, toponym: Toponym, entry: GazetteerEntry) -> Place:
    if toponym.precision is None:
        name, precision, geonames_id = entry.name, entry.precision, entry.geonames_id
    else:  # a feature of the matched place: its point, not its identity
        name, precision, geonames_id = f"{entry.name} {toponym.feature}", toponym.precision, None
    return Place(
        doc_id=doc_id,
        start=toponym.start,
        end=toponym.end,
        text=toponym.text,
        name=name,
        lat=entry.lat,
        lon=entry.lon,
        country=entry.country,
        geonames_id=geonames_id,
        precision=precision,
    )


def find_toponyms(
    doc: Doc, offset: int, gazetteer: Gazetteer, person_words: frozenset[str] = frozenset()
) -> list[Toponym]:
    """Place names in one parsed segment, with candidates, in text order.

    ``person_words`` are the words of the page's full person names (see
    ``cues.person_name_words``); they are never taken as places on grammar alone.
    """
    hits: list[_Hit] = []
    pending: list[_Hit] = []  # known names with no cue yet: places if listed next to one
    used: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            if _surname_after_given_name(ent, gazetteer):
                continue  # "Kenzo Oshima, the UN relief coordinator": a person
            if _person_named_again(ent, gazetteer, person_words):
                continue  # "Maria Corina Machado ... an investigation into Machado"
            tokens = _with_hyphened_words(_trim(list(ent)))
            spans = _feature_pieces_dropped(
                tokens, _longest_matches(tokens, gazetteer, tagged=True)
            )
            if not _covers_name(tokens, spans):
                continue  # "Metcalfe County", "Pearson Airport": a place we do not know
            if not _pieces_agree(tokens, spans):
                # "Cabo Delgado" unknown as a whole: not "Cabo" and "Delgado"
                used.update(t.i for t in tokens)
                continue
            for i, j, matches, _ in spans:
                hits.append(_Hit(tokens[i].i, tokens[j].i + 1, matches, tagged=True))
                used.update(t.i for t in tokens[i : j + 1])
        elif ent.label_ in CUEABLE_LABELS:
            tokens = _trim(list(ent))
            if tokens:
                hit = _cued(tokens, gazetteer, person_words, pending)
                if hit is not None:
                    hits.append(hit)
                    used.update(range(hit.start, hit.end))
    found: list[Toponym] = []
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
        spans = _feature_pieces_dropped(
            run,
            _longest_matches(
                run, gazetteer, tagged=False, person_words=person_words, pending=pending
            ),
        )
        if _pieces_agree(run, spans):
            for i, j, matches, weak in spans:
                hits.append(_Hit(run[i].i, run[j].i + 1, matches, tagged=False, weak=weak))
        run = []
    taken = used | {k for h in hits for k in range(h.start, h.end)}
    dateline = _dateline(doc, gazetteer, taken)
    if dateline is not None:
        hits.append(dateline)
        taken.update(range(dateline.start, dateline.end))
    hits.extend(_curated_features(doc, gazetteer, taken))
    hits.extend(_within(doc, hits, pending))
    hits.extend(_coordinated(doc, hits, pending))
    for hit in _with_control_prefixes(doc, hits, gazetteer):
        extended = _with_feature(doc, _with_compass(doc, hit), gazetteer)
        if extended is not None:
            found.append(_hit_toponym(doc, offset, extended))
    found.sort(key=lambda t: t.start)
    return found


DATELINE_MARKS = frozenset({"\u2014", "\u2013", "-", "--", "("})
MAX_DATELINE_TOKENS = 4


def _dateline(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> _Hit | None:
    """A dateline: the segment opens with a place name in capitals, then a dash or a
    bracketed agency ("TORRINGTON \u2014 The mayor...", "BEIRUT (AP) - ..."). The layout
    is the cue, so a small town counts without the tagger or a locative word."""
    words = [t for t in doc if not t.is_space]
    k = 0
    while (
        k < min(len(words), MAX_DATELINE_TOKENS)
        and words[k].is_alpha
        and words[k].text.isupper()
        and len(words[k].text) > 1
    ):
        k += 1
    if k == 0 or k >= len(words) or words[k].text not in DATELINE_MARKS:
        return None
    first, last = words[0], words[k - 1]
    if last.i - first.i != k - 1 or any(
        t.i in taken or t.ent_type_ == "ORG" or t.ent_type_ in NON_PLACE_LABELS for t in words[:k]
    ):
        return None  # "NATO \u2014 ...": an organisation, not a place
    text = doc[first.i : last.i + 1].text
    # Only the place under its own spelling, not one GeoNames files the word under.
    matches = tuple(
        m for m in gazetteer.lookup(text) if m.exact and cues.spelled_like(text, m.entry.name)
    )
    same = tuple(m for m in matches if loose_key(m.entry.name) == loose_key(text))
    if not (same or matches):
        return None
    return _Hit(first.i, last.i + 1, same or matches, tagged=False)


def _curated_features(doc: Doc, gazetteer: Gazetteer, used: set[int]) -> list[_Hit]:
    """Names that only a curated entry for the whole phrase makes a place, whatever the
    tagger said: "the Crimean bridge", "Hostomel airfield", "the Antonivskyi bridge";
    and a region named with its region word ("Rivers state", "Delta state")."""
    found = []
    for k in range(1, len(doc)):
        length = _noun_after(doc, k)
        if length is None or (k - 1) in used or not doc[k - 1].text[:1].isupper():
            continue
        end = k + length
        for start in range(max(0, k - MAX_NAME_TOKENS), k):
            if any(i in used for i in range(start, end)) or not doc[start].text[:1].isupper():
                continue
            whole = [m for m in gazetteer.lookup(doc[start:end].text) if m.exact]
            if whole and cues.region_noun_after(doc, k):
                whole = [m for m in whole if m.entry.precision == "admin1"]  # "Delta state"
            if whole and all(m.entry.curated or m.entry.precision == "admin1" for m in whole):
                found.append(_Hit(start, end, tuple(whole), tagged=False, core=(start, k)))
                used.update(range(start, end))
                break
    return found


def _noun_after(doc: Doc, k: int) -> int | None:
    """The length of the feature words ("air base") or lower-case noun ("corridor",
    "district") at token ``k``, which a curated entry may name together with the words
    before it; None when there are none."""
    feature = cues.feature_after(doc, k)
    if feature is not None:
        return feature.length
    token = doc[k]
    if token.pos_ == "NOUN" and token.text.isalpha() and token.text.islower():
        return 1
    return None


def _cued(
    tokens: Sequence[Token],
    gazetteer: Gazetteer,
    person_words: frozenset[str],
    pending: list[_Hit] | None,
) -> _Hit | None:
    """``tokens`` (a whole name) as a place on grammar alone: a hit when a locative cue
    precedes it, else None (and a pending hit when it could still be listed with one)."""
    text = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
    words = [t for t in tokens if t.text[:1].isupper()]
    if any(loose_key(t.text) in person_words for t in words) or not cues.is_whole_name(tokens):
        return None
    if all(t.lower_ in QUALIFIERS for t in words):
        return None  # "in Central"
    matches = tuple(gazetteer.lookup(text))
    if not matches:
        return None
    hit = _Hit(tokens[0].i, tokens[-1].i + 1, matches, tagged=False)
    if len(words) > 1 and any(m.exact and m.entry.curated for m in matches):
        return hit  # "Dhaka University", "Cite Soleil": a curated name of several words
    if not _known_with_cue(matches, text):
        small = tuple(
            m for m in matches if m.exact and m.entry.population >= MIN_POPULATION_PAGE_COUNTRY
        )
        if small and cues.has_locative_cue(tokens):
            return dataclasses.replace(hit, matches=small, weak=True)
        return None
    if cues.has_locative_cue(tokens):
        return hit
    if cues.has_possessive(tokens) and any(
        m.exact and m.entry.precision == "country" for m in matches
    ):
        return hit  # "Mali's coup": a country's name before a possessive
    if pending is not None:
        pending.append(hit)
    return None


def _known_with_cue(matches: Sequence[Match], text: str) -> bool:
    """Whether the gazetteer knows ``text`` well enough to trust a grammatical cue. A name
    known under its very spelling is not read as a variant of another ("Goris" is the
    Armenian town, not a spelling of Gori in Georgia)."""
    own = [m for m in matches if m.exact and exact_key(m.entry.name) == exact_key(text)]
    for match in own or matches:
        entry = match.entry
        big = entry.precision in ("country", "admin1") or entry.population >= MIN_POPULATION_CUED
        if entry.curated or (big and cues.spelled_like(text, entry.name)):
            return True
    return False


def _coordinated(doc: Doc, hits: Sequence[_Hit], pending: Sequence[_Hit]) -> list[_Hit]:
    """Pending names listed next to a place ("Kut and Hilla"), taken to a fixed point."""
    spans = [(h.start, h.end) for h in hits]
    left = [p for p in pending if not any(p.start < e and s < p.end for s, e in spans)]
    added: list[_Hit] = []
    while True:
        new = [p for p in left if cues.coordinated(doc, p.start, p.end, spans)]
        if not new:
            return added
        added.extend(new)
        spans.extend((p.start, p.end) for p in new)
        left = [p for p in left if p not in new]


# Words between a name and the larger place it lies in: "Wad Madani in Gezira state",
# "Goma, North Kivu", "Bukavu in eastern Congo".
CONTAINER_LINKS = frozenset({",", "in"})


def _within(doc: Doc, hits: Sequence[_Hit], pending: Sequence[_Hit]) -> list[_Hit]:
    """Pending names placed in a larger place that is a hit ("Wad Madani in Gezira
    state"), kept with their candidates in that place's country; none where the country
    has no place of that name."""
    starts = {h.start: h for h in hits}
    spans = [(h.start, h.end) for h in hits]
    added = []
    for hit in pending:
        if any(hit.start < e and s < hit.end for s, e in spans):
            continue
        k = hit.end
        if k >= len(doc) or doc[k].lower_ not in CONTAINER_LINKS:
            continue
        k += 1
        while k < len(doc) and (doc[k].lower_ == "the" or cues.compass_before(doc, k + 1)):
            k += 1
        container = starts.get(k)
        if container is None:
            continue
        country = max(container.matches, key=prior).entry.country
        local = tuple(m for m in hit.matches if country and m.entry.country == country)
        if local:
            added.append(dataclasses.replace(hit, matches=local))
            spans.append((hit.start, hit.end))
    return added


def _with_control_prefixes(doc: Doc, hits: Sequence[_Hit], gazetteer: Gazetteer) -> list[_Hit]:
    """Take in a controlling country joined to the name ("Pakistan-administered Kashmir")
    where the gazetteer knows the whole phrase as a place of its own; the country's own
    hit inside the phrase goes."""
    grown: list[_Hit] = []
    for hit in hits:
        start = hit.start - 3
        if (
            start >= 0
            and doc[hit.start - 1].lower_ in CONTROL_WORDS
            and doc[hit.start - 2].text == "-"
            and doc[start].text[:1].isupper()
            and doc[start].whitespace_ == ""
        ):
            whole = tuple(m for m in gazetteer.lookup(doc[start : hit.end].text) if m.exact)
            if whole:
                hit = _Hit(start, hit.end, whole, hit.tagged, core=hit.core)
        grown.append(hit)
    spans = [(h.start, h.end) for h in grown]
    return [
        h
        for h in grown
        if not any(s <= h.start and h.end <= e and (s, e) != (h.start, h.end) for s, e in spans)
    ]


def _with_compass(doc: Doc, hit: _Hit) -> _Hit:
    """Take in a compass word before the name ("southern Israel", "northeast Syria")."""
    word = cues.compass_before(doc, hit.start)
    best = max(hit.matches, key=prior).entry
    if word is None or best.precision not in ("country", "admin1") or best.country is None:
        return hit  # "central Bogota", "the southern Red Sea": the place itself
    return _Hit(
        word.i,
        hit.end,
        hit.matches,
        hit.tagged,
        hit.precision,
        hit.feature,
        hit.core or (hit.start, hit.end),
        hit.weak,
    )


def _with_feature(doc: Doc, hit: _Hit, gazetteer: Gazetteer) -> _Hit | None:
    """Take in feature words after the name ("Anbar province", "Basra airport").

    The gazetteer's own entry for the whole phrase wins ("Rafah crossing"). Otherwise an
    administrative word makes the phrase the area around the named place, and a built
    feature a site at it; a natural feature ("the Dnipro river") needs its own entry, and
    without one the name is dropped: it does not mention the town of the same name.
    """
    feature = cues.feature_after(doc, hit.end)
    if feature is None and hit.end < len(doc) and doc[hit.end].lower_ in cues.VENUE_NOUNS:
        name = doc[hit.start : hit.end].text
        # "the Pearl Beach hotel" names a hotel, not the town of Pearl Beach, Michigan
        return hit if _known_enough(hit.matches, name, own_spelling=True) else None
    if feature is None:
        length = _noun_after(doc, hit.end) if hit.end < len(doc) else None
        if length is None:
            return hit
        core = hit.core or (hit.start, hit.end)
        end = hit.end + length
        whole = tuple(
            m for m in gazetteer.lookup(doc[core[0] : end].text) if m.exact and m.entry.curated
        )
        if whole:  # "the Riyadh district": a curated place named with a plain noun
            return _Hit(hit.start, end, whole, hit.tagged, core=core, weak=hit.weak)
        return hit
    end = hit.end + feature.length
    if end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN":
        return hit  # "Kentucky State Police": the feature word starts another name
    core = hit.core or (hit.start, hit.end)
    whole = tuple(m for m in gazetteer.lookup(doc[core[0] : end].text) if m.exact)
    if whole:  # the whole phrase is a known place ("Rivers state"): no longer weak
        return _Hit(hit.start, end, whole, hit.tagged, core=core)
    words = doc[hit.end : end].text.lower()
    matches = hit.matches
    if feature.kind == "natural":
        natural = tuple(m for m in matches if m.entry.curated and m.entry.precision == "site")
        if not natural:
            return None
        return _Hit(hit.start, end, natural, hit.tagged, core=core, weak=hit.weak)
    local = tuple(m for m in matches if m.entry.precision != "country")
    if not local or max(matches, key=prior).entry.precision == "country":
        return hit  # "Iran state television", "U.S. military base": the country itself
    if feature.kind == "admin1":
        areas = tuple(m for m in local if m.entry.precision == "admin1")
        return _Hit(hit.start, end, areas or local, hit.tagged, "admin1", words, core, hit.weak)
    return _Hit(hit.start, end, local, hit.tagged, "site", words, core, hit.weak)


def _hit_toponym(doc: Doc, offset: int, hit: _Hit) -> Toponym:
    toponym = _toponym(doc, offset, doc[hit.start : hit.end], hit.matches, hit.tagged)
    core = doc[hit.core[0] : hit.core[1]].text if hit.core else ""
    return Toponym(
        start=toponym.start,
        end=toponym.end,
        text=toponym.text,
        matches=toponym.matches,
        tagged=toponym.tagged,
        precision=hit.precision,
        feature=hit.feature,
        core=core,
        weak=hit.weak,
    )


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


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop a leading determiner and a trailing possessive from an entity's tokens."""
    while tokens and (tokens[0].lower_ == "the" or tokens[0].pos_ == "DET"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


def _with_hyphened_words(tokens: list[Token]) -> list[Token]:
    """An entity's tokens with the capitalised words hyphened to either end without
    spaces, which the tagger sometimes leaves out: "Centre" in "Centre-Nord"."""
    if not tokens:
        return tokens
    doc = tokens[0].doc
    first, last = tokens[0].i, tokens[-1].i
    while (
        last + 2 < len(doc)
        and doc[last + 1].text == "-"
        and not doc[last].whitespace_
        and not doc[last + 1].whitespace_
        and doc[last + 2].text[:1].isupper()
        and not doc[last + 2].ent_type_
    ):
        last += 2
    while (
        first >= 2
        and doc[first - 1].text == "-"
        and not doc[first - 2].whitespace_
        and not doc[first - 1].whitespace_
        and doc[first - 2].text[:1].isupper()
        and not doc[first - 2].ent_type_
    ):
        first -= 2
    return list(doc[first : last + 1])


def _hyphen_prefix(doc: Doc, offset: int, token: Token, gazetteer: Gazetteer) -> Toponym | None:
    """The place in a compound such as "U.S.-led" or "Canada-wide"."""
    head, _, tail = token.text.partition("-")
    if not head[:1].isupper() or not tail[:1].islower():
        return None
    matches = tuple(gazetteer.lookup(head))
    if not matches or not _known_enough(matches, head):
        return None
    start = token.idx
    return Toponym(
        start=offset + start,
        end=offset + start + len(head),
        text=head,
        matches=matches,
        tagged=False,
    )


def _covers_name(tokens: Sequence[Token], spans: Sequence[tuple[int, int, object, bool]]) -> bool:
    """Whether every capitalised word of an entity is in a matched span or a qualifier."""
    covered = {k for i, j, _, _ in spans for k in range(i, j + 1)}
    return all(
        k in covered or not tok.text[:1].isupper() or tok.lower_ in QUALIFIERS
        for k, tok in enumerate(tokens)
    )


def _feature_pieces_dropped(
    tokens: Sequence[Token], spans: list[tuple[int, int, tuple[Match, ...], bool]]
) -> list[tuple[int, int, tuple[Match, ...], bool]]:
    """ "the Europe Bridge", "Tahrir Square": a feature word right after a known name is
    part of that name, not a town GeoNames files under the same word ("Bridge")."""
    kept: list[tuple[int, int, tuple[Match, ...], bool]] = []
    for span in spans:
        i, j = span[0], span[1]
        feature = cues.feature_after(tokens[i].doc, tokens[i].i)
        if kept and kept[-1][1] == i - 1 and feature is not None and feature.length > j - i:
            continue
        kept.append(span)
    return kept


def _pieces_agree(
    tokens: Sequence[Token], spans: Sequence[tuple[int, int, tuple[Match, ...], bool]]
) -> bool:
    """Whether the known pieces of one name can be one place named with its larger
    place ("Goma North Kivu", "Paris France"): two towns side by side with nothing but
    spaces between them must share a country. Two unrelated towns ("Cabo" in South
    Africa, "Delgado" in El Salvador) are the words of one name that the gazetteer does
    not know."""
    for (_, j, left, _), (i, _, right, _) in zip(spans, spans[1:], strict=False):
        if i != j + 1 or tokens[j].whitespace_ != " ":
            continue  # punctuation or a word between them: two names ("Iraq-Syria")
        if any(
            max(piece, key=prior).entry.precision in ("country", "admin1")
            for piece in (left, right)
        ):
            continue  # "Queensland Police": a region or country names what follows
        shared = {m.entry.country for m in left} & {m.entry.country for m in right}
        if not shared - {None}:
            return False
    return True


def _could_be_name(token: Token) -> bool:
    """A capitalised proper noun (or an all-capitals word, as in datelines)."""
    text = token.text
    if not text[:1].isupper() or token.ent_type_ in NON_PLACE_LABELS - {"NORP", "PERSON"}:
        return False
    if token.lower_.rstrip(".") in CALENDAR_WORDS:
        return False
    if cues.inside_organisation(token):
        return False  # "African Union", "Soviet Union": not the town of Union
    if token.pos_ == "ADJ":  # "Iraqi", but "Amhara region": a name before a region noun
        return cues.region_noun_after(token.doc, token.i + 1)
    return token.pos_ == "PROPN" or (text.isupper() and len(text) > 2 and text.isalpha())


def _surname_after_given_name(ent: Span, gazetteer: Gazetteer) -> bool:
    """A one-word place entity right after a capitalised word that the tagger left out of
    every entity and that forms no known place with it: the tagger has split a person's
    name ("Kenzo Oshima") and taken the surname for a town."""
    if len(ent) != 1 or ent.start == 0:
        return False
    given = ent.doc[ent.start - 1]
    if given.ent_type_ or given.pos_ != "PROPN" or not given.text.isalpha():
        return False
    if not given.text[:1].isupper() or given.is_upper or given.lower_ in QUALIFIERS:
        return False
    if list(gazetteer.lookup(f"{given.text} {ent.text}")):
        return False
    return not any(m.exact for m in gazetteer.lookup(given.text))


def _person_named_again(ent: Span, gazetteer: Gazetteer, person_words: frozenset[str]) -> bool:
    """A one-word place entity that is a word of one of the page's full person names, and
    no country, province, capital or big city: the tagger has taken the person, named
    again by surname, for a small town of that name."""
    if len(ent) != 1 or loose_key(ent.text) not in person_words:
        return False
    return not any(
        m.exact
        and (
            m.entry.curated
            or m.entry.capital
            or m.entry.precision in ("country", "admin1")
            or m.entry.population >= MIN_POPULATION_PERSON_TAGGED
        )
        for m in gazetteer.lookup(ent.text)
    )


def _longest_matches(
    tokens: Sequence[Token],
    gazetteer: Gazetteer,
    tagged: bool,
    person_words: frozenset[str] = frozenset(),
    pending: list[_Hit] | None = None,
) -> list[tuple[int, int, tuple[Match, ...], bool]]:
    """Greedy left-to-right longest spans of ``tokens`` that name a known place.

    Outside place entities a span must name a well-known place, or a known one with a
    locative cue before it ("in Kut"); known spans without a cue go to ``pending``.
    The last item of each span says whether it is weak (see ``Toponym.weak``).
    """
    found = []
    i = 0
    while i < len(tokens):
        waiting: list[_Hit] = []
        for j in range(min(len(tokens), i + MAX_NAME_TOKENS) - 1, i - 1, -1):
            if tokens[j].i - tokens[i].i != j - i:
                continue  # not contiguous in the text
            if not tokens[i].text[:1].isupper() or tokens[j].is_punct:
                continue
            doc = tokens[i].doc
            text = doc[tokens[i].i : tokens[j].i + 1].text
            if tokens[j].lower_ in NAME_PARTICLES:
                continue
            if all(t.lower_ in QUALIFIERS for t in tokens[i : j + 1]) and (
                not tagged or j + 1 < len(tokens)
            ):
                continue  # "Western Cambodia": "Western" alone only narrows the name after it
            matches = tuple(gazetteer.lookup(text))
            weak = False
            if tagged:
                accepted = bool(matches)
            elif any(tokens[k].ent_type_ == "PERSON" for k in range(i, j + 1)):
                # The tagger's "person" may be a curated site ("Ain al-Asad", "Galmudug"),
                # unless the word belongs to one of the page's full person names.
                named = j > i or loose_key(tokens[i].text) not in person_words
                listed = _listed_with_places(doc[tokens[j].i])
                accepted = named and any(
                    m.exact
                    and (
                        m.entry.curated
                        or listed
                        or _big_city_named(m, text, tokens[i].doc, tokens[i].i)
                    )
                    for m in matches
                )
            else:
                # inside a longer name ("Human Rights Watch") or an organisation's name,
                # only a city's own name counts, not a look-alike (Uman, also "Human")
                partial = j - i + 1 < len(tokens)
                in_org = any(tokens[k].ent_type_ == "ORG" for k in range(i, j + 1))
                accepted = _known_enough(matches, text, own_spelling=partial or in_org)
            if matches and not accepted and not tagged:
                cued = _cued(tokens[i : j + 1], gazetteer, person_words, waiting)
                if cued is not None:
                    accepted, weak, matches = True, cued.weak, cued.matches
            if matches and accepted:
                found.append((i, j, matches, weak))
                waiting = []
                i = j
                break
        if pending is not None:
            pending.extend(waiting[:1])  # the longest
        i += 1
    return found


def _listed_with_places(token: Token) -> bool:
    """A word in a list with names the tagger did take for places ("Kachin state,
    Rakhine and the Sagaing region"; "Tinzaouaten, Menaka, Kidal"): it is one too."""
    others = [*token.conjuncts]
    if token.dep_ == "appos":
        others.append(token.head)
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in others)


def _big_city_named(match: Match, text: str, doc: Doc, first: int) -> bool:
    """A city of a million people or a capital, under its very own name, that the tagger
    took for a person ("an offensive on Kharkiv"), unless a title says it is a person
    ("President Lima")."""
    entry = match.entry
    if exact_key(text) != exact_key(entry.name) or entry.precision != "city":
        return False
    if entry.population < MIN_POPULATION_PERSON_TAGGED and not entry.capital:
        return False
    return first == 0 or not doc[first - 1].text[:1].isupper()


def _known_enough(matches: Sequence[Match], text: str, own_spelling: bool = False) -> bool:
    """Whether an untagged ``text`` names a country, a province, a curated place, or a big
    city under its own spelling (an unrelated GeoNames alternate of a city, such as
    "Hamas" for the German town of Hamm, does not count; with ``own_spelling`` a close
    variant does not count either)."""
    for match in matches:
        entry = match.entry
        if not match.exact:
            continue
        if entry.derived:
            continue  # a region from the regions file needs the tagger or a cue
        if entry.curated or entry.precision in ("country", "admin1"):
            return True
        if entry.population < MIN_POPULATION_UNTAGGED:
            continue
        if own_spelling and exact_key(text) != exact_key(entry.name):
            continue
        if cues.spelled_like(text, entry.name):
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
