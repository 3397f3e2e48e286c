"""Reading sitrep's versioned knowledge files (YAML under ``data/`` and users' own).

Every knowledge file is a mapping with a ``schema`` version and one list of entries;
``read_versioned_yaml`` reads one, checks the top level and returns the mapping, raising
``DataFileError`` that names the file and says what to fix. Each stage then validates its
own entries.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import yaml

from sitrep.errors import DataFileError

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_versioned_yaml(
    path: str | Path, top_fields: Collection[str], schema_version: int, entries: str
) -> Mapping[str, Any]:
    """The top-level mapping of a knowledge file whose entries are under ``entries``."""
    where = str(path)
    try:
        raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except OSError as exc:
        raise DataFileError(where, f"cannot read the file: {exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(where, f"not valid YAML: {exc}; fix the file's syntax") from exc
    if not isinstance(raw, Mapping):
        raise DataFileError(where, f"the file must be a mapping with 'schema' and '{entries}'")
    unknown = set(raw) - set(top_fields)
    if unknown:
        raise DataFileError(
            where, f"unknown top-level keys {sorted(unknown)}; allowed: {sorted(top_fields)}"
        )
    if raw.get("schema") != schema_version:
        raise DataFileError(
            where, f"field 'schema' must be {schema_version}, found {raw.get('schema')!r}"
        )
    return raw
