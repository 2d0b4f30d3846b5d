"""The review page in headless Chromium, used as a person would: click a highlight,
read the details, filter and sort the table, jump from a row to the text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policyparse.ingest import read_source
from policyparse.pipeline import parse_source
from policyparse.review import render_report
from policyparse.schema import PolicyDocument
from tests.browser.conftest import console_errors

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "docs"
CHANGCHUN = DOCS / "changchun-2018-quality-plan.txt"
QINGDAO = DOCS / "qingdao-2016-arts-education.txt"


def _write_page(path: Path, folder: Path) -> tuple[Path, PolicyDocument]:
    source = read_source(path)
    document = parse_source(source)
    page = folder / f"{path.stem}.html"
    page.write_bytes(render_report(source.text, document).encode("utf-8"))
    return page, document


def _in_viewport(driver: Any, element: Any) -> bool:
    return bool(
        driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return r.bottom > 0 && r.top < window.innerHeight;",
            element,
        )
    )


def _field(driver: Any, name: str) -> str:
    from selenium.webdriver.common.by import By

    return str(driver.find_element(By.CSS_SELECTOR, f'#details dd[data-field="{name}"]').text)


def _visible_rows(driver: Any) -> list[Any]:
    from selenium.webdriver.common.by import By

    return [
        r
        for r in driver.find_elements(By.CSS_SELECTOR, "#commitments tbody tr")
        if r.is_displayed()
    ]


def test_click_a_highlight_filter_the_table_and_jump_back(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    page, document = _write_page(CHANGCHUN, tmp_path)
    browser.get(page.as_uri())
    assert console_errors(browser) == []  # the policy let the page's own script run

    # 到2020年，实现优质普惠性幼儿园覆盖率达到80% — click the 80%
    (target,) = [
        c for c in document.commitments if c.value == 80 and c.metric == "优质普惠性幼儿园覆盖率"
    ]
    highlight = browser.find_element(By.CSS_SELECTOR, f'#text .hl[data-ref~="{target.id}"]')
    assert "80%" in highlight.text
    highlight.click()
    assert _field(browser, "value") == "80"
    assert _field(browser, "unit") == "%"
    assert _field(browser, "deadline").startswith("2020")
    assert _field(browser, "comparator") == ">="
    assert _field(browser, "metric") == "优质普惠性幼儿园覆盖率"
    selected = browser.find_element(By.CSS_SELECTOR, "#commitments tbody tr.sel")
    assert selected.get_attribute("data-ref") == target.id

    # filter: deadline records only, then everything with a deadline
    kinds = [c.kind for c in document.commitments]
    Select(browser.find_element(By.ID, "f-kind")).select_by_value("deadline")
    assert len(_visible_rows(browser)) == kinds.count("deadline")
    assert (
        browser.find_element(By.ID, "shown").text
        == f"{kinds.count('deadline')} of {len(kinds)} shown"
    )
    Select(browser.find_element(By.ID, "f-kind")).select_by_value("")
    browser.find_element(By.ID, "f-deadline").click()
    assert len(_visible_rows(browser)) == sum(1 for c in document.commitments if c.deadline)
    browser.find_element(By.ID, "f-deadline").click()

    # sort by amount, largest first: 160所 leads
    amount_head = browser.find_element(By.CSS_SELECTOR, "#commitments thead th:nth-child(4) button")
    amount_head.click()
    amount_head.click()
    first = _visible_rows(browser)[0]
    assert "160" in first.text
    assert (
        browser.find_element(By.CSS_SELECTOR, "#commitments thead th:nth-child(4)").get_attribute(
            "aria-sort"
        )
        == "descending"
    )

    # a row jumps to its place in the text and shows its fields
    first.click()
    (largest,) = [c for c in document.commitments if c.value == 160]
    anchor = browser.find_element(By.ID, f"c-{largest.id}")
    assert _in_viewport(
        browser, browser.find_element(By.CSS_SELECTOR, f'#text .hl[data-ref~="{largest.id}"]')
    )
    assert anchor is not None
    assert _field(browser, "value") == "160"
    assert _field(browser, "unit") == "所"

    shot = tmp_path / "report.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000


def test_owner_link_and_skipped_numbers(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    page, document = _write_page(QINGDAO, tmp_path)
    browser.get(page.as_uri())
    owned = next(c for c in document.commitments if c.owner_source == "responsible_units")
    browser.find_element(By.CSS_SELECTOR, f'#commitments tbody tr[data-ref="{owned.id}"]').click()
    assert _field(browser, "owner").startswith(owned.owner or "-")
    assert "responsible-unit list" in _field(browser, "owner from")
    browser.find_element(By.CSS_SELECTOR, '#details dd[data-field="owner"] button').click()
    assert owned.owner_span is not None
    owner_mark = browser.find_element(
        By.CSS_SELECTOR, f"#o-{owned.owner_span[0]}-{owned.owner_span[1]} + .own"
    )
    assert _in_viewport(browser, owner_mark)

    # the owner filter keeps that owner's rows
    Select(browser.find_element(By.ID, "f-owner")).select_by_value(owned.owner or "")
    assert len(_visible_rows(browser)) == sum(
        1 for c in document.commitments if c.owner == owned.owner
    )

    # skipped numbers: a tab of their own, filterable by rule
    browser.find_element(By.ID, "tab-skipped").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "#skipped tbody tr")
    assert len(rows) == len(document.skipped)
    reason = document.skipped[0].reason
    Select(browser.find_element(By.ID, "f-reason")).select_by_value(reason)
    shown = [r for r in rows if r.is_displayed()]
    assert len(shown) == sum(1 for s in document.skipped if s.reason == reason)
    shown[-1].click()
    assert console_errors(browser) == []


HOSTILE = (
    "一、总体要求\n"
    "到2020年，<script>window.pwned=1</script>覆盖率达到80%。</textarea>"
    '<img src=x onerror="window.pwned=2"><a href="javascript:window.pwned=3">链接</a>&amp;lt;\n'
)


def test_hostile_document_shows_its_markup_as_text(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    page, _ = _write_page(path, tmp_path)
    browser.get(page.as_uri())
    text = browser.find_element(By.ID, "text").text
    for raw in (
        "<script>window.pwned=1</script>",
        "</textarea>",
        "<img src=x",
        "javascript:",
        "&amp;lt;",
    ):
        assert raw in text
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.find_elements(By.CSS_SELECTOR, "#text img, #text a, #text script") == []
    browser.find_element(By.CSS_SELECTOR, "#text .hl").click()
    assert "<script>" in browser.find_element(By.ID, "details").text


@pytest.mark.parametrize("width", [900])
def test_narrow_window_still_shows_the_text(browser: Any, tmp_path: Path, width: int) -> None:
    from selenium.webdriver.common.by import By

    page, _ = _write_page(CHANGCHUN, tmp_path)
    size = browser.get_window_size()
    try:
        browser.set_window_size(width, 900)
        browser.get(page.as_uri())
        main = browser.find_element(By.ID, "text")
        assert main.size["width"] > width * 0.8
    finally:
        browser.set_window_size(size["width"], size["height"])


def test_batch_index_sorts_filters_and_links_both_ways(browser: Any, tmp_path: Path) -> None:
    import shutil

    from selenium.webdriver.common.by import By

    from policyparse.batch import run_batch

    docs = tmp_path / "docs"
    docs.mkdir()
    for path in sorted(DOCS.glob("*.txt")):
        shutil.copy(path, docs / path.name)
    (docs / "empty.txt").write_bytes(b"")
    report = tmp_path / "report"
    run_batch([str(docs)], tmp_path / "feed.jsonl", workers=1, report_dir=report)
    feed = [
        PolicyDocument.model_validate_json(line)
        for line in (tmp_path / "feed.jsonl").read_text("utf-8").splitlines()
    ]
    most_unparsed = max(feed, key=lambda d: sum(s.reason == "unparsed" for s in d.skipped))

    browser.get((report / "index.html").as_uri())
    assert console_errors(browser) == []
    unparsed = browser.find_element(
        By.XPATH, "//table[@id='documents']//th[button='unparsed']/button"
    )
    unparsed.click()
    unparsed.click()  # descending
    rows = browser.find_elements(By.CSS_SELECTOR, "#documents tbody tr")
    assert most_unparsed.document.id in rows[0].text
    assert rows[-1].get_attribute("data-status") == "failed"  # no counts: last either way

    browser.find_element(By.ID, "failed-only").click()
    shown = [r for r in rows if r.is_displayed()]
    assert len(shown) == 1 and "empty.txt" in shown[0].text
    browser.find_element(By.ID, "failed-only").click()

    rows[0].find_element(By.TAG_NAME, "a").click()
    assert browser.current_url.endswith(f"{most_unparsed.document.id}.html")
    assert browser.find_element(By.ID, "doc-title").text
    browser.find_element(By.ID, "to-index").click()
    assert browser.current_url.endswith("index.html")
