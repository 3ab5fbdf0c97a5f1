"""Bytes to a parsed document, once per page, with what was wrong with the bytes.

Scrapy hands over the body and the encoding it settled on; a file on disk has only the bytes,
so the encoding comes from a BOM or the page's ``<meta charset>``, else UTF-8 (the site's).
The tree is built by plain lxml (no ``lxml.html`` element classes: they cost a Python call per
element touched) and wrapped in a parsel ``Selector`` for callers that want one.
What every page object asks of any document is here too: a class test for XPath, and links
made absolute against the page's address or its ``<base href>``, where a malformed one (an
unclosed IPv6 bracket, ``http://[::1``) is no URL rather than an exception.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from parsel import Selector
from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

_TAG_START = re.compile(rb"<[a-zA-Z!?]")
# Files the server may send under an item URL (a PDF, audio, an image, an archive).
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"ID3", b"OggS")
_HTML_END = re.compile(rb"</\s*html\s*>", re.IGNORECASE)
_SNIFF_BYTES = 1024
_EMPTY = b"<html></html>"
# What parse_document can say about the bytes (docs/extraction.md, "Page flags").
DOCUMENT_FLAGS = ("empty", "not_html", "truncated", "encoding_errors", "too_deep")
# Deepest nesting kept as elements: libxml2's own limit without ``huge_tree``. The extractors
# walk the tree recursively, one Python frame a level, so deeper pages would overflow the stack.
MAX_DEPTH = 256
_AT_MAX_DEPTH = etree.XPath("/*" * MAX_DEPTH + "[*]")
# Characters libxml2 keeps from an HTML page but lxml refuses to set as text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Encodings whose characters hold NUL bytes: decoded before the bytes are sniffed.
_WIDE = ("utf-16", "utf-32")
# Text codecs of Python's that encode host names, not documents.
_NOT_CHARSETS = ("idna", "punycode")
_INVALID_ENCODING = etree.ErrorTypes.ERR_INVALID_ENCODING
_BASE_HREF = etree.XPath("/html/head/base/@href")


def has_class(name: str) -> str:
    """An XPath test for a class name, to put in ``[…]``.

    A substring test: the token-exact concat/normalize-space form costs a string build per
    node and whole-document queries pay it on every element. K2's class names do not
    contain one another ("catItemView" vs "itemView" differ in case).
    """
    return f"contains(@class, '{name}')"


def join_url(base: str, href: str) -> str | None:
    """``href`` made absolute against ``base``; None for what is no URL (urllib raises)."""
    try:
        return urljoin(base, href.strip())
    except ValueError:
        return None


def base_url(root: Any, url: str) -> str:
    """What the page's relative links are relative to: its ``<base href>``, else its URL
    (also when the ``<base href>`` is malformed: the HTML standard's fallback)."""
    base = _BASE_HREF(root)
    return (join_url(url, base[0]) or url) if base else url


@dataclass
class Document:
    selector: Selector
    encoding: str
    flags: list[str] = field(default_factory=list)


def sniff_flags(body: bytes) -> list[str]:
    """What the raw bytes say before parsing: empty, not HTML, or cut short."""
    head = body[:_SNIFF_BYTES].lstrip(b"\x00 \t\n\r\f")  # stray NULs before the page are dropped
    if not head:
        return ["empty"]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head or not _TAG_START.search(head):
        return ["not_html"]
    if not _HTML_END.search(body[-_SNIFF_BYTES:]):
        return ["truncated"]
    return []


# UTF-32 marks, tested before UTF-16's: the little-endian one begins with UTF-16LE's FF FE, and
# w3lib 2.6 reads it as that (as browsers do, which have no UTF-32), leaving a NUL per letter.
_UTF32_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"))


def byte_order_mark(body: bytes) -> tuple[str | None, bytes]:
    """The encoding a byte order mark names and the mark's bytes, or (None, b"")."""
    for mark, name in _UTF32_BOMS:
        if body.startswith(mark):
            return name, mark
    found = read_bom(body)
    return found[0], found[1] or b""


def utf16_without_bom(body: bytes) -> str | None:
    """UTF-16 told by its NUL bytes: markup is ASCII, so every other byte of the page's start
    is NUL (odd bytes: little-endian; even: big-endian), which no 8-bit charset produces."""
    sample = body[:_SNIFF_BYTES]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) // 8 and even == 0:
        return "utf-16-le"
    if even > len(sample) // 8 and odd == 0:
        return "utf-16-be"
    return None


