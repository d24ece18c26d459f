from dataclasses import replace

import pytest

from storyline.errors import StageError
from storyline.pipeline import DocumentPipeline, Stage, check_order
from storyline.records import Document


def _upper(doc: Document) -> Document:
    return replace(doc, text=doc.text.upper())


def _fail_on_bad(doc: Document) -> Document:
    if "bad" in doc.text:
        raise ValueError("cannot handle this text")
    return doc


def test_stage_order_is_checked_when_the_pipeline_is_built() -> None:
    needs = Stage(name="b", func=_upper, requires=("a",))
    with pytest.raises(StageError, match="E021: stage 'b' needs 'a'"):
        check_order([needs])


def test_failed_document_is_skipped_with_stage_and_path_and_the_rest_go_on(make_doc) -> None:
    pipeline = DocumentPipeline([Stage(name="check", func=_fail_on_bad), Stage(name="upper", func=_upper)])
    docs = [make_doc("good one.", path="a.txt"), make_doc("bad one.", path="b.txt"), make_doc("fine.", path="c.txt")]
    out = list(pipeline.pipe(docs, batch_size=2))
    assert [d.text for d in out] == ["GOOD ONE.", "FINE."]
    assert len(pipeline.skipped) == 1
    assert pipeline.skipped[0].path == "b.txt"
    assert "stage 'check' failed on b.txt" in pipeline.skipped[0].reason


def test_raise_policy_names_the_failing_stage(make_doc) -> None:
    pipeline = DocumentPipeline([Stage(name="check", func=_fail_on_bad)], on_error="raise")
    with pytest.raises(StageError, match=r"stage 'check' failed on b\.txt"):
        list(pipeline.pipe([make_doc("bad.", path="b.txt")]))


def test_stage_returning_the_wrong_type_is_named(make_doc) -> None:
    pipeline = DocumentPipeline([Stage(name="broken", func=lambda d: d.text)], on_error="raise")  # type: ignore[arg-type,return-value]
    with pytest.raises(StageError, match="E020: stage 'broken' returned str"):
        pipeline(make_doc("text."))


def test_a_stage_records_what_it_provides(make_doc) -> None:
    out = DocumentPipeline([Stage(name="upper", func=_upper, provides=("shout",))])(make_doc("x."))
    assert {"upper", "shout"} <= out.done


def test_batch_stage_failure_falls_back_to_one_by_one(make_doc) -> None:
    def batch(docs: list[Document]) -> list[Document]:
        return [_fail_on_bad(d) for d in docs]

    stage = Stage(name="check", func=_fail_on_bad, batch=batch)
    pipeline = DocumentPipeline([stage])
    out = list(pipeline.pipe([make_doc("ok.", path="a"), make_doc("bad.", path="b")], batch_size=4))
    assert [d.path for d in out] == ["a"]
    assert [s.path for s in pipeline.skipped] == ["b"]
