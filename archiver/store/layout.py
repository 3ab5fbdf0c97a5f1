"""Where things live inside an archive directory (the dataset contract's layout)."""

from __future__ import annotations

import re

ARTICLES_DIR = "articles"  # articles/lang=XX/YYYY/part-….parquet (version 1: year=YYYY)
WARC_DIR = "warc"  # {crawl_id}-{seq}.warc.gz
CRAWLS_DIR = "crawls"  # {crawl_id}.json manifests, compact-….json records
# The directories whose files the archive's writers publish atomically (write, then rename).
WRITTEN_DIRS = (ARTICLES_DIR, CRAWLS_DIR)

# The sequence number ending every file name a crawl writes: part-{crawl_id}-00001.parquet,
# {crawl_id}-00001.warc.gz.
_SEQUENCE = re.compile(r"-\d{5}\.(parquet|warc\.gz)$")


def crawl_of(name: str) -> str:
    """The crawl id in the name of a part file or WARC file the crawl wrote."""
    return _SEQUENCE.sub("", name.removeprefix("part-"))
