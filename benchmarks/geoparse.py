"""Geoparsing benchmark on TR-News: find and resolve toponyms end to end.

Usage: python benchmarks/geoparse.py [--data DIR] [--limit N] [--misses]

Reads TR-News.xml from ../shared/benchmarks/geoparse (relative to the repository) or
--data. sitrep finds the names itself (it is not given the gold names), then resolves
them. Prints gold count, toponym recall (a gold toponym counts as found when one of our
places overlaps its span), precision (our places that overlap some gold toponym), the
share of found toponyms resolved within 161 km of the gold point, mean and median error,
and time per article. Recall is also given without the gold's adjectival mentions
("Turkish" -> Turkey), which sitrep deliberately does not treat as places.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
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


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def is_adjectival(gold: GoldToponym) -> bool:
    """A gold mention whose words are not the place's name ("Turkish" for Turkey)."""
    phrase, name = gold.phrase.casefold(), gold.name.casefold()
    return (
        phrase[:1].isalpha()
        and phrase not in name
        and name not in phrase
        and (phrase.endswith(("ish", "ian", "ese", "an", "i", "ic", "ch")))
    )


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

    articles = read_articles(xml_path)
    if args.limit:
        articles = articles[: args.limit]
    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    load_s = time.perf_counter() - started
    nlp = load_nlp()

    gold_total = found = found_plain = plain_total = 0
    predicted = predicted_right = 0
    errors: list[float] = []
    misses: list[str] = []
    started = time.perf_counter()
    for article in articles:
        segments = []
        pos = 0
        for line in article.text.split("\n"):
            if line.strip():
                segments.append(ParsedSegment(doc=nlp(line), offset=pos, kind=SegmentKind.BODY))
            pos += len(line) + 1
        places = find_places(segments, article.doc_id, gazetteer)
        predicted += len(places)
        predicted_right += sum(
            any(p.start < g.end and g.start < p.end for g in article.gold) for p in places
        )
        for gold in article.gold:
            gold_total += 1
            plain = not is_adjectival(gold)
            plain_total += plain
            hits = [p for p in places if p.start < gold.end and gold.start < p.end]
            if not hits:
                if args.misses:
                    misses.append(f"MISS {article.doc_id} {gold.phrase!r} ({gold.name})")
                continue
            found += 1
            found_plain += plain
            error = distance_km(hits[0].lat, hits[0].lon, gold.lat, gold.lon)
            errors.append(error)
            if args.misses and error > THRESHOLD_KM:
                misses.append(
                    f"FAR  {article.doc_id} {gold.phrase!r} gold {gold.name} "
                    f"got {hits[0].name} ({hits[0].country}) {error:.0f} km"
                )
    elapsed = time.perf_counter() - started

    def pct(a: float, b: float) -> str:
        return f"{100 * a / b:.1f}%" if b else "n/a"

    for line in misses:
        print(line)
    within = sum(e <= THRESHOLD_KM for e in errors)
    print(f"articles:                 {len(articles)}")
    print(f"gazetteer load:           {load_s:.1f} s")
    print(f"gold toponyms:            {gold_total}")
    print(f"recall:                   {pct(found, gold_total)} ({found}/{gold_total})")
    print(
        f"recall, non-adjectival:   {pct(found_plain, plain_total)} ({found_plain}/{plain_total})"
    )
    print(
        f"precision:                {pct(predicted_right, predicted)} ({predicted_right}/{predicted})"
    )
    print(
        f"within {THRESHOLD_KM:.0f} km:            {pct(within, len(errors))} ({within}/{len(errors)})"
    )
    if errors:
        print(f"mean error:               {statistics.fmean(errors):.0f} km")
        print(f"median error:             {statistics.median(errors):.0f} km")
    print(f"time per article:         {1000 * elapsed / max(1, len(articles)):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
