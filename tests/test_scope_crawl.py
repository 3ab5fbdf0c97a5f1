"""A crawl of a hostile site keeps to its scope: the base URL's host:port, http(s) only.

One crawl of a site whose listing links and redirects go everywhere (another host, another port
of 127.0.0.1, ftp:, file:, the real site's hosts), with every name resolved to 127.0.0.1 by a
test resolver that logs them: whatever leaves the scope would land on a server of this test and
be logged there. Then a second crawl, at another port, retries the first one's failures.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from archiver import dataset
from tests.hostile import (
    HostileServer,
    Reply,
    item_page,
    listing_page,
    redirect,
    refresh_page,
    serving,
)
from tests.hostile_dns import names_asked
from tests.run_cli import archiver

OFFSITE = "offsite.example"
SITE_HOST = "www.hizb-ut-tahrir.info"
SECRET = "secret-marker-3141592653"
MENU = "/en/index.php/x"
LOCAL = [
    "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=ERROR",
    "-s", "RETRY_TIMES=0", "-s", "ARCHIVER_RETRY_BACKOFF_BASE=0",
    "-s", "TWISTED_DNS_RESOLVER=tests.hostile_dns.LoopbackResolver",
]  # fmt: skip


def item(n: int, menu: str = MENU) -> str:
    return f"{menu}/{n}.html"


@dataclass(frozen=True)
class Crawled:
    site: HostileServer  # the base URL's server
    other: HostileServer  # another port of the same host
    manifest: dict[str, Any]
    rows: dict[str, dict[str, Any]]
    names: set[str]
    warc: bytes
    secret_url: str

    def failure(self, url: str) -> str:
        reasons = [f["reason"] for f in self.manifest["failures"] if f["url"] == url]
        assert len(reasons) == 1, self.manifest["failures"]
        return str(reasons[0])


def crawl(base_url: str, out: Path, dns_log: Path, *args: str) -> dict[str, Any]:
    done = archiver(
        "crawl", "--base-url", base_url, "--out", out, *LOCAL,
        "-s", f"HOSTILE_DNS_LOG={dns_log}", *args,
    )  # fmt: skip
    assert done.returncode in (0, 3), done.stdout + done.stderr
    newest = max((out / "crawls").glob("*.json"))
    manifest: dict[str, Any] = json.loads(newest.read_text(encoding="utf-8"))
    return manifest


def gzipped(reply: Reply) -> Reply:
    return Reply(
        reply.status, {**reply.headers, "Content-Encoding": "gzip"}, gzip.compress(reply.body)
    )


def hostile_routes(site: HostileServer, other: HostileServer, secret_url: str) -> None:
    offsite = f"http://{OFFSITE}:{site.port}"
    site.routes.update(
        {
            "/robots.txt": redirect(f"{offsite}/foreign-robots.txt"),
            "/foreign-robots.txt": Reply(200, {"Content-Type": "text/plain"}, b"User-agent: *\n"),
            "/en/index.php/latest-articles.html": listing_page(
                [
                    item(1),  # redirected to another host
                    item(2),  # to another port of the same host
                    item(3),  # to another scheme
                    item(4),  # a meta refresh to another host
                    item(5),  # to the real site: followed on the base URL instead
                    f"{other.base_url}{item(6)}",  # a listed item on another port
                    f"https://{SITE_HOST}{item(7)}",  # a listed item on the real site
                    item(8),  # a gzipped meta refresh to another host
                    item(9),  # a meta refresh to the real site: followed on the base URL
                ],
                next_href=secret_url,
            ),
            item(1): redirect(f"{offsite}{item(101)}"),
            item(101): item_page("Foreign content from another host"),
            item(2): redirect(f"{other.base_url}{item(2)}", 307),
            item(3): redirect(f"ftp://127.0.0.1:{other.port}{item(3)}", 301),
            item(4): refresh_page(f"{offsite}{item(104)}"),
            item(104): item_page("Foreign content reached by a meta refresh"),
            item(5): redirect(f"https://{SITE_HOST}{item(5, '/en/index.php/y')}"),
            item(5, "/en/index.php/y"): item_page("Item five, moved"),
            item(7): item_page("Item seven"),
            item(8): gzipped(refresh_page(f"{offsite}{item(108)}")),
            item(108): item_page("Foreign content behind a compressed meta refresh"),
            item(9): refresh_page(f"https://{SITE_HOST}{item(9, '/en/index.php/y')}"),
            item(9, "/en/index.php/y"): item_page("Item nine, moved"),
            "/ar/index.php/latest-articles.html": redirect(f"{offsite}/ar/index.php/foreign.html"),
            "/ar/index.php/foreign.html": listing_page([f"{offsite}/ar/index.php/x/9.html"]),
        }
    )
    other.routes.update({item(n): item_page(f"Item {n} from another port") for n in (2, 3, 6)})


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    tmp = tmp_path_factory.mktemp("scope")
    secret = tmp / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    secret_url = f"file://127.0.0.1{secret}"
    out, dns_log = tmp / "archive", tmp / "dns.log"
    with serving() as site, serving() as other:
        hostile_routes(site, other, secret_url)
        manifest = crawl(site.base_url, out, dns_log, "--lang", "en,ar", "--mode", "full")
        rows = {row["key"]: row for row in dataset.latest(out).to_pylist()}
        warc = b"".join(gzip.decompress(p.read_bytes()) for p in (out / "warc").glob("*.warc.gz"))
        yield Crawled(site, other, manifest, rows, names_asked(dns_log), warc, secret_url)


def test_no_off_scope_name_is_looked_up_and_no_other_host_or_port_is_asked(
    crawled: Crawled,
) -> None:
    assert crawled.names == {"127.0.0.1"}  # the base URL's host, handed to the resolver as is
    assert crawled.site.hosts() == {f"127.0.0.1:{crawled.site.port}"}
    assert crawled.other.paths() == []


def test_an_item_redirected_to_another_host_is_a_failure_naming_the_target(
    crawled: Crawled,
) -> None:
    target = f"http://{OFFSITE}:{crawled.site.port}{item(101)}"
    reason = crawled.failure(crawled.site.base_url + item(1))
    assert reason == f"OffScope: redirected off scope to {target}"
    assert "en/1" not in crawled.rows and "en/101" not in crawled.rows
    assert b"Foreign content" not in crawled.warc


def test_an_item_redirected_to_another_port_is_a_failure(crawled: Crawled) -> None:
    target = f"{crawled.other.base_url}{item(2)}"
    reason = crawled.failure(crawled.site.base_url + item(2))
    assert reason == f"OffScope: redirected off scope to {target}"
    assert "en/2" not in crawled.rows


def test_an_item_redirected_to_ftp_is_a_failure_naming_the_target(crawled: Crawled) -> None:
    target = f"ftp://127.0.0.1:{crawled.other.port}{item(3)}"
    reason = crawled.failure(crawled.site.base_url + item(3))
    assert reason == f"OffScope: redirected off scope to {target}"


@pytest.mark.parametrize(("n", "why"), [(4, "plain"), (8, "gzip: read once decompressed")])
def test_a_meta_refresh_to_another_host_is_not_followed(crawled: Crawled, n: int, why: str) -> None:
    target = f"http://{OFFSITE}:{crawled.site.port}{item(100 + n)}"
    reason = crawled.failure(crawled.site.base_url + item(n))
    assert reason == f"OffScope: redirected off scope to {target}", why
    assert item(100 + n) not in crawled.site.paths()


def test_the_real_sites_addresses_are_fetched_from_the_base_url(crawled: Crawled) -> None:
    base = crawled.site.base_url
    assert crawled.rows["en/5"]["fetched_url"] == base + item(5, "/en/index.php/y")
    assert crawled.rows["en/7"]["fetched_url"] == base + item(7)
    assert crawled.rows["en/9"]["fetched_url"] == base + item(9, "/en/index.php/y")  # refresh
    assert crawled.rows["en/5"]["url"] == f"https://{SITE_HOST}{item(5, '/en/index.php/y')}"


def test_a_listed_item_on_another_port_is_not_requested(crawled: Crawled) -> None:
    assert "en/6" not in crawled.rows
    assert crawled.manifest["stats"]["listing/off_site"] == 1


def test_a_file_next_link_is_never_read(crawled: Crawled) -> None:
    assert SECRET.encode() not in crawled.warc
    reason = crawled.failure(crawled.site.base_url + "/en/index.php/latest-articles.html")
    assert reason == f"OffScope: next page off scope: {crawled.secret_url}"


def test_robots_txt_redirected_off_scope_is_a_failure_and_not_read(crawled: Crawled) -> None:
    target = f"http://{OFFSITE}:{crawled.site.port}/foreign-robots.txt"
    reason = crawled.failure(crawled.site.base_url + "/robots.txt")
    assert reason == f"OffScope: redirected off scope to {target}"
    assert "/foreign-robots.txt" not in crawled.site.paths()


def test_a_first_listing_redirected_off_scope_is_a_failure(crawled: Crawled) -> None:
    target = f"http://{OFFSITE}:{crawled.site.port}/ar/index.php/foreign.html"
    reason = crawled.failure(crawled.site.base_url + "/ar/index.php/latest-articles.html")
    assert reason == f"OffScope: redirected off scope to {target}"
    assert not [key for key in crawled.rows if key.startswith("ar/")]


def test_earlier_failures_are_retried_at_the_current_base_url(tmp_path: Path) -> None:
    out, dns_log = tmp_path / "archive", tmp_path / "dns.log"
    with serving() as first, serving() as second:
        first.routes[MENU[:-2] + "/latest-articles.html"] = listing_page([item(1), item(2)])
        first.routes[item(1)] = item_page("Item one")  # item 2 is a 404 here
        crawl(first.base_url, out, dns_log)
        asked_first = len(first.paths())
        second.routes[MENU[:-2] + "/latest-articles.html"] = listing_page([])
        second.routes[item(2)] = item_page("Item two")
        manifest = crawl(second.base_url, out, dns_log)
        assert first.paths()[asked_first:] == []
    assert manifest["stats"]["retry/earlier_failures"] == 1
    rows = {row["key"]: row for row in dataset.latest(out).to_pylist()}
    assert rows["en/2"]["fetched_url"] == second.base_url + item(2)
    assert names_asked(dns_log) == {"127.0.0.1"}
