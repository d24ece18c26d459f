from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.errors import InputError
from storyline.io.encoding import binary_reason, decode, is_plain_utf8

TEXT = "The café on the square reopened — “slowly”, its owner said."


def test_utf8_text_is_decoded_as_is() -> None:
    assert decode(TEXT.encode("utf-8"), "a.txt") == TEXT


def test_utf8_bom_is_stripped() -> None:
    assert decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "a.txt") == TEXT


def test_cp1252_text_is_detected() -> None:
    assert decode(TEXT.encode("cp1252"), "a.txt") == TEXT


def test_latin1_text_is_decoded() -> None:
    text = "Der Bürgermeister sagte, die Straße bleibe gesperrt, und die Brücke über den Fluss öffne später."
    assert decode(text.encode("latin-1"), "a.txt") == text


def test_nul_bytes_make_a_file_binary() -> None:
    assert binary_reason(b"abc\x00def") == "it contains NUL bytes"
    with pytest.raises(InputError, match=r"E003: a\.bin looks binary"):
        decode(b"PK\x03\x04\x00\x00data", "a.bin")


def test_many_control_characters_make_a_file_binary() -> None:
    assert binary_reason(bytes(range(1, 32)) * 4) is not None
    assert binary_reason(b"line one\r\nline two\tand a tab\n") is None


@pytest.mark.parametrize("data", [b"", b"   \n\n\t "])
def test_empty_or_blank_file_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"E002: a\.txt is empty"):
        decode(data, "a.txt")


@pytest.mark.parametrize(
    ("data", "plain"),
    [
        (TEXT.encode("utf-8"), True),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), True),
        (TEXT.encode("cp1252"), False),
        (b"", False),
        (b"  \n\n", False),
        (b"text\x00\x00 more", False),
    ],
)
def test_plain_utf8_check_agrees_with_decode(tmp_path: Path, data: bytes, plain: bool) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(data)
    assert is_plain_utf8(path) is plain


@given(st.text(min_size=0, max_size=300), st.integers(min_value=1, max_value=16))
@settings(max_examples=200, deadline=None)
def test_plain_utf8_check_reads_characters_split_across_chunks(text: str, chunk: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        data = text.encode("utf-8")
        path.write_bytes(data)
        expected = bool(text.strip()) and binary_reason(data[:8192]) is None
        assert is_plain_utf8(path, chunk=chunk) is expected
