"""Read a document (plain text, Word, HTML or PDF) into a :class:`SourceText`.

This is the first stage of the pipeline. It never changes the text it reads:
``SourceText.text`` is the decoded file exactly as it is (``\\r\\n``, full-width
spaces and all), with only a leading byte-order mark left out, so that every span
reported later can be quoted from the file.

The format comes from the content first and the suffix second: a ``.txt`` file
that is really a PDF or a DOCX is read as one, and an unknown suffix with text in
it is read as text. Plain text is decoded by trying, in order:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. UTF-16 without a byte-order mark, recognised by its NUL-byte pattern;
3. (binary content is refused here: NUL bytes or too many control characters);
4. strict UTF-8;
5. the charset an HTML page declares in ``<meta charset>``;
6. strict GB18030 when the result reads as Chinese (this covers GB2312 and GBK);
7. UTF-8 or GB18030 with a few replacement characters (warning ``W101``);
8. the best guess of charset-normalizer.

Every problem is raised as :class:`~policyparse.errors.InputError` with a coded
one-line message; no exception of a library escapes.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import sys
import warnings
import zipfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import Errors, InputError, Warnings
from .types import SourceText

if TYPE_CHECKING:
    from bs4.element import Tag

__all__ = ["SUPPORTED_SUFFIXES", "read_bytes", "read_source"]

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".text", ".md", ".docx", ".html", ".htm", ".pdf")

# above this share of U+FFFD in the decoded text, decoding has failed
MAX_REPLACEMENT_SHARE = 0.001
# above this share of control characters (other than \t \n \r \f), it is binary
MAX_CONTROL_SHARE = 0.10
# a UTF-8 text with a few bad bytes must have this many good non-ASCII characters per bad one
MIN_GOOD_PER_BAD = 10
# share of common (GB2312) characters among the Han characters of a Chinese text
MIN_COMMON_HAN_SHARE = 0.5
# share of Chinese-text characters among the non-ASCII characters of a Chinese text
MIN_CHINESE_SHARE = 0.95
MAX_DETAIL_LENGTH = 120
# UTF-16 without a byte-order mark: NULs in one parity of byte positions, in at
# least this share of the pairs, and this many times as many as in the other
UTF16_NUL_SHARE = 0.1
UTF16_NUL_SKEW = 4

_REPLACEMENT = "\ufffd"
_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .ppt
_BINARY_MAGIC: tuple[bytes, ...] = (
    _OLE2_MAGIC,
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"\x7fELF",
    b"MZ\x90\x00",  # Windows executable
    b"\xca\xfe\xba\xbe",  # Java class, Mach-O universal
    b"\xcf\xfa\xed\xfe",  # Mach-O
    b"\xce\xfa\xed\xfe",
    b"\x1f\x8b",  # gzip
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"SQLite format 3\x00",
    b"\x00asm",
)
_DOCX_MAIN_PART = "word/document.xml"
_HTML_SUFFIXES = (".html", ".htm")

_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_BLANK = re.compile(r"[\s\ufeff\u200b]*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# what a Chinese text is written with, besides ASCII: Han characters, CJK and
# full-width punctuation, general punctuation and the usual symbols
_CHINESE_TEXT = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
    r"\u3000-\u303f\uff00-\uffef\u2010-\u206f\u00a0\u00b0\u00b7\u00d7\u00f7"
    r"\u2100-\u218f\u2190-\u21ff\u2460-\u24ff\u2500-\u257f\u25a0-\u26ff\u3200-\u33ff]"
)
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030"})
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

# fmt: off
_CHROME_TAGS = (
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "template", "title", "meta", "link",
)
_CHROME_WORDS = (
    "nav", "menu", "breadcrumb", "footer", "header", "sidebar", "share", "toolbar", "copyright",
)
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "tr", "table", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "pre", "ul", "ol", "dl", "dt", "dd", "blockquote", "address", "caption", "center",
    "figure", "figcaption", "main", "thead", "tbody", "tfoot",
})
# fmt: on
_CELL_TAGS = frozenset({"td", "th"})
_PRE_TAGS = frozenset({"pre", "textarea", "listing", "plaintext"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
# the edge of a block element while rendering; edges that meet (with a line break
# or spaces between) make one line break
_SOFT_BREAK = "\x1e"
_SOFT_BREAKS = re.compile(r"\n?[ \t]*\x1e[\x1e ]*")
_CELL_EDGE = re.compile(r" *\t *")


class _Read(NamedTuple):
    """What a format reader returns: the text, the encoding and any warnings."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def read_source(path: str | Path) -> SourceText:
    """Read a document from a file, or from standard input.

    Args:
        path: The file to read; the string ``-`` reads bytes from standard input
            (as plain text unless the content shows a PDF or a DOCX).

    Returns:
        The decoded document; its ``source`` is ``path`` as a string.

    Raises:
        InputError: The file is missing (E101), a directory (E102), empty (E103),
            binary (E104, E106), undecodable (E105), a corrupt or text-less
            DOCX/PDF/HTML (E107, E108), not readable (E109) or unreadable (E110).
    """
    if isinstance(path, str) and path == "-":
        return read_bytes(_read_stdin(), source="-")
    source = str(path)
    file = Path(path)
    if _is_dir(file):
        raise InputError(source, Errors.E102)
    try:
        data = file.read_bytes()
    except (FileNotFoundError, NotADirectoryError) as e:
        raise InputError(source, Errors.E101) from e
    except IsADirectoryError as e:
        raise InputError(source, Errors.E102) from e
    except PermissionError as e:
        raise InputError(source, Errors.E109) from e
    except (OSError, ValueError) as e:
        raise InputError(source, Errors.E110.format(detail=_short(e))) from e
    return read_bytes(data, source=source, suffix=file.suffix)


