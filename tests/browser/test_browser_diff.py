"""The diff page in headless Chromium, opened from disk: the xxcity-2024 template
against its filled-in, revised copy (``tests/review/test_review_diff.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policyparse.review.plandiff import GROUPS, render_diff
from tests.browser.conftest import console_errors
from tests.review.test_review_diff import xxcity_diff


@pytest.fixture
def diff_page(browser: Any, tmp_path: Path) -> Any:
    result, old_text, new_text = xxcity_diff()
    path = tmp_path / "diff.html"
    path.write_text(render_diff(result, old_text=old_text, new_text=new_text), encoding="utf-8")
    console_errors(browser)  # drop what earlier pages logged
    browser.get(path.as_uri())
    return browser


def _in_viewport(driver: Any, element: Any) -> bool:
    return bool(
        driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return r.top >= 0 && r.bottom <= window.innerHeight"
            " && r.left >= 0 && r.right <= window.innerWidth;",
            element,
        )
    )


def test_the_diff_page_in_a_browser(diff_page: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    driver = diff_page
    for key, heading in GROUPS:
        title = driver.find_element(By.CSS_SELECTOR, f"#group-{key} h2")
        assert title.is_displayed()
        assert title.text.startswith(heading)

    # the unchanged pairs are folded until their heading is clicked
    unchanged = driver.find_elements(By.CSS_SELECTOR, "#group-unchanged .item")
    assert len(unchanged) == 31
    assert not any(item.is_displayed() for item in unchanged)
    driver.find_element(By.CSS_SELECTOR, "#group-unchanged > summary").click()
    assert all(item.is_displayed() for item in unchanged)

    # a quote's link scrolls its place in the new text into view
    link = driver.find_element(By.CSS_SELECTOR, "#group-changed .item a[href^='#new-c-']")
    target_id = link.get_attribute("href").rpartition("#")[2]
    link.click()
    assert driver.execute_script("return location.hash") == f"#{target_id}"
    anchor = driver.find_element(By.ID, target_id)
    assert _in_viewport(driver, anchor)
    highlight = driver.execute_script("return arguments[0].nextElementSibling", anchor)
    assert "st-changed" in highlight.get_attribute("class")
    assert _in_viewport(driver, highlight)

    shot = tmp_path / "diff.png"
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 0
    assert console_errors(driver) == []
