"""How the replica site changes between runs: editions and broken labels.

Edition 0 is the site as generated. Each later edition adds new items on top of every section
(``added_items``) and revises a few existing ones by adding a sentence to their text
(``is_revised``, ``revise``), so a re-crawl has news to find and revisions to record. A broken
label (``break_labels``) is a layout change: the page prints a field's label in a form the page
objects do not know, and the field empties while the rest of the page still reads.
"""

from __future__ import annotations

import dataclasses
import random

from archiver.replica.catalog import mix
from archiver.replica.generator import Content, Writer
from archiver.replica.languages import Lexicon
from archiver.replica.richtext import Block, Text

ADDED_PERCENT = 2  # of the first edition's items, added per section by each later edition
REVISED_PERCENT = 5  # of the items already there, revised by each later edition
BREAKABLE = ("news", "comment")  # fields whose label --break can change
BROKEN_MARK = "\u25b6 "  # printed before a broken label: the label no longer starts the line


def added_items(items: int, edition: int) -> int:
    """How many items an edition holds beyond the first ``items`` of each section."""
    return edition * max(1, items * ADDED_PERCENT // 100)


def is_revised(seed: int, lang: str, item_id: int, edition: int) -> bool:
    """Whether ``edition`` revises this item (one that existed in the edition before)."""
    ticket = mix(seed, int.from_bytes(lang.encode(), "big"), item_id, edition)
    return edition > 0 and ticket % 100 < REVISED_PERCENT


def _revisable(block: Block) -> bool:
    last = block.inlines[-1] if block.inlines else None
    return (
        block.role == "text"
        and block.tag == "p"
        and not block.center
        and isinstance(last, Text)
        and not last.bold
        and bool(last.text.strip())
    )


def revise(content: Content, lex: Lexicon, seed: int, item_id: int, edition: int) -> Content:
    """The content with one sentence added at the end of its last plain paragraph."""
    rng = random.Random(f"{seed}:{lex.lang}:{item_id}:{edition}")
    sentence = Writer(lex, rng, rng).sentence()
    blocks = list(content.blocks)
    index = max(i for i, block in enumerate(blocks) if _revisable(block))
    last = blocks[index].inlines[-1]
    assert isinstance(last, Text)
    grown = Text(f"{last.text} {sentence}")
    blocks[index] = dataclasses.replace(blocks[index], inlines=(*blocks[index].inlines[:-1], grown))
    return dataclasses.replace(content, blocks=tuple(blocks))


def break_labels(content: Content, fields: frozenset[str]) -> Content:
    """The content with the labels of ``fields`` printed after ``BROKEN_MARK``."""
    blocks = []
    for block in content.blocks:
        first = block.inlines[0] if block.inlines else None
        if block.role == "label" and block.section in fields and isinstance(first, Text):
            marked = Text(BROKEN_MARK + first.text, first.bold)
            block = dataclasses.replace(block, inlines=(marked, *block.inlines[1:]))
        blocks.append(block)
    return dataclasses.replace(content, blocks=tuple(blocks))
