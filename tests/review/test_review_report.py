"""The review page of a document: the text exactly, every commitment and skipped
number marked where it stands, the tables, the metadata — and no markup from the text."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from html import unescape
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policyparse.cli import app
from policyparse.ingest import read_source
from policyparse.pipeline import parse_source
from policyparse.review import SpanMismatchError, render_report
from policyparse.review._html import Mark, json_script, mark_text
from policyparse.schema import PolicyDocument
from policyparse.types import SourceText
from tests.conftest import CORPUS_DOCS
from tests.review._page import read_page, script_sources

runner = CliRunner()
DOCS = Path(__file__).resolve().parents[2] / "corpus" / "docs"
QINGDAO = DOCS / "qingdao-2016-arts-education.txt"
CHANGCHUN = DOCS / "changchun-2018-quality-plan.txt"
OCR = DOCS / "xxcity-2021-reform-pilot-ocr.txt"


@cache
def _parsed(path: Path) -> tuple[str, PolicyDocument, str]:
    source = read_source(path)
    document = parse_source(source)
    return source.text, document, render_report(source.text, document)


def _text_source(text: str) -> SourceText:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return SourceText(
        source="hostile.txt", text=text, encoding="utf-8", file_format="txt", sha256=digest
    )


# ------------------------------------------------------------------ the text


@pytest.mark.parametrize("path", CORPUS_DOCS, ids=lambda p: p.stem)
def test_page_shows_the_original_text_exactly(path: Path) -> None:
    text, _, html = _parsed(path)
    assert read_page(html).text == text


@pytest.mark.parametrize("path", CORPUS_DOCS, ids=lambda p: p.stem)
def test_every_commitment_is_highlighted_where_it_stands(path: Path) -> None:
    _, document, html = _parsed(path)
    page = read_page(html)
    for c in document.commitments:
        assert f"c-{c.id}" in page.ids
        assert page.text_of_ref(c.id) == c.quote
        first = [p for p in page.pieces if p.refs and p.refs[0] == c.id]
        kinds = {
            p.classes
            & {f"k-{k}" for k in ("target", "change", "standard", "frequency", "deadline")}
            for p in first
        }
        assert kinds == {frozenset({f"k-{c.kind}"})}
        # hovering names the kind first
        assert all((p.title or "").startswith(c.kind) for p in first)


def test_owners_and_deadlines_are_marked_in_the_text() -> None:
    _, document, html = _parsed(QINGDAO)
    page = read_page(html)
    owners = page.runs("own")
    deadlines = page.runs("ddl")
    # （责任单位：市教育局，各区、市政府）closing an item names the owner of its targets
    assert "市教育局，各区、市政府" in owners
    for c in document.commitments:
        if c.owner_span:
            assert f"o-{c.owner_span[0]}-{c.owner_span[1]}" in page.ids
        if c.deadline_span:
            assert f"d-{c.deadline_span[0]}-{c.deadline_span[1]}" in page.ids
    assert any("2020年" in run for run in deadlines)


def test_excluded_and_unparsed_numbers_are_marked_with_their_reason() -> None:
    _, document, html = _parsed(OCR)
    page = read_page(html)
    unparsed = [s for s in document.skipped if s.reason == "unparsed"]
    excluded = [s for s in document.skipped if s.reason != "unparsed"]
    assert unparsed and excluded
    assert len(page.runs("unparsed")) == len(unparsed)
    titles = {p.title for p in page.pieces if "skip" in p.classes}
    assert {f"excluded by rule {s.reason}" for s in excluded} <= titles
    for i in range(len(document.skipped)):
        assert f"k-{i}" in page.ids


# ------------------------------------------------------------- the furniture


def test_header_shows_metadata_and_counts() -> None:
    _, document, html = _parsed(CHANGCHUN)
    meta = document.document
    assert f'<h1 id="doc-title">{meta.title}</h1>' in html
    for value in (*meta.issuers, meta.issued, "2018–2020"):
        assert value and value in html
    kinds = [c.kind for c in document.commitments]
    assert f"<b>{len(kinds)}</b> commitments" in html
    assert f'<span class="tag k-deadline">deadline</span> <b>{kinds.count("deadline")}</b>' in html


def test_outline_links_to_every_section() -> None:
    _, document, html = _parsed(CHANGCHUN)
    page = read_page(html)
    links = {href for tag, attrs in page.tags if tag == "a" and (href := attrs.get("href"))}
    for section in document.sections:
        assert f"#s-{section.id}" in links
        assert f"s-{section.id}" in page.ids


def test_table_has_a_row_per_commitment_with_filterable_fields() -> None:
    _, document, html = _parsed(QINGDAO)
    page = read_page(html)
    rows = [attrs for tag, attrs in page.tags if tag == "tr" and attrs.get("data-kind")]
    assert [r["data-ref"] for r in rows] == [
        c.id for c in sorted(document.commitments, key=lambda c: (c.span[0], -c.span[1]))
    ]
    owners = {r["data-owner"] for r in rows}
    assert "市教育局，各区、市政府" in owners
    assert {r["data-deadline"] for r in rows} == {"0", "1"}
    n_deadline = sum(1 for c in document.commitments if c.kind == "deadline")
    assert f'<option value="deadline">deadline ({n_deadline})</option>' in html


def test_details_data_round_trips_the_commitments() -> None:
    _, document, html = _parsed(QINGDAO)
    raw = re.search(r'<script type="application/json" id="pp-data">(.*?)</script>', html, re.S)
    assert raw is not None
    data = json.loads(raw.group(1))
    by_id = {c["id"]: c for c in data["commitments"]}
    for c in document.commitments:
        assert by_id[c.id] == c.model_dump(mode="json")
    assert set(data["ownerSources"]) == {"responsible_units", "subject", "share"}


# ------------------------------------------------------------------ safety


HOSTILE = (
    "一、总体要求\n"
    '到2020年，<script>window.pwned=1;alert(1)</script>覆盖率达到80%。</textarea><a href="javascript:alert(1)">x</a>\n'
    "（二）新建幼儿园10所&amp;lt;b&gt;，\"onmouseover=alert(1) x='<img src=x onerror=alert(1)>'。"
    "（责任单位：<b>市教育局</b>）\n"
)


def test_hostile_text_renders_as_text_never_as_markup() -> None:
    source = _text_source(HOSTILE)
    document = parse_source(source)
    assert document.commitments  # the hostile strings sit inside commitments
    html = render_report(HOSTILE, document)
    page = read_page(html)
    assert page.text == HOSTILE
    assert not {tag for tag, _ in page.tags} & {"img", "textarea"}
    for raw in ("<script>window", "</textarea>", "<b>市教育局", "<img src", 'href="javascript'):
        assert raw not in html
    assert sum(1 for tag, _ in page.tags if tag == "script") == 2  # the data and the page's own
    for _, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs)
        assert not str(attrs.get("href") or "").lower().startswith("javascript:")
    assert "window.pwned" not in "".join(script_sources(html))


def test_data_for_the_script_cannot_close_its_element() -> None:
    html = json_script("d", {"quote": "</script><script>alert(1)</script><!--"})
    assert html.count("</script>") == 1
    assert "<!--" not in html
    body = html.split(">", 1)[1].rsplit("<", 1)[0]
    assert json.loads(body) == {"quote": "</script><script>alert(1)</script><!--"}


def test_policy_allows_only_the_page_s_own_script_and_style() -> None:
    _, _, html = _parsed(CHANGCHUN)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy is not None
    (script,) = script_sources(html)
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style is not None
    allowed = unescape(policy.group(1))
    for source in (script, style.group(1)):
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed
    assert "default-src 'none'" in allowed
    assert "http://" not in html and "https://" not in html


def test_spans_that_do_not_index_the_text_are_refused() -> None:
    text, document, _ = _parsed(CHANGCHUN)
    with pytest.raises(SpanMismatchError, match="quotes"):
        render_report("前言\n" + text, document)


# ------------------------------------------------------------- marked text


def test_overlapping_marks_cut_the_text_and_keep_the_innermost_first() -> None:
    text = "覆盖率达到80%以上"
    html = mark_text(
        text,
        [
            Mark(0, 8, classes=("hl", "k-target"), ref="outer", weight=8),
            Mark(5, 8, classes=("hl", "k-change"), ref="inner", weight=3),
            Mark(0, 0, anchor="a-0"),
        ],
    )
    assert html.startswith('<span class="anchor" id="a-0"></span>')
    assert '<span class="hl k-change multi" data-ref="inner outer">80%</span>' in html
    assert '<span class="hl k-target" data-ref="outer">覆盖率达到</span>' in html
    assert html.endswith("</span>以上")


def test_marks_outside_the_text_are_dropped() -> None:
    assert mark_text("<80%>", [Mark(3, 9, classes=("x",))]) == "&lt;80%&gt;"


# -------------------------------------------------------------------- CLI


def test_report_command_writes_a_page_and_will_not_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "changchun.html"
    result = runner.invoke(app, ["report", str(CHANGCHUN), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_bytes().decode("utf-8")
    assert read_page(page).text == _parsed(CHANGCHUN)[0]
    # indicator ids are shown with their names
    assert 'title="优质普惠性幼儿园覆盖率">preschool.quality_inclusive_coverage' in page
    assert "wrote" in result.output and "9 commitments" in result.output
    again = runner.invoke(app, ["report", str(CHANGCHUN), "-o", str(out)])
    assert again.exit_code == 2
    assert (
        again.output.strip()
        == f"policyparse: error: [E301] {out} exists; pass --force to overwrite it"
    )
    assert runner.invoke(app, ["report", str(CHANGCHUN), "-o", str(out), "--force"]).exit_code == 0


def test_report_command_reads_stdin_and_writes_stdout() -> None:
    result = runner.invoke(app, ["report", "-"], input="一、目标\n到2020年，覆盖率达到80%。\n")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert "覆盖率达到80%" in read_page(result.stdout).text_of_ref(
        re.search(r'data-ref="([0-9a-f]+)"', result.stdout).group(1)  # type: ignore[union-attr]
    )


def test_report_command_names_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "none.txt"
    result = runner.invoke(app, ["report", str(missing), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2
    assert str(missing) in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.html").exists()


def test_metadata_links_to_where_it_was_read() -> None:
    text, document, html = _parsed(QINGDAO)
    page = read_page(html)
    links = {attrs.get("href") for tag, attrs in page.tags if tag == "a"}
    for field in ("issuers", "doc_number", "issued", "jurisdiction"):
        (first, *_) = document.document.evidence[field]
        assert f"#m-{field}-0" in links
        assert f"m-{field}-0" in page.ids
        # marked (an issuer read inside the title is part of the title's run)
        assert any(first.quote in run for run in page.runs("ev"))
    assert text[slice(*document.document.evidence["doc_number"][0].span)] == "青政办发〔2016〕33号"
