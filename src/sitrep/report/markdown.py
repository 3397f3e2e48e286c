"""The report as Markdown, with its figures as PNG files beside it.

``write_markdown(report, "brief.md")`` writes ``brief.md`` and ``brief-figures/trend.png``
(and ``network.png``, ``map.png``), linked by relative paths, for readers who paste the
report into their own documents. Page text is escaped so it cannot turn into markup.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path

from sitrep.report import text
from sitrep.report.figures import all_figures
from sitrep.report.html import ReportWriteError
from sitrep.report.model import Citation, CountChange, Figure, Report

logger = logging.getLogger(__name__)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def md(value: object) -> str:
    """Plain text made safe for Markdown: markup characters escaped, one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def _table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()
) -> str:
    align = ["---:" if i in numeric else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _change(change: CountChange) -> str:
    return f"{text.arrow(change)} {text.change_text(change)}"


def _url(url: str) -> str:
    return url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def _page(citation: Citation) -> str:
    title = md(citation.title)
    if citation.link:
        return f"[{title}](<{_url(citation.link)}>)"
    return title if citation.title == citation.doc else f"{title} ({md(citation.doc)})"


def _cite(citation: Citation, quote: bool = True) -> str:
    page = f"{_page(citation)}, {md(citation.page_date or 'undated')}"
    if quote:
        return f"**\\[{citation.number}\\]** “{md(citation.sentence)}” — {page}"
    return f"\\[{citation.number}\\] {page}"


def _figure(figure: Figure | None, folder: str, missing: str) -> str:
    if figure is None:
        return f"*{md(missing)}*"
    return f"![{md(figure.title)}](<{folder}/{figure.name}.png>)\n\n*{md(figure.caption)}*"


def render_markdown(report: Report, folder: str, figures: Sequence[Figure | None]) -> str:
    """The report as Markdown; figures are linked as ``folder/NAME.png``."""
    trend, network, where = figures
    summary = report.summary
    out = [
        f"# {md(report.title)}: {md(report.period.first_day)} to {md(report.period.last_day)}",
        "",
        f"Focus: {md(report.focus)} · compared with {md(report.previous.label)} · "
        f"generated {md(report.generated_on)} by sitrep. Machine-coded from stored pages: "
        "check each line against its source.",
        "",
        "## 1. Summary",
        "",
        *[f"- {md(point)}" for point in text.key_points(report)],
        "",
        _table(
            ["quad category", "events", "before", "change"],
            [
                [md(text.quad_label(c.label)), str(c.current), str(c.previous), _change(c)]
                for c in summary.by_quad
            ],
            numeric=(1, 2),
        ),
        "",
        _table(
            ["PLOVER type", "events", "before", "change"],
            [[md(c.label), str(c.current), str(c.previous), _change(c)] for c in summary.by_type],
            numeric=(1, 2),
        ),
        "",
        _table(
            ["actor", "code", "events", "before"],
            [[md(a.name), md(a.code), str(a.current), str(a.previous)] for a in summary.top_actors],
            numeric=(2, 3),
        ),
        "",
        _table(
            ["source → target", "events", "before", "mean score"],
            [
                [
                    f"{md(d.source_name)} → {md(d.target_name)}",
                    str(d.current),
                    str(d.previous),
                    text.signed(d.mean_score),
                ]
                for d in summary.top_dyads
            ],
            numeric=(1, 2, 3),
        ),
        "",
        md(text.SCORE_NOTE),
        "",
        "## 2. Key events",
        "",
    ]
    if not report.key_events:
        out += ["*No event in the period is stated as having happened.*", ""]
    for event in report.key_events:
        facts = " · ".join(
            md(f)
            for f in (
                text.date_text(event.date, event.date_precision),
                text.place_text(event),
                event.modality,
                text.quad_label(event.quad),
                f"score {text.signed(event.score)}",
                text.sources_text(event),
            )
        )
        out += [f"{event.rank}. **{md(text.headline(event))}**  ", f"   {facts}", ""]
        out += [f"   - {_cite(c)}" for c in event.citations]
        out.append("")
    out += [
        "## 3. Trend",
        "",
        _figure(trend, folder, "No dated events to chart."),
        "",
        "## 4. Actor network",
        "",
        _figure(network, folder, "No actors named in the period."),
        "",
        "## 5. Map",
        "",
        _figure(where, folder, "No event in the period has a location."),
        "",
        "## 6. Claims and predictions",
        "",
    ]
    if report.claims:
        out.append(
            _table(
                ["kind", "claim", "held by", "made on", "about", "source"],
                [
                    [
                        md(c.kind),
                        f"“{md(c.text)}”",
                        md(c.holder),
                        md(c.made_on or "undated"),
                        md(c.about or "-"),
                        _cite(c.citation, quote=False),
                    ]
                    for c in report.claims
                ],
            )
        )
    else:
        out.append("*No prediction, speculation or hypothetical in the period.*")
    note = text.claims_note(len(report.claims), report.claims_total)
    if note:
        out += ["", md(note)]
    out += ["", "## 7. New actors and pages used", "", "### Actors not in the actor base", ""]
    if report.unknown_actors:
        out.append(
            _table(
                ["name", "code", "events", "first seen", "pages"],
                [
                    [
                        md(u.name),
                        md(u.code),
                        str(u.events),
                        md(u.first_seen or "-"),
                        md(", ".join(u.docs)),
                    ]
                    for u in report.unknown_actors
                ],
                numeric=(2,),
            )
        )
    else:
        out.append("*Every actor in the period is in the actor base.*")
    out += ["", "### Pages used", ""]
    out.append(
        _table(
            ["page", "document", "date", "events", "address"],
            [
                [
                    md(p.title),
                    md(p.doc),
                    md(p.date or "undated"),
                    str(p.events),
                    f"<{_url(p.url)}>" if p.url else "no url",
                ]
                for p in report.pages
            ],
            numeric=(3,),
        )
    )
    note = text.pages_note(len(report.pages), report.pages_total)
    if note:
        out += ["", md(note)]
    out += ["", "## Citations", ""]
    out.append(
        _table(
            ["", "page", "page date", "document and characters"],
            [
                [
                    f"\\[{c.number}\\]",
                    _page(c),
                    md(c.page_date or "undated"),
                    f"{md(c.doc)} {c.start}–{c.end}",
                ]
                for c in report.citations
            ],
        )
    )
    return "\n".join(out) + "\n"


def write_markdown(
    report: Report, path: str | Path, figures: Sequence[Figure | None] | None = None
) -> Path:
    """Write ``path`` and its figures in ``<stem>-figures/`` beside it; returns the path."""
    target = Path(path)
    folder = target.with_name(f"{target.stem}-figures")
    figures = figures if figures is not None else all_figures(report)
    try:
        folder.mkdir(exist_ok=True)
        for figure in figures:
            if figure is not None:
                (folder / f"{figure.name}.png").write_bytes(figure.png)
        target.write_text(render_markdown(report, folder.name, figures), encoding="utf-8")
    except OSError as exc:
        raise ReportWriteError(
            f"cannot write {target} and its figures in {folder}: {exc.strerror}; "
            "choose another --output"
        ) from exc
    logger.info("wrote Markdown report %s with figures in %s", target, folder)
    return target
