"""``batch --report DIR``: a review page per document and an index with counts and failures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.review._page import read_page
from typer.testing import CliRunner

from policyparse import batch
from policyparse.batch import BatchError, Outcome, Task, run_batch
from policyparse.cli import app
from policyparse.review import index as review_index
from policyparse.schema import PolicyDocument

runner = CliRunner()
PROCESS_DOCUMENT = batch.process_document


def test_report_has_a_page_per_document_and_lists_failures(
    docs_with_bad_files: Path, tmp_path: Path
) -> None:
    feed, report = tmp_path / "feed.jsonl", tmp_path / "report"
    summary = run_batch([str(docs_with_bad_files)], feed, workers=1, report_dir=report)
    assert summary.report_index == str(report / "index.html")
    documents = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    index = (report / "index.html").read_text(encoding="utf-8")
    statuses = re.findall(r'<tr data-status="(\w+)">', index)
    # inputs in sorted order: the empty and the binary file fail between the documents
    assert statuses.count("ok") == len(documents) == 7
    assert statuses.count("failed") == len(summary.failures) == 2
    for failure in summary.failures:
        assert failure.path in index
    for document in documents:
        page = report / f"{document['document']['id']}.html"
        assert f'href="{page.name}"' in index
        html = page.read_bytes().decode("utf-8")
        source = Path(document["document"]["source"]).read_bytes().decode("utf-8-sig")
        assert read_page(html).text == source
        assert f"<b>{len(document['commitments'])}</b> commitments" in html
    total = sum(len(d["commitments"]) for d in documents)
    assert f"7 documents, {total} commitments, 2 failed" in index


def test_same_stem_in_two_folders_gets_two_pages(docs: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    name = "changchun-2018-quality-plan.txt"
    (other / name).write_bytes((docs / name).read_bytes())
    report = tmp_path / "report"
    run_batch(
        [str(docs / name), str(other / name)], tmp_path / "f.jsonl", workers=1, report_dir=report
    )
    assert sorted(p.name for p in report.iterdir()) == [
        "changchun-2018-quality-plan.html",
        "changchun-2018-quality-plan~2.html",
        "index.html",
    ]


def test_an_existing_report_is_kept_unless_asked(docs: Path, tmp_path: Path) -> None:
    report = tmp_path / "report"
    run_batch([str(docs)], tmp_path / "a.jsonl", workers=1, report_dir=report)
    before = (report / "index.html").read_bytes()
    with pytest.raises(BatchError, match=r"index\.html exists; pass --force"):
        run_batch([str(docs)], tmp_path / "b.jsonl", workers=1, report_dir=report)
    assert (report / "index.html").read_bytes() == before
    assert not (tmp_path / "b.jsonl").exists()
    run_batch([str(docs)], tmp_path / "b.jsonl", workers=1, report_dir=report, force=True)


def test_report_with_the_feed_on_stdout(docs: Path, tmp_path: Path) -> None:
    report = tmp_path / "report"
    result = runner.invoke(app, ["batch", str(docs), "-o", "-", "--report", str(report), "-q"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 7
    assert len(list(report.glob("*.html"))) == 8


def test_report_cli_names_the_index(docs: Path, tmp_path: Path) -> None:
    report = tmp_path / "report"
    result = runner.invoke(
        app, ["batch", str(docs), "-o", str(tmp_path / "f.csv"), "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert f"review pages: {report / 'index.html'}" in result.output
    again = runner.invoke(
        app, ["batch", str(docs), "-o", str(tmp_path / "g.csv"), "--report", str(report)]
    )
    assert again.exit_code == 2
    assert "index.html exists; pass --force" in again.output


@pytest.mark.slow
def test_report_from_worker_processes_matches_in_process(docs: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    run_batch([str(docs)], tmp_path / "1.jsonl", workers=1, report_dir=one)
    run_batch([str(docs)], tmp_path / "2.jsonl", workers=2, report_dir=two)
    for page in one.iterdir():
        assert (two / page.name).read_bytes() == page.read_bytes()


def test_a_resumed_run_writes_the_same_pages_as_an_uninterrupted_one(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = tmp_path / "whole"
    run_batch([str(docs)], tmp_path / "whole.jsonl", workers=1, report_dir=whole)

    done: list[str] = []

    def interrupted(task: Task) -> Outcome:
        if len(done) == 3:
            raise KeyboardInterrupt
        done.append(task.path)
        return PROCESS_DOCUMENT(task)

    out, resumed = tmp_path / "resumed.jsonl", tmp_path / "resumed"
    monkeypatch.setattr(batch, "process_document", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(docs)], out, workers=1, report_dir=resumed)
    monkeypatch.setattr(batch, "process_document", PROCESS_DOCUMENT)
    # the three pages of the first run are rendered again from the checkpoint
    run_batch([str(docs)], out, workers=1, report_dir=resumed, resume=True)
    assert sorted(p.name for p in resumed.iterdir()) == sorted(p.name for p in whole.iterdir())
    for page in whole.iterdir():
        assert (resumed / page.name).read_bytes() == page.read_bytes()


def test_a_page_that_cannot_be_rendered_is_listed_and_the_batch_goes_on(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import policyparse.review

    def broken(text: str, document: PolicyDocument, **_: object) -> str:
        if "qingdao" in document.document.id:
            raise ValueError("no page for this one")
        return "<!DOCTYPE html>"

    # in the worker (which renders first) and in the parent (which tries again)
    monkeypatch.setattr(policyparse.review, "render_report", broken)
    monkeypatch.setattr(review_index, "render_report", broken)
    report = tmp_path / "report"
    summary = run_batch([str(docs)], tmp_path / "f.jsonl", workers=1, report_dir=report)
    assert summary.documents == 7 and not summary.failures
    index = (report / "index.html").read_text(encoding="utf-8")
    assert "failed: page not written: no page for this one" in index
    assert len(list(report.glob("*.html"))) == 7  # six pages and the index


def test_page_names_never_collide_nor_replace_the_index() -> None:
    from policyparse.review.index import page_names

    paths = ["a/index.txt", "b/INDEX.txt", "c/Plan.txt", "d/plan.docx", "-", "e/方案<1>.txt"]
    assert page_names(paths) == [
        "index~2.html",
        "INDEX~3.html",
        "Plan.html",
        "plan~2.html",
        "stdin.html",
        "方案_1_.html",
    ]