def read_bytes(data: bytes, *, source: str, suffix: str = ".txt") -> SourceText:
    """Decode the bytes of a document.

    Args:
        data: The raw content of the file.
        source: Where the bytes came from, for the record and for messages.
        suffix: The file's suffix (``.txt``, ``.docx``, ...); the content wins
            when it is clearly a PDF or a DOCX.

    Returns:
        The decoded document with its format, encoding and the digest of ``data``.

    Raises:
        InputError: See :func:`read_source` (all but E101, E102 and E109).
    """
    suffix = suffix.lower()
    if suffix and not suffix.startswith("."):
        suffix = "." + suffix
    if not data:
        raise InputError(source, Errors.E103)
    file_format = _sniff(data, source, suffix)
    if file_format == "pdf":
        read = _read_pdf(data, source)
    elif file_format == "docx":
        read = _read_docx(data, source)
    elif file_format == "html":
        read = _read_html(data, source, suffix)
    else:
        read = _decode_text(data, source, suffix)
        if _BLANK.fullmatch(read.text):
            raise InputError(source, Errors.E103)
    return SourceText(
        source=source,
        text=read.text,
        encoding=read.encoding,
        file_format=file_format,
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=read.warnings,
    )


# --- input ------------------------------------------------------------------


def _read_stdin() -> bytes:
    """All bytes of standard input."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("-", Errors.E110.format(detail="standard input is not available"))
    try:
        return bytes(stream.read())
    except (OSError, ValueError) as e:
        raise InputError("-", Errors.E110.format(detail=_short(e))) from e


def _is_dir(file: Path) -> bool:
    """Whether ``file`` is a directory, ``False`` when that cannot be known."""
    try:
        return file.is_dir()
    except (OSError, ValueError):
        return False


def _short(error: BaseException) -> str:
    """A one-line, bounded description of a library's exception."""
    detail = " ".join(str(error).split()) or type(error).__name__
    if len(detail) > MAX_DETAIL_LENGTH:
        detail = detail[: MAX_DETAIL_LENGTH - 1] + "…"
    return detail


def _binary_error(source: str, suffix: str) -> InputError:
    """E106 for an unsupported suffix, E104 otherwise."""
    if suffix and suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        return InputError(source, Errors.E106.format(suffix=suffix, supported=supported))
    return InputError(source, Errors.E104)


