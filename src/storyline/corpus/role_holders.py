"""Resolve a role speaker ("the Ukrainian president", "the mayor") to the one person the story's reports
name as holding that role ("President Volodymyr Zelensky", "Mayor Richard Bissen").

The attribution stage already does this within a report that names the holder. Across reports, the
role-to-holder table is read from every report of the story, with the same patterns
(``attribution.learn_roles``); a role speaker is resolved only when the story names exactly one holder
of its role. When no report names a holder, or several are named (two mayors), the role stays the
speaker: that is the convention (``evaluation/status/README.md``), since the reader is told no more.
A mention then reads the name as its report wrote it, when the report names that person.

A profession that goes with a title ("the cardiologist", "the surgeon": a "Dr"; "the professor": a
"Prof") is resolved in its own report instead: to the one person that report names with the title
("Dr Ivo Brand"), since a story may name several cardiologists in different reports.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.doc.attribution import learn_roles
from storyline.doc.attribution_speakers import ROLES
from storyline.pipeline import Stage
from storyline.records import Document, Story

# "the mayor", "the Ukrainian president", "the regional governor": a role with at most two words before it.
_DEPUTY = r"\b(?:deputy|vice|lieutenant|assistant|former|acting|ex)\b"
_ROLE_SPEAKER = re.compile(r"^the\s+(?:[\w'’-]+\s+){0,2}?(?P<role>[a-z]+)$", re.I)
# A profession -> the title its holder is named with.
_TITLE_OF = {
    **dict.fromkeys(
        ("doctor", "physician", "cardiologist", "surgeon", "anaesthetist", "anesthesiologist", "psychiatrist"), "Dr"
    ),
    "professor": "Prof",
}


def role_table(story: Story) -> dict[str, str]:
    """Role -> the one holder the story's reports name for it (roles with several holders left out)."""
    holders: dict[str, set[str]] = {}
    for doc in story.documents:
        for sentence in doc.sentences:
            found: dict[str, str] = {}
            learn_roles(sentence.text, found)
            for role, name in found.items():
                if not _deputy(sentence.text, role, name):
                    holders.setdefault(role, set()).add(name)
    table = {}
    for role, names in holders.items():
        people = {n for n in names if not any(n != m and n in m for m in names)}  # "Zelensky" in "Volodymyr Zelensky"
        if len(people) == 1:
            table[role] = people.pop()
    return table


def _deputy(text: str, role: str, name: str) -> bool:
    """ "Lieutenant Governor Sylvia Luke", "Hanna Maliar, the deputy minister": not the role's holder."""
    at = text.find(name)
    window = text[max(0, at - 40) : at + len(name) + 40] if at >= 0 else text
    return re.search(rf"\b{_DEPUTY}[\s-]+(?:\w+\s+)?{re.escape(role)}\b", window, re.I) is not None


def holder_of(speaker: str, table: dict[str, str]) -> str | None:
    """The holder a role speaker stands for, or None when it is no role, a deputy's ("the deputy
    mayor"), or the role has no one holder."""
    m = _ROLE_SPEAKER.match(speaker.strip())
    if m is None or m.group("role").lower() not in ROLES or re.search(_DEPUTY, speaker, re.I):
        return None
    return table.get(m.group("role").lower())


def titled_holder(speaker: str, doc: Document) -> str | None:
    """The one person a report names with the title of a profession speaker ("the cardiologist" ->
    "Dr Ivo Brand"), or None when the speaker is no such profession or the report names none or two."""
    m = _ROLE_SPEAKER.match(speaker.strip())
    title = _TITLE_OF.get(m.group("role").lower()) if m is not None else None
    if title is None or re.search(_DEPUTY, speaker, re.I):
        return None
    named = re.compile(rf"\b{title}\.?\s+((?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w-]+)")
    found = {n for s in doc.sentences for n in named.findall(s.text)}
    people = {n.split()[-1]: n for n in sorted(found, key=len)}
    return people.popitem()[1] if len(people) == 1 else None


def holder_in(speaker: str, table: dict[str, str], doc: Document) -> str | None:
    """The person a role speaker of ``doc`` stands for: the role's one holder in the story (``table``,
    from ``role_table``) or the one titled person of its own report; None when neither."""
    return holder_of(speaker, table) or titled_holder(speaker, doc)


def resolve_roles(story: Story) -> Story:
    """Every sentence whose speaker is a role with one holder in the story, or a profession with one
    titled person in its own report, gets that person's name; the story keeps the table (``Story.roles``) for
    the stages after, which resolve speakers of their own."""
    table = role_table(story)
    documents = tuple(_resolved(doc, table) for doc in story.documents)
    return replace(story, documents=documents, roles=tuple(table.items()))


def _resolved(doc: Document, table: dict[str, str]) -> Document:
    sentences = list(doc.sentences)
    changed = False
    for k, sentence in enumerate(sentences):
        speaker = sentence.attributed_to
        holder = holder_in(speaker, table, doc) if speaker else None
        if holder is None:
            continue
        surname = holder.split()[-1]
        own = next((p for p in _people(doc) if p.split()[-1] == surname and p in holder), holder)
        sentences[k] = replace(sentence, attributed_to=own)
        changed = True
    return replace(doc, sentences=tuple(sentences)) if changed else doc


def _people(doc: Document) -> list[str]:
    """The person names of the report, longest first: the name as this report writes it."""
    names = {e.text for s in doc.sentences for e in s.entities if e.label == "PERSON"}
    return sorted(names, key=len, reverse=True)


def build() -> Stage[Story]:
    """The ``roles`` corpus stage: role speakers resolved across the story's reports."""
    return Stage(name="roles", func=resolve_roles, requires=(), provides=("roles",))
