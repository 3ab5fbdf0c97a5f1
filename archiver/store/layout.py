"""Where things live inside an archive directory (the dataset contract's layout)."""

from __future__ import annotations

ARTICLES_DIR = "articles"  # articles/lang=XX/YYYY/part-….parquet (version 1: year=YYYY)
WARC_DIR = "warc"  # {crawl_id}-{seq}.warc.gz
CRAWLS_DIR = "crawls"  # {crawl_id}.json manifests, compact-….json records
# The directories whose files the archive's writers publish atomically (write, then rename).
WRITTEN_DIRS = (ARTICLES_DIR, CRAWLS_DIR)
