"""Geoparsing benchmark on TR-News: find and resolve toponyms end to end.

Usage: python benchmarks/geoparse.py [--data DIR] [--limit N] [--misses]

Reads TR-News.xml from ../shared/benchmarks/geoparse (relative to the repository) or
--data. sitrep finds the names itself (it is not given the gold names), then resolves
them. Prints gold count, toponym recall (a gold toponym counts as found when one of our
places overlaps its span), precision (our places that overlap some gold toponym), the
share of found toponyms resolved within 161 km of the gold point, mean and median error,
and time per article. Recall is also given without the gold's adjectival mentions
("Turkish" -> Turkey), which ``find_places`` deliberately does not treat as places (an
event is not located in a country because its actor is named by nationality). The last
block adds ``find_demonyms``: every figure with nationality words counted as mentions of
their country, the way TR-News counts them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "geoparse"
THRESHOLD_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Article:
    doc_id: str
    text: str
    gold: tuple[GoldToponym, ...]


def read_articles(path: Path) -> list[Article]:
    root = ET.parse(path).getroot()
    articles = []
    for node in root.iter("article"):
        text = node.findtext("text") or ""
        gold = []
        for top in node.iter("toponym"):
            tag = top.find("gaztag")
            lat = tag.findtext("lat") if tag is not None else None
            lon = tag.findtext("lon") if tag is not None else None
            if lat is None or lon is None:
                continue
            gold.append(
                GoldToponym(
                    start=int(top.findtext("start")),
                    end=int(top.findtext("end")),
                    phrase=top.findtext("phrase") or "",
                    name=tag.findtext("name") or "",
                    lat=float(lat),
                    lon=float(lon),
                )
            )
        articles.append(Article(node.get("docid", ""), text, tuple(gold)))
    return articles


def is_adjectival(gold: GoldToponym) -> bool:
    """A gold mention whose words are not the place's name ("Turkish" for Turkey)."""
    phrase, name = gold.phrase.casefold(), gold.name.casefold()
    return (
        phrase[:1].isalpha()
        and phrase not in name
        and name not in phrase
        and (phrase.endswith(("ish", "ian", "ese", "an", "i", "ic", "ch")))
    )


@dataclass
class Tally:
    """Counts for one way of finding places."""

    gold_total: int = 0
    found: int = 0
    found_plain: int = 0
    plain_total: int = 0
    predicted: int = 0
    predicted_right: int = 0
    errors: list[float] = field(default_factory=list)

    def add(self, article: Article, places: list, misses: list[str] | None) -> None:
        from sitrep.where.disambiguate import distance_km

        self.predicted += len(places)
        self.predicted_right += sum(
            any(p.start < g.end and g.start < p.end for g in article.gold) for p in places
        )
        for gold in article.gold:
            self.gold_total += 1
            plain = not is_adjectival(gold)
            self.plain_total += plain
            hits = [p for p in places if p.start < gold.end and gold.start < p.end]
            if not hits:
                if misses is not None:
                    misses.append(f"MISS {article.doc_id} {gold.phrase!r} ({gold.name})")
                continue
            self.found += 1
            self.found_plain += plain
            error = distance_km(hits[0].lat, hits[0].lon, gold.lat, gold.lon)
            self.errors.append(error)
            if misses is not None and error > THRESHOLD_KM:
                misses.append(
                    f"FAR  {article.doc_id} {gold.phrase!r} gold {gold.name} "
                    f"got {hits[0].name} ({hits[0].country}) {error:.0f} km"
                )

    def report(self) -> None:
        within = sum(e <= THRESHOLD_KM for e in self.errors)
        n = len(self.errors)
        print(f"  gold toponyms:          {self.gold_total}")
        print(f"  recall:                 {_pct(self.found, self.gold_total)}")
        print(f"  recall, non-adjectival: {_pct(self.found_plain, self.plain_total)}")
        print(f"  precision:              {_pct(self.predicted_right, self.predicted)}")
        print(f"  within {THRESHOLD_KM:.0f} km:          {_pct(within, n)}")
        if self.errors:
            print(f"  mean error:             {statistics.fmean(self.errors):.0f} km")
            print(f"  median error:           {statistics.median(self.errors):.0f} km")


def _pct(a: float, b: float) -> str:
    return f"{100 * a / b:.1f}% ({a}/{b})" if b else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--misses", action="store_true", help="list missed and far toponyms")
    args = parser.parse_args(argv)
    xml_path = args.data / "TR-News.xml"
    if not xml_path.is_file():
        print(f"geoparse benchmark skipped: {xml_path} not found (pass --data DIR)")
        return 0

    from sitrep.models import SegmentKind
    from sitrep.nlp import ParsedSegment, load_nlp
    from sitrep.where import Gazetteer, find_places
    from sitrep.where.demonyms import Demonyms, find_demonyms

    articles = read_articles(xml_path)
    if args.limit:
        articles = articles[: args.limit]
    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    load_s = time.perf_counter() - started
    nlp = load_nlp()
    demonyms = Demonyms.load(gazetteer)

    names = Tally()
    with_demonyms = Tally()
    misses: list[str] = []
    started = time.perf_counter()
    for article in articles:
        segments = []
        pos = 0
        for line in article.text.split("\n"):
            if line.strip():
                segments.append(ParsedSegment(doc=nlp(line), offset=pos, kind=SegmentKind.BODY))
            pos += len(line) + 1
        places = find_places(segments, article.doc_id, gazetteer, demonyms.countries)
        extra = [
            d
            for d in find_demonyms(segments, article.doc_id, demonyms)
            if not any(p.start < d.end and d.start < p.end for p in places)
        ]
        names.add(article, places, misses if args.misses else None)
        with_demonyms.add(article, [*places, *extra], None)
    elapsed = time.perf_counter() - started

    for line in misses:
        print(line)
    print(f"articles:                 {len(articles)}")
    print(f"gazetteer load:           {load_s:.1f} s")
    print("place names (find_places, what events are located with):")
    names.report()
    print("place names and nationality words (find_places + find_demonyms):")
    with_demonyms.report()
    print(f"time per article:         {1000 * elapsed / max(1, len(articles)):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
