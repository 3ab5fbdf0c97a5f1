"""The content block as a list of paragraphs ("blocks"), the unit every text rule works on.

One walk over the content elements applies docs/markup.md's text rules: block elements start
paragraphs, ``<br>`` breaks lines, scripts and images print nothing, a cloaked e-mail span prints
its decoded address. Each block keeps the little styling the segmenter needs (heading-like,
bold, which press-release table it sits in). The same walk collects what the content block
points at (links, images, embeds), so the page object does not walk the content again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from archiver.text import decode_cloaked_emails, join_lines, squash

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "pre",
        "address",
        "center",
        "figure",
        "figcaption",
        "form",
        "fieldset",
        "hr",
    ]
)
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
SILENT_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "audio",
        "video",
        "source",
        "img",
        "svg",
        "canvas",
        "button",
        "input",
        "select",
        "textarea",
        "head",
        "title",
        "meta",
        "link",
        "map",
    ]
)
BOLD_TAGS = frozenset(("strong", "b"))
CELL_TAGS = frozenset(("td", "th"))
_CENTRED = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_REGIONS = (("prheader", "header"), ("prfooter", "footer"))
# The press-release header's and footer's tables: their links are the office's boilerplate.
_BOILERPLATE_TABLES = ("prFooter", "prHeader")
EMBED_TAGS = frozenset(("iframe", "audio", "video", "source", "embed", "object"))


class Block(NamedTuple):  # a tuple: a page makes dozens, and a frozen dataclass is slow to build
    text: str  # lines joined by "\n", each squashed
    heading: bool  # an h1–h6, or a centred paragraph that is bold throughout
    bold: bool  # every character is inside <strong>/<b> (or a heading)
    region: str = ""  # "header" / "footer" inside a press-release table marked as such


class _Context(NamedTuple):  # a tuple: built once per element, so kept cheap
    tag: str  # the innermost block element
    bold: bool
    centred: bool
    region: str
    boilerplate: bool  # inside a press-release header or footer table


def is_boilerplate(table: Any) -> bool:
    classes = table.get("class") or ""
    return any(marker in classes for marker in _BOILERPLATE_TABLES)


def hrefs(scope: Any, skipped: frozenset[Any] = frozenset()) -> list[str]:
    """The ``href`` of every link under ``scope`` but those of the press-release tables and
    the ``skipped`` ``<a>`` elements.

    The tables are found once (around ``scope`` and inside it), not by climbing from every
    link to the root."""
    if any(is_boilerplate(table) for table in scope.iterancestors("table")):
        return []
    skipped = skipped | {
        link
        for table in scope.iterdescendants("table")
        if is_boilerplate(table)
        for link in table.iterdescendants("a")
    }
    return [
        href
        for link in scope.iterdescendants("a")
        if (href := link.get("href")) is not None and link not in skipped
    ]


def source(element: Any) -> str | None:
    """Where an image or embed loads from: ``src``, ``data`` for an ``<object>``."""
    found: str | None = element.get("data" if element.tag == "object" else "src")
    return found


def sources(scope: Any, tags: Iterable[str]) -> list[str]:
    """The sources of the given elements under ``scope``, in document order."""
    found = (source(e) for e in scope.iterdescendants(*tags))
    return [value for value in found if value is not None]


def _region_of(element: Any, inherited: str) -> str:
    classes = (element.get("class") or "").lower()
    for marker, region in _REGIONS:
        if marker in classes:
            return region
    return inherited


def _is_centred(element: Any) -> bool:
    return (
        element.tag == "center"
        or (element.get("align") or "").lower() == "center"
        or bool(_CENTRED.search(element.get("style") or ""))
    )


def _inner(element: Any, tag: str, context: _Context) -> _Context:
    """The context inside a block element; most have no attributes, so most inherit cheaply."""
    bold = context.bold or tag in HEADING_TAGS
    if not element.attrib:
        centred = context.centred or tag == "center"
        return _Context(tag, bold, centred, context.region, context.boilerplate)
    return _Context(
        tag,
        bold,
        context.centred or _is_centred(element),
        _region_of(element, context.region),
        context.boilerplate or (tag == "table" and is_boilerplate(element)),
    )


class _Renderer:
    """Accumulates the inline text of the current paragraph and flushes it into blocks, and
    the links, images and embeds met on the way."""

    def __init__(self, emails: dict[str, str]) -> None:
        self.emails = emails
        self.blocks: list[Block] = []
        self.undecoded_emails = 0
        self.links: list[str] = []
        self.images: list[str] = []
        self.embeds: list[str] = []
        self._lines: list[list[str]] = [[]]
        self._all_bold = True
        self._context: _Context | None = None

    def text(self, text: str | None, context: _Context) -> None:
        if not text:
            return
        if self._context is None:
            self._context = context
        self._lines[-1].append(text)
        if not context.bold and not text.isspace():
            self._all_bold = False

    def line_break(self) -> None:
        self._lines.append([])

    def flush(self) -> None:
        context = self._context
        if context is None:  # no text since the last flush (most flushes: every block's end)
            if len(self._lines) > 1:
                self._lines = [[]]
            return
        lines = self._lines
        if len(lines) == 1:
            text = squash("".join(lines[0]))
        else:
            text = join_lines(["".join(parts) for parts in lines])
        if text:
            heading = context.tag in HEADING_TAGS or (context.centred and self._all_bold)
            self.blocks.append(Block(text, heading, self._all_bold, context.region))
        self._lines = [[]]
        self._all_bold = True
        self._context = None

    def walk(self, element: Any, context: _Context) -> None:
        tag = element.tag  # lower case from lxml's HTML parser; a function for comments
        if not isinstance(tag, str):  # comments, processing instructions
            pass
        elif tag in SILENT_TAGS:
            self._silent(element, tag, context)
        elif tag == "br":
            self.line_break()
        elif tag == "span" and (element.get("id") or "").startswith("cloak"):
            self._cloak(element.get("id")[5:], context)
            self._unwalked(element, context)
        elif tag in BLOCK_TAGS:
            self.flush()
            inner = _inner(element, tag, context)
            if text := element.text:
                self.text(text, inner)
            for child in element:
                self.walk(child, inner)
            self.flush()
        else:
            inner = context
            if tag == "a" and not context.boilerplate and (href := element.get("href")) is not None:
                self.links.append(href)
            if tag in BOLD_TAGS and not context.bold:
                inner = _Context(
                    context.tag, True, context.centred, context.region, context.boilerplate
                )
            if tag in CELL_TAGS:
                self.text(" ", inner)
            if text := element.text:
                self.text(text, inner)
            for child in element:
                self.walk(child, inner)
            if tag in CELL_TAGS:
                self.text(" ", inner)
        if tail := element.tail:  # most elements have none: skip the call
            self.text(tail, context)

    def _silent(self, element: Any, tag: str, context: _Context) -> None:
        """An element that prints nothing: only what it loads is kept."""
        if tag == "img" or tag in EMBED_TAGS:
            found = source(element)
            if found is not None:
                (self.images if tag == "img" else self.embeds).append(found)
        self._unwalked(element, context)

    def _unwalked(self, element: Any, context: _Context) -> None:
        """The links, images and embeds under an element whose text is not walked."""
        if len(element):  # most have no children
            if not context.boilerplate:
                self.links += hrefs(element)
            self.images += sources(element, ("img",))
            self.embeds += sources(element, EMBED_TAGS)

    def _cloak(self, key: str, context: _Context) -> None:
        address = self.emails.get(key)
        if address is None:
            self.undecoded_emails += 1
        else:
            self.text(address, context)


@dataclass(frozen=True)
class Rendered:
    blocks: list[Block]
    undecoded_emails: int
    links: list[str]  # every link's href as written, but the press-release tables'
    images: list[str]  # every image's src as written
    embeds: list[str]  # every embed's src (an <object>'s data) as written


def render_blocks(elements: list[Any]) -> Rendered:
    """The paragraphs of the given lxml elements, in document order, and what they link to."""
    emails: dict[str, str] = {}
    for element in elements:
        for script in element.iter("script"):
            emails.update(decode_cloaked_emails(script.text or ""))
    renderer = _Renderer(emails)
    for element in elements:
        boilerplate = any(is_boilerplate(table) for table in element.iterancestors("table"))
        root = _Context("div", False, False, "", boilerplate)
        renderer.flush()
        renderer.text(element.text, root)
        for child in element:
            renderer.walk(child, root)
        renderer.flush()
    return Rendered(
        renderer.blocks,
        renderer.undecoded_emails,
        renderer.links,
        renderer.images,
        renderer.embeds,
    )
