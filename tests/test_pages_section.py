"""A section's home page: the category listings its menus link to (archiver/pages/section.py)."""

from __future__ import annotations

from html import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archiver.pages.section import SectionPage
from archiver.replica.languages import LEXICONS
from archiver.replica.site import Replica

BASE = "https://www.hizb-ut-tahrir.info"


@pytest.mark.parametrize("lang", sorted(LEXICONS))
def test_menu_listings_of_the_replica_home_pages(lang: str) -> None:
    replica = Replica(items=10, seed=2, langs=(lang,))
    home = replica.route(f"/{lang}/index.php", "")
    listings = SectionPage(home.body, f"{BASE}/{lang}/index.php").menu_listings()
    assert listings == [BASE + replica.listing_url(lang, menu) for menu in replica.menus(lang)]


def test_items_other_sections_queries_and_the_page_itself_are_left_out() -> None:
    body = b"""<html><body><nav><ul class="menu">
<li><a href="/en/index.php">Home</a></li>
<li><a href="/en/index.php/q-and-a.html">Q&amp;A</a></li>
<li><a href="/en/index.php/q-and-a.html">Q&amp;A again</a></li>
<li><a href="/en/index.php/q-and-a/31.html">An item</a></li>
<li><a href="/ar/index.php/pressreleases.html">Arabic</a></li>
<li><a href="/en/index.php/latest-articles.html?start=20">Page 2</a></li>
<li><a href="mailto:x@example.org">Mail</a></li>
</ul></nav><p><a href="/en/index.php/outside-menus.html">not in a menu</a></p></body></html>"""
    page = SectionPage(body, f"{BASE}/en/index.php")
    assert page.menu_listings() == [f"{BASE}/en/index.php/q-and-a.html"]


def menu_page(base_href: str | None, hrefs: list[str]) -> bytes:
    base = f'<base href="{escape(base_href)}">' if base_href is not None else ""
    links = "".join(f'<li><a href="{escape(h)}">M{n}</a></li>' for n, h in enumerate(hrefs))
    return f"<html><head>{base}</head><body><nav><ul>{links}</ul></nav></body></html>".encode()


def test_malformed_menu_links_and_base_href_are_skipped() -> None:
    hrefs = ["http://[::1/en/index.php/a.html", "/en/index.php/q-and-a.html", "//[x", "b.html"]
    page = SectionPage(menu_page("http://[::1/", hrefs), f"{BASE}/en/index.php")
    assert page.menu_listings() == [
        f"{BASE}/en/index.php/q-and-a.html",
        f"{BASE}/en/b.html",
    ]


def test_a_base_href_is_what_menu_links_are_relative_to() -> None:
    page = SectionPage(menu_page(f"{BASE}/en/index.php/", ["b.html"]), f"{BASE}/en/index.php")
    assert page.menu_listings() == [f"{BASE}/en/index.php/b.html"]


HREF = st.text(alphabet=st.sampled_from("[]:/@%?#.-_ahx19é\t "), max_size=24)


@given(st.lists(HREF, max_size=4), HREF | st.none())
def test_no_menu_href_raises(hrefs: list[str], base_href: str | None) -> None:
    SectionPage(menu_page(base_href, hrefs), f"{BASE}/en/index.php").menu_listings()
