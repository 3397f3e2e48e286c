"""The report's figures, drawn with matplotlib (and networkx for the actor network).

Each function returns a ``Figure`` (PNG bytes and a caption) or None when the report has
nothing to draw. Figures are made with ``matplotlib.figure.Figure`` and the Agg canvas,
never pyplot, so drawing keeps no global state.
"""

from __future__ import annotations

import io
import math
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from sitrep.report.model import QUAD_LABELS, QUADS, Figure, Report

if TYPE_CHECKING:
    from matplotlib.axes import Axes

QUAD_COLOURS = {
    "verbal_coop": "#9ecae1",
    "material_coop": "#2b74b8",
    "verbal_conflict": "#f4a582",
    "material_conflict": "#c4372b",
}
SCORE_LIMIT = 10.0  # scores run from -10 (most conflictual) to +10
DPI = 150
FONT = {"font.family": "DejaVu Sans", "font.size": 8.5}


def _png(fig) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _new_figure(width: float, height: float):
    import matplotlib
    from matplotlib.figure import Figure as MplFigure

    with matplotlib.rc_context(FONT):
        fig = MplFigure(figsize=(width, height), layout="constrained")
    return fig


def _score_colours():
    from matplotlib import colormaps
    from matplotlib.colors import TwoSlopeNorm

    return colormaps["RdBu"], TwoSlopeNorm(vmin=-SCORE_LIMIT, vcenter=0.0, vmax=SCORE_LIMIT)


def _tidy(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=7.5)


def trend_figure(report: Report) -> Figure | None:
    """Events per day (or week, month) stacked by quad, with the net score as a line."""
    import matplotlib
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    points = report.trend.points
    if not points:
        return None
    with matplotlib.rc_context(FONT):
        fig = _new_figure(7.2, 3.4)
        ax, net = fig.subplots(2, 1, sharex=True, height_ratios=(3, 1.3))
        days = [date.fromisoformat(p.start) for p in points]
        width = {"day": 0.8, "week": 5.6, "month": 24.0}[report.trend.bucket]
        align = "edge" if report.trend.bucket != "day" else "center"
        bottom = np.zeros(len(points))
        for index, quad in enumerate(QUADS):
            values = np.array([p.counts[index] for p in points], dtype=float)
            ax.bar(
                days,
                values,
                width=width,
                bottom=bottom,
                color=QUAD_COLOURS[quad],
                label=QUAD_LABELS[quad],
                align=align,
                linewidth=0,
            )
            bottom += values
        ax.set_ylabel(f"events per {report.trend.bucket}")
        ax.set_ylim(0, max(1.0, bottom.max()) * 1.08)
        ax.legend(loc="upper left", fontsize=7, frameon=False, ncols=4, bbox_to_anchor=(0, 1.2))
        _tidy(ax)
        scores = np.array([p.net_score for p in points])
        net.axhline(0, color="#888888", linewidth=0.6)
        for where, colour in ((scores < 0, "#c4372b"), (scores > 0, "#2b74b8")):
            net.fill_between(
                days, scores, 0, where=where, interpolate=True, color=colour, alpha=0.3, lw=0
            )
        net.plot(days, scores, color="#222222", linewidth=1.0)
        net.set_ylabel("net score", fontsize=7.5)
        _tidy(net)
        locator = AutoDateLocator(maxticks=9)
        net.xaxis.set_major_locator(locator)
        net.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        png = _png(fig)
    busiest = max(points, key=lambda p: p.total)
    caption = (
        f"Events per {report.trend.bucket}, stacked by PLOVER quad category; below, the sum of "
        "the events' conflict-cooperation scores (below zero, red: conflict outweighs "
        f"cooperation). Busiest {report.trend.bucket}: {busiest.start} with {busiest.total} "
        "events."
    )
    return Figure("trend", "Trend", caption, png)


