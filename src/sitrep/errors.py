"""sitrep's exception hierarchy.

Every error sitrep raises on purpose is a ``SitrepError``. Each carries a short code
(``E###``) and a message that says what went wrong and how to fix it, so that the CLI
can print one clear line and choose an exit code.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base class. ``code`` identifies the error in messages and docs."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(SitrepError):
    """A page or file could not be read. ``path`` names the file (and line for JSONL)."""

    code = "E100"

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class MalformedInputError(InputError):
    code = "E104"


class TooLargeError(InputError):
    code = "E105"


class UnsupportedFormatError(InputError):
    code = "E106"


class NestingTooDeepError(MalformedInputError):
    """An HTML page nests elements deeper than the parser can follow."""

    code = "E107"


class DecompressionBombError(TooLargeError):
    """A compressed file expands past the size or ratio limit (a "zip bomb")."""

    code = "E108"


class InvalidLimitsError(SitrepError):
    """A ReadLimits value is out of range."""

    code = "E109"


class TooManyElementsError(TooLargeError):
    """An HTML page has more elements than the extraction can handle in reasonable time."""

    code = "E110"


class PageTimeoutError(InputError):
    """Analysing one page took longer than the per-page time limit."""

    code = "E111"


class ModelNotFoundError(SitrepError):
    code = "E200"


class DataFileError(SitrepError):
    """A knowledge file (actors, verb patterns, gazetteer extras) is invalid."""

    code = "E300"

    def __init__(self, path: str, problem: str, entry: str | None = None) -> None:
        where = f"{path}, entry {entry}" if entry else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.entry = entry
        self.problem = problem


class StoreError(SitrepError):
    code = "E400"


class QueryError(SitrepError):
    """A bad filter or table name from the user."""

    code = "E500"
