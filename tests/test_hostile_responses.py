"""A crawl of a site whose answers are broken or hostile still ends, with each page it could not
read a recorded failure (never a row made of half a page), and the run is not ok.

One crawl, one behaviour per section, on a server of 127.0.0.1 (``tests/hostile.py``) with
every name resolved to 127.0.0.1 (``tests/hostile_dns.py``): ``en``'s first listing page
redirects in a loop; ``ar``'s second listing page redirects back to its first, and ``gr``'s
links back to it; ``tr`` lists
items whose Content-Length claims more than they send, that drip their bytes past
``DOWNLOAD_TIMEOUT``, that claim a compression (gzip, br, zstd) they do not have, and that
answer with a broken status line or with no HTTP at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from archiver import dataset
from archiver.cli import EXIT_HEALTH
from archiver.sections import LATEST_MENU
from tests.hostile import HostileServer, Reply, item_page, listing_page, redirect, serving
from tests.run_cli import archiver
from tests.test_scope_crawl import LOCAL


def listing(lang: str) -> str:
    return f"/{lang}/index.php/{LATEST_MENU[lang]}.html"


def item(lang: str, n: int) -> str:
    return f"/{lang}/index.php/x/{n}.html"


@dataclass(frozen=True)
class Crawled:
    site: HostileServer
    code: int
    manifest: dict[str, Any]
    keys: list[str]

    def reasons(self) -> dict[str, str]:
        return {
            f["url"].removeprefix(self.site.base_url): f["reason"]
            for f in self.manifest["failures"]
        }


def encoded(body: bytes, encoding: str) -> Reply:
    """A body that says it is compressed and is not."""
    return Reply(200, {"Content-Type": "text/html", "Content-Encoding": encoding}, body)


def hostile_routes(site: HostileServer) -> None:
    whole = item_page("The whole of an item").body
    html = {"Content-Type": "text/html"}
    site.routes.update(
        {
            listing("en"): redirect(listing("en") + "?loop=1"),
            listing("en") + "?loop=1": redirect(listing("en")),
            listing("ar"): listing_page([item("ar", 1)], next_href=listing("ar") + "?start=1"),
            listing("ar") + "?start=1": redirect(listing("ar")),
            item("ar", 1): item_page("Item 1"),
            listing("gr"): listing_page([item("gr", 1)], next_href=listing("gr") + "?start=1"),
            listing("gr") + "?start=1": listing_page([item("gr", 2)], next_href=listing("gr")),
            item("gr", 1): item_page("Item 1"),
            item("gr", 2): item_page("Item 2"),
            listing("tr"): listing_page([item("tr", n) for n in range(1, 9)]),
            item("tr", 1): item_page("Item 1"),
            item("tr", 2): Reply(200, html, whole[:40], declared_length=len(whole)),
            item("tr", 3): Reply(200, html, whole, drip_seconds=0.05),
            item("tr", 4): encoded(whole, "gzip"),
            item("tr", 5): encoded(whole, "br"),
            item("tr", 6): encoded(b"\x28\xb5\x2f\xfd" + whole, "zstd"),  # zstd's magic, then junk
            item("tr", 7): Reply(raw=b"HTTP/1.1 abc garbage\r\n\r\n" + whole),
            item("tr", 8): Reply(raw=whole),  # no status line, no headers: HTML alone
        }
    )


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    tmp = tmp_path_factory.mktemp("hostile")
    out = tmp / "archive"
    with serving() as site:
        hostile_routes(site)
        done = archiver(
            "crawl", "--base-url", site.base_url, "--out", out, "--lang", "en,ar,gr,tr",
            "--mode", "full", *LOCAL, "-s", f"HOSTILE_DNS_LOG={tmp / 'dns.log'}",
            "-s", "DOWNLOAD_TIMEOUT=2",
        )  # fmt: skip
        (path,) = (out / "crawls").glob("*.json")
        manifest = json.loads(path.read_text(encoding="utf-8"))
        keys = sorted(dataset.latest(out, columns=["key"]).column("key").to_pylist())
        yield Crawled(site, done.returncode, manifest, keys)


def test_the_run_finishes_not_ok_with_only_the_whole_pages_archived(crawled: Crawled) -> None:
    assert crawled.manifest["finish_reason"] == "finished"
    assert crawled.code == EXIT_HEALTH
    assert crawled.keys == ["ar/1", "gr/1", "gr/2", "tr/1"]


def test_pages_that_could_not_be_read_are_failures_with_their_reason(crawled: Crawled) -> None:
    base = crawled.site.base_url
    assert crawled.reasons() == {
        listing("en"): "IgnoreRequest: max redirections reached",
        listing("ar") + "?start=1": "listing walk cut: the listing page adds no entry the walk "
        f"had not listed before ({base}{listing('ar')})",
        listing("gr"): "listing walk cut: the next link leads back to a page the walk has read "
        f"({base}{listing('gr')}?start=1)",
        item("tr", 2): "ResponseDataLossError",
        item("tr", 4): "BadGzipFile: Not a gzipped file (b'<h')",
        item("tr", 5): "error: brotli: decoder failed",
        item(
            "tr", 6
        ): "ZstdError: Unable to decompress Zstandard data: Unsupported frame parameter",
        item("tr", 7): "DownloadFailedError: ParseError: ('non-integer status code', "
        "b'HTTP/1.1 abc garbage')",
        item("tr", 8): "DownloadFailedError: ConnectionDone: Connection was closed cleanly.",
        item("tr", 3): f"DownloadTimeoutError: Getting {base}{item('tr', 3)} took longer than "
        "2.0 seconds.",
    }
    stats = crawled.manifest["stats"]
    assert (stats["listing/failed"], stats["listing/walks_cut"]) == (1, 2)
