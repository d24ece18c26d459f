from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from storyline.config import CleanConfig
from storyline.doc.clean import clean_document
from storyline.doc.clean_glued import glued_splits, unglue
from storyline.doc.nlp import paragraphs
from storyline.io.ptb import detokenize
from storyline.io.read import text_document
from storyline.records import Document, Hint

# (text as printed, the line the split puts first): each is a headline, kicker, caption or stamp
# run into the sentence after it.
GLUED = [
    (
        "Ferry service resumes after the storm The first boat left Tarsa harbour at dawn, the operator said.",
        "Ferry service resumes after the storm",
    ),
    (
        "Volunteers fill sandbags along the river wall A second dam on the Vell river was breached on Friday.",
        "Volunteers fill sandbags along the river wall",
    ),
    (
        "HARBOR NEWS Bridge reopens to traffic Drivers crossed the new span on Monday morning.",
        "HARBOR NEWS",
    ),
    (
        "Council rejects tram plan HARBOR MILLS, Ardenia | Tue Jun 30, 2031 1:58 pm EDT HARBOR MILLS (Wire) - "
        "The council voted against the tram line on Tuesday.",
        "Council rejects tram plan",
    ),
    (
        "Tram line vote delayed again Sunday 26 April 2031 18.45 BST Councillors leave the chamber in Tarsa.",
        "Tram line vote delayed again",
    ),
    (
        "Pupils were sent home as a precaution It was the second closure at the school this month.",
        "Pupils were sent home as a precaution",
    ),
    (
        "Photograph: Harbor Daily staff An inquiry into the dam breach opened in Tarsa on Monday.",
        "Photograph: Harbor Daily staff",
    ),
    (
        "Crews will stay out until they are paid Harbor Mills, Ardenia (Wire) -- The ferry strike went on.",
        "Crews will stay out until they are paid",
    ),
    (
        "Crews will stay out until they are paid (Wire) -- The ferry strike entered its third day on Monday.",
        "Crews will stay out until they are paid",
    ),
    (
        "The talks ended without a deal on Monday TARSA, March 3 (Wire) - Ferry owners walked out of the talks.",
        "The talks ended without a deal on Monday",
    ),
]

# Real sentences (and headlines on lines of their own) that no rule may split.
WHOLE = [
    "Barack Obama said the talks would go on.",
    "The mayor met Barack Obama in Tarsa on Monday.",
    "Officials at the Department of Health said the count rose to 40.",
    "The influenza A virus was found in two more pupils, the agency said.",
    "Mr Roe told The Harbor Daily that the dam had held.",
    "BBC News online put the readers' questions to an expert.",
    "Rescuers said 40 people were found alive in the rubble.",
    "HARBOR MILLS (Wire) - The council voted against the tram line on Tuesday.",
    "HARBOR MILLS, Ardenia | Tue Jun 30, 2031 1:58 pm EDT HARBOR MILLS (Wire) - The council voted on Tuesday.",
    "Ferry service resumes after the storm\nThe first boat left Tarsa harbour at dawn.",
    "The storm hit the coast on Monday, and thousands were left without power.",
    "The final drew 2.5 million viewers for Harbor TV Two on Thursday.",
    "Page last updated at 08:58 GMT, Thursday, 24 June 2031 09:58 UK",
    "The harbour master said the count was “still going up.” He said the ferry would wait.",
    "She joined the group Standing Up for Harbor Ferries in 2031.",
    "The old series Tales From the Deep Harbor returns to Tarsa TV this week.",
    "The old series “Tales From the Deep Harbor” returns to Tarsa TV this week.",
    "TARSA, Ardenia (Wire) -- The ferry strike entered its third day on Monday.",
    "March 3 (Wire) - The ferry strike entered its third day.",
]

# Six whole sentences: a line after them is past the first lines (``clean_glued.TOP_LINES``).
_BODY = "\n".join(f"Line {n} of the report ends here." for n in range(6))


@pytest.mark.parametrize(("text", "head"), GLUED)
def test_glued_headline_goes_on_a_line_of_its_own(text: str, head: str) -> None:
    assert unglue(text).split("\n")[0] == head


@pytest.mark.parametrize("text", WHOLE)
def test_sentence_that_starts_with_a_name_is_never_split(text: str) -> None:
    assert unglue(text) == text


def test_highlights_before_a_dateline_go_on_lines_of_their_own() -> None:
    text = (
        "Talks on the ferry strike stall for a third day Harbor union says crews will stay out "
        "“We will not sail until we are paid,” a union official says TARSA, Ardenia (Wire) -- "
        "The ferry strike entered its third day on Monday.\nThe union and the owners met in Tarsa."
    )
    assert unglue(text).split("\n")[:4] == [
        "Talks on the ferry strike stall for a third day",
        "Harbor union says crews will stay out",
        "“We will not sail until we are paid,” a union official says",
        "TARSA, Ardenia (Wire) -- The ferry strike entered its third day on Monday.",
    ]


