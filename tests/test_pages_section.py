"""A section's home page: the category listings its menus link to (archiver/pages/section.py)."""

from __future__ import annotations

import pytest

from archiver.pages.section import SectionPage
from archiver.replica.lexicon import LEXICONS
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
