"""Listing walks always end: pagination that repeats itself, empty pages that still link a
next one, and pagination without end are cut with a recorded reason, and a cut walk makes the
run incomplete (never exit 0). A listed URL over URLLENGTH_LIMIT is a recorded failure.

The cases are served by a small server of this module's own on 127.0.0.1, one behaviour per
section: ``en`` ends after two pages, ``ar`` repeats the same entries, ``tr`` serves empty
pages, ``gr`` lists new items on every page for ever.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from archiver import signals
from archiver.cli import EXIT_HEALTH, EXIT_OK
from archiver.frontier import COMPLETE_LANGS_STAT, Walk, walk_end
from archiver.health import WALKS_CUT, Thresholds, check
from archiver.sections import LATEST_MENU
from spiders.mediaoffice import MediaOfficeSpider
from tests.run_cli import ROOT, archiver

PER_PAGE = 2
LONG_ID = 7  # the finite section lists this item under a URL over URLLENGTH_LIMIT
LOCAL = [
    "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=ERROR",
    "-s", "RETRY_TIMES=0", "-s", "ARCHIVER_RETRY_BACKOFF_BASE=0",
]  # fmt: skip


def item_path(lang: str, item_id: int) -> str:
    menu = "news/" + "x" * 2100 if item_id == LONG_ID else "news"
    return f"/{lang}/index.php/{menu}/{item_id}.html"


def listing_page(lang: str, start: int) -> str:
    """Page ``start`` of section ``lang``'s latest-items listing, as its behaviour has it."""
    if lang == "en":  # two pages, the last without a next link
        ids = [start + 1, start + 2, *([LONG_ID] if start == 0 else [])]
        more = start == 0
    elif lang == "ar":  # the same entries on every page
        ids, more = [1, 2], True
    elif lang == "tr":  # nothing listed, and a next page all the same
        ids, more = [], True
    else:  # new entries on every page, for ever
        ids, more = [start + 1, start + 2], True
    entries = "".join(
        f'<div class="itemContainer"><article><header><h4><a href="{item_path(lang, i)}">'
        f'Item {i}</a></h4><ul><li class="itemDate"><time datetime="2024-11-{10 + i % 10}'
        f'T10:00:00+03:00"></time></li></ul></header></article></div>'
        for i in ids
    )
    path = f"/{lang}/index.php/{LATEST_MENU[lang]}.html"
    pager = (
        f'<ul><li class="pagination-next"><a class="pagenav" href="{path}?start='
        f'{start + PER_PAGE}">Next</a></li></ul>'
        if more
        else '<ul><li class="pagination-next"><span class="pagenav">Next</span></li></ul>'
    )
    return (
        f"<html><head><title>Latest</title></head><body><div id='itemListPrimary'>{entries}"
        f"</div>{pager}</body></html>"
    )


def item_page(item_id: int) -> str:
    return (
        f"<html><head><title>Item {item_id}</title></head><body><div id='k2Container' "
        f"class='itemView'><h2 class='itemTitle'>Item {item_id}</h2><div class='itemBody'>"
        f"<div class='itemFullText'><p>The text of item {item_id}, said once.</p></div></div>"
        "</div></body></html>"
    )


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        segments = parts.path.strip("/").split("/")
        lang = segments[0]
        start = int(parse_qs(parts.query).get("start", ["0"])[0])
        if parts.path == f"/{lang}/index.php/{LATEST_MENU.get(lang, '-')}.html":
            self.answer(200, listing_page(lang, start))
        elif segments[-1].removesuffix(".html").isdigit():
            self.answer(200, item_page(int(segments[-1].removesuffix(".html"))))
        else:
            self.answer(404, "<html><body>Not here</body></html>")

    def answer(self, status: int, html: str) -> None:
        body = html.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def crawl(base_url: str, out: Path, lang: str, *settings: str) -> tuple[int, dict[str, Any]]:
    done = archiver(
        "crawl", "--base-url", base_url, "--lang", lang, "--out", out, "--mode", "full",
        *LOCAL, *settings,
    )  # fmt: skip
    (manifest,) = (out / "crawls").glob("*.json")
    return done.returncode, json.loads(manifest.read_text(encoding="utf-8"))


