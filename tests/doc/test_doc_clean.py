from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from storyline.config import CleanConfig, Config
from storyline.doc.clean import build, clean_document
from storyline.io.ptb import looks_tokenized
from storyline.io.read import text_document
from storyline.records import Hint

CONFIG = CleanConfig()

JUNK = [
    # cross-links
    "SEE ALSO: Five ways to keep a garden green through a dry summer",
    "Read more: Council votes on the new tram line",
    "Related: Ferry timetable changes",
    "Related stories",
    "» How the river crossing was rebuilt",
    # media and player controls
    "Listen to this story",
    "Play",
    "Pause",
    "Watch: The mayor opens the bridge",
    "0:45",
    "0:45 / 2:10",
    "Listen (4 min)",
    # page widgets
    "Font size",
    "A A A",
    "Print",
    "Share",
    "Share this article",
    "Comments (7)",
    "7 comments",
    "Facebook Twitter WhatsApp Email",
    "Back to top",
    # appeals
    "Support independent journalism — donate today",
    "Subscribe now",
    "Sign up for our morning newsletter",
    "Become a member and read without limits",
    "Keep the harbor paper going — become a supporter today",
    "Enjoyed this story? Subscribe for more",
    # social follows
    "Follow us on Telegram and X",
    "Join our WhatsApp channel for updates",
    # image credits
    "Photo: Jane Roe / Meridian Wire",
    "Credit: City council handout",
    "Photo: Crews lift the last span into place on the bridge east of the old town. / Credit: Harbor Daily",
    "Volunteers stack sandbags along the river wall below the old mill on the east bank. Photo: Harbor Daily staff",
    # tracking tokens
    "utm_source=harbor&utm_medium=rss&trk=9f3ac2e1",
    "https://meridian.example/a/bridge?ref=home",
    "a8F3k2Lq9ZxW4tR7mN1v",
    "trk=ab12cd",
    # consent notices
    "We use cookies to improve your experience.",
    "Accept all",
    "Manage preferences",
    # staff credits
    "(Reporting by Dana Kovacs; Editing by Martin Hale)",
    "(Reporting by Dana Kovacs in Kyiv and Tom Lee in Moscow; Writing by Ann Roe; Editing by Ben Cole and Sue Hart)",
    "Reporting by Dana Kovacs; editing by Martin Hale",
    # ads
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Sponsored content",
]

PROSE = [
    "Residents shared photos of the damaged bridge.",
    "The mayor said the council would print new maps.",
    "Volunteers handed out cookies and tea at the station.",
    "Officials said they would follow up on the reports.",
    "Thousands donated blood at the city hospital.",
    "Related fighting was reported further south.",
    "Watch crews worked through the night.",
    "The ministry posted a video of the crossing.",
    "Register of war damage opens in Kharkiv",
    "Support for the ceasefire grew in a new poll.",
    "The club's plea: become a member of the league.",
    "Crews worked late — subscribers lost power for hours.",
    '"Follow the rules," the officer told drivers on Telegram.',
    "Play resumed after a short delay, the referee said.",
    "9:45",
    "Kharkiv-2022",
    "The advertisement ran in three newspapers, the agency said.",
    "Day 1: troops entered the town",
    "Day 2: troops entered the city",
    "Reporting by local journalists has slowed since the blackout began.",
    "Writing by hand, the clerks recorded every name.",
    "The agency released new images on Monday. Photo analysts said the crater was fresh, the agency said.",
]


def clean(text: str, title: str | None = None) -> tuple[str, tuple[str, ...]]:
    doc = text_document(text, "test.txt")
    if title is not None:
        doc = replace(doc, hints=(Hint("title", title, "header"),))
    out = clean_document(doc, CONFIG)
    return out.text, out.boilerplate_removed


@pytest.mark.parametrize("line", JUNK)
def test_junk_line_is_removed(line: str) -> None:
    text, removed = clean(f"The bridge reopened on Monday.\n{line}\nTraffic returned by evening.\n")
    assert removed == (line,)
    assert text == "The bridge reopened on Monday.\nTraffic returned by evening."


@pytest.mark.parametrize("line", PROSE)
def test_ordinary_line_is_kept(line: str) -> None:
    text, removed = clean(f"The bridge reopened on Monday.\n\n{line}\n")
    assert removed == ()
    assert line in text


def test_long_line_is_not_junk_even_with_a_junk_word() -> None:
    line = "Share prices of the three ferry companies fell sharply on Monday after the bridge reopened"
    assert clean(f"First line.\n{line}\n")[1] == ()


def test_line_repeating_the_title_is_removed() -> None:
    title = "Bridge reopens after two weeks of repairs in the old town"
    text, removed = clean(f"{title}\n\nCrews finished work on Monday.\n", title=title)
    assert removed == (title,)
    assert text == "Crews finished work on Monday."


def test_caption_printed_twice_keeps_the_first() -> None:
    caption = "Workers walk across the rebuilt bridge at dawn on the first day it was open to everyone again"
    text, removed = clean(f"Intro line.\n\n{caption}\n\n{caption}\n\nLast line.\n")
    assert removed == (caption,)
    assert text == f"Intro line.\n\n{caption}\n\nLast line."


