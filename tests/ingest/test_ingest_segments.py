"""Segment invariants on random text, and the cue file's validation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import DataFileError
from sitrep.ingest import default_cues, load_cues, split_page
from sitrep.ingest.segments import finalise_segments
from sitrep.models import Document, Page, Segment, SegmentKind

CUE_FILE = Path(__file__).resolve().parents[2] / "src" / "sitrep" / "data" / "boilerplate.yaml"

# Lines built from pieces that trigger the splitter's rules, mixed with random text.
_PIECES = [
    "Share this:",
    "Reply",
    "12 Comments",
    "Leave a Reply",
    "Jane says:",
    "Jane says: I agree with this.",
    "March 3, 2020 at 4:12 pm",
    "Anonymous said...",
    "@bob no way",
    "From Reuters:",
    "BAGHDAD (Reuters) - Troops moved.",
    "> quoted line",
    "    indented line",
    "“All in quotes.”",
    "Home | About | Contact",
    "Related",
    "I think so.",
    "lower case fragment",
    "A Short Title",
    "Soldiers crossed the border on Monday, officials said.",
    "",
    " ",
    "\t",
]
_line = st.one_of(
    st.sampled_from(_PIECES),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
)
_page_text = st.lists(_line, max_size=25).map("\n".join) | st.text(max_size=300)


def _check(doc: Document) -> None:
    previous_end = 0
    covered: set[int] = set()
    for seg in doc.segments:
        assert previous_end <= seg.start < seg.end <= len(doc.text), seg
        piece = doc.text[seg.start : seg.end]
        assert piece and not piece[0].isspace() and not piece[-1].isspace()
        previous_end = seg.end
        covered.update(range(seg.start, seg.end))
    missing = [i for i, c in enumerate(doc.text) if not c.isspace() and i not in covered]
    assert not missing, f"uncovered characters at {missing[:5]}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_page_text)
def test_text_segments_sorted_disjoint_and_covering(text: str) -> None:
    doc = split_page(Page(doc_id="p", path="p.txt", text=text))
    assert doc.text == text.replace("\r\n", "\n")
    _check(doc)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, max_size=12))
def test_html_segments_sorted_disjoint_and_covering(lines: list[str]) -> None:
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
    _check(split_page(Page(doc_id="h", path="h.html", html=html)))


@given(
    st.text(max_size=60),
    st.lists(
        st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from(list(SegmentKind))),
        max_size=8,
    ),
)
def test_finalise_segments_repairs_any_input(text: str, raw: list) -> None:
    segments = [Segment(a, b, kind) for a, b, kind in raw]
    doc = Document("d", "d", text, finalise_segments(text, segments), "")
    _check(doc)


# -- the cue file ----------------------------------------------------------------------


def test_packaged_cues_load() -> None:
    cues = default_cues()
    assert cues.is_boilerplate("Share this:")
    assert cues.is_comment_header("12 Comments")
    assert not cues.is_boilerplate("Soldiers crossed the border on Monday, officials said.")


@pytest.mark.parametrize(
    "line",
    [
        "Support independent journalism from Mosul: become a member",
        "If you like these notes from Kabul, buy me a coffee",
        "Help fund this blog - every dollar counts",
    ],
)
def test_donation_appeals_are_boilerplate(line: str) -> None:
    assert default_cues().is_boilerplate(line)


def test_support_for_a_party_is_not_a_donation_appeal() -> None:
    assert not default_cues().is_boilerplate("Support for the ruling party fell in the north.")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda s: s.replace("schema: 1", "schema: 99"), "schema"),
        (lambda s: s.replace("  max_words: 30", "  max_words: lots"), "max_words"),
        (lambda s: s.replace("'^tag(s|ged)?", "'^tag(s|ged", 1), "invalid regular expression"),
        (lambda s: s.replace("list_headers:", "list_headerz:"), "list_headers"),
        (lambda s: s + "\n  - [unclosed", "cannot read"),
    ],
)
def test_invalid_cue_file_is_a_data_file_error(tmp_path: Path, change, problem: str) -> None:
    broken = tmp_path / "boilerplate.yaml"
    broken.write_text(change(CUE_FILE.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_cues(broken)
    assert str(broken) in str(info.value) and problem in str(info.value)


def test_custom_cues_change_the_split(tmp_path: Path) -> None:
    text = CUE_FILE.read_text(encoding="utf-8").replace(
        "    - share this\n", "    - share this\n    - mirror of this post\n", 1
    )
    custom = tmp_path / "boilerplate.yaml"
    custom.write_text(text, encoding="utf-8")
    page = Page(doc_id="c", path="c.txt", text="Troops withdrew.\nMirror of this post\n")
    assert split_page(page).removed == []
    assert split_page(page, load_cues(custom)).removed == ["Mirror of this post"]
