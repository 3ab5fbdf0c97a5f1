"""The heavy item-page template: as heavy as the real site's, built from the site's own items,
and none of it read as item text."""

from __future__ import annotations

import statistics
from datetime import date

from parsel import Selector

from archiver.pages import extract_item
from archiver.replica import Replica
from archiver.replica.chrome import MENU_PICKS, SECTION_NAMES
from archiver.replica.languages import LEXICONS
from archiver.urls import LANGS

DAY = date(2024, 11, 26)


def test_item_pages_weigh_about_60_kb_in_every_section(replica_site: Replica) -> None:
    sizes = {
        lang: statistics.mean(
            len(replica_site.render_item(lang, i, DAY).encode())
            for i in replica_site.item_ids(lang)[::25]
        )
        for lang in LANGS
    }
    assert all(50_000 < size < 80_000 for size in sizes.values()), sizes
    assert 55_000 < statistics.mean(sizes.values()) < 66_000


def test_the_template_around_an_item(replica_site: Replica) -> None:
    lex = LEXICONS["en"]
    item_id = replica_site.item_ids("en")[7]
    entry = replica_site.entry("en", item_id)
    page = Selector(text=replica_site.render_item("en", item_id, DAY))
    assert len(page.css("link[rel=stylesheet]")) == 19
    assert len(page.css("script[src]")) == 14
    assert page.css("ul.gkLanguageSwitcher a::text").getall() == [n for _, n in SECTION_NAMES]
    # One mega-menu panel per listing, holding that listing's newest items.
    panels = page.css("#gkMainMenu li.haschild")
    assert [p.css("a.haschild::text").get() for p in panels] == [
        m.name for m in replica_site.menus("en")
    ]
    for panel, menu in zip(panels, replica_site.menus("en"), strict=True):
        newest = replica_site.menu_ids("en", menu)[:MENU_PICKS]
        linked = panel.css("h4.nspHeader a::attr(href)").getall()
        assert linked == [replica_site.item_url("en", i) for i in newest]
    # Related items: the category's newest, the item itself left out.
    related = page.css("div.itemRelated a::attr(href)").getall()
    newest = replica_site.menu_ids("en", entry.menu)[:MENU_PICKS]
    assert related == [replica_site.item_url("en", i) for i in newest if i != item_id]
    assert page.css("#comment-form input[name=itemID]::attr(value)").get() == str(item_id)
    title = replica_site.truth("en", item_id)["title"]
    assert page.css("#gkBreadcrumb li.active span::text").get() == title
    assert page.css("#gkFooter #gkBackToTop::text").get() == lex.back_to_top


def test_no_chrome_text_reaches_the_item(replica_site: Replica) -> None:
    for lang in LANGS:
        for item_id in replica_site.item_ids(lang)[::40]:
            html = replica_site.render_item(lang, item_id, DAY).encode()
            url = "http://127.0.0.1:8000" + replica_site.item_url(lang, item_id)
            item = extract_item(html, url)
            truth = replica_site.truth(lang, item_id)
            for field in ("title", "body", "tags", "links", "images", "media", "category"):
                assert getattr(item, field) == truth[field], (lang, item_id, field)
            assert item.page_flags == []
