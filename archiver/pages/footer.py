"""The content's trailing elements that are the contact footer, for the links they hold.

A contact footer in a ``prFooter`` table leaves ``body`` and ``links`` by its class. One without
the class (a contact table or contact lines at the end of the text) the segmenter cuts from
``body`` by its text (``Content.footer``); its links (the office's website, a ``mailto:``) are
the office's boilerplate as much as its text is, so they leave ``links`` the same way: the
elements at the end of the content whose every paragraph is a footer paragraph are the footer,
and their ``<a>`` are not the item's. Pages without such a footer cost nothing here.
"""

from __future__ import annotations

from typing import Any

from archiver.pages.blocks import render_blocks
from archiver.text import squash


def footer_links(elements: list[Any], footer: frozenset[str]) -> frozenset[Any]:
    """The ``<a>`` elements inside the footer at the end of ``elements`` (the content parts)."""
    links: set[Any] = set()
    if footer:
        for element in reversed(elements):
            if not _collect(element, footer, links):
                break
    return frozenset(links)


def _collect(parent: Any, footer: frozenset[str], links: set[Any]) -> bool:
    """Collect the links of ``parent``'s trailing children that render only footer paragraphs,
    from the last child back; a child that ends with the footer is searched the same way. True
    when all of ``parent`` is footer."""
    for child in reversed(parent):
        if not isinstance(child.tag, str):  # a comment or processing instruction
            continue
        tail = squash(child.tail or "")
        if tail and tail not in footer:  # text after the child that is not the footer's
            return False
        texts = [block.text for block in render_blocks([child]).blocks]
        if all(text in footer for text in texts):
            links.update(child.iter("a"))
            continue
        if texts[-1] in footer:  # the child ends with the footer: its own last children
            _collect(child, footer, links)
        return False
    return not (parent.text or "").strip()