def test_a_walk_that_ends_finishes_with_exit_0_and_an_over_long_url_is_a_failure(
    server: str, tmp_path: Path
) -> None:
    code, manifest = crawl(server, tmp_path / "archive", "en")
    assert code == EXIT_OK
    assert manifest["stats"]["listing/pages"] == 2
    assert manifest["rows"] == 4
    (failure,) = manifest["failures"]
    assert failure["url"] == server + item_path("en", LONG_ID)
    assert failure["reason"] == (
        f"URL longer than URLLENGTH_LIMIT: {len(failure['url'])} > 2083 characters"
    )
    assert manifest["stats"][COMPLETE_LANGS_STAT] == ["en"]


def test_endless_walks_are_cut_with_their_reason_and_the_run_is_not_ok(
    server: str, tmp_path: Path
) -> None:
    code, manifest = crawl(
        server, tmp_path / "archive", "ar,tr,gr", "-s", "ARCHIVER_MAX_LISTING_PAGES=3"
    )
    assert code == EXIT_HEALTH
    stats = manifest["stats"]
    assert stats["listing/pages"] == 2 + 1 + 3  # ar: a repeat on page 2; tr: empty; gr: the cap
    assert stats[WALKS_CUT] == 3
    assert stats[COMPLETE_LANGS_STAT] == []
    reasons = {f["url"].removeprefix(server): f["reason"] for f in manifest["failures"]}
    listing = f"{server}/%s/index.php/%s.html?start=%d"
    assert reasons == {
        "/ar/index.php/latest-articles.html?start=4": "listing walk cut: the listing page adds "
        "no entry the walk had not listed before (" + listing % ("ar", "latest-articles", 2) + ")",
        "/tr/index.php/son-eklenenler.html?start=2": "listing walk cut: the listing page adds "
        "no entry the walk had not listed before (" + server + "/tr/index.php/son-eklenenler.html)",
        "/gr/index.php/latest-articles.html?start=6": "listing walk cut: the walk reached "
        "ARCHIVER_MAX_LISTING_PAGES (3 pages) (" + listing % ("gr", "latest-articles", 4) + ")",
    }
    assert manifest["rows"] == 2 + 6  # ar's two items; gr's three pages of two


def test_a_cut_walk_is_not_ok_without_the_health_check_either(server: str, tmp_path: Path) -> None:
    """The exit code says a walk was cut whether or not the health check runs, for both ways
    of starting a crawl."""
    off = ["-s", "ARCHIVER_HEALTH_ENABLED=False"]
    done = archiver(
        "crawl", "--base-url", server, "--lang", "ar", "--out", tmp_path / "cli", "--mode",
        "full", *LOCAL, *off,
    )  # fmt: skip
    assert done.returncode == EXIT_HEALTH, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == (
        "health: not checked; listing walk incomplete; exit code 3"
    )
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "mediaoffice", "-a", f"base_url={server}",
         "-a", "lang=ar", "-a", "mode=full", "-s", f"ARCHIVER_OUT={tmp_path / 'scrapy'}",
         *LOCAL, *off],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == EXIT_HEALTH, done.stderr
    for out in ("cli", "scrapy"):
        (manifest,) = (tmp_path / out / "crawls").glob("*.json")
        run = json.loads(manifest.read_text(encoding="utf-8"))
        assert (run["health"], run["stats"][WALKS_CUT]) == (None, 1)


def test_a_walk_is_cut_at_a_page_of_no_new_entries_and_at_the_cap() -> None:
    walk = Walk()
    page = "http://127.0.0.1:8000/en/index.php/latest-articles.html?start=%d"
    assert walk.read(page % 0, ["en/1", "en/2"]) == 2
    assert walk_end(walk, 2, page % 2, max_pages=3) is None
    assert walk.read(page % 2, ["en/2", "en/3"]) == 1
    assert walk_end(walk, 1, page % 4, max_pages=3) is None
    assert walk.read(page % 4, ["en/3", "en/1"]) == 0
    assert walk_end(walk, 0, page % 6, max_pages=3) == (
        "the listing page adds no entry the walk had not listed before"
    )
    assert walk_end(Walk(pages=3), 2, page % 6, max_pages=3) == (
        "the walk reached ARCHIVER_MAX_LISTING_PAGES (3 pages)"
    )


