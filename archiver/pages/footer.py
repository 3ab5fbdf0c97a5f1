"""The content's trailing elements that are the contact footer, for the links they hold.

The segmenter cuts the contact footer from ``body`` by its text (``Content.footer``), whether
or not its table is marked ``prFooter``: a contact table or contact lines at the end of the
text. Its links (the office's website, a ``mailto:``) are the office's boilerplate as much as
its text is, so they leave ``links`` the same way: the elements at the end of the content whose
every paragraph is a footer paragraph are the footer, and their ``<a>`` are not the item's.
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
    from the last child back; a partly footer child is searched the same way. True when all of
    ``parent`` is footer."""
    for child in reversed(parent):
        if not isinstance(child.tag, str):  # a comment or processing instruction
            continue
        tail = squash(child.tail or "")
        if tail and tail not in footer:  # text after the child that is not the footer's
            return False
        if {block.text for block in render_blocks([child]).blocks} <= footer:
            links.update(child.iter("a"))
            continue
        _collect(child, footer, links)
        return False
    return not (parent.text or "").strip()