def _sniff(data: bytes, source: str, suffix: str) -> str:
    """The format of a document: ``pdf``, ``docx``, ``html`` or ``txt``.

    Raises:
        InputError: A known binary format (E104, E106), or content that is not
            the PDF or DOCX its suffix promises (E107).
    """
    if data[:1024].lstrip().startswith(_PDF_MAGIC):
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        names = _zip_names(data)
        if names is not None and _DOCX_MAIN_PART in names:
            return "docx"
        if suffix == ".docx":
            detail = (
                "not a valid zip archive"
                if names is None
                else f"the archive has no {_DOCX_MAIN_PART}"
            )
            raise InputError(source, Errors.E107.format(kind="DOCX", detail=detail))
        raise _binary_error(source, suffix)
    if suffix == ".docx":
        detail = (
            "an old binary Word file; save it as .docx"
            if data.startswith(_OLE2_MAGIC)
            else "not a zip archive"
        )
        raise InputError(source, Errors.E107.format(kind="DOCX", detail=detail))
    if suffix == ".pdf":
        detail = f"no {_PDF_MAGIC.decode()} header"
        raise InputError(source, Errors.E107.format(kind="PDF", detail=detail))
    if data.startswith(_BINARY_MAGIC):
        raise _binary_error(source, suffix)
    return "html" if suffix in _HTML_SUFFIXES else "txt"


def _zip_names(data: bytes) -> frozenset[str] | None:
    """The member names of a zip archive, ``None`` if it cannot be opened."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return frozenset(archive.namelist())
    except Exception:  # zipfile raises many kinds of errors on damaged archives
        return None


# --- plain text -------------------------------------------------------------


def _decode_text(data: bytes, source: str, suffix: str, declared: str | None = None) -> _Read:
    """Decode plain text (see the module docstring for the order of attempts).

    Args:
        data: The raw bytes, not empty.
        source: For messages.
        suffix: For the choice between E104 and E106.
        declared: An encoding the document declares (an HTML ``<meta charset>``).

    Raises:
        InputError: Binary content (E104, E106) or undecodable bytes (E105).
    """
    codec = _bom_codec(data) or _utf16_codec(data)
    if codec is not None:
        read = _decode_or_repair(data, codec, source)
    else:
        controls = len(_CONTROL_BYTES.findall(data))
        if b"\x00" in data or _share(controls, len(data)) > MAX_CONTROL_SHARE:
            raise _binary_error(source, suffix)
        read = _decode_guess(data, source, declared)
    if _share(len(_CONTROL_CHARS.findall(read.text)), len(read.text)) > MAX_CONTROL_SHARE:
        raise _binary_error(source, suffix)
    return read


def _decode_guess(data: bytes, source: str, declared: str | None) -> _Read:
    """Decode text without a byte-order mark or UTF-16 pattern."""
    read = _guess_codec(data, declared)
    if read is not None:
        # a codec without a byte-order mark of its own keeps one (GB18030 has one)
        return read._replace(text=read.text.removeprefix("\ufeff"))
    raise InputError(
        source,
        Errors.E105.format(detail="not UTF-8, UTF-16 or GB18030, and no other encoding fits"),
    )


def _guess_codec(data: bytes, declared: str | None) -> _Read | None:
    """Steps 4 to 8 of the module docstring; ``None`` if none of them fits.

    Valid UTF-8 comes before a declared charset: pages re-saved as UTF-8 often
    keep their old ``<meta charset="gb2312">``, and legacy-encoded Chinese is
    practically never valid UTF-8.
    """
    for codec in ("utf-8", declared):
        if codec is not None and (text := _strict(data, codec)) is not None:
            return _Read(text, codec)
    text = _strict(data, "gb18030")
    if text is not None and _looks_chinese(text):
        return _Read(text, "gb18030")
    for codec in ("utf-8", "gb18030"):
        if (repaired := _near_miss(data, codec)) is not None:
            return repaired
    return _charset_normalizer_guess(data)


def _bom_codec(data: bytes) -> str | None:
    """The codec a leading byte-order mark announces."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def _utf16_codec(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` for UTF-16 without a byte-order mark.

    ASCII characters in UTF-16 put a NUL byte in every other position: many NULs
    at odd positions and few at even ones mean little-endian. Chinese text has few
    ASCII characters, so data with NULs that decodes to Chinese counts as well.
    """
    pairs = len(data) // 2
    if pairs == 0 or b"\x00" not in data:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= UTF16_NUL_SHARE * pairs and even <= odd / UTF16_NUL_SKEW:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE * pairs and odd <= even / UTF16_NUL_SKEW:
        return "utf-16-be"
    for codec in ("utf-16-le", "utf-16-be"):
        text = _strict(data, codec)
        if text is not None and _looks_chinese(text):
            return codec
    return None


def _strict(data: bytes, codec: str) -> str | None:
    """``data`` decoded, or ``None`` if it is not valid in ``codec``."""
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_or_repair(data: bytes, codec: str, source: str) -> _Read:
    """Decode in a known codec, tolerating a few undecodable bytes (W101)."""
    text = _strict(data, codec)
    if text is not None:
        return _Read(text, codec)
    text = data.decode(codec, errors="replace")
    bad = text.count(_REPLACEMENT)
    if _share(bad, len(text)) >= MAX_REPLACEMENT_SHARE:
        detail = f"{bad} of {len(text)} characters are not valid {codec}"
        raise InputError(source, Errors.E105.format(detail=detail))
    return _Read(text, codec, (Warnings.W101.format(count=bad),))


def _near_miss(data: bytes, codec: str) -> _Read | None:
    """Text that is ``codec`` but for a few bad bytes (W101), else ``None``."""
    text = data.decode(codec, errors="replace")
    bad = text.count(_REPLACEMENT)
    if _share(bad, len(text)) >= MAX_REPLACEMENT_SHARE:
        return None
    if len(_NON_ASCII.findall(text)) - bad < MIN_GOOD_PER_BAD * bad:
        return None
    if codec == "gb18030" and not _looks_chinese(text):
        return None
    return _Read(text, codec, (Warnings.W101.format(count=bad),))


def _charset_normalizer_guess(data: bytes) -> _Read | None:
    """charset-normalizer's best guess, with the GB family reported as GB18030."""
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(data).best()
        codec = None if best is None else codecs.lookup(best.encoding).name
    except Exception:  # a guess that fails is no guess
        return None
    if codec is None:
        return None
    if codec in _GB_FAMILY:
        codec = "gb18030"
    text = _strict(data, codec)
    return None if text is None else _Read(text, codec)


