"""A small, forgiving HTML tree for static checks of generated pages.

The standard library's HTMLParser gives events; this module turns them into
a tree of `Element` and text nodes so tests can ask structural questions
("what is the first element in head?", "which text sits inside code?").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Iterator, Optional, Union

VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()
)
# Elements whose start closes an open element of the same kind (enough for
# generated markup, which closes everything explicitly anyway).
SELF_NESTING_CLOSERS = {"p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "option": {"option"}}


@dataclass
class Text:
    data: str
    parent: "Element"


@dataclass
class Element:
    tag: str
    attrs: dict[str, Optional[str]]
    parent: Optional["Element"] = None
    children: list[Union["Element", Text]] = field(default_factory=list)
    line: int = 0
    # Every attribute exactly as written, duplicates included.
    raw_attrs: list[tuple[str, Optional[str]]] = field(default_factory=list)

    def get(self, name: str, default: Optional[str] = None) -> Optional[str]:
        return self.attrs.get(name, default)

    def has_class(self, name: str) -> bool:
        return name in (self.attrs.get("class") or "").split()

    @property
    def element_children(self) -> list["Element"]:
        return [c for c in self.children if isinstance(c, Element)]

    def iter(self) -> Iterator["Element"]:
        """This element and all its descendants, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: Optional[str] = None, **attrs: str) -> list["Element"]:
        found = []
        for el in self.iter():
            if tag is not None and el.tag != tag:
                continue
            if all(el.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items()):
                found.append(el)
        return found

    def find(self, tag: Optional[str] = None, **attrs: str) -> Optional["Element"]:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    def select_class(self, name: str) -> list["Element"]:
        return [el for el in self.iter() if el.has_class(name)]

    def text(self) -> str:
        parts: list[str] = []
        for child in self.children:
            parts.append(child.data if isinstance(child, Text) else child.text())
        return "".join(parts)

    def ancestors(self) -> Iterator["Element"]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def describe(self) -> str:
        """A short CSS-like description for failure messages."""
        desc = self.tag
        if self.get("id"):
            desc += "#" + (self.get("id") or "")
        if self.get("class"):
            desc += "." + ".".join((self.get("class") or "").split())
        return f"<{desc}> (line {self.line})"


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.document = Element("#document", {})
        self.stack: list[Element] = [self.document]
        self.doctype: Optional[str] = None

    def handle_decl(self, decl: str) -> None:
        if decl.lower().startswith("doctype"):
            self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        closers = SELF_NESTING_CLOSERS.get(tag)
        if closers and self.stack[-1].tag in closers:
            self.stack.pop()
        attr_map: dict[str, Optional[str]] = {}
        for name, value in attrs:
            attr_map.setdefault(name, value)
        el = Element(tag, attr_map, parent=self.stack[-1], line=self.getpos()[0], raw_attrs=list(attrs))
        self.stack[-1].children.append(el)
        if tag not in VOID_ELEMENTS:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
        # A stray end tag: the Nu checker reports it; the tree ignores it.

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if parent.children and isinstance(parent.children[-1], Text):
            parent.children[-1].data += data
        else:
            parent.children.append(Text(data, parent))


@dataclass
class Document:
    root: Element
    doctype: Optional[str]
    source: str

    @property
    def html(self) -> Optional[Element]:
        return self.root.find("html")

    @property
    def head(self) -> Optional[Element]:
        return self.root.find("head")

    @property
    def body(self) -> Optional[Element]:
        return self.root.find("body")

    def find(self, tag: Optional[str] = None, **attrs: str) -> Optional[Element]:
        return self.root.find(tag, **attrs)

    def find_all(self, tag: Optional[str] = None, **attrs: str) -> list[Element]:
        return self.root.find_all(tag, **attrs)

    def select_class(self, name: str) -> list[Element]:
        return self.root.select_class(name)

    def links(self, rel: str) -> list[Element]:
        return [
            el for el in self.root.find_all("link")
            if rel in (el.get("rel") or "").lower().split()
        ]


def parse_html(source: str) -> Document:
    builder = _TreeBuilder()
    builder.feed(source)
    builder.close()
    return Document(builder.document, builder.doctype, source)
