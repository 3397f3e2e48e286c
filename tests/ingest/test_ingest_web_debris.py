"""Web debris that plain-text scrapes carry: bylines, read times, newsletter asks."""

from __future__ import annotations

from sitrep.ingest import split_page
from sitrep.models import Page, SegmentKind

PAGE = """Ceasefire talks stall again

Field Notes | Tuesday 3 March 2020 | Middle East
Mar 3, 2020 · Desert Dispatch · 4 min read

Negotiators from both sides met in Geneva on Monday but failed to agree on a timetable for the withdrawal of heavy weapons from the front line. The mediator said the talks would resume next week.

Local officials in the province said shelling continued overnight, and aid convoys were turned back at two checkpoints.

You may also like: Why the last truce failed
Enjoyed this? Share it with a friend.
Sponsored Content: Singles near you are waiting
Type your email... Subscribe

Comments (3) - sorted by newest

Rami K. on March 3, 2020 at 9:14 pm
Nothing will change until the guns are actually moved.

Lena on March 3, 2020 at 10:02 pm
@Rami K. agreed, I have heard this promise three times now.
"""


def test_debris_lines_are_removed_and_comments_kept_apart():
    doc = split_page(Page(doc_id="debris", path="debris.txt", text=PAGE))
    removed = "\n".join(doc.removed)
    for line in (
        "Field Notes | Tuesday 3 March 2020 | Middle East",
        "4 min read",
        "You may also like",
        "Enjoyed this?",
        "Sponsored Content",
        "Type your email",
    ):
        assert line in removed, line
        assert line not in doc.body, line
    assert "Negotiators from both sides met in Geneva" in doc.body
    assert any("guns are actually moved" in c for c in doc.comments)
    assert "guns are actually moved" not in doc.body
    assert doc.title == "Ceasefire talks stall again"
    assert doc.segment_at(PAGE.index("Negotiators")) == SegmentKind.BODY


def test_wire_credit_lines_are_boilerplate():
    text = (
        "Militia shells hit the port\n\n"
        "Shelling damaged two cranes at the port of Hodeidah on Monday, officials said, "
        "and work at the docks stopped for the rest of the day.\n\n"
        "Reporters Anna Berg in Aden and Omar Said in Sanaa contributed to this report.\n"
    )
    doc = split_page(Page(doc_id="credit", path="credit.txt", text=text))
    assert "contributed to this report" not in doc.body
    assert any("contributed to this report" in r for r in doc.removed)
