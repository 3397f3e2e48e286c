"""Typo-tolerant matching of names the actor base does not hold verbatim.

A name the tagger found that matches no alias may be a misspelling of one ("Kataib
Hezbolah", "Moqtada al-Sader", "Zelenksy" with two letters swapped). It is taken for that actor only when exactly one actor has
an alias with the same number of words, the same first letter, a long enough last word,
and a close spelling (rapidfuzz ratio); short surnames must match exactly, so "John
Kerby" is not John Kerry.
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import OSA
from rapidfuzz.fuzz import ratio
from spacy.tokens import Doc, Span

from sitrep.actors.kb import ActorBase, normalise_name
from sitrep.models import Actor, ActorType

FUZZY_MIN_CHARS = 7  # shorter names are never matched loosely
FUZZY_MIN_RATIO = 90.0  # similarity of the whole name (0-100)
FUZZY_MIN_LAST = 6  # the last word of the alias must be at least this long


class TypoMatcher:
    """Alias keys by word count, built once from an (immutable) actor base."""

    def __init__(self, kb: ActorBase) -> None:
        self.kb = kb
        by_words: dict[int, dict[str, set[str]]] = {}
        for entry in kb.alias_entries:
            if not entry.case_sensitive and len(entry.key) >= FUZZY_MIN_CHARS:
                words = by_words.setdefault(len(entry.key.split()), {})
                words.setdefault(entry.key, set()).add(entry.actor_id)
        self._keys = {n: tuple(keys) for n, keys in by_words.items()}
        # one-word names of states, for a misspelt country the tagger did not mark
        countries: dict[str, set[str]] = {}
        for entry in kb.alias_entries:
            actor = kb.find(entry.actor_id)
            if (
                actor is not None
                and actor.type == ActorType.STATE
                and not entry.case_sensitive
                and len(entry.key) >= FUZZY_MIN_CHARS
                and " " not in entry.key
            ):
                countries.setdefault(entry.key, set()).add(entry.actor_id)
        self._countries = {k: frozenset(v) for k, v in countries.items()}
        self._country_keys = tuple(self._countries)
        self._ids = {k: frozenset(v) for keys in by_words.values() for k, v in keys.items()}

    def match(self, doc: Doc, ent: Span) -> tuple[int, Actor] | None:
        """A misspelt known name ("Kataib Hezbolah", "Moqtada al-Sader"): the one alias
        with the same number of words within a small edit distance, same first letter.
        The word before the entity is tried with it, since the tagger often leaves out a
        lower-case first word ("the kataib Hezbolah")."""
        starts = [ent.start]
        if ent.start > 0 and doc[ent.start - 1].is_alpha and doc[ent.start - 1].pos_ != "DET":
            starts.insert(0, ent.start - 1)
        for first in starts:
            key = normalise_name(doc[first : ent.end].text)
            keys = self._keys.get(len(key.split()))
            if len(key) < FUZZY_MIN_CHARS or not keys:
                continue
            best = process.extractOne(key, keys, scorer=ratio, score_cutoff=FUZZY_MIN_RATIO)
            if best is None:
                # two letters swapped ("Zelenksy"): one edit, though ratio counts it as two
                best = process.extractOne(key, keys, scorer=OSA.distance, score_cutoff=1)
            if best is None or best[0][0] != key[0]:
                continue
            last, best_last = key.split()[-1], best[0].split()[-1]
            if len(best_last) < FUZZY_MIN_LAST or ratio(last, best_last) < FUZZY_MIN_RATIO - 10:
                continue  # "John Kerby" is not John Kerry: short surnames must match exactly
            ids = self._ids[best[0]]
            if len(ids) == 1:
                actor = self.kb.find(next(iter(ids)))
                if actor is not None:
                    return first, actor
        return None

    def match_country(self, word: str) -> Actor | None:
        """The state a misspelt one-word country name stands for ("Ethopia",
        "Afganistan"): the one country name of the same first letter and close spelling."""
        key = normalise_name(word)
        if len(key) < FUZZY_MIN_CHARS or " " in key or key in self._countries:
            return None
        best = process.extractOne(
            key, self._country_keys, scorer=ratio, score_cutoff=FUZZY_MIN_RATIO
        )
        if best is None or best[0][0] != key[0]:
            return None
        if key.startswith(best[0]) or best[0].startswith(key):
            return None  # "Americas", "Nigerian": another word built on the name
        ids = self._countries[best[0]]
        return self.kb.find(next(iter(ids))) if len(ids) == 1 else None