def _short(name: str, limit: int = 22) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def network_figure(report: Report) -> Figure | None:
    """Actors as nodes sized by events; arrows source -> target, width by events and
    colour by the mean score of the events between them."""
    import matplotlib
    import networkx as nx
    from matplotlib.cm import ScalarMappable

    network = report.network
    if not network.nodes:
        return None
    graph = nx.DiGraph()
    for node in network.nodes:
        graph.add_node(node.id)
    for edge in network.edges:
        graph.add_edge(edge.source, edge.target)
    # a circle, actors of one country side by side: no overlaps, labels outside
    ordered = sorted(network.nodes, key=lambda n: (n.code[:3], -n.events, n.name))
    count = len(ordered)
    layout = {
        node.id: np.array(
            [
                math.cos(math.pi / 2 - 2 * math.pi * i / count),
                math.sin(math.pi / 2 - 2 * math.pi * i / count),
            ]
        )
        for i, node in enumerate(ordered)
    }
    cmap, norm = _score_colours()
    most = max(n.events for n in network.nodes)
    with matplotlib.rc_context(FONT):
        fig = _new_figure(7.2, 5.0)
        ax = fig.add_subplot()
        ax.set_axis_off()
        nx.draw_networkx_nodes(
            graph,
            layout,
            ax=ax,
            nodelist=[n.id for n in network.nodes],
            node_size=[120 + 900 * n.events / most for n in network.nodes],
            node_color="#e8e4da",
            edgecolors="#6b6b6b",
            linewidths=0.8,
        )
        if network.edges:
            most_edge = max(e.events for e in network.edges)
            nx.draw_networkx_edges(
                graph,
                layout,
                ax=ax,
                edgelist=[(e.source, e.target) for e in network.edges],
                width=[0.8 + 3.2 * e.events / most_edge for e in network.edges],
                edge_color=[cmap(norm(e.mean_score)) for e in network.edges],
                arrows=True,
                arrowsize=9,
                connectionstyle="arc3,rad=0.08",
                node_size=[120 + 900 * n.events / most for n in network.nodes],
            )
        for node in ordered:
            x, y = layout[node.id]
            ax.text(
                1.13 * x,
                1.13 * y,
                _short(node.name),
                fontsize=7,
                ha="left" if x >= 0 else "right",
                va="bottom" if y > 0.5 else "top" if y < -0.5 else "center",
            )
        ax.set_xlim(-1.75, 1.75)
        ax.set_ylim(-1.3, 1.3)
        ax.set_aspect("equal")
        bar = fig.colorbar(ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.6, pad=0.01)
        bar.set_label("mean score of the events on an arrow", fontsize=7)
        bar.ax.tick_params(labelsize=7)
        png = _png(fig)
    caption = (
        f"The {len(network.nodes)} most active actors; an arrow runs from the actor who "
        "acted to the one acted on, wider for more events, red for conflict and blue for "
        "cooperation. Node size: events naming the actor; actors of one country sit side by "
        "side."
    )
    if network.left_out:
        caption += f" {network.left_out} less active actors are left out."
    return Figure("network", "Actor network", caption, png)


WINDOW = (60.0, 40.0)  # the most a map spans, degrees of longitude and latitude


def _map_window(places) -> tuple[list, list]:
    """The places inside the window that holds the most events, and those outside it."""

    def inside(anchor, place) -> bool:
        return (
            abs(place.lon - anchor.lon) <= WINDOW[0] / 2
            and abs(place.lat - anchor.lat) <= WINDOW[1] / 2
        )

    best = max(places, key=lambda a: (sum(p.events for p in places if inside(a, p)), a.events))
    shown = [p for p in places if inside(best, p)]
    return shown, [p for p in places if not inside(best, p)]


def _map_bounds(places) -> tuple[float, float, float, float]:
    lons = [p.lon for p in places]
    lats = [p.lat for p in places]
    x0, x1, y0, y1 = min(lons), max(lons), min(lats), max(lats)
    pad = max(3.0, 0.12 * max(x1 - x0, y1 - y0))
    x0, x1, y0, y1 = x0 - pad, x1 + pad, y0 - pad, y1 + pad
    if x1 - x0 < 24:  # at least 24 x 14 degrees
        mid = (x0 + x1) / 2
        x0, x1 = mid - 12, mid + 12
    if y1 - y0 < 14:
        mid = (y0 + y1) / 2
        y0, y1 = mid - 7, mid + 7
    return max(x0, -180.0), max(y0, -85.0), min(x1, 180.0), min(y1, 85.0)


