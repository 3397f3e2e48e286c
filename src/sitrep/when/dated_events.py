"""The table of well-known dated events (``data/dated_events.yaml`` plus user files).

A page that mentions "the killing of Soleimani" as something that has happened was
written on or after 2020-01-03. ``DatedEventTable.find`` reports every such mention in a
text, sentence by sentence; ``sitrep.when.page_date`` turns them into a page date.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from sitrep.datafiles import read_versioned_yaml
from sitrep.errors import DataFileError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "dated_events.yaml"
EVENT_PRECISIONS = ("day", "month", "year")
_TOP_FIELDS = frozenset({"schema", "version", "events"})
_EVENT_FIELDS = frozenset({"id", "date", "precision", "names", "match", "countries"})
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_FORMS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$"),
    "year": re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"),
}
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Sentence ends: a full stop, question or exclamation mark before a space, or a new line.
_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"'])\s+(?=[A-Z\u201c\"'(])|\n+")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# The words of a ``match`` entry must all stand within this many characters of the first
# group's word: "Sadr" at one end of a long sentence and "clashes" at the other do not
# name an event together.
MATCH_WINDOW = 80


@dataclass(frozen=True)
class DatedEvent:
    """One well-known event: its names and its date (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``)."""

    id: str
    date: str
    precision: str  # day | month | year
    names: tuple[str, ...]
    match: tuple[tuple[str, ...], ...] = ()  # word groups that must meet in one sentence
    countries: tuple[str, ...] = ()
    source: str = ""
    patterns: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)
    name_pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    @property
    def value(self) -> str:
        """The date cut to its precision."""
        return self.date[: {"day": 10, "month": 7, "year": 4}[self.precision]]

    @property
    def year(self) -> int:
        return int(self.date[:4])

    def mentioned_in(self, sentence: str) -> str | None:
        """The words of ``sentence`` (lower-cased) that name this event, or None."""
        if self.name_pattern is not None:
            found = self.name_pattern.search(sentence)
            if found:
                return found.group(0)
        if self.patterns:
            hits = [list(p.finditer(sentence)) for p in self.patterns]
            if not all(hits):
                return None
            for anchor in hits[0]:
                near = [
                    min(group, key=lambda h: abs(h.start() - anchor.start())) for group in hits[1:]
                ]
                if all(abs(h.start() - anchor.start()) <= MATCH_WINDOW for h in near):
                    return " ... ".join(h.group(0) for h in sorted([anchor, *near], key=_start))
        return None


@dataclass(frozen=True)
class DatedEventMention:
    """A dated event named in a text: the sentence and the words that name it."""

    event: DatedEvent
    sentence: str
    words: str
    start: int  # offset of the sentence in the text searched


@dataclass(frozen=True)
class DatedEventTable:
    events: tuple[DatedEvent, ...]
    versions: tuple[str, ...] = ()

    @classmethod
    def load(
        cls, paths: Sequence[str | Path] = (), include_default: bool = True
    ) -> DatedEventTable:
        """The built-in table plus user files; a later file's entry replaces an earlier
        entry with the same id."""
        files = [DEFAULT_PATH] if include_default else []
        files.extend(Path(p) for p in paths)
        by_id: dict[str, DatedEvent] = {}
        versions = []
        for path in files:
            version, events = load_dated_events(path)
            versions.append(f"{path.name}:{version}")
            for event in events:
                if event.id in by_id:
                    log.debug("%s: entry %s replaces an earlier one", path, event.id)
                by_id[event.id] = event
        return cls(events=tuple(by_id.values()), versions=tuple(versions))

    def find(self, text: str) -> list[DatedEventMention]:
        """Every mention of a table event in ``text``, in text order.

        A sentence that states years, none of them the event's year, does not mention
        it ("the 2006 Beirut bombing" is not the 2020 port explosion).
        """
        lowered = text.lower()
        candidates = [e for e in self.events if e.mentioned_in(lowered) is not None]
        if not candidates:
            return []
        found = []
        for start, sentence in split_sentences(text):
            lowered = sentence.lower()
            years = {int(y) for y in _YEAR.findall(sentence)}
            for event in candidates:
                words = event.mentioned_in(lowered)
                if words is None or (years and event.year not in years):
                    continue
                found.append(DatedEventMention(event, sentence, words, start))
        return found


def _start(match: re.Match[str]) -> int:
    return match.start()


def split_sentences(text: str) -> Iterable[tuple[int, str]]:
    """(offset, sentence) pairs of ``text``, split at sentence ends and line breaks."""
    pos = 0
    for end in _SENTENCE_END.finditer(text):
        if end.start() > pos:
            yield pos, text[pos : end.start()]
        pos = end.end()
    if pos < len(text):
        yield pos, text[pos:]


# ---------------------------------------------------------------- loading


def load_dated_events(path: str | Path) -> tuple[str, tuple[DatedEvent, ...]]:
    """Read one dated-events file: (its version, its events). Raises DataFileError naming
    the file, the entry and the field at fault."""
    where = str(path)
    raw = read_versioned_yaml(path, _TOP_FIELDS, SCHEMA_VERSION, "events")
    items = raw.get("events")
    if not isinstance(items, list):
        raise DataFileError(where, "field 'events' must be a list of mappings")
    events = []
    seen: set[str] = set()
    for i, item in enumerate(items, start=1):
        event = _event(where, i, item)
        if event.id in seen:
            raise DataFileError(
                where, f"id '{event.id}' is used twice; ids must be unique", event.id
            )
        seen.add(event.id)
        events.append(event)
    return str(raw.get("version", "")), tuple(events)


def _event(where: str, index: int, item: object) -> DatedEvent:
    label = f"#{index}"
    if not isinstance(item, Mapping):
        raise DataFileError(where, "each event must be a mapping", label)
    ident = item.get("id")
    if isinstance(ident, str):
        label = f"#{index} ({ident})"
    unknown = set(item) - _EVENT_FIELDS
    if unknown:
        raise DataFileError(
            where, f"unknown field(s) {sorted(unknown)}; allowed: {sorted(_EVENT_FIELDS)}", label
        )
    if not isinstance(ident, str) or not _ID.match(ident):
        raise DataFileError(
            where, "field 'id' must be lower-case words joined by hyphens ('beirut-blast')", label
        )
    precision = item.get("precision")
    if precision not in EVENT_PRECISIONS:
        raise DataFileError(
            where, f"field 'precision' must be one of {', '.join(EVENT_PRECISIONS)}", label
        )
    when = item.get("date")
    if isinstance(when, date):
        when = when.isoformat()
    if not isinstance(when, str) or not _DATE_FORMS[precision].match(when) or not _valid(when):
        raise DataFileError(
            where,
            f"field 'date' must be a real date written YYYY-MM-DD, YYYY-MM or YYYY (quoted) "
            f"and at least as fine as precision '{precision}', found {when!r}",
            label,
        )
    names = _strings(where, label, "names", item.get("names", []))
    groups_raw = item.get("match", [])
    if not isinstance(groups_raw, list):
        raise DataFileError(where, "field 'match' must be a list of word lists", label)
    groups = tuple(
        _strings(where, label, f"match[{k}]", group, required=True)
        for k, group in enumerate(groups_raw)
    )
    if not names and not groups:
        raise DataFileError(where, "give at least one of 'names' and 'match'", label)
    countries = _strings(where, label, "countries", item.get("countries", []))
    bad = [c for c in countries if not _COUNTRY.match(c)]
    if bad:
        raise DataFileError(
            where, f"field 'countries' must hold ISO alpha-3 codes, found {bad}", label
        )
    return DatedEvent(
        id=ident,
        date=when,
        precision=precision,
        names=names,
        match=groups,
        countries=countries,
        source=where,
        patterns=tuple(_alternation(group) for group in groups),
        name_pattern=_alternation(names) if names else None,
    )


def _strings(
    where: str, label: str, name: str, value: object, required: bool = False
) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(
            where, f"field '{name}' must be a list of non-empty strings (quote numbers)", label
        )
    if required and not value:
        raise DataFileError(where, f"field '{name}' must not be empty", label)
    return tuple(v.strip() for v in value)


def _valid(value: str) -> bool:
    parts = [int(p) for p in value.split("-")]
    parts += [1] * (3 - len(parts))
    try:
        date(*parts)
    except ValueError:
        return False
    return True


def _alternation(phrases: Sequence[str]) -> re.Pattern[str]:
    """One pattern for lower-cased text matching any phrase as whole words; a trailing
    ``*`` matches any ending; spaces match any run of spaces or hyphens."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        text = phrase.lower()
        wild = text.endswith("*")
        body = re.escape(text.rstrip("*")).replace(r"\ ", r"[\s-]+")
        body = body.replace("'", "['\u2019]")
        lead = r"\b" if text[:1].isalnum() else ""
        tail = r"\w*" if wild else (r"\b" if text.rstrip("*")[-1:].isalnum() else "")
        parts.append(f"{lead}{body}{tail}")
    return re.compile("|".join(parts))
