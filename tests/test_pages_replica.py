"""The page objects against the replica's pages and its ground truth (archiver/replica), for
every section, kind and layout the replica serves — a second, independent reading of
docs/markup.md."""

from __future__ import annotations

import dataclasses
from urllib.parse import parse_qs, urlsplit

import pytest

from archiver.columns import DATE_COLUMNS
from archiver.pages import ListingPage, extract_item
from archiver.replica.lexicon import LEXICONS
from archiver.replica.site import Replica
from archiver.urls import parse_item_url

BASE = "https://www.hizb-ut-tahrir.info"
# The date columns are the date module's; the print view's layout is "print" here (the page
# shows it) while the truth names the item's own layout.
NOT_EXTRACTED = {*DATE_COLUMNS, "listing_datetime"}


@pytest.fixture(scope="module")
def replica() -> Replica:
    return Replica(items=40, seed=3, langs=tuple(LEXICONS))


@pytest.mark.parametrize("lang", sorted(LEXICONS))
def test_items_match_the_replica_truth(replica: Replica, lang: str) -> None:
    for item_id in replica.item_ids(lang):
        truth = replica.truth(lang, item_id)
        expected = {k: v for k, v in truth.items() if k not in NOT_EXTRACTED}
        url = BASE + replica.item_url(lang, item_id)
        for print_view in (False, True):
            html = replica.render_item(lang, item_id, print_view=print_view).encode()
            fetched = url + "?tmpl=component&print=1" if print_view else url
            item = dataclasses.asdict(extract_item(html, fetched))
            if print_view:
                expected["layout"] = "print"
            assert {k: item[k] for k in expected} == expected, (lang, item_id, print_view)
            assert item["page_flags"] == []


@pytest.mark.parametrize("lang", sorted(LEXICONS))
def test_listings_list_every_item_of_every_menu(replica: Replica, lang: str) -> None:
    for menu in replica.menus(lang):
        url: str | None = BASE + replica.listing_url(lang, menu)
        seen: list[int] = []
        while url:
            start = int(parse_qs(urlsplit(url).query).get("start", ["0"])[0])
            html = replica.render_listing(lang, menu, start)
            assert html is not None
            page = ListingPage(html.encode(), url)
            for entry in page.entries():
                ref = parse_item_url(entry.url)
                assert ref is not None
                truth = replica.truth(lang, ref.item_id)
                assert (entry.title, entry.datetime_raw) == (
                    truth["title"],
                    truth["listing_datetime"],
                )
                seen.append(ref.item_id)
            url = page.next_url()
        assert seen == replica.menu_ids(lang, menu)
