"""A section's home page: the category listings its menus link to.

Only a few sections' "latest items" menu alias is known, so when it is missing the crawl
starts from the listings the section's own menus name instead. A menu link that is no URL
(``http://[::1…``) is skipped.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import etree

from archiver.pages.document import base_url, join_url, parse_document
from archiver.urls import parse_item_url, section_of

_MENU_LINKS = etree.XPath(
    "//nav//a/@href | //*[contains(concat(' ', normalize-space(@class), ' '), ' menu ')]//a/@href"
)


class SectionPage:
    def __init__(self, body: bytes, url: str) -> None:
        self.url = url
        self.root = parse_document(body).selector.root
        self.base_url = base_url(self.root, url)

    def menu_listings(self) -> list[str]:
        """Absolute URLs of the section's category listings, in menu order, once each."""
        lang = section_of(self.url)
        found: dict[str, None] = {}
        for href in _MENU_LINKS(self.root):
            url = join_url(self.base_url, str(href))
            if url is None:
                continue
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or parts.query or parts.fragment:
                continue
            if section_of(url) != lang or parse_item_url(url) is not None:
                continue
            found.setdefault(url, None)
        found.pop(self.url, None)
        return list(found)
