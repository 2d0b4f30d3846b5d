"""The diff page (``render_diff``, ``policyparse diff --html``) on real plans.

Inputs come from ``corpus/docs``: the xxcity-2024 template with a filled-in and
revised copy of it (placeholders filled, a value and a deadline changed, a target
dropped, one from liaocheng-2020 added), a changchun-2018 target split in two, and
two unrelated plans (qingdao-2016, baotou-2022 with \\r\\n line ends). The untrusted
text case wraps real targets in markup a document could carry.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policyparse import parse
from policyparse.cli import app
from policyparse.diff import DocumentRef, PlanDiff, diff_documents
from policyparse.review.document import SpanMismatchError
from policyparse.review.plandiff import GROUPS, render_diff
from tests.conftest import CORPUS, read_original
from tests.diff._inputs import write_pair

runner = CliRunner()

CORPUS_DOCS = CORPUS / "docs"
XXCITY = CORPUS_DOCS / "xxcity-2024-expand-quality-plan.txt"
QINGDAO = CORPUS_DOCS / "qingdao-2016-arts-education.txt"
BAOTOU = CORPUS_DOCS / "baotou-2022-digital-government-assessment.txt"

# fmt: off
# xxcity-2024 template → a filled-in, revised copy; each string occurs once in the template
FILLED_COPY_EDITS = (
    ("持续巩固在xx%以上", "持续巩固在85%以上"),                          # filled
    ("力争达到xx%以上", "力争达到55%以上"),                              # filled
    ("省级示范普通高中占比达到30%", "省级示范普通高中占比达到35%"),      # changed: value
    ("请于2024年7月底前报", "请于2024年9月底前报"),                      # changed: deadline month
    ("每学年监测视力不少于2次,", ""),                                    # removed
)
# liaocheng-2020-basic-education-reform.txt, appended as a new paragraph: added
LIAOCHENG_WAGE = "健全工资长效联动机制，确保义务教育教师平均工资收入水平不低于当地公务员平均工资收入水平。\n"
# changchun-2018: one target, and the same target split by area
SPLIT_OLD = "到2020年，实现城区和农村优质教育资源覆盖面达到95%。\n"
SPLIT_NEW = "到2020年，实现城区优质教育资源覆盖面达到95%，农村优质教育资源覆盖面达到90%。\n"
# real targets (changchun-2018, liaocheng-2020) inside markup a hostile document could carry
UNTRUSTED_OLD = (
    "关于印发</textarea><script>alert(1)</script>实施方案的通知\n"
    "到2020年，实现<script>alert(1)</script>覆盖率达到80%，javascript:alert(1)入学率达到90%。\n"
    "见&amp;lt;附件&gt;。\n"
)
UNTRUSTED_NEW = UNTRUSTED_OLD.replace("达到80%", "达到85%").replace("alert(1)入学率达到90%", "alert(2)入学率达到95%")
UNTRUSTED_STRINGS = ("<script>alert(1)</script>", "</textarea>", "javascript:alert(1)", "&amp;lt;")
# fmt: on

VOID_TAGS = frozenset({"meta", "link", "br", "hr", "img", "input", "wbr", "source", "col"})


def filled_copy(template: str) -> str:
    """The xxcity-2024 template filled in and revised by ``FILLED_COPY_EDITS``."""
    text = template
    for old, new in FILLED_COPY_EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text + "\n" + LIAOCHENG_WAGE


def xxcity_diff() -> tuple[PlanDiff, str, str]:
    """The template against its filled-in copy: the diff and both texts."""
    old_text = read_original(XXCITY)
    new_text = filled_copy(old_text)
    result = diff_documents(parse(old_text), parse(new_text), old_text=old_text, new_text=new_text)
    return result, old_text, new_text


def _diff(old_text: str, new_text: str) -> PlanDiff:
    return diff_documents(parse(old_text), parse(new_text), old_text=old_text, new_text=new_text)


class _Page(HTMLParser):
    """What a reader of the page sees, and the structure the tests look at."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.groups: dict[str, dict[str, str]] = {}
        self.items: dict[str, list[dict[str, str]]] = {}
        self.headings: dict[str, str] = {}
        self.texts: dict[str, str] = {"old-text": "", "new-text": ""}
        self.redlines: list[list[tuple[str, str]]] = []
        self.visible: list[str] = []
        self.policy = ""
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append(tag)
        if "id" in values:
            self.ids.append(values["id"])
        if "href" in values:
            self.hrefs.append(values["href"])
        if values.get("http-equiv") == "Content-Security-Policy":
            self.policy = values["content"]
        if values.get("id", "").startswith("group-"):
            key = values["id"].removeprefix("group-")
            self.groups[key] = {"tag": tag, **values}
            self.items[key] = []
            self.headings[key] = ""
        if tag == "article":
            self.items[self._group()].append(values)
        if "redline" in values.get("class", "").split():
            self.redlines.append([])
        if tag not in VOID_TAGS:
            self.stack.append((tag, values))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def _group(self) -> str:
        return next(a["id"] for _, a in reversed(self.stack) if "group-" in a.get("id", ""))[6:]

    def handle_data(self, data: str) -> None:
        tags = [tag for tag, _ in self.stack]
        if "body" not in tags:
            return
        self.visible.append(data)
        classes = {c for _, a in self.stack for c in a.get("class", "").split()}
        ids = [a.get("id", "") for _, a in self.stack]
        if "h2" in tags and any(i.startswith("group-") for i in ids) and "article" not in tags:
            self.headings[self._group()] += data
        if "text" in classes:
            side = next(i for i in ids if i in self.texts)
            self.texts[side] += data
        if "redline" in classes:
            kind = "del" if "del" in tags else "ins" if "ins" in tags else "equal"
            self.redlines[-1].append((kind, data))

    @property
    def text(self) -> str:
        return "".join(self.visible)


