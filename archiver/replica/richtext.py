"""The content block as data: paragraphs of inline runs, rendered to HTML and read as text.

The generators build a list of ``Block``; the page renders it and the truth reads it with the
text rules of ``docs/markup.md``, so the two cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Text:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Br:
    pass


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Image:
    src: str
    alt: str = ""


@dataclass(frozen=True)
class Email:
    """An address hidden by Joomla's e-mail cloaking; ``key`` names its span and variables."""

    address: str
    key: str


@dataclass(frozen=True)
class Frame:
    """An embedded player (``<iframe>``): a media URL with no text."""

    src: str


Inline = Text | Br | Link | Image | Email | Frame


@dataclass(frozen=True)
class Block:
    """One paragraph-like element. ``role`` says what the truth does with it.

    Roles: ``text`` (in body), ``title``/``subtitle``/``translated``/``header``/``footer`` (not
    in body), ``label`` (in body; starts the section named in ``section``), ``signoff``.
    """

    inlines: tuple[Inline, ...]
    role: str = "text"
    tag: str = "p"
    center: bool = False
    section: str | None = None  # news/comment text this block belongs to
    cells: tuple[tuple[Inline, ...], ...] = ()  # a table row's cells, when tag == "tr"


BODY_ROLES = frozenset({"text", "label", "signoff"})
_SPACES = re.compile(r"\s+")


def inline_text(inlines: tuple[Inline, ...]) -> str:
    """The text rules: white space runs → one space, ``<br>`` → newline, e-mails decoded."""
    lines = [""]
    for part in inlines:
        if isinstance(part, Br):
            lines.append("")
        elif isinstance(part, Email):
            lines[-1] += part.address
        elif isinstance(part, Text | Link):
            lines[-1] += part.text
    collapsed = (_SPACES.sub(" ", line).strip() for line in lines)
    return "\n".join(line for line in collapsed if line)


def block_text(block: Block) -> str:
    if block.cells:
        return " ".join(filter(None, (inline_text(cell) for cell in block.cells)))
    return inline_text(block.inlines)


def section_text(block: Block) -> str:
    """A block's share of its news/comment section: its text without a leading label."""
    inlines = block.inlines
    if block.role == "label":
        inlines = inlines[1:]
    return inline_text(inlines)


def _cloak(email: Email) -> str:
    """Joomla's cloaking: a placeholder span, then a script assembling the address in pieces."""
    user, _, domain = email.address.partition("@")
    name, _, tld = domain.rpartition(".")
    key = email.key
    encoded_user = user.replace("i", "&#105;")
    return (
        f'<span id="cloak{key}">This email address is being protected from spambots. '
        "You need JavaScript enabled to view it.</span>"
        '<script type="text/javascript">\n'
        f"  document.getElementById('cloak{key}').innerHTML = '';\n"
        "  var prefix = '&#109;a' + 'i&#108;' + '&#116;o';\n"
        "  var path = 'hr' + 'ef' + '=';\n"
        f"  var addy{key} = '{encoded_user}' + '&#64;';\n"
        f"  addy{key} = addy{key} + '{name}' + '&#46;' + '{tld}';\n"
        f"  var addy_text{key} = '{encoded_user}' + '&#64;' + '{name}' + '&#46;' + '{tld}';\n"
        f"  document.getElementById('cloak{key}').innerHTML += '<a ' + path + '\\'' + prefix"
        f" + ':' + addy{key} + '\\'>'+addy_text{key}+'<\\/a>';\n"
        "</script>"
    )


def render_inlines(inlines: tuple[Inline, ...]) -> str:
    out: list[str] = []
    for part in inlines:
        if isinstance(part, Text):
            text = escape(part.text, quote=False).replace("\u00a0", "&nbsp;")
            out.append(f"<strong>{text}</strong>" if part.bold else text)
        elif isinstance(part, Br):
            out.append("<br />")
        elif isinstance(part, Link):
            out.append(f'<a href="{escape(part.href)}">{escape(part.text, quote=False)}</a>')
        elif isinstance(part, Image):
            out.append(f'<img src="{escape(part.src)}" alt="{escape(part.alt)}" />')
        elif isinstance(part, Email):
            out.append(_cloak(part))
        else:
            out.append(f'<iframe src="{escape(part.src)}" width="560" height="315"></iframe>')
    return "".join(out)


def render_block(block: Block) -> str:
    if block.cells:
        cells = "".join(f"<td>{render_inlines(cell)}</td>" for cell in block.cells)
        return f"<tr>{cells}</tr>"
    style = ' style="text-align: center;"' if block.center else ""
    inner = render_inlines(block.inlines)
    if block.tag.startswith("h"):
        inner = f"<strong>{inner}</strong>"
    return f"<{block.tag}{style}>{inner}</{block.tag}>"


def render_blocks(blocks: list[Block]) -> str:
    """Blocks to HTML; consecutive table rows share one table, classed by their role."""
    out: list[str] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if not block.cells:
            out.append(render_block(block))
            index += 1
            continue
        rows: list[str] = []
        while index < len(blocks) and blocks[index].cells and blocks[index].role == block.role:
            rows.append(render_block(blocks[index]))
            index += 1
        css = "prHeader" if block.role == "header" else "prFooter"
        out.append(f'<table class="{css}"><tbody>{"".join(rows)}</tbody></table>')
    return "\n".join(out)
