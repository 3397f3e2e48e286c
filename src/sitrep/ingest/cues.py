"""Cue phrases and patterns for page splitting, loaded from ``data/boilerplate.yaml``.

The cues are data, not code: the splitter asks a :class:`Cues` object questions
("is this line boilerplate?", "does it open the comment thread?") and the answers come
from the versioned YAML file, validated on load.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from sitrep.errors import DataFileError

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
_TRIM_CHARS = " \t:.…!|»«›‹→←-–—*•·"
_SPACES = re.compile(r"\s+")
_NAV_SEPARATORS = re.compile(r"\s*(?:[|•·/›»>]|\s–\s|\s—\s|\s-\s|\s{2,})\s*")
_WORD = re.compile(r"[\w'’]+")


@dataclass(frozen=True)
class AuthorMatch:
    """A comment author/timestamp header found at the start of a line.

    ``rest`` is the offset (within the line) where the comment's own words start, or
    None when the whole line is header.
    """

    rest: int | None


@dataclass(frozen=True)
class Cues:
    """Compiled, immutable splitting cues."""

    boilerplate_phrases: frozenset[str]
    boilerplate_patterns: tuple[re.Pattern[str], ...]
    boilerplate_max_words: int
    list_headers: frozenset[str]
    nav_words: frozenset[str]
    comment_header_phrases: frozenset[str]
    weak_comment_headers: frozenset[str]
    comment_header_patterns: tuple[re.Pattern[str], ...]
    comment_author_patterns: tuple[re.Pattern[str], ...]
    reply_start: re.Pattern[str]
    reactive_starts: frozenset[str]
    quote_intro_patterns: tuple[re.Pattern[str], ...]
    voice_openers: tuple[re.Pattern[str], ...]
    first_person: frozenset[str]
    dateline_patterns: tuple[re.Pattern[str], ...]

    # -- questions about one stripped line -------------------------------------------

    def is_boilerplate(self, line: str) -> bool:
        key = normalise_phrase(line)
        if not key:
            return False
        if key in self.boilerplate_phrases:
            return True
        if len(_WORD.findall(line)) <= self.boilerplate_max_words and any(
            p.search(line) for p in self.boilerplate_patterns
        ):
            return True
        return self.is_navigation(line)

    def is_navigation(self, line: str) -> bool:
        """A short line made of menu words ("Home | About | Contact")."""
        items = [i for i in _NAV_SEPARATORS.split(line.strip().lower()) if i.strip(_TRIM_CHARS)]
        items = [_SPACES.sub(" ", i.strip(_TRIM_CHARS)) for i in items]
        if not items:
            return False
        if len(items) >= 2 and all(i in self.nav_words for i in items):
            return True
        if len(items) >= 4 and all(len(i.split()) <= 3 for i in items) and "." not in line:
            return True
        words = _WORD.findall(line.lower())
        return 0 < len(words) <= 6 and all(w in self.nav_words for w in words)

    def is_list_header(self, line: str) -> bool:
        return normalise_phrase(line) in self.list_headers

    def is_comment_header(self, line: str) -> bool:
        key = normalise_phrase(line)
        if key in self.comment_header_phrases:
            return True
        return any(p.search(line.strip()) for p in self.comment_header_patterns)

    def is_weak_comment_header(self, line: str) -> bool:
        return normalise_phrase(line) in self.weak_comment_headers

    def comment_author(self, line: str) -> AuthorMatch | None:
        stripped = line.strip()
        for pattern in self.comment_author_patterns:
            match = pattern.match(stripped)
            if not match:
                continue
            rest = match.groupdict().get("rest")
            if rest and rest.strip():
                return AuthorMatch(rest=match.start("rest"))
            return AuthorMatch(rest=None)
        return None

    def is_reply(self, line: str) -> bool:
        return bool(self.reply_start.match(line.strip()))

    def is_quote_intro(self, line: str) -> bool:
        stripped = line.strip()
        return len(stripped.split()) <= 20 and any(
            p.search(stripped) for p in self.quote_intro_patterns
        )

    def is_dateline(self, line: str) -> bool:
        return any(p.match(line.strip()) for p in self.dateline_patterns)

    def opens_with_voice(self, paragraph: str) -> bool:
        """True when a paragraph reads as the author's own voice (first person, asides)."""
        stripped = paragraph.strip()
        if any(p.match(stripped) for p in self.voice_openers):
            return True
        unquoted = _strip_quoted(stripped[:200])
        words = [w.lower() for w in _WORD.findall(unquoted)[:12]]
        return any(w in self.first_person for w in words)