# ------------------------------------------------------------------ the page


def test_groups_in_order_with_their_counts_and_items() -> None:
    result, old_text, new_text = xxcity_diff()
    assert result.summary() == "1 added, 1 removed, 2 changed, 2 filled, 0 split, 31 unchanged"
    page = _Page(render_diff(result, old_text=old_text, new_text=new_text))
    assert list(page.groups) == ["removed", "added", "changed", "filled", "split", "unchanged"]
    assert [key for key, _ in GROUPS] == list(page.groups)
    for key, n in result.counts.items():
        assert page.groups[key]["data-count"] == str(n)
        assert [item["data-status"] for item in page.items[key]] == [key] * n
        assert page.headings[key].startswith(dict(GROUPS)[key] + " ")
        assert page.headings[key].endswith(f"({n})")
    assert page.headings["filled"] == "filled in (template) (2)"
    # the unchanged pairs are folded away, everything else is open
    assert page.groups["unchanged"]["tag"] == "details"
    assert "open" not in page.groups["unchanged"]
    assert {g["tag"] for key, g in page.groups.items() if key != "unchanged"} == {"section"}
    assert page.groups["split"] and "None." in page.text
    # the items name the commitments they show, in the diff's order
    assert [i["data-old"] for i in page.items["removed"]] == [c.id for c in result.removed]
    assert [i["data-new"] for i in page.items["added"]] == [c.id for c in result.added]
    for key in ("changed", "filled", "unchanged"):
        pairs = getattr(result, key)
        assert [(i["data-old"], i["data-new"]) for i in page.items[key]] == [
            (p.old.id, p.new.id) for p in pairs
        ]


def test_items_show_labels_field_changes_and_both_quotes_with_spans() -> None:
    result, old_text, new_text = xxcity_diff()
    text = _Page(render_diff(result, old_text=old_text, new_text=new_text)).text
    for expected in (
        "省级示范普通高中占比",
        "value 30 → 35",
        "deadline_month 7 → 9",
        "filled in: ≥ 85%",
        "filled in: ≥ 55%",
        "old省级示范普通高中占比达到30% [2684, 2699]in old",
        "new省级示范普通高中占比达到35% [2684, 2699]in new",
        "old普惠性幼儿园占比持续巩固在xx% [476, 492]in old",
        "removed (1)监测视力≥ 2次old监测视力不少于2次 [5461, 5470]in old",
        "义务教育教师平均工资收入水平",
    ):
        assert expected in text


def test_redlines_mark_deleted_and_inserted_text() -> None:
    result, old_text, new_text = xxcity_diff()
    html = render_diff(result, old_text=old_text, new_text=new_text)
    assert "占比达到3<del>0</del><ins>5</ins>%。" in html
    assert "持续巩固在<del>xx</del><ins>85</ins>%以上" in html
    assert "力争达到<del>xx</del><ins>55</ins>%以上" in html
    assert "2024年<del>7</del><ins>9</ins>月底前" in html
    redlines = _Page(html).redlines
    pairs = [*result.changed, *result.filled]
    assert len(redlines) == len(pairs)
    for ops, pair in zip(redlines, pairs, strict=True):
        # leaving out the insertions gives the old sentence, the deletions the new one
        assert "".join(text for kind, text in ops if kind != "ins") == pair.old_sentence.text
        assert "".join(text for kind, text in ops if kind != "del") == pair.new_sentence.text


