"""Check which written forms of CQE's unit dictionary our quantity extractor reads, and by which name.

NewsQuant's gold names a unit by the key of CQE's unit dictionary (``CQE/unit.json`` of vivkaz/CQE). This
script reads a local list of that dictionary's units (never committed here: pass its path), one unit a
line, tab-separated: ``key, entity, surfaces (|), symbols (|)[, currency code]``; lines starting with
"#" are comments. For every surface and symbol it makes a phrase of our own, "The figure was 40
<surface>." (and, for a currency symbol, "The figure was <symbol>40." too), runs
``storyline.doc.quantities.extract_quantities`` on it and names the quantity of value 40 with the
evaluation's ``unit_name``. A form is "ok" when that name is the dictionary key, "missed" when no
quantity of 40 has a unit, and "other" when it is named otherwise. No sentence of NewsQuant is read.

Example:

    PYTHONPATH=src .venv/bin/python benchmarks/newsquant_unit_coverage.py /tmp/s18-nq2/cqe_units.tsv
    PYTHONPATH=src .venv/bin/python benchmarks/newsquant_unit_coverage.py /tmp/s18-nq2/cqe_units.tsv \
        --entity currency --entity length --show missed --show other
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from storyline.doc.quantities import extract_quantities
from storyline.eval.newsquant import system_value, unit_name


@dataclass(frozen=True)
class Form:
    key: str  # the dictionary's name of the unit, lowercased
    entity: str
    written: str
    phrase: str


def read_units(path: Path) -> list[Form]:
    """Every form of every unit in the tab-separated list at ``path``, each in its made-up phrases."""
    forms: list[Form] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t") + [""] * 4
        key, entity, surfaces, symbols = (f.strip() for f in fields[:4])
        if not key:
            raise SystemExit(f"{path}:{number}: a line with no unit key. Write 'key<TAB>entity<TAB>surfaces...'.")
        for written in filter(None, surfaces.split("|")):
            forms.append(Form(key.lower(), entity, written, f"The figure was 40 {written}."))
        for written in filter(None, symbols.split("|")):
            forms.append(Form(key.lower(), entity, written, f"The figure was 40 {written}."))
            if entity == "currency":
                glue = " " if written[-1:].isalpha() else ""
                forms.append(Form(key.lower(), entity, written, f"The figure was {written}{glue}40."))
    return forms


def name_of(phrase: str) -> str:
    """The name our extractor gives the quantity of value 40 in ``phrase``, "" when it finds none with a unit."""
    for q in extract_quantities(phrase):
        value = system_value(q)
        if not isinstance(value, tuple) and math.isclose(value, 40, rel_tol=1e-6):
            name = unit_name(q)
            return "" if name == "-" else name
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="the local tab-separated list of CQE's units")
    parser.add_argument("--entity", action="append", help="only units of this entity (repeatable)")
    parser.add_argument("--show", action="append", choices=("ok", "missed", "other"), default=[])
    args = parser.parse_args()
    forms = [f for f in read_units(args.path) if not args.entity or f.entity in args.entity]
    tally: Counter[tuple[str, str]] = Counter()
    for form in forms:
        got = name_of(form.phrase)
        status = "ok" if got == form.key else "missed" if not got else "other"
        tally[(form.entity, status)] += 1
        if status in args.show:
            print(f"{status:6} {form.entity:14} {form.key:28} {form.phrase!r:52} -> {got or '-'}")
    print(f"\n{'entity':24} {'ok':>5} {'missed':>7} {'other':>6}")
    for entity in sorted({e for e, _ in tally}):
        row = [tally[(entity, s)] for s in ("ok", "missed", "other")]
        print(f"{entity:24} {row[0]:5} {row[1]:7} {row[2]:6}")
    total = [sum(n for (_, s), n in tally.items() if s == status) for status in ("ok", "missed", "other")]
    print(f"{'all':24} {total[0]:5} {total[1]:7} {total[2]:6}   ({len(forms)} forms)")


if __name__ == "__main__":
    main()
