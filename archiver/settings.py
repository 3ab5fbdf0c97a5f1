"""Scrapy settings for the project, and every ``ARCHIVER_*`` default in one place.

Defaults are polite and aimed at the real site; the demo, tests and benchmarks override the
delays with ``-s`` / ``settings=`` when they crawl the local replica. Each setting's kind (a
whole number, seconds, a flag, …) is declared in ``archiver.preflight.SETTING_KINDS``, which
refuses a wrong value before a crawl starts: a new setting gets a line there too.
"""

from __future__ import annotations

import os

from archiver.contact import user_agent

BOT_NAME = "archiver"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
# `scrapy crawl` as `archiver crawl` runs it: checked inputs, health check, exit codes.
COMMANDS_MODULE = "archiver.scrapy_commands"

# --- politeness -----------------------------------------------------------------------------
# Who runs this crawler, named in its user agent: a URL or an e-mail address (mailto:…), from
# -s ARCHIVER_CONTACT=… or the ARCHIVER_CONTACT environment variable. Required to crawl the
# real site's hosts (a crawl of them refuses to start without it); a replica or another mirror
# does not need it.
ARCHIVER_CONTACT = os.environ.get("ARCHIVER_CONTACT", "")
# "archiver/VERSION (research archive …; +CONTACT)"; rebuilt from a -s ARCHIVER_CONTACT when the
# crawl starts, unless USER_AGENT itself is given.
USER_AGENT = user_agent(ARCHIVER_CONTACT)
ROBOTSTXT_OBEY = True
DOWNLOAD_DELAY = 1.0
CONCURRENT_REQUESTS = 4
CONCURRENT_REQUESTS_PER_DOMAIN = 2
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = 60
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
COOKIES_ENABLED = False
# Only http(s) is ever fetched: no handler for file:, ftp:, s3: or data: addresses, as a second
# wall behind the scope checks (a hostile page's file:// link cannot read the disk).
DOWNLOAD_HANDLERS = {"file": None, "ftp": None, "s3": None, "data": None}
# `archiver extract URL` gives up on a fetch (redirects and body included) past this many
# seconds; it fetches with the same DOWNLOAD_MAXSIZE, DOWNLOAD_TIMEOUT and scope as a crawl.
ARCHIVER_EXTRACT_DEADLINE = 120.0
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # no listening port on an unattended crawler

# --- throughput (measured: see docs/benchmarks.md) -------------------------------------------
# One item per response: more concurrent item tasks only cost CPU.
CONCURRENT_ITEMS = 1
LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"

# --- the archive ----------------------------------------------------------------------------
ITEM_PIPELINES = {
    "pipelines.normalise.NormalisePipeline": 100,
    "pipelines.parquet.ParquetPipeline": 900,
}

# Where `scrapy crawl` writes when no -s ARCHIVER_OUT is given.
ARCHIVER_OUT = "data/archive"
# Rows buffered per (lang, year) partition before a part file is written.
ARCHIVER_BATCH_ROWS = 200
# The run's crawl id ("": one made from the start time, the default); fixed ids are for tests
# and for re-running a known run's name.
ARCHIVER_CRAWL_ID = ""
# Keep every response (with its request) in gzipped WARC files under {ARCHIVER_OUT}/warc/.
ARCHIVER_WARC_ENABLED = True
# A WARC file is closed and a new one started past this size.
ARCHIVER_WARC_MAX_BYTES = 1024 * 1024 * 1024
# The s3://bucket/prefix a crawl uploads to as it commits ("": a local archive, the default).
# `archiver crawl --out s3://…` sets it, with ARCHIVER_OUT a local staging copy (docs/storage.md).
ARCHIVER_REMOTE = ""
# Wait as a 429/503 response's Retry-After asks (seconds or HTTP date), at most this long.
ARCHIVER_RETRY_AFTER_ENABLED = True
ARCHIVER_RETRY_AFTER_MAX = 300.0
# Back-off before the n-th retry of anything else: BASE x 2^(n-1) seconds, at most MAX
# (0 turns it off, as the local replica's runs do).
ARCHIVER_RETRY_BACKOFF_BASE = 2.0
ARCHIVER_RETRY_BACKOFF_MAX = 60.0
DOWNLOADER_MIDDLEWARES = {
    # The scope's wall (archiver/middlewares/scope.py): every request is checked before the
    # offsite filter (50) and robots.txt (100) see it, every redirect before Scrapy's redirect
    # middlewares (600, 580) follow it.
    "archiver.middlewares.scope.OffScopeRequests": 40,
    "archiver.middlewares.scope.OffScopeRedirects": 610,
    "archiver.middlewares.scope.OffScopeRefreshes": 585,
    # process_response runs from the highest number down: capture first, then Retry-After,
    # then Scrapy's RetryMiddleware (550) for everything else.
    "archiver.middlewares.retry_after.RetryAfterMiddleware": 560,
    # process_request runs from the lowest number up; placement only matters for the wait.
    "archiver.middlewares.backoff.RetryBackoffMiddleware": 540,
    "archiver.middlewares.warc.WarcCaptureMiddleware": 950,
}
# Health check at the end of `archiver crawl` and `scrapy crawl` (exit code 3 when it fails):
# the lowest acceptable coverage per field (merged over archiver.health.DEFAULT_FLOORS), the
# largest acceptable drop against the previous run, the fewest items per language worth
# judging, and the largest acceptable share of failed pages.
# The check runs as the extension archiver.extensions.health.HealthCheck, for `scrapy crawl`
# too; spiders that do not walk the listings (article) turn it off.
ARCHIVER_HEALTH_ENABLED = True
ARCHIVER_HEALTH_FLOORS: dict[str, float] = {}
ARCHIVER_HEALTH_MAX_DROP = 0.20
ARCHIVER_HEALTH_MIN_ITEMS = 20
# A field missing from every one of at least this many due items fails at once.
ARCHIVER_HEALTH_EMPTY_AT = 3
ARCHIVER_HEALTH_MAX_ERROR_RATE = 0.10
# A one-line progress display: auto (only on a terminal), on, off; seconds between updates.
ARCHIVER_PROGRESS = "auto"
ARCHIVER_PROGRESS_INTERVAL = 2.0
EXTENSIONS = {
    "archiver.extensions.progress.Progress": 500,
    "archiver.extensions.health.HealthCheck": 510,
    "archiver.extensions.upload.RemoteUpload": 520,
}
# Listing pages one walk (a listing and its next pages) reads at most before it is cut as a
# failure: a server whose pagination never ends cannot keep a crawl running. Generous for the
# real site: Arabic's ≥100k items at the smallest page size seen (8 a page) are ≈12,500 pages.
ARCHIVER_MAX_LISTING_PAGES = 50_000
# A shared frontier (archiver.distributed, docs/scaling.md): redis://HOST:PORT/DB of the Redis
# every worker of one crawl uses (empty: a crawl on its own); the name of the crawl there (one
# Redis database can hold several); seconds a worker's lease lasts without its heartbeat (a
# killed worker's requests go back to the queue after it); seconds between looks at the queue.
ARCHIVER_FRONTIER = ""
ARCHIVER_FRONTIER_NAME = "archiver"
ARCHIVER_FRONTIER_LEASE = 30.0
ARCHIVER_FRONTIER_POLL = 0.2
ADDONS = {"archiver.distributed.addon.Frontier": 0}
# The real site; spiders take -a base_url=… to crawl a mirror or the replica.
ARCHIVER_BASE_URL = "https://www.hizb-ut-tahrir.info"
