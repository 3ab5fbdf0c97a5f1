"""Project signals (Scrapy signals are plain sentinel objects)."""

from __future__ import annotations

# Sent by spiders when a request ends without an item: kwargs url, reason, status.
fetch_failed = object()
