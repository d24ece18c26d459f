"""Mark each sentence as reported, claimed, unverified, confirmed or denied, and by whom.

Rule-based because there is no attribution model that runs offline. The cues are found by
``attribution_cues`` (regex over the sentence, or spaCy's dependency parse when tokens are present);
this module resolves speakers ("he", "the governor") across the document and sets the status. With the
learned layers on, the stage then has ``attribution_tagger`` take off the sources it rejects, and
``attribution_spans`` give sources to attributions that have none; ``attribution_merge`` gives two
attributions whose sources overlap the longer span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from storyline.config import Config
from storyline.doc.attribution_checks import find_confirmations, find_hedges, refers_back, verification_detail
from storyline.doc.attribution_citing import relayed
from storyline.doc.attribution_cues import CLAUSE_CUE_LEMMAS, CUE_LEMMAS, DENIAL_LEMMAS, find_attributions
from storyline.doc.attribution_documents import POSSESSED_OFFICE, is_document_claim
from storyline.doc.attribution_force import covers_more_than_one, remember_name, sort_by_force, stands_for
from storyline.doc.attribution_hedge_links import link_closing_hedges
from storyline.doc.attribution_labels import with_labels
from storyline.doc.attribution_learned import (
    CueModel,
    cue_model,
    forget_candidates,
    learned_attributions,
    source_model,
)
from storyline.doc.attribution_merge import merge_sources
from storyline.doc.attribution_parse import FIRST_PERSON, colon_report, parse_attributions
from storyline.doc.attribution_quote_frames import quote_frames
from storyline.doc.attribution_source_moves import forget_moves, move_sources, moved, remember_moved
from storyline.doc.attribution_spans import added_sources, load_span_model
from storyline.doc.attribution_speakers import HE_SHE, PERSON_NAME, RELAYED, ROLES, THEY_IT, normalize_source
from storyline.doc.attribution_tagger import checked_sources, load_tagger
from storyline.doc.attribution_tree import (
    children_of,
    forget_parses,
    lemma_of,
    quoted_spans,
    unreal,
    without_demonstrative,
)
from storyline.doc.speech_patterns import may_hold
from storyline.pipeline import Stage
from storyline.records import Attribution, Document, Sentence, Status, Token, changed

# The outlet speaking of itself; another outlet's name counts as the outlet only when the document's
# own outlet is unknown ("The Arden News Agency reported" in a Harbor Daily story is a claim).
_SELF = re.compile(
    r"^(?:we|us|our\b.*|this\s+(?:newspaper|outlet|agency|publication|reporter)|the\s+(?:newspaper|outlet))$", re.I
)
_NAMED_OUTLET = re.compile(r"\b(?:Wire|News|Times|Post|Press|Journal|Herald|Tribune|Gazette|Reuters|AFP)\b")
# Checks by bodies that are not a party to the story: monitors, inspectors, auditors, the Red Cross.
_INDEPENDENT = re.compile(
    r"\b(?:independent|monitors?|observers?|inspectors?|auditors?|forensic|fact[- ]check\w*|watchdog\w*|"
    r"researchers|lab|laboratory|institute|red\s+cross|red\s+crescent|united\s+nations|"
    r"world\s+health\s+organi[sz]ation)\b",
    re.I,
)
_INDEPENDENT_ACRONYM = re.compile(r"\b(?:UN|OSCE|IAEA|WHO)\b")
_ROLE_WORD = "|".join(ROLES)
_NAME = r"[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2}"
_TITLE_NAME = re.compile(rf"\b(?P<role>(?i:{_ROLE_WORD}))\s+(?P<name>{_NAME})")
_NAME_ROLE = re.compile(rf"(?P<name>{_NAME}),\s+(?i:the\s+|a\s+)?(?:[\w'’-]+\s+){{0,3}}?(?P<role>(?i:{_ROLE_WORD}))\b")
_ROLE_COMMA_NAME = re.compile(rf"\b(?P<role>(?i:{_ROLE_WORD})),\s+(?P<name>{_NAME})\b")
# one character class first (the letters a role starts with, either case, and those (?i) folds to
# them), so that the search on every sentence skips ahead fast; the matches are the same
_ROLE_FIRST = "".join(sorted({c for w in ROLES for c in (w[0].lower(), w[0].upper())})) + "ſıİK"
_ANY_ROLE = re.compile(rf"(?=[{_ROLE_FIRST}])\b(?i:{_ROLE_WORD})\b")
_ROLE_LITERALS = tuple(ROLES)
_REPORT_LEMMAS = CUE_LEMMAS | CLAUSE_CUE_LEMMAS
_PRONOUN_OF = {"his": "he", "her": "she"}


@dataclass
class SpeakerContext:
    """What earlier sentences of a document say about who is who."""

    roles: dict[str, str] = field(default_factory=dict)  # "governor" -> "Oleh Synehubov"
    last_person: str | None = None  # last PERSON entity, when the document has entities
    last_named: str | None = None  # last speaker who looks like a person's name
    last_speaker: str | None = None
    previous_speaker: str | None = None  # the speaker of the sentence just before, if it had one
    names: dict[str, str] = field(default_factory=dict)  # "Zelensky" -> "President Volodymyr Zelensky"
    has_entities: bool = False


def is_outlet(speaker: str | None, outlet: str | None = None) -> bool:
    """Whether a speaker is the reporting outlet itself ("Meridian Wire", "we", "this newspaper")."""
    if speaker is None:
        return True
    speaker = RELAYED.sub("", speaker) or speaker  # "analysts cited by <the outlet>" are the analysts
    if outlet and outlet.lower() in speaker.lower():
        return True
    if _SELF.match(speaker.strip()) is not None:
        return True
    return not outlet and _NAMED_OUTLET.search(speaker) is not None


def is_independent(speaker: str | None) -> bool:
    """Whether a checker is independent of the parties: "UN monitors", "an independent auditor"."""
    if speaker is None:
        return False
    return _INDEPENDENT.search(speaker) is not None or _INDEPENDENT_ACRONYM.search(speaker) is not None


def learn_roles(text: str, roles: dict[str, str]) -> None:
    """Record people introduced with a role: "Governor Oleh Synehubov", "Oleh Synehubov, the governor"."""
    if not may_hold(text, _ROLE_LITERALS, _ANY_ROLE) or _ANY_ROLE.search(text) is None:
        return
    for pattern in (_TITLE_NAME, _NAME_ROLE, _ROLE_COMMA_NAME):
        for m in pattern.finditer(text):
            if pattern is _TITLE_NAME and not m.group("role")[0].isupper():
                continue
            roles[m.group("role").lower()] = m.group("name")


def resolve_speaker(source: str, ctx: SpeakerContext) -> str:
    """The speaker a source refers to: pronouns and "the governor" resolve to earlier named people."""
    text = normalize_source(source)
    low = text.lower()
    if low in HE_SHE:
        if ctx.previous_speaker and PERSON_NAME.match(ctx.previous_speaker):
            return ctx.previous_speaker  # "X said ... . He added ...": the speaker goes on
        found = ctx.last_person if ctx.has_entities else ctx.last_named
        return stands_for(found or ctx.last_speaker or text, ctx.names)
    if low in THEY_IT:
        return ctx.last_speaker or text
    words = low.split()
    if words[0] in ("the", "a") and words[-1] in ROLES and words[-1] in ctx.roles:
        return ctx.roles[words[-1]]
    found = stands_for(text, ctx.names)
    if found.lower() in HE_SHE | THEY_IT:
        return resolve_speaker(found, ctx)  # "pictures they released"
    owned = POSSESSED_OFFICE.match(found)
    # "video released by his office": the office's owner, as "he" would be
    return resolve_speaker(_PRONOUN_OF[owned.group("owner").lower()], ctx) if owned is not None else found


_NOT_A_CUE = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


_QUOTE_END = re.compile(r"[\"”’']\s*$")
_BARE_CUE_DEPS = frozenset({"punct", "advmod", "npadvmod", "prep", "pobj", "det", "compound", "amod"})


def _after_quote(sentence: Sentence, previous: Sentence | None) -> list[Attribution]:
    """ "Trump asked." after a quote that ended with "?" or "!" (the splitter cut there): the quote is
    what was said, when this sentence is only a source, a reporting verb and adverbials."""
    if previous is None or previous.paragraph != sentence.paragraph or not _QUOTE_END.search(previous.text):
        return []
    tokens = sentence.tokens
    roots = [i for i, t in enumerate(tokens) if t.head == i]
    if len(roots) != 1 or tokens[roots[0]].lemma.lower() not in _REPORT_LEMMAS:
        return []
    cue, children = tokens[roots[0]], children_of(tokens)
    subj = [c for c in children[roots[0]] if tokens[c].dep == "nsubj"]
    rest = [c for c in children[roots[0]] if tokens[c].dep not in _BARE_CUE_DEPS and c not in subj]
    if len(subj) != 1 or rest or tokens[subj[0]].text.lower() in FIRST_PERSON:
        return []
    ids, stack = [], [subj[0]]
    while stack:
        ids.append(stack.pop())
        stack.extend(children[ids[-1]])
    source = (min(tokens[j].start for j in ids), max(tokens[j].end for j in ids))
    speaker = sentence.text[source[0] - sentence.start : source[1] - sentence.start]
    denial = cue.lemma.lower() in DENIAL_LEMMAS
    return [
        Attribution(
            cue=(cue.start, cue.end),
            content=(previous.start, previous.end),
            source=source,
            speaker=speaker,
            kind="denial" if denial else "claim",
        )
    ]


def _verb_cue(sentence: Sentence, a: Attribution) -> bool:
    """Whether the parse agrees that a one-word cue found by pattern is a verb that reports something:
    not a noun ("small states"), not a participle used as an adjective ("the confirmed deaths"), not
    only possible ("can say")."""
    words = [i for i, t in enumerate(sentence.tokens) if t.start < a.cue[1] and a.cue[0] < t.end]
    if len(words) != 1:
        return True
    tok = sentence.tokens[words[0]]
    return (
        tok.pos not in _NOT_A_CUE
        and not (tok.dep == "amod" and not _verb_misread_as_modifier(sentence.tokens, words[0]))
        and not unreal(sentence.tokens, children_of(sentence.tokens), words[0])
    )


def _verb_misread_as_modifier(tokens: Sequence[Token], i: int) -> bool:
    """Whether a word the parse calls a noun's modifier is a verb: its noun is conjoined to a verb, as
    the small model reads "who blamed the storm and dismissed claims that ..." (claims -> blamed)."""
    noun = tokens[tokens[i].head]
    return noun.dep == "conj" and tokens[noun.head].pos in ("VERB", "AUX") and i < tokens[i].head


def _parsed_claims(
    sentence: Sentence, previous: Sentence | None, quoted: list[tuple[int, int]]
) -> tuple[list[Attribution], list[Attribution]]:
    """The parse's reports, then the patterns' ones whose cue the parse did not use; and the stances,
    which do not decide the status. A stance inside a quotation ("I think", "they want") is part of
    the quoted speaker's words and is dropped; a first-person one outside ("I told the judge") is kept."""
    reports, stances = parse_attributions(sentence)
    claims = reports or _after_quote(sentence, previous)
    for a in find_attributions(sentence.text, sentence.start):
        clash = any(c.cue[0] < a.cue[1] and a.cue[0] < c.cue[1] for c in claims)
        if not clash and _verb_cue(sentence, a):
            claims.append(a)
    for a in quote_frames(sentence, quoted):  # "“Go home,” Roe barked": a verb outside the lists
        if not any(c.cue[0] < a.cue[1] and a.cue[0] < c.cue[1] for c in (*claims, *stances)):
            claims.append(a)
    claims = [_relative_antecedent(sentence, a) for a in claims]
    own_words = [a for a in claims if a.speaker is not None and a.speaker.lower() in FIRST_PERSON]
    claims = [a for a in claims if a not in own_words]
    used = [a.cue for a in claims]
    stances = [a for a in (*stances, *own_words) if not any(s < a.cue[1] and a.cue[0] < e for s, e in used)]
    inside = [(sentence.start + s, sentence.start + e) for s, e in quoted]
    stances = [a for a in stances if not any(s <= a.cue[0] < e for s, e in inside)]
    outer = [a for a in claims if not any(s <= a.cue[0] < e for s, e in inside)]
    if outer:  # "“The army said the bridge fell,” the mayor said": the mayor says all of it
        claims = outer
    claims, stances = relayed(sentence, claims, stances, inside)  # "X, citing Y, said": X's, via Y
    # "Weaver told CNN that he believes ...": a thought or a stance inside what someone else says or
    # holds is part of that content (PolNeAR marks the outer one only); a nested saying ("X said Y told
    # him") or an owned cue noun ("the mayor's claim") stays an attribution.
    held = [a.content for a in (*claims, *stances) if a.source is not None]
    claims = [a for a in claims if not _nested(sentence, a, held)]
    stances = [a for a in stances if not _nested(sentence, a, held)]
    return sorted(claims, key=lambda a: a.cue), sorted(stances, key=lambda a: a.cue)


