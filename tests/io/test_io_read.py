from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.io.read import document_id, iter_inputs, parse_header, read_bytes, read_inputs, text_document
from storyline.records import Document, Hint, Skipped

BODY = "KYIV, Sept 12 (Meridian Wire) - Crews reopened the northern bridge on Monday, officials said."

PAGE = """<html><head><title>Bridge reopens | Meridian Wire</title>
<link rel="canonical" href="https://meridian.example/2022/09/12/bridge">
<meta name="author" content="Jane Roe"><meta property="og:site_name" content="Meridian Wire">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article>
<h1>Bridge reopens after repairs</h1>
<p>Crews reopened the northern bridge on Monday after two weeks of repairs, the city council said.</p>
<p>Traffic was flowing again by the evening, and buses returned to their usual routes, officials said.</p>
</article><footer>All rights reserved.</footer></body></html>"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_header_lines_become_hints_and_the_body_follows() -> None:
    raw = "title: Bridge reopens\nsource: Meridian Wire\ndate 2022-09-11\nbyline: Jane Roe\n\n" + BODY + "\n"
    hints, start = parse_header(raw)
    assert hints == (
        Hint("title", "Bridge reopens", "header"),
        Hint("source", "Meridian Wire", "header"),
        Hint("published", "2022-09-11", "header"),
        Hint("byline", "Jane Roe", "header"),
    )
    assert raw[start:].startswith("KYIV")


def test_header_ends_at_the_first_line_that_is_not_a_header() -> None:
    raw = "title: Bridge reopens\nThe council said: the bridge is open.\nsource: not a header\n"
    hints, start = parse_header(raw)
    assert hints == (Hint("title", "Bridge reopens", "header"),)
    assert raw[start:].startswith("The council")


def test_text_without_header_is_all_body() -> None:
    doc = text_document(BODY + "\n", "a.txt")
    assert doc.hints == ()
    assert doc.text == BODY


def test_text_offsets_map_back_to_the_raw_text() -> None:
    raw = "published: 2022-09-12\nurl: https://m.example/a\n\n" + BODY + "\n"
    doc = text_document(raw, "a.txt")
    assert doc.text == BODY
    assert doc.url == "https://m.example/a"
    for i, char in enumerate(doc.text):
        raw_offset = doc.text_map.to_raw(i)
        assert raw_offset is not None and doc.raw_text[raw_offset] == char


def test_document_id_is_a_stable_content_hash() -> None:
    a = document_id("Crews  reopened\nthe bridge.", "Meridian Wire")
    assert a == document_id("crews reopened the bridge.", "Meridian Wire")
    assert a != document_id("crews reopened the bridge.", "Harbor Daily")
    assert len(a) == 16 and int(a, 16) >= 0


def test_reading_the_same_input_twice_gives_the_same_ids(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "source: Meridian Wire\n\n" + BODY)
    first, _ = read_inputs([tmp_path])
    second, _ = read_inputs([tmp_path])
    assert [d.id for d in first] == [d.id for d in second]
    assert first[0].id == document_id(BODY, "Meridian Wire")
    assert first[0].done == frozenset({"read"})


def test_folders_are_walked_sorted_and_hidden_files_left_out(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Second report text.")
    write(tmp_path / "a" / "z.md", "First report text.")
    write(tmp_path / ".hidden.txt", "Hidden report text.")
    write(tmp_path / ".git" / "c.txt", "Hidden folder text.")
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff")
    docs, skipped = read_inputs([tmp_path])
    assert [Path(d.path or "").relative_to(tmp_path).as_posix() for d in docs] == ["a/z.md", "b.txt"]
    assert docs[0].format == "md"
    assert skipped == []


def test_cp1252_and_bom_files_are_read(tmp_path: Path) -> None:
    text = "The mayor’s office said the café would reopen — “soon”."
    write(tmp_path / "a.txt", text.encode("cp1252"))
    write(tmp_path / "b.txt", b"\xef\xbb\xbftitle: Caf\xc3\xa9\n\nBody of the second report.")
    docs, skipped = read_inputs([tmp_path])
    assert skipped == []
    assert docs[0].text == text
    assert docs[1].raw_text.startswith("title: Café")
    assert docs[1].hint("title") == Hint("title", "Café", "header")


def test_bad_files_are_skipped_with_reasons_and_the_batch_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path / "1.txt", b"\x00\x01\x02binary\x00")
    write(tmp_path / "2.txt", b"")
    write(tmp_path / "3.txt", "A good report about the bridge.")
    write(tmp_path / "4.html", "<html><head><title>Empty</title></head><body></body></html>")
    with caplog.at_level(logging.WARNING):
        docs, skipped = read_inputs([tmp_path])
    assert [Path(d.path or "").name for d in docs] == ["3.txt"]
    assert [s.reason[:4] for s in skipped] == ["E003", "E002", "E013"]
    assert all(s.path.endswith(n) for s, n in zip(skipped, ["1.txt", "2.txt", "4.html"], strict=True))
    assert len([r for r in caplog.records if r.name.startswith("storyline")]) == 3


def test_unreadable_file_is_skipped_with_e008(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "a.txt", "Some text.")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    _, skipped = read_inputs([path])
    assert skipped[0].reason == (
        f"E008: {path} could not be read (Permission denied). Check that the file is readable."
    )


def test_missing_path_and_unsupported_file_are_skipped(tmp_path: Path) -> None:
    pdf = write(tmp_path / "report.pdf", "%PDF-1.4 text")
    _, skipped = read_inputs([tmp_path / "nope.txt", pdf])
    assert [s.reason[:4] for s in skipped] == ["E001", "E009"]


def test_no_inputs_at_all_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E040"):
        list(iter_inputs([tmp_path]))


def test_html_gives_main_text_in_paragraphs_and_metadata_hints(tmp_path: Path) -> None:
    (doc,) = read_inputs([write(tmp_path / "page.html", PAGE)])[0]
    assert doc.format == "html"
    assert doc.html == PAGE == doc.raw_text
    assert "Crews reopened the northern bridge" in doc.text
    assert "\n\nTraffic was flowing again" in doc.text
    assert "Home" not in doc.text
    assert not doc.text_map.mapped
    assert doc.hint("byline") == Hint("byline", "Jane Roe", "html")
    assert doc.hint("source") == Hint("source", "Meridian Wire", "html")
    assert doc.url == "https://meridian.example/2022/09/12/bridge"
    assert doc.hint("published") is None  # the metadata stage reads the date with htmldate


def test_jsonl_records_become_documents_and_a_bad_line_is_skipped(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "The ferry resumed service.", "source": "Harbor Daily", "date": "2022-09-12"}),
        "{not json",
        json.dumps({"body": "The bridge reopened.", "title": "Bridge reopens"}),
    ]
    feed = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    docs, skipped = read_inputs([feed])
    assert [d.path for d in docs] == [f"{feed}#1", f"{feed}#3"]
    assert docs[0].format == "json"
    assert docs[0].hint("published") == Hint("published", "2022-09-12", "record")
    assert docs[0].id == document_id("The ferry resumed service.", "Harbor Daily")
    assert skipped[0].reason.startswith(f"E005: {feed} line 2")


def test_read_inputs_splits_documents_and_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Report text.")
    write(tmp_path / "b.txt", b"")
    docs, skipped = read_inputs([tmp_path])
    assert all(isinstance(d, Document) for d in docs) and len(docs) == 1
    assert all(isinstance(s, Skipped) for s in skipped) and len(skipped) == 1


def _jsonl(records: list[dict[str, str]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


FEED = [
    {"text": "The ferry resumed service on Monday, the port authority said.", "source": "Harbor Daily"},
    {"text": "Crews reopened the northern bridge \u2028after repairs.", "source": "Meridian Wire"},
    {"text": "Buses returned to the café district — slowly.", "source": "Northlight"},
]


def test_utf8_jsonl_file_is_read_a_line_at_a_time_not_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    feed = write(tmp_path / "feed.jsonl", _jsonl(FEED))
    expected = [d.text for d in read_bytes(feed.read_bytes(), str(feed)) if isinstance(d, Document)]

    def refuse(self: Path) -> bytes:
        raise AssertionError(f"{self} was read whole")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    docs, skipped = read_inputs([feed])
    assert [d.text for d in docs] == expected and len(docs) == 3 and not skipped
    assert [d.path for d in docs] == [f"{feed}#1", f"{feed}#2", f"{feed}#3"]


def test_unicode_line_separator_inside_a_jsonl_string_does_not_split_the_record(tmp_path: Path) -> None:
    feed = write(tmp_path / "feed.jsonl", _jsonl(FEED[1:2]))
    for docs in (
        read_inputs([feed])[0],
        [d for d in read_bytes(feed.read_bytes(), str(feed)) if isinstance(d, Document)],
    ):
        assert len(docs) == 1 and "\u2028" in docs[0].raw_text


def test_jsonl_in_a_legacy_encoding_is_still_read(tmp_path: Path) -> None:
    feed = write(tmp_path / "feed.jsonl", _jsonl(FEED[2:]).encode("cp1252"))
    docs, skipped = read_inputs([feed])
    assert not skipped and "café" in docs[0].raw_text


def test_empty_jsonl_file_is_skipped_with_the_empty_file_error(tmp_path: Path) -> None:
    feed = write(tmp_path / "feed.jsonl", "\n\n")
    docs, skipped = read_inputs([feed])
    assert not docs and skipped[0].reason.startswith("E002")
