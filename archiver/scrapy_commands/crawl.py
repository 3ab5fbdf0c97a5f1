"""``scrapy crawl``, run as ``archiver crawl`` runs a crawl (``archiver.crawl.execute``).

Scrapy's own command exits 1 only when the crawl could not start. This one, found first through
``COMMANDS_MODULE``, also checks the inputs before anything starts and exits as ``archiver
crawl`` does: 0 done and healthy; 1 not finished, rows lost, or the archive locked; 2 a bad
setting or argument; 3 a listing walk incomplete or the health check failed. Errors an
operator can fix are one line on standard error, never a traceback.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from scrapy.commands import crawl
from scrapy.exceptions import UsageError

from archiver.cli import EXIT_FAILURE, EXIT_USAGE
from archiver.crawl import execute
from archiver.store.errors import UnreadableManifest
from archiver.store.lock import ArchiveLocked

if TYPE_CHECKING:
    import argparse


class Command(crawl.Command):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one spider: scrapy crawl mediaoffice|article [options]")
        assert self.crawler_process is not None
        try:
            result = execute(self.crawler_process, self._create_crawler(args[0]), opts.spargs)
        except ValueError as error:  # preflight.Refused, or a spider's bad argument
            self._refuse(str(error), EXIT_USAGE)
        except (ArchiveLocked, UnreadableManifest) as error:
            self._refuse(str(error), EXIT_FAILURE)
        else:
            self.exitcode = result.exit_code

    def _refuse(self, message: str, code: int) -> None:
        print(f"scrapy crawl: {message}", file=sys.stderr)
        self.exitcode = code