_RELATIVE = re.compile(r"^(?:who|which)\b", re.I)


def _relative_antecedent(sentence: Sentence, a: Attribution) -> Attribution:
    """A pattern's source that is a relative clause ("Dmitry Peskov, who blamed Kyiv and dismissed ..."):
    the source is the relative pronoun, as written, and the speaker the noun the clause hangs on, words
    before it included ("Kremlin spokesman Dmitry Peskov"); when the parse shows no such noun, there
    is no speaker rather than a clause."""
    if a.source is None or not _RELATIVE.match(a.speaker or ""):
        return a
    tokens = sentence.tokens
    who = next((i for i, t in enumerate(tokens) if t.start == a.source[0]), None)
    verb = tokens[who].head if who is not None else None
    if who is None or verb is None or tokens[verb].dep != "relcl" or tokens[verb].head >= verb:
        return replace(a, source=None, speaker=None)
    pronoun = (tokens[who].start, tokens[who].end)
    noun, children = tokens[verb].head, children_of(tokens)
    ids, stack = [], [noun]
    while stack:
        j = stack.pop()
        if j <= noun:
            ids.append(j)
            stack.extend(c for c in children[j] if c != verb)
    start = min(tokens[j].start for j in ids if tokens[j].pos != "PUNCT")
    speaker = sentence.text[start - sentence.start : tokens[noun].end - sentence.start]
    return replace(a, source=pronoun, speaker=speaker)


