"""The archiver command run as a user runs it: a child process, its output captured."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def archiver(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m archiver.cli ARGS`` from the repository; the timeout guards a hung child."""
    return subprocess.run(
        [sys.executable, "-m", "archiver.cli", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
