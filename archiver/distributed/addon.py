"""The Scrapy add-on that makes a crawl a frontier worker when ``ARCHIVER_FRONTIER`` is set
(``archiver crawl --frontier URL``, or ``scrapy crawl … -s ARCHIVER_FRONTIER=URL``)."""

from __future__ import annotations

from scrapy.settings import BaseSettings

WORKER = "archiver.distributed.worker.FrontierWorker"
HOST_RATE = "archiver.distributed.politeness.SharedHostRate"


class Frontier:
    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("ARCHIVER_FRONTIER"):
            return
        settings.set("SCHEDULER", "archiver.distributed.scheduler.FrontierScheduler", "addon")
        settings.set("SCHEDULER_PERSIST", True, "addon")
        settings["SPIDER_MIDDLEWARES"][WORKER] = 1000
        # process_request runs from the lowest number up: the wait comes last, just before
        # the download, after robots.txt and the retry back-off.
        settings["DOWNLOADER_MIDDLEWARES"][HOST_RATE] = 990
