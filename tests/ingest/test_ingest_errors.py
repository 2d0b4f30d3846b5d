"""Documents that cannot be read: each gives one coded, one-line InputError.

Fixture files are written to ``tmp_path`` at test time; no binary fixture is kept.
"""

from __future__ import annotations

import codecs
import errno
import io
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.pdfencrypt import StandardEncryption  # type: ignore[import-untyped]
from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

from policyparse.errors import InputError
from policyparse.ingest import SUPPORTED_SUFFIXES, read_bytes, read_source
from policyparse.types import SourceText

KINDERGARTEN = "到2020年，实现优质普惠性幼儿园覆盖率达到80%"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def zip_of(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def xlsx() -> bytes:
    return zip_of({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})


def broken_docx() -> bytes:
    return zip_of({"[Content_Types].xml": "<Types", "word/document.xml": "<w:document><w:body>"})


def pdf(draw: Callable[[canvas.Canvas], None], password: str | None = None) -> bytes:
    buffer = io.BytesIO()
    encrypt = None if password is None else StandardEncryption(password, ownerPassword="owner")
    page = canvas.Canvas(buffer, encrypt=encrypt)
    draw(page)
    page.showPage()
    page.save()
    return buffer.getvalue()


def with_text(page: canvas.Canvas) -> None:
    page.drawString(72, 720, "Target 2020: coverage 80 percent")


def rectangle_only(page: canvas.Canvas) -> None:
    page.rect(72, 72, 200, 100, fill=1)


def empty_docx() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("   ")
    document.add_table(rows=2, cols=2)
    document.save(buffer)
    return buffer.getvalue()


def random_bytes_with_nuls() -> bytes:
    rng = random.Random(2016)
    return bytes(rng.randrange(256) for _ in range(4096)) + b"\x00\x00\x01\x00\x00\x00"


def control_bytes() -> bytes:
    return (KINDERGARTEN.encode("utf-8") + b"\x01\x02\x03\x1b\x7f\x06\x07\x08") * 20


def no_encoding_fits() -> bytes:
    # every high byte, repeated: invalid UTF-8 and GB18030, chaos for charset-normalizer
    return bytes(range(0x80, 0x100)) * 4


def bom_then_garbage() -> bytes:
    return codecs.BOM_UTF8 + b"\xff\xfe\xfa\xc0" * 50 + KINDERGARTEN.encode("utf-8")


# fmt: off
FILES = [
    # (id, file name, content, code)
    ("empty", "empty.txt", b"", "E103"),
    ("whitespace-only", "blank.txt", b" \r\n\t\r\n  ", "E103"),
    ("ideographic-spaces-only", "blank.txt", "\u3000\u3000\r\n".encode(), "E103"),
    ("bom-only", "bom.txt", codecs.BOM_UTF8, "E103"),
    ("utf-16-bom-and-spaces", "bom.txt", "\ufeff  \n".encode("utf-16"), "E103"),
    ("empty-docx", "empty.docx", b"", "E103"),
    ("empty-html", "empty.html", b"  \n ", "E103"),
    ("random-bytes-with-nuls", "data.txt", random_bytes_with_nuls(), "E104"),
    ("control-characters", "data.txt", control_bytes(), "E104"),
    ("png-as-txt", "image.txt", PNG_HEADER + bytes(64), "E104"),
    ("png-without-suffix", "image", PNG_HEADER + bytes(64), "E104"),
    ("jpeg-as-html", "photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "E104"),
    ("elf-as-md", "tool.md", b"\x7fELF\x02\x01\x01" + bytes(64), "E104"),
    ("zip-as-txt", "archive.txt", zip_of({"readme.txt": KINDERGARTEN}), "E104"),
    ("png", "image.png", PNG_HEADER + bytes(64), "E106"),
    ("xlsx", "sheet.xlsx", xlsx(), "E106"),
    ("old-doc", "plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "E106"),
    ("gzip", "plan.txt.gz", b"\x1f\x8b\x08\x00" + bytes(64), "E106"),
    ("undecodable", "doc.txt", no_encoding_fits(), "E105"),
    ("bom-then-garbage", "doc.txt", bom_then_garbage(), "E105"),
    ("utf-16-bom-odd-length", "doc.txt", codecs.BOM_UTF16_LE + b"\x41", "E105"),
    ("docx-garbage-zip", "plan.docx", b"PK\x03\x04" + b"\x8f\x13garbage" * 40, "E107"),
    ("docx-zip-without-document", "plan.docx", xlsx(), "E107"),
    ("docx-broken-xml", "plan.docx", broken_docx(), "E107"),
    ("docx-that-is-text", "plan.docx", KINDERGARTEN.encode(), "E107"),
    ("docx-that-is-old-doc", "plan.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
     "E107"),
    ("pdf-that-is-text", "plan.pdf", KINDERGARTEN.encode(), "E107"),
    ("pdf-corrupt", "plan.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", "E107"),
    ("pdf-truncated", "plan.pdf", pdf(with_text)[:400], "E107"),
    ("pdf-encrypted", "plan.pdf", pdf(with_text, password="secret"), "E107"),
    ("pdf-without-text", "scan.pdf", pdf(rectangle_only), "E108"),
    ("docx-without-text", "blank.docx", empty_docx(), "E108"),
    ("html-only-chrome", "page.html",
     "<body><nav>首页</nav><div class='footer'>版权</div><script>x()</script></body>".encode(),
     "E108"),
]
# fmt: on


def check(error: InputError, source: str, code: str) -> None:
    message = str(error)
    assert error.source == source
    assert message.startswith(f"{source}: ")
    assert re.search(rf"\[{code}\d*\]", message)
    assert "\n" not in message
    assert "\r" not in message


@pytest.mark.parametrize(
    ("name", "data", "code"), [case[1:] for case in FILES], ids=[c[0] for c in FILES]
)
def test_unreadable_file(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_source(path)
    check(caught.value, str(path), code)


@pytest.mark.parametrize(
    ("name", "data", "code"), [case[1:] for case in FILES], ids=[c[0] for c in FILES]
)
def test_unreadable_bytes(name: str, data: bytes, code: str) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(data, source=name, suffix=Path(name).suffix)
    check(caught.value, name, code)


def test_library_errors_are_chained(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf(with_text)[:400])
    with pytest.raises(InputError) as caught:
        read_source(path)
    assert caught.value.__cause__ is not None


def test_supported_suffixes_are_listed(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(xlsx())
    with pytest.raises(InputError) as caught:
        read_source(path)
    assert "'.xlsx'" in str(caught.value)
    assert all(suffix in str(caught.value) for suffix in SUPPORTED_SUFFIXES)


# --- the file system --------------------------------------------------------


def missing(tmp_path: Path) -> Path:
    return tmp_path / "no-such-file.txt"


def missing_folder(tmp_path: Path) -> Path:
    return tmp_path / "no-such-folder" / "doc.txt"


def under_a_file(tmp_path: Path) -> Path:
    (tmp_path / "file.txt").write_text(KINDERGARTEN, encoding="utf-8")
    return tmp_path / "file.txt" / "doc.txt"


def directory(tmp_path: Path) -> Path:
    (tmp_path / "docs.txt").mkdir()
    return tmp_path / "docs.txt"


# fmt: off
PATHS = [
    # (id, make the path, code)
    ("missing-file", missing, "E101"),
    ("missing-folder", missing_folder, "E101"),
    ("path-under-a-file", under_a_file, "E101"),
    ("directory", directory, "E102"),
]
# fmt: on


@pytest.mark.parametrize(("make", "code"), [case[1:] for case in PATHS], ids=[c[0] for c in PATHS])
@pytest.mark.parametrize("as_str", [True, False], ids=["str", "Path"])
def test_unusable_path(
    tmp_path: Path, make: Callable[[Path], Path], code: str, as_str: bool
) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        read_source(str(path) if as_str else path)
    check(caught.value, str(path), code)


# fmt: off
OS_ERRORS = [
    # (id, what reading raises, code)
    ("permission-denied", PermissionError(errno.EACCES, "Permission denied"), "E109"),
    ("io-error", OSError(errno.EIO, "Input/output error"), "E110"),
    ("name-too-long", OSError(errno.ENAMETOOLONG, "File name too long"), "E110"),
]
# fmt: on


@pytest.mark.parametrize(
    ("raised", "code"), [case[1:] for case in OS_ERRORS], ids=[c[0] for c in OS_ERRORS]
)
def test_os_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raised: OSError, code: str
) -> None:
    # simulated: a test run as root can read a file whatever its mode
    path = tmp_path / "doc.txt"
    path.write_text(KINDERGARTEN, encoding="utf-8")

    def read_bytes_failing(self: Path) -> bytes:
        raise raised

    monkeypatch.setattr(Path, "read_bytes", read_bytes_failing)
    with pytest.raises(InputError) as caught:
        read_source(path)
    check(caught.value, str(path), code)
    assert caught.value.__cause__ is raised


# --- properties -------------------------------------------------------------


@settings(deadline=None, database=None, max_examples=300)
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.text(max_size=200).map(lambda s: s.encode("gb18030", "replace")),
        st.text(max_size=200).map(lambda s: s.encode("utf-16", "surrogatepass")),
        st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b),
        st.binary(max_size=300).map(lambda b: b"%PDF-1.4\n" + b),
    ),
    suffix=st.sampled_from([*SUPPORTED_SUFFIXES, "", ".xlsx", ".csv"]),
)
def test_any_bytes_give_a_document_or_an_input_error(data: bytes, suffix: str) -> None:
    try:
        doc = read_bytes(data, source="x", suffix=suffix)
    except InputError as error:
        check(error, "x", "E1")
    else:
        assert isinstance(doc, SourceText)
        assert doc.source == "x"
        assert doc.file_format in ("txt", "html", "docx", "pdf")
