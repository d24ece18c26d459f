"""``corpus/subject_words.py``: the words most reports' headlines share name the story's subject."""

from __future__ import annotations

from dataclasses import replace

from storyline.corpus.subject_words import headline, names_subject, subject_words


def test_a_report_without_a_title_is_read_by_its_first_line_of_some_words(make_doc):
    doc = make_doc("By Ann Roe. The fever closed two schools in Calder Bay on Friday.", "2024-05-03", "Wire")
    assert headline(doc) == "The fever closed two schools in Calder Bay on Friday."
    assert headline(replace(doc, title="Calder Bay fever shuts schools")) == "Calder Bay fever shuts schools"


def test_subject_words_are_shared_by_about_as_many_headlines_as_the_most_shared_one(make_doc):
    titles = [
        "Fever spreads in Calder Bay, officials said on Monday",
        "Calder Bay fever: schools close",
        "Fever reaches the harbour",
        "Doctors say the fever is slowing",
    ]
    docs = [
        replace(make_doc(f"Line {i} of a report on the town.", "2024-05-03", f"W{i}"), title=t)
        for i, t in enumerate(titles)
    ]
    words = subject_words(docs)
    assert words == {"fever", "calder", "bay"}  # "said", "monday": no subject; "schools": one report's
    assert names_subject("The county budget holds money for FEVER clinics.", words)
    assert not names_subject("The county budget pays for new roads.", words)
    assert subject_words(docs[:1]) == frozenset()  # one report's words name that report


def test_a_word_few_of_the_reports_headlines_share_names_no_subject(make_doc):
    lines = [
        "Rail crews in Balakliia reopened the station to passenger trains.",
        "Traders in Sviatohirsk reopened the market with goods brought by van.",
        "Firefighters in Kupiansk put out a blaze at a fuel depot.",
        "Teachers in Vovchansk moved lessons online after the school lost its roof.",
        "Doctors in Lyman set up a field clinic inside a sports hall.",
        "Millers in Kozacha Lopan restarted grain deliveries to bakeries.",
        "A ferry began carrying cars across the river for local farmers.",
    ]
    docs = [make_doc(line, "2022-09-10", f"W{i}") for i, line in enumerate(lines)]
    assert subject_words(docs) == frozenset()  # "reopened": two of seven reports, a day's coincidence
    assert subject_words(docs[:4]) == {"reopened"}  # two of four: as wide as any word of theirs
