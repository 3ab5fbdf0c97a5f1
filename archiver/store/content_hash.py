"""The content hash that decides whether a fetched item is a new version.

It covers what the item says, not how or when it was fetched: the header widget date, the
fetch time, the host and the raw HTML (which carries the serving day) are left out, so a
re-crawl of unchanged content hashes the same.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

CONTENT_FIELDS: tuple[str, ...] = (
    "key",
    "category",
    "category_path",
    "kind",
    "title",
    "subtitle",
    "translated",
    "news",
    "comment",
    "body",
    "author",
    "signoff",
    "office",
    "reference",
    "published_date",
    "published_hijri",
    "tags",
    "links",
    "images",
    "media",
)


def content_sha256(record: dict[str, Any]) -> str:
    payload = {name: record.get(name) for name in CONTENT_FIELDS}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