def _looks_chinese(text: str) -> bool:
    """Whether decoded text reads as Chinese rather than as mojibake.

    Its non-ASCII characters are nearly all Han characters and Chinese
    punctuation, and at least half of the Han characters are common ones.
    """
    han = _HAN.findall(text)
    if not han:
        return False
    non_ascii = len(_NON_ASCII.findall(text))
    if len(_CHINESE_TEXT.findall(text)) < MIN_CHINESE_SHARE * non_ascii:
        return False
    common = sum(1 for char in han if _is_common_han(char))
    return common >= MIN_COMMON_HAN_SHARE * len(han)


@lru_cache(maxsize=8192)
def _is_common_han(char: str) -> bool:
    """Whether a Han character is in GB2312, the 6,763 common ones."""
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _share(part: int, whole: int) -> float:
    """``part / whole``, 0 for an empty whole."""
    return part / whole if whole else 0.0


# --- DOCX -------------------------------------------------------------------


def _read_docx(data: bytes, source: str) -> _Read:
    """Paragraphs and table rows of a Word document, in body order."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_docx_lines(document.element.body, document))
    except Exception as e:  # python-docx, lxml and zipfile errors alike
        raise InputError(source, Errors.E107.format(kind="DOCX", detail=_short(e))) from e
    text = "\n".join(lines)
    if _BLANK.fullmatch(text):
        raise InputError(source, Errors.E108.format(kind="DOCX"))
    return _Read(text, "docx")


def _docx_lines(container: Any, parent: Any) -> Iterator[str]:
    """One line per paragraph; one per table row, its cells joined by tabs.

    Args:
        container: A ``w:body``, ``w:tc`` or ``w:sdtContent`` element.
        parent: The document, which paragraphs need to resolve their part.
    """
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent).text
        elif child.tag == qn("w:tbl"):
            for row in child.iterchildren(qn("w:tr")):
                cells = []
                for cell in row.iterchildren(qn("w:tc")):
                    # the lower cells of a vertical merge repeat nothing
                    merged = cell.vMerge == "continue"
                    lines = () if merged else _docx_lines(cell, parent)
                    cells.append(" ".join(line for line in lines if line.strip()))
                yield "\t".join(cells)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _docx_lines(content, parent)


# --- HTML -------------------------------------------------------------------


def _read_html(data: bytes, source: str, suffix: str) -> _Read:
    """The visible text of a web page's body, without navigation and chrome."""
    decoded = _decode_text(data, source, suffix, declared=_declared_charset(data))
    if _BLANK.fullmatch(decoded.text):
        raise InputError(source, Errors.E103)
    try:
        text = _html_text(decoded.text)
    except Exception as e:  # the parser is lenient; this is a safety net
        raise InputError(source, Errors.E107.format(kind="HTML", detail=_short(e))) from e
    if _BLANK.fullmatch(text):
        raise InputError(source, Errors.E108.format(kind="HTML"))
    return decoded._replace(text=text)


