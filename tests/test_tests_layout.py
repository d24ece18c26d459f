"""The layout of the tests themselves: shared builders are imported from ``builders``, not ``conftest``."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
_FROM_CONFTEST = re.compile(r"^\s*(?:from conftest import|import conftest\b)", re.MULTILINE)


def test_no_test_file_imports_from_conftest() -> None:
    # tests/store and tests/follow have conftest modules too: whichever pytest loads first owns the
    # name ``conftest``, so ``from conftest import build_document`` fails when they are collected first.
    found = [
        str(path.relative_to(TESTS))
        for path in sorted(TESTS.rglob("*.py"))
        if _FROM_CONFTEST.search(path.read_text(encoding="utf-8"))
    ]
    assert found == [], f"{found} import from conftest; import the plain builders from tests/builders.py instead"
