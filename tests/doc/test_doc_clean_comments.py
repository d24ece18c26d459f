from __future__ import annotations

import pytest

from storyline.config import CleanConfig
from storyline.doc.clean import clean_document
from storyline.doc.clean_comments import thread_start
from storyline.io.read import html_document, text_document

CONFIG = CleanConfig()

BODY = (
    "HARWICK (Coast Wire) - The ferry service to the outer islands resumed on Tuesday after a week of storms.\n"
    "Two boats ran the morning crossing, the harbour board said.\n"
    "The board expects the full timetable to return by Friday.\n"
)


def clean(text: str) -> tuple[str, tuple[str, ...]]:
    out = clean_document(text_document(text, "test.txt"), CONFIG)
    return out.text, out.boilerplate_removed


def test_thread_after_a_credit_line_is_cut_from_the_first_comment_to_the_end() -> None:
    credit = "Mara Lind contributed to this report."
    thread = (
        "Finally some good news for the islands!\n"
        "My mother has been waiting to get home since Sunday.\n"
        "March 4, 2031 at 6:12 pm | Reply The board should have bought a bigger boat years ago.\n"
        "It sank 40 crates of apples last winter.\n"
        "March 4, 2031 at 7:40 pm | Report abuse | Reply\n"
        "(required, but will not be displayed) Comments are not pre-screened before they post.\n"
    )
    text, removed = clean(BODY + credit + "\n" + thread)
    assert text == BODY + credit
    assert removed[0] == "Finally some good news for the islands!"
    assert removed[-1].startswith("(required")


def test_thread_without_a_boundary_is_cut_from_the_line_of_its_first_stamp() -> None:
    thread = (
        "Crossing is still too dear for pensioners. March 4, 2031 at 6:12 pm | Reply Agreed.\n"
        "The fares went up 30 percent in 2029.\n"
        "March 5, 2031 at 9:01 am | Reply\n"
    )
    text, removed = clean(BODY + thread)
    assert text == BODY.rstrip("\n")
    assert removed[0].startswith("Crossing is still too dear")


def test_posted_by_signatures_mark_a_thread() -> None:
    byline = "By Ann Roe | March 4, 2031; 6:00 AM ET"
    thread = (
        "Why did nobody check the moorings before the storm?\n"
        "Posted by: gullwing77 | March 4, 2031 7:15 PM | Report abuse They did, read the article.\n"
        "Posted by: islander | March 4, 2031 8:02 PM | Report abuse\n"
    )
    text, _ = clean(BODY + byline + "\n" + thread)
    assert text == BODY + byline


def test_wire_style_stamp_with_report_as_abuse_marks_a_thread() -> None:
    thread = "Good riddance to the storm.\nMar 04, 2031 6:19 pm EST -- Report as abuse This discussion is now closed.\n"
    text, _ = clean(BODY + thread)
    assert text == BODY + "Good riddance to the storm."


def test_comment_headed_by_its_author_and_time_is_cut_from_that_line() -> None:
    thread = (
        "At 2:10 pm on 04 Mar 2031, gullwing77 wrote: The ferry was late again this evening.\n"
        "It carried 12 cars instead of 30.\n"
        "At 3:45 pm on 04 Mar 2031, islander wrote: Not true, I was on it.\n"
    )
    text, removed = clean(BODY + thread)
    assert text == BODY.rstrip("\n")
    assert len(removed) == 3


def test_relative_time_stamps_with_a_control_word_mark_a_thread() -> None:
    thread = "Leave a comment\nSo glad the boats are back.\n3 hours ago | Reply | Report\n"
    thread += "Me too.\n2 hours ago | Reply\n"
    text, _ = clean(BODY + thread)
    assert text == BODY.rstrip("\n")


@pytest.mark.parametrize(
    "heading",
    [
        "Offer your view in the comments section below.",
        "We want to hear from you.",
        "Here's my question to you: Should the board buy a second ferry?",
        "Share your thoughts",
    ],
)
def test_a_thread_heading_before_the_first_comment_starts_the_cut(heading: str) -> None:
    thread = "The islands deserve better than one boat a day.\nMarch 4, 2031 at 6:12 pm | Reply\n"
    text, removed = clean(BODY + heading + "\n" + thread)
    assert text == BODY.rstrip("\n")
    assert removed[0] == heading