def _nested(sentence: Sentence, a: Attribution, held: list[tuple[int, int]]) -> bool:
    """Whether ``a`` is a thought or stance verb whose cue lies inside another attribution's content;
    an owned cue noun ("the mayor's criticism") and "according to X" name a nested source of their own."""
    if not any(s <= a.cue[0] < e for s, e in held):
        return False
    words = [t for t in sentence.tokens if t.start < a.cue[1] and a.cue[0] < t.end]
    if len(words) == 2 and words[0].text.lower() == "according":
        return False  # "X said that, according to the log, the ferry left": the log is a source too
    return len(words) != 1 or (words[0].pos != "NOUN" and lemma_of(words[0]) not in CUE_LEMMAS)


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


@dataclass(frozen=True)
class Verdict:
    status: Status
    speaker: str | None  # as written, before resolution
    detail: str | None
    attributions: tuple[Attribution, ...]
    refers_back: bool = False
    stances: tuple[Attribution, ...] = ()  # those of ``attributions`` that did not decide the status


def judge_sentence(
    text: str, offset: int = 0, outlet: str | None = None, claims: list[Attribution] | None = None
) -> Verdict:
    """The status of one sentence string; ``claims`` overrides the regex cue finder (dependency parse)."""
    claims = find_attributions(text, offset) if claims is None else claims
    hedges = find_hedges(text, offset)
    checks = [c for c in find_confirmations(text, offset) if is_outlet(c.speaker, outlet) or is_independent(c.speaker)]
    quoted = [q.span() for q in _QUOTED.finditer(text)] if '"' in text or "“" in text else []  # most have none
    party = sorted(
        (a for a in claims if not is_outlet(a.speaker, outlet)),
        key=lambda a: any(s <= a.cue[0] - offset < e for s, e in quoted),  # "“X maintained ...,” she said": she
    )
    every = tuple(sorted((*claims, *hedges, *checks), key=lambda a: a.cue))
    speaker = party[0].speaker if party else None
    if checks:
        checker = outlet if outlet and is_outlet(checks[0].speaker, outlet) else checks[0].speaker or outlet
        return Verdict("confirmed", checker, verification_detail(text), every)
    if hedges:
        back = any(refers_back(text, h, offset) for h in hedges) and (
            not party or any(covers_more_than_one(text[h.content[0] - offset : h.content[1] - offset]) for h in hedges)
        )
        return Verdict("unverified", speaker, None, every, back)
    denials = [a for a in party if a.kind == "denial" and not _denies_an_earlier_sentence(text, a, party, offset)]
    if denials:
        return Verdict("denied", denials[0].speaker, None, every)
    return Verdict("claimed" if party else "reported", speaker, None, every)


