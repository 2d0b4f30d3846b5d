"""Headless Chromium for the end-to-end tests of the review pages.

Debian's ``chromium`` and ``chromium-driver`` drive the browser (``.ci/run``
installs them). Where they are missing the tests are skipped, unless
``POLICYPARSE_REQUIRE_BROWSER=1`` (set by CI), where a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("POLICYPARSE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("POLICYPARSE_CHROMEDRIVER", "/usr/bin/chromedriver")
# no network and no background services: the page must work offline
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--window-size=1600,1000",
)


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is not installed"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (Path(path).exists() or shutil.which(path)):
            return f"{path} not found (apt-get install chromium chromium-driver)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium with its own empty profile, closed after the module's tests
    (so that it does not run beside the rest of the suite)."""
    reason = _missing()
    if reason:
        if os.environ.get("POLICYPARSE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests required: {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="policyparse-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def console_errors(driver: Any) -> list[str]:
    """Errors the page wrote to the console (a script error, a blocked resource)."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
