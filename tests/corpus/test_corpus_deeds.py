"""Who a claim or a denial says did what (``corpus/deeds.py``), on sentences of our own."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.corpus.deeds import Deed, main_clause, party_key, read_deed, sentence_deed, told_as
from storyline.records import Attribution, Entity, Sentence


def sentence(
    text: str, who: str | None, content: str | None, status: str = "claimed", parties: tuple[str, ...] = ()
) -> Sentence:
    """One sentence with its speaker, the attribution's content span and its party entities."""
    ents = tuple(Entity(text.index(p), text.index(p) + len(p), p, "NORP") for p in parties)
    kind = "denial" if status == "denied" else "claim"
    atts = ()
    if content is not None:
        start = text.index(content)
        atts = (Attribution(cue=(0, 1), content=(start, start + len(content)), source=None, speaker=who, kind=kind),)
    return Sentence(0, 0, len(text), text, 0, entities=ents, attributions=atts, status=status, attributed_to=who)  # type: ignore[arg-type]


def test_a_peoples_adjective_at_the_start_of_the_claim_is_the_doer():
    s = sentence(
        "Ostmark said Valdorian warships sank the ferry near the breakwater.",
        "Ostmark",
        "Valdorian warships sank the ferry near the breakwater",
        parties=("Ostmark", "Valdorian"),
    )
    deed = sentence_deed(s)
    assert deed is not None
    assert (deed.doer, deed.doer_text, deed.act) == (
        "valdo",
        "Valdorian warships",
        "sank the ferry near the breakwater",
    )


def test_a_pronoun_in_a_denial_is_the_denier():
    s = sentence(
        "Valdoria denied that its navy had sunk the ferry.",
        "Valdoria",
        "that its navy had sunk the ferry",
        status="denied",
        parties=("Valdoria",),
    )
    deed = sentence_deed(s)
    assert deed is not None and (deed.doer, deed.act) == ("valdo", "sunk the ferry")


def test_a_passive_with_by_names_the_doer_and_one_without_tells_only_the_happening():
    by = read_deed("the ferry had been sunk by Valdorian mines", ["Valdorian"], "Ostmark")
    assert by is not None and (by.doer, by.doer_text, by.act) == ("valdo", "Valdorian mines", "sunk the ferry")
    bare = read_deed("The ferry was sunk off the breakwater on Monday.", [], None)
    assert bare is not None and bare.doer is None and not bare.agentive


def test_a_by_after_the_passive_verbs_clause_is_not_its_doer():
    text = "The pier was swept away last week, and divers sent by Valdoria found no cause."
    deed = read_deed(text, ["Valdoria"], None)
    assert deed is not None and deed.doer is None and not deed.agentive
    assert deed.act == "swept The pier"


def test_a_passive_inside_a_clause_that_hangs_on_another_is_not_the_deed():
    survey = read_deed("The survey compared photographs taken before the pier was swept away with new ones.", [], None)
    assert survey is not None and (survey.verb, survey.agentive) == ("compared", True)  # the main clause
    visit = read_deed("The minister visited Portmere and met families who had been moved inland.", [], None)
    assert visit is not None and visit.verb == "visited"


def test_a_leading_subordinate_clause_is_skipped_for_the_main_one():
    deed = read_deed("After the pier was swept away, Valdorian gunners shelled the quay.", ["Valdorian"], None)
    assert deed is not None and (deed.doer, deed.act) == ("valdo", "shelled the quay")
    assert main_clause("When the tide turned") == "When the tide turned"  # no main clause to find


@given(st.text(max_size=200))
def test_the_main_clause_is_the_end_of_the_text(text: str) -> None:
    assert text.endswith(main_clause(text)) or text.strip().endswith(main_clause(text))


def test_denying_responsibility_is_the_deniers_own_part():
    deed = read_deed("any responsibility for the blast at the depot", [], "the harbour board", denied=True)
    assert deed == Deed("harbo", "the harbour board", None)