def _declared_charset(data: bytes) -> str | None:
    """The codec named by ``<meta charset>`` near the top of a page, if usable."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        codec = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if codec.startswith(("utf-16", "utf-32")):
        return None  # a page that says so in ASCII is not UTF-16 (as browsers do)
    if codec in _GB_FAMILY:
        return "gb18030"
    if codec in ("ascii", "iso8859-1"):
        return "cp1252"  # what browsers read these labels as
    return codec


def _html_text(markup: str) -> str:
    """Render the body of a page as lines of text.

    Page chrome goes first: scripts, styles, navigation, headers, footers, forms
    and the like (and ``<title>``: the body has the title if it shows one), then
    every element whose id or class names navigation or chrome. Lines lose their
    leading ASCII spaces and any trailing white space; runs of blank lines become
    one blank line.
    """
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(markup, "html.parser")
    chrome = [*soup.find_all(_CHROME_TAGS), *soup.find_all(_is_chrome)]
    for tag in chrome:
        if not tag.decomposed:
            tag.decompose()
    root = soup.body or soup
    lines = [line.lstrip(" ").rstrip() for line in _render(root).split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)


def _is_chrome(tag: Tag) -> bool:
    """Whether an element's id or class names navigation or page chrome."""
    if tag.name in ("html", "body", "main"):
        return False
    classes: Any = tag.get("class") or []
    names: list[str] = [classes] if isinstance(classes, str) else [str(c) for c in classes]
    names.append(str(tag.get("id") or ""))
    label = " ".join(names).lower()
    return any(word in label for word in _CHROME_WORDS)


def _render(root: Tag) -> str:
    """Text of ``root``: block elements break lines, a table row is one line.

    Whitespace in text collapses to one space, except inside ``<pre>``. The edge of
    a block element is one line break, however many edges meet there, while every
    ``<br>`` is one; inside a table cell both are a space, and cells are separated
    by tabs. The walk uses an explicit stack, so deep nesting cannot exhaust the
    recursion limit.
    """
    from bs4.element import NavigableString, PreformattedString, Tag

    pieces: list[str] = []
    # (element, or None to emit the text; text; inside <pre>; inside a cell)
    stack: list[tuple[Any, str, bool, bool]] = [(root, "", False, False)]
    while stack:
        node, literal, pre, cell = stack.pop()
        if node is None:
            pieces.append(literal)
        elif isinstance(node, Tag):
            name = node.name
            if name == "br":
                pieces.append(" " if cell else "\n")
                continue
            if name in _CELL_TAGS:
                edge, closing = "", "\t"
            elif name in _BLOCK_TAGS:
                # blocks (and tables) inside a cell are flattened into the cell
                edge = closing = " " if cell else _SOFT_BREAK
            else:
                edge = closing = ""
            if edge == " " and pieces and pieces[-1].endswith((" ", "\t")):
                edge = ""
            pieces.append(edge)
            stack.append((None, closing, pre, cell))
            inner_pre = pre or name in _PRE_TAGS
            inner_cell = cell or name in _CELL_TAGS
            stack.extend((child, "", inner_pre, inner_cell) for child in reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            text = str(node).replace(_SOFT_BREAK, "")
            if pre and not cell:
                pieces.append(text.replace("\r\n", "\n").replace("\r", "\n"))
            else:
                pieces.append(_HTML_SPACE.sub(" ", text))
    return _CELL_EDGE.sub("\t", _SOFT_BREAKS.sub("\n", "".join(pieces)))


# --- PDF --------------------------------------------------------------------


def _read_pdf(data: bytes, source: str) -> _Read:
    """The text layer of every page, pages joined by a line break (W104)."""
    from pypdf import PdfReader

    locked = False
    pages: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            locked = True
        else:
            pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as e:  # pypdf raises many kinds of errors on damaged files
        raise InputError(source, Errors.E107.format(kind="PDF", detail=_short(e))) from e
    if locked:
        detail = "it is encrypted and needs a password"
        raise InputError(source, Errors.E107.format(kind="PDF", detail=detail))
    text = "\n".join(pages)
    if _BLANK.fullmatch(text):
        raise InputError(source, Errors.E108.format(kind="PDF"))
    return _Read(text, "pdf", (Warnings.W104,))
