"""Words shared by the report's writers: key points, changes, headlines. Plain text; each
writer escapes it for its own format."""

from __future__ import annotations

from sitrep.report.model import QUAD_LABELS, CountChange, KeyEvent, Report

SCORE_NOTE = (
    "Scores run from -10 (most conflictual) to +10 (most cooperative), one per event by "
    "its PLOVER type; the net score is their sum."
)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def pages_note(shown: int, total: int) -> str | None:
    if total <= shown:
        return None
    return (
        f"Showing {shown} of {total} pages: every cited page, then those with most events; "
        "`sitrep documents --from ... --to ...` lists them all."
    )


def claims_note(shown: int, total: int) -> str | None:
    """Says how many claims are left out, if any."""
    if total <= shown:
        return None
    return (
        f"Showing {shown} of {total} claims: named holders and predictions first, then the "
        "latest; `sitrep events --modality predicted,speculated,hypothetical` lists them all."
    )


def change_text(change: CountChange) -> str:
    """ "up 4 from 2", "down 1 from 3", "no change", "new" (none before)."""
    if change.direction == "same":
        return "no change"
    if change.previous == 0:
        return "new"
    return f"{change.direction} {abs(change.delta)} from {change.previous}"


def arrow(change: CountChange) -> str:
    return {"up": "▲", "down": "▼", "same": "="}[change.direction]


def signed(value: float) -> str:
    return f"{value:+.1f}"


def quad_label(quad: str) -> str:
    return QUAD_LABELS.get(quad, quad or "uncoded")


def date_text(date: str | None, precision: str | None) -> str:
    if not date:
        return "undated"
    if precision == "page":
        return f"{date} (page date)"
    return f"{date} ({precision})" if precision and precision != "day" else date


def actors_text(names: tuple[str, ...], none: str) -> str:
    return " + ".join(names) if names else none


def headline(event: KeyEvent) -> str:
    """ "ASSAULT (drone): United States -> Qassem Soleimani"."""
    kind = f"{event.type} ({event.mode})" if event.mode else event.type
    if event.targets:
        source = actors_text(event.sources, "(actor not named)")
        return f"{kind}: {source} → {actors_text(event.targets, '')}"
    return f"{kind}: {actors_text(event.sources, '(no actor named)')}"


def place_text(event: KeyEvent) -> str:
    if not event.place:
        return "no place given"
    if event.country and event.country not in event.place:
        return f"{event.place} ({event.country})"
    return event.place


def sources_text(event: KeyEvent) -> str:
    pages = plural(event.independent_sources, "page")
    return f"{pages}, {plural(event.mentions, 'telling')}"


def net_direction(now: float, before: float) -> str:
    if now < before:
        return "more conflictual"
    if now > before:
        return "more cooperative"
    return "unchanged"


def key_points(report: Report) -> tuple[str, ...]:
    """Up to six sentences a reader takes in first, every figure from the summary."""
    summary = report.summary
    total = summary.total
    points = [
        f"{plural(total.current, 'event')} from {plural(summary.pages, 'page')} in "
        f"{report.period.label}; {change_text(total)} in {report.previous.label}."
        if total.previous
        else f"{plural(total.current, 'event')} from {plural(summary.pages, 'page')} in "
        f"{report.period.label}; none stored for {report.previous.label}."
    ]
    if summary.by_quad:
        top = max(summary.by_quad, key=lambda c: c.current)
        share = round(100 * top.current / total.current) if total.current else 0
        points.append(
            f"{quad_label(top.label)} dominated: {top.current} of {total.current} events "
            f"({share}%)."
        )
    points.append(
        f"Net cooperation-conflict score {signed(summary.net_score)} against "
        f"{signed(summary.previous_net_score)} before: "
        f"{net_direction(summary.net_score, summary.previous_net_score)}."
    )
    if summary.top_actors:
        names = ", ".join(f"{a.name} ({a.current})" for a in summary.top_actors[:3])
        points.append(f"Most active: {names}.")
    if report.key_events:
        first = report.key_events[0]
        points.append(
            f"Leading event: {headline(first)}, {date_text(first.date, first.date_precision)}, "
            f"told by {plural(first.independent_sources, 'page')}."
        )
    if report.claims_total:
        points.append(f"Claims and predictions to check later: {report.claims_total} (section 6).")
    return tuple(points)
