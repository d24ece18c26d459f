"""The tests' fixtures: small hand-built documents, the benchmark data folder, a mixed inbox. No model is loaded.

The plain builders behind them (``build_document``, ``parsed_sentence``, ...) live in
``tests/builders.py``; test files import them from there, never ``from conftest``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from builders import build_document
from storyline.records import Document

# Property tests are judged by what they assert, not by their speed: on a loaded machine a trivial
# example once took 258 ms, past hypothesis's 200 ms deadline, and failed as "Unreliable test
# timings" (test_date_comparison_is_antisymmetric, 2 of 50 seeds). The example counts stay each test's.
settings.register_profile("storyline", deadline=None)
settings.load_profile("storyline")

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def make_doc() -> Callable[..., Document]:
    """``make_doc(text, published="2022-09-10", source="Wire")`` gives a document with sentences."""
    return build_document


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"benchmark data not found at {SHARED_DATA}; put ../shared/data beside the repo to run this")
    return SHARED_DATA


# Two stories of our own writing, for building mixed input: a flood and a ferry strike.
MIXED_REPORTS = {
    "flood1.txt": (
        "title: River Alder bursts its banks in Millbrook\nsource: Valley Courier\ndate 2025-02-10\n\n"
        "The River Alder burst its banks in Millbrook on Sunday night and flooded 200 homes, the town council said.\n"
        "Rescue crews moved families from the lower streets of Millbrook to the school hall.\n"
    ),
    "flood2.txt": (
        "title: Millbrook flood: 200 homes under water\nsource: Northern Gazette\ndate 2025-02-10\n\n"
        "Floodwater from the River Alder reached 200 homes in Millbrook after heavy rain, council officials said.\n"
        "Families from the lower streets of Millbrook spent the night in the school hall as rescue crews worked.\n"
    ),
    "flood3.txt": (
        "title: Millbrook begins clean-up as the River Alder falls\nsource: Valley Courier\ndate 2025-02-12\n\n"
        "The River Alder fell on Wednesday and Millbrook residents began clearing mud from flooded homes.\n"
        "The council said 200 homes were hit by the flood and the school hall stays open for families.\n"
    ),
    "ferry1.txt": (
        "title: Ferry crews strike at Port Wren\nsource: Harbour Post\ndate 2025-03-03\n\n"
        "Harbor Ferries cancelled every sailing from Port Wren on Monday as the Dockers Union began a strike "
        "over pay.\n"
        "Mara Quill, who leads the Dockers Union, said the strike would last a week.\n"
    ),
    "ferry2.txt": (
        "title: No ferries leave Port Wren as the dockers walk out\nsource: Coastal Wire\ndate 2025-03-03\n\n"
        "No Harbor Ferries sailing left Port Wren on Monday: the Dockers Union strike over pay stopped the service.\n"
        "Mara Quill of the Dockers Union said the walkout would go on for a week.\n"
    ),
    "ferry3.txt": (
        "title: Port Wren ferry strike enters third day\nsource: Harbour Post\ndate 2025-03-05\n\n"
        "The Dockers Union strike at Port Wren entered its third day on Wednesday; every Harbor Ferries sailing "
        "was cancelled.\nMara Quill said the union would meet Harbor Ferries managers about pay on Friday.\n"
    ),
}
HASHING_CONFIG = '[derivation]\nembedding_model = "hashing"\n'


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """A folder of six reports: three on a flood in Millbrook, three on a ferry strike at Port Wren."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, text in MIXED_REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def hashing_config(tmp_path: Path) -> Path:
    """A --config file that swaps MiniLM for the hashing encoder, for tests not about the model."""
    path = tmp_path / "hashing.toml"
    path.write_text(HASHING_CONFIG, encoding="utf-8")
    return path
