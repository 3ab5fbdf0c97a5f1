"""The replica over HTTP: pagination, routes, 404s, encoded paths, stats, start and stop."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import pytest
from parsel import Selector

from archiver.replica import Replica, ReplicaHandle, datefmt, running
from archiver.replica.languages import LEXICONS
from archiver.replica.site import serving_day
from archiver.urls import parse_item_url


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def walk(replica: ReplicaHandle, start_url: str) -> tuple[list[int], list[datetime], int]:
    """Follow the next links of a listing; the ids and listing times in order, and pages seen."""
    ids: list[int] = []
    times: list[datetime] = []
    url: str | None = start_url
    pages = 0
    while url:
        status, html = fetch(url)
        assert status == 200, url
        pages += 1
        page = Selector(text=html)
        for article in page.css("#itemListLeading article, #itemListPrimary article"):
            ref = parse_item_url(urljoin(url, article.css("header h4 a::attr(href)").get("")))
            assert ref is not None
            ids.append(ref.item_id)
            times.append(datetime.fromisoformat(article.css("time::attr(datetime)").get("")))
        assert not page.css("aside #itemListPrimary, nav #itemListPrimary")
        following = page.css("li.pagination-next a.pagenav::attr(href)").get()
        url = urljoin(url, following) if following else None
        assert following or page.css("li.pagination-next span.pagenav")
    return ids, times, pages


@pytest.mark.parametrize("lang", ["en", "ar", "tr", "pe"])
def test_walking_next_links_yields_every_item_once_newest_first(
    replica: ReplicaHandle, replica_site: Replica, lang: str
) -> None:
    in_menus: list[int] = []
    for menu in replica_site.menus(lang):
        ids, times, pages = walk(replica, replica.base_url + replica_site.listing_url(lang, menu))
        assert ids == replica_site.menu_ids(lang, menu)
        assert times == sorted(times, reverse=True)
        assert pages == max(1, -(-len(ids) // menu.page_size))
        if menu is LEXICONS[lang].latest:
            assert len(ids) == replica_site.items
        else:
            in_menus += ids
    assert sorted(in_menus) == sorted(replica_site.item_ids(lang))


def test_listing_shows_translated_next_and_counter(
    replica: ReplicaHandle, replica_site: Replica
) -> None:
    menu = LEXICONS["ar"].latest
    status, html = fetch(replica.base_url + replica_site.listing_url("ar", menu) + "?start=50")
    page = Selector(text=html)
    assert status == 200
    assert page.css("li.pagination-next a::attr(title)").get() == "التالي"
    assert page.css("p.counter::text").get() == "صفحة 2 من 5"
    assert page.css("li.itemCategory::text").get("").strip() == "نشر في"
    assert page.css("div.gkDate::text").get() == datefmt.widget("ar", serving_day())


def test_item_page_print_view_and_truth_over_http(
    replica: ReplicaHandle, replica_site: Replica
) -> None:
    item_id = replica_site.item_ids("en")[100]
    url = replica.base_url + replica_site.item_url("en", item_id)
    status, html = fetch(url)
    assert status == 200
    page = Selector(text=html)
    assert page.css("div.gkDate::text").get() == datefmt.widget("en", serving_day())
    print_url = urljoin(url, page.css("a.itemPrintLink::attr(href)").get(""))
    assert urlsplit(print_url).query == "tmpl=component&print=1"
    status, printed = fetch(print_url)
    assert status == 200 and "gkDate" not in printed and "itemComments" not in printed
    status, text = fetch(f"{replica.base_url}/_replica/truth/en/{item_id}")
    truth = json.loads(text)
    expected = replica_site.truth("en", item_id)
    assert truth["body"] == expected["body"] and truth["published_date"] == str(
        expected["published_date"]
    )


def test_non_latin_menu_paths_are_percent_encoded_on_the_wire(
    replica: ReplicaHandle, replica_site: Replica
) -> None:
    for lang in ("tr", "ur", "pe", "pa"):
        item_id = next(
            i for i in replica_site.item_ids(lang) if not replica_site.item_path(lang, i).isascii()
        )
        wire = replica_site.item_url(lang, item_id)
        assert wire.isascii() and "%" in wire
        assert replica_site.truth(lang, item_id)["url"].endswith(wire)
        assert wire.endswith(".html") == (lang in ("tr", "ur"))
        status, html = fetch(replica.base_url + wire)
        assert status == 200 and replica_site.truth(lang, item_id)["title"] in html


def test_robots_sections_and_404s(replica: ReplicaHandle, replica_site: Replica) -> None:
    base = replica.base_url
    assert fetch(base + "/robots.txt") == (200, "User-agent: *\nAllow: /\n")
    assert fetch(base + "/en/index.php")[0] == 200
    item_id = replica_site.item_ids("en")[5]
    path = replica_site.item_path("en", item_id)
    missing = [
        "/en/index.php/nowhere.html",
        "/xx/index.php/latest-articles.html",
        path.replace(f"/{item_id}", "/999999"),
        path.replace(replica_site.entry("en", item_id).menu.path, "q-and-a-other"),
        path.removesuffix(".html"),
        "/en/index.php/latest-articles.html?start=100000",
        "/en/index.php/latest-articles.html?start=-20",
        "/_replica/truth/en/999999",
    ]
    for target in missing:
        assert fetch(base + target)[0] == 404, target


def test_stats_count_requests_per_kind(replica: ReplicaHandle) -> None:
    before = json.loads(fetch(replica.base_url + "/_replica/stats")[1])
    fetch(replica.base_url + "/robots.txt")
    fetch(replica.base_url + "/en/index.php/nowhere.html")
    after = json.loads(fetch(replica.base_url + "/_replica/stats")[1])
    assert after["robots"] == before.get("robots", 0) + 1
    assert after["not_found"] == before.get("not_found", 0) + 1


def test_server_starts_on_a_free_port_and_stops() -> None:
    with running(items=20, seed=3, langs=("fr",)) as handle:
        host, port = urlsplit(handle.base_url).hostname, urlsplit(handle.base_url).port
        assert host == "127.0.0.1" and port
        status, html = fetch(handle.base_url + "/fr/index.php/latest-articles.html")
        assert status == 200 and "Next" in html
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
