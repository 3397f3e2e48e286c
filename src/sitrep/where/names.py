"""Place-name normalisation: the keys under which the gazetteer files its names.

Two keys per name. The *exact* key folds case, strips diacritics, apostrophes, dots,
hyphens and spaces ("Deir ez-Zor" and "Deir Ezzor" both give ``deirezzor``) and treats a
final "-ah" like "-a" ("Basrah", "Basra"). The *loose* key also drops a leading Arabic
or English article ("Al Bukamal" -> ``bukamal``, "Al-Qaim" -> ``qaim``).
"""

from __future__ import annotations

import re
import unicodedata

LEADING_ARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es", "ed", "er", "the"}
)
_DROPPED = re.compile(r"[\u2019\u2018'`\u02bf\u02be.]")
_WORD = re.compile(r"[a-z0-9]+")
# Latin letters that Unicode does not decompose into a base letter plus a mark.
_UNDECOMPOSABLE = str.maketrans(
    {"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th", "ħ": "h"}
)  # fmt: skip
_LATIN_ONLY = re.compile(r"[\u0000-\u024f\u1e00-\u1eff\u0300-\u036f\u2018\u2019\u02bc-\u02bf]+")


def _words(name: str) -> list[str]:
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSABLE))
        name = decomposed.encode("ascii", "ignore").decode("ascii")
    return _WORD.findall(_DROPPED.sub("", name.lower()))


def _join(words: list[str]) -> str:
    key = "".join(words)
    if len(key) > 4 and key.endswith("ah"):
        key = key[:-1]
    return key


def name_keys(name: str) -> tuple[str, str]:
    """(exact key, loose key) for ``name``; "" when no Latin letters or digits remain."""
    words = _words(name)
    exact = _join(words)
    if len(words) > 1 and words[0] in LEADING_ARTICLES:
        return exact, _join(words[1:])
    return exact, exact


def exact_key(name: str) -> str:
    """The key for ``name`` with every word kept."""
    return name_keys(name)[0]


def loose_key(name: str) -> str:
    """The key for ``name`` without a leading article such as "al-" or "the"."""
    return name_keys(name)[1]


def is_plausible_alternate(name: str) -> bool:
    """Whether an alternate name from GeoNames is worth indexing.

    Keeps capitalised Latin-script names; drops codes ("BSR"), lower-case
    transliterations ("krkwk") and names in other scripts.
    """
    if len(name) < 2 or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return name.isascii() or _LATIN_ONLY.fullmatch(name) is not None
