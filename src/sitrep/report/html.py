"""The report as one self-contained HTML page, and as PDF rendered from that page.

Figures are embedded as base64 PNG and the style sheet is inline, so the file opens
anywhere with no network; the only addresses in it are the pages' own urls in plain
citation links. Every piece of page text is escaped. The PDF is the same page laid out
for A4 by WeasyPrint, whose fetcher may open embedded ``data:`` images and nothing else.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path

from sitrep.errors import SitrepError
from sitrep.report import text
from sitrep.report.figures import QUAD_COLOURS, all_figures
from sitrep.report.model import Citation, CountChange, Figure, Report

logger = logging.getLogger(__name__)


Figures = tuple[Figure | None, Figure | None, Figure | None]
"""The trend, network and map figures, as ``all_figures`` returns them."""


class ReportWriteError(SitrepError):
    """A report could not be written (unwritable path, missing PDF engine)."""

    code = "E600"


STYLE = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  @top-left { content: "SITREP"; font: 700 7.5pt 'DejaVu Sans', sans-serif; color: #8a1c1c; }
  @top-right { content: string(period); font: 7.5pt 'DejaVu Sans', sans-serif; color: #555; }
  @bottom-right { content: "page " counter(page) " of " counter(pages);
    font: 7.5pt 'DejaVu Sans', sans-serif; color: #555; }
  @bottom-left { content: "Machine-coded from stored pages; check each line against its source.";
    font: 7pt 'DejaVu Sans', sans-serif; color: #777; } }
html { font: 9.5pt/1.42 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; color: #1d1d1d; }
body { max-width: 190mm; margin: 0 auto; padding: 8px 14px 40px; background: #fff; }
.band { background: #1f2a36; color: #fff; padding: 7px 12px; font-size: 8pt;
  letter-spacing: 0.08em; text-transform: uppercase; display: flex;
  justify-content: space-between; }
h1 { font-size: 19pt; margin: 12px 0 2px; letter-spacing: -0.01em; }
.period { string-set: period content(); font-size: 11pt; color: #333; margin: 0; }
.meta { color: #555; font-size: 8pt; margin: 4px 0 12px; border-bottom: 2px solid #1f2a36;
  padding-bottom: 8px; }
h2 { font-size: 12pt; margin: 18px 0 6px; padding-bottom: 2px; border-bottom: 1px solid #bbb;
  break-after: avoid; color: #1f2a36; }
h3 { font-size: 9.5pt; margin: 10px 0 4px; color: #333; break-after: avoid; }
.keypoints { background: #f4f1ea; border-left: 4px solid #8a1c1c; padding: 8px 12px 8px 26px;
  margin: 6px 0 10px; }
.keypoints li { margin: 2px 0; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; margin: 4px 0 8px; }
th { text-align: left; font-weight: 700; border-bottom: 1.5px solid #555; padding: 3px 5px; }
td { border-bottom: 1px solid #e1e1e1; padding: 3px 5px; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
.cols { display: flex; gap: 14px; }
.cols > div { flex: 1; min-width: 0; }
.chg { white-space: nowrap; }
.up { color: #a11d1d; } .down { color: #1d5aa1; } .same { color: #777; }
.swatch { display: inline-block; width: 8px; height: 8px; margin-right: 5px;
  border-radius: 1px; }
ol.events { padding-left: 0; list-style: none; margin: 0; }
li.event { border: 1px solid #ddd; border-left: 4px solid #999; padding: 6px 10px;
  margin: 0 0 7px; break-inside: avoid; }
.event .head { font-weight: 700; }
.event .rank { color: #8a1c1c; margin-right: 6px; }
.event .facts { color: #444; font-size: 8pt; margin: 2px 0 3px; }
.event .facts span + span::before { content: " · "; color: #999; }
ol.cites { list-style: none; padding-left: 0; margin: 3px 0 0; font-size: 8pt; }
ol.cites li { margin: 2px 0; }
.cn { font-weight: 700; color: #8a1c1c; margin-right: 3px; text-decoration: none; }
q { font-style: italic; quotes: "\\201C" "\\201D"; }
.src { color: #555; }
a { color: #1d4f91; }
figure { margin: 6px 0 10px; break-inside: avoid; }
figure img { width: 100%; height: auto; display: block; border: 1px solid #e3e3e3; }
figcaption { font-size: 7.8pt; color: #555; margin-top: 3px; }
.none { color: #666; font-style: italic; }
.small { font-size: 7.5pt; color: #666; }
section { break-inside: auto; }
#claims td:nth-child(2) { width: 46%; }
#claims td:nth-child(6) { width: 20%; }
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _quote(sentence: str) -> str:
    return f"<q>{_e(' '.join(sentence.split()))}</q>"


def _change_cell(change: CountChange) -> str:
    return f'<span class="chg {change.direction}">{_e(text.arrow(change))} {_e(text.change_text(change))}</span>'


def _swatch(quad: str) -> str:
    colour = QUAD_COLOURS.get(quad, "#bbbbbb")
    return f'<span class="swatch" style="background:{colour}"></span>'


def _table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Iterable[int] = ()
) -> str:
    """A table; cells are HTML already escaped by the caller."""
    right = set(numeric)
    head = "".join(
        f'<th class="n">{_e(h)}</th>' if i in right else f"<th>{_e(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{c}</td>' if i in right else f"<td>{c}</td>" for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _page_link(citation: Citation, show_doc: bool = True) -> str:
    title = _e(citation.title)
    if citation.link:
        return f'<a href="{_e(citation.link)}">{title}</a>'
    if show_doc and citation.title != citation.doc:
        return f"{title} <span class='small'>({_e(citation.doc)})</span>"
    return title


def _cite(citation: Citation, quote: bool = True) -> str:
    number = f'<a class="cn" href="#cite-{citation.number}">[{citation.number}]</a>'
    if quote:
        page = _page_link(citation)
        date = _e(citation.page_date or "undated")
        return f'{number}{_quote(citation.sentence)} — <span class="src">{page}, {date}</span>'
    return f'{number}<span class="src">{_page_link(citation, show_doc=False)}</span>'


def _capped(changes: Sequence[CountChange], most: int) -> list[CountChange]:
    """The first ``most - 1`` rows and one "other" row summing the rest, when longer."""
    if len(changes) <= most:
        return list(changes)
    rest = changes[most - 1 :]
    other = CountChange(
        f"{len(rest)} other types",
        sum(c.current for c in rest),
        sum(c.previous for c in rest),
    )
    return [*changes[: most - 1], other]


def _summary(report: Report) -> str:
    summary = report.summary
    points = "".join(f"<li>{_e(p)}</li>" for p in text.key_points(report))
    quads = _table(
        ["quad category", "events", "before", "change"],
        [
            [
                _swatch(c.label) + _e(text.quad_label(c.label)),
                str(c.current),
                str(c.previous),
                _change_cell(c),
            ]
            for c in summary.by_quad
        ],
        numeric=(1, 2),
    )
    types = _table(
        ["PLOVER type", "events", "before", "change"],
        [
            [_e(c.label), str(c.current), str(c.previous), _change_cell(c)]
            for c in _capped(summary.by_type, 8)
        ],
        numeric=(1, 2),
    )
    actors = _table(
        ["actor", "code", "events", "before"],
        [[_e(a.name), _e(a.code), str(a.current), str(a.previous)] for a in summary.top_actors],
        numeric=(2, 3),
    )
    dyads = _table(
        ["source → target", "events", "before", "mean score"],
        [
            [
                f"{_e(d.source_name)} → {_e(d.target_name)}",
                str(d.current),
                str(d.previous),
                _e(text.signed(d.mean_score)),
            ]
            for d in summary.top_dyads
        ],
        numeric=(1, 2, 3),
    )
    modality = ", ".join(f"{c.label} {c.current}" for c in summary.by_modality)
    return (
        '<section id="summary"><h2>1. Summary</h2>'
        f'<ul class="keypoints">{points}</ul>'
        f'<div class="cols"><div><h3>By quad category</h3>{quads}</div>'
        f"<div><h3>By event type</h3>{types}</div></div>"
        f'<div class="cols"><div><h3>Most active actors</h3>{actors}</div>'
        f"<div><h3>Most active pairs</h3>{dyads}</div></div>"
        f'<p class="small">How pages hold the events: {_e(modality)}. Compared with '
        f"{_e(report.previous.label)}, the period of equal length before. "
        f"{_e(text.SCORE_NOTE)}</p></section>"
    )


def _key_events(report: Report) -> str:
    if not report.key_events:
        return (
            '<section id="key-events"><h2>2. Key events</h2><p class="none">No event in the '
            "period is stated as having happened (all are predicted, speculated, negated or "
            "questioned).</p></section>"
        )
    items = []
    for event in report.key_events:
        colour = QUAD_COLOURS.get(event.quad, "#999999")
        facts = [
            text.date_text(event.date, event.date_precision),
            text.place_text(event),
            event.modality,
            text.quad_label(event.quad),
            f"score {text.signed(event.score)}",
            text.sources_text(event),
        ]
        cites = "".join(f"<li>{_cite(c)}</li>" for c in event.citations)
        items.append(
            f'<li class="event" style="border-left-color:{colour}">'
            f'<div class="head"><span class="rank">{event.rank}.</span>{_e(text.headline(event))}</div>'
            f'<div class="facts">{"".join(f"<span>{_e(f)}</span>" for f in facts)}</div>'
            f'<ol class="cites">{cites}</ol></li>'
        )
    return (
        '<section id="key-events"><h2>2. Key events</h2>'
        '<p class="small">Ranked by intensity (|score|) weighted by independent pages: '
        "|score| × (1 + log2 pages). Predicted, speculated, negated and questioned events are "
        "left out here (claims are in section 6).</p>"
        f'<ol class="events">{"".join(items)}</ol></section>'
    )


def _figure(number: int, anchor: str, title: str, figure: Figure | None, missing: str) -> str:
    if figure is None:
        body = f'<p class="none">{_e(missing)}</p>'
    else:
        data = base64.b64encode(figure.png).decode("ascii")
        body = (
            f'<figure><img src="data:image/png;base64,{data}" alt="{_e(figure.title)}: '
            f'{_e(figure.caption)}"><figcaption>{_e(figure.caption)}</figcaption></figure>'
        )
    return f'<section id="{anchor}"><h2>{number}. {_e(title)}</h2>{body}</section>'


def _claims(report: Report) -> str:
    if not report.claims:
        body = '<p class="none">No prediction, speculation or hypothetical in the period.</p>'
    else:
        body = _table(
            ["kind", "claim", "held by", "made on", "about", "source"],
            [
                [
                    _e(c.kind),
                    _quote(c.text),
                    _e(c.holder),
                    _e(c.made_on or "undated"),
                    _e(c.about or "-"),
                    _cite(c.citation, quote=False),
                ]
                for c in report.claims
            ],
        )
    note = text.claims_note(len(report.claims), report.claims_total)
    if note:
        body += f'<p class="small">{_e(note)}</p>'
    return f'<section id="claims"><h2>6. Claims and predictions</h2>{body}</section>'


def _actors_and_pages(report: Report) -> str:
    if report.unknown_actors:
        unknown = _table(
            ["name", "code", "events", "first seen", "pages"],
            [
                [
                    _e(u.name),
                    _e(u.code),
                    str(u.events),
                    _e(u.first_seen or "-"),
                    _e(", ".join(u.docs)),
                ]
                for u in report.unknown_actors
            ],
            numeric=(2,),
        )
    else:
        unknown = '<p class="none">Every actor in the period is in the actor base.</p>'
    pages = _table(
        ["page", "date", "events", "address"],
        [
            [
                f"{_e(p.title)}<br><span class='small'>{_e(p.doc)}</span>",
                _e(p.date or "undated"),
                str(p.events),
                f'<a href="{_e(p.url)}">{_e(p.url)}</a>'
                if p.url
                else '<span class="small">no url</span>',
            ]
            for p in report.pages
        ],
        numeric=(2,),
    )
    note = text.pages_note(len(report.pages), report.pages_total)
    note = f'<p class="small">{_e(note)}</p>' if note else ""
    return (
        '<section id="actors-pages"><h2>7. New actors and pages used</h2>'
        "<h3>Actors not in the actor base</h3>"
        '<p class="small">Names the coder met that the actor base does not hold: check them, '
        "and add the real ones to an actor file.</p>"
        f"{unknown}<h3>Pages used</h3>{pages}{note}</section>"
    )


def _citations(report: Report) -> str:
    rows = [
        [
            f'<span id="cite-{c.number}" class="cn">[{c.number}]</span>',
            _page_link(c, show_doc=False),
            _e(c.page_date or "undated"),
            f"{_e(c.doc)} {c.start}–{c.end}",
        ]
        for c in report.citations
    ]
    return (
        '<section id="citations"><h2>Citations</h2>'
        '<p class="small">Each number points at one sentence: the page, and the character '
        "offsets of the sentence in the page's text as sitrep stored it.</p>"
        f"{_table(['', 'page', 'page date', 'document and characters'], rows)}</section>"
    )


def render_html(report: Report, figures: Figures | None = None) -> str:
    """The report as one HTML document (a string)."""
    trend, network, where = figures if figures is not None else all_figures(report)
    focus = text.plural(report.summary.pages, "page")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(report.title)}: {_e(report.period.label)}</title>"
        f"<style>{STYLE}</style></head><body>"
        f'<div class="band"><span>Situation report</span><span>{_e(report.focus)}</span></div>'
        f"<h1>{_e(report.title)}</h1>"
        f'<p class="period">{_e(report.period.first_day)} to {_e(report.period.last_day)}</p>'
        f'<p class="meta">Focus: {_e(report.focus)} · compared with {_e(report.previous.label)} · '
        f"{_e(text.plural(report.summary.total.current, 'event'))} from {_e(focus)} · "
        f"{_e(text.plural(len(report.citations), 'citation'))} · generated {_e(report.generated_on)} "
        "by sitrep</p>"
        + _summary(report)
        + _key_events(report)
        + _figure(3, "trend", "Trend", trend, "No dated events to chart.")
        + _figure(4, "network", "Actor network", network, "No actors named in the period.")
        + _figure(5, "map", "Map", where, "No event in the period has a location.")
        + _claims(report)
        + _actors_and_pages(report)
        + _citations(report)
        + "</body></html>\n"
    )


def _write_bytes(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise ReportWriteError(
            f"cannot write {path}: {exc.strerror}; choose another --output"
        ) from exc


def write_html(report: Report, path: str | Path, figures: Figures | None = None) -> Path:
    """Write the self-contained HTML report; returns the path written. ``figures``
    (from ``all_figures``) saves drawing them again when writing several formats."""
    target = Path(path)
    _write_bytes(target, render_html(report, figures).encode("utf-8"))
    logger.info("wrote HTML report %s", target)
    return target


def write_pdf(report: Report, path: str | Path, figures: Figures | None = None) -> Path:
    """Render the HTML report to PDF (A4) with WeasyPrint; returns the path written."""
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError) as exc:
        raise ReportWriteError(
            f"the PDF engine WeasyPrint cannot load ({exc}); install it with "
            "`pip install weasyprint` (it needs the Pango library), or write --format html"
        ) from exc
    target = Path(path)
    # embedded images only: the renderer may not open any other address
    fetcher = URLFetcher(allowed_protocols=("data",))
    document = HTML(string=render_html(report, figures), url_fetcher=fetcher, base_url=None)
    _write_bytes(target, document.write_pdf())
    logger.info("wrote PDF report %s", target)
    return target
