"""Reading documents: text encodings, DOCX, HTML and PDF, one behaviour per table.

Fixture files are written to ``tmp_path`` at test time; no binary fixture is kept.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]
from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

from policyparse.errors import Warnings
from policyparse.ingest import SUPPORTED_SUFFIXES, read_bytes, read_source
from policyparse.types import SourceText

CORPUS_DOCS = sorted((Path(__file__).resolve().parents[2] / "corpus" / "docs").glob("*.txt"))

KINDERGARTEN = "到2020年，实现优质普惠性幼儿园覆盖率达到80%"
PARENTS = "中小學生家長"
QINGDAO = (
    "青岛市人民政府办公厅关于全面加强和改进中小学校美育工作的实施意见\r\n"
    "\r\n"
    "（青政办发〔2016〕33号）\r\n"
    "\r\n"
    "各区、市人民政府，市政府各部门，市直各单位：\r\n"
    "\u3000\u3000一、总体要求\r\n"
)
QINGDAO_TRADITIONAL = "青島市人民政府辦公廳關於全面加強和改進中小學校美育工作的實施意見"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- plain text -------------------------------------------------------------

# fmt: off
ENCODINGS = [
    # (id, text, bytes of the file, encoding reported)
    ("utf-8", KINDERGARTEN, KINDERGARTEN.encode("utf-8"), "utf-8"),
    ("utf-8-bom", KINDERGARTEN, codecs.BOM_UTF8 + KINDERGARTEN.encode("utf-8"), "utf-8-sig"),
    ("utf-8-crlf", QINGDAO, QINGDAO.encode("utf-8"), "utf-8"),
    ("utf-8-traditional", PARENTS, PARENTS.encode("utf-8"), "utf-8"),
    ("gb18030", QINGDAO, QINGDAO.encode("gb18030"), "gb18030"),
    ("gbk", KINDERGARTEN, KINDERGARTEN.encode("gbk"), "gb18030"),
    ("gb2312", QINGDAO, QINGDAO.encode("gb2312"), "gb18030"),
    ("gbk-traditional", PARENTS, PARENTS.encode("gbk"), "gb18030"),
    ("big5", QINGDAO_TRADITIONAL, QINGDAO_TRADITIONAL.encode("big5"), "big5"),
    ("utf-16-le-bom", QINGDAO, codecs.BOM_UTF16_LE + QINGDAO.encode("utf-16-le"), "utf-16"),
    ("utf-16-be-bom", QINGDAO, codecs.BOM_UTF16_BE + QINGDAO.encode("utf-16-be"), "utf-16"),
    ("utf-16-le-no-bom", KINDERGARTEN, KINDERGARTEN.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be-no-bom", KINDERGARTEN, KINDERGARTEN.encode("utf-16-be"), "utf-16-be"),
    ("utf-16-le-no-bom-crlf", QINGDAO, QINGDAO.encode("utf-16-le"), "utf-16-le"),
    ("utf-32-bom", KINDERGARTEN, codecs.BOM_UTF32_LE + KINDERGARTEN.encode("utf-32-le"), "utf-32"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "data", "encoding"), [case[1:] for case in ENCODINGS], ids=[c[0] for c in ENCODINGS]
)
def test_text_is_decoded_exactly(tmp_path: Path, text: str, data: bytes, encoding: str) -> None:
    path = write(tmp_path, "doc.txt", data)
    doc = read_source(path)
    assert doc == SourceText(
        source=str(path),
        text=text,
        encoding=encoding,
        file_format="txt",
        sha256=hashlib.sha256(data).hexdigest(),
    )


# fmt: off
VERBATIM = [
    # (id, text, what must survive)
    ("crlf", "一、总体要求\r\n（一）指导思想\r\n", "\r\n"),
    ("ideographic-space", "\u3000\u3000为全面加强和改进我市中小学校美育工作", "\u3000\u3000为"),
    ("no-break-space", "80%\u00a0以上", "\u00a0"),
    ("tab", "指标\t2020年\t80%", "\t"),
    ("trailing-blank-lines", KINDERGARTEN + "\n\n\n", "\n\n\n"),
    ("leading-spaces", "   " + KINDERGARTEN, "   到"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "kept"), [case[1:] for case in VERBATIM], ids=[c[0] for c in VERBATIM]
)
@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8], ids=["no-bom", "bom"])
def test_text_is_kept_verbatim(tmp_path: Path, text: str, kept: str, bom: bytes) -> None:
    doc = read_source(write(tmp_path, "doc.txt", bom + text.encode("utf-8")))
    assert doc.text == text
    assert kept in doc.text


def test_bom_is_excluded_and_offsets_stay(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, "doc.txt", codecs.BOM_UTF8 + QINGDAO.encode("utf-8")))
    assert not doc.text.startswith("\ufeff")
    assert doc.text.index("2016") == QINGDAO.index("2016")
    assert doc.text[doc.text.index("〔") : doc.text.index("〕") + 1] == "〔2016〕"


@pytest.mark.parametrize("path", CORPUS_DOCS, ids=[p.name for p in CORPUS_DOCS])
def test_corpus_documents_read_as_utf8(path: Path) -> None:
    data = path.read_bytes()
    doc = read_source(path)
    assert (doc.encoding, doc.file_format) == ("utf-8", "txt")
    assert doc.text == data.decode("utf-8")
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.source == str(path)
    assert doc.warnings == ()


def test_corpus_is_not_empty() -> None:
    assert len(CORPUS_DOCS) >= 5


@pytest.mark.parametrize("name", ["doc.csv", "doc", "README.md", "doc.text", "DOC.TXT"])
def test_any_suffix_with_text_is_read_as_text(tmp_path: Path, name: str) -> None:
    doc = read_source(write(tmp_path, name, KINDERGARTEN.encode("utf-8")))
    assert (doc.text, doc.file_format) == (KINDERGARTEN, "txt")


def test_source_is_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "doc.txt", KINDERGARTEN.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    assert read_source("doc.txt").source == "doc.txt"
    assert read_source(Path("doc.txt")).source == "doc.txt"


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    data = QINGDAO.encode("gb18030")

    class Stdin:
        buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Stdin())
    doc = read_source("-")
    assert (doc.source, doc.text, doc.encoding) == ("-", QINGDAO, "gb18030")


def test_a_few_bad_bytes_are_replaced_with_a_warning() -> None:
    body = (QINGDAO * 40).encode("utf-8")
    data = body + b"\xff" + body
    doc = read_bytes(data, source="doc.txt")
    assert doc.encoding == "utf-8"
    assert doc.text == QINGDAO * 40 + "\ufffd" + QINGDAO * 40
    assert doc.warnings == (Warnings.W101.format(count=1),)


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == (".txt", ".text", ".md", ".docx", ".html", ".htm", ".pdf")


# --- DOCX -------------------------------------------------------------------


def make_docx() -> bytes:
    document = docx.Document()
    document.add_heading("青岛市人民政府办公厅关于全面加强和改进中小学校美育工作的实施意见", 1)
    document.add_paragraph("一、总体要求")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("指标", "2018年", "2020年"), ("覆盖率", "60%", "80%"), ("", "", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))  # a vertical merge: the lower cell is empty
    table.cell(2, 1).text = "第一段"
    table.cell(2, 1).add_paragraph("第二段")
    document.add_paragraph(KINDERGARTEN + "。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables_in_body_order(tmp_path: Path) -> None:
    data = make_docx()
    doc = read_source(write(tmp_path, "plan.docx", data))
    assert doc.text == "\n".join(
        [
            "青岛市人民政府办公厅关于全面加强和改进中小学校美育工作的实施意见",
            "一、总体要求",
            "指标\t2018年\t2020年",
            "覆盖率\t60%\t80%",
            "\t第一段 第二段\t",
            KINDERGARTEN + "。",
        ]
    )
    assert (doc.encoding, doc.file_format, doc.warnings) == ("docx", "docx", ())
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_docx_is_recognised_by_content(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, "plan.txt", make_docx()))
    assert doc.file_format == "docx"
    assert KINDERGARTEN in doc.text


# --- HTML -------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>美育工作的实施意见</title>
<style>p {{ color: red; }}</style><script>var nav = "菜单";</script></head>
<body>
<header><a href="/">首页</a></header>
<nav><ul><li>政务公开</li><li>政策文件</li></ul></nav>
<div class="breadcrumb">首页 &gt; 政策文件</div>
<div id="main">{body}</div>
<div class="share-bar">分享到：微信</div>
<div id="Sidebar">相关文件</div>
<footer>版权所有</footer>
<div class="CopyRight">主办单位</div>
</body></html>
"""