def test_a_split_lists_the_old_quote_and_every_part() -> None:
    result = _diff(SPLIT_OLD, SPLIT_NEW)
    assert result.counts["split"] == 1
    html = render_diff(result, old_text=SPLIT_OLD, new_text=SPLIT_NEW)
    page = _Page(html)
    [item] = page.items["split"]
    assert item["data-old"] == result.split[0].old.id
    assert item["data-new"] == " ".join(c.id for c in result.split[0].new)
    assert "one commitment → 2" in page.text
    assert "old和农村优质教育资源覆盖面达到95%" in page.text
    assert "new优质教育资源覆盖面达到95% [11, 25]" in page.text
    assert "new优质教育资源覆盖面达到90% [28, 42]" in page.text
    assert "<ins>" in html and "<del>" in html
    for part in result.split[0].new:
        assert f'href="#new-c-{part.id}"' in html


def test_every_link_has_its_target_and_every_commitment_an_anchor() -> None:
    result, old_text, new_text = xxcity_diff()
    page = _Page(render_diff(result, old_text=old_text, new_text=new_text))
    assert len(page.ids) == len(set(page.ids))
    assert page.hrefs
    for href in page.hrefs:
        assert href.startswith("#"), href
        assert href[1:] in page.ids, href
    old_ids = [c.id for c in parse(old_text).commitments]
    new_ids = [c.id for c in parse(new_text).commitments]
    for side, ids in (("old", old_ids), ("new", new_ids)):
        anchors = [i for i in page.ids if i.startswith(f"{side}-c-")]
        assert sorted(anchors) == sorted(f"{side}-c-{i}" for i in ids)
    # each item links to its place in the text it comes from
    assert page.hrefs.count(f"#old-c-{result.removed[0].id}") == 1
    assert page.hrefs.count(f"#new-c-{result.added[0].id}") == 1


@pytest.mark.parametrize(
    ("old_path", "new_path"),
    [(XXCITY, None), (QINGDAO, BAOTOU), (BAOTOU, QINGDAO)],
    ids=["xxcity-filled", "qingdao-baotou", "baotou-qingdao"],
)
def test_the_texts_in_the_page_are_the_originals_exactly(
    old_path: Path, new_path: Path | None
) -> None:
    old_text = read_original(old_path)
    new_text = filled_copy(old_text) if new_path is None else read_original(new_path)
    result = _diff(old_text, new_text)
    page = _Page(render_diff(result, old_text=old_text, new_text=new_text))
    assert page.texts["old-text"] == old_text
    assert page.texts["new-text"] == new_text


def test_the_texts_mark_each_commitment_with_its_status() -> None:
    result, old_text, new_text = xxcity_diff()
    html = render_diff(result, old_text=old_text, new_text=new_text)
    removed, added = result.removed[0], result.added[0]
    assert (
        f'<span class="anchor" id="old-c-{removed.id}"></span>'
        f'<span class="st-removed" data-ref="{removed.id}"'
    ) in html
    assert (
        f'<span class="anchor" id="new-c-{added.id}"></span>'
        f'<span class="st-added" data-ref="{added.id}"'
    ) in html
    for pair in result.filled:
        assert f'<span class="st-filled" data-ref="{pair.old.id}"' in html
        assert f'<span class="st-filled" data-ref="{pair.new.id}"' in html
    assert 'title="changed · 省级示范普通高中占比 · value 30 → 35"' in html


def test_untrusted_text_is_shown_as_text_never_markup() -> None:
    result = _diff(UNTRUSTED_OLD, UNTRUSTED_NEW)
    assert result.counts["changed"] == 2
    hostile = "</textarea><script>alert(1)</script>&amp;lt;"
    result = result.model_copy(
        update={"old": DocumentRef(id="x", source=f"{hostile}.txt", title=hostile)}
    )
    html = render_diff(result, old_text=UNTRUSTED_OLD, new_text=UNTRUSTED_NEW)
    assert "<script" not in html.lower()
    assert "</textarea" not in html.lower()
    page = _Page(html)
    assert "script-src 'none'" in page.policy.split("; ")
    assert "script" not in page.tags and "textarea" not in page.tags
    assert all(href.startswith("#") for href in page.hrefs)
    for literal in UNTRUSTED_STRINGS:
        assert literal in page.text
    assert f"{hostile}.txt" in page.text
    # the label, both quotes and the redline carry the markup as text
    assert page.text.count("<script>alert(1)</script>覆盖率") >= 3
    assert page.texts == {"old-text": UNTRUSTED_OLD, "new-text": UNTRUSTED_NEW}


