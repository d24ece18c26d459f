"""Claims and denials told of different times (``corpus/denial_times.py``), on sentences of our own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from builders import build_document
from storyline.corpus.denial_times import last_day, names_only_the_past, told_before_the_claim, told_of_another_time
from storyline.records import Document, Mention, TimeExpression


def dated(text: str, published: str, *times: tuple[str, str]) -> Document:
    """A one-sentence report whose sentence holds the time expressions ``(words, value)``."""
    doc = build_document(text, published=published, source=text[:12])
    s = doc.sentences[0]
    found = tuple(TimeExpression(text.index(w), text.index(w) + len(w), w, "DATE", v, None) for w, v in times)
    return replace(doc, sentences=(replace(s, times=found),))


def mention(doc: Document, status: str, who: str, day: str | None = None) -> Mention:
    return Mention(doc.id, 0, doc.sentences[0].text, status, who, day or doc.published, day is None)  # type: ignore[arg-type]


def told_pair(
    claim: tuple[str, str, str], denial: tuple[str, str, str]
) -> tuple[dict[str, Document], Mention, Mention]:
    """The reports of a claim and a denial, each ``(text, published, speaker)``, and their mentions."""
    said, denied = dated(*claim[:2]), dated(*denial[:2])
    docs = {doc.id: doc for doc in (said, denied)}
    return docs, mention(said, "claimed", claim[2]), mention(denied, "denied", denial[2])


def test_a_decade_or_century_ends_on_its_last_day() -> None:
    assert last_day("198") == date(1989, 12, 31)
    assert last_day("19") == date(1999, 12, 31)
    assert last_day("2011-03") == date(2011, 3, 31)
    assert last_day("PAST_REF") is None


def test_a_claim_naming_only_a_time_long_past_is_history_no_denial_of_today_answers() -> None:
    old = dated(
        "Dissent against the council grew in the late 1970s, a historian says.", "2024-05-02", ("the late 1970s", "197")
    )
    denial = dated("The council denies that Valdorians oppose it.", "2024-04-20")
    docs = {d.id: d for d in (old, denial)}
    assert names_only_the_past(old.sentences[0], old.published, 365)
    assert told_of_another_time(mention(old, "claimed", "a historian"), mention(denial, "denied", "The council"), docs)
    # "since" starts a span that runs on to the report's days
    since = dated(
        "Dissent against the council has grown since the late 1970s, a historian says.",
        "2024-05-02",
        ("the late 1970s", "197"),
    )
    docs[since.id] = since
    assert not told_of_another_time(
        mention(since, "claimed", "a historian"), mention(denial, "denied", "The council"), docs
    )
    # a denial naming a time long past too may answer it
    then = dated("The council denies there was dissent in the 1970s.", "2024-04-20", ("the 1970s", "197"))
    docs[then.id] = then
    assert not told_of_another_time(
        mention(old, "claimed", "a historian"), mention(then, "denied", "The council"), docs
    )


def test_a_denial_of_a_present_state_answers_no_claim_told_months_apart() -> None:
    docs, c, d = told_pair(
        ("Rebels hold the port of Kessel, a resident said.", "2024-03-04", "a resident"),
        ("Officials deny Kessel is under rebel control.", "2024-08-16", "Officials"),
    )
    assert told_of_another_time(c, d, docs)
    assert not told_of_another_time(replace(c, date="2024-08-10"), d, docs)
    # a denial of a deed, not of a present state, answers a claim of any day
    deed = dated("Officials denied shelling the port of Kessel.", "2024-08-16")
    docs[deed.id] = deed
    assert not told_of_another_time(c, mention(deed, "denied", "Officials"), docs)


def test_a_claim_dated_to_a_month_is_as_near_a_denial_as_its_nearest_day() -> None:
    claim = dated("Rebels hold the port of Kessel, a resident said in July.", "2024-08-02")
    denial = dated("Officials deny Kessel is under rebel control.", "2024-08-16")
    docs = {d.id: d for d in (claim, denial)}
    d = mention(denial, "denied", "Officials")
    # July runs to the 31st, 16 days before the denial: no more apart than a state holds
    assert not told_of_another_time(mention(claim, "claimed", "a resident", "2024-07"), d, docs)
    # March ended months before it
    assert told_of_another_time(mention(claim, "claimed", "a resident", "2024-03"), d, docs)


def test_a_denial_out_a_season_before_the_claim_was_first_told_answers_another_claim() -> None:
    docs, c, d = told_pair(
        ("The inquiry's final report said the shipper cut corners to save money.", "2024-11-02", "The final report"),
        ("The shipper denied claims by its insurer that it was reckless.", "2024-03-10", "The shipper"),
    )
    assert told_before_the_claim(c, d, docs)
    # a claim dated, or naming a day, near the denial, or one its origin told first, may be the one answered
    assert not told_before_the_claim(replace(c, date="2024-03"), d, docs)
    quoting = dated(
        "The inquiry faulted the shipper's chief, who said on 2 March: 'We took no risks.'",
        "2024-11-02",
        ("2 March", "2024-03-02"),
    )
    docs[quoting.id] = quoting
    assert not told_before_the_claim(mention(quoting, "claimed", "The inquiry"), d, docs)
    origin = dated("The inquiry said the shipper cut corners.", "2024-03-08")
    docs[origin.id] = origin
    assert not told_before_the_claim(c, d, docs, (origin.id,))
    # a claim retold weeks after the denial ("the row, with the insurer accusing ...") is still the one it answers
    retold = dated("The row grew, with the insurer accusing the shipper of recklessness.", "2024-04-20")
    docs[retold.id] = retold
    assert not told_before_the_claim(mention(retold, "claimed", "the insurer"), d, docs)
    # a denial after the claim answers it
    assert not told_before_the_claim(c, replace(d, document=c.document), docs)