# fmt: off
HTML = [
    # (id, body markup, text)
    ("paragraphs", "<h1>一、总体要求</h1><p>" + KINDERGARTEN + "。</p><p>（一）指导思想</p>",
     "一、总体要求\n" + KINDERGARTEN + "。\n（一）指导思想"),
    ("entities", "<p>教育&amp;体育局&nbsp;2016&lt;33&gt;号 &#20013;&#x5c0f;学</p>",
     "教育&体育局\u00a02016<33>号 中小学"),
    ("br-and-blank-lines", "<p>第一行<br>第二行<br><br><br><br>第三行</p>",
     "第一行\n第二行\n\n第三行"),
    ("source-whitespace", "<p>\n    到2020年，\n    实现优质普惠   </p>\n\n\n<div>  下一段 </div>",
     "到2020年， 实现优质普惠\n下一段"),
    ("ideographic-indent", "<p>\u3000\u3000为全面加强美育工作</p>", "\u3000\u3000为全面加强美育工作"),
    ("list", "<ul><li>学前教育</li><li>义务教育</li></ul>", "学前教育\n义务教育"),
    ("table", "<table><tr><th>指标</th><th>2020年</th></tr><tr><td>覆盖率</td>"
              "<td><p>80%</p><p>以上</p></td></tr></table>",
     "指标\t2020年\n覆盖率\t80% 以上"),
    ("nested-divs", "<div><div><div>" + PARENTS + "</div></div><section>美育</section></div>",
     PARENTS + "\n美育"),
    ("menu-class-and-comment", "<div class='topMenu'>导航</div><!-- 注释 --><p>正文</p>", "正文"),
    ("form-and-iframe", "<form><input value='搜索'>搜索</form><iframe>x</iframe><p>正文</p>",
     "正文"),
]
# fmt: on


