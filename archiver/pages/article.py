"""Item (article) pages: one page object per layout, one ``@field`` method per page column.

A page object reads an already parsed document and never touches the network or the disk;
``extract_item`` is the one entry point that goes from bytes to an ``ArchiveItem``.
The layouts and their markers are docs/markup.md's table "Item page". Each ``page`` column of
the registry (archiver/columns.py) is the ``@field`` method of its name (archiver/pages/fields.py),
checked when each class is defined; ``to_item`` gathers them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

from lxml import etree
from parsel import Selector

from archiver.fold import compact
from archiver.item import ArchiveItem, DateCandidate
from archiver.pages import labels as L
from archiver.pages.blocks import EMBED_TAGS, Rendered, hrefs, render_blocks, sources
from archiver.pages.content import Content, segment
from archiver.pages.document import base_url, has_class, join_url, parse_document
from archiver.pages.fields import FieldPage, cached_field, field
from archiver.pages.footer import footer_links
from archiver.pages.kinds import detect_kind, headline_date
from archiver.pages.title import head_title, without_kind_label
from archiver.pages.version import PARSER_VERSION
from archiver.text import squash
from archiver.urls import ItemRef, canonical_url, parse_item_url, section_of

# Compiled once: these run on every page (docs/extraction.md, "Performance"). ``descendant::``
# with a name test and ``[1]`` is several times cheaper in libxml2 than ``//*``.
_ITEM_VIEW = etree.XPath(f"id('k2Container')[{has_class('itemView')}]")  # libxml2's id index
_ITEM_VIEW_ANY = etree.XPath(
    f"descendant::*[{has_class('itemView')}][descendant::div[{has_class('itemBody')}]][1]"
)
_PRINT_BODY = etree.XPath(f"/html/body[{has_class('contentpane')}]")
_HEAD_TITLE = etree.XPath("string(/html/head/title)")
_OG_TITLE = etree.XPath("/html/head/meta[@property='og:title' or @name='og:title']/@content")
_KEYWORDS = etree.XPath("/html/head/meta[@name='keywords']/@content")
# K2's parts, by the class names that mark them.
_CONTENT_PARTS = re.compile("itemIntroText|itemFullText")
_ITEM_BODY = re.compile("itemBody")
_CATEGORY = re.compile("itemCategory")
# The "Published in" label just before a link, when no element is marked as the category.
_PUBLISHED_IN = re.compile(L.alternation(L.every(L.PUBLISHED_IN_LABELS)) + r"\s*:?$")
_TAG_LIST = re.compile("itemTags")
_MEDIA_BLOCKS = re.compile("itemVideoBlock|itemAttachmentsBlock")
_START_OF_PAGE = etree.XPath("descendant::span[starts-with(@id, 'startOfPageId')][1]/@id")
_MEDIA_FILE = re.compile(
    r"\.(?:mp3|m4a|ogg|oga|wav|wma|amr|mp4|m4v|webm|ogv|avi|wmv|flv|mov|3gp|pdf)$", re.IGNORECASE
)
_MEDIA_EXT = re.compile(_MEDIA_FILE.pattern.removesuffix("$"), re.IGNORECASE)
_SECTION_PATH = re.compile(r"^/[a-z]{2}(?:/index\.php)?/(?P<path>.*?)(?:\.html)?/?$")


# What an item page object can say about the page (docs/extraction.md, "Page flags").
ITEM_FLAGS = (
    "unknown_layout",
    "no_item_id",
    "no_body",
    "no_title",
    "email_undecoded",
    "bad_urls",
)


def menu_path(href: str) -> str | None:
    """The decoded menu path of a section URL (``.html``, K2 ``itemlist`` routes dropped)."""
    match = _SECTION_PATH.match(unquote(urlsplit(href).path))
    if match is None:
        return None
    path = match["path"].split("/itemlist", 1)[0].strip("/")
    return path or None


def _is_url(text: str) -> bool:
    try:
        urlsplit(text)
    except ValueError:
        return False
    return True


def _first_with_class(scope: Any, tag: str, name: str) -> Any | None:
    """The first ``tag`` under ``scope`` whose class attribute contains ``name``."""
    for element in scope.iterdescendants(tag):
        if name in (element.get("class") or ""):
            return element
    return None


def _classed(scope: Any, tag: str) -> list[tuple[Any, str]]:
    """Every ``tag`` under ``scope`` that has a class, with it, in document order."""
    return [(e, classes) for e in scope.iterdescendants(tag) if (classes := e.get("class"))]


def _having(classed: list[tuple[Any, str]], names: re.Pattern[str]) -> list[Any]:
    """The elements whose class contains one of ``names`` (a substring test, as `has_class`): one
    regex search per element, not a generator over the names (a heavy page has dozens)."""
    search = names.search
    return [element for element, classes in classed if search(classes)]


def _stock_title(container: Any) -> str:
    heading = _first_with_class(container, "h2", "itemTitle")
    return squash(_text(heading)) if heading is not None else ""


def _text_before(link: Any) -> str:
    """The text of ``link``'s parent that comes before it."""
    parent = link.getparent()
    parts = [parent.text or ""]
    for sibling in parent:
        if sibling is link:
            break
        parts += [_text(sibling), sibling.tail or ""]
    return "".join(parts)


