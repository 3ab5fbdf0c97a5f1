"""Importing archiver asks pyarrow for the system allocator, and leaves an operator's choice."""

from __future__ import annotations

import os
import subprocess
import sys

SHOW = "import archiver, pyarrow; print(pyarrow.default_memory_pool().backend_name)"


def _backend(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    done = subprocess.run(
        [sys.executable, "-c", SHOW], env={**clean, **env}, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_system_allocator_by_default() -> None:
    assert _backend() == "system"


def test_the_environment_wins() -> None:
    """mimalloc: pyarrow's own default, in every wheel."""
    assert _backend(ARROW_DEFAULT_MEMORY_POOL="mimalloc") == "mimalloc"
