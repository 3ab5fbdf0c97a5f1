"""Bytes to a parsed document, once per page, with what was wrong with the bytes.

Scrapy hands over the body and the encoding it settled on; a file on disk has only the bytes,
so the encoding comes from a BOM or the page's ``<meta charset>``, else UTF-8 (the site's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsel import Selector
from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

_TAG_START = re.compile(rb"<[a-zA-Z!?]")
# Files the server may send under an item URL (a PDF, audio, an image, an archive).
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"ID3", b"OggS")
_HTML_END = re.compile(rb"</\s*html\s*>", re.IGNORECASE)
_SNIFF_BYTES = 1024


@dataclass
class Document:
    selector: Selector
    encoding: str
    flags: list[str] = field(default_factory=list)


def sniff_flags(body: bytes) -> list[str]:
    """What the raw bytes say before parsing: empty, not HTML, or cut short."""
    head = body[:_SNIFF_BYTES].lstrip()
    if not head:
        return ["empty"]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head or not _TAG_START.search(head):
        return ["not_html"]
    if not _HTML_END.search(body[-_SNIFF_BYTES:]):
        return ["truncated"]
    return []


def detect_encoding(body: bytes, declared: str | None = None) -> str:
    """The transport's encoding if given, else a BOM, else ``<meta charset>``, else UTF-8."""
    bom_encoding, _ = read_bom(body)
    for name in (declared, bom_encoding, html_body_declared_encoding(body)):
        resolved = resolve_encoding(name) if name else None
        if resolved:
            return resolved
    return "utf-8"


def parse_document(body: bytes, *, encoding: str | None = None) -> Document:
    """Parse once; undecodable bytes are replaced (parsel does), never raised."""
    flags = sniff_flags(body)
    chosen = detect_encoding(body, encoding)
    if "not_html" in flags or "empty" in flags:
        # Parsing nothing or binary noise yields no or nonsense text: an empty tree is honest.
        return Document(Selector(text="<html></html>"), chosen, flags)
    _, bom = read_bom(body)
    return Document(Selector(body=body[len(bom or b"") :], encoding=chosen), chosen, flags)