def test_the_page_fetches_nothing_and_runs_no_script() -> None:
    result, old_text, new_text = xxcity_diff()
    html = render_diff(result, old_text=old_text, new_text=new_text)
    assert "<script" not in html
    policy = _Page(html).policy.split("; ")
    assert "default-src 'none'" in policy and "script-src 'none'" in policy
    for fetching in ("http://", "https://", "src=", "@import", "url("):
        assert fetching not in html


def test_same_input_same_bytes() -> None:
    first, old_text, new_text = xxcity_diff()
    again, _, _ = xxcity_diff()
    assert render_diff(first, old_text=old_text, new_text=new_text) == render_diff(
        again, old_text=old_text, new_text=new_text
    )


def test_plans_without_commitments_give_an_empty_page() -> None:
    old_text = "一、总体要求\n坚持立德树人，全面推进素质教育。\n"
    result = _diff(old_text, "")
    page = _Page(render_diff(result, old_text=old_text, new_text=""))
    assert {g["data-count"] for g in page.groups.values()} == {"0"}
    assert page.texts == {"old-text": old_text, "new-text": ""}


def test_text_that_does_not_match_the_spans_is_refused() -> None:
    result, old_text, _ = xxcity_diff()
    with pytest.raises(SpanMismatchError, match="new commitment"):
        render_diff(result, old_text=old_text, new_text=old_text)


# ---------------------------------------------------------------- the command


def test_cli_html_writes_the_page_and_keeps_the_terminal_output(tmp_path: Path) -> None:
    out = tmp_path / "out" / "diff.html"
    result = runner.invoke(app, ["diff", str(XXCITY), _filled_file(tmp_path), "--html", str(out)])
    assert result.exit_code == 1, result.output
    assert "1 added, 1 removed, 2 changed, 2 filled, 0 split, 31 unchanged" in result.stdout
    assert result.stderr == f"wrote {out}\n"
    page = _Page(out.read_text(encoding="utf-8"))
    assert page.groups["filled"]["data-count"] == "2"
    assert page.texts["old-text"] == read_original(XXCITY)


def _filled_file(tmp_path: Path) -> str:
    path = tmp_path / "filled.txt"
    path.write_text(filled_copy(read_original(XXCITY)), encoding="utf-8")
    return str(path)


def test_cli_html_with_json(tmp_path: Path) -> None:
    out = tmp_path / "diff.html"
    old, new = write_pair(tmp_path, SPLIT_OLD, SPLIT_NEW)
    result = runner.invoke(app, ["diff", old, new, "--json", "--html", str(out)])
    assert result.exit_code == 1, result.output
    assert PlanDiff.model_validate(json.loads(result.stdout)).counts["split"] == 1
    assert _Page(out.read_text(encoding="utf-8")).groups["split"]["data-count"] == "1"


def test_cli_html_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "diff.html"
    out.write_text("keep me", encoding="utf-8")
    old, new = write_pair(tmp_path, SPLIT_OLD, SPLIT_NEW)
    refused = runner.invoke(app, ["diff", old, new, "--html", str(out)])
    assert refused.exit_code == 2
    lines = [line for line in refused.output.splitlines() if line]
    assert len(lines) == 1
    assert lines[0].startswith("policyparse: error: ")
    assert str(out) in lines[0] and "--force" in lines[0]
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = runner.invoke(app, ["diff", old, new, "--html", str(out), "--force"])
    assert forced.exit_code == 1, forced.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_html_without_changes_exits_0(tmp_path: Path) -> None:
    out = tmp_path / "diff.html"
    old, new = write_pair(
        tmp_path,
        "到2020年，实现优质普惠性幼儿园覆盖率达到80%。\n",
        "到2020年，全市优质普惠性幼儿园覆盖率要达到80%。\n",
    )
    result = runner.invoke(app, ["diff", old, new, "--html", str(out)])
    assert result.exit_code == 0, result.output
    page = _Page(out.read_text(encoding="utf-8"))
    assert page.groups["unchanged"]["data-count"] == "1"
    assert page.groups["changed"]["data-count"] == "0"


def test_cli_help_lists_html_and_force() -> None:
    result = runner.invoke(app, ["diff", "--help"])
    assert result.exit_code == 0
    assert "--html" in result.output and "--force" in result.output
