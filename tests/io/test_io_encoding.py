from __future__ import annotations

import pytest

from storyline.errors import InputError
from storyline.io.encoding import binary_reason, decode

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
