"""The scoring rule of corpus/GUIDELINES.md: overlap plus equal value, one to one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyparse.evaluate import load_gold, score_document
from policyparse.schema import Commitment

TEXT = "到2020年，覆盖率达到80%（6月底完成）；数量达到160所（6月底完成）。"


def commitment(
    quote: str, *, value: float | None, kind: str = "target", occurrence: int = 0, **fields: object
) -> Commitment:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(quote, start + 1)
    data: dict[str, object] = {
        "id": f"c{start}",
        "quote": quote,
        "span": (start, start + len(quote)),
        "section": None,
        "kind": kind,
        "metric": None,
        "value": value,
        "unit": None,
        "comparator": None,
        "modality": "binding",
        "confidence": 0.5,
        "rule": "test",
    }
    data.update(fields)
    return Commitment.model_validate(data)


def gold_file(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "doc.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return path


def test_overlap_and_equal_value_match(tmp_path: Path) -> None:
    gold, problems = load_gold(
        gold_file(tmp_path, [{"quote": "覆盖率达到80%", "value": 80, "kind": "target"}]), TEXT
    )
    assert problems == []
    score = score_document("doc", gold, [commitment("80%", value=80)])
    assert (score.matched, score.precision, score.recall) == (1, 1.0, 1.0)


def test_a_different_value_does_not_match(tmp_path: Path) -> None:
    gold, _ = load_gold(gold_file(tmp_path, [{"quote": "覆盖率达到80%", "value": 80}]), TEXT)
    score = score_document("doc", gold, [commitment("80%", value=8)])
    assert score.matched == 0
    assert len(score.missed) == 1 and len(score.spurious) == 1


def test_two_placeholders_are_equal(tmp_path: Path) -> None:
    text = "普惠性幼儿园占比达到xx%以上。"
    path = gold_file(
        tmp_path, [{"quote": "普惠性幼儿园占比达到xx%", "value": None, "placeholder": True}]
    )
    gold, _ = load_gold(path, text)
    system = Commitment.model_validate(
        {
            "id": "a",
            "quote": "xx%",
            "span": (10, 13),
            "section": None,
            "kind": "target",
            "metric": None,
            "value": None,
            "unit": "%",
            "comparator": ">=",
            "modality": "binding",
            "placeholder": True,
            "confidence": 0.5,
            "rule": "test",
        }
    )
    assert score_document("doc", gold, [system]).matched == 1


def test_a_repeated_quote_is_located_in_document_order(tmp_path: Path) -> None:
    # the second record means the second 6月底完成, after 数量达到160所
    records = [
        {"quote": "数量达到160所", "value": 160},
        {"quote": "6月底完成", "value": None, "kind": "deadline"},
    ]
    gold, _ = load_gold(gold_file(tmp_path, records), TEXT)
    assert gold[1].span == (TEXT.rindex("6月底完成"), TEXT.rindex("6月底完成") + len("6月底完成"))
    first = commitment("6月底完成", value=None, kind="deadline", occurrence=0)
    assert score_document("doc", gold, [first]).matched == 0
    second = commitment("6月底完成", value=None, kind="deadline", occurrence=1)
    assert score_document("doc", gold, [second]).matched == 1


def test_each_gold_record_matches_once(tmp_path: Path) -> None:
    gold, _ = load_gold(gold_file(tmp_path, [{"quote": "覆盖率达到80%", "value": 80}]), TEXT)
    score = score_document(
        "doc", gold, [commitment("80%", value=80), commitment("覆盖率", value=80)]
    )
    assert score.matched == 1 and len(score.spurious) == 1


@pytest.mark.parametrize(
    ("field", "gold_value", "system_value", "hit"),
    [
        ("metric", "优质普惠性幼儿园覆盖率", "普惠性幼儿园覆盖率", True),  # containment
        ("metric", "优质普惠性幼儿园覆盖率", "教师工资", False),
        ("owner", "市教育局、市财政局", "市教育局，市财政局", True),  # similarity ≥ 80
        ("owner", "市教育局", None, False),
        ("scope", None, None, True),
        ("comparator", ">=", "=", False),
        ("deadline", 2020, 2020, True),
    ],
)
def test_field_scoring(
    tmp_path: Path, field: str, gold_value: object, system_value: object, hit: bool
) -> None:
    gold, _ = load_gold(
        gold_file(tmp_path, [{"quote": "覆盖率达到80%", "value": 80, field: gold_value}]), TEXT
    )
    score = score_document("doc", gold, [commitment("80%", value=80, **{field: system_value})])
    assert (score.field_hits.get(field, 0) == 1) is hit


def test_a_quote_not_in_the_document_is_reported(tmp_path: Path) -> None:
    gold, problems = load_gold(gold_file(tmp_path, [{"quote": "不存在的句子", "value": 1}]), TEXT)
    assert gold[0].span is None
    assert problems and "quote not found" in problems[0]