def _denies_an_earlier_sentence(text: str, denial: Attribution, party: list[Attribution], offset: int) -> bool:
    """ "Kyiv rejects that and says its own troops held the bridge": a denial of "that" or "the claim",
    by a speaker who goes on to claim something in the same sentence, denies what an earlier sentence
    said; this sentence is the speaker's claim, not a denial of its own content."""
    return refers_back(text, denial, offset) and any(
        a.kind == "claim" and a.speaker == denial.speaker and a.cue[0] > denial.cue[0] for a in party
    )


def judge_parsed(
    sentence: Sentence,
    outlet: str | None,
    previous: Sentence | None = None,
    quoted: list[tuple[int, int]] | None = None,
) -> Verdict:
    """The status of one sentence of a document, from its parse when it has one; ``quoted`` are its
    quotations (local offsets), ``previous`` the sentence before it."""
    if not sentence.tokens:
        return judge_sentence(sentence.text, sentence.start, outlet)
    claims, stances = sort_by_force(sentence, *_parsed_claims(sentence, previous, quoted or []))
    if claims or stances:  # the status and speaker are read from moved sources
        every = tuple(without_demonstrative(sentence, a) for a in moved(sentence, [*claims, *stances]))  # "That said"
        remember_moved(every)  # the stage's later pass moves only the attributions added since
        claims, stances = list(every[: len(claims)]), list(every[len(claims) :])
    verdict = judge_sentence(sentence.text, sentence.start, outlet, claims)
    taken = [a.cue for a in verdict.attributions]
    extra = [a for a in stances if not any(s < a.cue[1] and a.cue[0] < e for s, e in taken)]
    every = tuple(sorted((*verdict.attributions, *extra), key=lambda a: a.cue))
    v = verdict  # built directly: dataclasses.replace costs more than the fields it copies
    return Verdict(v.status, v.speaker, v.detail, every, refers_back=v.refers_back, stances=tuple(extra))


