"""One benchmark crawl in its own process: ``crawl_child.py KIND BASE_URL LANGS OUT``.

KIND is ``donothing`` (walk the same listings and item pages, extract nothing, write nothing),
``archiver`` (the mediaoffice spider with the project's pipelines, writers timed), ``nowarc``
(the same with ARCHIVER_WARC_ENABLED=False) or ``noparquet`` (the same with only the normalise
pipeline). Prints one JSON line with the wall time, the CPU seconds of the crawl's process and
of its helper processes, pages, items, the writers' seconds and the peak RSS.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["SCRAPY_SETTINGS_MODULE"] = "archiver.settings"

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response
from scrapy.utils.project import get_project_settings

from archiver.crawl import LOCAL_SETTINGS
from archiver.pages import ListingPage
from archiver.sections import LATEST_MENU
from archiver.urls import rebase
from bench.timed_pipeline import install_timer

NORMALISE_ONLY = {"pipelines.normalise.NormalisePipeline": 100}


class DoNothing(scrapy.Spider):
    """The same walk as mediaoffice (listings, next links, items), with nothing done."""

    name = "donothing"

    def __init__(self, base_url: str, langs: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url
        self.langs = langs.split(",")

    async def start(self) -> Any:
        for lang in self.langs:
            yield scrapy.Request(
                f"{self.base_url}/{lang}/index.php/{LATEST_MENU[lang]}.html", self.listing
            )

    def listing(self, response: Response) -> Iterator[scrapy.Request]:
        page = ListingPage(response.body, response.url)
        for entry in page.entries():
            # Some items are linked on a mirror host: fetched from the replica, as mediaoffice does.
            yield scrapy.Request(rebase(entry.url, self.base_url), self.item, priority=1)
        next_url = page.next_url()
        if next_url:
            yield response.follow(rebase(next_url, self.base_url), self.listing)

    def item(self, response: Response) -> None:
        return None


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    kind, base_url, langs, out = sys.argv[1:5]
    settings = get_project_settings()
    settings.update(LOCAL_SETTINGS, priority="cmdline")
    settings.update(
        {"ARCHIVER_OUT": out, "LOG_LEVEL": "ERROR", "ARCHIVER_PROGRESS": "off"}, priority="cmdline"
    )
    if kind == "donothing":
        settings.set("ITEM_PIPELINES", {}, priority="cmdline")
        settings.set("DOWNLOADER_MIDDLEWARES", {}, priority="cmdline")
        timer = None
    else:
        timer = install_timer(settings)
    if kind == "nowarc":
        settings.set("ARCHIVER_WARC_ENABLED", False, priority="cmdline")
    if kind == "noparquet":
        settings.set("ITEM_PIPELINES", NORMALISE_ONLY, priority="cmdline")
    process = CrawlerProcess(settings)
    if kind == "donothing":
        crawler = process.create_crawler(DoNothing)
        process.crawl(crawler, base_url=base_url, langs=langs)
    else:
        crawler = process.create_crawler("mediaoffice")
        process.crawl(crawler, base_url=base_url, lang=langs, mode="full")
    started, cpu_started = time.perf_counter(), time.process_time()
    process.start()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    assert crawler.stats is not None
    stats = crawler.stats.get_stats()
    result = {
        "wall": wall,
        "cpu": cpu,  # the reactor's process
        # Its helpers (capture and page processes), reaped when the crawl closes them.
        "helpers_cpu": _children_cpu(),
        "pages": stats.get("response_received_count", 0),
        "items": stats.get("item_scraped_count", 0),
        "parquet_seconds": timer.parquet_seconds if timer else 0.0,
        "warc_seconds": timer.warc_seconds if timer else 0.0,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