def test_bulleted_highlights_are_split_before_each_bullet_only() -> None:
    text = (
        "Ferry strike enters third day * Union says Harbor crews stay out * Owners offer talks "
        "TARSA, Ardenia, March 3 (Wire) - The strike entered its third day."
    )
    assert unglue(text).split("\n") == [
        "Ferry strike enters third day",
        "* Union says Harbor crews stay out",
        "* Owners offer talks",
        "TARSA, Ardenia, March 3 (Wire) - The strike entered its third day.",
    ]


def test_a_name_the_report_writes_after_a_word_elsewhere_stays_in_its_highlight() -> None:
    text = (
        "Crews wait for news from mayor Ivo Brand on the strike (Wire) -- The strike went on.\n"
        "The union asked mayor Ivo Brand to meet the owners."
    )
    assert unglue(text).split("\n")[0] == "Crews wait for news from mayor Ivo Brand on the strike"


def test_a_name_after_a_joining_word_is_not_the_datelines_place() -> None:
    text = "Talks stall over the fate of Tarsa (Wire) -- Ferry owners met on Monday."
    assert unglue(text).split("\n") == ["Talks stall over the fate of Tarsa", "(Wire) -- Ferry owners met on Monday."]


def test_link_title_glued_before_a_sentence_is_split_anywhere_in_the_text() -> None:
    text = _BODY + "\nFerry fares rise again Dam talks stall over pay The union leader says the crews will not sail."
    assert unglue(text).split("\n")[-2:] == [
        "Ferry fares rise again Dam talks stall over pay",
        "The union leader says the crews will not sail.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The band played selected A and B sides from their old records.",
        "A faster network for trading data A connected approach to risk and compliance",
        "The union leader met the owners at the harbor The talks went on",
        "The strain is an influenza A virus, the agency said.",
        "The mayor told The Harbor Daily that the dam had held.",
        "She reviewed the novel A tale of two harbours for the paper last week.",
        "The band closed the night with a song called The long road home on the pier.",
    ],
)
def test_line_after_the_top_lines_without_a_link_title_stays_whole(line: str) -> None:
    text = _BODY + "\n" + line
    assert unglue(text) == text


def test_common_word_capitalised_after_the_headline_starts_the_sentence() -> None:
    text = (
        "Quake toll rises in the hills Rescuers said on Sunday that 40 people were found alive.\n"
        "The rescuers kept digging through the night."
    )
    assert unglue(text).split("\n")[:2] == [
        "Quake toll rises in the hills",
        "Rescuers said on Sunday that 40 people were found alive.",
    ]


def test_common_word_is_not_a_sentence_start_when_the_document_capitalises_it_inside_sentences() -> None:
    text = "Crews cleared the road near the Gulf coast Gulf fishermen said on Friday.\nThe gulf was calm."
    assert "\nGulf fishermen" not in unglue(text)


def test_document_title_is_split_from_the_sentence_after_it() -> None:
    text = "Tram plan Harbor Council Votes No Councillors rejected the plan on Tuesday."
    assert unglue(text, title="Tram plan Harbor Council Votes No").split("\n")[0] == "Tram plan Harbor Council Votes No"


def test_glue_after_the_top_lines_is_left() -> None:
    text = _BODY + "\nFerry service resumes after the storm It left at dawn (Wire) -- Boats sailed."
    assert unglue(text) == text


def test_split_makes_the_headline_a_paragraph_of_its_own() -> None:
    text = "Ferry service resumes after the storm The first boat left Tarsa harbour at dawn, the operator said."
    spans = paragraphs(unglue(text))
    assert [text[a:b] for a, b in spans] == [
        "Ferry service resumes after the storm",
        "The first boat left Tarsa harbour at dawn, the operator said.",
    ]


def test_clean_stage_splits_and_keeps_offsets_into_the_text_as_read() -> None:
    raw = "Ferry service resumes after the storm The first boat left Tarsa harbour at dawn .\nIt was full .\n"
    doc = text_document(raw, "ferry.txt")
    cleaned = clean_document(doc, CleanConfig())
    first = cleaned.text.split("\n")[1]
    start = cleaned.text.index(first)
    span = cleaned.text_map.span_to_raw(start, start + len(first))
    assert span is not None
    assert " ".join(raw[span[0] : span[1]].split()).startswith("The first boat left Tarsa harbour at dawn")


def test_clean_stage_removes_the_split_headline_when_it_is_the_title() -> None:
    doc = text_document("Ferry service resumes The first boat left Tarsa harbour at dawn.\nIt was full.", "f.txt")
    doc = replace(doc, hints=(Hint("title", "Ferry service resumes", "manifest"),))
    cleaned = clean_document(doc, CleanConfig())
    assert cleaned.text.startswith("The first boat left")
    assert "Ferry service resumes" in cleaned.boilerplate_removed