def _learn(sentence: Sentence, ctx: SpeakerContext, speaker: str | None) -> None:
    people = [e.text for e in sentence.entities if e.label == "PERSON"]
    if people:
        ctx.last_person = people[-1]
    for person in people:
        remember_name(person, ctx.names, first=True)
    # "President Volodymyr Zelensky" is the person "Volodymyr Zelensky" when the parse found him
    ctx.previous_speaker = next((p for p in people if speaker and p in speaker), speaker)
    if speaker is not None:
        ctx.last_speaker = speaker
        if PERSON_NAME.match(speaker) or speaker in ctx.roles.values():
            ctx.last_named = speaker
            remember_name(speaker, ctx.names)


def _earlier_people(sentence: Sentence, verdict: Verdict, ctx: SpeakerContext) -> None:
    """PERSON entities of this sentence that come before its speaker count for "he" and "she"."""
    first = next((a.source for a in verdict.attributions if a.source is not None), None)
    before = [e.text for e in sentence.entities if e.label == "PERSON" and first and e.end <= first[0]]
    if before:
        ctx.last_person = before[-1]


_MAX_QUOTE_SENTENCES = 8  # a quotation introduced by "He said:" is followed this far at most
_WHOLE_QUOTE = re.compile(r"^[\"“][^\"“”]+[\"”]$")


