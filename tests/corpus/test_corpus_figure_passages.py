"""A leak's volume told in a passage about another leak (``storyline.corpus.figure_passages``), on our own reports."""

from __future__ import annotations

from storyline.corpus import figure_passages as fp
from storyline.corpus import figures as fg
from storyline.records import Document, Entity, Quantity, Sentence, TextMap

NAMES = frozenset({"harwick", "spill"})  # the story's names, as its headlines share them
MAIN = frozenset({"harwick bay"})
PLACES = ("Harwick Bay", "Dunmore")


def report(lines: list[str], paragraphs: list[int] | None = None, doc_id: str = "r1") -> Document:
    """A report of one sentence a line, each in the paragraph ``paragraphs`` gives (all in one by default), with
    its places tagged and its "<N> barrels" a volume."""
    sentences, at = [], 0
    for i, line in enumerate(lines):
        entities = tuple(Entity(at + line.index(p), at + line.index(p) + len(p), p, "LOC") for p in PLACES if p in line)
        quantities = ()
        if " barrels" in line:
            words = line[: line.index(" barrels") + len(" barrels")].split()[-2:]
            text = " ".join(words)
            start = at + line.index(text)
            value = float(words[0].replace(",", ""))
            quantities = (Quantity(start, start + len(text), text, value, value, value, "barrel", None, None, None),)
        paragraph = paragraphs[i] if paragraphs else 0
        sentences.append(
            Sentence(
                i,
                at,
                at + len(line),
                line,
                paragraph,
                entities=entities,
                quantities=quantities,
                event_date="2031-05-02",
            )
        )
        at += len(line) + 1
    text = "\n".join(lines)
    return Document(
        doc_id, None, text, text, TextMap.identity(len(text)), published="2031-05-02", sentences=tuple(sentences)
    )


OTHER = [
    "The inquiry into the Harwick Bay spill is due to report today.",
    "It comes as crews worked to fix a leak in the 300-mile Norland oil pipeline.",
    "The pipeline carries a tenth of the region's output.",
    "Only an estimated 10 barrels leaked onto the floor of a pump room.",
    "The news came on the eve of the report into the Harwick spill.",
    "Divers say 4,000 barrels leaked from the wreck on Friday.",
]
FILLERS = [report([f"Crews worked on the beaches for a {n}th day."], doc_id=f"f{n}") for n in range(10)]


def passages(doc: Document) -> frozenset[int]:
    return fp.other_leak_passages([doc, *FILLERS], NAMES, MAIN).get(doc.id, frozenset())


def test_a_passage_after_another_named_leak_runs_until_the_report_returns_to_the_story() -> None:
    assert passages(report(OTHER)) == {2, 3}  # the story's name in the fifth sentence ends it


def test_a_volume_in_another_leaks_passage_is_no_point_of_the_story() -> None:
    doc = report(OTHER)
    points = fg.points_of(doc, other_leaks=passages(doc))
    assert [(m, p.value) for m, _, p in points] == [("spilled", 4000)]
    assert [(m, p.value) for m, _, p in fg.points_of(doc)] == [("spilled", 10), ("spilled", 4000)]


def test_a_volume_whose_own_sentence_names_a_place_is_told_for_that_place() -> None:
    lines = [*OTHER[:3], "Only an estimated 10 barrels leaked in Dunmore, the company said."]
    doc = report(lines)
    assert 3 in passages(doc)
    ((_, _, point),) = fg.points_of(doc, other_leaks=passages(doc))
    assert point.value == 10


def test_no_passage_for_the_storys_own_leak_a_name_of_a_tenth_of_its_reports_or_a_return_in_the_naming() -> None:
    own = "It comes as crews worked to fix a leak in the Harwick oil pipeline."  # a name of the story's
    back = "It comes as crews fixed a leak in the Norland oil pipeline, far smaller than the Harwick spill."
    for naming in (own, back):
        assert passages(report([OTHER[0], naming, *OTHER[2:]])) == frozenset()
    common = [report(["Norland crews worked on the beaches."], doc_id=f"n{n}") for n in range(2)]
    doc = report(OTHER)
    assert fp.other_leak_passages([doc, *FILLERS, *common], NAMES, MAIN) == {}  # Norland in 3 of 13 reports


def test_a_passage_ends_with_its_paragraph_and_after_eight_sentences() -> None:
    assert passages(report(OTHER, paragraphs=[0, 0, 0, 1, 1, 1])) == {2}
    long = [*OTHER[:2], *["The pipeline carries oil to the coast."] * 9, "Crews say 10 barrels leaked."]
    assert passages(report(long)) == frozenset(range(2, 10))


def test_the_definite_story_leak_names_no_other() -> None:
    lines = [OTHER[0], "Crews worked to fix the leak in the Norland oil pipeline.", *OTHER[2:]]
    assert passages(report(lines)) == frozenset()
