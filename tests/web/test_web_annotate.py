"""The document text with overlapping annotations, cut at every boundary and escaped (no model)."""

from __future__ import annotations

from storyline.web.annotate import render_sentence, render_text


def _sentence(**extra: object) -> dict[str, object]:
    text = "Kyiv said on Sunday <b>it</b> won."
    base: dict[str, object] = {"index": 2, "start": 10, "text": text, "paragraph": 0, "status": "claimed"}
    return {**base, "entities": [], "times": [], "quantities": [], "attributions": [], **extra}


def test_a_time_is_marked_and_followed_by_its_resolved_value() -> None:
    times = [{"start": 23, "end": 29, "text": "Sunday", "type": "DATE", "value": "2022-09-11"}]
    html = render_sentence(_sentence(times=times))
    assert (
        '<span class="time" title="DATE resolved to 2022-09-11">Sunday</span><span class="tv">2022-09-11</span>' in html
    )


def test_overlapping_annotations_split_into_pieces_with_every_class() -> None:
    entities = [{"start": 10, "end": 14, "text": "Kyiv", "label": "GPE"}]
    attributions = [{"source": [10, 14], "cue": [15, 19], "content": [20, 44], "speaker": "Kyiv", "kind": "claim"}]
    html = render_sentence(_sentence(entities=entities, attributions=attributions))
    assert '<span class="ent ent-GPE attr-source" title="GPE; source: Kyiv">Kyiv</span>' in html
    assert '<span class="attr-cue" title="cue: claim">said</span>' in html
    assert "&lt;b&gt;it&lt;/b&gt;" in html and "<b>" not in html


def test_the_sentence_is_an_anchor_and_spans_past_it_are_clipped() -> None:
    attributions = [{"source": None, "cue": [15, 19], "content": [20, 400], "speaker": None, "kind": "claim"}]
    html = render_sentence(_sentence(attributions=attributions))
    assert html.startswith('<span class="sentence said-claimed" id="s2">')
    assert html.endswith("</span></span>")


def test_sentences_are_grouped_into_paragraphs() -> None:
    text = "One. Two.\n\nThree."
    sentences = [
        {"index": 0, "start": 0, "text": "One.", "paragraph": 0},
        {"index": 1, "start": 5, "text": "Two.", "paragraph": 0},
        {"index": 2, "start": 11, "text": "Three.", "paragraph": 1},
    ]
    html = render_text({"text": text, "sentences": sentences})
    assert html.count("<p>") == 2
    assert 'id="s1">Two.</span></p>' in html