def test_long_caption_ending_with_its_credit_is_removed_both_times() -> None:
    caption = "Volunteers stack sandbags along the river wall in the lower town on Sunday. Photo: Valley Courier staff"
    text, removed = clean(f"Intro line.\n\n{caption}\n\nMiddle line.\n\n{caption}\n\nLast line.\n")
    assert removed == (caption, caption)
    assert text == "Intro line.\n\nMiddle line.\n\nLast line."


def test_long_sentence_with_a_credit_word_inside_is_kept() -> None:
    line = "The council published a photo of the river wall on Sunday. Credit for the repairs went to the volunteers."
    assert clean(f"First line.\n{line}\n")[1] == ()


def test_near_repeat_of_a_short_line_is_removed() -> None:
    _, removed = clean("Workers cross the new bridge at dawn.\nWorkers cross the new bridge at dawn\nEnd.\n")
    assert removed == ("Workers cross the new bridge at dawn",)


def test_paragraph_structure_is_kept_after_removing_a_whole_paragraph() -> None:
    text, removed = clean("First paragraph.\n\nAdvertisement\n\nSecond paragraph.\n\nShare\n")
    assert removed == ("Advertisement", "Share")
    assert text == "First paragraph.\n\nSecond paragraph."


def test_max_junk_words_is_configurable() -> None:
    doc = text_document("Intro.\nSubscribe now\nEnd.\n", "t.txt")
    assert clean_document(doc, CleanConfig(max_junk_words=1)).boilerplate_removed == ()


def test_stage_is_built_with_its_contract() -> None:
    stage = build(Config())
    assert (stage.name, stage.requires, stage.provides) == ("clean", ("read",), ("clean",))
    doc = text_document("Intro.\nPrint\n", "t.txt")
    assert stage(doc).boilerplate_removed == ("Print",)


def test_clean_on_html_text_keeps_it_unmapped() -> None:
    doc = text_document("Intro.\nShare\nEnd.\n", "t.txt")
    from storyline.textmap import TextMap

    doc = replace(doc, text_map=TextMap.unmapped(), format="html")
    out = clean_document(doc, CONFIG)
    assert out.text == "Intro.\nEnd."
    assert not out.text_map.mapped


_line = st.one_of(
    st.sampled_from(JUNK),
    st.sampled_from(PROSE),
    st.just(""),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60),
)


@settings(max_examples=200, deadline=None)
@given(header=st.booleans(), lines=st.lists(_line, max_size=25))
def test_clean_only_removes_whole_lines_and_keeps_the_offset_map(header: bool, lines: list[str]) -> None:
    body = "\n".join(lines)
    if not body.strip():
        return
    # Text that reads as Penn Treebank tokens ("-LRB-", "``", "n't") is joined back by the reader, so
    # its characters differ from the raw ones by design (tests/io/test_io_ptb.py); clean is tested here.
    assume(not looks_tokenized(body))
    raw = ("title: A headline\nsource: Meridian Wire\n\n" if header else "") + body
    doc = text_document(raw, "prop.txt")
    out = clean_document(doc, CONFIG)
    # never adds text: the kept lines are lines of the input, in order
    kept = [line.rstrip() for line in out.text.split("\n") if line.strip()]
    before = [line.rstrip() for line in doc.text.split("\n") if line.strip()]
    assert len(out.text) <= len(doc.text)
    # removed and kept lines account for every non-blank line
    assert len(kept) + len(out.boilerplate_removed) == len(before)
    pos = 0
    for line in kept:
        pos = before.index(line, pos) + 1
    # every kept character maps back to the same character of the raw text
    for i, char in enumerate(out.text):
        raw_offset = out.text_map.to_raw(i)
        assert raw_offset is not None and raw[raw_offset] == char


@pytest.mark.parametrize(
    "caption",
    [
        "Ferry passengers wear life jackets on the upper deck in Harwick Bay March 3, 2031.",
        "A ranger checks a trail sign near the flooded ford in Eastmoor on Sept. 14, 2030.",
        "A baker shapes loaves at a stall in the old market in this May 8, 2029 file photo.",
    ],
)
def test_a_dated_photo_caption_above_the_dateline_is_removed(caption: str) -> None:
    body = "HARWICK | Tue Mar 4, 2031 9:10 am EST HARWICK (Coast Wire) - The ferry service resumed on Tuesday."
    text, removed = clean(f"{caption}\n{body}\n")
    assert removed == (caption,)
    assert text == body


def test_a_dated_sentence_that_is_not_above_a_dateline_is_kept() -> None:
    line = "The harbour board signed the lease for the ferry pier on March 3, 2031."
    assert clean(f"{line}\nThe ferry service resumed on Tuesday.\n")[1] == ()
    body = "HARWICK (Coast Wire) - The ferry service resumed on Tuesday."
    assert clean(f"{body}\n{line}\nCAPTAINS | More to follow.\n")[1] == ()  # not the first line
    said = "The ferry will run again from March 3, 2031, the harbour board said."
    assert clean(f"{said}\n{body}\n")[1] == ()