def test_were_to_blame_names_a_doer_without_an_act():
    deed = read_deed("claims that Valdorian sailors were to blame", ["Valdorian"], "Valdoria", denied=True)
    assert deed is not None and (deed.doer, deed.act) == ("valdo", None)


def test_a_verb_of_describing_is_read_past_to_the_people_described():
    deed = read_deed("on local radio described Valdorian sailors leaving the port in haste", ["Valdorian"], "X")
    assert deed is not None and (deed.doer, deed.act) == ("valdo", "leaving the port in haste")


def test_a_copula_with_no_blame_is_no_deed():
    assert read_deed("that Ostmark's accusations were a fabrication", ["Ostmark"], "Valdoria", denied=True) is None


def test_a_country_and_its_people_share_a_party_key():
    assert party_key("Valdoria") == party_key("Valdorian forces") == party_key("Valdoria's navy") == "valdo"
    assert party_key("The Ministry") == "minis"
    assert party_key(None) is None


@given(st.text(max_size=200), st.lists(st.text(min_size=1, max_size=12), max_size=3), st.booleans())
def test_reading_any_text_never_fails_and_keys_are_short(text: str, parties: list[str], denied: bool) -> None:
    deed = read_deed(text, parties, "Some Speaker", denied)
    assert deed is None or deed.doer is None or 0 < len(deed.doer) <= 5


def test_who_is_cited_before_the_claim_is_not_its_subject():
    text = "citing an unnamed official, the collapse was caused by Valdorian shelling of the bridge's piers"
    deed = read_deed(text, ["Valdorian"], None)
    assert deed is not None and (deed.doer, deed.act) == ("valdo", "caused the collapse")


def test_a_claim_naming_the_doer_and_a_plain_report_without_one_are_told_apart():
    claim = sentence(
        "Ostmark said Valdorian warships sank the ferry near the breakwater.",
        "Ostmark",
        "Valdorian warships sank the ferry near the breakwater",
        parties=("Ostmark", "Valdorian"),
    )
    assert told_as(claim) == "doer"
    assert told_as(sentence("The ferry was sunk near the breakwater on Monday.", None, None, "reported")) == "plain"
    assert told_as(sentence("The ferry sailed from the breakwater on Monday.", None, None, "reported")) is None
    assert (
        told_as(sentence("Ostmark said the ferry was sunk on Monday.", "Ostmark", "the ferry was sunk", "claimed"))
        is None
    )


def test_an_honorific_is_no_party_name():
    assert party_key("Dr Ivo Brand") == party_key("Ivo Brand") == "ivo"
    assert party_key("Ms Roe") != party_key("Ms Berg")


def test_a_passive_with_also_before_its_verb_is_still_a_passive():
    deed = read_deed("Ms Roe's samples were also sent to the capital for testing.", ["Ms Roe"], None)
    assert deed is not None and deed.doer is None and not deed.agentive


def test_what_could_happen_is_told_as_possible_not_as_done():
    could = read_deed("that Valdoria could split into three parts", ["Valdoria"], None, denied=True)
    assert could is not None and could.doer == "valdo" and could.possible
    done = read_deed("that Valdoria split the province into three parts", ["Valdoria"], None, denied=True)
    assert done is not None and not done.possible
    past = read_deed("that Valdorian gunners could have fired the shot", ["Valdorian"], None, denied=True)
    assert past is not None and not past.possible


def test_a_participle_after_an_infinitive_describes_its_object_and_tells_no_deed():
    assert read_deed("new powers to isolate infected people", [], None) is None
    loyal = read_deed("Forces loyal to Valdoria shelled the port", ["Valdoria"], None)
    assert loyal is not None and loyal.act == "shelled the port"  # a subject ending on "to" + a name


def test_a_verb_of_undergoing_names_no_doer():
    parties = ["Harbour League"]
    deed = read_deed("that Harbour League had lost any attack boats during the mission", parties, "Bram Holt")
    assert deed is not None and (deed.doer, deed.verb, deed.agentive) == (None, "lost", False)
    sank = read_deed("that Harbour League had sunk any fishing boats during the mission", parties, "Bram Holt")
    assert sank is not None and sank.doer == party_key("Harbour League")
