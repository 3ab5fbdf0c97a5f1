"""Project signals (Scrapy signals are plain sentinel objects)."""

from __future__ import annotations

# Sent by spiders when a request ends without an item: kwargs url, reason, status,
# listing_date (an item's, else None) and retry (it had failed in an earlier run too).
fetch_failed = object()

# Sent by the WARC capture when it has published a WARC file: kwarg warc (a WarcFile), for
# the crawl manifest.
warc_file_closed = object()

# Sent by a component that could not write the archive (a full disk): kwarg error (the
# OSError). The Parquet pipeline stops the crawl and records it for the run's summary.
archive_write_failed = object()
