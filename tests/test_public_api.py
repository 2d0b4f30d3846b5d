"""Every public name imports, and importing the package stays light."""

from __future__ import annotations

import subprocess
import sys

import policyparse


def test_dunder_all_imports() -> None:
    for name in policyparse.__all__:
        assert getattr(policyparse, name) is not None


def test_parse_text_and_path_agree(tmp_path: object) -> None:
    from pathlib import Path

    text = "一、总体要求\n到2020年，覆盖率达到80%。"
    path = Path(str(tmp_path)) / "plan.txt"
    path.write_text(text, encoding="utf-8")
    from_text = policyparse.parse(text)
    from_path = policyparse.parse(path)
    assert from_text.sections == from_path.sections
    assert from_path.document.id == "plan"


def test_import_does_not_load_heavy_modules() -> None:
    code = "import sys, policyparse.cli; print(sorted(m for m in ('spacy','pandas','jieba','opencc') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
