"""Checks of French (Canadian) punctuation spacing in a page's visible text.

Text is gathered per block (paragraph, list item, heading, cell…) with inline
elements joined, so `<a>lien</a> !` is seen as "lien !". Code, scripts,
styles and passages marked in another language are left out.
"""
from __future__ import annotations

import re
from typing import Iterator

from .markup import Element, Text

NBSP = "\u00a0"
NNBSP = "\u202f"
SKIPPED = frozenset("script style code pre kbd samp var textarea template svg math".split())
INLINE = frozenset(
    "a abbr b bdi bdo cite data dfn em i mark q s small span strong sub sup time u wbr label".split()
)
URL_TOKEN = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:|tel:)\S*|\S+@\S+\.\S+", re.IGNORECASE)
SHOWN = {" ": "⟨space⟩", NBSP: "⟨nbsp⟩", NNBSP: "⟨narrow nbsp⟩", "\n": "⟨block⟩"}


def text_blocks(root: Element, language: str) -> list[str]:
    """Visible text of `root` in blocks, leaving out code and other-language passages."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = "".join(current)
        if text.strip():
            blocks.append(text)
        current.clear()

    def walk(node: Element) -> None:
        for child in node.children:
            if isinstance(child, Text):
                current.append(child.data)
                continue
            if child.tag in SKIPPED:
                continue
            lang = (child.get("lang") or "").lower()
            if lang and not lang.startswith(language):
                continue
            if child.tag == "br":
                current.append(" ")
                continue
            inline = child.tag in INLINE
            if not inline:
                flush()
            walk(child)
            if not inline:
                flush()

    walk(root)
    flush()
    return blocks


def _context(text: str, index: int) -> str:
    """A short excerpt around `index`, with the invisible spaces made visible."""
    shown = []
    for j in range(max(0, index - 25), min(len(text), index + 10)):
        c = text[j]
        if c in (NBSP, NNBSP, "\n") or (c == " " and j in (index - 1, index + 1)):
            shown.append(SHOWN[c])
        else:
            shown.append(c)
    return "…" + "".join(shown) + "…"


def _url_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in URL_TOKEN.finditer(text)]


def french_spacing_problems(block: str) -> Iterator[str]:
    urls = _url_spans(block)

    def in_url(i: int) -> bool:
        return any(a <= i < b for a, b in urls)

    for i, ch in enumerate(block):
        if ch not in ";!?:«»" or in_url(i):
            continue
        before = block[i - 1] if i > 0 else ""
        after = block[i + 1] if i + 1 < len(block) else ""
        if ch in ";!?":
            if before in ("!", "?", "") or before == NNBSP:
                continue
            what = "an ordinary space" if before == " " else ("a no-break space U+00A0" if before == NBSP else "no space")
            yield f"{what} before {ch!r} (expected U+202F narrow no-break space): {_context(block, i)}"
        elif ch == ":":
            if before == "" or before == NBSP:
                continue
            if before.isdigit() and after.isdigit():  # a time such as 9:00
                continue
            what = "an ordinary space" if before == " " else ("a narrow no-break space" if before == NNBSP else "no space")
            yield f"{what} before ':' (expected U+00A0 no-break space): {_context(block, i)}"
        elif ch == "«":
            if after not in (NBSP, NNBSP):
                yield f"no no-break space after '«': {_context(block, i)}"
        elif ch == "»":
            if before not in (NBSP, NNBSP):
                yield f"no no-break space before '»': {_context(block, i)}"


def english_spacing_problems(block: str) -> Iterator[str]:
    for i, ch in enumerate(block):
        if ch == NNBSP:
            yield f"U+202F narrow no-break space in English text: {_context(block, i)}"