def _text(element: Any) -> str:
    """XPath's ``string()`` of an element (``element.xpath("string()")`` compiles a query);
    nothing for a comment or processing instruction, which print no text on the page (and
    which ``itertext`` refuses)."""
    if not isinstance(element.tag, str):
        return ""
    return "".join(element.itertext())


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


class ItemPage(FieldPage):
    """The fields every layout shares; subclasses change where title and date come from."""

    record = ArchiveItem
    layout_name: ClassVar[str] = "unknown"

    def __init__(self, selector: Selector, url: str, container: Any | None = None) -> None:
        self.selector = selector
        self.address = url  # as fetched (the ``url`` field is the canonical one)
        self.root: Any = selector.root
        if container is not None:  # page_for found it already
            self.container = container

    # --- where things are --------------------------------------------------------------------
    @cached_property
    def ref(self) -> ItemRef | None:
        return parse_item_url(self.address)  # None for what is no URL too (urls.py catches it)

    @cached_property
    def container(self) -> Any | None:
        """The item element (``#k2Container.itemView``)."""
        found = _ITEM_VIEW(self.root) or _ITEM_VIEW_ANY(self.root)
        return found[0] if found else None

    @cached_property
    def content_elements(self) -> list[Any]:
        """Intro text then full text; the whole item body when neither is marked."""
        divs = self._divs
        return _having(divs, _CONTENT_PARTS) or _having(divs, _ITEM_BODY)[:1]

    @cached_property
    def _divs(self) -> list[tuple[Any, str]]:
        """The item's classed divs: K2 marks its parts with classes, most of them on divs."""
        return _classed(self.scope, "div")

    @property
    def scope(self) -> Any:
        """Where the item's parts are looked for: the item element, else the whole page."""
        return self.container if self.container is not None else self.root

    @cached_property
    def base_url(self) -> str:
        return base_url(self.root, self.address)

    @cached_property
    def rendered(self) -> Rendered:
        return render_blocks(self.content_elements)

    @cached_property
    def content(self) -> Content:
        return segment(self.rendered.blocks)

    def _absolute(self, values: list[str]) -> list[str]:
        """Absolute URLs, once each; in-page anchors, scripts and malformed URLs left out."""
        stripped = (v.strip() for v in values)
        joined = (
            join_url(self.base_url, h)
            for h in stripped
            if h and not h.startswith("#") and not h.lower().startswith("javascript:")
        )
        return _unique([url for url in joined if url is not None])

    @cached_property
    def _link_values(self) -> list[str]:
        """The walk's links but an unmarked contact footer's: only a page that has one walks
        its content's links again."""
        footer = footer_links(self.content_elements, self.content.footer)
        if not footer:
            return self.rendered.links
        return [h for e in self.content_elements for h in hrefs(e, skipped=footer)]

    @cached_property
    def bad_urls(self) -> int:
        """Links and images of the content block that are not URLs at all."""
        values = (*self._link_values, *self.rendered.images)
        # Only brackets (IPv6 hosts) or non-ASCII hosts make urllib refuse a URL.
        suspects = [v for v in values if "[" in v or "]" in v or not v.isascii()]
        return sum(join_url(self.base_url, v) is None for v in suspects)

    # --- identity ----------------------------------------------------------------------------
    @cached_property
    def ref_parts(self) -> tuple[str, int | None, str]:
        """(lang, item id, canonical url); the id from K2's page marker when the URL has none."""
        ref = self.ref
        if ref is not None:
            return ref.lang, ref.item_id, ref.url
        marker = _START_OF_PAGE(self.root)
        digits = marker[0][len("startOfPageId") :] if marker else ""
        item_id = int(digits) if digits.isdigit() else None
        address = self.address
        if not _is_url(address):  # nothing to learn from it
            return "", item_id, address
        return section_of(address) or "", item_id, canonical_url(address) or address

    @field
    def key(self) -> str:
        return f"{self.lang}/{self.item_id}"

    @field
    def lang(self) -> str:
        return self.ref_parts[0]

    @field
    def item_id(self) -> int:
        item_id = self.ref_parts[1]
        return item_id if item_id is not None else 0

    @field
    def url(self) -> str:
        return self.ref_parts[2]

    @field
    def fetched_url(self) -> str:
        return self.address

    # --- fields ------------------------------------------------------------------------------
    @cached_property
    def _head_titles(self) -> tuple[str, str]:
        """``<title>`` and og:title as printed (either may carry the site's name)."""
        values = _OG_TITLE(self.root)
        return squash(_HEAD_TITLE(self.root)), squash(values[0]) if values else ""

    @cached_property
    def _bare_titles(self) -> list[str]:
        """The sources that never carry the site's name: the heading and the typed title,
        also with the line after it (a title split over two lines)."""
        content = self.content
        typed, second = content.typed_title, content.subtitle
        joined = f"{typed} {second}" if typed and second else None
        return [t for t in (self.heading_title(), typed, joined) if t]

    def head_title(self) -> str | None:
        head, og = self._head_titles
        return head_title(head, [og], self._bare_titles) if head else None

    def og_title(self) -> str | None:
        head, og = self._head_titles
        return head_title(og, [head], self._bare_titles) if og else None

    def heading_title(self) -> str | None:
        """The item's first ``h1`` or ``h2.itemTitle``: a walk over the two tags, not an XPath
        (``descendant::*[…][1]`` over the page tested every element, ≈0.9 ms)."""
        for heading in self.scope.iter("h1", "h2"):
            if heading.tag == "h1" or "itemTitle" in (heading.get("class") or ""):
                return squash(_text(heading)) or None
        return None

    def title_sources(self) -> Iterator[str | None]:
        """Title sources in order of trust for this layout (read lazily: the first wins)."""
        yield self.head_title()
        yield self.og_title()
        yield self.heading_title()
        yield self.content.typed_title

    @cached_field  # subtitle, kind, the flags and the date candidates read it too
    def title(self) -> str | None:
        """The first source's title, without a kind's name printed before it."""
        title = next((t for t in self.title_sources() if t), None)
        return without_kind_label(title) if title else None

    @field
    def subtitle(self) -> str | None:
        """The line under the typed title, unless it is the title again or its second line."""
        content = self.content
        subtitle = content.subtitle
        if subtitle is None:
            return None
        title = compact(self.title or "")
        if compact(subtitle) == title or compact(f"{content.typed_title} {subtitle}") == title:
            return None
        return subtitle

    @cached_property
    def category_link(self) -> Any | None:
        """The ``Published in`` link: display name and menu path of the item's category.

        In K2's ``itemCategory`` element (a div, or a list item or span in overrides), else
        the first link the page prints right after a "Published in" label."""
        marked = _having(self._divs, _CATEGORY) or _having(_classed(self.scope, "*"), _CATEGORY)
        for block in marked:
            for link in block.iterdescendants("a"):
                if link.get("href") is not None:
                    return link
        for link in self.scope.iterdescendants("a"):
            if link.get("href") is not None and _PUBLISHED_IN.search(squash(_text_before(link))):
                return link
        return None

    @field
    def category(self) -> str | None:
        link = self.category_link
        return (squash(_text(link)) or None) if link is not None else None

    @cached_field  # kind reads it too
    def category_path(self) -> str | None:
        link = self.category_link
        href = join_url(self.base_url, link.get("href") or "") if link is not None else None
        from_link = menu_path(href) if href is not None else None
        return from_link or (self.ref.menu_path if self.ref is not None else None) or None

    @field
    def kind(self) -> str:
        return detect_kind(self.content, self.category_path, self.title, self.media)

    # What the content block says (archiver/pages/content.py).
    @field
    def translated(self) -> bool:
        return self.content.translated

    @field
    def news(self) -> str | None:
        return self.content.news

    @field
    def comment(self) -> str | None:
        return self.content.comment

    @field
    def body(self) -> str | None:
        return self.content.body

    @field
    def author(self) -> str | None:
        return self.content.author

    @field
    def signoff(self) -> str | None:
        return self.content.signoff

    @field
    def office(self) -> str | None:
        header = self.content.header
        return header.office if header else None

    @field
    def reference(self) -> str | None:
        header = self.content.header
        return header.reference if header else None

    @field
    def tags(self) -> list[str]:
        lists = _having(_classed(self.scope, "ul"), _TAG_LIST)
        tags = [squash(_text(a)) for tag_list in lists for a in tag_list.iterdescendants("a")]
        if not tags:
            keywords = _KEYWORDS(self.root)
            tags = [squash(k) for k in keywords[0].split(",")] if keywords else []
        return _unique([t for t in tags if t])

    @cached_property
    def _links(self) -> list[str]:
        return self._absolute(self._link_values)

    @field
    def links(self) -> list[str]:
        return list(self._links)

    @field
    def images(self) -> list[str]:
        return self._absolute(self.rendered.images)

    @cached_field  # kind reads it too
    def media(self) -> list[str]:
        extra = _having(self._divs, _MEDIA_BLOCKS) if self.container is not None else []
        # The extension test on the whole URL first: splitting every link is the dearer part.
        files = [
            h for h in self._links if _MEDIA_EXT.search(h) and _MEDIA_FILE.search(urlsplit(h).path)
        ]
        around = [s for e in extra for s in sources(e, EMBED_TAGS)]
        embeds = self._absolute([*self.rendered.embeds, *around])
        attached = self._absolute([h for e in extra for h in hrefs(e)])
        return _unique([*files, *embeds, *attached])

    def header_widget(self) -> str | None:
        """The header date line: the day the page was served, never a publication date.

        The first ``div.gkDate`` in document order, found by walking the divs from the top and
        stopping there: an XPath with a class predicate tests every div of the page (≈110 µs on
        a 60 KB page, against ≈10 µs for this walk; the widget sits in the header).
        """
        for div in self.root.iter("div"):
            if "gkDate" in (div.get("class") or ""):
                return squash(_text(div)) or None
        return None

    def item_date(self) -> str | None:
        """The date the item template prints, when the layout shows one."""
        return None

    def date_candidates(self, listing_date: str | None = None) -> list[DateCandidate]:
        content = self.content
        header = content.header
        found = [
            ("listing", listing_date),
            ("k2_item", self.item_date()),
            ("press_release", header.date_lines if header else None),
            ("qa_signature", content.qa_signature_date),
            ("headline_title", headline_date(self.title)),
            ("dateline", content.dateline),
            ("header_widget", self.header_widget()),
        ]
        return [DateCandidate(source, raw) for source, raw in found if raw]

    @field
    def layout(self) -> str:
        return self.layout_name

    @field
    def page_flags(self) -> list[str]:
        """What the page object found wrong (the document's own flags are added by
        ``extract_item``)."""
        failed = (
            self.layout == "unknown",
            self.ref_parts[1] is None,
            self.content.body is None,
            self.title is None,
            self.rendered.undecoded_emails > 0,
            self.bad_urls > 0,
        )
        return [flag for flag, fails in zip(ITEM_FLAGS, failed, strict=True) if fails]

    @field
    def parser_version(self) -> str:
        return PARSER_VERSION

    def to_item(self, listing_date: str | None = None) -> ArchiveItem:
        """The item: every field, and the date candidates (with the listing's date first)."""
        return self.record(**self.fields(), date_candidates=self.date_candidates(listing_date))


