"""Plain-text splitting: title, body, quoted copy, comments and boilerplate."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.ingest import split_page
from sitrep.models import Document, Page, SegmentKind

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"
K = SegmentKind


def _doc(text: str, **meta: str) -> Document:
    return split_page(Page(doc_id="t", path="t.txt", text=text, **meta))


def _fixture(name: str) -> Document:
    text = (DATA / name).read_text(encoding="utf-8")
    return split_page(Page(doc_id=name, path=str(DATA / name), text=text))


def _kind_of(doc: Document, needle: str) -> SegmentKind:
    """The kind of the segment holding ``needle`` (which must lie in one segment)."""
    start = doc.text.index(needle)
    for seg in doc.segments:
        if seg.start <= start and start + len(needle) <= seg.end:
            return seg.kind
    raise AssertionError(f"{needle!r} is not inside one segment")


def _assert_valid(doc: Document) -> None:
    covered = set()
    previous_end = 0
    for seg in doc.segments:
        assert previous_end <= seg.start < seg.end <= len(doc.text)
        previous_end = seg.end
        covered.update(range(seg.start, seg.end))
    assert all(c.isspace() or i in covered for i, c in enumerate(doc.text))


@pytest.mark.parametrize(
    "name",
    [
        "blog_wordpress.txt",
        "blog_blogger.txt",
        "blog_headerless.txt",
        "wire_quote_blog.txt",
        "wire_story.txt",
    ],
)
def test_fixture_segments_are_valid(name: str) -> None:
    doc = _fixture(name)
    _assert_valid(doc)
    assert doc.spans(K.BODY), "every fixture has article text"


def test_text_is_file_text_with_crlf_normalised() -> None:
    doc = _doc("Title line here\r\n\r\nFirst paragraph of the story.\r\nSecond one.\r\n")
    assert doc.text == "Title line here\n\nFirst paragraph of the story.\nSecond one.\n"
    _assert_valid(doc)


# -- WordPress-style blog --------------------------------------------------------------


def test_wordpress_title_and_navigation() -> None:
    doc = _fixture("blog_wordpress.txt")
    assert doc.title == "Kirkuk talks stall again"
    assert _kind_of(doc, "Kirkuk talks stall again") is K.TITLE
    assert _kind_of(doc, "Skip to content") is K.BOILERPLATE
    assert _kind_of(doc, "Home | About | Archives | Contact") is K.BOILERPLATE
    assert _kind_of(doc, "Posted on June 12, 2019") is K.BOILERPLATE


@pytest.mark.parametrize(
    "line",
    [
        "Share this:",
        "Twitter",
        "Like this:",
        "Like Loading...",
        "Join my Patreon",
        "Advertisement",
        "Hot singles in your area",
        "Erbil and Baghdad trade blame over salaries",  # link listed under "Related"
        "Filed under: Iraq",
        "Tags: oil",
        "4 Responses to",
        "Leave a Reply",
        "Copyright © 2019",
    ],
)
def test_wordpress_boilerplate_lines(line: str) -> None:
    assert _kind_of(_fixture("blog_wordpress.txt"), line) is K.BOILERPLATE


def test_wordpress_quote_ends_when_author_speaks() -> None:
    doc = _fixture("blog_wordpress.txt")
    assert _kind_of(doc, "From Reuters:") is K.BODY
    assert _kind_of(doc, "Kurdish and federal officials met") is K.QUOTE
    assert _kind_of(doc, "A spokesman for the federal government") is K.QUOTE
    assert _kind_of(doc, "I have followed these talks") is K.BODY
    assert _kind_of(doc, "The pipeline question matters") is K.BODY


def test_wordpress_comments_grouped_one_per_comment() -> None:
    doc = _fixture("blog_wordpress.txt")
    assert doc.comments == [
        "Nobody in Erbil believes the federal side wants a deal before the elections.\n"
        "They will drag it out as long as they can.",
        "@Dana R. you are assuming Erbil wants one either.",
        "Good summary, thanks for following this so closely.",
    ]
    assert _kind_of(doc, "Dana R. says:") is K.BOILERPLATE
    assert _kind_of(doc, "June 12, 2019 at 6:40 pm") is K.BOILERPLATE
    assert "Reply" in doc.removed
    assert "Nobody in Erbil" not in doc.body


# -- Blogger-style blog ----------------------------------------------------------------


def test_blogger_quote_markers_and_comments() -> None:
    doc = _fixture("blog_blogger.txt")
    assert doc.title == "Ceasefire in name only"
    assert _kind_of(doc, "> The mission recorded 41 explosions") is K.QUOTE
    assert _kind_of(doc, "So much for the agreement.") is K.BODY
    for line in (
        "Posted by Lena",
        "Labels: ceasefire",
        "Newer Post Older Post Home",
        "7 comments:",
    ):
        assert _kind_of(doc, line) is K.BOILERPLATE, line
    comments = doc.comments
    assert len(comments) == 3
    assert comments[1].startswith("The monitors can only count craters.")
    assert comments[1].endswith("I would still rather have them there than not.")
    assert _kind_of(doc, "Anonymous said...") is K.BOILERPLATE
    assert _kind_of(doc, "March 4, 2021 at 5:02 PM") is K.BOILERPLATE


# -- comment thread without a header ---------------------------------------------------


def test_headerless_comment_tail() -> None:
    doc = _fixture("blog_headerless.txt")
    assert _kind_of(doc, "I suspect the compromise will last") is K.BODY
    assert _kind_of(doc, "The winning candidate is a former oil ministry engineer") is K.BODY
    assert doc.comments == [
        "@karim2 source for the budget numbers?",
        "lol, another technocrat.",
        "and the power cuts will continue all summer, same as every year.",
        "Good post. Thanks.",
        "@deltaq the ministry posted them last week.",
    ]


def test_body_before_a_header_keeps_at_signs_and_short_lines() -> None:
    text = (
        "Opposition walks out of parliament\n\n"
        "The opposition bloc left the chamber on Thursday after the speaker refused a vote "
        "on the electoral law, and its leader promised street protests within the week.\n\n"
        "Short line here.\n\n"
        "@ministry_press posted the speaker's statement an hour later, blaming the bloc "
        "for the delay in passing the budget.\n\n"
        "12 Comments\n\n"
        "Ruth on May 2, 2022 at 10:14 am\n"
        "They will be back next week.\n"
    )
    doc = _doc(text)
    assert _kind_of(doc, "Short line here.") is K.BODY
    assert _kind_of(doc, "@ministry_press posted") is K.BODY
    assert doc.comments == ["They will be back next week."]


def test_short_article_without_comment_cues_is_all_body() -> None:
    text = (
        "Budget passes\n\n"
        "Parliament approved the budget late on Sunday.\n\n"
        "The vote was 180 to 95.\n\n"
        "Opposition members abstained.\n"
    )
    doc = _doc(text)
    assert not doc.comments
    assert [doc.text[s.start : s.end] for s in doc.spans(K.BODY)] == [
        "Parliament approved the budget late on Sunday.",
        "The vote was 180 to 95.",
        "Opposition members abstained.",
    ]


def test_weak_header_that_is_a_section_heading_stays_body() -> None:
    long_paragraph = (
        "The second part of the report reviews how the monitoring mission worked with "
        "local authorities, how often its patrols were blocked at checkpoints, and what the "
        "member states could do to give it better access to the areas along the line of "
        "contact during the coming year, including the use of drones and satellite images."
    )
    text = f"Mission review\n\nIntroduction text of the review.\n\nDiscussion\n\n{long_paragraph}\n"
    doc = _doc(text)
    assert not doc.comments
    assert _kind_of(doc, "The second part of the report") is K.BODY


def test_comment_inline_after_says() -> None:
    text = (
        "Strike called off\n\n"
        "The union called off the strike after the ministry agreed to pay the arrears "
        "owed to teachers in the northern provinces since last autumn.\n\n"
        "Comments\n\n"
        "Jorge says: About time they paid them.\n"
        "Reply\n"
        "Anonymous said... Wait until the next budget.\n"
    )
    doc = _doc(text)
    assert doc.comments == ["About time they paid them.", "Wait until the next budget."]
    assert "Jorge says:" in doc.removed


# -- quoted copy -----------------------------------------------------------------------


def test_dateline_in_blog_is_quoted_wire_copy() -> None:
    doc = _fixture("wire_quote_blog.txt")
    assert _kind_of(doc, "The road from the border crossing") is K.BODY
    assert _kind_of(doc, "BEIRUT (Reuters) - Gunmen attacked") is K.QUOTE
    assert _kind_of(doc, "The agency suspended all deliveries") is K.QUOTE
    assert _kind_of(doc, "My guess is that the suspension") is K.BODY
    assert _kind_of(doc, "According to the Associated Press:") is K.BODY
    assert _kind_of(doc, "The attack was the fourth") is K.QUOTE
    assert _kind_of(doc, "Which is, frankly, what everyone") is K.BODY


def test_wire_story_with_dateline_is_body_and_wrapped_paragraphs_stay_whole() -> None:
    doc = _fixture("wire_story.txt")
    assert doc.title is None
    paragraphs = doc.spans(K.BODY)
    assert len(paragraphs) == 3
    assert doc.text[paragraphs[0].start : paragraphs[0].end].startswith("KHARTOUM, April 15")
    assert doc.text[paragraphs[0].start : paragraphs[0].end].endswith("international airport.")


def test_indented_and_quoted_lines_are_quotes() -> None:
    text = (
        "A statement from the ministry\n"
        "The ministry issued a short statement on Friday evening after the talks.\n"
        "    The delegation will return to Geneva when conditions allow.\n"
        "“Nothing has been agreed until everything is agreed.”\n"
        "That is the line they have used for two years now.\n"
    )
    doc = _doc(text)
    assert _kind_of(doc, "The delegation will return to Geneva") is K.QUOTE
    assert _kind_of(doc, "“Nothing has been agreed") is K.QUOTE
    assert _kind_of(doc, "That is the line") is K.BODY
    assert _kind_of(doc, "The ministry issued") is K.BODY


def test_quote_intro_as_first_line_is_not_a_title() -> None:
    text = (
        "From the Guardian (emphasis added)\n"
        "Turkish jets struck targets in northern Syria overnight, the defence ministry said.\n"
        "The strikes followed an attack on a border post that killed three soldiers.\n"
        "I doubt this will be the last round.\n"
    )
    doc = _doc(text)
    assert doc.title is None
    assert _kind_of(doc, "From the Guardian") is K.BODY
    assert _kind_of(doc, "Turkish jets struck") is K.QUOTE
    assert _kind_of(doc, "The strikes followed") is K.QUOTE
    assert _kind_of(doc, "I doubt this") is K.BODY


# -- titles and metadata ---------------------------------------------------------------


def test_title_heuristic() -> None:
    assert _doc("A long first sentence that ends with a period.\nMore text.").title is None
    assert _doc("Ceasefire holds in Idlib\nMore text follows here.").title == (
        "Ceasefire holds in Idlib"
    )
    assert _doc("Only one line").title is None


def test_metadata_title_and_date_from_page() -> None:
    doc = _doc(
        "Vote delayed again\nThe vote was delayed.", title="Vote delayed again", date="2021-06-01"
    )
    assert doc.title == "Vote delayed again"
    assert _kind_of(doc, "Vote delayed again") is K.TITLE
    assert doc.date == "2021-06-01" and doc.date_source == "metadata"
    assert _doc("Text only.").date_source is None


def test_news_story_quotes_stay_body_and_credits_are_boilerplate() -> None:
    text = (
        "Army says it held the border post\n\n"
        "QUETTA, Jan 4 (Reuters) - The army said on Thursday it had held a border post "
        "after an overnight attack, killing six attackers.\n\n"
        '"We answered with full force," a military spokesman said, adding that two '
        "soldiers were hurt.\n\n"
        "(Reporting by Jane Roe; Editing by Tom Doe)\n"
    )
    doc = _doc(text)
    assert _kind_of(doc, "QUETTA, Jan 4 (Reuters)") is K.BODY
    assert _kind_of(doc, '"We answered with full force,"') is K.BODY
    assert doc.removed == ["(Reporting by Jane Roe; Editing by Tom Doe)"]


def test_a_handle_and_colon_in_a_comment_thread_name_the_author():
    text = (
        "Why the siege matters\n\n"
        "The siege of the city entered its third month on Monday, aid groups said.\n\n"
        "Prediction: the city falls before the rains.\n\n"
        "Comments\n\n"
        "Khalid: The army shelled the market in Nyala too.\n\n"
        "Reader99: Great post, thanks.\n"
    )
    doc = _doc(text)
    _assert_valid(doc)
    assert _kind_of(doc, "Khalid:") == K.BOILERPLATE
    assert _kind_of(doc, "The army shelled the market") == K.COMMENT
    assert _kind_of(doc, "Great post") == K.COMMENT
    # in the article, a label and colon are the writer's own words
    assert _kind_of(doc, "Prediction: the city falls") == K.BODY
