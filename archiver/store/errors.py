"""Damage to an archive that stops its readers with one line, not a traceback.

Kept apart from the code that finds it (``archiver.store.manifest``) so that the ``archiver``
router and ``scrapy crawl`` can catch it without importing pyarrow and warcio at start-up.
"""

from __future__ import annotations

from pathlib import Path


class UnreadableManifest(Exception):
    """A crawl manifest that is not a JSON object: what readers of the archive would count is
    unknown, so they stop with one line (``archiver verify`` names it as a problem)."""

    def __init__(self, path: Path, why: str) -> None:
        self.problem = f"{path}: unreadable crawl manifest ({why})"
        super().__init__(f"{self.problem}; see `archiver verify`")
