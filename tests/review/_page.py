"""Reading a review page back: its text, its marked pieces, its tags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"meta", "input", "br", "img", "link", "hr"})


@dataclass
class Piece:
    """A run of text with the classes, data-ref and title of the spans around it."""

    text: str
    classes: frozenset[str]
    refs: tuple[str, ...]
    title: str | None


@dataclass
class PageReader(HTMLParser):
    """Collects every start tag, and the text (entities decoded) inside one element."""

    root_id: str = "text"
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    _stack: list[dict[str, str | None]] = field(default_factory=list)
    _depth: int = 0  # open elements inside the root (0: outside)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag in VOID:
            return
        if self._depth:
            self._depth += 1
            self._stack.append(values)
        elif values.get("id") == self.root_id:
            self._depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self._depth:
            return
        self._depth -= 1
        if self._stack and self._depth:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if not self._depth:
            return
        classes: set[str] = set()
        refs: tuple[str, ...] = ()
        title = None
        for values in self._stack:
            classes.update((values.get("class") or "").split())
            refs = tuple((values.get("data-ref") or "").split()) or refs
            title = values.get("title") or title
        self.pieces.append(Piece(data, frozenset(classes), refs, title))

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    def runs(self, css_class: str) -> list[str]:
        """The texts of consecutive pieces that carry ``css_class``."""
        out: list[str] = []
        previous = False
        for piece in self.pieces:
            has = css_class in piece.classes
            if has and previous:
                out[-1] += piece.text
            elif has:
                out.append(piece.text)
            previous = has
        return out

    def text_of_ref(self, ref: str) -> str:
        return "".join(p.text for p in self.pieces if ref in p.refs)


def read_page(html: str, root_id: str = "text") -> PageReader:
    reader = PageReader(root_id=root_id)
    reader.feed(html)
    reader.close()
    return reader


def script_sources(html: str) -> list[str]:
    """The bodies of the page's executable scripts (not its JSON data)."""
    return re.findall(r"<script>(.*?)</script>", html, flags=re.S)