@pytest.mark.parametrize(("body", "text"), [c[1:] for c in HTML], ids=[c[0] for c in HTML])
@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_body_text_without_chrome(tmp_path: Path, body: str, text: str, suffix: str) -> None:
    data = PAGE.format(body=body).encode("utf-8")
    doc = read_source(write(tmp_path, "page" + suffix, data))
    assert doc.text == text
    assert (doc.file_format, doc.encoding) == ("html", "utf-8")


FIRST_LINE = QINGDAO.split("\r\n")[0]

# fmt: off
HTML_ENCODINGS = [
    # (id, bytes of the page, text, encoding reported)
    ("meta-charset-gb2312",
     b'<html><head><meta charset="gb2312"></head><body><p>' + FIRST_LINE.encode("gbk")
     + b"</p></body></html>",
     FIRST_LINE, "gb18030"),
    ("http-equiv-gbk",
     b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head>'
     b"<body><p>" + PARENTS.encode("gbk") + b"</p></body></html>",
     PARENTS, "gb18030"),
    ("meta-charset-big5",
     b'<meta charset="big5"><p>' + QINGDAO_TRADITIONAL.encode("big5") + b"</p>",
     QINGDAO_TRADITIONAL, "big5"),
    ("undeclared-gbk", b"<p>" + FIRST_LINE.encode("gbk") + b"</p>", FIRST_LINE, "gb18030"),
    ("utf-8-bom", codecs.BOM_UTF8 + b"<p>" + FIRST_LINE.encode("utf-8") + b"</p>",
     FIRST_LINE, "utf-8-sig"),
    ("utf-16-bom", "<p>".encode("utf-16") + FIRST_LINE.encode("utf-16-le"),
     FIRST_LINE, "utf-16"),
    ("utf-8-declared-gb2312",  # re-saved as UTF-8, old declaration kept
     b'<meta charset="gb2312"><p>' + FIRST_LINE.encode("utf-8") + b"</p>", FIRST_LINE, "utf-8"),
]
# fmt: on


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [c[1:] for c in HTML_ENCODINGS],
    ids=[c[0] for c in HTML_ENCODINGS],
)
def test_html_decoding(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    doc = read_source(write(tmp_path, "page.html", data))
    assert (doc.text, doc.encoding) == (text, encoding)


def test_html_title_is_not_added(tmp_path: Path) -> None:
    page = "<html><head><title>标题</title></head><body><p>正文</p></body></html>"
    assert read_source(write(tmp_path, "page.html", page.encode())).text == "正文"


def test_html_without_body_uses_whole_document(tmp_path: Path) -> None:
    page = "<title>标题</title><p>" + KINDERGARTEN + "</p><p>" + PARENTS + "</p>"
    doc = read_source(write(tmp_path, "page.html", page.encode()))
    assert doc.text == KINDERGARTEN + "\n" + PARENTS


def test_html_in_txt_file_is_kept_as_text(tmp_path: Path) -> None:
    page = "<p>" + KINDERGARTEN + "</p>"
    doc = read_source(write(tmp_path, "page.txt", page.encode()))
    assert (doc.file_format, doc.text) == ("txt", page)


# --- PDF --------------------------------------------------------------------


def make_pdf(*pages: Callable[[canvas.Canvas], None]) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for draw in pages:
        draw(pdf)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def chinese_page(pdf: canvas.Canvas) -> None:
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 720, KINDERGARTEN)


