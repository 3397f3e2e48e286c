"""Find the files behind the user's inputs: paths, folders, globs and fsspec URLs.

A local input is a file, a folder (walked recursively in name order, hidden entries
skipped) or a glob (``pages/**/*.html``). An input with ``://`` is a URL that fsspec
opens (``s3://``, ``gs://``, ``https://``, ``file://``, ``memory://``...), with the
same folder and glob rules; credentials come from the usual places for that
filesystem. Local files are opened with plain ``open``.
"""

from __future__ import annotations

import glob
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from sitrep.errors import InputError, UnsupportedFormatError

logger = logging.getLogger(__name__)

_GLOB_CHARS = frozenset("*?[")


class InputFormat(StrEnum):
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    JSONL_GZ = "jsonl.gz"
    WARC = "warc"
    WARC_GZ = "warc.gz"


_SUFFIX_FORMATS: tuple[tuple[str, InputFormat], ...] = (
    (".jsonl.gz", InputFormat.JSONL_GZ),
    (".warc.gz", InputFormat.WARC_GZ),
    (".jsonl", InputFormat.JSONL),
    (".warc", InputFormat.WARC),
    (".html", InputFormat.HTML),
    (".htm", InputFormat.HTML),
    (".txt", InputFormat.TEXT),
)
SUPPORTED_SUFFIXES = tuple(suffix for suffix, _ in _SUFFIX_FORMATS)


def input_format(name: str) -> InputFormat | None:
    """The format a file name's suffix says, or None for a file sitrep does not read."""
    lower = name.lower()
    for suffix, kind in _SUFFIX_FORMATS:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return kind
    return None


def page_stem(name: str) -> str:
    """A file's name without folder and known suffix: the doc id of a one-page file."""
    base = PurePosixPath(name.replace("\\", "/").rstrip("/")).name
    lower = base.lower()
    for suffix, _ in _SUFFIX_FORMATS:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return base[: -len(suffix)]
    return PurePosixPath(base).stem


def is_url(name: str) -> bool:
    return "://" in name


@dataclass(frozen=True)
class Source:
    """One input file: ``name`` is the path or URL used in page paths and messages."""

    name: str
    format: InputFormat
    url: bool = False

    def open(self) -> BinaryIO:
        """Open for binary reading; raises OSError (local) or fsspec's errors (URLs)."""
        if not self.url:
            return open(self.name, "rb")  # noqa: SIM115 - the caller closes it
        import fsspec

        return fsspec.open(self.name, "rb").open()

    def size(self) -> int | None:
        """The file's size in bytes when cheaply known, else None."""
        if not self.url:
            return os.stat(self.name).st_size
        return None

    @property
    def stem(self) -> str:
        return page_stem(self.name)


def find_sources(raw: str | Path) -> Iterator[Source | InputError]:
    """The readable files behind one input, or an InputError saying why there are none."""
    name = str(raw)
    if is_url(name):
        yield from _remote_sources(name)
    else:
        yield from _local_sources(name)


# -- local -----------------------------------------------------------------------------


def _local_sources(name: str) -> Iterator[Source | InputError]:
    path = Path(name)
    if path.is_dir():
        yield from _walk(path)
    elif path.is_file():
        yield _explicit(name)
    elif _GLOB_CHARS & set(name):
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            yield InputError(name, "no file matches this pattern; check the pattern and folder")
        for match in matches:
            if Path(match).is_dir():
                yield from _walk(Path(match))
            elif not _hidden(match) and input_format(match) is not None:
                yield Source(match, input_format(match))  # type: ignore[arg-type]
            else:
                logger.debug("skipping %s: not a supported page file", match)
    else:
        yield InputError(name, "no such file or folder; check the path")


def _walk(folder: Path) -> Iterator[Source]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        logger.warning("cannot list folder %s: %s", folder, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file() and input_format(entry.name) is not None:
            yield Source(str(entry), input_format(entry.name))  # type: ignore[arg-type]
        else:
            logger.debug("skipping %s: not a supported page file", entry)


def _explicit(name: str, url: bool = False) -> Source | InputError:
    kind = input_format(name)
    if kind is None:
        suffix = PurePosixPath(name).suffix
        return UnsupportedFormatError(
            name,
            f"unsupported file type {suffix or '(none)'!r}; give a .txt, .html, .htm, "
            ".jsonl, .jsonl.gz, .warc or .warc.gz file",
        )
    return Source(name, kind, url=url)


def _hidden(name: str) -> bool:
    return PurePosixPath(name.replace("\\", "/")).name.startswith(".")


# -- fsspec URLs -----------------------------------------------------------------------


def _remote_sources(url: str) -> Iterator[Source | InputError]:
    try:
        import fsspec
        from fsspec.core import url_to_fs
    except ImportError:
        yield InputError(url, "reading URLs needs fsspec; run `pip install fsspec`")
        return
    try:
        fs, root = url_to_fs(url)
    except (ValueError, ImportError) as exc:
        yield InputError(
            url, f"cannot open this URL ({exc}); install the fsspec driver for its scheme"
        )
        return
    try:
        if _GLOB_CHARS & set(root):
            names = sorted(fs.glob(root))
            if not names:
                yield InputError(url, "no file matches this pattern; check the pattern")
            for found in names:
                if fs.isdir(found):
                    yield from _remote_walk(fs, found)
                elif not _hidden(found) and input_format(found) is not None:
                    yield Source(fs.unstrip_protocol(found), input_format(found), url=True)  # type: ignore[arg-type]
        elif fs.isdir(root):
            yield from _remote_walk(fs, root)
        elif fs.isfile(root):
            yield _explicit(url, url=True)
        else:
            yield InputError(url, "no such file or folder at this URL; check the URL")
    except (OSError, fsspec.exceptions.FSTimeoutError) as exc:
        yield InputError(url, f"cannot list this URL ({exc}); check the URL and credentials")


def _remote_walk(fs, root: str) -> Iterator[Source]:
    for found in sorted(fs.find(root)):
        relative = found[len(root) :].lstrip("/")
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        kind = input_format(found)
        if kind is None:
            logger.debug("skipping %s: not a supported page file", found)
            continue
        yield Source(fs.unstrip_protocol(found), kind, url=True)
