"""Find the attributions the rules miss: a logistic model scores every candidate cue word of a parsed
sentence, and a word it accepts gets its subject as the source and what it governs as the content.

The rules of ``attribution_parse`` know a few hundred cue lemmas in fixed shapes; news attribution
has a long tail ("X is confident that", "X wants", "X made clear"). The model reads the parse around
each verb, cue-like noun and "according": its lemma, its dependents, who its subject is, whether it
sits in a quotation or in another attribution's content, and what the rules made of it; and what its
lemma and object mean (``attribution_meaning``), so that a rare verb of saying scores like a common
one. Its named weights are generated data (``attribution_weights``, fitted by
``storyline.eval.polnear_fit``). It also scores the rules' stances and drops those it rejects.
Neither changes a sentence's status or speaker, which stay the rules' decision: only the list of
attributions changes.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

from storyline.doc.attribution_context import context_features
from storyline.doc.attribution_meaning import WordMeaning, word_meaning
from storyline.doc.attribution_source import choose_source
from storyline.doc.attribution_tree import (
    Children,
    children_of,
    impression,
    lemma_of,
    sourced,
    with_quotation_marks,
    without_demonstrative,
)
from storyline.records import Attribution, Sentence, Token

Span = tuple[int, int]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# What a cue governs after itself and counts as its content ("hopes to win", "is sure that ...").
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "prep", "oprd", "attr", "acomp", "dative", "advcl", "acl"})
# Dependents that are never what was said: "he [also] said [,]".
_NOT_CONTENT = frozenset({"nsubj", "nsubjpass", "punct", "aux", "auxpass", "neg", "advmod", "cc", "mark", "npadvmod"})
_CHILD_FEATURES = frozenset(
    {"nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "prep", "agent", "neg", "acomp", "attr", "dative", "advcl"}
)
# Dependents whose own lemma is telling: "made [clear]", "is [confident]", "want [to win]", "not".
_NAMED_CHILDREN = frozenset({"dobj", "acomp", "attr", "xcomp", "neg", "advmod", "prt"})
_PREPOSITIONS = frozenset({"of", "for", "as", "about", "on", "against", "over", "to", "with", "at", "that", "in"})
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "who"})
_MODALS = frozenset({"can", "could", "might", "may", "should", "would", "must", "ca", "will"})
_QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``"})
_ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_AUX_CUE_DEPS = frozenset({"acomp", "attr", "ccomp", "nsubj"})  # "is sure", "is [that ...]", the main "be"
_NOUN_CUE_DEPS = frozenset({"poss", "ccomp", "acl"})  # "her claim", "the claim that ...", "a statement saying"
# A cue inside what a rule attribution reports ("Roe said the mayor [wants] a bridge") is added only at
# this probability or more: below it, fewer than half of such nested cues are PolNeAR's (chosen on train
# out of fold, BENCHMARKS.md, attribution, session 22).
NESTED = 0.6


@dataclass(frozen=True)
class CueModel:
    """A logistic model over named features: ``bias + sum(weights)``, plus what the meaning of the
    candidate's lemma and object adds (``attribution_meaning``), accepted at ``threshold``."""

    weights: dict[str, float]
    bias: float
    threshold: float
    veto: float = 0.0  # a rule stance scored below it is dropped
    meaning: WordMeaning | None = None

    def probability(self, features: Sequence[str]) -> float:
        z = self.bias + sum(map(self.weights.get, features, repeat(0.0)))  # in order: the same float sum
        if self.meaning is not None:
            z += self.meaning.score(features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN"})  # with "according", the only words ``is_candidate`` takes


def is_candidate(tokens: Sequence[Token], children: Children, i: int) -> bool:
    """A verb, a "be" or other auxiliary that heads a complement, a noun with an owner or a clause,
    or "according": the words that can be a cue."""
    tok = tokens[i]
    if tok.pos == "VERB" or (len(tok.text) == 9 and tok.text.lower() == "according"):  # no other length lowers to it
        return True
    if tok.pos == "AUX":
        return tok.head == i or any(tokens[c].dep in _AUX_CUE_DEPS for c in children[i])
    if tok.pos == "NOUN":
        return any(tokens[c].dep in _NOUN_CUE_DEPS for c in children[i])
    return False


def subject_of(tokens: Sequence[Token], children: Children, i: int) -> int | None:
    """The word's own subject, or that of the verb it hangs on (conjuncts, "wants to say")."""
    for _ in range(3):
        own = [c for c in children[i] if tokens[c].dep in _SUBJECTS]
        if own:
            return own[0]
        owner = [c for c in children[i] if tokens[c].dep == "poss"]
        if owner:
            return owner[0]
        if tokens[i].dep not in ("conj", "xcomp", "advcl", "acl") or tokens[i].head == i:
            return None
        i = tokens[i].head
    return None


def _subject_kind(sentence: Sentence, tokens: Sequence[Token], subj: int | None) -> str:
    if subj is None:
        return "none"
    tok = tokens[subj]
    label = next((e.label for e in sentence.entities if e.start <= tok.start < e.end), None)
    if label in _ACTOR_ENTITIES:
        return label or "none"
    low = tok.text.lower()
    if low in _PRONOUNS:
        return "person_pronoun"
    if tok.pos == "PRON":
        return "other_pronoun"
    return tok.pos


def _inside(spans: Sequence[Span], at: int) -> bool:
    return bool(spans) and any(s <= at < e for s, e in spans)  # most sentences have none: no generator


def features(
    sentence: Sentence,
    children: Children,
    i: int,
    rule_cues: Sequence[Span],
    held: Sequence[Span],
    quoted: Sequence[Span],
) -> list[str]:
    """The named features of candidate word ``i``; ``rule_cues`` are the cues the rules found,
    ``held`` the contents of their attributions, ``quoted`` the quotations (document offsets)."""
    tokens = sentence.tokens
    tok = tokens[i]
    lemma = lemma_of(tok)
    kids = children[i]
    # one walk over the dependents for every test on them (the same answers as a scan per test)
    child_deps: set[str] = set()
    prep_words: set[str] = set()
    named: list[str] = []
    that = modal = to_infinitive = complement = False
    for c in kids:
        kid = tokens[c]
        dep = kid.dep
        if dep in _CHILD_FEATURES:
            child_deps.add(dep)
        if dep in _CONTENT_DEPS:
            complement = True
        if dep == "prep" and c > i:
            prep_words.add(kid.text.lower())
        elif dep == "aux":
            low = kid.text.lower()
            modal = modal or low in _MODALS
            to_infinitive = to_infinitive or low == "to"
        if dep in _NAMED_CHILDREN:
            word = lemma_of(kid)
            named += [f"{dep}={word}", f"lemma={lemma}|{dep}={word}"]
        if not that:
            for g in children[c]:  # a loop, not a generator a dependent: the same first "that"
                grand = tokens[g]
                if grand.dep == "mark" and grand.text.lower() == "that":
                    that = True
                    break
    deps = sorted(child_deps)
    preps = sorted(prep_words & _PREPOSITIONS)
    subj = subject_of(tokens, children, i)
    kind = _subject_kind(sentence, tokens, subj)
    rule = _rule_relation(tokens, i, rule_cues)
    out = [
        f"lemma={lemma}",
        f"pos={tok.pos}",
        f"tag={tok.tag}",
        f"dep={tok.dep}",
        f"subj={kind}",
        f"rule={rule}",
        f"lemma={lemma}|rule={rule}",
        f"lemma={lemma}|subj={'yes' if subj is not None else 'no'}",
    ]
    out += [f"lemma={lemma}|subj={kind}", f"lemma={lemma}|dep={tok.dep}"]
    out += named
    if subj is not None and tokens[subj].pos == "NOUN":
        out.append(f"subj_lemma={lemma_of(tokens[subj])}")
    out += [f"child={d}" for d in deps] + [f"lemma={lemma}|child={d}" for d in deps]
    out += [f"prep={p}" for p in preps] + [f"lemma={lemma}|prep={p}" for p in preps]
    if subj is not None:
        out.append("subj_after" if subj > i else "subj_before")
    if that:
        out += ["that", f"lemma={lemma}|that"]
    if tok.head != i:
        out.append(f"head_lemma={lemma_of(tokens[tok.head])}|dep={tok.dep}")
    if modal:
        out.append("modal")
    if to_infinitive:
        out.append("to_infinitive")
    if _inside(quoted, tok.start):
        out.append("in_quote")
    elif quoted:
        out.append("quote_in_sentence")
    if not _QUOTE_MARKS.isdisjoint([t.text for t in tokens[max(0, i - 3) : i]]):
        out.append("after_quote_mark")
    if _inside(held, tok.start):
        out.append("in_content")
    if not complement:
        out.append("no_complement")
    out.append(f"position={min(3, 4 * i // max(1, len(tokens)))}")
    return out + context_features(tokens, children, i, lemma)


def _overlaps_any(tok: Token, cues: Sequence[Span]) -> bool:
    return bool(cues) and any(s < tok.end and tok.start < e for s, e in cues)  # often none: no generator


def _rule_relation(tokens: Sequence[Token], i: int, rule_cues: Sequence[Span]) -> str:
    """What the rules made of this word: its cue, the cue's dependent ("wants to say"), or nothing."""
    if _overlaps_any(tokens[i], rule_cues):
        return "cue"
    if tokens[i].head != i and _overlaps_any(tokens[tokens[i].head], rule_cues):
        return "head_is_cue"
    return "sentence" if rule_cues else "none"


def spans(sentence: Sentence, children: Children, i: int) -> Attribution | None:
    """The attribution of an accepted cue word: its subject (or owner) as the source and what it
    governs as the content; else a clause before the cue ("..., she added"), the noun a relative
    clause hangs on ("the plan, which she opposed"), or the rest of the sentence around a cue that
    interrupts it ("It is, he says, too late")."""
    tokens = sentence.tokens
    if tokens[i].text.lower() == "according":
        return _according(sentence, children, i)
    kids = children[i]
    subj = subject_of(tokens, children, i)
    content = [c for c in kids if c > i and tokens[c].dep in _CONTENT_DEPS]
    content = content or [c for c in kids if c < i and tokens[c].dep == "ccomp"]
    around = not content and tokens[i].dep in ("relcl", "parataxis") and tokens[i].head != i
    if content:
        found = _extent(tokens, children, content)
    elif around:  # the content runs around the cue and its source
        found = _extent(tokens, children, [tokens[i].head], skip=i)
    elif subj is not None:
        rest = [c for c in kids if c != subj and tokens[c].dep not in _NOT_CONTENT]
        if not rest:
            return None
        found = _extent(tokens, children, rest)
    else:
        return None
    source = _extent(tokens, children, [subj]) if subj is not None else None
    if source is not None and source[0] < found[1] and found[0] < source[1] and not around:
        return None
    return _attribution(sentence, tokens[i], source, found)


def _according(sentence: Sentence, children: Children, i: int) -> Attribution | None:
    """ "according to X": X says the clause the phrase hangs on."""
    tokens = sentence.tokens
    pobj = [g for c in children[i] for g in children[c] if tokens[g].dep == "pobj"]
    if not pobj or tokens[i].head == i:
        return None
    head = tokens[i].head
    content = [c for c in children[head] if c != i and tokens[c].pos != "PUNCT"] + [head]
    covered = _extent(tokens, children, content, skip=i)
    return _attribution(sentence, tokens[i], _extent(tokens, children, pobj), covered)


def _extent(tokens: Sequence[Token], children: Children, roots: list[int], skip: int | None = None) -> Span:
    ids, stack = [], list(roots)
    while stack:
        j = stack.pop()
        if j == skip:
            continue
        ids.append(j)
        stack.extend(children[j])
    words = [j for j in ids if tokens[j].pos != "PUNCT"] or ids
    return min(tokens[j].start for j in words), max(tokens[j].end for j in words)


def _attribution(sentence: Sentence, cue: Token, source: Span | None, content: Span) -> Attribution:
    content = with_quotation_marks(sentence, content)
    speaker = None if source is None else sentence.text[source[0] - sentence.start : source[1] - sentence.start]
    return Attribution(cue=(cue.start, cue.end), content=content, source=source, speaker=speaker)


# The candidates of the last sentences without attributions, by the identity of their tokens: the
# cue layer, the tagger's test for orphans and the orphans layer read the same ones.
_BARE: dict[int, tuple[tuple[Token, ...], tuple[Span, ...], list[tuple[int, list[str]]]]] = {}
_BARE_LOCK = threading.Lock()
_MAX_BARE = 512


# The cue model's probability of the candidates scored so far, by the identity of the names (with the
# model and the names kept): the cue layer and the orphans' test score a bare sentence's shared
# candidates alike. Emptied whole when full: each write is one dict operation, safe from threads.
_SCORED: dict[int, tuple[Sequence[str], CueModel, float]] = {}
_MAX_SCORED = 4096


def forget_candidates() -> None:
    """Drop the shared candidates: a document's layers share them, the next document starts afresh."""
    with _BARE_LOCK:
        _BARE.clear()
        _SCORED.clear()


def candidate_probability(model: CueModel, names: Sequence[str]) -> float:
    """``model.probability(names)`` of a candidate's names from ``candidate_features``, computed once
    for names that layers share (read them, do not change them)."""
    seen = _SCORED.get(id(names))
    if seen is not None and seen[0] is names and seen[1] is model:
        return seen[2]
    p = model.probability(names)
    if len(_SCORED) >= _MAX_SCORED:
        _SCORED.clear()
    _SCORED[id(names)] = (names, model, p)
    return p


def candidate_features(
    sentence: Sentence, found: Sequence[Attribution], quoted: Sequence[Span], children: Children | None = None
) -> list[tuple[int, list[str]]]:
    """Each candidate word of the sentence with its features, given the rules' attributions;
    ``children`` is the sentence's ``children_of``, when the caller has it. Shared when ``found`` is
    empty: read it, do not change it."""
    tokens = sentence.tokens
    if not found:
        seen = _BARE.get(id(tokens))
        if seen is not None and seen[0] is tokens and seen[1] == tuple(quoted):
            return seen[2]
    children = children_of(tokens) if children is None else children
    rule_cues = [a.cue for a in found]
    held = [a.content for a in found]
    out = [
        (i, features(sentence, children, i, rule_cues, held, quoted))
        for i, tok in enumerate(tokens)
        if (tok.pos in _CANDIDATE_POS or len(tok.text) == 9) and is_candidate(tokens, children, i)  # no call for most
    ]
    if not found:
        with _BARE_LOCK:  # writers one at a time (threads): reads need no lock
            if len(_BARE) >= _MAX_BARE:
                del _BARE[next(iter(_BARE))]  # the oldest: a long document's first sentences
            _BARE[id(tokens)] = (tokens, tuple(quoted), out)
    return out


def learned_attributions(
    sentence: Sentence,
    found: Sequence[Attribution],
    stances: Sequence[Attribution],
    quoted: Sequence[Span],
    model: CueModel,
    sources: CueModel | None = None,
) -> tuple[Attribution, ...]:
    """The rules' attributions ``found`` without the stances and claims among them that the model
    rejects (below ``model.veto``), with the attributions the model accepts whose cue the rules did not find
    (at ``NESTED`` or more inside the content of one of ``found``)."""
    if not sentence.tokens:
        return tuple(found)
    children = children_of(sentence.tokens)
    scored = dict(candidate_features(sentence, found, quoted, children))
    dropped = [
        a
        for a in vetoable(found, stances)
        if model.probability(rule_features(sentence, scored, a, stances)) < model.veto
    ]
    out = [a for a in found if a not in dropped]
    held = [a.content for a in found]
    added: list[Attribution] = []
    taken = [a.cue for a in found]  # and the cues added so far
    for i, names in scored.items():
        tok = sentence.tokens[i]
        if _overlaps_any(tok, taken):
            continue
        p = candidate_probability(model, names) if not found else model.probability(names)
        if p < model.threshold or (p < NESTED and _inside(held, tok.start)):
            continue  # a bare sentence's names are shared: the orphans' test reads the same probability
        new = spans(sentence, children, i)
        if new is not None and impression(sentence, new):
            new = sourced(sentence, new, None)  # "X seems ready": the writer's impression, no one's words
        elif new is not None and sources is not None:
            new = without_demonstrative(sentence, with_learned_source(sentence, children, i, new, quoted, sources))
        if new is not None:
            added.append(new)
            taken.append(new.cue)
    return tuple(sorted((*out, *added), key=lambda a: a.cue))


def vetoable(found: Sequence[Attribution], stances: Sequence[Attribution]) -> list[Attribution]:
    """The rule attributions the model may drop: every stance, and every report of a claim (a denial,
    hedge or check that decides the status stays)."""
    return [a for a in found if a in stances or a.kind == "claim"]


def with_learned_source(
    sentence: Sentence, children: Children, i: int, a: Attribution, quoted: Sequence[Span], sources: CueModel
) -> Attribution:
    """The attribution added at cue word ``i`` with the source the source model chooses (or none)."""
    subject = subject_of(sentence.tokens, children, i)
    return sourced(sentence, a, choose_source(sentence, children, i, subject, a.content, quoted, sources))


def rule_features(
    sentence: Sentence, scored: dict[int, list[str]], a: Attribution, stances: Sequence[Attribution]
) -> list[str]:
    """The features of a rule attribution's cue: those of its first candidate word, if any, and
    whether the rules took it as a stance or as the report that decides the status."""
    words = [i for i, t in enumerate(sentence.tokens) if t.start < a.cue[1] and a.cue[0] < t.end and i in scored]
    kind = "rule_kind=stance" if a in stances else "rule_kind=report"
    names = scored[words[0]] if words else ["rule=cue", "no_candidate"]
    lemma = next((n for n in names if n.startswith("lemma=") and "|" not in n), "lemma=none")
    return [*names, kind, f"{lemma}|{kind}"]


def cue_model() -> CueModel:
    """The fitted cue model of ``storyline.doc.attribution_weights``, with its word meaning when the
    fit learned one (the table is then read from the installed MiniLM package)."""
    from storyline.doc import attribution_weights as fitted

    lemma, obj = getattr(fitted, "MEANING_LEMMA", ()), getattr(fitted, "MEANING_OBJECT", ())
    meaning = word_meaning(tuple(lemma), tuple(obj)) if lemma else None
    return CueModel(dict(fitted.WEIGHTS), fitted.BIAS, fitted.THRESHOLD, fitted.VETO, meaning)


def source_model() -> CueModel | None:
    """The fitted source model of ``storyline.doc.attribution_weights``, or None when the fit found
    the parse's subject better."""
    from storyline.doc import attribution_weights as fitted

    threshold = getattr(fitted, "SOURCE_THRESHOLD", None)
    if threshold is None:
        return None
    return CueModel(dict(fitted.SOURCE_WEIGHTS), fitted.SOURCE_BIAS, threshold)