def _label(place) -> str:
    return f"{_short(place.name, 26)} ({place.events})"


def _labelled(places, bounds, width: float, height: float, most: int = 12):
    """The places to label, busiest first, skipping any whose label box would overlap
    one already placed (boxes estimated in inches from the text's length)."""
    x0, y0, x1, y1 = bounds
    boxes: list[tuple[float, float, float, float]] = []
    chosen = []
    for place in places:
        x = (place.lon - x0) / (x1 - x0) * width + 0.07
        y = (place.lat - y0) / (y1 - y0) * height + 0.05
        box = (x, y, x + 0.058 * len(_label(place)), y + 0.15)
        if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in boxes):
            boxes.append(box)
            chosen.append(place)
        if len(chosen) == most:
            break
    return chosen


def map_figure(report: Report) -> Figure | None:
    """Event locations over country outlines; dot size by events, colour by mean score."""
    import matplotlib
    from matplotlib.cm import ScalarMappable
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    from sitrep.report.outlines import load_outlines

    if not report.places:
        return None
    shown, outside = _map_window(report.places)
    x0, y0, x1, y1 = _map_bounds(shown)
    outlines = load_outlines((x0, y0, x1, y1), step=max(x1 - x0, y1 - y0) / 600)
    focus = set(report.countries) or {p.country for p in report.places if p.country}
    cmap, norm = _score_colours()
    most = max(p.events for p in report.places)
    aspect = 1 / max(math.cos(math.radians((y0 + y1) / 2)), 0.2)
    height = min(5.2, max(2.8, 6.2 * (y1 - y0) * aspect / (x1 - x0) + 0.6))
    with matplotlib.rc_context(FONT):
        fig = _new_figure(7.2, height)
        ax = fig.add_subplot()
        ax.set_facecolor("#dfe9f0")
        for country in outlines:
            vertices, codes = [], []
            for ring in country.rings:
                vertices.extend(ring.tolist())
                codes.extend([MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 1))
            if not vertices:
                continue
            ax.add_patch(
                PathPatch(
                    MplPath(vertices, codes),
                    facecolor="#e9e2cf" if country.iso3 in focus else "#f6f4ee",
                    edgecolor="#9b9b9b",
                    linewidth=0.4,
                )
            )
        order = sorted(shown, key=lambda p: -p.events)
        ax.scatter(
            [p.lon for p in order],
            [p.lat for p in order],
            s=[25 + 300 * p.events / most for p in order],
            c=[p.mean_score for p in order],
            cmap=cmap,
            norm=norm,
            edgecolors="#333333",
            linewidths=0.6,
            alpha=0.9,
            zorder=3,
        )
        for place in _labelled(order, (x0, y0, x1, y1), 6.2, height - 0.6):
            ax.annotate(
                _label(place),
                (place.lon, place.lat),
                xytext=(5, 4),
                textcoords="offset points",
                fontsize=7,
                zorder=4,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
            )
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect(aspect)
        ax.tick_params(labelsize=7)
        ax.set_xlabel("longitude", fontsize=7)
        ax.set_ylabel("latitude", fontsize=7)
        bar = fig.colorbar(ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.6, pad=0.01)
        bar.set_label("mean score of the events there", fontsize=7)
        bar.ax.tick_params(labelsize=7)
        png = _png(fig)
    located = sum(p.events for p in shown)
    caption = (
        f"{located} located events at {len(shown)} places; dot size: events, colour: "
        "their mean score (red conflict, blue cooperation). Country outlines: Natural Earth "
        "1:10m (public domain). Events placed only at country level sit at the country's "
        "centre."
    )
    if outside:
        elsewhere = ", ".join(f"{p.name} ({p.events})" for p in outside[:8])
        more = f" and {len(outside) - 8} more places" if len(outside) > 8 else ""
        caption += f" Outside the map: {elsewhere}{more}."
    return Figure("map", "Map", caption, png)


def all_figures(report: Report) -> tuple[Figure | None, Figure | None, Figure | None]:
    """The trend, network and map figures (None where there is nothing to draw)."""
    return trend_figure(report), network_figure(report), map_figure(report)