@pytest.mark.parametrize(
    "question",
    [
        "Who do you agree with?",
        "Are you affected by the cancelled crossings?",
        "If you live on the islands, have you had to change your plans?",
    ],
)
def test_first_comment_after_a_question_to_the_readers_is_cut(question: str) -> None:
    first_comment = "The board should have bought a second boat years ago.\nIt is always the islanders who pay.\n"
    thread = first_comment + "March 4, 2031 at 6:12 pm | Reply Agreed.\n"
    text, removed = clean(BODY + question + "\n" + thread)
    assert text == BODY + question
    assert removed[0] == "The board should have bought a second boat years ago."


def test_questions_right_after_the_readers_question_stay_with_the_report() -> None:
    questions = "What do you think of the new timetable?\nShould the crossings be free for pensioners?\n"
    thread = "Fares are the real problem here.\nAt 2:10 pm on 04 Mar 2031, gullwing77 wrote: The ferry was late.\n"
    text, removed = clean(BODY + questions + thread)
    assert text == BODY + questions.rstrip("\n")
    assert removed[0] == "Fares are the real problem here."


@pytest.mark.parametrize(
    "line",
    [
        "The question is who you can trust with the timetable now?",  # "you" not asked from its first words
        "“Are you coming back next week?” the captain asked a passenger.",  # a quotation
    ],
)
def test_a_question_that_does_not_ask_the_readers_leaves_the_first_comment(line: str) -> None:
    thread = "The islands deserve better than one boat a day.\nMarch 4, 2031 at 6:12 pm | Reply\n"
    text, _ = clean(BODY + line + "\n" + thread)
    assert text == BODY + line + "\nThe islands deserve better than one boat a day."


def test_a_readers_question_far_above_the_first_stamp_leaves_the_report_alone() -> None:
    report = "".join(f"The board met for the {n}th time to discuss the timetable.\n" for n in range(4, 4 + 13))
    thread = "March 4, 2031 at 6:12 pm | Reply\n"
    text = BODY + "Who do you agree with?\n" + report + thread
    assert clean(text)[0] == (BODY + "Who do you agree with?\n" + report).rstrip("\n")


@pytest.mark.parametrize(
    "line",
    [
        "The harbour master said in a comment on Tuesday that the storm wall held.",
        "In a comment posted to the board's website, a ferry captain wrote that the crossing was calm.",
        "Reply from the ministry came on March 3, 2031 at 4:12 pm, a day after the letter.",
        "The mayor's reply was short: the ferry will run.",
        "Reply",
        "Critics posted 40 comments on the board's page within 3 hours.",
        "At 9:30 am on 04 Mar 2031, the board wrote to all ticket holders.",
        "Posted by the harbour board on its website, the timetable lists three crossings.",
    ],
)
def test_a_report_mentioning_comments_or_replies_is_kept(line: str) -> None:
    text = BODY + line + "\nThe next crossing leaves at noon.\n"
    assert thread_start(text) is None
    assert clean(text)[0] == text.rstrip("\n")


def test_thread_start_is_the_offset_of_the_cut_line() -> None:
    text = BODY + "Nice.\nMarch 4, 2031 at 6:12 pm | Reply\n"
    assert thread_start(text) == len(BODY) + len("Nice.\n")


def test_threads_are_kept_when_comment_threads_is_off() -> None:
    text = BODY + "Nice.\nMarch 4, 2031 at 6:12 pm | Reply\n"
    out = clean_document(text_document(text, "test.txt"), CleanConfig(comment_threads=False))
    assert out.text == text.rstrip("\n")


def test_html_page_and_its_copied_text_lose_the_same_thread() -> None:
    """The HTML path drops a comment section in trafilatura (include_comments=False); the text path in clean."""
    body = [*BODY.splitlines(), "Islanders who missed hospital appointments will be offered new dates."]
    comments = ["Leave a comment", "So glad the boats are back at last.", "March 4, 2031 at 6:12 pm | Reply"]
    article = "".join(f"<p>{line}</p>" for line in body)
    section = "".join(f"<p>{line}</p>" for line in comments)
    html = f'<html><body><article>{article}</article><div id="comments" class="comments">{section}</div></body></html>'
    from_html = clean_document(html_document(html, "page.html"), CONFIG).text
    from_text = clean("\n".join(body + comments) + "\n")[0]
    assert "boats are back" not in from_html
    assert from_text == "\n".join(body)
    assert from_html.replace("\n\n", "\n") == from_text
