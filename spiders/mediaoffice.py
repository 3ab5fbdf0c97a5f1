"""The site crawl: listings newest first → item pages.

    scrapy crawl mediaoffice -a base_url=http://127.0.0.1:8000 -a lang=en,ar
        [-a mode=incremental|full] [-a since=2024-01-01] [-a until=2024-12-31]
        [-a category=press-releases/central-media-office] [-a max_items=100]
        [-a mirrors=https://hizbuttahrir.today,https://muslimworld.today]

It starts at each section's "latest" menu (or the given category menu), follows Joomla's
"next" links, and requests every listed item once per key, handing the listing's date to the
item callback (the listing is the best source of the publication date). Which entries to fetch
and when to stop is decided by ``archiver.frontier.plan_page``; a walk that would not end (no
new entry on a page, or ``ARCHIVER_MAX_LISTING_PAGES`` pages) is cut by
``archiver.frontier.walk_end``, recorded as a failure, and makes the run incomplete. A listed
URL longer than Scrapy's ``URLLENGTH_LIMIT`` is a failure too, not a request. A section
without the expected latest-items menu (404) is crawled through every listing its home page's
menus link to (a ``category`` that 404s is just a failure). Failed items of earlier runs are
retried first. When a section's first listing page cannot be fetched from the base URL
(refused, timed out, 5xx after retries), the crawl moves to the next of ``mirrors`` and
carries on there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from archiver.dataset import latest
from archiver.frontier import (
    COMPLETE_LANGS_STAT,
    MODES,
    Entry,
    Walk,
    listing_day,
    plan_page,
    walk_end,
)
from archiver.health import LISTING_FAILED, WALKS_CUT
from archiver.pages import ListingPage
from archiver.pages.section import SectionPage
from archiver.preflight import date_range
from archiver.sections import LATEST_MENU, parse_langs
from archiver.settings import ARCHIVER_MAX_LISTING_PAGES
from archiver.store.manifest import FailedFetch, unresolved_item_failures
from archiver.store.settled import settled_keys
from archiver.urls import Scope, move_to, parse_item_url
from spiders.base import EARLIER_FAILURE, ArchiveSpider

# Request meta: the walk (named by its first page's URL) a listing request belongs to.
WALK = "archiver_walk"


class MediaOfficeSpider(ArchiveSpider):
    name = "mediaoffice"

    def __init__(
        self,
        base_url: str | None = None,
        lang: str = "en",
        category: str | None = None,
        max_items: str | int | None = None,
        mode: str = "incremental",
        since: str | None = None,
        until: str | None = None,
        mirrors: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        self.base_url = (base_url or "").rstrip("/")
        self.langs = parse_langs(lang)
        self.category = category.strip("/") if category else None
        self.max_items = int(max_items) if max_items is not None else None
        self.mode = mode
        self.since, self.until = date_range(since, until)
        self.mirrors = [m.strip().rstrip("/") for m in (mirrors or "").split(",") if m.strip()]
        self.scope = Scope.of(self.base_url, tuple(self.mirrors))
        self.known: set[str] = set()  # keys already archived (incremental mode)
        self.settled: set[str] = set()  # archived keys that may end a walk (incremental mode)
        self.requested: set[str] = set()  # item keys already requested in this run
        self.earlier_failures: list[FailedFetch] = []  # items earlier runs failed to fetch
        self.walks: dict[str, Walk] = {}  # listing walks by their first page's URL
        self.max_listing_pages = ARCHIVER_MAX_LISTING_PAGES  # the setting, read by from_crawler
        self.url_length_limit = 0  # Scrapy's URLLENGTH_LIMIT (0: none), set by from_crawler

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> MediaOfficeSpider:
        kwargs.setdefault("base_url", crawler.settings.get("ARCHIVER_BASE_URL"))
        spider: MediaOfficeSpider = super().from_crawler(crawler, *args, **kwargs)
        spider.allowed_domains = spider.scope_domains()
        spider.max_listing_pages = crawler.settings.getint(
            "ARCHIVER_MAX_LISTING_PAGES", ARCHIVER_MAX_LISTING_PAGES
        )
        if spider.max_listing_pages < 1:
            raise ValueError(
                f"ARCHIVER_MAX_LISTING_PAGES must be at least 1, not {spider.max_listing_pages}"
            )
        spider.url_length_limit = crawler.settings.getint("URLLENGTH_LIMIT")
        if spider.mode == "incremental":
            out = Path(crawler.settings["ARCHIVER_OUT"])
            spider.known = set(latest(out, columns=["key"]).column("key").to_pylist())
            spider.settled = settled_keys(out)
            spider.earlier_failures = unresolved_item_failures(out, spider.known)
        return spider

    def run_options(self) -> dict[str, Any]:
        return {
            **super().run_options(),
            "langs": self.langs,
            "mode": self.mode,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "category": self.category,
            "mirrors": self.mirrors,
            "max_items": self.max_items,
        }

    def listing_lost(self, stat: str = LISTING_FAILED) -> None:
        """A listing page that could not be read (or a walk cut, ``WALKS_CUT``): this run
        vouches for no section's walk, and its health check says so."""
        assert self.crawler is not None and self.crawler.stats is not None
        self.crawler.stats.set_value(COMPLETE_LANGS_STAT, [])
        self.crawler.stats.inc_value(stat)

    def too_long(self, request: scrapy.Request) -> bool:
        """Whether the request's URL, as sent (percent-encoded), is over ``URLLENGTH_LIMIT``,
        which Scrapy's middleware would drop with only a log line; it is reported as a
        failure instead."""
        url = request.url
        if not self.url_length_limit or len(url) <= self.url_length_limit:
            return False
        assert self.crawler is not None and self.crawler.stats is not None
        self.crawler.stats.inc_value("listing/url_too_long")
        self.report_failure(
            url,
            f"URL longer than URLLENGTH_LIMIT: {len(url)} > {self.url_length_limit} characters",
            None,
            request.cb_kwargs.get("listing_date"),
        )
        return True

    def listing_failed(self, failure: Failure) -> None:
        self.listing_lost()
        self.record_failure(failure)

    def listing_url(self, lang: str) -> str:
        menu = self.category or LATEST_MENU[lang]
        suffix = "" if menu.endswith(".html") else ".html"
        return f"{self.base_url}/{lang}/index.php/{menu}{suffix}"

    def first_listing(self, lang: str) -> scrapy.Request:
        return scrapy.Request(
            self.listing_url(lang),
            callback=self.parse_listing,
            errback=self.first_listing_failed,
            meta={"lang": lang, "base_url": self.base_url},
            dont_filter=True,
        )

    async def start(self) -> Any:
        assert self.crawler is not None and self.crawler.stats is not None
        bounded = self.category or self.max_items is not None or self.since or self.until
        self.crawler.stats.set_value(COMPLETE_LANGS_STAT, [] if bounded else list(self.langs))
        for lang in self.langs:
            yield self.first_listing(lang)
        if self.mode == "incremental":
            for failed in self.earlier_failures:
                ref = parse_item_url(failed.url)
                if ref is None or ref.lang not in self.langs or ref.key in self.requested:
                    continue
                self.requested.add(ref.key)
                self.crawler.stats.inc_value("retry/earlier_failures")
                # Where the crawl is now, not the host (or port) the item failed on.
                request = self.item_request(move_to(failed.url, self.base_url), failed.listing_date)
                if self.too_long(request):
                    continue
                request.meta[EARLIER_FAILURE] = True
                yield request

    def first_listing_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        """A 404 means this section names its latest-items menu otherwise: start from the
        listings its own menus link to (a --category that is not there is just a failure).
        Any other failure means the base host fails: move the whole crawl to the next mirror,
        if any."""
        assert self.crawler is not None and self.crawler.stats is not None
        meta = failure.request.meta  # type: ignore[attr-defined]
        error = failure.value
        not_found = isinstance(error, HttpError) and error.response.status == 404
        if not_found and self.category is None:
            self.crawler.stats.inc_value("listing/latest_menu_missing")
            yield scrapy.Request(
                f"{self.base_url}/{meta['lang']}/index.php",
                callback=self.parse_section,
                errback=self.listing_failed,
            )
            return
        self.record_failure(failure)
        if not_found:
            self.listing_lost()
            return
        if meta["base_url"] == self.base_url and self.mirrors:  # the first section to notice
            self.move_base(self.mirrors.pop(0))
            self.crawler.stats.inc_value("mirror/switched")
            self.logger.warning(
                "%s fails; switching to the mirror %s", meta["base_url"], self.base_url
            )
        if meta["base_url"] != self.base_url:
            yield self.first_listing(meta["lang"])
        else:
            self.listing_lost()

    def parse_section(self, response: Response) -> Iterator[scrapy.Request]:
        assert self.crawler is not None and self.crawler.stats is not None
        listings = SectionPage(response.body, response.url).menu_listings()
        self.crawler.stats.inc_value("listing/from_section_menus", len(listings))
        for url in filter(None, map(self.scope.link, listings)):
            yield scrapy.Request(url, callback=self.parse_listing, errback=self.listing_failed)

    def budget_left(self) -> bool:
        return self.max_items is None or len(self.requested) < self.max_items

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        assert self.crawler is not None and self.crawler.stats is not None
        stats = self.crawler.stats
        page = ListingPage(response.body, response.url)
        stats.inc_value("listing/pages")
        walk_name = response.meta.get(WALK, response.url)
        walk = self.walks.setdefault(walk_name, Walk())
        items = []
        for listed in page.entries():
            ref = parse_item_url(listed.url)
            url = self.scope.link(listed.url)
            if url is None:
                stats.inc_value("listing/off_site")
            elif ref is None:
                stats.inc_value("listing/not_an_item")
            else:
                items.append((ref.key, listed, url))
        entries = [Entry(key, listing_day(listed.datetime_raw)) for key, listed, _ in items]
        unseen = walk.read(response.url, (key for key, _, _ in items))
        plan = plan_page(
            entries,
            self.known,
            mode=self.mode,
            since=self.since,
            until=self.until,
            settled=self.settled,
        )
        stats.inc_value("listing/skipped_known", plan.skipped_known)
        stats.inc_value("listing/skipped_out_of_range", plan.skipped_range)
        for index in plan.fetch:
            key, listed, url = items[index]
            if key in self.requested:
                stats.inc_value("listing/duplicate")
                continue
            if not self.budget_left():
                return
            self.requested.add(key)
            request = self.item_request(url, listed.datetime_raw)
            if not self.too_long(request):
                yield request
        next_url = page.next_url()
        if not plan.follow_next:
            stats.inc_value("listing/stopped_early")
        elif next_url and self.budget_left():
            yield from self.next_listing(response, next_url, walk_name, unseen)

    def next_listing(
        self, response: Response, next_url: str, walk_name: str, unseen: int
    ) -> Iterator[scrapy.Request]:
        """The walk's next page, if its link stays in scope and the walk may go on (its page
        listed ``unseen`` new entries); a link that leaves scope (another host, port or scheme)
        or a walk cut (``walk_end``) ends the walk as a failure naming the link."""
        url = self.scope.link(next_url)
        if url is None:
            self.listing_lost()
            self.report_failure(
                response.url, f"OffScope: next page off scope: {next_url}", None, None
            )
            return
        cut = walk_end(self.walks[walk_name], unseen, url, self.max_listing_pages)
        request = scrapy.Request(
            url, callback=self.parse_listing, errback=self.listing_failed, meta={WALK: walk_name}
        )
        if cut is not None:
            self.listing_lost(WALKS_CUT)
            self.report_failure(url, f"listing walk cut: {cut} ({response.url})", None, None)
        elif self.too_long(request):
            self.listing_lost(WALKS_CUT)
        else:
            yield request
