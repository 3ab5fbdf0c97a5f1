"""``archiver crawl --workers N --frontier URL``: N worker processes on this machine.

Scrapy runs one crawl per process (one reactor), so each worker is an ``archiver crawl`` child
with the same options; they meet in Redis like workers on other machines. The parent waits for
all of them and exits with the worst exit code (each worker already exits with the crawl's).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

from archiver.distributed.state import worst


def run_workers(argv: Sequence[str], count: int) -> int:
    """Run ``archiver ARGV`` ``count`` times at once; the worst of their exit codes."""
    children = [
        subprocess.Popen([sys.executable, "-m", "archiver.cli", *argv]) for _ in range(count)
    ]
    return worst([child.wait() for child in children])
