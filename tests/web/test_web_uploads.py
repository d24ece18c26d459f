"""``web.uploads``: uploads checked by number, size, extension and content; pasted text as a .txt file."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.config import WebConfig
from storyline.records import Document
from storyline.web.errors import WebError
from storyline.web.uploads import (
    Pasted,
    Upload,
    check_pasted,
    check_uploads,
    content_problem,
    pasted_file,
    read_request,
)

TEXT = b"Officials said on Tuesday that the bridge near the river had reopened to traffic.\n"


def _refusal(uploads: list[Upload], **limits: int) -> WebError:
    with pytest.raises(WebError) as caught:
        check_uploads(uploads, WebConfig(**limits))
    return caught.value


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("report.txt", b"%PDF-1.7\n...", "a PDF document"),
        ("report.html", b"\x89PNG\r\n\x1a\n", "a PNG image"),
        ("report.txt", b"PK\x03\x04rest", "a ZIP archive"),
        ("report.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "an HTML page"),
        ("records.jsonl", b"title,text\nA,B\n", "'{' or '['"),
        ("page.html", b"Just words, no markup at all.", "no HTML tag"),
        ("notes.txt", bytes(range(1, 32)) * 10, "looks binary"),
        ("notes.md", b"text\x00with a NUL", "looks binary"),
    ],
)
def test_content_that_does_not_match_the_extension_is_refused_naming_the_file(
    name: str, data: bytes, kind: str
) -> None:
    error = _refusal([Upload(name, data)])
    assert error.status == 415
    assert error.code == "E171"
    assert f"'{name}'" in error.message and kind in error.message


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("report.txt", TEXT),
        ("report.md", b"\xef\xbb\xbf" + TEXT),
        ("page.HTML", b"<html><body><p>" + TEXT + b"</p></body></html>"),
        ("saved.htm", b"\n  <div><p>" + TEXT + b"</p></div>"),
        ("records.json", b' [{"text": "x"}]'),
        ("records.jsonl", b'{"text": "x"}\n{"text": "y"}\n'),
    ],
)
def test_files_of_the_readers_formats_pass(name: str, data: bytes) -> None:
    check_uploads([Upload(name, data)], WebConfig())
    assert content_problem(name[name.rindex(".") :].lower(), data) is None


@pytest.mark.parametrize("name", ["report.pdf", "report.exe", "README", "notes.txt.zip"])
def test_an_extension_the_reader_does_not_know_is_refused(name: str) -> None:
    error = _refusal([Upload(name, TEXT)])
    assert (error.status, error.code) == (415, "E137")
    assert f"'{name}'" in error.message and ".txt, .md, .html" in error.message


def test_a_file_over_the_size_limit_is_refused_with_its_size_and_the_limit() -> None:
    error = _refusal([Upload("small.txt", TEXT), Upload("big.txt", TEXT * 10)], max_file_bytes=len(TEXT) * 2)
    assert (error.status, error.code) == (413, "E136")
    assert "'big.txt'" in error.message and str(len(TEXT) * 10) in error.message


def test_more_files_than_the_limit_are_refused() -> None:
    error = _refusal([Upload(f"r{i}.txt", TEXT) for i in range(3)], max_files=2)
    assert (error.status, error.code) == (413, "E174")
    assert "3 files" in error.message and "web.max_files" in error.message


@pytest.mark.parametrize(
    ("field", "value"),
    [("published", "11/09/2022"), ("published", "2022-13-01"), ("url", "javascript:alert(1)"), ("url", "ftp://x")],
)
def test_a_pasted_date_or_address_that_is_not_valid_is_refused(field: str, value: str) -> None:
    with pytest.raises(WebError, match=r"^E178: the (publication date|URL) ") as caught:
        check_pasted(Pasted("Some text.", **{field: value}))
    assert caught.value.status == 422


def test_a_metadata_field_cannot_add_header_lines_of_its_own() -> None:
    pasted = Pasted("title: Not a header\nThe body.", title="Bridge reopens\nurl: javascript:alert(1)")
    [doc] = list(read_request([], pasted))
    assert isinstance(doc, Document)
    assert [(h.field, h.value) for h in doc.hints] == [("title", "Bridge reopens url: javascript:alert(1)")]
    assert doc.url is None
    assert doc.text == "title: Not a header\nThe body."


def test_a_pasted_report_is_the_same_document_as_the_txt_file_it_stands_for() -> None:
    pasted = Pasted("The ferry ran again on Monday.", title="Ferry back", outlet="Harbor Daily", published="2022-09-12")
    upload = Upload(
        "ferry.txt",
        b"title: Ferry back\nsource: Harbor Daily\npublished: 2022-09-12\n\nThe ferry ran again on Monday.\n",
    )
    [from_paste] = list(read_request([], pasted))
    [from_file] = list(read_request([upload], None))
    assert isinstance(from_paste, Document) and isinstance(from_file, Document)
    assert from_paste.id == from_file.id
    assert pasted_file(pasted).name == "pasted-ferry-back.txt"


_WORDS = st.text(alphabet=string.ascii_letters + " \t\n-:<>\"'&", max_size=40)


@given(title=_WORDS, outlet=_WORDS, body=st.text(alphabet=string.ascii_letters + " \n", min_size=1, max_size=200))
def test_pasted_metadata_reads_back_as_the_documents_hints(title: str, outlet: str, body: str) -> None:
    items = list(read_request([], Pasted(body, title=title, outlet=outlet)))
    [doc] = items
    if not body.strip():
        assert not isinstance(doc, Document)  # an empty report is skipped with its reason
        return
    assert isinstance(doc, Document)
    hints = {h.field: h.value for h in doc.hints}
    expected = {k: " ".join(v.split()) for k, v in (("title", title), ("source", outlet)) if v.strip()}
    assert hints == expected
    assert doc.text.split() == body.split()
