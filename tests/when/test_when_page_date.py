"""Page dates: stated in the text, or inferred from dates, years and dated events."""

from __future__ import annotations

import pytest

from sitrep.models import Document, Segment, SegmentKind
from sitrep.pipeline import date_document
from sitrep.when import DatedEventTable, infer_page_date


@pytest.fixture(scope="module")
def table() -> DatedEventTable:
    return DatedEventTable.load()


def test_a_cued_publication_date_is_content_with_high_confidence(table):
    text = "Posted on March 27, 2008 by a reader\nFighting went on in the city."
    found = infer_page_date(text, table)
    assert (found.value, found.source, found.precision) == ("2008-03-27", "content", "day")
    assert found.confidence > 0.9


def test_an_event_the_page_calls_recent_dates_the_page(table):
    text = (
        "Crowds gathered again in the capital. Last week's killing of Soleimani has left the "
        "government scrambling. The invasion of Iraq in 2003 still shapes the country."
    )
    found = infer_page_date(text, table)
    assert found.source == "inferred"
    assert (found.value, found.precision) == ("2020-01-03", "day")
    assert 0.5 < found.confidence <= 0.85
    kinds = {e.kind for e in found.evidence}
    assert kinds == {"event", "year"}


def test_the_latest_evidence_wins_and_finer_evidence_refines_it(table):
    text = "The war began in 2011. By May 2014 the rebels held the north. In 2014 talks failed."
    found = infer_page_date(text, table)
    assert (found.value, found.precision) == ("2014-05", "month")


def test_sentences_about_the_future_are_not_evidence(table):
    text = (
        "The Beirut port explosion destroyed much of the district. Elections will be held in 2026."
    )
    found = infer_page_date(text, table)
    assert found.value == "2020-08-04"


def test_no_evidence_gives_none(table):
    assert infer_page_date("Nothing here says when it was written.", table) is None


def test_without_a_table_only_stated_dates_and_years_count():
    text = "Residents are still rebuilding after the Beirut port explosion in August 2020."
    assert infer_page_date(text, None).value == "2020-08"
    assert infer_page_date("Residents are rebuilding after the Beirut port explosion.") is None


def _document(text: str, date: str | None = None) -> Document:
    return Document(
        doc_id="d",
        path="d.txt",
        text=text,
        segments=(Segment(0, len(text), SegmentKind.BODY),),
        content_hash="h",
        date=date,
    )


def test_date_document_sources(table):
    assert date_document(_document("Text.", "2020-01-02")).date_source == "metadata"
    stated = date_document(_document("Updated: January 5, 2020\nText."), table)
    assert (stated.date, stated.date_source) == ("2020-01-05", "content")
    inferred = date_document(_document("Days after the Beirut port explosion, anger grew."), table)
    assert (inferred.date, inferred.date_source) == ("2020-08-04", "inferred")
    assert date_document(_document("No date at all."), table).date is None


def test_a_post_meta_line_with_its_author_states_the_publication_date():
    from sitrep.when.resolve import stated_publication_date

    text = (
        "Open thread: the offensive, one month on\n\nIt has been a month since the forces "
        "crossed the border.\n\nSeptember 6, 2024 by admin\nOleg_K"
    )
    found = stated_publication_date(text)
    assert found is not None and found[0].value == "2024-09-06" and found[1] is True
    # a date followed by "by" inside a sentence is no byline
    told = "Rebels took the town on\nJune 5, 2024 by surprise, the army said."
    assert stated_publication_date("x " * 400 + told) is None