@functools.lru_cache(maxsize=64)
def charset(label: str) -> str | None:
    """The codec a charset label names, or None when it names none a page can be written in:
    unknown, or a codec w3lib resolves that is no charset ("base64", "rot13", "idna"), which
    would raise on the page (a browser ignores such a label too)."""
    name = resolve_encoding(label)
    if name is None or name in _NOT_CHARSETS:
        return None
    try:
        b"<".decode(name, "ignore")  # (empty bytes decode without asking the codec)
    except (LookupError, UnicodeError):  # a bytes-to-bytes codec, or one without "ignore"
        return None
    return str(name)


def detect_encoding(body: bytes, declared: str | None = None) -> str:
    """A BOM (it wins over the transport, as in the HTML standard's sniffing), else UTF-16
    told by its NUL bytes, else the transport's encoding, else ``<meta charset>``, else UTF-8.
    A label naming no charset is passed over; so is UTF-16 or UTF-32 declared for bytes without
    their NULs (the standard reads a ``<meta>`` that says UTF-16 as UTF-8)."""
    bom = byte_order_mark(body)[0]
    if bom:  # already a Python codec's name (w3lib 2.6 resolves no UTF-32 label)
        return bom
    nuls = utf16_without_bom(body)
    labels = (nuls, declared, lambda: html_body_declared_encoding(body))
    for label in labels:
        name = label() if callable(label) else label
        chosen = charset(name) if name else None
        if chosen and (nuls or not chosen.startswith(_WIDE)):
            return chosen
    return "utf-8"


def as_utf8(body: bytes, encoding: str) -> tuple[bytes, bool]:
    """The body as UTF-8 for lxml, and whether some bytes had to be replaced.

    UTF-8 bodies are passed through unchecked: libxml2 (2.14, bundled with lxml 6.1) replaces
    invalid bytes itself and reports them, which ``parse_document`` reads from the parser's
    error log; decoding 60 KB in Python only to check it cost ≈40 µs a page. The
    ``encoding_errors`` test in tests/test_pages_rules.py pins that behaviour.
    """
    body = body[len(byte_order_mark(body)[1]) :]
    if encoding == "utf-8":
        return body, False
    try:
        return body.decode(encoding).encode("utf-8"), False
    except UnicodeDecodeError:
        return body.decode(encoding, errors="replace").encode("utf-8"), True


def _invalid_bytes(parser: etree.HTMLParser) -> bool:
    return any(e.type == _INVALID_ENCODING for e in parser.error_log)


def cap_depth(root: Any) -> bool:
    """Elements nested deeper than ``MAX_DEPTH`` become their text (kept, in order) in their
    ancestor at that depth; whether there were any."""
    deepest = _AT_MAX_DEPTH(root)
    for element in deepest:
        text = _NOT_XML.sub("", "".join(element.itertext()))
        element[:] = []
        element.text = text
    return bool(deepest)


def parse_document(body: bytes, *, encoding: str | None = None) -> Document:
    """Parse once; undecodable bytes are replaced and flagged, never raised."""
    chosen = detect_encoding(body, encoding)
    replaced = False
    if chosen.startswith(_WIDE):  # its NUL bytes are characters: read it as UTF-8 from here
        body, replaced = as_utf8(body, chosen)
    flags = sniff_flags(body)
    data = _EMPTY
    if "not_html" not in flags and "empty" not in flags:
        # Parsing nothing or binary noise yields no or nonsense text: an empty tree is honest.
        data, wrong = as_utf8(body, "utf-8" if chosen.startswith(_WIDE) else chosen)
        replaced |= wrong
        if b"\x00" in data:  # no character of a page (libxml2 would stop reading at it)
            data = data.replace(b"\x00", b"")
            replaced = True
    if replaced:
        flags.append("encoding_errors")
    parser = etree.HTMLParser(encoding="utf-8", recover=True, huge_tree=True)
    root = etree.fromstring(data, parser)
    if _invalid_bytes(parser) and "encoding_errors" not in flags:
        flags.append("encoding_errors")
    if root is None:  # only white space or comments
        root = etree.fromstring(_EMPTY, parser)
    if cap_depth(root):
        flags.append("too_deep")
    return Document(Selector(root=root), chosen, flags)
