"""Project signals (Scrapy signals are plain sentinel objects)."""

from __future__ import annotations

# Sent by spiders when a request ends without an item: kwargs url, reason, status and
# listing_date (an item's, else None).
fetch_failed = object()
