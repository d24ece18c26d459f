from __future__ import annotations

import json

from storyline.io.records import Record, iter_records
from storyline.records import Hint, Skipped


def test_jsonl_gives_one_record_per_line_with_hints() -> None:
    lines = [
        {"text": "Crews repaired the bridge.", "title": "Bridge repaired", "source": "Meridian Wire"},
        {"body": "The ferry resumed service.", "date": "2022-09-12", "url": "https://m.example/f"},
    ]
    out = list(iter_records("\n".join(json.dumps(x) for x in lines), "feed.jsonl", jsonl=True))
    assert [r.path for r in out if isinstance(r, Record)] == ["feed.jsonl#1", "feed.jsonl#2"]
    first, second = out
    assert isinstance(first, Record) and isinstance(second, Record)
    assert first.text == "Crews repaired the bridge."
    assert Hint("source", "Meridian Wire", "record") in first.hints
    assert Hint("published", "2022-09-12", "record") in second.hints
    assert Hint("url", "https://m.example/f", "record") in second.hints


def test_malformed_jsonl_line_is_skipped_and_the_rest_goes_on() -> None:
    content = '{"text": "One."}\n{"text": "Two.\n{"text": "Three."}\n'
    out = list(iter_records(content, "feed.jsonl", jsonl=True))
    assert [type(x) for x in out] == [Record, Skipped, Record]
    bad = out[1]
    assert isinstance(bad, Skipped)
    assert bad.path == "feed.jsonl#2"
    assert bad.reason.startswith("E005: feed.jsonl line 2 is not valid JSON")


def test_json_file_may_hold_one_object_or_a_list() -> None:
    one = list(iter_records('{"text": "Alone."}', "one.json", jsonl=False))
    many = list(iter_records('[{"text": "A."}, {"text": "B."}]', "many.json", jsonl=False))
    assert [r.path for r in one if isinstance(r, Record)] == ["one.json#1"]
    assert [r.path for r in many if isinstance(r, Record)] == ["many.json#1", "many.json#2"]


def test_record_without_text_is_skipped_with_e006() -> None:
    (out,) = iter_records('{"title": "No body here"}', "a.jsonl", jsonl=True)
    assert isinstance(out, Skipped)
    assert out.reason.startswith("E006: a.jsonl record 1 has no 'text' or 'body' field")


def test_record_that_is_not_an_object_is_skipped() -> None:
    (out,) = iter_records('["text", "list"]', "a.jsonl", jsonl=True)
    assert isinstance(out, Skipped)
    assert out.reason.startswith("E016:")


def test_timeline17_time_field_is_the_publication_date() -> None:
    line = json.dumps({"id": "978", "time": "2009-05-12", "text": "The virus spread ."})
    (record,) = iter_records(line, "articles.jsonl", jsonl=True)
    assert isinstance(record, Record)
    assert Hint("published", "2009-05-12", "record") in record.hints
