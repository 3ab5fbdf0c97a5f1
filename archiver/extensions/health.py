"""The health check as a Scrapy extension: every crawl is judged the same way.

When the spider closes, the run's stats are checked against the floors and the earlier runs of
its archive (``archiver.health``); the verdict goes to the stats (``health/verdict``), the log,
the run's manifest and the exit code of ``archiver crawl`` and ``scrapy crawl`` alike. Spiders
that do not walk the site's listings (``article``) turn it off with ``ARCHIVER_HEALTH_ENABLED``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import NotConfigured

from archiver.health import Thresholds, Verdict, check, thresholds_from
from archiver.store.manifest import crawl_id_for, earlier_runs_stats

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)
VERDICT_STAT = "health/verdict"


class HealthCheck:
    def __init__(self, crawler: Crawler, thresholds: Thresholds) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats: StatsCollector = crawler.stats
        self.thresholds = thresholds
        self._verdict: Verdict | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HealthCheck:
        if not crawler.settings.getbool("ARCHIVER_HEALTH_ENABLED"):
            raise NotConfigured  # off for this spider: intended, so Scrapy logs no warning
        extension = cls(crawler, thresholds_from(crawler.settings))
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def verdict(self) -> Verdict:
        """Judged once, on the first call after the run's counting ended (the spider closed):
        the manifest's writer and the commands ask in whichever order."""
        if self._verdict is None:
            out = Path(self.crawler.settings["ARCHIVER_OUT"])
            previous = earlier_runs_stats(out, before=crawl_id_for(self.crawler))
            self._verdict = Verdict(tuple(check(self.stats.get_stats(), previous, self.thresholds)))
            self.stats.set_value(VERDICT_STAT, self._verdict.name)
        return self._verdict

    def closed(self) -> None:
        for problem in self.verdict().problems:
            logger.warning("HEALTH: %s", problem.message)
