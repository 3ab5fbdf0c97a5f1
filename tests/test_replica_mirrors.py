"""Mirror hosts: the replica's listings link a few items on a mirror host, and a crawl fetches
them from the host it crawls (archiver.urls.rebase), archiving each once under its canonical URL.
"""

from __future__ import annotations

import http.client
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from archiver import dataset
from archiver.pages import ListingPage
from archiver.replica import Replica, ReplicaHandle, running
from archiver.urls import parse_item_url

LANGS = ("en", "pe")  # pe: paths without ".html" and with percent-encoded menus
ITEMS = 60
SEED = 7
LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"]


@pytest.fixture(scope="module")
def site() -> Replica:
    return Replica(ITEMS, SEED, LANGS)


def mirrored(site: Replica) -> dict[str, str]:
    """Key → mirror host of every item the listings link on a mirror."""
    return {
        f"{lang}/{i}": host
        for lang in LANGS
        for i in site.item_ids(lang)
        if (host := site.entry(lang, i).mirror) is not None
    }


def listing_links(site: Replica, lang: str) -> Iterator[str]:
    """The item links of every page of every listing of a section, as linked."""
    for menu in site.menus(lang):
        for start in range(0, max(1, len(site.menu_ids(lang, menu))), menu.page_size):
            html = site.render_listing(lang, menu, start)
            assert html is not None
            page = ListingPage(html.encode(), "http://127.0.0.1:1" + site.listing_url(lang, menu))
            yield from (entry.url for entry in page.entries())


def test_listings_link_the_mirrored_items_on_their_mirror_and_the_rest_on_the_page_host(
    site: Replica,
) -> None:
    expected = mirrored(site)
    assert expected == {  # ≈5 % of the items: 4 of 120 with this seed
        "en/735": "www.hizbut-tahrir.info",
        "en/747": "hizb-uttahrir.info",
        "pe/587": "hizbuttahrir.today",
        "pe/602": "hizbuttahrir.today",
    }
    seen = set()
    for lang in LANGS:
        for url in listing_links(site, lang):
            ref = parse_item_url(url)
            assert ref is not None
            host = expected.get(ref.key)
            parts = urlsplit(url)
            assert (parts.scheme, parts.netloc) == (
                ("https", host) if host else ("http", "127.0.0.1:1")
            )
            assert ref.url == site.truth(lang, ref.item_id)["url"]
            seen.add(ref.key)
    assert seen == {f"{lang}/{i}" for lang in LANGS for i in site.item_ids(lang)}


@dataclass(frozen=True)
class Crawl:
    rows: list[dict[str, Any]]
    log: list[dict[str, Any]]
    handle: ReplicaHandle  # still serving while the module's tests run

    @property
    def host(self) -> str:
        return urlsplit(self.handle.base_url).netloc


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    out: Path = tmp_path_factory.mktemp("mirrors")
    with running(items=ITEMS, seed=SEED, langs=LANGS) as handle:
        command = ["crawl", "--base-url", handle.base_url, "--lang", ",".join(LANGS)]
        done = subprocess.run(
            [sys.executable, "-m", "archiver.cli", *command, "--out", str(out), *LOCAL],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        rows = dataset.open(out).to_table().to_pylist()
        yield Crawl(rows, handle.request_log(), handle)


def test_a_crawl_archives_every_item_once_under_its_canonical_url(
    crawl: Crawl, site: Replica
) -> None:
    keys = Counter(f"{row['lang']}/{row['item_id']}" for row in crawl.rows)
    expected = {f"{lang}/{i}" for lang in LANGS for i in site.item_ids(lang)}
    assert set(keys) == expected
    assert set(keys.values()) == {1}
    for row in crawl.rows:
        assert row["url"] == site.truth(row["lang"], row["item_id"])["url"]


def test_mirrored_items_are_fetched_from_the_replica(crawl: Crawl, site: Replica) -> None:
    rows = {f"{row['lang']}/{row['item_id']}": row for row in crawl.rows}
    for key in mirrored(site):
        fetched = urlsplit(rows[key]["fetched_url"])
        lang, item_id = key.split("/")
        assert (fetched.netloc, fetched.path) == (crawl.host, site.item_url(lang, int(item_id)))


def test_every_request_went_to_the_replica_and_was_answered(crawl: Crawl, site: Replica) -> None:
    assert {entry["host"] for entry in crawl.log} == {crawl.host}
    assert all(entry["status"] is not None for entry in crawl.log)  # no connection dropped
    items = [entry for entry in crawl.log if parse_item_url(entry["path"])]
    paths = Counter(entry["path"] for entry in items)
    assert set(paths) == {site.item_url(lang, i) for lang in LANGS for i in site.item_ids(lang)}
    assert set(paths.values()) == {1}
    assert {entry["status"] for entry in items} == {200}


def test_the_replica_serves_a_path_the_same_whatever_the_host_header(
    crawl: Crawl, site: Replica
) -> None:
    key, host = next(iter(mirrored(site).items()))
    lang, item_id = key.split("/")
    parts = urlsplit(crawl.handle.base_url)
    answers = []
    for name in (crawl.host, host):
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
        connection.request("GET", site.item_url(lang, int(item_id)), headers={"Host": name})
        response = connection.getresponse()
        answers.append((response.status, response.read()))
        connection.close()
    assert answers[0][0] == 200
    assert answers[1] == answers[0]
