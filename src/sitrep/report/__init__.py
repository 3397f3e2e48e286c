"""Situation reports: ``build_report`` reads a period from the store; the writers render it.

``write_html`` writes one self-contained file (figures embedded, no network references),
``write_pdf`` renders that page to PDF with WeasyPrint, and ``write_markdown`` writes
Markdown with the figures as PNG files beside it.
"""

from sitrep.report.build import build_report
from sitrep.report.figures import all_figures
from sitrep.report.html import ReportWriteError, render_html, write_html, write_pdf
from sitrep.report.markdown import render_markdown, write_markdown
from sitrep.report.model import Report

FORMATS = ("html", "pdf", "md")
"""Output formats of ``write_report`` and ``sitrep report --format``."""


def write_report(report: Report, path, fmt: str, figures=None):
    """Write ``report`` to ``path`` as ``fmt`` (html, pdf or md); returns the path.
    ``figures`` (from ``all_figures``) saves drawing them again for another format."""
    writers = {"html": write_html, "pdf": write_pdf, "md": write_markdown}
    if fmt not in writers:
        raise ReportWriteError(f"unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return writers[fmt](report, path, figures)


__all__ = [
    "FORMATS",
    "Report",
    "ReportWriteError",
    "all_figures",
    "build_report",
    "render_html",
    "render_markdown",
    "write_html",
    "write_markdown",
    "write_pdf",
    "write_report",
]