def test_split_glued_off_keeps_the_line_whole() -> None:
    doc = text_document("Ferry service resumes after the storm The first boat left at dawn.\nIt was full.", "f.txt")
    assert clean_document(doc, CleanConfig(split_glued=False)).text.startswith(
        "Ferry service resumes after the storm The"
    )


_WORDS = st.sampled_from(
    [
        "The",
        "A",
        "It",
        "ferry",
        "Tarsa",
        "storm",
        "said",
        "HARBOR",
        "NEWS",
        "of",
        "|",
        "Tue",
        "Jun",
        "30,",
        "2031",
        "1:58",
        "pm",
        "EDT",
        "Rescuers",
        "rescuers",
        "left",
        "at",
        "dawn.",
        "In",
        "\n",
        "Photograph:",
        "AP",
        "(Wire)",
        "--",
        "*",
        "“We",
        "go,”",
        "Harbor",
    ]
)


@given(st.lists(_WORDS, max_size=60), st.one_of(st.none(), st.sampled_from(["The ferry", "Tarsa storm"])))
@settings(max_examples=300, deadline=None)
def test_unglue_only_turns_single_spaces_into_line_breaks(words: list[str], title: str | None) -> None:
    text = " ".join(words)
    out = unglue(text, title)
    assert len(out) == len(text)
    changed = [i for i, (a, b) in enumerate(zip(text, out, strict=True)) if a != b]
    assert all(text[i] == " " and out[i] == "\n" for i in changed)
    assert sorted(set(glued_splits(text, title))) == changed
    assert out.replace("\n", " ") == text.replace("\n", " ")


def _lines_kept(doc: Document, cleaned: Document, start: int, end: int) -> list[str]:
    """The printed lines of ``doc.raw_text[start:end]`` that ``cleaned`` keeps a character of. A line
    removed whole is left out: the lines either side of it are joined, by design (tests/doc/test_doc_clean.py
    pins "The bridge reopened on Monday.\nTraffic returned by evening."), so a paragraph's span may hold it."""
    mapped = {cleaned.text_map.to_raw(i) for i in range(len(cleaned.text))}
    lines, at = [], start
    for line in doc.raw_text[start:end].split("\n"):
        if any(at + k in mapped for k, char in enumerate(line) if not char.isspace()):
            lines.append(line)
        at += len(line) + 1
    return lines


@given(st.lists(_WORDS, min_size=1, max_size=40))
@example(["The", "storm", "left", "dawn.", "\n", "AP", "EDT", "dawn.", "Photograph:", "Tarsa", "\n", "It", "said"])
@settings(max_examples=200, deadline=None)
def test_clean_stage_offsets_round_trip_to_the_text_as_read(words: list[str]) -> None:
    raw = " ".join(words) + " ."
    doc = text_document(raw, "t.txt")
    cleaned = clean_document(doc, CleanConfig())
    for a, b in paragraphs(cleaned.text):
        span = cleaned.text_map.span_to_raw(a, b)
        assert span is not None
        assert " ".join(_lines_kept(doc, cleaned, *span)).split() == cleaned.text[a:b].split()


@pytest.mark.parametrize(
    "raw",
    [
        "The go,” Photograph: (Wire) -- .",  # found by hypothesis: an unglued label removed mid-line
        "The dam held.\nPhotograph: Harbor Daily staff An inquiry into the breach opened in Tarsa on Monday.",
    ],
)
def test_lines_either_side_of_removed_junk_are_two_paragraphs_mapped_past_it(raw: str) -> None:
    doc = text_document(raw, "t.txt")
    cleaned = clean_document(doc, CleanConfig())
    spans = paragraphs(cleaned.text)
    assert len(spans) == 2
    for a, b in spans:
        span = cleaned.text_map.span_to_raw(a, b)
        assert span is not None
        assert doc.raw_text[span[0] : span[1]] == cleaned.text[a:b]


@pytest.mark.parametrize(
    ("raw", "head", "body_raw"),
    [
        (
            "Ferry service resumes after the storm The first boat left Tarsa harbour at dawn , the operator said .\n",
            "Ferry service resumes after the storm",
            "The first boat left Tarsa harbour at dawn , the operator said",
        ),
        (
            "Crews will stay out , the union says Tarsa , Ardenia -LRB- Wire -RRB- -- The strike went on .\n",
            "Crews will stay out, the union says",
            "Tarsa , Ardenia -LRB- Wire -RRB- -- The strike went on",
        ),
    ],
)
def test_detokenized_corpus_text_keeps_its_map_after_the_split(raw: str, head: str, body_raw: str) -> None:
    text, text_map = detokenize(raw)
    out = unglue(text)
    first, second = out.split("\n")[:2]
    assert first == head
    start = out.index(second)
    span = text_map.span_to_raw(start, start + len(second.rstrip(".").rstrip()))
    assert span is not None and raw[span[0] : span[1]].strip() == body_raw