def normalise_phrase(line: str) -> str:
    """Lower-case a line, trim surrounding punctuation and collapse spaces."""
    return _SPACES.sub(" ", line.strip().strip(_TRIM_CHARS).lower())


def _strip_quoted(text: str) -> str:
    """Remove quoted stretches ("...", “...”) so quoted speech is not the author's voice."""
    text = re.sub(r"“[^”]*(”|$)", " ", text)
    return re.sub(r'"[^"]*("|$)', " ", text)


# -- loading ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def default_cues() -> Cues:
    """The cues shipped with sitrep (loaded once; the result is immutable)."""
    ref = resources.files("sitrep") / "data" / "boilerplate.yaml"
    with resources.as_file(ref) as path:
        return load_cues(path)


def load_cues(path: str | Path) -> Cues:
    """Load and validate a boilerplate cue file; raise DataFileError when it is invalid."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(
            str(path), f"cannot read cue file ({exc}); fix the YAML syntax"
        ) from exc
    if not isinstance(raw, dict):
        raise DataFileError(str(path), "expected a mapping at the top level")
    if raw.get("schema") != SCHEMA_VERSION:
        raise DataFileError(
            str(path),
            f"schema is {raw.get('schema')!r}, expected {SCHEMA_VERSION}; "
            "update the file to the current schema",
        )
    loader = _Loader(str(path), raw)
    quote = loader.mapping("quote")
    return Cues(
        boilerplate_phrases=loader.phrases("boilerplate", "phrases"),
        boilerplate_patterns=loader.patterns("boilerplate", "patterns"),
        boilerplate_max_words=loader.integer("boilerplate", "max_words"),
        list_headers=loader.phrases("list_headers"),
        nav_words=loader.phrases("nav_words"),
        comment_header_phrases=loader.phrases("comment_headers", "phrases"),
        weak_comment_headers=loader.phrases("comment_headers", "weak_phrases"),
        comment_header_patterns=loader.patterns("comment_headers", "patterns"),
        comment_author_patterns=loader.patterns("comment_authors", "patterns"),
        reply_start=loader.compile("reply_start", raw.get("reply_start")),
        reactive_starts=loader.phrases("reactive_starts"),
        quote_intro_patterns=loader.patterns_from(quote, "quote.intro_patterns"),
        voice_openers=loader.patterns_from(quote, "quote.voice_openers"),
        first_person=frozenset(loader.strings(quote.get("first_person"), "quote.first_person")),
        dateline_patterns=loader.patterns_from(quote, "quote.dateline_patterns"),
    )


class _Loader:
    """Validating accessors over the raw YAML mapping (used only while loading)."""

    def __init__(self, path: str, raw: dict[str, object]) -> None:
        self.path = path
        self.raw = raw

    def _get(self, *keys: str) -> object:
        node: object = self.raw
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                raise DataFileError(
                    self.path, f"missing key {'.'.join(keys)!r}; add it (see the file header)"
                )
            node = node[key]
        return node

    def mapping(self, key: str) -> dict[str, object]:
        node = self._get(key)
        if not isinstance(node, dict):
            raise DataFileError(self.path, f"{key!r} must be a mapping")
        return node

    def integer(self, *keys: str) -> int:
        node = self._get(*keys)
        if not isinstance(node, int) or isinstance(node, bool) or node < 1:
            raise DataFileError(self.path, f"{'.'.join(keys)!r} must be a positive integer")
        return node

    def strings(self, node: object, name: str) -> list[str]:
        if not isinstance(node, list) or not all(isinstance(s, str) and s for s in node):
            raise DataFileError(
                self.path, f"{name!r} must be a list of non-empty strings", entry=name
            )
        return list(node)

    def phrases(self, *keys: str) -> frozenset[str]:
        values = self.strings(self._get(*keys), ".".join(keys))
        return frozenset(normalise_phrase(v) for v in values)

    def compile(self, name: str, pattern: object) -> re.Pattern[str]:
        if not isinstance(pattern, str) or not pattern:
            raise DataFileError(self.path, f"{name!r} must be a regular expression string")
        try:
            return re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise DataFileError(
                self.path, f"invalid regular expression {pattern!r}: {exc}", entry=name
            ) from exc

    def patterns(self, *keys: str) -> tuple[re.Pattern[str], ...]:
        name = ".".join(keys)
        return tuple(self.compile(name, p) for p in self.strings(self._get(*keys), name))

    def patterns_from(self, node: dict[str, object], name: str) -> tuple[re.Pattern[str], ...]:
        key = name.split(".")[-1]
        return tuple(self.compile(name, p) for p in self.strings(node.get(key), name))