class K2SitePage(ItemPage):
    """The site's own K2 template: title and date switched off, the title typed in the body."""

    layout_name = "k2_site"


class K2StockPage(ItemPage):
    """Stock K2: ``h2.itemTitle`` and ``span.itemDateCreated`` in ``div.itemHeader``."""

    layout_name = "k2_stock"

    def title_sources(self) -> Iterator[str | None]:
        yield _stock_title(self.scope) or None
        yield from super().title_sources()

    def item_date(self) -> str | None:
        date = _first_with_class(self.scope, "span", "itemDateCreated")
        return (squash(_text(date)) or None) if date is not None else None


class PrintPage(K2StockPage):
    """``?tmpl=component&print=1``: the item alone, stock K2 markup, no template chrome."""

    layout_name = "print"


class GavickPage(ItemPage):
    """GavickPro override: ``article#k2Container`` with ``header > h1`` and ``time[datetime]``."""

    layout_name = "gavick"

    def title_sources(self) -> Iterator[str | None]:
        heading = next(self.scope.iterdescendants("h1"), None)
        yield (squash(_text(heading)) or None) if heading is not None else None
        yield from super().title_sources()

    def item_date(self) -> str | None:
        for marked in self.scope.iterdescendants():
            if "itemDateCreated" in (marked.get("class") or ""):
                for time in marked.iterdescendants("time"):
                    value = time.get("datetime")
                    if value is not None:
                        return squash(value) or None
        return None


def page_for(selector: Selector, url: str) -> ItemPage:
    """The page object for the layout the document shows (docs/markup.md's markers)."""
    page = ItemPage(selector, url)
    container = page.container
    if container is None:
        return page
    query = urlsplit(url).query if _is_url(url) else ""
    if "tmpl=component" in query or "print=1" in query or _PRINT_BODY(page.root):
        return PrintPage(selector, url, container)
    if container.tag == "article":
        return GavickPage(selector, url, container)
    if _stock_title(container):
        return K2StockPage(selector, url, container)
    return K2SitePage(selector, url, container)


def extract_item(
    body: bytes, url: str, *, encoding: str | None = None, listing_date: str | None = None
) -> ArchiveItem:
    """One fetched page → an ``ArchiveItem``; bad input gives flags, never an exception."""
    document = parse_document(body, encoding=encoding)
    item = page_for(document.selector, url).to_item(listing_date)
    item.page_flags = _unique([*document.flags, *item.page_flags])
    return item