def continues_quote(sentence: Sentence, verdict: Verdict, previous: Sentence | None) -> bool:
    """A sentence that is only a quotation, with no cue of its own, goes on with the speaker of the
    sentence before it in the paragraph: "“The bridge is gone,” the mayor said. “We are cut off.”"."""
    if previous is None or previous.attributed_to is None or previous.status not in ("claimed", "denied"):
        return False
    whole = _WHOLE_QUOTE.match(sentence.text.strip()) is not None
    return whole and verdict.status == "reported" and not verdict.attributions


def attribute_document(doc: Document, model: CueModel | None = None, sources: CueModel | None = None) -> Document:
    """Set status, attributed_to, status_detail and attributions on every sentence; ``model`` adds the
    attributions the rules miss (as stances, which leave the status alone) and drops weak rule claims
    from the list, and ``sources`` chooses the sources of those it adds."""
    forget_parses()  # what the layers share lives for one document: its tagger and orphans read it after
    forget_candidates()
    forget_moves()
    ctx = SpeakerContext(has_entities=any(s.entities for s in doc.sentences))
    out: list[Sentence] = []
    open_quote, paragraph = False, None
    for k, sentence in enumerate(doc.sentences):
        learn_roles(sentence.text, ctx.roles)
        # a quotation continued over several sentences is open until it closes, within its paragraph
        quoted, open_quote = quoted_spans(sentence.text, open_quote and sentence.paragraph == paragraph)
        paragraph = sentence.paragraph
        verdict = judge_parsed(sentence, doc.source, out[-1] if out else None, quoted)
        _earlier_people(sentence, verdict, ctx)
        who = resolve_speaker(verdict.speaker, ctx) if verdict.speaker else None
        previous = out[-1] if out and out[-1].paragraph == sentence.paragraph else None
        if verdict.refers_back and previous is not None:
            who = who or previous.attributed_to
            if previous.status in ("reported", "claimed"):
                out[-1] = changed(previous, status="unverified")
        status = verdict.status
        if continues_quote(sentence, verdict, previous):
            status, who = "claimed", previous.attributed_to  # type: ignore[union-attr]
        _learn(sentence, ctx, who)
        found = verdict.attributions
        lead = colon_report(sentence, doc.sentences[k + 1 : k + 1 + _MAX_QUOTE_SENTENCES])
        if lead is not None and not any(a.cue[0] < lead.cue[1] and lead.cue[0] < a.cue[1] for a in found):
            found = tuple(sorted((*found, lead), key=lambda a: a.cue))  # "He said:" and the next sentence
        if model is not None:
            inside = [(sentence.start + s, sentence.start + e) for s, e in quoted]
            kept = learned_attributions(sentence, found, verdict.stances, inside, model, sources)
            found = kept + tuple(a for a in found if a not in kept and is_document_claim(a))  # a list's claim stays
        found = with_labels(found, doc.sentences, k)  # "TAPPER:" alone on its line; "... - Ann Roe: “...”"
        out.append(
            changed(
                sentence,
                status=status,
                attributed_to=who,
                status_detail=verdict.detail,
                attributions=found,
            )
        )
    return link_closing_hedges(changed(doc, sentences=tuple(out)))  # "could not verify the extent of the damage"


def build(config: Config) -> Stage[Document]:
    model = cue_model() if config.attribution.learned else None
    sources = source_model() if config.attribution.learned else None
    checked = config.attribution.learned and config.attribution.tagger
    orphans = model if config.attribution.orphans else None
    spans = config.attribution.learned and config.attribution.spans

    def run(doc: Document) -> Document:
        # "which they say", "warned by X": the sources of the attributions added after the rules
        doc = move_sources(attribute_document(doc, model, sources))
        doc = checked_sources(doc, load_tagger(), cues=orphans) if checked else doc
        doc = added_sources(doc, load_span_model()) if spans else doc
        return merge_sources(doc)  # one span for a speaker read twice with other edges

    return Stage(name="attribution", func=run, requires=("nlp",), provides=("attribution",))