def ascii_page(pdf: canvas.Canvas) -> None:
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 720, "Target 2020: coverage 80 percent")


def test_pdf_text_of_every_page_in_order(tmp_path: Path) -> None:
    data = make_pdf(ascii_page, chinese_page)
    doc = read_source(write(tmp_path, "plan.pdf", data))
    assert "Target 2020: coverage 80 percent" in doc.text
    assert KINDERGARTEN in doc.text
    assert doc.text.index("Target") < doc.text.index(KINDERGARTEN)
    assert (doc.encoding, doc.file_format) == ("pdf", "pdf")
    assert doc.warnings == (Warnings.W104,)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("name", ["plan.txt", "plan.docx", "plan"])
def test_pdf_is_recognised_by_content(tmp_path: Path, name: str) -> None:
    doc = read_source(write(tmp_path, name, make_pdf(ascii_page)))
    assert doc.file_format == "pdf"
    assert "coverage 80 percent" in doc.text


# --- properties -------------------------------------------------------------

PRINTABLE = st.characters(exclude_categories=("Cc", "Cs"), include_characters="\t\n\r")


@settings(deadline=None, database=None)
@given(st.text(PRINTABLE).filter(lambda s: s.replace("\ufeff", "").replace("\u200b", "").strip()))
def test_utf8_text_reads_back_unchanged(text: str) -> None:
    doc = read_bytes(text.encode("utf-8"), source="x")
    assert doc.text == text.removeprefix("\ufeff")
    assert doc.encoding in ("utf-8", "utf-8-sig")