def test_a_next_link_back_to_a_page_the_walk_read_cuts_it() -> None:
    """The duplicate filter would drop that request without a word, and the walk would pass
    for complete."""
    walk = Walk()
    first = "http://127.0.0.1:8000/en/index.php/latest-articles.html?start=0&limit=2"
    walk.read(first, ["en/1", "en/2"])
    walk.read(first.replace("start=0", "start=2"), ["en/3", "en/4"])
    back = "http://127.0.0.1:8000/en/index.php/latest-articles.html?limit=2&start=0"
    assert walk_end(walk, 2, back, max_pages=10) == (
        "the next link leads back to a page the walk has read"
    )


def test_cut_walks_fail_the_health_check() -> None:
    (problem,) = check({"listing/pages": 4, WALKS_CUT: 1}, [], Thresholds(floors={}))
    assert (problem.lang, problem.what) == ("all", "listings")
    assert problem.message.startswith("1 listing walk(s) were cut before their last page")


class Failures(list[tuple[str, str]]):
    def record(self, url: str, reason: str, **_: Any) -> None:
        self.append((url, reason))


def test_an_over_long_next_link_cuts_the_walk() -> None:
    crawler = get_crawler(MediaOfficeSpider, {"ARCHIVER_OUT": "unused", "URLLENGTH_LIMIT": 200})
    spider = MediaOfficeSpider.from_crawler(crawler, base_url="http://127.0.0.1:8000", mode="full")
    failures = Failures()
    crawler.signals.connect(failures.record, signal=signals.fetch_failed)
    crawler.stats.open_spider()
    url = "http://127.0.0.1:8000/en/index.php/latest-articles.html"
    page = listing_page("en", 0).replace("?start=2", "?start=2&" + "x" * 200)
    response = HtmlResponse(url, body=page.encode(), request=Request(url))
    requests = list(spider.parse_listing(response))
    assert [r.url.removeprefix("http://127.0.0.1:8000") for r in requests] == [
        item_path("en", 1),
        item_path("en", 2),
    ]
    next_url = f"{url}?start=2&{'x' * 200}"
    assert failures == [
        (
            "http://127.0.0.1:8000" + item_path("en", LONG_ID),
            f"URL longer than URLLENGTH_LIMIT: {len(item_path('en', LONG_ID)) + 21} > 200 "
            "characters",
        ),
        (next_url, f"URL longer than URLLENGTH_LIMIT: {len(next_url)} > 200 characters"),
    ]
    assert crawler.stats.get_value(WALKS_CUT) == 1


def test_the_page_cap_must_be_at_least_one() -> None:
    crawler = get_crawler(MediaOfficeSpider, {"ARCHIVER_OUT": "x", "ARCHIVER_MAX_LISTING_PAGES": 0})
    with pytest.raises(ValueError, match="ARCHIVER_MAX_LISTING_PAGES must be at least 1, not 0"):
        MediaOfficeSpider.from_crawler(crawler, mode="full")


def test_the_length_that_counts_is_the_percent_encoded_one() -> None:
    """A non-Latin menu path (tr, ur, pe, pa) is three times longer on the wire."""
    crawler = get_crawler(MediaOfficeSpider, {"ARCHIVER_OUT": "unused", "URLLENGTH_LIMIT": 300})
    spider = MediaOfficeSpider.from_crawler(crawler, base_url="http://127.0.0.1:8000", mode="full")
    failures = Failures()
    crawler.signals.connect(failures.record, signal=signals.fetch_failed)
    assert crawler.stats is not None
    crawler.stats.open_spider()
    url = "http://127.0.0.1:8000/ur/index.php/latest-articles.html"
    path = "/ur/index.php/" + "خبر" * 40 + "/5.html"  # 134 characters, 374 encoded
    page = f'<html><body><div id="itemListPrimary"><article><header><h4><a href="{path}">x</a>'
    response = HtmlResponse(url, body=page.encode(), request=Request(url), encoding="utf-8")
    assert list(spider.parse_listing(response)) == []
    ((failed, reason),) = failures
    assert len(failed) > 300 > len("http://127.0.0.1:8000" + path)
    assert reason == f"URL longer than URLLENGTH_LIMIT: {len(failed)} > 300 characters"
