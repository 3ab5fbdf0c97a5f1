"""The exit codes of ``archiver`` and ``scrapy crawl``: a contract with schedulers
(docs/operations.md), kept apart so the commands, the crawl and the frontier workers all take
them from below instead of from the command-line router above them."""

from __future__ import annotations

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_HEALTH = 0, 1, 2, 3
